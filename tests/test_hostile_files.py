"""Hostile files (issue 6): each gets its own clear problem, in bounded time and memory, never a crash.

Every hostile file is built here in code: PNG/JPEG/TIFF headers and PDFs are
written byte by byte (tiny files that declare huge sizes or nest thousands
deep), zip bombs are real DOCX/XLSX packages with an inflated member. Memory is
bounded with the process's peak RSS (`resource`), which only ever grows: a
decoded bomb would add gigabytes, the checks allow 200 MB. Times are bounds a
correct run meets many times over, not measurements.
"""

from __future__ import annotations

import io
import os
import resource
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

import pipeline.extract.extractor
import pipeline.extract.formats.pdf
from pipeline.extract.extractor import extract
from pipeline.extract.formats.pdf import MIN_RENDER_DPI, render_scale
from pipeline.ingest.discover import discover
from pipeline.model import Method, Status
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from tests.evidence_factory import build_pdf, docx_file, scan_image, scanned_pdf, stream, text_pdf, xlsx_file
from tests.fixtures import SHORT_LINES, merge_pdfs, squash, text_strip

#: Peak RSS growth allowed while refusing a bomb (decoding one would need gigabytes).
MAX_RSS_GROWTH_MB = 200


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extract_bounded(path: Path, settings: ExtractSettings = DEFAULT_SETTINGS, *, seconds: float = 10.0):
    """extract() with the bounds every hostile file must meet: time and peak-memory growth."""
    before = peak_rss_mb()
    doc = extract(path, settings)
    assert doc.seconds < seconds, f"took {doc.seconds} s"
    assert peak_rss_mb() - before < MAX_RSS_GROWTH_MB
    return doc


# --- builders -------------------------------------------------------------------------


def png_declaring(width: int, height: int) -> bytes:
    """A ~100-byte PNG whose header claims width x height 8-bit gray pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small real JPEG with its frame header (SOF0) rewritten to claim width x height."""
    buf = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def tiff_declaring(width: int, height: int) -> bytes:
    """A small real TIFF with its ImageWidth / ImageLength tags rewritten (as LONGs)."""
    buf = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buf, "TIFF")
    data = bytearray(buf.getvalue())
    assert data[:4] == b"II*\x00"
    ifd = struct.unpack_from("<I", data, 4)[0]
    for i in range(struct.unpack_from("<H", data, ifd)[0]):
        entry = ifd + 2 + 12 * i
        tag = struct.unpack_from("<H", data, entry)[0]
        if tag in (256, 257):
            struct.pack_into("<HHII", data, entry, tag, 4, 1, width if tag == 256 else height)
    return bytes(data)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = stream(
    b"BT /F1 12 Tf 72 720 Td (Peraturan Wali Kota Sukamaju tentang Sistem Pemerintahan Berbasis Elektronik) Tj ET"
)


def page(parent: int, extra: bytes = b"", *, font: int = 3, contents: int = 4, box: bytes = b"0 0 595 842") -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [%s] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R %s>>"
        % (parent, box, font, contents, extra)
    )


def pdf_with_pages(count: int) -> bytes:
    """``count`` text pages sharing one font and one content stream (~160 bytes a page)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            FONT,
            TEXT,
            *[page(2)] * count,
        ]
    )


def zip_with(source: Path, member: str, payload_at: bytes, payload: bytes, target: Path) -> Path:
    """Copy an OOXML package, inserting ``payload`` before ``payload_at`` in ``member`` (deflated at level 9)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = data.replace(payload_at, payload + payload_at, 1)
            zout.writestr(info.filename, data)
    return target


# --- 1. decompression bombs -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [
        ("bom.png", png_declaring(50_000, 50_000)),
        ("bom.jpg", jpeg_declaring(60_000, 60_000)),
        ("bom.tif", tiff_declaring(50_000, 50_000)),
    ],
)
def test_image_declaring_billions_of_pixels_is_too_large_without_decoding(
    tmp_path: Path, name: str, data: bytes
) -> None:
    """GIVEN a file of a few hundred bytes whose header claims 2.5-3.6 gigapixels WHEN extracted
    THEN it is refused as too large, naming the size, without decoding (no gigabytes, no OCR)."""
    path = tmp_path / name
    path.write_bytes(data)
    assert len(data) < 1000
    doc = extract_bounded(path, seconds=5)
    assert doc.status is Status.FAILED
    assert doc.flags == ("too_large",)
    assert "juta piksel" in doc.error.message and "batas 180 juta piksel" in doc.error.message
    assert doc.pages == ()


