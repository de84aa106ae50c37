"""Scanned pages: the pipeline's OCR against bare Tesseract at 300 dpi on the same pages (a script, not a test).

    .venv/bin/python bench/ocr_limit.py [--pages 160] [--seed 1] [--workdir DIR] [--keep] [--json FILE]
                                        [--no-fixed] [--no-spbe] [--served]

1. Writes a scanned evidence folder of about ``--pages`` pages (image-only PDFs and image files), deterministic
   for a seed, with the text of every page known: see `KINDS` (typed in DejaVu Serif, Times, Helvetica and
   Courier from 8 to 16 pt; scanned at 150, 200, 300 and 400 dpi; clean, noisy, skewed 2-3.5 degrees, turned
   90/180/270 degrees, phone photos).
2. Measures, one after the other in this one run, each step as its own child process:
     limit      bare Tesseract (`tesseract PAGE - -l ind+eng --psm 3`, OMP_THREAD_LIMIT=1) over every page,
                pre-rendered (untimed) at 300 dpi in grayscale (PDF pages with pypdfium2; image files resampled
                to 300 dpi by their DPI tag, untagged photos as they are), nproc processes at a time and nothing
                else; measured first and last, and the mean is the limit (Tesseract's speed drifts on a shared
                machine)
     spbe       `spbe run DIR --db NEW --quiet`, cold (a new database; Prefect's own database made before by an
                untimed run over an empty folder, as on a machine that has run before)
     spbe_served  with `--served`: the same cold run beside a Prefect server that is already running (started
                and warmed by an untimed run before, PREFECT_API_URL set), as on the nightly path where
                `spbe schedule` keeps one; the server's own CPU during the run is reported beside it
     extract    pipeline.extract.extractor.extract over every file in nproc worker processes (as `spbe run`
                reads them), without Prefect, DuckDB or judging
     fixed      the same with ExtractSettings(ocr_xheight_px=0): resolution fixed as before issue 15 (PDF pages
                at ocr_dpi whatever their scan resolution, images as they are)
3. Similarity of every page against its known text (rapidfuzz ratio of whitespace-normalised text, as in
   tests/test_ocr_accuracy.py), per group of issue 2: clean (>= 95), noisy or skewed (>= 85), rotated (>= 85).
   Prints a table and writes --json.

CPU is user + system of the step's process and every descendant it waited for (Tesseract included); for
`spbe run` the worker processes of its forkserver are not all waited for, so its CPU is a lower bound.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from PIL import Image, ImageOps  # noqa: E402

from bench.throughput import work_dir  # noqa: E402

THRESHOLDS = {"clean": 95.0, "noisy": 85.0, "rotated": 85.0}  # issue 2, per page
LIMIT_DPI = 300
MAX_RATIO = 1.0  # spbe cold <= 1.0 x bare Tesseract at 300 dpi (issue 15)


# --- the folder --------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    group: str  # clean / noisy / rotated (issue 2's similarity groups)
    share: float  # of the pages
    container: str  # pdf / png / tiff / jpeg


KINDS = (
    Kind("scan200", "noisy", 0.25, "pdf"),  # bench/corpus.py's scans: DejaVu Serif 11.5 pt, 200 dpi JPEG, skew <= 1.5
    Kind("typed300", "noisy", 0.30, "pdf"),  # Times / Helvetica / Courier 10-13 pt, 300 dpi, noise, skew <= 1.5
    Kind("small300", "noisy", 0.10, "pdf"),  # 8-9 pt, 300 dpi: small print must stay readable
    Kind("large300", "clean", 0.07, "pdf"),  # 14-16 pt, 300 dpi, clean
    Kind("low150", "noisy", 0.08, "pdf"),  # 10-12 pt scanned at 150 dpi: bare Tesseract gets it upsampled
    Kind("image", "clean", 0.08, "png"),  # PNG at 300 dpi / TIFF at 400 dpi with a DPI tag, clean
    Kind("skewed", "noisy", 0.06, "pdf"),  # 2-3.5 degrees, heavier noise: the deskew path
    Kind("turned", "rotated", 0.03, "pdf"),  # turned 90/180/270: the OSD path
    Kind("photo", "rotated", 0.03, "jpeg"),  # phone photos, upright or sideways, no EXIF
)
FONTS = ("Times-Roman", "Helvetica", "Courier")


@dataclass
class PageTruth:
    file: str  # relative path
    page: int  # 1-based
    kind: str
    group: str
    text: str


def _words(rng: random.Random, paragraphs: int) -> list[str]:
    import corpus

    return [corpus._paragraph(rng, rng.randint(2, 4)) for _ in range(paragraphs)]


def dejavu_page(rng: random.Random, pt: float, dpi: int) -> tuple[Image.Image, str]:
    """A page typed like samplegen's scans (DejaVu Serif): the lines that fit, and the image."""
    import corpus

    from samplegen.render import paginate, render_page, split_page_args

    lines, bold, align = corpus._scan_lines(rng, rng.choice(corpus.OPDS), rng.random() < 0.5)
    start, end = paginate(lines, dpi=dpi, font_size_pt=pt, bold_lines=bold, align=align)[0]
    text, page_bold, page_align = split_page_args(lines, bold, align, start, end)
    image = render_page(
        text, dpi=dpi, font_size_pt=pt, seed=rng.randint(0, 9999), bold_lines=page_bold, align=page_align
    )
    return image, "\n".join(line for line in text if line)


