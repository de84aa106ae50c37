"""A NIK or NIP in a file name is shown as "[NIK]"/"[NIP]" wherever names are shown, and stays the file's identity.

`redact_name` is tested on its own first (which numbers in names are IDs, which are not); then one real
`spbe run` (real Prefect flow, real DuckDB) over a folder whose file names hold a NIK and a NIP feeds every
place a name is shown: the progress lines of the run, the JSON export, the report (HTML, XLSX), the review
page. The database keeps the real path, and the review page still opens the file.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from urllib.parse import unquote

import duckdb
import pytest
from fastapi.testclient import TestClient

from pipeline.outputs.report import write_report
from pipeline.privacy.personal_data import redact_name, shipped_rules
from pipeline.review.app import create_app
from spbe import cli

NIK, NIP = "3201010101900001", "196501011990031005"  # structurally valid: Jawa Barat, born 1 Jan 1990 / 1965
KTP = f"Disdukcapil/KTP_{NIK}.txt"
SK = f"Bkpsdm/SK_Pangkat_NIP{NIP}.txt"
BROKEN = f"Disdukcapil/KK-{NIK}.pdf"
INVITATION = "Setda/Undangan_Fun_Run.txt"
INVITATION_TEXT = (
    "UNDANGAN\nFun Run dan Jalan Sehat Hari Jadi Kota Sukamaju ke-78\nMinggu, 10 Agustus 2025\n"
    "Start dan finish di Alun-alun Kota Sukamaju pukul 06.00 WIB. Peserta mendapat kaos, medali dan "
    "hadiah undian menarik. Pendaftaran gratis melalui panitia di setiap kelurahan.\nPanitia\n"
)
SK_TEXT = (
    "KEPUTUSAN KEPALA BADAN KEPEGAWAIAN\nTENTANG KENAIKAN PANGKAT\nMemutuskan menaikkan pangkat pegawai "
    "yang namanya tercantum dalam lampiran keputusan ini terhitung mulai tanggal satu April.\n"
)


def shown(name: str) -> str:
    return redact_name(name, shipped_rules())


# --- which numbers in a name are IDs -------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        (f"Disdukcapil/KTP_{NIK}.pdf", "Disdukcapil/KTP_[NIK].pdf"),  # glued to "_" and the extension
        (f"Bkpsdm/NIP{NIP}_SK.pdf", "Bkpsdm/NIP[NIP]_SK.pdf"),  # glued to letters
        ("Bkpsdm/SK 19650101 199003 1 005.pdf", "Bkpsdm/SK [NIP].pdf"),  # written in its groups
        ("KTP-3201-0101-0190-0001-Budi.jpg", "KTP-[NIK]-Budi.jpg"),
        (f"2024-{NIK}.pdf", "2024-[NIK].pdf"),  # after another number
        (f"{NIK}/{NIP}.pdf", "[NIK]/[NIP].pdf"),  # a folder name too
    ],
)
def test_an_id_in_a_file_name_is_replaced_by_its_placeholder(name, expected):
    assert shown(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Keuangan/Rp1500000000000000.pdf",  # 16 digits, no NIK: province 15, "month" 00
        "x/1234567890123456.pdf",  # no province 12 regency 34 district 56 birth date 78-90
        f"{NIK}7.pdf",  # 17 digits: neither
        "Perwali_12_2023.pdf",
        "Laporan_2024-01-15.pdf",
        "Screenshot_20240115-123456_Chrome.jpg",
        "800/123/Diskominfo/2021.pdf",
    ],
)
def test_other_numbers_in_a_file_name_are_left_alone(name):
    assert shown(name) == name


# --- one real run, every place that shows a name ---------------------------------------------------


class Visible(HTMLParser):
    """The text a browser shows (not attributes, links or hidden form fields)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.feed(html)

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def no_id(text: str) -> bool:
    return NIK not in text and NIP not in text


@pytest.fixture(scope="module")
def run(tmp_path_factory, prefect_backend):
    base = tmp_path_factory.mktemp("nama")
    folder, db = base / "eviden", base / "spbe.duckdb"
    files = {
        KTP: INVITATION_TEXT.encode(),  # the same bytes as the invitation: a duplicate whose message names it
        INVITATION: INVITATION_TEXT.encode(),
        SK: SK_TEXT.encode(),
        BROKEN: b"%PDF-1.4 rusak \x00\x01",
    }
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    log = io.StringIO()
    with contextlib.redirect_stderr(log):
        code = cli.main(["run", str(folder), "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025"])
    assert code in (0, 1), log.getvalue()
    export = base / "ekspor.json"
    assert cli.main(["export", "--db", str(db), "--json", str(export)]) == 0
    write_report(db, base / "laporan.html", "html")
    write_report(db, base / "laporan.xlsx", "xlsx")
    return {
        "folder": folder,
        "db": db,
        "log": log.getvalue(),
        "export": export.read_text(encoding="utf-8"),
        "html": (base / "laporan.html").read_text(encoding="utf-8"),
        "xlsx": base / "laporan.xlsx",
    }


def test_the_progress_lines_of_a_run_show_the_names_redacted(run):
    progress = [line for line in run["log"].splitlines() if re.match(r"\[\s*\d+/\d+\]", line)]
    assert len(progress) == 3  # the duplicate's content is read once
    assert no_id("\n".join(progress))
    assert any("Disdukcapil/KTP_[NIK].txt" in line for line in progress)
    assert any("Bkpsdm/SK_Pangkat_NIP[NIP].txt" in line for line in progress)


def test_the_export_shows_no_id_anywhere(run):
    assert no_id(run["export"])


def test_the_export_keeps_path_with_the_id_replaced_and_says_so(run):
    documents = {doc["path"]: doc for doc in json.loads(run["export"])["documents"]}
    assert set(documents) == {shown(KTP), shown(SK), shown(BROKEN), INVITATION}
    assert shown(KTP) == "Disdukcapil/KTP_[NIK].txt"
    assert [p for p, doc in documents.items() if doc["path_redacted"]] == sorted([shown(KTP), shown(SK), shown(BROKEN)])


def test_a_message_that_quotes_a_file_name_is_redacted_in_the_export(run):
    invitation = next(d for d in json.loads(run["export"])["documents"] if d["path"] == INVITATION)
    duplicate = next(p["message"] for p in invitation["problems"] if p["code"] == "duplicate")
    assert shown(KTP) in duplicate


def test_the_report_shows_no_id(run):
    assert no_id(run["html"])
    assert shown(KTP) in Visible(run["html"]).text
    with zipfile.ZipFile(run["xlsx"]) as book:
        sheets = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    assert no_id(sheets) and "KTP_[NIK].txt" in sheets


def test_the_database_keeps_the_real_path(run):
    with duckdb.connect(str(run["db"]), read_only=True) as con:
        paths = {row[0] for row in con.execute("SELECT path FROM files").fetchall()}
    assert {KTP, SK, BROKEN} <= paths


def test_the_review_page_shows_the_names_redacted(run):
    page = TestClient(create_app(run["db"], wait_s=2)).get("/")
    assert page.status_code == 200
    visible = Visible(page.text).text
    assert shown(KTP) in visible and no_id(visible)


def test_the_review_page_still_opens_the_file_named_with_an_id(run):
    client = TestClient(create_app(run["db"], wait_s=2))
    links = [unquote(h) for h in re.findall(r'href="(/berkas/[^"]+)"', client.get("/").text)]
    link = next(h for h in links if h == f"/berkas/{KTP}")
    opened = client.get(link)
    assert opened.status_code == 200 and opened.content == (run["folder"] / KTP).read_bytes()
