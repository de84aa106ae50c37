"""Personal data in evidence text: find it, redact it, flag the document.

Evidence such as Dukcapil extracts and attendance lists carries personal data that must not travel to
assessors (or into stored text, snippets, exports and reports) unnoticed.

    scan(pages, rules) -> PersonalData    distinct values and 1-based pages per kind, never the values
    redact(text, rules) -> str            every value replaced by a fixed placeholder ("[NIK]", ...)
    redact_name(name, rules) -> str       a file name or path as shown: its NIK and NIP replaced, even glued
    shipped_rules() -> PersonalDataRules  those of rules/common.yaml (built-in ones if it cannot be read)
    flag(found, rules) -> Flag | None     `personal_data` (message in Bahasa Indonesia) at a threshold
    split_message(message) -> (findings, action)   the stored message split, for the report
    page_list(pages) -> str               "1–3, 5"

`rules` is `pipeline.rules.PersonalDataRules` or a whole `Common` (its `personal_data`).

Kinds: nik (16-digit population ID), nip (18-digit civil-servant ID), phone (mobile), landline,
email, email_dinas (e-mail on an institutional domain). Thresholds and the institutional domains are
data (`personal_data:` in rules/common.yaml, `pipeline.rules.PersonalDataRules`).

Numbers are read as runs of digit groups joined by a space, dash or dot ("3201 0123 4567 0001",
"19650101 199003 1 005", "0812-3456-7890"). A candidate must be whole groups of a run, cut only where
its ID format is usually cut, bounded by a space or the end of the run, and structurally valid (real
province code, birth date, appointment date, ...). So money ("Rp 1.500.000.000"), regulation and letter
numbers ("800/123/2021"), dates, years and long codes are left alone.

Run `scan` on the text BEFORE `redact`: afterwards values cannot be compared, so each placeholder in
already-redacted text counts as one value.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.model import Flag
from pipeline.rules import PERSONAL_DATA_KINDS, Common, PersonalDataRules, RulesError, load_common

if TYPE_CHECKING:
    from pipeline.model import Document

KINDS = PERSONAL_DATA_KINDS
PLACEHOLDERS = {
    "nik": "[NIK]",
    "nip": "[NIP]",
    "phone": "[TELEPON]",
    "landline": "[TELEPON TETAP]",
    "email": "[EMAIL]",
    "email_dinas": "[EMAIL DINAS]",
}
LABELS = {
    "nik": "NIK",
    "nip": "NIP",
    "phone": "nomor ponsel",
    "landline": "nomor telepon tetap",
    "email": "alamat e-mail",
    "email_dinas": "alamat e-mail dinas",
}
INTRO = "Dokumen memuat data pribadi: "
ACTION = (
    "Samarkan (redaksi) data tersebut sebelum diunggah ke aplikasi SPBE; eviden cukup menunjukkan "
    "kegiatan atau penetapannya, bukan identitas orang."
)

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,}(?![\w-])"
)
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in sorted(PLACEHOLDERS.values(), key=len, reverse=True)))
_KIND_OF_PLACEHOLDER = {p: k for k, p in PLACEHOLDERS.items()}
_DIGITS = re.compile(r"\d+")
_GAP = re.compile(r"[ \u00a0]{1,2}|[ \u00a0]?([-\u2010\u2013.])[ \u00a0]?|(\))[ \u00a0]?")
_AREA = re.compile(r"0[2-79]\d{1,2}")  # landline area codes (021, 0341); 08.. is mobile
_AREA_INTERNATIONAL = re.compile(r"[2-79]\d{1,2}")
_SPACE, _DASH, _DOT, _PAREN = " ", "-", ".", ")"
MAX_GROUPS = 6  # no ID or phone format here has more groups; bounds the search in long numeric tables
LENGTHS = {*range(8, 15), 16, 18}  # digits of a landline or phone (8-14), a NIK (16) or a NIP (18)


@dataclass(frozen=True)
class PersonalData:
    """What a document holds, by kind: how many distinct values and on which pages. Never the values."""

    counts: dict[str, int] = field(default_factory=dict)
    pages: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class _Group:
    start: int  # span start, including a leading "+" or "("
    end: int
    digits: str
    plus: bool
    paren: bool  # "(0341)" / "(+62)": opened before the digits


@dataclass(frozen=True)
class _Item:
    kind: str
    start: int
    end: int
    value: str  # normalised value, only to count distinct values; never leaves this module


def _options(rules: PersonalDataRules | Common) -> PersonalDataRules:
    return rules.personal_data if isinstance(rules, Common) else rules


# --- structural checks -------------------------------------------------------------------------------


def _valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]


def _nik(digits: str, rules: PersonalDataRules) -> bool:
    """PP RR DD DDMMYY SSSS: province, regency, district, birth date (women: day + 40), serial."""
    province, regency, district = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    day = day - 40 if day > 40 else day
    return (
        province in rules.nik_province_codes
        and 1 <= regency <= 79
        and district >= 1
        and _valid_date(2000 + year, month, day)
        and int(digits[12:]) >= 1
    )  # 2000: leap years allowed


def _nip(digits: str) -> bool:
    """YYYYMMDD birth, YYYYMM appointment (month 21 marks PPPK), gender 1/2, serial."""
    birth, born = digits[0:8], int(digits[0:4])
    appointed, month = int(digits[8:12]), int(digits[12:14])
    return (
        1930 <= born <= 2015
        and _valid_date(born, int(birth[4:6]), int(birth[6:8]))
        and 15 <= appointed - born <= 60
        and (1 <= month <= 12 or month == 21)
        and digits[14] in "12"
        and int(digits[15:]) >= 1
    )


@dataclass(frozen=True)
class _Candidate:
    """Whole consecutive digit groups of one run and the separators between them."""

    groups: tuple[_Group, ...]
    gaps: tuple[str, ...]
    digits: str  # the groups' digits, joined

    @property
    def cuts(self) -> set[int]:
        """Positions in `digits` where the writer put a separator."""
        out, n = set(), 0
        for g in self.groups[:-1]:
            n += len(g.digits)
            out.add(n)
        return out

    @property
    def plain(self) -> bool:
        """No "+" and no parentheses: how IDs are written."""
        first = self.groups[0]
        return not first.plus and not first.paren and _PAREN not in self.gaps

    def separated_by(self, *kinds: str) -> bool:
        return set(self.gaps) <= set(kinds)


def _as_nik(c: _Candidate, rules: PersonalDataRules) -> str | None:
    digits = c.digits
    if (
        len(digits) == 16
        and c.plain
        and c.separated_by(_SPACE, _DASH)
        and c.cuts <= {2, 4, 6, 8, 12}
        and _nik(digits, rules)
    ):
        return digits
    return None


def _as_nip(c: _Candidate, rules: PersonalDataRules) -> str | None:
    digits = c.digits
    if len(digits) == 18 and c.plain and c.separated_by(_SPACE, _DASH, _DOT) and c.cuts <= {8, 14, 15} and _nip(digits):
        return digits
    return None


def _mobile(national: str) -> bool:
    return national.startswith("08") and national[2] != "0" and 10 <= len(national) <= 13


def _as_phone(c: _Candidate, rules: PersonalDataRules) -> str | None:
    """A mobile number, national (0812-...) or international (+62 812 ..., 62812..., (+62) 812-...)."""
    digits, first = c.digits, c.groups[0]
    if (
        c.plain
        and _mobile(digits)
        and c.separated_by(_SPACE, _DASH, _DOT)
        and all(len(g.digits) >= 3 for g in c.groups)
    ):
        return digits
    if not digits.startswith("62") or (first.paren and not first.plus) or not _mobile("0" + digits[2:]):
        return None
    if not first.plus and len(c.groups) > 1:  # "62 874 ..." without "+" is more likely table columns
        return None
    country_alone = first.digits == "62"
    body = c.groups[1:] if country_alone else c.groups
    closes = c.gaps[:1] == (_PAREN,) and first.paren and country_alone and _PAREN not in c.gaps[1:]
    if c.separated_by(_SPACE, _DASH) or closes and c.separated_by(_SPACE, _DASH, _PAREN):
        return "0" + digits[2:] if all(len(g.digits) >= 3 for g in body) else None
    return None


def _local(groups: Sequence[_Group]) -> bool:
    """A local telephone number: 5-8 digits in one or two groups, not starting with 0 or 1."""
    digits = "".join(g.digits for g in groups)
    return (
        len(groups) <= 2 and 5 <= len(digits) <= 8 and digits[0] not in "01" and all(len(g.digits) >= 3 for g in groups)
    )


def _as_landline(c: _Candidate, rules: PersonalDataRules) -> str | None:
    """Area code set apart from the local number: (0341) 551234, 021-5551234, +62 341 551234."""
    first, rest, gaps = c.groups[0], c.groups[1:], c.gaps
    if not rest or not set(gaps[1:]) <= {_SPACE, _DASH}:
        return None
    if (
        first.plus
        and first.digits == "62"
        and not first.paren
        and gaps[0] in (_SPACE, _DASH)
        and len(rest) >= 2
        and _AREA_INTERNATIONAL.fullmatch(rest[0].digits)
        and _local(rest[1:])
    ):
        return "0" + "".join(g.digits for g in rest)
    set_apart = gaps[0] == _PAREN if first.paren else gaps[0] in (_SPACE, _DASH)
    if not first.plus and set_apart and _AREA.fullmatch(first.digits) and _local(rest):
        return c.digits
    return None


_DETECTORS = (("nik", _as_nik), ("nip", _as_nip), ("phone", _as_phone), ("landline", _as_landline))


def _classify(candidate: _Candidate, rules: PersonalDataRules) -> tuple[str, str] | None:
    """(kind, normalised value) when the candidate is one ID or phone number."""
    for kind, detect in _DETECTORS:
        if value := detect(candidate, rules):
            return kind, value
    return None


# --- finding -----------------------------------------------------------------------------------------


def _gap_kind(gap: str) -> str | None:
    m = _GAP.fullmatch(gap)
    if not m:
        return None
    if m.group(2):
        return _PAREN
    if m.group(1):
        return _DOT if m.group(1) == "." else _DASH
    return _SPACE


def _runs(text: str) -> list[tuple[list[_Group], list[str]]]:
    """Digit groups joined by single separators, with the separator kinds between them."""
    runs: list[tuple[list[_Group], list[str]]] = []
    prev_end = None
    for m in _DIGITS.finditer(text):
        start, plus, paren = m.start(), False, False
        if start and text[start - 1] == "+":
            start, plus = start - 1, True
        if start and text[start - 1] == "(" and len(m.group()) <= 4 and text[m.end() : m.end() + 1] == ")":
            start, paren = start - 1, True  # an area or country code: "(0341) 551234", "(+62) 812 ..."
        group = _Group(start, m.end(), m.group(), plus, paren)
        gap = _gap_kind(text[prev_end : m.start()]) if prev_end is not None and not (plus or paren) else None
        if gap is None:
            runs.append(([group], []))
        else:
            runs[-1][0].append(group)
            runs[-1][1].append(gap)
        prev_end = m.end()
    return runs


def _bounded_left(text: str, start: int) -> bool:
    """Nothing glued before: not a letter/digit, a slash (letter numbers) or a joining sign after a digit."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before in "/_@\\":
        return False
    return not (
        before in ".,-\u2013"
        and start >= 2
        and (text[start - 2].isdigit() or before != "." and text[start - 2].isalnum())
    )