def typed_page(rng: random.Random, font: str, pt: float, dpi: int) -> tuple[Image.Image, str]:
    """A page typed in a PDF standard font (reportlab), rasterised by pdfium: other glyph shapes than DejaVu."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    bold = {"Times-Roman": "Times-Bold"}.get(font, f"{font}-Bold")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    left, right, margin = 85.0, 62.0, 71.0
    y, rows = A4[1] - margin, []
    for head in ("PEMERINTAH KOTA SUKAMAJU", f"NOMOR {rng.randint(1, 99)} TAHUN {rng.randint(2016, 2025)}"):
        c.setFont(bold, pt + 1)
        c.drawCentredString(A4[0] / 2, y, head)
        rows.append(head)
        y -= (pt + 1) * 1.6
    for paragraph in _words(rng, 40):
        wrapped, current = [], []
        for word in paragraph.split():
            if current and stringWidth(" ".join([*current, word]), font, pt) > A4[0] - left - right:
                wrapped.append(" ".join(current))
                current = []
            current.append(word)
        wrapped.append(" ".join(current))
        if y - len(wrapped) * pt * 1.3 < margin:
            break
        for row in wrapped:
            c.setFont(font, pt)
            c.drawString(left, y, row)
            rows.append(row)
            y -= pt * 1.3
        y -= pt * 0.6
    c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    try:
        image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    return image, "\n".join(rows)


def make_page(kind: str, rng: random.Random) -> tuple[Image.Image, str, int]:
    """One page of a kind: (image, its text, its resolution in dpi; 0 for a photo)."""
    from samplegen.render import degrade, photograph

    def noisy(img: Image.Image, dpi: int, noise: float, skew: float) -> Image.Image:
        blur = rng.uniform(0.5, 0.9) * dpi / 300
        return degrade(img, noise=noise, blur=blur, rotate_deg=round(skew, 2), seed=rng.randint(0, 9999))

    font, small_skew = rng.choice(FONTS), rng.uniform(-1.5, 1.5)
    if kind == "scan200":
        img, text = dejavu_page(rng, 11.5, 200)
        return noisy(img, 200, rng.uniform(0.02, 0.045), small_skew), text, 200
    if kind == "typed300":
        img, text = typed_page(rng, font, rng.choice((10, 10.5, 11, 12, 13)), 300)
        return noisy(img, 300, rng.uniform(0.02, 0.05), small_skew), text, 300
    if kind == "small300":
        img, text = typed_page(rng, rng.choice(("Times-Roman", "Helvetica")), rng.choice((8, 8.5, 9)), 300)
        return noisy(img, 300, rng.uniform(0.02, 0.03), small_skew / 2), text, 300
    if kind == "large300":
        if rng.random() < 0.5:
            img, text = dejavu_page(rng, rng.choice((14, 16)), 300)
            return img, text, 300
        img, text = typed_page(rng, "Helvetica", rng.choice((14, 16)), 300)
        return img, text, 300
    if kind == "low150":
        img, text = typed_page(rng, font, rng.choice((10, 11, 12)), 150)
        return noisy(img, 150, rng.uniform(0.02, 0.03), small_skew), text, 150
    if kind == "image":
        dpi = rng.choice((300, 300, 400))
        img, text = dejavu_page(rng, 12, dpi) if rng.random() < 0.5 else typed_page(rng, font, 11, dpi)
        return img, text, dpi
    if kind == "skewed":
        img, text = typed_page(rng, font, rng.choice((10, 11, 12)), 300)
        skew = rng.choice((-1, 1)) * rng.uniform(2.0, 3.5)
        return noisy(img, 300, rng.uniform(0.04, 0.08), skew), text, 300
    if kind == "turned":
        img, text = dejavu_page(rng, 12, 300)
        return img.rotate(rng.choice((90, 180, 270)), expand=True), text, 300
    img, text = dejavu_page(rng, 12, 300)  # photo
    return photograph(img, rotate=rng.choice((0, 90)), seed=rng.randint(0, 9999)), text, 0


def plan(pages: int, seed: int) -> list[tuple[str, str, int, int]]:
    """(relative path, kind, pages, seed) per file: every kind gets its share of the pages, PDFs 1-4 pages."""
    import corpus

    rng = random.Random(seed)
    files = []
    for kind in KINDS:
        left = max(1, round(pages * kind.share))
        while left:
            n = min(left, rng.randint(1, 4)) if kind.container == "pdf" else 1
            left -= n
            files.append((kind, n))
    rng.shuffle(files)
    out = []
    for i, (kind, n) in enumerate(files):
        ext = {"pdf": "pdf", "png": "png", "jpeg": "jpg", "tiff": "tif"}[kind.container]
        opd = rng.choice(corpus.OPDS)
        out.append((f"{opd}/Pindaian_{i:04d}_{kind.name}.{ext}", kind.name, n, seed * 100_003 + i))
    return out


def write_file(root: str, rel: str, kind: str, pages: int, seed: int) -> list[PageTruth]:
    """Write one file of the plan; the text of each of its pages."""
    from samplegen.pdfs import write_image_pdf

    rng = random.Random(seed)
    made = [make_page(kind, rng) for _ in range(pages)]
    path = Path(root) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    group = next(k.group for k in KINDS if k.name == kind)
    if path.suffix == ".pdf":
        write_image_pdf([img for img, _, _ in made], path, quality=rng.randint(45, 75), producer_note="EPSON Scan")
    elif path.suffix == ".jpg":
        made[0][0].save(path, "JPEG", quality=88)
    elif made[0][2] == 400:
        path = path.with_suffix(".tif")
        rel = str(Path(rel).with_suffix(".tif"))
        made[0][0].save(path, "TIFF", compression="tiff_lzw", dpi=(400, 400))
    else:
        made[0][0].save(path, "PNG", dpi=(made[0][2], made[0][2]))
    return [PageTruth(rel, n + 1, kind, group, text) for n, (_, text, _) in enumerate(made)]


def build(root: Path, pages: int, seed: int, processes: int) -> list[PageTruth]:
    jobs = [(str(root), *item) for item in plan(pages, seed)]
    with ProcessPoolExecutor(processes) as pool:
        return [t for truths in pool.map(write_file, *zip(*jobs)) for t in truths]


# --- bare Tesseract at 300 dpi -----------------------------------------------------------


def render_for_limit(root: Path, truths: list[PageTruth], out: Path) -> list[Path]:
    """Every page at 300 dpi in grayscale, as uncompressed TIFF (what bare Tesseract is given)."""
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    images = []
    for n, rel in enumerate(sorted({t.file for t in truths})):
        if rel.endswith(".pdf"):
            pdf = pdfium.PdfDocument(root / rel)
            try:
                pages = [
                    pdf[i].render(scale=LIMIT_DPI / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))
                ]
            finally:
                pdf.close()
        else:
            with Image.open(root / rel) as im:
                img = ImageOps.exif_transpose(im).convert("L")
                dpi = im.info.get("dpi")
            if dpi and round(float(dpi[0])) != LIMIT_DPI:
                factor = LIMIT_DPI / float(dpi[0])
                img = img.resize((round(img.width * factor), round(img.height * factor)), Image.Resampling.LANCZOS)
            pages = [img]
        for i, img in enumerate(pages):
            target = out / f"{n:04d}-{i + 1:03d}.tif"
            img.save(target, "TIFF", compression="raw", dpi=(LIMIT_DPI, LIMIT_DPI))
            images.append(target)
    return images


def limit_worker(image_dir: Path, jobs: int, languages: str, psm: int, texts: Path) -> int:
    """Child process of a limit step: Tesseract over every page image, ``jobs`` at a time; texts to a file."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    images = sorted(image_dir.glob("*.tif"))

    def one(img: Path) -> str:
        cmd = ["tesseract", str(img), "-", "-l", languages, "--psm", str(psm)]
        return subprocess.run(cmd, env=env, capture_output=True, check=True, text=True).stdout

    with ThreadPoolExecutor(jobs) as pool:
        out = dict(zip((img.stem for img in images), pool.map(one, images)))
    texts.write_text(json.dumps(out))
    return 0


