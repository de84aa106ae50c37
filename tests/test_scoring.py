"""Indeks SPBE arithmetic against the published Bandar Lampung 2024 result (reference §3.1)."""

from __future__ import annotations

import pytest

from pipeline.judge.scoring import spbe_index
from pipeline.rules import framework_for_year

BANDAR_LAMPUNG_2024 = [
    3,
    2,
    3,
    3,
    3,
    3,
    3,
    3,
    3,
    3,
    1,
    1,
    2,
    2,
    3,
    2,
    3,
    3,
    3,
    4,
    3,
    3,
    3,
    3,
    3,
    1,
    1,
    3,
    3,
    4,
    1,
    4,
    4,
    4,
    4,
    5,
    4,
    3,
    3,
    5,
    3,
    4,
    3,
    4,
    2,
    2,
    2,
]
PUBLISHED_ASPECTS = {"A1": 2.90, "A2": 1.50, "A3": 2.75, "A4": 3.50, "A5": 2.50, "A6": 2.67, "A7": 3.90, "A8": 2.83}
PUBLISHED_DOMAINS = {"D1": 2.90, "D2": 2.40, "D3": 2.55, "D4": 3.48}


@pytest.fixture(scope="module")
def result():
    return spbe_index(dict(enumerate(BANDAR_LAMPUNG_2024, start=1)), framework_for_year(2024))


def test_index_reproduces_the_published_figure(result):
    assert round(result.value, 2) == 2.98 and result.predicate == "Baik"


@pytest.mark.parametrize("aspect", sorted(PUBLISHED_ASPECTS))
def test_aspect_indices_reproduce_the_published_figures(result, aspect):
    assert round(result.aspects[aspect], 2) == PUBLISHED_ASPECTS[aspect]


@pytest.mark.parametrize("domain", sorted(PUBLISHED_DOMAINS))
def test_domain_indices_reproduce_the_published_figures(result, domain):
    assert round(result.domains[domain], 2) == PUBLISHED_DOMAINS[domain]


def test_level_zero_counts_as_the_framework_floor():
    framework = framework_for_year(2025)
    assert spbe_index({}, framework).value == pytest.approx(1.0)
    assert spbe_index({n: 0 for n in range(1, 48)}, framework).value == pytest.approx(1.0)


def test_all_fives_is_memuaskan():
    result = spbe_index({n: 5 for n in range(1, 48)}, framework_for_year(2025))
    assert result.value == pytest.approx(5.0) and result.predicate == "Memuaskan"
