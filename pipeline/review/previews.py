"""Page previews for the review page: one page of a PDF or an image, rendered small, on demand, cached by content.

Bounded before any pixel is made: a PDF page's scale comes from its size in points, so the output is at
most `SIZES[size]` px on its long side and `MAX_PREVIEW_PIXELS` in all (a MediaBox of 200 inches gives
1,600 px, not 3.6 gigapixels), and a page whose embedded images would decode to more than
`MAX_EMBEDDED_PIXELS` is not rendered. An image's size is read from its header first: above
`MAX_IMAGE_PIXELS` it is refused; a JPEG is decoded at a reduced scale (`Image.draft`); other formats are
decoded whole only up to `MAX_DECODE_PIXELS`. Every failure is a `PreviewFailed` with the admin's
message in Bahasa Indonesia, which the route turns into a placeholder image, never an error page.

The matched snippet is boxed where its position is known: on a text-layer page, its words are looked up
among pdfium's character boxes. OCR'd pages and images keep no positions, so nothing is boxed there.

`Previewer` renders in its own small thread pool (PDFium is not thread-safe: every call runs under
`PDFIUM_LOCK`), shares one render between simultaneous requests for the same preview, and caches the
result in `<db>.previews/` under the content's SHA-256, page, size and snippet, written atomically. The
bytes rendered are the bytes hashed: the file is opened once (no symlink), hashed, and rendered from that
handle; a file changed since the run is not rendered (its gaps are about the old content).
"""

from __future__ import annotations

import contextlib
import ctypes
import difflib
import hashlib
import io
import os
import re
import tempfile
import threading
import time
import unicodedata
import warnings
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw, ImageFont, ImageOps

SIZES = {"kecil": 360, "besar": 1600}  # long side in pixels
MAX_PREVIEW_PIXELS = 1600 * 1600
MAX_IMAGE_PIXELS = 180_000_000  # as the extraction's limit: larger images are refused from their header
MAX_DECODE_PIXELS = 50_000_000  # non-JPEG images decoded whole (a 1,920 x 26,000 screenshot); above: refused
MAX_EMBEDDED_PIXELS = 120_000_000  # images drawn on one PDF page, in all (an A4 scan at 1,000 dpi is 97 million)
MAX_TEXT_CHARS = 60_000  # characters of a text layer searched for the snippet
RENDER_VERSION = "1"  # part of every cache name: a change in drawing makes new files
# The cache's bound. Measured on sample_docs: thumbnails (kecil) are 12-42 KB, enlarged views (besar)
# 0.1-0.8 MB, so 512 MiB keeps the thumbnails of ~10,000 gaps and a few hundred enlarged pages; past it
# the least recently shown go, down to PRUNE_TO of the bound.
MAX_CACHE_BYTES = 512 * 2**20
PRUNE_TO = 0.8
JPEG_QUALITY = 82
HIGHLIGHT_FILL = (255, 214, 0, 96)
HIGHLIGHT_EDGE = (230, 120, 0, 255)

IMAGE_FORMATS = {
    "png": ["PNG"],
    "jpeg": ["JPEG", "MPO"],
    "tiff": ["TIFF"],
    "bmp": ["BMP", "DIB"],
    "webp": ["WEBP"],
    "gif": ["GIF"],
}
PREVIEW_FORMATS = frozenset({"pdf", *IMAGE_FORMATS})

#: Serialises the review server's pypdfium2 calls (PDFium is not thread-safe). The extraction has its own
#: lock: it runs in `spbe run`, never in the review server's process.
PDFIUM_LOCK = threading.RLock()
#: One whole decode of a large image at a time (a 50-megapixel PNG needs about 300 MB while it is reduced).
LARGE_DECODE_LOCK = threading.Lock()
LARGE_DECODE_PIXELS = 16_000_000

# The header check below replaces Pillow's warning for images between its soft and hard limits.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

