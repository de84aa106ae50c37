"""The `runs` table: one row per run, from its start to its end."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import duckdb


def start_run(
    con: duckdb.DuckDBPyConnection, *, root: str, region: str | None, year: int | None, claims: str | None, version: str
) -> int:
    """Record a new run. Called under the run lock, so any run still 'running' died (killed, power
    cut): it is marked interrupted; what it had written stays and is not done again."""
    con.execute(
        """UPDATE runs SET status = 'interrupted', finished_at = ?,
                   message = 'Run terhenti sebelum selesai (proses dihentikan); run berikutnya melanjutkan.'
                   WHERE status = 'running'""",
        [datetime.now()],
    )
    return con.execute(
        """INSERT INTO runs (started_at, status, root, region, assessment_year, claims_path, extractor_version)
           VALUES (?, 'running', ?, ?, ?, ?, ?) RETURNING run_id""",
        [datetime.now(), root, region, year, claims, version],
    ).fetchall()[0][0]


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    *,
    status: str,
    counts: Mapping[str, int | str | bool | None],
    message: str | None = None,
) -> None:
    """Record how a run ended and what it counted (`counts`: column name -> value, e.g. files_seen,
    files_hashed, verified, judgement_key)."""
    columns = "".join(f", {name} = ?" for name in counts)
    con.execute(
        f"UPDATE runs SET finished_at = ?, status = ?, message = ?{columns} WHERE run_id = ?",
        [datetime.now(), status, message, *counts.values(), run_id],
    )


def last_verified(con: duckdb.DuckDBPyConnection, root: str) -> datetime | None:
    """When the latest completed run over `root` that hashed every file started (None: never)."""
    row = con.execute(
        "SELECT max(started_at) FROM runs WHERE status = 'completed' AND verified AND root = ?", [root]
    ).fetchone()
    return row[0] if row else None


def has_completed(con: duckdb.DuckDBPyConnection, root: str) -> bool:
    """Whether a run over `root` completed before (a nightly run, not a first one)."""
    row = con.execute("SELECT count(*) FROM runs WHERE status = 'completed' AND root = ?", [root]).fetchone()
    return bool(row and row[0])
