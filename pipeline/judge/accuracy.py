"""Accuracy of a run against a labelled evidence folder (sample_docs.labels.yaml format).

Pure: compares an export (`spbe-evidence/1` dict) with labels and returns the
figures the judgement must meet: mapping precision/recall, per-flag
precision/recall/F1, level accuracy, index error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _prf(predicted: set, expected: set) -> PRF:
    return PRF(len(predicted & expected), len(predicted - expected), len(expected - predicted))


@dataclass
class Report:
    mapping: PRF
    flags: dict[str, PRF]
    level_exact: float
    level_within_one: float
    evidence_index: float | None
    true_index: float
    claimed_index: float | None
    true_claimed_index: float | None
    mapping_errors: list[str] = field(default_factory=list)
    flag_errors: list[str] = field(default_factory=list)
    level_errors: list[str] = field(default_factory=list)

    @property
    def index_error(self) -> float | None:
        return None if self.evidence_index is None else abs(self.evidence_index - self.true_index)

    def lines(self) -> list[str]:
        out = [
            f"mapping  precision {self.mapping.precision:.3f}  recall {self.mapping.recall:.3f}  "
            f"(tp {self.mapping.tp}, fp {self.mapping.fp}, fn {self.mapping.fn})"
        ]
        for name, prf in self.flags.items():
            if prf.tp + prf.fp + prf.fn:
                out.append(f"flag {name:<16} precision {prf.precision:.3f}  recall {prf.recall:.3f}  F1 {prf.f1:.3f}")
        out.append(f"levels   exact {self.level_exact:.3f}  within one {self.level_within_one:.3f}")
        out.append(
            f"index    evidence {self.evidence_index}  truth {self.true_index:.2f}  error "
            f"{self.index_error if self.index_error is None else round(self.index_error, 3)}"
        )
        out.append(f"claimed  {self.claimed_index}  truth {self.true_claimed_index}")
        return out


def evaluate(export: dict, labels: dict, framework: Framework, claims: dict[int, int] | None = None) -> Report:
    docs = {d["path"]: d for d in export["documents"]}
    files = labels["files"]
    predicted_links = {(p, int(i["no"])) for p, d in docs.items() for i in d.get("indicators", [])}
    expected_links = {(p, int(no)) for p, f in files.items() for no in (f.get("indicators") or {})}
    mapping = _prf(predicted_links, expected_links)

    flags = {}
    for name in FLAG_NAMES:
        predicted = {p for p, d in docs.items() if name in d.get("flags", [])}
        expected = {p for p, f in files.items() if name in (f.get("flags") or [])}
        flags[name] = _prf(predicted, expected)

    truth = {int(k): int(v["level"] if isinstance(v, dict) else v) for k, v in labels["indicator_levels"].items()}
    got = {int(i["no"]): int(i["evidence_level"]) for i in export.get("indicators", [])}
    exact = sum(1 for n, lv in truth.items() if got.get(n, 0) == lv) / len(truth)
    within = sum(1 for n, lv in truth.items() if abs(got.get(n, 0) - lv) <= 1) / len(truth)
    index = export.get("index") or {}
    true_claimed = round(spbe_index(claims, framework).value, 2) if claims else None
    report = Report(
        mapping,
        flags,
        exact,
        within,
        index.get("evidence"),
        round(spbe_index(truth, framework).value, 2),
        index.get("claimed"),
        true_claimed,
    )
    report.mapping_errors = [f"extra {p} -> {n}" for p, n in sorted(predicted_links - expected_links)] + [
        f"missed {p} -> {n}" for p, n in sorted(expected_links - predicted_links)
    ]
    for name in flags:
        predicted = {p for p, d in docs.items() if name in d.get("flags", [])}
        expected = {p for p, f in files.items() if name in (f.get("flags") or [])}
        report.flag_errors += [f"{name}: extra {p}" for p in sorted(predicted - expected)]
        report.flag_errors += [f"{name}: missed {p}" for p in sorted(expected - predicted)]
    report.level_errors = [
        f"indicator {n}: got {got.get(n, 0)}, expected {lv}" for n, lv in sorted(truth.items()) if got.get(n, 0) != lv
    ]
    return report
