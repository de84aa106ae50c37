"""Explainable fuzzy matching of a document against the indicator rules.

Every match says which rule, which phrase, what score, which page and which
snippet. Where a phrase stands matters: the title ("TENTANG …") and headings
weigh more than a passing mention in the body, so an umbrella SPBE regulation
is linked to each subject it regulates but a report that mentions "pusat data"
once is not evidence for the data-centre indicator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.judge.normalize import Normalizer, snap_to_words, word_score
from pipeline.rules import Common, Framework, Indicator

SNIPPET_CHARS = 160
FUZZY_MIN_LEN = 8  # shorter phrases ("sipd", "lapor") must match as whole words, exactly
HEADING_MAX_CHARS = 90
BODY_WEIGHT = 0.5  # weights explain how strongly a document is linked; the link rule is below
HEADING_WEIGHT = 1.0

_HEADING_START = re.compile(r"^\s*(bab|bagian|paragraf|lampiran|[ivx]+\.|\d+\.(\d+\.?)*)\s", re.IGNORECASE)
HEADING_MAX_WORDS = 8
_SUBHEADING_MARKER = re.compile(r"^\s*(bab [ivxlc]+|bagian ke\w+|paragraf \d+)\s*$", re.IGNORECASE)
# Marker words survive normalising as words of their own and never occur in real text.
_SENTENCE_MARK = "qzxsentencexzq"
_PAGE_MARK = "qzxpagexzq"
_LINE_MARK = "qzxlinexzq"
_NON_LETTER = re.compile(r"[\W\d_]+")
_SENTENCE_END = re.compile(r"[.;!?]\s|\n\s*\n")


@dataclass(frozen=True)
class Hit:
    phrase: str
    score: float  # 100 = exact
    page: int  # 1-based; 0 for the title
    position: float  # relative position 0..1 within the page text, for snippets
    where: str  # title | heading | body


@dataclass(frozen=True)
class Match:
    """One indicator that one document evidences, and why."""

    indicator: int
    rule: str  # e.g. "permenpanrb-59-2020/1/arsitektur spbe"
    phrase: str
    score: float  # fuzzy score of the best hit, 0-100
    weight: float  # title/heading/body weight that linked the document
    page: int
    snippet: str
    where: str


@lru_cache(maxsize=4096)
def _word_pattern(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![0-9a-z]){re.escape(phrase)}(?![0-9a-z])")


@lru_cache(maxsize=4096)
def _pieces(phrase: str, min_score: float) -> tuple[str, ...]:
    """Split the phrase into one more piece than the edits a `min_score` match allows (pigeonhole):
    a text where none of them occurs cannot hold a fuzzy match, so the costly alignment is skipped.
    A score s over phrase and window of about len L allows at most 2L(1 - s/100) insertions or
    deletions, and each of them breaks at most one piece."""
    edits = int(2 * len(phrase) * (1 - min_score / 100) + 1e-9) + 1  # +1: the window may be a character longer
    count = edits + 1
    size = len(phrase) // count
    if size < 2:
        return ("",)  # pieces too short to filter: always align
    return tuple(phrase[i * size : (i + 1) * size] if i < count - 1 else phrase[i * size :] for i in range(count))


def find(phrase: str, text: str, min_score: float) -> list[tuple[float, int]]:
    """Occurrences of a normalised phrase in normalised text: exact ones, else the best fuzzy one."""
    # A plain substring test (C speed) rules out most phrase-page pairs before any regex runs.
    exact = [(100.0, m.start()) for m in _word_pattern(phrase).finditer(text)] if phrase in text else []
    if exact or len(phrase) < FUZZY_MIN_LEN or len(text) < len(phrase):
        return exact
    if not any(piece in text for piece in _pieces(phrase, min_score)):
        return []  # no fuzzy hit is possible: every near match keeps one of these pieces intact
    alignment = fuzz.partial_ratio_alignment(phrase, text, score_cutoff=min_score)
    if alignment is None:
        return []
    span = snap_to_words(text, alignment.dest_start, alignment.dest_end)
    if span is None:
        return []
    score = word_score(phrase, text[span[0] : span[1]])  # "jaringan intra" is not "jaringan internet"
    if score < min_score:
        return []
    return [(round(score, 1), span[0])]


def contains(phrase: str, text: str, min_score: float) -> bool:
    return bool(find(phrase, text, min_score))


@dataclass(frozen=True)
class Prepared:
    """A document's text in matching form, computed once and shared by all rules."""

    title: str  # normalised
    headings: tuple[str, ...]  # normalised heading-like lines, per page
    pages: tuple[str, ...]  # normalised page texts
    raw_pages: tuple[str, ...]
    sentences: tuple[str, ...] = ()  # normalised sentences, to tell a statement from a shortfall or plan
    raw_title: str = ""  # the title as written, for snippets

    @property
    def full(self) -> str:
        return " ".join(self.pages)


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not 3 <= len(stripped) <= HEADING_MAX_CHARS:
        return False
    letters = _NON_LETTER.sub("", stripped)
    if len(letters) < 3:
        return False
    if sum(map(str.isupper, letters)) > 0.7 * len(letters):
        return True
    # "2.1 Jaringan Intra" is a heading; "1. Kegiatan belum mencakup …." is a list item
    return (
        bool(_HEADING_START.match(stripped))
        and len(stripped.split()) <= HEADING_MAX_WORDS
        and stripped[-1] not in ".;:,"
    )


