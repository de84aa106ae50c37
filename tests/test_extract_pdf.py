"""PDF extraction: the text layer where it is usable, OCR where it is not, per page.

Fixture PDFs are generated here: reportlab for text layers and encryption,
Pillow for image-only (scanned) pages, pypdfium2 to merge them. OCR'd pages are
small strips of three lines so that real Tesseract stays fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import pipeline.extract.formats.pdf as pdf_module
from pipeline.extract.extractor import extract
from pipeline.extract.formats.pdf import text_layer_verdict
from pipeline.model import Method, Status
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from tests.fixtures import REGULATION_LINES, SHORT_LINES, image_pdf, merge_pdfs, squash, text_pdf, text_strip
from tests.references import REAL, present

TEXT_PAGES = [REGULATION_LINES[:7], REGULATION_LINES[7:]]


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any OCR call fail the test."""

    def forbidden(*args, **kwargs):
        raise AssertionError("OCR was called on a page with a usable text layer")

    monkeypatch.setattr(pdf_module, "ocr_image", forbidden)


@pytest.fixture(scope="module")
def strip():
    return text_strip(SHORT_LINES)


def test_text_layer_page_is_read_without_ocr(tmp_path: Path, no_ocr: None) -> None:
    doc = extract(text_pdf(tmp_path / "perwal.pdf", TEXT_PAGES))
    assert doc.status is Status.OK
    assert [p.method for p in doc.pages] == [Method.TEXT_LAYER, Method.TEXT_LAYER]
    assert doc.pages[0].confidence is None
    assert "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK" in doc.pages[0].text


def test_image_only_page_is_ocred(tmp_path: Path, strip) -> None:
    doc = extract(image_pdf(tmp_path / "scan.pdf", [strip]))
    assert doc.status is Status.OK
    page = doc.pages[0]
    assert page.method is Method.OCR
    assert page.confidence is not None and page.confidence > 80
    assert squash("Sistem Pemerintahan Berbasis Elektronik") in squash(page.text)


def test_mixed_pdf_is_decided_per_page(tmp_path: Path, strip) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", TEXT_PAGES)
    scanned = image_pdf(tmp_path / "scan.pdf", [strip])
    doc = extract(merge_pdfs(tmp_path / "mixed.pdf", [typed, scanned]))
    assert [p.method for p in doc.pages] == [Method.TEXT_LAYER, Method.TEXT_LAYER, Method.OCR]
    assert doc.ocr_pages == 1
    assert squash("Berbasis Elektronik") in squash(doc.pages[2].text)


def test_short_stamp_over_a_full_page_scan_is_ocred(tmp_path: Path, strip) -> None:
    """GIVEN a scanned page with a JDIH footer added as text WHEN extracted THEN the scan is OCR'd."""
    path = tmp_path / "stamped.pdf"
    width, height = strip.width * 72 / 300, strip.height * 72 / 300
    c = canvas.Canvas(str(path), pagesize=(width, height + 30))
    c.drawImage(ImageReader(strip), 0, 30, width=width, height=height)
    c.setFont("Helvetica", 7)
    c.drawString(4, 8, "JDIH Kota Sukamaju - jdih.sukamaju.go.id")
    c.save()
    page = extract(path).pages[0]
    assert page.method is Method.OCR
    assert squash("Peraturan Wali Kota Sukamaju") in squash(page.text)


def test_garbage_invisible_text_layer_is_not_trusted(tmp_path: Path, strip) -> None:
    """A scanner's broken OCR layer (invisible junk) must not hide the scan: the page is OCR'd."""
    path = tmp_path / "junk-layer.pdf"
    width, height = strip.width * 72 / 300, strip.height * 72 / 300
    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.drawImage(ImageReader(strip), 0, 0, width=width, height=height)
    text = c.beginText(2, height / 2)
    text.setTextRenderMode(3)  # invisible
    text.setFont("Helvetica", 4)
    text.textLine("#$%&^ ~~}{ |\\|// @@!! ^^*& %%$# ]][[ ++== ~~`` <<>> ||}} " * 8)
    c.drawText(text)
    c.save()
    page = extract(path).pages[0]
    assert page.method is Method.OCR
    assert squash("Sistem Pemerintahan") in squash(page.text)


def test_implausible_pdfium_text_gets_a_pdfplumber_second_opinion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_ocr: None
) -> None:
    """When pdfium's text looks garbled, pdfplumber's decoding is tried before OCR."""
    path = text_pdf(tmp_path / "perwal.pdf", TEXT_PAGES)
    monkeypatch.setattr(pdf_module, "clean_text", lambda text: "\x01\x02\x03 ÿþý ¤¤¤ " * 20)
    doc = extract(path)
    assert [p.method for p in doc.pages] == [Method.TEXT_LAYER, Method.TEXT_LAYER]
    assert "Pasal 1" in doc.pages[0].text


