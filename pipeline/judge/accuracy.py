"""Accuracy of runs against labelled evidence folders (sample_docs.labels.yaml, bench/real.labels.yaml).

Pure: compares an export (`spbe-evidence/1` dict) with the labels of one run and returns the figures
the judgement must meet: mapping precision/recall (levelled links, and topical links = `indicators` +
`candidate_indicators`), per-flag precision/recall/F1, the share of files linked to an indicator an
assessor accepts, valid files flagged `irrelevant` or `other_region`, level accuracy and index error
where labelled. A labels file holds one run (`region`, `assessment_year`, `files`) or several
(`runs:`, each with its region and files): the region of a run is configuration. `pool` adds up the
runs of one set; files labelled `role: official_result` count in no figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.judge.scoring import spbe_index
from pipeline.rules import Framework

FLAG_NAMES = (
    "draft",
    "other_region",
    "stale",
    "superseded",
    "unreadable",
    "duplicate",
    "irrelevant",
    "corrupt",
    "encrypted",
    "empty",
    "wrong_extension",
    "unsupported",
)
FALSE_ALARMS = ("irrelevant", "other_region")  # flags that tell an admin valid evidence is not evidence
EVIDENCE = "evidence"  # the default role of a labelled file; anything else counts in no figure
# Flags after which a file's `indicators` label says nothing about its topic (it supports no level
# whatever it is about): without a `topical` label such a file is left out of the topical figures.
_TOPIC_HIDDEN_BY = frozenset({"other_region", "superseded", "stale"})


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _prf(predicted: set, expected: set) -> PRF:
    return PRF(len(predicted & expected), len(predicted - expected), len(expected - predicted))


@dataclass(frozen=True)
class Share:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Share) -> Share:
        return Share(self.hits + other.hits, self.total + other.total)

    def text(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})" if self.total else "– (0 files)"


@dataclass(frozen=True)
class LabelledRun:
    """One run a labels file asks for: its configuration and the labels of the files it judges."""

    region: str | None
    year: int
    files: dict[str, dict]
    indicator_levels: dict | None = None  # indicator -> level (or {level, reason}) the folder supports

    @property
    def evidence(self) -> dict[str, dict]:
        return {p: f for p, f in self.files.items() if f.get("role", EVIDENCE) == EVIDENCE}


def runs_of(labels: dict) -> list[LabelledRun]:
    """The runs of a labels file: `runs:` (each with region, files, optional assessment_year and
    indicator_levels), or the one run of the sample shape (region, assessment_year, files)."""
    year = int(labels["assessment_year"])
    if "runs" not in labels:
        return [LabelledRun(labels.get("region"), year, labels["files"], labels.get("indicator_levels"))]
    return [
        LabelledRun(r.get("region"), int(r.get("assessment_year", year)), r["files"], r.get("indicator_levels"))
        for r in labels["runs"]
    ]


@dataclass
class Report:
    mapping: PRF
    flags: dict[str, PRF]
    level_exact: float | None
    level_within_one: float | None
    evidence_index: float | None
    true_index: float | None
    claimed_index: float | None
    true_claimed_index: float | None
    topical: PRF = PRF(0, 0, 0)
    linked: Share = Share(0, 0)  # files an assessor links to an indicator that got one of those indicators
    false_alarms: Share = Share(0, 0)  # valid files flagged irrelevant or other_region
    name: str = ""
    mapping_errors: list[str] = field(default_factory=list)
    topical_errors: list[str] = field(default_factory=list)
    flag_errors: list[str] = field(default_factory=list)
    level_errors: list[str] = field(default_factory=list)
    not_evidence: list[str] = field(default_factory=list)  # what the pipeline did with files that are no evidence
    runs: list[Report] = field(default_factory=list)  # a pooled report: the runs it adds up

    @property
    def index_error(self) -> float | None:
        if self.evidence_index is None or self.true_index is None:
            return None
        return abs(self.evidence_index - self.true_index)

    def lines(self) -> list[str]:
        out = [
            f"mapping  precision {self.mapping.precision:.3f}  recall {self.mapping.recall:.3f}  "
            f"(tp {self.mapping.tp}, fp {self.mapping.fp}, fn {self.mapping.fn})",
            f"topical  precision {self.topical.precision:.3f}  recall {self.topical.recall:.3f}  "
            f"(tp {self.topical.tp}, fp {self.topical.fp}, fn {self.topical.fn}; indicators + candidate_indicators)",
            f"linked   files linked to an indicator an assessor accepts {self.linked.text()}",
            f"alarms   valid files flagged irrelevant or other_region {self.false_alarms.text()}",
        ]
        for name, prf in self.flags.items():
            if prf.tp + prf.fp + prf.fn:
                out.append(f"flag {name:<16} precision {prf.precision:.3f}  recall {prf.recall:.3f}  F1 {prf.f1:.3f}")
        labelled = [r for r in self.runs or [self] if r.level_exact is not None]
        out += [line for r in labelled for line in r._level_lines()] or ["levels   not labelled"]
        out += [f"not evidence: {line}" for line in self.not_evidence]
        return out

    def _level_lines(self) -> list[str]:
        where = f" [{self.name}]" if self.name else ""
        if self.level_exact is None or self.level_within_one is None or self.true_index is None:
            return []
        error = None if self.index_error is None else round(self.index_error, 3)
        return [
            f"levels   exact {self.level_exact:.3f}  within one {self.level_within_one:.3f}{where}",
            f"index    evidence {self.evidence_index}  truth {self.true_index:.2f}  error {error}{where}",
            f"claimed  {self.claimed_index}  truth {self.true_claimed_index}{where}",
        ]

    def details(self) -> list[str]:
        runs = self.runs or [self]
        return [f"{r.name + ': ' if r.name else ''}{line}" for r in runs for line in r._errors()]

    def _errors(self) -> list[str]:
        return self.mapping_errors + self.topical_errors + self.flag_errors + self.level_errors


def _topical(label: dict) -> set[int] | None:
    """The indicators a file is about, or None when its labels do not say (see _TOPIC_HIDDEN_BY)."""
    if "topical" in label:
        return {int(n) for n in label["topical"] or ()}
    if set(label.get("flags") or ()) & _TOPIC_HIDDEN_BY:
        return None
    return {int(n) for n in (label.get("indicators") or {})} | {int(n) for n in label.get("complements") or ()}


def _links(doc: dict, *keys: str) -> set[int]:
    return {int(i["no"]) for key in keys for i in doc.get(key, [])}


def _mapping(docs: dict[str, dict], files: dict[str, dict]) -> tuple[PRF, list[str]]:
    predicted = {(p, n) for p in files for n in _links(docs.get(p, {}), "indicators")}
    expected = {(p, int(n)) for p, f in files.items() for n in (f.get("indicators") or {})}
    errors = [f"extra {p} -> {n}" for p, n in sorted(predicted - expected)]
    errors += [f"missed {p} -> {n}" for p, n in sorted(expected - predicted)]
    return _prf(predicted, expected), errors


def _topical_figures(docs: dict[str, dict], files: dict[str, dict]) -> tuple[PRF, Share, list[str]]:
    predicted: set[tuple[str, int]] = set()
    expected: set[tuple[str, int]] = set()
    hits = total = 0
    for path, label in files.items():
        topic = _topical(label)
        if topic is None:
            continue
        got = _links(docs.get(path, {}), "indicators", "candidate_indicators")
        predicted |= {(path, n) for n in got}
        expected |= {(path, n) for n in topic}
        if topic:
            total += 1
            hits += bool(got & topic)
    errors = [f"topical extra {p} -> {n}" for p, n in sorted(predicted - expected)]
    errors += [f"topical missed {p} -> {n}" for p, n in sorted(expected - predicted)]
    return _prf(predicted, expected), Share(hits, total), errors


def _flag_figures(docs: dict[str, dict], files: dict[str, dict]) -> tuple[dict[str, PRF], Share, list[str]]:
    flags, errors = {}, []
    for name in FLAG_NAMES:
        predicted = {p for p in files if name in docs.get(p, {}).get("flags", [])}
        expected = {p for p, f in files.items() if name in (f.get("flags") or [])}
        flags[name] = _prf(predicted, expected)
        errors += [f"{name}: extra {p}" for p in sorted(predicted - expected)]
        errors += [f"{name}: missed {p}" for p in sorted(expected - predicted)]
    valid = [
        p
        for p, f in files.items()
        if f.get("status", "ok") == "ok" and not set(f.get("flags") or ()) & set(FALSE_ALARMS)
    ]
    alarmed = [p for p in valid if set(docs.get(p, {}).get("flags", [])) & set(FALSE_ALARMS)]
    return flags, Share(len(alarmed), len(valid)), errors


def _what_became_of(path: str, doc: dict) -> str:
    links = sorted(_links(doc, "indicators", "candidate_indicators"))
    return (
        f"{path}: {doc.get('doc_type')}, flags {doc.get('flags', [])}, counts as evidence "
        f"{doc.get('counts_as_evidence', False)}, indicators {links}"
    )


def evaluate_run(
    export: dict, run: LabelledRun, framework: Framework, claims: dict[int, int] | None = None, name: str = ""
) -> Report:
    """One run's export against the labels of that run."""
    docs = {d["path"]: d for d in export["documents"]}
    files = run.evidence
    mapping, mapping_errors = _mapping(docs, files)
    topical, linked, topical_errors = _topical_figures(docs, files)
    flags, alarms, flag_errors = _flag_figures(docs, files)
    report = Report(mapping, flags, None, None, (export.get("index") or {}).get("evidence"), None, None, None)
    report.topical, report.linked, report.false_alarms, report.name = topical, linked, alarms, name
    report.mapping_errors, report.topical_errors, report.flag_errors = mapping_errors, topical_errors, flag_errors
    report.not_evidence = [_what_became_of(p, docs.get(p, {})) for p in run.files if p not in files]
    if run.indicator_levels:
        _levels(report, export, run.indicator_levels, framework, claims)
    return report


