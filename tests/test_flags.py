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
    issuers=("Kota Sukamaju",),
    signatories=("Kota Sukamaju",),
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
    copied = replace(BASE, issuers=("Kabupaten Lembah Hijau",), signatories=("Kabupaten Lembah Hijau",))
    flag = flags.other_region(copied, "Kota Sukamaju")
    assert flag.code == "other_region" and "Kabupaten Lembah Hijau" in flag.message


def test_other_region_fires_when_a_copied_document_is_still_signed_by_another_government():
    renamed = replace(BASE, signatories=("Kota Ternate",))
    flag = flags.other_region(renamed, "Kota Sukamaju")
    assert flag.code == "other_region" and "disalin dari Kota Ternate" in flag.message


def test_a_government_merely_mentioned_is_no_reason():
    mentioned = replace(BASE, regions_named=("Kota Sukamaju", "Kabupaten Lamongan"))
    assert flags.other_region(mentioned, "Kota Sukamaju") is None


def test_a_city_and_a_regency_of_the_same_name_are_different_governments():
    regency = replace(BASE, issuers=("Kabupaten Sukamaju",), signatories=())
    assert flags.other_region(regency, "Kota Sukamaju")


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


# --- drafts: placeholder numbers and dates (issue 12) ----------------------------------------------------

KEPUTUSAN = """KEPUTUSAN WALI KOTA SUKAMAJU
{number}
TENTANG
TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
WALI KOTA SUKAMAJU,
Menimbang : a. bahwa perlu membentuk Tim Koordinasi SPBE;
MEMUTUSKAN:
Menetapkan : KESATU : Membentuk Tim Koordinasi SPBE Kota Sukamaju.
Ditetapkan di Sukamaju
pada tanggal {date}
WALI KOTA SUKAMAJU,
ttd
AHMAD SURYANA
"""


def keputusan_facts(number: str = "NOMOR 12 TAHUN 2023", date: str = "3 Maret 2023") -> Facts:
    from pipeline.judge.facts import read_facts

    return read_facts([KEPUTUSAN.format(number=number, date=date)], file_name="sk_tim.pdf")


def test_a_keputusan_numbered_xxx_is_a_draft_naming_the_placeholder(common):
    facts = keputusan_facts(number="NOMOR : XXX TAHUN 2023")
    flag = flags.draft(facts, common)
    assert facts.signed is False and facts.number is None
    assert flag is not None and '"XXX"' in flag.message


def test_a_keputusan_dated_xx_xxx_2023_is_a_draft_naming_the_placeholder(common):
    facts = keputusan_facts(date="XX XXX 2023")
    flag = flags.draft(facts, common)
    assert facts.signed is False
    assert flag is not None and '"XX XXX 2023"' in flag.message


def test_a_number_of_ellipses_is_a_placeholder():
    facts = keputusan_facts(number="Nomor: …/…/2023")
    assert (facts.signed, facts.number, facts.year) == (False, None, 2023)


def test_a_roman_month_in_a_letter_number_is_no_placeholder():
    assert keputusan_facts(number="NOMOR : 045/123/X/2023").number == "045/123/X/2023"


def test_a_keputusan_with_number_date_and_ttd_is_signed(common):
    facts = keputusan_facts()
    assert facts.signed is True and flags.draft(facts, common) is None


# --- unreadable: the pages that needed OCR ---------------------------------------------------------------


def test_a_scan_whose_page_gave_little_text_is_unreadable_with_page_and_confidence(common):
    flag = flags.unreadable(4, 21.0, 1, common, pages=1, ocr=[flags.OcrPage(1, 9, 21.0)])
    assert flag is not None and "halaman 1" in flag.message and "keyakinan OCR rata-rata 21%" in flag.message


def test_a_scanned_page_with_no_ocr_text_is_unreadable_and_says_no_word_was_recognised(framework, common):
    from pipeline.judge.decide import DocInput, judge

    result = judge(
        [DocInput("BKPSDM/scan.pdf", "s", "ok", (), ("",), 1, None)], framework, common, region=None, year=2025
    )
    doc = result.documents["BKPSDM/scan.pdf"]
    assert doc.flag_codes == ["unreadable"] and not doc.counts
    assert "halaman 1 dari 1" in doc.flags[0].message and "keyakinan OCR" in doc.flags[0].message


def test_a_113_page_text_layer_document_with_a_few_empty_ocr_pages_is_not_unreadable(common):
    empty = [flags.OcrPage(n, 0, None) for n in (5, 40, 77, 112, 113)]
    assert flags.unreadable(25000, None, len(empty), common, pages=113, ocr=empty) is None


def test_a_long_text_layer_document_with_a_few_low_confidence_photo_pages_is_not_unreadable(common):
    assert flags.unreadable(25000, 31.0, 3, common, pages=113) is None  # no per-page readings: the mean


def test_a_short_screenshot_read_with_good_confidence_is_not_unreadable(common):
    assert flags.unreadable(6, 92.0, 1, common, pages=1, ocr=[flags.OcrPage(1, 48, 92.0)]) is None


def test_a_scan_mostly_unread_is_unreadable_even_with_one_good_page(common):
    pages = [flags.OcrPage(1, 1500, 91.0), flags.OcrPage(2, 0, None), flags.OcrPage(3, 4, 18.0)]
    flag = flags.unreadable(220, 91.0, 3, common, pages=3, ocr=pages)
    assert flag is not None and "halaman 2, 3 dari 3" in flag.message


# --- duplicates: copies per indicator are practice, re-scans are faults -------------------------------------

