"""The one place that runs Tesseract (through pytesseract).

`ocr_image(image, settings)` reads one page image and returns an `OcrResult`:
text rebuilt with line breaks, mean word confidence, the rotation applied, and
— instead of an exception — a timeout or failure record with Tesseract's
stderr. Format modules turn results into `Page`s and `Problem`s.

How a page is read (measured, see bench/extract_speed.py, bench/ocr_limit.py and the report):

* Resolution from the text (`fit_to_text`): Tesseract's work per page falls
  with the pixels it is given while its accuracy holds as long as the text is
  tall enough, so a page is scaled down until the x-height of its body text is
  about ``settings.ocr_xheight_px`` (14 px, a cap height of about 20 px: the
  low end of Tesseract's sweet spot of 20-30 px), never up. `text_height`
  measures it cheaply on a ~700-1400 px wide copy: the most common length of
  vertical ink runs longer than two stroke widths is the stem height of
  lower-case letters (within ~8 % of the true x-height for Times, Helvetica,
  Courier and DejaVu, 8-16 pt, 150-400 dpi, noisy or not; ~25 ms a page). Small
  print keeps at least `MIN_XHEIGHT_PX`, a page of known resolution is never
  read below `MIN_OCR_DPI`, and a page without a clear answer (a photo of no
  text, a blank page, a few words) is read as it is. Measured on 161 pages
  (bench/ocr_limit.py): the same similarity as at 300 dpi with ~25 % less
  Tesseract CPU per page. PDF scans are also rendered at no more than their
  own resolution (`pipeline.extract.formats.pdf`): a 200-dpi scan rendered at
  300 dpi gave Tesseract 2.25x the pixels and nothing more to read.
* Screen text (`_enlarged`): an image of unknown resolution whose x-height is
  below `UPSCALE_BELOW_PX` (a screenshot: UI text at 96 dpi is ~7 px) is
  enlarged towards the target (at most 3x, at most 16 MP) and read a second
  time with Leptonica's adaptive Otsu thresholds, which read white text on
  coloured buttons and badges ("Cari", "Setujui", "Tolak") that one global
  threshold turns into solid blocks; the second reading's lines that hold
  words the first lacks are added (`with_new_lines`). On the second sample's
  application screenshots this is what lets the service levels be read.
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
  0.1° (~16 ms a page, pure Pillow). A cheap estimate comes first: when the
  profile at 0° is clearly sharper than at ±1° the page is skewed by well
  under 1° and the search is skipped (3 profiles instead of 32, ~5 ms; most
  scans). The page is turned by the angle found (bilinear; bicubic took ~3x
  longer) when it is at least `DESKEW_MIN_DEG` = 1°; smaller skews read
  perfectly and are left alone.
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
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from statistics import fmean

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402  (the environment must be set first)
from PIL import Image, ImageChops, ImageOps  # noqa: E402

from pipeline.extract import engine, errors  # noqa: E402
from pipeline.extract.children import end_children_with_this_process  # noqa: E402
from pipeline.settings import ExtractSettings  # noqa: E402

end_children_with_this_process(pytesseract.pytesseract)  # a killed worker takes its Tesseract with it

__all__ = [
    "MIN_OCR_DPI",
    "OcrResult",
    "deskew",
    "estimate_skew",
    "fit_to_text",
    "fitted_dpi",
    "ocr_image",
    "ocr_scale",
    "parse_tsv",
    "tesseract_version",
    "text_height",
]

#: Temp image format handed to Tesseract (uncompressed: fastest to write and to read).
TEMP_FORMAT = "TIFF"
#: The upright page as written for Tesseract's first reading; the screen pass reads it again.
PAGE_FILE = "page.tif"
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
#: The cheap skew estimate: the profile at 0° must be this much sharper than at ±`STRAIGHT_PROBE_DEG`.
STRAIGHT_PROBE_DEG = 1.0
STRAIGHT_MARGIN = 1.1
#: A page lies sideways when its ink's column profile varies this many times more than its row profile.
SIDEWAYS_RATIO = 1.5
#: Resolution from the text (`fit_to_text`): a page of known resolution is never read below this, so that
#: small print beside larger body text stays readable (8 pt keeps an x-height of 7.5-8.7 px: read at 99 %+
#: in Times, Helvetica, Courier and DejaVu; `text_height` cannot tell such print from the sides of round
#: letters at its working scale, so the floor, not a measurement, protects it).
MIN_OCR_DPI = 150
#: An image of unknown resolution is taken for at most an A4 page: its long side stays at least A4 at
#: `MIN_OCR_DPI` (a screenshot is never shrunk; a 12-megapixel phone photo may be).
MIN_LONG_SIDE_PX = 1754
#: A page is scaled only when it shrinks it below this share of its size (a smaller gain is not worth it).
MIN_SCALE_GAIN = 0.9
#: An image of unknown resolution whose text's x-height is below this is screen text (UI text at 96 dpi:
#: ~7 px), enlarged towards the target x-height, at most MAX_UPSCALE times (`_enlarged`). Tesseract reads
#: text best with a cap height of 20-30 px ("Improving the quality of the output", tessdoc).
UPSCALE_BELOW_PX = 9.0
MAX_UPSCALE = 3.0
MAX_ENLARGED_PIXELS = 16_000_000  # an A4 page at 400 dpi: a large screen capture is enlarged less
#: Enlarged screen text is read a second time with Leptonica's adaptive Otsu (Tesseract's
#: thresholding_method 1), which reads white text on coloured buttons; new lines are added (`with_new_lines`).
SCREEN_THRESHOLDING = 1
_WORD = re.compile(r"[^\W\d_]+")
#: `text_height` works on a copy at least this wide (integer reduction: 700-1400 px, ~85-170 dpi for A4),
#: counts only ink runs of at least 2 stroke widths plus one and needs this many stems at its peak.
HEIGHT_WORK_WIDTH = 700
HEIGHT_MIN_STEMS = 60
_INK_RUN = re.compile(rb"\x01+")


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
    scale: float = 1.0  # the page image was scaled by this before OCR (`fit_to_text`; 1.0: as given)
    dpi: int | None = None  # the resolution Tesseract was told, when known

    @property
    def ok(self) -> bool:
        return not self.timed_out and not self.error


@dataclass(frozen=True)
class _Pass:
    text: str
    confidence: float | None
    words: int
    rotation: int = 0  # clockwise degrees the page was turned before this reading
    skew: float = 0.0  # counter-clockwise degrees it was straightened by


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Tesseract's version ("5.3.0"), or "missing" when it is not installed."""
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError, SystemExit):
        return "missing"


