"""Judging a folder: capability levels from level cues, claims, statuses, next steps and the index.

The documents are written here as text, the way extraction hands them over.
"""

from __future__ import annotations

import pytest

from pipeline.judge.claims import Claim
from pipeline.judge.decide import DocInput, judge

HEAD = """WALI KOTA SUKAMAJU
PROVINSI JAWA BARAT
PERATURAN WALI KOTA SUKAMAJU
NOMOR {number} TAHUN {year}
TENTANG
{title}
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA SUKAMAJU,
Menimbang : a. bahwa perlu menetapkan Peraturan Wali Kota;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG {title}.
"""
SIGN = """Ditetapkan di Sukamaju
pada tanggal 3 Maret {year}
WALI KOTA SUKAMAJU,
ttd
AHMAD SURYANA
BERITA DAERAH KOTA SUKAMAJU TAHUN {year} NOMOR {number}
"""
FOUR_DOMAINS = (
    "Pasal 2\nArsitektur SPBE memuat referensi arsitektur, domain arsitektur proses bisnis, "
    "domain arsitektur data dan informasi, dan domain arsitektur aplikasi SPBE.\n"
)
SIX_DOMAINS = (
    "Pasal 2\nArsitektur SPBE memuat referensi arsitektur dan domain arsitektur proses bisnis, "
    "data dan informasi, infrastruktur SPBE, aplikasi SPBE, keamanan SPBE, dan layanan SPBE.\n"
    "Pasal 3\nArsitektur SPBE Pemerintah Daerah berpedoman pada Arsitektur SPBE Nasional dan "
    "mengatur keterpaduan dengan instansi pusat.\n"
)


def regulation(
    path: str, body: str, *, number: str = "8", year: int = 2024, title: str = "ARSITEKTUR SPBE", signed: bool = True
) -> DocInput:
    text = HEAD.format(number=number if signed else "      ", year=year, title=title) + body
    if signed:
        text += SIGN.format(year=year, number=number)
    else:
        text = (
            "RANCANGAN\n"
            + text
            + "Ditetapkan di Sukamaju\npada tanggal            "
            + str(year)
            + "\nWALI KOTA SUKAMAJU,\n"
        )
    return DocInput(path, path, "ok", (), (text,))


def review(path: str, year: int, subject: str = "KEBIJAKAN INTERNAL DAN ARSITEKTUR SPBE") -> DocInput:
    text = (
        f"PEMERINTAH KOTA SUKAMAJU\nLAPORAN HASIL REVIU\n{subject}\nTAHUN {year}\nBAB I PENDAHULUAN\n"
        "Reviu atas Peraturan Wali Kota tentang Arsitektur SPBE menghasilkan rekomendasi perbaikan.\n"
        f"Sukamaju, 20 Juni {year}\nSEKRETARIS DAERAH,\nttd\nBAMBANG\n"
    )
    return DocInput(path, path, "ok", (), (text,))


def level_of(result, no: int) -> int:
    return next(r for r in result.indicators if r.no == no).evidence_level


def run(framework, common, docs, claims=None, region="Kota Sukamaju", year=2025):
    return judge(docs, framework, common, region=region, year=year, claims=claims)


def test_a_draft_policy_supports_level_one_only(framework, common):
    result = run(framework, common, [regulation("r.pdf", SIX_DOMAINS, signed=False)])
    assert level_of(result, 1) == 1
    assert "draft" in result.documents["r.pdf"].flag_codes


def test_an_enacted_policy_with_partial_content_supports_level_two(framework, common):
    result = run(framework, common, [regulation("p.pdf", FOUR_DOMAINS)])
    assert level_of(result, 1) == 2
    finding = result.documents["p.pdf"].levels[1]
    assert "keamanan spbe" in finding.missing_items and "layanan spbe" in finding.missing_items


def test_all_architecture_domains_support_level_three(framework, common):
    assert level_of(run(framework, common, [regulation("p.pdf", SIX_DOMAINS)]), 1) == 3


def test_a_current_review_lifts_an_integrated_policy_to_level_four(framework, common):
    result = run(framework, common, [regulation("p.pdf", SIX_DOMAINS), review("reviu.pdf", 2025)])
    assert level_of(result, 1) == 4


def test_a_review_older_than_two_years_does_not_count(framework, common):
    result = run(framework, common, [regulation("p.pdf", SIX_DOMAINS, year=2020), review("reviu.pdf", 2021)])
    assert level_of(result, 1) == 3
    assert "stale" in result.documents["reviu.pdf"].flag_codes


def test_a_policy_revised_after_the_review_supports_level_five(framework, common):
    docs = [
        regulation("lama.pdf", SIX_DOMAINS, number="3", year=2022),
        review("reviu.pdf", 2023),
        regulation("baru.pdf", SIX_DOMAINS, number="8", year=2024),
    ]
    assert level_of(run(framework, common, docs), 1) == 5


def test_another_regions_regulation_does_not_count(framework, common):
    result = run(framework, common, [regulation("p.pdf", SIX_DOMAINS)], region="Kota Ternate")
    assert level_of(result, 1) == 0
    assert "other_region" in result.documents["p.pdf"].flag_codes


