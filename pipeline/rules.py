"""Indicator requirements as data: load and validate `rules/*.yaml`.

A framework (indicators, weights, predicates, level cues) is one versioned
YAML file; a new framework is a new file, not a code change. Language-level
knowledge shared by frameworks (synonyms, document-type cues, draft markers,
flag thresholds) lives in `rules/common.yaml`. Unknown keys and keys written
twice are errors, so a typo or a pasted-twice entry in a rule file fails loudly
instead of silently doing nothing (YAML itself would keep only the last one).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Hashable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
KINDS = ("policy", "document", "practice", "audit", "service")


class RulesError(ValueError):
    """A rule file is malformed."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a mapping key written twice (PyYAML would silently keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<: *anchor" merges a mapping; its keys are not written twice
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue  # YAML's own loader refuses it below
            line = key_node.start_mark.line + 1
            if key in first_line:
                raise RulesError(
                    f"{key_node.start_mark.name} baris {line}: kunci {key!r} sudah ditulis di baris "
                    f"{first_line[key]}; gabungkan keduanya menjadi satu entri"
                )
            first_line[key] = line
        return super().construct_mapping(node, deep=deep)


def read_rules_file(path: Path) -> Any:
    """The data of one rules file; a key written twice in any mapping is a RulesError naming file, key and line."""
    text = path.read_text(encoding="utf-8")
    loader = _UniqueKeyLoader(text)
    loader.name = path.name  # marks (and so the error message) name the file, not "<unicode string>"
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _build(cls, data: dict[str, Any], where: str):
    if not isinstance(data, dict):
        raise RulesError(f"{where}: expected a mapping, got {type(data).__name__}")
    allowed = {f.name for f in fields(cls)}
    unknown = set(data) - allowed
    if unknown:
        raise RulesError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
    try:
        return cls(**data)
    except TypeError as exc:
        raise RulesError(f"{where}: {exc}") from exc


@dataclass(frozen=True)
class LevelCue:
    """What a document must show (beyond the lower levels) for one capability level."""

    all_of: tuple[str, ...] = ()  # every phrase must occur (e.g. all architecture domains)
    any_of: tuple[str, ...] = ()  # at least one phrase must occur
    min_of: int = 0  # with any_of: at least this many distinct phrases (0 = 1)
    needs_review: bool = False  # a current review/evaluation of this indicator must exist in the folder
    needs_revision: bool = False  # a policy/document enacted after such a review must exist
    missing: str = ""  # what to tell the admin is missing, in Bahasa Indonesia

    def __post_init__(self) -> None:
        object.__setattr__(self, "all_of", tuple(self.all_of))
        object.__setattr__(self, "any_of", tuple(self.any_of))


