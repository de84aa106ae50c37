"""A province-sized evidence folder, fast: 10,000 one-page text PDFs in 20 unit folders, plus scans.

Used by bench/throughput.py (--scale). Writing 10,000 PDFs with reportlab takes minutes, so the text
PDFs are written directly: one small PDF per document (Helvetica, WinAnsi, an uncompressed content
stream, a correct xref table), about 0.1 ms each. Every document has its own number, year, topic,
kind and sentences (bench/corpus.py's vocabulary), so no two share a SHA-256 or read as
near-duplicates; the judgement has real work (types, numbers, indicator phrases, signatures).
Scans (image-only PDFs, OCR'd by the pipeline) come from bench/corpus.py, rendered once each.

`change(root, items, share, variant)` rewrites about `share` of the text documents with new
sentences (same path, new content), as an OPD replacing a few files between two nights.
"""

from __future__ import annotations

import os
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

import corpus

from tests.evidence_factory import build_pdf, stream

UNITS = 20
TOPICS = corpus.TOPICS
KINDS = corpus.KINDS
UNIT_NAMES = [*corpus.OPDS, "Dinas_Pariwisata", "Dinas_Lingkungan_Hidup", "Kecamatan_Utara", "Kecamatan_Selatan"]
UNIT_NAMES += ["Dinas_Koperasi", "Sekretariat_DPRD"]
LINE_CHARS = 92  # Helvetica 10 pt on A4 between 60 pt margins
LEADING = 13


@dataclass(frozen=True)
class ScaleItem:
    path: str
    kind: str  # "text" or "scan"
    seed: int


def plan(documents: int, scans: int, seed: int) -> list[ScaleItem]:
    """`documents` files in UNITS unit folders (some in sub-folders), `scans` of them scanned."""
    rng = random.Random(seed)
    units = UNIT_NAMES[:UNITS]
    kinds = ["scan"] * scans + ["text"] * (documents - scans)
    rng.shuffle(kinds)
    items = []
    for i, kind in enumerate(kinds):
        unit = units[i % len(units)]
        sub = rng.choice(["", f"{rng.randint(2021, 2025)}/", "Eviden/"])
        prefix = "Scan" if kind == "scan" else "Dokumen"
        items.append(ScaleItem(f"{unit}/{sub}{prefix}_{i:05d}.pdf", kind, seed * 1_000_003 + i))
    return items


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _lines(rng: random.Random, unit: str) -> list[tuple[bool, str]]:
    """(bold, text) lines of one document: letterhead, title block, three paragraphs, signature."""
    kind, topic = rng.choice(KINDS), rng.choice(TOPICS)
    number, year = rng.randint(1, 999), rng.randint(2019, 2025)
    head = ["PEMERINTAH KOTA SUKAMAJU", unit.replace("_", " ").upper(), "", kind]
    head += [f"NOMOR {number} TAHUN {year}", "TENTANG", topic.upper(), ""]
    lines = [(bool(t), t) for t in head]
    for _ in range(3):
        paragraph = " ".join(corpus._sentence(rng) for _ in range(rng.randint(3, 5)))
        lines += [(False, t) for t in textwrap.wrap(paragraph, LINE_CHARS)] + [(False, "")]
    day = f"{rng.randint(1, 28)} {rng.choice(corpus.MONTHS)} {year}"
    signer = rng.choice(["ANDI PRATAMA", "SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI"])
    lines += [(False, f"Ditetapkan di Sukamaju pada tanggal {day}"), (False, "WALI KOTA SUKAMAJU,")]
    lines += [(False, "ttd"), (False, signer)]
    return lines


def text_pdf(rng: random.Random, unit: str) -> bytes:
    """One A4 page with a text layer (standard Helvetica fonts: no font file to embed)."""
    ops = ["BT", f"{LEADING} TL", "60 790 Td"]
    for bold, text in _lines(rng, unit):
        ops.append(f"/F{2 if bold else 1} 10 Tf ({_escape(text)}) Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R/F2 5 0 R>>>>/Contents 6 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>",
        stream(content),
    ]
    return build_pdf(objects)


def write_text(root: Path, item: ScaleItem, variant: int = 0) -> None:
    """Written beside and renamed into place, as an upload or a copy lands: a new file (new inode), so a
    hard-linked copy of the folder (`link_tree`) keeps the old content."""
    path = root / item.path
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(text_pdf(random.Random(item.seed * 7 + variant), item.path.split("/", 1)[0]))
    os.replace(part, path)


def build(root: Path, items: list[ScaleItem], *, processes: int = 1) -> None:
    """Write every item: text PDFs here, scans through bench/corpus.py (rendered, in `processes`)."""
    for item in items:
        if item.kind == "text":
            write_text(root, item)
    scans = [corpus.Item(it.path, "scan", 1, it.seed) for it in items if it.kind == "scan"]
    corpus.build(root, scans, processes=processes)


def change(root: Path, items: list[ScaleItem], share: float, seed: int, variant: int = 1) -> list[ScaleItem]:
    """Rewrite about `share` of the text documents with new content; returns those changed."""
    rng = random.Random(seed + 11)
    texts = [it for it in items if it.kind == "text"]
    picked = sorted(rng.sample(texts, max(1, round(len(items) * share))), key=lambda it: it.path)
    for item in picked:
        write_text(root, item, variant)
    return picked


def link_tree(source: Path, target: Path) -> None:
    """A second folder with the same files (hard links: no bytes copied)."""
    for dirpath, _dirs, files in os.walk(source):
        for name in files:
            src = Path(dirpath) / name
            dst = target / src.relative_to(source)
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.link(src, dst)
