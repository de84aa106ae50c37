"""Builds small evidence folders in code for end-to-end tests (no committed binaries).

Each builder writes one realistic file; `hostile_folder` lays out the bad cases
that a nightly run must survive, next to good files of every format.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from samplegen.render import degrade, render_page

REGULATION_LINES = [
    "WALI KOTA SUKAMAJU",
    "PERATURAN WALI KOTA SUKAMAJU",
    "NOMOR 12 TAHUN 2023",
    "TENTANG",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "Menimbang : bahwa untuk mewujudkan tata kelola pemerintahan yang bersih, efektif,",
    "transparan dan akuntabel perlu menetapkan Peraturan Wali Kota tentang Sistem",
    "Pemerintahan Berbasis Elektronik;",
    "Pasal 1",
    "Arsitektur SPBE Pemerintah Daerah memuat referensi arsitektur dan domain arsitektur",
    "proses bisnis, data dan informasi, infrastruktur, aplikasi, keamanan dan layanan SPBE.",
]


def text_pdf(path: Path, lines: list[str] = REGULATION_LINES, *, pages: int = 1, encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    for number in range(pages):
        y = 800
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 18
        pdf.drawString(60, 60, f"Halaman {number + 1}")
        pdf.showPage()
    pdf.save()
    return path


def scan_image(lines: list[str] = REGULATION_LINES, *, dpi: int = 300, rotate_deg: float = 0.0, noise: float = 0.0,
               seed: int = 0) -> Image.Image:
    page = render_page(lines, dpi=dpi, seed=seed)
    if noise or rotate_deg:
        page = degrade(page, noise=noise, rotate_deg=rotate_deg, blur=0.6 if noise else 0.0, seed=seed)
    return page


def scanned_pdf(path: Path, images: list[Image.Image], *, dpi: int = 300) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    first, *rest = [image.convert("L") for image in images]
    first.save(path, format="PDF", resolution=dpi, save_all=True, append_images=rest)
    return path


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def docx_file(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def xlsx_file(path: Path, sheet: str, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def minimal_mp4() -> bytes:
    ftyp = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    mdat = b"\x00\x00\x00\x10mdat" + b"\x00" * 8
    return ftyp + mdat


# Expected (status, first problem code) per file of `hostile_folder`.
HOSTILE_EXPECTED = {
    "Diskominfo/Perwali_12_2023.pdf": ("ok", None),
    "Diskominfo/2024/Laporan/Perwali salinan.pdf": ("ok", None),
    "Diskominfo/Perwali_terpotong.pdf": ("failed", "corrupt"),
    "Diskominfo/Perwali_terkunci.pdf": ("failed", "encrypted"),
    "Bappeda/kosong.pdf": ("failed", "empty"),
    "Bappeda/Foto_rapat.pdf": ("failed", "wrong_extension"),
    "Bappeda/SOP_bukan_zip.docx": ("failed", "corrupt"),
    "Bappeda/Video_Sosialisasi.mp4": ("unsupported", "unsupported"),
    "Bagian_Hukum/Notulen Rapat (Revisi) – Séksi Ñ.docx": ("ok", None),
    "BPKAD/Daftar_Aset_TIK.xlsx": ("ok", None),
    "BPKAD/Pindaian_Perwali.pdf": ("ok", None),
}


def hostile_folder(root: Path) -> Path:
    """An OPD folder with every kind of bad input next to good files of each format."""
    good = text_pdf(root / "Diskominfo" / "Perwali_12_2023.pdf", pages=2)
    text_pdf(root / "Diskominfo" / "2024" / "Laporan" / "Perwali salinan.pdf", REGULATION_LINES[:6])
    (root / "Diskominfo" / "Perwali_terpotong.pdf").write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text_pdf(root / "Diskominfo" / "Perwali_terkunci.pdf", encrypt="rahasia")
    (root / "Bappeda").mkdir(parents=True)
    (root / "Bappeda" / "kosong.pdf").write_bytes(b"")
    (root / "Bappeda" / "Foto_rapat.pdf").write_bytes(jpeg_bytes(scan_image(REGULATION_LINES[:5], dpi=200)))
    (root / "Bappeda" / "SOP_bukan_zip.docx").write_text("Ini bukan dokumen Word.\n", encoding="utf-8")
    (root / "Bappeda" / "Video_Sosialisasi.mp4").write_bytes(minimal_mp4())
    docx_file(root / "Bagian_Hukum" / "Notulen Rapat (Revisi) – Séksi Ñ.docx",
              ["NOTULEN RAPAT KOORDINASI TIM SPBE", "Hari/Tanggal: Senin, 3 Maret 2025"])
    xlsx_file(root / "BPKAD" / "Daftar_Aset_TIK.xlsx", "Aset TIK",
              [["No", "Nama Aset", "Jumlah"], [1, "Server Pusat Data", 4], [2, "Switch Jaringan Intra", 12]])
    scanned_pdf(root / "BPKAD" / "Pindaian_Perwali.pdf", [scan_image(rotate_deg=1.5, noise=8, seed=3)])
    return root
