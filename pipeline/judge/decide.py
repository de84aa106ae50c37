"""Judge a whole evidence folder the way an assessor does: facts, links, flags, levels, claims, index.

Pure: takes the extracted documents, the rules, the region and year and the
claims; returns a `Judgement`. Storage and the flow stay outside. `judge`
analyses every document (`pipeline.judge.analysis`) and then `decide`s; the flow
calls `decide` on stored analyses, so unchanged documents are not read again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.judge.analysis import Analysis, Analyzer, analysis_version, analyze, file_name_of
from pipeline.judge.claims import Claim
from pipeline.judge.facts import Facts, facts_vocabulary, read_facts
from pipeline.judge.facts.references import PART_MAX_PAGES
from pipeline.judge.flags import (
    OcrPage,
    draft,
    duplicate_flags,
    irrelevant,
    near_duplicate_groups,
    official_result,
    other_region,
    stale,
    superseded,
    superseded_by,
    unreadable,
)
from pipeline.judge.levels import LevelFinding, resolve_level
from pipeline.judge.matching import Match
from pipeline.judge.normalize import Normalizer
from pipeline.judge.scoring import IndexResult, spbe_index
from pipeline.model import Flag
from pipeline.privacy.personal_data import PersonalData, redact, scan
from pipeline.privacy.personal_data import flag as personal_data_flag
from pipeline.rules import Common, Framework, Indicator

# Flags that do not stop a document from counting as evidence (draft counts for level 1 only).
# personal_data asks for redaction; the document still evidences what it shows.
COUNTING_FLAGS = frozenset({"duplicate", "draft", "personal_data"})
# Flags that say nothing about what a document evidences: a document with only these can still be irrelevant.
NEUTRAL_FLAGS = frozenset({"duplicate", "personal_data"})
# The indicator a path files a document under: a file or folder name opening with the indicator number
# ("1.a.Pergub-1-2020.pdf", "21.a.Pergub-Tatakelola-SPBE.pdf": the example evidence names of Pedoman
# MenPANRB 3/2024 Bab III B, reference §5.5) or a folder "Indikator 7" / "Ind_07" (usage).
_FILED_UNDER = re.compile(r"^(?:indikator|ind)?[\s._\-]*0*([1-9][0-9]?)(?=[\s._\-]|[a-z](?:[\s._\-]|$)|$)", re.I)


@dataclass(frozen=True)
class DocInput:
    path: str
    sha256: str
    status: str  # ok, failed, unsupported (from ingestion)
    problem_codes: tuple[str, ...]  # ingestion flags (corrupt, wrong_extension, ...)
    pages: tuple[str, ...]
    ocr_pages: int = 0
    ocr_confidence: float | None = None
    ocr: tuple[OcrPage, ...] | None = None  # the pages that needed OCR; None: all `ocr_pages` when that is every page


@dataclass(frozen=True)
class Analyzed:
    """A file of the folder with its stored analysis (None when it has no readable text)."""

    path: str
    sha256: str
    status: str
    problem_codes: tuple[str, ...]
    ocr_pages: int
    ocr_confidence: float | None
    analysis: Analysis | None
    personal_data: PersonalData | None = None  # counts and pages found before redaction
    pages: int | None = None  # pages extraction returned (None: not known)
    ocr: tuple[OcrPage, ...] | None = None  # the pages that needed OCR, one by one (None: not known)
    no_text: bool = False  # extraction found no text at all (so there is no analysis)


@dataclass
class DocJudgement:
    path: str
    facts: Facts  # every judged document has an analysis, so facts
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
    """Answers the folder-level level cues: is there a current review, a revision after it, a plan?"""

    def __init__(self, docs: list[tuple[DocJudgement, Analysis]], common: Common, year: int):
        self._reviews: dict[int, int] = {}
        self._settings: dict[int, list[int]] = {}
        self._planned: set[int] = set()
        for judged, analysis in docs:
            facts = judged.facts
            if not judged.counts:
                continue
            years = [y for y in (*facts.period_years, facts.year) if y]
            if analysis.reviews and years and max(years) >= year - common.thresholds.stale_years:
                for no in analysis.reviews:
                    self._reviews[no] = max(self._reviews.get(no, 0), max(years))
            self._planned.update(analysis.plans)
            if facts.doc_type not in common.activity_types and facts.signed is not False and facts.year:
                for m in judged.matches:
                    self._settings.setdefault(m.indicator, []).append(
                        facts.enacted.year if facts.enacted else facts.year
                    )

    def review_year(self, indicator: int) -> int | None:
        return self._reviews.get(indicator)

    def revised_after(self, indicator: int, year: int) -> bool:
        return any(y > year for y in self._settings.get(indicator, []))

    def planned(self, indicator: int) -> bool:
        return indicator in self._planned


def _unreadable(doc: Analyzed, words: int, common: Common) -> Flag | None:
    return unreadable(words, doc.ocr_confidence, doc.ocr_pages, common, pages=doc.pages, ocr=doc.ocr)


def _document_flags(doc: Analyzed, analysis: Analysis, region: str | None, year: int, common: Common) -> list[Flag]:
    facts = analysis.facts
    found = (
        _unreadable(doc, analysis.words, common),
        draft(facts, common),
        other_region(facts, region),
        stale(facts, year, common),
    )
    personal = personal_data_flag(doc.personal_data, common) if doc.personal_data else None
    official = official_result() if analysis.official_result else None
    return [flag for flag in (*found, personal, official) if flag]


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


def _next_step(
    indicator: Indicator,
    claimed: int | None,
    supported: int,
    best: LevelFinding | None,
    missing_files: list[str],
    common: Common,
) -> str:
    steps = []
    if supported == 0:
        types = ", ".join(_type_label(t, common) for t in indicator.evidence_types[:5])
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
        steps.append(
            f"Berkas yang dikutip tidak ada di folder: {', '.join(missing_files)}; unggah atau perbaiki nama berkas."
        )
    return " ".join(steps)


def _missing_files(claim: Claim | None, names: set[str]) -> list[str]:
    if claim is None:
        return []
    return [e for e in claim.evidence if PurePosixPath(e.replace("\\", "/")).name.lower() not in names]


def judge(
    docs: Sequence[DocInput],
    framework: Framework,
    common: Common,
    *,
    region: str | None,
    year: int,
    claims: dict[int, Claim] | None = None,
    normalizer: Normalizer | None = None,
) -> Judgement:
    """Analyse every document and decide; the whole judgement from texts in one call."""
    analyzer = Analyzer(framework, common, normalizer or Normalizer(common.synonyms), analysis_version(framework))
    items = [_analyzed(d, analyzer) for d in docs]
    return decide(items, framework, common, region=region, year=year, claims=claims)


def _analyzed(d: DocInput, analyzer: Analyzer) -> Analyzed:
    """One document as the flow stores it: personal data counted, then only redacted text analysed."""
    common = analyzer.common
    found = scan(d.pages, common)
    pages = [redact(p, common) for p in d.pages] if found.total else list(d.pages)
    ocr = d.ocr
    if ocr is None and d.ocr_pages and d.ocr_pages == len(d.pages):  # a scan: every page needed OCR
        ocr = tuple(
            OcrPage(n, len(t.strip()), d.ocr_confidence if t.strip() else None) for n, t in enumerate(d.pages, 1)
        )
    has_text = readable(pages)
    return Analyzed(
        d.path,
        d.sha256,
        d.status,
        d.problem_codes,
        d.ocr_pages,
        d.ocr_confidence,
        analyze(pages, file_name_of(d.path), analyzer) if has_text else None,
        found,
        pages=len(d.pages),
        ocr=ocr,
        no_text=not has_text,
    )


def readable(pages: Sequence[str]) -> bool:
    return any(p.strip() for p in pages)


def _filed_under(path: str, indicators: set[int]) -> int | None:
    """The indicator a path files its document under: named by the file name, else by the nearest folder."""
    for part in reversed(PurePosixPath(path).parts):
        m = _FILED_UNDER.match(part)
        if m and int(m.group(1)) in indicators:
            return int(m.group(1))
    return None


def _mark_duplicates(
    judged: dict[str, DocJudgement], analysed: list[tuple[Analyzed, Analysis]], framework: Framework, common: Common
) -> None:
    """Re-scans and other versions are faults; copies filed for other indicators are not (`duplicate_flags`)."""
    numbers = {i.no for i in framework.indicators}
    identities = {d.path: (a.facts.key, a.facts.year) for d, a in analysed}  # different instruments or years
    sha = {d.path: d.sha256 for d, _ in analysed}
    items = [(d.path, d.sha256, a.signature, a.sketch) for d, a in analysed]
    for group in near_duplicate_groups(items, common, identities):
        for path, flag in duplicate_flags([(p, sha[p], _filed_under(p, numbers)) for p in group]).items():
            judged[path].flags.append(flag)


# What can link a document to an indicator, as the irrelevant message names it: every signal the
# analysis runs (their links and candidates are all in `Analysis.matches`, told apart by their rule:
# "<framework>/<no>/<phrase>", "application:<name>") and those of the folder. A document is irrelevant
# only when none found anything; a signal that joins the analysis joins this list.
PHRASES = "frasa kunci indikator pada judul dan judul bagian"
PHRASES_IN_BODY = "frasa kunci indikator pada judul, judul bagian dan isi"  # regulations and plans
SIGNALS_TRIED = (
    "nama aplikasi SPBE pada judul atau bagian atas halaman pertama",
    "kemiripan dengan penjelasan indikator dalam PermenPANRB 59/2020 dan Pedoman 3/2024",
)


def _signals(analysis: Analysis, common: Common) -> tuple[bool, tuple[str, ...]]:
    """(did any signal find something, what was looked for)."""
    phrases = PHRASES_IN_BODY if analysis.facts.doc_type in common.body_link_types else PHRASES
    return bool(analysis.matches), (phrases, *SIGNALS_TRIED)


PART_OF = "part_of"  # where a link inherited from the regulation a document is a part of was found


def _type_label(doc_type: str, common: Common) -> str:
    cues = common.doc_types.get(doc_type)
    return cues.label if cues and cues.label else doc_type.replace("_", " ")


def _read_as(facts: Facts, common: Common) -> str:
    """What the document reads as, for the admin: its type and title ('laporan "Laporan Kegiatan …"')."""
    kind = _type_label(facts.doc_type, common)
    title = " ".join(facts.title.split())
    title = title if len(title) <= 80 else title[:79] + "…"
    return f'{kind} "{title}"' if title else kind


def _inherit_subjects(judged: dict[str, DocJudgement], linked: dict[str, set[int]], common: Common) -> None:
    """A lampiran, page or photo of a regulation in the folder is about what that regulation is about:
    it gets the regulation's subjects as topical links (no level: a part is not the enacted whole)."""
    instruments = {
        j.facts.key: j
        for j in judged.values()
        if j.facts.key
        and j.facts.key not in j.facts.part_of  # a lampiran reads as its instrument: it is not the whole
        and j.facts.doc_type in common.regulation_types
        and set(j.flag_codes) <= COUNTING_FLAGS
    }
    for part in judged.values():
        own = {m.indicator for m in part.matches}
        for key in part.facts.part_of:
            whole = instruments.get(key)
            if whole is None or whole.path == part.path:
                continue
            for m in whole.matches:
                if m.indicator in own or m.indicator not in linked.get(whole.path, set()):
                    continue
                own.add(m.indicator)
                snippet = f"bagian dari {PurePosixPath(whole.path).name} ({key}): {m.snippet}"
                part.matches.append(
                    Match(m.indicator, f"{PART_OF}/{key}/{m.indicator}", m.phrase, m.score, 0.0, 1, snippet, PART_OF)
                )


