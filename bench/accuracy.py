"""Accuracy harness: run the pipeline on a labelled evidence folder and print how well it judges.

    .venv/bin/python bench/accuracy.py [--folder sample_docs] [--labels sample_docs.labels.yaml]
                                        [--claims sample_docs.claims.csv] [--details]

Prints mapping precision/recall, per-flag precision/recall/F1, level accuracy
and index error; with --details, every disagreement. Uses a throw-away DuckDB.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=ROOT / "sample_docs")
    parser.add_argument("--labels", type=Path, default=ROOT / "sample_docs.labels.yaml")
    parser.add_argument("--claims", type=Path, default=ROOT / "sample_docs.claims.csv")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()

    from pipeline.judge.accuracy import evaluate
    from pipeline.judge.claims import read_claims
    from pipeline.rules import framework_for_year
    from spbe import cli

    labels = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "acc.duckdb", Path(tmp) / "acc.json"
        run = [
            "run",
            str(args.folder),
            "--db",
            str(db),
            "--region",
            labels["region"],
            "--year",
            str(labels["assessment_year"]),
            "--claims",
            str(args.claims),
            "--quiet",
        ]
        if cli.main(run) != 0 or cli.main(["export", "--db", str(db), "--json", str(out)]) != 0:
            return 1
        export = json.loads(out.read_text(encoding="utf-8"))
    claims = {n: c.level for n, c in read_claims(args.claims).items()}
    report = evaluate(export, labels, framework_for_year(labels["assessment_year"]), claims)
    print("\n".join(report.lines()))
    if args.details:
        print("\n".join(report.mapping_errors + report.flag_errors + report.level_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
