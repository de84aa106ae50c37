"""Extraction speed and OCR strategy measurements (run by hand, not by pytest).

    .venv/bin/python bench/extract_speed.py [--reps 3] [--only NAME ...]

Sections: textlayer, ocr_dpi, osd, strategy, tempfile, photo, real. Each prints
medians of ``--reps`` runs; wall times on a shared 2-core machine are noisy, so
compare the numbers within one run. Tesseract child CPU time is printed where
it matters (less sensitive to other load than wall time).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2 as pdfium  # noqa: E402
import pytesseract  # noqa: E402

from pipeline.extract.extractor import extract  # noqa: E402
from pipeline.extract.formats import pdf as pdf_module  # noqa: E402
from pipeline.extract.ocr import ocr_image, parse_tsv  # noqa: E402
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings  # noqa: E402
from samplegen.render import degrade, photograph, render_page  # noqa: E402
from tests.fixtures import REGULATION_LINES, image_pdf, similarity, text_pdf  # noqa: E402
from tests.references import REAL  # noqa: E402

EXPECTED = "\n".join(REGULATION_LINES)


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def median_of(reps: int, fn) -> tuple[float, object]:
    times, out = [], None
    for _ in range(reps):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def bench_textlayer(reps: int, tmp: Path) -> None:
    print("\n## text-layer pages (extract(), no OCR)")
    path = text_pdf(tmp / "typed.pdf", [REGULATION_LINES] * 50)
    t, doc = median_of(reps, lambda: extract(path))
    print(
        f"generated 50-page text PDF: {t / doc.page_count * 1000:.2f} ms/page ({Counter(p.method.value for p in doc.pages)})"
    )


def bench_ocr_dpi(reps: int, tmp: Path) -> None:
    print("\n## OCR of image-only PDF pages (extract(), 2 A4 scans, light noise)")
    scans = [
        degrade(render_page(REGULATION_LINES, dpi=300, seed=s), noise=0.03, blur=0.6, rotate_deg=0.8, seed=s)
        for s in (1, 2)
    ]
    path = image_pdf(tmp / "scan.pdf", scans)
    for dpi in (300, 200):
        settings = ExtractSettings(ocr_dpi=dpi)
        c0 = child_cpu()
        t, doc = median_of(reps, lambda: extract(path, settings))
        cpu = (child_cpu() - c0) / reps / doc.page_count
        sims = [similarity(EXPECTED, p.text) for p in doc.pages]
        print(
            f"ocr_dpi={dpi}: {t / doc.page_count:.2f} s/page wall, tesseract cpu {cpu:.2f} s/page, "
            f"similarity {min(sims):.1f}-{max(sims):.1f}, confidence {doc.ocr_confidence}"
        )


def bench_osd(reps: int, tmp: Path) -> None:
    print("\n## OSD (tesseract --psm 0) cost per page")
    page = render_page(REGULATION_LINES, dpi=300)
    for name, img in (("full 2480x3508", page), ("half 1240x1754 (as used)", page.reduce(2))):
        f = tmp / "osd.pgm"
        img.save(f, "PPM")
        t, osd = median_of(reps, lambda: pytesseract.image_to_osd(str(f), output_type=pytesseract.Output.DICT))
        print(f"{name}: {t:.2f} s (rotate={osd['rotate']}, conf={osd['orientation_conf']})")


def bench_strategy(reps: int, tmp: Path) -> None:
    print("\n## orientation strategies (A4 300 dpi, clean)")
    page = render_page(REGULATION_LINES, dpi=300)
    s = DEFAULT_SETTINGS

    def osd_always(img):
        f, half = tmp / "s.pgm", tmp / "h.pgm"
        img.save(f, "PPM")
        img.reduce(2).save(half, "PPM")
        try:
            rot = pytesseract.image_to_osd(str(half), output_type=pytesseract.Output.DICT)["rotate"]
        except pytesseract.TesseractError:
            rot = 0
        if rot:
            img.rotate(-rot, expand=True).save(f, "PPM")
        return parse_tsv(pytesseract.image_to_data(str(f), lang=s.ocr_languages, config="--psm 3 --dpi 300"))

    def psm1(img):
        f = tmp / "p.pgm"
        img.save(f, "PPM")
        return parse_tsv(pytesseract.image_to_data(str(f), lang=s.ocr_languages, config="--psm 1 --dpi 300"))

    for turned in (0, 90, 180):
        img = page.rotate(turned, expand=True)
        for name, fn in (
            ("A: OCR, OSD only if conf<60 (chosen)", lambda: ocr_image(img, s, dpi=300)),
            ("B: OSD always, then OCR", lambda: osd_always(img)),
            ("C: --psm 1 single pass", lambda: psm1(img)),
        ):
            t, r = median_of(reps, fn)
            print(f"turned {turned:3d}  {name:38s} {t:5.2f} s  similarity {similarity(EXPECTED, r.text):5.1f}")


def bench_tempfile(reps: int, tmp: Path) -> None:
    print("\n## temp image format handed to Tesseract (save + tesseract, A4 300 dpi, interleaved)")
    page = render_page(REGULATION_LINES, dpi=300)
    writers = {
        "TIFF raw (chosen)": ("p.tif", lambda f: page.save(f, "TIFF")),
        "PGM": ("p.pgm", lambda f: page.save(f, "PPM")),
        "PNG (level 1)": ("p.png", lambda f: page.save(f, "PNG", compress_level=1)),
        "PNG (default)": ("p.png", lambda f: page.save(f, "PNG")),
        "BMP": ("p.bmp", lambda f: page.save(f, "BMP")),
    }
    rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in writers}
    for _ in range(reps):
        for name, (file_name, write) in writers.items():
            f = tmp / file_name
            t = time.perf_counter()
            write(f)
            saved = time.perf_counter() - t
            c0 = child_cpu()
            pytesseract.image_to_data(str(f), lang="ind+eng", config="--psm 3 --dpi 300")
            rows[name].append((saved, child_cpu() - c0, time.perf_counter() - t))
    for name, v in rows.items():
        save, cpu, wall = (statistics.median(x[i] for x in v) for i in range(3))
        print(f"{name:18s} save {save * 1000:5.0f} ms  tesseract cpu {cpu:.2f} s  end-to-end {wall:.2f} s")


def bench_accuracy(reps: int, tmp: Path) -> None:
    print("\n## OCR accuracy, the cases of tests/test_ocr_accuracy.py (character similarity 0-100)")
    page = render_page(REGULATION_LINES, dpi=300)
    cases = {
        "clean 300 dpi": page,
        "noisy scan, skew -3 deg": degrade(page, noise=0.08, blur=1.1, rotate_deg=-3.0, seed=7),
        "noisy scan, skew +3 deg": degrade(page, noise=0.08, blur=1.1, rotate_deg=3.0, seed=7),
        "turned 90": page.rotate(90, expand=True),
        "turned 180": page.rotate(180, expand=True),
        "turned 270": page.rotate(270, expand=True),
    }
    for name, img in cases.items():
        t, r = median_of(1, lambda: ocr_image(img, DEFAULT_SETTINGS, dpi=300))
        print(
            f"{name:24s} similarity {similarity(EXPECTED, r.text):5.1f}  confidence {r.confidence}  "
            f"rotation {r.rotation:3d}  deskew {r.skew:+.1f}  {t:.2f} s"
        )


def bench_photo(reps: int, tmp: Path) -> None:
    print("\n## phone photo lying sideways (samplegen photograph rotate=90, no EXIF)")
    photo = photograph(render_page(REGULATION_LINES, dpi=300), rotate=90, seed=1)
    path = tmp / "foto.jpg"
    photo.save(path, "JPEG", quality=90)
    t, doc = median_of(reps, lambda: extract(path))
    p = doc.pages[0]
    print(f"{t:.2f} s, rotation {p.rotation}, confidence {p.confidence}, similarity {similarity(EXPECTED, p.text):.1f}")


def bench_real(reps: int, tmp: Path) -> None:
    print("\n## real PDFs (text layer)")
    for path in sorted(REAL.glob("*.pdf")):
        t, doc = median_of(reps, lambda: extract(path))
        methods = Counter(p.method.value for p in doc.pages)
        per_page = []
        pdf = pdfium.PdfDocument(path)
        try:
            for i in range(len(pdf)):
                t0 = time.perf_counter()
                probe = pdf_module._probe(pdf, i, DEFAULT_SETTINGS)
                per_page.append((time.perf_counter() - t0, probe.verdict))
        finally:
            pdf.close()
        ms = [x * 1000 for x, _ in per_page]
        print(
            f"{path.name}: {doc.page_count} pages, {doc.status.value}, {dict(methods)}, extract {t * 1000:.0f} ms "
            f"= {t / doc.page_count * 1000:.2f} ms/page; per-page probe median {statistics.median(ms):.2f} ms, "
            f"max {max(ms):.2f} ms; verdicts {Counter(v for _, v in per_page)}; min chars/page {min(p.chars for p in doc.pages)}"
        )


SECTIONS = {
    "textlayer": bench_textlayer,
    "real": bench_real,
    "tempfile": bench_tempfile,
    "osd": bench_osd,
    "strategy": bench_strategy,
    "ocr_dpi": bench_ocr_dpi,
    "accuracy": bench_accuracy,
    "photo": bench_photo,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=sorted(SECTIONS))
    args = parser.parse_args()
    print(f"load average {os.getloadavg()}, OMP_THREAD_LIMIT={os.environ['OMP_THREAD_LIMIT']}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or SECTIONS:
            SECTIONS[name](args.reps, Path(tmp))


if __name__ == "__main__":
    main()
