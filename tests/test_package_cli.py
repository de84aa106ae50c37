"""`spbe package` on a real run: copies per indicator, the index sheet, and an untouched evidence folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe import cli
from tests.fixtures import text_pdf
from tests.test_judge import HEAD, SIGN, SIX_DOMAINS


def regulation_pages(number: str, title: str, body: str) -> list[list[str]]:
    text = HEAD.format(number=number, year=2024, title=title) + body + SIGN.format(year=2024, number=number)
    return [text.splitlines()]


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def packaged(tmp_path_factory, prefect_backend):
    base = tmp_path_factory.mktemp("package")
    folder = base / "eviden"
    for opd in ("Diskominfo", "Bappeda"):
        (folder / opd).mkdir(parents=True)
    text_pdf(folder / "Diskominfo" / "Perwali-8-2024.pdf", regulation_pages("8", "ARSITEKTUR SPBE", SIX_DOMAINS))
    draft = regulation_pages("", "PETA RENCANA SPBE", "Pasal 1\nPeta Rencana SPBE memuat tata kelola SPBE.\n")
    draft[0].insert(0, "RANCANGAN")
    text_pdf(folder / "Bappeda" / "2.Rancangan-Peta-Rencana.pdf", draft)
    db = base / "spbe.duckdb"
    args = ["run", str(folder), "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025", "--quiet"]
    assert cli.main(args) == 0
    before = snapshot(folder)
    out = base / "paket"
    code = cli.main(["package", "--db", str(db), "--out", str(out)])
    export = base / "hasil.json"
    assert cli.main(["export", "--db", str(db), "--json", str(export)]) == 0
    return {"code": code, "out": out, "folder": folder, "before": before, "db": db, "export": export}


def test_package_exits_zero_and_copies_the_valid_regulation_under_its_indicators(packaged):
    assert packaged["code"] == 0
    copies = sorted(p.relative_to(packaged["out"]).as_posix() for p in packaged["out"].rglob("*.pdf"))
    assert "Indikator 01/1.a.Perwali-8-2024.pdf" in copies
    assert not [c for c in copies if "Rancangan" in c]


def test_the_draft_is_listed_as_left_out_with_its_reason(packaged):
    rows = list(load_workbook(packaged["out"] / "indeks-unggah.xlsx")["Tidak disertakan"].values)[1:]
    assert ("Bappeda/2.Rancangan-Peta-Rencana.pdf", "Masih rancangan") in {(r[0], r[2]) for r in rows}


def test_the_index_sheet_carries_each_indicators_penjelasan_draft(packaged):
    rows = list(load_workbook(packaged["out"] / "indeks-unggah.xlsx")["Indeks"].values)
    first = next(r for r in rows[1:] if r[0] == 1)
    assert first[4].startswith("FAKTA: Kebijakan Internal Arsitektur SPBE ditetapkan dalam Peraturan Wali Kota Nomor 8")
    assert len(rows) == 48


def test_the_evidence_folder_is_not_changed(packaged):
    assert snapshot(packaged["folder"]) == packaged["before"]


def test_the_export_carries_the_penjelasan_draft_of_every_indicator(packaged):
    indicators = json.loads(packaged["export"].read_text(encoding="utf-8"))["indicators"]
    assert len(indicators) == 47 and all(i["justification"].startswith("FAKTA: ") for i in indicators)
    assert "berkas Perwali-8-2024.pdf" in indicators[0]["justification"]


def test_a_package_into_the_evidence_folder_exits_two_and_writes_nothing(packaged, capsys):
    target = packaged["folder"] / "paket"
    assert cli.main(["package", "--db", str(packaged["db"]), "--out", str(target)]) == 2
    assert "di dalam folder eviden" in capsys.readouterr().err
    assert not target.exists()
