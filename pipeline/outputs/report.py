"""The readiness report: one self-contained HTML file (inline CSS and SVG) or an XLSX workbook.

    load_report_data(con) -> ReportData   read everything from one short database session
    render_html(data) -> str              pure: ReportData -> HTML (Jinja2, autoescape on)
    write_xlsx(data, path)                pure-ish: ReportData -> workbook
    write_report(db, out, fmt)            what `spbe report` calls

The data comes from the JSON export (`build_export`, the public contract), the
framework of the assessment year (names, weights, predicates), `index_gaps`
(the "fix first" list) and `index_results` of every completed run (the trend).
Everything the reader sees is in Bahasa Indonesia; document-derived text is
escaped by the template engine, never concatenated into markup here, and passed
through `personal_data.redact` first, so a NIK, NIP, phone number or e-mail
address that reached the database (older runs) never reaches a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import overload

import duckdb

from pipeline.judge.gaps import index_gaps
from pipeline.outputs.export import build_export
from pipeline.outputs.labels import CLAIM_STATUS_LABELS, CLAIM_STATUS_MARKS, DOC_STATUS_LABELS, flag_label
from pipeline.outputs.official import OfficialComparison, official_comparison, official_sheet
from pipeline.privacy.personal_data import ACTION as PERSONAL_DATA_ACTION
from pipeline.privacy.personal_data import redact, redact_name, split_message
from pipeline.rules import (
    Framework,
    PersonalDataRules,
    RulesError,
    framework_for_year,
    load_common,
)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SCALE_MAX = 5

FLAG_EXPLANATIONS = {  # for flags that carry no message of their own (indicator flags)
    "cited_file_missing": "Berkas yang disebut dalam penilaian mandiri tidak ditemukan di folder eviden; "
    "unggah berkas itu atau perbaiki namanya di penilaian mandiri.",
}
DOC_TYPE_LABELS = {
    "surat_edaran": "surat edaran",
    "permen": "peraturan menteri",
    "kepmen": "keputusan menteri",
    "perban": "peraturan badan",
    "perlem": "peraturan lembaga",
    "peta_rencana": "peta rencana",
    "daftar_hadir": "daftar hadir",
    "screenshot": "tangkapan layar",
    "other": "lainnya",
}
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ROOT_OPD = "(akar folder)"


# --- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagNote:
    code: str
    label: str
    explanation: str


@dataclass(frozen=True)
class Score:
    """One index (total, domain or aspect) on the claimed and the evidence-supported basis."""

    id: str
    name: str
    weight: float
    claimed: float | None
    evidence: float | None
    claimed_predicate: str | None
    evidence_predicate: str | None
    domain: str = ""  # aspects: their domain id

    @property
    def difference(self) -> float | None:
        if self.claimed is None or self.evidence is None:
            return None
        return round(self.evidence - self.claimed, 2)


@dataclass(frozen=True)
class TrendPoint:
    run_id: int
    finished_at: datetime | None
    claimed: float | None
    evidence: float | None


@dataclass(frozen=True)
class FixItem:
    rank: int
    no: int
    name: str
    claimed_level: int | None
    evidence_level: int
    target_level: int
    cost: float
    next_step: str


@dataclass(frozen=True)
class EvidenceRef:
    path: str
    page: int | None
    level: int | None
    score: float | None
    snippet: str


@dataclass(frozen=True)
class IndicatorRow:
    no: int
    name: str
    aspect: str
    claimed_level: int | None
    evidence_level: int
    status: str | None
    status_label: str
    status_mark: str
    flags: tuple[FlagNote, ...]
    evidence: tuple[EvidenceRef, ...]  # best match first
    reason: str
    next_step: str
    justification: str = ""  # penjelasan draft (pipeline.outputs.justification)

    @property
    def best(self) -> EvidenceRef | None:
        return self.evidence[0] if self.evidence else None


@dataclass(frozen=True)
class DocumentRow:
    path: str
    opd: str
    status: str
    status_label: str
    format: str
    doc_type: str | None
    doc_type_label: str
    number: str | None
    year: int | None
    title: str | None
    error: str | None
    counts_as_evidence: bool
    flags: tuple[FlagNote, ...]
    indicators: tuple[int, ...]

    @property
    def needs_fixing(self) -> bool:
        return self.status != "ok" or bool(self.flags)


@dataclass(frozen=True)
class OpdSection:
    name: str
    anchor: str
    documents: tuple[DocumentRow, ...]

    @property
    def to_fix(self) -> tuple[DocumentRow, ...]:
        return tuple(d for d in self.documents if d.needs_fixing)

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    @property
    def counting(self) -> int:
        return sum(1 for d in self.documents if d.counts_as_evidence)


@dataclass(frozen=True)
class ReportData:
    region: str | None
    assessment_year: int | None
    framework_id: str
    framework_title: str
    run_id: int | None
    run_started: datetime | None
    run_finished: datetime | None
    generated_at: datetime
    total: Score
    domains: tuple[Score, ...]
    aspects: tuple[Score, ...]
    trend: tuple[TrendPoint, ...]
    fix_first: tuple[FixItem, ...]
    indicators: tuple[IndicatorRow, ...]
    documents: tuple[DocumentRow, ...]
    opds: tuple[OpdSection, ...]
    personal_data: tuple[DocumentRow, ...] = field(default=())  # documents flagged `personal_data`
    official: OfficialComparison | None = None  # the LHEs loaded by `spbe lhe`, beside claims and evidence

    @property
    def has_claims(self) -> bool:
        return self.total.claimed is not None


# --- loading -------------------------------------------------------------------------------------


def _framework(year: int | None) -> Framework:
    try:
        return framework_for_year(year or date.today().year)
    except RulesError:
        return framework_for_year(date.today().year)


def _trend(con: duckdb.DuckDBPyConnection) -> tuple[TrendPoint, ...]:
    rows = con.execute(
        """SELECT r.run_id, r.finished_at,
                  max(i.value) FILTER (WHERE i.basis = 'claimed'),
                  max(i.value) FILTER (WHERE i.basis = 'evidence')
           FROM runs r JOIN index_results i ON i.run_id = r.run_id AND i.scope = 'total'
           WHERE r.status = 'completed'
           GROUP BY r.run_id, r.finished_at ORDER BY r.run_id"""
    ).fetchall()
    return tuple(
        TrendPoint(run_id, finished, None if c is None else round(c, 2), None if e is None else round(e, 2))
        for run_id, finished, c, e in rows
    )


def _run_times(con: duckdb.DuckDBPyConnection, run_id: int | None) -> tuple[datetime | None, datetime | None]:
    if run_id is None:
        return None, None
    row = con.execute("SELECT started_at, finished_at FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _personal_data_rules() -> PersonalDataRules:
    try:
        return load_common().personal_data
    except (RulesError, OSError):
        return PersonalDataRules()  # a broken rule file must not let personal data through


@overload
def _clean(text: str, rules: PersonalDataRules) -> str: ...
@overload
def _clean(text: str | None, rules: PersonalDataRules) -> str | None: ...
def _clean(text: str | None, rules: PersonalDataRules) -> str | None:
    """Personal data out of any text that reaches the report, also from databases older than redaction,
    and NIK/NIP out of the file names it quotes (paths come redacted from the export)."""
    return None if text is None else redact_name(redact(text, rules), rules)


def _flag_notes(problems: list[dict], codes: list[str], rules: PersonalDataRules) -> tuple[FlagNote, ...]:
    messages: dict[str, str] = {}
    for p in problems:
        messages.setdefault(p["code"], p.get("message") or "")
    return tuple(
        FlagNote(code, flag_label(code), _clean(messages.get(code) or FLAG_EXPLANATIONS.get(code, ""), rules))
        for code in codes
    )


def _document_row(doc: dict, rules: PersonalDataRules) -> DocumentRow:
    doc_type = doc.get("doc_type")
    return DocumentRow(
        path=doc["path"],
        opd=doc.get("opd") or "",
        status=doc["status"],
        status_label=DOC_STATUS_LABELS.get(doc["status"], doc["status"]),
        format=doc.get("format") or "",
        doc_type=doc_type,
        doc_type_label=DOC_TYPE_LABELS.get(doc_type or "", doc_type or ""),
        number=doc.get("number"),
        year=doc.get("year"),
        title=_clean(doc.get("title"), rules),
        error=_clean(doc.get("error"), rules),
        counts_as_evidence=bool(doc.get("counts_as_evidence")),
        flags=_flag_notes(doc.get("problems") or [], doc.get("flags") or [], rules),
        indicators=tuple(sorted({m["no"] for m in doc.get("indicators") or []})),
    )


def personal_data_note(doc: DocumentRow) -> tuple[str, str]:
    """(what was found: counts and pages, what to do) of a document flagged `personal_data`."""
    message = next((f.explanation for f in doc.flags if f.code == "personal_data"), "")
    findings, action = split_message(message)
    return findings or flag_label("personal_data"), action or PERSONAL_DATA_ACTION


def _indicator_row(
    item: dict, framework: Framework, matches: dict[tuple[str, int], dict], rules: PersonalDataRules
) -> IndicatorRow:
    no = int(item["no"])
    refs = []
    for path in item.get("evidence") or []:  # ordered by the judge: best supported level first
        m = matches.get((path, no), {})
        refs.append(
            EvidenceRef(path, m.get("page"), m.get("level"), m.get("score"), _clean(m.get("snippet") or "", rules))
        )
    status = item.get("status")
    return IndicatorRow(
        no=no,
        name=item.get("name") or framework.indicator(no).name,
        aspect=framework.indicator(no).aspect,
        claimed_level=item.get("claimed_level"),
        evidence_level=int(item.get("evidence_level") or 0),
        status=status,
        status_label=CLAIM_STATUS_LABELS.get(status, status or ""),
        status_mark=CLAIM_STATUS_MARKS.get(status, "–"),
        flags=_flag_notes([], list(item.get("flags") or []), rules),
        evidence=tuple(refs),
        reason=_clean(item.get("reason") or "", rules),
        next_step=_clean(item.get("next_step") or "", rules),
        justification=_clean(item.get("justification") or "", rules),
    )


def _scores(export: dict, framework: Framework) -> tuple[Score, tuple[Score, ...], tuple[Score, ...]]:
    index = export["index"]

    def predicate(value):
        return None if value is None else framework.predicate(value)

    total = Score(
        "SPBE",
        "Indeks SPBE",
        100.0,
        index.get("claimed"),
        index.get("evidence"),
        index.get("claimed_predicate"),
        index.get("evidence_predicate"),
    )
    domains = tuple(
        Score(
            d.id,
            d.name,
            d.weight,
            (c := index["domains"].get(d.id, {}).get("claimed")),
            (e := index["domains"].get(d.id, {}).get("evidence")),
            predicate(c),
            predicate(e),
        )
        for d in framework.domains
    )
    aspects = tuple(
        Score(
            a.id,
            a.name,
            a.weight,
            (c := index["aspects"].get(a.id, {}).get("claimed")),
            (e := index["aspects"].get(a.id, {}).get("evidence")),
            predicate(c),
            predicate(e),
            domain=a.domain,
        )
        for a in framework.aspects
    )
    return total, domains, aspects


def _anchor(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"opd-{slug or 'akar'}"


def load_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Everything the report shows, read in one go (the caller closes the connection right after)."""
    export = build_export(con)
    trend = _trend(con)
    run = export.get("run") or {}
    started, finished = _run_times(con, run.get("id"))
    framework = _framework(export.get("assessment_year"))
    rules = _personal_data_rules()

    matches = {(doc["path"], m["no"]): m for doc in export["documents"] for m in doc.get("indicators") or []}
    indicators = tuple(_indicator_row(item, framework, matches, rules) for item in export["indicators"])
    by_no = {row.no: row for row in indicators}
    gaps = index_gaps(export["indicators"], framework)
    fix_first = tuple(
        FixItem(
            rank,
            g.no,
            g.name,
            g.claimed_level,
            g.evidence_level,
            g.target_level,
            round(g.cost, 4),
            by_no[g.no].next_step if g.no in by_no else "",
        )
        for rank, g in enumerate(gaps, start=1)
    )

    documents = tuple(_document_row(doc, rules) for doc in export["documents"])
    groups: dict[str, list[DocumentRow]] = {}
    for doc in documents:
        groups.setdefault(doc.opd, []).append(doc)
    opds, used = [], set()
    for name in sorted(groups, key=lambda n: (n == "", n.lower())):
        anchor = _anchor(name)
        while anchor in used:
            anchor += "-x"
        used.add(anchor)
        opds.append(OpdSection(name or ROOT_OPD, anchor, tuple(groups[name])))

    total, domains, aspects = _scores(export, framework)
    return ReportData(
        region=export.get("region"),
        assessment_year=export.get("assessment_year"),
        framework_id=export.get("framework") or framework.id,
        framework_title=" ".join(framework.title.split()),
        run_id=run.get("id"),
        run_started=started,
        run_finished=finished,
        generated_at=datetime.now(),
        total=total,
        domains=domains,
        aspects=aspects,
        trend=trend,
        fix_first=fix_first,
        indicators=indicators,
        documents=documents,
        opds=tuple(opds),
        personal_data=tuple(d for d in documents if any(f.code == "personal_data" for f in d.flags)),
        official=official_comparison(export, framework),
    )


