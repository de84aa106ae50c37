"""The two real published regulations in ../shared/real/ are read from their text layer, page by page."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.model import Method, Status

REAL = Path(os.environ.get("SPBE_REAL_DOCS", Path(__file__).resolve().parents[2] / "shared" / "real"))
SIGNED = REAL / "perbup-batubara-81-2021-spbe-signed.pdf"
DRAFT = REAL / "rancangan-perbup-lamongan-2021-spbe-draft.pdf"


@pytest.fixture(scope="module")
def signed():
    assert SIGNED.is_file(), f"real test documents missing: {REAL} (set SPBE_REAL_DOCS)"
    return extract(SIGNED)


@pytest.fixture(scope="module")
def draft():
    assert DRAFT.is_file(), f"real test documents missing: {REAL} (set SPBE_REAL_DOCS)"
    return extract(DRAFT)


def test_signed_perbup_is_read_from_its_text_layer_without_ocr(signed):
    assert signed.status is Status.OK and signed.format == "pdf"
    assert signed.page_count == 40
    assert all(page.method is Method.TEXT_LAYER for page in signed.pages)


def test_signed_perbup_text_carries_its_title_and_number(signed):
    first = " ".join(signed.pages[0].text.split()).upper()
    assert "BUPATI BATU BARA" in first
    assert re.search(r"NOMOR\s*:?\s*81 TAHUN 2021", first)


def test_draft_perbup_is_read_and_keeps_its_draft_marker(draft):
    assert draft.status is Status.OK and draft.page_count == 42
    assert draft.ocr_pages == 0
    assert "RANCANGAN" in draft.pages[0].text.upper()
