"""Fuzz the extractors: mutated evidence files must still give a `Document`, in bounded time.

Seeds are valid files built in code (a text PDF with reportlab, PNG / JPEG /
two-frame TIFF with Pillow, DOCX with python-docx, XLSX with openpyxl); hypothesis
mutates them (byte flips, "interesting" integers written over size fields,
truncations, splices of another seed, duplicated ranges, swapped headers) and
`pipeline.extract.extractor.extract` reads each mutant with real pdfium, Pillow,
python-docx, openpyxl and Tesseract. Every case must:

* return a `Document` (extract() never raises),
* finish within `CASE_LIMIT_S` (the per-file budget plus slack),
* when not OK, carry problems that all have a code and an Indonesian message.

Run: ``.venv/bin/python bench/fuzz_extractors.py [--examples 5000] [--seed N]``;
it prints cases, outcomes by problem code, the slowest case and the max RSS, and
exits 1 when a case broke a rule. `tests/test_fuzz_extractors.py` runs a small,
derandomised count of the same cases in CI.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.extract.extractor import extract  # noqa: E402
from pipeline.model import Document, Status  # noqa: E402
from pipeline.settings import ExtractSettings  # noqa: E402

#: Settings for fuzzing: a short per-file budget so that a hang shows up as a slow case.
FUZZ_SETTINGS = ExtractSettings(file_timeout_s=10.0, ocr_page_timeout_s=10.0)
#: A case may take the per-file budget plus this much (rendering, parsing and the last Tesseract kill).
CASE_SLACK_S = 10.0
CASE_LIMIT_S = FUZZ_SETTINGS.file_timeout_s + CASE_SLACK_S
#: Words of which at least one appears in every admin-facing message (they are in Bahasa Indonesia).
INDONESIAN_WORDS = ("berkas", "halaman", "gambar", "dokumen", "tidak", "unggah", "ulang", "terlalu", "batas")
#: Magic numbers swapped onto a seed's start ("header swap").
HEADERS = (
    b"%PDF-1.7\n",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0",
    b"II*\x00",
    b"MM\x00*",
    b"PK\x03\x04",
    b"GIF89a",
    b"BM",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"RIFF\x00\x00\x00\x00WEBP",
)
#: Integers written over a seed's bytes: size and count fields at their edges.
INTERESTING = (0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 65_500, 50_000)
EXTENSIONS = {"pdf": "pdf", "png": "png", "jpeg": "jpg", "tiff": "tif", "docx": "docx", "xlsx": "xlsx"}
LINES = ["Peraturan Wali Kota Sukamaju", "Sistem Pemerintahan Berbasis Elektronik 2024"]


# --- seeds (valid files, built in code) -----------------------------------------------


def _text_image(width: int = 360, height: int = 70):
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((8, 10 + 28 * i), line, fill=0)
    return image


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(320, 120), invariant=1)  # small page: a mutant that needs OCR renders small
    for y, line in zip((90, 70), LINES):
        c.drawString(12, y, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    image = _text_image()
    if fmt == "TIFF":
        image.save(buf, "TIFF", save_all=True, append_images=[_text_image(200, 40)], compression="tiff_lzw")
    else:
        image.save(buf, fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    return buf.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(LINES[0])
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Nomor", "12"
    document.add_paragraph(LINES[1])
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Aset TIK"
    book.active.append(["No", "Nama Aset", "Jumlah"])
    book.active.append([1, "Server Pusat Data", 4])
    book.create_sheet("Catatan").append([LINES[1]])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@lru_cache(maxsize=1)
def seeds() -> dict[str, bytes]:
    """One valid file per format, keyed by format name."""
    return {
        "pdf": _pdf(),
        "png": _image("PNG"),
        "jpeg": _image("JPEG"),
        "tiff": _image("TIFF"),
        "docx": _docx(),
        "xlsx": _xlsx(),
    }


# --- mutations ------------------------------------------------------------------------

_at = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)  # a position as a share of the length

MUTATION = st.one_of(
    st.tuples(st.just("flip"), _at, st.integers(1, 255)),
    st.tuples(
        st.just("int"),
        _at,
        st.sampled_from(INTERESTING),
        st.sampled_from((1, 2, 4)),
        st.sampled_from(("little", "big")),
    ),
    st.tuples(st.just("truncate"), _at),
    st.tuples(st.just("splice"), _at, st.sampled_from(sorted(EXTENSIONS)), _at, st.integers(1, 4096)),
    st.tuples(st.just("repeat"), _at, st.integers(1, 2048), st.integers(2, 64)),
    st.tuples(st.just("delete"), _at, st.integers(1, 512)),
    st.tuples(st.just("header"), st.sampled_from(HEADERS)),
)


def mutate(data: bytes, mutations: list[tuple]) -> bytes:
    """Apply the mutations in order; every position is a share of the current length."""
    out = bytearray(data)
    for m in mutations:
        kind, n = m[0], len(out)
        pos = min(int(m[1] * n), max(n - 1, 0)) if kind != "header" else 0
        if kind == "flip" and n:
            out[pos] ^= m[2]
        elif kind == "int":
            _, _, value, width, order = m
            out[pos : pos + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, order)
        elif kind == "truncate":
            del out[pos:]
        elif kind == "splice":
            _, _, other, start, length = m
            donor = seeds()[other]
            begin = int(start * len(donor))
            out[pos:pos] = donor[begin : begin + length]
        elif kind == "repeat":
            _, _, length, times = m
            out[pos:pos] = bytes(out[pos : pos + length]) * (times - 1)
        elif kind == "delete":
            del out[pos : pos + m[2]]
        elif kind == "header":
            out[: len(m[1])] = m[1]
    return bytes(out)


# --- one case -------------------------------------------------------------------------


@dataclass
class Summary:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)  # "format:code" -> count
    slowest: tuple[float, str, str] = (0.0, "", "")  # seconds, format, mutations
    violations: list[str] = field(default_factory=list)


def violations(doc: object, seconds: float) -> list[str]:
    """The rules a result breaks (empty when it keeps them all)."""
    if not isinstance(doc, Document):
        return [f"not a Document: {type(doc).__name__}"]
    found = []
    if seconds > CASE_LIMIT_S:
        found.append(f"took {seconds:.1f} s (limit {CASE_LIMIT_S:.0f} s)")
    if doc.status is not Status.OK:
        if not doc.problems:
            found.append(f"status {doc.status.value} without a problem")
        for p in doc.problems:
            lowered = p.message.lower()
            if not p.code or not p.message.strip() or not any(w in lowered for w in INDONESIAN_WORDS):
                found.append(f"problem without code or Indonesian message: {p!r}")
    return found


def run_case(fmt: str, data: bytes, workdir: Path, settings: ExtractSettings = FUZZ_SETTINGS) -> tuple[object, float]:
    """Write the mutant under its seed's extension and extract it; (result or exception, seconds)."""
    path = workdir / f"eviden.{EXTENSIONS[fmt]}"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        result: object = extract(path, settings)
    except BaseException as e:  # the rule under test: this must never happen
        if isinstance(e, KeyboardInterrupt):
            raise
        result = e
    return result, time.perf_counter() - start


