"""Matching: synonyms fold, OCR damage is tolerated, and every link says why (rule, phrase, score, page, snippet)."""

from __future__ import annotations

import pytest

from pipeline.judge.matching import find, match, prepare


@pytest.mark.parametrize(
    "variant",
    [
        "Peraturan Walikota",
        "PERATURAN WALI KOTA",
        "Perwali",
        "Perwal",
        "perwalkot",
    ],
)
def test_every_spelling_of_a_mayor_regulation_folds_to_one_form(normalize, variant):
    assert normalize(variant) == "peraturan wali kota"


@pytest.mark.parametrize(
    "text",
    [
        "Sistem Pemerintahan Berbasis Elektronik",
        "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
        "Sistim Pemerintahan Berbasis Elektonik",  # typo and OCR damage
        "Sistem  Pemerintahan Berbasis\nElektronik",
    ],
)
def test_spbe_long_form_folds_even_when_damaged(normalize, text):
    assert normalize(text) == "spbe"


def test_every_damaged_occurrence_folds_even_after_a_correct_one(normalize):
    text = "Sistem Pemerintahan Berbasis Elektronik dan Sistim Pemerintahan Berbasis Elektonik"
    assert normalize(text) == "spbe dan spbe"


def test_a_canonical_form_close_to_its_damaged_variant_is_folded_once_not_again_and_again(normalize, monkeypatch):
    from pipeline.judge import normalize as normalize_module

    searches = []
    real = normalize_module.fuzz.partial_ratio_alignment
    monkeypatch.setattr(
        normalize_module.fuzz, "partial_ratio_alignment", lambda *a, **k: searches.append(a[0]) or real(*a, **k)
    )
    text = "Standar Operasional Prosedure pelayanan; " * 3
    assert normalize(text).count("standar operasional prosedur pelayanan") == 3
    assert searches.count("standar operasional prosedure") <= 4  # three folds and one search that finds none


@pytest.mark.parametrize(
    "phrase, text, expected",
    [
        ("arsitektur spbe", "tentang arsitektur spbe pemerintah daerah", True),
        ("arsitektur spbe", "tentang arsitektr spbe pemerintah daerah", True),  # OCR dropped a letter
        ("pusat data", "menggunakan pusat datanya", True),  # suffix -nya
        ("satu data", "layanan pusat data daerah", False),  # inside another word
        ("lapor", "laporan kegiatan", False),  # short phrases match whole words only
        ("lapor", "aplikasi lapor sukamaju", True),
        ("jaringan intra", "jaringan internet", False),
    ],
)
def test_phrase_finding_table(phrase, text, expected):
    assert bool(find(phrase, text, 88.0)) is expected


def _links(framework, common, normalize, pages, title, doc_type):
    return {m.indicator: m for m in match(prepare(pages, title, normalize), doc_type, framework, common)}