@dataclass(frozen=True)
class Indicator:
    no: int
    aspect: str
    name: str
    weight: float
    scale: str  # process | service
    kind: str  # policy | document | practice | audit | service: selects the level model
    subject: str  # short name used in explanations ("Arsitektur SPBE")
    evidence_types: tuple[str, ...]
    phrases: tuple[str, ...]  # key phrases; any one matching (fuzzy) links a document to the indicator
    negative: tuple[str, ...] = ()  # phrases that veto the link when they dominate the title
    levels: dict[int, LevelCue] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()  # other official names of the indicator

    def __post_init__(self) -> None:
        for name in ("evidence_types", "phrases", "negative", "aliases"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.kind not in KINDS:
            raise RulesError(f"indicator {self.no}: kind {self.kind!r} not in {KINDS}")
        if not self.phrases:
            raise RulesError(f"indicator {self.no}: needs at least one phrase")
        cues = {
            int(level): cue
            if isinstance(cue, LevelCue)
            else _build(LevelCue, cue or {}, f"indicator {self.no} level {level}")
            for level, cue in dict(self.levels).items()
        }
        if any(level not in range(2, 6) for level in cues):
            raise RulesError(f"indicator {self.no}: level cues must be for levels 2..5")
        object.__setattr__(self, "levels", cues)


@dataclass(frozen=True)
class Aspect:
    id: str
    domain: str
    name: str
    weight: float


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    weight: float


@dataclass(frozen=True)
class Predicate:
    min: float
    name: str


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    assessment_years: tuple[int, int]  # inclusive range of assessment years it governs
    level_floor: int
    predicates: tuple[Predicate, ...]
    domains: tuple[Domain, ...]
    aspects: tuple[Aspect, ...]
    scales: dict[str, dict[int, str]]
    indicators: tuple[Indicator, ...]
    service_levels: dict[int, LevelCue] = field(default_factory=dict)  # shared cues of the service scale

    def indicator(self, no: int) -> Indicator:
        return self._by_no()[no]

    def _by_no(self) -> dict[int, Indicator]:
        return {i.no: i for i in self.indicators}

    def aspect(self, aspect_id: str) -> Aspect:
        return next(a for a in self.aspects if a.id == aspect_id)

    def predicate(self, index: float) -> str:
        for predicate in sorted(self.predicates, key=lambda p: -p.min):
            if index >= predicate.min:
                return predicate.name
        return self.predicates[-1].name


@dataclass(frozen=True)
class BrowserChrome:
    """Names in the window and tab titles of screenshots and browser print-outs (never a title or issuer)."""

    browsers: tuple[str, ...] = ()  # a window title ending in one: "Beranda - SIPD - Google Chrome"
    webmail: tuple[str, ...] = ()  # a tab title with one as a part: "Gmail - Kotak Masuk"
    new_tab: tuple[str, ...] = ()  # "New Tab x +"

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class OfficialResultCues:
    """How an official evaluation result (LHE) shows itself: at least `min_of` of its fixed sections."""

    phrases: tuple[str, ...] = ()
    min_of: int = 3

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class Thresholds:
    """Flag thresholds (configurable, not code)."""

    stale_years: int = 2  # activity evidence older than this many years before the assessment year
    unreadable_min_confidence: float = 45.0  # mean OCR confidence below this: too little usable text
    unreadable_min_words: int = 15  # fewer real words than this on the whole document
    unreadable_min_page_chars: int = 20  # a page that needed OCR and gave fewer characters gave no text
    unreadable_page_share: float = 0.5  # share of a document's pages that must be OCR pages without text
    near_duplicate_similarity: float = 90.0  # rapidfuzz ratio on normalised text for a re-scan
    match_score: float = 88.0  # minimum fuzzy score for a phrase to count as present
    title_weight: float = 2.0  # a phrase in the title counts this much more than in the body
    min_body_mentions: int = 3  # body mentions that link a regulation/plan without a title or heading hit
    retrieval_min_score: float = 0.20  # official-text similarity (0-1) from which an indicator is a candidate
    retrieval_top_k: int = 3  # at most this many official-text candidates per document


PERSONAL_DATA_KINDS = ("nik", "nip", "phone", "landline", "email", "email_dinas")


@dataclass(frozen=True)
class PersonalDataRules:
    """When personal data found in a document (pipeline.privacy.personal_data) earns the `personal_data` flag."""

    # kind -> distinct values from which a document is flagged; kinds not listed are redacted, never flagged
    flag_min: dict[str, int] = field(default_factory=lambda: {"nik": 1, "nip": 3, "phone": 2, "email": 2})
    institutional_email_domains: tuple[str, ...] = ("go.id", "desa.id", "mil.id")  # e-mail on these is email_dinas
    nik_province_codes: tuple[int, ...] = (
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        21,
        31,
        32,
        33,
        34,
        35,
        36,
        51,
        52,
        53,
        61,
        62,
        63,
        64,
        65,
        71,
        72,
        73,
        74,
        75,
        76,
        81,
        82,
        91,
        92,
        93,
        94,
        95,
        96,
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "flag_min", {str(k): int(v) for k, v in dict(self.flag_min).items()})
        object.__setattr__(
            self, "institutional_email_domains", tuple(d.lower().lstrip(".@") for d in self.institutional_email_domains)
        )
        object.__setattr__(self, "nik_province_codes", tuple(int(c) for c in self.nik_province_codes))
        unknown = set(self.flag_min) - set(PERSONAL_DATA_KINDS)
        if unknown:
            raise RulesError(
                f"personal_data flag_min: unknown kinds {sorted(unknown)} (allowed: {list(PERSONAL_DATA_KINDS)})"
            )
        if any(v < 1 for v in self.flag_min.values()):
            raise RulesError("personal_data flag_min: counts must be at least 1 (leave a kind out to never flag it)")
        if any(not 11 <= c <= 99 for c in self.nik_province_codes):
            raise RulesError("personal_data nik_province_codes: two-digit codes 11..99 expected")


def _tuples(record: Any) -> None:
    """Lists read from YAML become tuples, as in the other rule records."""
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, list):
            object.__setattr__(record, f.name, tuple(value))


