"""The readiness report (HTML and XLSX) from a real DuckDB written by the real storage layer.

The fixture judges documents written here as text (like tests/test_judge.py), stores two completed
runs through the store's functions, then calls `write_report` as `spbe report` does.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from pipeline.judge.claims import Claim
from pipeline.judge.decide import DocInput, judge
from pipeline.judge.gaps import index_gaps
from pipeline.model import FileRecord, FileRow, Problem, Status
from pipeline.outputs.export import build_export
from pipeline.outputs.report import (
    FlagNote,
    fmt_number,
    load_report_data,
    render_html,
    write_report,
)
from pipeline.store.connection import session
from pipeline.store.files import save_files
from pipeline.store.judgement import save_judgement
from pipeline.store.runs import finish_run, start_run
from tests.test_judge import SIX_DOMAINS, regulation, review

XSS_TITLE = "ARSITEKTUR SPBE <script>window.__xss=1</script>"
MARKUP_PATH = "Bappeda/draft <b>peta</b>.pdf"
FAILED = DocInput("Setda/rusak.pdf", "rusak", "failed", ("wrong_extension",), ())
CLAIMS = {
    1: Claim(1, 5, "", ("perwali.pdf",)),
    2: Claim(2, 4, "", ("hilang.pdf",)),
    11: Claim(11, 2, "", ()),
    32: Claim(32, 3, "", ()),
}


def _docs(full: bool) -> list[DocInput]:
    docs = [
        regulation("Diskominfo/perwali.pdf", SIX_DOMAINS, title=XSS_TITLE),
        regulation(MARKUP_PATH, SIX_DOMAINS, title="PETA RENCANA SPBE", signed=False),
    ]
    if full:
        docs += [review("Bappeda/reviu.pdf", 2025), FAILED]
    return docs


def _file_row(doc: DocInput, run_id: int) -> FileRow:
    problems = tuple(
        Problem(code, "Ekstensi berkas .pdf tidak sesuai dengan isinya (JPEG).") for code in doc.problem_codes
    )
    record = FileRecord(doc.path, doc.path.split("/")[0], 1000, 0.0, doc.sha256, "pdf", problems)
    return FileRow(
        record, "pdf", "test", "pdf" if doc.status == "ok" else "jpeg", Status(doc.status), problems, run_id, run_id
    )


def _store_run(db: Path, docs: list[DocInput], framework, common) -> tuple[int, object]:
    judgement = judge(docs, framework, common, region="Kota Sukamaju", year=2025, claims=CLAIMS)
    with session(db) as con:
        run_id = start_run(
            con, root="/evidence", region="Kota Sukamaju", year=2025, claims="claims.csv", version="test"
        )
        save_files(con, [_file_row(d, run_id) for d in docs], run_id)
        save_judgement(con, run_id, judgement)
        finish_run(con, run_id, status="completed", counts={"files_seen": len(docs)})
    return run_id, judgement


@pytest.fixture(scope="module")
def built(tmp_path_factory, framework, common):
    """Two completed runs (the second with more evidence) and the HTML and XLSX reports of the latest."""
    folder = tmp_path_factory.mktemp("report")
    db = folder / "spbe.duckdb"
    first_id, first = _store_run(db, _docs(full=False), framework, common)
    last_id, last = _store_run(db, _docs(full=True), framework, common)
    html_path, xlsx_path = folder / "laporan.html", folder / "laporan.xlsx"
    write_report(db, html_path, "html")
    write_report(db, xlsx_path, "xlsx")
    return {
        "db": db,
        "html_path": html_path,
        "html": html_path.read_text(encoding="utf-8"),
        "xlsx": xlsx_path,
        "runs": [(first_id, first), (last_id, last)],
    }


def _section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_html_lists_all_47_indicators_as_rows(built):
    rows = re.findall(r'<tr id="ind-(\d+)" class="indicator-row\b', built["html"])
    assert [int(n) for n in rows] == list(range(1, 48))


def test_header_shows_both_indices_with_predicates_and_difference(built):
    judgement = built["runs"][-1][1]
    html = built["html"]
    claimed = html[html.index('id="index-claimed"') : html.index('id="index-evidence"')]
    evidence = html[html.index('id="index-evidence"') : html.index('id="index-difference"')]
    assert fmt_number(judgement.claimed.value) in claimed and judgement.claimed.predicate in claimed
    assert fmt_number(judgement.evidence.value) in evidence and judgement.evidence.predicate in evidence
    difference = round(round(judgement.evidence.value, 2) - round(judgement.claimed.value, 2), 2)
    assert fmt_number(abs(difference)) in html[html.index('id="index-difference"') :]


def test_document_derived_text_is_escaped(built):
    html = built["html"]
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "<script" not in html.lower()  # the report has no script of its own either
    assert "draft &lt;b&gt;peta&lt;/b&gt;.pdf" in html and "<b>peta</b>" not in html


def test_no_remote_resources(built):
    html = built["html"]
    assert not re.search(r"""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//|@import""", html, re.IGNORECASE)
    assert "<link" not in html.lower() and "<img" not in html.lower()


