"""The official texts as a second signal: sentences per indicator, candidates in other words, no noise."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.judge.normalize import Normalizer
from pipeline.judge.retrieval import official_candidates, official_index
from pipeline.rules import framework_for_year, load_common, load_official_texts, official_texts_path

YEAR = 2025

AUDIT_REPORT = """LAPORAN HASIL PEMERIKSAAN TEKNIS
PERANGKAT KERAS DAN JARINGAN TEKNOLOGI INFORMASI TAHUN 2024

BAB I PENDAHULUAN
Pemeriksaan teknis atas perangkat keras, perangkat lunak sistem dan sarana komunikasi dilaksanakan
oleh lembaga pelaksana yang terakreditasi. Pemeriksaan hal pokok teknis meliputi penerapan tata kelola,
manajemen infrastruktur, fungsionalitas infrastruktur, kinerja infrastruktur dan aspek lainnya.
BAB II TEMUAN
Kapasitas penyimpanan dan kinerja server belum memadai. Fungsionalitas infrastruktur dan jaringan kantor diperiksa
terhadap standar dan prosedur; rekomendasi perbaikan manajemen infrastruktur disampaikan kepada pimpinan."""

SPORTS_DAY = """UNDANGAN
Dalam rangka memperingati Hari Jadi Kota, kami mengundang Bapak/Ibu seluruh pegawai untuk mengikuti
kegiatan jalan sehat dan lomba bola voli antar dinas pada hari Jumat, 14 Maret, pukul 06.30 WIB di
lapangan alun-alun. Peserta diharapkan memakai kaos olahraga dan membawa botol minum sendiri.
Hadiah menarik dan doorprize tersedia bagi peserta. Atas perhatiannya kami ucapkan terima kasih."""


@pytest.fixture(scope="module")
def setting():
    framework, common = framework_for_year(YEAR), load_common()
    normalizer = Normalizer(common.synonyms)
    return framework, common, normalizer, official_index(framework.id, normalizer)


def test_every_indicator_has_official_sentences_with_their_source_and_page():
    framework = framework_for_year(YEAR)
    texts = load_official_texts(official_texts_path(framework.id))
    assert set(texts) == {i.no for i in framework.indicators}
    for sentences in texts.values():
        assert {s.source for s in sentences} == {"permenpanrb-59-2020", "pedoman-menpanrb-3-2024"}
        assert all(s.page > 0 and s.text.strip() for s in sentences)


def test_a_report_in_other_words_than_the_phrases_gets_its_indicator_with_the_official_sentence(setting):
    framework, common, normalizer, index = setting
    phrases = {p for i in framework.indicators for p in i.phrases}
    assert not any(p in normalizer(AUDIT_REPORT) for p in phrases if len(p) > 6), "the text must avoid the phrases"
    ranking = replace(common.thresholds, retrieval_min_score=0.0, retrieval_top_k=1)
    [best] = official_candidates([AUDIT_REPORT], normalizer, index, ranking)
    assert best.indicator == 29  # Tingkat Kematangan Pelaksanaan Audit Infrastruktur SPBE
    assert "pemeriksaan hal pokok teknis" in best.sentence.lower()
    assert best.source == "pedoman-menpanrb-3-2024" and best.source_page > 0
    assert "pemeriksaan" in best.terms and best.page == 1


def test_a_sports_day_invitation_gets_no_candidate_above_the_threshold(setting):
    _, common, normalizer, index = setting
    assert official_candidates([SPORTS_DAY], normalizer, index, common.thresholds) == []


def test_scoring_is_deterministic(setting):
    _, common, normalizer, index = setting
    loose = replace(common.thresholds, retrieval_min_score=0.0)
    first = official_candidates([AUDIT_REPORT, SPORTS_DAY], normalizer, index, loose)
    again = official_candidates([AUDIT_REPORT, SPORTS_DAY], normalizer, index, loose)
    assert first == again and len(first) == loose.retrieval_top_k
