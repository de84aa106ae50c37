"""Personal data: NIK, NIP, phone numbers and e-mail are found, counted per page, redacted and flagged;
ordinary regulation numbers, dates and money are left alone. Every value is built here from its parts."""

from __future__ import annotations

import re

import pytest
import yaml

from pipeline.privacy import personal_data as pd
from pipeline.rules import RULES_DIR, RulesError, load_common


def nik(province=32, regency=1, district=1, day=5, month=7, year=90, woman=False, serial=1, sep="") -> str:
    """A NIK from its parts; `sep` cuts it 4-4-4-4 the way OCR and forms often print it."""
    digits = f"{province:02d}{regency:02d}{district:02d}{day + 40 * woman:02d}{month:02d}{year % 100:02d}{serial:04d}"
    return sep.join(digits[i : i + 4] for i in range(0, 16, 4)) if sep else digits


def nip(born="19650101", appointed="199003", gender=1, serial=5, spaced=True) -> str:
    """A NIP from its parts; spaced like a signature block: "19650101 199003 1 005"."""
    parts = (born, appointed, str(gender), f"{serial:03d}")
    return " ".join(parts) if spaced else "".join(parts)


@pytest.fixture(scope="module")
def rules():
    return load_common().personal_data


def found(text: str, rules) -> dict[str, int]:
    return pd.scan([text], rules).counts


# --- NIK -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        nik(),
        nik(sep=" "),
        nik(sep="-"),
        "320101 050790 0001",
        nik(woman=True),
        nik(province=94, regency=71, day=29, month=2, year=0),
    ],
)
def test_a_valid_nik_is_found_however_it_is_spaced(rules, written):
    assert found(f"NIK : {written} Nama: Siti Aminah", rules) == {"nik": 1}


@pytest.mark.parametrize(
    "written",
    [
        nik(month=13),  # no 13th month
        nik(day=35),  # neither a man's (01-31) nor a woman's (41-71) day
        nik(day=31, month=4),  # 31 April
        nik(province=99),  # no such province
        nik(province=20),  # no such province: a run of years "2019 2020 ..." starts so
        nik(regency=0),  # regency 00
        nik(serial=0),  # serial 0000
    ],
)
def test_sixteen_digits_with_an_impossible_nik_structure_are_not_a_nik(rules, written):
    assert pd.scan([f"Nomor: {written}"], rules).total == 0


@pytest.mark.parametrize(
    "text",
    [
        "Nomor rekening Bank Jatim 1234-5678-9012-3456 a.n. Bendahara",
        "Rekening giro 0041234567890 dan kode billing 820221012345678",
        "Nomor Surat 800/" + nik() + "/Diskominfo/2024",  # a letter-number segment, not an ID
        "Kode " + nik() + "A dan ID-" + nik(),  # glued to letters: a code, not an ID
        "Tahun anggaran 2019 2020 2021 2022 2023 2024",
        "Kode rekening 5.1.02.01.01.0024 dan 5.2.02.10.01.0001",
        "NIB 9120001234567 | No. SP2D 1234567890123456 | ID transaksi 32010150079000011",
        "No 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    ],
)
def test_account_letter_and_table_numbers_are_not_personal_data(rules, text):
    assert pd.scan([text], rules).total == 0
    assert pd.redact(text, rules) == text


def test_a_nik_in_a_table_row_is_found_between_other_columns(rules):
    row = f"12 {nik()} SITI AMINAH 2 {nik(serial=2)} 081234567890"
    assert found(row, rules) == {"nik": 2, "phone": 1}


def test_counts_are_distinct_values_and_pages_are_one_based(rules):
    pages = ["DAFTAR HADIR RAPAT", f"1 {nik()}\n2 {nik(serial=2)}", f"3 {nik()}\n4 {nik(serial=3, sep=' ')}"]
    result = pd.scan(pages, rules)
    assert result.counts == {"nik": 3} and result.pages == {"nik": (2, 3)}


def test_the_result_never_holds_a_value(rules):
    result = pd.scan([f"NIK {nik()} NIP {nip()} HP 0812-3456-7890 budi@gmail.com"], rules)
    assert result.total == 4
    shown = repr(result)
    assert not re.search(r"\d{6}", shown) and "@" not in shown and "3456" not in shown


# --- NIP -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        nip(),
        nip(spaced=False),
        "19650101 199003 1005",
        "19650101-199003-1-005",
        nip(born="19900217", appointed="202321", gender=2, serial=28),
    ],
)  # PPPK: "21"
def test_a_valid_nip_is_found_however_it_is_spaced(rules, written):
    assert found(f"NIP. {written}", rules) == {"nip": 1}


