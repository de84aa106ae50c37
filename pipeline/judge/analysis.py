"""What one document says by itself: facts, indicator links, level traces, duplicate sketch.

An assessor's judgement has two parts. Most of it reads one document at a time
(what is it, which indicators does it evidence, which level cues does its text
meet); a little of it compares documents (duplicates, revocations, a current
review, a plan). `analyze` is the first part: pure, the same for the same text,
file name and rules, so it is computed once per content and stored, keyed by
`analysis_version`. `pipeline.judge.decide.decide` does the second part from stored
analyses alone, without any document text, so a nightly re-run of an unchanged
folder reads no text and its memory does not grow with the folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from pipeline.judge.applications import find_applications, merge, without_names
from pipeline.judge.facts import Facts, facts_vocabulary, read_facts
from pipeline.judge.flags import near_duplicate_signature, real_words
from pipeline.judge.levels import LevelStep, LevelTrace, level_trace
from pipeline.judge.matching import Match, Prepared, contains, match, prepare
from pipeline.judge.normalize import Normalizer
from pipeline.judge.retrieval import official_candidates, official_index
from pipeline.rules import (
    RULES_DIR,
    ApplicationRules,
    Common,
    Framework,
    available_frameworks,
    default_applications,
    framework_for_year,
    load_common,
    official_texts_path,
)

# Bump when analysis code changes its result for the same text and rules.
ANALYSIS_CODE_VERSION = "7"


@dataclass(frozen=True)
class Analysis:
    facts: Facts
    matches: tuple[Match, ...]  # links first, then candidates (topical, no level: no trace)
    traces: tuple[LevelTrace, ...]  # one per linked indicator
    words: int  # real words in the text (unreadable flag)
    signature: str  # start of the normalised text for near-duplicate checks; "" when too few words
    sketch: tuple[int, ...]  # smallest shingle hashes of the signature (near-duplicate candidates)
    reviews: tuple[int, ...]  # indicators this document reviews (when its title says it is a review)
    plans: tuple[int, ...]  # indicators this document plans (when it is a Peta Rencana SPBE)
    official_result: bool = False  # an official evaluation result (LHE of KemenPANRB): not evidence

    def trace(self, indicator: int) -> LevelTrace | None:
        return next((t for t in self.traces if t.indicator == indicator), None)


@dataclass(frozen=True)
class Analyzer:
    """Rules and their version for one assessment year; built once per process."""

    framework: Framework
    common: Common
    normalize: Normalizer
    version: str
    applications: ApplicationRules = field(default_factory=default_applications)


@lru_cache(maxsize=8)
def analyzer_for(year: int) -> Analyzer:
    framework, common = framework_for_year(year), load_common()
    return Analyzer(framework, common, Normalizer(common.synonyms), analysis_version(framework))


def analysis_version(framework: Framework) -> str:
    """Code version plus a digest of the rule files: edit a rule and every document is analysed again."""
    digest = hashlib.sha256(ANALYSIS_CODE_VERSION.encode())
    official = official_texts_path(framework.id)
    for path in (
        available_frameworks().get(framework.id),
        RULES_DIR / "common.yaml",
        RULES_DIR / "applications.yaml",
        official,
    ):
        if path is not None and path.is_file():
            digest.update(path.read_bytes())
    return f"{framework.id}/a{ANALYSIS_CODE_VERSION}/{digest.hexdigest()[:12]}"


def _reviews(doc: Prepared, framework: Framework, common: Common, named: frozenset[int]) -> tuple[int, ...]:
    """Indicators a review covers: those its title names by phrase or by application ("Reviu SRIKANDI")."""
    threshold = common.thresholds.match_score
    if not any(contains(p, doc.title, threshold) for p in common.review_phrases):
        return ()
    of_policies = any(contains(p, doc.title, threshold) for p in common.policy_review_phrases)
    full = doc.full if of_policies else ""
    return tuple(
        i.no
        for i in framework.indicators
        if i.no in named
        or any(contains(p, full if i.kind == "policy" and of_policies else doc.title, threshold) for p in i.phrases)
    )


def _official_result(full: str, common: Common) -> bool:
    cues = common.official_result
    return bool(cues.phrases) and sum(1 for p in cues.phrases if p in full) >= cues.min_of


def _plans(doc: Prepared, facts: Facts, framework: Framework, common: Common) -> tuple[int, ...]:
    if facts.doc_type != "peta_rencana":
        return ()
    threshold = common.thresholds.match_score
    full = doc.full
    return tuple(i.no for i in framework.indicators if any(contains(p, full, threshold) for p in i.phrases))


def analyze(pages: Sequence[str], file_name: str, analyzer: Analyzer) -> Analysis:
    framework, common = analyzer.framework, analyzer.common
    facts = read_facts(pages, file_name=file_name, vocabulary=facts_vocabulary(common))
    prepared = prepare(pages, facts.title, analyzer.normalize)
    named = find_applications(prepared, facts.doc_type, framework, common, analyzer.applications, analyzer.normalize)
    links, candidates = merge(match(prepared, facts.doc_type, framework, common), named)
    cued = without_names(prepared, named.names)  # level cues are not read in the application's own name
    traces = tuple(
        level_trace(framework.indicator(m.indicator), cued, facts.doc_type, facts.signed, framework, common)
        for m in links
    )
    found = {m.indicator for m in links + candidates}
    # a regulation whose title names its subject needs no second opinion on what it is about (one_subject)
    titled = facts.doc_type in common.regulation_types and any(m.where == "title" for m in links)
    official = () if titled else _official(pages, facts, analyzer, exclude=found)
    full = prepared.full
    words = real_words(full)
    signature, hashes = near_duplicate_signature(full, common, words)
    return Analysis(
        facts,
        links + candidates + official,
        traces,
        words,
        signature,
        hashes,
        _reviews(prepared, framework, common, named.in_title),
        _plans(prepared, facts, framework, common),
        _official_result(full, common),
    )


def _official(pages: Sequence[str], facts: Facts, analyzer: Analyzer, *, exclude: set[int]) -> tuple[Match, ...]:
    """The second signal: indicators whose official texts (PermenPANRB 59/2020, Pedoman 3/2024) the document
    resembles, as candidates (no level), each with the official sentence that matched and its page."""
    framework = analyzer.framework
    if not official_texts_path(framework.id).is_file():
        return ()
    possible = None
    if facts.doc_type != "other":
        possible = {i.no for i in framework.indicators if facts.doc_type in i.evidence_types}
    index = official_index(framework.id, analyzer.normalize)
    found = official_candidates(pages, analyzer.normalize, index, analyzer.common.thresholds, facts.title, possible)
    return tuple(
        Match(
            m.indicator,
            f"{m.rule} ({m.source} hlm. {m.source_page})",
            m.sentence[:200],
            round(m.score * 100, 1),
            0.0,
            m.page,
            m.snippet,
            "official_text",
        )  # fmt: skip
        for m in found
        if m.indicator not in exclude
    )


def analyze_json(pages: Sequence[str], file_name: str, analyzer: Analyzer) -> str:
    """The stored form; "null" for a content without readable text (so it is not retried every run)."""
    if not any(p.strip() for p in pages):
        return "null"
    return to_json(analyze(pages, file_name, analyzer))


def file_name_of(path: str) -> str:
    return PurePosixPath(path).name


# ---------------------------------------------------------------------------
# storage form (JSON): stable field names, dates as ISO text


def to_json(analysis: Analysis) -> str:
    data = asdict(analysis)
    enacted = analysis.facts.enacted
    data["facts"]["enacted"] = enacted.isoformat() if enacted else None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _tuples(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: tuple(v) if k in names and v is not None else v for k, v in data.items()}


def from_json(text: str) -> Analysis:
    data = json.loads(text)
    f = data["facts"]
    f["enacted"] = date.fromisoformat(f["enacted"]) if f.get("enacted") else None
    facts = Facts(**_tuples(f, "regions_named", "draft_markers", "period_years", "revokes", "amends"))
    traces = tuple(
        LevelTrace(
            t["indicator"],
            t["base"],
            t["base_reason"],
            t["cap"],
            tuple(LevelStep(**_tuples(s, "missing")) for s in t["steps"]),
            t.get("cap_reason", ""),
        )
        for t in data["traces"]
    )
    return Analysis(
        facts,
        tuple(Match(**m) for m in data["matches"]),
        traces,
        data["words"],
        data["signature"],
        tuple(data["sketch"]),
        tuple(data["reviews"]),
        tuple(data["plans"]),
        data.get("official_result", False),
    )
