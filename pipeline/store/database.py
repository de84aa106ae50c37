"""DuckDB storage: numbered migrations, the single writer, and read helpers.

DuckDB lets one process hold a database file for writing, so one `Store`
(owned by the flow's main thread) does every write; extraction workers only
return `Document`s. Results are committed in batches, each batch one
transaction, so a run that dies part-way keeps every batch written before and
never leaves half a batch.
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

from pipeline.store.codec import problems_from_json, problems_to_json  # noqa: F401
from pipeline.store.connection import DatabaseBusy, RunInProgress, run_lock, session  # noqa: F401
from pipeline.store.schema import migrate, migrations, schema_version  # noqa: F401
from pipeline.store.transaction import transaction
from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, FileRecord, FileRow, Problem, Status, StoredContent


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
        """Record a new run. Called under the run lock, so any run still 'running' died (killed, power
        cut): it is marked interrupted; what it had written stays and is not done again."""
        with self.session() as con:
            con.execute("""UPDATE runs SET status = 'interrupted', finished_at = ?,
                           message = 'Run terhenti sebelum selesai (proses dihentikan); run berikutnya melanjutkan.'
                           WHERE status = 'running'""", [datetime.now()])
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

    def save_extractions(self, items: list[tuple[ContentKey, Document]], version: str, run_id: int,
                         analyses: list[AnalysisRow] = (), personal: dict[ContentKey, str] | None = None) -> None:
        """Store a batch of extractions, their pages and analyses in one transaction with bulk inserts
        (opening DuckDB costs ~50 ms and a statement per row ~1 ms; a batch of 25 files costs ~10 ms)."""
        if not items and not analyses:
            return
        with self.session() as con:
            with transaction(con):
                _write_extractions(con, items, version, run_id, personal or {})
                _write_analyses(con, analyses, run_id)

    def save_analyses(self, rows: list[AnalysisRow], run_id: int) -> None:
        if rows:
            with self.session() as con, transaction(con):
                _write_analyses(con, rows, run_id)

    def analysis_backlog(self, analysis_version: str) -> list[AnalysisKey]:
        """Contents at current files that have text but no analysis for these rules yet."""
        with self.session() as con:
            rows = con.execute(
                """SELECT DISTINCT f.sha256, f.name_class, f.extractor_version, f.file_name
                   FROM (SELECT *, regexp_extract(path, '[^/]*$') AS file_name FROM files) f
                   JOIN extractions e USING (sha256, name_class, extractor_version)
                   LEFT JOIN analyses a
                     ON a.sha256 = f.sha256 AND a.name_class = f.name_class
                    AND a.extractor_version = f.extractor_version AND a.file_name = f.file_name
                    AND a.analysis_version = ?
                   WHERE a.data IS NULL AND e.pages > 0
                   ORDER BY ALL""", [analysis_version]).fetchall()
            return [AnalysisKey(*row) for row in rows]

    def unprotected(self) -> list[ContentKey]:
        """Extractions at current files stored before redaction existed (personal_data IS NULL)."""
        with self.session() as con:
            rows = con.execute(
                """SELECT DISTINCT e.sha256, e.name_class, e.extractor_version FROM extractions e
                   JOIN files f USING (sha256, name_class, extractor_version)
                   WHERE e.personal_data IS NULL AND e.pages > 0 ORDER BY ALL""").fetchall()
        return [(ContentKey(sha, cls), version) for sha, cls, version in rows]

    def protect_stored(self, keys: list[tuple[ContentKey, str]], protect) -> None:
        """Scan and redact stored page texts of a batch in place (`protect(texts) -> (texts, json)`);
        the analyses of changed contents are dropped so their snippets are made again."""
        if not keys:
            return
        where = "sha256 = ? AND name_class = ? AND extractor_version = ?"
        with self.session() as con, transaction(con):
            for key, version in keys:
                params = [key.sha256, key.name_class, version]
                rows = con.execute(f"SELECT page_no, text FROM pages WHERE {where} ORDER BY page_no", params).fetchall()
                redacted, found = protect([text for _, text in rows])
                for (page_no, text), new in zip(rows, redacted):
                    if new != text:
                        con.execute(f"UPDATE pages SET text = ? WHERE {where} AND page_no = ?", [new, *params, page_no])
                if redacted != [text for _, text in rows]:
                    con.execute(f"DELETE FROM analyses WHERE {where}", params)
                con.execute(f"UPDATE extractions SET personal_data = ? WHERE {where}", [found, *params])

    def page_texts(self, keys: list[AnalysisKey]) -> dict[AnalysisKey, list[str]]:
        """Page texts of a batch of contents (a batch at a time: texts are never all in memory)."""
        if not keys:
            return {}
        with self.session() as con:
            rows = con.execute(
                """SELECT p.sha256, p.name_class, p.extractor_version, list(p.text ORDER BY p.page_no)
                   FROM pages p
                   JOIN (SELECT unnest(?::VARCHAR[]) AS sha256, unnest(?::VARCHAR[]) AS name_class,
                                unnest(?::VARCHAR[]) AS extractor_version) k
                     USING (sha256, name_class, extractor_version)
                   GROUP BY ALL""",
                [[k.sha256 for k in keys], [k.name_class for k in keys], [k.extractor_version for k in keys]],
            ).fetchall()
        texts = {(sha, cls, ver): pages for sha, cls, ver, pages in rows}
        return {k: texts.get((k.sha256, k.name_class, k.extractor_version), []) for k in keys}

    # files ----------------------------------------------------------------
    def current_files(self) -> dict[str, tuple[str, int, int]]:
        """path -> (sha256, first_seen_run, changed_run) of the folder as last recorded."""
        with self.session() as con:
            rows = con.execute("SELECT path, sha256, first_seen_run, changed_run FROM files").fetchall()
            return {path: (sha, first, changed) for path, sha, first, changed in rows}

    def save_files(self, rows: list[FileRow], run_id: int) -> int:
        """Replace the inventory with this run's files in one transaction; return how many were removed."""
        with self.session() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                insert_rows(con, "files", [file_values(row, run_id) for row in rows], replace=True)
                removed = len(con.execute("DELETE FROM files WHERE last_seen_run <> ? RETURNING path", [run_id]).fetchall())
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            return removed


