"""One module per supported format; each exposes a pure ``extract_<fmt>(path, settings)``.

Every extractor returns an `Extracted` (pages plus the problems found while
reading, e.g. an OCR timeout on one page) and raises the typed failures of
`pipeline.errors` when the file as a whole cannot be read. `pipeline.extract`
picks the extractor from the detected format and builds the `Document`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline import errors
from pipeline.model import Method, Page, Problem
from pipeline.ocr import OcrResult

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Extracted", "NO_TEXT_NOTE", "ocr_page", "ocr_problems"]

NO_TEXT_NOTE = "Tidak ada teks yang terbaca pada halaman ini (halaman kosong atau gambar tanpa tulisan)."
TIMEOUT_NOTE = "Pembacaan teks (OCR) halaman ini melebihi batas waktu."
FAILED_NOTE = "Pembacaan teks (OCR) halaman ini gagal."


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
