"""Indeks SPBE: weighted levels, aspect and domain indices, predicate (PermenPANRB 59/2020 Lampiran B)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.rules import Framework


@dataclass(frozen=True)
class IndexResult:
    value: float  # unrounded; reports show two decimals
    predicate: str
    aspects: dict[str, float]
    domains: dict[str, float]


def spbe_index(levels: dict[int, int], framework: Framework) -> IndexResult:
    """Σ weight × level / 100; a missing or 0 level counts as the framework floor (level 1)."""

    def level(no: int) -> int:
        return max(framework.level_floor, levels.get(no, 0) or 0)

    aspects = {
        a.id: sum(i.weight * level(i.no) for i in framework.indicators if i.aspect == a.id) / a.weight
        for a in framework.aspects
    }
    domains = {
        d.id: sum(a.weight * aspects[a.id] for a in framework.aspects if a.domain == d.id) / d.weight
        for d in framework.domains
    }
    value = sum(i.weight * level(i.no) for i in framework.indicators) / 100
    return IndexResult(value, framework.predicate(round(value, 2)), aspects, domains)
