"""Browser chrome (tab titles, the address bar, "Gmail - Kotak Masuk", "- Google Chrome", "New Tab") is never
a screenshot's title nor a document's issuer.

The texts are what Tesseract makes of screenshots (the sample screens of samplegen/screens.py read back,
and the same shapes with other browsers and webmail): the tab strip first, the address bar with its
buttons read as "< > CD", then the application's header.
"""

from __future__ import annotations

import pytest

from pipeline.judge.facts import read_facts
from pipeline.judge.facts.classify import is_browser_chrome

SATU_DATA = (  # OCR of sample_docs/Diskominfo/43.Screenshot_Portal_Satu_Data.png
    "Dataset - Satu Data Sukamaju x\n\n< > CD https://data.sukamajukota.go.id/dataset\n\nSatu Data Sukamaju\n\n"
    "Portal Data Terbuka Pemerintah Kota Sukamaju\n\nMasuk ¥\n\nBeranda Dataset organisasi Topik Infografis\n\n"
    "Dataset (412 dataset dari 34 Perangkat Daerah)\n\nFilter: Organisasi | Topik | Format (CSV, XLSX, JSON) | Tahun\n"
    "Dataset Organisasi Format\nJumlah Penduduk Menurut Kecamatan 2024 Disdukcapil csv, XLSx\n\nUnduh\n"
)
GMAIL = (
    "Gmail - Kotak Masuk\n"
    "M Kotak Masuk (3) - diskominfo.sukamaju@gmail.com - Gmail x +\n"
    "< > C https://mail.google.com/mail/u/0/#inbox\n"
    "Undangan Rapat Forum Satu Data Kota Sukamaju\n"
    "Kotak Masuk Berbintang Ditunda Terkirim Draf\n"
    "Kepada Yth. Kepala Perangkat Daerah, mohon hadir pada rapat forum satu data.\n"
)
NEW_TAB = (
    "New Tab x LAPOR SUKAMAJU x +\n<>c\nD https://lapor.sukamajukota.go.id/admin/pengaduan\n"
    "LAPOR SUKAMAJU\nLayanan Pengaduan Pelayanan Publik Pemerintah Kota Sukamaju\nanda Daftar Pengaduan Masuk\n"
    "Beranda Dashboard Pengaduan Masuk Filter Unduh\n"
)
TERNATE_WINDOW = (  # a Sukamaju screen, captured with the window title of a tab still open on Ternate's site
    "Pemerintah Kota Ternate - Dashboard SPBE - Google Chrome\n"
    "sipd.sukamajukota.go.id/dashboard\n"
    "PEMERINTAH KOTA SUKAMAJU\n"
    "Dashboard Layanan SPBE\nBeranda Dashboard Laporan Pengaturan Profil\nJumlah aplikasi 42\n"
)


def test_a_screenshots_title_is_the_applications_header_not_its_tab():
    facts = read_facts([SATU_DATA], file_name="43.Screenshot_Portal_Satu_Data.png")
    assert facts.doc_type == "screenshot"
    assert facts.title == "Satu Data Sukamaju - Portal Data Terbuka Pemerintah Kota Sukamaju"


def test_gmail_kotak_masuk_is_never_a_screenshots_title():
    facts = read_facts([GMAIL], file_name="undangan.png")
    assert facts.doc_type == "screenshot"
    assert facts.title.startswith("Undangan Rapat Forum Satu Data Kota Sukamaju")
    assert "Gmail" not in facts.title  # "Kotak Masuk" of Gmail's own menu is the screen's content


def test_a_new_tab_and_the_address_bar_are_never_a_screenshots_title():
    facts = read_facts([NEW_TAB], file_name="42.Screenshot_Lapor.png")
    assert facts.doc_type == "screenshot"
    assert facts.title == "LAPOR SUKAMAJU - Layanan Pengaduan Pelayanan Publik Pemerintah Kota Sukamaju"


def test_a_browser_window_title_is_never_an_issuer():
    facts = read_facts([TERNATE_WINDOW], file_name="dashboard.png")
    assert facts.issuers == ("Kota Sukamaju",) and facts.region == "Kota Sukamaju"


def test_a_browser_window_title_is_never_a_reports_heading():
    """A PDF opened in the browser and captured: the document's heading is the title, not the window's."""
    page = (
        "Laporan Kegiatan Bimtek.pdf - Google Chrome\n"
        "NOTULEN RAPAT\nFORUM SATU DATA KOTA SUKAMAJU\nHari/Tanggal : Senin, 3 Februari 2025\n"
        "Pembahasan daftar data prioritas dan jadwal pemutakhiran data.\n"
    )
    facts = read_facts([page], file_name="notulen.pdf")
    assert facts.doc_type == "notulen" and facts.title == "NOTULEN RAPAT FORUM SATU DATA KOTA SUKAMAJU"


@pytest.mark.parametrize(
    "line",
    [
        "Gmail - Kotak Masuk",
        "Kotak Masuk (3) - diskominfo.sukamaju@gmail.com - Gmail",
        "M Kotak Masuk - Gmail x +",
        "12/03/2025 10.15 Gmail - Undangan Rapat Forum Satu Data",  # the header of a browser print-out
        "Zimbra: Kotak Masuk",
        "Inbox - Outlook",
        "Beranda - SIPD - Google Chrome",
        "Dashboard SPBE - Pemerintah Kota Ternate — Mozilla Firefox",
        "Kotak Masuk - Microsoft\u200b Edge",
        "New Tab",
        "Dashboard x New Tab x +",
        "< > CD https://jdih.sukamajukota.go.id/produk-hukum?jenis-perwal",
        "<>c",
        "D https://lapor.sukamajukota.go.id/admin/pengaduan",
        "← → C sipd.kemendagri.go.id/aklap/home",
        "Not secure | 10.0.0.5/simpeg/login",
    ],
)
def test_lines_of_browser_chrome(line):
    assert is_browser_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "PEMERINTAH KOTA SUKAMAJU",
        "Laman: www.sukamajukota.go.id Pos-el: diskominfo@sukamajukota.go.id",
        "Email: diskominfo.sukamaju@gmail.com",
        "Masuk dengan akun Gmail Anda",
        "Kotak Masuk",  # an e-office menu (SRIKANDI), content of the screen
        "NOMOR x TAHUN 2024",  # a draft's blank number
        "Indonesia Economic Outlook",
        "Safari Ramadhan 1446 H",
        "Buka tautan di tab baru",
        "A. Latar Belakang",
    ],
)
def test_lines_of_documents_are_not_browser_chrome(line):
    assert not is_browser_chrome(line)
