"""The readiness report lists documents flagged `personal_data` under their own heading, and never shows
a personal-data value, even one an older run stored in a flag message or a snippet.

Like tests/test_report.py: documents are judged, stored through the store's functions, and the report
is written by `write_report`. The `personal_data` flag is added to the judgement the way the pipeline
adds it: `flag(scan(pages))` over the document's pages.
"""

from __future__ import annotations

import re

import pytest

from pipeline.judge.decide import DocInput, judge
from pipeline.model import FileRecord, FileRow, Flag, Status
from pipeline.outputs.report import write_report
from pipeline.privacy import personal_data as pd
from pipeline.store.connection import session
from pipeline.store.files import save_files
from pipeline.store.judgement import save_judgement
from pipeline.store.runs import finish_run, start_run
from tests.test_judge import SIX_DOMAINS, regulation
from tests.test_personal_data import nik

ATTENDANCE = "Setda/daftar hadir rapat SPBE.pdf"
PERWALI = "Diskominfo/perwali.pdf"
LEAKED_NIK = nik(province=35, regency=73, day=17, month=8, year=85, serial=42)  # stored by an "older run"
ATTENDANCE_PAGES = (
    "DAFTAR HADIR RAPAT KOORDINASI SPBE\nHari/tanggal: Senin, 3 Maret 2025",
    "\n".join(f"{i}. Peserta {i} NIK {nik(serial=i, sep=' ')} HP 0812-3456-{i:04d}" for i in range(1, 6)),
    "\n".join(f"{i}. Peserta {i} NIK {nik(serial=i)}" for i in range(6, 9)),
)


def _file_row(doc: DocInput, run_id: int) -> FileRow:
    record = FileRecord(doc.path, doc.path.split("/")[0], 1000, 0.0, doc.sha256, "pdf", ())
    return FileRow(record, "pdf", "test", "pdf", Status.OK, (), run_id, run_id)


@pytest.fixture(scope="module")
def built(tmp_path_factory, framework, common):
    folder = tmp_path_factory.mktemp("personal")
    db = folder / "spbe.duckdb"
    docs = [regulation(PERWALI, SIX_DOMAINS), DocInput(ATTENDANCE, "hadir", "ok", (), ATTENDANCE_PAGES)]
    judgement = judge(docs, framework, common, region="Kota Sukamaju", year=2025)
    flag = pd.flag(pd.scan(ATTENDANCE_PAGES, common), common)
    judgement.documents[ATTENDANCE].flags.append(flag)
    judgement.documents[PERWALI].flags.append(  # a message that, wrongly, carries a value
        Flag("personal_data", f"Dokumen memuat NIK {LEAKED_NIK}. {pd.ACTION}")
    )
    with session(db) as con:
        run_id = start_run(con, root="/evidence", region="Kota Sukamaju", year=2025, claims=None, version="test")
        save_files(con, [_file_row(d, run_id) for d in docs], run_id)
        save_judgement(con, run_id, judgement)
        con.execute("UPDATE doc_matches SET snippet = snippet || ? WHERE path = ?", [f" NIK {LEAKED_NIK}", PERWALI])
        finish_run(con, run_id, status="completed", counts={"files_seen": len(docs)})
    html_path, xlsx_path = folder / "laporan.html", folder / "laporan.xlsx"
    write_report(db, html_path, "html")
    write_report(db, xlsx_path, "xlsx")
    return {"db": db, "flag": flag, "html": html_path.read_text(encoding="utf-8"), "xlsx": xlsx_path}


def _section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def _rows(section: str) -> list[str]:
    return re.findall(r'<tr class="personal-row">(.*?)</tr>', section, re.DOTALL)


def _xlsx_cells(path) -> list[str]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


def test_the_fixture_stored_the_flags_it_claims(built):
    with session(built["db"], read_only=True) as con:
        codes = con.execute("SELECT path, code FROM doc_flags WHERE code = 'personal_data' ORDER BY path").fetchall()
    assert codes == [(PERWALI, "personal_data"), (ATTENDANCE, "personal_data")]


def test_flagged_documents_are_listed_under_their_own_heading(built):
    section = _section(built["html"], "sec-personal")
    assert "Dokumen berisi data pribadi" in section
    assert len(_rows(section)) == 2
    assert 'href="#sec-personal"' in built["html"]


def test_a_row_shows_path_opd_counts_pages_and_the_action(built):
    row = next(r for r in _rows(_section(built["html"], "sec-personal")) if "daftar hadir" in r)
    assert ATTENDANCE in row and "<td>Setda</td>" in row
    assert "8 NIK (hlm. 2, 3)" in row and "5 nomor ponsel (hlm. 2)" in row
    assert "Samarkan (redaksi)" in row


def test_no_nik_reaches_the_html_even_from_a_leaky_stored_message(built):
    html = built["html"]
    assert LEAKED_NIK not in html
    assert not any(nik(serial=i) in html.replace(" ", "") for i in range(1, 9))
    assert "[NIK]" in _section(html, "sec-personal")  # the leaky message is shown redacted


def test_a_snippet_stored_with_a_nik_is_redacted(built):
    indicators = _section(built["html"], "sec-indicators")
    assert "[NIK]" in indicators and LEAKED_NIK not in indicators


def test_xlsx_has_a_personal_data_sheet_with_the_flagged_documents(built):
    from openpyxl import load_workbook

    ws = load_workbook(built["xlsx"])["Data Pribadi"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 5)] for r in range(2, ws.max_row + 1)}
    assert set(rows) == {ATTENDANCE, PERWALI}
    opd, findings, action = rows[ATTENDANCE]
    assert opd == "Setda" and findings.startswith("8 NIK (hlm. 2, 3)") and action == pd.ACTION


def test_no_nik_reaches_any_xlsx_sheet(built):
    cells = "\n".join(_xlsx_cells(built["xlsx"]))
    assert LEAKED_NIK not in cells and not re.search(r"\d{16}", cells)
