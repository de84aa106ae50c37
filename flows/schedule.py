"""Nightly schedule: serve the ingest flow with Prefect's own scheduler.

`spbe schedule DIR --cron "0 2 * * *"` is one long-lived process. Prefect's
scheduler does not run in the ephemeral (in-process) mode, so unless
PREFECT_API_URL points at a Prefect server already, a local `prefect server
start` is started beside it on 127.0.0.1 and stopped with it; its UI
(http://127.0.0.1:4200) shows the runs. Every scheduled run reuses that
server, so a nightly run does not pay Prefect's start-up again.

It stops within seconds of SIGTERM or Ctrl-C, also mid-run, and takes every
process with it (flows/lifetime.py): Prefect's runner cancels a flow run in
progress (recorded as cancelled); the flow-run process, told by a stop file,
kills its worker processes at once instead of waiting for the page they read;
the local server is stopped last, and dies by its parent-death signal if this
process is SIGKILLed, as the flow-run process follows this one's pid. A run
whose schedule was SIGKILLed cannot report its end (its server went with it):
the next `spbe schedule` of the folder records it as crashed before serving.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import lifetime
from flows.ingest import ingest
from flows.local_api import healthy, stop_process
from pipeline.extract.children import ending_with_this_process

LOCAL_HOST = "127.0.0.1"
LOCAL_PORT = 4200
SERVER_START_TIMEOUT_S = 90
SERVER_STOP_TIMEOUT_S = 5  # then SIGKILL: the whole stop must fit in a service manager's patience


def deployment_name(folder: Path) -> str:
    return f"malam-{folder.name or 'eviden'}"


LEFT_RUNNING = "Proses spbe schedule sebelumnya berhenti paksa saat run ini berjalan."


async def crash_left_running(deployment: str) -> int:
    """Flow runs of this folder's deployment still running, pending or cancelling when its schedule starts
    (one schedule serves one folder, so none of them can still be alive): recorded as crashed, which also
    frees the deployment's concurrency slot. Returns how many."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.exceptions import ObjectNotFound
    from prefect.states import Crashed

    async with get_client() as client:
        try:
            found = await client.read_deployment_by_name(f"{ingest.name}/{deployment}")
        except ObjectNotFound:
            return 0
        left = await client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[found.id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.RUNNING, StateType.PENDING, StateType.CANCELLING])
                )
            ),
        )
        for flow_run in left:
            await client.set_flow_run_state(flow_run.id, Crashed(message=LEFT_RUNNING), force=True)
        return len(left)


@contextmanager
def prefect_api(port: int = LOCAL_PORT) -> Iterator[str]:
    """A Prefect API with the scheduler running: the configured one, or a local server started here."""
    configured = PREFECT_API_URL.value()
    if configured:
        yield configured
        return
    api_url = f"http://{LOCAL_HOST}:{port}/api"
    if healthy(api_url):
        with temporary_settings({PREFECT_API_URL: api_url}):
            yield api_url
        return
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", LOCAL_HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C in the terminal is ours to handle: the server is stopped last
        preexec_fn=ending_with_this_process(signal.SIGTERM),  # from the main thread, which lives as long
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not healthy(api_url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Server Prefect lokal tidak dapat dijalankan di {api_url}")
            time.sleep(0.5)
        print(
            f"Server Prefect lokal berjalan: {api_url.removesuffix('/api')} (UI untuk memantau run)",
            file=sys.stderr,
            flush=True,
        )
        with temporary_settings({PREFECT_API_URL: api_url}):
            yield api_url
    finally:
        stop_process(server, timeout_s=SERVER_STOP_TIMEOUT_S)


@contextmanager
def followed() -> Iterator[Path]:
    """Flow-run processes started from here follow this process (see `lifetime.lead`): a stop file
    written the moment SIGINT, SIGTERM or SIGHUP arrives ends their worker processes at once."""
    folder = Path(tempfile.mkdtemp(prefix="spbe-schedule-"))
    stop_file = folder / "stop"
    lifetime.lead(stop_file)
    lifetime.stop_on_signals(stop_file.touch)
    try:
        yield stop_file
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve_schedule(
    folder: Path,
    db: Path,
    *,
    cron: str,
    timezone: str = "Asia/Jakarta",
    region: str | None = None,
    year: int | None = None,
    claims: Path | None = None,
) -> None:
    """Block, running the check on the cron schedule, until interrupted (SIGINT/SIGTERM)."""
    parameters = {
        "root": str(folder),
        "db": str(db),
        "region": region,
        "year": year,
        "claims": str(claims) if claims else None,
        "progress": False,
    }
    with followed(), prefect_api():
        try:
            asyncio.run(crash_left_running(deployment_name(folder)))
        except Exception as exc:  # noqa: BLE001 - tidying old records must not keep the schedule from serving
            print(f"Run lama yang tertinggal tidak dapat ditandai crashed: {exc}", file=sys.stderr, flush=True)
        ingest.serve(
            name=deployment_name(folder),
            schedules=[Cron(cron, timezone=timezone)],
            parameters=parameters,
            description=f"Pemeriksaan malam eviden SPBE: {folder}",
            tags=["spbe", "malam"],
            global_limit=1,  # never two runs of the same folder at once
        )
