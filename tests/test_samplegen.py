"""The sample-evidence generator: labels match the folder, output is reproducible, bad files are bad.

One full generation per module (~8 s), plus a second generation of a few
representative files to check byte-for-byte reproducibility.
"""

from __future__ import annotations

import csv
import hashlib
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

from samplegen.__main__ import build, labels_document, main
from samplegen.catalog import CLAIMS, INDICATOR_LEVELS, specs
from samplegen.render import EXIF_ORIENTATION, degrade, line_boxes, page_size, paginate, photograph, render_page

REPO = Path(__file__).resolve().parents[1]
DOC_TYPES = {
    "perwali",
    "perbup",
    "pergub",
    "perda",
    "sk",
    "surat_edaran",
    "arsitektur",
    "peta_rencana",
    "laporan",
    "notulen",
    "daftar_hadir",
    "sop",
    "screenshot",
    "anggaran",
    "other",
}
FLAGS = {
    "draft",
    "other_region",
    "stale",
    "superseded",
    "unreadable",
    "duplicate",
    "irrelevant",
    "corrupt",
    "encrypted",
    "empty",
    "wrong_extension",
    "unsupported",
}
ERRORS = {"corrupt", "encrypted", "empty", "wrong_extension", "unsupported"}
# flags that make a file worthless as evidence for the folder-level assessment
DISQUALIFYING = {"draft", "other_region", "stale", "superseded", "unreadable", "irrelevant"}
MISSING_ON_PURPOSE = {"14.SK_Peta_Proses_Bisnis_2024.pdf", "21.Pedoman_Manajemen_Risiko_SPBE.pdf"}


def _files(root: Path) -> set[str]:
    return {unicodedata.normalize("NFC", p.relative_to(root).as_posix()) for p in root.rglob("*") if p.is_file()}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """GIVEN the generator WHEN run through its CLI THEN a folder, labels and claims exist."""
    base = tmp_path_factory.mktemp("samplegen")
    out, labels, claims = base / "sample_docs", base / "labels.yaml", base / "claims.csv"
    assert main([str(out), "--labels", str(labels), "--claims", str(claims)]) == 0
    return out, yaml.safe_load(labels.read_text(encoding="utf-8")), claims


def test_labels_cover_every_file_and_nothing_else(generated):
    out, labels, _ = generated
    assert _files(out) == set(labels["files"])
    assert labels["region"] == "Kota Sukamaju" and labels["assessment_year"] == 2025


def test_labels_are_well_formed(generated):
    _, labels, _ = generated
    for path, lab in labels["files"].items():
        assert lab["status"] in {"ok", "failed", "unsupported"}, path
        if lab["status"] == "ok":
            assert lab["error"] is None, path
            assert lab["doc_type"] in DOC_TYPES, path
        else:
            assert lab["error"] in ERRORS and lab["error"] in lab["flags"], path
            if lab["error"] != "wrong_extension":  # a misnamed file is still read; others have no content
                assert lab["indicators"] == {}, path
        assert set(lab["flags"]) <= FLAGS, path
        assert all(1 <= int(k) <= 47 and 1 <= v <= 5 for k, v in lab["indicators"].items()), path
        assert lab["scanned_pages"] <= lab["ocr_pages"] <= lab["pages"], path
        for ref in ("duplicate_of", "superseded_by"):
            if ref in lab:
                assert lab[ref] in labels["files"], (path, ref)


def test_folder_levels_are_consistent_with_file_levels(generated):
    """Every indicator 1-47 has a folder level; no valid file supports more than the folder level."""
    _, labels, _ = generated
    levels = labels["indicator_levels"]
    assert sorted(levels) == list(range(1, 48))
    best: dict[int, int] = {}
    for lab in labels["files"].values():
        if lab["status"] != "ok" and lab["error"] != "wrong_extension" or DISQUALIFYING & set(lab["flags"]):
            continue
        for k, v in lab["indicators"].items():
            best[int(k)] = max(best.get(int(k), 0), v)
    for n, entry in levels.items():
        assert 0 <= entry["level"] <= 5 and entry["reason"]
        assert best.get(n, 0) <= entry["level"], n