def _heading_lines(page: str) -> list[str]:
    """Heading-like lines, and the line after a "Bagian Kesatu"/"Paragraf 1" marker (its title)."""
    lines = [line for line in page.splitlines() if line.strip()]
    found = []
    for number, line in enumerate(lines):
        if _is_heading(line) or (
            number and _SUBHEADING_MARKER.match(lines[number - 1]) and len(line.split()) <= HEADING_MAX_WORDS
        ):
            found.append(line)
    return found


def _marked(raw_pages: Sequence[str]) -> str:
    """The document as one text with a marker word at each page end and each sentence end, so that one
    normalising pass serves both the pages and the sentences (sentences may run across pages)."""
    joined = "\n".join(raw_pages)
    cuts: list[tuple[int, int, str]] = []  # (start, end, marker) of the text each cut replaces
    offset = 0
    for page in raw_pages[:-1]:
        offset += len(page)
        cuts.append((offset, offset, _PAGE_MARK))  # the "\n" joiner itself stays
        offset += 1
    cuts += [(m.start(), m.end(), _SENTENCE_MARK) for m in _SENTENCE_END.finditer(joined)]
    cuts.sort(key=lambda c: (c[0], c[2] != _PAGE_MARK))
    out, last = [], 0
    for start, end, marker in cuts:
        if start < last:  # a page end inside a sentence-end match ("akhir.\n"): both marks, text once
            out.append(f" {marker} ")
            continue
        out += [joined[last:start], f" {marker} "]
        last = max(last, end)
    out.append(joined[last:])
    return "".join(out)


def prepare(raw_pages: Sequence[str], title: str, normalize: Normalizer) -> Prepared:
    # Two normalising passes in all (headings; pages with sentences) instead of one per line and sentence.
    heading_text = normalize(f" {_PAGE_MARK} ".join(f" {_LINE_MARK} ".join(_heading_lines(page)) for page in raw_pages))
    headings = (
        tuple(
            " | ".join(line.strip() for line in page.split(_LINE_MARK) if line.strip())
            for page in heading_text.split(_PAGE_MARK)
        )
        if raw_pages
        else ()
    )
    marked = normalize(_marked(raw_pages)) if raw_pages else ""
    pages = (
        tuple(" ".join(page.replace(_SENTENCE_MARK, " ").split()) for page in marked.split(_PAGE_MARK))
        if raw_pages
        else ()
    )
    sentences = tuple(
        s for s in (" ".join(part.replace(_PAGE_MARK, " ").split()) for part in marked.split(_SENTENCE_MARK)) if s
    )
    return Prepared(normalize(title), headings, pages, tuple(raw_pages), sentences, " ".join(title.split()))


