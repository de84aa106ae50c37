"""`spbe schedule` serves the flow with Prefect's scheduler; a run of the deployment checks the folder; once
it has run, SIGTERM stops it within 10 s and no process it started is left."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.evidence_factory import text_pdf
from tests.test_process_lifetime import assert_nothing_left, new_marker

pytestmark = pytest.mark.slow

STOP_WITHIN_S = 10.0


async def _deployment(name: str):
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return await client.read_deployment_by_name(name)


def test_schedule_serves_a_cron_deployment_that_runs_the_check(tmp_path, prefect_backend):
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    folder, db = tmp_path / "eviden", tmp_path / "malam.duckdb"
    text_pdf(folder / "Diskominfo" / "Perwali_12_2023.pdf")
    marker = new_marker()
    env = {
        **os.environ,
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_LOGGING_LEVEL": "WARNING",
        **dict([marker.split("=", 1)]),
    }
    served = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "spbe.cli",
            "schedule",
            str(folder),
            "--cron",
            "0 2 * * *",
            "--db",
            str(db),
            "--region",
            "Kota Sukamaju",
            "--year",
            "2025",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    name = "spbe-ingest/malam-eviden"
    try:
        deadline, deployment = time.monotonic() + 90, None
        while deployment is None and time.monotonic() < deadline:
            try:
                deployment = asyncio.run(_deployment(name))
            except Exception:
                assert served.poll() is None, served.stdout.read()
                time.sleep(1)
        assert deployment is not None, "deployment was not registered"
        assert [s.schedule.cron for s in deployment.schedules] == ["0 2 * * *"]

        flow_run = run_deployment(name, timeout=180)
        assert flow_run.state.is_completed(), flow_run.state
        con = duckdb.connect(str(db), read_only=True)
        try:
            assert con.execute("SELECT status, files_seen FROM runs").fetchall() == [("completed", 1)]
        finally:
            con.close()

        served.send_signal(signal.SIGTERM)  # as a service manager stops it
        signalled = time.monotonic()
        served.wait(timeout=STOP_WITHIN_S)
        assert time.monotonic() - signalled < STOP_WITHIN_S
        assert_nothing_left(marker)  # the flow-run process, its forkserver and workers included
    finally:
        if served.poll() is None:
            served.kill()
            served.wait()
