"""OCR accuracy and robustness with real Tesseract on generated pages.

Accuracy is character similarity (rapidfuzz ratio, 0-100) between the typeset
text and the OCR text, both whitespace-normalised. Pages are A4 at 300 dpi,
DejaVu Serif 12 pt (samplegen.render).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pipeline.extract.extractor import extract
from pipeline.extract.ocr import OcrResult, estimate_skew, ocr_image, parse_tsv
from pipeline.model import Method
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from tests.fixtures import REGULATION_LINES, SHORT_LINES, degrade, photograph, render_page, similarity, text_strip

pytestmark = pytest.mark.slow

EXPECTED = "\n".join(REGULATION_LINES)


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return render_page(REGULATION_LINES, dpi=300)


@pytest.fixture(scope="module")
def clean(page: Image.Image) -> OcrResult:
    return ocr_image(page, DEFAULT_SETTINGS, dpi=300)


def test_clean_page_is_read_almost_exactly(clean: OcrResult) -> None:
    assert similarity(EXPECTED, clean.text) >= 95
    assert clean.rotation == 0
    assert clean.confidence is not None and clean.confidence > 85


@pytest.mark.parametrize("skew", [-3.0, 3.0])
def test_noisy_skewed_scan_is_read(page: Image.Image, skew: float) -> None:
    """A clockwise skew (negative) of 2.5° or more made Tesseract drop whole lines before deskewing."""
    scan = degrade(page, noise=0.08, blur=1.1, rotate_deg=skew, seed=7)
    result = ocr_image(scan, DEFAULT_SETTINGS, dpi=300)
    assert similarity(EXPECTED, result.text) >= 85


@pytest.mark.parametrize("skew", [-4.0, -1.5, 2.0])
def test_skew_is_measured(page: Image.Image, skew: float) -> None:
    assert estimate_skew(degrade(page, rotate_deg=skew)) == pytest.approx(-skew, abs=0.25)


def test_straight_and_blank_pages_are_not_deskewed(page: Image.Image) -> None:
    assert estimate_skew(page) == 0.0
    assert estimate_skew(Image.new("L", (1240, 1754), 255)) == 0.0


@pytest.mark.parametrize("turned", [90, 180])
def test_page_lying_sideways_or_upside_down_is_turned_and_read(page: Image.Image, turned: int) -> None:
    """GIVEN a page scanned turned counter-clockwise WHEN OCR'd THEN OSD turns it back and it is read."""
    result = ocr_image(page.rotate(turned, expand=True), DEFAULT_SETTINGS, dpi=300)
    assert result.rotation == turned  # clockwise turn applied == the counter-clockwise turn suffered
    assert similarity(EXPECTED, result.text) >= 85


def test_phone_photo_lying_sideways_is_turned_and_read(tmp_path: Path, page: Image.Image) -> None:
    """GIVEN a phone photo of the page (perspective, shading, desk) stored sideways without EXIF
    WHEN extracted THEN OSD turns it upright and deskewing keeps every line."""
    path = tmp_path / "foto.jpg"
    photograph(page, rotate=90, seed=1).save(path, "JPEG", quality=88)
    result = extract(path).pages[0]
    assert result.rotation == 90
    assert similarity(EXPECTED, result.text) >= 85


def test_ocr_text_keeps_line_breaks(clean: OcrResult) -> None:
    lines = clean.text.split("\n")
    assert "WALI KOTA SUKAMAJU" in lines
    assert "Pasal 1" in lines


def test_timeout_is_a_result_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    text_strip(SHORT_LINES).save(path)
    doc = extract(path, ExtractSettings(ocr_page_timeout_s=0.01))
    assert doc.flags == ("timeout",)
    assert doc.pages[0].method is Method.NONE
    assert doc.pages[0].note


def test_a_language_tesseract_cannot_load_is_a_machine_fault_with_its_stderr(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    text_strip(SHORT_LINES).save(path)
    doc = extract(path, ExtractSettings(ocr_languages="zzz"))
    assert doc.flags == ("ocr_engine_failed",)  # the server's fault: never "re-scan this page"
    assert "zzz" in doc.error.detail  # "Failed loading language 'zzz'"


def test_blank_page_has_no_words_and_no_confidence() -> None:
    result = ocr_image(Image.new("L", (800, 400), 255), DEFAULT_SETTINGS)
    assert (result.text, result.confidence, result.words) == ("", None, 0)


def test_tsv_is_rebuilt_into_lines_and_blocks() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96.0\tPasal",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t94.0\t1",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t90.0\tDaerah",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t80.0\tSPBE",
    ]
    parsed = parse_tsv("\n".join([header, *rows]))
    assert parsed.text == "Pasal 1\nDaerah\n\nSPBE"
    assert parsed.confidence == 90.0
    assert parsed.words == 4
