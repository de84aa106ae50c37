"""Regions and institutions as data, names resolved despite OCR damage, and `other_region` only when another
government issued the document."""

from __future__ import annotations

import csv

import pytest

from pipeline.judge import flags
from pipeline.judge.facts import read_facts
from pipeline.judge.regions import (
    OWN_PROVINCE,
    configured_government,
    fold_name,
    relation,
    resolve,
)
from pipeline.rules import RULES_DIR, RulesError, load_instansi, load_regions
from tests.references import REAL, present

PAKPAK_BHARAT = REAL / "perbup-pakpak-bharat-34-2019-rencana-induk-spbe.pdf"
BATU_BARA = REAL / "perbup-batubara-81-2021-spbe-signed.pdf"

# The head and signature block of Peraturan Menteri Komunikasi dan Informatika Nomor 1 Tahun 2023, as published.
PERMENKOMINFO = [
    "PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA\nREPUBLIK INDONESIA\nNOMOR 1 TAHUN 2023\nTENTANG\n"
    "INTEROPERABILITAS DATA DALAM PENYELENGGARAAN\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n"
    "DAN SATU DATA INDONESIA\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n"
    "MENTERI KOMUNIKASI DAN INFORMATIKA REPUBLIK INDONESIA,\nMenimbang : bahwa …",
    "Pasal 20\nPeraturan Menteri ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Jakarta\n"
    "pada tanggal 2 Januari 2023\nMENTERI KOMUNIKASI DAN INFORMATIKA\nREPUBLIK INDONESIA,\nttd\nNAMA MENTERI",
]


def perwali(office: str, letterhead: str = "") -> list[str]:
    """A Peraturan Wali Kota whose title block and signature name `office` ("WALI KOTA TERNATE")."""
    head = f"{letterhead}\n" if letterhead else ""
    return [
        f"{head}{office}\nPERATURAN {office}\nNOMOR 12 TAHUN 2023\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n"
        f"DENGAN RAHMAT TUHAN YANG MAHA ESA\n{office},\nMenimbang : bahwa …",
        f"Pasal 9\nDitetapkan di Ternate\npada tanggal 3 Maret 2023\n{office},\nttd\nNAMA PEJABAT",
    ]


@pytest.fixture(scope="module")
def real():
    from pipeline.extract.extractor import extract

    for p in (PAKPAK_BHARAT, BATU_BARA):
        present(p)
    return {
        p: read_facts([page.text for page in extract(p).pages], file_name=p.name) for p in (PAKPAK_BHARAT, BATU_BARA)
    }


# --- the lists -------------------------------------------------------------------------------------


def test_the_regions_file_lists_38_provinces_416_kabupaten_and_98_kota():
    kinds = [r.kind for r in load_regions()]
    assert (kinds.count("provinsi"), kinds.count("kabupaten"), kinds.count("kota")) == (38, 416, 98)


def test_every_kabupaten_and_kota_has_its_province():
    regions = load_regions()
    provinces = {r.code for r in regions if r.kind == "provinsi"}
    assert all(
        r.province_code in provinces and r.code.startswith(r.province_code + ".")
        for r in regions
        if r.kind != "provinsi"
    )


def test_the_one_abbreviated_name_of_the_source_is_written_out():
    assert {r.code: r.name for r in load_regions()}["71.09"] == "Kabupaten Kepulauan Siau Tagulandang Biaro"


def test_a_regions_file_with_a_kota_outside_any_province_is_refused(tmp_path):
    path = tmp_path / "regions.csv"
    rows = list(csv.reader((RULES_DIR / "regions.csv").open(encoding="utf-8")))
    rows = [r for r in rows if r[0] != "82"]  # Maluku Utara gone, Kota Ternate stays
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    with pytest.raises(RulesError, match="without their province"):
        load_regions(path)


def test_every_institution_and_former_name_has_its_source():
    for entry in load_instansi():
        assert entry.source.strip() and all(f.source.strip() for f in entry.former), entry.id


def test_an_institution_name_claimed_by_two_entries_is_refused(tmp_path):
    path = tmp_path / "instansi.yaml"
    path.write_text(
        "instansi:\n"
        "  - {id: a, kind: lembaga, name: Badan Satu, abbreviations: [BS], source: usage}\n"
        "  - {id: b, kind: lembaga, name: Badan Dua, abbreviations: [bs], source: usage}\n",
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match="names both a and b"):
        load_instansi(path)


# --- resolving names -------------------------------------------------------------------------------


def test_temate_is_ternate():
    assert resolve("Kota Temate").name == "Kota Ternate"


@pytest.mark.parametrize(
    "read, official",
    [
        ("Kota Temate", "Kota Ternate"),  # rn -> m
        ("Kota Ba1ikpapan", "Kota Balikpapan"),  # l -> 1
        ("Kota BaIikpapan", "Kota Balikpapan"),  # l -> I
        ("Kota B0gor", "Kota Bogor"),  # O -> 0
        ("Kabupaten Banclung", "Kabupaten Bandung"),  # d -> cl
    ],
)
def test_ocr_confusions_do_not_change_a_name(read, official):
    assert fold_name(read) == fold_name(official) and resolve(read).name == official


def test_a_name_cut_by_a_line_break_is_the_one_official_name_it_begins():
    assert resolve("Kota Bandar").name == "Kota Bandar Lampung"


def test_pemkot_x_is_kota_x():
    assert resolve("Kota Pemkot Ternate").key == configured_government("Pemkot Ternate").governments[0].key == "82.71"


