"""The admin review page: gaps of the latest run, decisions with an audit trail, safe file links.

The database is built with the real storage layer: real files on disk (their SHA-256 is the
content key), `save_files` for the inventory, and `judge` + `save_judgement` on the texts,
once per simulated nightly run.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from pipeline.judge.decide import DocInput, judge
from pipeline.model import FileRecord, FileRow, Problem, Status
from pipeline.review.app import create_app, serve
from pipeline.review.files import FileRefused, safe_file
from pipeline.store.connection import session
from pipeline.store.files import save_files
from pipeline.store.judgement import save_judgement
from pipeline.store.runs import finish_run, start_run
from tests.browser import review_server
from tests.test_judge import SIX_DOMAINS, regulation

REGION, YEAR = "Kota Sukamaju", 2025
DRAFT = "Diskominfo/Rancangan_Perwali_Arsitektur.txt"
ENACTED = "Diskominfo/Perwali_Arsitektur_SPBE.txt"
FOREIGN = "Bappeda/Perwali_Ternate.txt"
HOSTILE = "Bappeda/<img src=x onerror=alert(1)>.txt"
INVITATION = "Setda/Undangan_Fun_Run.txt"
CORRUPT = "Dinkes/Laporan_rusak.pdf"
SCRIPT = "<script>alert('xss')</script>"

INVITATION_TEXT = (
    "UNDANGAN\nFun Run dan Jalan Sehat Hari Jadi Kota Sukamaju ke-78\nMinggu, 10 Agustus 2025\n"
    "Start dan finish di Alun-alun Kota Sukamaju pukul 06.00 WIB. Peserta mendapat kaos, medali dan "
    "hadiah undian menarik. Pendaftaran gratis melalui panitia di setiap kelurahan.\nPanitia"
)


ENACTED_BODY = (
    "Pasal 1\nDalam Peraturan Wali Kota ini yang dimaksud dengan Satu Data adalah kebijakan tata kelola data "
    "pemerintah untuk menghasilkan data yang akurat, mutakhir, terpadu, dapat dipertanggungjawabkan, mudah "
    "diakses dan dibagipakaikan antar Perangkat Daerah melalui pemenuhan standar data, metadata, "
    "interoperabilitas data dan kode referensi.\nPasal 2\nWali Kota menetapkan Walidata, Produsen Data dan "
    "Pembina Data; Forum Satu Data dipimpin Sekretaris Daerah dan bersidang paling sedikit dua kali setahun "
    "untuk menetapkan daftar data prioritas, jadwal pemutakhiran dan portal data terbuka.\n"
)
OTHER_BODY = (
    "Pasal 4\nPusat data pemerintah daerah dikelola oleh Dinas Komunikasi dan Informatika dengan "
    "standar keamanan informasi, rencana pemulihan bencana dan pemantauan kapasitas jaringan intra "
    "pemerintah yang menghubungkan seluruh kantor kecamatan dan kelurahan.\n"
)
HOSTILE_TEXT = (
    "PENGUMUMAN\nLomba Balap Karung dan Panjat Pinang Tingkat RW\nDalam rangka memeriahkan HUT RI ke-80 "
    "warga diundang mengikuti lomba tarik tambang, makan kerupuk, dan bakiak beregu di lapangan "
    "kelurahan setiap Sabtu sore. Hadiah berupa sembako, piala bergilir dan uang pembinaan.\nKetua RW 07"
)


def evidence_texts() -> dict[str, str]:
    draft = regulation(DRAFT, SIX_DOMAINS, title=f"ARSITEKTUR SPBE {SCRIPT}", signed=False).pages[0]
    enacted = regulation(ENACTED, ENACTED_BODY, number="5", year=2023, title="SATU DATA KOTA SUKAMAJU").pages[0]
    foreign = regulation(FOREIGN, OTHER_BODY, number="17", year=2022, title="PUSAT DATA DAN JARINGAN INTRA PEMERINTAH")
    foreign_text = foreign.pages[0].replace("SUKAMAJU", "TERNATE").replace("Sukamaju", "Ternate")
    return {DRAFT: draft, ENACTED: enacted, FOREIGN: foreign_text, HOSTILE: HOSTILE_TEXT, INVITATION: INVITATION_TEXT}


class Site:
    """An evidence folder and its database, advanced one nightly run at a time."""

    def __init__(self, base: Path, framework, common):
        self.root, self.db = base / "eviden", base / "spbe.duckdb"
        self.framework, self.common = framework, common
        self.texts = evidence_texts()
        self.run_id = 0

    def nightly(self) -> int:
        with session(self.db) as con:
            run_id = start_run(con, root=str(self.root), region=REGION, year=YEAR, claims=None, version="v")
        rows, docs = [], []
        for path, text in {**self.texts, CORRUPT: None}.items():
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode() if text is not None else b"%PDF-1.4 rusak \x00\x01"
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
            sha = hashlib.sha256(data).hexdigest()
            record = FileRecord(
                path, path.split("/")[0], len(data), target.stat().st_mtime, sha, path.rsplit(".", 1)[1]
            )
            if text is None:
                problem = Problem(
                    "corrupt", "Berkas PDF rusak dan tidak dapat dibuka. Unggah ulang dari sumber aslinya."
                )
                rows.append(FileRow(record, "pdf", "v", "pdf", Status.FAILED, (problem,), 1, run_id))
                docs.append(DocInput(path, sha, "failed", ("corrupt",), ()))
            else:
                rows.append(FileRow(record, "text", "v", "text", Status.OK, (), 1, run_id))
                docs.append(DocInput(path, sha, "ok", (), (text,)))
        with session(self.db) as con:
            save_files(con, rows, run_id)
        judgement = judge(docs, self.framework, self.common, region=REGION, year=YEAR)
        with session(self.db) as con:
            save_judgement(con, run_id, judgement)
            finish_run(con, run_id, status="completed", counts={"files_seen": len(rows)})
        self.run_id = run_id
        return run_id

    def decisions(self) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(
                "SELECT id, path, code, decision, note, who, decided_at, sha256 FROM decisions ORDER BY id"
            ).fetchall()


@pytest.fixture
def site(tmp_path, framework, common) -> Site:
    s = Site(tmp_path, framework, common)
    s.nightly()
    return s


@pytest.fixture
def client(site) -> TestClient:
    return TestClient(create_app(site.db, wait_s=0.5))


def gap_keys(html: str) -> set[tuple[str, str]]:
    """(path, code) of every gap shown, read back from the page's data attributes."""
    import html as html_lib
    import re

    return {(html_lib.unescape(p), c) for p, c in re.findall(r'data-path="([^"]*)" data-code="([^"]*)"', html)}


