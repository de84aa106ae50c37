"""Typed records that travel from extraction to storage and export.

One `Document` per file: pure extraction functions return it, the flow stores it.
Every outcome — good, partial or broken — is a `Document`, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from statistics import fmean
from typing import NamedTuple


class Status(str, Enum):
    """Outcome of reading one file (the `status` column and JSON field)."""

    OK = "ok"
    FAILED = "failed"
    UNSUPPORTED = "unsupported"


class Method(str, Enum):
    """How a page's text was obtained."""

    TEXT_LAYER = "text_layer"  # PDF text layer
    OCR = "ocr"  # Tesseract on a rendered or scanned image
    NATIVE = "native"  # structured formats: DOCX, XLSX, plain text
    NONE = "none"  # page could not be read (e.g. OCR timed out)


@dataclass(frozen=True)
class Page:
    """Text of one page (PDF page, image frame, DOCX body, XLSX sheet)."""

    number: int  # 1-based
    method: Method
    text: str
    confidence: float | None = None  # mean Tesseract word confidence 0-100, OCR pages only
    rotation: int = 0  # degrees the page was turned before OCR (EXIF / OSD)
    note: str | None = None  # why a page has no text, in Bahasa Indonesia

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Problem:
    """A per-file error or warning. `code` is also the document flag name."""

    code: str  # corrupt, encrypted, empty, wrong_extension, unsupported, too_large, timeout, ...
    message: str  # plain Bahasa Indonesia: what happened and what the admin should do
    detail: str = ""  # technical cause for developers (library message), may be English


@dataclass(frozen=True)
class Document:
    """Everything extraction learned about one file's content."""

    format: str  # detected from the bytes: pdf, png, jpeg, tiff, bmp, webp, gif, docx, xlsx, text, ...
    status: Status
    pages: tuple[Page, ...] = ()
    problems: tuple[Problem, ...] = ()  # first one is the error shown for failed/unsupported files
    seconds: float = 0.0  # wall time of extraction

    @property
    def error(self) -> Problem | None:
        return self.problems[0] if self.status is not Status.OK and self.problems else None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method is Method.OCR)

    @property
    def ocr_confidence(self) -> float | None:
        scores = [p.confidence for p in self.pages if p.method is Method.OCR and p.confidence is not None]
        return round(fmean(scores), 1) if scores else None

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.code for p in self.problems))


@dataclass(frozen=True)
class FileRecord:
    """A file found in the evidence folder, before extraction."""

    path: str  # relative to the evidence root, with "/"
    opd: str  # top-level folder (Perangkat Daerah); "" for files at the root
    size: int
    mtime: float
    sha256: str
    extension: str  # lower-case, without dot; "" when the name has none
    problems: tuple[Problem, ...] = field(default=())  # found while reading bytes (e.g. vanished)
    fs_path: str = ""  # the name on disk when it is not valid UTF-8 (`path` then shows it with \x escapes)

    @property
    def source(self) -> str:
        """Relative name to open the file by."""
        return self.fs_path or self.path


# --- records of a run, as stored (pipeline.store) and planned (pipeline.ingest) ---


class ContentKey(NamedTuple):
    """Identifies one extraction: the bytes, and the format the file name claims for them."""

    sha256: str
    name_class: str = ""


@dataclass(frozen=True)
class StoredContent:
    """What the database already knows about one content hash."""

    format: str
    status: Status
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class FileRow:
    """One file of the folder with its resolved outcome, ready for the `files` table."""

    record: FileRecord
    name_class: str
    version: str
    format: str
    status: Status
    problems: tuple[Problem, ...]
    first_seen_run: int
    changed_run: int


class AnalysisKey(NamedTuple):
    sha256: str
    name_class: str
    extractor_version: str
    file_name: str


@dataclass(frozen=True)
class AnalysisRow:
    key: AnalysisKey
    analysis_version: str
    data: str  # pipeline.judge.analysis.to_json


@dataclass(frozen=True)
class Flag:
    """A weak-evidence finding on one document: a code (see pipeline.outputs.labels) and its explanation."""

    code: str
    message: str
