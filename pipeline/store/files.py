"""The `files` table: the evidence folder as last recorded, one row per path."""

from __future__ import annotations

import duckdb

from pipeline.model import FileRow, Status
from pipeline.store.bulk import insert_rows
from pipeline.store.codec import problems_to_json
from pipeline.store.transaction import transaction


def current_files(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, int, int]]:
    """path -> (sha256, first_seen_run, changed_run) of the folder as last recorded."""
    rows = con.execute("SELECT path, sha256, first_seen_run, changed_run FROM files").fetchall()
    return {path: (sha, first, changed) for path, sha, first, changed in rows}


def save_files(con: duckdb.DuckDBPyConnection, rows: list[FileRow], run_id: int) -> int:
    """Replace the inventory with this run's files in one transaction; return how many were removed."""
    with transaction(con):
        insert_rows(con, "files", [file_values(row, run_id) for row in rows], replace=True)
        removed = len(con.execute("DELETE FROM files WHERE last_seen_run <> ? RETURNING path", [run_id]).fetchall())
    return removed


def file_values(row: FileRow, run_id: int) -> list:
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
    ]