@dataclass(frozen=True)
class DocTypeCues:
    """How a document type shows itself. Phrases are normalised text (see rules/common.yaml)."""

    title: tuple[str, ...]  # phrases that open its title line
    body: tuple[str, ...] = ()  # phrases that support it anywhere in the text
    title_anywhere: tuple[str, ...] = ()  # phrases that make a heading line this type wherever they stand in it
    summary: tuple[str, ...] = ()  # a heading opening with one of these ...
    summary_of: tuple[str, ...] = ()  # ... and naming one of these further on is a summary of this type
    screen: tuple[str, ...] = ()  # labels of an application screen (read as written), counted to spot a screenshot
    file_name: tuple[str, ...] = ()  # literal lower-case fragments of a file name that name this type
    label: str = ""  # what the type is called in Bahasa Indonesia, for the admin

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class DraftMarkers:
    """What marks a draft (reference §7.3), by where the facts reader looks for it."""

    before_title: tuple[str, ...]  # alone on a line of the title block, or just before the title
    watermark: tuple[str, ...]  # alone on any line of the document
    paraf: tuple[str, ...]  # paraf boxes of a draft circulated for sign-off
    file_name: tuple[str, ...]  # literal lower-case fragments opening a part of the file name
    placeholders: tuple[str, ...] = ()  # literal marks typed where a number or date is still to be filled in

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class SignatureMarkers:
    """What shows a published, signed copy (reference §7.1, §7.4)."""

    signed: tuple[str, ...]  # written where the signature was ("ttd", "Cap/dto")
    certified_copy: tuple[str, ...]  # certifies a copy of the enacted instrument
    copy_heading: tuple[str, ...]  # alone on one of the first lines of a certified copy, or before its title

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class RevokePhrases:
    """What makes a regulation revoke or amend an earlier one, and how it names that one."""

    revoked: tuple[str, ...]  # the instruments cited BEFORE it are revoked ("… dicabut dan dinyatakan tidak berlaku")
    revoking: tuple[str, ...]  # the instruments cited AFTER it are revoked ("Mencabut Peraturan Bupati …")
    amending: tuple[str, ...]  # opening an amending title: "PERUBAHAN [KEDUA] ATAS <the amended instrument>"
    cites: dict[str, tuple[str, ...]]  # instrument type -> how a revocation or amendment names one of that type
    part_heads: tuple[str, ...] = ()  # opening a part of an instrument that names it ("LAMPIRAN PERATURAN …")

    def __post_init__(self) -> None:
        _tuples(self)
        object.__setattr__(self, "cites", {k: tuple(v) for k, v in dict(self.cites).items()})


@dataclass(frozen=True)
class Common:
    """Language-level knowledge shared by all frameworks."""

    synonyms: dict[str, tuple[str, ...]]  # canonical phrase -> variants/abbreviations (normalised text)
    doc_types: dict[str, DocTypeCues]  # type -> how a document of that type shows itself
    heading_types: tuple[str, ...]  # doc types recognised by their heading, in this order (first wins)
    lampiran_types: tuple[str, ...]  # a Lampiran of a regulation naming one of these takes its type (first wins)
    draft_markers: DraftMarkers
    signature_markers: SignatureMarkers
    review_phrases: tuple[str, ...]  # what makes a document a review/evaluation
    policy_review_phrases: tuple[str, ...]  # in a review's title: it reviews policies
    negations: tuple[str, ...]  # words that make a sentence a shortfall or a plan
    revoke_phrases: RevokePhrases
    activity_types: tuple[str, ...]  # doc types that can be stale
    regulation_types: tuple[str, ...]  # doc types that are legal instruments
    body_link_types: tuple[str, ...]  # doc types whose body mentions alone can link them (they regulate/plan)
    thresholds: Thresholds = field(default_factory=Thresholds)
    personal_data: PersonalDataRules = field(default_factory=PersonalDataRules)
    informal_types: tuple[str, ...] = ()  # doc types that evidence level 1 at most unless signed (Pedoman 3/2024)
    official_result: OfficialResultCues = field(default_factory=OfficialResultCues)  # an LHE: not evidence
    browser_chrome: BrowserChrome = field(default_factory=BrowserChrome)

    def __post_init__(self) -> None:
        known = set(self.doc_types)
        untitled = [t for t, cues in self.doc_types.items() if not cues.title]
        if untitled:
            raise RulesError(f"doc_types {untitled}: every type needs at least one title phrase")
        half = [t for t, cues in self.doc_types.items() if bool(cues.summary) != bool(cues.summary_of)]
        if half:
            raise RulesError(f"doc_types {half}: summary and summary_of go together")
        for name in (
            "heading_types",
            "lampiran_types",
            "activity_types",
            "regulation_types",
            "body_link_types",
            "informal_types",
        ):
            unknown = [t for t in getattr(self, name) if t not in known]
            if unknown:
                raise RulesError(f"{name}: unknown doc types {unknown} (known: {sorted(known)})")
        stray = set(self.revoke_phrases.cites) - set(self.regulation_types)
        if stray:
            raise RulesError(f"revoke_phrases cites: {sorted(stray)} are not regulation_types")


