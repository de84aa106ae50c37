"""The review page against real `spbe run`s: decisions survive nightly runs, and the page answers during one."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flows.ingest import run_ingest
from pipeline.review.app import create_app
from tests.browser import review_server
from tests.evidence_factory import REGULATION_LINES, scan_image, scanned_pdf
from tests.test_review import csrf_token, gap_keys

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DRAFT_SOURCE = ROOT / "sample_docs" / "Diskominfo" / "3.R-Perwali_Manajemen_Data.pdf"
DRAFT = "Diskominfo/3.R-Perwali_Manajemen_Data.pdf"


def _run(folder: Path, db: Path):
    return run_ingest(folder, db, region="Kota Sukamaju", year=2025, progress=False)


def _dismiss(client: TestClient, folder: Path, path: str, code: str):
    sha = hashlib.sha256((folder / path).read_bytes()).hexdigest()
    return client.post(
        "/keputusan",
        data={
            "path": path,
            "code": code,
            "sha256": sha,
            "decision": "dismissed",
            "note": "Versi final sedang ditandatangani",
            "who": "Rina (Diskominfo)",
            "csrf_token": csrf_token(client),
        },
        follow_redirects=False,
    )


@pytest.fixture()
def site(tmp_path, prefect_backend):
    folder, db = tmp_path / "eviden", tmp_path / "spbe.duckdb"
    (folder / "Diskominfo").mkdir(parents=True)
    shutil.copy(DRAFT_SOURCE, folder / DRAFT)
    _run(folder, db)
    return folder, db, TestClient(create_app(db))


def test_in_a_browser_a_dismissal_survives_a_real_rerun_and_lapses_when_the_document_changes(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    folder, db, _ = site

    def shown() -> set[str]:
        browser.refresh()
        return {
            s.get_attribute("data-code")
            for s in browser.find_elements(By.CSS_SELECTOR, f'section.gap[data-path="{DRAFT}"]')
        }

    with review_server(db) as url:
        browser.get(url + "/?flag=draft")
        gap = browser.find_element(By.CSS_SELECTOR, f'section.gap[data-path="{DRAFT}"][data-code="draft"]')
        thumb = gap.find_element(By.CSS_SELECTOR, "img.thumb")  # the page preview, under the page's strict CSP
        WebDriverWait(browser, 30).until(lambda d: d.execute_script("return arguments[0].naturalWidth", thumb) > 0)
        Select(gap.find_element(By.NAME, "decision")).select_by_value("dismissed")
        gap.find_element(By.NAME, "note").send_keys("Versi final sedang ditandatangani")
        who = gap.find_element(By.NAME, "who")
        who.clear()  # the browser is shared: an earlier test may have left its name remembered in a cookie
        who.send_keys("Rina")
        gap.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 20).until(lambda d: "disimpan=1" in d.current_url)
        assert "draft" not in shown()

        _run(folder, db)  # the nightly run over the unchanged folder
        assert "draft" not in shown()

        with (folder / DRAFT).open("ab") as handle:  # the OPD re-uploads a changed file
            handle.write(b"\n% revisi\n")
        _run(folder, db)
        assert "draft" in shown()


def test_the_page_answers_and_takes_decisions_while_a_run_is_writing(site):
    from prefect.settings import PREFECT_API_URL

    folder, db, client = site
    for number in range(4):  # OCR work for the second run: a few seconds of writing
        scanned_pdf(
            folder / "Bappeda" / f"pindaian_{number}.pdf", [scan_image(REGULATION_LINES, dpi=200, seed=number)], dpi=200
        )
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "spbe.cli",
            "run",
            str(folder),
            "--db",
            str(db),
            "--quiet",
            "--region",
            "Kota Sukamaju",
            "--year",
            "2025",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses, decided = [], None
    try:
        while run.poll() is None:
            statuses.append(client.get("/").status_code)
            if decided is None and len(statuses) > 3:
                decided = _dismiss(client, folder, DRAFT, "draft").status_code
            time.sleep(0.1)
    finally:
        stderr = run.communicate(timeout=300)[1]
    assert run.returncode == 0, stderr
    assert len(statuses) >= 5 and set(statuses) == {200}
    assert decided == 303
    assert (DRAFT, "draft") not in gap_keys(client.get("/").text)  # the decision made during the run holds
