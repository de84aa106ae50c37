"""Gaps are ordered by what they cost the index."""

from __future__ import annotations

import pytest

from pipeline.judge.gaps import TARGET_LEVEL, index_gaps


def test_gaps_are_ordered_by_weight_times_level_gap(framework):
    items = [
        {"no": 1, "claimed_level": 4, "evidence_level": 2},  # 1.30 × 2 = 2.6
        {"no": 42, "claimed_level": 3, "evidence_level": 2},  # 3.00 × 1 = 3.0
        {"no": 11, "claimed_level": 2, "evidence_level": 3},
    ]  # underclaim: no gap
    gaps = index_gaps(items, framework)
    assert [g.no for g in gaps] == [42, 1]
    assert gaps[0].cost == pytest.approx(0.03) and gaps[1].cost == pytest.approx(0.026)


def test_level_zero_counts_as_the_floor(framework):
    gaps = index_gaps([{"no": 32, "claimed_level": 3, "evidence_level": 0}], framework)
    assert gaps[0].cost == pytest.approx(2.75 * 2 / 100)


def test_without_a_claim_the_target_level_is_used(framework):
    gaps = index_gaps([{"no": 13, "claimed_level": None, "evidence_level": 1}], framework)
    assert gaps[0].target_level == TARGET_LEVEL and gaps[0].cost == pytest.approx(2.5 * 2 / 100)