@pytest.mark.parametrize(
    "written",
    [
        nip(gender=3),
        nip(serial=0),
        nip(born="19651301"),
        nip(appointed="196003"),
        nip(appointed="199013"),
        "1965 0101 1990 0310 05",
    ],
)
def test_eighteen_digits_with_an_impossible_nip_structure_are_not_a_nip(rules, written):
    assert pd.scan([f"NIP. {written}"], rules).total == 0


# --- phone and e-mail ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "0812-3456-7890",
        "0812 3456 789",
        "081234567890",
        "0857.1234.5678",
        "+62 812 3456 7890",
        "+62-812-3456-7890",
        "6281234567890",
        "(+62) 812-3456-7890",
    ],
)
def test_mobile_numbers_are_phones(rules, written):
    assert found(f"HP/WA: {written}.", rules) == {"phone": 1}


@pytest.mark.parametrize(
    "written", ["(0341) 551234", "(021) 5551234", "0341-551234", "+62 341 551234", "(0274) 512 345"]
)
def test_landlines_are_found_as_a_separate_kind(rules, written):
    assert found(f"Telp. {written}", rules) == {"landline": 1}


def test_the_same_number_written_two_ways_counts_once(rules):
    assert found("HP 0812-3456-7890 atau +62 812 3456 7890", rules) == {"phone": 1}


def test_email_on_an_institutional_domain_is_counted_apart(rules):
    text = "Surel: budi.santoso@gmail.com, siti_99@yahoo.co.id, diskominfo@malangkota.go.id"
    assert found(text, rules) == {"email": 2, "email_dinas": 1}


# --- redaction -----------------------------------------------------------------------------------

REGULATION = """PERATURAN WALI KOTA SUKAMAJU NOMOR 81 TAHUN 2021
TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
Mengingat: Peraturan Presiden Nomor 95 Tahun 2018; Pasal 5 ayat (2) huruf b; Pasal 12 ayat (1).
Anggaran sebesar Rp 1.500.000.000,00 (satu miliar lima ratus juta rupiah) dan Rp. 250.000.000.
Ditetapkan di Sukamaju pada tanggal 12 Januari 2021 (12-01-2021, 2021-01-12, 12/01/2021) pukul 08.30 WIB.
Kode rekening 5.1.02.01.01.0024; NPWP instansi 00.123.456.7-651.000; Kode Pos 65119.
Halaman 3 dari 10. Tahun 2019, 2020, 2021 dan 2022. BAB III Pasal 21 angka 4."""


def test_redaction_leaves_regulation_numbers_dates_and_money_untouched(rules):
    assert pd.redact(REGULATION, rules) == REGULATION


def test_redaction_replaces_each_value_with_its_placeholder(rules):
    text = (
        f"NIK {nik(sep=' ')} NIP. {nip()} HP 0812-3456-7890 Telp. (0341) 551234 budi@gmail.com humas@sukamajukota.go.id"
    )
    assert pd.redact(text, rules) == ("NIK [NIK] NIP. [NIP] HP [TELEPON] Telp. [TELEPON TETAP] [EMAIL] [EMAIL DINAS]")


def test_redaction_removes_every_value_from_a_list_of_people(rules):
    values = [nik(serial=n, woman=n % 2 == 0) for n in range(1, 21)]
    values += [nip(serial=n) for n in range(1, 11)]
    values += [f"0812-3456-{n:04d}" for n in range(1, 11)] + [f"peserta{n}@gmail.com" for n in range(1, 11)]
    text = "\n".join(f"{i}. Peserta {i} | {v} | Dinas Kominfo" for i, v in enumerate(values, start=1))
    redacted = pd.redact(text, rules)
    assert not any(v in redacted for v in values)
    assert not re.search(r"\d{5}", redacted) and "@" not in redacted  # nothing long enough to be an ID is left
    assert redacted.count("Dinas Kominfo") == len(values)  # the rest of each line is kept