def _a_page_of_a_regulation(doc: Analyzed, judged: DocJudgement) -> bool:
    """A page or photo of a regulation (a lampiran page, a signature page) is not the enacted whole:
    it is about what the regulation is about, and supports no level on its own."""
    return bool(judged.facts.part_of) and doc.pages is not None and doc.pages <= PART_MAX_PAGES


def _judge_documents(
    docs: Sequence[Analyzed], framework: Framework, common: Common, region: str | None, year: int
) -> dict[str, DocJudgement]:
    """Every document's facts, links and flags; a document without any text is unreadable."""
    judged: dict[str, DocJudgement] = {}
    for doc in docs:
        if doc.analysis is not None:
            judged[doc.path] = DocJudgement(doc.path, doc.analysis.facts, matches=list(doc.analysis.matches))
            judged[doc.path].flags = _document_flags(doc, doc.analysis, region, year, common)
        elif doc.no_text and doc.status == "ok":
            facts = read_facts((), file_name=file_name_of(doc.path), vocabulary=facts_vocabulary(common))
            judged[doc.path] = DocJudgement(doc.path, facts, flags=[f for f in (_unreadable(doc, 0, common),) if f])
    analysed = [(d, d.analysis) for d in docs if d.analysis is not None]
    _mark_duplicates(judged, analysed, framework, common)
    for path, by in superseded_by([(p, j.facts) for p, j in judged.items()]).items():
        judged[path].flags.append(superseded(by))
    _inherit_subjects(judged, {d.path: {t.indicator for t in a.traces} for d, a in analysed}, common)
    for doc, analysis in analysed:
        result = judged[doc.path]
        found, tried = _signals(analysis, common)
        if not (found or result.matches) and not set(result.flag_codes) - NEUTRAL_FLAGS:
            # one reason is enough: other flags already say why it does not count
            result.flags.append(irrelevant(tried, _read_as(result.facts, common)))
    for doc in docs:
        if doc.path in judged:
            judged[doc.path].counts = doc.status == "ok" and set(judged[doc.path].flag_codes) <= COUNTING_FLAGS
    return judged


