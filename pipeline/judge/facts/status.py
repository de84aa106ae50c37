"""Enacted and signed, or still a draft: the signature and promulgation blocks and the draft markers.

An enacted regulation carries its number, the date after "Ditetapkan di … pada tanggal", a signature
marker ("ttd", "Cap/dto") and a filled Berita Daerah footer; a draft has RANCANGAN above the title and
these left blank or holding a placeholder ("XXX", "XX XXX 2023", "……"; reference §7.1, §7.3, §7.4). The
marker words and placeholder marks come from rules/common.yaml (`draft_markers`, `signature_markers`); the
shapes of the blocks are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.judge.facts.classify import Head, Kind
from pipeline.judge.facts.dates import DATE_WORDS, DAYS, PLACE_DATE, dates_in, parse_date
from pipeline.judge.facts.numbers import InstrumentNumber, placeholder_pattern
from pipeline.judge.facts.phrases import alternation, fragments, spellings
from pipeline.judge.facts.text import YEAR_TOKEN, fold, year_of
from pipeline.rules import Common

_DITETAPKAN = re.compile(  # "Ditetapkan di Lamongan / pada tanggal 12 Maret 2021": group 1 that line, 2 the next
    r"(?:Ditetapkan|Disahkan)\s+d[i1l]\b[^\n]*\n?\s*(?:pada\s+)?tanggal\s*:?[ \t]*([^\n]*)(?:\n([^\n]*))?", re.I
)
_BERITA = re.compile(
    r"^\s*(?:BERITA|LEMBARAN)\s+DAERAH\s+(?:KOTA|KABUPATEN|KAB\.?|PROVINSI)\b[A-Z .]*?\bTAHUN\b\s*("
    + YEAR_TOKEN
    + r")?\s*(?:N[O0]M[O0]R\b\s*:?\s*([0-9OIl]+[A-Z]?)?)?",
    re.M,
)
_SIGNER = re.compile(r"\bNIP\b|^[A-Z][A-Z .,']{4,}$")  # an NIP or a name in capitals under the office
# what the draft markers say in Facts.draft_markers (and so in the draft flag)
WATERMARK, BLANK_NUMBER, BLANK_DATE, BLANK_BERITA = "DRAFT", "nomor kosong", "tanggal kosong", "berita daerah kosong"
PARAF, FILE_NAME = "paraf koordinasi", "nama berkas"
NUMBER_PLACEHOLDER, DATE_PLACEHOLDER = "nomor belum diisi", "tanggal belum diisi"  # + the placeholder as written


@dataclass(frozen=True)
class StatusWords:
    """The draft and signature vocabulary of rules/common.yaml, compiled."""

    draft_line: re.Pattern  # a draft word opening a folded title-block line; group 1 the word, group 2 the rest
    instrument_opening: re.Pattern  # what may follow it: the first word of an instrument title
    watermark: re.Pattern  # a folded line that is only a watermark word
    paraf: re.Pattern
    draft_file: re.Pattern  # a lower-case file name naming a draft
    signed: re.Pattern  # a signature marker in the text
    certified_copy: re.Pattern
    copy_heading: re.Pattern  # a folded line that is only the copy heading (SALINAN)
    placeholder: re.Pattern  # a mark typed where a number or date is still to be filled in ("XXX", "…")


def status_words(common: Common) -> StatusWords:
    syn, draft, sign = common.synonyms, common.draft_markers, common.signature_markers
    titles = [p for t in common.regulation_types for p in common.doc_types[t].title]
    openings = {s.split()[0] for s in spellings(titles, syn)}
    return StatusWords(
        draft_line=re.compile(rf"^({alternation(draft.before_title, syn, upper=True)})\b\s*:?\s*(.*)$"),
        instrument_opening=re.compile(alternation(sorted(openings), {}, upper=True) + r"\b"),
        watermark=re.compile(rf"\s*{alternation(draft.watermark, syn, upper=True)}\s*"),
        paraf=re.compile(rf"\b{alternation(draft.paraf, syn)}\b", re.I),
        draft_file=re.compile(r"(?:^|[/\\._\-\s\d])" + fragments(draft.file_name)),
        signed=re.compile(rf"(?<![A-Za-z]){alternation(sign.signed, syn)}\.?(?![A-Za-z])", re.I),
        certified_copy=re.compile(rf"\b{alternation(sign.certified_copy, syn)}\b", re.I),
        copy_heading=re.compile(alternation(sign.copy_heading, syn, upper=True)),
        placeholder=placeholder_pattern(draft.placeholders),
    )


@dataclass(frozen=True)
class Promulgation:
    """The signature and promulgation blocks of an instrument."""

    enacted: date | None  # the date after "Ditetapkan di … pada tanggal"
    date_blank: bool  # that date was left blank (or only its year filled)
    berita_years: tuple[int | None, ...]  # years of the Berita/Lembaran Daerah footers
    berita_filled: bool  # a footer with year and number
    berita_blank: bool  # footers, none of them filled


def _enacted(text: str) -> tuple[date | None, bool]:
    """(date after 'Ditetapkan di … pada tanggal', blank)."""
    m = _DITETAPKAN.search(text)
    if not m:
        return None, False
    dt = parse_date(m.group(1))
    if dt is None and not m.group(1).strip() and m.group(2):
        dt = parse_date(m.group(2)) if DATE_WORDS.match(m.group(2).strip()) else None
    return dt, dt is None


def _date_placeholder(text: str, placeholder: re.Pattern) -> str | None:
    """The date after 'Ditetapkan di … pada tanggal' as written when it holds a placeholder ("XX XXX 2023")."""
    m = _DITETAPKAN.search(text)
    if not m:
        return None
    value = m.group(1).strip() or (m.group(2) or "").strip()
    if len(value) > 40 or not placeholder.search(value):
        return None
    return " ".join(value.split())


def read_promulgation(text: str, kind: Kind) -> Promulgation:
    enacted, date_blank = _enacted(text) if kind.doc_type != "screenshot" else (None, False)
    berita = [(m.group(1), m.group(2)) for m in _BERITA.finditer(text)]
    filled = any(year_of(y) and n for y, n in berita)
    return Promulgation(enacted, date_blank, tuple(year_of(y) for y, _ in berita), filled, bool(berita) and not filled)


@dataclass(frozen=True)
class DraftMarkers:
    found: tuple[str, ...]  # what marks the document as a draft, in the words of the draft flag
    strong: bool  # a draft word or a blank number: a draft whatever else the document shows


def _draft_word(head: Head, kind: Kind, text: str, words: StatusWords) -> str | None:
    """RANCANGAN/DRAFT/KONSEP alone on a title-block line or before the title; else a watermark line."""
    if kind.doc_type != "screenshot":
        zone = head.folded[: min(len(head.folded), max(head.zone_end, (kind.title_index or 0) + 1))]
        for f in zone:
            m = words.draft_line.match(f)
            if m and (not m.group(2) or words.instrument_opening.match(m.group(2))):
                return m.group(1)
    if any(words.watermark.fullmatch(fold(x)) for x in text.splitlines()):
        return WATERMARK
    return None


def draft_markers(
    head: Head,
    kind: Kind,
    number: InstrumentNumber,
    promulgation: Promulgation,
    text: str,
    flat: str,
    file_name: str,
    words: StatusWords,
) -> DraftMarkers:
    word = _draft_word(head, kind, text, words)
    found = [word] if word else []
    date_mark = _date_placeholder(text, words.placeholder) if kind.instrument and promulgation.date_blank else None
    if kind.instrument and number.blank:
        found.append(f'{NUMBER_PLACEHOLDER} "{number.placeholder}"' if number.placeholder else BLANK_NUMBER)
    if date_mark:
        found.append(f'{DATE_PLACEHOLDER} "{date_mark}"')
    elif kind.instrument and promulgation.date_blank:
        found.append(BLANK_DATE)
    if kind.instrument and promulgation.berita_blank:
        found.append(BLANK_BERITA)
    if words.paraf.search(flat):
        found.append(PARAF)
    if number.number is None and words.draft_file.search(file_name.lower()):
        found.append(FILE_NAME)
    # a draft word, a blank number or a date holding a placeholder: a draft whatever else the document shows
    # (a date merely left blank stays a weak marker: a numbered copy with a signature marker outweighs it)
    strong = bool(word) or bool(date_mark) or (bool(kind.instrument) and number.blank)
    return DraftMarkers(tuple(dict.fromkeys(found)), strong)


def _signature_block(text: str) -> bool:
    """A place-and-date line followed by an office ending in a comma and a signer (NIP or name in capitals)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = PLACE_DATE.match(line)
        if not m or m.group(1).split()[0].lower() in DAYS or not dates_in(m.group(2)):
            continue
        after = [a.strip() for a in lines[i + 1 : i + 14]]
        if any(re.search(r",\s*$", a) for a in after) and any(_SIGNER.search(a) for a in after):
            return True
    return False


def signed_or_draft(
    head: Head,
    kind: Kind,
    number: InstrumentNumber,
    promulgation: Promulgation,
    markers: DraftMarkers,
    text: str,
    flat: str,
    words: StatusWords,
) -> bool | None:
    """True signed/enacted, False a draft, None when the document does not say (lists, screenshots)."""
    if kind.doc_type in ("screenshot", "daftar_hadir"):
        return None
    ttd = bool(words.signed.search(text))
    if kind.instrument:
        copy = bool(words.certified_copy.search(flat)) or any(words.copy_heading.fullmatch(f) for f in head.folded[:3])
        evidence = ttd or promulgation.enacted is not None or promulgation.berita_filled or copy
        if markers.strong:
            return False
        if number.number:
            return True if evidence or not markers.found else False
        if evidence:
            return True
        return False if markers.found else None
    if markers.strong:
        return False
    if ttd or _signature_block(text) or promulgation.enacted is not None:
        return True
    return False if markers.found else None