def test_redaction_is_idempotent_and_already_redacted_text_still_shows_where_data_was(rules):
    pages = [f"NIK {nik()}", "Tidak ada data", f"HP 0812-3456-7890 dan {nik(serial=2)}"]
    redacted = [pd.redact(p, rules) for p in pages]
    assert [pd.redact(p, rules) for p in redacted] == redacted
    assert pd.scan(redacted, rules) == pd.scan(pages, rules)


# --- flag ----------------------------------------------------------------------------------------


def test_flag_message_gives_counts_and_pages_but_no_value(rules):
    pages = ["Kop surat", f"{nik()} {nik(serial=2)}", f"{nik(serial=3)} 0812-3456-7890 0813-1111-2222"]
    flag = pd.flag(pd.scan(pages, rules), rules)
    assert flag.code == "personal_data"
    assert "3 NIK (hlm. 2, 3)" in flag.message and "2 nomor ponsel (hlm. 3)" in flag.message
    assert "Samarkan" in flag.message
    assert not re.search(r"\d{4}", flag.message.replace("hlm.", ""))


def test_a_signed_letter_with_a_letterhead_is_not_flagged(rules):
    letterhead = (
        "PEMERINTAH KOTA SUKAMAJU Jl. Merdeka No. 1 Telp. (0341) 551234 Fax. (0341) 551235 "
        "WA 0812-3456-7890 surel diskominfo.sukamaju@gmail.com, diskominfo@sukamajukota.go.id"
    )
    letter = [
        f"{letterhead}\n{REGULATION}",
        f"KEPALA DINAS KOMUNIKASI DAN INFORMATIKA\nttd\nBUDI SANTOSO\nNIP. {nip()}",
        f"Lampiran ... KEPALA DINAS\nBUDI SANTOSO\nNIP. {nip()}\nSekretaris\nNIP. {nip(serial=7)}",
    ]
    found_ = pd.scan(letter, rules)
    assert found_.counts["nip"] == 2 and found_.counts["landline"] == 2
    assert pd.flag(found_, rules) is None


def test_one_nik_is_enough_to_flag(rules):
    assert pd.flag(pd.scan([f"NIK {nik()}"], rules), rules).code == "personal_data"


def test_thresholds_come_from_the_yaml(tmp_path):
    data = yaml.safe_load((RULES_DIR / "common.yaml").read_text(encoding="utf-8"))
    data["personal_data"]["flag_min"]["nip"] = 1
    path = tmp_path / "common.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    strict = load_common(path)
    one_signer = pd.scan([f"NIP. {nip()}"], strict)
    assert pd.flag(one_signer, strict) is not None and pd.flag(one_signer, load_common()) is None


def test_a_kind_left_out_of_flag_min_never_flags(rules):
    many_landlines = pd.scan([" ".join(f"Telp. (0341) {551230 + n}" for n in range(9))], rules)
    assert many_landlines.counts == {"landline": 9} and pd.flag(many_landlines, rules) is None


def test_an_unknown_kind_in_the_yaml_is_an_error(tmp_path):
    data = yaml.safe_load((RULES_DIR / "common.yaml").read_text(encoding="utf-8"))
    data["personal_data"]["flag_min"]["npwp"] = 1
    path = tmp_path / "common.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesError, match="npwp"):
        load_common(path)


def test_split_message_separates_findings_from_the_action(rules):
    flag = pd.flag(pd.scan(["x", f"{nik()}"], rules), rules)
    assert pd.split_message(flag.message) == ("1 NIK (hlm. 2)", pd.ACTION)
    assert pd.split_message("Memuat NIK.") == ("Memuat NIK.", "")


def test_page_lists_compress_runs():
    assert pd.page_list([5, 1, 2, 3, 7, 8]) == "1–3, 5, 7, 8"


def test_an_id_in_parentheses_is_redacted_inside_them(rules):
    assert pd.redact(f"Siti Aminah ({nik()}), Budi (NIP {nip()})", rules) == "Siti Aminah ([NIK]), Budi (NIP [NIP])"