def test_image_under_pillows_limit_but_over_the_setting_is_refused_before_decoding(tmp_path: Path) -> None:
    """12 000 x 12 000 (144 megapixels) passes Pillow's own limit; max_image_pixels still stops it."""
    path = tmp_path / "poster.png"
    path.write_bytes(png_declaring(12_000, 12_000))
    doc = extract_bounded(path, ExtractSettings(max_image_pixels=100_000_000), seconds=5)
    assert doc.flags == ("too_large",)
    assert "12000 x 12000 piksel" in doc.error.message


def test_pdf_page_with_a_huge_media_box_is_not_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a one-page PDF whose MediaBox is 200 000 pt (2.8 km at 300 dpi) holding only a drawn box
    WHEN extracted THEN the page is a too_large problem and never reaches OCR."""
    ocr_calls = []
    monkeypatch.setattr(pipeline.extract.formats.pdf, "ocr_image", lambda *a, **k: ocr_calls.append(a))
    path = tmp_path / "peta.pdf"
    path.write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200000 200000] /Contents 4 0 R >>",
                stream(b"0 0 0 rg 10 10 100 100 re f"),
            ]
        )
    )
    doc = extract_bounded(path, seconds=5)
    assert doc.flags == ("too_large",)
    assert "Halaman 1 berukuran terlalu besar" in doc.error.message
    assert doc.pages[0].method is Method.NONE
    assert ocr_calls == []


def test_render_size_is_capped_by_pixels_and_side_but_normal_pages_keep_their_dpi() -> None:
    settings = DEFAULT_SETTINGS
    assert render_scale(595, 842, settings) == pytest.approx(settings.ocr_dpi / 72)  # A4 at 300 dpi
    poster = render_scale(14_400, 14_400, settings)  # the largest page the PDF spec allows: 200 x 200 inches
    assert (14_400 * poster) ** 2 <= settings.max_image_pixels * 1.001
    assert poster * 72 >= MIN_RENDER_DPI
    banner = render_scale(595, 20_000, settings)  # a 7-metre banner: the long side is capped, still readable
    assert 20_000 * banner <= pipeline.extract.formats.pdf.MAX_RENDER_SIDE and banner * 72 >= MIN_RENDER_DPI
    with pytest.raises(pipeline.extract.formats.pdf._PageTooLarge):  # 700 metres: no useful resolution fits
        render_scale(10, 2_000_000, ExtractSettings(max_image_pixels=10**12))


# --- 2. thousands of pages, deep nesting ----------------------------------------------


def test_pdf_with_thousands_of_pages_stops_at_max_pages_quickly(tmp_path: Path) -> None:
    path = tmp_path / "lampiran.pdf"
    path.write_bytes(pdf_with_pages(5000))
    doc = extract_bounded(path, ExtractSettings(max_pages=100), seconds=10)
    assert doc.flags == ("too_large",)
    assert "5000 halaman; batas 100 halaman" in doc.error.message
    assert doc.page_count == 100
    assert squash("Sistem Pemerintahan") in squash(doc.pages[-1].text)


def test_pdf_whose_page_count_lies_reads_the_pages_that_exist(tmp_path: Path) -> None:
    """/Count 1 000 000 000 over one real page: no billion-page loop."""
    path = tmp_path / "bohong.pdf"
    path.write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [5 0 R] /Count 1000000000 >>",
                FONT,
                TEXT,
                page(2),
            ]
        )
    )
    doc = extract_bounded(path, seconds=10)
    assert doc.page_count <= DEFAULT_SETTINGS.max_pages
    assert squash("Sistem Pemerintahan") in squash(doc.text)


def test_pdf_page_tree_nested_thousands_deep_is_a_damaged_page(tmp_path: Path) -> None:
    depth = 5000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + i) for i in range(depth)]
    objects += [page(depth + 1, font=depth + 3, contents=depth + 4), FONT, TEXT]
    path = tmp_path / "dalam.pdf"
    path.write_bytes(build_pdf(objects))
    doc = extract_bounded(path, seconds=10)
    assert doc.status is Status.FAILED
    assert doc.flags == ("corrupt",)
    assert "halaman 1 tidak dapat dibaca" in doc.error.message


def test_pdf_page_tree_that_contains_itself_does_not_loop(tmp_path: Path) -> None:
    path = tmp_path / "lingkar.pdf"
    path.write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>",
                FONT,
                TEXT,
                page(2),
            ]
        )
    )
    doc = extract_bounded(path, seconds=10)
    assert doc.flags == ("corrupt",)
    assert squash("Sistem Pemerintahan") in squash(doc.text)


@pytest.mark.parametrize(
    "nesting",
    [b"[" * 100_000 + b"]" * 100_000, b"<< /A " * 50_000 + b"1" + b" >>" * 50_000],
    ids=["arrays", "dictionaries"],
)
def test_pdf_objects_nested_100000_deep_neither_recurse_nor_hang(tmp_path: Path, nesting: bytes) -> None:
    """No RecursionError escapes and the page text is still read."""
    path = tmp_path / "sarang.pdf"
    path.write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R /Deep " + nesting + b" >>",
                b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
                FONT,
                TEXT,
                page(2, b"/Annots " + nesting + b" "),
            ]
        )
    )
    doc = extract_bounded(path, seconds=10)
    assert doc.status is Status.OK
    assert squash("Sistem Pemerintahan") in squash(doc.text)


# --- 3. zip bombs in DOCX / XLSX ------------------------------------------------------

BOMB_BYTES = 40_000_000  # spaces deflate ~1000:1: a 40 KB member that inflates to 40 MB


def test_docx_whose_body_inflates_1000_fold_is_refused_before_parsing(tmp_path: Path) -> None:
    good = docx_file(tmp_path / "asli.docx", ["NOTULEN RAPAT KOORDINASI TIM SPBE"])
    path = zip_with(good, "word/document.xml", b"</w:body>", b" " * BOMB_BYTES, tmp_path / "bom.docx")
    assert path.stat().st_size < 200_000
    doc = extract_bounded(path, seconds=5)
    assert doc.status is Status.FAILED
    assert doc.flags == ("too_large",)
    assert "Berkas DOCX tidak dibaca" in doc.error.message
    assert "word/document.xml" in doc.error.detail and "ratio" in doc.error.detail


def test_xlsx_whose_sheet_inflates_1000_fold_is_refused_before_parsing(tmp_path: Path) -> None:
    good = xlsx_file(tmp_path / "asli.xlsx", "Aset TIK", [["No", "Nama Aset"], [1, "Server"]])
    path = zip_with(good, "xl/worksheets/sheet1.xml", b"</sheetData>", b" " * BOMB_BYTES, tmp_path / "bom.xlsx")
    doc = extract_bounded(path, seconds=5)
    assert doc.flags == ("too_large",)
    assert "Berkas XLSX tidak dibaca" in doc.error.message


def test_office_file_whose_members_declare_too_much_in_all_is_refused(tmp_path: Path) -> None:
    """Incompressible members (photos) are judged by their total declared size, not their ratio."""
    good = docx_file(tmp_path / "asli.docx", ["Dokumentasi kegiatan"])
    path = tmp_path / "foto-banyak.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("word/media/image1.jpeg", os.urandom(3_000_000))
    doc = extract_bounded(path, ExtractSettings(max_unzipped_bytes=2_000_000), seconds=5)
    assert doc.flags == ("too_large",)
    assert "declare" in doc.error.detail


def test_office_member_that_inflates_past_its_declared_size_is_corrupt_not_unbounded(tmp_path: Path) -> None:
    """GIVEN a DOCX whose directory says document.xml has 2 000 bytes but whose stream inflates to 8 MB
    WHEN extracted THEN zipfile stops at the declared size, the part is corrupt, and memory stays flat."""
    good = docx_file(tmp_path / "asli.docx", ["NOTULEN RAPAT"])
    path = zip_with(good, "word/document.xml", b"</w:body>", b" " * 8_000_000, tmp_path / "bohong.docx")
    data = bytearray(path.read_bytes())
    name, patched = b"word/document.xml", 0
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):  # local, central
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 2_000)  # uncompressed size field
                patched += 1
            start += 4
    assert patched == 2
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("word/document.xml").file_size == 2_000
    doc = extract_bounded(path, seconds=5)
    assert doc.flags == ("corrupt",)
    assert "DOCX rusak" in doc.error.message


# --- 4. per-file time budget ----------------------------------------------------------


def test_slow_ocr_stops_at_the_file_budget_and_keeps_the_pages_read(tmp_path: Path) -> None:
    """GIVEN two text pages then three full A4 scans (seconds of real Tesseract each) and a 1-second budget
    WHEN extracted THEN the text pages are kept, Tesseract is stopped at the budget, and the file
    has a timeout problem saying how many pages were read."""
    text = text_pdf(tmp_path / "teks.pdf", pages=2)
    scans = scanned_pdf(tmp_path / "pindai.pdf", [scan_image(seed=i, noise=6) for i in range(3)])
    path = merge_pdfs(tmp_path / "gabungan.pdf", [text, scans])
    settings = ExtractSettings(file_timeout_s=1.0, ocr_page_timeout_s=120)
    doc = extract(path, settings)
    assert doc.status is Status.FAILED
    assert "timeout" in doc.flags
    problem = next(p for p in doc.problems if p.code == "timeout")
    assert "batas waktu 1 detik per berkas" in problem.message
    assert "dari 5 halaman" in problem.message
    assert [p.method for p in doc.pages[:2]] == [Method.TEXT_LAYER, Method.TEXT_LAYER]
    assert doc.page_count < 5
    assert doc.seconds < 1.0 + 5.0  # the budget plus rendering one page; three scans take far longer


def test_multi_page_tiff_stops_at_the_file_budget(tmp_path: Path) -> None:
    path = tmp_path / "pindai.tif"
    first, *rest = [scan_image(seed=i, noise=6) for i in range(3)]
    first.save(path, save_all=True, append_images=rest, compression="tiff_lzw")
    doc = extract(path, ExtractSettings(file_timeout_s=0.5))
    assert "timeout" in doc.flags
    assert doc.page_count < 3
    assert doc.seconds < 0.5 + 5.0


@pytest.mark.parametrize("name", ["teks.pdf", "aset.xlsx"])
def test_a_spent_budget_stops_before_the_first_page(tmp_path: Path, name: str) -> None:
    path = text_pdf(tmp_path / name, pages=3) if name.endswith(".pdf") else xlsx_file(tmp_path / name, "A", [["x"]])
    doc = extract(path, ExtractSettings(file_timeout_s=1e-6))
    assert doc.flags == ("timeout",)
    assert "hanya 0 dari" in doc.error.message
    assert doc.pages == ()


# --- 5. files that change or vanish; names; symlinks ----------------------------------


def _good_files(tmp_path: Path) -> list[Path]:
    png = tmp_path / "foto.png"
    text_strip(SHORT_LINES).save(png)
    txt = tmp_path / "catatan.txt"
    txt.write_text("Notulen rapat tim SPBE\n", encoding="utf-8")
    return [
        text_pdf(tmp_path / "sk.pdf"),
        png,
        docx_file(tmp_path / "notulen.docx", ["Notulen"]),
        xlsx_file(tmp_path / "aset.xlsx", "Aset", [["Server", 4]]),
        txt,
    ]


def _after_detection(monkeypatch: pytest.MonkeyPatch, change) -> None:
    """Run ``change(path)`` right after format detection, before the extractor opens the file."""
    real = pipeline.extract.extractor.detect

    def detect_then_change(path: Path):
        detection = real(path)
        change(path)
        return detection

    monkeypatch.setattr(pipeline.extract.extractor, "detect", detect_then_change)


def test_file_deleted_between_detection_and_parsing_is_vanished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _after_detection(monkeypatch, Path.unlink)
    for path in _good_files(tmp_path):
        doc = extract(path)
        assert doc.flags == ("vanished",), (path.name, doc.problems)
        assert "tidak ditemukan" in doc.error.message


@pytest.mark.parametrize("keep", [0.5, 0.0], ids=["half", "nothing"])
def test_file_truncated_between_detection_and_parsing_is_corrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: float
) -> None:
    _after_detection(monkeypatch, lambda path: os.truncate(path, int(path.stat().st_size * keep)))
    for path in _good_files(tmp_path)[:4]:  # a shorter text file is still text
        doc = extract(path)
        assert doc.status is Status.FAILED
        assert doc.flags == ("corrupt",), (path.name, doc.problems)


def test_text_file_that_grows_after_the_size_check_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.txt"
    path.write_text("baris log\n", encoding="utf-8")
    _after_detection(monkeypatch, lambda p: p.write_bytes(b"baris log\n" * 1000))
    doc = extract(path, ExtractSettings(max_file_bytes=1000))
    assert doc.flags == ("too_large",)


def test_symlink_loop_given_to_extract_is_an_io_error(tmp_path: Path) -> None:
    loop = tmp_path / "lingkar.pdf"
    loop.symlink_to(loop.name)
    doc = extract(loop)
    assert doc.flags == ("io_error",)
    assert "tautan berulang" in doc.error.message


def test_symlinks_out_of_the_folder_and_symlink_loops_are_listed_never_followed(tmp_path: Path) -> None:
    root, outside = tmp_path / "eviden", tmp_path / "luar"
    (root / "Diskominfo").mkdir(parents=True)
    outside.mkdir()
    text_pdf(outside / "rahasia.pdf")
    (root / "Diskominfo" / "folder-luar").symlink_to(outside, target_is_directory=True)
    (root / "Diskominfo" / "berkas-luar.pdf").symlink_to(outside / "rahasia.pdf")
    (root / "Diskominfo" / "diri.pdf").symlink_to("diri.pdf")
    (root / "Diskominfo" / "a.pdf").symlink_to("b.pdf")
    (root / "Diskominfo" / "b.pdf").symlink_to("a.pdf")
    (root / "Diskominfo" / "induk").symlink_to(root, target_is_directory=True)
    records = {r.path: r for r in discover(root)}
    assert sorted(records) == [
        "Diskominfo/a.pdf",
        "Diskominfo/b.pdf",
        "Diskominfo/berkas-luar.pdf",
        "Diskominfo/diri.pdf",
        "Diskominfo/folder-luar",
        "Diskominfo/induk",
    ]
    for record in records.values():
        assert record.sha256 == "" and record.size == 0  # nothing behind the link was read
        assert record.problems[0].code == "unsupported"
        assert "symlink" in record.problems[0].message


NAMES = [
    "baris\nbaru.txt",
    "tab\tdi nama.txt",
    "escape \x1b[31mmerah.txt",
    "hapus\x7f.txt",
    "a" + "é" * 125 + ".txt",  # 255 bytes of UTF-8 (2-byte characters)
    "ab" + "Ṡ" * 83 + ".txt",  # 255 bytes of UTF-8 (3-byte characters)
    os.fsdecode(b"latin1-\xe9\xff.txt"),  # not UTF-8: a surrogate-escaped str
]


def test_names_with_control_characters_and_of_maximum_length_survive_discover_and_extract(tmp_path: Path) -> None:
    root = tmp_path / "eviden"
    (root / "Setda").mkdir(parents=True)
    for number, name in enumerate(NAMES):
        assert len(os.fsencode(name)) <= 255
        (root / "Setda" / name).write_text(f"Notulen rapat nomor {number}\n", encoding="utf-8")
    records = discover(root)
    assert sorted(r.source for r in records) == sorted(f"Setda/{name}" for name in NAMES)
    for record in records:
        record.path.encode("utf-8")  # what is stored and shown is always valid UTF-8 (DuckDB, JSON, HTML)
        assert record.problems == () and record.size > 0
        doc = extract(root / record.source)
        assert doc.status is Status.OK, (record.path, doc.problems)
        number = NAMES.index(record.source.removeprefix("Setda/"))
        assert doc.text.strip() == f"Notulen rapat nomor {number}"


def test_a_name_shown_with_escapes_never_takes_the_row_of_a_real_name(tmp_path: Path) -> None:
    root = tmp_path / "eviden"
    (root / "Setda").mkdir(parents=True)
    (root / "Setda" / os.fsdecode(b"laporan_\xe9.txt")).write_text("Laporan A", encoding="utf-8")
    (root / "Setda" / "laporan_\\xe9.txt").write_text("Laporan B", encoding="utf-8")  # its look-alike, for real
    records = discover(root)
    assert len({r.path for r in records}) == 2
    assert "Setda/laporan_\\xe9.txt" in {r.path for r in records}  # the real name keeps its own name
    assert all(r.path.encode("utf-8") for r in records)


def test_the_runs_scratch_folder_is_emptied_at_start_and_never_ingested(tmp_path: Path) -> None:
    from flows.ingest import _fresh_work_dir

    db = tmp_path / "eviden" / "spbe.duckdb"  # a database kept inside the evidence folder
    litter = db.with_name(db.name + ".tmp") / "spbe-ocr-dead" / "page.tif"
    litter.parent.mkdir(parents=True)
    litter.write_bytes(b"left by a killed run")
    (tmp_path / "eviden" / "Setda").mkdir()
    (tmp_path / "eviden" / "Setda" / "a.txt").write_text("Notulen", encoding="utf-8")
    work = _fresh_work_dir(db)
    assert work.is_dir() and not any(work.iterdir())
    litter.parent.mkdir(parents=True)
    litter.write_bytes(b"being written by this run")
    assert [r.path for r in discover(tmp_path / "eviden", exclude=frozenset({work}))] == ["Setda/a.txt"]