# --- HTML ----------------------------------------------------------------------------------------


def fmt_number(value: float | None, digits: int = 2) -> str:
    """Indonesian decimal comma; '–' for no value."""
    if value is None:
        return "–"
    return f"{value:.{digits}f}".replace(".", ",")


def fmt_signed(value: float | None) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + fmt_number(abs(value))


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return "–"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year} pukul {value:%H.%M}"


def fmt_level(value: int | None) -> str:
    return "–" if value is None else str(value)


@dataclass(frozen=True)
class TrendChart:
    """Geometry of the trend chart (SVG user units)."""

    width: int
    height: int
    left: int
    top: int
    plot_w: int
    plot_h: int
    points: tuple[tuple[TrendPoint, float, float | None, float | None], ...]  # point, x, y claimed, y evidence

    def y(self, value: float) -> float:
        return round(self.top + self.plot_h * (1 - value / SCALE_MAX), 1)

    def polyline(self, which: str) -> str:
        idx = 2 if which == "claimed" else 3
        return " ".join(f"{p[1]},{p[idx]}" for p in self.points if p[idx] is not None)


def trend_chart(trend: tuple[TrendPoint, ...], width: int = 720, height: int = 220) -> TrendChart:
    left, top, right, bottom = 44, 16, 24, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    chart = TrendChart(width, height, left, top, plot_w, plot_h, ())
    n = len(trend)
    points = []
    for i, p in enumerate(trend):
        pad = 30  # keep the first and last value labels clear of the axis
        x = round(left + (plot_w / 2 if n == 1 else pad + (plot_w - 2 * pad) * i / (n - 1)), 1)
        points.append(
            (
                p,
                x,
                None if p.claimed is None else chart.y(p.claimed),
                None if p.evidence is None else chart.y(p.evidence),
            )
        )
    return TrendChart(width, height, left, top, plot_w, plot_h, tuple(points))


