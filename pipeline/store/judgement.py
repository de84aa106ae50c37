"""A run's judgement: what it reads (`load_analyzed`) and the tables it writes (`save_judgement`:
doc_facts, doc_flags, doc_matches, indicator_results, index_results).

An unchanged night judges nothing: `judgement_key` is a digest of every input of the judgement (the
folder's files with their contents, readings and analyses as stored, the rules and the judge's code,
region, year, claims). A completed run with the same key made the same judgement, so `reuse_judgement`
copies its rows to the new run in SQL (every reader shows "the latest completed run", which then holds
them) instead of loading analyses, deciding and writing again. A run's summary needs only an `Outline`
of its judgement, which stays small at any folder size.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import duckdb

from pipeline.judge.analysis import from_json
from pipeline.judge.claims import Claim
from pipeline.judge.decide import Analyzed, IndicatorResult, Judgement
from pipeline.judge.flags import OcrPage
from pipeline.judge.scoring import IndexResult
from pipeline.privacy.personal_data import from_json as personal_from_json
from pipeline.rules import RULES_DIR
from pipeline.store.bulk import insert_rows
from pipeline.store.codec import problems_from_json
from pipeline.store.transaction import transaction

JUDGEMENT_TABLES = ("doc_facts", "doc_flags", "doc_matches", "indicator_results", "index_results")
LOAD_CHUNK = 500  # rows converted at a time: the query result never waits in memory as Python objects at once


def load_analyzed(con: duckdb.DuckDBPyConnection, analysis_version: str) -> list[Analyzed]:
    """Current files with their stored analyses: the judgement's whole input, without page texts
    (of the pages, only the count and, per page that needed OCR, its characters and confidence)."""
    return list(iter_analyzed(con, analysis_version))


def iter_analyzed(con: duckdb.DuckDBPyConnection, analysis_version: str) -> Iterator[Analyzed]:
    """`load_analyzed` one file at a time, in path order, fetched in chunks of LOAD_CHUNK rows."""
    result = con.execute(
        """SELECT f.path, f.sha256, f.status, f.problems, coalesce(e.ocr_pages, 0), e.ocr_confidence, a.data,
                  e.personal_data, e.pages,
                  (SELECT list([p.page_no, p.chars, p.confidence] ORDER BY p.page_no) FROM pages p
                    WHERE p.sha256 = f.sha256 AND p.name_class = f.name_class
                      AND p.extractor_version = f.extractor_version AND p.method = 'ocr')
           FROM files f
           LEFT JOIN extractions e
             ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version
           LEFT JOIN analyses a
             ON a.sha256 = f.sha256 AND a.name_class = f.name_class AND a.extractor_version = f.extractor_version
            AND a.file_name = regexp_extract(f.path, '[^/]*$') AND a.analysis_version = ?
           ORDER BY f.path""",
        [analysis_version],
    )
    while rows := result.fetchmany(LOAD_CHUNK):
        yield from (_analyzed(*row) for row in rows)


def _analyzed(path, sha, status, problems, ocr_pages, ocr_confidence, data, personal, pages, ocr) -> Analyzed:
    return Analyzed(
        path,
        sha,
        status,
        tuple(p.code for p in problems_from_json(problems)),
        ocr_pages,
        ocr_confidence,
        from_json(data) if data and data != "null" else None,
        personal_from_json(personal),
        pages=pages,
        ocr=tuple(OcrPage(int(n), int(c), k) for n, c, k in ocr or ()) if pages is not None else None,
        no_text=data == "null",
    )


# --- reuse: the same inputs make the same judgement -----------------------------------------------------


@lru_cache(maxsize=1)
def judge_code_digest() -> str:
    """A digest of what decides besides the stored inputs: the judge's and privacy's code, the records, this
    module (it writes the rows) and every rule file. A new release or an edited rule judges again."""
    pipeline = Path(__file__).resolve().parents[1]
    sources = [*(pipeline / "judge").rglob("*.py"), *(pipeline / "privacy").rglob("*.py")]
    sources += [pipeline / "rules.py", pipeline / "model.py", Path(__file__).resolve()]
    sources += [p for p in RULES_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    digest = hashlib.sha256()
    for path in sorted(sources):
        digest.update(str(path.relative_to(pipeline.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def judgement_key(
    con: duckdb.DuckDBPyConnection,
    analysis_version: str,
    *,
    region: str | None,
    year: int,
    claims: dict[int, Claim] | None,
) -> str:
    """A digest of every input of the folder's judgement. The stored part is each current file as the
    judgement reads it (`load_analyzed`): path, content, status and problems, and the run that wrote its
    extraction and analysis (a reading or analysis written again, a redaction in place, changes it)."""
    row = con.execute(
        """SELECT count(*), md5(coalesce(string_agg(concat_ws(chr(31), f.path, f.sha256, f.name_class,
                      f.extractor_version, f.status, f.problems, coalesce(e.run_id::VARCHAR, '-'),
                      coalesce(e.extracted_at::VARCHAR, '-'), coalesce(e.personal_data::VARCHAR, '-'),
                      coalesce(a.run_id::VARCHAR, '-')), chr(30) ORDER BY f.path), ''))
           FROM files f
           LEFT JOIN extractions e
             ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version
           LEFT JOIN analyses a
             ON a.sha256 = f.sha256 AND a.name_class = f.name_class AND a.extractor_version = f.extractor_version
            AND a.file_name = regexp_extract(f.path, '[^/]*$') AND a.analysis_version = ?""",
        [analysis_version],
    ).fetchone()
    stored = f"{row[0]}:{row[1]}" if row else ""
    claimed = repr(sorted(claims.items())) if claims is not None else "-"
    parts = (analysis_version, judge_code_digest(), region or "-", str(year), claimed, stored)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def reuse_judgement(con: duckdb.DuckDBPyConnection, key: str, run_id: int) -> int | None:
    """Copy the judgement of the latest completed run with this key to `run_id`, in one transaction;
    returns that run's id, or None when there is none (the folder must be judged)."""
    row = con.execute(
        """SELECT max(r.run_id) FROM runs r WHERE r.status = 'completed' AND r.judgement_key = ? AND r.run_id <> ?
             AND EXISTS (SELECT 1 FROM indicator_results i WHERE i.run_id = r.run_id)""",
        [key, run_id],
    ).fetchone()
    source = row[0] if row else None
    if source is None:
        return None
    with transaction(con):
        for table in JUDGEMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
            con.execute(
                f"INSERT INTO {table} BY NAME SELECT * REPLACE (?::INTEGER AS run_id) FROM {table} WHERE run_id = ?",
                [run_id, source],
            )
    return source


