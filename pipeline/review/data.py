"""The review's data: gaps of the latest completed run, the admins' decisions, and which gaps a page shows.

Every function here is pure or takes one DuckDB connection; none knows about the web.

Decision model: `decisions` is append-only (migration 004). The current decision of a gap
(path, code) is its latest row whose sha256 equals the file's current sha256; when the content
changes, the gap is undecided again. The full history stays visible as the audit trail.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

import duckdb

from pipeline.outputs.export import latest_run
from pipeline.outputs.labels import flag_action, flag_label
from pipeline.store.codec import problems_from_json

DECISIONS = ("confirmed", "dismissed", "fixed")
DECISION_LABELS = {
    "confirmed": "Dikonfirmasi — OPD wajib memperbaiki",
    "dismissed": "Ditolak — bukan masalah (alarm palsu)",
    "fixed": "Sudah diperbaiki",
}
UNDECIDED_LABEL = "Belum ditinjau"

NOTE_REQUIRED = (
    "Keputusan BELUM disimpan: untuk menolak temuan (alarm palsu) catatan wajib diisi — "
    "jelaskan mengapa temuan ini bukan masalah."
)
WHO_REQUIRED = "Keputusan BELUM disimpan: isi nama Anda agar jejak audit mencatat siapa yang memutuskan."
BAD_DECISION = "Keputusan BELUM disimpan: pilih salah satu keputusan (dikonfirmasi, ditolak, atau sudah diperbaiki)."
NOT_A_GAP = (
    "Keputusan BELUM disimpan: temuan ini tidak ada lagi pada hasil pemeriksaan terakhir "
    "(mungkin baru saja diperbarui). Muat ulang halaman lalu tinjau kembali."
)
CHANGED = (
    "Keputusan BELUM disimpan: isi berkas telah berubah sejak halaman dimuat. "
    "Muat ulang halaman dan tinjau versi terbaru berkas ini."
)
MAX_TEXT = 2000  # note and name length limit


class DecisionRefused(ValueError):
    """A decision that is not stored, with the reason for the admin (Bahasa Indonesia)."""


@dataclass(frozen=True)
class Decision:
    id: int
    path: str
    sha256: str
    code: str
    decision: str
    note: str
    who: str
    decided_at: datetime
    run_id: int | None

    @property
    def label(self) -> str:
        return DECISION_LABELS.get(self.decision, self.decision)


@dataclass
class Gap:
    path: str
    opd: str
    code: str
    message: str
    source: str  # "judgement" (doc_flags) or "ingestion" (file problems)
    sha256: str
    title: str | None = None
    indicators: tuple[int, ...] = ()
    snippet: str | None = None
    page: int | None = None
    snippet_indicator: int | None = None
    history: list[Decision] = field(default_factory=list)  # oldest first
    decision: Decision | None = None  # current decision (same sha256), None = undecided

    @property
    def key(self) -> str:
        return gap_key(self.path, self.code)

    @property
    def label(self) -> str:
        return flag_label(self.code)

    @property
    def action(self) -> str:
        return flag_action(self.code)

    @property
    def state(self) -> str:
        return self.decision.decision if self.decision else "undecided"


def gap_key(path: str, code: str) -> str:
    """The HTML anchor of a gap: stable across runs, and safe in an id whatever the path holds."""
    return "g" + hashlib.sha1(f"{path}\0{code}".encode()).hexdigest()[:12]


@dataclass
class Review:
    run: dict | None
    gaps: list[Gap]
    indicator_names: dict[int, str]


# --- reading ------------------------------------------------------------------------------------


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return (
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0] > 0
    )


def current_decision(history: Iterable[Decision], sha256: str) -> Decision | None:
    """The latest decision made on this content; None when the content was never decided."""
    same = [d for d in history if d.sha256 == sha256]
    return max(same, key=lambda d: d.id) if same else None


def load_decisions(con: duckdb.DuckDBPyConnection, path: str | None = None, code: str | None = None) -> list[Decision]:
    if not _has_table(con, "decisions"):  # a read-only session on a database not yet migrated to 004
        return []
    where, params = [], []
    if path is not None:
        where.append("path = ?")
        params.append(path)
    if code is not None:
        where.append("code = ?")
        params.append(code)
    sql = "SELECT id, path, sha256, code, decision, note, who, decided_at, run_id FROM decisions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [Decision(*row) for row in con.execute(sql + " ORDER BY id", params).fetchall()]


def _opd_of(path: str) -> str:
    parts = PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else ""


def _load_gaps(con: duckdb.DuckDBPyConnection, run_id: int) -> dict[tuple[str, str], Gap]:
    """One gap per (path, code): ingestion problems of files not ok, then the run's judgement flags."""
    files = {
        path: (opd, sha or "", status, problems)
        for path, opd, sha, status, problems in con.execute(
            "SELECT path, opd, sha256, status, problems FROM files"
        ).fetchall()
    }
    gaps: dict[tuple[str, str], Gap] = {}
    for path, (opd, sha, status, problems) in files.items():
        if status == "ok":
            continue
        for problem in problems_from_json(problems):
            gaps.setdefault((path, problem.code), Gap(path, opd, problem.code, problem.message, "ingestion", sha))
    for path, code, message in con.execute(
        "SELECT path, code, message FROM doc_flags WHERE run_id = ? ORDER BY path, code", [run_id]
    ).fetchall():
        opd, sha = files.get(path, (_opd_of(path), "", None, None))[:2]
        gaps.setdefault((path, code), Gap(path, opd, code, message, "judgement", sha))
    return gaps


