"""Weak-evidence flags: each one fires on its case, stays quiet otherwise, and tells the admin what to do."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.judge import flags
from pipeline.judge.facts import Facts

BASE = Facts(
    doc_type="perwali",
    title="SPBE",
    number="15",
    year=2023,
    enacted=None,
    region="Kota Sukamaju",
    regions_named=("Kota Sukamaju",),
    signed=True,
    draft_markers=(),
    period_years=(2023,),
    revokes=(),
    amends=(),
    key="perwali 15/2023",
)


def test_draft_fires_on_a_draft_and_names_its_markers(common):
    flag = flags.draft(replace(BASE, signed=False, number=None, draft_markers=("RANCANGAN", "nomor kosong")), common)
    assert flag.code == "draft" and "RANCANGAN" in flag.message and "tingkat 1" in flag.message


def test_draft_is_quiet_for_a_signed_regulation(common):
    assert flags.draft(BASE, common) is None


@pytest.mark.parametrize(
    "configured", ["Kota Sukamaju", "Pemerintah Kota Sukamaju", "Walikota Sukamaju", "KOTA SUKAMAJU"]
)
def test_other_region_tolerates_ways_of_naming_the_same_government(configured):
    assert flags.other_region(BASE, configured) is None


def test_other_region_fires_for_another_government_and_says_which():
    copied = replace(BASE, region="Kabupaten Lembah Hijau", regions_named=("Kabupaten Lembah Hijau",))
    flag = flags.other_region(copied, "Kota Sukamaju")
    assert flag.code == "other_region" and "Kabupaten Lembah Hijau" in flag.message


def test_other_region_fires_when_a_copied_document_still_names_another_government():
    renamed = replace(BASE, regions_named=("Kota Sukamaju", "Kota Ternate"))
    assert flags.other_region(renamed, "Kota Sukamaju").code == "other_region"


def test_a_city_and_a_regency_of_the_same_name_are_different_governments():
    assert flags.other_region(replace(BASE, region="Kabupaten Sukamaju", regions_named=()), "Kota Sukamaju")


def test_stale_fires_on_activity_evidence_older_than_the_limit(common):
    report = replace(BASE, doc_type="laporan", year=2021, period_years=(2021,))
    flag = flags.stale(report, 2025, common)
    assert flag.code == "stale" and "2021" in flag.message and "2023" in flag.message


def test_stale_keeps_evidence_within_the_limit(common):
    assert flags.stale(replace(BASE, doc_type="notulen", year=2023, period_years=(2023,)), 2025, common) is None


def test_stale_never_applies_to_regulations(common):
    assert flags.stale(replace(BASE, year=2015, period_years=(2015,)), 2025, common) is None


def test_stale_limit_is_configurable(common):
    strict = replace(common, thresholds=replace(common.thresholds, stale_years=1))
    assert flags.stale(replace(BASE, doc_type="laporan", year=2023, period_years=(2023,)), 2025, strict)


def test_unreadable_fires_on_low_confidence_scans(common):
    flag = flags.unreadable(words=40, ocr_confidence=22.0, ocr_pages=1, common=common)
    assert flag.code == "unreadable" and "300 dpi" in flag.message


def test_unreadable_fires_on_documents_with_almost_no_words(common):
    assert flags.unreadable(words=3, ocr_confidence=None, ocr_pages=0, common=common)


def test_readable_scan_is_not_unreadable(common):
    assert flags.unreadable(words=300, ocr_confidence=91.0, ocr_pages=2, common=common) is None


def test_duplicates_group_identical_bytes_and_rescans(common):
    text = "peraturan wali kota sukamaju nomor 15 tahun 2023 tentang spbe " * 20
    rescan = text.replace("sukamaju", "sukarnaju", 3)  # OCR noise of a second scan
    groups = flags.duplicate_groups(
        [
            ("a.pdf", "h1", text),
            ("b.pdf", "h1", text),
            ("c.tif", "h2", rescan),
            ("d.pdf", "h3", "laporan audit tik " * 40),
        ],
        common,
    )
    assert groups == [["a.pdf", "b.pdf", "c.tif"]]


def test_duplicate_flag_names_the_other_members():
    flag = flags.duplicate("a.pdf", ["a.pdf", "b.pdf"])
    assert flag.code == "duplicate" and "b.pdf" in flag.message and "a.pdf" not in flag.message


def test_superseded_when_a_later_document_in_the_folder_revokes_it():
    old = replace(BASE, number="22", year=2019, key="perwali 22/2019")
    new = replace(BASE, revokes=("perwali 22/2019",))
    assert flags.superseded_by([("lama.pdf", old), ("baru.pdf", new)]) == {"lama.pdf": "baru.pdf"}


def test_not_superseded_without_a_revoking_document():
    old = replace(BASE, number="22", year=2019, key="perwali 22/2019")
    assert flags.superseded_by([("lama.pdf", old), ("lain.pdf", BASE)]) == {}


def test_irrelevant_explains_what_to_check():
    assert "indikator" in flags.irrelevant().message


def test_near_duplicates_are_found_without_comparing_every_pair(common, monkeypatch):
    import random

    rng = random.Random(7)
    vocabulary = [f"kata{n}" for n in range(5000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(300)) for _ in range(300)]
    rescan = texts[42].replace("kata1", "kafa1", 5)  # OCR noise of a second scan of document 42
    items = [(f"d{n}.pdf", f"h{n}", t) for n, t in enumerate(texts)] + [("rescan.pdf", "hx", rescan)]
    compared = []
    real_ratio = flags.fuzz.ratio
    monkeypatch.setattr(flags.fuzz, "ratio", lambda a, b, **kw: compared.append(1) or real_ratio(a, b, **kw))
    groups = flags.duplicate_groups(items, common)
    assert groups == [["d42.pdf", "rescan.pdf"]]
    assert len(compared) < 100  # of 45,150 pairs


def test_shared_boilerplate_neither_hides_copies_nor_makes_every_pair_a_candidate(common, monkeypatch):
    import random

    rng = random.Random(11)
    preamble = "menimbang bahwa dalam rangka mewujudkan tata kelola pemerintahan yang bersih efektif " * 4
    vocabulary = [f"kata{n}" for n in range(5000)]
    texts = [preamble + " ".join(rng.choice(vocabulary) for _ in range(250)) for _ in range(300)]
    rescan = texts[7].replace("kata2", "kafa2", 4)
    items = [(f"d{n}.pdf", f"h{n}", t) for n, t in enumerate(texts)] + [("rescan.pdf", "hx", rescan)]
    compared = []
    real_ratio = flags.fuzz.ratio
    monkeypatch.setattr(flags.fuzz, "ratio", lambda a, b, **kw: compared.append(1) or real_ratio(a, b, **kw))
    assert flags.duplicate_groups(items, common) == [["d7.pdf", "rescan.pdf"]]
    assert len(compared) < 100
