"""Images (PNG, JPEG, TIFF, BMP, WebP, GIF): every page is OCR'd.

Each frame of a multi-page TIFF is a page; other formats give one page (the
first frame of an animated GIF/WebP). Before OCR a frame is turned upright by
its EXIF orientation (``ImageOps.exif_transpose``), flattened onto white when
it has transparency and converted to grayscale; `pipeline.extract.ocr` then detects
pages still lying sideways or upside down (Tesseract OSD).

Decompression bombs: the pixel count is checked against
``settings.max_image_pixels`` before any pixel is decoded (`TooLarge`); Pillow's
own hard limit (about 179 million pixels) raises the same failure. Frames are
checked one by one after `seek`, which reads only the frame's header. The
file's `Budget` is checked before every frame and bounds every Tesseract call;
when it runs out the frames read so far are kept with a ``timeout`` problem.
A file that vanishes before it is opened is `FileNotFoundError` (``vanished``),
not a corrupt image.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from pipeline.extract import errors
from pipeline.extract.formats import Budget, Extracted, ocr_page, ocr_problems
from pipeline.extract.ocr import ocr_image
from pipeline.model import Method, Page, Problem
from pipeline.settings import ExtractSettings

__all__ = ["extract_image", "to_grayscale"]

# The size check below replaces Pillow's warning for images between its soft and hard limits.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

#: EXIF Orientation tag -> clockwise degrees exif_transpose turns the image (mirrored ones approximated).
EXIF_ROTATION = {1: 0, 2: 0, 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270}
#: A DPI tag is trusted only when it gives a plausible paper size (inches, long side).
PLAUSIBLE_INCHES = (2.0, 24.0)

_MULTI_PAGE_FORMATS = {"TIFF", "MPO"}
DAMAGED_NOTE = "Halaman (bingkai gambar) ini rusak sehingga tidak dapat dibaca."


def extract_image(path: Path, settings: ExtractSettings, budget: Budget | None = None) -> Extracted:
    """OCR every page of an image file."""
    budget = budget or Budget(settings.file_timeout_s)
    kind = "gambar"
    try:
        with Image.open(path) as im:
            kind = f"gambar {im.format}" if im.format else kind
            frames = getattr(im, "n_frames", 1) if im.format in _MULTI_PAGE_FORMATS else 1
            problems: list[Problem] = []
            if frames > settings.max_pages:
                problems.append(errors.too_many_pages(frames, settings.max_pages))
            pages: list[Page] = []
            results, damaged = [], []
            limit = min(frames, settings.max_pages)
            for index in range(limit):
                number = index + 1
                if budget.expired:
                    problems.append(errors.file_timeout(len(pages), limit, budget.seconds))
                    break
                try:
                    im.seek(index)
                    _check_size(im, settings)
                    rotation = EXIF_ROTATION.get(_exif_orientation(im), 0)
                    upright = ImageOps.exif_transpose(im)
                    gray = to_grayscale(upright)
                except errors.ExtractionFailure:
                    raise
                except (OSError, SyntaxError, ValueError, EOFError) as e:
                    if frames == 1:
                        raise
                    damaged.append((number, f"{type(e).__name__}: {e}"))
                    pages.append(Page(number, Method.NONE, "", note=DAMAGED_NOTE))
                    continue
                result = ocr_image(gray, settings, dpi=_trusted_dpi(im, gray.size), deadline=budget.deadline)
                if result.timed_out and budget.expired:  # killed by the file's budget, not by the page limit
                    problems.append(errors.file_timeout(len(pages), limit, budget.seconds))
                    break
                results.append((number, result))
                pages.append(ocr_page(number, result, pre_rotation=rotation))
    except Image.DecompressionBombError as e:
        raise errors.image_too_large(0, 0, settings.max_image_pixels, str(e)) from e
    except (errors.ExtractionFailure, FileNotFoundError, PermissionError):
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as e:
        raise errors.corrupt(kind, f"{type(e).__name__}: {e}") from e
    if damaged:
        problems.append(
            errors.damaged_pages(kind, [n for n, _ in damaged], "; ".join(f"frame {n}: {e}" for n, e in damaged[:5]))
        )
    problems.extend(ocr_problems(results, settings.ocr_page_timeout_s))
    return Extracted(tuple(pages), tuple(problems))


def _check_size(im: Image.Image, settings: ExtractSettings) -> None:
    width, height = im.size
    if width * height > settings.max_image_pixels:
        raise errors.image_too_large(width, height, settings.max_image_pixels)


def _exif_orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block must not lose the page
        return 1


def to_grayscale(im: Image.Image) -> Image.Image:
    """Mode "L": transparency flattened onto white, 16-bit and palette images scaled properly."""
    if im.mode.startswith("I;16") or im.mode == "I":
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode == "F":
        return im.convert("L")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode in ("P", "L", "RGB") and "transparency" in im.info):
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("L")
    return im.convert("L")


def _trusted_dpi(im: Image.Image, size: tuple[int, int]) -> int | None:
    """The DPI tag when it gives a plausible paper size; phone photos often claim 72 dpi."""
    dpi: Any = im.info.get("dpi")
    try:
        value = float(dpi[0]) if isinstance(dpi, tuple) else float(dpi)
    except (TypeError, ValueError, IndexError):
        return None
    if not 70 <= value <= 1200:
        return None
    inches = max(size) / value
    return round(value) if PLAUSIBLE_INCHES[0] <= inches <= PLAUSIBLE_INCHES[1] else None
