"""Generated test inputs for the extraction tests: text, page images, PDFs, office files.

Everything is built by code at test time (no committed binaries). Page images come
from ``samplegen.render`` (A4, DejaVu Serif); PDFs from reportlab (text layer,
encryption) and Pillow (image-only pages); pypdfium2 merges them into mixed PDFs.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from rapidfuzz import fuzz
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from samplegen.render import degrade, photograph, render_page

__all__ = [
    "REGULATION_LINES",
    "SHORT_LINES",
    "degrade",
    "image_pdf",
    "merge_pdfs",
    "normalise",
    "ole2",
    "photograph",
    "render_page",
    "similarity",
    "squash",
    "text_pdf",
    "text_strip",
]

#: A page of Indonesian regulation text (fictional Kota Sukamaju), as typed in a Perwal.
REGULATION_LINES = [
    "WALI KOTA SUKAMAJU",
    "PROVINSI JAWA BARAT",
    "PERATURAN WALI KOTA SUKAMAJU NOMOR 12 TAHUN 2024",
    "TENTANG",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "Pasal 1",
    "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
    "1. Daerah adalah Kota Sukamaju.",
    "2. Pemerintah Daerah adalah Wali Kota sebagai unsur penyelenggara pemerintahan daerah.",
    "3. Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah "
    "penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi "
    "untuk memberikan layanan kepada pengguna SPBE.",
    "4. Arsitektur SPBE Pemerintah Daerah adalah kerangka dasar yang mendeskripsikan "
    "integrasi proses bisnis, data dan informasi, infrastruktur, aplikasi, dan keamanan.",
    "Pasal 2",
    "(1) Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota.",
    "(2) Tim Koordinasi sebagaimana dimaksud pada ayat (1) bertugas melakukan "
    "pemantauan dan evaluasi penerapan SPBE di lingkungan Pemerintah Daerah.",
    "(3) Hasil evaluasi dilaporkan kepada Wali Kota paling sedikit 1 (satu) kali dalam setahun.",
]

#: Three short lines: a small image that OCRs in well under a second.
SHORT_LINES = [
    "Peraturan Wali Kota Sukamaju",
    "tentang Sistem Pemerintahan",
    "Berbasis Elektronik",
]


def normalise(text: str) -> str:
    """Whitespace-normalised text: the form OCR output is compared in."""
    return " ".join(text.split())


def similarity(expected: str, actual: str) -> float:
    """Character similarity 0-100 (rapidfuzz ratio) of whitespace-normalised texts."""
    return fuzz.ratio(normalise(expected), normalise(actual))


def text_strip(lines: list[str], dpi: int = 300, font_size_pt: float = 14) -> Image.Image:
    """A small page image: the rendered lines cropped to their bounding box plus a margin."""
    page = render_page(lines, dpi=dpi, font_size_pt=font_size_pt)
    left, top, right, bottom = page.point(lambda v: 255 - v).getbbox()
    pad = dpi // 6
    return page.crop((max(0, left - pad), max(0, top - pad), right + pad, bottom + pad))


def text_pdf(path: Path, pages: list[list[str]], *, encrypt: object = None) -> Path:
    """A PDF with a real text layer, one list of lines per page (reportlab)."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for lines in pages:
        y = A4[1] - 72
        for line in lines:
            c.setFont("Times-Roman", 11)
            c.drawString(72, y, line)
            y -= 15
        c.showPage()
    c.save()
    return path


def image_pdf(path: Path, images: list[Image.Image], dpi: int = 300) -> Path:
    """An image-only PDF (a scan): each image becomes one page without any text layer."""
    first, *rest = [im.convert("L") for im in images]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return path


def merge_pdfs(path: Path, parts: list[Path]) -> Path:
    """Concatenate PDFs page by page (pypdfium2)."""
    out = pdfium.PdfDocument.new()
    try:
        for part in parts:
            src = pdfium.PdfDocument(part)
            try:
                out.import_pages(src)
            finally:
                src.close()
        buf = io.BytesIO()
        out.save(buf)
    finally:
        out.close()
    path.write_bytes(buf.getvalue())
    return path


def ole2(stream_name: str) -> bytes:
    """An OLE2 compound-file stub whose directory names ``stream_name`` (UTF-16LE, NUL-terminated).

    Enough for format detection: a real legacy .doc or an encrypted .docx has the same
    magic number and the same directory-entry encoding of its stream names.
    """
    entry = (stream_name.encode("utf-16-le") + b"\x00\x00").ljust(64, b"\x00")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + entry + b"\x00" * 448


def squash(text: str) -> str:
    """Lower-case letters and digits only: for 'contains' checks that ignore OCR spacing."""
    return re.sub(r"[^0-9a-z]", "", text.lower())