def test_page_counts_of_readable_files(generated):
    import openpyxl
    import pypdfium2 as pdfium
    from PIL import Image

    out, labels, _ = generated
    for path, lab in labels["files"].items():
        if lab["status"] != "ok" and lab["error"] != "wrong_extension":
            continue
        p = out / path
        if lab["format"] == "pdf":
            doc = pdfium.PdfDocument(str(p))
            assert len(doc) == lab["pages"], path
            empty = sum(1 for i in range(len(doc)) if not doc[i].get_textpage().get_text_range().strip())
            assert empty == lab["scanned_pages"], path  # scans carry no text layer
        elif lab["format"] in {"png", "jpeg", "tiff"}:
            with Image.open(p) as im:
                assert im.format.lower() == lab["format"], path
                assert getattr(im, "n_frames", 1) == lab["pages"], path
        elif lab["format"] == "xlsx":
            assert len(openpyxl.load_workbook(p, read_only=True).sheetnames) == lab["pages"], path


def test_key_phrases_in_text_layer_documents(generated):
    import docx
    import pypdfium2 as pdfium

    out, labels, _ = generated
    for path, lab in labels["files"].items():
        if lab["status"] != "ok" or lab["ocr_pages"] or not lab["key_phrases"]:
            continue
        p = out / path
        if lab["format"] == "pdf":
            doc = pdfium.PdfDocument(str(p))
            text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        elif lab["format"] == "docx":
            d = docx.Document(str(p))
            text = "\n".join(x.text for x in d.paragraphs) + "\n".join(
                c.text for t in d.tables for r in t.rows for c in r.cells
            )
        else:
            continue
        flat = " ".join(text.split())
        for phrase in lab["key_phrases"]:
            assert " ".join(phrase.split()) in flat, (path, phrase)


def test_bad_files_are_bad_in_the_intended_way(generated):
    out, labels, _ = generated
    by_error = {}
    for path, lab in labels["files"].items():
        by_error.setdefault(lab["error"], []).append(out / path)
        if "wrong_extension" in lab["flags"]:
            assert (out / path).read_bytes()[:3] == b"\xff\xd8\xff"
    assert all(p.stat().st_size == 0 for p in by_error["empty"])
    assert all(b"/Encrypt" in p.read_bytes() for p in by_error["encrypted"])
    for p in by_error["corrupt"]:
        data = p.read_bytes()
        assert data and not zipfile.is_zipfile(p) and b"%%EOF" not in data
    assert all(p.read_bytes()[4:8] == b"ftyp" for p in by_error["unsupported"])
    dup = [lab for lab in labels["files"].values() if "duplicate_of" in lab and lab["format"] == "pdf"]
    assert dup and all(
        _sha(out / lab["duplicate_of"]) == _sha(out / p) for p, lab in labels["files"].items() if lab in dup
    )


def test_claims_csv(generated):
    out, labels, claims = generated
    with claims.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["indikator", "level", "penjelasan", "eviden"]
    assert [int(r["indikator"]) for r in rows] == list(range(1, 48))
    names = {p.rsplit("/", 1)[-1] for p in labels["files"]}
    cited = {f for r in rows for f in r["eviden"].split(";") if f}
    assert cited - names == MISSING_ON_PURPOSE
    truth = {n: e["level"] for n, e in labels["indicator_levels"].items()}
    over = [int(r["indikator"]) for r in rows if int(r["level"]) > truth[int(r["indikator"])] and r["eviden"]]
    under = [int(r["indikator"]) for r in rows if int(r["level"]) < truth[int(r["indikator"])]]
    assert len(over) >= 3 and under == [33]
    assert any(not r["eviden"] for r in rows)