def _framework_from(data: dict[str, Any], where: str) -> Framework:
    data = dict(data)
    try:
        data["predicates"] = tuple(_build(Predicate, p, f"{where} predicate") for p in data["predicates"])
        data["domains"] = tuple(_build(Domain, d, f"{where} domain") for d in data["domains"])
        data["aspects"] = tuple(_build(Aspect, a, f"{where} aspect") for a in data["aspects"])
        data["indicators"] = tuple(_build(Indicator, i, f"{where} indicator {i.get('no')}") for i in data["indicators"])
        data["service_levels"] = {
            int(k): _build(LevelCue, v, f"{where} service level {k}")
            for k, v in (data.get("service_levels") or {}).items()
        }
        data["scales"] = {name: {int(k): v for k, v in levels.items()} for name, levels in data["scales"].items()}
        data["assessment_years"] = tuple(data["assessment_years"])
    except KeyError as exc:
        raise RulesError(f"{where}: missing key {exc}") from exc
    framework = _build(Framework, data, where)
    _check_weights(framework, where)
    return framework


def _check_weights(framework: Framework, where: str) -> None:
    """Weights nest exactly (indicator -> aspect -> domain -> 100); catch a typo before it skews the index."""
    numbers = [i.no for i in framework.indicators]
    if numbers != sorted(set(numbers)):
        raise RulesError(f"{where}: indicator numbers must be unique and ascending")
    for aspect in framework.aspects:
        total = sum(i.weight for i in framework.indicators if i.aspect == aspect.id)
        if abs(total - aspect.weight) > 1e-6:
            raise RulesError(
                f"{where}: indicator weights of {aspect.id} sum to {total}, aspect weight is {aspect.weight}"
            )
    for domain in framework.domains:
        total = sum(a.weight for a in framework.aspects if a.domain == domain.id)
        if abs(total - domain.weight) > 1e-6:
            raise RulesError(f"{where}: aspect weights of {domain.id} sum to {total}, domain weight is {domain.weight}")
    if abs(sum(d.weight for d in framework.domains) - 100.0) > 1e-6:
        raise RulesError(f"{where}: domain weights must sum to 100")


def load_framework(path: Path) -> Framework:
    return _framework_from(read_rules_file(path), path.name)


def load_common(path: Path | None = None) -> Common:
    path = path or RULES_DIR / "common.yaml"
    data = dict(read_rules_file(path))
    data["synonyms"] = {k: tuple(v) for k, v in data["synonyms"].items()}
    data["doc_types"] = {
        k: _build(DocTypeCues, cues, f"{path.name} doc_types {k}") for k, cues in data["doc_types"].items()
    }
    for name, cls in (
        ("draft_markers", DraftMarkers),
        ("signature_markers", SignatureMarkers),
        ("revoke_phrases", RevokePhrases),
    ):
        data[name] = _build(cls, data.get(name) or {}, f"{path.name} {name}")
    for name in (
        "heading_types",
        "lampiran_types",
        "review_phrases",
        "activity_types",
        "regulation_types",
        "body_link_types",
        "policy_review_phrases",
        "negations",
        "informal_types",
    ):
        data[name] = tuple(data.get(name) or ())
    data["thresholds"] = _build(Thresholds, data.get("thresholds") or {}, f"{path.name} thresholds")
    data["personal_data"] = _build(PersonalDataRules, data.get("personal_data") or {}, f"{path.name} personal_data")
    data["browser_chrome"] = _build(BrowserChrome, data.get("browser_chrome") or {}, f"{path.name} browser_chrome")
    data["official_result"] = _build(
        OfficialResultCues, data.get("official_result") or {}, f"{path.name} official_result"
    )
    return _build(Common, data, path.name)


