"""The one place that runs Tesseract (through pytesseract).

`ocr_image(image, settings)` reads one page image and returns an `OcrResult`:
text rebuilt with line breaks, mean word confidence, the rotation applied, and
— instead of an exception — a timeout or failure record with Tesseract's
stderr. Format modules turn results into `Page`s and `Problem`s.

How a page is read (measured, see bench/extract_speed.py and the report):

* The page is written once as an uncompressed grayscale TIFF in a
  TemporaryDirectory and Tesseract gets the path (pytesseract would otherwise
  write its own PNG: ~0.4 s/page). Measured on an A4 300-dpi page (medians of
  10): TIFF saves in ~7 ms and Tesseract reads it as fast as a PNG; a PNG
  (level 1) takes ~55 ms to save; a PGM saves fast but Leptonica's PNM reader
  adds ~0.2 s of Tesseract CPU per page.
* Deskew first: Tesseract's automatic layout (psm 3) silently drops whole
  lines on pages skewed clockwise by 2.5° or more (measured on a clean A4
  page: 100 % similarity at -2°, 78 % at -2.5°, 56 % at -3°, with high
  confidence, so nothing would flag it); phone photos with a few degrees of
  skew and perspective lost a quarter of their text the same way (73 %).
  `estimate_skew` finds the angle that makes the horizontal projection
  profile of the ink (a black-hat filtered ~400 px wide copy, so paper shading
  and the desk around a photo do not count) sharpest: ±5° in 0.5° steps, then
  0.1° (~85 ms a page, pure Pillow). The page is turned by it (bilinear,
  ~90 ms; bicubic took ~240 ms) when it is at least `DESKEW_MIN_DEG` = 1°;
  smaller skews read perfectly and are left alone.
* One `image_to_data` call (TSV) gives text and word confidences in one pass.
* Orientation: OCR first with the configured page segmentation (psm 3). Only
  when the page has words but a mean confidence below
  `settings.ocr_low_confidence` do we run OSD (`--psm 0`) on a half-size copy,
  rotate by what it says, OCR again and keep the pass with the higher
  confidence. Upright pages (the vast majority of scans) pay nothing; a page
  lying sideways or upside down pays its garbled first pass, OSD (~0.9-1.2 s)
  and a second pass (about 3x an upright page). A clean page turned 90/180°
  reads at 43-48 confidence against 95 upright, so the threshold of 60
  separates them well. Blank pages (no words) skip OSD, which would fail on
  them anyway ("Too few characters"). Rejected: OSD before every page (+0.85 s
  on every upright page) and `--psm 1` (OSD inside the OCR pass, +0.3-0.8 s on
  every page, and it does not report the rotation it applied).
* A file's time budget: ``deadline`` (a `time.monotonic()` value, from the
  file's `pipeline.extract.formats.Budget`) shortens every Tesseract call so that no
  call outlives it; the OSD retry is skipped when the budget is gone.
* `OMP_THREAD_LIMIT=1` is set for Tesseract at import (OpenMP threads made it
  5-8x slower on this 2-core machine).
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import fmean

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402  (the environment must be set first)
from PIL import Image, ImageChops  # noqa: E402

from pipeline.extract import engine, errors  # noqa: E402
from pipeline.extract.children import end_children_with_this_process  # noqa: E402
from pipeline.settings import ExtractSettings  # noqa: E402

end_children_with_this_process(pytesseract.pytesseract)  # a killed worker takes its Tesseract with it

__all__ = ["OcrResult", "deskew", "estimate_skew", "ocr_image", "parse_tsv", "tesseract_version"]

#: Temp image format handed to Tesseract (uncompressed: fastest to write and to read).
TEMP_FORMAT = "TIFF"
#: OSD is run on a copy no larger than this on its long side (about 150 dpi for A4).
OSD_MAX_SIDE = 1800
#: OSD orientation confidence below which its answer is ignored.
OSD_MIN_CONFIDENCE = 1.0
#: Deskew: search range and steps (degrees), smallest skew corrected, and the
#: profile-sharpness gain over 0° required to trust the angle (blank pages,
#: photos and pages lying sideways show no gain).
DESKEW_MAX_DEG = 5.0
DESKEW_COARSE_STEP = 0.5
DESKEW_FINE_STEP = 0.1
DESKEW_MIN_DEG = 1.0
DESKEW_MIN_GAIN = 1.1
DESKEW_WIDTH = 400


@dataclass(frozen=True)
class OcrResult:
    """What Tesseract read on one page image."""

    text: str
    confidence: float | None  # mean confidence of words with conf >= 0; None without words
    words: int = 0
    rotation: int = 0  # clockwise degrees the image was turned before the kept pass (OSD)
    skew: float = 0.0  # counter-clockwise degrees the page was straightened by before the kept pass
    seconds: float = 0.0
    timed_out: bool = False
    error: str = ""  # Tesseract's stderr / exception text when the page could not be read

    @property
    def ok(self) -> bool:
        return not self.timed_out and not self.error


@dataclass(frozen=True)
class _Pass:
    text: str
    confidence: float | None
    words: int


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Tesseract's version ("5.3.0"), or "missing" when it is not installed."""
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError, SystemExit):
        return "missing"