def csrf_token(client) -> str:
    """The CSRF token of the client's session (any response gives a new client its session cookie).

    Taken from the app rather than a rendered form, so it also works while the page answers 503;
    tests/test_review_auth.py checks that the page's forms carry this very token.
    """
    if "spbe_sesi" not in client.cookies:
        client.get("/")
    app = client.app
    return app.state.sessions.csrf(app.state.sessions.unsign(client.cookies["spbe_sesi"]))


def decide(client, path, code, decision, note="", who="Rina (Diskominfo)", **filters):
    """Submit the decision form the way the page does (with the session's CSRF token)."""
    sha = hashlib.sha256((client.app.state.db.parent / "eviden" / path).read_bytes()).hexdigest()
    return client.post(
        "/keputusan",
        data={
            "path": path,
            "code": code,
            "sha256": sha,
            "decision": decision,
            "note": note,
            "who": who,
            "csrf_token": csrf_token(client),
            **filters,
        },
        follow_redirects=False,
    )


def test_the_list_shows_every_gap_with_explanation_action_snippet_and_file_link(client):
    page = client.get("/")
    assert page.status_code == 200
    assert gap_keys(page.text) == {
        (DRAFT, "draft"),
        (FOREIGN, "other_region"),
        (HOSTILE, "irrelevant"),
        (INVITATION, "irrelevant"),
        (CORRUPT, "corrupt"),
    }
    assert "Masih rancangan" in page.text and "Dokumen masih rancangan" in page.text  # label and explanation
    assert "Minta OPD mengunggah versi yang telah ditetapkan" in page.text  # suggested action
    assert "Berkas PDF rusak" in page.text  # ingestion failure with its message
    assert (
        "pusat data dan jaringan intra pemerintah" in page.text.lower() and "halaman 1" in page.text
    )  # snippet + page
    assert 'href="/berkas/Diskominfo/Rancangan_Perwali_Arsitektur.txt"' in page.text
    assert "Belum ditinjau" in page.text


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"opd": "Bappeda"}, {(FOREIGN, "other_region"), (HOSTILE, "irrelevant")}),
        ({"indikator": "5"}, {(FOREIGN, "other_region")}),
        ({"flag": "irrelevant"}, {(HOSTILE, "irrelevant"), (INVITATION, "irrelevant")}),
        ({"opd": "Setda", "flag": "irrelevant"}, {(INVITATION, "irrelevant")}),
    ],
)
def test_filters_by_opd_indicator_and_flag(client, query, expected):
    page = client.get("/", params=query)
    assert gap_keys(page.text) == expected
    for value in query.values():
        assert f'value="{value}" selected' in page.text  # the form keeps the filter


