"""OCR at the resolution a page needs (issue 15): less work per scanned page than at 300 dpi, same accuracy.

Real Tesseract on pages typeset in code (samplegen.render, DejaVu Serif). The speed itself is measured
in bench/ocr_limit.py; these tests hold the behaviour it rests on: large text is read below 300 dpi,
small print is not shrunk, nothing is scaled up, a scan in a PDF is not rendered above its own
resolution, a straight page skips the deskew search, and the text is still read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

import pipeline.extract.formats.pdf as pdf_module
from pipeline.extract import ocr
from pipeline.extract.extractor import extract
from pipeline.extract.ocr import MIN_LONG_SIDE_PX, MIN_OCR_DPI, estimate_skew, ocr_image, text_height
from pipeline.model import Method
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from samplegen.render import font
from tests.fixtures import REGULATION_LINES, degrade, image_pdf, render_page, similarity

pytestmark = pytest.mark.slow

EXPECTED = "\n".join(REGULATION_LINES)
TARGET = DEFAULT_SETTINGS.ocr_xheight_px


def xheight(pt: float, dpi: int) -> int:
    """The true x-height in pixels of render_page's font (DejaVu Serif) at ``pt`` and ``dpi``."""
    box = font(round(pt * dpi / 72)).getbbox("x")
    return box[3] - box[1]


def scan(pt: float, dpi: int, *, skew: float = 0.8) -> Image.Image:
    page = render_page(REGULATION_LINES, dpi=dpi, font_size_pt=pt)
    return degrade(page, noise=0.04, blur=0.6 * dpi / 300, rotate_deg=skew, seed=3)


# --- how tall the text is ---------------------------------------------------------------------


@pytest.mark.parametrize(("pt", "dpi"), [(10, 300), (12, 300), (16, 300), (11.5, 200), (12, 400)])
def test_text_height_is_measured_within_ten_percent(pt: float, dpi: int) -> None:
    assert text_height(scan(pt, dpi)) == pytest.approx(xheight(pt, dpi), rel=0.1)


@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize("pt", [6, 7, 8, 9])
def test_small_print_is_never_measured_taller_than_it_is(pt: float, dpi: int) -> None:
    """Measured too tall, small print would be shrunk below readability; unsure is "no answer"."""
    measured = text_height(scan(pt, dpi))
    assert measured is None or measured <= xheight(pt, dpi) * 1.15


def test_a_page_without_text_has_no_text_height() -> None:
    blank = Image.new("L", (2480, 3508), 255)
    assert text_height(blank) is None
    assert text_height(degrade(blank, noise=0.08, seed=3)) is None  # specks are not text


# --- the resolution chosen --------------------------------------------------------------------


def test_a_page_of_large_text_is_read_below_300_dpi_and_read_exactly() -> None:
    result = ocr_image(render_page(REGULATION_LINES, dpi=300, font_size_pt=16), DEFAULT_SETTINGS, dpi=300)
    assert result.dpi is not None and MIN_OCR_DPI <= result.dpi < 200
    assert similarity(EXPECTED, result.text) >= 95


def test_body_text_is_brought_to_the_target_x_height_and_read_exactly() -> None:
    result = ocr_image(scan(12, 300), DEFAULT_SETTINGS, dpi=300)
    assert result.scale < 1
    assert xheight(12, 300) * result.scale == pytest.approx(TARGET, rel=0.1)
    assert similarity(EXPECTED, result.text) >= 95


def test_small_print_is_not_shrunk_below_the_target_x_height() -> None:
    result = ocr_image(scan(8, 300), DEFAULT_SETTINGS, dpi=300)
    assert xheight(8, 300) * result.scale >= TARGET * 0.9
    assert similarity(EXPECTED, result.text) >= 95


def test_a_page_whose_text_is_already_small_is_never_scaled_up() -> None:
    result = ocr_image(scan(10, 150), DEFAULT_SETTINGS, dpi=150)  # x-height ~9 px
    assert (result.scale, result.dpi) == (1.0, 150)


def test_a_page_of_known_resolution_is_never_read_below_the_floor() -> None:
    """Huge text alone would allow ~80 dpi; small print the measurement cannot see needs more."""
    result = ocr_image(render_page(REGULATION_LINES[:6], dpi=300, font_size_pt=28), DEFAULT_SETTINGS, dpi=300)
    assert result.dpi == MIN_OCR_DPI


