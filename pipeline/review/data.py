"""The review's data: gaps of the latest completed run, the admins' decisions, which gaps a page shows
(filters, grouped by indicator or not, `PAGE_SIZE` at a time) and which page of its file each card previews.

Every function here is pure or takes one DuckDB connection; none knows about the web.

Decision model: `decisions` is append-only (migration 004). The current decision of a gap
(path, code) is its latest row whose sha256 equals the file's current sha256; when the content
changes, the gap is undecided again. The full history stays visible as the audit trail.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath

import duckdb

from pipeline.outputs.export import latest_run
from pipeline.outputs.labels import flag_action, flag_label
from pipeline.privacy.personal_data import PersonalData
from pipeline.privacy.personal_data import from_json as personal_from_json
from pipeline.review.previews import PREVIEW_FORMATS
from pipeline.rules import RulesError, Thresholds, load_common
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
    levels: dict[int, tuple[int | None, int]] = field(default_factory=dict)  # indicator -> (claimed, supported)


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
    results = con.execute(
        "SELECT indicator, name, claimed_level, evidence_level FROM indicator_results WHERE run_id = ?", [run_id]
    ).fetchall()
    names = {no: name for no, name, _, _ in results}
    levels = {no: (claimed, supported) for no, _, claimed, supported in results}
    ordered = sorted(gaps.values(), key=lambda g: (g.opd, g.path, g.code))
    return Review(run, ordered, names, levels)


def file_lookup(con: duckdb.DuckDBPyConnection, relative: str) -> tuple[Path, str] | None:
    """(evidence root, detected format) when `relative` is in the current inventory."""
    run = latest_run(con)
    row = con.execute("SELECT format FROM files WHERE path = ?", [relative]).fetchone()
    if run is None or row is None:
        return None
    return Path(run["root"]), row[0]


# --- which gaps the page shows ------------------------------------------------------------------


PAGE_SIZE = 50  # gaps per page: a 10,000-file folder must not become one page of 20 MB
GROUP_BY_INDICATOR = "indikator"


@dataclass(frozen=True)
class Filters:
    """The page's filters, view and page number, read from and written back to its query string."""

    opd: str = ""
    indicator: int | None = None
    flag: str = ""
    show_dismissed: bool = False
    grouped: bool = False  # ?group=indikator: gaps under the indicators they concern
    page: int = 1

    @classmethod
    def parse(cls, params) -> Filters:
        raw = (params.get("indikator") or "").strip()
        page = (params.get("halaman") or "").strip()
        return cls(
            opd=params.get("opd") or "",
            indicator=int(raw) if raw.isdigit() and len(raw) < 6 else None,
            flag=params.get("flag") or "",
            show_dismissed=(params.get("tampilkan_ditolak") or "") == "1",
            grouped=(params.get("group") or "") == GROUP_BY_INDICATOR,
            page=max(1, int(page)) if page.isdigit() and len(page) < 7 else 1,
        )

    def query(self) -> dict[str, str]:
        """Everything that brings the admin back to this very page (after a decision, too)."""
        items = {
            **self.view(),
            "halaman": str(self.page) if self.page > 1 else "",
        }
        return {k: v for k, v in items.items() if v}

    def view(self) -> dict[str, str]:
        """The filters and the view without the page number: what links to other pages keep."""
        items = {
            "opd": self.opd,
            "indikator": str(self.indicator) if self.indicator is not None else "",
            "flag": self.flag,
            "tampilkan_ditolak": "1" if self.show_dismissed else "",
            "group": GROUP_BY_INDICATOR if self.grouped else "",
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
    everything = replace(filters, show_dismissed=True)
    return sum(1 for g in filter_gaps(gaps, everything) if g.state == "dismissed")


# --- how the page lists them: flat or by indicator, one page at a time --------------------------------


@dataclass(frozen=True)
class Entry:
    """One card: a gap, shown under `indicator` in the grouped view (a gap appears under each of its indicators)."""

    gap: Gap
    indicator: int | None = None

    @property
    def anchor(self) -> str:
        return self.gap.key if self.indicator is None else f"{self.gap.key}-i{self.indicator}"


@dataclass
class Group:
    """The cards of one indicator on this page (the flat list is one group without an indicator)."""

    indicator: int | None
    name: str
    claimed: int | None
    supported: int | None
    count: int  # cards of this group on all pages
    entries: list[Entry] = field(default_factory=list)
    continued: bool = False  # the group began on an earlier page


@dataclass
class Listing:
    page: int
    pages: int
    total: int  # cards on all pages
    first: int  # number of the first card shown (1-based; 0 when none)
    groups: list[Group]

    @property
    def shown(self) -> int:
        return sum(len(g.entries) for g in self.groups)


def entries(gaps: list[Gap], filters: Filters) -> list[Entry]:
    """The cards in order: the gaps as they are, or grouped by indicator (number order, then those without)."""
    if not filters.grouped:
        return [Entry(g) for g in gaps]
    grouped: list[Entry] = []
    for gap in gaps:
        shown = (filters.indicator,) if filters.indicator is not None else gap.indicators
        grouped += [Entry(gap, no) for no in shown] or [Entry(gap)]
    return sorted(grouped, key=lambda e: (e.indicator is None, e.indicator or 0))  # stable: gap order kept


def paginate(cards: list[Entry], filters: Filters, review: Review, size: int = PAGE_SIZE) -> Listing:
    """The page `filters.page` of the cards (the last page when it is past the end), in its groups."""
    pages = max(1, -(-len(cards) // size))
    page = min(filters.page, pages)
    start = (page - 1) * size
    counts: dict[int | None, int] = {}
    for card in cards:
        counts[card.indicator] = counts.get(card.indicator, 0) + 1
    groups: list[Group] = []
    for position, card in enumerate(cards[start : start + size], start=start):
        if not groups or groups[-1].indicator != card.indicator:
            claimed, supported = review.levels.get(card.indicator, (None, None)) if card.indicator else (None, None)
            name = review.indicator_names.get(card.indicator, "") if card.indicator else ""
            continued = position > 0 and cards[position - 1].indicator == card.indicator
            groups.append(Group(card.indicator, name, claimed, supported, counts[card.indicator], continued=continued))
        groups[-1].entries.append(card)
    return Listing(page, pages, len(cards), start + 1 if cards else 0, groups)


# --- what each card's preview shows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """The page a card's thumbnail shows, whether the snippet is boxed on it, and the caption saying so."""

    page: int
    caption: str
    renderable: bool = True  # False: only the caption (a Word file, a file that could not be read)
    highlight: bool = False


@dataclass(frozen=True)
class PreviewSource:
    """What the preview route needs of one file of the latest run."""

    root: Path
    fmt: str
    sha256: str
    refusal: str | None  # why the file is not rendered (`not_rendered`), None: it may be
    method: str | None  # how the page's text was read (text_layer, ocr, …); None: no such page stored
    snippet: str | None  # the best match's snippet on this page


NO_PREVIEW_FORMAT = "Pratinjau halaman hanya tersedia untuk PDF dan gambar; buka berkasnya untuk memeriksa."
NO_PREVIEW_FAILED = "Berkas ini gagal dibaca saat pemeriksaan, jadi tidak dipratinjau; buka berkasnya untuk memeriksa."


@lru_cache(maxsize=1)
def _thresholds() -> Thresholds:
    try:
        return load_common().thresholds
    except (RulesError, OSError):
        return Thresholds()


def _unread_pages(pages: list[dict]) -> list[int]:
    """The pages that needed OCR and gave no usable text (as the `unreadable` flag counts them)."""
    t = _thresholds()
    return [
        p["n"]
        for p in pages
        if p["m"] in ("ocr", "none")
        and (p["c"] < t.unreadable_min_page_chars or (p["k"] is not None and p["k"] < t.unreadable_min_confidence))
    ]


def not_rendered(fmt: str, status: str, pages_stored: int, problems: str | None) -> str | None:
    """Why a file gets no preview (Bahasa Indonesia), or None. A file extraction could not read (no page
    stored: corrupt, encrypted, too large) or that crashed a reader is never opened in the web server; one
    read with a remark (a JPEG named .pdf) is."""
    if fmt not in PREVIEW_FORMATS:
        return NO_PREVIEW_FORMAT
    codes = {p.code for p in problems_from_json(problems)} if problems else set()
    if (status != "ok" and not pages_stored) or "crashed" in codes:
        return NO_PREVIEW_FAILED
    return None


def preview_of(gap: Gap, fmt: str, pages: list[dict], personal: PersonalData | None, refusal: str | None) -> Preview:
    """Which page of the file a gap is about, and how its thumbnail is captioned (Bahasa Indonesia)."""
    if refusal:
        return Preview(1, refusal, renderable=False)
    methods = {p["n"]: p["m"] for p in pages}
    kind = "Gambar" if fmt != "pdf" else "Halaman"
    if gap.code == "personal_data" and personal and any(personal.pages.values()):
        page = min(n for found in personal.pages.values() for n in found)
        return Preview(page, f"Halaman {page}: halaman pertama yang memuat data pribadi.")
    unread = _unread_pages(pages) if gap.code == "unreadable" else []
    if unread:
        return Preview(unread[0], f"Halaman {unread[0]}: halaman pertama yang tidak terbaca oleh OCR.")
    if gap.snippet and gap.page:
        if methods.get(gap.page) == "text_layer":
            return Preview(gap.page, f"Halaman {gap.page}: kotak kuning menandai cuplikan di atas.", highlight=True)
        return Preview(
            gap.page,
            f"{kind} {gap.page} dibaca dengan OCR: letak cuplikan tidak tersimpan, jadi tidak ditandai.",
        )
    return Preview(1, "Halaman 1 berkas." if fmt == "pdf" else "Gambar berkas.")


def load_previews(con: duckdb.DuckDBPyConnection, gaps: Iterable[Gap]) -> dict[str, Preview]:
    """gap key -> its preview, for the gaps of one page (one query for all their files)."""
    shown = list(gaps)
    rows = con.execute(
        """SELECT f.path, f.format, f.status, f.problems, e.personal_data,
                  (SELECT list({'n': p.page_no, 'm': p.method, 'c': p.chars, 'k': p.confidence} ORDER BY p.page_no)
                     FROM pages p WHERE p.sha256 = f.sha256 AND p.name_class = f.name_class
                      AND p.extractor_version = f.extractor_version)
           FROM files f
           LEFT JOIN extractions e
             ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version
           WHERE f.path IN (SELECT unnest(?::VARCHAR[]))""",
        [sorted({g.path for g in shown})],
    ).fetchall()
    files = {
        path: (fmt, pages or [], personal_from_json(personal), not_rendered(fmt, status, len(pages or []), problems))
        for path, fmt, status, problems, personal, pages in rows
    }
    return {gap.key: preview_of(gap, *files.get(gap.path, ("", [], None, NO_PREVIEW_FAILED))) for gap in shown}


def preview_source(con: duckdb.DuckDBPyConnection, relative: str, page: int) -> PreviewSource | None:
    """The file `relative` of the latest completed run, with how page `page` was read and its best snippet."""
    run = latest_run(con)
    row = con.execute(
        """SELECT f.format, f.sha256, f.status, f.problems,
                  (SELECT count(*) FROM pages a WHERE a.sha256 = f.sha256 AND a.name_class = f.name_class
                      AND a.extractor_version = f.extractor_version),
                  (SELECT p.method FROM pages p WHERE p.sha256 = f.sha256 AND p.name_class = f.name_class
                      AND p.extractor_version = f.extractor_version AND p.page_no = ?)
           FROM files f WHERE f.path = ?""",
        [page, relative],
    ).fetchone()
    if run is None or row is None:
        return None
    snippet = con.execute(
        """SELECT snippet FROM doc_matches WHERE run_id = ? AND path = ? AND page = ?
           ORDER BY (level IS NOT NULL) DESC, score DESC, indicator LIMIT 1""",
        [run["run_id"], relative, page],
    ).fetchone()
    fmt, sha, status, problems, stored, method = row
    refusal = not_rendered(fmt, status, stored, problems)
    return PreviewSource(Path(run["root"]), fmt, sha, refusal, method, snippet[0] if snippet else None)


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
