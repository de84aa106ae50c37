"""The two real published regulations in ../shared/real/ are read from their text layer, page by page."""

from __future__ import annotations

import re

import pytest

from pipeline.extract.extractor import extract
from pipeline.model import Method, Status
from tests.references import REAL, present

SIGNED = REAL / "perbup-batubara-81-2021-spbe-signed.pdf"
DRAFT = REAL / "rancangan-perbup-lamongan-2021-spbe-draft.pdf"


@pytest.fixture(scope="module")
def signed():
    return extract(present(SIGNED))


@pytest.fixture(scope="module")
def draft():
    return extract(present(DRAFT))


def test_signed_perbup_is_read_from_its_text_layer_without_ocr(signed):
    assert signed.status is Status.OK and signed.format == "pdf"
    assert signed.page_count == 40
    assert all(page.method is Method.TEXT_LAYER for page in signed.pages)


def test_signed_perbup_text_carries_its_title_and_number(signed):
    first = " ".join(signed.pages[0].text.split()).upper()
    assert "BUPATI BATU BARA" in first
    assert re.search(r"NOMOR\s*:?\s*81 TAHUN 2021", first)


def test_draft_perbup_is_read_and_keeps_its_draft_marker(draft):
    assert draft.status is Status.OK and draft.page_count == 42
    assert draft.ocr_pages == 0
    assert "RANCANGAN" in draft.pages[0].text.upper()


# Judged as ../shared/real/README.md says, with the region as configuration.


@pytest.fixture(scope="module")
def judged(signed, draft, framework, common):
    from pipeline.judge.decide import DocInput, judge

    docs = [
        DocInput(p.name, p.name, "ok", (), tuple(page.text for page in d.pages))
        for p, d in ((SIGNED, signed), (DRAFT, draft))
    ]

    def run(region: str):
        return judge(docs, framework, common, region=region, year=2022)

    return run


def test_batu_bara_perbup_is_signed_number_81_of_2021_from_batu_bara(judged):
    facts = judged("Kabupaten Batu Bara").documents[SIGNED.name].facts
    assert (facts.doc_type, facts.number, facts.year, facts.region, facts.signed) == (
        "perbup",
        "81",
        2021,
        "Kabupaten Batu Bara",
        True,
    )


def test_batu_bara_perbup_evidences_several_policy_indicators_for_its_own_region(judged):
    result = judged("Kabupaten Batu Bara")
    doc = result.documents[SIGNED.name]
    assert doc.flag_codes == [] and doc.counts
    assert len({n for n in doc.levels if 1 <= n <= 10}) >= 5
    assert all(doc.levels[n].level >= 2 for n in doc.levels if n <= 10)


def test_lamongan_draft_is_a_draft_without_number_for_level_one_at_most(judged):
    result = judged("Kabupaten Lamongan")
    doc = result.documents[DRAFT.name]
    assert (doc.facts.doc_type, doc.facts.number, doc.facts.year, doc.facts.region, doc.facts.signed) == (
        "perbup",
        None,
        2021,
        "Kabupaten Lamongan",
        False,
    )
    assert "draft" in doc.flag_codes and doc.levels and max(f.level for f in doc.levels.values()) == 1


def test_both_are_from_another_region_for_kota_ternate(judged):
    result = judged("Kota Ternate")
    assert all("other_region" in result.documents[p.name].flag_codes for p in (SIGNED, DRAFT))
    assert all(r.evidence_level == 0 for r in result.indicators)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_an_official_evaluation_report_in_the_folder_is_a_result_not_evidence(year, framework, common):
    from pipeline.judge.decide import DocInput, judge

    path = present(REAL / f"lhe-kota-bandar-lampung-{year}.pdf")
    pages = tuple(page.text for page in extract(path).pages)
    result = judge(
        [DocInput(path.name, "lhe", "ok", (), pages)], framework, common, region="Kota Bandar Lampung", year=2025
    )
    doc = result.documents[path.name]
    assert "official_result" in doc.flag_codes and "irrelevant" not in doc.flag_codes
    assert not doc.counts and not doc.levels