def test_trend_shows_every_completed_run(built):
    trend = _section(built["html"], "sec-trend")
    for run_id, judgement in built["runs"]:
        point = trend[trend.index(f'data-run="{run_id}"') :]
        point = point[: point.index("</g>")]
        assert fmt_number(judgement.evidence.value) in point and fmt_number(judgement.claimed.value) in point
    assert "baru satu run" not in trend


def test_a_single_run_is_shown_as_a_point_with_a_note(built):
    with session(built["db"], read_only=True) as con:
        data = load_report_data(con)
    trend = _section(render_html(dataclasses.replace(data, trend=data.trend[:1])), "sec-trend")
    assert trend.count('class="trend-point"') == 1 and "baru satu run" in trend.lower()


def test_fix_first_follows_index_gaps(built, framework):
    with session(built["db"], read_only=True) as con:
        expected = [g.no for g in index_gaps(build_export(con)["indicators"], framework)]
    shown = [int(n) for n in re.findall(r'<tr class="fix-row" data-no="(\d+)"', _section(built["html"], "sec-fix"))]
    assert len(expected) >= 3 and shown == expected


def test_personal_data_section_only_when_flagged(built):
    assert 'id="sec-personal"' not in built["html"]
    with session(built["db"], read_only=True) as con:
        data = load_report_data(con)
    doc = data.documents[0]
    flagged = dataclasses.replace(
        doc, flags=doc.flags + (FlagNote("personal_data", "Memuat data pribadi", "Memuat NIK."),)
    )
    html = render_html(dataclasses.replace(data, personal_data=(flagged,)))
    assert 'id="sec-personal"' in html and "Memuat NIK." in _section(html, "sec-personal")


def test_xlsx_has_five_sheets_and_47_indicator_rows(built):
    from openpyxl import load_workbook

    wb = load_workbook(built["xlsx"])
    assert wb.sheetnames == ["Ringkasan", "Indikator", "Perbaiki Dahulu", "Dokumen", "OPD"]
    ws = wb["Indikator"]
    assert [ws.cell(row, 1).value for row in range(2, ws.max_row + 1)] == list(range(1, 48))
    assert ws["A1"].font.bold and ws.freeze_panes == "A2" and ws.auto_filter.ref
    titles = [c.value for c in wb["Dokumen"]["H"]]
    assert XSS_TITLE in titles


def test_browser_renders_rows_and_does_not_run_document_script(built, browser):
    from selenium.webdriver.common.by import By

    browser.get(built["html_path"].resolve().as_uri())
    assert len(browser.find_elements(By.CLASS_NAME, "indicator-row")) == 47
    assert browser.execute_script("return window.__xss === undefined")
    assert "<script>window.__xss=1</script>" in browser.find_element(By.ID, "sec-opd").text