def ocr_image(
    image: Image.Image, settings: ExtractSettings, *, dpi: int | None = None, deadline: float | None = None
) -> OcrResult:
    """OCR one page image (converted to grayscale), detecting 90/180/270° rotation.

    ``dpi`` is the image's true resolution when known (rendered PDF pages, scans
    with a DPI tag); without it Tesseract estimates it from the text size.
    ``deadline`` (`time.monotonic()`) caps every Tesseract call below
    ``settings.ocr_page_timeout_s`` so that a file's time budget holds.
    Never raises for a bad page: a timeout or Tesseract error is in the result.
    """
    start = time.perf_counter()
    limit = _Limit(settings.ocr_page_timeout_s, deadline)
    gray = image if image.mode == "L" else image.convert("L")
    try:
        scratch = tempfile.TemporaryDirectory(prefix="spbe-ocr-", dir=_work_dir(settings))
    except OSError as e:  # the scratch folder is full or read-only: the machine's fault, not the page's
        detail = _tagged(errors.scratch_fault(e), f"cannot make the OCR scratch folder: {e}")
        return OcrResult("", None, error=detail, seconds=time.perf_counter() - start)
    with scratch as tmp:
        page_file = Path(tmp) / "page.tif"
        straight, skew = deskew(gray)
        try:
            _write(straight, page_file)
            first = _read(page_file, settings, dpi, limit)
        except _Failure as f:
            return OcrResult("", None, timed_out=f.timed_out, error=f.detail, seconds=time.perf_counter() - start)
        best, rotation = first, 0
        if first.words and (first.confidence or 0.0) < settings.ocr_low_confidence and limit.seconds() > 0:
            try:
                rotation = _osd_rotation(straight, Path(tmp), settings, limit)
            except _Failure as f:  # only a machine fault: OSD's own doubts are "no rotation"
                return OcrResult("", None, error=f.detail, seconds=time.perf_counter() - start)
            if rotation:
                turned, turned_skew = deskew(gray.rotate(-rotation, expand=True))
                turned_file = Path(tmp) / "turned.tif"
                try:
                    _write(turned, turned_file)
                    second = _read(turned_file, settings, dpi, limit)
                except _Failure:
                    second = None  # keep the first pass: it is a result, the retry was optional
                if second is not None and (second.confidence or 0.0) > (first.confidence or 0.0):
                    best, skew = second, turned_skew
                else:
                    rotation = 0
    return OcrResult(best.text, best.confidence, best.words, rotation, skew, time.perf_counter() - start)


def _work_dir(settings: ExtractSettings) -> str | None:
    """The configured work folder if it exists or can be made here (a Dask worker may not see it)."""
    if not settings.work_dir:
        return None
    try:
        os.makedirs(settings.work_dir, exist_ok=True)
        return settings.work_dir
    except OSError:
        return None