NO_PAGE = "Halaman {page} tidak ada di berkas ini."
DAMAGED = "Berkas tidak dapat dibuka untuk pratinjau (rusak atau terkunci). Buka berkasnya untuk memeriksa."
TOO_LARGE_IMAGE = "Gambar terlalu besar untuk dipratinjau ({width} x {height} piksel). Buka berkasnya untuk memeriksa."
TOO_LARGE_BOMB = "Gambar terlalu besar untuk dipratinjau (lebih dari 180 juta piksel). Buka berkasnya untuk memeriksa."
TOO_LARGE_EMBEDDED = (
    "Halaman memuat gambar terlalu besar untuk dipratinjau ({megapixels} megapiksel). Buka berkasnya untuk memeriksa."
)
BAD_PAGE_SIZE = "Ukuran halaman tidak sah, sehingga halaman tidak dapat dipratinjau. Buka berkasnya untuk memeriksa."
CHANGED = "Berkas telah berubah sejak pemeriksaan terakhir. Pratinjau tersedia setelah pemeriksaan berikutnya."


class PreviewFailed(Exception):
    """A preview that cannot be made, with the reason for the admin (Bahasa Indonesia)."""


@dataclass(frozen=True)
class PreviewJob:
    """What one preview shows: page `page` of the file at `path` (already checked to be under the root)."""

    path: Path
    fmt: str
    sha256: str
    page: int
    size: str
    snippet: str | None = None  # boxed on the page when given (text-layer pages only)

    @property
    def cache_name(self) -> str:
        mark = hashlib.sha1(self.snippet.encode()).hexdigest()[:10] if self.snippet else "x"
        return f"{self.sha256[:2]}/{self.sha256}-p{self.page}-{self.size}-{mark}-r{RENDER_VERSION}.jpg"


# --- rendering ------------------------------------------------------------------------------------


def preview_scale(width_pt: float, height_pt: float, long_side: int, max_pixels: int = MAX_PREVIEW_PIXELS) -> float:
    """Pixels per point so that the page is at most `long_side` px long and `max_pixels` in all."""
    if not (0 < width_pt < 1e6 and 0 < height_pt < 1e6):  # also refuses NaN
        raise PreviewFailed(BAD_PAGE_SIZE)
    return min(long_side / max(width_pt, height_pt), (max_pixels / (width_pt * height_pt)) ** 0.5)


def render(job: PreviewJob, handle: BinaryIO) -> Image.Image:
    """The page as an RGB image within the size bounds; PreviewFailed when it cannot be made."""
    long_side = SIZES[job.size]
    if job.fmt == "pdf":
        return _render_pdf(handle, job.page, long_side, job.snippet)
    return _render_image(handle, job.fmt, job.page, long_side)


def _render_pdf(handle: BinaryIO, number: int, long_side: int, snippet: str | None) -> Image.Image:
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(handle)
        except pdfium.PdfiumError as exc:
            raise PreviewFailed(DAMAGED) from exc
        try:
            if not 1 <= number <= len(pdf):
                raise PreviewFailed(NO_PAGE.format(page=number))
            page = pdf[number - 1]
            try:
                return _draw_page(page, long_side, snippet)
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise PreviewFailed(DAMAGED) from exc
        finally:
            pdf.close()


