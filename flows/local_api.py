"""Start Prefect's temporary local API early, so its start-up overlaps ours.

Without a configured PREFECT_API_URL, Prefect starts a temporary server the
first time a flow needs it: about 7 s on a 2-core machine, spent importing the
server in a subprocess *and* in our process, after all our own imports and
before any work. `LocalApi.start()` launches the same server (Prefect's own
ephemeral app: `prefect.server.api.server:create_app` under uvicorn, UI off)
before `spbe run` imports Prefect, and points PREFECT_API_URL at it; the
caller `wait()`s just before the flow starts and `stop()`s it at the end. This
module must not import Prefect: that is the point.

When a Prefect API is configured (a served deployment, a shared server) it
does nothing. If the early server fails to come up, the environment is
restored and Prefect falls back to starting its own.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from pipeline.extract.children import ending_with_this_process

STARTUP_TIMEOUT_S = 120.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _configured_api() -> bool:
    """An API URL in the environment or in the active Prefect profile (read as text, without Prefect)."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    if "prefect.settings" in sys.modules:  # already imported (tests, a served flow): ask its live settings
        from prefect.settings import get_current_settings

        if get_current_settings().api.url:
            return True
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect"))
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml"))
    if not profiles.is_file():
        return False
    import tomllib

    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return True  # unknown: let Prefect decide
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral")
    return bool(data.get("profiles", {}).get(active, {}).get("PREFECT_API_URL"))


def healthy(api_url: str) -> bool:
    """Whether a Prefect API answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop_process(process: subprocess.Popen, timeout_s: float = 10) -> None:
    """Terminate, then kill what does not stop in time, and reap it."""
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class LocalApi:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.url: str | None = None

    @classmethod
    def start(cls) -> LocalApi:
        api = cls()
        if _configured_api() or os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "").lower() in ("0", "false"):
            return api
        spec = importlib.util.find_spec("prefect")
        if spec is None or not spec.submodule_search_locations:
            return api
        port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        api.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                str(Path(spec.submodule_search_locations[0]).parent),
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            # The server ends with the run, even when the run is SIGKILLed. The signal comes when the
            # thread that started it ends: `spbe run` starts it from its main thread.
            preexec_fn=ending_with_this_process(signal.SIGTERM),
        )
        api.url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = api.url
        return api

    def wait(self, timeout_s: float = STARTUP_TIMEOUT_S) -> bool:
        """Block until the early server answers; on failure, undo and let Prefect start its own."""
        if self.process is None or self.url is None:
            return False
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.process.poll() is None:
            if healthy(self.url):
                return True
            time.sleep(0.1)
        self.stop()
        if os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]
        return False

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None

    def __enter__(self) -> LocalApi:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
