"""Safe outputs: hostile document-derived text stays inert text in the report (HTML, XLSX) and the review page.

One real DuckDB is built with the real storage layer (`save_files`, `judge`, `save_judgement`), with hostile
strings where documents and folders put text: OPD folder names, file names, titles, page text (snippets),
ingestion messages, and, through the real review app, the admins' notes and names. The same database then
feeds `write_report` (as `spbe report` does) and `create_app` (as `spbe ui` does).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from pipeline.judge.decide import DocInput, judge
from pipeline.model import FileRecord, FileRow, Problem, Status
from pipeline.outputs.report import write_report
from pipeline.review.app import create_app
from pipeline.store.connection import session
from pipeline.store.files import save_files
from pipeline.store.judgement import save_judgement
from pipeline.store.runs import finish_run, start_run
from tests.test_judge import SIX_DOMAINS, regulation
from tests.test_review import csrf_token

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
FORMULA = '=HYPERLINK("javascript:alert(1)";"klik")'
# What spreadsheet programs may read as a formula at the start of a cell.
FORMULA_STARTS = {"=": FORMULA, "+": "+SUM(1;1)", "-": "-2+3*cmd|' /C calc'!A0", "@": "@SUM(1+1)"}

POLICY = f"{IMG}/{FORMULA}.pdf"  # OPD and file name, both hostile
POLICY_BODY = SIX_DOMAINS.replace("Pasal 3\n", f"Pasal 3\nLihat {SCRIPT} dan {JS_URL} untuk rincian. ")
BROKEN = {f"{start_text.split('|')[0]}/rusak.pdf": start_text for start_text in FORMULA_STARTS.values()}


def _docs() -> list[DocInput]:
    docs = [regulation(POLICY, POLICY_BODY, title=f"ARSITEKTUR SPBE {SCRIPT} {JS_URL}", signed=False)]
    docs += [DocInput(path, path, "failed", ("corrupt",), ()) for path in BROKEN]
    return docs


def _file_row(doc: DocInput, run_id: int) -> FileRow:
    # An ingestion message that starts with a formula and carries markup (messages may quote file names).
    problems = tuple(Problem(code, f"{BROKEN[doc.path]} {SCRIPT} {IMG}") for code in doc.problem_codes)
    record = FileRecord(doc.path, doc.path.split("/")[0], 1000, 0.0, doc.sha256, "pdf", problems)
    return FileRow(record, "pdf", "test", "pdf", Status(doc.status), problems, run_id, run_id)


@pytest.fixture(scope="module")
def built(tmp_path_factory, framework, common):
    """The hostile database, and the HTML and XLSX reports written from it."""
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "spbe.duckdb"
    docs = _docs()
    with session(db) as con:
        run_id = start_run(
            con, root=str(folder / "eviden"), region="Kota Sukamaju", year=2025, claims=None, version="test"
        )
        save_files(con, [_file_row(d, run_id) for d in docs], run_id)
        save_judgement(con, run_id, judge(docs, framework, common, region="Kota Sukamaju", year=2025))
        finish_run(con, run_id, status="completed", counts={"files_seen": len(docs)})
    html_path, xlsx_path = folder / "laporan.html", folder / "laporan.xlsx"
    write_report(db, html_path, "html")
    write_report(db, xlsx_path, "xlsx")
    return {"db": db, "html": html_path.read_text(encoding="utf-8"), "xlsx": xlsx_path}


class Markup(HTMLParser):
    """What a browser would build from the HTML: elements, attributes, and the visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


PREVIEW_SRC = re.compile(r"/pratinjau/[A-Za-z0-9%._~/-]+\?[A-Za-z0-9%._~=&+-]+")  # the review page's own previews


def assert_inert(html: str) -> Markup:
    """No element, event handler or script URL came out of the hostile text (the only images are the
    review page's page previews, served by this site under a percent-encoded path)."""
    markup = Markup(html)
    assert "script" not in markup.tags
    images = [attrs for tag, attrs in markup.elements if tag == "img"]
    assert all(PREVIEW_SRC.fullmatch(attrs.get("src", "")) for attrs in images), images
    assert not [name for name, _ in markup.attrs if name.startswith("on")]
    urls = [value for name, value in markup.attrs if name in ("href", "src", "action", "formaction")]
    assert not [u for u in urls if u.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]
    return markup


