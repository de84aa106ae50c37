"""Worker processes read the files: a worker that dies costs at most the file that killed it, and a
machine where workers cannot start still reads everything (in the calling thread)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pytest

from flows import processes
from tests.evidence_factory import scanned_folder


def _pids(items: list[int]) -> list[int]:
    return [os.getpid() for _ in items]


def _double(items: list[int]) -> list[int]:
    return [2 * item for item in items]


def _double_or_die_on_13(items: list[int]) -> list[int]:
    if 13 in items:
        os.kill(os.getpid(), signal.SIGKILL)  # a real death, as a library crash or the OOM killer would cause
    return _double(items)


def _crashed(item: int, why: str) -> tuple[str, int, str]:
    return ("crashed", item, why)


def _refuse_to_start() -> None:
    raise SystemExit("this worker cannot start")


def test_items_are_read_in_worker_processes_not_in_this_one():
    pids = processes.run_each(_pids, [1, 2, 3], 2, _crashed)
    assert len(pids) == 3 and os.getpid() not in pids


def test_a_worker_that_dies_costs_only_the_item_that_killed_it_and_order_is_kept():
    results = processes.run_each(_double_or_die_on_13, [11, 12, 13, 14], 2, _crashed)
    assert results[:2] == [22, 24] and results[3] == 28
    assert results[2][:2] == ("crashed", 13) and "BrokenProcessPool" in results[2][2]


def test_the_pool_is_replaced_after_a_worker_died():
    processes.run_each(_double_or_die_on_13, [13], 2, _crashed)
    assert processes.run_each(_double, [1, 2], 2, _crashed) == [2, 4]


def test_where_workers_cannot_start_the_items_are_read_in_this_thread(monkeypatch):
    context = multiprocessing.get_context("forkserver")
    monkeypatch.setattr(processes, "_pool", None)
    monkeypatch.setattr(processes, "_unusable", False)
    monkeypatch.setattr(
        processes,
        "_executor",
        lambda workers: ProcessPoolExecutor(workers, mp_context=context, initializer=_refuse_to_start),
    )
    assert processes.run_each(_pids, [1, 2], 2, _crashed) == [os.getpid(), os.getpid()]
    assert processes._unusable  # later groups go straight to this thread, without probing again


def _worker_running_tesseract() -> int | None:
    """The pid of a pool worker (a child of the forkserver, which is a child of this process) that is
    running Tesseract right now."""

    def parent(pid: int) -> int:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[1])

    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or (entry / "comm").read_text().strip() != "tesseract":
                continue
            worker = parent(int(entry.name))
            if parent(parent(worker)) == os.getpid():
                return worker
        except (OSError, ValueError, IndexError):
            continue  # the process ended meanwhile
    return None


@pytest.mark.slow
def test_a_worker_killed_during_a_run_loses_no_file(tmp_path, prefect_backend):
    from flows.ingest import run_ingest

    folder = tmp_path / "eviden"
    paths = scanned_folder(folder, scans=4, texts=4)
    db = tmp_path / "spbe.duckdb"
    killed: list[int] = []

    def kill_a_worker_during_ocr() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            worker = _worker_running_tesseract()
            if worker is not None:
                os.kill(worker, signal.SIGKILL)
                killed.append(worker)
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_worker_during_ocr, daemon=True)
    killer.start()
    summary = run_ingest(folder, db, year=2025, workers=2, progress=False)
    killer.join()

    assert killed, "no worker was seen running Tesseract"
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT path, status FROM files").fetchall())
        ocr_pages = con.execute("SELECT count(*) FROM pages WHERE method = 'ocr'").fetchone()[0]
    assert sorted(rows) == sorted(paths)
    assert set(rows.values()) == {"ok"}  # the file in the killed worker was read again, not marked crashed
    assert ocr_pages == 4
    assert summary.counts["files_extracted"] == len(paths)


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_a_finished_run_leaves_no_worker_process_behind(tmp_path, prefect_backend):
    import subprocess
    import sys
    import uuid

    from tests.test_crash_safety import spbe_env

    folder = tmp_path / "eviden"
    scanned_folder(folder, scans=1, texts=3)
    marker = f"SPBE_TEST_RUN={uuid.uuid4().hex}"
    env = {**spbe_env(), marker.split("=")[0]: marker.split("=")[1]}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "spbe.cli",
            "run",
            str(folder),
            "--db",
            str(tmp_path / "spbe.duckdb"),
            "--year",
            "2025",
            "--quiet",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    most = 0
    while run.poll() is None:
        most = max(most, len(_processes_with(marker)))
        time.sleep(0.1)
    assert run.returncode == 0, run.stderr.read()
    assert most >= 4  # the run, the forkserver and two workers (Tesseract and the resource tracker come and go)
    deadline = time.monotonic() + 5
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_with(marker) == []
