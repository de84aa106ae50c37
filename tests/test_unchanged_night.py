"""An unchanged night costs almost nothing: no file is read, and the folder's judgement is the last one's.

Real flow runs (Prefect test harness), real DuckDB files, real extraction; no OCR needed here. The judgement is
reused only when every input is the same (files, contents, analyses, rules and code, region, year, claims); the
new run then holds a copy of the rows, so exports, reports and the review page, which read the latest
completed run, show the same data.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import discover
from pipeline.outputs.export import build_export
from pipeline.outputs.report import load_report_data
from pipeline.review.data import load_review
from spbe import cli
from tests.evidence_factory import REGULATION_LINES, docx_file, text_pdf
from tests.test_change_detection import settle

pytestmark = pytest.mark.slow

REGION, YEAR = "Kota Sukamaju", "2025"
RUN_FIELDS = ("id", "started_at", "finished_at")


def _folder(root: Path) -> Path:
    text_pdf(root / "Diskominfo" / "perwali_spbe.pdf", pages=2)
    text_pdf(root / "Bappeda" / "perwali_salinan.pdf", pages=2)  # the same document twice: a duplicate flag
    docx_file(root / "Bappeda" / "notulen.docx", ["NOTULEN RAPAT", "Pembahasan Arsitektur SPBE Kota Sukamaju."])
    (root / "Setda").mkdir(parents=True, exist_ok=True)
    (root / "Setda" / "foto.pdf").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)  # not a PDF: wrong_extension
    settle()
    return root


def _run(folder: Path, db: Path, *extra: str, capsys=None) -> str:
    assert cli.main(["run", str(folder), "--db", str(db), "--region", REGION, "--year", YEAR, *extra]) == 0
    return capsys.readouterr().out if capsys else ""


def _runs(db: Path) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("DESCRIBE runs").fetchall()]
        return [dict(zip(names, row)) for row in con.execute("SELECT * FROM runs ORDER BY run_id").fetchall()]
    finally:
        con.close()


def _export(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        export = build_export(con)
    finally:
        con.close()
    export.pop("generated_at")
    export["run"] = {k: v for k, v in export["run"].items() if k not in RUN_FIELDS}
    return json.loads(json.dumps(export, default=str))


def _rows(db: Path, table: str, run_id: int) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(f"SELECT * EXCLUDE (run_id) FROM {table} WHERE run_id = ? ORDER BY ALL", [run_id]).fetchall()
    finally:
        con.close()
    return rows


def _judgement_lines(out: str) -> list[str]:
    """The summary without what differs between two nights by design: run number, time, files read."""
    return [line for line in out.splitlines() if not line.startswith(("Run #", "  Berkas:", "  Dibaca ulang:"))]


def test_an_unchanged_night_reads_no_file_and_reuses_the_judgement(tmp_path, prefect_backend, monkeypatch, capsys):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    first_out = _run(folder, db, capsys=capsys)
    first = _export(db)
    read: list[Path] = []
    monkeypatch.setattr(discover, "_digest", lambda path: read.append(path) or pytest.fail(f"read {path}"))
    second_out = _run(folder, db, capsys=capsys)
    runs = _runs(db)
    assert read == [] and (runs[1]["files_hashed"], runs[1]["bytes_hashed"]) == (0, 0)
    assert runs[1]["judgement_from"] == runs[0]["run_id"] and runs[1]["judgement_key"] == runs[0]["judgement_key"]
    for table in ("doc_facts", "doc_flags", "doc_matches", "indicator_results", "index_results"):
        assert _rows(db, table, runs[1]["run_id"]) == _rows(db, table, runs[0]["run_id"]), table
    assert _export(db) == first
    assert "Indeks SPBE menurut eviden" in second_out
    assert _judgement_lines(second_out) == _judgement_lines(first_out)


def test_the_export_of_a_misnamed_file_is_the_same_on_every_night(tmp_path, prefect_backend):
    """A stored reading carries the name problem of the path it was read at; a later night must not add
    it a second time."""
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    first = {d["path"]: d for d in _export(db)["documents"]}
    text_pdf(folder / "Setda" / "baru.pdf", lines=["NOTULEN RAPAT", "Rapat koordinasi SPBE."])
    settle()
    _run(folder, db)  # judged again: a file was added
    again = {d["path"]: d for d in _export(db)["documents"]}
    assert [p["code"] for p in again["Setda/foto.pdf"]["problems"]].count("wrong_extension") == 1
    assert again["Setda/foto.pdf"] == first["Setda/foto.pdf"]


def test_reports_and_the_review_page_show_the_reused_judgement(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        gaps = [(g.path, g.code, g.message) for g in load_review(con).gaps]
        report = load_report_data(con)
    finally:
        con.close()
    _run(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        review = load_review(con)
        again = load_report_data(con)
    finally:
        con.close()
    assert review.run is not None and review.run["run_id"] == 2
    assert gaps and [(g.path, g.code, g.message) for g in review.gaps] == gaps
    assert [(p.claimed, p.evidence) for p in again.trend] == [(p.claimed, p.evidence) for p in report.trend] * 2


def test_a_changed_file_makes_the_folder_judged_again(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    text_pdf(folder / "Bappeda" / "perwali_salinan.pdf", lines=[*REGULATION_LINES, "Pasal 9 tambahan."], pages=2)
    settle()
    _run(folder, db)
    runs = _runs(db)
    assert runs[1]["judgement_from"] is None and runs[1]["judgement_key"] != runs[0]["judgement_key"]
    assert runs[1]["files_hashed"] == 1
    problems = {d["path"]: {p["code"]: p["message"] for p in d["problems"]} for d in _export(db)["documents"]}
    # an identical copy before; another version of the same document now: judged again with the folder
    assert problems["Diskominfo/perwali_spbe.pdf"]["duplicate"].startswith("Isi dokumen hampir sama")


@pytest.mark.parametrize("changed", [("--region", "Kota Ternate"), ("--year", "2026")])
def test_another_region_or_year_is_judged_again(tmp_path, prefect_backend, changed):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    args = ["run", str(folder), "--db", str(db), "--region", REGION, "--year", YEAR, "--quiet"]
    args[args.index(changed[0]) + 1] = changed[1]
    assert cli.main(args) == 0
    runs = _runs(db)
    assert runs[1]["judgement_from"] is None and runs[1]["files_hashed"] == 0


def test_a_rules_change_makes_the_folder_judged_again_from_stored_texts(tmp_path, prefect_backend):
    """What a new release or an edited rule does: the stored analyses no longer fit (here: removed)."""
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    first = _export(db)
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM analyses")
    con.close()
    _run(folder, db)
    runs = _runs(db)
    assert runs[1]["judgement_from"] is None and runs[1]["files_extracted"] == 0
    assert _export(db) == first


def test_verify_reads_every_file_and_still_reuses_the_judgement(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    _run(folder, db, "--verify")
    runs = _runs(db)
    assert runs[1]["files_hashed"] == runs[1]["files_seen"] == 4 and runs[1]["verified"]
    assert runs[1]["judgement_from"] == runs[0]["run_id"]


def test_a_week_without_verification_makes_the_next_run_verify(tmp_path, prefect_backend):
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE runs SET started_at = started_at - INTERVAL 8 DAY")
    con.close()
    _run(folder, db)
    _run(folder, db)
    runs = _runs(db)
    assert [r["files_hashed"] for r in runs] == [4, 4, 0]


def test_a_change_the_stat_does_not_show_is_caught_by_verify(tmp_path, prefect_backend):
    """Bytes changed under an unchanged stat (here: the stat recorded for the new bytes, as a share that
    keeps no ctime would give it) are missed by a nightly run and caught by --verify."""
    folder, db = _folder(tmp_path / "eviden"), tmp_path / "spbe.duckdb"
    _run(folder, db)
    path = folder / "Bappeda" / "notulen.docx"
    before = {d["path"]: d["sha256"] for d in _export(db)["documents"]}["Bappeda/notulen.docx"]
    docx_file(path, ["NOTULEN RAPAT", "Pembahasan Arsitektur SPBE Kota Sukamaju, revisi."])
    settle()
    st = path.stat()
    con = duckdb.connect(str(db))
    con.execute(
        "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? WHERE path = 'Bappeda/notulen.docx'",
        [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino],
    )
    con.close()
    _run(folder, db)
    assert {d["path"]: d["sha256"] for d in _export(db)["documents"]}["Bappeda/notulen.docx"] == before
    _run(folder, db, "--verify")
    after = {d["path"]: d["sha256"] for d in _export(db)["documents"]}["Bappeda/notulen.docx"]
    assert after == hashlib.sha256(path.read_bytes()).hexdigest() != before
    assert _runs(db)[2]["judgement_from"] is None
