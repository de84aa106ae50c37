"""The JSON export, contract `spbe-evidence/1` (documented in README.md).

Field names are a public contract: add fields freely, never rename or remove.
Judgement fields (document type, number, indicators, index, ...) stay empty
until the judgement stage fills them; failure flags are set from extraction.

A NIK or NIP in a file name is shown as "[NIK]"/"[NIP]" in every path and message of the export,
as in text (`redact_name`); `path_redacted` marks the documents whose `path` is therefore not the
literal file path (`sha256` still identifies the content).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.outputs.justification import drafts
from pipeline.outputs.official import add_official
from pipeline.privacy.personal_data import redact_name, shipped_rules
from pipeline.rules import PersonalDataRules, framework_for_year, load_common
from pipeline.store.codec import problems_from_json

SCHEMA = "spbe-evidence/1"
FRAMEWORK = "permenpanrb-59-2020"


def latest_run(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The latest completed run (the one exports, reports and the review page show)."""
    row = con.execute(
        """SELECT run_id, started_at, finished_at, status, root, region, assessment_year, extractor_version
           FROM runs WHERE status = 'completed' ORDER BY run_id DESC LIMIT 1"""
    ).fetchone()
    if row is None:
        return None
    keys = ("run_id", "started_at", "finished_at", "status", "root", "region", "assessment_year", "extractor_version")
    return dict(zip(keys, row))


def _judgement_by_path(con: duckdb.DuckDBPyConnection, run_id: int | None) -> tuple[dict, dict, dict]:
    facts: dict[str, dict] = {}
    flags: dict[str, list] = {}
    matches: dict[str, list] = {}
    if run_id is None:
        return facts, flags, matches
    for path, doc_type, number, year, region, signed, enacted, title, counts in con.execute(
        "SELECT path, doc_type, number, year, region, signed, enacted, title, counts FROM doc_facts WHERE run_id = ?",
        [run_id],
    ).fetchall():
        facts[path] = {
            "doc_type": doc_type,
            "number": number,
            "year": year,
            "region": region,
            "signed": signed,
            "enacted": enacted.isoformat() if enacted else None,
            "title": title,
            "counts": counts,
        }
    for path, code, message in con.execute(
        "SELECT path, code, message FROM doc_flags WHERE run_id = ? ORDER BY path, code", [run_id]
    ).fetchall():
        flags.setdefault(path, []).append({"code": code, "message": message})
    for path, no, level, score, rule, phrase, page, snippet, found_in, reason in con.execute(
        """SELECT path, indicator, level, score, rule, phrase, page, snippet, found_in, reason FROM doc_matches
           WHERE run_id = ? ORDER BY path, indicator""",
        [run_id],
    ).fetchall():
        matches.setdefault(path, []).append(
            {
                "no": no,
                "level": level,
                "score": score,
                "rule": rule,
                "page": page,
                "snippet": snippet,
                "phrase": phrase,
                "found_in": found_in,
                "reason": reason,
            }
        )
    return facts, flags, matches


def _shown(text: str | None, rules: PersonalDataRules) -> str | None:
    """A path or a message as the export shows it: NIK and NIP in file names replaced."""
    return None if text is None else redact_name(text, rules)


def _document(row: tuple, facts: dict, judged_flags: list[dict], matches: list[dict], rules: PersonalDataRules) -> dict:
    (path, opd, extension, size, sha256, fmt, status, error, problems, pages, ocr_pages, ocr_confidence) = row
    problems = problems_from_json(problems)
    flags = [p.code for p in problems] + [f["code"] for f in judged_flags]
    shown_path = redact_name(path, rules)
    matches = [{**m, "snippet": _shown(m["snippet"], rules)} for m in matches]
    return {
        "path": shown_path,
        "opd": _shown(opd, rules),
        "sha256": sha256 or None,
        "format": fmt,
        "status": status,
        "error": _shown(error, rules),
        "pages": pages,
        "ocr_pages": ocr_pages,
        "ocr_confidence": ocr_confidence,
        "doc_type": facts.get("doc_type"),
        "number": facts.get("number"),
        "year": facts.get("year"),
        "region": facts.get("region"),
        "signed": facts.get("signed"),
        "flags": list(dict.fromkeys(flags)),
        "indicators": [m for m in matches if m["level"] is not None],
        # additions to v1 (free to add, never to remove):
        "size": size,
        "extension": extension,
        "title": _shown(facts.get("title"), rules),
        "enacted": facts.get("enacted"),
        "counts_as_evidence": facts.get("counts", False),
        "candidate_indicators": [m for m in matches if m["level"] is None],
        "problems": [
            {"code": p["code"], "message": _shown(p["message"], rules)}
            for p in [{"code": p.code, "message": p.message} for p in problems] + judged_flags
        ],
        "path_redacted": shown_path != path,
    }


