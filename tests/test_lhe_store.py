"""Official results in DuckDB and in the export: one result per government and year, numbers that do not
add up never stored, and the export fields beside the run's claims and evidence.

Real LHEs of ../shared/real/ (a missing folder fails, see tests/test_lhe.py); real DuckDB files.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.official.lhe import LheError, OfficialLevel
from pipeline.official.read import file_sha256, read_lhe
from pipeline.outputs.export import build_export
from pipeline.outputs.official import select_official
from pipeline.store.connection import session
from pipeline.store.official import StoredOfficial, official_results, save_official
from pipeline.store.schema import migrate, schema_version
from tests.test_lhe import real_lhe


@pytest.fixture(scope="module")
def lhe():
    return {year: read_lhe(real_lhe(year)) for year in (2021, 2022, 2023, 2024)}


def _save(db: Path, report, year: int):
    path = real_lhe(year)
    with session(db) as con:
        return save_official(con, report, source_name=path.name, source_sha256=file_sha256(path))


def _counts(db: Path) -> tuple[int, int]:
    with session(db, read_only=True) as con:
        results = con.execute("SELECT count(*) FROM official_results").fetchone()[0]
        levels = con.execute("SELECT count(*) FROM official_levels").fetchone()[0]
    return results, levels


# --- storage -------------------------------------------------------------------------------------


def test_a_fresh_database_file_is_created_migrated_and_holds_the_47_levels(tmp_path, lhe):
    db = tmp_path / "baru" / "spbe.duckdb"
    _save(db, lhe[2024], 2024)
    with session(db, read_only=True) as con:
        (stored,) = official_results(con)
        assert schema_version(con) >= 7
    assert (stored.year, stored.kind, stored.government, stored.index, stored.predicate) == (
        2024, "evaluasi", "Kota Bandar Lampung", 2.98, "Baik",
    )  # fmt: skip
    assert stored.levels == lhe[2024].level_map() and len(stored.levels) == 47
    assert stored.pages[36] == 11 and stored.source_name == "lhe-kota-bandar-lampung-2024.pdf"
    assert stored.source_sha256 == file_sha256(real_lhe(2024))


def test_loading_the_same_lhe_twice_replaces_it_and_says_so(tmp_path, lhe):
    db = tmp_path / "spbe.duckdb"
    first = _save(db, lhe[2024], 2024)
    second = _save(db, lhe[2024], 2024)
    assert first.replaced == () and second.replaced == ("lhe-kota-bandar-lampung-2024.pdf",)
    assert _counts(db) == (1, 47)


def test_each_year_is_kept_beside_the_others(tmp_path, lhe):
    db = tmp_path / "spbe.duckdb"
    for year in (2024, 2021, 2023, 2022):
        _save(db, lhe[year], year)
    with session(db, read_only=True) as con:
        stored = official_results(con)
    assert [(s.year, s.kind) for s in stored] == [
        (2021, "evaluasi"), (2022, "pemantauan"), (2023, "evaluasi"), (2024, "evaluasi"),
    ]  # fmt: skip
    assert _counts(db) == (4, 4 * 47)


def test_levels_that_do_not_give_the_printed_index_are_refused_and_nothing_changes(tmp_path, lhe):
    db = tmp_path / "spbe.duckdb"
    _save(db, lhe[2024], 2024)
    wrong = tuple(OfficialLevel(lv.no, 1, lv.page) if lv.no == 36 else lv for lv in lhe[2024].levels)
    with pytest.raises(LheError, match=r"menghasilkan Indeks SPBE 2,87, sedangkan LHE mencetak 2,98"):
        _save(db, dataclasses.replace(lhe[2024], levels=wrong), 2024)
    with session(db, read_only=True) as con:
        (stored,) = official_results(con)
    assert stored.levels[36] == 5 and _counts(db) == (1, 47)


def test_official_results_are_stored_beside_the_runs_of_a_database(tmp_path, lhe, framework, common):
    from tests.test_report import _docs, _store_run

    db = tmp_path / "spbe.duckdb"
    run_id, _ = _store_run(db, _docs(full=True), framework, common)
    _save(db, lhe[2024], 2024)
    with session(db, read_only=True) as con:
        assert con.execute("SELECT run_id, status FROM runs").fetchall() == [(run_id, "completed")]
        assert len(official_results(con)) == 1


# --- which results are shown ---------------------------------------------------------------------


def _stored(government: str, year: int, read_at: datetime = datetime(2025, 1, 1)) -> StoredOfficial:
    from pipeline.official.lhe import government_key

    key = government_key(government)
    return StoredOfficial(0, government, key, None, year, "evaluasi", "f", 3.0, "Baik", 5, "x.pdf", "0", read_at)


def test_the_runs_own_government_is_chosen_among_several():
    results = [_stored("Kota Bandar Lampung", 2024), _stored("Kota Sukamaju", 2023), _stored("Kota Sukamaju", 2021)]
    chosen, note = select_official(results, "Pemerintah Kota Sukamaju")
    assert [(r.government, r.year) for r in chosen] == [("Kota Sukamaju", 2023), ("Kota Sukamaju", 2021)]
    assert note is None


def test_another_governments_lhe_is_shown_with_a_warning_naming_both():
    chosen, note = select_official([_stored("Kota Bandar Lampung", 2024)], "Kota Sukamaju")
    assert [r.government for r in chosen] == ["Kota Bandar Lampung"]
    assert note and "Kota Bandar Lampung" in note and "Kota Sukamaju" in note


def test_without_a_region_the_newest_lhes_government_is_shown():
    results = [_stored("Kota Sukamaju", 2023), _stored("Kota Bandar Lampung", 2024)]
    chosen, note = select_official(results, None)
    assert [r.government for r in chosen] == ["Kota Bandar Lampung"]
    assert note and "Kota Sukamaju" in note


def test_nothing_stored_gives_nothing_and_no_note():
    assert select_official([], "Kota Sukamaju") == ([], None)


# --- export --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory, lhe, framework, common):
    """A completed run of Kota Sukamaju (tests/test_report.py) and the four LHEs of Kota Bandar Lampung."""
    from tests.test_report import _docs, _store_run

    db = tmp_path_factory.mktemp("lhe-export") / "spbe.duckdb"
    _store_run(db, _docs(full=True), framework, common)
    for year in (2021, 2022, 2023, 2024):
        _save(db, lhe[year], year)
    with session(db) as con:
        return build_export(con)


def test_export_index_carries_the_newest_official_index_predicate_year_and_kind(exported):
    index = exported["index"]
    assert (index["official"], index["official_predicate"], index["official_year"], index["official_kind"]) == (
        2.98, "Baik", 2024, "evaluasi",
    )  # fmt: skip
    assert index["official_government"] == "Kota Bandar Lampung"
    assert index["claimed"] is not None and index["evidence"] is not None  # the run's, untouched


def test_export_indicators_carry_the_newest_official_level_and_every_years_level(exported, lhe):
    by_no = {i["no"]: i for i in exported["indicators"]}
    assert {no: i["official_level"] for no, i in by_no.items()} == lhe[2024].level_map()
    assert by_no[36]["official_history"] == [
        {"year": 2021, "kind": "evaluasi", "level": 3},
        {"year": 2022, "kind": "pemantauan", "level": 2},
        {"year": 2023, "kind": "evaluasi", "level": 4},
        {"year": 2024, "kind": "evaluasi", "level": 5},
    ]


def test_export_lists_every_stored_year_with_its_index_and_source(exported):
    history = exported["official_history"]
    assert [(h["year"], h["kind"], h["index"], h["predicate"]) for h in history] == [
        (2021, "evaluasi", 1.2, "Kurang"), (2022, "pemantauan", 1.5, "Kurang"),
        (2023, "evaluasi", 2.15, "Cukup"), (2024, "evaluasi", 2.98, "Baik"),
    ]  # fmt: skip
    assert history[-1]["source_name"] == "lhe-kota-bandar-lampung-2024.pdf" and len(history[-1]["levels"]) == 47
    assert history[-1]["levels"][35] == {"no": 36, "level": 5, "page": 11}


def test_export_warns_that_the_lhe_is_another_governments_than_the_runs(exported):
    assert exported["region"] == "Kota Sukamaju"
    assert "Kota Bandar Lampung" in exported["official_note"] and "Kota Sukamaju" in exported["official_note"]


def test_export_of_a_database_without_lhe_has_the_fields_empty(tmp_path, framework, common):
    from tests.test_report import _docs, _store_run

    db = tmp_path / "spbe.duckdb"
    _store_run(db, _docs(full=False), framework, common)
    with session(db) as con:
        export = build_export(con)
    assert export["index"]["official"] is None and export["index"]["official_year"] is None
    assert export["official_history"] == [] and export["official_note"] is None
    assert all(i["official_level"] is None and i["official_history"] == [] for i in export["indicators"])


def test_export_read_only_from_a_database_older_than_the_official_tables(tmp_path):
    import duckdb

    db = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(db))
    migrate(con, target=6)
    con.close()
    with session(db, read_only=True) as con:
        export = build_export(con)
    assert export["index"]["official"] is None and export["official_history"] == []
