"""The review page at folder scale: gaps paged, filters and decisions kept across pages, grouped by indicator.

`gap_database` writes a completed run over many flagged documents with the real storage layer: the
five documents of tests/test_review.py are judged once (`judge`), and their judgements are repeated
under new paths (`save_files` + `save_judgement`), so every card carries the real messages, snippets
and indicator links. bench/review_page.py measures the page on the same database.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from html import escape, unescape
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from pipeline.judge.claims import Claim
from pipeline.judge.decide import DocInput, judge
from pipeline.model import FileRecord, FileRow, Status
from pipeline.review.app import create_app
from pipeline.review.data import PAGE_SIZE, gap_key
from pipeline.store.connection import session
from pipeline.store.files import save_files
from pipeline.store.judgement import save_judgement
from pipeline.store.runs import finish_run, start_run
from tests.test_review import REGION, YEAR, csrf_token, evidence_texts

SECRET = b"k" * 32
OPDS = ("Diskominfo", "Bappeda", "Setda", "Dinkes", "Dishub", "BKPSDM", "Inspektorat", "Disdukcapil")


def gap_database(base: Path, framework, common, count: int) -> Path:
    """A database whose latest completed run has `count` flagged documents (one gap each, or more)."""
    db = base / "spbe.duckdb"
    texts = evidence_texts()
    docs = [DocInput(p, hashlib.sha256(t.encode()).hexdigest(), "ok", (), (t,)) for p, t in texts.items()]
    judged = judge(docs, framework, common, region=REGION, year=YEAR, claims=CLAIMS)
    flagged = [d for d in judged.documents.values() if d.flags]
    with session(db) as con:
        run_id = start_run(con, root=str(base / "eviden"), region=REGION, year=YEAR, claims=None, version="v")
    documents, rows = {}, []
    for i in range(count):
        template, opd = flagged[i % len(flagged)], OPDS[i % len(OPDS)]
        path = f"{opd}/{i // 100:03d}/{PurePosixPath(template.path).stem}_{i:05d}.txt"
        sha = hashlib.sha256(path.encode()).hexdigest()
        documents[path] = replace(template, path=path)
        record = FileRecord(path, opd, 1000, 0.0, sha, "txt")
        rows.append(FileRow(record, "text", "v", "text", Status.OK, (), run_id, run_id))
    with session(db) as con:
        save_files(con, rows, run_id)
        save_judgement(con, run_id, replace(judged, documents=documents))
        finish_run(con, run_id, status="completed", counts={"files_seen": count})
    return db


CLAIMS = {1: Claim(1, 3, "", ()), 5: Claim(5, 2, "", ())}  # indicator 1 claimed at 3, indicator 5 at 2


@pytest.fixture
def many(tmp_path, framework, common) -> TestClient:
    """120 flagged documents: three pages of the flat list, four of the grouped view (a gap under each indicator)."""
    return TestClient(create_app(gap_database(tmp_path, framework, common, 120), wait_s=0.5, secret=SECRET))


def cards(html: str) -> list[tuple[str, str]]:
    """(path, code) of every card, in page order."""
    return [(unescape(p), c) for p, c in re.findall(r'data-path="([^"]*)" data-code="([^"]*)"', html)]


def links(html: str, rel: str) -> str:
    return unescape(re.search(rf'href="([^"]*)" rel="{rel}"', html).group(1))


def submit_card(client: TestClient, html: str, path: str, decision: str) -> object:
    """Fill in and send the decision form of a card the way the page has it (its hidden fields included)."""
    section = html[html.index(f'data-path="{escape(path)}"') :]
    form = section[: section.index("</form>")]
    fields = {
        unescape(k): unescape(v) for k, v in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form)
    }
    fields.update(decision=decision, note="", who="Rina", csrf_token=csrf_token(client))
    return client.post("/keputusan", data=fields, follow_redirects=False)


def test_a_folder_of_ten_thousand_gaps_gives_a_page_of_fifty_cards_and_bounded_size(tmp_path, framework, common):
    client = TestClient(create_app(gap_database(tmp_path, framework, common, 10_000), secret=SECRET))
    page = client.get("/")
    assert page.status_code == 200
    assert len(cards(page.text)) == PAGE_SIZE
    assert len(page.content) < 300_000  # it was 21.9 MB with every card on one page (bench/review_page.py)
    assert "Halaman 1 dari 200" in page.text and "Menampilkan 1–50 dari 10.000 temuan" in page.text


def test_the_pages_together_show_every_gap_once(many):
    seen = []
    for number in (1, 2, 3):
        seen += cards(many.get("/", params={"halaman": str(number)}).text)
    assert len(seen) == 120 == len(set(seen))
    assert cards(many.get("/", params={"halaman": "4"}).text) == cards(many.get("/", params={"halaman": "3"}).text)


def test_page_links_keep_the_filters(many):
    page = many.get("/", params={"opd": "Bappeda"}).text  # 120 / 8 units = 15 gaps: one page
    assert len(cards(page)) == 15 and 'rel="next"' not in page
    page = many.get("/", params={"flag": "irrelevant"}).text  # 60 gaps: two pages
    following = links(page, "next")
    assert parse_qs(urlsplit(following).query) == {"flag": ["irrelevant"], "halaman": ["2"]}
    second = many.get(following).text
    assert {code for _, code in cards(second)} == {"irrelevant"} and len(cards(second)) == 10
    assert parse_qs(urlsplit(links(second, "prev")).query) == {"flag": ["irrelevant"]}


def test_a_decision_on_a_later_page_returns_to_that_page_with_its_filters(many):
    second = many.get("/", params={"flag": "irrelevant", "halaman": "2"}).text
    path, code = cards(second)[3]
    response = submit_card(many, second, path, "confirmed")
    assert response.status_code == 303
    target = urlsplit(response.headers["location"])
    assert parse_qs(target.query) == {"flag": ["irrelevant"], "halaman": ["2"], "disimpan": ["1"]}
    assert target.fragment == gap_key(path, code)
    shown = many.get(response.headers["location"]).text
    section = shown[shown.index(f'data-path="{escape(path)}"') :]
    assert "Dikonfirmasi" in section[: section.index("</section>")]  # the decision is kept server-side


def test_grouped_by_indicator_each_group_shows_claimed_and_supported_levels(many):
    page = many.get("/", params={"group": "indikator"}).text
    groups = re.findall(r'<div class="group" data-indicator="(\d*)">', page)
    assert groups == ["1", "5"]  # 30 cards of indicator 1, then the first 20 of indicator 5
    first = page[page.index('data-indicator="1"') :]
    assert re.search(
        r"Tingkat yang diklaim: <strong>3</strong>\s*· Tingkat yang didukung eviden: <strong>1</strong>", first
    )
    assert "(di bawah klaim)" in first[: first.index("</div>")]


def test_a_gap_about_two_indicators_appears_under_both(many):
    seen: dict[tuple[str, str], set[str]] = {}
    number, page = 1, many.get("/", params={"group": "indikator"}).text
    while True:
        for indicator, block in re.findall(r'data-indicator="(\d*)">(.*?)(?=<div class="group"|$)', page, re.S):
            for key in cards(block):
                seen.setdefault(key, set()).add(indicator)
        if 'rel="next"' not in page:
            break
        number += 1
        page = many.get(links(page, "next")).text
    drafts = [v for (p, c), v in seen.items() if c == "draft"]
    assert drafts and all(v == {"1", "11"} for v in drafts)  # the draft architecture regulation: indicators 1 and 11
    assert all(v == {""} for (p, c), v in seen.items() if c == "irrelevant")  # no indicator: one group of their own


def test_the_indicator_filter_in_the_grouped_view_shows_that_indicator_only(many):
    page = many.get("/", params={"group": "indikator", "indikator": "5"}).text
    assert set(re.findall(r'<div class="group" data-indicator="(\d*)">', page)) == {"5"}
    assert {code for _, code in cards(page)} == {"other_region"}
    assert 'name="group" value="indikator"' in page  # the filter form keeps the view


def test_the_view_toggle_keeps_the_filters(many):
    page = many.get("/", params={"flag": "draft"}).text
    toggle = unescape(re.search(r'<a class="button" href="([^"]*)">Per indikator</a>', page).group(1))
    assert parse_qs(urlsplit(toggle).query) == {"flag": ["draft"], "group": ["indikator"]}