def test_regeneration_is_byte_identical(generated, tmp_path):
    """A second run of representative builders gives the same bytes (fixed dates, seeds, zip stamps)."""
    out, _, _ = generated
    wanted = {
        "Diskominfo/1.a.Perwali_15_Tahun_2023_SPBE.pdf",  # text PDF
        "Diskominfo/10.SK_Tim_Koordinasi_SPBE_2024.docx",
        "Bappeda/14.Rekap_RKA_DPA_SPBE_2023-2025.xlsx",
        "Diskominfo/Daftar Hadir Rapat Tim Koordinasi SPBE 14-03-2025.pdf",  # scan
        "Bagian_Hukum/Scan_Perwali_22_2019_ulang.tif",
        "BPKAD/Laporan_Realisasi_Anggaran_TIK_2024.pdf",  # encrypted
        "Bappeda/32.Screenshot_e-Planning.png",
    }
    subset = [s for s in specs() if s.path in wanted]
    assert len(subset) == len(wanted)
    build(tmp_path, subset)
    for rel in wanted:
        assert _sha(tmp_path / rel) == _sha(out / rel), rel


def test_committed_sample_folder_matches_generator():
    """sample_docs/ and its labels/claims beside it are what the generator writes (paths and labels)."""
    folder = REPO / "sample_docs"
    labels_path = REPO / "sample_docs.labels.yaml"
    assert labels_path.is_file(), "sample_docs.labels.yaml is committed beside sample_docs/"
    committed = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    expected = yaml.safe_load(yaml.safe_dump(labels_document(specs()), allow_unicode=True))
    assert committed == expected, "regenerate: python -m samplegen sample_docs --clean --labels ... --claims ..."
    assert _files(folder) == set(committed["files"])
    claims = (REPO / "sample_docs.claims.csv").read_text(encoding="utf-8").splitlines()
    assert len(claims) == 48 and len(CLAIMS) == 47 and len(INDICATOR_LEVELS) == 47


# --- render API ---------------------------------------------------------------------------------


def test_render_page_is_a4_grey_and_deterministic():
    lines = ["WALI KOTA SUKAMAJU", "", "Pasal 1", "a.   bahwa " + "kata " * 60]
    a = render_page(lines, dpi=100, seed=3, bold_lines={0}, align={0: "center", 3: "justify"})
    b = render_page(lines, dpi=100, seed=3, bold_lines={0}, align={0: "center", 3: "justify"})
    assert a.mode == "L" and a.size == page_size(100) and a.tobytes() == b.tobytes()
    assert a.getextrema() == (0, 255)
    boxes = line_boxes(lines, dpi=100, seed=3, bold_lines={0}, align={0: "center", 3: "justify"})
    assert boxes[3][3] - boxes[3][1] > 3 * (boxes[2][3] - boxes[2][1])  # the long line wrapped
    assert paginate(lines * 20, dpi=100)[0][0] == 0 and len(paginate(lines * 20, dpi=100)) > 1


def test_degrade_and_photograph_are_seeded():
    page = render_page(["NOMOR 15 TAHUN 2023"], dpi=60)
    assert degrade(page).tobytes() == page.tobytes()
    d1 = degrade(page, noise=0.05, blur=0.6, rotate_deg=1.5, seed=7)
    assert d1.tobytes() == degrade(page, noise=0.05, blur=0.6, rotate_deg=1.5, seed=7).tobytes()
    assert d1.tobytes() != degrade(page, noise=0.05, blur=0.6, rotate_deg=1.5, seed=8).tobytes()
    photo = photograph(page, rotate=90, seed=1)
    assert photo.mode == "RGB" and photo.width > photo.height  # sideways
    assert photo.tobytes() == photograph(page, rotate=90, seed=1).tobytes()
    assert EXIF_ORIENTATION[90] == 6
