"""`spbe run` starts Prefect's temporary local API before importing Prefect, so the two start-ups overlap."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request

import pytest

from flows.local_api import LocalApi

SCRIPT = """
import sys, urllib.request
from flows.local_api import LocalApi
api = LocalApi.start()
ready = api.wait()
prefect_loaded = "prefect" in sys.modules
print(ready, api.url, prefect_loaded)
api.stop()
"""


def test_a_configured_api_is_used_as_is(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    api = LocalApi.start()
    assert api.process is None and api.url is None
    assert os.environ["PREFECT_API_URL"] == "http://127.0.0.1:9/api"


@pytest.mark.slow
def test_without_a_configured_api_a_local_one_starts_answers_and_stops(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=180, cwd=os.getcwd()
    )
    ready, url, prefect_loaded = out.stdout.split()
    assert ready == "True" and url.startswith("http://127.0.0.1:") and url.endswith("/api")
    assert prefect_loaded == "False"  # the point: the server starts before our process imports Prefect
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/health", timeout=2)  # stopped with the run


@pytest.mark.parametrize("early", [True, False])  # the early server answered / Prefect starts its own instead
def test_a_run_on_a_server_of_its_own_sends_no_heartbeats(early):
    """The server ends with the run: a heartbeat (a lasting server's way to notice a crashed run) has no one
    to tell, and its thread kept every run up to 1 s longer at its end."""
    from prefect.settings import get_current_settings

    from spbe.cli import _prefect_settings

    own = LocalApi()
    own.url = "http://127.0.0.1:9/api"
    with _prefect_settings(own, early):
        assert get_current_settings().flows.heartbeat_frequency is None


def test_a_run_on_a_configured_server_keeps_its_heartbeats(monkeypatch):
    from prefect.settings import get_current_settings

    from spbe.cli import _prefect_settings

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    configured = LocalApi.start()
    with _prefect_settings(configured, early=False):
        assert get_current_settings().flows.heartbeat_frequency is not None
