"""A run's judgement: what it reads (`load_analyzed`) and the tables it writes (`save_judgement`:
doc_facts, doc_flags, doc_matches, indicator_results, index_results)."""

from __future__ import annotations

import json

import duckdb

from pipeline.judge.analysis import from_json
from pipeline.judge.decide import Analyzed, Judgement
from pipeline.judge.flags import OcrPage
from pipeline.privacy.personal_data import from_json as personal_from_json
from pipeline.store.bulk import insert_rows
from pipeline.store.codec import problems_from_json
from pipeline.store.transaction import transaction


def load_analyzed(con: duckdb.DuckDBPyConnection, analysis_version: str) -> list[Analyzed]:
    """Current files with their stored analyses: the judgement's whole input, without page texts
    (of the pages, only the count and, per page that needed OCR, its characters and confidence)."""
    rows = con.execute(
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
    ).fetchall()
    return [
        Analyzed(
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
        for path, sha, status, problems, ocr_pages, ocr_confidence, data, personal, pages, ocr in rows
    ]


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
