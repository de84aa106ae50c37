"""No process outlives the run that started it (issue 13): a real `spbe run` killed during OCR, with
SIGKILL (as the out-of-memory killer does) or SIGTERM (as a service manager does), leaves nothing of
its tree behind: the local Prefect server, the forkserver, the workers, the resource tracker and
Tesseract. A process that used the worker pool exits when its work is done.

Processes are found by a marker in their environment: every process a run starts inherits it, also
once re-parented to init. The helpers are shared with tests/conftest.py (the suite's own check) and
bench/faults.py.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_crash_safety import REPO, Spbe

#: The must-show: nothing started from the project's environment is running this long after the kill.
LEFT_AFTER_S = 8.0
OCR_START_TIMEOUT_S = 120.0


# --- finding processes ----------------------------------------------------------------------------


def proc_stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time in clock ticks after boot), None if the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return fields[0].decode(), int(fields[1]), int(fields[19])
    except (OSError, ValueError, IndexError):
        return None


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def environment(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return b""


def running_pids() -> list[int]:
    """Every process that is running (zombies, which have ended, are not)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = proc_stat(int(entry.name))
            if stat is not None and stat[0] not in ("Z", "X"):
                pids.append(int(entry.name))
    return pids


def marked(marker: str) -> list[int]:
    """Running processes whose environment holds `marker` ("NAME=value")."""
    needle = b"\0" + marker.encode() + b"\0"
    return [pid for pid in running_pids() if needle in b"\0" + environment(pid)]


