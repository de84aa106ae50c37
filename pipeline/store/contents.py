"""What was read from each content: the `extractions`, `pages` and `analyses` tables.

A content is stored once per (sha256, name_class, extractor_version), whatever paths it has; its
analysis once per file name and rules version (the name is evidence too). Page texts are stored
redacted: `unprotected` and `protect_stored` redact databases from before redaction existed.

A reading the machine spoiled (a problem in `MACHINE_CODES`: the OCR engine or its language data
went missing, the scratch disk filled up) is never stored as what the content is: not its
extraction, pages or analysis. The run's `files` row still says why the file was not read, and the
next run, finding no extraction, reads it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import duckdb

from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, Status, StoredContent
from pipeline.store.bulk import insert_rows
from pipeline.store.codec import problems_from_json, problems_to_json
from pipeline.store.transaction import transaction

_KEY = "sha256 = ? AND name_class = ? AND extractor_version = ?"

#: Problem codes that blame the machine, not the content: pipeline.extract.errors.MACHINE_CODES (the
#: store may not import extraction; tests/test_environment_faults.py checks that both agree).
MACHINE_CODES = frozenset({"ocr_engine_failed"})


def cacheable(document: Document) -> bool:
    """Whether a reading says what the content is: not when the machine failed while reading it."""
    return not any(p.code in MACHINE_CODES for p in document.problems)


def known_contents(con: duckdb.DuckDBPyConnection, version: str) -> dict[ContentKey, StoredContent]:
    """Every content read before with this extractor version, and how its reading went."""
    rows = con.execute(
        "SELECT sha256, name_class, format, status, problems FROM extractions WHERE extractor_version = ?", [version]
    ).fetchall()
    known = {
        ContentKey(sha, cls): StoredContent(fmt, Status(status), problems_from_json(problems))
        for sha, cls, fmt, status, problems in rows
    }
    return {key: c for key, c in known.items() if not any(p.code in MACHINE_CODES for p in c.problems)}


def save_extractions(
    con: duckdb.DuckDBPyConnection,
    items: list[tuple[ContentKey, Document]],
    version: str,
    run_id: int,
    analyses: Sequence[AnalysisRow] = (),
    personal: dict[ContentKey, str] | None = None,
) -> None:
    """Store a batch of extractions, their pages and analyses in one transaction with bulk inserts
    (opening DuckDB costs ~50 ms and a statement per row ~1 ms; a batch of 25 files costs ~10 ms).
    Readings the machine spoiled (`cacheable`) are left out, their analyses with them."""
    spoiled = {key for key, document in items if not cacheable(document)}
    if spoiled:
        items = [(key, document) for key, document in items if key not in spoiled]
        analyses = [r for r in analyses if ContentKey(r.key.sha256, r.key.name_class) not in spoiled]
    if not items and not analyses:
        return
    with transaction(con):
        _write_extractions(con, items, version, run_id, personal or {})
        _write_analyses(con, analyses, run_id)


def save_analyses(con: duckdb.DuckDBPyConnection, rows: list[AnalysisRow], run_id: int) -> None:
    if rows:
        with transaction(con):
            _write_analyses(con, rows, run_id)


def analysis_backlog(con: duckdb.DuckDBPyConnection, analysis_version: str) -> list[AnalysisKey]:
    """Contents at current files that have text but no analysis for these rules yet."""
    rows = con.execute(
        """SELECT DISTINCT f.sha256, f.name_class, f.extractor_version, f.file_name
           FROM (SELECT *, regexp_extract(path, '[^/]*$') AS file_name FROM files) f
           JOIN extractions e USING (sha256, name_class, extractor_version)
           LEFT JOIN analyses a
             ON a.sha256 = f.sha256 AND a.name_class = f.name_class
            AND a.extractor_version = f.extractor_version AND a.file_name = f.file_name
            AND a.analysis_version = ?
           WHERE a.data IS NULL AND e.pages > 0
           ORDER BY ALL""",
        [analysis_version],
    ).fetchall()
    return [AnalysisKey(*row) for row in rows]


def unprotected(con: duckdb.DuckDBPyConnection) -> list[tuple[ContentKey, str]]:
    """(content, extractor version) of extractions at current files stored before redaction existed
    (personal_data IS NULL)."""
    rows = con.execute(
        """SELECT DISTINCT e.sha256, e.name_class, e.extractor_version FROM extractions e
           JOIN files f USING (sha256, name_class, extractor_version)
           WHERE e.personal_data IS NULL AND e.pages > 0 ORDER BY ALL"""
    ).fetchall()
    return [(ContentKey(sha, cls), version) for sha, cls, version in rows]


def protect_stored(
    con: duckdb.DuckDBPyConnection,
    keys: list[tuple[ContentKey, str]],
    protect: Callable[[list[str]], tuple[list[str], str]],
) -> None:
    """Scan and redact stored page texts of a batch in place, in one transaction (`protect(texts) ->
    (texts, json)`); the analyses of changed contents are dropped so their snippets are made again."""
    if not keys:
        return
    with transaction(con):
        for key, version in keys:
            params = [key.sha256, key.name_class, version]
            rows = con.execute(f"SELECT page_no, text FROM pages WHERE {_KEY} ORDER BY page_no", params).fetchall()
            redacted, found = protect([text for _, text in rows])
            for (page_no, text), new in zip(rows, redacted):
                if new != text:
                    con.execute(f"UPDATE pages SET text = ? WHERE {_KEY} AND page_no = ?", [new, *params, page_no])
            if redacted != [text for _, text in rows]:
                con.execute(f"DELETE FROM analyses WHERE {_KEY}", params)
            con.execute(f"UPDATE extractions SET personal_data = ? WHERE {_KEY}", [found, *params])


def page_texts(con: duckdb.DuckDBPyConnection, keys: list[AnalysisKey]) -> dict[AnalysisKey, list[str]]:
    """Page texts of a batch of contents (a batch at a time: texts are never all in memory). A content
    under two file names is one key of the join: joined twice, each of its pages would come twice."""
    if not keys:
        return {}
    rows = con.execute(
        """SELECT p.sha256, p.name_class, p.extractor_version, list(p.text ORDER BY p.page_no)
           FROM pages p
           JOIN (SELECT DISTINCT unnest(?::VARCHAR[]) AS sha256, unnest(?::VARCHAR[]) AS name_class,
                        unnest(?::VARCHAR[]) AS extractor_version) k
             USING (sha256, name_class, extractor_version)
           GROUP BY ALL""",
        [[k.sha256 for k in keys], [k.name_class for k in keys], [k.extractor_version for k in keys]],
    ).fetchall()
    texts = {(sha, cls, ver): pages for sha, cls, ver, pages in rows}
    return {k: texts.get((k.sha256, k.name_class, k.extractor_version), []) for k in keys}


def _write_extractions(
    con: duckdb.DuckDBPyConnection,
    items: list[tuple[ContentKey, Document]],
    version: str,
    run_id: int,
    personal: dict[ContentKey, str],
) -> None:
    if not items:
        return
    keys = [[k.sha256 for k, _ in items], [k.name_class for k, _ in items], [version] * len(items)]
    for table in ("pages", "extractions"):
        con.execute(
            f"""DELETE FROM {table} USING (SELECT unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS c,
                                                          unnest(?::VARCHAR[]) AS v) k
                        WHERE {table}.sha256 = k.s AND {table}.name_class = k.c AND {table}.extractor_version = k.v""",
            keys,
        )
    now = datetime.now()
    insert_rows(
        con,
        "extractions",
        [
            [
                key.sha256,
                key.name_class,
                version,
                d.format,
                d.status.value,
                problems_to_json(d.problems),
                d.page_count,
                d.ocr_pages,
                d.ocr_confidence,
                d.seconds,
                run_id,
                now,
                personal.get(key),
            ]
            for key, d in {k: d for k, d in items}.items()
        ],
    )
    insert_rows(
        con,
        "pages",
        [
            [
                key.sha256,
                key.name_class,
                version,
                p.number,
                p.method.value,
                p.chars,
                p.confidence,
                p.rotation,
                p.note,
                p.text,
            ]
            for key, d in {k: d for k, d in items}.items()
            for p in d.pages
        ],
    )


def _write_analyses(con: duckdb.DuckDBPyConnection, rows: Sequence[AnalysisRow], run_id: int) -> None:
    if not rows:
        return
    unique = {(r.key, r.analysis_version): r for r in rows}
    insert_rows(
        con,
        "analyses",
        [
            [
                r.key.sha256,
                r.key.name_class,
                r.key.extractor_version,
                r.key.file_name,
                r.analysis_version,
                r.data,
                run_id,
            ]
            for r in unique.values()
        ],
        replace=True,
    )
