"""Facts of a document read from its text: type, number, year, region, signed/draft, period, revocations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.judge.facts import (
    DOC_TYPES,
    canonical_region,
    facts_vocabulary,
    make_key,
    parse_date,
    read_facts,
    same_region,
)
from pipeline.judge.facts.phrases import spellings
from pipeline.rules import load_common
from tests.references import REAL, present

ROOT = Path(__file__).resolve().parents[1]
SIGNED = REAL / "perbup-batubara-81-2021-spbe-signed.pdf"
DRAFT = REAL / "rancangan-perbup-lamongan-2021-spbe-draft.pdf"
SAMPLE = ROOT / "sample_docs"
LABELS = ROOT / "sample_docs.labels.yaml"


def perkada(
    *,
    office="BUPATI LAMONGAN",
    title="PERATURAN BUPATI LAMONGAN",
    nomor="NOMOR 12 TAHUN 2021",
    above="",
    subject="SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    tanggal="pada tanggal 12 Maret 2021",
    sign="ttd",
    berita="BERITA DAERAH KABUPATEN LAMONGAN TAHUN 2021 NOMOR 12",
    extra="",
):
    page1 = (
        f"{office}\nPROVINSI JAWA TIMUR\n{above}\n{title}\n{nomor}\nTENTANG\n{subject}\n"
        f"DENGAN RAHMAT TUHAN YANG MAHA ESA\n{office},\nMenimbang : a. bahwa untuk …;\n"
    )
    last = (
        f"{extra}\nPasal 9\nPeraturan ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Lamongan\n"
        f"{tanggal}\n{office},\n{sign}\nNAMA PEJABAT\n{berita}\n"
    )
    return [page1, "Pasal 1\nDalam Peraturan ini …", last]


# --- canonical_region / same_region -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("WALIKOTA TERNATE", "Kota Ternate"),
        ("WALI KOTA TERNATE,", "Kota Ternate"),
        ("Pemerintah Kota Ternate", "Kota Ternate"),
        ("kota ternate", "Kota Ternate"),
        ("BUPATI BATU BARA", "Kabupaten Batu Bara"),
        ("Kab. Batu Bara", "Kabupaten Batu Bara"),
        ("GUBERNUR JAWA BARAT", "Provinsi Jawa Barat"),
        ("PEMERINTAH PROVINSI DKI JAKARTA", "Provinsi DKI Jakarta"),
        ("BERITA DAERAH KABUPATEN PAKPAK BHARAT TAHUN 2019 NOMOR 34", "Kabupaten Pakpak Bharat"),
        ("PERATURAN WAL1 KOTA SUKAMAJU", "Kota Sukamaju"),  # OCR 1 for I
        ("Sukamaju", None),
        ("", None),
    ],
)
def test_canonical_region(text, expected):
    assert canonical_region(text) == expected


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Kota Ternate", "Walikota Ternate", True),
        ("Kota Ternate", "Pemerintah Kota Ternate", True),
        ("Kota Ternate", "KOTA TERNATE", True),
        ("Kab. Batu Bara", "Kabupaten Batu Bara", True),
        ("Kota Batu", "Kabupaten Batu", False),
        ("Kota Sukamaju", "Kabupaten Lembah Hijau", False),
    ],
)
def test_same_region(a, b, same):
    assert same_region(a, b) is same


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pada tanggal 12 Maret 2024", date(2024, 3, 12)),
        ("31 Agustus 2021", date(2021, 8, 31)),
        ("25 Januart202l", date(2021, 1, 25)),  # OCR damage seen in the Nganjuk notulen
        ("1 Agt. 2019", date(2019, 8, 1)),
        ("14-08-2025", date(2025, 8, 14)),
        ("pada tanggal 2021", None),
        ("pada tanggal", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# --- document type from the title block -----------------------------------------------------------


@pytest.mark.parametrize(
    "pages, expected",
    [
        (perkada(), "perbup"),
        (perkada(office="WALI KOTA SUKAMAJU", title="PERATURAN WALI KOTA SUKAMAJU"), "perwali"),
        (perkada(office="WALIKOTA SUKAMAJU", title="PERATURAN WALIKOTA SUKAMAJU"), "perwali"),
        (perkada(office="WALIKOTA SUKAMAJU", title="PERATURAN WAL1KOTA SUKAMAJU"), "perwali"),  # OCR
        (perkada(office="GUBERNUR JAWA BARAT", title="PERATURAN GUBERNUR JAWA BARAT"), "pergub"),
        (perkada(office="BUPATI LAMONGAN", title="PERATURAN DAERAH KABUPATEN LAMONGAN"), "perda"),
        (
            perkada(
                office="WALI KOTA SUKAMAJU", title="KEPUTUSAN WALI KOTA SUKAMAJU", nomor="NOMOR 188.45/123/HK/2024"
            ),
            "sk",
        ),
        (
            perkada(
                office="WALI KOTA SUKAMAJU",
                title="PERATURAN WALI KOTA SUKAMAJU",
                subject="ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
            ),
            "perwali",
        ),  # not arsitektur
        (
            [
                "WALI KOTA SUKAMAJU\nSukamaju, 10 Maret 2025\nYth. Kepala Perangkat Daerah\nSURAT EDARAN\n"
                "NOMOR 000.5.2/87/Org/2025\nTENTANG\nPENGGUNAAN APLIKASI SRIKANDI\n1. Latar Belakang"
            ],
            "surat_edaran",
        ),
        (
            [
                "jdih.x.go.id\nLAMPIRAN\nPERATURAN WALI KOTA SUKAMAJU\nNOMOR 8 TAHUN 2024\nTENTANG ARSITEKTUR SISTEM\n"
                "PEMERINTAHAN BERBASIS ELEKTRONIK\nBAB I\nPENDAHULUAN"
            ],
            "arsitektur",
        ),
        (
            [
                "LAMPIRAN\nPERATURAN WALI KOTA SUKAMAJU\nNOMOR 15 TAHUN 2023\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS "
                "ELEKTRONIK\nFORMAT LAPORAN\n"
            ],
            "perwali",
        ),  # a form attached to the umbrella Perwali stays a Perwali
        (
            [
                "PEMERINTAH KOTA SUKAMAJU\nINSPEKTORAT\nJalan Pahlawan Nomor 12\nLAPORAN HASIL AUDIT TIK\nTAHUN 2024\n"
                "BAB I PENDAHULUAN\n1. Peraturan Wali Kota Sukamaju\nNomor 15 Tahun 2023 tentang SPBE"
            ],
            "laporan",
        ),
        (
            ["PEMERINTAH KOTA SUKAMAJU\nNOTULEN RAPAT KOORDINASI TIM SPBE\nHari/Tanggal : Jumat, 14 Maret 2025"],
            "notulen",
        ),
        (["RISALAH RAPAT EVALUASI SPBE\nHari/Tanggal : Senin, 25 Januari 2021"], "notulen"),
        (["DAFTAR HADIR\nRAPAT KOORDINASI TIM SPBE\nNo Nama Jabatan Tanda Tangan"], "daftar_hadir"),
        (
            [
                "PEMERINTAH KOTA SUKAMAJU\nSTANDAR OPERASIONAL PROSEDUR (SOP)\nLAYANAN PUSAT DATA\nNomor SOP\t800/045/X/2024"
            ],
            "sop",
        ),
        (["PETA RENCANA\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\nTAHUN 2024-2028"], "peta_rencana"),
        (["RENCANA INDUK SPBE\nKABUPATEN PAKPAK BHARAT\n2019-2024"], "peta_rencana"),
        (["DOKUMEN ARSITEKTUR SPBE\nPEMERINTAH KABUPATEN X\nBAB I"], "arsitektur"),
        (
            ["TA 2024\nREKAPITULASI SUB KEGIATAN SPBE DALAM DOKUMEN PELAKSANAAN ANGGARAN\nNo Perangkat Daerah Pagu"],
            "anggaran",
        ),
        (
            [
                "e-Planning Kota Sukamaju x\n< > C https://eplanning.sukamajukota.go.id/renja\nBeranda Laporan\n"
                "Rancangan Renja\nLaporan\n"
            ],
            "screenshot",
        ),
        (["Satu Data Sukamaju\nBeranda Dataset Organisasi\nMasuk\nFilter: Organisasi | Topik\nUnduh\n"], "screenshot"),
        (
            ["PEMERINTAH KOTA SUKAMAJU\nSukamaju, 14 April 2025\nNomor : 005/214/Kesra/2025\nHal : Undangan Fun Run\n"],
            "other",
        ),
        ([""], "other"),
    ],
)
def test_doc_type(pages, expected):
    assert read_facts(pages).doc_type == expected


def test_file_name_never_overrides_clear_content():
    assert read_facts(perkada(), file_name="Screenshot_draft.png").doc_type == "perbup"


# --- instansi pusat: a ministry's or agency's own regulations (issue 12 §4) ---------------------------


def pusat(title: str, nomor: str, subject: str, office: str) -> list[str]:
    """A central regulation as published (PermenPANRB 59/2020's title and signature blocks)."""
    page1 = (
        f"SALINAN\n{title}\n{nomor}\nTENTANG\n{subject}\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n{office},\n"
        "Menimbang : bahwa untuk melaksanakan ketentuan Pasal 71 ayat (3) Peraturan Presiden Nomor 95 Tahun 2018;\n"
    )
    last = (
        "Pasal 12\nPeraturan ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Jakarta\n"
        f"pada tanggal 16 November 2020\n{office},\nttd\nNAMA PEJABAT\n"
        "BERITA NEGARA REPUBLIK INDONESIA TAHUN 2020 NOMOR 1376\n"
    )
    return [page1, "Pasal 1\nDalam Peraturan ini yang dimaksud dengan …", last]


@pytest.mark.parametrize(
    "title, nomor, subject, office, expected",
    [
        (
            "PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA\nREPUBLIK INDONESIA",
            "NOMOR 5 TAHUN 2020",
            "PENYELENGGARA SISTEM ELEKTRONIK LINGKUP PRIVAT",
            "MENTERI KOMUNIKASI DAN INFORMATIKA REPUBLIK INDONESIA",
            ("permen", "5", 2020, True, "permen 5/2020"),
        ),
        (
            "PERATURAN MENTERI KOORDINATOR BIDANG PEREKONOMIAN\nREPUBLIK INDONESIA",
            "NOMOR 7 TAHUN 2020",
            "PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
            "MENTERI KOORDINATOR BIDANG PEREKONOMIAN REPUBLIK INDONESIA",
            ("permen", "7", 2020, True, "permen 7/2020"),
        ),
        (
            "KEPUTUSAN MENTERI PENDAYAGUNAAN APARATUR NEGARA\nDAN REFORMASI BIROKRASI REPUBLIK INDONESIA",
            "NOMOR 679 TAHUN 2020",
            "APLIKASI UMUM BIDANG KEARSIPAN DINAMIS",
            "MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA",
            ("kepmen", "679", 2020, True, "kepmen 679/2020"),
        ),
        (
            "PERATURAN BADAN SIBER DAN SANDI NEGARA",
            "NOMOR 8 TAHUN 2020",
            "SISTEM PENGAMANAN DALAM PENYELENGGARAAN SISTEM ELEKTRONIK",
            "KEPALA BADAN SIBER DAN SANDI NEGARA",
            ("perban", "8", 2020, True, "perban 8/2020"),
        ),
        (
            "PERATURAN KEPALA BADAN PUSAT STATISTIK",
            "NOMOR 4 TAHUN 2020",
            "TATA KELOLA TEKNOLOGI INFORMASI DAN KOMUNIKASI",
            "KEPALA BADAN PUSAT STATISTIK",
            ("perban", "4", 2020, True, "perban 4/2020"),
        ),
        (
            "PERATURAN LEMBAGA KEBIJAKAN PENGADAAN BARANG/JASA PEMERINTAH",
            "NOMOR 12 TAHUN 2021",
            "PEDOMAN PELAKSANAAN PENGADAAN BARANG/JASA PEMERINTAH MELALUI PENYEDIA",
            "KEPALA LEMBAGA KEBIJAKAN PENGADAAN BARANG/JASA PEMERINTAH",
            ("perlem", "12", 2021, True, "perlem 12/2021"),
        ),
    ],
)
def test_a_central_regulation_reads_as_its_own_signed_instrument(title, nomor, subject, office, expected):
    f = read_facts(pusat(title, nomor, subject, office))
    assert (f.doc_type, f.number, f.year, f.signed, f.key) == expected
    assert f.title == subject


def test_a_ministry_regulation_draft_is_a_draft():
    pages = pusat(
        "RANCANGAN\nPERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA\nDAN REFORMASI BIROKRASI REPUBLIK INDONESIA",
        "NOMOR      TAHUN 2024",
        "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KEMENTERIAN",
        "MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA",
    )
    f = read_facts(pages)
    assert (f.doc_type, f.number, f.signed) == ("permen", None, False)


def test_central_regulation_types_are_json_identifiers_that_the_report_names_in_bahasa():
    from pipeline.outputs.report import DOC_TYPE_LABELS

    common = load_common()
    central = ("permen", "kepmen", "perban", "perlem")
    assert set(central) <= set(common.regulation_types) and set(central) <= set(common.body_link_types)
    assert all(t.isidentifier() and t == t.lower() for t in DOC_TYPES)
    assert [DOC_TYPE_LABELS[t] for t in central] == [
        "peraturan menteri",
        "keputusan menteri",
        "peraturan badan",
        "peraturan lembaga",
    ]


# --- number and year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nomor, number, year",
    [
        ("NOMOR 81 TAHUN 2021", "81", 2021),
        ("NOMOR : 81 TAHUN 2021", "81", 2021),
        ("N0MOR 22 TAHUN 2O19", "22", 2019),  # OCR 0/O
        ("NOMOR 188.45/123/HK/2024", "188.45/123/HK/2024", 2024),
        ("NOMOR : 188.45/ 1689 /HK/2019", "188.45/1689/HK/2019", 2019),
        ("NOMOR          TAHUN 2021", None, 2021),
        ("NOMOR ...... TAHUN 2021", None, 2021),
        ("NOMOR ______ TAHUN 2021", None, 2021),
        ("NOMOR 188.45/      /HK/2024", None, 2024),
    ],
)
def test_number_and_year(nomor, number, year):
    f = read_facts(perkada(nomor=nomor))
    assert (f.number, f.year) == (number, year)


