"""Keys of instruments, and the earlier instruments a regulation revokes or amends.

Keys have the form ``"<type> <number>/<year>"`` in lower case, e.g. ``"perwali 22/2019"``; when the
number already ends with its year (classification-style SK numbers such as ``188.45/123/HK/2024``)
the year is not repeated: ``"sk 188.45/123/hk/2024"``. Revocations follow the closing provisions of
UU 12/2011 Lampiran II ("… dicabut dan dinyatakan tidak berlaku", "Mencabut …"), amendments the
amending title ("PERUBAHAN ATAS PERATURAN …"); their words come from rules/common.yaml
(`revoke_phrases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.judge.facts.classify import Kind
from pipeline.judge.facts.phrases import alternation
from pipeline.judge.facts.text import YEAR_TOKEN, ocr_digits, squeeze, year_of
from pipeline.rules import Common

REVOKED_LOOKBACK, REVOKING_LOOKAHEAD = 2500, 600  # characters around the phrase that hold the cited instruments
# A lampiran names its regulation at its top; a photo or crop of a page is short: where a document
# names the regulation it is a part of (usage: "LAMPIRAN PERATURAN BUPATI … NOMOR … TAHUN …").
PART_HEAD_CHARS, PART_MAX_PAGES, MAX_CITES = 600, 2, 8
_ARTICLE_START = re.compile(r"mulai\s+berlaku|\bPasal\s+\d+\b|;\s*dan\b|\.\s", re.I)
_ARTICLE_HEAD = re.compile(r"mulai\s+berlaku\s*[:,]?|\bPasal\s+\d+\b", re.I)
_SENTENCE_END = re.compile(r"\.\s|\bMenetapkan\b")
_AMENDED_BASE = re.compile(r"\batas\s*$", re.I)  # "Perubahan atas Peraturan …": the base of an amendment


@dataclass(frozen=True)
class ReferenceWords:
    """The revocation vocabulary of rules/common.yaml, compiled."""

    trigger: re.Pattern  # group "revoked" (instruments cited before) or "revoking" (cited after)
    amending: re.Pattern  # "PERUBAHAN [KEDUA] ATAS …" in a squeezed title; group 1 the amended instrument
    citation: re.Pattern  # "<instrument> [region] Nomor n [Tahun yyyy]"
    cites: tuple[tuple[str, re.Pattern], ...]  # instrument type -> its names, to read the type of a citation
    part_head: re.Pattern | None = None  # "LAMPIRAN" opening a part of an instrument


def reference_words(common: Common) -> ReferenceWords:
    syn, words = common.synonyms, common.revoke_phrases
    names = alternation([p for phrases in words.cites.values() for p in phrases], syn, ocr=True)
    return ReferenceWords(
        trigger=re.compile(
            rf"\b(?:(?P<revoked>{alternation(words.revoked, syn)})"
            rf"|(?P<revoking>{alternation(words.revoking, syn)}))\b",
            re.I,
        ),
        amending=re.compile(rf"\b{alternation(words.amending, syn)}\s+(?:\w+\s+)?ATAS\s+(.*)", re.I),
        citation=re.compile(
            rf"\b(?P<kind>{names})(?P<region>(?:\s+(?!Nomor\b)[A-Z][\w'\-]*){{0,5}}?)\s+Nomor\s*:?\s*"
            rf"(?P<num>[0-9OIl][\w./\-]*?)(?:\s+Tahun\s+(?P<year>{YEAR_TOKEN}))?(?=[\s,;)(]|$)",
            re.I,
        ),
        cites=tuple((t, re.compile(alternation(p, syn, ocr=True), re.I)) for t, p in words.cites.items()),
        part_head=re.compile(rf"^\W*(?:{alternation(words.part_heads, syn)})\b", re.I) if words.part_heads else None,
    )


def make_key(doc_type: str | None, number: str | None, year: int | None) -> str | None:
    """'perwali 15/2023'; SK numbers that end with their year are not repeated: 'sk 188.45/123/hk/2024'."""
    if not doc_type or not number:
        return None
    num = re.sub(r"\s+", "", number).lower()
    if year is None or re.search(r"(?:^|[/.\-])" + str(year) + r"$", num):
        return f"{doc_type} {num}"
    return f"{doc_type} {num}/{year}"


def _cited(segment: str, words: ReferenceWords, *, skip_amended_base: bool) -> list[str]:
    """Keys of the instruments a segment cites, in order."""
    keys: list[str] = []
    for m in words.citation.finditer(segment):
        if skip_amended_base and _AMENDED_BASE.search(segment[max(0, m.start() - 30) : m.start()]):
            continue  # "Perubahan atas Peraturan … Nomor 12": the base of an amendment, not revoked itself
        kind = next((t for t, pattern in words.cites if pattern.fullmatch(m.group("kind"))), None)
        num = ocr_digits(m.group("num")) if re.fullmatch(r"[0-9OIl]+", m.group("num")) else m.group("num")
        key = make_key(kind, num.rstrip("."), year_of(m.group("year")))
        if key and key not in keys:
            keys.append(key)
    return keys


def _revoked_segment(flat: str, at: int) -> str:
    """Before a passive revocation: back to the start of its article, keeping a list "a. …; b. …; dan c. …"."""
    seg = flat[max(0, at - REVOKED_LOOKBACK) : at]
    cut = max((x.end() for x in _ARTICLE_START.finditer(seg)), default=0)
    cut = max((x.end() for x in _ARTICLE_HEAD.finditer(seg)), default=cut)
    return seg[cut:]


def revokes(flat: str, words: ReferenceWords) -> tuple[str, ...]:
    keys: list[str] = []
    for m in words.trigger.finditer(flat):
        if m.group("revoked") is not None:
            seg = _revoked_segment(flat, m.start())
        else:
            seg = _SENTENCE_END.split(flat[m.end() : m.end() + REVOKING_LOOKAHEAD], maxsplit=1)[0]
        for k in _cited(seg, words, skip_amended_base=True):
            if k not in keys:
                keys.append(k)
    return tuple(keys)


def amends(title: str, words: ReferenceWords) -> tuple[str, ...]:
    m = words.amending.search(squeeze(title))
    return tuple(_cited(m.group(1), words, skip_amended_base=False)) if m else ()


def parts_of(flat: str, pages: int, doc_type: str, own_key: str | None, words: ReferenceWords) -> tuple[str, ...]:
    """Keys of the instruments this document is a part of: a lampiran names its instrument in its heading
    (it may read as that instrument); a page or photo of one (a page or two with no type of its own) names
    it anywhere. A report or letter that cites a regulation as its legal basis is not a part of it."""
    if words.part_head is not None and words.part_head.match(flat):
        return tuple(_cited(flat[:PART_HEAD_CHARS], words, skip_amended_base=False))[:MAX_CITES]
    if pages > PART_MAX_PAGES or doc_type != "other":
        return ()
    return tuple(k for k in _cited(flat, words, skip_amended_base=False) if k != own_key)[:MAX_CITES]


def references(
    flat: str, title: str, kind: Kind, number: str | None, year: int | None, words: ReferenceWords
) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(the document's own key, the keys it revokes, the keys it amends); only instruments have them."""
    if not kind.instrument:
        return None, (), ()
    revoked = revokes(flat, words) if kind.doc_type != "screenshot" else ()
    return make_key(kind.instrument, number, year), revoked, amends(title, words)
