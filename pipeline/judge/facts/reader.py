"""`read_facts`: the facts of one document, read step by step from its per-page text (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.judge.facts.classify import Head, classify, read_head, read_title
from pipeline.judge.facts.numbers import read_number
from pipeline.judge.facts.period import fallback_year, period_years, read_dates
from pipeline.judge.facts.references import parts_of, references
from pipeline.judge.facts.regions import document_issuers, document_regions
from pipeline.judge.facts.status import draft_markers, read_promulgation, signed_or_draft
from pipeline.judge.facts.text import squeeze
from pipeline.judge.facts.vocabulary import FactsVocabulary, default_vocabulary


@dataclass(frozen=True)
class Facts:
    doc_type: str
    title: str
    number: str | None
    year: int | None
    enacted: date | None
    region: str | None
    regions_named: tuple[str, ...]
    signed: bool | None
    draft_markers: tuple[str, ...]
    period_years: tuple[int, ...]
    revokes: tuple[str, ...]
    amends: tuple[str, ...]
    key: str | None
    # who issued it, as read (compared with the official lists by pipeline.judge.regions): governments and
    # institutions the letterhead and title block name as issuer, and those of the signature block and gazette
    issuers: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    # keys of the instruments it may be a part of (a lampiran, a page or photo of one): `parts_of`
    part_of: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("issuers", "signatories", "part_of"):  # lists when read back from stored JSON
            object.__setattr__(self, name, tuple(getattr(self, name)))


@dataclass(frozen=True)
class _Text:
    """One document's text in the forms the steps read."""

    pages: list[str]  # the pages with text
    text: str  # all pages, one per line block
    flat: str  # all text on one line, single-spaced
    head: Head  # the first lines: letterhead and title block

    @classmethod
    def of(cls, pages: Sequence[str]) -> _Text:
        pages = [p or "" for p in pages]
        nonempty = [p for p in pages if p.strip()]
        text = "\n".join(pages)
        return cls(nonempty, text, squeeze(text), read_head(nonempty or [""]))


def read_facts(pages: Sequence[str], *, file_name: str = "", vocabulary: FactsVocabulary | None = None) -> Facts:
    """The facts of one document from its per-page text, read with the words of the rules
    (`facts_vocabulary(common)`; the shipped rules/common.yaml when not given)."""
    words = vocabulary or default_vocabulary()
    doc = _Text.of(pages)
    kind = classify(doc.head, doc.pages, file_name, words.types)
    number = read_number(doc.head, kind, words.status.placeholder)
    promulgation = read_promulgation(doc.text, kind)
    markers = draft_markers(doc.head, kind, number, promulgation, doc.text, doc.flat, file_name, words.status)
    signed = signed_or_draft(doc.head, kind, number, promulgation, markers, doc.text, doc.flat, words.status)
    title = read_title(doc.head, kind, doc.pages, words.types)
    dates = read_dates(doc.text, title, kind)
    year = number.year or fallback_year(kind, dates, promulgation)
    region, regions_named = document_regions(doc.head.lines, doc.pages, doc.text)
    issuers, signatories = document_issuers(doc.head.lines, doc.head.zone_end, doc.pages)
    key, revokes, amends = references(doc.flat, title, kind, number.number, year, words.references)
    return Facts(
        doc_type=kind.doc_type,
        title=title,
        number=number.number,
        year=year,
        enacted=promulgation.enacted,
        region=region,
        regions_named=regions_named,
        signed=signed,
        draft_markers=markers.found,
        period_years=period_years(doc.text, kind, dates, promulgation.enacted),
        revokes=revokes,
        amends=amends,
        key=key,
        issuers=issuers,
        signatories=signatories,
        part_of=parts_of(doc.flat, len(doc.pages), kind.doc_type, key, words.references),
    )
