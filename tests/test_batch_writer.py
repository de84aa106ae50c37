"""The run's batch writer: results wait in memory until a batch is full, the interval has passed or the
read loop ends; each batch is one transaction, so a failure keeps earlier batches and no half batch."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.model import ContentKey, Document, Method, Page, Status
from pipeline.store.batch import BatchWriter
from pipeline.store.connection import session
from pipeline.store.runs import start_run

ANALYSIS = '{"facts": {}, "matches": []}'
PERSONAL = '{"counts": {}, "pages": {}}'


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def db(tmp_path):
    return tmp_path / "db.duckdb"


@pytest.fixture
def run_id(db):
    with session(db) as con:
        return start_run(con, root="/x", region=None, year=2025, claims=None, version="v")


def writer(db, run_id, *, batch=1000, interval_s=1000.0, clock=None) -> BatchWriter:
    return BatchWriter(
        db,
        run_id,
        extractor_version="v",
        analysis_version="a",
        batch=batch,
        interval_s=interval_s,
        **({"clock": clock} if clock else {}),
    )


def add(w: BatchWriter, n: int, *, analysis: str = ANALYSIS) -> None:
    document = Document("pdf", Status.OK, (Page(1, Method.TEXT_LAYER, f"halaman {n}"), Page(2, Method.TEXT_LAYER, "x")))
    w.add(ContentKey(f"{n:064x}", "pdf"), f"{n}.pdf", document, analysis, PERSONAL)


def stored(db) -> dict[str, int]:
    """Rows per table, read the way another process (the review page) would read them."""
    with session(db, read_only=True, wait_s=1) as con:
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("extractions", "pages", "analyses")
        }


def test_results_wait_in_memory_until_the_batch_is_full(db, run_id):
    with writer(db, run_id, batch=3) as w:
        add(w, 1)
        add(w, 2)
        assert stored(db)["extractions"] == 0
        add(w, 3)
        assert stored(db) == {"extractions": 3, "pages": 6, "analyses": 3}


def test_results_are_written_once_the_interval_has_passed(db, run_id):
    clock = Clock()
    with writer(db, run_id, interval_s=1.0, clock=clock) as w:
        add(w, 1)
        clock.now = 0.9
        add(w, 2)
        assert stored(db)["extractions"] == 0
        clock.now = 1.0
        add(w, 3)
        assert stored(db)["extractions"] == 3
        clock.now = 1.5  # the interval counts from the last write
        add(w, 4)
        assert stored(db)["extractions"] == 3


def test_what_waits_is_written_when_the_read_loop_ends(db, run_id):
    with writer(db, run_id) as w:
        add(w, 1)
        add(w, 2)
        assert stored(db)["extractions"] == 0
    assert stored(db) == {"extractions": 2, "pages": 4, "analyses": 2}


def test_a_failed_batch_keeps_the_batches_before_it_and_nothing_of_itself(db, run_id):
    with pytest.raises(duckdb.Error), writer(db, run_id, batch=2) as w:
        add(w, 1)
        add(w, 2)  # the first batch: written
        add(w, 3)
        add(w, 4, analysis="{not json")  # the second batch fails in its last insert, after its extractions
    assert stored(db) == {"extractions": 2, "pages": 4, "analyses": 2}
    with session(db, read_only=True) as con:
        third_and_fourth = [f"{3:064x}", f"{4:064x}"]
        assert con.execute("SELECT count(*) FROM pages WHERE sha256 IN (?, ?)", third_and_fourth).fetchone()[0] == 0


def test_an_error_in_the_read_loop_drops_what_waits_as_a_crash_would(db, run_id):
    with pytest.raises(RuntimeError), writer(db, run_id) as w:
        add(w, 1)
        raise RuntimeError("a task failed")
    assert stored(db)["extractions"] == 0
