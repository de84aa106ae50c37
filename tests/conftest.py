"""Shared fixtures: a real (temporary) Prefect backend for flow tests."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


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