NOT_FRAMEWORKS = frozenset(
    {"common.yaml", "instansi.yaml", "applications.yaml"}
)  # rule files in rules/ that are not frameworks


def available_frameworks(rules_dir: Path = RULES_DIR) -> dict[str, Path]:
    return {p.stem: p for p in sorted(rules_dir.glob("*.yaml")) if p.name not in NOT_FRAMEWORKS}


@lru_cache(maxsize=8)
def framework_for_year(year: int, rules_dir: Path = RULES_DIR) -> Framework:
    """The framework that governs an assessment year (the newest one whose range covers it)."""
    candidates = [load_framework(p) for p in available_frameworks(rules_dir).values()]
    covering = [f for f in candidates if f.assessment_years[0] <= year <= f.assessment_years[1]]
    if not covering:
        ranges = ", ".join(f"{f.id} {f.assessment_years[0]}-{f.assessment_years[1]}" for f in candidates)
        raise RulesError(f"tidak ada kerangka penilaian untuk tahun {year} (tersedia: {ranges})")
    return max(covering, key=lambda f: f.assessment_years[0])


# ---------------------------------------------------------------------------
# applications named in evidence (rules/applications.yaml)

APPLICATION_REGULATION_MODES = ("candidate", "none")


@dataclass(frozen=True)
class Application:
    """A government application and the indicators a document about it evidences."""

    name: str
    aliases: tuple[str, ...]  # as people write it; normalised with the synonyms before matching
    indicators: tuple[int, ...]
    sources: tuple[str, ...]  # codes of ApplicationRules.sources
    modules: dict[int, tuple[str, ...]] = field(default_factory=dict)  # indicator -> module words that pick it
    also_by_type: dict[str, tuple[int, ...]] = field(default_factory=dict)  # doc type -> more indicators
    candidate_only: bool = False  # topical only: never a link with a level (sector services, weak evidence)
    not_for: tuple[int, ...] = ()  # indicators an assessor does not accept for it (self-assessment claims)

    def __post_init__(self) -> None:
        _tuples(self)
        object.__setattr__(self, "indicators", tuple(int(n) for n in self.indicators))
        object.__setattr__(self, "not_for", tuple(int(n) for n in self.not_for))
        object.__setattr__(self, "modules", {int(k): tuple(v) for k, v in dict(self.modules).items()})
        object.__setattr__(
            self, "also_by_type", {str(k): tuple(int(n) for n in v) for k, v in dict(self.also_by_type).items()}
        )
        where = f"application {self.name!r}"
        if not self.name.strip() or not self.aliases or not self.indicators or not self.sources:
            raise RulesError(f"{where}: name, aliases, indicators and sources are required")
        if set(self.modules) - set(self.indicators):
            raise RulesError(f"{where}: modules name indicators it does not list: {sorted(set(self.modules))}")
        if any(not words for words in self.modules.values()):
            raise RulesError(f"{where}: every module needs at least one word")
        if set(self.not_for) & {*self.indicators, *(n for ns in self.also_by_type.values() for n in ns)}:
            raise RulesError(f"{where}: not_for {list(self.not_for)} contradicts its indicators")

    def indicators_for(self, doc_type: str) -> tuple[int, ...]:
        return (*self.indicators, *self.also_by_type.get(doc_type, ()))


