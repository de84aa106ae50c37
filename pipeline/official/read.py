"""The LHE PDF at the edge: pdfplumber's page text and tables, handed to the pure parser (lhe.py).

An LHE is a short report (7-15 pages); a file that is not a PDF, is encrypted or damaged, or is far longer
than any LHE is refused with an `LheError` before its pages are read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.official.lhe import LheError, LheReport, PageContent, parse_lhe

MAX_PAGES = 100  # the LHEs seen have 7-13 pages; a longer PDF is another document
MAX_BYTES = 50 * 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_pages(path: Path) -> list[PageContent]:
    """Every page's text and tables; LheError for a file pdfplumber cannot open as a PDF."""
    import pdfplumber

    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise LheError("Berkas ini bukan PDF. LHE SPBE dari KemenPANRB berbentuk PDF.")
    if path.stat().st_size > MAX_BYTES:
        raise LheError(f"Berkas PDF ini lebih dari {MAX_BYTES // (1024 * 1024)} MB; itu bukan LHE SPBE.")
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise LheError(f"PDF ini {len(pdf.pages)} halaman; LHE SPBE hanya belasan halaman.")
            return [
                PageContent(
                    number,
                    page.extract_text() or "",
                    tuple(tuple(tuple(row) for row in table) for table in page.extract_tables()),
                )
                for number, page in enumerate(pdf.pages, start=1)
            ]
    except (LheError, OSError, MemoryError):  # OSError, MemoryError: the machine's, not the document's
        raise
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        raise LheError(
            f"PDF ini rusak, terenkripsi atau tidak dapat dibuka ({type(exc).__name__}). Gunakan PDF LHE asli "
            "dari KemenPANRB."
        ) from exc


def read_lhe(path: Path) -> LheReport:
    """The official result stated by the LHE at `path` (LheError when it cannot be read as one)."""
    return parse_lhe(read_pages(path))