def ocr_image(
    image: Image.Image,
    settings: ExtractSettings,
    *,
    dpi: int | None = None,
    deadline: float | None = None,
    fitted: bool = False,
) -> OcrResult:
    """OCR one page image (converted to grayscale, scaled down to what its text needs), detecting
    90/180/270° rotation.

    ``dpi`` is the image's true resolution when known (rendered PDF pages, scans
    with a DPI tag); without it Tesseract estimates it from the text size.
    ``deadline`` (`time.monotonic()`) caps every Tesseract call below
    ``settings.ocr_page_timeout_s`` so that a file's time budget holds.
    ``fitted``: the image is already at the resolution its text needs (a PDF
    page rendered at `fitted_dpi`), so it is not measured and scaled again.
    Never raises for a bad page: a timeout or Tesseract error is in the result.
    """
    start = time.perf_counter()
    limit = _Limit(settings.ocr_page_timeout_s, deadline)
    gray = image if image.mode == "L" else image.convert("L")
    gray, dpi, scale = (gray, dpi, 1.0) if fitted else fit_to_text(gray, dpi, settings)
    try:
        scratch = tempfile.TemporaryDirectory(prefix="spbe-ocr-", dir=_work_dir(settings))
    except OSError as e:  # the scratch folder is full or read-only: the machine's fault, not the page's
        detail = _tagged(errors.scratch_fault(e), f"cannot make the OCR scratch folder: {e}")
        return OcrResult("", None, error=detail, seconds=time.perf_counter() - start, scale=scale, dpi=dpi)
    with scratch as tmp:
        try:
            best = _read_upright(gray, Path(tmp), settings, dpi, limit)
            if scale > 1 and best.rotation == 0 and limit.seconds() > 0:  # enlarged screen text: read it again
                best = replace(best, text=with_new_lines(best.text, _screen_pass(Path(tmp), settings, limit)))
        except _Failure as f:
            seconds = time.perf_counter() - start
            return OcrResult("", None, timed_out=f.timed_out, error=f.detail, seconds=seconds, scale=scale, dpi=dpi)
    seconds = time.perf_counter() - start
    return OcrResult(best.text, best.confidence, best.words, best.rotation, best.skew, seconds, scale=scale, dpi=dpi)