@dataclass(frozen=True)
class FlaggedDocument:
    path: str
    flag_codes: tuple[str, ...]


@dataclass
class Outline:
    """What a run's summary needs of its judgement (flag codes of flagged documents, the indicators, the
    index), small at any folder size: made from a fresh judgement (`outline`) or from stored rows
    (`load_outline`), with the same content either way."""

    framework: str
    documents: Mapping[str, FlaggedDocument]  # read-only (MappingProxyType): Prefect does not walk it
    indicators: list[IndicatorResult]
    claimed: IndexResult | None
    evidence: IndexResult


def outline(judgement: Judgement) -> Outline:
    flagged = {
        path: FlaggedDocument(path, tuple(dict.fromkeys(doc.flag_codes)))
        for path, doc in judgement.documents.items()
        if doc.flags
    }
    return Outline(
        judgement.framework, MappingProxyType(flagged), judgement.indicators, judgement.claimed, judgement.evidence
    )


def load_outline(con: duckdb.DuckDBPyConnection, run_id: int) -> Outline:
    """The outline of a stored judgement (a reused one: the summary reads what the run holds)."""
    flagged: dict[str, list[str]] = {}
    for path, code in con.execute(
        "SELECT path, code FROM doc_flags WHERE run_id = ? ORDER BY path, code", [run_id]
    ).fetchall():
        flagged.setdefault(path, []).append(code)
    rows = con.execute(
        """SELECT framework, indicator, name, claimed_level, evidence_level, status, flags, evidence, reason, next_step
           FROM indicator_results WHERE run_id = ? ORDER BY indicator""",
        [run_id],
    ).fetchall()
    indicators = [
        IndicatorResult(no, name, claimed, level, status, json.loads(flags), json.loads(evidence), reason, step)
        for _, no, name, claimed, level, status, flags, evidence, reason, step in rows
    ]
    index: dict[str, IndexResult] = {}
    for basis, scope, key, value, predicate in con.execute(
        "SELECT basis, scope, id, value, predicate FROM index_results WHERE run_id = ? ORDER BY basis, scope, id",
        [run_id],
    ).fetchall():
        result = index.setdefault(basis, IndexResult(0.0, "", {}, {}))
        if scope == "total":
            index[basis] = IndexResult(value, predicate, result.aspects, result.domains)
        else:
            (result.aspects if scope == "aspect" else result.domains)[key] = value
    return Outline(
        rows[0][0] if rows else "",
        MappingProxyType({path: FlaggedDocument(path, tuple(codes)) for path, codes in flagged.items()}),
        indicators,
        index.get("claimed"),
        index["evidence"],
    )


