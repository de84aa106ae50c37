"""A second, independent signal: the assessors' own words as retrieval text.

The phrases in rules/ link a document to an indicator only when the document uses those words.
Here every indicator is described instead by its official sentences (PermenPANRB 59/2020 and
Pedoman 3/2024, rules/official/): its name, question, description, level criteria and the
evidence expected per level. A document is compared with each indicator by TF-IDF cosine over
words and word pairs, both normalised like the phrases are (synonyms, OCR damage), with the
IDF taken across the 47 indicators, so words every indicator uses ("instansi", "kebijakan")
weigh nothing and the words that tell indicators apart weigh most. Title and headings count
more than the body, as in matching.

Every candidate is explainable: its score, the official sentence closest to the document (with
its source and page), the shared words that weigh most, and the document page and snippet
where they stand.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.judge.normalize import Normalizer
from pipeline.rules import OfficialSentence, Thresholds, load_official_texts, official_texts_path

MIN_TERM_CHARS = 3
TITLE_WEIGHT = 3.0  # a word in the title counts as this many body mentions
HEADING_WEIGHT = 2.0
HEADING_MAX_CHARS = 90
TITLE_LINES = 12  # without a title from the facts, the first lines of page 1 stand for it
SHOWN_TERMS = 6
MAX_SHARE = 0.5  # a word in more than this share of the indicators' texts tells none apart ("pada", "layanan")
SNIPPET_CHARS = 160
_MARK = "qzxmarkxzq"  # survives normalising as a word of its own; splits one normalised text into parts
_NON_LETTER = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class RetrievalMatch:
    """One indicator that the official texts suggest for a document, and why."""

    indicator: int
    rule: str  # e.g. "official/permenpanrb-59-2020/11"
    score: float  # cosine similarity 0-1 of the document to the indicator's official sentences
    sentence: str  # the official sentence closest to the document
    source: str  # the document that sentence is from, e.g. "pedoman-menpanrb-3-2024"
    source_page: int
    terms: tuple[str, ...]  # the shared words (normalised) that weigh most
    page: int  # 1-based page of the document where those words stand (0: only in the title)
    snippet: str


@dataclass(frozen=True)
class IndexedSentence:
    sentence: OfficialSentence
    terms: frozenset[str]


@dataclass(frozen=True)
class OfficialIndex:
    """TF-IDF vectors of the official texts per indicator; built once per rules file and normaliser."""

    framework_id: str
    idf: dict[str, float]
    vectors: dict[int, dict[str, float]]  # indicator -> L2-normalised TF-IDF vector
    sentences: dict[int, tuple[IndexedSentence, ...]]


def terms(normalised: str) -> list[str]:
    """Words of at least three letters and the pairs of neighbouring words, from normalised text."""
    words = [w for w in normalised.split() if len(w) >= MIN_TERM_CHARS and not w.isdigit()]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _normalise_parts(parts: Sequence[str], normalizer: Normalizer) -> list[str]:
    """Normalise many texts in one pass (the normaliser's fuzzy folding is the costly part)."""
    if not parts:
        return []
    joined = normalizer(f" {_MARK} ".join(parts))
    out = [" ".join(p.split()) for p in joined.split(_MARK)]
    return out if len(out) == len(parts) else [normalizer(p) for p in parts]


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def build_index(
    framework_id: str, texts: dict[int, tuple[OfficialSentence, ...]], normalizer: Normalizer
) -> OfficialIndex:
    sentences: dict[int, tuple[IndexedSentence, ...]] = {}
    counts: dict[int, Counter[str]] = {}
    for no, official in sorted(texts.items()):
        normalised = _normalise_parts([s.text for s in official], normalizer)
        indexed = tuple(IndexedSentence(s, frozenset(terms(n))) for s, n in zip(official, normalised))
        sentences[no] = indexed
        counts[no] = Counter(t for n in normalised for t in terms(n))
    df = Counter(t for c in counts.values() for t in c)
    total = len(counts)
    idf = {t: math.log((total + 1) / (d + 0.5)) for t, d in df.items() if d <= MAX_SHARE * total}
    vectors = {
        no: _unit({t: (1 + math.log(c)) * idf[t] for t, c in tf.items() if t in idf}) for no, tf in counts.items()
    }
    return OfficialIndex(framework_id, idf, vectors, sentences)


@lru_cache(maxsize=4)
def _cached_index(path: Path, stamp: int, framework_id: str, normalizer: Normalizer) -> OfficialIndex:
    return build_index(framework_id, load_official_texts(path), normalizer)


def official_index(framework_id: str, normalizer: Normalizer, official_dir: Path | None = None) -> OfficialIndex:
    """The index of rules/official/<framework>.yaml, built once per file version and normaliser."""
    path = official_texts_path(framework_id, official_dir)
    return _cached_index(path, path.stat().st_mtime_ns, framework_id, normalizer)


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    letters = _NON_LETTER.sub("", stripped)
    return (
        3 <= len(stripped) <= HEADING_MAX_CHARS
        and len(letters) >= 3
        and sum(map(str.isupper, letters)) > 0.7 * len(letters)
    )


@dataclass(frozen=True)
class _Document:
    pages: tuple[str, ...]  # normalised
    raw_pages: tuple[str, ...]
    title: str  # normalised
    vector: dict[str, float]  # L2-normalised TF-IDF, over the index's words only


def _document(pages: Sequence[str], title: str, normalizer: Normalizer, idf: dict[str, float]) -> _Document:
    if not title and pages:
        title = " ".join(line for line in pages[0].splitlines()[:TITLE_LINES] if _is_heading(line))
    headings = [" ".join(line for line in page.splitlines() if _is_heading(line)) for page in pages]
    normalised = _normalise_parts([title, *pages, *headings], normalizer)
    norm_title, norm_pages, norm_headings = normalised[0], normalised[1 : len(pages) + 1], normalised[len(pages) + 1 :]
    tf: dict[str, float] = {}
    for text, weight in [(norm_title, TITLE_WEIGHT), *((h, HEADING_WEIGHT - 1.0) for h in norm_headings)]:
        for term in terms(text):
            tf[term] = (
                tf.get(term, 0.0) + weight
            )  # headings are lines of the page too: their body mention is counted below
    for page in norm_pages:
        for term in terms(page):
            tf[term] = tf.get(term, 0.0) + 1.0
    vector = _unit({t: (1 + math.log(c)) * idf[t] for t, c in tf.items() if t in idf and c >= 1})
    return _Document(tuple(norm_pages), tuple(pages), norm_title, vector)


def _best_sentence(doc: _Document, sentences: Iterable[IndexedSentence]) -> IndexedSentence:
    def weight(s: IndexedSentence) -> float:
        return sum(doc.vector.get(t, 0.0) for t in s.terms) / math.sqrt(len(s.terms) or 1)

    return max(sentences, key=lambda s: (weight(s), -s.sentence.page))


def _snippet(raw: str, normalised: str, term: str) -> str:
    """Original text around the first occurrence of a normalised word (offsets mapped by proportion)."""
    found = re.search(rf"(?<![0-9a-z]){re.escape(term)}(?![0-9a-z])", normalised)
    center = int((found.start() if found else 0) / max(1, len(normalised)) * len(raw))
    start = max(0, center - SNIPPET_CHARS // 3)
    text = " ".join(raw[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + text + ("…" if start + SNIPPET_CHARS < len(raw) else "")


def _explain(doc: _Document, index: OfficialIndex, no: int, score: float) -> RetrievalMatch:
    vector = index.vectors[no]
    shared = sorted((t for t in doc.vector if t in vector), key=lambda t: (-doc.vector[t] * vector[t], t))
    shown = tuple(shared[:SHOWN_TERMS])
    best = _best_sentence(doc, index.sentences[no])
    page_weights = [sum(vector[t] for t in shown if f" {t} " in f" {text} ") for text in doc.pages]
    page = max(range(len(page_weights)), key=lambda i: (page_weights[i], -i)) + 1 if any(page_weights) else 0
    if page:
        term = next(t for t in shown if f" {t} " in f" {doc.pages[page - 1]} ")
        snippet = _snippet(doc.raw_pages[page - 1], doc.pages[page - 1], term)
    else:
        snippet = doc.title[:SNIPPET_CHARS]
    sentence = best.sentence
    return RetrievalMatch(
        no,
        f"official/{index.framework_id}/{no}",
        round(score, 3),
        sentence.text,
        sentence.source,
        sentence.page,
        shown,
        page,
        snippet,
    )


def scores(doc_vector: dict[str, float], index: OfficialIndex) -> dict[int, float]:
    """Cosine similarity of a document vector to every indicator."""
    return {no: sum(w * vector.get(t, 0.0) for t, w in doc_vector.items()) for no, vector in index.vectors.items()}


def official_candidates(
    pages: Sequence[str],
    normalizer: Normalizer,
    index: OfficialIndex,
    thresholds: Thresholds,
    title: str = "",
    possible: Collection[int] | None = None,
) -> list[RetrievalMatch]:
    """The indicators whose official texts the document resembles most, best first (at most top_k,
    each at least retrieval_min_score). `possible`: the indicators its document type can evidence
    (as in matching); None for all."""
    if not any(p.strip() for p in pages):
        return []
    doc = _document(pages, title, normalizer, index.idf)
    found = scores(doc.vector, index)
    ranked = sorted(
        ((no, s) for no, s in found.items() if possible is None or no in possible), key=lambda item: (-item[1], item[0])
    )
    kept = [(no, s) for no, s in ranked[: thresholds.retrieval_top_k] if s >= thresholds.retrieval_min_score]
    return [_explain(doc, index, no, s) for no, s in kept]