def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "j2"), default_for_string=True, default=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=fmt_number, signed=fmt_signed, dt=fmt_datetime, lvl=fmt_level)
    return env


def render_html(data: ReportData) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        d=data,
        scale_max=SCALE_MAX,
        trend=trend_chart(data.trend),
        status_labels=CLAIM_STATUS_LABELS,
        personal=personal_data_note,
        root_opd=ROOT_OPD,
    )


# --- XLSX ----------------------------------------------------------------------------------------


def _write_table(ws, headers: list[str], rows: list[list], widths: list[int]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for values in rows:
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # document text starting with '=' stays text, never a formula
                cell.alignment = Alignment(vertical="top", wrap_text=len(cell.value) > 40)
            elif isinstance(cell.value, float):
                cell.number_format = "0.00"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(ws.max_row, 1)}"


def _flag_text(flags: tuple[FlagNote, ...]) -> str:
    return ", ".join(f.code for f in flags)


def _flag_explanations(flags: tuple[FlagNote, ...]) -> str:
    return "\n".join(f"{f.label}: {f.explanation}" if f.explanation else f.label for f in flags)


# Columns of each sheet: (header, width in characters).
SUMMARY_COLUMNS = (("Cakupan", 10), ("Kode", 8), ("Nama", 48), ("Bobot", 8), ("Indeks klaim", 13),
                   ("Predikat klaim", 15), ("Indeks eviden", 13), ("Predikat eviden", 15),
                   ("Selisih (eviden − klaim)", 16))  # fmt: skip
