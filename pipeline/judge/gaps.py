"""Which gaps cost the most index: weight × (claimed − supported level) / 100.

Without a claim, the gap is measured against the level the evaluation reports
set as a target for every indicator (level 3, reference §3.2), so leadership
still sees where the index is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.rules import Framework

TARGET_LEVEL = 3


@dataclass(frozen=True)
class Gap:
    no: int
    name: str
    claimed_level: int | None
    evidence_level: int
    target_level: int  # the claimed level, or TARGET_LEVEL without a claim
    cost: float  # index points lost: weight × (target − max(1, evidence)) / 100


def index_gaps(indicators: Iterable[dict], framework: Framework) -> list[Gap]:
    """Gaps ordered by their effect on the index, largest first. `indicators` as in the JSON export."""
    gaps = []
    for item in indicators:
        indicator = framework.indicator(int(item["no"]))
        claimed = item.get("claimed_level")
        target = claimed if claimed is not None else TARGET_LEVEL
        supported = max(framework.level_floor, int(item.get("evidence_level") or 0))
        if target > supported:
            gaps.append(
                Gap(
                    indicator.no,
                    indicator.name,
                    claimed,
                    int(item.get("evidence_level") or 0),
                    target,
                    indicator.weight * (target - supported) / 100,
                )
            )
    return sorted(gaps, key=lambda g: (-g.cost, g.no))
