"""`unreadable` judged from the database alone: the pages that needed OCR come from the stored pages
(number, characters, confidence), without any page text, so the nightly re-run flags what the first
run flagged."""

from __future__ import annotations

from pipeline.judge.analysis import analyze_json, analyzer_for
from pipeline.judge.decide import decide
from pipeline.judge.flags import OcrPage
from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, FileRecord, FileRow, Method, Page, Status
from pipeline.store.connection import session
from pipeline.store.contents import save_extractions
from pipeline.store.files import save_files
from pipeline.store.judgement import load_analyzed
from pipeline.store.runs import start_run

YEAR = 2025
BODY = (
    "Pasal {n}\nArsitektur SPBE Pemerintah Daerah memuat referensi arsitektur dan domain arsitektur proses "
    "bisnis, data dan informasi, infrastruktur, aplikasi, keamanan dan layanan SPBE yang diterapkan oleh "
    "seluruh perangkat daerah secara terpadu dan berkesinambungan.\n"
)


def stored(tmp_path, path: str, pages: tuple[Page, ...]):
    """The folder's one file as a run stores it, and what the judgement loads back."""
    analyzer = analyzer_for(YEAR)
    name = path.rsplit("/", 1)[-1]
    kind = name.rsplit(".", 1)[-1]
    with session(tmp_path / "db.duckdb") as con:
        run_id = start_run(con, root="/x", region=None, year=YEAR, claims=None, version="v")
        analysis = AnalysisRow(
            AnalysisKey("h", kind, "v", name), analyzer.version, analyze_json([p.text for p in pages], name, analyzer)
        )
        save_extractions(con, [(ContentKey("h", kind), Document(kind, Status.OK, pages))], "v", run_id, [analysis])
        record = FileRecord(path=path, opd=path.split("/")[0], size=1, mtime=0.0, sha256="h", extension=kind)
        save_files(con, [FileRow(record, kind, "v", kind, Status.OK, (), run_id, run_id)], run_id)
        return load_analyzed(con, analyzer.version)


def test_a_stored_scan_whose_ocr_gave_no_text_is_unreadable(tmp_path, framework, common):
    (doc,) = stored(tmp_path, "BKPSDM/scan0002.png", (Page(1, Method.OCR, "", confidence=None),))
    assert doc.no_text and doc.pages == 1 and doc.ocr == (OcrPage(1, 0, None),)
    judged = decide([doc], framework, common, region=None, year=YEAR).documents["BKPSDM/scan0002.png"]
    assert judged.flag_codes == ["unreadable"] and "halaman 1 dari 1" in judged.flags[0].message


def test_a_stored_113_page_text_layer_document_with_a_few_empty_ocr_pages_is_readable(tmp_path, framework, common):
    empty = {7, 30, 64, 99, 113}
    pages = tuple(
        Page(n, Method.OCR, "", confidence=None) if n in empty else Page(n, Method.TEXT_LAYER, BODY.format(n=n))
        for n in range(1, 114)
    )
    (doc,) = stored(tmp_path, "Bappeda/Dokumen_Arsitektur_SPBE.pdf", pages)
    assert doc.pages == 113 and [p.number for p in doc.ocr or ()] == sorted(empty)
    judged = decide([doc], framework, common, region=None, year=YEAR).documents["Bappeda/Dokumen_Arsitektur_SPBE.pdf"]
    assert "unreadable" not in judged.flag_codes
