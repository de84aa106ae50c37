"""The pure entry point of extraction: one file in, one `Document` out, never an exception.

`extract(path, settings)`:

1. guards: the file vanished (`vanished`) / may not be read
   (`permission_denied`) / fails at the OS level, e.g. a symlink loop or a disk
   error (`io_error`), has 0 bytes (`empty`), is larger than
   ``settings.max_file_bytes`` (`too_large`);
2. detects the real format from the bytes (`pipeline.extract.detect`);
3. compares it with the extension: a recognised format under the wrong name
   gets a `wrong_extension` problem (status FAILED) but is still read, because
   its text is useful later; junk under a supported format's name (.pdf, .docx,
   .jpg ...) is `corrupt`, and so is plain text under such a name (a .docx
   holding "Ini bukan dokumen Word") and a ZIP under a .docx/.xlsx name that is
   not a readable DOCX/XLSX;
4. unsupported formats (video, audio, legacy .doc/.xls, PPTX, archives, HTML,
   unknown binaries) get status UNSUPPORTED and an `unsupported` problem;
5. supported formats go to their extractor in `pipeline.extract.formats`; typed
   failures become the document's first problem, and any other exception from
   a library becomes a `corrupt` problem with the exception in its detail.

Hostile files (issue 6) get their own problem in bounded time and memory:
image and PDF-page decompression bombs and DOCX/XLSX zip bombs are
`too_large` before anything is decoded; a file gets ``settings.file_timeout_s``
of wall time in all (a `Budget` started here, which also bounds each Tesseract
call), after which the pages read are kept with a `timeout` problem; a file
deleted or truncated between detection and parsing is `vanished` / `corrupt`.

Status: OK when nothing went wrong; FAILED when there is any problem (the
pages that could be read are kept); UNSUPPORTED for unsupported formats.
Problems are ordered by weight: what broke the content first, then
`wrong_extension`.

`EXTRACTOR_VERSION` (computed on first access) / `extractor_version(settings)`
identify what produced a stored extraction: code version, Tesseract version
and a hash of the settings that change text.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pipeline.extract import errors
from pipeline.extract.detect import Detection, claimed_format, detect, expected_formats, label, short_name
from pipeline.extract.formats import Budget, Extracted
from pipeline.extract.formats.docx import extract_docx
from pipeline.extract.formats.image import extract_image
from pipeline.extract.formats.pdf import extract_pdf
from pipeline.extract.formats.text import extract_text
from pipeline.extract.formats.xlsx import extract_xlsx
from pipeline.extract.ocr import tesseract_version
from pipeline.model import Document, Problem, Status
from pipeline.settings import DEFAULT_SETTINGS, EXTRACTION_CODE_VERSION, ExtractSettings

__all__ = ["EXTRACTORS", "EXTRACTOR_VERSION", "extract", "extractor_version"]  # noqa: F822 (EXTRACTOR_VERSION: lazy, __getattr__)

Extractor = Callable[[Path, ExtractSettings, Budget], Extracted]

EXTRACTORS: dict[str, Extractor] = {
    "pdf": extract_pdf,
    "png": extract_image,
    "jpeg": extract_image,
    "tiff": extract_image,
    "bmp": extract_image,
    "webp": extract_image,
    "gif": extract_image,
    "docx": extract_docx,
    "xlsx": extract_xlsx,
    "text": extract_text,
}


def extractor_version(settings: ExtractSettings = DEFAULT_SETTINGS) -> str:
    """E.g. "1/tess-5.3.0/3f2a9c1b": code version, Tesseract version, settings hash."""
    digest = hashlib.sha256(settings.fingerprint().encode("utf-8")).hexdigest()[:8]
    return f"{EXTRACTION_CODE_VERSION}/tess-{tesseract_version()}/{digest}"


def __getattr__(name: str) -> str:
    # Lazy so that importing the module does not start a Tesseract process.
    if name == "EXTRACTOR_VERSION":
        return extractor_version(DEFAULT_SETTINGS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(path: Path, settings: ExtractSettings = DEFAULT_SETTINGS) -> Document:
    """Read one evidence file. Never raises for a bad file: every outcome is a `Document`."""
    start = time.perf_counter()
    path = Path(path)
    try:
        document = _extract(path, settings, Budget(settings.file_timeout_s))
    except Exception as e:  # last resort: a bug or an unexpected library failure
        document = Document("unknown", Status.FAILED, problems=(errors.corrupt("ini", _describe(e)).problem(),))
    return replace(document, seconds=round(time.perf_counter() - start, 3))


def _extract(path: Path, settings: ExtractSettings, budget: Budget) -> Document:
    extension = path.suffix.lower().lstrip(".")
    try:
        size = path.stat().st_size
        if not path.is_file():
            return _failed("unknown", errors.vanished(f"not a regular file: {path}"))
        if size == 0:
            raise errors.empty()
        if size > settings.max_file_bytes:
            raise errors.too_large(size, settings.max_file_bytes)
        detection = detect(path)
    except (FileNotFoundError, NotADirectoryError) as e:
        return _failed("unknown", errors.vanished(str(e)))
    except PermissionError as e:
        return _failed("unknown", errors.permission_denied(str(e)))
    except OSError as e:  # symlink loop (ELOOP), disk error (EIO), name too long ...
        return _failed("unknown", errors.io_error(f"{type(e).__name__}: {e}"))
    except errors.ExtractionFailure as f:
        return Document("unknown", f.status, problems=(f.problem(),))

    fmt = detection.format
    claimed = claimed_format(extension)
    wrong: tuple[Problem, ...] = ()
    if fmt != "unknown" and fmt not in expected_formats(extension):  # the same rule as pipeline.ingest.inventory
        wrong = (errors.wrong_extension(extension, short_name(fmt)),)

    failure = _refusal(detection, claimed)
    if failure is not None:
        return Document(fmt, failure.status, problems=(failure.problem(), *wrong))

    try:
        extracted = EXTRACTORS[fmt](path, settings, budget)
    except errors.ExtractionFailure as f:
        return Document(fmt, f.status, problems=(f.problem(), *wrong))
    except (FileNotFoundError, NotADirectoryError) as e:
        return _failed(fmt, errors.vanished(str(e)))
    except PermissionError as e:
        return _failed(fmt, errors.permission_denied(str(e)))
    except Exception as e:
        return Document(fmt, Status.FAILED, problems=(errors.corrupt(label(fmt), _describe(e)).problem(), *wrong))
    problems = (*extracted.problems, *wrong)
    return Document(fmt, Status.FAILED if problems else Status.OK, extracted.pages, problems)


def _refusal(detection: Detection, claimed: str | None) -> errors.ExtractionFailure | None:
    """Why a file is not handed to an extractor at all (None when it is)."""
    fmt = detection.format
    if fmt in ("zip", "ooxml") and claimed in ("docx", "xlsx"):  # an OOXML name on a ZIP that is not one
        return errors.corrupt(label(claimed), detection.detail)
    if fmt == "unknown" and claimed is not None:  # the name promises a supported format, the bytes are junk
        return errors.corrupt(label(claimed), "content not recognised as any known format")
    if fmt == "text" and claimed is not None:  # a binary format's name on plain text: not that document
        return errors.corrupt(label(claimed), f"plain text under a .{claimed} name, not a {claimed.upper()} file")
    if fmt == "encrypted_ooxml":
        kind = label(claimed) if claimed in ("docx", "xlsx") else "Office"
        return errors.encrypted(kind, detection.detail)
    if not detection.supported:
        return errors.unsupported(label(fmt), detection.detail)
    return None


def _failed(fmt: str, problem: Problem) -> Document:
    return Document(fmt, Status.FAILED, problems=(problem,))


def _describe(e: BaseException) -> str:
    """Exception text plus where it was raised, for Problem.detail."""
    where = ""
    tb = traceback.extract_tb(e.__traceback__)
    if tb:
        frame = tb[-1]
        where = f" (at {Path(frame.filename).name}:{frame.lineno} in {frame.name})"
    return f"{type(e).__name__}: {e}{where}"[:4000]