def test_prose_line_starting_with_nomor_is_not_the_documents_number():
    f = read_facts(
        [
            "LAPORAN HASIL REVIU\nA. Dasar\n1. Peraturan Menteri PANRB\nNomor 59 Tahun 2020 tentang "
            "Pemantauan;\nSukamaju, 20 Juni 2025\nSEKRETARIS DAERAH,\nttd\nNAMA"
        ]
    )
    assert f.number is None and f.year == 2025


@pytest.mark.parametrize(
    "pages, year",
    [
        (["LAPORAN PELAKSANAAN KEGIATAN TAHUN 2024\nisi\nSukamaju, 20 Desember 2024\nKEPALA BADAN,\nNIP 1970"], 2024),
        (["DAFTAR HADIR\nRAPAT\nHari/Tanggal : Jumat, 14 Maret 2025\n"], 2025),
        (["DAFTAR ASET TIK\nKeadaan per 30 Juni 2025\n"], 2025),
        (["PETA RENCANA SPBE\nTAHUN 2024-2028\nBAB I\nisi"], 2024),
    ],
)
def test_year_of_other_documents(pages, year):
    assert read_facts(pages).year == year


# --- enacted date, signed and draft ---------------------------------------------------------------


def test_enacted_date_is_read_from_the_signature_block():
    assert read_facts(perkada(tanggal="pada tanggal 12 Maret 2021")).enacted == date(2021, 3, 12)
    assert read_facts(perkada(tanggal="pada tanggal 25 Januart202l")).enacted == date(2021, 1, 25)