def _draw_page(page: pdfium.PdfPage, long_side: int, snippet: str | None) -> Image.Image:
    """Render one page (caller holds the lock): bounded scale, embedded images checked, snippet boxed."""
    width_pt, height_pt = page.get_size()
    scale = preview_scale(width_pt, height_pt, long_side)
    embedded = sum(w * h for w, h in _image_sizes(page))
    if embedded > MAX_EMBEDDED_PIXELS:
        raise PreviewFailed(TOO_LARGE_EMBEDDED.format(megapixels=embedded // 1_000_000))
    bitmap = page.render(scale=scale, may_draw_forms=False, limit_image_cache=True)
    try:
        image = bitmap.to_pil().convert("RGB")  # convert() copies: the bitmap buffer is freed below
    finally:
        bitmap.close()
    boxes = snippet_boxes(page, snippet, image.size) if snippet else []
    return highlight(image, boxes) if boxes else image


def _image_sizes(page: pdfium.PdfPage) -> list[tuple[int, int]]:
    sizes = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        try:
            sizes.append(obj.get_px_size())
        except pdfium.PdfiumError:
            continue
    return sizes


def _render_image(handle: BinaryIO, fmt: str, number: int, long_side: int) -> Image.Image:
    try:
        with Image.open(handle, formats=IMAGE_FORMATS[fmt]) as im:
            if number > 1:
                try:
                    im.seek(number - 1)  # a frame of a multi-page TIFF: reads its header only
                except EOFError as exc:
                    raise PreviewFailed(NO_PAGE.format(page=number)) from exc
            width, height = im.size
            if width * height > MAX_IMAGE_PIXELS or (
                im.format not in ("JPEG", "MPO") and width * height > MAX_DECODE_PIXELS
            ):
                raise PreviewFailed(TOO_LARGE_IMAGE.format(width=width, height=height))
            target = _fit(width, height, long_side)
            im.draft("RGB", target)  # JPEG: decode at 1/2, 1/4 or 1/8 scale; other formats: no effect
            whole = im.size[0] * im.size[1] > LARGE_DECODE_PIXELS
            with LARGE_DECODE_LOCK if whole else contextlib.nullcontext():
                im.thumbnail(target, Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(im)
            return _flatten(upright)
    except Image.DecompressionBombError as exc:
        raise PreviewFailed(TOO_LARGE_BOMB) from exc
    except PreviewFailed:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's ways of saying "not a valid image"
        raise PreviewFailed(DAMAGED) from exc


def _fit(width: int, height: int, long_side: int) -> tuple[int, int]:
    scale = min(1.0, preview_scale(width, height, long_side))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _flatten(im: Image.Image) -> Image.Image:
    """RGB, transparency on white, 16-bit and float images scaled to 8 bits."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif im.mode == "F":
        im = im.convert("L")
    if im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return im.convert("RGB")


# --- where the snippet is on a text-layer page ----------------------------------------------------------

_WORD = re.compile(r"[0-9a-z]+")


def _fold(text: str) -> str:
    """Lower case without accents: 'Élektronik' and 'elektronik' are one word."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def snippet_words(snippet: str) -> list[str]:
    """The snippet's words, without a word cut at an edge marked '…' and without placeholders ([NIK] …)."""
    text = re.sub(r"\[[A-Z]+\]", " ", snippet.strip())
    words = _WORD.findall(_fold(text))
    if text.startswith("…") and words:
        words = words[1:]
    if text.endswith("…") and words:
        words = words[:-1]
    return words


@dataclass
class _Word:
    text: str
    box: tuple[float, float, float, float]  # left, top, right, bottom in bitmap pixels


def _page_words(page: pdfium.PdfPage, size: tuple[int, int]) -> list[_Word]:
    """The text layer's words with their boxes in the rendered bitmap's pixels."""
    to_device = _device_transform(page, size)
    textpage = page.get_textpage()
    try:
        words: list[_Word] = []
        current, box = "", None
        for index in range(min(textpage.count_chars(), MAX_TEXT_CHARS)):
            char = _fold(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index) or 32))
            if not _WORD.fullmatch(char or " "):
                if current and box:
                    words.append(_Word(current, box))
                current, box = "", None
                continue
            char_box = to_device(textpage.get_charbox(index))
            current += char
            box = char_box if box is None else _union(box, char_box)
        if current and box:
            words.append(_Word(current, box))
        return words
    finally:
        textpage.close()


def _device_transform(page: pdfium.PdfPage, size: tuple[int, int]):
    """Page points -> bitmap pixels, as pdfium maps them for this render (rotation and crop box included).

    FPDF_PageToDevice answers in whole pixels, so the affine map is taken from points 1,000 pt apart.
    """

    def device(x: float, y: float) -> tuple[int, int]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size[0], size[1], 0, x, y, dx, dy)
        return dx.value, dy.value

    (x0, y0), (x1, y1), (x2, y2) = device(0, 0), device(1000, 0), device(0, 1000)
    ax, ay, bx, by = (x1 - x0) / 1000, (y1 - y0) / 1000, (x2 - x0) / 1000, (y2 - y0) / 1000

    def to_device(box) -> tuple[float, float, float, float]:
        left, bottom, right, top = box
        xs = [x0 + ax * px + bx * py for px, py in ((left, bottom), (right, top))]
        ys = [y0 + ay * px + by * py for px, py in ((left, bottom), (right, top))]
        return min(xs), min(ys), max(xs), max(ys)

    return to_device


