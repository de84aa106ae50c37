"""The number and year of a legal instrument from its NOMOR line, and whether the number was left blank.

"NOMOR 81 TAHUN 2021", "NOMOR : 188.45/ 1689 /HK/2019", "N0MOR 22 TAHUN 2O19" (OCR); a draft leaves
the number blank or as a placeholder: "NOMOR      TAHUN 2021", "NOMOR ...... TAHUN 2021",
"188.45/      /HK/2024" (reference §7.3), "NOMOR : XXX TAHUN 2023", "Nomor: …/…/2023". The placeholder
marks are data (rules/common.yaml `draft_markers.placeholders`, compiled by `placeholder_pattern`); the
shapes of a blank (nothing but separators, an empty part between slashes) are here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.judge.facts.classify import Head, Kind
from pipeline.judge.facts.text import YEAR_TOKEN, fold, ocr_digits, year_of

_NOMOR_LINE = re.compile(
    r"^N[O0]M[O0E]R\s*(?:SOP|SURAT)?\s*[:.;]?\s*(?P<val>.*?)\s*(?:T\s*A\s*H\s*U\s*[NM]\s*:?\s*(?P<year>"
    + YEAR_TOKEN
    + r")?)?\s*(?:TENTANG)?\s*$",
    re.I,
)
_NOMOR_ALONE = re.compile(r"^N[O0]M[O0E]R\s*(?:SOP)?\s*[:.]?\s*$", re.I)  # the value is on the next line
_NOMOR_IN_TITLE = re.compile(  # "PERATURAN BUPATI X NOMOR 81 TAHUN 2021" on one line
    r"\bN[O0]M[O0E]R\s*:?\s*(?P<val>\S*?)\s*T\s*A\s*H\s*U\s*N\s+(?P<year>" + YEAR_TOKEN + r")", re.I
)
_PLACEHOLDER = re.compile(r"^[\s._\-…·:/]*$")
_EMPTY_PART = re.compile(r"/\s*/|/\s*$|^\s*/")  # "188.45/ /HK/2024", "/2024": a part left empty
NO_PLACEHOLDER = re.compile(r"(?!)")
_YEAR_AT_END = re.compile(r"(?:/|\b)((?:19|20)\d{2})\s*$")


@dataclass(frozen=True)
class InstrumentNumber:
    number: str | None
    year: int | None  # from "TAHUN yyyy" or the end of a classification-style number
    blank: bool  # the number was left blank: a draft
    placeholder: str | None = None  # the value as written when it holds a placeholder mark ("XXX", "…/…/2023")


NONE = InstrumentNumber(None, None, False)


def placeholder_pattern(marks: Iterable[str]) -> re.Pattern:
    """Any of the placeholder marks, standing alone (not inside a word or a number), without case; a mark of
    one repeated character also reads longer runs of it ("xx" reads "XXXX", "..." reads "......")."""
    parts = [
        re.escape(m[0]) + "{" + str(len(m)) + ",}" if len(set(m)) == 1 else re.escape(m)
        for m in sorted({m for m in marks if m}, key=lambda m: (-len(m), m))
    ]
    if not parts:
        return NO_PLACEHOLDER
    return re.compile(r"(?<![0-9A-Za-z])(?:" + "|".join(parts) + r")(?![0-9A-Za-z])", re.I)


def _clean_number(val: str, placeholder: re.Pattern) -> tuple[str | None, bool, str | None]:
    """(number, blank, placeholder as written) from the value after NOMOR."""
    v = val.strip().strip(":;,").strip()
    if placeholder.search(v):
        return None, True, " ".join(v.split())[:40]
    if _PLACEHOLDER.match(v) or _EMPTY_PART.search(v):
        return None, True, None
    v = re.sub(r"\s*([/.\-])\s*", r"\1", v)
    v = v.split()[0] if v.split() else v
    if re.fullmatch(r"[0-9OoIl]+[A-Za-z]?", v):
        suffix = v[-1] if v[-1].isalpha() and v[-1] not in "OoIl" else ""  # "57A": a letter suffix stays
        v = ocr_digits(v[:-1] if suffix else v) + suffix
    if not re.search(r"[0-9]", v):
        return None, False, None  # unreadable, not blank
    return v, False, None


def read_number(head: Head, kind: Kind, placeholder: re.Pattern = NO_PLACEHOLDER) -> InstrumentNumber:
    """From the first NOMOR line of the title zone; a screenshot has none. `placeholder`: the marks of a
    value still to be filled in (`placeholder_pattern`)."""
    if kind.doc_type == "screenshot":
        return NONE
    start = kind.title_index or 0
    end = min(len(head.lines), max(head.zone_end, start + 6))
    for i in range(start, end):
        line = head.lines[i]
        m = _NOMOR_LINE.match(line)
        if m and not (m.group("val") or "").strip() and not m.group("year"):
            m = None  # "NOMOR :" with the value on the next line
        if not m and _NOMOR_ALONE.match(line) and i + 1 < end:
            nxt = head.lines[i + 1]
            if re.fullmatch(r"[\w./\-: ]{1,40}", nxt) and re.search(r"\d", nxt):
                m = _NOMOR_LINE.match("NOMOR " + nxt)
            elif re.match(r"^(?:TENTANG|TANGGAL)\b", fold(nxt)):
                return InstrumentNumber(None, None, True)  # "NOMOR :" followed directly by TENTANG: left blank
        if not m:
            m2 = _NOMOR_IN_TITLE.search(line)
            if m2 and i == kind.title_index:
                m = m2
            else:
                continue
        val, year = m.group("val") or "", year_of(m.group("year"))
        if re.search(r"\b(?:TAHUN|TENTANG)\b", val, re.I) or len(re.sub(r"\s*([/.\-])\s*", r"\1", val).split()) > 2:
            continue  # a wrapped citation ("Nomor 59 Tahun 2020 tentang …"), not this document's number
        number, blank, mark = _clean_number(val, placeholder)
        if year is None:
            tail = _YEAR_AT_END.search(number or val)
            year = int(tail.group(1)) if tail else None
        return InstrumentNumber(number, year, blank, mark)
    return NONE