@pytest.mark.parametrize(
    "kwargs, signed, marker",
    [
        ({}, True, None),
        ({"sign": "Cap/dto"}, True, None),
        ({"sign": ""}, True, None),  # filled number + filled date + Berita Daerah number
        ({"above": "RANCANGAN"}, False, "RANCANGAN"),
        ({"title": "RANCANGAN PERATURAN BUPATI LAMONGAN"}, False, "RANCANGAN"),
        (
            {
                "nomor": "NOMOR     TAHUN 2021",
                "sign": "",
                "tanggal": "pada tanggal      2021",
                "berita": "BERITA DAERAH KABUPATEN LAMONGAN TAHUN",
            },
            False,
            "nomor kosong",
        ),
        ({"nomor": "NOMOR     TAHUN 2021"}, False, "nomor kosong"),
        ({"tanggal": "pada tanggal 2021", "sign": "", "berita": ""}, False, "tanggal kosong"),
        (
            {"berita": "BERITA DAERAH KABUPATEN LAMONGAN TAHUN NOMOR", "sign": "", "tanggal": "pada tanggal"},
            False,
            "berita daerah kosong",
        ),
    ],
)
def test_signed_or_draft(kwargs, signed, marker):
    f = read_facts(perkada(**kwargs))
    assert f.signed is signed
    if marker:
        assert marker in f.draft_markers
    else:
        assert f.draft_markers == ()


