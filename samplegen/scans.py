"""Scanned pages: documents typed with ``render``, signed by hand, stamped, then degraded."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageDraw

from samplegen.model import Doc
from samplegen.render import (
    degrade,
    font,
    line_boxes,
    page_size,
    paginate,
    render_page,
    split_page_args,
)

Lines = tuple[list[str], set[int], dict[int, str]]


def doc_to_lines(doc: Doc) -> Lines:
    """Flatten a block document into typed lines (for documents without tables)."""
    lines: list[str] = []
    bold: set[int] = set()
    align: dict[int, str] = {}

    def add(text: str, a: str = "left", b: bool = False) -> None:
        if b:
            bold.add(len(lines))
        if a != "left":
            align[len(lines)] = a
        lines.append(text)

    for blk in doc.blocks:
        k = blk.kind
        if k == "center":
            add(blk.text, "center", blk.bold)
        elif k == "para":
            add("      " * blk.level + blk.text, "justify")
        elif k == "item":
            add("      " * blk.level + f"{blk.marker}   {blk.text}", "justify")
        elif k == "labeled":
            if blk.label:
                add(f"{blk.label} :")
            add(f"      {blk.marker}   {blk.text}" if blk.marker else f"      {blk.text}", "justify")
        elif k == "sign":
            for r in blk.rows:
                add(r, "sign", r.isupper() and bool(r))
        elif k == "left":
            for r in blk.rows:
                add(r)
        elif k == "space":
            for _ in range(blk.level):
                add("")
        elif k == "pagebreak":
            add("\f")
        elif k in ("heading",):
            add(blk.text, "left", True)
        elif k == "kop":
            for r in blk.rows:
                add(r, "center", True)
            add(blk.text, "center")
        else:
            raise ValueError(f"block kind {k!r} is not supported in typed scans")
    return lines, bold, align


def paginate_lines(lines: Lines, *, dpi: int, font_size_pt: float) -> list[Lines]:
    text, bold, align = lines
    return [
        split_page_args(text, bold, align, s, e)
        for s, e in paginate(text, dpi=dpi, font_size_pt=font_size_pt, bold_lines=bold, align=align)
    ]


# --- ink ------------------------------------------------------------------------------


def draw_signature(img: Image.Image, box: tuple[int, int, int, int], seed: int, ink: int = 35) -> None:
    """A hand-written signature inside ``box`` (x0, y0, x1, y1): a big initial, cursive loops, a flourish."""
    rng = random.Random(seed)
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    width = max(2, round(h / 30))
    ymid = y0 + h * 0.5
    slant = rng.uniform(0.15, 0.45)
    # initial: a tall loop
    ix = x0 + w * 0.08
    init = [
        (
            ix + w * 0.06 * math.sin(t) + slant * h * 0.4 * (0.5 - t / (2 * math.pi)),
            ymid - h * 0.45 * math.cos(t) * (0.6 + 0.4 * t / (2 * math.pi)),
        )
        for t in [k * 2 * math.pi / 40 for k in range(41)]
    ]
    draw.line(init, fill=ink, width=width, joint="curve")
    # cursive loops (a trochoid with varying loop sizes)
    n = rng.randint(5, 9)
    pts = []
    rx = [rng.uniform(0.015, 0.05) * w for _ in range(n + 1)]
    ry = [rng.uniform(0.12, 0.38) * h for _ in range(n + 1)]
    steps = n * 16
    for k in range(steps + 1):
        th = k / steps * n * 2 * math.pi
        j = min(n, int(th / (2 * math.pi)))
        t = k / steps
        x = x0 + w * (0.14 + 0.7 * t) - rx[j] * math.sin(th)
        y = ymid + h * 0.08 - ry[j] * (1 - math.cos(th)) * 0.9 + ry[j] * 0.3
        pts.append((x + slant * (ymid - y) * 0.5, y))
    draw.line(pts, fill=ink, width=width, joint="curve")
    # flourish: a long stroke back under the name
    a, b = rng.uniform(0.05, 0.2), rng.uniform(0.55, 0.75)
    fx = [(x0 + w * (0.9 - 0.85 * t), y0 + h * (b + a * math.sin(t * math.pi))) for t in [i / 30 for i in range(31)]]
    draw.line(fx, fill=ink, width=max(1, width - 1), joint="curve")


def draw_stamp(
    img: Image.Image, center: tuple[int, int], radius: int, lines: list[str], seed: int, shade: int = 120
) -> None:
    """A round rubber stamp (two rings, a star, centred text) multiplied onto the page."""
    rng = random.Random(seed)
    layer = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(layer)
    cx, cy = center
    ring = max(2, radius // 22)
    d.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=shade, width=ring)
    r2 = int(radius * 0.72)
    d.ellipse((cx - r2, cy - r2, cx + r2, cy + r2), outline=shade, width=max(1, ring // 2))
    fnt = font(max(8, radius // 6), bold=True, family="Sans")
    # text around the outer band, letter by letter
    label = lines[0]
    span = math.pi * 1.2
    gsize = max(8, radius // 6) * 2
    for i, ch in enumerate(label):
        a = math.pi + (math.pi - span) / 2 + span * (i + 0.5) / len(label)
        rx, ry = cx + (radius * 0.86) * math.cos(a), cy + (radius * 0.86) * math.sin(a)
        glyph = Image.new("L", (gsize, gsize), 0)
        ImageDraw.Draw(glyph).text((gsize / 2, gsize / 2), ch, font=fnt, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        layer.paste(shade, (round(rx - gsize / 2), round(ry - gsize / 2)), glyph)
    small = font(max(8, radius // 7), bold=True, family="Sans")
    for j, text in enumerate(lines[1:]):
        d.text(
            (cx, cy + (j - (len(lines) - 2) / 2) * radius * 0.25 + radius * 0.12),
            text,
            font=small,
            fill=shade,
            anchor="mm",
        )
    # star on top of the inner circle
    pts = []
    for k in range(10):
        rr = radius * (0.14 if k % 2 == 0 else 0.06)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy - radius * 0.35 + rr * math.sin(a)))
    d.polygon(pts, fill=shade)
    layer = layer.rotate(rng.uniform(-12, 12), center=center, fillcolor=255)
    img.paste(ImageChops.multiply(img, layer))


# --- typed and signed pages -------------------------------------------------------------


def typed_pages(
    lines: Lines,
    *,
    dpi: int,
    font_size_pt: float,
    seed: int,
    signatures: dict[str, list[list[str] | None]] | None = None,
) -> list[Image.Image]:
    """Render paginated lines; replace lines equal to a key of ``signatures`` (e.g. "ttd")
    by a hand signature, plus a stamp.

    ``signatures``: marker -> one entry per occurrence, in reading order: the
    stamp's text lines (first line runs around the rim) or None for no stamp.
    """
    out = []
    signatures = signatures or {}
    used = {k: 0 for k in signatures}
    for p, (text, bold, align) in enumerate(paginate_lines(lines, dpi=dpi, font_size_pt=font_size_pt)):
        marks = {i: text[i] for i, t in enumerate(text) if t in signatures}
        shown = ["" if i in marks else t for i, t in enumerate(text)]
        img = render_page(shown, dpi=dpi, font_size_pt=font_size_pt, seed=seed + p, bold_lines=bold, align=align)
        boxes = line_boxes(shown, dpi=dpi, font_size_pt=font_size_pt, seed=seed + p, bold_lines=bold, align=align)
        for i, marker in marks.items():
            if i not in boxes:
                continue
            x0, y0, _x1, y1 = boxes[i]
            h = (y1 - y0) * 3
            k = used[marker]
            used[marker] += 1
            stamps = signatures[marker]
            stamp = stamps[min(k, len(stamps) - 1)] if stamps else None
            if stamp:
                draw_stamp(img, (x0 - h // 5, y0 + (y1 - y0) // 2), int(h * 0.75), stamp, seed + 17 * k + p)
            draw_signature(img, (x0 + h // 4, y0 - h // 3, x0 + int(h * 2.8), y0 + int(h * 0.8)), seed + 17 * k + p)
        out.append(img)
    return out


def scan(
    pages: list[Image.Image], *, seed: int, noise: float = 0.035, blur: float = 0.7, max_rotate: float = 1.5
) -> list[Image.Image]:
    """Scanner damage for each page, with a per-page skew within ±max_rotate degrees."""
    rng = random.Random(seed)
    return [
        degrade(
            p, noise=noise, blur=blur, rotate_deg=round(rng.uniform(-max_rotate, max_rotate), 2), seed=seed * 100 + i
        )
        for i, p in enumerate(pages)
    ]


# --- attendance list ------------------------------------------------------------------


def daftar_hadir_page(rows: list[tuple[str, str]], *, dpi: int, seed: int, title: list[str]) -> Image.Image:
    """A printed attendance list filled in by hand-signed rows."""
    lines = title + [""]
    img = render_page(
        lines,
        dpi=dpi,
        font_size_pt=12,
        seed=seed,
        bold_lines=set(range(len(title) - 3)),
        align={i: "center" for i in range(len(title) - 3)},
    )
    boxes = line_boxes(lines, dpi=dpi, font_size_pt=12, seed=seed)
    d = ImageDraw.Draw(img)
    w, h = page_size(dpi)
    x0 = round(w * 0.10)
    x1 = round(w * 0.93)
    y = boxes[len(lines) - 1][3] + dpi // 10
    cols = [0.0, 0.06, 0.40, 0.76, 1.0]
    xs = [x0 + round((x1 - x0) * c) for c in cols]
    row_h = round(dpi * 0.42)
    fnt = font(round(10.5 * dpi / 72))
    fb = font(round(10.5 * dpi / 72), bold=True)
    header = ["No", "Nama", "Jabatan", "Tanda Tangan"]
    n = len(rows) + 1
    for r in range(n + 1):
        d.line((x0, y + r * row_h, x1, y + r * row_h), fill=0, width=max(1, dpi // 100))
    for x in xs:
        d.line((x, y, x, y + n * row_h), fill=0, width=max(1, dpi // 100))
    for c, text in enumerate(header):
        d.text(((xs[c] + xs[c + 1]) / 2, y + row_h / 2), text, font=fb, fill=0, anchor="mm")
    for r, (name, jab) in enumerate(rows, 1):
        yy = y + r * row_h + row_h / 2
        d.text(((xs[0] + xs[1]) / 2, yy), str(r), font=fnt, fill=0, anchor="mm")
        d.text((xs[1] + dpi // 20, yy), name, font=fnt, fill=0, anchor="lm")
        d.text((xs[2] + dpi // 20, yy), jab, font=fnt, fill=0, anchor="lm")
        sx = xs[3] + (dpi // 20 if r % 2 else (xs[4] - xs[3]) // 2)
        draw_signature(
            img,
            (sx, y + r * row_h + row_h // 8, sx + (xs[4] - xs[3]) // 2 - dpi // 20, y + (r + 1) * row_h - row_h // 8),
            seed * 31 + r,
            ink=25,
        )
    return img