def _read_upright(gray: Image.Image, tmp: Path, settings: ExtractSettings, dpi: int | None, limit: _Limit) -> _Pass:
    """The page read the right way up. Most pages are upright: read as they are, and only a reading of low
    confidence asks OSD whether the page is turned (then the better of the two readings is kept). A page
    whose text lines run up and down (`_lies_sideways`) asks OSD first, saving its garbled reading.
    Raises `_Failure` when the page could not be read at all."""
    ink = _skew_ink(gray)
    straight, skew = deskew(gray, ink)
    if _lies_sideways(ink) and limit.seconds() > 0:
        rotation = _osd_rotation(straight, tmp, settings, limit)  # raises only for a machine fault
        turned = _turned_pass(gray, rotation, tmp, settings, dpi, limit) if rotation else None
        if turned is not None and (turned.confidence or 0.0) >= settings.ocr_low_confidence:
            return turned
        return _better(_pass(straight, skew, 0, tmp / PAGE_FILE, settings, dpi, limit), turned)
    first = _pass(straight, skew, 0, tmp / PAGE_FILE, settings, dpi, limit)
    if first.words and (first.confidence or 0.0) < settings.ocr_low_confidence and limit.seconds() > 0:
        rotation = _osd_rotation(straight, tmp, settings, limit)  # raises only for a machine fault
        if rotation:
            return _better(first, _turned_pass(gray, rotation, tmp, settings, dpi, limit))
    return first


def _pass(
    image: Image.Image,
    skew: float,
    rotation: int,
    path: Path,
    settings: ExtractSettings,
    dpi: int | None,
    limit: _Limit,
) -> _Pass:
    _write(image, path)
    reading = _read(path, settings, dpi, limit)
    return replace(reading, rotation=rotation, skew=skew)


def _turned_pass(
    gray: Image.Image, rotation: int, tmp: Path, settings: ExtractSettings, dpi: int | None, limit: _Limit
) -> _Pass | None:
    """The page turned clockwise by ``rotation`` (and straightened), read; None when that reading failed:
    the turn was a guess, the other reading stands."""
    turned, skew = deskew(gray.rotate(-rotation, expand=True))
    try:
        return _pass(turned, skew, rotation, tmp / "turned.tif", settings, dpi, limit)
    except _Failure:
        return None


def _better(first: _Pass, second: _Pass | None) -> _Pass:
    """The reading of higher confidence; the first when they tie or the second is missing."""
    if second is not None and (second.confidence or 0.0) > (first.confidence or 0.0):
        return second
    return first


def _lies_sideways(ink: Image.Image) -> bool:
    """Whether the text lines run up and down: the ink's column profile is much sharper than its row
    profile (measured per entry: upright pages 0.1-0.5, pages turned 90° or 270° 2-7, phone photos
    included); ``ink`` is `_skew_ink` of the page. A wrong guess costs one OSD call, which then says
    "no rotation"."""
    rows = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    columns = ink.resize((ink.width, 1), Image.Resampling.BOX).tobytes()
    return _variance(columns) > SIDEWAYS_RATIO * _variance(rows)


