"""Accuracy harness: run the pipeline on labelled evidence folders and print, for each set separately,
how well it judges.

    .venv/bin/python bench/accuracy.py [--details] [--sets sample,real,second] [--real DIR]
                                        [--folder DIR --labels FILE [--claims FILE]] ...

Sets: `sample` (sample_docs/ with sample_docs.labels.yaml and sample_docs.claims.csv), `real` (the
real public documents of ../shared/real/, or $SPBE_REAL_DOCS, or --real, with bench/real.labels.yaml),
`second` (the second sample folder, Kabupaten Banjarnegara, whose wording comes from the official texts
and real documents: written by bench/second_sample/ into a throw-away folder on each run, with its labels
and claims) and every --folder/--labels pair given (with --claims in the same order, optional). A labels file
with `runs:` is judged run by run, each on a throw-away folder holding copies of its files, with its
own region (the region of a run is configuration); a one-run labels file is judged on its folder as
it is. Per set: mapping precision/recall (levelled links, and topical links = indicators +
candidate_indicators), per-flag precision/recall/F1, files linked to an indicator an assessor
accepts, valid files flagged irrelevant/other_region, level accuracy and index error where labelled,
and what became of files that are no evidence (official results). With --details, every
disagreement. Uses throw-away DuckDB files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.references import REAL  # noqa: E402


@dataclass(frozen=True)
class LabelledSet:
    name: str
    folder: Path
    labels: Path
    claims: Path | None = None


def _second(real: Path, scratch: Path) -> LabelledSet:
    """The second sample, generated into `scratch` (deterministic: the same bytes every run)."""
    from bench.second_sample import build, claims_path, labels_path

    folder = build(scratch / "second_sample", real if real.is_dir() else None)
    return LabelledSet("second sample (Kabupaten Banjarnegara)", folder, labels_path(folder), claims_path(folder))


def _sets(args: argparse.Namespace, scratch: Path) -> list[LabelledSet]:
    chosen = {s.strip() for s in args.sets.split(",") if s.strip()}
    sets = []
    if "sample" in chosen:
        sets.append(
            LabelledSet(
                "sample_docs", ROOT / "sample_docs", ROOT / "sample_docs.labels.yaml", ROOT / "sample_docs.claims.csv"
            )
        )
    if "real" in chosen:
        if args.real.is_dir():
            sets.append(LabelledSet(f"real ({args.real})", args.real, ROOT / "bench" / "real.labels.yaml"))
        else:
            print(f"real: {args.real} not found (set SPBE_REAL_DOCS or --real); skipped", file=sys.stderr)
    if "second" in chosen:
        sets.append(_second(args.real, scratch))
    if len(args.folder) != len(args.labels) or len(args.claims) > len(args.folder):
        raise SystemExit("give --folder and --labels in pairs (and at most one --claims per pair)")
    for i, (folder, labels) in enumerate(zip(args.folder, args.labels)):
        claims = args.claims[i] if i < len(args.claims) else None
        sets.append(LabelledSet(str(folder), folder, labels, claims))
    return sets


def _quietly(argv: list[str]) -> int:
    """Run one `spbe` command in its own process (Prefect's local server lives and ends with it), its
    output kept back and shown only when it fails."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    done = subprocess.run([sys.executable, "-m", "spbe.cli", *argv], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
    return done.returncode


def _copies(folder: Path, paths: list[str], target: Path) -> Path:
    """A folder holding copies of the run's files (same relative paths)."""
    for rel in paths:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / rel, dest)
    return target


def _judge_set(labelled: LabelledSet, tmp: Path):
    """The set's pooled report: every run of its labels judged and measured."""
    from pipeline.judge.accuracy import as_labels, evaluate_run, pool, runs_of
    from pipeline.judge.claims import read_claims
    from pipeline.rules import framework_for_year

    data = as_labels(yaml.safe_load(labelled.labels.read_text(encoding="utf-8")))
    runs = runs_of(data)
    db = tmp / "acc.duckdb"  # one database per set: a file already read is not read again in the next run
    reports = []
    for i, run in enumerate(runs):
        folder = labelled.folder if "runs" not in data else _copies(labelled.folder, list(run.files), tmp / f"run{i}")
        argv = ["run", str(folder), "--db", str(db), "--year", str(run.year), "--quiet"]
        argv += ["--region", run.region] if run.region else []
        claims = labelled.claims if labelled.claims and len(runs) == 1 else None
        argv += ["--claims", str(claims)] if claims else []
        out = tmp / f"run{i}.json"
        if _quietly(argv) != 0 or _quietly(["export", "--db", str(db), "--json", str(out)]) != 0:
            raise SystemExit(f"{labelled.name}: the run for {run.region or 'no region'} failed")
        export = json.loads(out.read_text(encoding="utf-8"))
        levels = {n: c.level for n, c in read_claims(claims).items()} if claims else None
        name = (run.region or "") if len(runs) > 1 else ""
        reports.append(evaluate_run(export, run, framework_for_year(run.year), levels, name=name))
    return pool(labelled.name, reports), len(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets", default="sample,real,second", help="built-in sets to run: sample, real, second (comma-separated)"
    )
    parser.add_argument("--real", type=Path, default=REAL, help="folder of the real documents")
    parser.add_argument("--folder", type=Path, action="append", default=[], help="another labelled folder")
    parser.add_argument("--labels", type=Path, action="append", default=[], help="its labels (same order)")
    parser.add_argument("--claims", type=Path, action="append", default=[], help="its self-assessment (optional)")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for labelled in _sets(args, Path(scratch)):
            with tempfile.TemporaryDirectory() as tmp:
                report, runs = _judge_set(labelled, Path(tmp))
            print(f"== {labelled.name} ({runs} run{'s' if runs > 1 else ''})")
            print("\n".join(report.lines()))
            if args.details:
                print("\n".join(report.details()))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