def _levels(report: Report, export: dict, labelled: dict, framework: Framework, claims: dict[int, int] | None) -> None:
    truth = {int(k): int(v["level"] if isinstance(v, dict) else v) for k, v in labelled.items()}
    got = {int(i["no"]): int(i["evidence_level"]) for i in export.get("indicators", [])}
    report.level_exact = sum(1 for n, lv in truth.items() if got.get(n, 0) == lv) / len(truth)
    report.level_within_one = sum(1 for n, lv in truth.items() if abs(got.get(n, 0) - lv) <= 1) / len(truth)
    report.true_index = round(spbe_index(truth, framework).value, 2)
    report.claimed_index = (export.get("index") or {}).get("claimed")
    report.true_claimed_index = round(spbe_index(claims, framework).value, 2) if claims else None
    report.level_errors = [
        f"indicator {n}: got {got.get(n, 0)}, expected {lv}" for n, lv in sorted(truth.items()) if got.get(n, 0) != lv
    ]


def evaluate(export: dict, labels: dict, framework: Framework, claims: dict[int, int] | None = None) -> Report:
    """A one-run labels file (sample_docs.labels.yaml) against the export of its run."""
    (run,) = runs_of(labels)
    return evaluate_run(export, run, framework, claims)


def pool(name: str, reports: Sequence[Report]) -> Report:
    """The figures of a set judged in several runs: counts added up; levels and index stay per run."""
    if len(reports) == 1:
        return _renamed(reports[0], name)
    names = {n for r in reports for n in r.flags}
    total = Report(
        mapping=sum((r.mapping for r in reports), PRF(0, 0, 0)),
        flags={n: sum((r.flags[n] for r in reports), PRF(0, 0, 0)) for n in FLAG_NAMES if n in names},
        level_exact=None,
        level_within_one=None,
        evidence_index=None,
        true_index=None,
        claimed_index=None,
        true_claimed_index=None,
        topical=sum((r.topical for r in reports), PRF(0, 0, 0)),
        linked=sum((r.linked for r in reports), Share(0, 0)),
        false_alarms=sum((r.false_alarms for r in reports), Share(0, 0)),
        name=name,
    )
    total.not_evidence = [line for r in reports for line in r.not_evidence]
    total.runs = list(reports)
    return total


def _renamed(report: Report, name: str) -> Report:
    report.name = report.name or name
    return report


def as_labels(data: Any) -> dict:
    """A labels document as loaded from YAML, checked for the keys every shape needs."""
    if not isinstance(data, dict) or "assessment_year" not in data or not ("files" in data or "runs" in data):
        raise ValueError("labels need assessment_year and files (one run) or runs (several)")
    return data