def file_values(row: FileRow, run_id: int) -> list:
    """One `files` table row."""
    r = row.record
    error = row.problems[0] if row.status is not Status.OK and row.problems else None
    return [r.path, r.opd, r.extension, r.size, r.mtime, r.sha256, row.name_class, row.version, row.format, row.status.value,
            error.code if error else None, error.message if error else None, problems_to_json(row.problems),
            row.first_seen_run, row.changed_run, run_id]




def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list], *, replace: bool = False) -> None:
    """Insert many rows with one statement: each column travels as one typed list and is unnested
    (~100x faster than executemany, which DuckDB runs row by row)."""
    if not rows:
        return
    types = [t for _, t, *_ in con.execute(f"DESCRIBE {table}").fetchall()]
    columns = list(zip(*rows))
    selects = ", ".join(f"unnest(?::{'VARCHAR' if t == 'JSON' else t}[])" for t in types)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    con.execute(f"{verb} INTO {table} SELECT {selects}", [list(c) for c in columns])


def _write_extractions(con: duckdb.DuckDBPyConnection, items: list[tuple[ContentKey, Document]], version: str,
                       run_id: int, personal: dict[ContentKey, str]) -> None:
    if not items:
        return
    keys = [[k.sha256 for k, _ in items], [k.name_class for k, _ in items], [version] * len(items)]
    for table in ("pages", "extractions"):
        con.execute(f"""DELETE FROM {table} USING (SELECT unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS c,
                                                          unnest(?::VARCHAR[]) AS v) k
                        WHERE {table}.sha256 = k.s AND {table}.name_class = k.c AND {table}.extractor_version = k.v""",
                    keys)
    now = datetime.now()
    insert_rows(con, "extractions", [
        [key.sha256, key.name_class, version, d.format, d.status.value, problems_to_json(d.problems), d.page_count,
         d.ocr_pages, d.ocr_confidence, d.seconds, run_id, now, personal.get(key)]
        for key, d in {k: d for k, d in items}.items()])
    insert_rows(con, "pages", [
        [key.sha256, key.name_class, version, p.number, p.method.value, p.chars, p.confidence, p.rotation, p.note, p.text]
        for key, d in {k: d for k, d in items}.items() for p in d.pages])


def _write_analyses(con: duckdb.DuckDBPyConnection, rows: list[AnalysisRow], run_id: int) -> None:
    if not rows:
        return
    unique = {(r.key, r.analysis_version): r for r in rows}
    insert_rows(con, "analyses", [[r.key.sha256, r.key.name_class, r.key.extractor_version, r.key.file_name,
                                   r.analysis_version, r.data, run_id] for r in unique.values()], replace=True)


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
            insert_rows(con, table, rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_analyzed(con: duckdb.DuckDBPyConnection, analysis_version: str) -> list:
    """Current files with their stored analyses: the judgement's whole input, without page texts."""
    from pipeline.judge.analysis import from_json
    from pipeline.judge.decide import Analyzed
    from pipeline.privacy.personal_data import from_json as personal_from_json

    rows = con.execute(
        """SELECT f.path, f.sha256, f.status, f.problems, coalesce(e.ocr_pages, 0), e.ocr_confidence, a.data,
                  e.personal_data
           FROM files f
           LEFT JOIN extractions e
             ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version
           LEFT JOIN analyses a
             ON a.sha256 = f.sha256 AND a.name_class = f.name_class AND a.extractor_version = f.extractor_version
            AND a.file_name = regexp_extract(f.path, '[^/]*$') AND a.analysis_version = ?
           ORDER BY f.path""", [analysis_version]).fetchall()
    return [Analyzed(path, sha, status, tuple(p.code for p in problems_from_json(problems)), ocr_pages, ocr_confidence,
                     from_json(data) if data and data != "null" else None, personal_from_json(personal))
            for path, sha, status, problems, ocr_pages, ocr_confidence, data, personal in rows]
