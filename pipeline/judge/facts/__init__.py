"""The facts of one document, read from its extracted text (pure, no I/O).

What kind of document it is (Perwali, SK, laporan, screenshot …), its number and year, the issuing
government, whether it is enacted/signed or still a draft, which years it covers and which
instruments it revokes or amends.

The rules follow the drafting conventions of regional regulations (UU 12/2011 Lampiran II,
Permendagri 80/2015; see shared/reference/spbe-framework.md §7): title block ``PERATURAN BUPATI X /
NOMOR n TAHUN yyyy / TENTANG …``, signature block ``Ditetapkan di … pada tanggal …`` + ``ttd``, footer
``BERITA DAERAH … TAHUN yyyy NOMOR n``, draft markers (``RANCANGAN`` above the title, blank number
and date). Text may come from OCR, so keywords are matched case-insensitively, with flexible
whitespace and the cheap OCR confusions 0/O and 1/I/l.

The words (type titles, draft and signature markers, revocation phrases) come from
rules/common.yaml, compiled once per rules version (`facts_vocabulary`); the shapes of the blocks
are in the steps:

    text         small text helpers: squeeze, fold, lines, OCR digits, years
    phrases      rule phrases -> regular expressions (every synonym spelling, flexible separators)
    dates        months and date parsing
    regions      government names: canonical_region, same_region, the owner of a document
    classify     document type and title, from the title block
    numbers      number and year of an instrument, blank placeholders
    status       promulgation, draft markers, signed or draft
    period       years covered, the year of documents without a number
    references   make_key, revocations and amendments
    vocabulary   FactsVocabulary: the steps' words compiled from the rules
    reader       Facts and read_facts, the composition of the steps

Keys of instruments (``key``, ``revokes``, ``amends``) have the form ``"<type> <number>/<year>"`` in
lower case, e.g. ``"perwali 22/2019"``; use :func:`make_key` to build comparable keys elsewhere.
"""

from __future__ import annotations

from pipeline.judge.facts.dates import parse_date
from pipeline.judge.facts.reader import Facts, read_facts
from pipeline.judge.facts.references import make_key
from pipeline.judge.facts.regions import canonical_region, same_region
from pipeline.judge.facts.vocabulary import FactsVocabulary, default_vocabulary, facts_vocabulary

__all__ = [
    "Facts",
    "read_facts",
    "canonical_region",
    "same_region",
    "make_key",
    "parse_date",
    "DOC_TYPES",
    "FactsVocabulary",
    "facts_vocabulary",
]


def __getattr__(name: str) -> tuple[str, ...]:
    """DOC_TYPES: the document types of the shipped rules (read on first use, not at import)."""
    if name == "DOC_TYPES":
        return default_vocabulary().doc_types
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
