"""Indonesian dates in OCR'd text: "12 Maret 2024", "25 Januart202l", "1 Agt. 2021", "14-08-2025"."""

from __future__ import annotations

import difflib
import re
from datetime import date

from pipeline.judge.facts.text import YEAR_TOKEN, ocr_digits, year_of

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "mei": 5,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
    "dec": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "december": 12,
    "pebruari": 2,
    "nopember": 11,
}
DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}

# "12 Maret 2024", "25 Januart202l", "1 Agt. 2021"
DATE_WORDS = re.compile(r"(?<![0-9A-Za-z])([0-3]?[0-9OoIl])\s*([A-Za-z]{3,10})\.?\s*(" + YEAR_TOKEN + r")(?![0-9])")
PLACE_DATE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]{1,40}),\s*(.+?)\s*\.?\s*$")  # "Sukamaju, 20 Juni 2025"
_DATE_NUM = re.compile(r"(?<![0-9])([0-3]?[0-9])\s*[-/.]\s*([01]?[0-9])\s*[-/.]\s*((?:19|20)[0-9]{2})(?![0-9])")


def _month(word: str) -> int | None:
    w = word.lower().strip(".")
    if w in MONTHS:
        return MONTHS[w]
    if w in _MONTH_ABBR:
        return _MONTH_ABBR[w]
    if len(w) >= 4:
        best = difflib.get_close_matches(w, list(MONTHS), n=1, cutoff=0.72)
        if best:
            return MONTHS[best[0]]
    return None


def _mkdate(d: str, m: int | None, y: str) -> date | None:
    if m is None:
        return None
    dd, yy = ocr_digits(d), year_of(y)
    if not dd.isdigit() or yy is None:
        return None
    try:
        return date(yy, m, int(dd))
    except ValueError:
        return None


def dates_in(text: str, numeric: bool = False) -> list[tuple[int, date]]:
    """All dates in text with their positions; `numeric` also reads "14-08-2025"."""
    found = []
    for m in DATE_WORDS.finditer(text):
        dt = _mkdate(m.group(1), _month(m.group(2)), m.group(3))
        if dt:
            found.append((m.start(), dt))
    if numeric:
        for m in _DATE_NUM.finditer(text):
            try:
                found.append((m.start(), date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
            except ValueError:
                pass
    return sorted(found, key=lambda x: x[0])


def parse_date(text: str) -> date | None:
    """First Indonesian date in text ("12 Maret 2024", OCR-tolerant), else None."""
    found = dates_in(text, numeric=True)
    return found[0][1] if found else None
