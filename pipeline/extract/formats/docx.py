"""DOCX (python-docx): the whole document as one page, in reading order.

The body XML is walked child by child, so paragraphs and tables come out in
the order a reader sees them (not all paragraphs, then all tables). Content
controls (``w:sdt``) and text boxes are included; deleted revisions and the
fallback copy of drawings (``mc:Fallback``) are not. A table row is one line of
tab-separated cells. Section headers come first and footers last, each
distinct text once (sections usually repeat or link them).

Zip bombs are refused from the ZIP directory (`check_zip`) before python-docx
reads any part (it loads every part into memory); a file gone before it is
opened is `FileNotFoundError` (``vanished``), not a corrupt DOCX.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from pipeline.extract import errors
from pipeline.extract.formats import Budget, Extracted, check_zip
from pipeline.model import Method, Page
from pipeline.settings import ExtractSettings

__all__ = ["docx_text", "extract_docx"]

EMPTY_NOTE = "Dokumen tidak berisi teks."

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_TXBX, W_DEL = qn("w:txbxContent"), qn("w:del")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W_TXBX, W_DEL, MC_FALLBACK}


def extract_docx(path: Path, settings: ExtractSettings, budget: Budget | None = None) -> Extracted:
    """One `Method.NATIVE` page with headers, body (paragraphs and tables in order) and footers."""
    if not path.exists():  # python-docx reports a missing file as a bad package
        raise FileNotFoundError(f"No such file: {path}")
    check_zip(path, settings, "DOCX")
    text = docx_text(path)
    return Extracted((Page(1, Method.NATIVE, text, note=None if text.strip() else EMPTY_NOTE),))


def docx_text(path: Path) -> str:
    try:
        document = open_docx(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise errors.corrupt("DOCX", f"{type(e).__name__}: {e}") from e
    headers, footers = _headers_and_footers(document)
    body = list(_block_lines(document.element.body))
    return "\n".join(_squeeze(headers + body + footers))


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Lines of a block container (body, cell, header, text box, content control) in order."""
    for child in container:
        tag = child.tag
        if tag == W_P:
            yield _paragraph_text(child)
            for box in _text_boxes(child):
                yield from _block_lines(box)
        elif tag == W_TBL:
            yield from _table_lines(child)
        elif tag == W_SDT:
            for content in child.iterchildren(W_SDT_CONTENT):
                yield from _block_lines(content)
        elif tag == W_CUSTOM_XML:
            yield from _block_lines(child)


def _paragraph_text(p: etree._Element) -> str:
    """Run text of a paragraph, hyperlinks / inline content controls / insertions included."""
    parts: list[str] = []
    for el in p.iter(W_T, W_TAB, W_BR, W_CR):
        if _inside_skipped(el, p):
            continue
        if el.tag == W_T:
            parts.append(el.text or "")
        elif el.tag == W_TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _inside_skipped(el: etree._Element, stop: etree._Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in _SKIP:
            return True
    return False


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Outermost text boxes anchored in the paragraph (not the mc:Fallback duplicates)."""
    for box in p.iter(W_TXBX):
        if not _inside_skipped(box, p):
            yield box


def _table_lines(tbl: etree._Element) -> Iterator[str]:
    for row in tbl.iterchildren(W_TR):
        cells = [" ".join(line.strip() for line in _block_lines(tc) if line.strip()) for tc in _row_cells(row)]
        if any(cells):
            yield "\t".join(cells).rstrip("\t")


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == W_TC:
            yield child
        elif child.tag == W_SDT:  # a content control around cells
            for content in child.iterchildren(W_SDT_CONTENT):
                yield from content.iterchildren(W_TC)


def _headers_and_footers(document) -> tuple[list[str], list[str]]:
    """Distinct header and footer texts of all sections (linked ones are read once, where defined)."""
    seen: set[str] = set()
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for parts, out in (
            ((section.header, section.first_page_header, section.even_page_header), headers),
            ((section.footer, section.first_page_footer, section.even_page_footer), footers),
        ):
            for part in parts:
                if part.is_linked_to_previous:  # no definition of its own: nothing new to read
                    continue
                text = "\n".join(_squeeze(list(_block_lines(part._element))))
                if text and text not in seen:
                    seen.add(text)
                    out.append(text)
    return headers, footers


def _squeeze(lines: list[str]) -> list[str]:
    """Drop trailing spaces and runs of empty lines (one empty line is kept between blocks)."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