def _union(a, b):
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def locate(page_words: list[str], wanted: list[str]) -> tuple[int, int] | None:
    """(first, last) index of the page words that spell the snippet, or None when less than half of it is there.

    The longest run of words in common anchors the match; other runs count only near it, so a common
    word elsewhere on the page ("dan") does not stretch the box.
    """
    if len(wanted) < 2 or not page_words:
        return None
    matcher = difflib.SequenceMatcher(None, page_words, wanted, autojunk=False)
    anchor = matcher.find_longest_match(0, len(page_words), 0, len(wanted))
    if anchor.size == 0:
        return None
    low, high = anchor.a - anchor.b - 2, anchor.a + (len(wanted) - anchor.b) + 2
    blocks = [b for b in matcher.get_matching_blocks() if b.size and low <= b.a and b.a + b.size <= high]
    matched = sum(b.size for b in blocks)
    if matched < max(2, len(wanted) / 2):
        return None
    return min(b.a for b in blocks), max(b.a + b.size for b in blocks) - 1


def _line_boxes(words: list[_Word]) -> list[tuple[float, float, float, float]]:
    """One box per line of consecutive words (a word starting below the current line opens a new one)."""
    lines: list[tuple[float, float, float, float]] = []
    for word in words:
        if lines:
            left, top, right, bottom = lines[-1]
            middle = (word.box[1] + word.box[3]) / 2
            if top <= middle <= bottom:
                lines[-1] = _union(lines[-1], word.box)
                continue
        lines.append(word.box)
    return lines


def snippet_boxes(page: pdfium.PdfPage, snippet: str, size: tuple[int, int]) -> list[tuple[float, float, float, float]]:
    """Boxes around the snippet's words on the page (bitmap pixels); empty when they are not found."""
    words = _page_words(page, size)
    found = locate([w.text for w in words], snippet_words(snippet))
    if found is None:
        return []
    return _line_boxes(words[found[0] : found[1] + 1])