def test_an_image_of_unknown_resolution_keeps_at_least_an_a4_page_at_the_floor() -> None:
    page = render_page(REGULATION_LINES[:6], dpi=300, font_size_pt=28)
    result = ocr_image(page, DEFAULT_SETTINGS)
    assert result.dpi is None
    assert max(page.size) * result.scale >= MIN_LONG_SIDE_PX - 1


def test_resolution_from_the_text_can_be_switched_off() -> None:
    result = ocr_image(
        render_page(REGULATION_LINES, dpi=300, font_size_pt=16), ExtractSettings(ocr_xheight_px=0), dpi=300
    )
    assert (result.scale, result.dpi) == (1.0, 300)


# --- PDF scans: rendered at the resolution their text needs --------------------------------------


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[tuple[int, int], int | None]]:
    """(image size, dpi) of every page the PDF reader hands to OCR (the real OCR still runs)."""
    seen: list[tuple[tuple[int, int], int | None]] = []
    real = pdf_module.ocr_image

    def spy(image: Image.Image, settings: ExtractSettings, **kwargs):
        seen.append((image.size, kwargs.get("dpi")))
        return real(image, settings, **kwargs)

    monkeypatch.setattr(pdf_module, "ocr_image", spy)
    return seen


def a4_width(dpi: int) -> int:
    return round(595.28 * dpi / 72)  # A4 is 595.28 pt wide


def test_a_pdf_page_of_large_text_is_rendered_below_300_dpi_and_read(tmp_path: Path, rendered) -> None:
    path = image_pdf(tmp_path / "besar.pdf", [render_page(REGULATION_LINES, dpi=300, font_size_pt=16)], dpi=300)
    doc = extract(path)
    [(size, dpi)] = rendered
    assert dpi is not None and MIN_OCR_DPI <= dpi < 200
    assert abs(size[0] - a4_width(dpi)) <= 1  # rendered at that resolution, not rendered larger and shrunk
    assert similarity(EXPECTED, doc.pages[0].text) >= 95


def test_a_scan_in_a_pdf_is_never_rendered_above_its_own_resolution(tmp_path: Path, rendered) -> None:
    """A 200-dpi scan of small print (nothing to gain by shrinking it) is read at 200 dpi, not 300."""
    path = image_pdf(tmp_path / "pindaian.pdf", [scan(8, 200)], dpi=200)
    doc = extract(path)
    assert [dpi for _, dpi in rendered] == [200]
    assert doc.pages[0].method is Method.OCR
    assert similarity(EXPECTED, doc.pages[0].text) >= 95


def test_a_coarse_scan_in_a_pdf_is_rendered_at_no_less_than_the_floor(tmp_path: Path, rendered) -> None:
    path = image_pdf(tmp_path / "kasar.pdf", [render_page(REGULATION_LINES, dpi=100)], dpi=100)
    extract(path)
    assert [dpi for _, dpi in rendered] == [MIN_OCR_DPI]


def test_with_resolution_from_the_text_off_a_scan_is_rendered_at_ocr_dpi(tmp_path: Path, rendered) -> None:
    path = image_pdf(tmp_path / "pindaian.pdf", [scan(11.5, 200)], dpi=200)
    extract(path, ExtractSettings(ocr_xheight_px=0))
    assert [dpi for _, dpi in rendered] == [DEFAULT_SETTINGS.ocr_dpi]


# --- the deskew search ------------------------------------------------------------------------


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Angles found by every full deskew search (the real search still runs)."""
    found: list[float] = []
    real = ocr._search_skew

    def spy(small: Image.Image, base: float) -> float:
        found.append(real(small, base))
        return found[-1]

    monkeypatch.setattr(ocr, "_search_skew", spy)
    return found


@pytest.mark.parametrize("skew", [0.0, 0.3, -0.3])
def test_a_straight_page_skips_the_deskew_search(searches: list[float], skew: float) -> None:
    assert estimate_skew(scan(12, 300, skew=skew)) == 0.0
    assert searches == []


@pytest.mark.parametrize("skew", [-5.0, -3.0, -1.5, -1.0, 1.0, 2.0, 4.0])
def test_a_page_skewed_by_a_degree_or_more_is_searched_and_measured(searches: list[float], skew: float) -> None:
    assert estimate_skew(scan(12, 300, skew=skew)) == pytest.approx(-skew, abs=0.25)
    assert len(searches) == 1


# --- orientation: a page lying sideways is turned before it is read ---------------------------


@pytest.fixture
def tesseract_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What Tesseract was asked to do, in order: "read" or "osd" (the real calls still run)."""
    calls: list[str] = []
    read, osd = ocr.pytesseract.image_to_data, ocr.pytesseract.image_to_osd

    def reading(*args, **kwargs):
        calls.append("read")
        return read(*args, **kwargs)

    def orientation(*args, **kwargs):
        calls.append("osd")
        return osd(*args, **kwargs)

    monkeypatch.setattr(ocr.pytesseract, "image_to_data", reading)
    monkeypatch.setattr(ocr.pytesseract, "image_to_osd", orientation)
    return calls


