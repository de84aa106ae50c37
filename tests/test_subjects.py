"""What a regulation is about, and what a part of one (a lampiran, a photo of a page) is about."""

from __future__ import annotations

from pipeline.judge.decide import PART_OF, DocInput, judge
from tests.test_judge import SIGN, regulation

UMBRELLA_BODY = (
    "BAB II ARSITEKTUR SPBE\nPasal 3\nArsitektur SPBE Pemerintah Daerah memuat domain arsitektur proses bisnis.\n"
    "BAB III PUSAT DATA\nPasal 4\nPerangkat Daerah menggunakan layanan Pusat Data Pemerintah Daerah.\n"
    "Pusat Data dikelola oleh Dinas. Pusat Data memenuhi standar. Pusat Data terhubung.\n"
    "BAB IV KEAMANAN INFORMASI\nPasal 5\nManajemen keamanan informasi dilaksanakan oleh Dinas.\n"
    "Keamanan informasi meliputi kerahasiaan. Keamanan informasi dievaluasi. Keamanan informasi diaudit.\n"
)


def linked(result, path: str) -> set[int]:
    return {m.indicator for m in result.documents[path].matches}


def test_an_umbrella_regulation_is_linked_to_each_subject_its_articles_regulate(framework, common):
    doc = regulation("perwali-spbe.pdf", UMBRELLA_BODY, title="SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")
    result = judge([doc], framework, common, region="Kota Sukamaju", year=2025)
    assert {1, 5, 8} <= linked(result, "perwali-spbe.pdf")


def test_a_regulation_on_one_subject_is_not_linked_to_the_subjects_its_articles_mention(framework, common):
    doc = regulation("perwali-keamanan.pdf", UMBRELLA_BODY, title="MANAJEMEN KEAMANAN INFORMASI")
    result = judge([doc], framework, common, region="Kota Sukamaju", year=2025)
    assert 8 in linked(result, "perwali-keamanan.pdf")
    assert not linked(result, "perwali-keamanan.pdf") & {1, 5}


def lampiran(path: str, number: str = "8") -> DocInput:
    text = (
        f"LAMPIRAN\nPERATURAN WALI KOTA SUKAMAJU\nNOMOR {number} TAHUN 2024\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS "
        "ELEKTRONIK\n\nDAFTAR ISTILAH\nIstilah yang digunakan dalam peraturan ini disusun menurut abjad.\n"
    )
    return DocInput(path, path, "ok", (), (text, "Halaman berikut memuat tabel istilah.\n" * 3))


def umbrella(number: str = "8") -> DocInput:
    return regulation("perwali-spbe.pdf", UMBRELLA_BODY, number=number, title="SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")


def test_a_lampiran_of_a_regulation_in_the_folder_inherits_its_subjects_and_says_so(framework, common):
    result = judge([umbrella(), lampiran("lampiran.pdf")], framework, common, region="Kota Sukamaju", year=2025)
    part = result.documents["lampiran.pdf"]
    inherited = [m for m in part.matches if m.where == PART_OF]
    assert {1, 5, 8} <= {m.indicator for m in inherited}
    assert all("perwali-spbe.pdf" in m.snippet for m in inherited)
    assert "irrelevant" not in part.flag_codes


def test_a_part_supports_no_level_on_its_own(framework, common):
    result = judge([umbrella(), lampiran("lampiran.pdf")], framework, common, region="Kota Sukamaju", year=2025)
    assert not result.documents["lampiran.pdf"].levels


def test_a_lampiran_of_a_regulation_not_in_the_folder_inherits_nothing(framework, common):
    result = judge([umbrella("8"), lampiran("lampiran.pdf", "9")], framework, common, region="Kota Sukamaju", year=2025)
    assert not [m for m in result.documents["lampiran.pdf"].matches if m.where == PART_OF]


def test_a_photo_of_a_page_that_names_the_regulation_inherits_its_subjects(framework, common):
    photo = DocInput(
        "foto-pasal.jpg",
        "foto-pasal.jpg",
        "ok",
        (),
        ("sebagaimana diatur dalam Peraturan Wali Kota Sukamaju Nomor 8 Tahun 2024 yang ditandatangani\n",),
    )
    result = judge([umbrella(), photo], framework, common, region="Kota Sukamaju", year=2025)
    assert {1, 5, 8} <= {m.indicator for m in result.documents["foto-pasal.jpg"].matches if m.where == PART_OF}


def test_a_report_citing_a_regulation_as_its_legal_basis_is_not_a_part_of_it(framework, common):
    report = DocInput(
        "laporan.pdf",
        "laporan.pdf",
        "ok",
        (),
        (
            "PEMERINTAH KOTA SUKAMAJU\nLAPORAN KEGIATAN BIMBINGAN TEKNIS\nTAHUN 2024\nDasar: Peraturan Wali Kota "
            "Sukamaju Nomor 8 Tahun 2024 tentang Sistem Pemerintahan Berbasis Elektronik.\n"
            + "Kegiatan dihadiri peserta dari seluruh unit kerja. "
            * 30,
        ),
    )
    result = judge([umbrella(), report], framework, common, region="Kota Sukamaju", year=2025)
    assert not [m for m in result.documents["laporan.pdf"].matches if m.where == PART_OF]


_ = SIGN  # the signature block the regulations above end with


def test_a_one_page_lampiran_that_reads_as_its_regulation_supports_no_level_alone(framework, common):
    page = DocInput(
        "foto-lampiran.jpg",
        "foto-lampiran.jpg",
        "ok",
        (),
        (
            "LAMPIRAN\nPERATURAN WALI KOTA SUKAMAJU\nNOMOR 7 TAHUN 2024\nTENTANG\nMANAJEMEN KEAMANAN INFORMASI\n\n"
            "RUANG LINGKUP MANAJEMEN KEAMANAN INFORMASI\nPenetapan ruang lingkup, penanggung jawab, perencanaan.\n",
        ),
    )
    result = judge([page], framework, common, region="Kota Sukamaju", year=2025).documents["foto-lampiran.jpg"]
    assert 8 in {m.indicator for m in result.matches}
    assert not result.levels
