"""The LHE reader: KemenPANRB's real reports of Kota Bandar Lampung (../shared/real/, 2021-2024) are read into
their official result, and what is not a readable LHE is refused with a message.

The real reports must be there: a missing folder fails these tests (set SPBE_REAL_DOCS), it never skips them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.judge.scoring import spbe_index
from pipeline.official.lhe import LheError, PageContent, government_key, parse_lhe
from pipeline.official.read import read_lhe, read_pages
from pipeline.rules import framework_for_year
from tests.references import REAL, present


def real_lhe(year: int) -> Path:
    return present(REAL / f"lhe-kota-bandar-lampung-{year}.pdf")


@pytest.fixture(scope="module")
def reports():
    return {year: read_lhe(real_lhe(year)) for year in (2021, 2022, 2023, 2024)}


@pytest.fixture(scope="module")
def pages_2024():
    return read_pages(real_lhe(2024))


# --- the real reports ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "year, kind, index, predicate",
    [
        (2021, "evaluasi", 1.20, "Kurang"),
        (2022, "pemantauan", 1.50, "Kurang"),
        (2023, "evaluasi", 2.15, "Cukup"),
        (2024, "evaluasi", 2.98, "Baik"),
    ],
)
def test_each_real_report_gives_its_year_kind_government_index_and_predicate(reports, year, kind, index, predicate):
    report = reports[year]
    assert (report.year, report.kind, report.index, report.predicate) == (year, kind, index, predicate)
    assert report.government == "Kota Bandar Lampung" and report.government_code == "18.71"
    assert report.index_page == 5


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_each_real_report_gives_a_level_for_every_indicator_of_the_framework(reports, year):
    report = reports[year]
    assert [lv.no for lv in report.levels] == [i.no for i in framework_for_year(year).indicators]
    assert all(1 <= lv.level <= 5 for lv in report.levels)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_the_levels_of_each_real_report_recompute_its_printed_index(reports, year):
    report = reports[year]
    recomputed = spbe_index(report.level_map(), framework_for_year(year))
    assert abs(recomputed.value - report.index) <= 0.005
    assert recomputed.predicate == report.predicate


@pytest.mark.parametrize(
    "year, pages",
    [(2021, {9}), (2022, {6, 7}), (2023, {10, 11}), (2024, {10, 11, 12})],
)
def test_each_level_names_the_page_of_the_table_it_was_read_from(reports, year, pages):
    assert {lv.page for lv in reports[year].levels} == pages


def test_the_2024_report_gives_the_levels_its_table_prints(reports):
    levels = reports[2024].level_map()
    # as printed on pages 10-12 ("Perolehan Nilai Tingkat Kematangan Indikator")
    assert (levels[1], levels[2], levels[11], levels[20], levels[31], levels[36], levels[40], levels[47]) == (
        3, 2, 1, 4, 1, 5, 5, 2,
    )  # fmt: skip
    assert next(lv.page for lv in reports[2024].levels if lv.no == 36) == 11


def test_the_2022_pemantauan_report_holds_the_levels_of_2022_and_of_2021(reports):
    """The pemantauan report of the year between two evaluations prints two columns: 2021 and 2022."""
    pemantauan = reports[2022]
    assert [year for year, _ in pemantauan.earlier] == [2021]
    assert pemantauan.level_map()[35] == 3 and pemantauan.level_map()[36] == 2


def test_the_2021_column_of_the_pemantauan_report_equals_the_2021_evaluation(reports):
    ((_, earlier),) = reports[2022].earlier
    assert {lv.no: lv.level for lv in earlier} == reports[2021].level_map()


def test_the_evaluation_reports_hold_no_earlier_year(reports):
    assert all(reports[year].earlier == () for year in (2021, 2023, 2024))


# --- refusals (pure: page contents made here) ------------------------------------------------------


def test_pages_without_text_are_refused_as_a_scan():
    with pytest.raises(LheError, match="tidak memiliki lapisan teks"):
        parse_lhe([PageContent(1, ""), PageContent(2, "  ")])


def test_a_document_without_the_lhe_heading_is_refused(pages_2024):
    other = [PageContent(p.number, p.text.replace("EVALUASI SISTEM", "LAPORAN SISTEM"), p.tables) for p in pages_2024]
    with pytest.raises(LheError, match="bukan Laporan Hasil Evaluasi"):
        parse_lhe(other)


def test_a_report_whose_level_tables_were_not_read_is_refused(pages_2024):
    without_tables = [PageContent(p.number, p.text) for p in pages_2024]
    with pytest.raises(LheError, match="Tingkat Kematangan"):
        parse_lhe(without_tables)


def test_a_report_with_an_indicator_missing_is_refused_naming_it(pages_2024):
    cut = [
        PageContent(p.number, p.text, tuple(tuple(r for r in t if (r[0] or "").strip() != "36") for t in p.tables))
        for p in pages_2024
    ]
    with pytest.raises(LheError, match=r"1 indikator \(36\)"):
        parse_lhe(cut)


def _with_level(pages: list[PageContent], no: str, level: str) -> list[PageContent]:
    def row(r):
        return (r[0], r[1], level) if (r[0] or "").strip() == no else r

    return [PageContent(p.number, p.text, tuple(tuple(row(r) for r in t) for t in p.tables)) for p in pages]


def test_a_level_outside_one_to_five_is_refused(pages_2024):
    with pytest.raises(LheError, match="indikator 20 = 7"):
        parse_lhe(_with_level(pages_2024, "20", "7"))


def test_an_unreadable_level_cell_is_refused_with_its_page(pages_2024):
    with pytest.raises(LheError, match="Tingkat indikator 20 tahun 2024 di halaman 11 tidak terbaca"):
        parse_lhe(_with_level(pages_2024, "20", "4a"))


def test_a_predicate_that_does_not_match_the_printed_index_is_refused(pages_2024):
    wrong = [PageContent(p.number, p.text.replace("(Baik)", "(Sangat Baik)"), p.tables) for p in pages_2024]
    with pytest.raises(LheError, match="Predikat"):
        parse_lhe(wrong)


def test_the_parser_reads_a_changed_level_as_printed_the_index_is_checked_before_storing(pages_2024):
    """The parser reads what is printed; whether it adds up is checked before storing (test_lhe_store)."""
    report = parse_lhe(_with_level(pages_2024, "36", "1"))
    assert report.level_map()[36] == 1 and report.index == 2.98


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["PEMERINTAH KOTA BANDAR LAMPUNG", "Kota Bandar  Lampung", "Pemkot Bandar Lampung"])
def test_government_names_fold_to_one_key(name):
    assert government_key(name) == "kota bandar lampung"


def test_kabupaten_abbreviation_folds_to_the_full_word():
    assert government_key("Pemerintah Kab. Batu Bara") == government_key("Kabupaten Batu Bara")


def test_a_report_for_a_year_without_a_framework_is_refused(pages_2024):
    shifted = [PageContent(p.number, p.text.replace("TAHUN 2024", "TAHUN 2019"), p.tables) for p in pages_2024]
    with pytest.raises(LheError, match="2019"):
        parse_lhe(shifted)


def test_report_records_are_immutable(reports):
    with pytest.raises(dataclasses.FrozenInstanceError):
        reports[2024].index = 4.0  # type: ignore[misc]