def _variance(values: bytes) -> float:
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def _work_dir(settings: ExtractSettings) -> str | None:
    """The configured work folder if it exists or can be made here (a Dask worker may not see it)."""
    if not settings.work_dir:
        return None
    try:
        os.makedirs(settings.work_dir, exist_ok=True)
        return settings.work_dir
    except OSError:
        return None


def fit_to_text(gray: Image.Image, dpi: int | None, settings: ExtractSettings) -> tuple[Image.Image, int | None, float]:
    """The page scaled down to what its text needs (`ocr_scale`), its new resolution and the factor used.

    Off when ``settings.ocr_xheight_px`` is 0. A page of known resolution whose text
    is already small is read as it is; an image of unknown resolution whose text is
    smaller than `UPSCALE_BELOW_PX` (a screenshot) is enlarged (`_enlarged`).
    """
    if settings.ocr_xheight_px <= 0:
        return gray, dpi, 1.0
    xheight = text_height(gray)
    if dpi is None and xheight and xheight < UPSCALE_BELOW_PX:
        return _enlarged(gray, xheight, settings)
    scale = ocr_scale(xheight, settings.ocr_xheight_px, dpi=dpi, long_side=max(gray.size))
    if scale >= MIN_SCALE_GAIN:
        return gray, dpi, 1.0
    size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
    return gray.resize(size, Image.Resampling.BOX), round(dpi * scale) if dpi else None, scale


def _enlarged(gray: Image.Image, xheight: float, settings: ExtractSettings) -> tuple[Image.Image, None, float]:
    """Screen text (an x-height of ~7 px at 96 dpi) enlarged towards the target x-height, at most
    `MAX_UPSCALE` times and to at most `MAX_ENLARGED_PIXELS`: Tesseract misses much of it as it is (a
    SRIKANDI screenshot lost its column headings, status labels and menu at 1x and read them at 2x)."""
    room = (min(MAX_ENLARGED_PIXELS, settings.max_image_pixels) / max(1, gray.width * gray.height)) ** 0.5
    scale = min(MAX_UPSCALE, settings.ocr_xheight_px / xheight, room)
    if scale * MIN_SCALE_GAIN <= 1.0:
        return gray, None, 1.0
    size = (round(gray.width * scale), round(gray.height * scale))
    return gray.resize(size, Image.Resampling.LANCZOS), None, scale


def fitted_dpi(preview: Image.Image, preview_dpi: float, full_dpi: int, settings: ExtractSettings) -> int:
    """The resolution to render a page at for OCR: ``full_dpi``, lowered as `fit_to_text` would scale the
    page, measured on a ``preview`` of it rendered at ``preview_dpi`` (cheaper than rendering it in full
    and scaling it down: ~25 ms instead of ~70 ms for an A4 scan at 300 dpi)."""
    if settings.ocr_xheight_px <= 0:
        return full_dpi
    xheight = text_height(preview)
    full_xheight = xheight * full_dpi / preview_dpi if xheight else None
    scale = ocr_scale(full_xheight, settings.ocr_xheight_px, dpi=full_dpi)
    return full_dpi if scale >= MIN_SCALE_GAIN else round(full_dpi * scale)


def ocr_scale(xheight: float | None, target_xheight: float, *, dpi: int | None = None, long_side: int = 0) -> float:
    """The factor (<= 1) that brings text of ``xheight`` pixels to ``target_xheight``, but keeps the page at
    `MIN_OCR_DPI` or more (when its resolution is unknown: its ``long_side`` at `MIN_LONG_SIDE_PX` or
    more); 1.0 without text."""
    if not xheight:
        return 1.0
    scale = target_xheight / xheight
    if dpi:
        scale = max(scale, MIN_OCR_DPI / dpi)
    elif long_side:
        scale = max(scale, MIN_LONG_SIDE_PX / long_side)
    return min(1.0, scale)