INDICATOR_COLUMNS = (("No", 6), ("Indikator", 48), ("Aspek", 7), ("Tingkat klaim", 12), ("Tingkat eviden", 12),
                     ("Status", 20), ("Kode status", 14), ("Penanda", 18), ("Berkas eviden", 40), ("Halaman", 9),
                     ("Cuplikan", 50), ("Alasan", 40), ("Langkah berikutnya", 60),
                     ("Penjelasan (draf untuk penilaian mandiri)", 90))  # fmt: skip
FIX_FIRST_COLUMNS = (("Urutan", 8), ("No", 6), ("Indikator", 48), ("Tingkat klaim", 12), ("Tingkat eviden", 12),
                     ("Tingkat sasaran", 13), ("Poin indeks hilang", 16), ("Langkah berikutnya", 70))  # fmt: skip
DOCUMENT_COLUMNS = (("Berkas", 48), ("OPD", 16), ("Status", 18), ("Format", 9), ("Jenis", 14), ("Nomor", 9),
                    ("Tahun", 8), ("Judul", 48), ("Eviden sah", 10), ("Indikator", 12), ("Penanda", 22),
                    ("Penjelasan / galat", 70))  # fmt: skip
OPD_COLUMNS = (("OPD", 28), ("Berkas", 9), ("Terbaca", 10), ("Gagal dibaca", 13), ("Format tidak didukung", 20),
               ("Eviden sah", 11), ("Perlu diperbaiki", 15))  # fmt: skip