def check(fmt: str, mutations: list[tuple], workdir: Path, summary: Summary | None = None) -> list[str]:
    """Run one case, record it in ``summary`` and return its rule violations."""
    data = mutate(seeds()[fmt], mutations)
    doc, seconds = run_case(fmt, data, workdir)
    found = violations(doc, seconds)
    if summary is not None:
        summary.cases += 1
        code = (
            doc.error.code
            if isinstance(doc, Document) and doc.error
            else ("ok" if isinstance(doc, Document) and doc.status is Status.OK else type(doc).__name__)
        )
        summary.outcomes[f"{fmt}:{code}"] += 1
        if seconds > summary.slowest[0]:
            summary.slowest = (seconds, fmt, repr(mutations)[:300])
        summary.violations.extend(f"{fmt} {mutations!r}: {v}" for v in found)
    return found


def max_rss_mb() -> float:
    """Peak RSS of this process in MB (Tesseract children are not counted: their figure includes the fork)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_summary(summary: Summary, seconds: float) -> None:
    print(f"cases: {summary.cases} in {seconds:.0f} s ({summary.cases / max(seconds, 1e-9):.1f}/s)")
    by_code = Counter()
    for key, n in summary.outcomes.items():
        by_code[key.split(":", 1)[1]] += n
    print("outcomes: " + ", ".join(f"{code} {n}" for code, n in by_code.most_common()))
    for fmt in EXTENSIONS:
        row = {k.split(":", 1)[1]: n for k, n in summary.outcomes.items() if k.startswith(fmt + ":")}
        print(f"  {fmt:<5} " + ", ".join(f"{code} {n}" for code, n in sorted(row.items(), key=lambda kv: -kv[1])))
    print(f"slowest: {summary.slowest[0]:.2f} s ({summary.slowest[1]}: {summary.slowest[2]})")
    print(f"max RSS: {max_rss_mb():.0f} MB (this process)")
    print(f"violations: {len(summary.violations)}")
    for v in summary.violations[:20]:
        print("  " + v)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="cases in all (default 5000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # Pillow warns about every broken TIFF tag; the outcome is what counts
    summary = Summary()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="spbe-fuzz-") as tmp:
        workdir = Path(tmp)

        @hsettings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(fmt=st.sampled_from(sorted(EXTENSIONS)), mutations=st.lists(MUTATION, min_size=1, max_size=4))
        def case(fmt: str, mutations: list[tuple]) -> None:
            check(fmt, mutations, workdir, summary)  # violations are collected, not raised: the run goes on

        if args.seed is not None:
            from hypothesis import seed

            case = seed(args.seed)(case)
        seeds()  # build them once, outside the timed cases
        case()
    print_summary(summary, time.perf_counter() - start)
    return 1 if summary.violations else 0


if __name__ == "__main__":
    sys.exit(main())
