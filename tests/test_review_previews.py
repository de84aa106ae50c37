"""Page previews on the review page: bounded renders of a PDF page or an image, the snippet boxed where its
position is known, cached by content, served only from under the evidence root, and shown in a real browser.

The first half calls the renderer on generated files (no database). The second half serves a folder read by
a real nightly run (`run_ingest`: real extraction, Tesseract on the scan and the screenshot): a draft
regulation with a text layer, an unreadable scan and a screenshot saved as .pdf (all three from
sample_docs/), and a PDF cut in half.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageStat

from flows.ingest import run_ingest
from pipeline.review.app import create_app
from pipeline.review.previews import (
    SIZES,
    Previewer,
    PreviewFailed,
    PreviewJob,
    cache_dir,
    locate,
    render,
    snippet_words,
)
from tests.browser import review_server
from tests.evidence_factory import build_pdf, corrupt_pdf, stream, text_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
DRAFT = "Diskominfo/3.R-Perwali_Manajemen_Data.pdf"  # text layer, `draft`, its title matched on page 1
SCAN = "BKPSDM/scan0001.pdf"  # a noisy scan: `unreadable`
SCREENSHOT = "DPMPTSP/45.Screenshot_SiCantik.pdf"  # a JPEG named .pdf: `wrong_extension`, read by OCR
BROKEN = "Dinkes/Laporan_terpotong.pdf"  # cut in half: `corrupt`, nothing read
SNIPPET = "Pemerintahan Berbasis Elektronik; Pasal 1 Arsitektur SPBE Pemerintah Daerah memuat referensi arsitektur…"


def job(path: Path, fmt: str, size: str = "besar", *, page: int = 1, snippet: str | None = None) -> PreviewJob:
    return PreviewJob(path, fmt, hashlib.sha256(path.read_bytes()).hexdigest(), page, size, snippet)


def rendered(path: Path, fmt: str, size: str = "besar", **kwargs) -> Image.Image:
    with path.open("rb") as handle:
        return render(job(path, fmt, size, **kwargs), handle)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of_zeros(path: Path, width: int, height: int, *, rows: int | None = None) -> Path:
    """A grey PNG written row by row (never held in memory); `rows` < height: the data stops early (a bomb)."""
    packer = zlib.compressobj()
    row = b"\0" * (width + 1)  # filter byte + pixels
    body = b"".join(packer.compress(row) for _ in range(height if rows is None else rows)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")
    )
    return path


def pdf_with_image(path: Path, width: int, height: int) -> Path:
    """A one-page A4 PDF drawing one image that declares `width` x `height` pixels (its data: a few bytes)."""
    pixels = zlib.compress(b"\0" * 64)
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (width, height, len(pixels), pixels),
        stream(content),
    ]
    path.write_bytes(build_pdf(objects))
    return path


# --- rendering, bounded ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["kecil", "besar"])
def test_a_pdf_page_is_rendered_to_the_size_asked_for(tmp_path, size):
    image = rendered(text_pdf(tmp_path / "perwali.pdf"), "pdf", size)
    assert max(image.size) == SIZES[size] and image.width < image.height  # A4, portrait


def test_a_page_of_200_inches_becomes_1600_pixels_not_gigapixels(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "peta.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(14_400, 14_400))  # 300 dpi would be 3.6 billion pixels
    pdf.setFont("Helvetica", 600)
    pdf.drawString(1000, 7000, "PETA RENCANA SPBE")
    pdf.save()
    image = rendered(path, "pdf", "besar")
    assert image.size == (1600, 1600)
    assert image.convert("L").getextrema()[0] < 100  # the text is drawn, not a blank page


def test_a_page_whose_embedded_image_would_decode_to_gigapixels_is_not_rendered(tmp_path):
    path = pdf_with_image(tmp_path / "bom.pdf", 40_000, 40_000)  # 1.6 billion pixels on an A4 page
    with pytest.raises(PreviewFailed, match="gambar terlalu besar untuk dipratinjau \\(1600 megapiksel\\)"):
        rendered(path, "pdf", "kecil")


def test_an_image_bomb_is_refused_from_its_header(tmp_path):
    path = png_of_zeros(tmp_path / "bom.png", 100_000, 100_000, rows=10)  # 10 billion pixels declared, 1 MB on disk
    with pytest.raises(PreviewFailed, match="Gambar terlalu besar untuk dipratinjau"):
        rendered(path, "png", "besar")


def test_a_png_above_the_decode_limit_is_refused_before_it_is_decoded(tmp_path):
    path = png_of_zeros(tmp_path / "panjang.png", 8_000, 8_000)  # valid, 64 million pixels: not decoded whole
    with pytest.raises(PreviewFailed, match="8000 x 8000 piksel"):
        rendered(path, "png", "kecil")


def test_an_image_thumbnail_keeps_its_proportions(tmp_path):
    path = tmp_path / "tangkapan.png"
    Image.new("RGB", (2400, 1200), (30, 90, 160)).save(path)
    image = rendered(path, "png", "kecil")
    assert image.size == (360, 180) and image.getpixel((10, 10)) == (30, 90, 160)


def test_a_photo_is_shown_upright_by_its_exif_orientation(tmp_path):
    path = tmp_path / "IMG_20250312.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held sideways: turn 90 degrees clockwise to view
    Image.new("RGB", (1600, 800), "white").save(path, exif=exif)
    image = rendered(path, "jpeg", "kecil")
    assert image.size == (180, 360)


def test_a_page_past_the_end_is_refused_with_a_message(tmp_path):
    with pytest.raises(PreviewFailed, match="Halaman 3 tidak ada"):
        rendered(text_pdf(tmp_path / "perwali.pdf", pages=2), "pdf", page=3)


class _AtOnce(Executor):
    """Runs each render in the caller's thread: its future has ended before `submit` returns."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - handed to the future, as a pool does
            future.set_exception(exc)
        return future