def snippet(raw: str, position: float) -> str:
    """Original text around a relative position (normalised offsets do not map 1:1 to the original)."""
    if not raw:
        return ""
    center = int(position * len(raw))
    start = max(0, center - SNIPPET_CHARS // 3)
    text = " ".join(raw[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + text + ("…" if start + SNIPPET_CHARS < len(raw) else "")


def _hits(phrase: str, doc: Prepared, min_score: float) -> list[Hit]:
    hits = [Hit(phrase, score, 0, 0.0, "title") for score, _ in find(phrase, doc.title, min_score)[:1]]
    for number, (text, headings) in enumerate(zip(doc.pages, doc.headings), start=1):
        found = find(phrase, text, min_score)
        if not found:
            continue  # headings are lines of the page: nothing there either
        where = "heading" if headings and find(phrase, headings, min_score) else "body"
        for score, start in found:
            hits.append(Hit(phrase, score, number, start / max(1, len(text)), where))
    return hits


def link_indicator(
    indicator: Indicator,
    doc: Prepared,
    doc_type: str,
    framework_id: str,
    common: Common,
    possible: set[str] | None = None,
) -> Match | None:
    """The match that links a document to one indicator, or None when the evidence is too thin."""
    if doc_type not in indicator.evidence_types:
        return None
    regulation = doc_type in common.regulation_types
    threshold = common.thresholds.match_score
    if any(contains(neg, doc.title, threshold) for neg in indicator.negative):
        return None
    hits = [
        hit
        for phrase in indicator.phrases
        if possible is None or phrase in possible
        for hit in _hits(phrase, doc, threshold)
    ]
    if not hits:
        return None
    title = any(h.where == "title" for h in hits)
    heading = any(h.where == "heading" for h in hits)
    body = sum(1 for h in hits if h.where == "body")
    # Reports, minutes, screenshots mention many subjects in passing: only their title and
    # headings say what they evidence. Regulations and plans regulate in their articles, so
    # repeated mentions in the body count there.
    body_counts = doc_type in common.body_link_types and body >= common.thresholds.min_body_mentions
    if not (title or heading or body_counts):
        return None
    if regulation and indicator.kind != "policy" and not title:
        return None  # a regulation evidences a document, practice or service only when it is about it
    weight = (
        (common.thresholds.title_weight if title else 0.0)
        + (HEADING_WEIGHT if heading else 0.0)
        + (BODY_WEIGHT * body if body_counts else 0.0)
    )
    order = {"title": 0, "heading": 1, "body": 2}
    best = min(hits, key=lambda h: (order[h.where], -h.score, h.page))
    page = best.page or 1
    shown = snippet(doc.raw_pages[page - 1], best.position) if best.page else (doc.raw_title or doc.title)
    return Match(
        indicator.no,
        f"{framework_id}/{indicator.no}/{best.phrase}",
        best.phrase,
        best.score,
        round(weight, 2),
        page,
        shown,
        best.where,
    )


def possible_phrases(doc: Prepared, phrases: set[str], min_score: float) -> set[str]:
    """The phrases that can have a hit anywhere in the document, by one scan of the whole text each
    instead of one per page and title: a window of a page is a window of the whole text, so a phrase
    scoring below `min_score` on the whole scores below it on every page."""
    haystack = f"{doc.title} {doc.full}"
    return {
        phrase
        for phrase in phrases
        if phrase in haystack
        or (
            len(phrase) >= FUZZY_MIN_LEN
            and len(haystack) >= len(phrase)
            and fuzz.partial_ratio(phrase, haystack, score_cutoff=min_score)
        )
    }


def one_subject(found: Sequence[Match], doc_type: str, common: Common) -> list[Match]:
    """A regulation whose title names a subject regulates that subject: the other subjects its articles
    mention are context ("Rencana Induk SPBE" plans a data centre; a Perwali on keamanan informasi
    mentions audit). Only a regulation whose title names no subject, the umbrella "Perkada tentang SPBE /
    Tata Kelola SPBE" (reference §5.1: it "often serves all ten indicators"), is linked by its articles."""
    if doc_type not in common.regulation_types:
        return list(found)
    titled = [m for m in found if m.where == "title"]
    return titled or list(found)


def match(doc: Prepared, doc_type: str, framework: Framework, common: Common) -> list[Match]:
    """All indicators the document evidences, best first."""
    candidates = [i for i in framework.indicators if doc_type in i.evidence_types]
    possible = possible_phrases(doc, {p for i in candidates for p in i.phrases}, common.thresholds.match_score)
    found = [m for i in candidates if (m := link_indicator(i, doc, doc_type, framework.id, common, possible))]
    return sorted(one_subject(found, doc_type, common), key=lambda m: (-m.weight, m.indicator))
