"""The `files` table: the evidence folder as last recorded, one row per path, with the stat each file had
when its bytes were last hashed (size, mtime_ns, ctime_ns, inode: pipeline/ingest/discover.py)."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from pipeline.model import FileRow, Status
from pipeline.store.bulk import insert_rows
from pipeline.store.codec import problems_to_json
from pipeline.store.transaction import transaction


def current_files(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, int, int]]:
    """path -> (sha256, first_seen_run, changed_run) of the folder as last recorded."""
    rows = con.execute("SELECT path, sha256, first_seen_run, changed_run FROM files").fetchall()
    return {path: (sha, first, changed) for path, sha, first, changed in rows}


def recorded_files(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, tuple[int, int, int, int] | None]]:
    """path -> (sha256, (size, mtime_ns, ctime_ns, inode) or None when no stat is to be trusted)."""
    rows = con.execute("SELECT path, sha256, size, mtime_ns, ctime_ns, inode FROM files").fetchall()
    return {
        path: (sha, (size, mtime, ctime, inode) if None not in (mtime, ctime, inode) else None)
        for path, sha, size, mtime, ctime, inode in rows
    }


Stats = Mapping[str, tuple[int, int, int, int]]  # path -> (size, mtime_ns, ctime_ns, inode)


def save_files(con: duckdb.DuckDBPyConnection, rows: list[FileRow], run_id: int, stats: Stats | None = None) -> int:
    """Replace the inventory with this run's files in one transaction; return how many were removed.
    `stats`: the stat to record per path (a path without one is hashed again by the next run). Only rows
    that differ from the stored ones are written; the others are marked seen (a night's inventory of an
    unchanged folder writes one column)."""
    stats = stats or {}
    values = [file_values(row, run_id, stats.get(row.record.path)) for row in rows]
    columns = [name for name, *_ in con.execute("DESCRIBE files").fetchall()]  # the order file_values follows
    seen_at = columns.index(SEEN)
    stored = {row[0]: row for row in con.execute(f"SELECT * EXCLUDE ({SEEN}) FROM files").fetchall()}
    changed = [v for v in values if stored.get(v[0]) != (*v[:seen_at], *v[seen_at + 1 :])]
    removed = sorted(set(stored) - {v[0] for v in values})
    with transaction(con):
        insert_rows(con, "files", changed, replace=True)
        if removed:
            con.execute("DELETE FROM files WHERE path IN (SELECT unnest(?::VARCHAR[]))", [removed])
        con.execute(f"UPDATE files SET {SEEN} = ? WHERE {SEEN} <> ?", [run_id, run_id])
    return len(removed)


SEEN = "last_seen_run"


def file_values(row: FileRow, run_id: int, stat: tuple[int, int, int, int] | None = None) -> list:
    """One `files` table row."""
    r = row.record
    error = row.problems[0] if row.status is not Status.OK and row.problems else None
    return [
        r.path,
        r.opd,
        r.extension,
        r.size,
        r.mtime,
        r.sha256,
        row.name_class,
        row.version,
        row.format,
        row.status.value,
        error.code if error else None,
        error.message if error else None,
        problems_to_json(row.problems),
        row.first_seen_run,
        row.changed_run,
        run_id,
        *(stat[1:] if stat is not None and stat[0] == r.size else (None, None, None)),
    ]