def test_a_render_that_ends_before_it_is_registered_does_not_block_the_server(tmp_path):
    """A page past the end fails at once; the request that asked for it must get its answer, not wait forever."""
    previewer = Previewer(tmp_path / "cache")
    previewer._pool = _AtOnce()
    path = text_pdf(tmp_path / "perwali.pdf", pages=2)
    asked: dict[str, Future] = {}
    answered = threading.Event()

    def ask() -> None:
        asked["future"] = previewer.submit(job(path, "pdf", page=3))
        answered.set()

    threading.Thread(target=ask, daemon=True).start()
    assert answered.wait(10), "submit() blocked"
    with pytest.raises(PreviewFailed, match="Halaman 3 tidak ada"):
        asked["future"].result()
    assert previewer._running == {}  # forgotten: the next request renders again


# --- the snippet on a text-layer page ------------------------------------------------------------------


def _word_box(path: Path, word: str, scale: float) -> tuple[int, int, int, int]:
    """Where pdfplumber (an independent reader) puts a word, in the pixels of a render at `scale`."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        found = next(w for w in pdf.pages[0].extract_words() if w["text"] == word)
    return tuple(round(v * scale) for v in (found["x0"], found["top"], found["x1"], found["bottom"]))  # type: ignore[return-value]


def _mean_blue(image: Image.Image, box) -> float:
    return ImageStat.Stat(image.crop(box)).mean[2]


def test_the_snippet_is_boxed_in_translucent_yellow_on_a_text_layer_page(tmp_path):
    path = text_pdf(tmp_path / "perwali.pdf")
    plain, marked = rendered(path, "pdf"), rendered(path, "pdf", snippet=SNIPPET)
    scale = 1600 / 842
    inside = _word_box(path, "Arsitektur", scale)  # a word of the snippet
    outside = _word_box(path, "WALI", scale)  # the letterhead, not in the snippet
    assert _mean_blue(marked, inside) < _mean_blue(plain, inside) - 40  # yellow over the words
    assert marked.crop(inside).convert("L").getextrema()[0] < 80  # the words still show through
    assert marked.crop(outside).tobytes() == plain.crop(outside).tobytes()


def test_a_snippet_that_is_not_on_the_page_draws_nothing(tmp_path):
    path = text_pdf(tmp_path / "perwali.pdf")
    other = "…laporan realisasi anggaran belanja modal teknologi informasi tahun 2024 pada badan keuangan daerah…"
    assert rendered(path, "pdf", snippet=other).tobytes() == rendered(path, "pdf").tobytes()


def test_the_snippet_is_found_around_its_longest_run_not_at_a_common_word_elsewhere():
    page = "dan pasal 1 bahwa arsitektur spbe memuat referensi arsitektur dan domain arsitektur proses".split()
    assert locate(page, ["arsitektur", "spbe", "memuat", "referensi", "dan", "domain"]) == (4, 10)


def test_snippet_words_leave_out_words_cut_at_an_edge_and_placeholders():
    assert snippet_words("…ahan Berbasis Elektronik [NIK] Pasal 1 Arsite…") == ["berbasis", "elektronik", "pasal", "1"]


# --- served from a real run ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def evidence(tmp_path_factory, prefect_backend) -> tuple[Path, Path]:
    """(evidence root, database) after one real nightly run over the four files."""
    base = tmp_path_factory.mktemp("pratinjau")
    folder, db = base / "eviden", base / "spbe.duckdb"
    for relative in (DRAFT, SCAN, SCREENSHOT):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / relative, folder / relative)
    (folder / BROKEN).parent.mkdir(parents=True)
    corrupt_pdf(folder / BROKEN)
    run_ingest(folder, db, region="Kota Sukamaju", year=2025, progress=False)
    return folder, db


@pytest.fixture
def client(evidence) -> Iterator[TestClient]:
    """A fresh site with an empty preview cache, shut down after the test (its render threads end)."""
    _, db = evidence
    shutil.rmtree(cache_dir(db), ignore_errors=True)
    with TestClient(create_app(db, wait_s=5, secret=b"p" * 32)) as client:
        yield client


def thumbnails(html: str) -> dict[str, str]:
    """path -> thumbnail URL of every card that has one."""
    found = {}
    for section in html.split("<section ")[1:]:
        path, image = (
            re.search(r'data-path="([^"]*)"', section),
            re.search(r'<img class="thumb" src="([^"]*)"', section),
        )
        if path and image:
            found[unescape(path.group(1))] = unescape(image.group(1))
    return found


def caption(html: str, path: str) -> str:
    section = html[html.index(f'data-path="{path}"') :]
    return unescape(re.search(r"<figcaption>(.*?)</figcaption>", section, re.S).group(1))


def test_each_pdf_or_image_gap_shows_a_thumbnail_with_a_caption_saying_what_it_shows(client):
    page = client.get("/").text
    assert set(thumbnails(page)) == {DRAFT, SCAN, SCREENSHOT}
    assert "kotak kuning menandai cuplikan" in caption(page, DRAFT)
    assert "halaman pertama yang tidak terbaca oleh OCR" in caption(page, SCAN)
    assert "gagal dibaca saat pemeriksaan" in caption(page, BROKEN)  # nothing was read: no image, the reason
    assert "sorot=1" in thumbnails(page)[DRAFT] and "sorot" not in thumbnails(page)[SCAN]


@pytest.mark.parametrize("path", [DRAFT, SCAN, SCREENSHOT])
def test_the_thumbnail_and_the_enlarged_view_are_the_page_at_two_sizes(client, path):
    small_url = thumbnails(client.get("/").text)[path]
    small, large = client.get(small_url), client.get(small_url.replace("ukuran=kecil", "ukuran=besar"))
    for response, size in ((small, "kecil"), (large, "besar")):
        assert response.status_code == 200 and response.headers["content-type"] == "image/jpeg"
        assert "x-pratinjau" not in response.headers  # a real render, not a placeholder
        assert max(Image.open(io.BytesIO(response.content)).size) <= SIZES[size]
    assert Image.open(io.BytesIO(large.content)).width > 2 * Image.open(io.BytesIO(small.content)).width


def test_a_second_request_is_served_from_the_cache_without_rendering_again(client, evidence):
    _, db = evidence
    url = thumbnails(client.get("/").text)[DRAFT]
    first = client.get(url)
    [cached] = list(cache_dir(db).rglob("*.jpg"))
    made = cached.stat().st_mtime_ns
    second = client.get(url)
    assert second.content == first.content and client.app.state.site.previews.rendered == 1
    assert cached.stat().st_mtime_ns == made
    sha = hashlib.sha256((SAMPLES / DRAFT).read_bytes()).hexdigest()
    assert cached.name.startswith(f"{sha}-p1-kecil-")  # keyed by content, page and size
    assert "max-age" in first.headers["cache-control"]  # the URL names the content: a browser may keep it


@pytest.mark.parametrize(
    "url",
    [
        "/pratinjau/../spbe.duckdb",
        "/pratinjau/Dinkes/..%2F..%2Fspbe.duckdb",
        "/pratinjau/%2Fetc%2Fpasswd",
        "/pratinjau/Dinkes/../../spbe.duckdb",
        "/pratinjau/Dinkes/tautan.pdf",
    ],
)
def test_traversal_and_symlinks_are_refused(client, evidence, url):
    folder, db = evidence
    link = folder / "Dinkes" / "tautan.pdf"
    link.unlink(missing_ok=True)
    link.symlink_to(SAMPLES / DRAFT)
    try:
        response = client.get(url + "?hlm=1&ukuran=kecil")
    finally:
        link.unlink()
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert not cache_dir(db).exists() or not list(cache_dir(db).rglob("*.jpg"))


def test_a_file_replaced_by_a_symlink_after_the_run_is_refused(client, evidence, tmp_path):
    folder, _ = evidence
    url = thumbnails(client.get("/").text)[DRAFT]
    original = folder / DRAFT
    kept = tmp_path / "asli.pdf"
    shutil.move(original, kept)
    original.symlink_to(kept)
    try:
        response = client.get(url)
    finally:
        original.unlink()
        shutil.move(kept, original)
    assert response.status_code == 404 and not response.headers["content-type"].startswith("image/")


def placeholder_text(response) -> bool:
    """A placeholder: a PNG image (never an error page) marked as such."""
    Image.open(io.BytesIO(response.content)).verify()
    return response.status_code == 200 and response.headers["x-pratinjau"] == "tidak-tersedia"


def test_a_file_nothing_could_be_read_from_gets_a_placeholder_not_an_error(client):
    response = client.get(f"/pratinjau/{BROKEN}?hlm=1&ukuran=kecil")
    assert placeholder_text(response) and response.headers["content-type"] == "image/png"


def test_a_page_past_the_end_gets_a_placeholder_not_an_error(client):
    assert placeholder_text(client.get(f"/pratinjau/{DRAFT}?hlm=9&ukuran=besar"))


def test_a_file_changed_since_the_run_is_not_previewed(client, evidence):
    folder, _ = evidence
    original = (folder / DRAFT).read_bytes()
    (folder / DRAFT).write_bytes(original + b"\n% revisi\n")
    try:
        response = client.get(f"/pratinjau/{DRAFT}?hlm=1&ukuran=kecil")
    finally:
        (folder / DRAFT).write_bytes(original)
    assert placeholder_text(response) and client.app.state.site.previews.rendered == 0


def test_a_render_slower_than_the_limit_gives_a_placeholder_and_still_fills_the_cache(client, evidence):
    _, db = evidence
    client.app.state.site.preview_timeout_s = 0  # every render is "too slow"
    url = f"/pratinjau/{SCAN}?hlm=1&ukuran=besar"
    assert placeholder_text(client.get(url))
    deadline = time.monotonic() + 60
    while not list(cache_dir(db).rglob("*.jpg")) and time.monotonic() < deadline:
        time.sleep(0.05)
    response = client.get(url)
    assert response.headers["content-type"] == "image/jpeg" and client.app.state.site.previews.rendered == 1


def test_the_page_policy_stays_strict_with_images_from_this_site_only(client):
    page = client.get("/")
    directives = {d.strip().split()[0]: d.strip() for d in page.headers["content-security-policy"].split(";")}
    assert set(directives) == {"default-src", "style-src", "img-src", "form-action", "frame-ancestors", "base-uri"}
    assert directives["default-src"] == "default-src 'none'" and directives["img-src"] == "img-src 'self'"
    assert re.fullmatch(r"style-src 'nonce-[^']+'", directives["style-src"])  # no script, no inline style
    image = client.get(thumbnails(page.text)[SCREENSHOT])
    assert (
        "sandbox" in image.headers["content-security-policy"]
        and "script" not in image.headers["content-security-policy"]
    )
    assert image.headers["x-content-type-options"] == "nosniff"


def test_in_a_real_browser_the_thumbnails_load_under_the_policy_and_a_click_enlarges(evidence, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def wait_loaded(image) -> None:
        WebDriverWait(browser, 30).until(lambda d: d.execute_script("return arguments[0].naturalWidth", image) > 0)

    folder, db = evidence
    shutil.rmtree(cache_dir(db), ignore_errors=True)
    before = sorted(p for p in folder.rglob("*"))
    with review_server(db) as url:
        browser.get(url + "/")
        for path in (SCAN, SCREENSHOT):  # a flagged scanned page and a screenshot
            thumb = browser.find_element(By.CSS_SELECTOR, f'section.gap[data-path="{path}"] img.thumb')
            browser.execute_script("arguments[0].scrollIntoView()", thumb)
            wait_loaded(thumb)
        enlarged = browser.find_elements(By.CSS_SELECTOR, "img.large")
        assert not any(browser.execute_script("return arguments[0].naturalWidth", i) for i in enlarged)  # not yet
        section = browser.find_element(By.CSS_SELECTOR, f'section.gap[data-path="{SCAN}"]')
        section.find_element(By.CSS_SELECTOR, "img.thumb").click()
        large = browser.find_element(By.CSS_SELECTOR, f"#besar-{section.get_attribute('id')} img.large")
        wait_loaded(large)
        assert large.is_displayed() and large.size["width"] > 2 * thumb.size["width"]
    assert sorted(p for p in folder.rglob("*")) == before  # nothing written into the evidence folder


def _jobs(count: int) -> list[PreviewJob]:
    """Distinct previews of one page (another snippet is another cache entry)."""
    source = SAMPLES / DRAFT
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    return [PreviewJob(source, "pdf", sha, 1, "kecil", f"kata {n}") for n in range(count)]


def test_the_cache_stays_within_its_bound_and_keeps_the_previews_shown_last(tmp_path):
    jobs = _jobs(6)
    previewer = Previewer(tmp_path / "cache", workers=1)
    size = len(previewer.submit(jobs[0]).result())
    previewer.max_bytes = int(size * 4.5)
    for job in jobs[1:3]:
        previewer.submit(job).result()
    assert previewer.cached(jobs[0]) is not None  # shown again: now the most recent
    for job in jobs[3:]:
        previewer.submit(job).result()
    kept = [p for p in (tmp_path / "cache").rglob("*.jpg")]
    assert sum(p.stat().st_size for p in kept) <= previewer.max_bytes
    assert previewer.cached(jobs[0]) is not None and previewer.cached(jobs[-1]) is not None
    assert previewer.cached(jobs[1]) is None  # the least recently shown went first
    previewer.close()


def test_a_cache_that_cannot_be_written_still_gives_the_preview(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    previewer = Previewer(blocked, workers=1)
    data = previewer.submit(_jobs(1)[0]).result()
    assert Image.open(io.BytesIO(data)).format == "JPEG"
    previewer.close()
