"""DOCX and XLSX extraction: native text in reading order, one page per sheet.

Documents are built with python-docx and openpyxl in the tests.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from pipeline.extract.extractor import extract
from pipeline.model import Method, Status
from tests.fixtures import ole2


@pytest.fixture
def nota_dinas(tmp_path: Path) -> Path:
    """Header, a paragraph, a table, another paragraph, a footer — in that visual order."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "PEMERINTAH KOTA SUKAMAJU"
    section.footer.paragraphs[0].text = "Dinas Komunikasi dan Informatika"
    document.add_paragraph("Daftar aplikasi yang terintegrasi:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Aplikasi", "Pemilik"
    table.cell(1, 0).text, table.cell(1, 1).text = "SIMPEG", "BKPSDM"
    document.add_paragraph("Demikian untuk menjadi perhatian.")
    document.add_section()  # the new section links to the same header: it must appear once
    document.add_paragraph("Lampiran")
    path = tmp_path / "nota.docx"
    document.save(path)
    return path


def test_docx_keeps_header_paragraphs_table_and_footer_in_reading_order(nota_dinas: Path) -> None:
    doc = extract(nota_dinas)
    assert doc.status is Status.OK
    assert [(p.number, p.method) for p in doc.pages] == [(1, Method.NATIVE)]
    assert [line for line in doc.text.split("\n") if line] == [
        "PEMERINTAH KOTA SUKAMAJU",
        "Daftar aplikasi yang terintegrasi:",
        "Aplikasi\tPemilik",
        "SIMPEG\tBKPSDM",
        "Demikian untuk menjadi perhatian.",
        "Lampiran",
        "Dinas Komunikasi dan Informatika",
    ]


def test_docx_text_inside_content_controls_and_hyperlinks_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Tautan: ")
    # A hyperlink and an inline content control, as templates and web pastes produce them.
    paragraph._p.append(
        docx.oxml.parse_xml(
            '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:r><w:t>spbe.sukamaju.go.id</w:t></w:r></w:hyperlink>"
        )
    )
    paragraph._p.append(
        docx.oxml.parse_xml(
            '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:sdtContent><w:r><w:t xml:space="preserve"> (versi 2024)</w:t></w:r></w:sdtContent></w:sdt>'
        )
    )
    path = tmp_path / "tautan.docx"
    document.save(path)
    assert extract(path).text == "Tautan: spbe.sukamaju.go.id (versi 2024)"


def test_docx_that_is_not_a_zip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "laporan.docx"
    path.write_text("Ini bukan dokumen Word.\n", encoding="utf-8")
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.error.code == "corrupt"  # first problem; the name/content mismatch follows it
    assert "DOCX" in doc.error.message


def test_docx_zip_without_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "laporan.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<w:styles/>")
    doc = extract(path)
    assert doc.flags == ("corrupt",)


def test_zip_archive_named_docx_is_a_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "laporan.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("laporan.txt", "isi laporan")
    doc = extract(path)
    assert doc.flags == ("corrupt",)
    assert "DOCX" in doc.error.message


def test_password_protected_docx_is_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "rahasia.docx"
    path.write_bytes(ole2("EncryptedPackage"))
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("encrypted",)
    assert "kata sandi" in doc.error.message


def test_docx_named_pdf_is_wrong_extension_but_read(tmp_path: Path, nota_dinas: Path) -> None:
    path = tmp_path / "nota.pdf"
    path.write_bytes(nota_dinas.read_bytes())
    doc = extract(path)
    assert doc.format == "docx"
    assert doc.flags == ("wrong_extension",)
    assert "SIMPEG\tBKPSDM" in doc.text


@pytest.fixture
def inventaris(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Aplikasi"
    ws.append(["No", "Nama Aplikasi", "Tahun", "Tanggal SK"])
    ws.append([1, "SIMPEG", 2021, dt.datetime(2021, 8, 31)])
    ws.append([])  # an empty row is skipped
    ws.append([2, "e-Office\nversi 2", 2022.0, None])
    other = wb.create_sheet("Infrastruktur")
    other["B2"] = "Pusat Data"
    other["C2"] = 0.75
    wb.create_sheet("Kosong")
    path = tmp_path / "inventaris.xlsx"
    wb.save(path)
    return path


def test_xlsx_gives_one_page_per_sheet_named_on_the_first_line(inventaris: Path) -> None:
    doc = extract(inventaris)
    assert doc.status is Status.OK
    assert [p.text.split("\n")[0] for p in doc.pages] == ["Aplikasi", "Infrastruktur", "Kosong"]
    assert {p.method for p in doc.pages} == {Method.NATIVE}


def test_xlsx_rows_are_tab_separated_cells_without_empty_rows(inventaris: Path) -> None:
    doc = extract(inventaris)
    assert doc.pages[0].text.split("\n") == [
        "Aplikasi",
        "No\tNama Aplikasi\tTahun\tTanggal SK",
        "1\tSIMPEG\t2021\t2021-08-31",
        "2\te-Office versi 2\t2022",
    ]
    assert doc.pages[1].text.split("\n") == ["Infrastruktur", "\tPusat Data\t0.75"]
    assert doc.pages[2].note  # an empty sheet says so


def test_xlsx_that_is_not_a_zip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"\x00\x01garbage" * 100)
    assert extract(path).flags == ("corrupt",)
