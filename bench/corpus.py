"""A synthetic evidence folder for throughput measurements (used by bench/throughput.py).

Built from samplegen's building blocks, deterministic for a seed:

* text-layer PDFs: samplegen.pdfs.write_text_pdf (reportlab) of generated Perwali/laporan/notulen
  documents, one ``PB()`` per page so the page count is exact;
* scanned, image-only PDFs: samplegen.render.render_page at 200 dpi (as samplegen's scans), then
  samplegen.render.degrade (noise, blur, skew) and samplegen.pdfs.write_image_pdf;
* a few DOCX and XLSX files (python-docx / openpyxl, zip entries pinned by samplegen.office.normalize_zip).

Every file gets its own numbers, years, OPD and sentences, so no two files share a SHA-256.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from samplegen.model import KOP, PB, SIGN, SP, Blk, C, Doc, P
from samplegen.office import normalize_zip
from samplegen.pdfs import write_image_pdf, write_text_pdf
from samplegen.render import degrade, paginate, render_page

SCAN_DPI = 200  # what samplegen's scanner writes
OFFICE_SHARE = 0.08  # share of files that are DOCX/XLSX (their pages are "native", not in the page target)

OPDS = [
    "Diskominfo",
    "Bappeda",
    "BKPSDM",
    "Inspektorat",
    "Bagian_Hukum",
    "Dinas_Kesehatan",
    "Dinas_Pendidikan",
    "DPMPTSP",
    "Disdukcapil",
    "BPKAD",
    "Bagian_Organisasi",
    "Dinas_Perhubungan",
    "Satpol_PP",
    "Dinas_Sosial",
]
TOPICS = [
    "Sistem Pemerintahan Berbasis Elektronik",
    "Arsitektur SPBE",
    "Peta Rencana SPBE",
    "Manajemen Data",
    "Keamanan Informasi",
    "Pusat Data Daerah",
    "Layanan Aplikasi Umum",
    "Tim Koordinasi SPBE",
    "Manajemen Risiko SPBE",
    "Audit Teknologi Informasi dan Komunikasi",
    "Satu Data Indonesia",
    "Jaringan Intra Pemerintah",
    "Sistem Penghubung Layanan",
    "Manajemen Aset TIK",
    "Kompetensi SDM TIK",
]
KINDS = ["PERATURAN WALI KOTA", "LAPORAN", "NOTULEN RAPAT", "KEPUTUSAN WALI KOTA", "STANDAR OPERASIONAL PROSEDUR"]
WORDS = (
    "pemerintah daerah kota perangkat layanan aplikasi data informasi keamanan jaringan infrastruktur pusat "
    "sistem elektronik berbasis pelaksanaan penyelenggaraan kebijakan rencana program kegiatan anggaran tahun "
    "evaluasi pemantauan pengelolaan pengembangan integrasi interoperabilitas standar prosedur dokumen laporan "
    "koordinasi tim kepala dinas bidang seksi unit kerja pegawai kompetensi pelatihan sertifikasi audit reviu "
    "arsitektur domain proses bisnis teknologi komunikasi masyarakat publik pengaduan perizinan kependudukan "
    "kesehatan pendidikan keuangan aset perangkat lunak keras server jaringan intra pemerintah nasional provinsi "
    "ditetapkan berlaku sejak tanggal diundangkan sebagaimana dimaksud dalam pasal ayat huruf angka untuk dengan "
    "oleh pada dari yang dan atau serta bagi terhadap melalui sesuai ketentuan peraturan perundang-undangan"
).split()
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@dataclass
class Item:
    path: str  # relative to the corpus root
    kind: str  # "text", "scan", "docx", "xlsx"
    pages: int  # pages written (text/scan); 1 for office files
    seed: int


# --- text -----------------------------------------------------------------------------


def _sentence(rng: random.Random, n: int | None = None) -> str:
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(9, 18))]
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), str(rng.randint(2, 480)))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"tahun {rng.randint(2015, 2026)}")
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _header(rng: random.Random, opd: str) -> tuple[str, str, int, int]:
    kind, topic = rng.choice(KINDS), rng.choice(TOPICS)
    return kind, topic, rng.randint(1, 99), rng.randint(2016, 2025)


def _text_doc(rng: random.Random, opd: str, pages: int) -> Doc:
    kind, topic, number, year = _header(rng, opd)
    blocks: list[Blk] = [
        KOP(
            "PEMERINTAH KOTA SUKAMAJU",
            opd.replace("_", " ").upper(),
            address=f"Jalan Merdeka No. {rng.randint(1, 200)}, Sukamaju {rng.randint(40100, 40999)}",
        ),
        C(kind, bold=True),
        C(f"NOMOR {number} TAHUN {year}", bold=True),
        C("TENTANG", bold=True),
        C(topic.upper(), bold=True),
        SP(),
    ]
    for page in range(pages):
        if page:
            blocks.append(PB())
            blocks.append(C(f"Pasal {page + rng.randint(1, 3)}", bold=True))
        for _ in range(3 if page == 0 else 4):
            blocks.append(P(_paragraph(rng, rng.randint(3, 5))))
        if page == pages - 1:
            day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"
            blocks.append(
                SIGN(
                    f"Ditetapkan di Sukamaju pada tanggal {day}",
                    "WALI KOTA SUKAMAJU,",
                    "",
                    "ttd",
                    "",
                    rng.choice(["ANDI PRATAMA", "SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI"]),
                )
            )
    return Doc(title=f"{kind.title()} {number} {year} {topic}", blocks=blocks, page="A4", font_size=10.5)


def _scan_lines(rng: random.Random, opd: str, first: bool) -> tuple[list[str], set[int], dict[int, str]]:
    lines, bold, align = [], set(), {}
    if first:
        kind, topic, number, year = _header(rng, opd)
        for i, t in enumerate(
            [
                "PEMERINTAH KOTA SUKAMAJU",
                opd.replace("_", " ").upper(),
                "",
                kind,
                f"NOMOR {number} TAHUN {year}",
                "TENTANG",
                topic.upper(),
                "",
            ]
        ):
            if t:
                bold.add(i)
                align[i] = "center"
            lines.append(t)
    else:
        lines += [f"Pasal {rng.randint(2, 40)}", ""]
        bold.add(0)
        align[0] = "center"
    while len(lines) < 70:  # more than fits: cut to one page below
        start = len(lines)
        lines.append(_paragraph(rng, rng.randint(2, 4)))
        align[start] = "justify"
        lines.append("")
    return lines, bold, align


def scanned_pages(rng: random.Random, opd: str, pages: int):
    out = []
    for p in range(pages):
        lines, bold, align = _scan_lines(rng, opd, p == 0)
        s, e = paginate(lines, dpi=SCAN_DPI, font_size_pt=11.5, bold_lines=bold, align=align)[0]
        page = render_page(
            lines[s:e],
            dpi=SCAN_DPI,
            font_size_pt=11.5,
            seed=rng.randint(0, 10_000),
            bold_lines={i for i in bold if s <= i < e},
            align={i: a for i, a in align.items() if s <= i < e},
        )
        out.append(
            degrade(
                page,
                noise=rng.uniform(0.02, 0.045),
                blur=rng.uniform(0.5, 0.9),
                rotate_deg=round(rng.uniform(-1.5, 1.5), 2),
                seed=rng.randint(0, 10_000),
            )
        )
    return out


# --- office ----------------------------------------------------------------------------


def _write_docx(path: Path, rng: random.Random, opd: str) -> None:
    from docx import Document as DocxDocument

    kind, topic, number, year = _header(rng, opd)
    doc = DocxDocument()
    for t in (
        "PEMERINTAH KOTA SUKAMAJU",
        opd.replace("_", " ").upper(),
        kind,
        f"NOMOR {number} TAHUN {year}",
        topic.upper(),
    ):
        doc.add_paragraph().add_run(t).bold = True
    for _ in range(rng.randint(8, 16)):
        doc.add_paragraph(_paragraph(rng, rng.randint(2, 5)))
    table = doc.add_table(rows=6, cols=3)
    for r in range(6):
        for c in range(3):
            table.cell(r, c).text = (
                ("No", "Uraian", "Keterangan")[c] if r == 0 else (str(r) if c == 0 else _sentence(rng, 5))
            )
    when = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 9, 0, 0)
    doc.core_properties.created = doc.core_properties.modified = when
    doc.save(path)
    normalize_zip(path, when)


def _write_xlsx(path: Path, rng: random.Random, opd: str) -> None:
    from openpyxl import Workbook

    _kind, topic, _number, year = _header(rng, opd)
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append([f"REKAPITULASI {topic.upper()} TAHUN {year}"])
    ws.append(["No", "Uraian", "Unit", "Jumlah", "Keterangan"])
    for i in range(1, rng.randint(20, 60)):
        ws.append([i, _sentence(rng, 4), opd, rng.randint(1, 5000), rng.choice(["ada", "belum", "proses", "selesai"])])
    when = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 9, 0, 0)
    wb.properties.created = wb.properties.modified = when
    wb.save(path)
    normalize_zip(path, when)


# --- the folder ------------------------------------------------------------------------


def plan(files: int, pages: int, scanned_share: float, seed: int) -> list[Item]:
    """Which files to write: kind, page count, path; pages of PDFs sum to ``pages``."""
    rng = random.Random(seed)
    n_office = max(2, round(files * OFFICE_SHARE)) if files >= 10 else 0
    n_pdf = files - n_office
    scan_pages = round(pages * scanned_share)
    text_pages = pages - scan_pages
    n_scan = min(scan_pages, max(1, round(n_pdf * scanned_share))) if scan_pages else 0
    n_text = n_pdf - n_scan

    def split(total: int, n: int) -> list[int]:
        if n == 0:
            return []
        counts = [1] * n
        for _ in range(total - n):
            counts[rng.randrange(n)] += 1
        return counts

    kinds = [("text", p) for p in split(max(text_pages, n_text), n_text)] + [
        ("scan", p) for p in split(scan_pages, n_scan)
    ]
    kinds += [("docx" if i % 2 == 0 else "xlsx", 1) for i in range(n_office)]
    rng.shuffle(kinds)
    items = []
    for i, (kind, n) in enumerate(kinds):
        opd = rng.choice(OPDS)
        sub = rng.choice(["", f"{rng.randint(2019, 2025)}/", "Eviden/", f"{rng.randint(2019, 2025)}/Laporan/"])
        ext = {"text": "pdf", "scan": "pdf", "docx": "docx", "xlsx": "xlsx"}[kind]
        prefix = {"text": "Dokumen", "scan": "Scan", "docx": "Dokumen", "xlsx": "Rekap"}[kind]
        items.append(Item(f"{opd}/{sub}{prefix}_{i:04d}.{ext}", kind, n, seed * 100_003 + i))
    return items


def write_item(root: Path, item: Item, variant: int = 0) -> None:
    """Write one file; ``variant`` > 0 gives the same kind and size with new content."""
    rng = random.Random(item.seed * 7 + variant * 1_000_003)
    path = root / item.path
    path.parent.mkdir(parents=True, exist_ok=True)
    opd = item.path.split("/", 1)[0]
    if item.kind == "text":
        write_text_pdf(_text_doc(rng, opd, item.pages), path)
    elif item.kind == "scan":
        write_image_pdf(
            scanned_pages(rng, opd, item.pages),
            path,
            quality=rng.randint(40, 60),
            producer_note=rng.choice(["EPSON Scan", "HP Scan", "Canon iR-ADV C3525"]),
        )
    elif item.kind == "docx":
        _write_docx(path, rng, opd)
    else:
        _write_xlsx(path, rng, opd)


def _write_one(args: tuple[str, Item, int]) -> str:
    root, item, variant = args
    write_item(Path(root), item, variant)
    return item.path


def build(root: Path, items: list[Item], *, variant: int = 0, processes: int = 1) -> None:
    jobs = [(str(root), it, variant) for it in items]
    if processes > 1:
        from multiprocessing import get_context

        with get_context("fork").Pool(processes) as pool:
            for _ in pool.imap_unordered(_write_one, jobs, chunksize=2):
                pass
    else:
        for job in jobs:
            _write_one(job)


def changed_sample(items: list[Item], share: float, seed: int) -> list[Item]:
    """About ``share`` of the files, spread over the kinds in proportion (at least one file)."""
    rng = random.Random(seed + 5)
    want = max(1, round(len(items) * share))
    by_kind: dict[str, list[Item]] = {}
    for it in items:
        by_kind.setdefault(it.kind, []).append(it)
    picked: list[Item] = []
    for kind in sorted(by_kind):
        group = by_kind[kind]
        picked += rng.sample(group, min(len(group), round(len(group) * share)))
    rest = [it for it in items if it not in picked]
    while len(picked) < want and rest:
        picked.append(rest.pop(rng.randrange(len(rest))))
    return sorted(picked[:want], key=lambda it: it.path)