@dataclass(frozen=True)
class ApplicationRules:
    """rules/applications.yaml: where a named application is evidence, and the applications."""

    sources: dict[str, str]  # code -> the public source it stands for
    use_types: tuple[str, ...]  # doc types of the running system: screenshot, report, manual, SOP, minutes
    regulations: str  # what naming an application in a regulation makes: candidate | none
    head_lines: int  # lines at the top of the first page where an application shows its name
    applications: tuple[Application, ...]

    def __post_init__(self) -> None:
        _tuples(self)
        if self.regulations not in APPLICATION_REGULATION_MODES:
            raise RulesError(f"applications: regulations {self.regulations!r} not in {APPLICATION_REGULATION_MODES}")
        if self.head_lines < 1:
            raise RulesError("applications: head_lines must be at least 1")
        names = [a.name for a in self.applications]
        if len(set(names)) != len(names):
            raise RulesError(f"applications: names written twice: {sorted({n for n in names if names.count(n) > 1})}")
        unknown = {s for a in self.applications for s in a.sources} - set(self.sources)
        if unknown:
            raise RulesError(f"applications: unknown source codes {sorted(unknown)} (known: {sorted(self.sources)})")


def load_applications(path: Path | None = None) -> ApplicationRules:
    """The applications of rules/applications.yaml (indicators and doc types are checked against the
    framework and common.yaml by tests/test_applications.py: this file stands on its own)."""
    path = path or RULES_DIR / "applications.yaml"
    data = dict(read_rules_file(path))
    try:
        data["applications"] = tuple(
            _build(Application, a, f"{path.name} application {n + 1}") for n, a in enumerate(data["applications"])
        )
        data["sources"] = {str(k): str(v) for k, v in data["sources"].items()}
    except KeyError as exc:
        raise RulesError(f"{path.name}: missing key {exc}") from exc
    return _build(ApplicationRules, data, path.name)


@lru_cache(maxsize=1)
def default_applications() -> ApplicationRules:
    """The shipped rules/applications.yaml, read once per process."""
    return load_applications()


# ---------------------------------------------------------------------------
# who issues documents: regions (rules/regions.csv) and central institutions (rules/instansi.yaml)

REGION_KINDS = ("provinsi", "kabupaten", "kota")
REGION_COLUMNS = ["code", "name", "kind", "province_code"]
_REGION_CODE = re.compile(r"\d{2}(?:\.\d{2})?")


@dataclass(frozen=True)
class Region:
    """A province, kabupaten or kota of the official list (Kemendagri code, its province)."""

    code: str  # "82", "82.71"
    name: str  # as the decree writes it: "Maluku Utara", "Kota Ternate", "Kabupaten Pakpak Bharat"
    kind: str  # provinsi | kabupaten | kota
    province_code: str  # "82" (a province: its own code)

    @property
    def full_name(self) -> str:
        """How a government is named in Bahasa Indonesia: "Provinsi Maluku Utara", "Kota Ternate"."""
        return f"Provinsi {self.name}" if self.kind == "provinsi" else self.name


def _region_from(row: dict[str, str], where: str) -> Region:
    region = Region(**{k: (row.get(k) or "").strip() for k in REGION_COLUMNS})
    if not _REGION_CODE.fullmatch(region.code) or not region.name:
        raise RulesError(f"{where}: code {region.code!r} or name {region.name!r} is malformed")
    if region.kind not in REGION_KINDS:
        raise RulesError(f"{where}: kind {region.kind!r} not in {REGION_KINDS}")
    expected = "provinsi" if "." not in region.code else "kota" if int(region.code[3:]) >= 71 else "kabupaten"
    if region.kind != expected or region.province_code != region.code[:2]:
        raise RulesError(f"{where}: {region.code} must be a {expected} of province {region.code[:2]}")
    if region.kind != "provinsi" and not region.name.startswith(region.kind.capitalize() + " "):
        raise RulesError(f"{where}: the name of a {region.kind} starts with {region.kind.capitalize()!r}")
    return region


def load_regions(path: Path | None = None) -> tuple[Region, ...]:
    """The provinces, kabupaten and kota of rules/regions.csv; every kabupaten/kota has its province."""
    path = path or RULES_DIR / "regions.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != REGION_COLUMNS:
            raise RulesError(f"{path.name}: columns must be {REGION_COLUMNS}, got {reader.fieldnames}")
        regions = tuple(_region_from(row, f"{path.name} baris {n}") for n, row in enumerate(reader, start=2))
    codes = [r.code for r in regions]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise RulesError(f"{path.name}: codes written twice: {twice}")
    provinces = {r.code for r in regions if r.kind == "provinsi"}
    orphans = [r.code for r in regions if r.province_code not in provinces]
    if orphans:
        raise RulesError(f"{path.name}: kabupaten/kota without their province: {orphans}")
    return regions


