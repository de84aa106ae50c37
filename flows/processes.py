"""A warm pool of worker processes for the part of a run that is pure Python.

Parsing text layers, redaction and analysis hold the interpreter lock: two
threads on two cores do the work of one core and fight over the lock. Worker
processes do not. They are forked from a forkserver that has imported the
pipeline once, so a worker starts in milliseconds and never imports Prefect.
Tesseract already runs in its own processes; a worker drives it as a thread did.

The pool lives as long as the process (tests and a served flow reuse it across
runs) and ends with it, however it ends (flows/lifetime.py): shut down at exit,
before multiprocessing joins its children; its workers killed at once by `stop()`
when the run is stopped (Ctrl-C, SIGTERM); each worker exits by itself when the
process that owns the pool is gone, even after SIGKILL. A worker that dies (a library crash on a hostile file, the kernel's
out-of-memory killer) breaks the pool: `run_each` replaces it, retries the
group file by file and reports the one file that kills a worker again as
crashed, so the run goes on and nothing is lost. Must not import Prefect.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from flows import lifetime
from pipeline.extract.children import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

PRELOAD = ["pipeline.ingest.read"]  # imported once in the forkserver, inherited by every worker

PROBE_TIMEOUT_S = 60.0

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_unusable = False  # workers cannot start here: read in the calling thread instead
_stopping = False  # the process is ending: a broken pool is not replaced, nothing is retried
_live: set[ProcessPoolExecutor] = set()  # the shared pool and private ones, for stop()
_following = False


class PoolStopped(RuntimeError):
    """The process is ending (Ctrl-C, SIGTERM): its worker processes were ended, the work is not done."""


def cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _worker_setup(owner: str) -> None:
    """Ctrl-C is the run's to handle (it stops the pool); a worker ends when the process that owns the
    pool ends (a watchdog on its pid), and when the forkserver that forked it dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(signal.SIGKILL)
    lifetime.exit_with(owner)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool, created on first use with `workers` processes."""
    global _pool, _following
    with _lock:
        if _stopping:
            raise PoolStopped("the process is ending")
        if _pool is None:
            _pool = _executor(workers)
        if not _following:  # a flow run started by `spbe schedule` stops with it
            _following = lifetime.follow_inherited(stop)
        return _pool


def _executor(workers: int) -> ProcessPoolExecutor:
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_worker_setup, initargs=(lifetime.token(),)
    )
    _live.add(executor)
    return executor


def _end(executor: ProcessPoolExecutor, *, wait: bool) -> None:
    _live.discard(executor)
    executor.shutdown(wait=wait, cancel_futures=True)


def start(workers: int, warm: Callable[..., object] = os.getpid, *args: object) -> None:
    """Start every worker now, in the background (a `warm(*args)` call each): the forkserver imports
    the pipeline while the caller does other start-up work."""
    executor = pool(workers)
    for _ in range(workers):
        executor.submit(warm, *args)


def _replace(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    _end(broken, wait=False)


def shutdown() -> None:
    global _pool
    with _lock:
        executor, _pool = _pool, None
    if executor is None:
        return
    _end(executor, wait=True)
    try:  # reap the forkserver too: no process outlives the run, and its CPU time counts to the run's
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
    except Exception:  # a private helper of the standard library: at worst the forkserver exits on its own
        pass


def stop() -> None:
    """The process is ending (Ctrl-C, SIGTERM): kill every worker now, so that nothing waits for the
    page it is reading, and refuse further work. Safe from any thread, without the pool's lock (the
    signal watcher may call it while the main thread holds it)."""
    global _stopping
    _stopping = True
    # The read tasks cut off by the stop fail by design: their tracebacks (Prefect's task-run log, by
    # name: Prefect is not imported here) would bury the one line that matters.
    logging.getLogger("prefect.task_runs").setLevel(logging.CRITICAL)
    for executor in list(_live):
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            try:
                process.kill()
            except (OSError, ValueError, AttributeError):
                pass  # ended meanwhile


# At exit, before multiprocessing joins its child processes (which would wait for the idle workers
# forever, as in a flow-run process of `spbe schedule`), and again at interpreter exit.
multiprocessing.util.Finalize(None, shutdown, exitpriority=100)
atexit.register(shutdown)


def _started(executor: ProcessPoolExecutor) -> bool:
    """Whether a worker comes up at all. It does not when, say, the main script has no
    `if __name__ == "__main__":` guard (a new worker re-imports it)."""
    try:
        executor.submit(os.getpid).result(timeout=PROBE_TIMEOUT_S)
        return True
    except Exception:  # BrokenProcessPool, TimeoutError, an unpicklable main module ...
        return False


def run_each(
    function: Callable[[list[T]], list[R]], items: Sequence[T], workers: int, crashed: Callable[[T, str], R]
) -> list[R]:
    """`function(items)` in a worker process; if a worker dies meanwhile, each item again on its own,
    and `crashed(item, why)` for an item whose worker dies again. Where workers cannot start at
    all, `function(items)` in this thread: slower, never lost."""
    global _unusable
    if _unusable:
        return function(list(items))
    executor = pool(workers)
    try:
        return executor.submit(function, list(items)).result()
    except BrokenProcessPool as e:
        if _stopping:
            raise PoolStopped("the process is ending") from e
        _replace(executor)
    # A worker died, of this group or of another one running at the same time. Each item again in a
    # private worker: a death there is that item's own.
    results: list[R] = []
    private: ProcessPoolExecutor | None = None
    try:
        for number, item in enumerate(items):
            if _stopping:
                raise PoolStopped("the process is ending")
            if private is None:
                private = _executor(1)
                if not _started(private):
                    _unusable = True
                    return results + function(list(items[number:]))
            try:
                results += private.submit(function, [item]).result()
            except BrokenProcessPool as e:
                _end(private, wait=False)
                private = None
                if _stopping:
                    raise PoolStopped("the process is ending") from e
                results.append(crashed(item, f"{type(e).__name__}: {e}"))
    finally:
        if private is not None:
            _end(private, wait=True)
    return results