def test_a_province_contains_its_kabupaten_and_kota():
    assert (
        relation(resolve("Provinsi Sumatera Utara"), configured_government("Kabupaten Pakpak Bharat")) == OWN_PROVINCE
    )


def test_a_pemda_unit_named_badan_is_no_central_institution():
    assert resolve("Badan Perencanaan Pembangunan Daerah") is None


def test_a_ministry_under_its_former_name_is_the_same_ministry():
    assert resolve("Kementerian Komunikasi dan Informatika").key == configured_government("Komdigi").governments[0].key


@pytest.mark.parametrize(
    "value, key",
    [
        ("Pemerintah Kota Ternate", "82.71"),
        ("Kota Ternate", "82.71"),
        ("Ternate", "82.71"),
        ("Walikota Ternate", "82.71"),
        ("Kementerian Komunikasi dan Digital", "komdigi"),
        ("Komdigi", "komdigi"),
    ],
)
def test_ways_of_configuring_the_region(value, key):
    assert [g.key for g in configured_government(value).governments] == [key]


def test_a_bare_name_of_a_kabupaten_and_a_kota_is_ambiguous():
    assert {g.name for g in configured_government("Bekasi").governments} == {"Kabupaten Bekasi", "Kota Bekasi"}


# --- the flag --------------------------------------------------------------------------------------


def test_a_pakpak_bharat_perbup_naming_its_province_is_not_another_regions(real):
    assert flags.other_region(real[PAKPAK_BHARAT], "Kabupaten Pakpak Bharat") is None


def test_a_pakpak_bharat_perbup_is_another_regions_for_kota_ternate(real):
    flag = flags.other_region(real[PAKPAK_BHARAT], "Kota Ternate")
    assert flag.code == "other_region" and "Kabupaten Pakpak Bharat" in flag.message


def test_a_batu_bara_perbup_is_another_regions_for_lamongan(real):
    flag = flags.other_region(real[BATU_BARA], "Kabupaten Lamongan")
    assert flag.code == "other_region" and "Kabupaten Batu Bara" in flag.message and "kop" in flag.message


def test_a_kabupaten_perbup_is_not_its_provinces_own_evidence(real):
    flag = flags.other_region(real[PAKPAK_BHARAT], "Provinsi Sumatera Utara")
    assert flag.code == "other_region" and "berada di wilayah Provinsi Sumatera Utara" in flag.message


def test_an_ocr_variant_of_the_own_name_is_no_reason():
    assert flags.other_region(read_facts(perwali("WALI KOTA TEMATE")), "Kota Ternate") is None


def test_a_city_regulation_naming_its_own_province_in_the_letterhead_is_the_citys():
    facts = read_facts(perwali("WALI KOTA TERNATE", letterhead="PEMERINTAH PROVINSI MALUKU UTARA"))
    assert flags.other_region(facts, "Kota Ternate") is None


def test_a_government_named_as_a_place_in_the_title_is_no_reason():
    visit = ["LAPORAN KUNJUNGAN KERJA KE PEMERINTAH KABUPATEN BANYUWANGI\nTAHUN 2024\nBAB I PENDAHULUAN"]
    assert flags.other_region(read_facts(visit), "Kota Ternate") is None


def test_a_screenshot_with_kota_temate_x_gmail_in_its_tab_text_is_not_another_regions():
    screenshot = [
        "Dashboard SPBE - Kota Temate x M Kotak Masuk (3) - Gmail x +\n"
        "< > C https://spbe.ternatekota.go.id/dashboard\nDashboard Layanan SPBE\nJumlah aplikasi 42"
    ]
    assert flags.other_region(read_facts(screenshot), "Kota Ternate") is None


def test_another_government_in_the_tab_text_is_not_the_issuer():
    screenshot = ["Portal Kabupaten Lamongan x M Kotak Masuk - Gmail x +\nDashboard SPBE\nJumlah aplikasi 42"]
    assert flags.other_region(read_facts(screenshot), "Kota Ternate") is None


def test_a_ministrys_permen_is_not_another_governments_for_that_ministry():
    assert flags.other_region(read_facts(PERMENKOMINFO), "Kementerian Komunikasi dan Digital") is None


def test_a_ministrys_permen_is_another_governments_for_another_ministry():
    flag = flags.other_region(read_facts(PERMENKOMINFO), "Kementerian Dalam Negeri")
    assert flag.code == "other_region" and "Kementerian Komunikasi dan Digital" in flag.message
    assert "nama lama" in flag.message


def test_a_pemda_regulation_is_another_governments_for_a_ministry():
    flag = flags.other_region(read_facts(perwali("WALI KOTA TERNATE")), "Komdigi")
    assert flag.code == "other_region" and "Kota Ternate" in flag.message


def test_a_ministry_report_about_the_city_is_the_citys():
    lhe = ["Kementerian Pendayagunaan Aparatur Negara\ndan Reformasi Birokrasi\nPEMERINTAH KOTA BANDAR\nLAMPUNG\n"
           "LAPORAN HASIL EVALUASI\nSistem Pemerintahan Berbasis Elektronik"]  # fmt: skip
    assert flags.other_region(read_facts(lhe), "Kota Bandar Lampung") is None


def test_an_ambiguous_configured_name_is_said_in_the_flag_rather_than_guessed():
    lamongan = flags.other_region(read_facts(perwali("BUPATI LAMONGAN")), "Bekasi")
    assert lamongan.code == "other_region" and "Kabupaten Bekasi atau Kota Bekasi" in lamongan.message
    assert flags.other_region(read_facts(perwali("WALI KOTA BEKASI")), "Bekasi") is None