def _bounded_right(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    after = text[end]
    if after.isalnum() or after in "/_@\\":
        return False
    return not (after in ".,-\u2013" and end + 1 < len(text) and text[end + 1].isalnum())


def _numbers(text: str, rules: PersonalDataRules) -> list[_Item]:
    """IDs and phone numbers: at each group, the longest whole-group candidate that is one wins."""
    items = []
    for groups, gaps in _runs(text):
        joined = "".join(g.digits for g in groups)
        offsets = [0]
        for g in groups:
            offsets.append(offsets[-1] + len(g.digits))
        i = 0
        while i < len(groups):
            found: tuple[int, tuple[str, str]] | None = None
            if i == 0 and _bounded_left(text, groups[0].start) or i > 0 and gaps[i - 1] == _SPACE:
                phone_like = joined.startswith(("0", "62"), offsets[i])  # shorter than an ID: only a phone
                for j in range(min(len(groups), i + MAX_GROUPS) - 1, i - 1, -1):  # longest first
                    length = offsets[j + 1] - offsets[i]
                    if length not in LENGTHS or length < 16 and not phone_like:
                        continue
                    right_ok = _bounded_right(text, groups[j].end) if j == len(groups) - 1 else gaps[j] == _SPACE
                    candidate = _Candidate(
                        tuple(groups[i : j + 1]), tuple(gaps[i:j]), joined[offsets[i] : offsets[j + 1]]
                    )
                    if right_ok and (classified := _classify(candidate, rules)):
                        found = (j, classified)
                        break
            if found:
                j, (kind, value) = found
                items.append(_Item(kind, groups[i].start, groups[j].end, value))
                i = j + 1
            else:
                i += 1
    return items


def _email_kind(address: str, rules: PersonalDataRules) -> str:
    domain = address.rsplit("@", 1)[1].lower()
    institutional = any(domain == d or domain.endswith("." + d) for d in rules.institutional_email_domains)
    return "email_dinas" if institutional else "email"


def _find(text: str, rules: PersonalDataRules) -> list[_Item]:
    """Every personal-data item in one text, in order, not overlapping."""
    items = [_Item(_email_kind(m.group(), rules), m.start(), m.end(), m.group().lower()) for m in _EMAIL.finditer(text)]
    masked = text
    for item in items:  # digits inside an address are part of it, never a second item
        masked = masked[: item.start] + "@" * (item.end - item.start) + masked[item.end :]
    items += _numbers(masked, rules)
    return sorted(items, key=lambda it: it.start)


# --- public API --------------------------------------------------------------------------------------


def scan(pages: Sequence[str], rules: PersonalDataRules | Common) -> PersonalData:
    """Count distinct values per kind and the pages they are on. Placeholders count one value each."""
    options = _options(rules)
    values: dict[str, set] = {}
    pages_of: dict[str, set[int]] = {}
    for number, text in enumerate(pages, start=1):
        for item in _find(text, options):
            values.setdefault(item.kind, set()).add(item.value)
            pages_of.setdefault(item.kind, set()).add(number)
        for m in _PLACEHOLDER.finditer(text):
            kind = _KIND_OF_PLACEHOLDER[m.group()]
            values.setdefault(kind, set()).add((number, m.start()))  # already redacted: cannot be compared
            pages_of.setdefault(kind, set()).add(number)
    kinds = [k for k in KINDS if k in values]
    return PersonalData({k: len(values[k]) for k in kinds}, {k: tuple(sorted(pages_of[k])) for k in kinds})


def redact(text: str, rules: PersonalDataRules | Common) -> str:
    """The text with every personal-data value replaced by its kind's placeholder; all else untouched."""
    out, last = [], 0
    for item in _find(text, _options(rules)):
        out += [text[last : item.start], PLACEHOLDERS[item.kind]]
        last = item.end
    return "".join(out) + text[last:]


# In a file name an ID is glued to words, underscores and the extension ("KTP_3201…0001.pdf",
# "NIP196501011990031005.pdf") where text would set it apart: there, anything but a digit and the
# separators IDs are written with ends a number.
_NAME_GLUE = re.compile(r"[^0-9 \u00a0.\-\u2010\u2013]")
_LONE_ID = re.compile(r"(?<!\d)(?:\d{16}|\d{18})(?!\d)")
NAME_KINDS = ("nik", "nip")


def redact_name(name: str, rules: PersonalDataRules | Common) -> str:
    """`name` (a file name or path, or a message that quotes one) with every NIK and NIP replaced by its
    placeholder, as it may be shown in exports, reports, the review page and logs. For display only: the
    stored path stays the file's identity. Other numbers are left alone (the same structural checks as text)."""
    options = _options(rules)
    masked = _NAME_GLUE.sub("|", name)  # same length: spans found in it are spans of `name`
    found = [(it.start, it.end, it.kind) for it in _numbers(masked, options) if it.kind in NAME_KINDS]
    for m in _LONE_ID.finditer(name):  # "2024-3201…0001": glued to another number by a separator
        digits = m.group()
        kind = "nik" if len(digits) == 16 and _nik(digits, options) else "nip" if _nip(digits) else None
        if kind and not any(start < m.end() and m.start() < end for start, end, _ in found):
            found.append((m.start(), m.end(), kind))
    out, last = [], 0
    for start, end, kind in sorted(found):
        out += [name[last:start], PLACEHOLDERS[kind]]
        last = end
    return "".join(out) + name[last:] if out else name


@lru_cache(maxsize=1)
def shipped_rules() -> PersonalDataRules:
    """The personal-data rules of rules/common.yaml, read once per process; a rule file that cannot be read
    gives the built-in rules, so it never lets personal data through."""
    try:
        return load_common().personal_data
    except (RulesError, OSError):
        return PersonalDataRules()


def page_list(pages: Sequence[int], limit: int | None = None) -> str:
    """1, 2, 3, 5 -> "1–3, 5": long attendance lists stay readable; after `limit` spans, "…"."""
    spans: list[list[int]] = []
    for p in sorted(set(pages)):
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    shown = spans if limit is None else spans[:limit]
    text = ", ".join(f"{a}" if a == b else f"{a}, {b}" if b == a + 1 else f"{a}–{b}" for a, b in shown)
    return text + (", …" if len(shown) < len(spans) else "")


def flag(found: PersonalData, rules: PersonalDataRules | Common) -> Flag | None:
    """`personal_data` when any kind reaches its threshold; the message lists every flaggable kind found."""
    minimum = _options(rules).flag_min
    if not any(found.counts.get(k, 0) >= n for k, n in minimum.items()):
        return None
    listed = [k for k in KINDS if k in minimum and found.counts.get(k, 0)]
    details = ", ".join(f"{found.counts[k]} {LABELS[k]} (hlm. {page_list(found.pages.get(k, ()))})" for k in listed)
    return Flag("personal_data", f"{INTRO}{details}. {ACTION}")


def split_message(message: str) -> tuple[str, str]:
    """(what was found, what to do) of a stored `personal_data` message; unknown wording stays whole."""
    if message.endswith(ACTION):
        findings = message[: -len(ACTION)].strip()
        findings = findings.removeprefix(INTRO)
        return findings.rstrip(". ") or findings, ACTION
    return message, ""


def protect(document: Document, rules: PersonalDataRules | Common) -> tuple[Document, PersonalData]:
    """Scan the raw text once, then keep only the redacted text: nothing after extraction (database,
    snippets, export, report, review page) ever holds the values."""
    from dataclasses import replace

    found = scan([p.text for p in document.pages], rules)
    if not found.total:
        return document, found
    pages = tuple(replace(p, text=redact(p.text, rules)) for p in document.pages)
    return replace(document, pages=pages), found


def to_json(found: PersonalData) -> str:
    return json.dumps({"counts": found.counts, "pages": {k: list(v) for k, v in found.pages.items()}}, sort_keys=True)


def from_json(text: str | None) -> PersonalData | None:
    if not text:
        return None
    data = json.loads(text)
    return PersonalData(dict(data.get("counts", {})), {k: tuple(v) for k, v in data.get("pages", {}).items()})
