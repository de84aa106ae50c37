"""The `runs` table: one row per run, from its start to its end."""

from __future__ import annotations

from datetime import datetime

import duckdb


def start_run(
    con: duckdb.DuckDBPyConnection, *, root: str, region: str | None, year: int | None, claims: str | None, version: str
) -> int:
    """Record a new run. Called under the run lock, so any run still 'running' died (killed, power
    cut): it is marked interrupted; what it had written stays and is not done again."""
    con.execute(
        """UPDATE runs SET status = 'interrupted', finished_at = ?,
                   message = 'Run terhenti sebelum selesai (proses dihentikan); run berikutnya melanjutkan.'
                   WHERE status = 'running'""",
        [datetime.now()],
    )
    return con.execute(
        """INSERT INTO runs (started_at, status, root, region, assessment_year, claims_path, extractor_version)
           VALUES (?, 'running', ?, ?, ?, ?, ?) RETURNING run_id""",
        [datetime.now(), root, region, year, claims, version],
    ).fetchall()[0][0]


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: int, *, status: str, counts: dict[str, int], message: str | None = None
) -> None:
    """Record how a run ended and what it counted (`counts`: column name -> value)."""
    columns = ", ".join(f"{name} = ?" for name in counts)
    con.execute(
        f"UPDATE runs SET finished_at = ?, status = ?, message = ?, {columns} WHERE run_id = ?",
        [datetime.now(), status, message, *counts.values(), run_id],
    )
