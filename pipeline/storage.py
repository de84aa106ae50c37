"""DuckDB storage: numbered migrations, the single writer, and read helpers.

DuckDB lets one process hold a database file for writing, so one `Store`
(owned by the flow's main thread) does every write; extraction workers only
return `Document`s. Each file is committed on its own, so a run that dies
part-way keeps everything written before.
"""

from __future__ import annotations

import fcntl
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import duckdb

from pipeline.model import Document, FileRecord, Problem, Status


class DatabaseBusy(Exception):
    """Another process holds the database file."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("pipeline.migrations").iterdir():
        match = re.fullmatch(r"(\d{3})_(\w+)\.sql", entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, *, target: int | None = None) -> int:
    """Apply the migrations the database has not seen yet, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    current = schema_version(con)
    for migration in migrations():
        if migration.version <= current or (target is not None and migration.version > target):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [migration.version, migration.name, datetime.now()]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = migration.version
    return current


LOCK_WAIT_S = 20.0  # how long a writer waits for another process's short session to end


def _is_lock_error(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def connect(db_path: Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """Open (and for writers, migrate) the database, waiting while another process holds it briefly.

    DuckDB lets one process at a time hold the file, so every process here (a run, the review
    page, an export) keeps its connection only for one short unit of work; a held lock is
    retried until `wait_s` has passed, then becomes DatabaseBusy.
    """
    deadline = time.monotonic() + wait_s
    delay = 0.02
    while True:
        try:
            if read_only:
                return duckdb.connect(str(db_path), read_only=True)
            db_path.parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(str(db_path))
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(str(exc)) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con


@contextmanager
def session(db_path: Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> Iterator[duckdb.DuckDBPyConnection]:
    """One short unit of work on the database; the file is free again afterwards."""
    con = connect(db_path, read_only=read_only, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()


class RunInProgress(Exception):
    """Another run holds the run lock of this database."""


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """One run per database at a time: an advisory lock on a file beside the database."""
    lock_path = db_path.with_name(db_path.name + ".run.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RunInProgress(str(lock_path)) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def _problems_json(problems: tuple[Problem, ...]) -> str:
    return json.dumps([{"code": p.code, "message": p.message, "detail": p.detail} for p in problems], ensure_ascii=False)


def problems_from_json(text: str | None) -> tuple[Problem, ...]:
    return tuple(Problem(**item) for item in json.loads(text or "[]"))


class ContentKey(NamedTuple):
    """Identifies one extraction: the bytes, and the format the file name claims for them."""

    sha256: str
    name_class: str = ""


@dataclass(frozen=True)
class StoredContent:
    """What the database already knows about one content hash."""

    format: str
    status: Status
    problems: tuple[Problem, ...]


class Store:
    """The one writer of a run. Opened by path, it uses a short session per unit of work, so
    the review page and exports can use the database between them; given a connection
    (tests, migrations), it uses that one."""

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None, *, path: Path | None = None):
        self._pinned = con
        self.path = path

    @classmethod
    def open(cls, db_path: Path) -> "Store":
        with session(db_path):  # create and migrate once, now
            pass
        return cls(path=db_path)

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._pinned is not None:
            yield self._pinned
            return
        with session(self.path) as con:
            yield con

    def close(self) -> None:
        if self._pinned is not None:
            self._pinned.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # runs -----------------------------------------------------------------
    def start_run(self, *, root: str, region: str | None, year: int | None, claims: str | None, version: str) -> int:
        with self.session() as con:
            return con.execute(
                """INSERT INTO runs (started_at, status, root, region, assessment_year, claims_path, extractor_version)
                   VALUES (?, 'running', ?, ?, ?, ?, ?) RETURNING run_id""",
                [datetime.now(), root, region, year, claims, version],
            ).fetchone()[0]

    def finish_run(self, run_id: int, *, status: str, counts: dict[str, int], message: str | None = None) -> None:
        with self.session() as con:
            columns = ", ".join(f"{name} = ?" for name in counts)
            con.execute(
                f"UPDATE runs SET finished_at = ?, status = ?, message = ?, {columns} WHERE run_id = ?",
                [datetime.now(), status, message, *counts.values(), run_id],
            )

    # contents -------------------------------------------------------------
    def known_contents(self, version: str) -> dict[ContentKey, StoredContent]:
        with self.session() as con:
            rows = con.execute(
                "SELECT sha256, name_class, format, status, problems FROM extractions WHERE extractor_version = ?", [version]
            ).fetchall()
            return {ContentKey(sha, cls): StoredContent(fmt, Status(status), problems_from_json(problems))
                    for sha, cls, fmt, status, problems in rows}

    def save_extraction(self, key: ContentKey, version: str, document: Document, run_id: int) -> None:
        self.save_extractions([(key, document)], version, run_id)

    def save_extractions(self, items: list[tuple[ContentKey, Document]], version: str, run_id: int) -> None:
        """Store extractions and their pages: one session for the batch, one transaction per content
        (opening DuckDB costs ~50 ms, so a session per file would dominate text-only runs)."""
        if not items:
            return
        with self.session() as con:
            for key, document in items:
                _write_extraction(con, key, version, document, run_id)

    # files ----------------------------------------------------------------
    def current_files(self) -> dict[str, tuple[str, int, int]]:
        """path -> (sha256, first_seen_run, changed_run) of the folder as last recorded."""
        with self.session() as con:
            rows = con.execute("SELECT path, sha256, first_seen_run, changed_run FROM files").fetchall()
            return {path: (sha, first, changed) for path, sha, first, changed in rows}

    def save_files(self, rows: list["FileRow"], run_id: int) -> int:
        """Replace the inventory with this run's files in one transaction; return how many were removed."""
        with self.session() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                if rows:
                    con.executemany(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [row.values(run_id) for row in rows],
                    )
                removed = len(con.execute("DELETE FROM files WHERE last_seen_run <> ? RETURNING path", [run_id]).fetchall())
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            return removed


@dataclass(frozen=True)
class FileRow:
    """One file of the folder with its resolved outcome, ready for the `files` table."""

    record: FileRecord
    name_class: str
    version: str
    format: str
    status: Status
    problems: tuple[Problem, ...]
    first_seen_run: int
    changed_run: int

    def values(self, run_id: int) -> list:
        r = self.record
        error = self.problems[0] if self.status is not Status.OK and self.problems else None
        return [r.path, r.opd, r.extension, r.size, r.mtime, r.sha256, self.name_class, self.version, self.format, self.status.value,
                error.code if error else None, error.message if error else None, _problems_json(self.problems),
                self.first_seen_run, self.changed_run, run_id]


def _write_extraction(con: duckdb.DuckDBPyConnection, key: ContentKey, version: str, document: Document,
                      run_id: int) -> None:
    """One content's extraction and pages in one transaction."""
    pages = document.pages
    where = "sha256 = ? AND name_class = ? AND extractor_version = ?"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM pages WHERE {where}", [key.sha256, key.name_class, version])
        con.execute(f"DELETE FROM extractions WHERE {where}", [key.sha256, key.name_class, version])
        con.execute(
            "INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [key.sha256, key.name_class, version, document.format, document.status.value, _problems_json(document.problems),
             document.page_count, document.ocr_pages, document.ocr_confidence, document.seconds, run_id,
             datetime.now()],
        )
        if pages:
            # One statement for all pages: list parameters unnest together (~100x executemany).
            con.execute(
                """INSERT INTO pages SELECT ?, ?, ?, unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]),
                          unnest(?::DOUBLE[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])""",
                [key.sha256, key.name_class, version, [p.number for p in pages], [p.method.value for p in pages],
                 [p.chars for p in pages], [p.confidence for p in pages], [p.rotation for p in pages],
                 [p.note for p in pages], [p.text for p in pages]],
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_documents(con: duckdb.DuckDBPyConnection) -> list:
    """Current files with their page texts, as judgement input."""
    from pipeline.judge import DocInput

    rows = con.execute(
        """SELECT f.path, f.sha256, f.status, f.problems, coalesce(e.ocr_pages, 0), e.ocr_confidence,
                  coalesce(list(p.text ORDER BY p.page_no) FILTER (WHERE p.text IS NOT NULL), [])
           FROM files f
           LEFT JOIN extractions e
             ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version
           LEFT JOIN pages p
             ON p.sha256 = f.sha256 AND p.name_class = f.name_class AND p.extractor_version = f.extractor_version
           GROUP BY ALL ORDER BY f.path"""
    ).fetchall()
    return [DocInput(path, sha, status, tuple(p.code for p in problems_from_json(problems)), tuple(texts),
                     ocr_pages, ocr_confidence)
            for path, sha, status, problems, ocr_pages, ocr_confidence, texts in rows]


def save_judgement(con: duckdb.DuckDBPyConnection, run_id: int, judgement) -> None:
    """Write one run's judgement in a single transaction."""
    facts_rows, flag_rows, match_rows = [], [], []
    for path, doc in judgement.documents.items():
        f = doc.facts
        details = {"title": f.title, "draft_markers": list(f.draft_markers), "regions_named": list(f.regions_named),
                   "period_years": list(f.period_years), "revokes": list(f.revokes), "amends": list(f.amends),
                   "key": f.key}
        facts_rows.append([run_id, path, f.doc_type, f.title, f.number, f.year, f.enacted, f.region, f.signed,
                           doc.counts, json.dumps(details, ensure_ascii=False)])
        flag_rows += [[run_id, path, flag.code, flag.message] for flag in {fl.code: fl for fl in doc.flags}.values()]
        for m in doc.matches:
            finding = doc.levels.get(m.indicator)
            match_rows.append([run_id, path, m.indicator, finding.level if finding else None, m.score, m.weight,
                               m.rule, m.phrase, m.page, m.snippet, m.where, finding.reason if finding else None])
    indicator_rows = [[run_id, judgement.framework, r.no, r.name, r.claimed_level, r.evidence_level, r.status,
                       json.dumps(r.flags), json.dumps(r.evidence, ensure_ascii=False), r.reason, r.next_step]
                      for r in judgement.indicators]
    index_rows = []
    for basis, result in (("evidence", judgement.evidence), ("claimed", judgement.claimed)):
        if result is None:
            continue
        index_rows.append([run_id, basis, "total", "SPBE", result.value, result.predicate])
        index_rows += [[run_id, basis, "aspect", k, v, None] for k, v in result.aspects.items()]
        index_rows += [[run_id, basis, "domain", k, v, None] for k, v in result.domains.items()]
    con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in (("doc_facts", facts_rows), ("doc_flags", flag_rows), ("doc_matches", match_rows),
                            ("indicator_results", indicator_rows), ("index_results", index_rows)):
            con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
            if rows:
                con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
