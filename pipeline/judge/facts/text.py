"""Small text helpers of the facts steps: spacing, OCR-tolerant upper case, lines, digits and years."""

from __future__ import annotations

import re

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_ZERO_IN_WORD = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])")
_ONE_IN_WORD = re.compile(r"(?<=[A-Z])[1|!]|[1|!](?=[A-Z])")
_LINE_DECORATION = re.compile(r"^[|\[\]{}•*~\"'“”‘’_=»«]+\s*")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1", "S": "5", "s": "5"})

YEAR_TOKEN = r"[12][0-9OoIl]{3}"  # a year as OCR may read it ("2O19", "202l")
HEAD_LINES = 40  # the letterhead and title block lie within the first lines of a document


def squeeze(text: str) -> str:
    return " ".join(text.split())


def fold(line: str) -> str:
    """Upper case, single spaces, OCR digit confusions inside words fixed (W4L1KOTA -> WALIKOTA)."""
    s = squeeze(line).upper()
    # a 0/1 touching letters is almost always an O/I in a keyword
    if "0" in s:
        s = _ZERO_IN_WORD.sub("O", s)
    if "1" in s or "|" in s or "!" in s:
        s = _ONE_IN_WORD.sub("I", s)
    return s


def lines_of(text: str) -> list[str]:
    """Non-empty lines, single-spaced, without the table borders and bullets OCR leaves at their start."""
    out = []
    for raw in text.splitlines():
        s = _WS.sub(" ", raw).strip()
        s = _LINE_DECORATION.sub("", s).strip()
        if s:
            out.append(s)
    return out


def ocr_digits(token: str) -> str:
    """OCR-tolerant digits: O/o -> 0, I/l/| -> 1, S -> 5 (only call on number-shaped tokens)."""
    return token.translate(_OCR_DIGITS)


def year_of(token: str | None) -> int | None:
    """The year a token reads as (OCR-tolerant), if it is one between 1945 and 2099."""
    if not token:
        return None
    t = ocr_digits(token)
    if t.isdigit() and 1945 <= int(t) <= 2099:
        return int(t)
    return None