def highlight(image: Image.Image, boxes: list[tuple[float, float, float, float]]) -> Image.Image:
    """Translucent marker boxes over the image (a little larger than the words)."""
    pad = max(2, image.width // 300)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for left, top, right, bottom in boxes:
        draw.rectangle((left - pad, top - pad, right + pad, bottom + pad), fill=HIGHLIGHT_FILL, outline=HIGHLIGHT_EDGE)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


# --- placeholder ------------------------------------------------------------------------------------


def placeholder(text: str, size: str) -> bytes:
    """A grey card with the reason in Bahasa Indonesia (PNG), for previews that cannot be made."""
    width, height = (240, 340) if size == "kecil" else (800, 560)
    font_size = 15 if size == "kecil" else 26
    image = Image.new("RGB", (width, height), (240, 244, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline=(154, 165, 177), width=2)
    font = ImageFont.load_default(size=font_size)
    lines, line = [], ""
    for word in ("Pratinjau tidak tersedia. " + text).split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width - 28 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    y = 16
    for line in lines:
        draw.text((14, y), line, fill=(31, 41, 51), font=font)
        y += int(font_size * 1.35)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


# --- cache and worker threads ------------------------------------------------------------------------


def cache_dir(db: Path) -> Path:
    """Where a database's previews are kept: `<db>.previews/` beside it."""
    return db.with_name(db.name + ".previews")


def _open_checked(job: PreviewJob) -> BinaryIO:
    """The file opened without following a symlink, its content verified against the run's SHA-256."""
    try:
        fd = os.open(job.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise PreviewFailed(DAMAGED) from exc
    handle = os.fdopen(fd, "rb")
    digest = hashlib.sha256()
    while chunk := handle.read(1 << 20):
        digest.update(chunk)
    if digest.hexdigest() != job.sha256:
        handle.close()
        raise PreviewFailed(CHANGED)
    handle.seek(0)
    return handle


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _cached_files(cache: Path) -> list[tuple[int, int, Path]]:
    """(last shown: atime in ns, size, path) of every kept preview."""
    found = []
    for path in cache.rglob("*.jpg"):
        if path.name.startswith(".tmp-"):
            continue
        try:
            st = path.stat()
        except OSError:  # removed meanwhile
            continue
        found.append((st.st_atime_ns, st.st_size, path))
    return found


def prune(cache: Path, keep_bytes: int) -> int:
    """Remove the least recently shown previews until at most `keep_bytes` remain; returns what remains."""
    files = sorted(_cached_files(cache))
    total = sum(size for _, size, _ in files)
    for _, size, path in files:
        if total <= keep_bytes:
            break
        path.unlink(missing_ok=True)
        total -= size
    return total


@dataclass
class Previewer:
    """Renders previews in `workers` threads of its own and keeps them in `cache` (one per database), at
    most `max_bytes` of them: past that, the least recently shown go (`prune`, down to PRUNE_TO of it)."""

    cache: Path
    workers: int = 2
    max_bytes: int = MAX_CACHE_BYTES
    rendered: int = 0  # renders done (not cache hits): what tests and the bench read
    _pool: ThreadPoolExecutor | None = None
    _running: dict[str, Future[bytes]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _kept: int | None = None  # bytes in the cache, counted once, then kept up to date

    def cached(self, job: PreviewJob) -> bytes | None:
        path = self.cache / job.cache_name
        try:
            data = path.read_bytes()
            made = path.stat().st_mtime_ns
            os.utime(path, ns=(time.time_ns(), made))  # shown now (atime), made then (mtime, untouched)
        except OSError:
            return None
        return data

    def _keep(self, job: PreviewJob, data: bytes) -> None:
        """Write the preview to the cache and keep the cache within `max_bytes`. A cache that cannot be
        written (a full disk, a read-only folder) costs renders, never the preview itself."""
        try:
            _write_atomically(self.cache / job.cache_name, data)
        except OSError:
            return
        with self._lock:
            self._kept = (
                sum(size for _, size, _ in _cached_files(self.cache)) if self._kept is None else self._kept + len(data)
            )
            if self._kept > self.max_bytes:
                self._kept = prune(self.cache, int(self.max_bytes * PRUNE_TO))

    def submit(self, job: PreviewJob) -> Future[bytes]:
        """The preview's bytes (JPEG) as a future; one render per preview however many ask at once."""
        with self._lock:
            running = self._running.get(job.cache_name)
            if running is not None:
                return running
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="spbe-pratinjau")
            future = self._pool.submit(self._make, job)
            self._running[job.cache_name] = future
        # Outside the lock: a render that has already ended (a page past the end fails at once) runs the
        # callback here, in this thread, and the callback takes the lock.
        future.add_done_callback(lambda done: self._forget(job.cache_name, done))
        return future

    def _forget(self, name: str, done: Future[bytes]) -> None:
        with self._lock:
            if self._running.get(name) is done:
                del self._running[name]

    def _make(self, job: PreviewJob) -> bytes:
        with _open_checked(job) as handle:
            data = encode(render(job, handle))
        with self._lock:
            self.rendered += 1
        self._keep(job, data)
        return data

    def close(self) -> None:
        """Drop queued renders and let the threads end (a running render finishes: it is bounded)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