INSTANSI_KINDS = ("kementerian", "kementerian_koordinator", "lembaga")


@dataclass(frozen=True)
class FormerName:
    """An earlier name of an institution; documents issued under it are the institution's own."""

    name: str
    source: str
    abbreviations: tuple[str, ...] = ()
    until: int | None = None  # the year the name ended, when known
    note: str = ""

    def __post_init__(self) -> None:
        _tuples(self)


@dataclass(frozen=True)
class Instansi:
    """A central government institution (kementerian, kementerian koordinator, lembaga)."""

    id: str
    kind: str
    name: str
    source: str  # the regulation that set it up or renamed it, or "usage"
    abbreviations: tuple[str, ...] = ()
    since: int | None = None
    former: tuple[FormerName, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _tuples(self)
        if self.kind not in INSTANSI_KINDS:
            raise RulesError(f"instansi {self.id}: kind {self.kind!r} not in {INSTANSI_KINDS}")
        if not self.name.strip() or not self.source.strip():
            raise RulesError(f"instansi {self.id}: name and source are required")
        former = tuple(
            f if isinstance(f, FormerName) else _build(FormerName, f, f"instansi {self.id} former") for f in self.former
        )
        if any(not f.source.strip() for f in former):
            raise RulesError(f"instansi {self.id}: every former name needs its source")
        object.__setattr__(self, "former", former)

    @property
    def names(self) -> tuple[str, ...]:
        """Every way it is written: name, abbreviations, former names and theirs."""
        out = [self.name, *self.abbreviations]
        for f in self.former:
            out += [f.name, *f.abbreviations]
        return tuple(out)


def load_instansi(path: Path | None = None) -> tuple[Instansi, ...]:
    """The central institutions of rules/instansi.yaml; ids and names (in any case) are unique."""
    path = path or RULES_DIR / "instansi.yaml"
    data = read_rules_file(path)
    if not isinstance(data, dict) or set(data) != {"instansi"} or not isinstance(data["instansi"], list):
        raise RulesError(f"{path.name}: expected one key 'instansi' holding a list")
    entries = tuple(_build(Instansi, e, f"{path.name} instansi {n + 1}") for n, e in enumerate(data["instansi"]))
    ids = [e.id for e in entries]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise RulesError(f"{path.name}: ids written twice: {twice}")
    owner: dict[str, str] = {}
    for entry in entries:
        for name in entry.names:
            key = " ".join(name.lower().split())
            if owner.get(key, entry.id) != entry.id:
                raise RulesError(f"{path.name}: {name!r} names both {owner[key]} and {entry.id}")
            owner[key] = entry.id
    return entries


# ---------------------------------------------------------------------------
# official texts per indicator (rules/official/<framework>.yaml, written by rules/tools/official_texts.py)

OFFICIAL_DIR = RULES_DIR / "official"


@dataclass(frozen=True)
class OfficialSentence:
    """One sentence of the official texts about one indicator, with where it stands."""

    text: str
    source: str  # e.g. "permenpanrb-59-2020", "pedoman-menpanrb-3-2024"
    page: int  # page of the source PDF
    section: str  # name | question | description | assessment | evidence | criteria
    level: int | None = None  # the level the sentence is about, None for the indicator as a whole


def official_texts_path(framework_id: str, official_dir: Path | None = None) -> Path:
    return (official_dir or OFFICIAL_DIR) / f"{framework_id}.yaml"


def load_official_texts(path: Path) -> dict[int, tuple[OfficialSentence, ...]]:
    """indicator -> its official sentences; a file without sentences for an indicator is an error."""
    data = read_rules_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), dict):
        raise RulesError(f"{path.name}: expected a mapping with 'indicators'")
    texts = {
        int(no): tuple(_build(OfficialSentence, s, f"{path.name} indicator {no}") for s in sentences or ())
        for no, sentences in data["indicators"].items()
    }
    empty = [no for no, sentences in texts.items() if not sentences]
    if empty:
        raise RulesError(f"{path.name}: no sentences for indicators {empty}")
    return texts