def test_blank_promulgation_date_alone_does_not_make_a_draft():
    """Batu Bara 81/2021: Diundangkan … Pada tanggal (blank), but number and Berita Daerah filled."""
    pages = perkada(sign="TTD\nZAHIR\nDiundangkan di Lima Puluh\nPada tanggal\nSEKRETARIS DAERAH,\nTTD")
    f = read_facts(pages)
    assert f.signed is True and f.draft_markers == ()


def test_rancangan_in_body_prose_is_not_a_draft_marker():
    pages = perkada(extra="Rancangan Aplikasi disusun oleh Diskominfo.\nRANCANGAN APLIKASI")
    assert read_facts(pages).draft_markers == ()


def test_file_name_hint_only_when_content_has_no_number():
    assert "nama berkas" not in read_facts(perkada(), file_name="R-Perbup-SPBE.pdf").draft_markers
    f = read_facts(["KEPUTUSAN WALI KOTA SUKAMAJU\nTENTANG\nTIM SPBE\nMenimbang"], file_name="draft_SK_tim.pdf")
    assert "nama berkas" in f.draft_markers


@pytest.mark.parametrize(
    "pages, signed",
    [
        (["LAPORAN HASIL AUDIT\nisi\nSukamaju, 18 November 2024\nINSPEKTUR KOTA SUKAMAJU,\nttd\nNAMA"], True),
        (["LAPORAN KEGIATAN\nisi\nSukamaju, 20 Desember 2024\nKEPALA BADAN\nKOTA SUKAMAJU,\n\nNIP 19700211"], True),
        (["LAPORAN KEGIATAN\nisi tanpa tanda tangan"], None),
        (["DAFTAR HADIR\nHari/Tanggal : Jumat, 14 Maret 2025\n1 Nama Jabatan ttd"], None),
        (["Beranda Dashboard\nhttps://x.go.id\nLogin"], None),
    ],
)
def test_signed_of_other_documents(pages, signed):
    assert read_facts(pages).signed is signed


