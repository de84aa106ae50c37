"""A warm pool of worker processes for the part of a run that is pure Python.

Parsing text layers, redaction and analysis hold the interpreter lock: two
threads on two cores do the work of one core and fight over the lock. Worker
processes do not. They are forked from a forkserver that has imported the
pipeline once, so a worker starts in milliseconds and never imports Prefect.
Tesseract already runs in its own processes; a worker drives it as a thread did.

The pool lives as long as the process (tests and a served flow reuse it across
runs). A worker that dies (a library crash on a hostile file, the kernel's
out-of-memory killer) breaks the pool: `run_each` replaces it, retries the
group file by file and reports the one file that kills a worker again as
crashed, so the run goes on and nothing is lost. Must not import Prefect.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PRELOAD = ["pipeline.ingest.read"]  # imported once in the forkserver, inherited by every worker

PROBE_TIMEOUT_S = 60.0

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_unusable = False  # workers cannot start here: read in the calling thread instead


def cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def die_with_parent(sig: int) -> None:
    """Linux: this process gets `sig` when its parent dies, even by SIGKILL, instead of lingering."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, sig)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_setup() -> None:
    """Ctrl-C is the run's to handle (it shuts the pool down); a worker ends when the forkserver, and so
    the run, ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(signal.SIGKILL)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool, created on first use with `workers` processes."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = _executor(workers)
        return _pool


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_setup)


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
    broken.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    global _pool
    with _lock:
        executor, _pool = _pool, None
    if executor is None:
        return
    executor.shutdown(wait=True, cancel_futures=True)
    try:  # reap the forkserver too: no process outlives the run, and its CPU time counts to the run's
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
    except Exception:  # a private helper of the standard library: at worst the forkserver exits on its own
        pass


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
    except BrokenProcessPool:
        _replace(executor)
    # A worker died, of this group or of another one running at the same time. Each item again in a
    # private worker: a death there is that item's own.
    results: list[R] = []
    private: ProcessPoolExecutor | None = None
    try:
        for number, item in enumerate(items):
            if private is None:
                private = _executor(1)
                if not _started(private):
                    _unusable = True
                    return results + function(list(items[number:]))
            try:
                results += private.submit(function, [item]).result()
            except BrokenProcessPool as e:
                private.shutdown(wait=False, cancel_futures=True)
                private = None
                results.append(crashed(item, f"{type(e).__name__}: {e}"))
    finally:
        if private is not None:
            private.shutdown(wait=True)
    return results
