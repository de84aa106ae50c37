"""Builds small evidence folders in code for end-to-end tests (no committed binaries).

Each builder writes one realistic file; `hostile_folder` lays out the bad cases
that a nightly run must survive, next to good files of every format.
"""

from __future__ import annotations

import functools
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


def scan_image(
    lines: list[str] = REGULATION_LINES, *, dpi: int = 300, rotate_deg: float = 0.0, noise: float = 0.0, seed: int = 0
) -> Image.Image:
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
    docx_file(
        root / "Bagian_Hukum" / "Notulen Rapat (Revisi) – Séksi Ñ.docx",
        ["NOTULEN RAPAT KOORDINASI TIM SPBE", "Hari/Tanggal: Senin, 3 Maret 2025"],
    )
    xlsx_file(
        root / "BPKAD" / "Daftar_Aset_TIK.xlsx",
        "Aset TIK",
        [["No", "Nama Aset", "Jumlah"], [1, "Server Pusat Data", 4], [2, "Switch Jaringan Intra", 12]],
    )
    scanned_pdf(root / "BPKAD" / "Pindaian_Perwali.pdf", [scan_image(rotate_deg=1.5, noise=8, seed=3)])
    return root


# --- folders for crash, concurrency and fault tests (issue 6) -----------------------------------

#: OPD folders the scanned pages of `scanned_folder` are spread over.
SCAN_OPDS = ("Diskominfo", "Bappeda", "BPKAD", "Setda")


@functools.cache
def _scan_pdf_bytes(number: int) -> bytes:
    """A one-page scanned PDF of a distinct A4 page at 300 dpi (~0.5 s to build, ~2 s of Tesseract to read),
    cached per process so that several folders cost one rendering."""
    lines = [*REGULATION_LINES[:4], f"LAMPIRAN {number + 1}", *REGULATION_LINES[4:], f"Halaman lampiran {number + 1}"]
    buffer = io.BytesIO()
    scan_image(lines, noise=4, seed=number).convert("L").save(buffer, format="PDF", resolution=300)
    return buffer.getvalue()


def scanned_folder(root: Path, *, scans: int = 16, texts: int = 4) -> list[str]:
    """An evidence folder whose reading is mostly Tesseract: ``scans`` one-page scanned PDFs (each different,
    ~2 s of OCR) and ``texts`` text-layer PDFs, spread over OPD folders. Returns the relative paths."""
    paths = []
    for number in range(scans):
        relative = f"{SCAN_OPDS[number % len(SCAN_OPDS)]}/Pindaian_Lampiran_{number + 1:02d}.pdf"
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(_scan_pdf_bytes(number))
        paths.append(relative)
    for number in range(texts):
        relative = f"{SCAN_OPDS[number % len(SCAN_OPDS)]}/Perwali_{number + 1:02d}_2023.pdf"
        text_pdf(root / relative, [*REGULATION_LINES, f"Salinan nomor {number + 1}"])
        paths.append(relative)
    return paths


def notes_folder(root: Path, count: int, *, opd: str = "Setda") -> list[str]:
    """``count`` small, distinct text notes: cheap to read, so a run over them is mostly database writes."""
    folder = root / opd
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name = f"Notulen_{number + 1:04d}.txt"
        (folder / name).write_text(
            f"NOTULEN RAPAT TIM SPBE NOMOR {number + 1}\nAgenda: arsitektur SPBE dan "
            f"layanan data terbuka, sesi {number + 1}.\n",
            encoding="utf-8",
        )
        paths.append(f"{opd}/{name}")
    return paths


def corrupt_pdf(path: Path) -> Path:
    """A PDF cut in half: always a `corrupt` gap on the review page."""
    good = text_pdf(path.with_name(path.stem + "_utuh.pdf"), pages=2)
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    good.unlink()
    return path


def nik_of(
    *,
    province: int = 32,
    regency: int = 1,
    district: int = 1,
    day: int = 5,
    month: int = 7,
    year: int = 90,
    serial: int = 1,
) -> str:
    """A structurally valid 16-digit NIK (real province code, birth date), like tests/test_personal_data.py."""
    return f"{province:02d}{regency:02d}{district:02d}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"


def attendance_docx(path: Path, niks: list[str]) -> Path:
    """A DOCX attendance list of a SPBE meeting whose participants are listed with their NIK."""
    paragraphs = [
        "DAFTAR HADIR RAPAT KOORDINASI TIM SPBE",
        "Hari/tanggal: Senin, 3 Maret 2025",
        "Tempat: Ruang Rapat Diskominfo Kota Sukamaju",
    ]
    paragraphs += [f"{i}. Peserta {i} NIK {value} Dinas Komunikasi dan Informatika" for i, value in enumerate(niks, 1)]
    return docx_file(path, paragraphs)


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
