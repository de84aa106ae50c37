"""The review page at folder scale, and what a page preview costs (a script, not a test).

    .venv/bin/python bench/review_page.py [--gaps 10000] [--skip-previews]

Pages: builds a database whose latest run has `--gaps` flagged documents (tests/test_review_paging.py's
`gap_database`: real judgements repeated under new paths) and times GET / as the admin opens it: the first
page, a middle page, the grouped view and a filtered page, with their size in bytes and cards. Before
paging, the same 10,000-gap database gave one page of 21,870,156 bytes with 10,000 cards in 1.6 s.

Previews: renders, in a child process each (so its peak memory is its own), a text-layer A4 page, a
page of 200 x 200 inches, a 6,000 x 4,000 JPEG photo, the same as PNG and an image bomb's header, at both
sizes, and prints seconds, output size and the child's peak resident memory; then one preview made through
the cache and read back.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Only the renderer at the top: each measuring child (spawned) imports this module again, and its peak
# memory should be the render's, not the web app's or the tests'.
from PIL import Image  # noqa: E402

from pipeline.review.previews import PreviewFailed, PreviewJob, render  # noqa: E402


def pages(base: Path, gaps: int) -> None:
    from fastapi.testclient import TestClient

    from pipeline.review.app import create_app
    from pipeline.rules import framework_for_year, load_common
    from tests.test_review_paging import gap_database

    started = time.perf_counter()
    db = gap_database(base, framework_for_year(2025), load_common(), gaps)
    print(f"database with {gaps:,} flagged documents written in {time.perf_counter() - started:.1f} s")
    client = TestClient(create_app(db, secret=b"b" * 32))
    client.get("/")  # warm: templates, rules
    print(f"{'page':<42} {'bytes':>10} {'cards':>6} {'seconds':>8}")
    for url in ("/", f"/?halaman={max(1, gaps // 100)}", "/?group=indikator", "/?flag=irrelevant&halaman=2"):
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
        cards = response.text.count('<section class="gap')
        print(f"{url:<42} {len(response.content):>10,} {cards:>6} {seconds:>8.3f}")


def _peak_mb() -> float:
    """This process's peak resident memory since `_reset_peak` (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """A forked child inherits its parent's peak; Linux resets it on "5" to clear_refs."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _measure(kind: str, path: str, size: str, queue) -> None:
    """In a child: one render, its time, output size and the child's peak memory (MB)."""
    _reset_peak()
    if not path:  # the baseline: a child that imported the renderer and rendered nothing
        queue.put((kind, size, "-", 0.0, _peak_mb()))
        return
    fmt = "pdf" if path.endswith(".pdf") else ("jpeg" if path.endswith(".jpg") else "png")
    job = PreviewJob(Path(path), fmt, "-", 1, size)
    started = time.perf_counter()
    try:
        with open(path, "rb") as handle:
            image = render(job, handle)
        outcome = f"{image.width} x {image.height}"
    except PreviewFailed as failed:
        outcome = f"refused: {str(failed)[:48]}"
    seconds = time.perf_counter() - started
    queue.put((kind, size, outcome, seconds, _peak_mb()))


def _fixtures(base: Path) -> dict[str, Path]:
    from reportlab.pdfgen import canvas

    from tests.evidence_factory import text_pdf
    from tests.test_review_previews import png_of_zeros

    files = {"(nothing rendered)": Path(""), "A4 text page": text_pdf(base / "perwali.pdf")}
    huge = canvas.Canvas(str(base / "peta.pdf"), pagesize=(14_400, 14_400))
    huge.setFont("Helvetica", 600)
    huge.drawString(1000, 7000, "PETA RENCANA SPBE")
    huge.save()
    files["200 x 200 inch page"] = base / "peta.pdf"
    photo = Image.radial_gradient("L").resize((6000, 4000)).convert("RGB")
    photo.save(base / "foto.jpg", quality=85)
    photo.save(base / "foto.png")
    files["6000 x 4000 JPEG"], files["6000 x 4000 PNG"] = base / "foto.jpg", base / "foto.png"
    files["PNG bomb header (10^10 px)"] = png_of_zeros(base / "bom.png", 100_000, 100_000, rows=10)
    return files


def previews(base: Path) -> None:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    print(f"\n{'file':<28} {'size':<6} {'outcome':<52} {'seconds':>8} {'peak MB':>8}")
    for kind, path in _fixtures(base).items():
        for size in ("kecil", "besar"):
            child = context.Process(target=_measure, args=(kind, str(path) if path.name else "", size, queue))
            child.start()
            result = queue.get(timeout=120)
            child.join()
            print(f"{result[0]:<28} {result[1]:<6} {result[2]:<52} {result[3]:>8.3f} {result[4]:>8.0f}")


def cached(base: Path) -> None:
    """A preview made through the cache: the first request renders and writes, the second only reads."""
    import hashlib

    from pipeline.review.previews import Previewer
    from tests.evidence_factory import text_pdf

    path = text_pdf(base / "cache" / "perwali.pdf")
    job = PreviewJob(path, "pdf", hashlib.sha256(path.read_bytes()).hexdigest(), 1, "kecil")
    previewer = Previewer(base / "cache" / "spbe.duckdb.previews")
    try:
        started = time.perf_counter()
        previewer.submit(job).result()
        first = time.perf_counter() - started
        started = time.perf_counter()
        assert previewer.cached(job) is not None
        second = time.perf_counter() - started
    finally:
        previewer.close()
    print(
        f"\nA4 thumbnail through the cache: first request {first * 1000:.1f} ms (hash, render, JPEG, atomic write), "
        f"second {second * 1000:.2f} ms (read)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gaps", type=int, default=10_000)
    parser.add_argument("--skip-previews", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spbe-bench-review-") as temporary:
        base = Path(temporary)
        pages(base / "halaman", args.gaps)
        if not args.skip_previews:
            (base / "pratinjau").mkdir()
            previews(base / "pratinjau")
            cached(base)


if __name__ == "__main__":
    main()
