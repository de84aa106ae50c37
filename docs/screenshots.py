"""Regenerate the screenshots in docs/ from a real run, in a real headless Chromium:

    .venv/bin/python docs/screenshots.py

`spbe run` on sample_docs/ into a new database in a temporary folder, `spbe lhe` on Kota Bandar Lampung's
official reports in ../shared/real/ (2021, 2023, 2024: the sample's region has no LHE, so the report shows
them with its note that they are another government's), then:

    docs/review.png     the review page (`spbe ui`): every gap of the sample, with its page preview
    docs/review-zoom.png  a draft's page enlarged, the matched snippet boxed
    docs/report.png     the report's official-versus-evidence section
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, review_server, save_screenshot  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
LHE_YEARS = (2021, 2023, 2024)


def spbe(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spbe.cli", *args], cwd=ROOT, check=True)


def main() -> int:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory(prefix="spbe-shots-") as tmp:
        db = Path(tmp) / "sample.duckdb"
        spbe("run", "sample_docs", "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025", "--quiet")
        for year in LHE_YEARS:
            spbe("lhe", str(REAL / f"lhe-kota-bandar-lampung-{year}.pdf"), "--db", str(db))
        report = Path(tmp) / "laporan.html"
        spbe("report", "--db", str(db), "--out", str(report))
        with chromium() as browser:
            browser.get(report.resolve().as_uri())
            section = browser.find_element(By.ID, "sec-official")
            browser.set_window_size(1366, 900)
            section.screenshot(str(ROOT / "docs" / "report.png"))
            with review_server(db) as url:
                loaded = "return arguments[0].complete && arguments[0].naturalWidth > 0"
                browser.get(url + "/")  # every gap, with its page preview (lazy: the window is grown first)
                save_screenshot(browser, ROOT / "docs" / "review.png")
                thumbs = browser.find_elements(By.CSS_SELECTOR, "img.thumb")
                WebDriverWait(browser, 120).until(lambda d: all(d.execute_script(loaded, t) for t in thumbs))
                save_screenshot(browser, ROOT / "docs" / "review.png")
                browser.set_window_size(1366, 900)
                browser.get(url + "/?flag=draft")
                browser.find_element(By.CSS_SELECTOR, "img.thumb").click()
                zoom = browser.find_element(By.CSS_SELECTOR, ".zoom:target img")
                WebDriverWait(browser, 60).until(lambda d: d.execute_script(loaded, zoom))
                browser.save_screenshot(str(ROOT / "docs" / "review-zoom.png"))
    print("docs/review.png, docs/review-zoom.png, docs/report.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