def deskew(gray: Image.Image) -> tuple[Image.Image, float]:
    """The page straightened when it is skewed by at least `DESKEW_MIN_DEG`, and the angle used."""
    angle = estimate_skew(gray)
    if abs(angle) < DESKEW_MIN_DEG:
        return gray, 0.0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255), angle


def estimate_skew(gray: Image.Image) -> float:
    """Counter-clockwise degrees that make the text lines horizontal (0.0 when there is no clear answer).

    The right angle makes the horizontal projection profile (ink per pixel row)
    sharpest: rows alternate between text lines and the gaps between them.
    """
    factor = max(1, gray.width // DESKEW_WIDTH)
    small = gray.reduce(factor) if factor > 1 else gray
    # Ink only ("black-hat": closing minus image): dark strokes thinner than the filter become
    # bright, paper, shading and a desk around a photographed page become black.
    closed = _rank5(_rank5(small, ImageChops.lighter), ImageChops.darker)
    small = ImageChops.subtract(closed, small)
    base = _profile_sharpness(small, 0.0)
    if base <= 0:
        return 0.0
    steps = round(DESKEW_MAX_DEG / DESKEW_COARSE_STEP)
    _, coarse = max(
        (_profile_sharpness(small, a * DESKEW_COARSE_STEP), a * DESKEW_COARSE_STEP) for a in range(-steps, steps + 1)
    )
    span = round(DESKEW_COARSE_STEP / DESKEW_FINE_STEP)
    score, fine = max(
        (_profile_sharpness(small, coarse + d * DESKEW_FINE_STEP), coarse + d * DESKEW_FINE_STEP)
        for d in range(-span, span + 1)
    )
    return round(fine, 2) if score >= base * DESKEW_MIN_GAIN else 0.0


def _rank5(image: Image.Image, pick) -> Image.Image:
    """5x5 max (pick=lighter) or min (darker) filter from shifted copies: the same pixels as Pillow's
    MaxFilter(5)/MinFilter(5) away from the 2-pixel border, ~20x faster (rank filters sort every window)."""
    out = image
    for dx in (-2, -1, 1, 2):
        out = pick(out, ImageChops.offset(image, dx, 0))
    rows = out
    for dy in (-2, -1, 1, 2):
        out = pick(out, ImageChops.offset(rows, 0, dy))
    return out


def _profile_sharpness(small: Image.Image, angle: float) -> float:
    # NEAREST finds the same angles as BILINEAR here, twice as fast.
    turned = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0) if angle else small
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    mean = sum(rows) / len(rows)
    return sum((v - mean) ** 2 for v in rows)


@dataclass(frozen=True)
class _Limit:
    """Timeout of the next Tesseract call: the per-call limit, shortened to the file's deadline."""

    per_call: float
    deadline: float | None = None

    def seconds(self) -> float:
        if self.deadline is None:
            return self.per_call
        return min(self.per_call, self.deadline - time.monotonic())


class _Failure(Exception):
    def __init__(self, detail: str, timed_out: bool = False):
        super().__init__(detail)
        self.detail = detail
        self.timed_out = timed_out


def _write(image: Image.Image, path: Path) -> None:
    """Save the temp image uncompressed (explicitly: Pillow would reuse e.g. a source's group4 setting)."""
    try:
        image.save(path, TEMP_FORMAT, compression="raw")
    except (OSError, ValueError) as e:
        text = f"cannot write the page image for tesseract: {e}"
        raise _Failure(_tagged(errors.scratch_fault(e), text)) from e


def _config(psm: int, dpi: int | None) -> str:
    return f"--psm {psm}" + (f" --dpi {dpi}" if dpi else "")


