"""Official results (`official_results`, `official_levels`): what the LHEs loaded by `spbe lhe` state.

One result per government and year: loading an LHE of the same government and year again replaces
the earlier one in one transaction. Numbers that do not add up are never stored: the levels must give
the printed Indeks SPBE with the framework's weights (`index_problem`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from pipeline.judge.scoring import spbe_index
from pipeline.official.lhe import LheError, LheReport, government_key
from pipeline.rules import framework_for_year
from pipeline.store.bulk import insert_rows
from pipeline.store.transaction import transaction

INDEX_TOLERANCE = 0.01  # the printed index has two decimals
_COLUMNS = ("result_id", "government", "government_key", "government_code", "year", "kind", "framework",
            "index_value", "predicate", "index_page", "source_name", "source_sha256", "read_at")  # fmt: skip
_FIELDS = tuple("index" if c == "index_value" else c for c in _COLUMNS)  # StoredOfficial's names


@dataclass(frozen=True)
class StoredOfficial:
    """One stored official result with its levels (indicator -> level, indicator -> page)."""

    result_id: int
    government: str
    government_key: str
    government_code: str | None
    year: int
    kind: str
    framework: str
    index: float
    predicate: str
    index_page: int
    source_name: str
    source_sha256: str
    read_at: datetime
    levels: dict[int, int] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Saved:
    result_id: int
    replaced: tuple[str, ...]  # source names of the results this one replaced


def index_problem(report: LheReport) -> str | None:
    """Why the report's levels do not give its printed index (framework weights), or None."""
    recomputed = spbe_index(report.level_map(), framework_for_year(report.year)).value
    if abs(recomputed - report.index) > INDEX_TOLERANCE:
        shown, printed = (f"{v:.2f}".replace(".", ",") for v in (recomputed, report.index))
        return (
            f"Tingkat per indikator yang terbaca menghasilkan Indeks SPBE {shown}, sedangkan LHE mencetak {printed}: "
            "tabelnya tidak terbaca dengan benar."
        )
    return None


def check_report(report: LheReport) -> None:
    problem = index_problem(report)
    if problem:
        raise LheError(problem)


def has_official_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """False on a database opened read-only before migration 007 reached it."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('official_results', 'official_levels')"
    ).fetchone()
    return bool(row and row[0] == 2)


def save_official(con: duckdb.DuckDBPyConnection, report: LheReport, *, source_name: str, source_sha256: str) -> Saved:
    """Store the report's result and levels, replacing a stored result of the same government and year."""
    check_report(report)
    key = government_key(report.government)
    with transaction(con):
        old = con.execute(
            "SELECT result_id, source_name FROM official_results WHERE government_key = ? AND year = ?",
            [key, report.year],
        ).fetchall()
        for result_id, _ in old:
            con.execute("DELETE FROM official_levels WHERE result_id = ?", [result_id])
            con.execute("DELETE FROM official_results WHERE result_id = ?", [result_id])
        result_id = con.execute(
            """INSERT INTO official_results (government, government_key, government_code, year, kind, framework,
                   index_value, predicate, index_page, source_name, source_sha256, read_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING result_id""",
            [report.government, key, report.government_code, report.year, report.kind, report.framework,
             report.index, report.predicate, report.index_page, source_name, source_sha256, datetime.now()],
        ).fetchall()[0][0]  # fmt: skip
        insert_rows(con, "official_levels", [[result_id, lv.no, lv.level, lv.page] for lv in report.levels])
    return Saved(result_id, tuple(name for _, name in old))


def official_results(con: duckdb.DuckDBPyConnection) -> list[StoredOfficial]:
    """Every stored result, oldest year first (empty on a database without the tables)."""
    if not has_official_tables(con):
        return []
    levels: dict[int, dict[int, int]] = {}
    pages: dict[int, dict[int, int]] = {}
    for result_id, no, level, page in con.execute(
        "SELECT result_id, indicator, level, page FROM official_levels ORDER BY result_id, indicator"
    ).fetchall():
        levels.setdefault(result_id, {})[no] = level
        pages.setdefault(result_id, {})[no] = page
    rows = con.execute(f"SELECT {', '.join(_COLUMNS)} FROM official_results ORDER BY year, read_at").fetchall()
    return [
        StoredOfficial(**dict(zip(_FIELDS, row)), levels=levels.get(row[0], {}), pages=pages.get(row[0], {}))
        for row in rows
    ]