def test_a_failed_file_does_not_count_even_if_its_text_was_read(framework, common):
    doc = regulation("p.pdf", SIX_DOMAINS)
    failed = DocInput(doc.path, doc.sha256, "failed", ("wrong_extension",), doc.pages)
    assert level_of(run(framework, common, [failed]), 1) == 0


def test_a_shortfall_sentence_does_not_meet_a_cue(framework, common):
    body = (
        "Pasal 2\nArsitektur SPBE memuat referensi arsitektur dan domain arsitektur proses bisnis, data dan "
        "informasi, aplikasi SPBE, dan layanan SPBE. Domain infrastruktur SPBE dan keamanan SPBE belum diatur.\n"
    )
    assert level_of(run(framework, common, [regulation("p.pdf", body)]), 1) == 2


@pytest.mark.parametrize(
    "features, level",
    [
        ("Beranda  Berita  Profil  Kontak", 1),
        ("Beranda  Pencarian dokumen  Unduh  Unggah berkas", 2),
        ("Beranda  Unggah berkas  Alur kerja persetujuan  Verifikasi  Notifikasi", 3),
        ("Beranda  Unggah berkas  Persetujuan  Verifikasi  Terintegrasi dengan SIPD melalui API", 4),
    ],
)
def test_service_screenshots_are_judged_on_the_service_scale(framework, common, features, level):
    text = (
        f"e-Budgeting Kota Sukamaju\nhttps://ebudgeting.sukamajukota.go.id\n{features}\n"
        "Sistem Informasi Penganggaran Daerah Badan Pengelolaan Keuangan dan Aset Daerah\n"
        "Rencana Kerja dan Anggaran Perangkat Daerah Tahun Anggaran 2025\nHak Cipta 2025 Pemerintah Kota Sukamaju"
    )
    result = run(framework, common, [DocInput("s.png", "s", "ok", (), (text,), 1, 90.0)])
    assert level_of(result, 33) == level


def test_claims_get_a_status_and_a_concrete_next_step(framework, common):
    claims = {1: Claim(1, 4, "", ("p.pdf",)), 2: Claim(2, 3, "", ("tidak-ada.pdf",)), 10: Claim(10, 1, "", ())}
    docs = [regulation("p.pdf", FOUR_DOMAINS)]
    result = {r.no: r for r in run(framework, common, docs, claims).indicators}
    assert (result[1].claimed_level, result[1].evidence_level, result[1].status) == (4, 2, "overclaim")
    assert "tingkat 3" in result[1].next_step and "keamanan spbe" in result[1].next_step
    assert result[2].status == "tanpa_eviden" and result[2].flags == ["cited_file_missing"]
    assert "tidak-ada.pdf" in result[2].next_step


def test_underclaim_and_sesuai(framework, common):
    docs = [regulation("p.pdf", SIX_DOMAINS)]
    low = {r.no: r for r in run(framework, common, docs, {1: Claim(1, 2, "", ("p.pdf",))}).indicators}
    same = {r.no: r for r in run(framework, common, docs, {1: Claim(1, 3, "", ("p.pdf",))}).indicators}
    assert low[1].status == "underclaim" and same[1].status == "sesuai"


def test_claimed_and_evidence_index_are_computed(framework, common):
    claims = {n: Claim(n, 3, "", ()) for n in range(1, 48)}
    result = run(framework, common, [regulation("p.pdf", SIX_DOMAINS)], claims)
    assert result.claimed.value == pytest.approx(3.0) and result.claimed.predicate == "Baik"
    levels = {r.no: r.evidence_level for r in result.indicators}
    assert levels[1] == 3
    expected = sum(i.weight * max(1, levels[i.no]) for i in framework.indicators) / 100
    assert result.evidence.value == pytest.approx(expected)


def test_a_document_that_evidences_nothing_is_irrelevant(framework, common):
    text = (
        "UNDANGAN\nFun Run dan Jalan Sehat Hari Jadi Kota Sukamaju ke-78\nMinggu, 10 Agustus 2025\n"
        "Start dan finish di Alun-alun Kota Sukamaju pukul 06.00 WIB. Peserta mendapat kaos, medali dan "
        "hadiah undian menarik. Pendaftaran gratis melalui panitia di setiap kelurahan.\nPanitia"
    )
    result = run(framework, common, [DocInput("u.pdf", "u", "ok", (), (text,))])
    assert result.documents["u.pdf"].flag_codes == ["irrelevant"]


def test_the_next_step_for_an_indicator_without_evidence_names_document_types_by_their_labels(framework, common):
    result = run(framework, common, [])
    steps = [r.next_step for r in result.indicators if r.evidence_level == 0]
    assert steps and all("Unggah dokumen yang relevan" in s for s in steps)
    codes = {t for i in framework.indicators for t in i.evidence_types if "_" in t or t in ("sk", "other", "sop")}
    assert not [s for s in steps for code in codes if f"{code}," in s or f"({code}" in s or f" {code})" in s]
    assert any("Peraturan Wali Kota" in s for s in steps)
