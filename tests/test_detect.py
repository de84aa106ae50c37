"""Format detection from bytes, and how extract() routes what it detected.

The extension never decides the format; it only decides the `wrong_extension`
flag. Nothing here runs OCR.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image

from pipeline.extract.detect import claimed_format, detect, detect_bytes, expected_formats
from pipeline.extract.extractor import extract
from pipeline.model import Status
from tests.fixtures import ole2


def _image_bytes(fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\x00" * 300 + b"%PDF-1.4\n", "pdf"),  # junk before the header is tolerated up to 1024 bytes
        (_image_bytes("PNG"), "png"),
        (_image_bytes("JPEG"), "jpeg"),
        (_image_bytes("TIFF"), "tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "tiff"),
        (_image_bytes("BMP"), "bmp"),
        (_image_bytes("WEBP"), "webp"),
        (_image_bytes("GIF"), "gif"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", "mov"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "heic"),
        (b"RIFF\x10\x00\x00\x00AVI LIST", "avi"),
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", "wav"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "webm"),
        (b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska", "mkv"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64\x00", "mp3"),
        (b"OggS\x00\x02", "ogg"),
        (b"fLaC\x00\x00\x00\x22", "flac"),
        (b"Rar!\x1a\x07\x01\x00", "rar"),
        (b"{\\rtf1\\ansi Peraturan", "rtf"),
        (b"<!DOCTYPE html><html><head><title>Login</title>", "html"),
        (b"\n  <html lang='id'><body>Sesi habis</body></html>", "html"),
        (b"Daftar aplikasi SPBE:\n1. SIMPEG\n2. e-Office\n", "text"),
        ("Keputusan Wali Kota tentang Tim Koordinasi SPBE – revisi".encode("cp1252"), "text"),
        (bytes(range(256)) * 4, "unknown"),
    ],
)
def test_detects_format_from_leading_bytes(head: bytes, expected: str) -> None:
    assert detect_bytes(head).format == expected


def test_extension_is_ignored_when_detecting(tmp_path: Path) -> None:
    path = tmp_path / "laporan.pdf"
    path.write_bytes(_image_bytes("PNG"))
    assert detect(path).format == "png"


def test_docx_and_xlsx_are_told_apart_by_zip_members(tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "a.bin")
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "b.bin")
    assert detect(tmp_path / "a.bin").format == "docx"
    assert detect(tmp_path / "b.bin").format == "xlsx"


def test_pptx_and_plain_zip_are_recognised_but_not_supported(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "slides.pptx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("ppt/presentation.xml", "<p:presentation/>")
    with zipfile.ZipFile(tmp_path / "eviden.zip", "w") as zf:
        zf.writestr("sk.pdf", b"%PDF-1.4")
    pptx, plain = detect(tmp_path / "slides.pptx"), detect(tmp_path / "eviden.zip")
    assert (pptx.format, pptx.supported) == ("pptx", False)
    assert (plain.format, plain.supported) == ("zip", False)


def test_zip_that_cannot_be_opened_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "rusak.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    found = detect(path)
    assert found.broken
    assert "zip" in found.detail


@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        ("EncryptedPackage", "encrypted_ooxml"),
        ("WordDocument", "doc"),
        ("Workbook", "xls"),
        ("PowerPoint Document", "ppt"),
    ],
)
def test_ole2_files_are_classified_by_stream_names(tmp_path: Path, stream: str, expected: str) -> None:
    path = tmp_path / "office.bin"
    path.write_bytes(ole2(stream))
    assert detect(path).format == expected


@pytest.mark.parametrize(
    ("extension", "fmt", "matches"),
    [
        ("jpg", "jpeg", True),
        ("JPEG", "jpeg", True),
        ("tif", "tiff", True),
        ("docx", "encrypted_ooxml", True),  # a password-protected .docx is an OLE2 file
        ("pdf", "jpeg", False),
        ("docx", "pdf", False),
        ("", "pdf", False),
        ("csv", "text", True),
    ],
)
def test_extension_promises(extension: str, fmt: str, matches: bool) -> None:
    assert (fmt in expected_formats(extension)) is matches


def test_claimed_format_only_for_supported_extensions() -> None:
    assert claimed_format("jpg") == "jpeg"
    assert claimed_format("docx") == "docx"
    assert claimed_format("mp4") is None


# --- extract() on files it does not read ----------------------------------------------


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "sk.pdf"
    path.write_bytes(b"")
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("empty",)


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    doc = extract(tmp_path / "hilang.pdf")
    assert doc.status is Status.FAILED
    assert doc.flags == ("vanished",)


def test_file_over_the_size_limit_is_too_large_without_reading_it(tmp_path: Path) -> None:
    from pipeline.settings import ExtractSettings

    path = tmp_path / "besar.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    doc = extract(path, ExtractSettings(max_file_bytes=1000))
    assert doc.flags == ("too_large",)
    assert doc.format == "unknown"


def test_video_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "rapat.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64)
    doc = extract(path)
    assert doc.status is Status.UNSUPPORTED
    assert doc.format == "mp4"
    assert doc.flags == ("unsupported",)
    assert "video MP4" in doc.error.message


def test_video_under_a_pdf_name_is_unsupported_and_wrongly_named(tmp_path: Path) -> None:
    path = tmp_path / "rapat.pdf"
    path.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64)
    doc = extract(path)
    assert doc.status is Status.UNSUPPORTED
    assert doc.flags == ("unsupported", "wrong_extension")


def test_html_page_saved_as_pdf_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "unduhan.pdf"
    path.write_bytes(b"<!DOCTYPE html>\n<html><body>Sesi Anda telah berakhir</body></html>")
    doc = extract(path)
    assert doc.status is Status.UNSUPPORTED
    assert doc.format == "html"
    assert doc.flags == ("unsupported", "wrong_extension")


def test_legacy_word_document_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "nota.doc"
    path.write_bytes(ole2("WordDocument"))
    doc = extract(path)
    assert doc.status is Status.UNSUPPORTED
    assert doc.flags == ("unsupported",)


def test_junk_named_like_a_supported_format_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "sk.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    doc = extract(path)
    assert doc.status is Status.FAILED
    assert doc.flags == ("corrupt",)
    assert "PDF" in doc.error.message


def test_unknown_binary_with_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "data.dat"
    path.write_bytes(bytes(range(256)) * 8)
    assert extract(path).status is Status.UNSUPPORTED


def test_text_file_is_read_natively(tmp_path: Path) -> None:
    path = tmp_path / "catatan.txt"
    path.write_bytes(b"Rapat evaluasi SPBE\r\nhari Senin")
    doc = extract(path)
    assert doc.status is Status.OK
    assert doc.pages[0].method.value == "native"
    assert doc.text == "Rapat evaluasi SPBE\nhari Senin"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "catatan.txt"
    path.write_bytes("Notulen – rapat café".encode("cp1252"))
    assert extract(path).text == "Notulen – rapat café"
