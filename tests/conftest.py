"""Shared fixtures: a real (temporary) Prefect backend for flow tests; and the suite's own check that no
process it started outlives it (issue 13)."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

# Every process the suite starts inherits this marker, also once re-parented to init.
SESSION_VAR = "SPBE_TEST_SESSION"
SESSION_MARKER = f"{SESSION_VAR}={uuid.uuid4().hex}"
os.environ[SESSION_VAR] = SESSION_MARKER.split("=", 1)[1]
VENV = Path(sys.prefix)
#: How long the suite's processes get to end after its own pool and servers are shut down.
LEFTOVER_WAIT_S = 10.0


def leftovers() -> list[int]:
    """Processes this session started that still run: its descendants, the processes carrying its
    marker, and processes re-parented to init that were started from this checkout's environment
    after the session began and carry no other session's marker. Not this process's own resource
    tracker: it ends with this process, when its pipe closes."""
    from multiprocessing import resource_tracker

    from tests.test_process_lifetime import command_line, descendants, environment, marked, proc_stat, running_pids

    me = os.getpid()
    began = proc_stat(me)[2]  # type: ignore[index]
    found = set(descendants(me)) | set(marked(SESSION_MARKER))
    for pid in running_pids():
        stat = proc_stat(pid)
        if stat and stat[1] == 1 and stat[2] >= began and command_line(pid).startswith(str(VENV)):
            env = environment(pid)
            if SESSION_VAR.encode() + b"=" not in env:
                found.add(pid)
    found.discard(me)
    found.discard(getattr(resource_tracker._resource_tracker, "_pid", None))  # type: ignore[attr-defined]
    return sorted(found)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the suite if a process it started outlives it (after its own pool is shut down; the
    session fixtures, Prefect's test server and the browser, are torn down by now). The leftovers
    are listed, then killed: the machine is left clean either way."""
    if "flows.processes" in sys.modules:
        sys.modules["flows.processes"].shutdown()
    from tests.test_process_lifetime import describe, kill_all, wait_until_none

    left = wait_until_none(leftovers, LEFTOVER_WAIT_S)
    if not left:
        return
    message = f"{len(left)} process(es) started by the test suite outlived it (now killed):\n{describe(left)}"
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("")
        reporter.write_sep("=", "processes left behind", red=True)
        reporter.write_line(message, red=True)
    else:
        print(message, file=sys.stderr)
    kill_all(left)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def prefect_backend():
    """A real Prefect API on a throw-away database, started once per session (~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def framework():
    from pipeline.rules import framework_for_year

    return framework_for_year(2025)


@pytest.fixture(scope="session")
def common():
    from pipeline.rules import load_common

    return load_common()


@pytest.fixture(scope="session")
def normalize(common):
    from pipeline.judge.normalize import Normalizer

    return Normalizer(common.synonyms)


from tests.browser import browser  # noqa: E402,F401  (a real headless Chromium for UI tests)
