"""The second sample folder (bench/second_sample/): written the same way every time, every file labelled,
and labels that pipeline/judge/accuracy.py can score. The pipeline's figures on it are measured by
bench/accuracy.py, never asserted here."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
import yaml

from bench.second_sample import build, claims_path, labels_path
from bench.second_sample.catalog import REAL_OTHER_REGION, specs
from bench.second_sample.common import ASSESSMENT_YEAR, REGION
from pipeline.judge.accuracy import FLAG_NAMES, as_labels, evaluate, runs_of
from pipeline.judge.claims import read_claims
from pipeline.judge.scoring import spbe_index
from pipeline.rules import framework_for_year


@pytest.fixture(scope="module")
def fake_real(tmp_path_factory) -> Path:
    """Stands in for ../shared/real: the test does not depend on the shared folder."""
    real = tmp_path_factory.mktemp("real")
    (real / REAL_OTHER_REGION).write_bytes(b"%PDF-1.4\n% a real other-region Perbup stands here\n")
    return real


@pytest.fixture(scope="module")
def folder(tmp_path_factory, fake_real) -> Path:
    return build(tmp_path_factory.mktemp("first") / "second_sample", fake_real)


@pytest.fixture(scope="module")
def labels(folder) -> dict:
    return yaml.safe_load(labels_path(folder).read_text(encoding="utf-8"))


def _digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_every_file_in_the_folder_is_labelled_and_every_labelled_file_exists(folder, labels):
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert written == set(labels["files"])
    assert 25 <= len(written) <= 40


def test_building_twice_writes_the_same_bytes_labels_and_claims(folder, fake_real, tmp_path):
    again = build(tmp_path / "second_sample", fake_real)
    assert _digests(again) == _digests(folder)
    assert labels_path(again).read_text(encoding="utf-8") == labels_path(folder).read_text(encoding="utf-8")
    assert claims_path(again).read_text(encoding="utf-8") == claims_path(folder).read_text(encoding="utf-8")


def test_building_into_a_folder_that_holds_files_is_refused(folder):
    with pytest.raises(FileExistsError):
        build(folder)


def test_the_labels_are_one_run_of_the_kabupaten_with_every_indicator_levelled(labels):
    (run,) = runs_of(as_labels(labels))
    assert (run.region, run.year) == (REGION, ASSESSMENT_YEAR)
    assert set(run.indicator_levels) == set(range(1, 48))
    assert all(0 <= v["level"] <= 5 and v["reason"] for v in run.indicator_levels.values())


def test_every_file_label_names_known_flags_and_levels(labels):
    for path, label in labels["files"].items():
        assert set(label["flags"]) <= set(FLAG_NAMES), path
        assert all(1 <= n <= 47 and 1 <= lv <= 5 for n, lv in label["indicators"].items()), path
        assert all(1 <= n <= 47 for n in label.get("topical", [])), path


def _export_agreeing_with(labels: dict) -> dict:
    """The export a judgement identical to the labels would write."""
    documents = []
    for path, label in labels["files"].items():
        linked = set(label["indicators"])
        candidates = set(label.get("topical", linked)) - linked
        documents.append(
            {
                "path": path,
                "flags": label["flags"],
                "indicators": [{"no": n} for n in sorted(linked)],
                "candidate_indicators": [{"no": n} for n in sorted(candidates)],
            }
        )
    truth = {n: v["level"] for n, v in labels["indicator_levels"].items()}
    framework = framework_for_year(labels["assessment_year"])
    return {
        "documents": documents,
        "indicators": [{"no": n, "evidence_level": lv} for n, lv in truth.items()],
        "index": {"evidence": round(spbe_index(truth, framework).value, 2)},
    }


def test_a_judgement_that_agrees_with_the_labels_scores_perfectly(labels):
    report = evaluate(_export_agreeing_with(labels), labels, framework_for_year(labels["assessment_year"]))
    assert (report.mapping.precision, report.mapping.recall) == (1.0, 1.0)
    assert (report.topical.precision, report.topical.recall) == (1.0, 1.0)
    assert all(prf.f1 == 1.0 for prf in report.flags.values() if prf.tp + prf.fp + prf.fn)
    assert report.level_exact == 1.0 and report.index_error == 0


def test_the_folder_holds_the_cases_issue_12_names(labels):
    flags = {f for label in labels["files"].values() for f in label["flags"]}
    assert {"draft", "other_region", "stale", "superseded", "unreadable", "duplicate", "irrelevant"} <= flags
    copies = [p for p in labels["files"] if p.endswith("Perbup_40_Tahun_2021_SPBE.pdf")]
    assert len(copies) == 2 and all(labels["files"][p]["flags"] == [] for p in copies)


def test_the_claims_are_readable_and_cite_files_of_the_folder(folder):
    names = {p.name for p in folder.rglob("*") if p.is_file()}
    with claims_path(folder).open(encoding="utf-8", newline="") as fh:
        cited = {name for row in csv.DictReader(fh) for name in row["eviden"].split(";")}
    assert read_claims(claims_path(folder)) and cited <= names


def test_without_the_real_documents_the_other_region_copy_is_left_out(fake_real):
    assert not any("Pakpak" in s.path for s in specs(None))
    assert any("Pakpak" in s.path for s in specs(fake_real))
