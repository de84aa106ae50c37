"""Every process a run starts ends with it, however the run ends (Linux mechanisms).

The process tree of a run and what ends each part:

* `spbe run` itself: SIGTERM and SIGHUP are turned into `Terminated` (a
  KeyboardInterrupt), the path Ctrl-C takes, so every `finally`, context
  manager and exit handler runs and the exit code says why (128 + signal).
  `stop_on_signals` also calls a stop function at once from a watcher thread
  (the signal's wake-up byte, written by Python's own C handler whichever
  Python handler is installed, Prefect's included), so worker processes are
  ended before anything waits for them.
* pool workers (flows/processes.py): a watchdog thread per worker waits on the
  pool owner's pid (a pidfd: the kernel says when it exits; pid and start time,
  so a reused pid is not mistaken for it) and ends the worker when the owner is
  gone, even by SIGKILL. They also get the parent-death signal from the
  forkserver. The forkserver exits by itself once the owner and every worker
  have closed its "alive" pipe, and the resource tracker once every holder of
  its pipe is gone: neither needs a watchdog of its own.
* Tesseract (pipeline/extract/children.py) and the local Prefect servers
  (flows/local_api.py, flows/schedule.py): the parent-death signal
  (prctl PR_SET_PDEATHSIG), set between fork and exec.
* the flow-run processes Prefect's runner starts for `spbe schedule`: they
  inherit `FOLLOW_ENV` (the schedule's pid and a stop file) and, once they
  start a pool, follow it: the stop file appearing (the schedule got SIGTERM or
  Ctrl-C) ends their workers at once; the schedule dying ends the flow run with
  SIGTERM (Prefect records it as crashed).

Must not import Prefect (pool workers import this module).
"""

from __future__ import annotations

import os
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: "PID:START:STOPFILE" of a process whose stop or death ends this one's work (set by `spbe schedule`).
FOLLOW_ENV = "SPBE_FOLLOW"
#: Exit code of a worker whose pool owner is gone.
EXIT_ORPHANED = 70
#: Seconds a followed process's death leaves for a clean end (SIGTERM) before this process exits hard.
GRACE_S = 3.0
POLL_S = 0.5

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled the way Ctrl-C is."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


# --- who is alive ---------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, start time in clock ticks after boot) from /proc/PID/stat; None if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return fields[0].decode(), int(fields[19])
    except (OSError, ValueError, IndexError):
        return None


def start_time(pid: int) -> int | None:
    """The process's start time (/proc/PID/stat field 22); None if it is gone or a zombie."""
    stat = _stat(pid)
    return stat[1] if stat and stat[0] not in ("Z", "X") else None


def token(pid: int | None = None) -> str:
    """`PID:START`, naming one process for good, even after its pid is reused."""
    pid = os.getpid() if pid is None else pid
    return f"{pid}:{start_time(pid) or 0}"


def _parse(owner: str) -> tuple[int, int]:
    pid, start = owner.split(":")[:2]
    return int(pid), int(start)


def alive(owner: str) -> bool:
    pid, start = _parse(owner)
    return start_time(pid) == start if start else start_time(pid) is not None


def wait_until_gone(owner: str, stop: Callable[[], bool] = lambda: False) -> bool:
    """Block until the process named by `owner` has exited (True) or `stop()` says so (False). A
    pidfd where the kernel has one (no polling of the pid), else a check every POLL_S."""
    pid, _ = _parse(owner)
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    try:
        while alive(owner):  # checked after pidfd_open: the pidfd is of the right process
            if stop():
                return False
            if pidfd is None:
                time.sleep(POLL_S)
            elif select.select([pidfd], [], [], POLL_S)[0]:  # readable: it has exited
                return True
        return True
    finally:
        if pidfd is not None:
            os.close(pidfd)


def on_exit_of(owner: str, action: Callable[[], object], name: str = "spbe-watchdog") -> threading.Thread:
    """Call `action()` from a daemon thread once the process named by `owner` has exited."""

    def watch() -> None:
        if wait_until_gone(owner):
            action()

    thread = threading.Thread(target=watch, name=name, daemon=True)
    thread.start()
    return thread


def exit_with(owner: str) -> None:
    """This process exits (at once, from a thread) when `owner` exits: for pool workers."""
    on_exit_of(owner, lambda: os._exit(EXIT_ORPHANED))


# --- signals ----------------------------------------------------------------------------------------


def _raise_terminated(signum: int, frame: object) -> None:
    for sig in (signal.SIGTERM, signal.SIGHUP):  # a second signal ends the process at once
        signal.signal(sig, signal.SIG_DFL)
    raise Terminated(signum)


def stop_on_signals(stop: Callable[[], object] | None = None) -> None:
    """Main thread only. SIGTERM and SIGHUP raise `Terminated` in the main thread (as Ctrl-C raises
    KeyboardInterrupt); on any of SIGINT, SIGTERM, SIGHUP `stop()` is called at once from a watcher
    thread, also while another Python handler (Prefect's, during a flow run) has the signal."""
    signal.signal(signal.SIGTERM, _raise_terminated)
    signal.signal(signal.SIGHUP, _raise_terminated)
    if stop is None:
        return
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)

    def watch() -> None:
        with reader:
            while data := reader.recv(64):
                if any(number in data for number in STOP_SIGNALS):
                    stop()

    threading.Thread(target=watch, name="spbe-signals", daemon=True).start()
    _keep.append(writer)  # the wake-up fd must stay open as long as the process


_keep: list[socket.socket] = []


# --- following the process that started a flow run ------------------------------------------------


def lead(stop_file: Path) -> None:
    """Make this process (`spbe schedule`) the one its flow-run processes follow: they end their
    workers when `stop_file` appears, and their flow run when this process dies."""
    os.environ[FOLLOW_ENV] = f"{token()}:{stop_file}"


def follow_inherited(stop: Callable[[], object]) -> bool:
    """In a process started by a leader (see `lead`): call `stop()` when the leader stops or dies,
    and end this process (SIGTERM, so Prefect records the flow run as crashed; a hard exit after
    GRACE_S) when it dies. False when there is no leader to follow."""
    value = os.environ.get(FOLLOW_ENV, "")
    if value.count(":") < 2:
        return False
    pid, start, stop_file = value.split(":", 2)
    leader = f"{pid}:{start}"
    if int(pid) == os.getpid():
        return False
    stopping = Path(stop_file)

    def watch() -> None:
        gone = wait_until_gone(leader, stopping.exists)
        stop()
        if gone:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(GRACE_S)
            os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="spbe-follow", daemon=True).start()
    return True
