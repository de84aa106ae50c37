"""Judge a whole evidence folder the way an assessor does: facts, links, flags, levels, claims, index.

Pure: takes the extracted documents, the rules, the region and year and the
claims; returns a `Judgement`. Storage and the flow stay outside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.claims import Claim
from pipeline.facts import Facts, read_facts
from pipeline.flags import (Flag, draft, duplicate, duplicate_groups, irrelevant, other_region, real_words, stale,
                            superseded, superseded_by, unreadable)
from pipeline.levels import LevelFinding, document_level
from pipeline.matching import Match, Prepared, contains, match, prepare
from pipeline.normalize import Normalizer
from pipeline.rules import Common, Framework, Indicator
from pipeline.scoring import IndexResult, spbe_index

# Flags that do not stop a document from counting as evidence (draft counts for level 1 only).
COUNTING_FLAGS = frozenset({"duplicate", "draft"})


@dataclass(frozen=True)
class DocInput:
    path: str
    sha256: str
    status: str  # ok, failed, unsupported (from ingestion)
    problem_codes: tuple[str, ...]  # ingestion flags (corrupt, wrong_extension, ...)
    pages: tuple[str, ...]
    ocr_pages: int = 0
    ocr_confidence: float | None = None


@dataclass
class DocJudgement:
    path: str
    facts: Facts | None
    flags: list[Flag] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    levels: dict[int, LevelFinding] = field(default_factory=dict)
    counts: bool = False  # valid evidence for levels

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]


@dataclass
class IndicatorResult:
    no: int
    name: str
    claimed_level: int | None
    evidence_level: int
    status: str | None  # sesuai, overclaim, underclaim, tanpa_eviden; None without a claim
    flags: list[str]
    evidence: list[str]
    reason: str
    next_step: str
    missing_files: list[str] = field(default_factory=list)


@dataclass
class Judgement:
    framework: str
    documents: dict[str, DocJudgement]
    indicators: list[IndicatorResult]
    claimed: IndexResult | None
    evidence: IndexResult


class _Context:
    """Answers the folder-level level cues: is there a current review, a revision after it?"""

    def __init__(self, docs: list[tuple[DocJudgement, Prepared]], framework: Framework, common: Common, year: int):
        self._reviews: dict[int, int] = {}
        self._settings: dict[int, list[int]] = {}
        self._planned: set[int] = set()
        threshold = common.thresholds.match_score
        for judged, prepared in docs:
            facts = judged.facts
            if not judged.counts or facts is None:
                continue
            years = [y for y in (*facts.period_years, facts.year) if y]
            is_review = any(contains(p, prepared.title, threshold) for p in common.review_phrases)
            if is_review and years and max(years) >= year - common.thresholds.stale_years:
                of_policies = any(contains(p, prepared.title, threshold) for p in common.policy_review_phrases)
                for indicator in framework.indicators:
                    where = prepared.full if of_policies and indicator.kind == "policy" else prepared.title
                    if any(contains(p, where, threshold) for p in indicator.phrases):
                        self._reviews[indicator.no] = max(self._reviews.get(indicator.no, 0), max(years))
            if facts.doc_type == "peta_rencana":
                self._planned |= {i.no for i in framework.indicators
                                  if any(contains(p, prepared.full, threshold) for p in i.phrases)}
            if facts.doc_type not in common.activity_types and facts.signed is not False and facts.year:
                for m in judged.matches:
                    self._settings.setdefault(m.indicator, []).append(facts.enacted.year if facts.enacted else facts.year)

    def review_year(self, indicator: int) -> int | None:
        return self._reviews.get(indicator)

    def revised_after(self, indicator: int, year: int) -> bool:
        return any(y > year for y in self._settings.get(indicator, []))

    def planned(self, indicator: int) -> bool:
        return indicator in self._planned


def _document_flags(doc: DocInput, judged: DocJudgement, prepared: Prepared, region: str | None, year: int,
                    common: Common) -> list[Flag]:
    facts = judged.facts
    flags = []
    words = real_words(prepared.full)
    for flag in (unreadable(words, doc.ocr_confidence, doc.ocr_pages, common),
                 draft(facts, common), other_region(facts, region), stale(facts, year, common)):
        if flag:
            flags.append(flag)
    return flags


def _status(claimed: int | None, supported: int) -> str | None:
    if supported == 0:
        return "tanpa_eviden"
    if claimed is None:
        return None
    if claimed > supported:
        return "overclaim"
    if claimed < supported:
        return "underclaim"
    return "sesuai"


def _next_step(indicator: Indicator, claimed: int | None, supported: int, best: LevelFinding | None,
               missing_files: list[str]) -> str:
    steps = []
    if supported == 0:
        types = ", ".join(indicator.evidence_types[:5])
        steps.append(f"Belum ada eviden sah untuk {indicator.subject}. Unggah dokumen yang relevan ({types}).")
    elif best is not None and best.next_missing and (claimed is None or claimed > supported or supported < 5):
        target = supported + 1
        text = f"Untuk tingkat {target}, {best.next_missing}"
        if best.missing_items:
            text += f"; belum ada: {', '.join(best.missing_items)}"
        steps.append(text + ".")
    if claimed is not None and supported and claimed < supported:
        steps.append(f"Eviden mendukung tingkat {supported}; pertimbangkan menaikkan penilaian mandiri.")
    if missing_files:
        steps.append(f"Berkas yang dikutip tidak ada di folder: {', '.join(missing_files)}; unggah atau perbaiki nama berkas.")
    return " ".join(steps)


def _missing_files(claim: Claim | None, names: set[str]) -> list[str]:
    if claim is None:
        return []
    return [e for e in claim.evidence if PurePosixPath(e.replace("\\", "/")).name.lower() not in names]


def judge(docs: Sequence[DocInput], framework: Framework, common: Common, *, region: str | None, year: int,
          claims: dict[int, Claim] | None = None, normalizer: Normalizer | None = None) -> Judgement:
    normalize = normalizer or Normalizer(common.synonyms)
    judged: dict[str, DocJudgement] = {}
    prepared: dict[str, Prepared] = {}
    readable = [d for d in docs if d.pages and any(p.strip() for p in d.pages)]

    for doc in readable:
        facts = read_facts(doc.pages, file_name=PurePosixPath(doc.path).name)
        prep = prepare(doc.pages, facts.title, normalize)
        result = DocJudgement(doc.path, facts)
        result.matches = match(prep, facts.doc_type, framework, common)
        result.flags = _document_flags(doc, result, prep, region, year, common)
        judged[doc.path], prepared[doc.path] = result, prep

    for group in duplicate_groups([(d.path, d.sha256, prepared[d.path].full) for d in readable], common):
        for path in group:
            judged[path].flags.append(duplicate(path, group))
    for path, by in superseded_by([(p, j.facts) for p, j in judged.items()]).items():
        judged[path].flags.append(superseded(by))
    for doc in readable:
        result = judged[doc.path]
        if not result.matches and not set(result.flag_codes) - {"duplicate"}:
            result.flags.append(irrelevant())  # one reason is enough: other flags already say why it does not count
        result.counts = doc.status == "ok" and set(result.flag_codes) <= COUNTING_FLAGS

    context = _Context([(judged[d.path], prepared[d.path]) for d in readable], framework, common, year)
    for doc in readable:
        result = judged[doc.path]
        if not result.counts:
            continue
        for m in result.matches:
            result.levels[m.indicator] = document_level(framework.indicator(m.indicator), prepared[doc.path],
                                                        result.facts.doc_type, result.facts.signed, framework,
                                                        common, context)

    names = {PurePosixPath(d.path).name.lower() for d in docs}
    indicators = []
    for indicator in framework.indicators:
        findings = [(path, j.levels[indicator.no]) for path, j in judged.items() if indicator.no in j.levels]
        findings.sort(key=lambda item: (-item[1].level, item[0]))
        supported = findings[0][1].level if findings else 0
        best = findings[0][1] if findings else None
        claim = (claims or {}).get(indicator.no)
        claimed = claim.level if claim else None
        missing = _missing_files(claim, names)
        indicators.append(IndicatorResult(
            no=indicator.no, name=indicator.name, claimed_level=claimed, evidence_level=supported,
            status=_status(claimed, supported), flags=["cited_file_missing"] if missing else [],
            evidence=[path for path, _ in findings], reason=best.reason if best else "tidak ada eviden sah",
            next_step=_next_step(indicator, claimed, supported, best, missing), missing_files=missing,
        ))
    levels = {r.no: r.evidence_level for r in indicators}
    claimed_index = spbe_index({n: c.level for n, c in claims.items()}, framework) if claims else None
    return Judgement(framework.id, judged, indicators, claimed_index, spbe_index(levels, framework))