def decide(
    docs: Sequence[Analyzed],
    framework: Framework,
    common: Common,
    *,
    region: str | None,
    year: int,
    claims: dict[int, Claim] | None = None,
) -> Judgement:
    """The folder-level judgement from per-document analyses: no document text needed."""
    judged = _judge_documents(docs, framework, common, region, year)
    analysed = [(d, d.analysis) for d in docs if d.analysis is not None]
    context = _Context([(judged[d.path], a) for d, a in analysed], common, year)
    for doc, analysis in analysed:
        result = judged[doc.path]
        if not result.counts or _a_page_of_a_regulation(doc, result):
            continue
        for m in result.matches:
            trace = analysis.trace(m.indicator)
            if trace is not None:
                result.levels[m.indicator] = resolve_level(trace, context)

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
        indicators.append(
            IndicatorResult(
                no=indicator.no,
                name=indicator.name,
                claimed_level=claimed,
                evidence_level=supported,
                status=_status(claimed, supported),
                flags=["cited_file_missing"] if missing else [],
                evidence=[path for path, _ in findings],
                reason=best.reason if best else "tidak ada eviden sah",
                next_step=_next_step(indicator, claimed, supported, best, missing, common),
                missing_files=missing,
            )
        )
    levels = {r.no: r.evidence_level for r in indicators}
    claimed_index = spbe_index({n: c.level for n, c in claims.items()}, framework) if claims else None
    return Judgement(framework.id, judged, indicators, claimed_index, spbe_index(levels, framework))
