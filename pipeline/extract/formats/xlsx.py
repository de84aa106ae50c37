"""XLSX (openpyxl, read-only, cached values): one page per worksheet.

A page is the sheet name on the first line, then one line per non-empty row
with the cell texts separated by tabs (trailing empty cells dropped). Numbers
that are whole print without ".0", dates as ISO dates; line breaks inside a
cell become spaces so that one row stays one line. Formulas give their cached
value (`data_only=True`); a file saved by a program that never calculated
them has no value there.

Zip bombs are refused from the ZIP directory (`check_zip`) before openpyxl
opens the workbook. The file's `Budget` is checked between sheets and every
`BUDGET_CHECK_ROWS` rows; when it runs out the rows read so far are kept with a
``timeout`` problem.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.extract import errors
from pipeline.extract.formats import Budget, Extracted, check_zip
from pipeline.model import Method, Page, Problem
from pipeline.settings import ExtractSettings

__all__ = ["cell_text", "extract_xlsx"]

EMPTY_SHEET_NOTE = "Lembar kerja ini kosong."
#: Rows read between two looks at the clock (a million empty rows take about a second).
BUDGET_CHECK_ROWS = 1000


def extract_xlsx(path: Path, settings: ExtractSettings, budget: Budget | None = None) -> Extracted:
    """One `Method.NATIVE` page per worksheet (chart sheets have no cells and are skipped)."""
    budget = budget or Budget(settings.file_timeout_s)
    check_zip(path, settings, "XLSX")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, etree.XMLSyntaxError) as e:
        raise errors.corrupt("XLSX", f"{type(e).__name__}: {e}") from e
    pages: list[Page] = []
    problems: list[Problem] = []
    try:
        sheets = workbook.worksheets
        if len(sheets) > settings.max_pages:
            problems.append(errors.too_many_pages(len(sheets), settings.max_pages))
        limit = min(len(sheets), settings.max_pages)
        for number, sheet in enumerate(sheets[:limit], start=1):
            if budget.expired:
                problems.append(errors.file_timeout(len(pages), limit, budget.seconds))
                break
            lines = [sheet.title]
            # Some writers store a wrong <dimension>; without this read-only mode stops there.
            sheet.reset_dimensions()
            cut = False
            for count, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append("\t".join(cells))
                if count % BUDGET_CHECK_ROWS == 0 and budget.expired:
                    cut = True
                    break
            note = EMPTY_SHEET_NOTE if len(lines) == 1 else None
            pages.append(Page(number, Method.NATIVE, "\n".join(lines), note=note))
            if cut:  # this sheet is cut short; the ones before it are whole
                problems.append(errors.file_timeout(len(pages) - 1, limit, budget.seconds))
                break
    finally:
        workbook.close()
    return Extracted(tuple(pages), tuple(problems))


def cell_text(value: object) -> str:
    """A cell value as the text a reader sees."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    return " ".join(text.split()) if any(ch in text for ch in "\t\r\n") else text.strip()