def _add_context(con: duckdb.DuckDBPyConnection, run_id: int, gaps: Iterable[Gap]) -> None:
    """Title, linked indicators, best snippet and decision history of each gap."""
    titles = dict(con.execute("SELECT path, title FROM doc_facts WHERE run_id = ?", [run_id]).fetchall())
    matches: dict[str, list[tuple]] = {}
    for path, indicator, level, score, page, snippet in con.execute(
        """SELECT path, indicator, level, score, page, snippet FROM doc_matches WHERE run_id = ?
               ORDER BY path, (level IS NOT NULL) DESC, score DESC, indicator""",
        [run_id],
    ).fetchall():
        matches.setdefault(path, []).append((indicator, level, score, page, snippet))
    history: dict[tuple[str, str], list[Decision]] = {}
    for d in load_decisions(con):
        history.setdefault((d.path, d.code), []).append(d)

    for gap in gaps:
        gap.title = titles.get(gap.path)
        found = matches.get(gap.path, [])
        gap.indicators = tuple(sorted({m[0] for m in found}))
        if found:
            gap.snippet_indicator, _, _, gap.page, gap.snippet = found[0]
        gap.history = history.get((gap.path, gap.code), [])
        gap.decision = current_decision(gap.history, gap.sha256)


def load_review(con: duckdb.DuckDBPyConnection) -> Review:
    """Every gap of the latest completed run with its decision history and current decision."""
    run = latest_run(con)
    if run is None:
        return Review(None, [], {})
    run_id = run["run_id"]
    gaps = _load_gaps(con, run_id)
    _add_context(con, run_id, gaps.values())
    names = dict(con.execute("SELECT indicator, name FROM indicator_results WHERE run_id = ?", [run_id]).fetchall())
    ordered = sorted(gaps.values(), key=lambda g: (g.opd, g.path, g.code))
    return Review(run, ordered, names)


def file_lookup(con: duckdb.DuckDBPyConnection, relative: str) -> tuple[Path, str] | None:
    """(evidence root, detected format) when `relative` is in the current inventory."""
    run = latest_run(con)
    row = con.execute("SELECT format FROM files WHERE path = ?", [relative]).fetchone()
    if run is None or row is None:
        return None
    return Path(run["root"]), row[0]


# --- which gaps the page shows ------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """The page's filters, read from and written back to its query string (Bahasa parameter names)."""

    opd: str = ""
    indicator: int | None = None
    flag: str = ""
    show_dismissed: bool = False

    @classmethod
    def parse(cls, params) -> Filters:
        raw = (params.get("indikator") or "").strip()
        return cls(
            opd=params.get("opd") or "",
            indicator=int(raw) if raw.isdigit() else None,
            flag=params.get("flag") or "",
            show_dismissed=(params.get("tampilkan_ditolak") or "") == "1",
        )

    def query(self) -> dict[str, str]:
        items = {
            "opd": self.opd,
            "indikator": str(self.indicator) if self.indicator is not None else "",
            "flag": self.flag,
            "tampilkan_ditolak": "1" if self.show_dismissed else "",
        }
        return {k: v for k, v in items.items() if v}


def filter_gaps(gaps: Iterable[Gap], filters: Filters) -> list[Gap]:
    return [
        g
        for g in gaps
        if (not filters.opd or g.opd == filters.opd)
        and (filters.indicator is None or filters.indicator in g.indicators)
        and (not filters.flag or g.code == filters.flag)
        and (filters.show_dismissed or g.state != "dismissed")
    ]


def hidden_dismissed(gaps: Iterable[Gap], filters: Filters) -> int:
    """How many dismissed gaps the other filters would show: the page offers to reveal them."""
    if filters.show_dismissed:
        return 0
    everything = Filters(filters.opd, filters.indicator, filters.flag, True)
    return sum(1 for g in filter_gaps(gaps, everything) if g.state == "dismissed")


# --- writing ------------------------------------------------------------------------------------


def validate_decision(decision: str, note: str, who: str) -> str:
    """Raise DecisionRefused unless the decision may be stored; return the cleaned note."""
    if decision not in DECISIONS:
        raise DecisionRefused(BAD_DECISION)
    if not who.strip():
        raise DecisionRefused(WHO_REQUIRED)
    if decision == "dismissed" and not note.strip():
        raise DecisionRefused(NOTE_REQUIRED)
    if len(note) > MAX_TEXT or len(who) > 200:
        raise DecisionRefused("Keputusan BELUM disimpan: catatan atau nama terlalu panjang.")
    return note.strip()


def record_decision(
    con: duckdb.DuckDBPyConnection,
    *,
    path: str,
    code: str,
    sha256: str,
    decision: str,
    note: str,
    who: str,
    now: datetime | None = None,
) -> Decision:
    """Append one decision for a gap of the latest completed run, made on content `sha256`."""
    note = validate_decision(decision, note, who)
    review = load_review(con)
    gap = next((g for g in review.gaps if g.path == path and g.code == code), None)
    if gap is None:
        raise DecisionRefused(NOT_A_GAP)
    if gap.sha256 != sha256:
        raise DecisionRefused(CHANGED)
    row = con.execute(
        """INSERT INTO decisions (path, sha256, code, decision, note, who, decided_at, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, path, sha256, code, decision, note, who, decided_at, run_id""",
        [
            path,
            sha256,
            code,
            decision,
            note,
            who.strip(),
            now or datetime.now(),
            review.run["run_id"] if review.run else None,
        ],
    ).fetchall()[0]
    return Decision(*row)