@pytest.fixture
def review(built):
    return TestClient(create_app(built["db"], wait_s=2))


def test_the_html_report_builds_no_element_from_document_text(built):
    assert_inert(built["html"])


def test_the_html_report_shows_the_hostile_text_as_text(built):
    text = " ".join(Markup(built["html"]).text)
    for hostile in (SCRIPT, IMG, FORMULA, JS_URL):
        assert hostile in text  # visible to the reader, literally, not swallowed


def test_the_review_page_builds_no_element_from_document_text(review):
    page = review.get("/")
    assert page.status_code == 200 and "Belum ditinjau" in page.text
    assert_inert(page.text)


def test_the_review_page_shows_file_names_titles_snippets_and_messages_as_text(review):
    chunks = [t.strip() for t in Markup(review.get("/").text).text]
    text = " ".join(chunks)
    assert POLICY in chunks  # file name (OPD folder included), the heading of its gap
    assert IMG in chunks  # OPD name
    assert f"Judul: ARSITEKTUR SPBE {SCRIPT} {JS_URL}" in text  # title
    assert f"ARSITEKTUR SPBE {SCRIPT} {JS_URL}" in chunks  # snippet: the matched title line, a whole blockquote
    assert f"{FORMULA} {SCRIPT} {IMG}" in text  # ingestion message


def test_the_file_link_of_a_hostile_name_stays_a_link_on_this_site(review):
    links = [v for n, v in Markup(review.get("/").text).attrs if n == "href" and v.startswith("/berkas/")]
    assert len(set(links)) == 1 + len(BROKEN)  # a previewed file is linked twice: on its card and its enlarged view
    assert all(re.fullmatch(r"/berkas/[A-Za-z0-9%._~/-]+", link) for link in links)  # percent-encoded path


def test_a_hostile_note_and_reviewer_name_are_shown_as_text(review, built):
    response = review.post(
        "/keputusan",
        data={
            "path": POLICY,
            "code": "draft",
            "sha256": POLICY,
            "decision": "dismissed",
            "note": f"{SCRIPT} {JS_URL}",
            "who": IMG,
            "csrf_token": csrf_token(review),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = review.get("/", params={"tampilkan_ditolak": "1"}).text
    markup = assert_inert(page)
    text = " ".join(markup.text)
    assert f"Catatan keputusan: {SCRIPT} {JS_URL}" in text and f"oleh {IMG}" in text
    assert ("value", IMG) in markup.attrs  # the remembered name, inside the attribute, not breaking out


def test_a_refused_hostile_decision_is_echoed_back_as_text(review):
    response = review.post(
        "/keputusan",
        data={
            "path": POLICY,
            "code": "draft",
            "sha256": POLICY,
            "decision": "dismissed",
            "note": "",
            "who": IMG,
            "csrf_token": csrf_token(review),
        },
    )
    assert response.status_code == 400  # dismissal without a note: the form comes back filled
    markup = assert_inert(response.text)
    assert ("value", IMG) in markup.attrs and ("value", POLICY) in markup.attrs


def _strings(xlsx) -> list:
    from openpyxl import load_workbook

    return [cell for ws in load_workbook(xlsx) for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]


@pytest.mark.parametrize("start", sorted(FORMULA_STARTS))
def test_xlsx_keeps_document_text_starting_with_a_formula_sign_as_text(built, start):
    cells = [c for c in _strings(built["xlsx"]) if c.value.startswith(FORMULA_STARTS[start])]
    assert cells, f"no cell starts with {start!r}: the fixture did not reach the workbook"
    assert {c.data_type for c in cells} == {"s"}  # a string cell, never a formula


def test_xlsx_has_no_formula_at_all(built):
    with zipfile.ZipFile(built["xlsx"]) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not [n for n in sheets if re.search(rb"<(?:\w+:)?f[ >]", book.read(n))]


def test_xlsx_holds_the_hostile_text_literally(built):
    values = "\n".join(c.value for c in _strings(built["xlsx"]))
    for hostile in (POLICY, FORMULA, f"{SCRIPT} {IMG}", JS_URL):
        assert hostile in values
