"""The database file: short sessions, the run lock, and a typed
`DatabaseBusy` when another process holds the file.

DuckDB lets one process at a time hold a database file, so every process here (a run, the
review page, an export) keeps its connection only for one short unit of work.
"""

from __future__ import annotations

import fcntl
import os
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipeline.store.schema import migrate
from pipeline.store.transaction import transaction  # noqa: F401  (re-exported: the one way to write)

LOCK_WAIT_S = 20.0  # how long a writer waits for another process's short session to end
_FLOCK = "hhqqi"  # struct flock on Linux (64-bit off_t): l_type, l_whence, l_start, l_len, l_pid


class DatabaseBusy(Exception):
    """Another process holds the database file (DuckDB's file lock)."""

    def __init__(self, path: Path, holder: int | None):
        self.path, self.holder = path, holder
        super().__init__(f"{path} is held by process {holder}" if holder else f"{path} is held by another process")


class RunInProgress(Exception):
    """Another run holds the run lock of this database."""


def lock_holder(db_path: Path) -> int | None:
    """The pid of another process holding a lock on the database file, asked of the kernel (F_GETLK),
    or None. DuckDB locks the whole file with a POSIX lock; a lock of our own process is not reported."""
    try:
        fd = os.open(db_path, os.O_RDONLY)
    except OSError:
        return None
    try:
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        l_type, _, _, _, pid = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
    finally:
        os.close(fd)
    return pid if l_type != fcntl.F_UNLCK else None


def _open(db_path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(db_path), read_only=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(db_path))


def connect(db_path: Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """Open (and for writers, migrate) the database, waiting while another process holds it briefly.

    A held file is retried until `wait_s` has passed, then becomes `DatabaseBusy`; any other
    I/O error (permissions, a damaged file) is raised as it is."""
    deadline = time.monotonic() + wait_s
    delay = 0.02
    retried_free = False
    while True:
        try:
            con = _open(db_path, read_only)
            break
        except duckdb.IOException as exc:
            holder = lock_holder(db_path)
            if holder is None:
                if retried_free:  # no other process holds the file: a real I/O error
                    raise
                retried_free = True  # the holder may have just let go: try once more at once
                continue
            if time.monotonic() >= deadline:
                raise DatabaseBusy(db_path, holder) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    if read_only:
        return con
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con


@contextmanager
def session(
    db_path: Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S
) -> Iterator[duckdb.DuckDBPyConnection]:
    """One short unit of work on the database; the file is free again afterwards."""
    con = connect(db_path, read_only=read_only, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def run_lock(db_path: Path, *, wait: bool = False) -> Iterator[None]:
    """One run per database at a time: an advisory lock on a file beside the database. The kernel
    drops it when the holder dies, even by SIGKILL, so a crashed run never blocks the next one."""
    lock_path = db_path.with_name(db_path.name + ".run.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise RunInProgress(str(lock_path)) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()
