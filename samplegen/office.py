"""DOCX and XLSX writers with fixed metadata and zip timestamps (stable bytes on regeneration)."""

from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from samplegen import texts_regs as R
from samplegen import texts_reports as T

# --- byte stability -----------------------------------------------------------------


def normalize_zip(path: Path, when: dt.datetime) -> None:
    """Rewrite an OOXML zip with every entry dated ``when`` and core-property dates pinned.

    python-docx and openpyxl stamp zip entries (and openpyxl ``dcterms:modified``)
    with the current time; pinning them makes regeneration byte-identical.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zout.writestr(info, data)
    tmp.replace(path)


def _core(doc, *, title: str, author: str, when: dt.datetime) -> None:
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 3
    cp.comments = ""


# --- DOCX helpers -----------------------------------------------------------------------


def _docx(page=(21.5, 33.0), font_name="Bookman Old Style", size=12):
    doc = DocxDocument()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(page[0]), Cm(page[1])
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.0), Cm(2.0), Cm(2.0)
    st = doc.styles["Normal"]
    st.font.name = font_name
    st.font.size = Pt(size)
    st.paragraph_format.space_after = Pt(0)
    st.paragraph_format.space_before = Pt(0)
    return doc


def _para(doc, text="", *, bold=False, align=None, indent_cm=None, size=None, space_after=0):
    p = doc.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _plain_table(doc, rows: list[list[str]], widths_cm: list[float], *, grid=False, bold_header=False, size=None):
    t = doc.add_table(rows=len(rows), cols=len(widths_cm))
    if grid:
        t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            cell = t.cell(r, c)
            cell.width = Cm(widths_cm[c])
            p = cell.paragraphs[0]
            run = p.add_run(val)
            run.bold = bold_header and r == 0
            if size:
                run.font.size = Pt(size)
            if len(val) > 60:
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return t


# --- SK Tim Koordinasi SPBE (DOCX, enacted) ----------------------------------------------


def write_sk_tim_koordinasi(path: Path) -> None:
    when = dt.datetime(2024, 1, 15, 14, 20, 0)
    doc = _docx()
    for line in [
        "WALI KOTA SUKAMAJU",
        "PROVINSI JAWA BARAT",
        "",
        "KEPUTUSAN WALI KOTA SUKAMAJU",
        f"NOMOR {R.SK_NUMBER}",
        "",
        "TENTANG",
        "",
    ]:
        _para(doc, line, bold=bool(line), align="center")
    _para(doc, R.SK_TENTANG, bold=True, align="center")
    _para(doc, "TAHUN 2024", bold=True, align="center")
    _para(doc)
    _para(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA", bold=True, align="center")
    _para(doc)
    _para(doc, "WALI KOTA SUKAMAJU,", bold=True, align="center")
    _para(doc)
    rows = []
    for i, t in enumerate(R.SK_MENIMBANG):
        rows.append(["Menimbang" if i == 0 else "", ":" if i == 0 else "", f"{chr(97 + i)}.", t])
    rows.append(["", "", "", ""])
    for i, t in enumerate(R.SK_MENGINGAT):
        rows.append(["Mengingat" if i == 0 else "", ":" if i == 0 else "", f"{i + 1}.", t])
    _plain_table(doc, rows, [3.0, 0.5, 1.0, 12.0])
    _para(doc)
    _para(doc, "MEMUTUSKAN:", bold=True, align="center")
    _para(doc)
    diktum = [["Menetapkan", ":", "KEPUTUSAN WALI KOTA TENTANG " + R.SK_TENTANG + " TAHUN 2024."], ["", "", ""]]
    for name, text in R.SK_DIKTUM:
        diktum.append([name, ":", text])
        if name == "KEDUA":
            for i, t in enumerate(R.SK_TUGAS):
                diktum.append(["", "", f"{chr(97 + i)}. {t}"])
        diktum.append(["", "", ""])
    _plain_table(doc, diktum, [3.0, 0.5, 13.0])
    _para(doc)
    for line in [
        "Ditetapkan di Sukamaju",
        f"pada tanggal {R.SK_DATE}",
        "",
        "WALI KOTA SUKAMAJU,",
        "",
        "ttd",
        "",
        R.MAYOR,
    ]:
        _para(doc, line, bold=line.isupper() and bool(line), indent_cm=9.0)
    _para(doc)
    _para(doc, "Tembusan disampaikan kepada Yth.:")
    for i, t in enumerate(R.SK_TEMBUSAN, 1):
        _para(doc, f"{i}. {t}", size=10)
    # Lampiran on a new page
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    _plain_table(
        doc,
        [
            ["LAMPIRAN", ":", "KEPUTUSAN WALI KOTA SUKAMAJU"],
            ["NOMOR", ":", R.SK_NUMBER],
            ["TANGGAL", ":", R.SK_DATE],
            ["TENTANG", ":", "PEMBENTUKAN TIM KOORDINASI SPBE KOTA SUKAMAJU TAHUN 2024"],
        ],
        [3.0, 0.5, 7.5],
        size=10,
    )
    _para(doc)
    _para(doc, "SUSUNAN KEANGGOTAAN", bold=True, align="center")
    _para(doc, "TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", bold=True, align="center")
    _para(doc, "KOTA SUKAMAJU TAHUN 2024", bold=True, align="center")
    _para(doc)
    _plain_table(doc, R.SK_ANGGOTA, [1.2, 4.3, 11.0], grid=True, bold_header=True, size=11)
    _para(doc)
    for line in ["WALI KOTA SUKAMAJU,", "", "ttd", "", R.MAYOR]:
        _para(doc, line, bold=line.isupper() and bool(line), indent_cm=9.0)
    _core(doc, title="Keputusan Wali Kota Sukamaju Nomor 188.45/123/HK/2024", author="Bagian Hukum Setda", when=when)
    doc.save(path)
    normalize_zip(path, when)


# --- SOP Layanan Pusat Data (DOCX) ----------------------------------------------------------


def write_sop_pusat_data(path: Path) -> None:
    when = dt.datetime(2024, 2, 5, 10, 0, 0)
    doc = _docx(page=(21.0, 29.7), font_name="Arial", size=11)
    _para(doc, "PEMERINTAH KOTA SUKAMAJU", bold=True, align="center", size=13)
    _para(doc, "DINAS KOMUNIKASI DAN INFORMATIKA", bold=True, align="center", size=15)
    _para(doc, T.ADDR_KOMINFO, align="center", size=8)
    _para(doc, "_" * 86, align="center", size=8)
    _para(doc)
    _para(doc, "STANDAR OPERASIONAL PROSEDUR (SOP)", bold=True, align="center")
    _para(doc, "LAYANAN PENEMPATAN SERVER DAN APLIKASI PADA PUSAT DATA", bold=True, align="center")
    _para(doc)
    _plain_table(doc, [[k, v] for k, v in T.SOP_IDENTITAS], [5.0, 11.0], grid=True, size=10)
    _para(doc)
    _plain_table(doc, [[k, v] for k, v in T.SOP_META], [5.0, 11.0], grid=True, size=10)
    _para(doc)
    _para(doc, "URAIAN PROSEDUR", bold=True, align="center")
    _para(doc)
    _plain_table(doc, T.SOP_LANGKAH, [1.0, 5.2, 3.2, 2.8, 1.8, 2.4], grid=True, bold_header=True, size=9)
    _para(doc)
    for line in [
        "Sukamaju, 5 Februari 2024",
        "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
        "KOTA SUKAMAJU,",
        "",
        "ttd",
        "",
        *T.KEPALA_KOMINFO,
    ]:
        _para(doc, line, indent_cm=8.5, size=10)
    _core(doc, title="SOP Layanan Pusat Data", author="Bidang Infrastruktur TIK Diskominfo", when=when)
    doc.save(path)
    normalize_zip(path, when)


# --- XLSX -----------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")


def _sheet(ws, title_lines: list[str], header: list[str], rows: list[list], widths: list[int]) -> None:
    for i, t in enumerate(title_lines, 1):
        ws.cell(row=i, column=1, value=t).font = Font(bold=True, size=12 if i == 1 else 11)
    hr = len(title_lines) + 2
    for c, h in enumerate(header, 1):
        cell = ws.cell(row=hr, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(rows, hr + 1):
        for c, v in enumerate(row, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = BOX
            if isinstance(v, int) and v >= 1000:
                cell.number_format = "#,##0"
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[chr(64 + c)].width = w
    ws.freeze_panes = ws.cell(row=hr + 1, column=1)


HW = [
    ("Server", "Dell PowerEdge R740", "Pusat Data Diskominfo"),
    ("Server", "HPE ProLiant DL380 Gen10", "Pusat Data Diskominfo"),
    ("Storage", "Synology RackStation RS3621xs+", "Pusat Data Diskominfo"),
    ("Switch Core", "Cisco Catalyst 9300-48P", "Pusat Data Diskominfo"),
    ("Router", "MikroTik CCR2116-12G-4S+", "Pusat Data Diskominfo"),
    ("Firewall", "Fortinet FortiGate 200F", "Pusat Data Diskominfo"),
    ("UPS", "APC Smart-UPS SRT 10kVA", "Pusat Data Diskominfo"),
    ("Switch Distribusi", "Cisco Catalyst 2960X-24", "Bappeda"),
    ("Switch Distribusi", "Cisco Catalyst 2960X-24", "BPKAD"),
    ("Switch Distribusi", "Cisco Catalyst 2960X-24", "BKPSDM"),
    ("Access Point", "Ubiquiti UniFi U6 Pro", "Sekretariat Daerah"),
    ("Access Point", "Ubiquiti UniFi U6 Pro", "DPMPTSP"),
    ("PC", "Lenovo ThinkCentre M70q", "Diskominfo"),
    ("PC", "Lenovo ThinkCentre M70q", "Bappeda"),
    ("Laptop", "ASUS ExpertBook B1400", "Inspektorat"),
    ("Laptop", "ASUS ExpertBook B1400", "BKPSDM"),
    ("Printer", "Epson L6270", "DPMPTSP"),
    ("Kamera CCTV", "Hikvision DS-2CD2143G2", "Pusat Data Diskominfo"),
    ("Server", "IBM System x3650 M4", "Pusat Data Diskominfo"),
    ("Switch", "TP-Link TL-SG1024D", "Bagian Hukum"),
]
SW = [
    ("Microsoft 365 Business Standard", "Langganan", "150 pengguna", "31-12-2025"),
    ("Windows Server 2022 Standard", "Lisensi perpetual", "4 server", "-"),
    ("FortiGuard UTP Bundle", "Langganan", "1 perangkat", "30-09-2025"),
    ("Sertifikat SSL wildcard *.sukamajukota.go.id", "Langganan", "1 domain", "14-11-2025"),
    ("ESET PROTECT Entry", "Langganan", "300 endpoint", "31-03-2026"),
    ("PostgreSQL 15", "Sumber terbuka", "-", "-"),
    ("Proxmox VE", "Sumber terbuka (langganan dukungan)", "4 node", "31-12-2025"),
]


def write_daftar_aset(path: Path) -> None:
    when = dt.datetime(2025, 7, 3, 8, 45, 0)
    rng = random.Random(24)
    wb = Workbook()
    ws = wb.active
    ws.title = "Perangkat Keras"
    rows = []
    for i, (jenis, merek, lokasi) in enumerate(HW, 1):
        year = rng.choice([2016, 2018, 2019, 2021, 2022, 2023, 2024]) if "IBM" not in merek else 2013
        kondisi = "Rusak Berat" if year <= 2013 else rng.choice(["Baik", "Baik", "Baik", "Rusak Ringan"])
        status = "Usulan Penghapusan" if kondisi == "Rusak Berat" else "Digunakan"
        rows.append(
            [
                i,
                f"1.3.2.10.0{rng.randint(1, 3)}.0{rng.randint(1, 9)}.{i:03d}",
                jenis,
                merek,
                f"SN{rng.randrange(10**7, 10**8)}",
                year,
                lokasi,
                kondisi,
                status,
            ]
        )
    _sheet(
        ws,
        [
            "DAFTAR ASET TEKNOLOGI INFORMASI DAN KOMUNIKASI (TIK)",
            "DINAS KOMUNIKASI DAN INFORMATIKA KOTA SUKAMAJU",
            "Keadaan per 30 Juni 2025",
        ],
        [
            "No",
            "Kode Barang",
            "Jenis Aset",
            "Merek/Tipe",
            "Nomor Seri",
            "Tahun Perolehan",
            "Lokasi",
            "Kondisi",
            "Status",
        ],
        rows,
        [5, 22, 18, 32, 14, 10, 26, 13, 20],
    )
    ws2 = wb.create_sheet("Perangkat Lunak")
    _sheet(
        ws2,
        [
            "DAFTAR LISENSI PERANGKAT LUNAK",
            "DINAS KOMUNIKASI DAN INFORMATIKA KOTA SUKAMAJU",
            "Keadaan per 30 Juni 2025",
        ],
        ["No", "Nama Perangkat Lunak", "Jenis Lisensi", "Jumlah", "Berlaku Sampai"],
        [[i, *r] for i, r in enumerate(SW, 1)],
        [5, 44, 30, 14, 14],
    )
    ws3 = wb.create_sheet("Rekap")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[8]] = counts.get(r[8], 0) + 1
    _sheet(
        ws3,
        ["REKAPITULASI ASET TIK"],
        ["Uraian", "Jumlah"],
        [
            ["Perangkat keras digunakan", counts.get("Digunakan", 0)],
            ["Perangkat keras usulan penghapusan", counts.get("Usulan Penghapusan", 0)],
            ["Lisensi perangkat lunak", len(SW)],
        ],
        [40, 10],
    )
    wb.properties.creator = "Bidang Infrastruktur TIK Diskominfo"
    wb.properties.lastModifiedBy = "Bidang Infrastruktur TIK Diskominfo"
    wb.properties.title = "Daftar Aset TIK 2025"
    wb.properties.created = when
    wb.properties.modified = when
    wb.save(path)
    normalize_zip(path, when)


BUDGET = {
    "2023": [
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0001",
            "Pengelolaan nama domain dan sub domain",
            "DPA",
            180_000_000,
            "-",
            "Ya",
        ),
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0002",
            "Pengelolaan e-government di lingkup Pemerintah Daerah",
            "DPA",
            4_250_000_000,
            "-",
            "Ya",
        ),
        ("Bappeda", "5.01.01.2.01.0005", "Pengembangan aplikasi e-Planning", "DPA", 300_000_000, "-", "Tidak"),
        ("BPKAD", "5.02.01.2.01.0003", "Pemeliharaan aplikasi e-Budgeting", "DPA", 850_000_000, "-", "Tidak"),
    ],
    "2024": [
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0002",
            "Pengelolaan e-government di lingkup Pemerintah Daerah",
            "DPA",
            5_100_000_000,
            "Program 1, 12, 15",
            "Ya",
        ),
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0007",
            "Penyelenggaraan keamanan informasi",
            "DPA",
            650_000_000,
            "Program 16",
            "Ya",
        ),
        (
            "Bappeda",
            "5.01.01.2.01.0005",
            "Integrasi aplikasi e-Planning dengan SIPD",
            "DPA",
            350_000_000,
            "Program 9",
            "Ya",
        ),
        ("BPKAD", "5.02.01.2.01.0003", "Pengembangan aplikasi e-Budgeting", "DPA", 1_200_000_000, "Program 9", "Tidak"),
        (
            "BKPSDM",
            "5.03.02.2.02.0001",
            "Pengembangan kompetensi SDM bidang SPBE",
            "DPA",
            420_000_000,
            "Program 7",
            "Tidak",
        ),
        (
            "Inspektorat",
            "6.01.01.2.02.0004",
            "Audit TIK (infrastruktur dan aplikasi)",
            "DPA",
            150_000_000,
            "Program 17",
            "Ya",
        ),
    ],
    "2025": [
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0002",
            "Pengelolaan e-government di lingkup Pemerintah Daerah",
            "DPA",
            5_600_000_000,
            "Program 1, 12, 14, 15",
            "Ya",
        ),
        (
            "Dinas Komunikasi dan Informatika",
            "2.16.03.1.02.0007",
            "Penyelenggaraan keamanan informasi",
            "DPA",
            700_000_000,
            "Program 16, 18",
            "Ya",
        ),
        ("Bappeda", "5.01.01.2.01.0005", "Pemeliharaan aplikasi e-Planning", "DPA", 300_000_000, "Program 9", "Ya"),
        ("BPKAD", "5.02.01.2.01.0003", "Pemeliharaan aplikasi e-Budgeting", "DPA", 900_000_000, "Program 9", "Ya"),
        (
            "BKPSDM",
            "5.03.02.2.02.0001",
            "Pengembangan kompetensi SDM bidang SPBE",
            "DPA",
            450_000_000,
            "Program 7",
            "Tidak",
        ),
        (
            "DPMPTSP",
            "2.18.04.1.01.0002",
            "Pengelolaan layanan perizinan berbasis elektronik",
            "DPA",
            275_000_000,
            "-",
            "Tidak",
        ),
        (
            "Sekretariat Daerah",
            "4.01.03.2.02.0004",
            "Penyusunan peta proses bisnis",
            "DPA",
            125_000_000,
            "Program 4",
            "Ya",
        ),
    ],
}


def write_rekap_anggaran(path: Path) -> None:
    when = dt.datetime(2025, 8, 20, 13, 5, 0)
    wb = Workbook()
    first = True
    for year, items in BUDGET.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = f"TA {year}"
        rows = [[i, *it] for i, it in enumerate(items, 1)]
        rows.append(["", "JUMLAH", "", "", "", sum(it[4] for it in items), "", ""])
        _sheet(
            ws,
            [
                "REKAPITULASI SUB KEGIATAN SPBE DALAM DOKUMEN PELAKSANAAN ANGGARAN PERANGKAT DAERAH",
                f"PEMERINTAH KOTA SUKAMAJU TAHUN ANGGARAN {year}",
            ],
            [
                "No",
                "Perangkat Daerah",
                "Kode Sub Kegiatan",
                "Nomenklatur Sub Kegiatan",
                "Dokumen",
                "Pagu (Rp)",
                "Keterkaitan Peta Rencana SPBE",
                "Konsultasi dengan Diskominfo",
            ],
            rows,
            [5, 34, 20, 50, 10, 16, 26, 16],
        )
    ws = wb.create_sheet("Catatan")
    notes = [
        "Sumber: DPA Perangkat Daerah Tahun Anggaran 2023, 2024, dan 2025 (SIPD).",
        "Keterkaitan Peta Rencana SPBE merujuk nomor program dalam Peta Rencana SPBE Tahun 2024-2028.",
        "Konsultasi dengan Diskominfo: rencana belanja TIK telah dikonsultasikan sebelum penyusunan RKA (Pasal 6 Perwali 15/2023).",
        "Disusun oleh Bidang Perencanaan dan Pendanaan, Bappeda Kota Sukamaju, 20 Agustus 2025.",
    ]
    for i, n in enumerate(notes, 1):
        ws.cell(row=i, column=1, value=n)
    ws.column_dimensions["A"].width = 120
    wb.properties.creator = "Bappeda Kota Sukamaju"
    wb.properties.lastModifiedBy = "Bappeda Kota Sukamaju"
    wb.properties.title = "Rekap RKA/DPA SPBE 2023-2025"
    wb.properties.created = when
    wb.properties.modified = when
    wb.save(path)
    normalize_zip(path, when)
