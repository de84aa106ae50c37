"""PDF: text layer where it is usable, OCR where it is not — decided per page.

For every page (up to ``settings.max_pages``):

1. pypdfium2 gives the text layer (~1 ms/page).
2. `text_layer_verdict` judges it: at least ``settings.min_text_layer_chars``
   non-space characters, no "(cid:NN)" / control-character garbage, a share of
   word-like tokens of at least ``settings.min_plausible_ratio``; and not a
   short stamp (a JDIH footer, a page number) printed over a full-page scan
   (images cover >= `SCAN_COVERAGE` of the page and the text has fewer than
   `STAMP_MAX_CHARS` non-space characters).
3. A usable text layer is taken as it is (`Method.TEXT_LAYER`); a good text
   page is never OCR'd.
4. When the pdfium text looks garbled (not merely short), pdfplumber (pdfminer)
   gives a second opinion, since it decodes some fonts differently; its text is
   taken when it passes the same test.
5. Otherwise the page is rendered in grayscale at ``settings.ocr_dpi`` and
   OCR'd (`Method.OCR`); a scanned page (images cover >= `SCAN_COVERAGE`) is
   rendered at no more than its largest image's own resolution (a 200-dpi
   scan at 200 dpi: more pixels would hold nothing more to read), and not
   below `pipeline.extract.ocr.MIN_OCR_DPI`; `pipeline.extract.ocr` may then
   scale the page further down to what its text needs. If OCR reads less than
   a plausible short text layer (e.g. a sparse cover page), the text layer is
   kept.

Failures: a password needed to open the file -> `EncryptedFile`; pdfium cannot
open it -> `CorruptFile`. Owner-password-only PDFs (printing/copying locked)
open normally and are read.

Truncated files: pdfium usually refuses a truncated PDF (no trailer), which is
corrupt. When it still opens one (an earlier complete revision at the start of
the file, as incremental updates and some linearised files have), the missing
``%%EOF`` in the last 1024 bytes is reported as a ``corrupt`` problem — the
tail, possibly a signature or the last changes, is lost and the admin must
re-upload — but the pages that could be read are kept, because their text is
still useful for matching. The document status is then FAILED with pages.

Hostile PDFs: the page count is checked against ``settings.max_pages`` before
any page is loaded; a page whose render at ``settings.ocr_dpi`` would exceed
``settings.max_image_pixels`` or `MAX_RENDER_SIDE` is rendered at a lower
resolution, and not at all (a ``too_large`` problem) when that would fall below
`MIN_RENDER_DPI`; the file's `Budget` is checked before every page and bounds
every Tesseract call, and when it runs out the pages read so far are kept with
a ``timeout`` problem. Broken or deeply nested page trees are damaged pages
(pdfium limits its own recursion), never an exception.

pdfium is not thread-safe: every pdfium call runs under `PDFIUM_LOCK`; OCR
(a Tesseract subprocess) runs outside it, so threads can OCR in parallel.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from pipeline.extract import errors
from pipeline.extract.formats import NO_TEXT_NOTE, Budget, Extracted, ocr_page, ocr_problems
from pipeline.extract.ocr import MIN_OCR_DPI, OcrResult, fitted_dpi, ocr_image
from pipeline.model import Method, Page, Problem
from pipeline.settings import ExtractSettings

__all__ = ["PDFIUM_LOCK", "extract_pdf", "text_layer_verdict"]

#: Serialises all pypdfium2 calls in the process (PDFium is not thread-safe).
PDFIUM_LOCK = threading.RLock()

#: Share of the page covered by images from which the page counts as a scan.
SCAN_COVERAGE = 0.5
#: On a scan, a text layer shorter than this (non-space characters) is a stamp or
#: footer added over the image (e.g. JDIH), not the page's text: OCR the page.
STAMP_MAX_CHARS = 300
#: Share of control / private-use / replacement characters that marks a garbled layer.
MAX_GARBAGE_SHARE = 0.05
EOF_WINDOW = 1024
#: Longest side of a rendered page in pixels (Tesseract and Leptonica refuse larger images).
MAX_RENDER_SIDE = 32_000
#: Pages are first rendered at about this resolution (an integer fraction of the full one) to measure their
#: text (`pipeline.extract.ocr.fitted_dpi`), then at the resolution it needs.
PREVIEW_DPI = 100
#: Below this resolution OCR reads nothing useful: a page that only fits the pixel limits
#: at a lower one (a MediaBox of hundreds of inches) is not rendered at all.
MIN_RENDER_DPI = 50

_CID = re.compile(r"\(cid:\d+\)")
# A word-like token: ASCII letters/digits with inner separators, optional brackets/punctuation around.
_WORD = re.compile(r"""^[(\["'“‘:/\-]*[0-9A-Za-z]+(?:[-–'’./,:;@&][0-9A-Za-z]+)*[)\]"'”’.,;:!?%\-]*$""")
_PUNCT_RUN = re.compile(r"^(.)\1*$")
_BARE_TOKEN = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")  # a whitespace-separated token with no letter or digit

DAMAGED_NOTE = "Halaman ini rusak sehingga tidak dapat dibaca."
TOO_LARGE_NOTE = "Halaman ini berukuran terlalu besar untuk dibaca dengan OCR."


class _PageTooLarge(Exception):
    """The page cannot be rendered for OCR within the pixel limits at a useful resolution."""


@dataclass(frozen=True)
class _Probe:
    """What pdfium says about one page, gathered under the lock."""

    text: str
    verdict: str | None  # None = the text layer is usable; else why not
    image: Image.Image | None = None  # rendered page when it must be OCR'd
    dpi: int = 0
    error: str = ""  # pdfium failed on this page
    too_large: str = ""  # the page is too big to render for OCR (detail)


def extract_pdf(path: Path, settings: ExtractSettings, budget: Budget | None = None) -> Extracted:
    """Read a PDF page by page, OCR'ing only the pages whose text layer is unusable."""
    budget = budget or Budget(settings.file_timeout_s)
    problems: list[Problem] = []
    with PDFIUM_LOCK:
        pdf = _open(path)
    try:
        with PDFIUM_LOCK:
            count = len(pdf)
        if count == 0:
            raise errors.corrupt("PDF", "the document has no pages")
        if not _has_eof_marker(path):
            problems.append(
                errors.corrupt(
                    "PDF", f"no %%EOF in the last {EOF_WINDOW} bytes: truncated; pages read anyway"
                ).problem()
            )
        if count > settings.max_pages:
            problems.append(errors.too_many_pages(count, settings.max_pages))
        pages: list[Page] = []
        ocr_results: list[tuple[int, OcrResult]] = []
        damaged: list[tuple[int, str]] = []
        oversized: list[tuple[int, str]] = []
        limit = min(count, settings.max_pages)
        with ExitStack() as stack:
            plumber = _LazyPlumber(path, stack)
            for index in range(limit):
                number = index + 1
                if budget.expired:
                    problems.append(errors.file_timeout(len(pages), limit, budget.seconds))
                    break
                with PDFIUM_LOCK:
                    probe = _probe(pdf, index, settings)
                if probe.error:
                    damaged.append((number, probe.error))
                    pages.append(Page(number, Method.NONE, "", note=DAMAGED_NOTE))
                    continue
                if probe.too_large:
                    oversized.append((number, probe.too_large))
                    pages.append(Page(number, Method.NONE, probe.text, note=TOO_LARGE_NOTE))
                    continue
                if probe.verdict is None:
                    pages.append(_text_page(number, probe.text))
                    continue
                if probe.verdict in ("cid", "garbled", "implausible"):
                    second = plumber.page_text(index)
                    if second is not None and text_layer_verdict(second, settings) is None:
                        pages.append(_text_page(number, second))
                        continue
                if probe.image is None:  # nothing drawn on the page at all
                    pages.append(
                        Page(number, Method.TEXT_LAYER, probe.text, note=NO_TEXT_NOTE if not probe.text else None)
                    )
                    continue
                result = ocr_image(probe.image, settings, dpi=probe.dpi, deadline=budget.deadline, fitted=True)
                if result.timed_out and budget.expired:  # killed by the file's budget, not by the page limit
                    problems.append(errors.file_timeout(len(pages), limit, budget.seconds))
                    break
                ocr_results.append((number, result))
                pages.append(_choose(number, probe, result, settings))
        if damaged:
            detail = "; ".join(f"page {n}: {e}" for n, e in damaged[:5])
            problems.append(errors.damaged_pages("PDF", [n for n, _ in damaged], detail))
        if oversized:
            detail = "; ".join(f"page {n}: {e}" for n, e in oversized[:5])
            problems.append(errors.pages_too_large([n for n, _ in oversized], detail))
        problems.extend(ocr_problems(ocr_results, settings.ocr_page_timeout_s))
        return Extracted(tuple(pages), tuple(problems))
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise errors.encrypted("PDF", str(e)) from e
        raise errors.corrupt("PDF", str(e)) from e


def _has_eof_marker(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - EOF_WINDOW))
        return b"%%EOF" in fh.read()


def clean_text(text: str) -> str:
    """pdfium text as plain lines: "\\r\\n" -> "\\n", its line-end hyphen marker U+FFFE -> "-", no NULs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def text_layer_verdict(text: str, settings: ExtractSettings, *, image_coverage: float = 0.0) -> str | None:
    """None when a page's text layer is usable as it is; otherwise the reason it is not.

    Reasons: "short" (too few characters), "cid" (pdfminer's unmapped-glyph
    marks), "garbled" (control / private-use characters), "implausible" (too
    few word-like tokens), "stamp" (a short text over a full-page scan).
    """
    nonspace = _nonspace(text)
    if nonspace < settings.min_text_layer_chars:
        return "short"
    cids = _CID.findall(text)
    glyphs = nonspace - sum(len(c) for c in cids) + len(cids)  # one unmapped glyph per "(cid:NN)"
    garbage = len(cids) + _garbage_count(text)
    if garbage / max(glyphs, 1) > MAX_GARBAGE_SHARE:
        return "cid" if cids else "garbled"
    if plausible_ratio(text) < settings.min_plausible_ratio:
        return "implausible"
    if image_coverage >= SCAN_COVERAGE and nonspace < STAMP_MAX_CHARS:
        return "stamp"
    return None


def plausible_ratio(text: str) -> float:
    """Share of word-like tokens; lone punctuation and dot/underscore runs ("......") are ignored.
    The per-token tests run as C-level filters: this is on every text-layer page."""
    tokens = text.split()
    words = len(list(filter(_WORD.match, tokens)))  # a word-like token always has a letter or digit
    bare = _BARE_TOKEN.findall(text)  # tokens without any letter or digit
    ignored = sum(1 for token in bare if len(token) <= 3 or _PUNCT_RUN.match(token))
    counted = len(tokens) - ignored
    return words / counted if counted else 0.0


def _nonspace(text: str) -> int:
    return len("".join(text.split()))  # str.split() splits on exactly the str.isspace() characters


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")  # Cc in ASCII, minus \t \n \f
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _garbage_count(text: str) -> int:
    """How many characters `_is_garbage` flags, looking only at ASCII controls and non-ASCII characters
    one by one (a text layer is mostly plain ASCII: a per-character category lookup cost ~1 ms a page)."""
    return len(_ASCII_CONTROL.findall(text)) + sum(1 for ch in _NON_ASCII.findall(text) if _is_garbage(ch))


def _is_garbage(ch: str) -> bool:
    if ch in "\t\n\f":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")


def _probe(pdf: pdfium.PdfDocument, index: int, settings: ExtractSettings) -> _Probe:
    """Text layer, verdict and (when OCR is needed) the rendered page. Caller holds the lock."""
    try:
        page = pdf[index]
    except Exception as e:  # pdfium raises PdfiumError, ctypes errors on broken trees
        return _Probe("", "damaged", error=f"load page: {e}")
    try:
        textpage = page.get_textpage()
        try:
            text = clean_text(textpage.get_text_range())
        finally:
            textpage.close()
        if _nonspace(text) >= STAMP_MAX_CHARS:
            coverage, drawn, scan_dpi = 0.0, True, None  # long enough not to be a stamp: skip the object walk
        else:
            coverage, drawn, scan_dpi = _image_coverage(page)
        verdict = text_layer_verdict(text, settings, image_coverage=coverage)
        if verdict is None or not drawn:
            return _Probe(text, verdict)
        image, dpi = _render(page, settings, scan_dpi if coverage >= SCAN_COVERAGE else None)
        return _Probe(text, verdict, image, dpi)
    except _PageTooLarge as e:
        return _Probe(text, verdict, too_large=str(e))
    except Exception as e:
        return _Probe("", "damaged", error=f"read page: {e}")
    finally:
        page.close()


def _image_coverage(page: pdfium.PdfPage) -> tuple[float, bool, float | None]:
    """Share of the page covered by image objects (0..1), whether anything is drawn at all, and the
    resolution (dpi) of the largest image as placed on the page (None without images)."""
    left, bottom, right, top = page.get_cropbox()
    area = max((right - left) * (top - bottom), 1.0)
    covered = 0.0
    drawn = False
    largest, scan_dpi = 0.0, None
    for obj in page.get_objects(max_depth=2):
        drawn = True
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        ol, ob, orr, ot = obj.get_bounds()
        w = max(0.0, min(orr, right) - max(ol, left))
        h = max(0.0, min(ot, top) - max(ob, bottom))
        covered += w * h
        if w * h > largest:
            largest, scan_dpi = w * h, _placed_dpi(obj, (orr - ol) * (ot - ob))
    return min(covered / area, 1.0), drawn, scan_dpi


def _placed_dpi(image: Any, placed_area_pt: float) -> float | None:
    """Pixels per inch of an image object as drawn (the same whichever way it is turned); None if unknown."""
    try:
        width_px, height_px = image.get_px_size()
    except Exception:  # pdfium cannot tell (a broken image stream): render at the configured resolution
        return None
    if width_px <= 0 or height_px <= 0 or placed_area_pt <= 0:
        return None
    return float((width_px * height_px / placed_area_pt) ** 0.5 * 72)


def render_scale(width_pt: float, height_pt: float, settings: ExtractSettings, scan_dpi: float | None = None) -> float:
    """Pixels per point for OCR: ``settings.ocr_dpi`` / 72, lowered to fit the pixel limits.

    ``scan_dpi``: the resolution of the scan that fills the page; the page is
    then rendered at no more than that (and not below `MIN_OCR_DPI`), unless
    resolution from the text is off (``settings.ocr_xheight_px`` = 0).
    Raises `_PageTooLarge` when the page would need less than `MIN_RENDER_DPI`
    to fit (a MediaBox of hundreds of inches must not become gigabytes).
    """
    width_pt, height_pt = max(width_pt, 1.0), max(height_pt, 1.0)
    dpi: float = settings.ocr_dpi
    if scan_dpi and settings.ocr_xheight_px > 0:
        dpi = min(dpi, max(round(scan_dpi), MIN_OCR_DPI))
    scale = dpi / 72
    scale = min(
        scale, (settings.max_image_pixels / (width_pt * height_pt)) ** 0.5, MAX_RENDER_SIDE / max(width_pt, height_pt)
    )
    if scale * 72 < MIN_RENDER_DPI:
        raise _PageTooLarge(
            f"{width_pt:.0f} x {height_pt:.0f} pt fits {settings.max_image_pixels} pixels / {MAX_RENDER_SIDE} px a side "
            f"only at {scale * 72:.1f} dpi (minimum {MIN_RENDER_DPI})"
        )
    return scale


def _render(page: pdfium.PdfPage, settings: ExtractSettings, scan_dpi: float | None) -> tuple[Image.Image, int]:
    """The page in grayscale at the resolution its text needs (`pipeline.extract.ocr.fitted_dpi`, measured on a
    preview), at most ``settings.ocr_dpi`` or the scan's own resolution (`render_scale`), lower still if that
    would exceed the pixel limits."""
    width_pt, height_pt = page.get_size()
    scale = render_scale(width_pt, height_pt, settings, scan_dpi)
    full_dpi = round(scale * 72)
    if settings.ocr_xheight_px <= 0:
        return _bitmap(page, scale), full_dpi
    step = max(1, full_dpi // PREVIEW_DPI)
    preview = _bitmap(page, scale / step)
    dpi = fitted_dpi(preview, scale * 72 / step, full_dpi, settings)
    if dpi >= full_dpi:
        return (preview if step == 1 else _bitmap(page, scale)), full_dpi
    if step == 1:  # the preview is the full page: scale it down rather than render it again
        size = (round(preview.width * dpi / full_dpi), round(preview.height * dpi / full_dpi))
        return preview.resize(size, Image.Resampling.BOX), dpi
    return _bitmap(page, dpi / 72), dpi


def _bitmap(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """The page rendered in grayscale at ``scale`` pixels per point."""
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")  # convert() copies: the bitmap buffer is freed below
    finally:
        bitmap.close()


def _text_page(number: int, text: str) -> Page:
    return Page(number, Method.TEXT_LAYER, text, note=None if text.strip() else NO_TEXT_NOTE)


def _choose(number: int, probe: _Probe, result: OcrResult, settings: ExtractSettings) -> Page:
    """The OCR page, unless OCR failed or read less than a plausible (if short) text layer."""
    short_but_plausible = (
        probe.verdict in ("short", "stamp")
        and probe.text.strip()
        and plausible_ratio(probe.text) >= settings.min_plausible_ratio
    )
    if short_but_plausible:
        layer_chars = len("".join(probe.text.split()))
        ocr_chars = len("".join(result.text.split())) if result.ok else -1
        if ocr_chars < layer_chars:
            return _text_page(number, probe.text)
    return ocr_page(number, result)


class _LazyPlumber:
    """pdfplumber opened only when a page needs a second opinion (most PDFs never do)."""

    def __init__(self, path: Path, stack: ExitStack):
        self._path, self._stack = path, stack
        self._pdf: Any = None  # pdfplumber's PDF, opened on first use
        self._failed = False

    def page_text(self, index: int) -> str | None:
        if self._failed:
            return None
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = self._stack.enter_context(pdfplumber.open(self._path))
            page = self._pdf.pages[index]
            try:
                return (page.extract_text() or "").strip("\n")
            finally:
                page.close()
        except Exception:  # pdfminer has many failure modes; OCR is the fallback
            self._failed = self._pdf is None
            return None
