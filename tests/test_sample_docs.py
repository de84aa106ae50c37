"""The committed sample evidence folder goes through the real flow as its labels say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pipeline import cli

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
LABELS = yaml.safe_load((ROOT / "sample_docs.labels.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory, prefect_backend):
    base = tmp_path_factory.mktemp("sample")
    db, out = base / "sample.duckdb", base / "sample.json"
    args = ["run", str(ROOT / "sample_docs"), "--db", str(db), "--region", LABELS["region"],
            "--year", str(LABELS["assessment_year"]), "--quiet"]
    assert cli.main(args) == 0
    assert cli.main(["export", "--db", str(db), "--json", str(out)]) == 0
    return {doc["path"]: doc for doc in json.loads(out.read_text(encoding="utf-8"))["documents"]}


def test_every_labelled_file_is_exported_once_and_nothing_else(exported):
    assert sorted(exported) == sorted(LABELS["files"])


@pytest.mark.parametrize("path", sorted(LABELS["files"]))
def test_file_outcome_matches_its_label(exported, path):
    label, doc = LABELS["files"][path], exported[path]
    assert doc["status"] == label["status"]
    assert (doc["flags"][0] if doc["flags"] else None) == label["error"]
    assert doc["pages"] == label["pages"]
    assert doc["ocr_pages"] == label["ocr_pages"]
    if label["format"]:
        assert doc["format"] == label["format"]
