"""Environment faults are not document faults (issue 13): what tells them apart, one function at a time.

The engine check and the OCR calls run the real Tesseract: "absent from PATH" is a PATH without it,
"language missing" a real TESSDATA_PREFIX folder holding only some of the language files. Only the
classification functions get made-up exceptions (the failures they name cannot all be caused on
demand). Whole runs are in tests/test_environment_faults_e2e.py.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytesseract
import pytest

from pipeline.extract import engine, errors
from pipeline.extract.ocr import ocr_image
from pipeline.extract.scratch import folder_problem
from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, Method, Page, Problem, Status
from pipeline.outputs.labels import FLAGS
from pipeline.settings import DEFAULT_SETTINGS
from pipeline.store import contents
from pipeline.store.connection import session
from pipeline.store.runs import start_run
from tests.evidence_factory import scan_image

REAL_TESSDATA = Path(engine.engine_status().tessdata)


def tessdata_with(folder: Path, *languages: str) -> Path:
    """A tessdata folder holding only `languages` (links to the installed files)."""
    folder.mkdir(parents=True, exist_ok=True)
    for language in languages:
        (folder / f"{language}.traineddata").symlink_to(REAL_TESSDATA / f"{language}.traineddata")
    return folder


def path_without_tesseract(folder: Path) -> str:
    """A PATH with every program of this one except Tesseract (links in `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = folder / entry.name
            if entry.name != "tesseract" and not target.exists() and not target.is_symlink():
                target.symlink_to(entry.path)
    return str(folder)


@pytest.fixture
def no_tesseract(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", path_without_tesseract(tmp_path / "bin"))


# --- the engine check -----------------------------------------------------------------------------


def test_a_run_needs_its_ocr_languages_and_orientation_data():
    assert engine.needed_languages("ind+eng") == ("ind", "eng", "osd")


def test_this_machine_can_ocr():
    assert engine.engine_problem() is None
    assert engine.engine_status().version_tuple >= engine.MIN_VERSION


def test_tesseract_absent_from_path_is_named_with_the_packages_that_bring_it(no_tesseract):
    problem = engine.engine_problem()
    assert problem is not None
    assert "Tesseract tidak ditemukan" in problem
    assert "apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng tesseract-ocr-osd" in problem


def test_require_engine_refuses_with_the_same_message(no_tesseract):
    with pytest.raises(engine.EngineUnavailable) as refused:
        engine.require_engine()
    assert refused.value.message == engine.engine_problem()


def test_a_tessdata_folder_without_ind_is_named_with_its_package(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tessdata_with(tmp_path / "tessdata", "eng", "osd")))
    problem = engine.engine_problem()
    assert problem is not None
    assert "ind (Bahasa Indonesia)" in problem and "eng (" not in problem
    assert "apt-get install tesseract-ocr-ind" in problem and "TESSDATA_PREFIX" in problem


def test_missing_orientation_data_is_named_too(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tessdata_with(tmp_path / "tessdata", "ind", "eng")))
    assert "osd (deteksi arah halaman)" in (engine.engine_problem() or "")


def test_a_tesseract_older_than_4_is_refused(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "tesseract"  # answers like Tesseract 3.05 would
    fake.parent.mkdir()
    fake.write_text(
        '#!/bin/sh\ncase "$1" in\n  --version) echo "tesseract 3.05.02" >&2;;\n'
        "  --list-langs) printf 'List of available languages (3):\\neng\\nind\\nosd\\n';;\nesac\n"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    problem = engine.engine_problem() or ""
    assert "versi 3.05.02 terlalu lama" in problem


def test_language_data_removed_after_the_check_is_noticed(tmp_path, monkeypatch):
    tessdata = tessdata_with(tmp_path / "tessdata", "ind", "eng", "osd")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tessdata))
    assert engine.engine_problem() is None and engine.missing_language_data("ind+eng") == ()
    (tessdata / "ind.traineddata").unlink()
    assert engine.missing_language_data("ind+eng") == ("ind",)


def test_a_fresh_check_sees_what_changed_since_the_last(tmp_path, monkeypatch):
    tessdata = tessdata_with(tmp_path / "tessdata", "ind", "eng", "osd")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tessdata))
    assert engine.engine_problem() is None
    (tessdata / "ind.traineddata").unlink()
    assert engine.engine_problem() is None  # cached: one check per process
    assert "ind (Bahasa Indonesia)" in (engine.engine_problem(fresh=True) or "")


def test_a_run_the_schedule_starts_refuses_too_before_touching_the_database(tmp_path, no_tesseract):
    from flows.ingest import ingest

    with pytest.raises(engine.EngineUnavailable):
        ingest.fn(str(tmp_path), str(tmp_path / "db.duckdb"), year=2025, progress=False)
    assert not (tmp_path / "db.duckdb").exists()


# --- OCR calls on a broken machine ----------------------------------------------------------------


def test_a_page_read_without_tesseract_is_the_machines_fault(no_tesseract):
    result = ocr_image(scan_image(), DEFAULT_SETTINGS)
    assert not result.ok and errors.machine_reason(result.error) == "engine_missing"


def test_a_page_is_not_read_in_english_alone_when_ind_is_missing(tmp_path, monkeypatch):
    """Tesseract itself would read it with `eng` only, exit 0 and merely warn."""
    monkeypatch.setenv("TESSDATA_PREFIX", str(tessdata_with(tmp_path / "tessdata", "eng", "osd")))
    result = ocr_image(scan_image(), DEFAULT_SETTINGS)
    assert result.text == "" and errors.machine_reason(result.error) == "language_missing"


def test_a_full_scratch_folder_is_the_machines_fault():
    full = OSError(errno.ENOSPC, "No space left on device")
    assert errors.scratch_fault(full) == "disk_full"
    assert errors.scratch_fault(OSError(errno.EROFS, "Read-only file system")) == "scratch_unwritable"
    assert errors.scratch_fault(ValueError("unknown image mode")) == ""


# --- classification -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (pytesseract.TesseractNotFoundError(), "engine_missing"),
        (pytesseract.TesseractError(127, "tesseract: not found"), "engine_missing"),
        (pytesseract.TesseractError(126, "Permission denied"), "engine_missing"),
        (
            pytesseract.TesseractError(1, "Error opening data file /x/ind.traineddata\nFailed loading language 'ind'"),
            "language_missing",
        ),
        (pytesseract.TesseractError(1, "write_error: No space left on device"), "disk_full"),
        (OSError(errno.ENOMEM, "Cannot allocate memory"), "out_of_resources"),
        (OSError(errno.EACCES, "Permission denied"), "engine_missing"),
    ],
)
def test_engine_failures_of_the_machine(failure, reason):
    assert errors.engine_fault(failure) == reason


@pytest.mark.parametrize(
    "failure",
    [
        pytesseract.TesseractError(1, "Error in pixReadStream: Unknown format: no pix returned"),
        pytesseract.TesseractError(-11, ""),  # Tesseract crashed on this image
        RuntimeError("Tesseract process timeout"),
    ],
)
def test_engine_failures_of_the_page(failure):
    assert errors.engine_fault(failure) == ""


def test_a_run_stopped_by_a_full_disk_is_recognised_through_its_causes():
    duckdb_says = RuntimeError('Failed to commit: Could not write file "x.duckdb.wal": No space left on device')
    try:
        try:
            raise duckdb_says
        except RuntimeError as inner:
            raise ValueError("flow failed") from inner
    except ValueError as outer:
        assert errors.run_fault(outer) == "disk_full"
    assert errors.run_fault(OSError(errno.EROFS, "Read-only file system")) == "scratch_unwritable"
    assert errors.run_fault(ValueError("a bug")) == ""


def test_ocr_failures_tagged_as_the_machines_become_ocr_engine_failed():
    detail = "page 2: " + errors.machine_detail("engine_missing", "tesseract cannot be run")
    problem = errors.ocr_failed([2, 3], detail)
    assert problem.code == "ocr_engine_failed"
    assert "Halaman 2, 3 belum terbaca" in problem.message and "Pindai ulang" not in problem.message


def test_an_ocr_failure_of_the_page_still_asks_for_a_rescan():
    problem = errors.ocr_failed([1], "page 1: tesseract exit 1: Error in pixReadStream")
    assert problem.code == "ocr_failed" and "Pindai ulang" in problem.message


@pytest.mark.parametrize(
    ("detail", "machine"),
    [
        ("page 1: tesseract cannot be run: tesseract is not installed or it's not in your PATH", True),
        ("page 1: tesseract: (1, \"Error opening data file ind.traineddata Failed loading language 'ind'\")", True),
        ("page 1: tesseract: (127, 'tesseract: not found')", True),
        ("page 1: cannot write the page image for tesseract: [Errno 28] No space left on device", True),
        ("page 1: tesseract: (1, 'Error in pixReadStream')", False),
    ],
)
def test_ocr_failed_problems_stored_by_older_versions_are_recognised(detail, machine):
    assert errors.is_machine_problem(Problem("ocr_failed", "…", detail)) is machine


def test_the_machines_problem_is_shown_first():
    corrupt = Problem("corrupt", "rusak")
    machine = errors.ocr_engine_failed([4], "disk_full")
    document = errors.machine_first(Document("pdf", Status.FAILED, problems=(corrupt, machine)))
    assert [p.code for p in document.problems] == ["ocr_engine_failed", "corrupt"]
    assert document.error == machine


def test_the_machines_code_has_a_label_that_does_not_blame_the_opd():
    text = FLAGS["ocr_engine_failed"]
    assert "server" in text.label and "Bukan kesalahan OPD" in text.action


def test_extraction_and_store_agree_on_the_machines_codes():
    assert contents.MACHINE_CODES == errors.MACHINE_CODES


# --- the content cache ------------------------------------------------------------------------------


def _page(number: int) -> Page:
    return Page(number, Method.OCR, f"Teks halaman {number}", 90.0)


def test_a_reading_the_machine_spoiled_is_never_stored(tmp_path):
    good, spoiled = ContentKey("aaa", "pdf"), ContentKey("bbb", "pdf")
    read = Document("pdf", Status.OK, (_page(1),))
    broken = Document("pdf", Status.FAILED, (_page(1),), (errors.ocr_engine_failed([2], "engine_missing"),))
    analyses = [AnalysisRow(AnalysisKey(k.sha256, k.name_class, "v", "x.pdf"), "a", "{}") for k in (good, spoiled)]
    with session(tmp_path / "db.duckdb") as con:
        run_id = start_run(con, root="/x", region=None, year=None, claims=None, version="v")
        contents.save_extractions(con, [(good, read), (spoiled, broken)], "v", run_id, analyses)
        stored = {row[0] for row in con.execute("SELECT sha256 FROM extractions").fetchall()}
        pages = {row[0] for row in con.execute("SELECT sha256 FROM pages").fetchall()}
        analysed = {row[0] for row in con.execute("SELECT sha256 FROM analyses").fetchall()}
        known = contents.known_contents(con, "v")
    assert stored == pages == analysed == {"aaa"}
    assert set(known) == {good}


def test_a_machine_fault_stored_by_hand_is_not_taken_as_known(tmp_path):
    """Belt and braces: whatever wrote it, a stored machine fault is read again."""
    key = ContentKey("ccc", "pdf")
    broken = Document("pdf", Status.FAILED, (), (errors.ocr_engine_failed([1], "engine_missing"),))
    with session(tmp_path / "db.duckdb") as con:
        run_id = start_run(con, root="/x", region=None, year=None, claims=None, version="v")
        contents._write_extractions(con, [(key, broken)], "v", run_id, {})
        assert contents.known_contents(con, "v") == {}


# --- room to work ------------------------------------------------------------------------------------


def test_a_folder_that_does_not_exist_is_named(tmp_path):
    assert "tidak ada" in (folder_problem(tmp_path / "hilang", "basis data", 1) or "")


def test_a_folder_with_room_is_fine(tmp_path):
    assert folder_problem(tmp_path, "basis data", 1) is None


def test_too_little_free_space_is_named_with_what_is_needed(tmp_path):
    free = shutil.disk_usage(tmp_path).free
    problem = folder_problem(tmp_path, "basis data", free * 2) or ""
    assert problem.startswith("Ruang disk untuk basis data") and "Kosongkan ruang disk" in problem


@pytest.mark.parametrize(("reason", "stops"), [("disk_full", True), ("engine_missing", False)])
def test_a_page_lost_to_a_full_disk_stops_the_run_and_a_missing_engine_does_not(reason, stops):
    from flows.ingest import _stop_on_full_disk

    lost = errors.ocr_engine_failed([1], reason, errors.machine_detail(reason, "cannot write page.tif"))
    document = Document("pdf", Status.FAILED, problems=(lost,))
    if stops:
        with pytest.raises(OSError) as stopped:
            _stop_on_full_disk(document, "Setda/scan.pdf")
        assert stopped.value.errno == errno.ENOSPC and errors.run_fault(stopped.value) == "disk_full"
    else:
        _stop_on_full_disk(document, "Setda/scan.pdf")  # the run goes on; the file is read again next run
