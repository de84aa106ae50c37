"""Plain text: decoded as UTF-8 (BOM-aware, UTF-16 with a BOM too), else Windows-1252, else Latin-1; one page.

At most ``settings.max_file_bytes`` are read, so a file that grows after the
size check (a log still being written) cannot exhaust memory.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.extract import errors
from pipeline.extract.formats import Budget, Extracted
from pipeline.model import Method, Page
from pipeline.settings import ExtractSettings

__all__ = ["decode_text", "extract_text"]

EMPTY_NOTE = "Berkas teks ini tidak berisi tulisan."


def extract_text(path: Path, settings: ExtractSettings, budget: Budget | None = None) -> Extracted:
    """The whole file as one `Method.NATIVE` page, line endings normalised to "\\n"."""
    with path.open("rb") as fh:
        data = fh.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise errors.too_large(len(data), settings.max_file_bytes)
    text = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Extracted((Page(1, Method.NATIVE, text, note=None if text.strip() else EMPTY_NOTE),))


def decode_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is what Windows editors write; it is Latin-1 plus “smart quotes”, € and dashes.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
