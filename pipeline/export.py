"""The JSON export, contract `spbe-evidence/1` (documented in README.md).

Field names are a public contract: add fields freely, never rename or remove.
Judgement fields (document type, number, indicators, index, ...) stay empty
until the judgement stage fills them; failure flags are set from extraction.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import duckdb

from pipeline.storage import problems_from_json

SCHEMA = "spbe-evidence/1"
FRAMEWORK = "permenpanrb-59-2020"


def _latest_run(con: duckdb.DuckDBPyConnection) -> dict | None:
    row = con.execute(
        """SELECT run_id, started_at, finished_at, status, root, region, assessment_year, extractor_version
           FROM runs WHERE status = 'completed' ORDER BY run_id DESC LIMIT 1"""
    ).fetchone()
    if row is None:
        return None
    keys = ("run_id", "started_at", "finished_at", "status", "root", "region", "assessment_year", "extractor_version")
    return dict(zip(keys, row))


def _document(row: tuple) -> dict:
    (path, opd, extension, size, sha256, fmt, status, error, problems, pages, ocr_pages, ocr_confidence) = row
    flags = [p.code for p in problems_from_json(problems)]
    return {
        "path": path, "opd": opd, "sha256": sha256 or None, "format": fmt, "status": status, "error": error,
        "pages": pages, "ocr_pages": ocr_pages, "ocr_confidence": ocr_confidence,
        "doc_type": None, "number": None, "year": None, "region": None, "signed": None,
        "flags": list(dict.fromkeys(flags)), "indicators": [],
        # additions to v1 (free to add, never to remove):
        "size": size, "extension": extension,
        "problems": [{"code": p.code, "message": p.message} for p in problems_from_json(problems)],
    }


def build_export(con: duckdb.DuckDBPyConnection) -> dict:
    run = _latest_run(con)
    rows = con.execute(
        """SELECT path, opd, extension, size, sha256, format, status, error, problems, pages, ocr_pages, ocr_confidence
           FROM documents ORDER BY path"""
    ).fetchall()
    return {
        "schema": SCHEMA,
        "framework": FRAMEWORK,
        "region": run["region"] if run else None,
        "assessment_year": run["assessment_year"] if run else None,
        "documents": [_document(row) for row in rows],
        "indicators": [],
        "index": {"claimed": None, "evidence": None, "claimed_predicate": None, "evidence_predicate": None},
        "run": {
            "id": run["run_id"], "started_at": run["started_at"].isoformat(), "finished_at": run["finished_at"].isoformat(),
            "root": run["root"], "extractor_version": run["extractor_version"],
        } if run else None,
        "generated_at": datetime.now().isoformat(timespec="seconds"),
    }


def write_json(payload: dict, target: Path) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if str(target) == "-":
        sys.stdout.write(text + "\n")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(target)
