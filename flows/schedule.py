"""Nightly schedule: serve the ingest flow with Prefect's own scheduler.

`spbe schedule DIR --cron "0 2 * * *"` is one long-lived process. Prefect's
scheduler does not run in the ephemeral (in-process) mode, so unless
PREFECT_API_URL points at a Prefect server already, a local `prefect server
start` is started beside it on 127.0.0.1 and stopped with it; its UI
(http://127.0.0.1:4200) shows the runs. Every scheduled run reuses that
server, so a nightly run does not pay Prefect's start-up again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.ingest import ingest
from flows.local_api import healthy, stop_process

LOCAL_HOST = "127.0.0.1"
LOCAL_PORT = 4200
SERVER_START_TIMEOUT_S = 90


def deployment_name(folder: Path) -> str:
    return f"malam-{folder.name or 'eviden'}"


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
        start_new_session=True,
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
        stop_process(server, timeout_s=20)


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
    with prefect_api():
        ingest.serve(
            name=deployment_name(folder),
            schedules=[Cron(cron, timezone=timezone)],
            parameters=parameters,
            description=f"Pemeriksaan malam eviden SPBE: {folder}",
            tags=["spbe", "malam"],
            global_limit=1,  # never two runs of the same folder at once
        )
