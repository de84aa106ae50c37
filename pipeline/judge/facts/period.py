"""Which years a document covers, and its year when no NOMOR … TAHUN gives one.

A plan names its years in its title ("TAHUN 2024-2028"), a budget its "Tahun Anggaran", a report its
"Periode"; minutes carry the meeting's "Hari/Tanggal", lists a "Keadaan per …" date, and most
documents a signature line "Sukamaju, 20 Juni 2025". Instruments take only their title's years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.judge.facts.classify import Kind
from pipeline.judge.facts.dates import DAYS, PLACE_DATE, dates_in, parse_date
from pipeline.judge.facts.status import Promulgation
from pipeline.judge.facts.text import YEAR_TOKEN, year_of

_RANGE = re.compile(  # "2024-2028", "2019 s.d. 2024", "2021 sampai dengan 2023"
    r"(?<!\d)((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*((?:19|20)\d{2})(?!\d)", re.I
)
_TITLE_YEAR = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s+(" + YEAR_TOKEN + r")", re.I)
_BUDGET_YEAR = re.compile(r"\b(?:TAHUN\s+ANGGARAN|T\.?A\.?)\s*:?\s*(" + YEAR_TOKEN + r")\b", re.I)
_PERIOD = re.compile(r"\bPERIODE\b[^\n]{0,40}", re.I)
_DATE_AT_END = re.compile(r",\s*([0-3]?[0-9]\s+[A-Za-z]{3,10}\.?\s*" + YEAR_TOKEN + r")\s*\.?\s*$")
_MEETING = re.compile(r"Hari\s*/?\s*Tanggal\s*:?\s*([^\n]*)", re.I)
_AS_OF = re.compile(
    r"\b(?:Keadaan|Posisi|Per|Tanggal\s+(?:Pembuatan|Efektif|Dokumen))\s*:?\s*(?:per\s+)?"
    r"([0-3]?[0-9]\s+[A-Za-z]{3,10}\s+" + YEAR_TOKEN + ")",
    re.I,
)
MAX_SPAN = 10  # a year range wider than this is not a period ("2014-2099" in a table)


@dataclass(frozen=True)
class DocumentDates:
    title_years: tuple[int, ...]
    own: date | None  # the document's own signature/creation line
    meeting: date | None  # "Hari/Tanggal" of minutes and attendance lists
    as_of: date | None  # "Keadaan per …", "Tanggal Efektif …"
    screen: tuple[date, ...]  # every date a screenshot shows


def _span(m: re.Match) -> list[int]:
    a, b = int(m.group(1)), int(m.group(2))
    return list(range(a, b + 1)) if 0 < b - a <= MAX_SPAN else []


def years_in_title(title: str) -> list[int]:
    years: list[int] = []
    for m in _RANGE.finditer(title):
        years.extend(_span(m))
    for m in _TITLE_YEAR.finditer(title):
        y = year_of(m.group(1))
        if y:
            years.append(y)
    return years


def _signature_date(text: str) -> date | None:
    """Date of the document's own signature/creation line ('Sukamaju, 20 Juni 2025'); the last one wins."""
    last = None
    for line in text.splitlines():
        m = PLACE_DATE.match(line)
        if m and m.group(1).split()[0].lower() not in DAYS:
            d = dates_in(m.group(2))
            if d and d[0][0] == 0:
                last = d[0][1]
                continue
        m = _DATE_AT_END.search(line)
        if m:
            d = dates_in(m.group(1))
            if d:
                last = d[0][1]
    return last


def read_dates(text: str, title: str, kind: Kind) -> DocumentDates:
    if kind.doc_type == "screenshot":
        return DocumentDates((), None, _meeting(text), _as_of(text), tuple(d for _, d in dates_in(text, numeric=True)))
    return DocumentDates(tuple(years_in_title(title)), _signature_date(text), _meeting(text), _as_of(text), ())


def _meeting(text: str) -> date | None:
    m = _MEETING.search(text)
    return parse_date(m.group(1)) if m else None


def _as_of(text: str) -> date | None:
    m = _AS_OF.search(text)
    return parse_date(m.group(1)) if m else None


def period_years(text: str, kind: Kind, dates: DocumentDates, enacted: date | None) -> tuple[int, ...]:
    """The years a document covers; an instrument (or its Lampiran) only those of its title."""
    period: set[int] = set(dates.title_years)
    if kind.instrument is None:
        for m in _BUDGET_YEAR.finditer(text):
            y = year_of(m.group(1))
            if y:
                period.add(y)
        for m in _PERIOD.finditer(text):
            for r in _RANGE.finditer(m.group(0)):
                period.update(_span(r))
            period.update(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", m.group(0)))
        period.update(d.year for d in (dates.meeting, dates.own, dates.as_of, enacted) if d)
        period.update(d.year for d in dates.screen)
    return tuple(sorted(period))


def fallback_year(kind: Kind, dates: DocumentDates, promulgation: Promulgation) -> int | None:
    """The year of a document without "NOMOR … TAHUN yyyy", from its dates."""
    title_year = dates.title_years[0] if dates.title_years else None
    enacted = _year(promulgation.enacted)
    candidates: list[int | None]
    if kind.instrument:
        candidates = [enacted, next((y for y in promulgation.berita_years if y), None), title_year]
    elif kind.doc_type == "screenshot":
        candidates = [max(d.year for d in dates.screen) if dates.screen else None]
    else:
        candidates = [enacted, _year(dates.own), _year(dates.meeting), _year(dates.as_of), title_year]
    return next((c for c in candidates if c), None)


def _year(d: date | None) -> int | None:
    return d.year if d else None