def test_an_upright_page_is_read_once_without_orientation_check(tesseract_calls: list[str]) -> None:
    result = ocr_image(scan(12, 300), DEFAULT_SETTINGS, dpi=300)
    assert tesseract_calls == ["read"]
    assert result.rotation == 0


@pytest.mark.parametrize("turned", [90, 270])
def test_a_page_lying_sideways_is_turned_before_it_is_read(tesseract_calls: list[str], turned: int) -> None:
    """GIVEN a page turned counter-clockwise by 90° or 270° WHEN OCR'd THEN OSD comes first and the page
    is read once, the right way up (not read garbled first, then again)."""
    page = render_page(REGULATION_LINES, dpi=300).rotate(turned, expand=True)
    result = ocr_image(page, DEFAULT_SETTINGS, dpi=300)
    assert tesseract_calls == ["osd", "read"]
    assert result.rotation == turned
    assert similarity(EXPECTED, result.text) >= 95


def test_a_page_upside_down_is_still_found_by_its_low_confidence(tesseract_calls: list[str]) -> None:
    page = render_page(REGULATION_LINES, dpi=300).rotate(180)
    result = ocr_image(page, DEFAULT_SETTINGS, dpi=300)
    assert tesseract_calls == ["read", "osd", "read"]
    assert result.rotation == 180
    assert similarity(EXPECTED, result.text) >= 95


def screen(font_px: int = 13, size: tuple[int, int] = (1366, 768)) -> tuple[Image.Image, list[str]]:
    """A screenshot-like image: rows of UI text at `font_px` (render_page's font) on white, no DPI."""
    from PIL import ImageDraw

    words = ["Naskah", "Masuk", "Registrasi", "Disposisi", "Pengirim", "Perihal", "Status", "Tanggal", "Arsip"]
    lines = [" ".join(words[(i + j) % len(words)] for j in range(6)) for i in range(14)]
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    face = font(font_px)
    for row, line in enumerate(lines):
        draw.text((40, 30 + row * 2 * font_px), line, fill=30, font=face)
    return image, lines


def test_small_screen_text_of_unknown_resolution_is_enlarged_and_read() -> None:
    image, lines = screen()
    result = ocr_image(image, DEFAULT_SETTINGS)
    assert 1.8 <= result.scale <= 2.2  # x-height ~7 px brought towards 14 px
    assert similarity("\n".join(lines), result.text) >= 95


def test_an_enlarged_screenshot_stays_within_the_pixel_bound() -> None:
    from pipeline.extract.ocr import MAX_ENLARGED_PIXELS, fit_to_text

    image, _ = screen(size=(1366, 6000))  # a full-page capture of a long web page
    enlarged, dpi, scale = fit_to_text(image, None, DEFAULT_SETTINGS)
    assert dpi is None and scale > 1 and enlarged.width * enlarged.height <= MAX_ENLARGED_PIXELS * 1.01


def test_small_text_of_known_resolution_is_not_enlarged() -> None:
    image, _ = screen()
    assert ocr_image(image, DEFAULT_SETTINGS, dpi=96).scale == 1.0


def test_a_second_reading_adds_only_the_lines_with_words_the_first_missed() -> None:
    from pipeline.extract.ocr import with_new_lines

    first = "Naskah Masuk\nNomor Naskah Tanggal Status"
    second = "Naskah Masuk\nCari perihal, nomor naskah | Unduh Daftar\nNomor Naskah Tanggal\nMenunggu TTE Setujui Tolak"
    merged = with_new_lines(first, second)
    assert merged.startswith(first)
    assert "Cari perihal, nomor naskah | Unduh Daftar" in merged and "Setujui Tolak" in merged
    assert merged.count("Nomor Naskah Tanggal") == 1  # read by both: not counted twice


def test_buttons_of_white_text_on_colour_are_read_on_enlarged_screen_text() -> None:
    from bench.second_sample.screens import srikandi  # a SRIKANDI inbox drawn in code: coloured buttons and badges

    text = ocr_image(srikandi(), DEFAULT_SETTINGS).text.lower()
    assert all(label in text for label in ("cari", "setujui", "tolak")), text
