"""`spbe lhe FILE --db DB` as the admin runs it: a real LHE is stored, a PDF whose tables cannot be read is
refused with exit 2 and changes nothing, and after `spbe run` on a sample_docs-like folder the export and the
report put official, claimed and evidence-supported levels side by side, the drops first.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.official.read import read_lhe
from spbe import cli
from tests.evidence_factory import scanned_pdf, text_pdf
from tests.test_lhe import real_lhe

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FILES = (  # text-layer files of sample_docs/ (no OCR): policies, architecture, roadmap, review, audit
    "Diskominfo/1.a.Perwali_15_Tahun_2023_SPBE.pdf",
    "Diskominfo/1.b.Perwali_8_Tahun_2024_Arsitektur_SPBE.pdf",
    "Diskominfo/11.Lampiran_Perwali_8_2024_Dokumen_Arsitektur_SPBE.pdf",
    "Diskominfo/3.Peta_Rencana_SPBE_2024-2028.pdf",
    "Bagian_Organisasi/1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf",
    "Inspektorat/2024/Laporan/LHA_Audit_TIK_2024.pdf",
)

LHE_WITHOUT_TABLES = [  # an LHE's words as plain lines: the headings and the index, no table anywhere
    "LAPORAN HASIL EVALUASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "EVALUASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK TAHUN 2024",
    "INDEKS SPBE - PEMERINTAH KOTA SUKAMAJU",
    "(Baik)",
    "Nama Indeks Nilai 2024",
    "SPBE 2,98",
    "Perolehan Nilai Tingkat Kematangan Indikator",
    "No Indikator Nilai Tingkat Kematangan 2024",
    "1 Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah 3",
    "2 Tingkat Kematangan Kebijakan Internal Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah 2",
]


def _stored(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT r.year, r.read_at, count(l.indicator) FROM official_results r "
            "LEFT JOIN official_levels l USING (result_id) GROUP BY ALL ORDER BY r.year"
        ).fetchall()
    finally:
        con.close()


def test_a_real_lhe_is_stored_with_its_47_levels_in_a_new_database(tmp_path, capsys):
    db = tmp_path / "spbe.duckdb"
    assert cli.main(["lhe", str(real_lhe(2024)), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Kota Bandar Lampung" in out and "2,98 (Baik)" in out and "47 indikator" in out
    assert [(year, levels) for year, _, levels in _stored(db)] == [(2024, 47)]


def test_the_pemantauan_report_is_stored_and_its_2021_column_is_named(tmp_path, capsys):
    db = tmp_path / "spbe.duckdb"
    assert cli.main(["lhe", str(real_lhe(2022)), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Pemantauan SPBE 2022" in out and "tahun 2021" in out
    assert [(year, levels) for year, _, levels in _stored(db)] == [(2022, 47)]


def test_loading_the_same_lhe_twice_keeps_one_result(tmp_path, capsys):
    db = tmp_path / "spbe.duckdb"
    for _ in range(2):
        assert cli.main(["lhe", str(real_lhe(2023)), "--db", str(db)]) == 0
    assert "Menggantikan hasil 2023" in capsys.readouterr().out
    assert [(year, levels) for year, _, levels in _stored(db)] == [(2023, 47)]


def test_a_pdf_without_the_tables_exits_2_and_creates_no_database(tmp_path, capsys):
    pdf = text_pdf(tmp_path / "lhe-tanpa-tabel.pdf", LHE_WITHOUT_TABLES, pages=2)
    db = tmp_path / "spbe.duckdb"
    assert cli.main(["lhe", str(pdf), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "Tingkat Kematangan" in err and "Tidak ada yang disimpan" in err
    assert not db.exists()


def test_a_pdf_without_the_tables_leaves_a_stored_result_untouched(tmp_path, capsys):
    db = tmp_path / "spbe.duckdb"
    assert cli.main(["lhe", str(real_lhe(2024)), "--db", str(db)]) == 0
    before = _stored(db)
    pdf = text_pdf(tmp_path / "lhe-tanpa-tabel.pdf", LHE_WITHOUT_TABLES, pages=2)
    assert cli.main(["lhe", str(pdf), "--db", str(db)]) == 2
    assert _stored(db) == before


def test_a_scanned_lhe_exits_2_saying_it_has_no_text_layer(tmp_path, capsys):
    import pypdfium2

    document = pypdfium2.PdfDocument(str(real_lhe(2024)))
    try:
        images = [document[i].render(scale=50 / 72).to_pil() for i in (4, 9, 10, 11)]
    finally:
        document.close()
    pdf = scanned_pdf(tmp_path / "lhe-pindaian.pdf", images, dpi=50)
    assert cli.main(["lhe", str(pdf), "--db", str(tmp_path / "spbe.duckdb")]) == 2
    assert "lapisan teks" in capsys.readouterr().err
    assert not (tmp_path / "spbe.duckdb").exists()


def test_a_regulation_that_is_no_lhe_exits_2(tmp_path, capsys):
    pdf = text_pdf(tmp_path / "perwali.pdf")
    assert cli.main(["lhe", str(pdf), "--db", str(tmp_path / "spbe.duckdb")]) == 2
    assert "bukan Laporan Hasil Evaluasi" in capsys.readouterr().err


def test_a_file_that_is_no_pdf_exits_2(tmp_path, capsys):
    other = tmp_path / "lhe.pdf"
    other.write_bytes(b"PK\x03\x04 bukan pdf")
    assert cli.main(["lhe", str(other), "--db", str(tmp_path / "spbe.duckdb")]) == 2
    assert "bukan PDF" in capsys.readouterr().err


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert cli.main(["lhe", str(tmp_path / "tidak-ada.pdf"), "--db", str(tmp_path / "spbe.duckdb")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


# --- after `spbe run` (real Prefect flow) ----------------------------------------------------------


@pytest.fixture(scope="module")
def after_run(tmp_path_factory, prefect_backend):
    """`spbe run` on text files copied from sample_docs/ (Kota Sukamaju, 2025, its claims), then `spbe lhe`
    for the four LHEs, `spbe export` and `spbe report` (HTML and XLSX)."""
    base = tmp_path_factory.mktemp("lhe-run")
    folder, db = base / "eviden", base / "spbe.duckdb"
    for rel in SAMPLE_FILES:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "sample_docs" / rel, folder / rel)
    run = ["run", str(folder), "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025"]
    assert cli.main([*run, "--claims", str(ROOT / "sample_docs.claims.csv"), "--workers", "1", "--quiet"]) == 0
    for year in (2021, 2022, 2023, 2024):
        assert cli.main(["lhe", str(real_lhe(year)), "--db", str(db)]) == 0
    assert cli.main(["export", "--db", str(db), "--json", str(base / "ekspor.json")]) == 0
    assert cli.main(["report", "--db", str(db), "--out", str(base / "laporan.html")]) == 0
    assert cli.main(["report", "--db", str(db), "--out", str(base / "laporan.xlsx")]) == 0
    return {
        "export": json.loads((base / "ekspor.json").read_text(encoding="utf-8")),
        "html": (base / "laporan.html").read_text(encoding="utf-8"),
        "xlsx": base / "laporan.xlsx",
    }


def _lower(export: dict) -> set[int]:
    """What the report must list: evidence (level 1 being the floor) below the newest official level."""
    return {
        i["no"]
        for i in export["indicators"]
        if i["official_level"] is not None and max(i["evidence_level"], 1) < i["official_level"]
    }


@pytest.mark.slow
def test_export_after_a_run_shows_the_official_index_of_2024(after_run):
    index = after_run["export"]["index"]
    assert (index["official"], index["official_predicate"], index["official_year"]) == (2.98, "Baik", 2024)
    assert index["evidence"] is not None and index["claimed"] is not None


@pytest.mark.slow
def test_export_after_a_run_gives_each_indicator_its_2024_official_level_beside_claim_and_evidence(after_run):
    indicators = after_run["export"]["indicators"]
    assert {i["no"]: i["official_level"] for i in indicators} == read_lhe(real_lhe(2024)).level_map()
    assert all(len(i["official_history"]) == 4 for i in indicators)
    assert all("claimed_level" in i and "evidence_level" in i for i in indicators)


@pytest.mark.slow
def test_export_after_a_run_lists_the_four_years_and_warns_of_the_other_government(after_run):
    export = after_run["export"]
    assert [(h["year"], h["kind"]) for h in export["official_history"]] == [
        (2021, "evaluasi"), (2022, "pemantauan"), (2023, "evaluasi"), (2024, "evaluasi"),
    ]  # fmt: skip
    assert "Kota Bandar Lampung" in export["official_note"] and "Kota Sukamaju" in export["official_note"]


@pytest.mark.slow
def test_report_opens_with_the_indicators_whose_evidence_is_now_below_the_official_level(after_run):
    html, export = after_run["html"], after_run["export"]
    start = html.index('id="sec-official-lower"')
    assert start < html.index('id="index-claimed"') and start < html.index('id="sec-charts"')
    section = html[start : html.index("</section>", start)]
    assert "Eviden kini mendukung tingkat lebih rendah daripada hasil evaluasi resmi 2024" in section
    listed = {int(n) for n in re.findall(r'class="official-lower-row" data-no="(\d+)"', section)}
    assert listed == _lower(export)
    assert 36 in listed  # Layanan Kepegawaian: 5 in 2024, nothing in this folder
    by_no = {i["no"]: i for i in export["indicators"]}
    assert 11 not in listed and by_no[11]["evidence_level"] > by_no[11]["official_level"]  # 1 in 2024


@pytest.mark.slow
def test_report_puts_every_year_claim_and_evidence_side_by_side_per_indicator(after_run):
    html, export = after_run["html"], after_run["export"]
    section = html[html.index('<section id="sec-official"') :]
    section = section[: section.index("</section>")]
    for year in (2021, 2022, 2023, 2024):
        assert f"Resmi {year}" in section
    row = section[section.index('id="official-36"') :]
    cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', row[: row.index("</tr>")])
    item = next(i for i in export["indicators"] if i["no"] == 36)
    claimed = "–" if item["claimed_level"] is None else str(item["claimed_level"])
    assert cells == ["36", "3", "2", "4", "5", claimed, str(item["evidence_level"])]
    assert "2,98" in section and "1,20" in section  # the index of every year


@pytest.mark.slow
def test_report_workbook_has_the_official_sheet(after_run):
    from openpyxl import load_workbook

    sheet = load_workbook(after_run["xlsx"], read_only=True)["Hasil Resmi"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("No", "Indikator", "Resmi 2021 (evaluasi)", "Resmi 2022 (pemantauan)",
                           "Resmi 2023 (evaluasi)", "Resmi 2024 (evaluasi)")  # fmt: skip
    assert rows[1][1] == "Indeks SPBE" and rows[1][5] == 2.98
    assert len(rows) == 1 + 1 + 47
