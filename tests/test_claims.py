"""Reading the self-assessment (penilaian mandiri) from CSV or XLSX."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.judge.claims import ClaimsError, read_claims


def test_csv_claims_are_read_with_their_cited_files(tmp_path):
    path = tmp_path / "klaim.csv"
    path.write_text("indikator,level,penjelasan,eviden\n1,3,Perwali 12/2023,a.pdf; b.pdf\n2,2,,\n", encoding="utf-8")
    claims = read_claims(path)
    assert claims[1].level == 3 and claims[1].evidence == ("a.pdf", "b.pdf")
    assert claims[2].evidence == ()


def test_semicolon_separated_csv_with_bom_is_accepted(tmp_path):
    path = tmp_path / "klaim.csv"
    path.write_bytes("\ufeffIndikator;Level;Penjelasan;Eviden\n5;4;x;y.pdf\n".encode("utf-8"))
    assert read_claims(path)[5].level == 4


def test_xlsx_claims_are_read(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["indikator", "level", "penjelasan", "eviden"])
    book.active.append([10, 2, "SK Tim Koordinasi", "sk.pdf"])
    book.save(tmp_path / "klaim.xlsx")
    assert read_claims(tmp_path / "klaim.xlsx")[10].evidence == ("sk.pdf",)


@pytest.mark.parametrize("content", ["indikator,level\n1,7\n", "indikator,level\nsatu,2\n", "nomor,tingkat\n1,2\n"])
def test_invalid_claims_are_refused_with_a_message(tmp_path, content):
    path = tmp_path / "klaim.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimsError):
        read_claims(path)


@pytest.mark.slow
def test_a_bad_claims_file_stops_spbe_run_with_exit_2_before_any_work(tmp_path, prefect_backend, capsys):
    from spbe import cli
    from tests.evidence_factory import text_pdf

    folder = tmp_path / "eviden" / "Diskominfo"
    folder.mkdir(parents=True)
    text_pdf(folder / "perwali.pdf", ["PERATURAN WALI KOTA SUKAMAJU NOMOR 1 TAHUN 2024"])
    claims = tmp_path / "klaim.csv"
    claims.write_text("indikator,level\n1,7\n", encoding="utf-8")
    db = tmp_path / "spbe.duckdb"
    code = cli.main(["run", str(folder.parent), "--db", str(db), "--claims", str(claims), "--quiet", "--year", "2025"])
    assert code == 2
    assert "level 7 di luar 1-5" in capsys.readouterr().err
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:  # the file exists (checked free) but holds no run
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