PERWALI = (
    "PERATURAN WALI KOTA SUKAMAJU\nNOMOR 15 TAHUN 2023\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n"
    "Pasal 1\nArsitektur SPBE memuat referensi arsitektur dan domain arsitektur proses bisnis, data dan "
    "informasi, infrastruktur, aplikasi, keamanan dan layanan SPBE Pemerintah Daerah Kota Sukamaju.\n"
    "Pasal 2\nPeta Rencana SPBE memuat tata kelola, manajemen, layanan, infrastruktur, aplikasi, keamanan "
    "SPBE dan audit teknologi informasi dan komunikasi untuk lima tahun.\n"
    "Ditetapkan di Sukamaju\npada tanggal 3 Maret 2023\nWALI KOTA SUKAMAJU,\nttd\nAHMAD SURYANA\n"
)


def judged_flags(framework, common, *docs: tuple[str, str, str]) -> dict[str, list]:
    from pipeline.judge.decide import DocInput, judge

    inputs = [DocInput(path, sha, "ok", (), (text,)) for path, sha, text in docs]
    result = judge(inputs, framework, common, region="Kota Sukamaju", year=2025)
    return {path: [f for f in d.flags if f.code == "duplicate"] for path, d in result.documents.items()}


def test_identical_copies_in_two_indicator_folders_are_not_flagged_duplicate(framework, common):
    found = judged_flags(
        framework,
        common,
        ("Diskominfo/Indikator 1/Perwali_15_2023.pdf", "h1", PERWALI),
        ("Diskominfo/Indikator 2/Perwali_15_2023.pdf", "h1", PERWALI),
    )
    assert found == {"Diskominfo/Indikator 1/Perwali_15_2023.pdf": [], "Diskominfo/Indikator 2/Perwali_15_2023.pdf": []}


def test_identical_copies_named_for_two_indicators_in_one_folder_are_not_flagged_duplicate(framework, common):
    found = judged_flags(
        framework, common, ("D/1.a.Perwali-15-2023.pdf", "h1", PERWALI), ("D/2.Perwali.pdf", "h1", PERWALI)
    )
    assert not any(found.values())


def test_a_rescan_next_to_the_original_is_still_a_duplicate_that_asks_to_keep_one(framework, common):
    rescan = PERWALI.replace("Sukamaju", "Sukarnaju", 2)  # OCR noise of a second scan
    found = judged_flags(
        framework, common, ("Hukum/Perwali_15_2023.pdf", "h1", PERWALI), ("Hukum/Scan_ulang.tif", "h2", rescan)
    )
    assert all(len(f) == 1 and "pindaian ulang" in f[0].message for f in found.values())


def test_the_same_bytes_twice_in_one_folder_is_a_duplicate_upload(framework, common):
    found = judged_flags(
        framework, common, ("Hukum/Perwali.pdf", "h1", PERWALI), ("Hukum/Perwali (1).pdf", "h1", PERWALI)
    )
    assert "Hapus salinan yang berlebih" in found["Hukum/Perwali.pdf"][0].message


def test_a_copy_outside_any_indicator_folder_gets_a_note_that_it_may_stay(framework, common):
    found = judged_flags(
        framework,
        common,
        ("Diskominfo/1.a.Perwali.pdf", "h1", PERWALI),
        ("Inspektorat/Dasar_Hukum/Perwali.pdf", "h1", PERWALI),
    )
    note = found["Inspektorat/Dasar_Hukum/Perwali.pdf"][0].message
    assert "tidak perlu dihapus" in note and "Diskominfo/1.a.Perwali.pdf" in note


def test_two_years_of_one_report_template_are_not_near_duplicates(common):
    text = "laporan hasil evaluasi spbe pemerintah kota sukamaju " * 30
    items = [("2023.pdf", "h1", text, ()), ("2024.pdf", "h2", text.replace("sukamaju", "sukamajoe", 1), ())]
    items = [(p, h, *flags.near_duplicate_signature(t, common)) for p, h, t, _ in items]
    assert flags.near_duplicate_groups(items, common, {"2023.pdf": (None, 2023), "2024.pdf": (None, 2024)}) == []
    assert flags.near_duplicate_groups(items, common) == [["2023.pdf", "2024.pdf"]]


# --- irrelevant: says what was looked for --------------------------------------------------------------------


def test_irrelevant_says_what_was_looked_for_and_what_the_document_reads_as(framework, common):
    from pipeline.judge.decide import DocInput, judge

    cv = "DAFTAR RIWAYAT HIDUP\nNama lengkap, tempat tanggal lahir, pendidikan terakhir, pengalaman kerja di bidang pemasaran.\n"
    result = judge([DocInput("cv.pdf", "c", "ok", (), (cv * 3,))], framework, common, region=None, year=2025)
    message = result.documents["cv.pdf"].flags[0].message
    assert "Yang dicari: frasa kunci indikator" in message and "terbaca sebagai" in message


def test_a_review_report_of_the_pemda_itself_is_not_taken_for_an_official_result(framework, common):
    from pipeline.judge.decide import DocInput, judge

    text = (
        "PEMERINTAH KOTA SUKAMAJU\nLAPORAN HASIL EVALUASI INTERNAL PENERAPAN SPBE TAHUN 2024\n"
        "BAB I PENDAHULUAN\nKekuatan dan kelemahan penerapan SPBE di perangkat daerah diuraikan di bawah ini.\n"
    )
    result = judge(
        [DocInput("evaluasi.pdf", "e", "ok", (), (text,))], framework, common, region="Kota Sukamaju", year=2025
    )
    assert "official_result" not in result.documents["evaluasi.pdf"].flag_codes