def test_title_links_a_regulation_to_its_subject_with_an_explanation(framework, common, normalize):
    pages = ["PERATURAN WALI KOTA SUKAMAJU\nNOMOR 8 TAHUN 2024\nTENTANG\nARSITEKTUR SPBE\nPasal 1\nisi"]
    links = _links(framework, common, normalize, pages, "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "perwali")
    m = links[1]
    assert (m.where, m.phrase, m.score, m.page) == ("title", "arsitektur spbe", 100.0, 1)
    assert m.rule == f"{framework.id}/1/arsitektur spbe" and "ARSITEKTUR" in m.snippet.upper()


def test_umbrella_regulation_is_linked_to_each_subject_it_regulates(framework, common, normalize):
    pages = [
        "BAB III\nTATA KELOLA\nBagian Kesatu\nArsitektur SPBE\nPasal 4\nArsitektur SPBE memuat domain.\n"
        "Paragraf 1\nPusat Data\nPasal 9\nSeluruh Perangkat Daerah menggunakan Pusat Data.\n"
        "BAB VI\nTIM KOORDINASI SPBE\nPasal 16\nWali Kota membentuk Tim Koordinasi SPBE."
    ]
    links = _links(framework, common, normalize, pages, "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "perwali")
    assert {1, 5, 10} <= set(links)
    assert all(links[n].where == "heading" for n in (1, 5, 10))


def test_a_passing_mention_in_a_report_does_not_link_it(framework, common, normalize):
    pages = ["LAPORAN KEGIATAN PELATIHAN\nPeserta membahas pusat data, pusat data cadangan dan pusat data nasional."]
    links = _links(framework, common, normalize, pages, "LAPORAN KEGIATAN PELATIHAN", "laporan")
    assert 16 not in links and 5 not in links


def test_document_type_decides_between_policy_and_practice(framework, common, normalize):
    pages = ["STANDAR OPERASIONAL PROSEDUR LAYANAN PUSAT DATA"]
    links = _links(framework, common, normalize, pages, "STANDAR OPERASIONAL PROSEDUR LAYANAN PUSAT DATA", "sop")
    assert 16 in links and 5 not in links  # an SOP evidences the practice, not the internal policy


def test_regulation_links_to_a_service_only_through_its_title(framework, common, normalize):
    body = "Pasal 5\nProduk hukum diunggah ke JDIH. JDIH dikelola Bagian Hukum. JDIH terhubung JDIHN.\n"
    links = _links(framework, common, normalize, [body], "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "perwali")
    assert 44 not in links


def test_negative_title_vetoes_a_link(framework, common, normalize):
    vetoed = [i for i in framework.indicators if i.negative]
    assert vetoed, "the rules define negative phrases"
    indicator = vetoed[0]
    pages = [f"{indicator.phrases[0]} {indicator.phrases[0]} {indicator.phrases[0]}"]
    links = _links(
        framework,
        common,
        normalize,
        pages,
        f"{indicator.negative[0]} {indicator.phrases[0]}",
        indicator.evidence_types[0],
    )
    assert indicator.no not in links


def test_the_whole_document_prefilter_keeps_every_phrase_a_page_could_match(common):
    from pipeline.judge.matching import find, possible_phrases, prepare
    from pipeline.judge.normalize import Normalizer

    pages = [
        "Laporan kegiatan tahun 2024 tentang pelatihan pegawai.",
        "Rapat membahas Arsitektr SPBE dan jaringan intra pemerintah daerah.",  # OCR-damaged phrase
        "Penutup. Demikian laporan ini dibuat.",
    ]
    doc = prepare(pages, "LAPORAN KEGIATAN", Normalizer(common.synonyms))
    phrases = {"arsitektur spbe", "jaringan intra pemerintah", "manajemen risiko spbe", "pusat data"}
    threshold = common.thresholds.match_score
    on_some_page = {p for p in phrases if any(find(p, text, threshold) for text in (doc.title, *doc.pages))}
    assert on_some_page == {"arsitektur spbe", "jaringan intra pemerintah"}
    assert on_some_page <= possible_phrases(doc, phrases, threshold)
    assert "manajemen risiko spbe" not in possible_phrases(doc, phrases, threshold)


# --- vocabulary across eras and issuers (issue 12 §2, §4) ------------------------------------------------


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("Masterplan e-Government", "rencana induk spbe"),
        ("Cetak Biru Teknologi Informasi dan Komunikasi", "rencana induk tik"),
        ("Rencana Induk Pengembangan E-Government Lembaga", "rencana induk pengembangan spbe lembaga"),
        ("Tampilan Dashbord E-Goverment", "tampilan dashbord spbe"),  # spelling of the Pakpak Bharat Perbup
        (
            "Panduan Umum Tata Kelola Teknologi Informasi dan Komunikasi Nasional",
            "panduan umum tata kelola spbe nasional",
        ),
        ("Memperkuat tata kelola TIK", "memperkuat tata kelola spbe"),
    ],
)
def test_older_names_fold_to_the_words_of_the_framework(normalize, text, canonical):
    assert normalize(text) == canonical


@pytest.mark.parametrize("text", ["permen karet dan perban luka", "warna biru", "tata kelola keuangan daerah"])
def test_ordinary_words_are_not_rewritten(normalize, text):
    assert normalize(text) == text


def test_a_rencana_induk_tik_document_of_2019_is_the_road_map(framework, common, normalize):
    from pipeline.judge.facts import read_facts

    pages = [
        "RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI\nKABUPATEN SUKAMAJU\nTAHUN 2019-2024\n"
        "BAB I PENDAHULUAN\n1.1 Latar Belakang\nPemanfaatan TIK di lingkungan Pemerintah Kabupaten belum terpadu.\n"
    ]
    facts = read_facts(pages)
    assert facts.doc_type == "peta_rencana"
    links = _links(framework, common, normalize, pages, facts.title, facts.doc_type)
    assert links[12].where == "title" and links[12].phrase == "rencana induk tik"


def test_a_perbup_enacting_a_rencana_induk_spbe_is_topical_for_architecture_and_road_map(framework, common, normalize):
    # the real Perbup Pakpak Bharat 34/2019 (shared/real/README.md: topical for 1, 2, 11 and 12)
    title = "RENCANA INDUK SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK DI LINGKUNGAN PEMERINTAH KABUPATEN PAKPAK BHARAT"
    pages = [f"PERATURAN BUPATI PAKPAK BHARAT\nNOMOR 34 TAHUN 2019\nTENTANG\n{title}\nPasal 1\nisi"]
    links = _links(framework, common, normalize, pages, title, "perbup")
    assert {1, 2, 11, 12} <= set(links)


def test_a_ministry_regulation_evidences_a_policy_indicator_as_a_perwali_does(framework, common, normalize):
    title = "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA"
    pages = [f"PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA\nNOMOR 1 TAHUN 2021\nTENTANG\n{title}\nPasal 1"]
    as_ministry = _links(framework, common, normalize, pages, title, "permen")
    as_pemda = _links(framework, common, normalize, pages, title, "perwali")
    assert set(as_ministry) == set(as_pemda) and {1, 11} <= set(as_ministry)
