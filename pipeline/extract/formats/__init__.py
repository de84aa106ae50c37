"""One module per supported format; each exposes a pure ``extract_<fmt>(path, settings)``.

Every extractor returns an `Extracted` (pages plus the problems found while
reading, e.g. an OCR timeout on one page) and raises the typed failures of
`pipeline.extract.errors` when the file as a whole cannot be read. `pipeline.extract.extractor`
picks the extractor from the detected format and builds the `Document`.

Hostile files: extractors take an optional `Budget` (``settings.file_timeout_s``
of wall time for the whole file, started by `pipeline.extract.extractor`) and stop between
pages when it runs out, keeping the pages read; `check_zip` refuses DOCX/XLSX
zip bombs from the central directory before any member is inflated.
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract import errors
from pipeline.extract.ocr import OcrResult
from pipeline.model import Method, Page, Problem
from pipeline.settings import ExtractSettings

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Budget", "Extracted", "NO_TEXT_NOTE", "check_zip", "ocr_page", "ocr_problems"]

NO_TEXT_NOTE = "Tidak ada teks yang terbaca pada halaman ini (halaman kosong atau gambar tanpa tulisan)."
TIMEOUT_NOTE = "Pembacaan teks (OCR) halaman ini melebihi batas waktu."
FAILED_NOTE = "Pembacaan teks (OCR) halaman ini gagal."


#: Members smaller than this are never judged by their compression ratio: small XML
#: parts of real documents compress 10-300x (a DOCX of repeated paragraphs: 268x).
ZIP_RATIO_MIN_BYTES = 10_000_000


class Budget:
    """The wall time one file may still use, shared by all its pages (``settings.file_timeout_s``)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds  # time.monotonic() value

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0


def check_zip(path: Path, settings: ExtractSettings, kind: str) -> None:
    """Refuse a zip bomb from its central directory, before any member is inflated.

    The declared sizes are an upper bound of what `zipfile` will inflate: it
    stops at a member's declared ``file_size`` (and then fails its CRC), so a
    lying header cannot push more bytes through python-docx or openpyxl.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as e:
        raise errors.corrupt(kind, f"{type(e).__name__}: {e}") from e
    total = sum(m.file_size for m in members)
    if total > settings.max_unzipped_bytes:
        raise errors.zip_bomb(kind, f"members declare {total} bytes unzipped; limit {settings.max_unzipped_bytes}")
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size >= ZIP_RATIO_MIN_BYTES and ratio > settings.max_zip_ratio:
            raise errors.zip_bomb(
                kind,
                f"{m.filename!r}: {m.file_size} bytes from {m.compress_size} (ratio {ratio:.0f}; limit {settings.max_zip_ratio:g})",
            )


@dataclass(frozen=True)
class Extracted:
    """Result of one format extractor: the pages read and what went wrong on the way."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = ()


def ocr_page(number: int, result: OcrResult, *, pre_rotation: int = 0) -> Page:
    """A `Page` from an OCR result; ``pre_rotation`` is a turn applied before OCR (EXIF), clockwise degrees."""
    rotation = (pre_rotation + result.rotation) % 360
    if result.timed_out:
        return Page(number, Method.NONE, "", None, rotation, TIMEOUT_NOTE)
    if result.error:
        return Page(number, Method.NONE, "", None, rotation, FAILED_NOTE)
    note = None if result.text.strip() else NO_TEXT_NOTE
    return Page(number, Method.OCR, result.text, result.confidence, rotation, note)


def ocr_problems(results: Iterable[tuple[int, OcrResult]], timeout_s: float) -> tuple[Problem, ...]:
    """One `timeout` and one `ocr_failed` problem for a document, listing the pages concerned."""
    results = list(results)
    timed_out = [n for n, r in results if r.timed_out]
    failed = [(n, r) for n, r in results if r.error and not r.timed_out]
    problems: list[Problem] = []
    if timed_out:
        problems.append(errors.ocr_timeout(timed_out, timeout_s))
    if failed:
        detail = "; ".join(f"page {n}: {r.error}" for n, r in failed[:5])
        problems.append(errors.ocr_failed([n for n, _ in failed], detail[:4000]))
    return tuple(problems)