def test_pdf_needing_a_password_is_encrypted(tmp_path: Path) -> None:
    path = text_pdf(
        tmp_path / "rahasia.pdf", TEXT_PAGES, encrypt=StandardEncryption("rahasia", ownerPassword="pemilik")
    )
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("encrypted",)
    assert doc.pages == ()


def test_owner_password_only_pdf_is_read(tmp_path: Path, no_ocr: None) -> None:
    locked = StandardEncryption("", ownerPassword="pemilik", canPrint=0, canModify=0, canCopy=0)
    doc = extract(text_pdf(tmp_path / "terkunci.pdf", TEXT_PAGES, encrypt=locked))
    assert doc.status is Status.OK
    assert "Pasal 1" in doc.pages[0].text


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = text_pdf(tmp_path / "utuh.pdf", TEXT_PAGES).read_bytes()
    path = tmp_path / "terpotong.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("corrupt",)
    assert doc.format == "pdf"


def test_truncated_update_keeps_readable_pages_but_flags_corrupt(tmp_path: Path, no_ocr: None) -> None:
    """GIVEN a PDF whose last incremental update was cut off WHEN pdfium can still open the earlier
    revision THEN its pages are kept and the file is flagged corrupt (the tail is lost)."""
    whole = text_pdf(tmp_path / "utuh.pdf", TEXT_PAGES).read_bytes()
    path = tmp_path / "terpotong.pdf"
    path.write_bytes(whole + b"\n12 0 obj\n<< /Length 4000 >>\nstream\n" + b"q 1 0 0 1 0 0 cm " * 100)
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("corrupt",)
    assert doc.page_count == 2
    assert "Pasal 1" in doc.pages[0].text


def test_max_pages_is_respected(tmp_path: Path, no_ocr: None) -> None:
    path = text_pdf(tmp_path / "panjang.pdf", [["Halaman satu Pasal 1 ayat (1) huruf a berlaku"]] * 3)
    doc = extract(path, ExtractSettings(max_pages=2))
    assert doc.page_count == 2
    assert doc.flags == ("too_large",)


@pytest.mark.parametrize(
    ("text", "coverage", "verdict"),
    [
        ("\n".join(REGULATION_LINES), 0.0, None),
        ("\n".join(REGULATION_LINES), 0.95, None),  # a scan with a full OCR layer keeps its layer
        ("- 2 -", 0.0, "short"),
        ("(cid:3)(cid:15)(cid:42)(cid:7) " * 20, 0.0, "cid"),
        ("Peraturan \x01\x02\x03\x04\x05 tentang \x06\x07\x08 SPBE " * 5, 0.0, "garbled"),
        ("#$%&^ ~~}{ |\\|// @@!! ^^*& %%$# ]][[ " * 5, 0.0, "implausible"),
        ("JDIH Kota Sukamaju - jdih.sukamaju.go.id - halaman 3", 0.9, "stamp"),
        ("NOMOR ....... TAHUN ....... tentang Tim Koordinasi SPBE ____________", 0.0, None),
    ],
)
def test_text_layer_verdict(text: str, coverage: float, verdict: str | None) -> None:
    assert text_layer_verdict(text, DEFAULT_SETTINGS, image_coverage=coverage) == verdict


@pytest.mark.parametrize(
    ("name", "pages", "phrase"),
    [
        ("perbup-batubara-81-2021-spbe-signed.pdf", 40, "NOMOR : 81 TAHUN 2021"),
        ("rancangan-perbup-lamongan-2021-spbe-draft.pdf", 42, "RANCANGAN"),
    ],
)
def test_real_regulations_are_read_from_their_text_layer(name: str, pages: int, phrase: str, no_ocr: None) -> None:
    doc = extract(present(REAL / name))
    assert doc.status is Status.OK
    assert doc.page_count == pages
    assert {p.method for p in doc.pages} == {Method.TEXT_LAYER}
    assert phrase in doc.pages[0].text
    assert "Undang-Undang Nomor" in doc.text  # pdfium's line-end hyphen mark is restored
    assert "\ufffe" not in doc.text and "\r" not in doc.text


def test_fast_character_counts_agree_with_the_per_character_rules():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from pipeline.extract.formats.pdf import _garbage_count, _is_garbage, _nonspace

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet=st.characters(codec=None), max_size=80))
    def agree(text):
        assert _garbage_count(text) == sum(1 for ch in text if _is_garbage(ch))
        assert _nonspace(text) == sum(1 for ch in text if not ch.isspace())

    agree()