# --- the pipeline's extraction -----------------------------------------------------------


def _extract_one(path: str, fixed: bool) -> list[dict]:
    from pipeline.extract.extractor import extract
    from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings

    settings = ExtractSettings(ocr_xheight_px=0) if fixed else DEFAULT_SETTINGS
    doc = extract(Path(path), settings)
    return [{"page": p.number, "text": p.text, "method": p.method.value, "rotation": p.rotation} for p in doc.pages]


def extract_worker(root: Path, jobs: int, fixed: bool, texts: Path) -> int:
    """Child process of an extract step: extract() over every file in ``jobs`` worker processes."""
    from multiprocessing import get_context

    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        results = pool.map(_extract_one, [str(root / f) for f in files], [fixed] * len(files))
        texts.write_text(json.dumps(dict(zip(files, results))))
    return 0


def spbe_texts(db: Path) -> dict[str, list[dict]]:
    """Page texts of the last run, per file path, from the run's DuckDB file."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT f.path, p.page_no, p.text, p.method, p.rotation FROM files f JOIN pages p "
            "USING (sha256, name_class, extractor_version) ORDER BY f.path, p.page_no"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[dict]] = {}
    for path, page, text, method, rotation in rows:
        out.setdefault(path, []).append({"page": page, "text": text, "method": method, "rotation": rotation})
    return out


# --- measuring ---------------------------------------------------------------------------


@dataclass
class Step:
    name: str
    wall_s: float = 0.0
    cpu_s: float = 0.0
    similarity: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)


def measure(name: str, cmd: list[str], env: dict, log: Path) -> Step:
    """Run one step as a child process: wall time and the CPU of its waited-for process tree."""
    start = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    step = Step(name, time.perf_counter() - start, usage.ru_utime + usage.ru_stime)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"step {name} failed (exit {proc.returncode}): {' '.join(cmd)}\n{log.read_text()[-3000:]}")
    print(f"  {name:<8} {step.wall_s:7.1f} s wall  {step.cpu_s:7.1f} s cpu", flush=True)
    return step


def similarities(truths: list[PageTruth], read: dict[tuple[str, int], str]) -> dict:
    """Per group: mean, min and count of pages under the issue-2 threshold; and every page's figure."""
    from tests.fixtures import similarity

    per_page = {(t.file, t.page): similarity(t.text, read.get((t.file, t.page), "")) for t in truths}
    out: dict = {"pages": {f"{f}#{p}": round(s, 1) for (f, p), s in per_page.items()}}
    for group, threshold in THRESHOLDS.items():
        values = [per_page[(t.file, t.page)] for t in truths if t.group == group]
        if values:
            out[group] = {
                "mean": round(statistics.fmean(values), 2),
                "min": round(min(values), 1),
                "under": sum(1 for v in values if v < threshold),
                "pages": len(values),
            }
    return out