# --- region ---------------------------------------------------------------------------------------


def test_region_and_regions_named():
    pages = perkada(
        office="BUPATI LEMBAH HIJAU",
        title="PERATURAN BUPATI LEMBAH HIJAU",
        berita="BERITA DAERAH KABUPATEN LEMBAH HIJAU TAHUN 2022 NOMOR 31",
        extra="Mengingat: Peraturan Gubernur Jawa Barat Nomor 5 Tahun 2020;\nTembusan:\n1. Gubernur Jawa Barat",
    )
    f = read_facts(pages)
    assert f.region == "Kabupaten Lembah Hijau"
    assert f.regions_named == ("Kabupaten Lembah Hijau",)  # cited Pergub and copy recipients are not owners


def test_region_of_a_letterhead_report():
    f = read_facts(["PT AUDIT NUSANTARA\nLAPORAN HASIL AUDIT KEAMANAN SPBE\nPEMERINTAH KOTA SUKAMAJU\nPERIODE 2021"])
    assert f.region == "Kota Sukamaju" and 2021 in f.period_years


def test_other_government_named_in_header_is_listed():
    f = read_facts(["PEMERINTAH KOTA SUKAMAJU\nLAPORAN\nBERITA DAERAH KABUPATEN LAMONGAN TAHUN 2020 NOMOR 3"])
    assert f.region == "Kota Sukamaju" and "Kabupaten Lamongan" in f.regions_named


def test_issuers_are_read_from_letterhead_title_and_signature_not_from_citations_or_copies():
    cited = "Mengingat: Peraturan Gubernur Jawa Barat Nomor 5 Tahun 2020;\nTembusan:\n1. Gubernur Jawa Barat"
    f = read_facts(perkada(extra=cited))
    assert (f.issuers, f.signatories) == (("Kabupaten Lamongan",), ("Kabupaten Lamongan",))


def test_a_letterhead_province_line_is_no_issuer_next_to_the_regents_office():
    assert read_facts(perkada()).issuers == ("Kabupaten Lamongan",)  # "PROVINSI JAWA TIMUR" under "BUPATI LAMONGAN"


def test_pemkot_in_a_letterhead_names_the_kota():
    letter = "PEMKOT TERNATE\nDINAS KOMUNIKASI DAN INFORMATIKA\nLAPORAN KEGIATAN"
    assert read_facts([letter]).issuers == ("Kota Ternate",)


def test_browser_tab_text_is_no_issuer():
    f = read_facts(["Beranda - Kota Temate x M Kotak Masuk - Gmail x +\nhttps://ternatekota.go.id\nBeranda"])
    assert f.issuers == () and f.region is None