def _framework(con: duckdb.DuckDBPyConnection, run_id: int | None) -> str:
    row = con.execute("SELECT any_value(framework) FROM indicator_results WHERE run_id = ?", [run_id]).fetchone()
    return row[0] if row and row[0] else FRAMEWORK


def _indicators(con: duckdb.DuckDBPyConnection, run_id: int | None, rules: PersonalDataRules) -> list[dict]:
    if run_id is None:
        return []
    rows = con.execute(
        """SELECT indicator, name, claimed_level, evidence_level, status, flags, evidence, reason, next_step
           FROM indicator_results WHERE run_id = ? ORDER BY indicator""",
        [run_id],
    ).fetchall()
    return [
        {
            "no": no,
            "name": name,
            "claimed_level": claimed,
            "evidence_level": level,
            "status": status,
            "flags": json.loads(flags),
            "evidence": [redact_name(path, rules) for path in json.loads(evidence)],
            "reason": _shown(reason, rules),
            "next_step": _shown(next_step, rules),
        }
        for no, name, claimed, level, status, flags, evidence, reason, next_step in rows
    ]


def _index(con: duckdb.DuckDBPyConnection, run_id: int | None) -> dict:
    index: dict[str, Any] = {
        "claimed": None,
        "evidence": None,
        "claimed_predicate": None,
        "evidence_predicate": None,
        "aspects": {},
        "domains": {},
    }
    if run_id is None:
        return index
    for basis, scope, key, value, predicate in con.execute(
        "SELECT basis, scope, id, value, predicate FROM index_results WHERE run_id = ? ORDER BY scope, id", [run_id]
    ).fetchall():
        if scope == "total":
            index[basis] = round(value, 2)
            index[f"{basis}_predicate"] = predicate
        else:
            index[f"{scope}s"].setdefault(key, {})[basis] = round(value, 2)
    return index


def build_export(con: duckdb.DuckDBPyConnection) -> dict:
    rules = shipped_rules()
    run = latest_run(con)
    run_id = run["run_id"] if run else None
    facts, flags, matches = _judgement_by_path(con, run_id)
    rows = con.execute(
        """SELECT path, opd, extension, size, sha256, format, status, error, problems, pages, ocr_pages, ocr_confidence
           FROM documents ORDER BY path"""
    ).fetchall()
    export = _with_justifications(
        {
            "schema": SCHEMA,
            "framework": _framework(con, run_id),
            "region": run["region"] if run else None,
            "assessment_year": run["assessment_year"] if run else None,
            "documents": [
                _document(row, facts.get(row[0], {}), flags.get(row[0], []), matches.get(row[0], []), rules)
                for row in rows
            ],
            "indicators": _indicators(con, run_id, rules),
            "index": _index(con, run_id),
            "run": {
                "id": run["run_id"],
                "started_at": run["started_at"].isoformat(),
                "finished_at": run["finished_at"].isoformat(),
                "root": redact_name(run["root"], rules),
                "extractor_version": run["extractor_version"],
            }
            if run
            else None,
            "generated_at": datetime.now().isoformat(timespec="seconds"),
        }
    )
    add_official(con, export)  # the LHEs loaded by `spbe lhe`, beside the evidence (additions)
    return export


def _with_justifications(payload: dict) -> dict:
    """Each indicator's penjelasan draft (`indicators[].justification`), written from the exported facts."""
    if payload["indicators"]:
        year = payload["assessment_year"] or datetime.now().year
        texts = drafts(payload, framework_for_year(year), load_common())
        for indicator in payload["indicators"]:
            indicator["justification"] = texts.get(indicator["no"])
    return payload


def write_json(payload: dict, target: Path) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if str(target) == "-":
        sys.stdout.write(text + "\n")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(target)