def text_height(gray: Image.Image) -> float | None:
    """The x-height of the page's text in pixels, or None when there is no clear answer.

    Vertical ink runs of lower-case text are mostly stems (n, m, u, i: the
    x-height), fewer are ascenders, and the short ones cross horizontal strokes.
    The run length that holds most ink, among runs longer than two stroke widths
    (the most common horizontal run), is the x-height. Skew of a few degrees
    hardly changes vertical runs; noise specks are shorter than the cut.
    """
    factor = max(1, gray.width // HEIGHT_WORK_WIDTH)
    work = gray.reduce(factor) if factor > 1 else gray
    ink = _ink_mask(work)
    across = _run_lengths(ink, vertical=False)
    if not across:
        return None
    stroke = across.most_common(1)[0][0]
    runs = _run_lengths(ink, vertical=True)
    lo, hi = max(3, 2 * stroke + 1), max(6, work.height // 10)
    weight = {n: n * runs.get(n, 0) if lo <= n <= hi else 0 for n in range(lo - 1, hi + 2)}  # ink per run length
    smooth = {n: weight[n - 1] / 2 + weight[n] + weight[n + 1] / 2 for n in range(lo, hi + 1)}
    # A peak, not the edge of the cut: smooth[lo] lacks its left neighbour, so it may not be compared.
    peaks = [n for n in range(lo + 2, hi) if smooth[n - 1] <= smooth[n] > smooth[n + 1]]
    if not peaks:
        return None
    top = max(peaks, key=smooth.__getitem__)
    if smooth[top] <= max(smooth[lo], smooth[lo + 1]):
        return None  # more ink at the cut than at the peak: the stems may be shorter than the cut (small print)
    if sum(runs.get(n, 0) for n in (top - 1, top, top + 1)) < HEIGHT_MIN_STEMS:
        return None  # a few words, or specks: too little text to stand on
    return _centroid(weight, top) * factor


def _ink_mask(work: Image.Image) -> Image.Image:
    """1 where there is ink, else 0: a black-hat (closing minus image, see `estimate_skew`) thresholded at 40 %
    of its 99.5th percentile, so paper shading, a desk around a photo and faint noise are not ink."""
    closed = _rank5(_rank5(work, ImageChops.lighter), ImageChops.darker)
    hat = ImageChops.subtract(closed, work)
    histogram = hat.histogram()
    wanted, seen, level = sum(histogram) * 0.005, 0, 255
    while level > 0 and seen + histogram[level] < wanted:
        seen += histogram[level]
        level -= 1
    threshold = max(24, int(level * 0.4))
    return hat.point([0] * threshold + [1] * (256 - threshold))


def _run_lengths(ink: Image.Image, vertical: bool) -> Counter[int]:
    """How many ink runs of each length the rows (or columns) of a 0/1 image hold (C speed: one regex)."""
    if vertical:
        ink = ink.transpose(Image.Transpose.TRANSPOSE)
    padded = ImageOps.expand(ink, border=(0, 0, 1, 0), fill=0)  # a run never continues onto the next row
    return Counter(map(len, _INK_RUN.findall(padded.tobytes())))


def _centroid(weight: dict[int, int], top: int) -> float:
    near = [(n, weight.get(n, 0)) for n in (top - 1, top, top + 1)]
    total = sum(w for _, w in near)
    return sum(n * w for n, w in near) / total if total else float(top)


def deskew(gray: Image.Image, ink: Image.Image | None = None) -> tuple[Image.Image, float]:
    """The page straightened when it is skewed by at least `DESKEW_MIN_DEG`, and the angle used
    (``ink``: `_skew_ink` of the page, when already made)."""
    angle = _skew_from_ink(ink if ink is not None else _skew_ink(gray))
    if abs(angle) < DESKEW_MIN_DEG:
        return gray, 0.0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255), angle


def estimate_skew(gray: Image.Image) -> float:
    """Counter-clockwise degrees that make the text lines horizontal (0.0 when there is no clear answer).

    The right angle makes the horizontal projection profile (ink per pixel row)
    sharpest: rows alternate between text lines and the gaps between them.
    """
    return _skew_from_ink(_skew_ink(gray))


def _skew_from_ink(small: Image.Image) -> float:
    base = _profile_sharpness(small, 0.0)
    if base <= 0 or _looks_straight(small, base):
        return 0.0
    return _search_skew(small, base)


def _skew_ink(gray: Image.Image) -> Image.Image:
    """A ~`DESKEW_WIDTH` px wide copy of the ink only ("black-hat": closing minus image): dark strokes
    thinner than the filter become bright; paper, shading and a desk around a photographed page black."""
    factor = max(1, gray.width // DESKEW_WIDTH)
    small = gray.reduce(factor) if factor > 1 else gray
    closed = _rank5(_rank5(small, ImageChops.lighter), ImageChops.darker)
    return ImageChops.subtract(closed, small)


def _looks_straight(ink: Image.Image, base: float) -> bool:
    """The cheap skew estimate: text lines are sharpest at 0°, clearly sharper than at ±1°, so the page is
    skewed by well under `DESKEW_MIN_DEG`. A page skewed by 1° or more is at least as sharp at one probe;
    one skewed by several degrees is about as blurred at all three, which is not "clearly" either."""
    probes = (_profile_sharpness(ink, a) for a in (-STRAIGHT_PROBE_DEG, STRAIGHT_PROBE_DEG))
    return base >= STRAIGHT_MARGIN * max(probes)


def _search_skew(small: Image.Image, base: float) -> float:
    """The angle of sharpest profile within ±`DESKEW_MAX_DEG` (coarse, then fine); 0.0 without a clear gain."""
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


def _screen_pass(tmp: Path, settings: ExtractSettings, limit: _Limit) -> str:
    """The upright page (PAGE_FILE) read again with local thresholds (Leptonica's adaptive Otsu): white
    text on coloured buttons and badges ("Cari", "Setujui", "Tolak"), which one threshold for the whole
    screen turns into solid blocks. Optional: a failure of this pass other than the machine's gives ""."""
    try:
        return _read(tmp / PAGE_FILE, settings, None, limit, extra=f"-c thresholding_method={SCREEN_THRESHOLDING}").text
    except _Failure as f:
        if errors.machine_reason(f.detail):
            raise
        return ""


def with_new_lines(first: str, second: str) -> str:
    """`first`, then the lines of a second reading of the same page that hold a word (4+ letters) the
    first lacks: what the first missed is added, what both read is not counted twice."""
    known = {w.lower() for w in _WORD.findall(first)}
    extra = []
    for line in second.splitlines():
        new = {w.lower() for w in _WORD.findall(line) if len(w) >= 4} - known
        if new:
            extra.append(line.strip())
            known |= new
    return "\n\n".join([first, "\n".join(extra)]) if extra and first else first or "\n".join(extra)


def _read(
    page_file: Path, settings: ExtractSettings, dpi: int | None, limit: _Limit | None = None, extra: str = ""
) -> _Pass:
    """One Tesseract pass (TSV): text with line breaks and mean word confidence (`extra`: more options)."""
    timeout = (limit or _Limit(settings.ocr_page_timeout_s)).seconds()
    if timeout <= 0:  # the file's budget is spent: do not start Tesseract at all
        raise _Failure("file time budget spent before tesseract could start", timed_out=True)
    try:
        tsv = pytesseract.image_to_data(
            str(page_file),
            lang=settings.ocr_languages,
            config=" ".join(filter(None, [_config(settings.ocr_psm, dpi), extra])),
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
