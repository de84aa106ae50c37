"""How each file of the second sample is written: text PDFs, scans, photos, screenshots, DOCX, XLSX.

Renderers are samplegen's (pdfs, scans, render, screens, office); nothing here draws text itself except
the extra browser tabs (screens.py). Every builder is deterministic: fixed seeds, reportlab invariant
mode, pinned zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from PIL import Image, ImageEnhance, ImageFilter

from bench.second_sample import regs, reports
from samplegen import scans
from samplegen.office import _core, _docx, _para, _sheet, normalize_zip
from samplegen.pdfs import write_image_pdf, write_text_pdf
from samplegen.render import degrade, photograph, render_page

Builder = Callable[[Path], None]
SCAN_DPI = 200
STAMP_BUPATI = ["BUPATI BANJARNEGARA", "PEMERINTAH", "KAB. BANJARNEGARA"]


def text_pdf(doc_fn: Callable) -> Builder:
    return lambda p: write_text_pdf(doc_fn(), p)


def copy_of(source: Path) -> Builder:
    def copy(p: Path) -> None:
        shutil.copyfile(source, p)

    return copy


def png(draw: Callable[[], Image.Image]) -> Builder:
    return lambda p: draw().save(p, "PNG", optimize=True)


def _probis_pages() -> list[Image.Image]:
    lines = scans.doc_to_lines(regs.kepbup_probis_2023())
    return scans.typed_pages(lines, dpi=SCAN_DPI, font_size_pt=11, seed=527, signatures={"ttd": [STAMP_BUPATI]})


def probis_scan(p: Path) -> None:
    pages = scans.scan(_probis_pages(), seed=527, noise=0.035, blur=0.7, max_rotate=1.5)
    write_image_pdf(pages, p, quality=45, producer_note="EPSON Scan")


def probis_rescan(p: Path) -> None:
    """The same signed pages put through another scanner months later: other noise, skew and compression."""
    pages = scans.scan(_probis_pages(), seed=2527, noise=0.045, blur=0.9, max_rotate=2.4)
    write_image_pdf(pages, p, quality=55, producer_note="Canon iR-ADV")


def notulen_scan(p: Path) -> None:
    pages = scans.typed_pages(
        reports.notulen_lines(), dpi=SCAN_DPI, font_size_pt=11, seed=213, signatures={"ttd": [None]}
    )
    write_image_pdf(scans.scan(pages, seed=213, noise=0.04, blur=0.8, max_rotate=1.2), p, quality=45)


def lampiran_photo(p: Path) -> None:
    page = scans.typed_pages(
        regs.lampiran_mki_lines(), dpi=150, font_size_pt=12, seed=7, signatures={"ttd": [STAMP_BUPATI]}
    )[0]
    photograph(page, rotate=0, seed=7).save(p, "JPEG", quality=82)


def unreadable_scan(p: Path) -> None:
    """Two scanned pages on which nothing can be read: a near-blank page and a page of scanner noise."""
    blank = degrade(render_page([], dpi=100, seed=1), noise=0.14, blur=0.5, seed=61, speckles=2.5, uneven=70)
    noise = degrade(render_page([], dpi=100, seed=2), noise=0.45, blur=1.2, seed=62, speckles=4.0, uneven=90)
    write_image_pdf([blank, noise], p, quality=30, producer_note="Scanner")


def unreadable_photo(p: Path) -> None:
    """A receipt photographed in a dark room, out of focus: OCR gets nothing."""
    lines = ["KWITANSI", "Telah terima dari Bendahara BPKAD", "Uang sejumlah Rp 14.850.000", "Untuk pembayaran"]
    page = render_page(lines, dpi=100, font_size_pt=11, seed=5, bold_lines={0}, align={0: "center"})
    photo = photograph(page, rotate=0, seed=5).filter(ImageFilter.GaussianBlur(7))
    ImageEnhance.Brightness(photo).enhance(0.18).save(p, "JPEG", quality=70)


def draft_tim_docx(p: Path) -> None:
    when = dt.datetime(2023, 9, 11, 10, 5, 0)
    doc = _docx()
    for text, align, bold in regs.DRAFT_TIM_LINES:
        if align == "sign":
            _para(doc, text, bold=bold, indent_cm=8.5)
        else:
            _para(doc, text, bold=bold, align=align)
    _core(doc, title="Draft Keputusan Tim Koordinasi SPBE", author="Diskominfo", when=when)
    doc.save(p)
    normalize_zip(p, when)


def _workbook(sheets: list[tuple[str, list[str], list[str], list[list], list[int]]], title: str, when) -> Workbook:
    wb = Workbook()
    for i, (name, head, header, rows, widths) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        _sheet(ws, head, header, rows, widths)
    wb.properties.creator = wb.properties.lastModifiedBy = "Pemerintah Kabupaten Banjarnegara"
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = when
    return wb


RISK_HEADER = ["No", "Sasaran SPBE", "Kejadian Risiko", "Penyebab", "Dampak", "Kemungkinan", "Besaran", "Penanganan"]
RISKS = [
    [
        1,
        "Layanan aplikasi tersedia",
        "Server Pusat Data mati",
        "Catu daya tidak stabil",
        "Layanan terhenti",
        3,
        "Tinggi",
        "Pengadaan UPS",
    ],
    [
        2,
        "Data pegawai akurat",
        "Data ganda pada aplikasi",
        "Input manual di beberapa OPD",
        "Laporan tidak valid",
        4,
        "Sedang",
        "Validasi NIP",
    ],
    [
        3,
        "Jaringan Intra andal",
        "Kabel fiber optik putus",
        "Galian proyek jalan",
        "OPD tidak terhubung",
        2,
        "Sedang",
        "Jalur cadangan radio",
    ],
    [4, "Situs web aman", "Peretasan situs OPD", "Versi CMS usang", "Reputasi Pemda", 3, "Tinggi", "Pembaruan CMS"],
]


def register_risiko_xlsx(p: Path) -> None:
    when = dt.datetime(2024, 12, 16, 9, 0, 0)
    head = ["REGISTER RISIKO SPBE", "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BANJARNEGARA TAHUN 2024"]
    notes = [
        [1, "Disusun sebagai pelaksanaan program Penerapan manajemen risiko SPBE dalam Peta Rencana SPBE 2023-2027."],
        [2, "Konteks, kriteria, dan selera risiko belum ditetapkan sesuai pedoman Manajemen Risiko SPBE."],
        [3, "Register mencakup kegiatan SPBE Dinas Komunikasi dan Informatika."],
    ]
    wb = _workbook(
        [
            ("Register", head, RISK_HEADER, RISKS, [5, 24, 26, 26, 22, 12, 10, 24]),
            ("Catatan", ["CATATAN"], ["No", "Uraian"], notes, [5, 100]),
        ],
        "Register Risiko SPBE 2024",
        when,
    )
    wb.save(p)
    normalize_zip(p, when)


BELANJA_HEADER = ["No", "Perangkat Daerah", "Sub Kegiatan", "Pagu (Rp)", "Konsultasi Diskominfo", "Catatan"]
BELANJA = {
    "2024": [
        [1, "Dinas Komunikasi dan Informatika", "Pengelolaan e-government", 2_450_000_000, "Sudah", "-"],
        [2, "Bappeda", "Pemeliharaan aplikasi perencanaan", 180_000_000, "Sudah", "Gunakan SIPD RI"],
        [3, "Dinas Kesehatan", "Pengembangan aplikasi antrean puskesmas", 350_000_000, "Belum", "-"],
        [4, "Dinas Pendidikan", "Pengadaan perangkat jaringan sekolah", 900_000_000, "Belum", "-"],
    ],
    "2025": [
        [1, "Dinas Komunikasi dan Informatika", "Pengelolaan e-government", 2_600_000_000, "Sudah", "-"],
        [2, "BKPSDM", "Pengembangan SIMPEG", 275_000_000, "Sudah", "Integrasi SIASN"],
        [3, "DPMPTSP", "Pemeliharaan SiCantik Cloud", 120_000_000, "Sudah", "-"],
        [4, "Dinas Perhubungan", "Aplikasi retribusi parkir", 400_000_000, "Belum", "-"],
    ],
}


def belanja_tik_xlsx(p: Path) -> None:
    when = dt.datetime(2025, 3, 3, 14, 30, 0)
    sheets = []
    for year, rows in BELANJA.items():
        head = [
            "RENCANA BELANJA TEKNOLOGI INFORMASI DAN KOMUNIKASI PERANGKAT DAERAH",
            f"DAN HASIL KONSULTASI DENGAN DINAS KOMUNIKASI DAN INFORMATIKA - DPA TAHUN {year}",
        ]
        sheets.append((f"DPA {year}", head, BELANJA_HEADER, rows, [5, 34, 40, 16, 14, 20]))
    wb = _workbook(sheets, "Rencana Belanja TIK 2024-2025", when)
    wb.save(p)
    normalize_zip(p, when)
