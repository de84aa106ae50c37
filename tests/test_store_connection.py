"""The database file: who holds it is asked of the kernel, and only a held file is 'busy'."""

import subprocess
import sys
import time

import duckdb
import pytest

from pipeline.store.connection import DatabaseBusy, connect, lock_holder, session

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def held_db(tmp_path):
    """A database file held open for writing by another process, as a running `spbe run` holds it."""
    db = tmp_path / "held.duckdb"
    with session(db):
        pass
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield db, holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_the_process_holding_the_file_is_named_by_the_kernel(held_db):
    db, pid = held_db
    assert lock_holder(db) == pid


def test_a_free_file_has_no_holder(tmp_path):
    db = tmp_path / "free.duckdb"
    with session(db):
        pass
    assert lock_holder(db) is None
    assert lock_holder(tmp_path / "missing.duckdb") is None


def test_a_held_file_becomes_database_busy_after_the_wait(held_db):
    db, pid = held_db
    started = time.monotonic()
    with pytest.raises(DatabaseBusy) as caught:
        connect(db, wait_s=0.3)
    assert caught.value.holder == pid
    assert 0.3 <= time.monotonic() - started < 5


def test_a_file_that_is_not_a_database_is_an_error_of_its_own_not_busy(tmp_path):
    bogus = tmp_path / "not-a-db.duckdb"
    bogus.write_bytes(b"this is not a duckdb file" * 200)
    with pytest.raises(duckdb.Error) as caught:
        connect(bogus, wait_s=0.3)
    assert not isinstance(caught.value, DatabaseBusy)
