"""The accuracy harness's library (pipeline.judge.accuracy): labels of one run or several, and the figures
bench/accuracy.py prints per set. Exports and labels are written here as the dicts they load into."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.judge.accuracy import PRF, LabelledRun, Share, evaluate, evaluate_run, pool, runs_of
from tests.references import REAL

ROOT = Path(__file__).resolve().parents[1]


def doc(path: str, flags=(), levelled=(), candidates=(), **extra) -> dict:
    return {
        "path": path,
        "flags": list(flags),
        "indicators": [{"no": n, "level": 2} for n in levelled],
        "candidate_indicators": [{"no": n, "level": None} for n in candidates],
        **extra,
    }


def export(*docs: dict, indicators=(), evidence_index=None) -> dict:
    return {"documents": list(docs), "indicators": list(indicators), "index": {"evidence": evidence_index}}


def run(files: dict, levels: dict | None = None, region: str | None = "Kota Ternate") -> LabelledRun:
    return LabelledRun(region, 2025, files, levels)


def test_a_sample_labels_file_is_one_run_with_its_region_and_year():
    (only,) = runs_of({"region": "Kota Sukamaju", "assessment_year": 2025, "files": {"a.pdf": {}}})
    assert (only.region, only.year, list(only.files)) == ("Kota Sukamaju", 2025, ["a.pdf"])


def test_runs_take_their_own_region_and_the_sets_year_unless_they_give_one():
    labels = {
        "assessment_year": 2022,
        "runs": [
            {"region": "Kabupaten Batu Bara", "files": {}},
            {"region": "Kota Ternate", "assessment_year": 2025, "files": {}},
        ],
    }
    assert [(r.region, r.year) for r in runs_of(labels)] == [("Kabupaten Batu Bara", 2022), ("Kota Ternate", 2025)]


def test_topical_links_are_indicators_and_candidate_indicators(framework):
    report = evaluate_run(
        export(doc("p.pdf", levelled=[1], candidates=[2, 9])), run({"p.pdf": {"topical": [1, 2]}}), framework
    )
    assert report.topical == PRF(2, 1, 0)


def test_the_levelled_mapping_counts_only_the_indicators_field(framework):
    report = evaluate_run(
        export(doc("p.pdf", levelled=[1], candidates=[2])), run({"p.pdf": {"indicators": {1: 2}}}), framework
    )
    assert report.mapping == PRF(1, 0, 0)


def test_official_results_count_in_no_figure_and_are_reported(framework):
    lhe = doc("lhe.pdf", flags=["other_region"], levelled=[1], doc_type="laporan")
    report = evaluate_run(export(lhe), run({"lhe.pdf": {"role": "official_result", "topical": []}}), framework)
    assert report.mapping == PRF(0, 0, 0) and report.flags["other_region"] == PRF(0, 0, 0)
    assert report.not_evidence and "lhe.pdf: laporan" in report.not_evidence[0]


def test_a_file_whose_flag_hides_its_topic_is_left_out_of_the_topical_figures(framework):
    files = {"old.pdf": {"flags": ["superseded"], "indicators": {}}}
    report = evaluate_run(export(doc("old.pdf", flags=["superseded"], candidates=[1])), run(files), framework)
    assert report.topical == PRF(0, 0, 0)


def test_files_linked_to_an_accepted_indicator_are_counted_against_files_an_assessor_links(framework):
    files = {"a.pdf": {"topical": [1]}, "b.pdf": {"topical": [11]}, "cv.pdf": {"topical": [], "flags": ["irrelevant"]}}
    docs = export(doc("a.pdf", candidates=[1]), doc("b.pdf", candidates=[12]), doc("cv.pdf", flags=["irrelevant"]))
    assert evaluate_run(docs, run(files), framework).linked == Share(1, 2)


def test_valid_files_flagged_irrelevant_or_other_region_are_false_alarms(framework):
    files = {"photo.jpg": {"flags": []}, "cv.pdf": {"flags": ["irrelevant"]}, "own.pdf": {"flags": []}}
    docs = export(doc("photo.jpg", flags=["irrelevant"]), doc("cv.pdf", flags=["irrelevant"]), doc("own.pdf"))
    report = evaluate_run(docs, run(files), framework)
    assert report.false_alarms == Share(1, 2) and report.flags["irrelevant"] == PRF(1, 1, 0)


def test_levels_are_not_labelled_without_indicator_levels(framework):
    report = evaluate_run(export(doc("a.pdf")), run({"a.pdf": {}}), framework)
    assert report.level_exact is None and report.index_error is None and "levels   not labelled" in report.lines()


def test_levels_and_index_are_measured_where_labelled(framework):
    got = export(doc("a.pdf"), indicators=[{"no": 1, "evidence_level": 3}], evidence_index=1.05)
    report = evaluate_run(got, run({"a.pdf": {}}, levels={1: 3, 2: {"level": 2, "reason": "…"}}), framework)
    assert (
        report.level_exact == 0.5
        and report.level_within_one == 0.5
        and report.level_errors == ["indicator 2: got 0, expected 2"]
    )


def test_pool_adds_up_runs_and_keeps_their_levels_apart(framework):
    one = evaluate_run(export(doc("a.pdf", flags=["draft"])), run({"a.pdf": {"flags": ["draft"]}}), framework, name="A")
    two = evaluate_run(export(doc("a.pdf")), run({"a.pdf": {"flags": ["draft"]}}), framework, name="B")
    total = pool("real", [one, two])
    assert total.flags["draft"] == PRF(1, 0, 1) and total.runs == [one, two] and total.name == "real"
    assert any(line.startswith("B: draft: missed a.pdf") for line in total.details())


def test_evaluate_reads_a_sample_shaped_labels_file(framework):
    labels = {
        "region": "Kota X",
        "assessment_year": 2025,
        "files": {"a.pdf": {"indicators": {1: 2}}},
        "indicator_levels": {1: 2},
    }
    got = export(doc("a.pdf", levelled=[1]), indicators=[{"no": 1, "evidence_level": 2}])
    report = evaluate(got, labels, framework)
    assert report.mapping == PRF(1, 0, 0) and report.level_exact == 1.0


def test_the_real_labels_name_every_real_document_and_only_those():
    assert REAL.is_dir(), f"real documents missing: {REAL} (set SPBE_REAL_DOCS)"
    labels = yaml.safe_load((ROOT / "bench" / "real.labels.yaml").read_text(encoding="utf-8"))
    labelled = {path for r in runs_of(labels) for path in r.files}
    assert labelled == {p.name for p in REAL.iterdir() if p.is_file() and p.name != "README.md"}