def descendants(root: int) -> list[int]:
    """Running processes below `root` in the process tree."""
    children: dict[int, list[int]] = {}
    for pid in running_pids():
        stat = proc_stat(pid)
        if stat is not None:
            children.setdefault(stat[1], []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def wait_until_none(find, timeout: float) -> list[int]:
    """`find()` polled until it returns nothing or `timeout` seconds pass; what it returned last."""
    deadline = time.monotonic() + timeout
    while (left := find()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def assert_nothing_left(marker: str) -> None:
    """No marked process runs LEFT_AFTER_S from now (at the latest); any that does is killed."""
    left = wait_until_none(lambda: marked(marker), LEFT_AFTER_S)
    kill_all(left)  # never leave them to the next test
    assert left == [], f"still running {LEFT_AFTER_S:.0f} s later:\n{describe(left)}"


def describe(pids: list[int]) -> str:
    return "\n".join(f"  {pid}: {command_line(pid)[:160]}" for pid in pids)


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def ocr_running(marker: str) -> bool:
    """Whether a Tesseract of the marked tree is reading a page (not a version or language check)."""
    checks = ("--version", "--list-langs", "--print-parameters")
    return any(
        cmd.startswith("tesseract ") and not any(check in cmd for check in checks)
        for cmd in map(command_line, marked(marker))
    )


# --- a run cut off -------------------------------------------------------------------------------


def new_marker() -> str:
    return f"SPBE_LIFETIME_TEST={uuid.uuid4().hex}"


def cold_env(home: Path, marker: str) -> dict[str, str]:
    """A cold `spbe`: no Prefect API configured (it starts its own local server), a fresh Prefect home
    in `home` (its database tells the flow-run states afterwards), the marker, scratch files in `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    name, value = marker.split("=", 1)
    env.update(
        {
            name: value,
            "PREFECT_HOME": str(home / "prefect"),
            "TMPDIR": str(home),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
    )
    return env


def scanned_pages_folder(folder: Path, pages: int = 4) -> Path:
    """One scanned PDF of `pages` pages (~2 s of Tesseract each), so OCR is running for a while, and a
    text-layer PDF."""
    from tests.evidence_factory import REGULATION_LINES, scan_image, scanned_pdf, text_pdf

    images = [scan_image([*REGULATION_LINES, f"Halaman {n + 1}"], noise=4, seed=n) for n in range(pages)]
    scanned_pdf(folder / "Diskominfo" / "Pindaian_Perwali.pdf", images)
    text_pdf(folder / "Bappeda" / "Perwali_5_2023.pdf")
    return folder


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}"
        time.sleep(0.05)


def wait_for_ocr(process: Spbe, marker: str) -> None:
    def reading() -> bool:
        assert process.running(), f"spbe ended before OCR started:\n{process.stderr[-2000:]}"
        return ocr_running(marker)

    wait_for(reading, OCR_START_TIMEOUT_S, "Tesseract reading a page")


@dataclass
class CutOff:
    """What a signal did to a process tree."""

    tree: list[str]  # its processes when the signal was sent (command lines)
    code: int | None  # exit code; None if it had not exited
    seconds: float  # from the signal to the exit
    left: list[str]  # processes still running LEFT_AFTER_S after the signal (killed since)
    stderr: str


def signal_and_count(process: Spbe, marker: str, sig: int, exit_timeout: float = 60) -> CutOff:
    """Send `sig`, wait for the exit, and count the marked processes still running LEFT_AFTER_S after the
    signal; they are counted before the process group is ended (which would hide them), then killed."""
    tree = [command_line(pid) for pid in marked(marker)]
    os.kill(process.proc.pid, sig)
    sent = time.monotonic()
    try:
        code: int | None = process.proc.wait(exit_timeout)
    except subprocess.TimeoutExpired:
        code = None
    seconds = time.monotonic() - sent
    left = wait_until_none(lambda: marked(marker), max(0.0, LEFT_AFTER_S - (time.monotonic() - sent)))
    commands = [command_line(pid) for pid in left]
    kill_all(left)
    if code is None:
        process.kill()
    process.finish(10)
    return CutOff(tree, code, seconds, commands, process.stderr)


def cut_off_run(base: Path, folder: Path, db: Path, sig: int, *extra: object) -> CutOff:
    """A real, cold `spbe run` over `folder`, sent `sig` while Tesseract reads one of its pages."""
    marker = new_marker()
    run = Spbe("run", folder, "--db", db, *extra, cwd=base, env=cold_env(base, marker))
    wait_for_ocr(run, marker)
    return signal_and_count(run, marker, sig)


def prefect_states(home: Path, flow_run_id: object = None) -> list[str]:
    """Flow-run states in the Prefect database of a cold process's local server (PREFECT_HOME): all, or
    the one of `flow_run_id`."""
    import sqlite3

    sql, params = "SELECT state_type FROM flow_run", ()
    if flow_run_id is not None:
        sql, params = sql + " WHERE id = ?", (str(flow_run_id),)
    with sqlite3.connect(home / "prefect" / "prefect.db") as con:
        return [row[0] for row in con.execute(sql, params)]


# --- `spbe schedule` stopped ------------------------------------------------------------------------


def deployment_of(folder: Path) -> str:
    return f"spbe-ingest/malam-{folder.name}"


async def _deployment(name: str):
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return await client.read_deployment_by_name(name)


async def _flow_run_state(flow_run_id) -> str:
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return (await client.read_flow_run(flow_run_id)).state.type.value


def stop_schedule(base: Path, folder: Path, db: Path, *extra: object, mid_run: bool, api_url: str | None) -> dict:
    """`spbe schedule` on `folder`, one run triggered through Prefect, then SIGTERM: once
    the run has completed, or (`mid_run`) while Tesseract reads one of its pages. With `api_url` it uses
    that Prefect API (the suite's); without, it starts its own local server (cold, on port 4200).
    Returns the run's state before and after the stop and what the signal did."""
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    marker = new_marker()
    env = cold_env(base, marker) if api_url is None else {**cold_env(base, marker), "PREFECT_API_URL": api_url}
    url = api_url or "http://127.0.0.1:4200/api"
    schedule = Spbe("schedule", folder, "--cron", "0 2 * * *", "--db", db, *extra, cwd=base, env=env)
    with temporary_settings({PREFECT_API_URL: url}):
        wait_for(lambda: _registered(schedule, folder), 120, "the deployment registered")
        flow_run = run_deployment(deployment_of(folder), timeout=0 if mid_run else 300)
        if mid_run:
            wait_for_ocr(schedule, marker)
        before = flow_run.state.type.value if not mid_run else "RUNNING"
        stopped = signal_and_count(schedule, marker, signal.SIGTERM, exit_timeout=30)
        after = (
            asyncio.run(_flow_run_state(flow_run.id)) if api_url else (prefect_states(base, flow_run.id) or ["?"])[0]
        )
    return {"before": before, "after": after, "stopped": stopped}


def _registered(schedule: Spbe, folder: Path) -> bool:
    assert schedule.running(), f"spbe schedule ended:\n{schedule.stderr[-2000:]}"
    try:
        return asyncio.run(_deployment(deployment_of(folder))) is not None
    except Exception:  # not yet: the server or the deployment is still starting
        return False


# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_cold_run_killed_with_sigkill_during_ocr_leaves_no_process_behind(tmp_path):
    folder = scanned_pages_folder(tmp_path / "eviden")
    killed = cut_off_run(tmp_path, folder, tmp_path / "spbe.duckdb", signal.SIGKILL, "--year", "2025", "--workers", "2")
    assert len(killed.tree) >= 5, killed.tree  # the run, the local server, the forkserver, workers, Tesseract
    assert killed.left == []


@pytest.mark.slow
def test_a_run_stopped_with_sigterm_during_ocr_ends_cleanly_non_zero_and_leaves_nothing(tmp_path):
    from tests.test_crash_safety import runs

    folder = scanned_pages_folder(tmp_path / "eviden")
    db = tmp_path / "spbe.duckdb"
    stopped = cut_off_run(tmp_path, folder, db, signal.SIGTERM, "--year", "2025", "--workers", "2")
    assert stopped.left == []
    assert stopped.code == 128 + signal.SIGTERM, stopped.stderr[-2000:]
    assert "dihentikan" in stopped.stderr  # the path Ctrl-C takes, cleanup included
    assert [r["status"] for r in runs(db).values()] == ["failed"]  # recorded as cut off
    assert prefect_states(tmp_path) == ["CRASHED"]  # in Prefect's own records too, not "Running"


@pytest.mark.slow
def test_a_schedule_stopped_mid_run_cancels_the_run_within_10_s_and_leaves_nothing(tmp_path, prefect_backend):
    from prefect.settings import PREFECT_API_URL

    folder = scanned_pages_folder(tmp_path / "eviden_dihentikan")  # a deployment of its own on the suite's API
    result = stop_schedule(
        tmp_path, folder, tmp_path / "malam.duckdb", "--year", "2025", mid_run=True, api_url=PREFECT_API_URL.value()
    )
    stopped = result["stopped"]
    assert stopped.code is not None and stopped.seconds < 10, stopped.stderr[-2000:]
    assert stopped.left == []
    assert result["after"] in ("CANCELLED", "CRASHED")  # not "Running" for ever


def _double(items: list[int]) -> list[int]:
    return [2 * item for item in items]


def _use_the_pool() -> None:
    from flows import processes

    assert processes.run_each(_double, [1, 2], 2, lambda item, why: None) == [2, 4]


def test_a_child_process_that_used_the_pool_exits_when_its_work_is_done():
    """As a flow-run process of `spbe schedule` does: multiprocessing joins a child's own children at
    its exit, so a pool still running then would keep it (and its workers) alive for ever."""
    child = multiprocessing.get_context("spawn").Process(target=_use_the_pool)
    child.start()
    child.join(60)
    still = child.is_alive()
    if still:
        kill_all([child.pid, *descendants(child.pid)])
    assert not still and child.exitcode == 0
    assert wait_until_none(lambda: descendants(child.pid), 5) == []


def test_the_pool_workers_exit_when_the_process_owning_the_pool_is_killed():
    """The forkserver's workers wait on a pipe the dead owner shares with them, so nothing but their
    watchdog would end them; the forkserver and resource tracker then end by themselves."""
    marker = new_marker()
    name, value = marker.split("=", 1)
    script = "from flows import processes; processes.start(2); print('up', flush=True); import time; time.sleep(600)"
    owner = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, name: value},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "up"
        wait_for(lambda: len(marked(marker)) >= 5, 60, "the owner, its resource tracker, forkserver and 2 workers")
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(10)
    finally:
        owner.kill()
        owner.wait()
        if owner.stdout is not None:
            owner.stdout.close()
    assert_nothing_left(marker)