def test_a_ministry_heading_its_regulation_is_its_issuer():
    head = "PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN\nREFORMASI BIROKRASI REPUBLIK INDONESIA\nNOMOR 59 TAHUN 2020"
    assert read_facts([head]).issuers == ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",)


# --- period, keys, revocation, amendment ----------------------------------------------------------


@pytest.mark.parametrize(
    "pages, years",
    [
        (["PETA RENCANA SPBE\nTAHUN 2024-2028\nBAB I"], (2024, 2025, 2026, 2027, 2028)),
        (["LAPORAN REALISASI\nTahun Anggaran 2021\nisi"], (2021,)),
        (["NOTULEN RAPAT\nHari/Tanggal : Jumat, 14 Maret 2025"], (2025,)),
        (["LAPORAN AUDIT\nPERIODE AGUSTUS - OKTOBER 2021\nisi"], (2021,)),
    ],
)
def test_period_years(pages, years):
    assert read_facts(pages).period_years == years


def test_key_and_make_key():
    assert read_facts(perkada()).key == "perbup 12/2021"
    assert make_key("sk", "188.45/123/HK/2024", 2024) == "sk 188.45/123/hk/2024"
    assert make_key("perwali", None, 2024) is None


def test_revokes_from_closing_article():
    extra = (
        "Pasal 8\nPada saat Peraturan Bupati ini mulai berlaku:\na. Peraturan Bupati Lamongan Nomor 12 Tahun 2018\n"
        "tentang E-Government (Berita Daerah Kabupaten Lamongan Tahun 2018 Nomor 13);\n"
        "b. Peraturan Bupati Lamongan Nomor 57 Tahun 2019 tentang Perubahan Atas Peraturan Bupati Lamongan\n"
        "Nomor 12 Tahun 2018 tentang E-Government; dan\n"
        "dicabut dan dinyatakan tidak berlaku."
    )
    f = read_facts(perkada(extra=extra))
    assert f.revokes == ("perbup 12/2018", "perbup 57/2019")


def test_menimbang_and_mengingat_are_not_revocations():
    pages = perkada()
    pages[0] += (
        "b. bahwa Peraturan Bupati Lamongan Nomor 12 Tahun 2018 sudah tidak sesuai sehingga perlu diganti;\n"
        "Mengingat: Undang-Undang Nomor 19 Tahun 2016 tentang Perubahan atas Undang-Undang Nomor 11 Tahun 2008"
    )
    assert read_facts(pages).revokes == ()


def test_amends_from_title():
    f = read_facts(
        perkada(
            title="PERATURAN WALI KOTA SUKAMAJU",
            office="WALI KOTA SUKAMAJU",
            subject="PERUBAHAN ATAS PERATURAN WALI KOTA SUKAMAJU\nNOMOR 15 TAHUN 2023 TENTANG SPBE",
        )
    )
    assert f.amends == ("perwali 15/2023",)


def test_title_is_the_subject_single_spaced():
    f = read_facts(perkada(subject="SISTEM PEMERINTAHAN   BERBASIS\nELEKTRONIK"))
    assert f.title == "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"


# --- the words come from rules/common.yaml ----------------------------------------------------------


def rules_with(**changes):
    """The shipped rules with some of the facts vocabulary changed (as if common.yaml said so)."""
    common = load_common()
    fields = {}
    for name, change in changes.items():
        section, _, part = name.partition("__")
        if section == "doc_types":
            doc_type, part = part.split("__")
            cues = common.doc_types[doc_type]
            fields["doc_types"] = {**common.doc_types, doc_type: replace(cues, **{part: getattr(cues, part) + change})}
        else:
            record = getattr(common, section)
            fields[section] = replace(record, **{part: getattr(record, part) + change})
    return facts_vocabulary(replace(common, **fields))


def test_doc_types_are_those_of_the_rules():
    assert DOC_TYPES == tuple(load_common().doc_types)


def test_a_title_phrase_added_to_the_rules_gives_its_type():
    pages = ["PEMERINTAH KOTA SUKAMAJU\nKAJIAN PENERAPAN SPBE\nTAHUN 2024\nBAB I"]
    assert read_facts(pages).doc_type == "other"
    assert read_facts(pages, vocabulary=rules_with(doc_types__laporan__title=("kajian",))).doc_type == "laporan"


