"""Concurrent runs (issue 6): one run per database at a time, refused clearly or waited for on request, and
the review page keeps working (and keeps its decisions) while a run is in progress.

Real `spbe run` processes (see tests/test_crash_safety.py for `Spbe`), real Tesseract on generated scans
(the first run lasts well over 10 s), real DuckDB files; the review page is the real FastAPI app on the
same database file. Moments are chosen by what the first run prints (its first progress line: it holds
the run lock and is reading files), never by sleeping.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pipeline.review.app import create_app
from pipeline.review.data import load_review
from pipeline.store.connection import session
from tests.evidence_factory import corrupt_pdf, scanned_folder, text_pdf
from tests.test_crash_safety import (
    PROGRESS,
    Spbe,
    file_rows,
    folder_contents,
    read_only,
    runs,
    spbe_run,
)
from tests.test_review import decide

pytestmark = pytest.mark.slow

REFUSED_WITHIN_S = 30
RUN_IN_PROGRESS = "run lain sedang berjalan"  # what the CLI says when another run holds the database


@pytest.fixture
def site(tmp_path, prefect_backend):
    """An evidence folder of 16 scans and 4 text PDFs (a run of well over 10 s) and its database path."""
    folder, db = tmp_path / "eviden", tmp_path / "spbe.duckdb"
    scanned_folder(folder, scans=16, texts=4)
    return tmp_path, folder, db


@pytest.fixture
def processes():
    """Every `spbe` started by a test; whatever is still running at the end is killed."""
    started: list[Spbe] = []
    yield started
    for process in started:
        if process.running():
            process.kill()
        process.end_group()


def test_a_second_run_on_the_same_database_is_refused_quickly_and_the_first_completes(site, processes):
    base, folder, db = site
    first = spbe_run(folder, db, cwd=base)
    processes.append(first)
    first.wait_for_line(PROGRESS)

    second = spbe_run(folder, db, "--quiet", cwd=base)
    processes.append(second)
    code = second.finish(REFUSED_WITHIN_S)  # fails the test if it is still running after 30 s
    assert first.running()  # precondition: the refusal happened while the first run was in progress

    assert code == 2
    assert RUN_IN_PROGRESS in second.stderr.lower()
    assert str(db) in second.stderr
    assert "Traceback" not in second.stderr
    assert second.stdout == ""  # no summary: nothing was run

    assert first.finish() == 0, first.stderr[-3000:]
    [recorded] = runs(db).values()  # the refused run left no row behind
    assert recorded["status"] == "completed"
    assert [path for path, _ in file_rows(db)] == sorted(folder_contents(folder))


def test_two_runs_started_at_once_one_completes_and_the_other_is_refused(site, processes):
    """Both pass the CLI's early check before either holds the lock; the flow's own lock still admits one."""
    base, folder, db = site
    pair = [spbe_run(folder, db, "--quiet", cwd=base) for _ in range(2)]
    processes.extend(pair)
    codes = sorted(run.finish() for run in pair)
    assert codes == [0, 2], [run.stderr[-2000:] for run in pair]
    loser = next(run for run in pair if run.proc.returncode == 2)
    assert (
        loser.err and RUN_IN_PROGRESS in loser.err[-1].lower()
    )  # the last word is the Indonesian message, not a stack trace
    assert [r["status"] for r in runs(db).values()] == ["completed"]


def test_a_review_decision_written_during_a_run_is_stored_and_kept(site, processes):
    base, folder, db = site
    gap = "Dinkes/Laporan_rusak.pdf"
    scans = folder.rename(base / "pindaian")  # the first night: only a damaged report and a regulation
    corrupt_pdf(folder / gap)
    text_pdf(folder / "Dinkes" / "Perwali.pdf")
    first = spbe_run(folder, db, "--quiet", cwd=base)
    processes.append(first)
    assert first.finish() == 0, first.stderr[-3000:]
    for opd in list(scans.iterdir()):  # the next night: 16 scans and 4 regulations more, in other OPDs
        opd.rename(folder / opd.name)

    second = spbe_run(folder, db, cwd=base)
    processes.append(second)
    second.wait_for_line(PROGRESS)
    client = TestClient(create_app(db))
    response = decide(client, gap, "corrupt", "confirmed", note="OPD diminta mengunggah ulang", who="Rina")
    assert second.running()  # precondition: the decision was written while the run was in progress
    assert response.status_code == 303, response.text[-2000:]
    with session(db, read_only=True) as con:  # waits for the run's short write sessions, like the page does
        assert con.execute("SELECT path, code, decision, who FROM decisions").fetchall() == [
            (gap, "corrupt", "confirmed", "Rina")
        ]

    assert second.finish() == 0, second.stderr[-3000:]
    assert [r["status"] for r in runs(db).values()] == ["completed", "completed"]
    assert runs(db)[max(runs(db))]["files_extracted"] == 20  # the run did read the new files meanwhile
    with read_only(db) as con:
        review = load_review(con)
    assert review.run["run_id"] == max(runs(db))  # the page now shows the second run ...
    [shown] = [g for g in review.gaps if (g.path, g.code) == (gap, "corrupt")]
    assert shown.decision is not None and shown.decision.decision == "confirmed"  # ... with the decision
    assert [d.who for d in shown.history] == ["Rina"]


def test_with_wait_a_second_run_waits_for_the_first_and_then_completes(site, processes):
    """`spbe run --wait` (e.g. a manual run while the nightly one is busy) queues instead of failing."""
    base, folder, db = site
    first = spbe_run(folder, db, cwd=base)
    processes.append(first)
    first.wait_for_line(PROGRESS)
    second = spbe_run(folder, db, "--wait", cwd=base)
    processes.append(second)

    assert first.finish() == 0, first.stderr[-3000:]
    assert second.finish() == 0, second.stderr[-3000:]
    assert "menunggu" in second.stderr.lower()  # it said why nothing happened yet (Indonesian)
    (one, a), (two, b) = sorted(runs(db).items())
    assert a["status"] == b["status"] == "completed"
    with read_only(db) as con:
        first_end, second_start = con.execute(
            "SELECT (SELECT finished_at FROM runs WHERE run_id = ?), (SELECT started_at FROM runs WHERE run_id = ?)",
            [one, two],
        ).fetchone()
    assert second_start >= first_end  # it ran after the first, not beside it
    assert b["files_extracted"] == 0  # and found everything already read
