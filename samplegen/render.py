"""Page images for sample evidence: typeset text, scanner damage, phone photos.

Pillow only, no numpy. Every function is deterministic for a given ``seed``
(randomness comes from ``random.Random(seed)``; pixel noise from
``Random.randbytes`` mapped through a lookup table), so regenerated files are
byte-identical as long as Pillow's encoders are.

API
---
``render_page(lines, *, dpi=300, font_size_pt=12, seed=0, bold_lines=None, align=None)``
    white A4 page, mode "L", lines typeset in DejaVu Serif and word-wrapped.
``degrade(img, *, noise=0.0, blur=0.0, rotate_deg=0.0, seed=0, speckles=None, uneven=None)``
    scanner effects; all-zero arguments return an unchanged copy.
``photograph(img, *, rotate=90, seed=0)``
    RGB phone photo of the printed page, turned counter-clockwise by ``rotate``.
``EXIF_ORIENTATION``
    maps ``rotate`` to the EXIF Orientation tag that makes a viewer show it upright.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

__all__ = [
    "A4_MM",
    "EXIF_ORIENTATION",
    "degrade",
    "font",
    "line_boxes",
    "page_size",
    "paginate",
    "photograph",
    "render_page",
    "split_page_args",
]

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
A4_MM = (210.0, 297.0)
#: Margins in millimetres (left, top, right, bottom): Indonesian regulations
#: are typed on A4/F4 with a wider binding margin on the left.
MARGINS_MM = (30.0, 25.0, 22.0, 25.0)
LINE_SPACING = 1.38

#: EXIF Orientation value for an image produced by ``photograph(rotate=r)``:
#: the pixels are turned counter-clockwise by r, a viewer honouring the tag
#: turns them back.
EXIF_ORIENTATION = {0: 1, 90: 6, 180: 3, 270: 8}

Align = str  # "left" | "center" | "right" | "justify"


@lru_cache(maxsize=64)
def font(size_px: int, *, bold: bool = False, italic: bool = False, family: str = "Serif") -> ImageFont.FreeTypeFont:
    """A DejaVu font (``family`` "Serif", "Sans", "SansMono" or "SerifCondensed") at a pixel size."""
    style = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}[
        (bold, italic)
    ]
    if family.startswith("Sans") and italic:
        style = style.replace("Italic", "Oblique")
    return ImageFont.truetype(str(FONT_DIR / f"DejaVu{family}{style}.ttf"), size_px)


def page_size(dpi: int) -> tuple[int, int]:
    """A4 portrait size in pixels at ``dpi``."""
    return round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)


def _mm(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


def _wrap(text: str, fnt: ImageFont.FreeTypeFont, width: int) -> list[tuple[str, int]]:
    """Split one logical line into (text, indent_px) rows no wider than ``width``.

    Leading spaces are an indent kept on every continuation row (hanging indent),
    which is how lists like "a. bahwa ..." are laid out.
    """
    stripped = text.lstrip(" ")
    indent = fnt.getlength(text[: len(text) - len(stripped)]) if stripped else 0
    # Hanging indent after a list marker ("a. ", "1. ", "(2) ", "Pasal"-free): continuation
    # rows start under the first word after the marker.
    marker_len = 0
    words = stripped.split(" ")
    if len(words) > 1 and _is_marker(words[0]):
        marker_len = fnt.getlength(words[0] + " ")
    rows: list[tuple[str, int]] = []
    current: list[str] = []
    first = True
    for word in words:
        avail = width - indent - (0 if first else marker_len)
        trial = " ".join(current + [word])
        if current and fnt.getlength(trial) > avail:
            rows.append((" ".join(current), int(indent if first else indent + marker_len)))
            current = [word]
            first = False
        else:
            current.append(word)
    rows.append((" ".join(current), int(indent if first else indent + marker_len)))
    return rows


def _is_marker(word: str) -> bool:
    w = word.rstrip(".)")
    if word.startswith("(") and word.endswith(")") and word[1:-1].isalnum() and len(word) <= 5:
        return True
    return word.endswith((".", ")")) and 0 < len(w) <= 3 and (w.isdigit() or (w.isalpha() and w.islower()))


def render_page(
    lines: list[str],
    *,
    dpi: int = 300,
    font_size_pt: float = 12,
    seed: int = 0,
    bold_lines: set[int] | None = None,
    align: Align | Mapping[int, Align] | None = None,
) -> Image.Image:
    """Typeset ``lines`` on a white A4 page (mode "L") like a printed regulation page.

    * ``lines``: logical lines; "" is an empty line; leading spaces indent;
      list markers ("a.", "1.", "(2)") get a hanging indent when wrapped.
    * ``bold_lines``: indices into ``lines`` set in bold.
    * ``align``: one alignment for all lines, or a mapping index -> alignment
      ("left" default, "center", "right", "justify"; justify leaves the last
      row of a wrapped line ragged; "sign" starts the line at the middle of
      the text box, as in a signature block).
    * ``seed``: sub-pixel jitter of the text block (a printer is not exact),
      so two pages with the same text but different seeds differ slightly.
    * a line consisting of "\f" is a page break marker: rendering stops there
      (use ``paginate`` to split a long text into pages).
    Text that does not fit is cut off at the bottom margin (callers paginate).
    """
    img = Image.new("L", page_size(dpi), 255)
    _typeset(
        lines, ImageDraw.Draw(img), dpi=dpi, font_size_pt=font_size_pt, seed=seed, bold_lines=bold_lines, align=align
    )
    return img


def line_boxes(
    lines: list[str],
    *,
    dpi: int = 300,
    font_size_pt: float = 12,
    seed: int = 0,
    bold_lines: set[int] | None = None,
    align: Align | Mapping[int, Align] | None = None,
) -> dict[int, tuple[int, int, int, int]]:
    """Where ``render_page`` with the same arguments puts each line: index -> (x0, y0, x1, y1) in pixels.

    Empty lines get the box of the empty row too, so a caller can draw a
    signature or a stamp into the blank rows of a signature block.
    """
    return _typeset(lines, None, dpi=dpi, font_size_pt=font_size_pt, seed=seed, bold_lines=bold_lines, align=align)


def _typeset(lines, draw, *, dpi, font_size_pt, seed, bold_lines, align) -> dict[int, tuple[int, int, int, int]]:
    rng = random.Random(seed)
    width, height = page_size(dpi)
    size_px = max(6, round(font_size_pt * dpi / 72))
    regular, bold = font(size_px), font(size_px, bold=True)
    left, top, right, bottom = (_mm(m, dpi) for m in MARGINS_MM)
    box_w = width - left - right
    step = round(size_px * LINE_SPACING)
    x_jitter = rng.randint(-2, 2) * dpi // 300
    y = top + rng.randint(-2, 2) * dpi // 300
    bold_lines = bold_lines or set()
    boxes: dict[int, tuple[int, int, int, int]] = {}
    for idx, line in enumerate(lines):
        mode = align.get(idx, "left") if isinstance(align, Mapping) else (align or "left")
        fnt = bold if idx in bold_lines else regular
        if line == "\f":
            break
        if not line.strip():
            if y + size_px > height - bottom:
                break
            x0 = left + (box_w // 2 if mode == "sign" else 0)
            boxes[idx] = (x0 + x_jitter, y, left + box_w, y + step)
            y += step
            continue
        if mode == "sign":
            rows = [(t, i + box_w // 2) for t, i in _wrap(line, fnt, box_w - box_w // 2)]
        else:
            rows = _wrap(line, fnt, box_w) if mode in ("left", "justify") else [(line.strip(), 0)]
        y_first, x_min, x_max = y, None, 0
        for r, (text, indent) in enumerate(rows):
            if y + size_px > height - bottom:
                break
            text_w = fnt.getlength(text)
            if mode == "center":
                x = left + (box_w - text_w) / 2
            elif mode == "right":
                x = left + box_w - text_w
            else:
                x = left + indent
            x += x_jitter
            justified = mode == "justify" and r < len(rows) - 1 and " " in text.strip()
            if draw is not None:
                if justified:
                    _draw_justified(draw, (x, y), text, fnt, box_w - indent)
                else:
                    draw.text((x, y), text, font=fnt, fill=0)
            x_min = x if x_min is None else min(x_min, x)
            x_max = max(x_max, left + box_w if justified else x + text_w)
            y += step
        if x_min is not None:
            boxes[idx] = (int(x_min), y_first, int(x_max), y)
        else:
            break
    return boxes


def paginate(
    lines: list[str],
    *,
    dpi: int = 300,
    font_size_pt: float = 12,
    bold_lines: set[int] | None = None,
    align: Align | Mapping[int, Align] | None = None,
) -> list[tuple[int, int]]:
    """Split ``lines`` into pages for ``render_page``: a list of (start, end) index ranges.

    Uses the same wrapping and line height as ``render_page``; a "\f" line forces a break.
    Render page k with ``render_page(lines[s:e], bold_lines={i - s for i in bold if s <= i < e}, ...)``
    (``split_page_args`` does that re-indexing).
    """
    width, height = page_size(dpi)
    size_px = max(6, round(font_size_pt * dpi / 72))
    regular, bold = font(size_px), font(size_px, bold=True)
    left, top, right, bottom = (_mm(m, dpi) for m in MARGINS_MM)
    box_w = width - left - right
    step = round(size_px * LINE_SPACING)
    capacity = (height - bottom - top - 2 * dpi // 300 - size_px) // step + 1
    bold_lines = bold_lines or set()
    pages, start, used = [], 0, 0
    for idx, line in enumerate(lines):
        if line == "\f":
            pages.append((start, idx))
            start, used = idx + 1, 0
            continue
        mode = align.get(idx, "left") if isinstance(align, Mapping) else (align or "left")
        fnt = bold if idx in bold_lines else regular
        if not line.strip():
            n = 1
        elif mode == "sign":
            n = len(_wrap(line, fnt, box_w - box_w // 2))
        elif mode in ("left", "justify"):
            n = len(_wrap(line, fnt, box_w))
        else:
            n = 1
        if used + n > capacity and idx > start:
            pages.append((start, idx))
            start, used = idx, 0
        used += n
    if start < len(lines):
        pages.append((start, len(lines)))
    return pages


def split_page_args(
    lines: list[str], bold_lines: set[int] | None, align: Mapping[int, Align] | None, start: int, end: int
) -> tuple[list[str], set[int], dict[int, Align]]:
    """Re-index ``bold_lines``/``align`` for the page ``lines[start:end]``."""
    bold_lines = bold_lines or set()
    align = align or {}
    return (
        lines[start:end],
        {i - start for i in bold_lines if start <= i < end},
        {i - start: a for i, a in align.items() if start <= i < end},
    )


def _draw_justified(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fnt, width: float) -> None:
    x, y = xy
    first = text.split(" ", 1)[0]
    if _is_marker(first) and text[len(first) :].startswith(" "):
        # keep "a.   " fixed; justify only the words after the list marker
        rest = text[len(first) :]
        prefix = first + rest[: len(rest) - len(rest.lstrip(" "))]
        draw.text((x, y), first, font=fnt, fill=0)
        x += fnt.getlength(prefix)
        width -= fnt.getlength(prefix)
        text = text[len(prefix) :]
    words = [w for w in text.split(" ") if w]
    if len(words) < 2:
        draw.text((x, y), text, font=fnt, fill=0)
        return
    gaps = len(words) - 1
    extra = (width - sum(fnt.getlength(w) for w in words)) / gaps
    for w in words:
        draw.text((x, y), w, font=fnt, fill=0)
        x += fnt.getlength(w) + extra


# --- scanner damage -------------------------------------------------------------------


@lru_cache(maxsize=16)
def _gauss_lut(sigma: float) -> tuple[int, ...]:
    """Map a uniform byte to 128 + gaussian(sigma), clipped to a byte."""
    nd = NormalDist(0.0, 1.0)
    return tuple(max(0, min(255, round(128 + sigma * nd.inv_cdf((u + 0.5) / 256)))) for u in range(256))


def _noise_layer(size: tuple[int, int], sigma: float, rng: random.Random) -> Image.Image:
    raw = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return raw.point(list(_gauss_lut(sigma)))


def _smooth_field(size: tuple[int, int], lo: float, hi: float, rng: random.Random, cells: int = 4) -> Image.Image:
    """A smooth random field with values in [lo, hi] (0-255 scale), e.g. uneven lamp light."""
    small = Image.new("L", (cells, cells))
    small.putdata([round(lo + (hi - lo) * rng.random()) for _ in range(cells * cells)])
    return small.resize(size, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(max(size) / (cells * 3)))


def degrade(
    img: Image.Image,
    *,
    noise: float = 0.0,
    blur: float = 0.0,
    rotate_deg: float = 0.0,
    seed: int = 0,
    speckles: float | None = None,
    uneven: float | None = None,
) -> Image.Image:
    """Scanner effects on a page image; returns a new mode-"L" image of the same size.

    * ``noise``: gaussian noise strength. Values <= 1 are a fraction of full
      scale (0.04 = light, sigma ~10 grey levels; 0.15 = heavy); values > 1 are
      read as sigma in grey levels.
    * ``blur``: gaussian blur radius in pixels (0.6-1.2 typical at 300 dpi).
    * ``rotate_deg``: skew; positive = counter-clockwise; corners filled white.
    * ``speckles``: dust/toner dots per cm² (default: derived from ``noise``).
    * ``uneven``: depth of the uneven-brightness field in grey levels
      (default: derived from ``noise``; 0 disables).
    With every effect at 0 the result equals the input (as mode "L").
    """
    rng = random.Random(seed)
    out = img.convert("L") if img.mode != "L" else img.copy()
    sigma = noise * 255 if noise <= 1 else noise
    if speckles is None:
        speckles = min(1.0, sigma / 60) if sigma else 0.0
    if uneven is None:
        uneven = min(40.0, sigma * 1.5) if sigma else 0.0
    w, h = out.size
    if rotate_deg:
        out = out.rotate(rotate_deg, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if uneven:
        # Paper is never pure white on a scan: darken by a smooth field (multiply).
        field = _smooth_field((w, h), 255 - uneven, 255 - uneven * 0.15, rng)
        out = ImageChops.multiply(out, field)
    if speckles:
        draw = ImageDraw.Draw(out)
        dpi_guess = w / (A4_MM[0] / 25.4)
        area_cm2 = (w / dpi_guess * 2.54) * (h / dpi_guess * 2.54)
        for _ in range(int(speckles * area_cm2)):
            x, y = rng.randrange(w), rng.randrange(h)
            r = rng.choice((0.5, 0.7, 0.9, 1.2, 1.8)) * dpi_guess / 300
            shade = rng.randint(40, 150) if rng.random() < 0.85 else 255
            draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    if sigma:
        out = ImageChops.add(out, _noise_layer((w, h), sigma, rng), scale=1.0, offset=-128)
    return out


# --- phone photo --------------------------------------------------------------------


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8x8 for perspective coefficients)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def _perspective_coeffs(dst: Iterable[tuple[float, float]], src: Iterable[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points ``dst`` to input ``src``."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return _solve(a, b)


def photograph(img: Image.Image, *, rotate: int = 90, seed: int = 0) -> Image.Image:
    """A phone photo (RGB) of the printed page ``img``.

    The page is slightly off-white and warm, seen in mild perspective on a
    grey-brown desk, with uneven light, a soft shadow and a little blur and
    sensor noise; the whole photo is then turned counter-clockwise by
    ``rotate`` degrees (0/90/180/270), as a sideways phone photo is stored
    without honouring orientation. ``EXIF_ORIENTATION[rotate]`` is the EXIF
    tag that would make a viewer show it upright. The canvas is ~16 % larger
    than the page.
    """
    if rotate % 90:
        raise ValueError("rotate must be a multiple of 90")
    rng = random.Random(seed)
    page = img.convert("L")
    pw, ph = page.size
    cw, ch = round(pw * 1.16), round(ph * 1.12)

    # Desk: grey-brown with a smooth light falloff.
    base = rng.randint(105, 135)
    desk_l = _smooth_field((cw, ch), base - 35, base + 20, rng, cells=3)
    desk = Image.merge("RGB", (desk_l.point(lambda v: min(255, v + 8)), desk_l, desk_l.point(lambda v: max(0, v - 10))))

    # Paper tint: multiply a warm off-white.
    tint = (rng.randint(240, 250), rng.randint(236, 244), rng.randint(222, 232))
    paper = Image.merge("RGB", tuple(page.point(lambda v, t=t: v * t // 255) for t in tint))

    # Perspective: page corners jittered inside the canvas.
    mx, my = (cw - pw) / 2, (ch - ph) / 2
    j = lambda s: rng.uniform(-0.035, 0.035) * s  # noqa: E731
    dst = [
        (mx + j(pw), my + j(ph)),
        (mx + pw + j(pw), my + j(ph)),
        (mx + pw + j(pw), my + ph + j(ph)),
        (mx + j(pw), my + ph + j(ph)),
    ]
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = _perspective_coeffs(dst, src)
    warped = paper.transform((cw, ch), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    mask = Image.new("L", (pw, ph), 255).transform(
        (cw, ch), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )

    # Soft shadow of the sheet on the desk.
    shadow_off = (round(pw * 0.008), round(ph * 0.01))
    shadow = ImageChops.offset(mask, *shadow_off).filter(ImageFilter.GaussianBlur(pw * 0.01))
    desk = Image.composite(Image.new("RGB", (cw, ch), (40, 38, 35)), desk, shadow.point(lambda v: v * 0.55))
    photo = Image.composite(warped, desk, mask)

    # Lighting: one side brighter (lamp/window), multiply per channel.
    light = _smooth_field((cw, ch), rng.randint(170, 200), 255, rng, cells=3)
    photo = ImageChops.multiply(photo, Image.merge("RGB", (light, light, light)))
    photo = photo.filter(ImageFilter.GaussianBlur(max(0.6, pw / 1600)))
    n = _noise_layer((cw, ch), 5.0, rng)
    photo = ImageChops.add(photo, Image.merge("RGB", (n, n, n)), scale=1.0, offset=-128)
    if rotate % 360:
        photo = photo.rotate(rotate % 360, expand=True)
    return photo


if __name__ == "__main__":  # quick visual check: python -m samplegen.render /tmp/x.png
    import sys

    demo = render_page(
        [
            "WALI KOTA SUKAMAJU",
            "PROVINSI JAWA BARAT",
            "",
            "Pasal 1",
            "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        ]
        + ["1.   Daerah adalah Kota Sukamaju. " * 3],
        dpi=150,
        bold_lines={0, 1},
        align={0: "center", 1: "center", 3: "center"},
    )
    degrade(demo, noise=0.05, blur=0.8, rotate_deg=1.2, seed=1).save(
        sys.argv[1] if len(sys.argv) > 1 else "/tmp/page.png"
    )