def test_a_draft_word_added_to_the_rules_marks_a_draft():
    pages = perkada(above="DRAF")
    assert read_facts(pages).signed is True
    f = read_facts(pages, vocabulary=rules_with(draft_markers__before_title=("draf",)))
    assert f.signed is False and f.draft_markers == ("DRAF",)


def test_a_signature_marker_added_to_the_rules_signs_in_every_synonym_spelling():
    pages = ["LAPORAN KEGIATAN\nisi laporan\nTTE\nNAMA PEJABAT"]  # synonyms: "tte" -> "tanda tangan elektronik"
    assert read_facts(pages).signed is None
    assert read_facts(pages, vocabulary=rules_with(signature_markers__signed=("tanda tangan elektronik",))).signed


def test_a_revoke_phrase_added_to_the_rules_revokes():
    pages = perkada(extra="Pasal 8\nPeraturan Bupati Lamongan Nomor 12 Tahun 2018 dinyatakan tidak berlaku.")
    assert read_facts(pages).revokes == ()
    vocabulary = rules_with(revoke_phrases__revoked=("dinyatakan tidak berlaku",))
    assert read_facts(pages, vocabulary=vocabulary).revokes == ("perbup 12/2018",)


@pytest.mark.parametrize(
    "title, doc_type",
    [
        ("PERWAL SUKAMAJU", "perwali"),  # synonyms of "peraturan wali kota"
        ("PERATURAN WALIKOTA SUKAMAJU", "perwali"),
        ("PERDA KOTA SUKAMAJU", "perda"),
        ("SK WALI KOTA SUKAMAJU", "sk"),  # synonyms of "keputusan"
        ("SURAT KEPUTUSAN WALI KOTA SUKAMAJU", "sk"),
    ],
)
def test_title_phrases_are_read_in_every_synonym_spelling(title, doc_type):
    assert read_facts([f"{title}\nNOMOR 5 TAHUN 2020\nTENTANG\nTIM SPBE\nMenimbang"]).doc_type == doc_type


def test_phrases_anywhere_in_a_heading_are_read_as_written():
    """ "dokumen pelaksanaan anggaran" anywhere in a heading, but not its abbreviation in a table row."""
    assert read_facts(["REKAP SUB KEGIATAN DALAM DOKUMEN PELAKSANAAN ANGGARAN\nisi"]).doc_type == "anggaran"
    assert read_facts(["PEMERINTAH KOTA SUKAMAJU\nPENGADAAN SERVER DPA 2024\nisi"]).doc_type == "other"


def test_the_vocabulary_is_compiled_once_per_rules_version():
    assert facts_vocabulary(load_common()) is facts_vocabulary(load_common())
    assert rules_with(draft_markers__before_title=("draf",)) is not facts_vocabulary(load_common())


def test_spellings_follow_the_synonym_table():
    synonyms = load_common().synonyms
    found = spellings(["peraturan wali kota"], synonyms)
    assert {"peraturan wali kota", "peraturan walikota", "perwali", "perwal", "perwalkot", "perwalikota"} == set(found)
    assert found[0] == "peraturan wali kota"  # longest first, so an alternation prefers the longest reading


# --- the two real published regulations ----------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    from pipeline.extract.extractor import extract

    for p in (SIGNED, DRAFT):
        present(p)
    return {p: read_facts([pg.text for pg in extract(p).pages], file_name=p.name) for p in (SIGNED, DRAFT)}


def test_real_signed_batu_bara_perbup(real):
    f = real[SIGNED]
    assert (f.doc_type, f.number, f.year, f.region, f.signed) == ("perbup", "81", 2021, "Kabupaten Batu Bara", True)
    assert f.enacted == date(2021, 8, 31) and f.key == "perbup 81/2021" and f.draft_markers == ()


def test_real_lamongan_draft(real):
    f = real[DRAFT]
    assert (f.doc_type, f.number, f.year, f.region, f.signed) == ("perbup", None, 2021, "Kabupaten Lamongan", False)
    assert {"RANCANGAN", "nomor kosong", "tanggal kosong"} <= set(f.draft_markers)
    assert f.revokes == ("perbup 12/2018", "perbup 57/2019", "perbup 30/2020")


# --- agreement with the labelled sample folder ------------------------------------------------------

FIELDS = ("doc_type", "number", "year", "region", "signed")


