"""Image extraction: every page OCR'd, upright, in grayscale, with guards against bombs.

Images are small three-line strips rendered in code (samplegen.render), read by
real Tesseract.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

import pipeline.extract.ocr
from pipeline.extract.extractor import extract
from pipeline.model import Method, Status
from pipeline.settings import ExtractSettings
from tests.fixtures import SHORT_LINES, squash, text_strip

PHRASE = squash("Sistem Pemerintahan Berbasis Elektronik")
SECOND = ["Keputusan Wali Kota", "tentang Tim Koordinasi", "SPBE Kota Sukamaju"]


@pytest.fixture(scope="module")
def strip() -> Image.Image:
    return text_strip(SHORT_LINES)


def test_png_is_ocred(tmp_path: Path, strip: Image.Image) -> None:
    path = tmp_path / "sk.png"
    strip.save(path)
    doc = extract(path)
    assert doc.status is Status.OK
    assert doc.format == "png"
    assert doc.pages[0].method is Method.OCR
    assert doc.pages[0].confidence > 80
    assert PHRASE in squash(doc.text)


def test_exif_orientation_is_honoured(tmp_path: Path, strip: Image.Image, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a phone JPEG stored sideways with EXIF Orientation 6 WHEN extracted THEN it is read upright
    from the tag alone (OSD is switched off so that it cannot rescue the page)."""
    monkeypatch.setattr(pipeline.extract.ocr, "_osd_rotation", lambda *args: 0)
    exif = Image.Exif()
    exif[0x0112] = 6  # viewer must turn it 90° clockwise
    path = tmp_path / "foto.jpg"
    strip.rotate(90, expand=True).convert("RGB").save(path, "JPEG", quality=90, exif=exif)
    page = extract(path).pages[0]
    assert page.rotation == 90
    assert PHRASE in squash(page.text)


def test_multi_frame_tiff_gives_one_page_per_frame(tmp_path: Path, strip: Image.Image) -> None:
    path = tmp_path / "scan.tif"
    strip.save(path, save_all=True, append_images=[text_strip(SECOND)], compression="tiff_lzw")
    doc = extract(path)
    assert [p.number for p in doc.pages] == [1, 2]
    assert PHRASE in squash(doc.pages[0].text)
    assert squash("Tim Koordinasi") in squash(doc.pages[1].text)


def test_transparent_background_is_flattened_onto_white(tmp_path: Path, strip: Image.Image) -> None:
    """Black text on a transparent PNG must not turn into black on black."""
    rgba = Image.new("RGBA", strip.size, (0, 0, 0, 0))
    rgba.putalpha(strip.point(lambda v: 255 - v))  # ink opaque, paper transparent; RGB stays black
    path = tmp_path / "logo-teks.png"
    rgba.save(path)
    assert PHRASE in squash(extract(path).text)


def test_jpeg_named_pdf_is_wrong_extension_but_still_read(tmp_path: Path, strip: Image.Image) -> None:
    path = tmp_path / "sk-tim-spbe.pdf"
    strip.convert("RGB").save(path, "JPEG", quality=92)
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.format == "jpeg"
    assert doc.flags == ("wrong_extension",)
    assert ".pdf" in doc.error.message and "JPEG" in doc.error.message
    assert PHRASE in squash(doc.text)


def test_image_over_the_pixel_limit_is_too_large_without_ocr(tmp_path: Path, strip: Image.Image) -> None:
    path = tmp_path / "besar.png"
    strip.save(path)
    doc = extract(path, ExtractSettings(max_image_pixels=10_000))
    assert doc.status is Status.FAILED
    assert doc.flags == ("too_large",)
    assert doc.pages == ()


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    """A 200-megapixel PNG that compresses to a few kilobytes is refused, not decoded."""
    buf = io.BytesIO()
    Image.new("1", (20_000, 10_000), 1).save(buf, "PNG")
    path = tmp_path / "bom.png"
    path.write_bytes(buf.getvalue())
    doc = extract(path)
    assert doc.flags == ("too_large",)
    assert "piksel" in doc.error.message


def test_truncated_image_is_corrupt(tmp_path: Path, strip: Image.Image) -> None:
    buf = io.BytesIO()
    strip.save(buf, "PNG")
    path = tmp_path / "terpotong.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("corrupt",)
    assert "PNG" in doc.error.message


def test_blank_image_has_no_text_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "kosong.png"
    Image.new("L", (600, 300), 255).save(path)
    page = extract(path).pages[0]
    assert page.text == ""
    assert page.note


def test_bilevel_group4_tiff_scan_is_read(tmp_path: Path, strip: Image.Image) -> None:
    """Fax-style scans (1-bit, CCITT group 4) are common; their compression must not leak into OCR."""
    path = tmp_path / "fax.tif"
    strip.convert("1").save(path, compression="group4", dpi=(300, 300))
    doc = extract(path)
    assert doc.status is Status.OK
    assert PHRASE in squash(doc.text)
