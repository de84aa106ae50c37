"""Nightly re-runs: per-document analyses are stored and reused, stored text is redacted, work is grouped.

Real flow runs (Prefect test harness), real DuckDB files, real extraction; no OCR needed here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from flows.ingest import GROUP_FILES, SMALL_FILE_BYTES, task_groups
from pipeline.judge.analysis import analyze, analyzer_for, from_json, to_json
from pipeline.model import ContentKey, FileRecord
from spbe import cli
from tests.evidence_factory import REGULATION_LINES, docx_file, nik_of, text_pdf

pytestmark = pytest.mark.slow

REGION, YEAR = "Kota Sukamaju", "2025"


def _run(folder: Path, db: Path) -> int:
    return cli.main(["run", str(folder), "--db", str(db), "--region", REGION, "--year", YEAR, "--quiet"])


def _export(db: Path, out: Path) -> dict:
    assert cli.main(["export", "--db", str(db), "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _without_run_fields(export: dict) -> list[dict]:
    return [{k: v for k, v in d.items() if k not in ("seconds", "extracted_at")} for d in export["documents"]]


def _folder(root: Path) -> Path:
    text_pdf(root / "Diskominfo" / "perwali_spbe.pdf", pages=2)
    docx_file(
        root / "Bappeda" / "notulen_arsitektur.docx",
        ["NOTULEN RAPAT", "Pembahasan Arsitektur SPBE Pemerintah Kota Sukamaju."],
    )
    (root / "Setda" / "catatan.txt").parent.mkdir(parents=True, exist_ok=True)
    (root / "Setda" / "catatan.txt").write_text("Catatan rapat Tim Koordinasi SPBE.", encoding="utf-8")
    return root


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


# --- pure parts ----------------------------------------------------------------------------------


def test_an_analysis_survives_its_storage_form_unchanged():
    analyzer = analyzer_for(2025)
    lines = [line.replace("SISTEM PEMERINTAHAN", "ARSITEKTUR SISTEM PEMERINTAHAN") for line in REGULATION_LINES]
    analysis = analyze(["\n".join(lines)], "perwali_arsitektur_spbe.pdf", analyzer)
    assert analysis.matches and analysis.traces  # something worth round-tripping
    assert from_json(to_json(analysis)) == analysis


def test_small_files_share_a_task_and_large_files_get_their_own():
    def item(n: int, size: int) -> tuple[ContentKey, FileRecord]:
        return ContentKey(f"s{n}", "pdf"), FileRecord(f"A/{n}.pdf", "A", size, 0.0, f"s{n}", "pdf")

    items = [item(n, 10_000) for n in range(GROUP_FILES + 3)] + [item(99, SMALL_FILE_BYTES)]
    groups = task_groups(items)
    assert [len(g) for g in groups] == [1, GROUP_FILES, 3] or [len(g) for g in groups] == [GROUP_FILES, 1, 3]
    assert sorted(k.sha256 for g in groups for k, _ in g) == sorted(k.sha256 for k, _ in items)
    assert [(k.sha256,) for k, _ in next(g for g in groups if len(g) == 1)] == [("s99",)]


# --- flow ----------------------------------------------------------------------------------------


def test_an_unchanged_folder_reuses_every_stored_analysis(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    assert _run(folder, db) == 0
    first = _export(db, tmp_path / "1.json")
    stored = _count(db, "SELECT count(*) FROM analyses")
    assert stored == 3
    assert _run(folder, db) == 0
    assert _count(db, "SELECT count(*) FROM analyses") == stored  # none made again
    assert _count(db, "SELECT max(run_id) FROM analyses") == 1
    assert _without_run_fields(_export(db, tmp_path / "2.json")) == _without_run_fields(first)


def test_missing_analyses_are_made_from_stored_text_without_reading_files_again(tmp_path, prefect_backend):
    """What a rules change does: the analyses no longer fit, the extractions still do."""
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    assert _run(folder, db) == 0
    first = _export(db, tmp_path / "1.json")
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM analyses")
    con.close()
    assert _run(folder, db) == 0
    assert _count(db, "SELECT files_extracted FROM runs ORDER BY run_id DESC LIMIT 1") == 0
    assert _count(db, "SELECT count(*) FROM analyses WHERE run_id = 2") == 3
    assert _without_run_fields(_export(db, tmp_path / "2.json")) == _without_run_fields(first)


def test_personal_data_is_flagged_and_never_stored_or_exported(tmp_path, prefect_backend, capsys):
    folder = _folder(tmp_path / "eviden")
    niks = [nik_of(day=d) for d in (3, 14, 25)]
    (folder / "Disdukcapil").mkdir()
    docx_file(
        folder / "Disdukcapil" / "daftar_hadir_sosialisasi.docx",
        ["DAFTAR HADIR SOSIALISASI SPBE", *[f"{n}. Peserta {n} NIK {nik}" for n, nik in enumerate(niks, 1)]],
    )
    db = tmp_path / "spbe.duckdb"
    assert _run(folder, db) == 0
    export = _export(db, tmp_path / "out.json")
    report = tmp_path / "laporan.html"
    assert cli.main(["report", "--db", str(db), "--out", str(report)]) == 0
    doc = next(d for d in export["documents"] if d["path"] == "Disdukcapil/daftar_hadir_sosialisasi.docx")
    assert "personal_data" in doc["flags"]
    everything = [json.dumps(export), report.read_text(encoding="utf-8"), *capsys.readouterr()]
    con = duckdb.connect(str(db), read_only=True)
    everything += [t for (t,) in con.execute("SELECT text FROM pages").fetchall()]
    everything += [str(row) for row in con.execute("SELECT * FROM doc_flags").fetchall()]
    con.close()
    for nik in niks:
        assert not any(nik in text for text in everything), nik


def test_a_database_from_before_redaction_is_redacted_in_place_without_new_extraction(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    assert _run(folder, db) == 0
    nik = nik_of(day=9)
    con = duckdb.connect(str(db))  # as an older version left it: raw text, no personal-data record
    con.execute(
        "UPDATE pages SET text = text || ? WHERE sha256 = (SELECT sha256 FROM files WHERE path = 'Setda/catatan.txt')",
        [f"\nNIK ketua: {nik}"],
    )
    con.execute("UPDATE extractions SET personal_data = NULL")
    con.close()
    assert _run(folder, db) == 0
    assert _count(db, "SELECT files_extracted FROM runs ORDER BY run_id DESC LIMIT 1") == 0
    assert _count(db, f"SELECT count(*) FROM pages WHERE text LIKE '%{nik}%'") == 0
    assert _count(db, "SELECT count(*) FROM extractions WHERE personal_data IS NULL") == 0
    export = _export(db, tmp_path / "out.json")
    assert "personal_data" in next(d for d in export["documents"] if d["path"] == "Setda/catatan.txt")["flags"]
    assert nik not in json.dumps(export)


def test_a_file_name_that_is_not_utf8_is_stored_shown_and_recognised_on_the_next_run(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    (folder / "Setda" / os.fsdecode(b"laporan_r\xe9viu.txt")).write_text("Laporan reviu SPBE.", encoding="utf-8")
    assert _run(folder, db) == 0
    assert _run(folder, db) == 0
    export = _export(db, tmp_path / "out.json")
    assert "Setda/laporan_r\\xe9viu.txt" in {d["path"] for d in export["documents"]}
    assert _count(db, "SELECT files_unchanged FROM runs ORDER BY run_id DESC LIMIT 1") == 4