def by_page(texts: dict[str, list[dict]]) -> dict[tuple[str, int], str]:
    return {(f, p["page"]): p["text"] for f, pages in texts.items() for p in pages}


# --- main --------------------------------------------------------------------------------


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=160)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--keep", action="store_true", help="keep the work dir (folder, page images, databases, logs)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--no-fixed", action="store_true", help="skip the fixed-resolution extract step")
    ap.add_argument("--no-spbe", action="store_true", help="skip the `spbe run` step")
    ap.add_argument("--served", action="store_true", help="also `spbe run` beside a running Prefect server")
    ap.add_argument("--_limit", dest="limit", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--_extract", dest="extract", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--_fixed", dest="fixed", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--_jobs", dest="jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--_texts", dest="texts", type=Path, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def run_steps(args: argparse.Namespace, work: Path, truths: list[PageTruth], nproc: int) -> dict[str, Step]:
    """limit, spbe, extract, fixed, limit again: each a child process, one after the other."""
    from pipeline.settings import DEFAULT_SETTINGS

    env = dict(os.environ, PREFECT_HOME=str(work / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    me, logs, folder = [sys.executable, __file__], work / "logs", work / "evidence"
    logs.mkdir(exist_ok=True)
    files = sorted({t.file for t in truths})
    spbe = [str(Path(sys.executable).with_name("spbe")), "run"]
    spbe_opts = ["--quiet", "--year", "2025", "--region", "Kota Sukamaju"]
    steps: dict[str, Step] = {}

    def limit(name: str) -> Step:
        texts = work / f"{name}.json"
        cmd = [*me, "--_limit", str(work / "limit-images"), "--_jobs", str(nproc), "--_texts", str(texts)]
        step = measure(name, cmd, env, logs / f"{name}.log")
        raw = json.loads(texts.read_text())
        read = {(files[int(k[:4])], int(k[5:])): v for k, v in raw.items()}
        step.similarity = similarities(truths, read)
        return step

    def extract(name: str, fixed: bool) -> Step:
        texts = work / f"{name}.json"
        cmd = [*me, "--_extract", str(folder), "--_jobs", str(nproc), "--_texts", str(texts)]
        step = measure(name, cmd + (["--_fixed"] if fixed else []), env, logs / f"{name}.log")
        step.similarity = similarities(truths, by_page(json.loads(texts.read_text())))
        return step

    steps["limit"] = limit("limit")
    if not args.no_spbe:
        (work / "empty").mkdir(exist_ok=True)
        measure(
            "warmup",
            [*spbe, str(work / "empty"), "--db", str(work / "warmup.duckdb"), *spbe_opts],
            env,
            logs / "warmup.log",
        )
        db = work / "spbe.duckdb"
        steps["spbe"] = measure("spbe", [*spbe, str(folder), "--db", str(db), *spbe_opts], env, logs / "spbe.log")
        steps["spbe"].similarity = similarities(truths, by_page(spbe_texts(db)))
    if args.served:
        steps["spbe_served"] = served_run(work, env, folder, [*spbe, str(folder), *spbe_opts], logs)
        steps["spbe_served"].similarity = similarities(truths, by_page(spbe_texts(work / "served.duckdb")))
    steps["extract"] = extract("extract", fixed=False)
    if not args.no_fixed:
        steps["fixed"] = extract("fixed", fixed=True)
    steps["limit_after"] = limit("limit_after")
    steps["limit"].info["ocr_settings"] = DEFAULT_SETTINGS.fingerprint()
    return steps


def served_run(work: Path, env: dict, folder: Path, cmd: list[str], logs: Path) -> Step:
    """The cold run beside a Prefect server that already runs (untimed start and warm-up run, as
    bench/schedule_probe.py starts one); the server's CPU during the timed run goes into the step's info."""
    from bench.schedule_probe import prefect_server
    from bench.throughput import _tree_cpu

    with prefect_server(env, logs / "served-server.log") as (url, server):
        served = {**env, "PREFECT_API_URL": url}
        empty = work / "empty"
        empty.mkdir(exist_ok=True)
        warmup = [*cmd[:2], str(empty), *cmd[3:], "--db", str(work / "served-warmup.duckdb")]
        measure("served_warmup", warmup, served, logs / "served-warmup.log")
        before = _tree_cpu(server.pid)
        step = measure("spbe_served", [*cmd, "--db", str(work / "served.duckdb")], served, logs / "spbe_served.log")
        step.info["server_cpu_s"] = round(_tree_cpu(server.pid) - before, 1)
        print(f"  (the server's CPU during that run: {step.info['server_cpu_s']} s)", flush=True)
        return step


def _sim_cell(step: Step, group: str) -> str:
    s = step.similarity.get(group)
    return f"{s['mean']:.1f} / {s['min']:.1f}" + (f" ({s['under']} under)" if s["under"] else "") if s else "-"


def report(steps: dict[str, Step], pages: int, nproc: int) -> tuple[list[list[str]], dict]:
    """Table rows and the checks of issue 15 (cold spbe run <= 1.0 x the limit, similarity held)."""
    limit_s = (steps["limit"].wall_s + steps["limit_after"].wall_s) / 2
    limit_cpu = (steps["limit"].cpu_s + steps["limit_after"].cpu_s) / 2
    rows = [["step", "wall s", "x limit", "cpu s/page", "clean mean/min", "noisy mean/min", "rotated mean/min"]]
    for name, step in steps.items():
        rows.append(
            [
                name,
                f"{step.wall_s:.1f}",
                f"{step.wall_s / limit_s:.2f}",
                f"{step.cpu_s / pages:.2f}",
                *(_sim_cell(step, g) for g in THRESHOLDS),
            ]
        )
    bare = steps["limit"].similarity
    checks = {}
    for name in ("spbe", "spbe_served", "extract"):
        if name not in steps:
            continue
        step = steps[name]
        checks[f"{name} <= {MAX_RATIO} x limit"] = step.wall_s / limit_s <= MAX_RATIO
        checks[f"{name}: every page at issue 2's thresholds"] = all(
            step.similarity[g]["under"] == 0 for g in THRESHOLDS if g in step.similarity
        )
        checks[f"{name}: group means >= bare Tesseract's - 0.5"] = all(
            step.similarity[g]["mean"] >= bare[g]["mean"] - 0.5 for g in THRESHOLDS if g in step.similarity
        )
    summary = {"limit_wall_s": limit_s, "limit_cpu_s_per_page": limit_cpu / pages, "nproc": nproc, "pages": pages}
    return rows, {"checks": checks, **summary}


def _print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    if args.limit:
        from pipeline.settings import DEFAULT_SETTINGS

        s = DEFAULT_SETTINGS
        return limit_worker(args.limit, args.jobs, s.ocr_languages, s.ocr_psm, args.texts)
    if args.extract:
        return extract_worker(args.extract, args.jobs, args.fixed, args.texts)
    nproc = len(os.sched_getaffinity(0))
    work = work_dir(args.workdir, "spbe-ocr-limit-", ".spbe-ocr-limit")
    t0 = time.perf_counter()
    truths = build(work / "evidence", args.pages, args.seed, nproc)
    render_for_limit(work / "evidence", truths, work / "limit-images")
    (work / "truth.json").write_text(json.dumps([asdict(t) for t in truths]))
    files = len({t.file for t in truths})
    print(f"folder: {files} files, {len(truths)} pages; prepared in {time.perf_counter() - t0:.0f} s in {work}")
    print(f"load average {os.getloadavg()}, {nproc} cores", flush=True)
    try:
        steps = run_steps(args, work, truths, nproc)
        rows, results = report(steps, len(truths), nproc)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    _print_table(rows)
    print(f"\nlimit = mean of the two limit steps, {results['limit_wall_s']:.1f} s; similarity = mean / min per group")
    for check, ok in results["checks"].items():
        print(f"  {'PASS' if ok else 'FAIL'}  {check}")
    if args.json:
        data = {**results, "steps": {k: asdict(v) for k, v in steps.items()}}
        args.json.write_text(json.dumps(data, indent=1))
    return 0 if all(results["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
