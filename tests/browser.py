"""A real headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, for UI tests."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# This machine has no internet: keep Chromium from reaching for it (measured: refused connections otherwise).
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1366,900",
]


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium with a profile of its own, quit (and the profile removed) however the block ends."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="spbe-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    with chromium() as driver:
        yield driver


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def review_server(db: Path, *, wait_s: float = 5) -> Iterator[str]:
    """The review page served by uvicorn on a free loopback port, in a background thread."""
    import uvicorn

    from pipeline.review.app import create_app

    config = uvicorn.Config(create_app(db, wait_s=wait_s), host="127.0.0.1", port=free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "review server did not start"
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def save_screenshot(driver, path: Path) -> Path:
    """Full-page PNG of what `driver` shows: the window is grown to the document's scroll height."""
    width = driver.execute_script("return Math.max(document.documentElement.scrollWidth, 1280)")
    for _ in range(3):  # the viewport is smaller than the window by the (headless) chrome height
        height = driver.execute_script("return document.documentElement.scrollHeight")
        chrome = driver.execute_script("return window.outerHeight - window.innerHeight") or 0
        driver.set_window_size(width, height + chrome)
        if driver.execute_script("return window.innerHeight >= document.documentElement.scrollHeight"):
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    return path