PERSONAL_DATA_COLUMNS = (("Berkas", 48), ("OPD", 18), ("Data pribadi (jumlah, halaman)", 60), ("Tindakan", 70))


def _sheet(wb, title: str, columns: tuple[tuple[str, int], ...], rows: list[list], *, first: bool = False):
    ws = wb.active if first else wb.create_sheet(title)
    ws.title = title
    _write_table(ws, [c for c, _ in columns], rows, [w for _, w in columns])
    return ws


def _summary_sheet(wb, data: ReportData) -> None:
    scores = [("Total", data.total)] + [("Domain", s) for s in data.domains] + [("Aspek", s) for s in data.aspects]
    rows = [[scope, s.id, s.name, s.weight, s.claimed, s.claimed_predicate or "", s.evidence,
             s.evidence_predicate or "", s.difference] for scope, s in scores]  # fmt: skip
    ws = _sheet(wb, "Ringkasan", SUMMARY_COLUMNS, rows, first=True)
    ws.append([])
    for label, value in (
        ("Pemerintah daerah", data.region or "–"),
        ("Tahun penilaian", data.assessment_year),
        ("Kerangka penilaian", data.framework_title),
        ("Run", data.run_id),
        ("Run selesai", fmt_datetime(data.run_finished)),
        ("Laporan dibuat", fmt_datetime(data.generated_at)),
    ):
        ws.append([label, None, value])


def _indicator_rows(data: ReportData) -> list[list]:
    return [[r.no, r.name, r.aspect, r.claimed_level, r.evidence_level, r.status_label, r.status or "",
             _flag_text(r.flags), "\n".join(e.path for e in r.evidence), r.best.page if r.best else None,
             r.best.snippet if r.best else "", r.reason, r.next_step, r.justification]
            for r in data.indicators]  # fmt: skip


def _fix_first_sheet(wb, data: ReportData) -> None:
    rows = [[f.rank, f.no, f.name, f.claimed_level, f.evidence_level, f.target_level, f.cost, f.next_step]
            for f in data.fix_first]  # fmt: skip
    ws = _sheet(wb, "Perbaiki Dahulu", FIX_FIRST_COLUMNS, rows)
    for row in ws.iter_rows(min_row=2, min_col=7, max_col=7):
        for cell in row:
            cell.number_format = "0.000"


def _document_rows(data: ReportData) -> list[list]:
    return [[d.path, d.opd or ROOT_OPD, d.status_label, d.format, d.doc_type_label, d.number or "", d.year,
             d.title or "", "ya" if d.counts_as_evidence else "tidak", ", ".join(map(str, d.indicators)),
             _flag_text(d.flags), "\n".join(x for x in (d.error or "", _flag_explanations(d.flags)) if x)]
            for d in data.documents]  # fmt: skip


def _opd_rows(data: ReportData) -> list[list]:
    return [[o.name, len(o.documents), o.count("ok"), o.count("failed"), o.count("unsupported"), o.counting,
             len(o.to_fix)] for o in data.opds]  # fmt: skip


def write_xlsx(data: ReportData, path: Path) -> None:
    """The report as a workbook: one sheet per table of the HTML report."""
    from openpyxl import Workbook

    wb = Workbook()
    _summary_sheet(wb, data)
    _sheet(wb, "Indikator", INDICATOR_COLUMNS, _indicator_rows(data))
    _fix_first_sheet(wb, data)
    _sheet(wb, "Dokumen", DOCUMENT_COLUMNS, _document_rows(data))
    _sheet(wb, "OPD", OPD_COLUMNS, _opd_rows(data))
    if data.official and data.official.years:  # official (LHE), claimed and evidence levels side by side
        _sheet(wb, "Hasil Resmi", *official_sheet(data.official))
    if data.personal_data:  # only when there is something to redact, like the HTML section
        rows = [[d.path, d.opd or ROOT_OPD, *personal_data_note(d)] for d in data.personal_data]
        _sheet(wb, "Data Pribadi", PERSONAL_DATA_COLUMNS, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)


# --- entry point ---------------------------------------------------------------------------------


def write_report(db: Path, out: Path, fmt: str) -> None:
    """Read the latest completed run (one short read-only session), then write the HTML or XLSX report."""
    from pipeline.store.connection import session

    if fmt not in ("html", "xlsx"):
        raise ValueError(f"format laporan tidak dikenal: {fmt}")
    with session(Path(db), read_only=True) as con:
        data = load_report_data(con)
    out = Path(out)
    if fmt == "xlsx":
        write_xlsx(data, out)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render_html(data), encoding="utf-8")
    tmp.replace(out)