def test_dismissing_without_a_note_is_refused(client, site):
    response = decide(client, DRAFT, "draft", "dismissed", note="   ")
    assert response.status_code == 400
    assert "catatan wajib diisi" in response.text and "BELUM disimpan" in response.text
    assert 'value="Rina (Diskominfo)"' in response.text  # the form comes back filled to resubmit
    assert site.decisions() == []


def test_a_dismissal_with_a_note_is_stored_with_who_and_when_and_hidden_by_default(client, site):
    before = time.time()
    response = decide(client, DRAFT, "draft", "dismissed", note="Versi final sudah ada di folder Setda", flag="draft")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/?flag=draft&disimpan=1#g")  # PRG, filters kept
    [(_, path, code, decision, note, who, when, _)] = site.decisions()
    assert (path, code, decision, note, who) == (
        DRAFT,
        "draft",
        "dismissed",
        "Versi final sudah ada di folder Setda",
        "Rina (Diskominfo)",
    )
    assert when.timestamp() >= before - 1
    assert (DRAFT, "draft") not in gap_keys(client.get("/").text)
    shown = client.get("/", params={"tampilkan_ditolak": "1"}).text
    assert (DRAFT, "draft") in gap_keys(shown) and "Ditolak — bukan masalah" in shown
    assert 'name="who" value="Rina (Diskominfo)"' in client.get("/").text  # remembered in a cookie


def test_a_decision_survives_another_run_over_the_unchanged_file(client, site):
    decide(client, FOREIGN, "other_region", "dismissed", note="Kerja sama resmi dengan Kota Ternate")
    site.nightly()
    page = client.get("/", params={"tampilkan_ditolak": "1"}).text
    assert f"pemeriksaan #{site.run_id}" in page and site.run_id == 2
    assert (FOREIGN, "other_region") not in gap_keys(client.get("/").text)
    assert (FOREIGN, "other_region") in gap_keys(page)


def test_when_the_content_changes_the_gap_is_undecided_again(client, site):
    decide(client, FOREIGN, "other_region", "dismissed", note="Kerja sama resmi dengan Kota Ternate")
    site.texts[FOREIGN] += "\nLampiran: daftar perangkat jaringan.\n"
    site.nightly()
    page = client.get("/").text
    assert (FOREIGN, "other_region") in gap_keys(page)
    section = page[page.index(f'data-path="{FOREIGN}"') :]
    section = section[: section.index("</section>")]
    assert "Belum ditinjau" in section and "versi lama" in section  # history kept, marked as another version


def test_the_audit_trail_is_append_only_and_the_latest_decision_wins(client, site):
    assert decide(client, CORRUPT, "corrupt", "confirmed", who="Rina").status_code == 303
    assert decide(client, CORRUPT, "corrupt", "fixed", note="Sudah diunggah ulang", who="Budi").status_code == 303
    rows = site.decisions()
    assert [(r[3], r[5]) for r in rows] == [("confirmed", "Rina"), ("fixed", "Budi")]
    page = client.get("/", params={"opd": "Dinkes"}).text
    assert 'Status: <span class="badge fixed">Sudah diperbaiki</span>' in page
    assert "Riwayat keputusan (2)" in page and "Dikonfirmasi" in page  # both in the trail


def test_document_text_is_escaped(client):
    page = client.get("/").text
    assert "<img src=x onerror=alert(1)>" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>" not in page and "&lt;script&gt;alert(" in page  # the draft's title
    assert "default-src 'none'" in client.get("/").headers["content-security-policy"]


def test_the_file_link_serves_the_file(client, site):
    response = client.get("/berkas/Bappeda/Perwali_Ternate.txt")
    assert response.status_code == 200 and response.text == site.texts[FOREIGN]
    assert response.headers["content-type"].startswith("text/plain")
    assert "sandbox" in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/berkas/../spbe.duckdb",
        "/berkas/Bappeda/..%2F..%2Fspbe.duckdb",
        "/berkas/%2Fetc%2Fpasswd",
        "/berkas/Setda/../../spbe.duckdb",
        "/berkas/Setda/link.txt",
    ],
)
def test_the_file_route_refuses_traversal_and_symlinks(client, site, url):
    (site.root / "Setda" / "link.txt").symlink_to(site.db)
    response = client.get(url)
    assert response.status_code == 404
    assert "tidak dapat dibuka" in response.text or "tidak ditemukan" in response.text  # Indonesian page
    assert b"DUCK" not in response.content


@pytest.mark.parametrize("relative", ["../spbe.duckdb", "Setda/../../spbe.duckdb", "/etc/passwd", "Setda/./x", ""])
def test_safe_file_refuses_paths_outside_the_evidence_root(site, relative):
    with pytest.raises(FileRefused):
        safe_file(site.root, relative)