@pytest.fixture(scope="module")
def sample_agreement():
    from pipeline.extract.extractor import extract
    from pipeline.model import Status

    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["files"]
    hits = {f: 0 for f in FIELDS}
    total, misses = 0, []
    for rel, lab in labels.items():
        if lab.get("status") != "ok" or not lab.get("doc_type"):
            continue
        doc = extract(SAMPLE / rel)
        assert doc.status is Status.OK, rel
        facts = read_facts([p.text for p in doc.pages], file_name=Path(rel).name)
        total += 1
        for f in FIELDS:
            if getattr(facts, f) == lab[f]:
                hits[f] += 1
            else:
                misses.append(f"{rel}: {f} = {getattr(facts, f)!r}, label {lab[f]!r}")
    return {f: hits[f] / total for f in FIELDS}, total, misses


def test_sample_docs_agreement(sample_agreement):
    rates, total, misses = sample_agreement
    print(f"\nfacts vs labels on {total} sample files: " + ", ".join(f"{f} {r:.0%}" for f, r in rates.items()))
    for m in misses:
        print("  miss:", m)
    assert all(r >= 0.9 for r in rates.values()), (rates, misses)


def test_number_on_the_line_after_nomor_and_blank_nomor_line():
    f = read_facts(["BUPATI BARU\nKEPUTUSAN BUPATI BARU\nNOMOR :\n45 TAHUN 2020\nTENTANG\nTIM SPBE\nMenimbang"])
    assert (f.doc_type, f.number, f.year) == ("sk", "45", 2020)
    f = read_facts(["BUPATI BARU\nKEPUTUSAN BUPATI BARU\nNOMOR :\nTENTANG\nTIM SPBE\nMenimbang"])
    assert f.number is None and "nomor kosong" in f.draft_markers and f.signed is False


def test_one_line_title_block():
    f = read_facts(["BUPATI BATU BARA\nPERATURAN BUPATI BATU BARA NOMOR 81 TAHUN 2021 TENTANG SPBE\nDENGAN RAHMAT"])
    assert (f.doc_type, f.number, f.year, f.title) == ("perbup", "81", 2021, "SPBE")


@pytest.mark.parametrize(
    "text, doc_type, marker",
    [
        (
            "RANCANGAN PERWALIKOTA SUKAMAJU\nNOMOR    TAHUN 2024\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n",
            "perwali",
            "RANCANGAN",
        ),
        ("DRAFT SE WALI KOTA SUKAMAJU\nNOMOR 1 TAHUN 2024\nTENTANG\nPENGGUNAAN SRIKANDI\n", "surat_edaran", "DRAFT"),
    ],
)
def test_a_draft_word_before_a_short_instrument_title_marks_a_draft(text, doc_type, marker):
    facts = read_facts([text], file_name="x.pdf")
    assert (facts.doc_type, facts.signed) == (doc_type, False)
    assert marker in facts.draft_markers


@pytest.mark.parametrize(
    "text, doc_type",
    [
        ("NOTULE RAPAT\nHari/Tanggal: Senin, 3 Juni 2024\nAgenda: SPBE\n", "notulen"),  # OCR dropped the final n
        ("REKAPTULASI ANGGARAN TIK 2024\nkode rekening belanja modal\n", "anggaran"),  # OCR dropped an i
    ],
)
def test_ocr_damaged_headings_keep_their_type(text, doc_type):
    assert read_facts([text], file_name="x.pdf").doc_type == doc_type


LETTER = """PEMERINTAH KABUPATEN SUKAMAJU
SEKRETARIAT DAERAH
Jalan Merdeka Nomor 1 Sukamaju
Sukamaju, 14 April 2025
Nomor : 000.1.5/214/Org/2025
Sifat : Penting
Lampiran : -
Hal : Undangan Rapat Pembahasan Rancangan Peraturan Bupati tentang
Arsitektur SPBE
Yth. Kepala Perangkat Daerah
Dengan ini kami mengundang Saudara pada rapat pembahasan Rancangan
Peraturan Bupati tentang Arsitektur SPBE, yang akan dilaksanakan pada:
hari/tanggal : Selasa, 22 April 2025
"""


def test_a_letter_about_a_draft_regulation_is_a_letter_not_that_regulation():
    facts = read_facts([LETTER], file_name="undangan.pdf")
    assert facts.doc_type == "other" and facts.key is None


def test_a_letters_title_is_its_whole_subject_line_even_when_it_wraps():
    facts = read_facts([LETTER], file_name="undangan.pdf")
    assert facts.title == "Undangan Rapat Pembahasan Rancangan Peraturan Bupati tentang Arsitektur SPBE"
