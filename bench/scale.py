"""The province scenario of bench/throughput.py (`--scale N`): a folder of N documents overnight.

    .venv/bin/python bench/throughput.py --scale 10000 [--scale-scans 40] [--changed-share 0.01]
                                         [--repeat 3] [--baseline-rev REV] [--schedule] [--json FILE]

N one-page text PDFs in 20 unit folders, `--scale-scans` of them scanned (bench/scale_corpus.py), and
an empty folder. Measured one after the other in one run, each `spbe run` a child process:

    warmup      empty folder, first run on this PREFECT_HOME (Prefect's database); not counted
    cold        a new database
    unchanged   the same folder again (`--repeat` times, median), alternating with
    empty       an empty folder whose database holds a run already (a nightly run, as `unchanged`): the
                fixed cost (median)
    changed     after `--changed-share` of the documents were rewritten with new content
    verify      `spbe run --verify` with nothing changed: every byte hashed again (the weekly check)
    baseline_*  with `--baseline-rev`: the same cold, unchanged, changed and empty runs by the code of that
                git revision (extracted with `git archive` into the work dir; the repository is not
                touched), over a hard-linked copy of the folder made before any run and changed the same
                way: today's figures, side by side
    schedule_*  with `--schedule`: the nightly path, `spbe schedule` with its Prefect server running;
                a run triggered through the API over the empty and the unchanged folder
    served_*    with `--schedule`: `spbe run` from the command line while that server runs
                (PREFECT_API_URL set, as on a machine that keeps a Prefect server): the unchanged and
                empty folders, `--repeat` times alternating (medians). Without a server, `spbe run`
                starts its own for the run, and that start-up is most of an unchanged night

Per step: wall time, CPU, the peak RSS of the `spbe run` process itself (VmHWM) and of its process
tree (sampled), and, from the run's own records, the time before the flow started its run (start-up:
interpreter, imports, Prefect's local server, checks), the flow, and the time after it (shutdown).
Exports are compared field by field, leaving out only the run's id, times and root: the unchanged run's
with the cold run's, and the baseline's cold and changed runs' with ours (a document read by OCR is
marked: another revision's OCR may read a scan differently).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import scale_corpus
from bench import throughput as tp

ROOT = Path(__file__).resolve().parents[1]
UNCHANGED_WORK_S = 2.0  # unchanged - empty
UNCHANGED_VS_TODAY = 0.25
TODAY = {"cold_s": 59.0, "unchanged_s": 18.0, "process_bytes": 1.0 * tp.GIB}  # issue 15, same kind of machine
PROCESS_BYTES = 512 * 2**20
TREE_BYTES = tp.GIB
RUN_FIELDS = ("id", "started_at", "finished_at", "root")


def _run_record(db: Path) -> dict:
    """The latest run's own record: when its flow started and finished, and what it counted."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("DESCRIBE runs").fetchall()]
        row = con.execute("SELECT * FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
        return dict(zip(names, row)) if row else {}
    finally:
        con.close()


class Runner:
    """Runs and measures `spbe run` (this checkout's or a baseline's) and exports."""

    def __init__(self, work: Path, env: dict, python: str, cwd: Path):
        self.work, self.env, self.python, self.cwd = work, env, python, cwd
        self.logs = work / "logs"
        self.logs.mkdir(exist_ok=True)

    def run(self, name: str, folder: Path, db: Path, *extra: str) -> tp.Step:
        cmd = [self.python, "-m", "spbe.cli", "run", str(folder), "--db", str(db), "--quiet"]
        cmd += ["--year", "2025", "--region", "Kota Sukamaju", *extra]
        launched = time.time()
        step = tp.measure(name, cmd, env=self.env, cwd=self.cwd, log=self.logs / f"{name}.log")
        record = _run_record(db)
        started, finished = record.get("started_at"), record.get("finished_at")
        if isinstance(started, datetime) and isinstance(finished, datetime):
            step.info["before_flow_s"] = started.timestamp() - launched
            step.info["flow_s"] = (finished - started).total_seconds()
            step.info["after_flow_s"] = launched + step.wall_s - finished.timestamp()
        keys = ("files_seen", "files_extracted", "files_hashed", "bytes_hashed", "judgement_from", "ocr_pages")
        step.info["run"] = {k: record.get(k) for k in keys}
        print(
            f"  {name:<20}{step.wall_s:7.1f} s  proc {tp._mib(step.peak_main_bytes):>5} MiB  "
            f"tree {tp._mib(step.peak_tree_bytes):>5} MiB  {step.info['run']}",
            flush=True,
        )
        return step

    def export(self, db: Path, name: str) -> dict:
        target = self.work / f"{name}.json"
        subprocess.run(
            [self.python, "-m", "spbe.cli", "export", "--db", str(db), "--json", str(target)],
            env=self.env,
            cwd=self.cwd,
            check=True,
            capture_output=True,
        )
        return json.loads(target.read_text(encoding="utf-8"))


def comparable(export: dict) -> dict:
    """An export without what differs between two runs over the same inputs: the run's id, times, root."""
    run = {k: v for k, v in (export.get("run") or {}).items() if k not in RUN_FIELDS}
    return {**{k: v for k, v in export.items() if k not in ("run", "generated_at")}, "run": run}


def differences(a: dict, b: dict) -> list[str]:
    """What differs: top-level fields by name, documents by path (marked "OCR" when either export read
    the document by OCR: another revision's OCR may read a scan differently)."""
    a, b = comparable(a), comparable(b)
    found = [k for k in sorted(set(a) | set(b)) if k not in ("documents", "run") and a.get(k) != b.get(k)]
    found += [f"run.{k}" for k in sorted(set(a["run"]) | set(b["run"])) if a["run"].get(k) != b["run"].get(k)]
    docs_a = {d["path"]: d for d in a.get("documents", [])}
    docs_b = {d["path"]: d for d in b.get("documents", [])}
    for path in sorted(set(docs_a) | set(docs_b)):
        one, other = docs_a.get(path), docs_b.get(path)
        if one != other:
            ocr = any(d and d.get("ocr_pages") for d in (one, other))
            found.append(f"documents[{path}]{' OCR' if ocr else ''}")
    return found


def baseline_checkout(rev: str, target: Path) -> Path:
    """The code of `rev` in `target` (git archive | tar: reads the repository, changes nothing)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _median(steps: list[tp.Step]) -> tp.Step:
    return sorted(steps, key=lambda s: s.wall_s)[len(steps) // 2]


def measure_scale(args, work: Path, env: dict) -> dict:
    """Every step of the scenario; returns the steps, ratios and checks (also printed as a table)."""
    n, nproc = args.scale, len(os.sched_getaffinity(0))
    folder, empty = work / "province", work / "empty"
    empty.mkdir()
    started = time.perf_counter()
    items = scale_corpus.plan(n, args.scale_scans, args.seed)
    scale_corpus.build(folder, items, processes=nproc)
    if args.baseline_rev:  # before any run: a link changes the ctime of the files it links
        scale_corpus.link_tree(folder, work / "province-baseline")
    print(f"corpus: {n} documents ({args.scale_scans} scanned) in {time.perf_counter() - started:.1f} s", flush=True)
    ours = Runner(work, env, sys.executable, ROOT)
    steps: dict[str, tp.Step] = {"warmup": ours.run("warmup", empty, work / "empty.duckdb")}
    db = work / "province.duckdb"
    steps["cold"] = ours.run("cold", folder, db)
    cold_export = ours.export(db, "cold")
    repeats: dict[str, list[tp.Step]] = {"unchanged": [], "empty": []}
    for number in range(args.repeat):
        repeats["unchanged"].append(ours.run(f"unchanged_{number}", folder, db))
        repeats["empty"].append(ours.run(f"empty_{number}", empty, work / "empty.duckdb"))
    steps["unchanged"], steps["empty"] = _median(repeats["unchanged"]), _median(repeats["empty"])
    unchanged_export = ours.export(db, "unchanged")
    changed = scale_corpus.change(folder, items, args.changed_share, args.seed)
    steps["changed"] = ours.run("changed", folder, db)
    steps["changed"].info["rewritten"] = len(changed)
    changed_export = ours.export(db, "changed")
    steps["verify"] = ours.run("verify", folder, db, "--verify")
    exports = {"unchanged_vs_cold": differences(cold_export, unchanged_export)}
    if args.baseline_rev:
        steps.update(measure_baseline(args, work, env, exports, {"cold": cold_export, "changed": changed_export}))
    if args.schedule:
        steps.update(measure_schedule(work, env, folder, db, empty, args.repeat))
    return report(args, steps, repeats, exports)


def measure_baseline(args, work: Path, env: dict, exports: dict, ours: dict[str, dict]) -> dict[str, tp.Step]:
    """Today's code over the same folder, the same change made to its copy; exports compared with ours."""
    code = baseline_checkout(args.baseline_rev, work / "baseline-code")
    base = Runner(work, {**env, "PYTHONPATH": str(code)}, sys.executable, code)
    folder, db = work / "province-baseline", work / "baseline.duckdb"
    steps = {"baseline_cold": base.run("baseline_cold", folder, db)}
    exports["baseline_cold_vs_cold"] = differences(base.export(db, "baseline_cold"), ours["cold"])
    steps["baseline_unchanged"] = base.run("baseline_unchanged", folder, db)
    items = scale_corpus.plan(args.scale, args.scale_scans, args.seed)
    scale_corpus.change(folder, items, args.changed_share, args.seed)
    steps["baseline_changed"] = base.run("baseline_changed", folder, db)
    exports["baseline_changed_vs_changed"] = differences(base.export(db, "baseline_changed"), ours["changed"])
    base.run("baseline_empty_first", work / "empty", work / "baseline-empty.duckdb")
    steps["baseline_empty"] = base.run("baseline_empty", work / "empty", work / "baseline-empty.duckdb")
    return steps


def measure_schedule(work: Path, env: dict, folder: Path, db: Path, empty: Path, repeat: int = 3) -> dict[str, tp.Step]:
    """The nightly path: a Prefect server and `spbe schedule` already running; one run triggered through
    the API over each folder, timed from the trigger to the run's end as the run records it."""
    from bench import schedule_probe

    def served(url: str) -> dict[str, tp.Step]:
        runner = Runner(work, {**env, "PREFECT_API_URL": url}, sys.executable, ROOT)
        runs: dict[str, list[tp.Step]] = {"served_unchanged": [], "served_empty": []}
        for number in range(repeat):
            runs["served_unchanged"].append(runner.run(f"served_unchanged_{number}", folder, db))
            runs["served_empty"].append(runner.run(f"served_empty_{number}", empty, work / "empty.duckdb"))
        return {name: _median(steps) for name, steps in runs.items()}

    sched = {"schedule_empty": (empty, work / "sched-empty.duckdb")}
    return schedule_probe.measure(work, env, sched, db, folder, also=served)


def report(args, steps: dict[str, tp.Step], repeats: dict, exports: dict) -> dict:
    cold, unchanged, empty, changed = steps["cold"], steps["unchanged"], steps["empty"], steps["changed"]
    today_unchanged = steps["baseline_unchanged"].wall_s if "baseline_unchanged" in steps else TODAY["unchanged_s"]
    counted = [s for k, s in steps.items() if k != "warmup" and not k.startswith(("baseline", "schedule"))]
    ratios = {
        "unchanged_minus_empty_s": unchanged.wall_s - empty.wall_s,
        "unchanged_vs_today": unchanged.wall_s / today_unchanged,
        "unchanged_vs_cold": unchanged.wall_s / cold.wall_s,
        "changed_vs_cold": changed.wall_s / cold.wall_s,
        "changed_minus_empty_s": changed.wall_s - empty.wall_s,
        "peak_process_bytes": max(s.peak_main_bytes for s in counted),
        "peak_tree_bytes": max(s.peak_tree_bytes for s in counted),
        "unchanged_walls_s": [s.wall_s for s in repeats["unchanged"]],
        "empty_walls_s": [s.wall_s for s in repeats["empty"]],
        "today_unchanged_s": today_unchanged,
    }
    for path in ("schedule", "served"):  # the nightly path; `spbe run` beside a running Prefect server
        if f"{path}_unchanged" in steps:
            ratios[f"{path}_unchanged_vs_today"] = steps[f"{path}_unchanged"].wall_s / today_unchanged
    checks = {
        "unchanged_minus_empty": ratios["unchanged_minus_empty_s"] <= UNCHANGED_WORK_S,
        "unchanged_vs_today": ratios["unchanged_vs_today"] <= UNCHANGED_VS_TODAY,
        "peak_process": ratios["peak_process_bytes"] <= PROCESS_BYTES,
        "peak_tree": ratios["peak_tree_bytes"] <= TREE_BYTES,
        **{f"export_{k}": not v for k, v in exports.items()},
    }
    print_table(args, steps, ratios, checks, exports)
    return {"steps": steps, "ratios": ratios, "checks": checks, "exports": exports}


def print_table(args, steps: dict[str, tp.Step], ratios: dict, checks: dict, exports: dict) -> None:
    print()
    print(f"{'step':<20}{'wall s':>8}{'cpu s':>8}{'before':>8}{'flow':>8}{'after':>7}{'proc MiB':>10}{'tree MiB':>10}")
    for name, s in steps.items():
        cells = [f"{s.info[k]:>8.1f}" if k in s.info else f"{'':>8}" for k in ("before_flow_s", "flow_s")]
        after = f"{s.info['after_flow_s']:>7.1f}" if "after_flow_s" in s.info else f"{'':>7}"
        print(
            f"{name:<20}{s.wall_s:>8.1f}{s.cpu_s:>8.1f}{''.join(cells)}{after}"
            f"{tp._mib(s.peak_main_bytes):>10}{tp._mib(s.peak_tree_bytes):>10}  {s.info.get('run', '')}"
        )
    print()
    today = "baseline_unchanged" if "baseline_unchanged" in steps else "issue 15's 18 s"
    rows = [
        ("unchanged - empty", f"{ratios['unchanged_minus_empty_s']:.2f} s", f"<= {UNCHANGED_WORK_S} s"),
        (f"unchanged / today ({today})", f"{ratios['unchanged_vs_today']:.0%}", f"<= {UNCHANGED_VS_TODAY:.0%}"),
        ("unchanged / cold", f"{ratios['unchanged_vs_cold']:.1%}", ""),
        (f"{args.changed_share:.0%} changed / cold", f"{ratios['changed_vs_cold']:.1%}", ""),
        ("peak RSS, spbe run process", f"{tp._mib(ratios['peak_process_bytes'])} MiB", "<= 512 MiB"),
        ("peak RSS, process tree", f"{tp._mib(ratios['peak_tree_bytes'])} MiB", "<= 1024 MiB"),
    ]
    keys = ["unchanged_minus_empty", "unchanged_vs_today", None, None, "peak_process", "peak_tree"]
    for path, label in (("schedule", "nightly path (spbe schedule)"), ("served", "spbe run, Prefect server running")):
        if f"{path}_unchanged_vs_today" in ratios:
            rows.append((f"unchanged / today, {label}", f"{ratios[f'{path}_unchanged_vs_today']:.0%}", ""))
            keys.append(None)
    for (label, value, target), key in zip(rows, keys):
        mark = "" if key is None else tp._mark(checks[key])
        print(f"{label:<46}{value:>12}  {target:<12}{mark}")
    for name, found in exports.items():
        ocr = sum(1 for f in found if f.endswith(" OCR"))
        shown = (
            "identical" if not found else f"{len(found)} differ ({ocr} documents read by OCR): {', '.join(found[:3])}"
        )
        print(f"{'export ' + name:<46}{shown:>12}  {'identical':<12}{tp._mark(not found)}")