def _read(page_file: Path, settings: ExtractSettings, dpi: int | None, limit: _Limit | None = None) -> _Pass:
    """One Tesseract pass (TSV): text with line breaks and mean word confidence."""
    timeout = (limit or _Limit(settings.ocr_page_timeout_s)).seconds()
    if timeout <= 0:  # the file's budget is spent: do not start Tesseract at all
        raise _Failure("file time budget spent before tesseract could start", timed_out=True)
    try:
        tsv = pytesseract.image_to_data(
            str(page_file),
            lang=settings.ocr_languages,
            config=_config(settings.ocr_psm, dpi),
            timeout=timeout,
        )
    except RuntimeError as e:  # pytesseract's timeout (the process has been killed)
        if "timeout" in str(e).lower():
            raise _Failure(f"tesseract timed out after {timeout:.3g} s", timed_out=True) from e
        raise _Failure(_tagged(errors.engine_fault(e), f"tesseract: {e}")) from e  # TesseractError is one too
    except pytesseract.TesseractError as e:
        raise _Failure(_tagged(errors.engine_fault(e), f"tesseract exit {e.status}: {e.message}")) from e
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise _Failure(_tagged(errors.engine_fault(e), f"tesseract cannot be run: {e}")) from e
    _check_language_data(settings.ocr_languages)
    return parse_tsv(tsv)


def _tagged(reason: str, text: str) -> str:
    """A failure's text, tagged when the machine is at fault (pipeline.extract.errors)."""
    return errors.machine_detail(reason, text) if reason else text


def _check_language_data(languages: str) -> None:
    """Tesseract reads with English alone when `ind` is gone (exit 0, a warning on stderr): a page read
    after its language data was removed during the run is not a reading."""
    gone = engine.missing_language_data(languages)
    if gone:
        raise _Failure(errors.machine_detail("language_missing", f"language data missing: {', '.join(gone)}"))


def parse_tsv(tsv: str) -> _Pass:
    """Rebuild text from Tesseract TSV: words joined per line, a blank line between blocks."""
    lines: list[str] = []
    confidences: list[float] = []
    current_key: tuple[str, str, str] | None = None
    current_block: str | None = None
    words: list[str] = []

    def flush() -> None:
        if words:
            lines.append(" ".join(words))
            words.clear()

    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5 = word
            continue
        text = cols[11].strip()
        if not text:
            continue
        key = (cols[2], cols[3], cols[4])  # block, paragraph, line
        if key != current_key:
            flush()
            if current_block is not None and cols[2] != current_block:
                lines.append("")
            current_key, current_block = key, cols[2]
        words.append(text)
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf >= 0:
            confidences.append(conf)
    flush()
    return _Pass(
        text="\n".join(lines),
        confidence=round(fmean(confidences), 1) if confidences else None,
        words=len(confidences),
    )


def _osd_rotation(gray: Image.Image, tmp: Path, settings: ExtractSettings, limit: _Limit | None = None) -> int:
    """Clockwise degrees (0/90/180/270) that make the page upright, per Tesseract OSD; 0 when unsure."""
    small = gray
    long_side = max(gray.size)
    if long_side > OSD_MAX_SIDE:
        factor = long_side / OSD_MAX_SIDE
        small = gray.resize((round(gray.width / factor), round(gray.height / factor)), Image.Resampling.BOX)
    osd_file = tmp / "osd.tif"
    try:
        _write(small, osd_file)
        osd = pytesseract.image_to_osd(
            str(osd_file),
            output_type=pytesseract.Output.DICT,
            timeout=max((limit or _Limit(settings.ocr_page_timeout_s)).seconds(), 0.01),
        )
    except (_Failure, RuntimeError, pytesseract.TesseractError, OSError) as e:
        detail = e.detail if isinstance(e, _Failure) else _tagged(errors.engine_fault(e), f"tesseract osd: {e}")
        if errors.machine_reason(detail):
            raise _Failure(detail) from e  # the engine or the disk failed: the page was not read
        return 0  # "Too few characters" and friends: no opinion
    rotate = int(osd.get("rotate", 0)) % 360
    if rotate not in (90, 180, 270) or float(osd.get("orientation_conf", 0.0)) < OSD_MIN_CONFIDENCE:
        return 0
    return rotate
