"""End to end: a folder of good and hostile files through the real Prefect flow into a real DuckDB file.

Real Tesseract, real DuckDB, real flow runs (Prefect test harness). One run of the
hostile folder is shared by the tests of this module, because OCR is the expensive part.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from spbe import cli
from tests.evidence_factory import HOSTILE_EXPECTED, hostile_folder, text_pdf

pytestmark = pytest.mark.slow

INGESTION_FLAGS = {
    "corrupt",
    "encrypted",
    "empty",
    "wrong_extension",
    "unsupported",
    "too_large",
    "timeout",
    "io_error",
    "vanished",
    "permission_denied",
    "ocr_failed",
}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, prefect_backend):
    base = tmp_path_factory.mktemp("e2e")
    folder = hostile_folder(base / "eviden")
    db = base / "spbe.duckdb"
    code = cli.main(["run", str(folder), "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025", "--quiet"])
    export = base / "export.json"
    assert cli.main(["export", "--db", str(db), "--json", str(export)]) == 0
    return {"folder": folder, "db": db, "code": code, "export": json.loads(export.read_text(encoding="utf-8"))}


def _documents(export: dict) -> dict[str, dict]:
    return {doc["path"]: doc for doc in export["documents"]}


def test_run_with_bad_files_completes_with_exit_code_zero(first_run):
    assert first_run["code"] == 0


def test_every_file_appears_exactly_once_in_the_export(first_run):
    paths = [doc["path"] for doc in first_run["export"]["documents"]]
    assert sorted(paths) == sorted(HOSTILE_EXPECTED)
    assert len(paths) == len(set(paths))


@pytest.mark.parametrize("path", sorted(HOSTILE_EXPECTED))
def test_each_file_gets_its_expected_status_and_error(first_run, path):
    status, code = HOSTILE_EXPECTED[path]
    doc = _documents(first_run["export"])[path]
    assert doc["status"] == status
    if code is None:
        assert doc["error"] is None and not set(doc["flags"]) & INGESTION_FLAGS
    else:
        assert doc["flags"][0] == code
        assert len(doc["error"]) > 30  # a sentence for the admin, not a bare code


def test_opd_is_the_top_level_folder_and_paths_use_forward_slashes(first_run):
    doc = _documents(first_run["export"])["Diskominfo/2024/Laporan/Perwali salinan.pdf"]
    assert doc["opd"] == "Diskominfo"


def test_scanned_pdf_is_read_by_ocr_and_text_pdf_is_not(first_run):
    docs = _documents(first_run["export"])
    scan, text = docs["BPKAD/Pindaian_Perwali.pdf"], docs["Diskominfo/Perwali_12_2023.pdf"]
    assert (scan["pages"], scan["ocr_pages"]) == (1, 1) and scan["ocr_confidence"] > 60
    assert (text["pages"], text["ocr_pages"], text["ocr_confidence"]) == (2, 0, None)


def test_ocr_text_of_the_scan_is_stored_per_page(first_run):
    con = duckdb.connect(str(first_run["db"]), read_only=True)
    try:
        text, method = con.execute(
            """SELECT p.text, p.method FROM pages p JOIN files f USING (sha256, name_class, extractor_version)
               WHERE f.path = 'BPKAD/Pindaian_Perwali.pdf'"""
        ).fetchone()
    finally:
        con.close()
    assert method == "ocr"
    assert "PERATURAN WALI KOTA SUKAMAJU" in text


def test_misnamed_jpeg_still_has_its_text_read(first_run):
    doc = _documents(first_run["export"])["Bappeda/Foto_rapat.pdf"]
    assert doc["format"] == "jpeg" and doc["ocr_pages"] == 1


def test_run_is_recorded_with_counts(first_run):
    con = duckdb.connect(str(first_run["db"]), read_only=True)
    try:
        row = con.execute("SELECT status, files_seen, files_new, files_failed, files_unsupported FROM runs").fetchone()
    finally:
        con.close()
    failed = sum(1 for status, _ in HOSTILE_EXPECTED.values() if status == "failed")
    assert row == ("completed", len(HOSTILE_EXPECTED), len(HOSTILE_EXPECTED), failed, 1)


def test_export_carries_the_contract_fields(first_run):
    export = first_run["export"]
    assert export["schema"] == "spbe-evidence/1" and export["framework"] == "permenpanrb-59-2020"
    assert (export["region"], export["assessment_year"]) == ("Kota Sukamaju", 2025)
    required = {
        "path",
        "opd",
        "sha256",
        "format",
        "status",
        "error",
        "pages",
        "ocr_pages",
        "ocr_confidence",
        "doc_type",
        "number",
        "year",
        "region",
        "signed",
        "flags",
        "indicators",
    }
    assert all(required <= set(doc) for doc in export["documents"])
    assert {"claimed", "evidence", "claimed_predicate", "evidence_predicate"} <= set(export["index"])


def _rerun(folder: Path, db: Path):
    from flows.ingest import run_ingest

    return run_ingest(folder, db, region="Kota Sukamaju", year=2025, progress=False)


def test_unchanged_folder_is_not_read_again(tmp_path, prefect_backend):
    folder = hostile_folder(tmp_path / "eviden")
    db = tmp_path / "db.duckdb"
    first = _rerun(folder, db)
    second = _rerun(folder, db)
    assert first.counts["ocr_pages"] >= 2 and first.counts["files_extracted"] == len(HOSTILE_EXPECTED)
    assert (second.counts["files_extracted"], second.counts["ocr_pages"]) == (0, 0)
    assert second.counts["files_unchanged"] == len(HOSTILE_EXPECTED)


def test_changed_renamed_and_removed_files_are_tracked(tmp_path, prefect_backend):
    folder = tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    text_pdf(folder / "Diskominfo" / "b.pdf", ["LAPORAN REVIU ARSITEKTUR SPBE"])
    db = tmp_path / "db.duckdb"
    _rerun(folder, db)

    text_pdf(folder / "Diskominfo" / "a.pdf", ["NOTULEN RAPAT TIM KOORDINASI SPBE"])  # changed content
    (folder / "Diskominfo" / "b.pdf").rename(folder / "Diskominfo" / "b-baru.pdf")  # renamed: same content
    second = _rerun(folder, db)
    c = second.counts
    assert (c["files_new"], c["files_changed"], c["files_removed"], c["files_extracted"]) == (1, 1, 1, 1)


def test_empty_folder_completes_and_empties_the_inventory(tmp_path, prefect_backend):
    folder = tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    db = tmp_path / "db.duckdb"
    _rerun(folder, db)
    (folder / "Diskominfo" / "a.pdf").unlink()
    summary = _rerun(folder, db)
    assert (summary.counts["files_seen"], summary.counts["files_removed"]) == (0, 1)


def test_a_database_kept_inside_the_evidence_folder_is_not_evidence(tmp_path, prefect_backend):
    folder = tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    summary = _rerun(folder, folder / "spbe.duckdb")
    assert summary.counts["files_seen"] == 1


def test_symlinks_are_listed_but_never_followed(tmp_path, prefect_backend):
    outside = text_pdf(tmp_path / "luar" / "rahasia.pdf")
    folder = tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    os.symlink(outside, folder / "Diskominfo" / "tautan.pdf")
    summary = _rerun(folder, tmp_path / "db.duckdb")
    failures = {path: code for path, code, _ in summary.failures}
    assert failures == {"Diskominfo/tautan.pdf": "unsupported"}
    assert summary.counts["files_extracted"] == 1


def test_missing_folder_exits_with_code_two(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "tidak-ada"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_database_held_by_another_process_exits_with_code_two(tmp_path, capsys):
    db = tmp_path / "db.duckdb"
    folder = tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        assert cli.main(["run", str(folder), "--db", str(db)]) == 2
        assert time.monotonic() - started < 30
        assert "sedang dipakai proses lain" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_a_second_run_on_the_same_database_is_refused_at_once(tmp_path, capsys):
    from pipeline.store.connection import run_lock

    db, folder = tmp_path / "db.duckdb", tmp_path / "eviden"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    with run_lock(db):  # as a running `spbe run` holds it
        started = time.monotonic()
        assert cli.main(["run", str(folder), "--db", str(db)]) == 2
    assert time.monotonic() - started < 5
    assert "Run lain sedang berjalan" in capsys.readouterr().err


def test_a_bad_claims_file_stops_the_flow_before_a_run_is_recorded(tmp_path, prefect_backend):
    """The claims file is read once, first: a bad one costs no work and leaves no run behind."""
    from flows.ingest import run_ingest
    from pipeline.judge.claims import ClaimsError

    folder, db, claims = tmp_path / "eviden", tmp_path / "db.duckdb", tmp_path / "klaim.csv"
    text_pdf(folder / "Diskominfo" / "a.pdf")
    claims.write_text("indikator,level\n1,9\n", encoding="utf-8")  # level outside 1-5
    with pytest.raises(ClaimsError):
        run_ingest(folder, db, year=2025, claims=claims, progress=False)
    assert not db.exists()


def test_database_is_free_between_units_of_work_during_a_run(tmp_path, prefect_backend):
    """Another process (the review page) can read while a run is working on the database."""
    from pipeline.model import ContentKey, Document, Status
    from pipeline.store.batch import BatchWriter
    from pipeline.store.connection import session
    from pipeline.store.runs import start_run

    db = tmp_path / "db.duckdb"
    with session(db) as run_session:
        run_id = start_run(run_session, root="/x", region=None, year=None, claims=None, version="v")
    with BatchWriter(db, run_id, extractor_version="v", analysis_version="a", batch=1) as writer:  # the read loop
        writer.add(ContentKey("ab" * 32, "pdf"), "a.pdf", Document("pdf", Status.OK), "null", "{}")  # a batch written
        with session(tmp_path / "db.duckdb", read_only=True, wait_s=1) as con:  # would raise if the run held it
            assert con.execute("SELECT status FROM runs WHERE run_id = ?", [run_id]).fetchone()[0] == "running"


def test_spbe_console_command_is_installed():
    exe = shutil.which("spbe", path=str(Path(sys.executable).parent))
    assert exe is not None
    result = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "run" in result.stdout and "export" in result.stdout