def test_the_file_route_refuses_a_path_through_a_symlinked_folder(client, site, tmp_path):
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "Perwali_Ternate.txt").write_text("rahasia")
    (site.root / "Bappeda" / "Perwali_Ternate.txt").unlink()
    (site.root / "Bappeda").rename(tmp_path / "Bappeda_asli")
    (site.root / "Bappeda").symlink_to(outside)
    response = client.get("/berkas/Bappeda/Perwali_Ternate.txt")
    assert response.status_code == 404 and "rahasia" not in response.text


@pytest.fixture
def held_database(site):
    """Another process (like a running `spbe run`) holding the database file."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            ("import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)"),
            str(site.db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def test_a_busy_database_gives_a_friendly_503(client, held_database):
    response = client.get("/")
    assert response.status_code == 503
    assert "sedang diperbarui, muat ulang sebentar lagi" in response.text
    assert "Traceback" not in response.text and "Conflicting lock" not in response.text


def test_a_decision_that_cannot_be_written_is_never_lost_silently(client, site, held_database):
    response = decide(client, DRAFT, "draft", "confirmed")
    assert response.status_code == 503 and "BELUM disimpan" in response.text
    assert "Kirim ulang keputusan" in response.text and f'value="{DRAFT}"' in response.text
    held_database.kill()
    held_database.wait()
    assert site.decisions() == []


def test_it_binds_localhost_by_default():
    import inspect

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


@pytest.fixture
def live_server(site):
    with review_server(site.db) as url:
        yield url


def test_in_a_real_browser_an_admin_filters_dismisses_and_sees_the_decision(browser, live_server, site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    def submit_and_wait(button, url_part: str) -> None:
        """Click, then wait until the new page has loaded (old elements go stale on navigation)."""
        button.click()
        WebDriverWait(browser, 20).until(
            lambda d: url_part in d.current_url and d.execute_script("return document.readyState") == "complete"
        )

    browser.get(live_server + "/")
    # The stylesheet runs under the strict CSP (style nonce, no 'unsafe-inline'): it must still apply.
    assert (
        browser.find_element(By.TAG_NAME, "header").value_of_css_property("background-color") == "rgba(18, 53, 91, 1)"
    )
    Select(browser.find_element(By.NAME, "flag")).select_by_value("irrelevant")
    submit_and_wait(browser.find_element(By.CSS_SELECTOR, "#filter button[type=submit]"), "flag=irrelevant")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.gap")
    assert {s.get_attribute("data-path") for s in sections} == {HOSTILE, INVITATION}

    gap = next(s for s in sections if s.get_attribute("data-path") == INVITATION)
    Select(gap.find_element(By.NAME, "decision")).select_by_value("dismissed")
    gap.find_element(By.NAME, "note").send_keys("Undangan ini memang bukan eviden; sudah dihapus OPD")
    who = gap.find_element(By.NAME, "who")
    who.clear()  # the browser is shared: an earlier test may have left its name remembered in a cookie
    who.send_keys("Rina")
    submit_and_wait(gap.find_element(By.CSS_SELECTOR, "button[type=submit]"), "disimpan=1")

    assert "Keputusan tersimpan" in browser.find_element(By.TAG_NAME, "body").text
    assert "flag=irrelevant" in browser.current_url  # back to the filtered list
    browser.refresh()
    paths = {s.get_attribute("data-path") for s in browser.find_elements(By.CSS_SELECTOR, "section.gap")}
    assert paths == {HOSTILE}  # dismissed: hidden by default
    browser.find_element(By.NAME, "tampilkan_ditolak").click()
    submit_and_wait(browser.find_element(By.CSS_SELECTOR, "#filter button[type=submit]"), "tampilkan_ditolak=1")
    shown = browser.find_element(By.CSS_SELECTOR, f'section.gap[data-path="{INVITATION}"]')
    assert "Ditolak — bukan masalah" in shown.text and "Rina" in shown.text
    assert browser.find_element(By.NAME, "who").get_attribute("value") == "Rina"  # remembered
    assert [r[3:6] for r in site.decisions()] == [
        ("dismissed", "Undangan ini memang bukan eviden; sudah dihapus OPD", "Rina")
    ]


def test_the_page_names_findings_by_their_labels_never_by_their_codes(client):
    import re

    from pipeline.outputs.labels import FLAG_LABELS

    page = client.get("/").text
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S))
    assert "Berkas rusak" in visible  # a label is shown
    shown_codes = [c for c in FLAG_LABELS if re.search(rf"(?<![\w/.-]){re.escape(c)}(?![\w/.-])", visible)]
    assert not shown_codes