def save_judgement(con: duckdb.DuckDBPyConnection, run_id: int, judgement: Judgement) -> None:
    """Write one run's judgement in a single transaction, replacing what the run had written before."""
    with transaction(con):
        for table, rows in _judgement_rows(run_id, judgement).items():
            con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
            insert_rows(con, table, rows)


def _judgement_rows(run_id: int, judgement: Judgement) -> dict[str, list[list]]:
    """table -> rows of one run's judgement."""
    facts_rows, flag_rows, match_rows = [], [], []
    for path, doc in judgement.documents.items():
        f = doc.facts
        details = {
            "title": f.title,
            "draft_markers": list(f.draft_markers),
            "regions_named": list(f.regions_named),
            "period_years": list(f.period_years),
            "revokes": list(f.revokes),
            "amends": list(f.amends),
            "key": f.key,
        }
        facts_rows.append(
            [
                run_id,
                path,
                f.doc_type,
                f.title,
                f.number,
                f.year,
                f.enacted,
                f.region,
                f.signed,
                doc.counts,
                json.dumps(details, ensure_ascii=False),
            ]
        )
        flag_rows += [[run_id, path, flag.code, flag.message] for flag in {fl.code: fl for fl in doc.flags}.values()]
        for m in doc.matches:
            finding = doc.levels.get(m.indicator)
            match_rows.append(
                [
                    run_id,
                    path,
                    m.indicator,
                    finding.level if finding else None,
                    m.score,
                    m.weight,
                    m.rule,
                    m.phrase,
                    m.page,
                    m.snippet,
                    m.where,
                    finding.reason if finding else None,
                ]
            )
    indicator_rows = [
        [
            run_id,
            judgement.framework,
            r.no,
            r.name,
            r.claimed_level,
            r.evidence_level,
            r.status,
            json.dumps(r.flags),
            json.dumps(r.evidence, ensure_ascii=False),
            r.reason,
            r.next_step,
        ]
        for r in judgement.indicators
    ]
    index_rows = []
    for basis, result in (("evidence", judgement.evidence), ("claimed", judgement.claimed)):
        if result is None:
            continue
        index_rows.append([run_id, basis, "total", "SPBE", result.value, result.predicate])
        index_rows += [[run_id, basis, "aspect", k, v, None] for k, v in result.aspects.items()]
        index_rows += [[run_id, basis, "domain", k, v, None] for k, v in result.domains.items()]
    return {
        "doc_facts": facts_rows,
        "doc_flags": flag_rows,
        "doc_matches": match_rows,
        "indicator_results": indicator_rows,
        "index_results": index_rows,
    }
