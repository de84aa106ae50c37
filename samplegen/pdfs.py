"""PDF writers: text-layer documents (reportlab Platypus), image-only scans, mixed files.

All files are written with ``invariant=1`` so regenerating gives the same bytes
(fixed creation date and document ID).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from samplegen.model import Blk, Doc
from samplegen.render import FONT_DIR

F4 = (215 * mm, 330 * mm)
PAGES = {"F4": F4, "A4": A4}
MARGINS = (25 * mm, 20 * mm, 20 * mm, 20 * mm)  # left, top, right, bottom

_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for fam in ("Serif", "Sans"):
        base = f"DejaVu{fam}"
        ital = "Italic" if fam == "Serif" else "Oblique"
        pdfmetrics.registerFont(TTFont(base, str(FONT_DIR / f"{base}.ttf")))
        pdfmetrics.registerFont(TTFont(f"{base}-Bold", str(FONT_DIR / f"{base}-Bold.ttf")))
        pdfmetrics.registerFont(TTFont(f"{base}-Italic", str(FONT_DIR / f"{base}-{ital}.ttf")))
        pdfmetrics.registerFont(TTFont(f"{base}-BoldItalic", str(FONT_DIR / f"{base}-Bold{ital}.ttf")))
        pdfmetrics.registerFontFamily(
            base, normal=base, bold=f"{base}-Bold", italic=f"{base}-Italic", boldItalic=f"{base}-BoldItalic"
        )
    _registered = True


def _styles(size: float) -> dict[str, ParagraphStyle]:
    lead = size * 1.45
    base = ParagraphStyle("base", fontName="DejaVuSerif", fontSize=size, leading=lead, alignment=TA_JUSTIFY)
    return {
        "para": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "heading": ParagraphStyle("heading", parent=base, alignment=TA_LEFT, fontName="DejaVuSerif-Bold"),
        "cell": ParagraphStyle("cell", parent=base, fontName="DejaVuSans", alignment=TA_LEFT),
    }


def _p(text: str, style: ParagraphStyle, bold: bool = False, **kw) -> Paragraph:
    t = escape(text)
    if bold:
        t = f"<b>{t}</b>"
    if kw:
        style = ParagraphStyle(f"{style.name}-x", parent=style, **kw)
    return Paragraph(t, style)


def _line(text: str, style: ParagraphStyle, size: float, bold: bool = False, **kw) -> Flowable:
    """One line of a signature/left block; an empty line keeps its height (room for a signature)."""
    return _p(text, style, bold, **kw) if text else Spacer(1, size * 1.45)


class Kop(Flowable):
    """Letterhead: an emblem, centred office lines and a double rule."""

    def __init__(self, office: tuple[str, ...], address: str, width: float):
        super().__init__()
        self.office, self.address, self.width = office, address, width
        self.height = 30 * mm

    def wrap(self, aw, ah):
        self.width = aw
        return aw, self.height

    def draw(self):
        c = self.canv
        draw_emblem(c, 12 * mm, self.height - 14 * mm, 11 * mm)
        cx = self.width / 2 + 8 * mm
        y = self.height - 6 * mm
        for i, line in enumerate(self.office):
            size = 13 if i == 0 else 15
            while pdfmetrics.stringWidth(line, "DejaVuSerif-Bold", size) > self.width - 30 * mm:
                size -= 0.5
            c.setFont("DejaVuSerif-Bold", size)
            c.drawCentredString(cx, y, line)
            y -= size * 0.45 * mm + 1.5 * mm
        size = 8.0
        while size > 5.5 and pdfmetrics.stringWidth(self.address, "DejaVuSerif", size) > self.width - 30 * mm:
            size -= 0.25
        c.setFont("DejaVuSerif", size)
        c.drawCentredString(cx, y - 0.5 * mm, self.address)
        c.setLineWidth(2)
        c.line(0, 2.2 * mm, self.width, 2.2 * mm)
        c.setLineWidth(0.6)
        c.line(0, 1.1 * mm, self.width, 1.1 * mm)


def draw_emblem(c, x: float, y: float, h: float) -> None:
    """A simple city emblem (shield, star, ribbon) centred at (x, y) with height h."""
    w = h * 0.8
    c.saveState()
    c.setLineWidth(1)
    p = c.beginPath()
    p.moveTo(x - w / 2, y + h / 2)
    p.lineTo(x + w / 2, y + h / 2)
    p.lineTo(x + w / 2, y)
    p.curveTo(x + w / 2, y - h * 0.3, x + w * 0.1, y - h * 0.45, x, y - h / 2)
    p.curveTo(x - w * 0.1, y - h * 0.45, x - w / 2, y - h * 0.3, x - w / 2, y)
    p.close()
    c.setFillColor(colors.Color(0.85, 0.85, 0.85))
    c.drawPath(p, stroke=1, fill=1)
    c.setFillColor(colors.black)
    pts = []
    for k in range(10):
        r = h * (0.18 if k % 2 == 0 else 0.075)
        a = math.pi / 2 + k * math.pi / 5
        pts.append((x + r * math.cos(a), y + h * 0.12 + r * math.sin(a)))
    sp = c.beginPath()
    sp.moveTo(*pts[0])
    for pt in pts[1:]:
        sp.lineTo(*pt)
    sp.close()
    c.drawPath(sp, stroke=0, fill=1)
    c.setLineWidth(0.8)
    for k in range(3):
        yy = y - h * 0.12 - k * h * 0.08
        c.line(x - w * 0.3, yy, x + w * 0.3, yy)
    c.restoreState()


class FullPageImage(Flowable):
    """Marker flowable: the page template draws the image; this just fills the frame."""

    def __init__(self):
        super().__init__()

    def wrap(self, aw, ah):
        return aw, 1

    def draw(self):
        pass


def blocks_to_flowables(doc: Doc, width: float) -> list[Flowable]:
    st = _styles(doc.font_size)
    size = doc.font_size
    out: list[Flowable] = []
    pending_labeled: list[Blk] = []

    def flush_labeled():
        if not pending_labeled:
            return
        lw, cw, mw = 28 * mm, 4 * mm, 9 * mm
        data, spans = [], []
        for r, b in enumerate(pending_labeled):
            label = _p(b.label, st["left"])
            colon = _p(":" if b.label else "", st["left"])
            if b.marker:
                data.append([label, colon, _p(b.marker, st["left"]), _p(b.text, st["para"])])
            else:
                data.append([label, colon, _p(b.text, st["para"]), ""])
                spans.append(("SPAN", (2, r), (3, r)))
        t = Table(data, colWidths=[lw, cw, mw, width - lw - cw - mw])
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
                + spans
            )
        )
        t.hAlign = "LEFT"
        out.append(t)
        pending_labeled.clear()

    for b in doc.blocks:
        if b.kind == "labeled":
            pending_labeled.append(b)
            continue
        flush_labeled()
        if b.kind == "center":
            kw = {"fontSize": b.size, "leading": b.size * 1.35} if b.size else {}
            if b.bold or b.text.startswith(("Pasal ", "Paragraf ")):
                kw["keepWithNext"] = 1  # headings stay with the text below them
            out.append(_p(b.text, st["center"], b.bold, **kw))
        elif b.kind == "para":
            out.append(_p(b.text, st["para"], b.bold, leftIndent=b.level * 9 * mm, spaceAfter=1))
        elif b.kind == "heading":
            out.append(_p(b.text, st["heading"], spaceBefore=3, spaceAfter=2, keepWithNext=1))
        elif b.kind == "item":
            ind = (b.level + 1) * 9 * mm
            out.append(
                Paragraph(
                    escape(b.text),
                    ParagraphStyle(
                        "item",
                        parent=st["para"],
                        leftIndent=ind,
                        bulletIndent=ind - 9 * mm,
                        spaceAfter=1,
                        bulletFontName="DejaVuSerif",
                        bulletFontSize=size,
                    ),
                    bulletText=b.marker,
                )
            )
        elif b.kind == "sign":
            out.append(
                KeepTogether(
                    [_line(line, st["left"], size, line.isupper(), leftIndent=width * 0.52) for line in b.rows]
                )
            )
        elif b.kind == "left":
            out.append(KeepTogether([_line(line, st["left"], size) for line in b.rows]))
        elif b.kind == "space":
            out.append(Spacer(1, size * 0.9 * b.level))
        elif b.kind == "pagebreak":
            out.append(PageBreak())
        elif b.kind == "kop":
            out.append(Kop(b.rows, b.text, width))
            out.append(Spacer(1, 4 * mm))
        elif b.kind == "table":
            csize = b.size or 9
            cell = ParagraphStyle("c", parent=st["cell"], fontSize=csize, leading=csize * 1.3)
            head = ParagraphStyle("h", parent=cell, fontName="DejaVuSans-Bold", alignment=TA_CENTER)
            total = sum(b.widths)
            data = [[_p(str(v), head if (r == 0 and b.bold) else cell) for v in row] for r, row in enumerate(b.rows)]
            t = Table(data, colWidths=[width * w / total for w in b.widths], repeatRows=1 if b.bold else 0)
            style = [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
            if b.bold:
                style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)))
            t.setStyle(TableStyle(style))
            out.append(t)
            out.append(Spacer(1, 2 * mm))
        elif b.kind == "scanpage":
            out += [NextPageTemplate(f"scan:{b.text}"), PageBreak(), FullPageImage()]
        else:
            raise ValueError(f"unknown block kind {b.kind!r}")
    flush_labeled()
    return out


def write_text_pdf(
    doc: Doc,
    path: Path,
    *,
    scans: dict[str, Image.Image] | None = None,
    encrypt_password: str | None = None,
) -> None:
    """Write ``doc`` as a text-layer PDF; ``scanpage`` blocks insert full-page images from ``scans``."""
    register_fonts()
    pagesize = PAGES[doc.page]
    left, top, right, bottom = MARGINS
    enc = (
        StandardEncryption(encrypt_password, ownerPassword=encrypt_password + "-owner", strength=128)
        if encrypt_password
        else None
    )
    tpl = BaseDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=doc.title,
        author=doc.author,
        subject=doc.subject,
        creator="Microsoft Word",
        invariant=1,
        encrypt=enc,
    )
    frame = Frame(
        left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom, id="body", leftPadding=0, rightPadding=0
    )

    def decorate(c, d):
        c.saveState()
        if doc.page_numbers and d.page > 1:
            c.setFont("DejaVuSerif", doc.font_size)
            c.drawCentredString(pagesize[0] / 2, pagesize[1] - 12 * mm, f"- {d.page} -")
        if doc.footer:
            c.setFont("DejaVuSans", 7)
            c.setFillColor(colors.Color(0.45, 0.45, 0.45))
            c.drawString(left, 9 * mm, doc.footer)
        c.restoreState()

    templates = [PageTemplate(id="body", frames=[frame], onPage=decorate)]
    for key, img in (scans or {}).items():
        templates.append(
            PageTemplate(
                id=f"scan:{key}",
                frames=[Frame(0, 0, pagesize[0], pagesize[1], id=f"f{key}")],
                onPage=_image_page_painter(img, pagesize),
                autoNextPageTemplate="body",
            )
        )
    tpl.addPageTemplates(templates)
    tpl.build(blocks_to_flowables(doc, pagesize[0] - left - right))


def _jpeg_reader(img: Image.Image, quality: int) -> ImageReader:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True, dpi=(200, 200))
    buf.seek(0)
    return ImageReader(buf)


def _image_page_painter(img: Image.Image, pagesize) -> Callable:
    reader = _jpeg_reader(img, 55)

    def paint(c, d):
        c.drawImage(reader, 0, 0, width=pagesize[0], height=pagesize[1])

    return paint


def write_image_pdf(
    pages: list[Image.Image],
    path: Path,
    *,
    quality: int = 55,
    title: str = "",
    producer_note: str = "",
    pagesize=A4,
) -> None:
    """An image-only PDF (what a scanner writes): one JPEG per page, no text layer.

    Each image fills the page; ``pagesize`` is in points (A4 default). Grey
    images are embedded as grayscale JPEG (DCTDecode).
    """
    c = rl_canvas.Canvas(str(path), pagesize=pagesize, invariant=1, pageCompression=0)
    c.setTitle(title)
    c.setCreator(producer_note or "Scanner")
    for img in pages:
        w, h = pagesize
        if (img.width > img.height) != (w > h):
            w, h = h, w
        c.setPageSize((w, h))
        c.drawImage(_jpeg_reader(img, quality), 0, 0, width=w, height=h)
        c.showPage()
    c.save()
