"""Applications named in evidence: a screenshot, manual, report or SOP about SIMPEG, SRIKANDI or SP4N-LAPOR!
is linked to its indicators (rule "application:<name>"); a regulation that names one is not evidence of use.

Source of the rules: rules/applications.yaml, after shared/reference/applications.md. Fixture texts are
written here in the words real screens, manuals and regulations use (Pedoman MenPANRB 3/2024 example
evidence "35.a.screenshot LPSE.jpg", "35.b.manual LPSE.pdf"; the Bandar Lampung LHE 2023).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from pipeline.judge.analysis import Analysis, analysis_version, analyze, analyzer_for
from pipeline.judge.applications import RULE_PREFIX
from pipeline.rules import RULES_DIR, RulesError, load_applications
from tests.references import REFERENCE, present

APPLICATIONS_FILE = RULES_DIR / "applications.yaml"
APPLICATIONS_PAGE = REFERENCE / "applications.md"


@pytest.fixture(scope="module")
def rules():
    return load_applications()


@pytest.fixture(scope="module")
def analyzer():
    return analyzer_for(2025)


def judged(text: str, file_name: str, analyzer) -> Analysis:
    return analyze([text], file_name, analyzer)


def links(analysis: Analysis) -> dict[int, object]:
    """Indicators the document evidences (with a level trace), and their matches."""
    traced = {t.indicator for t in analysis.traces}
    return {m.indicator: m for m in analysis.matches if m.indicator in traced}


def candidates(analysis: Analysis) -> set[int]:
    """Indicators the document is topical for without evidencing a level (the export's candidate_indicators)."""
    traced = {t.indicator for t in analysis.traces}
    return {m.indicator for m in analysis.matches if m.indicator not in traced}


SRIKANDI_SCREEN = (
    "SRIKANDI – Sistem Informasi Kearsipan Dinamis Terintegrasi\n"
    "< > C https://srikandi.arsip.go.id/naskah-masuk\n"
    "Beranda  Naskah Masuk  Naskah Keluar  Disposisi  Arsip\n"
    "No  Nomor Naskah  Hal  Asal Naskah  Tanggal Diterima\n"
    "1  000.1.2/215/Diskominfo/2025  Undangan Rapat Koordinasi SPBE  Sekretariat Daerah  12-08-2025\n"
    "2  800.1/77/BKPSDM/2025  Usulan Bimbingan Teknis  BKPSDM  11-08-2025\n"
    "Tindak Lanjut  Teruskan  Disposisi  Unduh\n"
)


# --- the rules file -------------------------------------------------------------------------------------


def test_every_application_points_to_indicators_of_the_framework_and_to_known_doc_types(rules, framework, common):
    numbers = {i.no for i in framework.indicators}
    for app in rules.applications:
        assert set(app.indicators) | set(app.not_for) <= numbers, app.name
        for doc_type, extra in app.also_by_type.items():
            assert doc_type in common.doc_types and set(extra) <= numbers, app.name
    assert set(rules.use_types) <= set(common.doc_types)
    assert not set(rules.use_types) & set(common.regulation_types)  # naming in a regulation is not use


def test_every_application_names_its_source_from_the_reference_page(rules):
    assert set(rules.sources) == {"P24", "P23", "PP", "BL", "MD", "KA", "inf"}
    assert all(app.sources for app in rules.applications)
    page = present(APPLICATIONS_PAGE).read_text(encoding="utf-8")
    for name in ("P24", "P23", "PP", "BL", "MD", "KA", "inf"):
        assert f"**{name}**" in page, name


@pytest.mark.parametrize(
    "written, indicators",
    [
        ("SIPD", {32, 33, 34}),
        ("SIMDA Keuangan", {32, 33, 34}),
        ("SIPKD", {34}),
        ("SAKTI Kemenkeu", {33, 34}),
        ("LPSE", {35}),
        ("e-Katalog", {35}),
        ("SiRUP", {35}),
        ("SIUKPBJ", {35}),
        ("SIASN", {36}),
        ("MySAPK", {36}),
        ("SIMPEG", {36}),
        ("Smart Presensi", {36}),
        ("SRIKANDI", {37}),
        ("TNDE", {37}),
        ("SIMBADA", {38}),
        ("SIMAK-BMN", {38}),
        ("SPIP Terintegrasi", {39}),
        ("GOL KPK", {39}),
        ("Whistle Blowing System", {39}),
        ("SIMWAS", {39}),
        ("e-SAKIP", {40}),
        ("e-Kinerja", {41}),
        ("SP4N-LAPOR!", {42}),
        ("Portal Satu Data", {43}),
        ("Geoportal", {43}),
        ("PPID", {43}),
        ("JDIH", {44}),
        ("OSS-RBA", {45}),
        ("SiCantik", {45}),
        ("SIMBG", {45}),
        ("SIMRS", {46}),
        ("e-Puskesmas", {46}),
        ("Dukcapil Online", {47}),
        ("API Gateway", {7, 18}),
    ],
)
def test_the_applications_of_the_reference_page_evidence_its_indicators(rules, normalize, written, indicators):
    found = [a for a in rules.applications if normalize(written) in {normalize(x) for x in a.aliases}]
    assert found, f"{written} is in no application"
    assert indicators <= set(found[0].indicators), (written, found[0].indicators)


def test_the_cautions_are_data(rules):
    by_name = {a.name: a for a in rules.applications}
    assert rules.regulations == "candidate"  # a regulation naming an application is not evidence of use
    assert all(by_name[n].candidate_only for n in ("OSS", "SiCantik", "SIMBG", "SIM RS", "SIAK"))  # sectors 45-47
    assert 18 in by_name["e-Kinerja"].not_for and 18 in by_name["e-Presensi"].not_for  # not an SPLP (PP)


def test_an_alias_that_is_an_ordinary_word_is_not_an_alias(rules, normalize):
    ordinary = {"lapor", "sakti", "siak", "wbs", "satu data", "aplikasi", "data", "spip"}
    for app in rules.applications:
        assert not {normalize(a) for a in app.aliases} & ordinary, app.name


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "applications.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["applications"][0].update(sources=["XX"]), "XX"),
        (lambda d: d["applications"][0].update(aliasez=["x"]), "aliasez"),
        (lambda d: d["applications"][0].update(modules={47: ["x"]}), "modules"),
        (lambda d: d["applications"][0].update(not_for=[32]), "not_for"),
        (lambda d: d.update(regulations="link"), "regulations"),
    ],
)
def test_a_malformed_applications_file_is_refused(tmp_path, change, message):
    data = yaml.safe_load(APPLICATIONS_FILE.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(RulesError, match=message):
        load_applications(_write(tmp_path, data))


def test_editing_the_applications_file_analyses_stored_texts_again(tmp_path, monkeypatch, framework):
    from pipeline.judge import analysis

    for name in ("common.yaml", "applications.yaml"):
        (tmp_path / name).write_bytes((RULES_DIR / name).read_bytes())
    monkeypatch.setattr(analysis, "RULES_DIR", tmp_path)
    before = analysis_version(framework)
    with (tmp_path / "applications.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# an admin adds a local application\n")
    assert analysis_version(framework) != before


# --- links from screens, manuals, reports ---------------------------------------------------------------


def test_a_srikandi_screenshot_links_to_kearsipan_dinamis_with_the_application_as_its_reason(analyzer):
    analysis = judged(SRIKANDI_SCREEN, "37.a.screenshot_srikandi.png", analyzer)
    assert analysis.facts.doc_type == "screenshot"
    m = links(analysis)[37]
    assert m.rule == f"{RULE_PREFIX}SRIKANDI" and m.phrase == "SRIKANDI"
    assert (m.page, m.score) == (1, 100.0) and "SRIKANDI" in m.snippet


def test_the_level_of_an_application_comes_from_the_service_cues_not_from_its_name(analyzer):
    bare = judged("SRIKANDI\nhttps://srikandi.arsip.go.id\nBeranda\nTentang Kami\n", "srikandi.png", analyzer)
    working = judged(SRIKANDI_SCREEN, "srikandi.png", analyzer)
    assert 37 in links(bare) and 37 in links(working)
    assert bare.trace(37).steps[0].met is False  # no interaction feature shown: level 1 (Informasi)
    assert working.trace(37).steps[0].met  # search, download, disposition: more than Informasi


def test_a_user_manual_about_an_application_links_to_its_indicator(analyzer):
    cover = "BUKU PANDUAN PENGGUNAAN\nAPLIKASI E-KINERJA\nPEMERINTAH KOTA SUKAMAJU\nTAHUN 2024\n"
    steps = [
        "BAB I PENDAHULUAN\nAplikasi ini digunakan pegawai untuk menyusun Sasaran Kinerja Pegawai dan melaporkan "
        "realisasi kinerja bulanan kepada atasan langsung. " * 8,
        "BAB II LANGKAH LANGKAH\n1. Login: masukkan NIP dan kata sandi pada halaman login, lalu klik tombol Masuk.\n"
        "2. Menyusun SKP: pilih menu Rencana Kinerja, isi indikator kinerja individu dan klik Simpan. " * 8,
    ]
    analysis = analyze([cover, *steps], "41.b.manual_ekinerja.pdf", analyzer)
    assert analysis.facts.doc_type == "other"
    assert links(analysis)[41].rule == f"{RULE_PREFIX}e-Kinerja"


def test_an_sop_of_the_complaint_service_also_supports_service_management(analyzer):
    sop = (
        "PEMERINTAH KOTA SUKAMAJU\nSTANDAR OPERASIONAL PROSEDUR\nPENGELOLAAN PENGADUAN MELALUI SP4N-LAPOR!\n"
        "Nomor SOP 000.8/12/Diskominfo/2024\nDasar Hukum 1. Peraturan Presiden Nomor 76 Tahun 2013\n"
        "Uraian Prosedur 1. Admin menerima laporan pada aplikasi SP4N-LAPOR! dan meneruskan ke Perangkat Daerah.\n"
    )
    analysis = judged(sop, "42.b.SOP_LAPOR.pdf", analyzer)
    assert analysis.facts.doc_type == "sop"
    assert {42, 28} <= set(links(analysis))


def test_a_report_that_lists_applications_in_passing_is_not_linked_to_them(analyzer):
    report = (
        "LAPORAN HASIL EVALUASI SPBE\nKOTA SUKAMAJU TAHUN 2023\nBAB I PENDAHULUAN\n"
        "Layanan Administrasi Pemerintahan Berbasis Elektronik dibuktikan dengan penggunaan aplikasi berbagi "
        "yaitu SIPD, SPSE, MySAPK, e-kinerja, Srikandi, e-sakip serta aplikasi lapor.go.id dan aplikasi JDIH.\n"
    )
    analysis = judged(report, "LHE_SPBE_2023.pdf", analyzer)
    assert not {m.indicator for m in analysis.matches} & set(range(32, 45))


def test_an_integration_named_in_passing_on_a_screen_is_not_its_subject(analyzer):
    screen = (
        "e-Budgeting Kota Sukamaju x\n< > C https://ebudgeting.sukamajukota.go.id/rka\n"
        "e-Budgeting Kota Sukamaju\nSistem Informasi Penganggaran Daerah - BPKAD\nBeranda  RKA  Verifikasi TAPD\n"
        "Sinkronisasi SIPD Kementerian Dalam Negeri terakhir: 14-08-2025 - Berhasil\n"
        "Tarik Ulang dari e-Planning | Kirim ke SIPD RI | Ekspor DPA\n"
    )
    analysis = judged(screen, "33.screenshot_ebudgeting.png", analyzer)
    assert 33 in links(analysis)
    assert not {32, 34} & {m.indicator for m in analysis.matches}


def test_the_sipd_module_on_the_screen_decides_the_indicator(analyzer):
    screen = (
        "SIPD RI - Penatausahaan x\nhttps://sipd-ri.kemendagri.go.id/penatausahaan/sp2d\n"
        "SIPD Penatausahaan Pemerintah Kota Sukamaju\nBeranda  SPP  SPM  SP2D  Laporan\n"
    )
    analysis = judged(screen, "34.a.screenshot_sipd.png", analyzer)
    assert links(analysis)[34].rule == f"{RULE_PREFIX}SIPD"
    assert not {32, 33} & {m.indicator for m in analysis.matches}


def test_without_a_module_sipd_makes_candidates_only(analyzer):
    analysis = judged("SIPD\nhttps://sipd.kemendagri.go.id\nBeranda\nMasuk\n", "sipd.png", analyzer)
    assert {32, 33, 34} <= candidates(analysis) and not {32, 33, 34} & set(links(analysis))


def test_a_sector_service_application_is_a_candidate_only(analyzer):
    screen = (
        "SiCantik Cloud - Kota Sukamaju x\nhttps://sicantik.go.id/sukamaju/permohonan\n"
        "SiCantik Cloud\nBeranda  Permohonan  Penerbitan  Arsip\n"
    )
    analysis = judged(screen, "sicantik.png", analyzer)
    assert 45 in candidates(analysis) and 45 not in links(analysis)


def test_an_application_an_assessor_does_not_accept_as_splp_is_not_linked_to_it(analyzer):
    screen = (
        "Smart Presensi - Kota Sukamaju\nhttps://presensi.sukamajukota.go.id/rekap\n"
        "SPLP\nBeranda  Rekap Kehadiran  Integrasi  Unduh\n"
    )
    analysis = judged(screen, "18.a.SPLP_smart_presensi.png", analyzer)
    assert 36 in links(analysis) and 18 not in {m.indicator for m in analysis.matches}


# --- regulations ------------------------------------------------------------------------------------------


def perbup(subject: str, body: str) -> str:
    return (
        f"BUPATI SUKAMAJU\nPERATURAN BUPATI SUKAMAJU\nNOMOR 12 TAHUN 2023\nTENTANG\n{subject}\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI SUKAMAJU,\nMenimbang : a. bahwa …;\n"
        f"{body}\nDitetapkan di Sukamaju\npada tanggal 3 Maret 2023\nBUPATI SUKAMAJU,\nttd\nNAMA BUPATI\n"
    )


def test_a_perbup_that_merely_lists_simpeg_among_applications_does_not_link_to_kepegawaian(analyzer):
    text = perbup(
        "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
        "Pasal 20\n(1) Aplikasi Umum yang digunakan Perangkat Daerah meliputi:\na. SIMPEG;\nb. SRIKANDI;\n"
        "c. e-Kinerja; dan\nd. SIPD.\n",
    )
    analysis = judged(text, "Perbup_12_2023_SPBE.pdf", analyzer)
    assert analysis.facts.doc_type == "perbup"
    assert 36 not in {m.indicator for m in analysis.matches}


def test_a_perbup_about_an_application_makes_a_candidate_not_a_link(analyzer):
    text = perbup("PENERAPAN APLIKASI SRIKANDI DI LINGKUNGAN PEMERINTAH KABUPATEN SUKAMAJU", "Pasal 1\nisi")
    analysis = judged(text, "Perbup_12_2023_SRIKANDI.pdf", analyzer)
    assert 37 in candidates(analysis) and 37 not in links(analysis)
    m = next(m for m in analysis.matches if m.indicator == 37)
    assert (m.rule, m.where) == (f"{RULE_PREFIX}SRIKANDI", "title")


def test_without_applications_the_same_screen_links_nothing(analyzer):
    bare = dataclasses.replace(analyzer, applications=dataclasses.replace(analyzer.applications, applications=()))
    analysis = judged("SIMPEG\nhttps://simpeg.sukamajukota.go.id\nBeranda\nMasuk\n", "simpeg.png", bare)
    assert 36 not in {m.indicator for m in analysis.matches}


def test_a_review_whose_title_names_an_application_reviews_its_indicator(analyzer):
    report = (
        "LAPORAN REVIU LAYANAN SRIKANDI\nPEMERINTAH KOTA SUKAMAJU TAHUN 2025\nBAB I PENDAHULUAN\n"
        "Reviu dilakukan terhadap pemanfaatan aplikasi oleh seluruh Perangkat Daerah.\n"
    )
    analysis = judged(report, "37.d.Reviu_SRIKANDI.pdf", analyzer)
    assert 37 in analysis.reviews


def test_a_candidate_gives_no_level_and_keeps_the_file_from_being_called_irrelevant(framework, common):
    from pipeline.judge.decide import DocInput, judge

    text = perbup("PENERAPAN APLIKASI SRIKANDI DI LINGKUNGAN PEMERINTAH KABUPATEN SUKAMAJU", "Pasal 1\nisi")
    doc = DocInput("Bagian_Hukum/Perbup_12_2023_SRIKANDI.pdf", "x", "ok", (), (text,))
    result = judge([doc], framework, common, region="Kabupaten Sukamaju", year=2025)
    judged_doc = result.documents[doc.path]
    assert 37 in {m.indicator for m in judged_doc.matches} and 37 not in judged_doc.levels
    assert "irrelevant" not in judged_doc.flag_codes
    assert next(r for r in result.indicators if r.no == 37).evidence_level == 0


def _level(analysis: Analysis, indicator: int) -> int:
    """The highest level whose cue the document's own text meets (before folder facts)."""
    trace = analysis.trace(indicator)
    assert trace is not None
    level = trace.base
    for step in trace.steps:
        if not step.met:
            break
        level = step.target
    return level


def test_the_integration_word_in_an_applications_own_name_lifts_no_level(analyzer):
    working = judged(
        SRIKANDI_SCREEN + "Status: Menunggu persetujuan  Setujui  Tolak  Verifikasi\n", "srikandi.png", analyzer
    )
    assert _level(working, 37) == 3  # Transaksi; "… Dinamis Terintegrasi" is its name, not Kolaborasi


def test_a_screen_of_sipd_itself_is_not_integration_with_sipd(analyzer):
    screen = (
        "SIPD RI - Perencanaan x\nhttps://sipd.kemendagri.go.id/perencanaan/renja\n"
        "SIPD Perencanaan Kabupaten Banjarnegara\nRenja Perangkat Daerah  Cari  Unduh\n"
        "Status: Verifikasi  Validasi  Dikembalikan\n"
    )
    assert _level(judged(screen, "32.screenshot_sipd.png", analyzer), 32) == 3


def test_an_application_named_as_an_integration_partner_still_counts_as_integration(analyzer):
    screen = (
        "e-Planning Kota Sukamaju x\nhttps://eplanning.sukamajukota.go.id/renja\ne-Planning Kota Sukamaju\n"
        "Cari  Unduh  Verifikasi  Validasi\nData Renja terintegrasi dengan SIPD\n"
    )
    assert _level(judged(screen, "32.screenshot_eplanning.png", analyzer), 32) == 4
