"""The nightly path of bench/scale.py (`--schedule`): `spbe schedule` with its Prefect server running.

A Prefect server is started on a free port (never the default 4200, which another checkout may use),
then one `spbe schedule` per folder with PREFECT_API_URL pointing at it; runs are triggered through
the API (`create_flow_run`), as the scheduler does at 02:00, and timed from the trigger to the flow's
own start (`runs.started_at`: the fixed cost of this path: the runner noticing the run, a flow-run
process importing Prefect and the pipeline) and to its end. The runner polls every second here
(PREFECT_RUNNER_POLL_FREQUENCY=1); a cron run is picked up ahead of its time, so that wait is
not part of a scheduled night.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

from bench import throughput as tp

TRIGGERS = 3
TIMEOUT_S = 600.0


def _api(url: str, path: str, body: dict | None = None, attempts: int = 5) -> dict:
    """One call of the Prefect API; a 503 (its SQLite database busy for a moment) is tried again."""
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(attempts):
        request = urllib.request.Request(url + path, data=data, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
    raise AssertionError("unreachable")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"schedule probe: {what} did not happen in {timeout_s:.0f} s")
        time.sleep(0.2)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _deployment(url: str, name: str) -> str | None:
    try:
        return _api(url, f"/deployments/name/spbe-ingest/{name}")["id"]
    except OSError:
        return None


def _trigger(url: str, deployment: str, db: Path, schedule_pid: int) -> tp.Step:
    """One run through the API, measured from the trigger; the tree of `spbe schedule` is sampled."""
    step = tp.Step("schedule")
    launched = time.time()
    flow_run = _api(url, f"/deployments/{deployment}/create_flow_run", {})["id"]
    peak, state = 0, ""

    def ended() -> bool:
        nonlocal peak, state
        peak = max(peak, tp._tree_rss(schedule_pid))
        state = _api(url, f"/flow_runs/{flow_run}")["state"]["type"]
        return state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")

    _wait(ended, TIMEOUT_S, "the triggered run")
    step.wall_s = time.time() - launched
    step.peak_tree_bytes = peak
    record = _last_run(db)
    if state != "COMPLETED" or not record:
        raise SystemExit(f"schedule probe: run ended {state}")
    step.info["before_flow_s"] = record["started_at"].timestamp() - launched
    step.info["flow_s"] = (record["finished_at"] - record["started_at"]).total_seconds()
    step.info["after_flow_s"] = launched + step.wall_s - record["finished_at"].timestamp()
    step.info["run"] = {k: record.get(k) for k in ("files_seen", "files_hashed", "judgement_from")}
    return step


def _last_run(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("DESCRIBE runs").fetchall()]
        row = con.execute("SELECT * FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
        record = dict(zip(names, row)) if row else {}
        return record if isinstance(record.get("finished_at"), datetime) else {}
    finally:
        con.close()


def measure(work: Path, env: dict, folders: dict[str, tuple[Path, Path]], db: Path, folder: Path, also=None) -> dict:
    """steps `schedule_empty` (and `schedule_unchanged` over `folder` with its database `db`): medians of
    TRIGGERS runs each; then the steps of `also(url)`, measured while the server still runs."""
    folders = {**folders, "schedule_unchanged": (folder, db)}
    with prefect_server(env, work / "logs" / "prefect-server.log") as (url, _):
        return _measure(url, env, folders, work, also)


@contextlib.contextmanager
def prefect_server(env: dict, log: Path):
    """(API URL, process) of a Prefect server started on a free port, answering; stopped at the end."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: _healthy(url), 120, "the Prefect server")
        yield url, server
    finally:
        _stop([server])


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _measure(url: str, env: dict, folders: dict, work: Path, also) -> dict:
    """The runs of `measure` once its server answers: one `spbe schedule` per folder, stopped at the end."""
    logs = work / "logs"
    served: list[subprocess.Popen] = []
    try:
        served_env = {**env, "PREFECT_API_URL": url, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        steps = {}
        for name, (path, path_db) in folders.items():
            served.append(
                subprocess.Popen(
                    [sys.executable, "-m", "spbe.cli", "schedule", str(path), "--db", str(path_db)]
                    + ["--cron", "0 2 * * *", "--year", "2025", "--region", "Kota Sukamaju"],
                    env=served_env,
                    cwd=work,
                    stdout=open(logs / f"{name}.log", "w"),
                    stderr=subprocess.STDOUT,
                )
            )
            deployment = f"malam-{path.name}"
            _wait(lambda: _deployment(url, deployment) is not None, 120, f"deployment {deployment}")
            runs = [_trigger(url, _deployment(url, deployment) or "", path_db, served[-1].pid) for _ in range(TRIGGERS)]
            steps[name] = sorted(runs, key=lambda s: s.wall_s)[len(runs) // 2]
            print(f"  {name:<20}" + " / ".join(f"{s.wall_s:.1f}" for s in runs) + " s", flush=True)
        return {**steps, **(also(url) if also else {})}
    finally:
        _stop(served)
