"""Fault injection against real runs (issue 6): what each fault does to a run, and whether anything is lost.

    .venv/bin/python bench/faults.py [--only NAME ...] [--workdir DIR] [--keep]

Every fault gets its own copy of one baseline site: an evidence folder (a damaged report, a regulation)
after a completed `spbe run`, with one admin decision recorded on the damaged report's gap. The fault
is then injected into real `spbe` processes (real Prefect flow, real Tesseract, real DuckDB file), a
recovery run follows where the fault killed a run, and one markdown table row is printed per fault:

    fault | outcome | files lost | decisions lost | seconds

* files lost: files in the folder after the fault that have no row in `files` (must be 0);
* decisions lost: decisions stored before the fault that are gone after it (must be 0).

The exit code is 1 when anything was lost or a fault could not be measured. The runs share one
throw-away Prefect API (as the test suite does), so a run costs seconds of start-up, not ten.
Target: under ~10 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb

from tests.evidence_factory import (
    attendance_docx,
    build_pdf,
    corrupt_pdf,
    docx_file,
    nik_of,
    scan_image,
    scanned_folder,
    scanned_pdf,
    text_pdf,
    xlsx_file,
)
from tests.test_crash_safety import (
    PROGRESS,
    Spbe,
    kill_inside_a_write,
    open_and_check,
    spbe_env,
    spbe_run,
)
from tests.test_environment_faults import path_without_tesseract, tessdata_with
from tests.test_environment_faults_e2e import Launched, fill, run_args, spbe_command, with_tmpfs
from tests.test_hostile_files import (
    BOMB_BYTES,
    FONT,
    NAMES,
    TEXT,
    page,
    pdf_with_pages,
    png_declaring,
    zip_with,
)

GAP = "Dinkes/Laporan_rusak.pdf"  # the baseline's damaged report: a `corrupt` gap with a decision on it
REGION, YEAR = "Kota Sukamaju", 2025


# --- measuring ------------------------------------------------------------------------------------


@dataclass
class Row:
    fault: str
    outcome: str
    files_lost: int | None
    decisions_lost: int | None
    seconds: float

    @property
    def bad(self) -> bool:
        return self.files_lost != 0 or self.decisions_lost != 0


def stored_name(path: str) -> str:
    """How a path is stored: undecodable bytes of a non-UTF-8 name as \\xNN (DuckDB holds UTF-8 only)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def folder_paths(root: Path) -> list[str]:
    """Every entry of the folder that is a file to the pipeline (files, and symlinks to folders)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        for name in filenames + [d for d in dirnames if (base / d).is_symlink()]:
            found.append((base / name).relative_to(root).as_posix())
    return found


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def decision_ids(db: Path) -> set[int]:
    return {row[0] for row in query(db, "SELECT id FROM decisions")}


def file_status(db: Path, path: str) -> str:
    rows = query(db, "SELECT status, coalesce(error_code, '') FROM files WHERE path = ?", [stored_name(path)])
    return "/".join(filter(None, rows[0])) if rows else "NO ROW"


def run_row(db: Path, run_id: int | None = None) -> dict:
    sql = "SELECT run_id, status, files_extracted, finished_at - started_at FROM runs "
    rows = query(
        db, sql + ("WHERE run_id = ?" if run_id else "ORDER BY run_id DESC LIMIT 1"), [run_id] if run_id else []
    )
    return dict(zip(("run_id", "status", "files_extracted", "took"), rows[0])) if rows else {}


def extraction_seconds(db: Path, path: str) -> float | None:
    rows = query(
        db,
        """SELECT e.seconds FROM files f JOIN extractions e USING (sha256, name_class, extractor_version)
                        WHERE f.path = ?""",
        [path],
    )
    return rows[0][0] if rows else None


class Site:
    """A copy of the baseline site for one fault."""

    def __init__(self, base: Path, template: Path):
        shutil.copytree(template, base, symlinks=True)
        self.base, self.folder, self.db = base, base / "eviden", base / "spbe.duckdb"
        self.decisions_before = decision_ids(self.db)

    def run(self, *extra: object) -> Spbe:
        return spbe_run(self.folder, self.db, *extra, cwd=self.base)

    def complete(self, *extra: object, timeout: float = 600) -> Spbe:
        run = self.run("--quiet", *extra)
        run.finish(timeout)
        return run

    def export(self) -> tuple[int, str]:
        target = self.base / "hasil.json"
        code = Spbe("export", "--db", self.db, "--json", target, cwd=self.base).finish(120)
        return code, target.read_text(encoding="utf-8") if target.is_file() else ""

    def report(self) -> tuple[int, str]:
        target = self.base / "laporan.html"
        code = Spbe("report", "--db", self.db, "--out", target, cwd=self.base).finish(120)
        return code, target.read_text(encoding="utf-8") if target.is_file() else ""

    def lost(self) -> tuple[int, int]:
        """(files of the folder without a row of their own, decisions gone). Counted, not matched by
        name: the table holds exactly the folder's files, one row each (paths are its key), so any
        entry sharing a row with another, or missing, shows as a shortfall."""
        rows = {row[0] for row in query(self.db, "SELECT path FROM files")}
        entries = folder_paths(self.folder)
        plain = {p for p in entries if stored_name(p) == p}  # names stored as they are: must be there by name
        lost = max(len(entries) - len(rows), len(plain - rows))
        return lost, len(self.decisions_before - decision_ids(self.db))


def build_baseline(base: Path) -> Path:
    """The site every fault starts from: one completed run and one decision on its `corrupt` gap."""
    from fastapi.testclient import TestClient

    from pipeline.review.app import create_app
    from tests.test_review import decide

    folder, db = base / "eviden", base / "spbe.duckdb"
    corrupt_pdf(folder / GAP)
    text_pdf(folder / "Dinkes" / "Perwali_5_2023.pdf")
    run = spbe_run(folder, db, "--quiet", cwd=base)
    if run.finish() != 0:
        raise RuntimeError(f"baseline run failed:\n{run.stderr[-3000:]}")
    response = decide(TestClient(create_app(db)), GAP, "corrupt", "confirmed", note="Minta unggah ulang", who="Rina")
    if response.status_code != 303:
        raise RuntimeError(f"baseline decision not stored: {response.status_code}")
    return base


# --- faults ---------------------------------------------------------------------------------------
# Each takes a fresh Site and returns the outcome text; losses are measured after it returns.


def _killed(site: Site, kill: Callable[[Spbe], None], attempts: int = 1, *, after_lines: int = 1) -> str:
    scanned_folder(site.folder, scans=12, texts=2)
    contents = 12 + 2
    killed = []
    for _ in range(attempts):
        run = site.run()
        run.wait_for_line(PROGRESS, count=after_lines)
        kill(run)
        killed.append(run_row(site.db)["run_id"])
    opened = open_and_check(site.db)
    stored = query(site.db, "SELECT count(*) FROM extractions WHERE run_id IN (SELECT unnest(?::INTEGER[]))", [killed])[
        0
    ][0]
    rerun = site.complete()
    final = run_row(site.db)
    left = sorted({run_row(site.db, run_id)["status"] for run_id in killed})
    code, _ = site.export()
    scratch = site.db.with_name(site.db.name + ".tmp")  # the runs' OCR scratch, emptied by each run's start
    litter = sum(1 for folder in (site.base / "tmp", scratch) for _ in folder.glob("spbe-ocr-*"))
    return (
        f"killed {len(killed)}x, {stored}/{contents} contents stored; DB opens: "
        f"{'yes' if opened['error'] is None else opened['error'][:60]}; rerun exit {rerun.proc.returncode}, "
        f"read {final.get('files_extracted')} (expected {contents - stored}); killed run(s) left "
        f"{'/'.join(repr(s) for s in left)}; export exit {code}; OCR temp dirs left: {litter}"
    )


def fault_kill_during_ocr(site: Site) -> str:
    return _killed(site, lambda run: run.kill(), after_lines=6)


def fault_kill_during_write(site: Site) -> str:
    def kill(run: Spbe) -> None:
        if not kill_inside_a_write(run, site.db):
            raise RuntimeError("the run ended before a write could be interrupted")

    return _killed(site, kill, attempts=2)


def fault_concurrent_run(site: Site) -> str:
    scanned_folder(site.folder, scans=12, texts=0)
    first = site.run()
    first.wait_for_line(PROGRESS)
    second = site.run("--quiet")
    started = time.monotonic()
    code = second.finish(60)
    waited = time.monotonic() - started
    still = first.running()
    first.finish()
    said = (
        "said a run is in progress"
        if "run lain sedang berjalan" in second.stderr.lower()
        else f"said {second.stderr[-80:]!r}"
    )
    return (
        f"2nd run exit {code} after {waited:.1f} s ({said}; 1st still running: {still}); "
        f"1st exit {first.proc.returncode}, run {run_row(site.db)['status']}"
    )


def fault_review_during_run(site: Site) -> str:
    from fastapi.testclient import TestClient

    from pipeline.review.app import create_app
    from tests.test_review import decide

    scanned_folder(site.folder, scans=12, texts=0)
    run = site.run()
    run.wait_for_line(PROGRESS)
    response = decide(TestClient(create_app(site.db)), GAP, "corrupt", "fixed", note="Sudah diunggah ulang", who="Budi")
    during = run.running()
    site.decisions_before = decision_ids(site.db)  # the new decision must survive the rest of the run too
    run.finish()
    return (
        f"decision HTTP {response.status_code} while run in progress: {during}; run exit {run.proc.returncode}; "
        f"{len(site.decisions_before)} decisions before the run ended, {len(decision_ids(site.db))} after"
    )


def _one_file(
    site: Site,
    relative: str,
    data: bytes | None = None,
    *,
    build: Callable[[Path], object] | None = None,
    extra: str = "",
) -> str:
    target = site.folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if build is not None:
        build(target)
    else:
        target.write_bytes(data)
    size = target.stat().st_size
    run = site.complete()
    took = extraction_seconds(site.db, relative)
    pages = query(
        site.db,
        """SELECT e.pages FROM files f JOIN extractions e USING (sha256, name_class, extractor_version)
                              WHERE f.path = ?""",
        [relative],
    )
    return (
        f"run exit {run.proc.returncode}; {size:,} B file -> {file_status(site.db, relative)}"
        f"{f', {pages[0][0]} pages kept' if pages else ''}{f' in {took:.1f} s' if took is not None else ''}{extra}"
    )


def fault_decompression_bomb(site: Site) -> str:
    return _one_file(site, "Dinkes/peta_raksasa.png", png_declaring(50_000, 50_000))


def fault_thousands_of_pages(site: Site) -> str:
    return _one_file(site, "Dinkes/lampiran_5000_halaman.pdf", pdf_with_pages(5000))


def fault_deeply_nested_pdf(site: Site) -> str:
    depth = 5000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + i) for i in range(depth)]
    objects += [page(depth + 1, font=depth + 3, contents=depth + 4), FONT, TEXT]
    return _one_file(site, "Dinkes/bersarang.pdf", build_pdf(objects))


def fault_docx_zip_bomb(site: Site) -> str:
    good = docx_file(site.base / "asli.docx", ["NOTULEN RAPAT KOORDINASI TIM SPBE"])
    return _one_file(
        site,
        "Dinkes/bom.docx",
        build=lambda target: zip_with(good, "word/document.xml", b"</w:body>", b" " * BOMB_BYTES, target),
    )


def fault_xlsx_zip_bomb(site: Site) -> str:
    good = xlsx_file(site.base / "asli.xlsx", "Aset TIK", [["No", "Nama Aset"], [1, "Server"]])
    return _one_file(
        site,
        "Dinkes/bom.xlsx",
        build=lambda target: zip_with(good, "xl/worksheets/sheet1.xml", b"</sheetData>", b" " * BOMB_BYTES, target),
    )


HANGING_TESSERACT = """#!/bin/sh
# Tesseract that never finishes a page (but answers the version and language questions).
for arg in "$@"; do
  case "$arg" in --version|--list-langs) exec {real} "$@";; esac
done
exec sleep 3600
"""


def fault_tesseract_forever(site: Site) -> str:
    """`spbe run --file-timeout 5` behind a `tesseract` on PATH that never returns a page."""
    relative = "Dinkes/pindaian_macet.pdf"
    scanned_pdf(site.folder / relative, [scan_image(seed=41, noise=6), scan_image(seed=42, noise=6)])
    shim = site.base / "bin"
    shim.mkdir()
    real = shutil.which("tesseract")
    (shim / "tesseract").write_text(HANGING_TESSERACT.format(real=real))
    (shim / "tesseract").chmod(0o755)
    env = {**spbe_env(), "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "spbe.cli",
            "run",
            str(site.folder),
            "--db",
            str(site.db),
            "--region",
            REGION,
            "--year",
            str(YEAR),
            "--quiet",
            "--file-timeout",
            "5",
        ],
        cwd=site.base,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    took = time.monotonic() - started
    hung = subprocess.run(["pgrep", "-f", "sleep 3600"], capture_output=True, text=True, check=False).stdout.split()
    return (
        f"spbe run --file-timeout 5: exit {done.returncode} in {took:.0f} s; "
        f"{relative.split('/')[-1]} -> {file_status(site.db, relative)}; hanging tesseracts left: {len(hung)}"
    )


def fault_symlink_outside(site: Site) -> str:
    outside = site.base / "luar"
    secret = "RAHASIA NEGARA NOMOR 7788"
    text_pdf(outside / "rahasia.pdf", [secret, "Dokumen di luar folder eviden"])
    (site.folder / "Diskominfo").mkdir(parents=True, exist_ok=True)
    (site.folder / "Diskominfo" / "berkas-luar.pdf").symlink_to(outside / "rahasia.pdf")
    (site.folder / "Diskominfo" / "folder-luar").symlink_to(outside, target_is_directory=True)
    run = site.complete()
    leaked = query(site.db, "SELECT count(*) FROM pages WHERE text ILIKE '%7788%'")[0][0]
    _, exported = site.export()
    return (
        f"run exit {run.proc.returncode}; link to file -> {file_status(site.db, 'Diskominfo/berkas-luar.pdf')}, "
        f"link to folder -> {file_status(site.db, 'Diskominfo/folder-luar')}; outside text stored: {leaked} pages, "
        f"in export: {'7788' in exported}"
    )


def fault_file_vanishes(site: Site) -> str:
    scanned_folder(site.folder, scans=10, texts=0)
    relative = "Setda/zz_Pindaian_hilang.pdf"  # sorted last: still waiting to be read at the first progress line
    (site.folder / relative).write_bytes(
        (site.folder / "Setda" / "Pindaian_Lampiran_04.pdf").read_bytes() + b"\n%hilang\n"
    )
    run = site.run()
    run.wait_for_line(PROGRESS)
    (site.folder / relative).unlink()
    run.finish()
    return (
        f"deleted after the first progress line; run exit {run.proc.returncode}; "
        f"{relative.split('/')[-1]} -> {file_status(site.db, relative)}"
    )


def _names(site: Site, names: list[str]) -> str:
    folder = site.folder / "Setda"
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(names):
        (folder / name).write_text(f"Notulen rapat nomor {number}\n", encoding="utf-8")
    run = site.complete()
    statuses = sorted({file_status(site.db, f"Setda/{name}") for name in names})
    rows = query(site.db, "SELECT count(*) FROM files WHERE path LIKE 'Setda/%'")[0][0]
    export_code, exported = site.export()
    report_code, _ = site.report()
    listed = sum(1 for doc in json.loads(exported)["documents"] if doc["path"].startswith("Setda/")) if exported else 0
    tail = "" if run.proc.returncode == 0 else f" ({run.err[-1][:90] if run.err else ''})"
    return (
        f"run exit {run.proc.returncode}{tail}; {len(names)} files, {rows} rows -> {', '.join(statuses)}; export exit "
        f"{export_code} ({listed} listed), report exit {report_code}"
    )


def fault_control_characters(site: Site) -> str:
    return _names(site, [n for n in NAMES if any(ord(c) < 32 or ord(c) == 127 for c in n)])


def fault_name_255_bytes(site: Site) -> str:
    return _names(site, [n for n in NAMES if len(os.fsencode(n)) == 255])


def fault_name_not_utf8(site: Site) -> str:
    return _names(site, [n for n in NAMES if "latin1" in n])


def fault_name_look_alike(site: Site) -> str:
    """A non-UTF-8 name next to a file literally named like its stored form (backslash, x, e, 9)."""
    raw = next(n for n in NAMES if "latin1" in n)
    return _names(site, [raw, stored_name(raw)])


def fault_nik_document(site: Site) -> str:
    niks = [nik_of(serial=n, day=5 + n) for n in range(1, 6)]
    attendance_docx(site.folder / "Setda" / "Daftar_hadir_rapat_SPBE.docx", niks)
    run = site.complete()
    _, exported = site.export()
    _, html = site.report()
    variants = niks + [" ".join(v[i : i + 4] for i in range(0, 16, 4)) for v in niks]
    where = [
        name
        for name, text in (
            ("export JSON", exported),
            ("report HTML", html),
            ("run stdout/stderr", run.stdout + run.stderr),
        )
        if any(v in text for v in variants)
    ]
    flagged = query(site.db, "SELECT count(*) FROM doc_flags WHERE code = 'personal_data'")[0][0]
    stored = query(
        site.db,
        "SELECT count(*) FROM pages WHERE " + " OR ".join(["text LIKE ?"] * len(niks)),
        [f"%{v}%" for v in niks],
    )[0][0]
    return (
        f"run exit {run.proc.returncode}; NIK found in: {', '.join(where) or 'none of export/report/output'}; "
        f"personal_data flags: {flagged}; pages storing a raw NIK: {stored}"
    )


def _worker_running_tesseract(run_pid: int) -> int | None:
    """A worker process of the run (run -> forkserver -> worker) that is running Tesseract now."""

    def parent(pid: int) -> int:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[1])

    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "tesseract":
                worker = parent(int(entry.name))
                if parent(parent(worker)) == run_pid:
                    return worker
        except (OSError, ValueError, IndexError):
            continue
    return None


def fault_worker_killed(site: Site) -> str:
    """A worker process dies mid-OCR (as under the kernel's OOM killer): the run must go on."""
    paths = scanned_folder(site.folder, scans=6, texts=2)
    run = site.run("--quiet")
    worker, deadline = None, time.monotonic() + 120
    while worker is None and run.running() and time.monotonic() < deadline:
        worker = _worker_running_tesseract(run.proc.pid)
        time.sleep(0.05)
    if worker is None:
        raise RuntimeError("no worker was seen running Tesseract")
    os.kill(worker, 9)
    code = run.finish(600)
    statuses = sorted({file_status(site.db, path) for path in paths})
    ocr_pages = query(site.db, "SELECT ocr_pages FROM runs ORDER BY run_id DESC LIMIT 1")[0][0]
    return (
        f"worker {worker} killed during OCR; run exit {code}; {len(paths)} new files -> "
        f"{'/'.join(statuses)}; {ocr_pages} OCR pages (6 scans, the killed one read again)"
    )


# --- the machine, not the documents (issue 13) ---------------------------------------------------


def _spbe(site: Site, env: dict[str, str], *extra: str) -> Spbe:
    return Spbe(*run_args(site.folder, site.db, *extra), cwd=site.base, env=env)


def _said(lines: list[str], words: str) -> str:
    return next((line.strip()[:100] for line in lines if words in line), "(said nothing about it)")


def _ocr_codes(site: Site) -> int:
    return query(site.db, "SELECT count(*) FROM files WHERE error_code LIKE 'ocr%'")[0][0]


def _refused_then_repaired(site: Site, env: dict[str, str], relative: str) -> str:
    """A run on a machine that cannot OCR (`env`), then one on the repaired machine."""
    scanned_pdf(site.folder / relative, [scan_image(seed=51, noise=4)])
    started = time.monotonic()
    refused = _spbe(site, env, "--quiet")
    code = refused.finish(120)
    took = time.monotonic() - started
    blamed = _ocr_codes(site)
    repaired = site.complete()
    return (
        f"refused: exit {code} in {took:.1f} s ({refused.err[-1][:110] if refused.err else ''}…); per-file OCR "
        f"failures recorded: {blamed}; repaired: exit {repaired.proc.returncode}, new scan -> "
        f"{file_status(site.db, relative)}"
    )


def fault_ocr_engine_missing(site: Site) -> str:
    env = {**spbe_env(), "PATH": path_without_tesseract(site.base / "bin")}
    return _refused_then_repaired(site, env, "Dinkes/Pindaian_baru.pdf")


def fault_language_missing(site: Site) -> str:
    env = {**spbe_env(), "TESSDATA_PREFIX": str(tessdata_with(site.base / "tessdata", "eng", "osd"))}
    return _refused_then_repaired(site, env, "Dinkes/Pindaian_baru.pdf")


def fault_engine_removed_mid_run(site: Site) -> str:
    """`tesseract` disappears from PATH after the first file is read (as `apt-get remove` would)."""
    scanned_folder(site.folder, scans=6, texts=1)
    real, binary = shutil.which("tesseract") or "tesseract", site.base / "bin" / "tesseract"
    env = {**spbe_env(), "PATH": path_without_tesseract(binary.parent)}
    binary.symlink_to(real)
    run = _spbe(site, env)
    run.wait_for_line(PROGRESS)
    binary.unlink()
    code = run.finish()
    machine = [row[0] for row in query(site.db, "SELECT path FROM files WHERE error_code = 'ocr_engine_failed'")]
    rescan = query(site.db, "SELECT count(*) FROM files WHERE error_code = 'ocr_failed'")[0][0]
    cached = query(site.db, "SELECT count(*) FROM extractions WHERE problems::VARCHAR LIKE '%ocr_engine%'")[0][0]
    binary.symlink_to(real)
    rerun = _spbe(site, env, "--quiet")
    rerun_code = rerun.finish()
    statuses = sorted({file_status(site.db, path) for path in machine})
    return (
        f"removed after the 1st file: exit {code}, {len(machine)} files not read for the machine ({rescan} asked "
        f"to re-scan, {cached} cached; said: {_said(run.out, 'berkas belum terbaca karena')[:60]}…); next run exit "
        f"{rerun_code}, read {run_row(site.db)['files_extracted']} (expected {len(machine)}), those now "
        f"{'/'.join(statuses)}"
    )


def fault_disk_full(site: Site) -> str:
    """The disk under the database (an 80 MB tmpfs in a private mount namespace) fills up after the first
    file is read; the database is copied out when the run has ended."""
    scanned_folder(site.folder, scans=8, texts=2)
    mount, out = site.base / "disk", site.base / "salinan"
    for folder in (mount, out, site.base / "tmp"):
        folder.mkdir(exist_ok=True)
    command = with_tmpfs(
        [(mount, "size=80m")],
        spbe_command(*run_args(site.folder, mount / site.db.name)),
        seed=[site.db],
        copy_to=out,
    )
    run = Launched(command, cwd=site.base, env={**spbe_env(), "TMPDIR": str(site.base / "tmp")})
    run.wait_for(PROGRESS)
    fill(Path(f"/proc/{run.proc.pid}/root") / mount.relative_to("/"))
    code = run.finish()
    for stale in site.base.glob(site.db.name + "*"):
        if stale.is_file():
            stale.unlink()
    for part in out.glob(site.db.name + "*"):
        if part.is_file():
            shutil.copy2(part, site.base / part.name)  # the database and its log, as the run left them
    opened = open_and_check(site.db)
    stored = query(site.db, "SELECT count(*) FROM extractions")[0][0]
    cached = query(site.db, "SELECT count(*) FROM extractions WHERE problems::VARCHAR LIKE '%ocr_%'")[0][0]
    rerun = site.complete()
    return (
        f"disk filled during the run: exit {code} ({_said(run.err, 'Pemeriksaan berhenti')[:80]}…); DB opens: "
        f"{'yes' if opened['error'] is None else opened['error'][:60]}; spoiled readings cached: {cached}; rerun "
        f"exit {rerun.proc.returncode}, read {run_row(site.db)['files_extracted']} "
        f"(expected {len(folder_paths(site.folder)) - stored})"
    )


# --- processes that would outlive a run (issue 13) ------------------------------------------------
# Processes are counted by a marker in their environment (tests/test_process_lifetime.py), which every
# process a run starts inherits, also once re-parented to init.


def _named(commands: list[str]) -> str:
    return f" ({'; '.join(c[:70] for c in commands)})" if commands else ""


def _cut_off_run(site: Site, sig: int) -> str:
    """A cold `spbe run` (its own local Prefect server) over a 4-page scan, signalled while Tesseract reads."""
    from tests.test_process_lifetime import LEFT_AFTER_S, cut_off_run, prefect_states, scanned_pages_folder

    scanned_pages_folder(site.folder)
    cut = cut_off_run(site.base, site.folder, site.db, sig, "--region", REGION, "--year", YEAR)
    cut_run, states = run_row(site.db)["run_id"], prefect_states(site.base)
    rerun = site.complete()
    return (
        f"{len(cut.tree)} processes at the signal; exit {cut.code} {cut.seconds:.1f} s after it; processes left "
        f"{LEFT_AFTER_S:.0f} s later: {len(cut.left)}{_named(cut.left)}; in Prefect {'/'.join(states)}; rerun "
        f"exit {rerun.proc.returncode}, read {run_row(site.db)['files_extracted']}; cut-off run left "
        f"{run_row(site.db, cut_run)['status']!r}"
    )


def fault_sigterm_cold_run(site: Site) -> str:
    return _cut_off_run(site, 15)


def fault_sigkill_cold_run(site: Site) -> str:
    return _cut_off_run(site, 9)


def _schedule_stopped(site: Site, *, mid_run: bool) -> str:
    """A cold `spbe schedule` (its own Prefect server on 127.0.0.1:4200), one triggered run, then SIGTERM."""
    from flows.local_api import healthy
    from tests.test_process_lifetime import LEFT_AFTER_S, scanned_pages_folder, stop_schedule

    if healthy("http://127.0.0.1:4200/api"):
        raise RuntimeError("a Prefect server already answers on port 4200: the schedule would use it")
    if mid_run:
        scanned_pages_folder(site.folder)
    result = stop_schedule(
        site.base, site.folder, site.db, "--region", REGION, "--year", YEAR, mid_run=mid_run, api_url=None
    )
    stopped = result["stopped"]
    rerun = f"; rerun exit {site.complete().proc.returncode}" if mid_run else ""
    return (
        f"run {result['before'].lower()}, then SIGTERM: exit {stopped.code} {stopped.seconds:.1f} s after it "
        f"(limit 10 s); {len(stopped.tree)} processes then, {len(stopped.left)} left {LEFT_AFTER_S:.0f} s later"
        f"{_named(stopped.left)}; the run in Prefect: {result['after'].lower()}{rerun}"
    )


def fault_schedule_stopped_after_a_run(site: Site) -> str:
    return _schedule_stopped(site, mid_run=False)


def fault_schedule_stopped_mid_run(site: Site) -> str:
    return _schedule_stopped(site, mid_run=True)


SUITE_SUBSET = [  # the schedule (a served flow run, its pool), a pool in a child process, a killed pool owner
    "tests/test_schedule.py",
    "tests/test_process_lifetime.py::test_a_child_process_that_used_the_pool_exits_when_its_work_is_done",
    "tests/test_process_lifetime.py::test_the_pool_workers_exit_when_the_process_owning_the_pool_is_killed",
]


def fault_test_suite_leftovers(site: Site) -> str:
    """A small pytest subset in its own process; what it leaves running 8 s after it ended, and what its
    own session check (tests/conftest.py, which kills what it finds) reported."""
    from tests.test_process_lifetime import LEFT_AFTER_S, command_line, kill_all, marked, new_marker, wait_until_none

    marker = new_marker()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update([marker.split("=", 1)])
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITE_SUBSET],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    left = wait_until_none(lambda: marked(marker), LEFT_AFTER_S)
    commands = [command_line(pid) for pid in left]
    kill_all(left)
    lines = suite.stdout.strip().splitlines()
    found = next((line for line in lines if "outlived it" in line), "its session check found none")
    return (
        f"pytest ({len(SUITE_SUBSET)} items) exit {suite.returncode}: {lines[-1] if lines else ''}; {found}; "
        f"left {LEFT_AFTER_S:.0f} s after pytest ended: {len(left)}{_named(commands)}"
    )


FAULTS: dict[str, Callable[[Site], str]] = {
    "SIGKILL during OCR": fault_kill_during_ocr,
    "SIGKILL during a write": fault_kill_during_write,
    "worker process killed during OCR": fault_worker_killed,
    "concurrent second run": fault_concurrent_run,
    "review decision during a run": fault_review_during_run,
    "decompression-bomb image": fault_decompression_bomb,
    "PDF with 5000 pages": fault_thousands_of_pages,
    "PDF page tree nested 5000 deep": fault_deeply_nested_pdf,
    "DOCX zip bomb": fault_docx_zip_bomb,
    "XLSX zip bomb": fault_xlsx_zip_bomb,
    "Tesseract never finishes": fault_tesseract_forever,
    "symlinks out of the folder": fault_symlink_outside,
    "file vanishes during the run": fault_file_vanishes,
    "names with control characters": fault_control_characters,
    "255-byte names": fault_name_255_bytes,
    "non-UTF-8 name": fault_name_not_utf8,
    "non-UTF-8 name next to its \\xNN look-alike": fault_name_look_alike,
    "NIK-bearing document": fault_nik_document,
    "OCR engine missing": fault_ocr_engine_missing,
    "language missing (ind)": fault_language_missing,
    "engine removed mid-run, and the next run reading those files": fault_engine_removed_mid_run,
    "disk full": fault_disk_full,
    "SIGTERM of a cold run during OCR": fault_sigterm_cold_run,
    "SIGKILL of a cold run during OCR (processes left)": fault_sigkill_cold_run,
    "SIGTERM of spbe schedule after a run": fault_schedule_stopped_after_a_run,
    "SIGTERM of spbe schedule mid-run": fault_schedule_stopped_mid_run,
    "test suite leftovers": fault_test_suite_leftovers,
}


def measure(name: str, fault: Callable[[Site], str], base: Path, template: Path) -> Row:
    started = time.monotonic()
    try:
        site = Site(base, template)
    except Exception as exc:  # noqa: BLE001
        return Row(name, f"could not prepare: {exc}", None, None, time.monotonic() - started)
    try:
        outcome = fault(site)
    except Exception as exc:  # noqa: BLE001 - a fault that breaks the harness is a row, not a crash
        outcome = f"HARNESS ERROR {type(exc).__name__}: {str(exc)[:200]}"
        traceback.print_exc(file=sys.stderr)
    try:
        files_lost, decisions_lost = site.lost()
    except Exception as exc:  # noqa: BLE001
        outcome += f"; loss not measurable: {type(exc).__name__}: {str(exc)[:120]}"
        files_lost = decisions_lost = None
    return Row(name, outcome, files_lost, decisions_lost, time.monotonic() - started)


def markdown(rows: list[Row]) -> str:
    def cell(value: object) -> str:
        return "?" if value is None else str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| fault | outcome | files lost | decisions lost | s |", "| --- | --- | ---: | ---: | ---: |"]
    lines += [
        f"| {cell(r.fault)} | {cell(r.outcome)} | {cell(r.files_lost)} | {cell(r.decisions_lost)} | {r.seconds:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="faults whose name contains one of these words")
    parser.add_argument("--workdir", type=Path, help="where the sites go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the sites for inspection")
    args = parser.parse_args(argv)
    chosen = {
        name: f
        for name, f in FAULTS.items()
        if not args.only or any(word.lower() in name.lower() for word in args.only)
    }

    for name, value in (
        ("PREFECT_SERVER_ANALYTICS_ENABLED", "false"),
        ("PREFECT_LOGGING_LEVEL", "WARNING"),
        ("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"),
    ):
        os.environ.setdefault(name, value)  # as tests/conftest.py: a quiet, offline throw-away API
    from prefect.testing.utilities import prefect_test_harness

    work = args.workdir or Path(tempfile.mkdtemp(prefix="spbe-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    rows = []
    try:
        with prefect_test_harness(server_startup_timeout=120):
            template = build_baseline(work / "baseline")
            for number, (name, fault) in enumerate(chosen.items(), start=1):
                print(f"[{number}/{len(chosen)}] {name} ...", file=sys.stderr, flush=True)
                rows.append(measure(name, fault, work / f"fault{number:02d}", template))
                print(f"    {rows[-1].outcome} ({rows[-1].seconds:.0f} s)", file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(markdown(rows))
    print(
        f"\n{len(rows)} faults in {time.monotonic() - started:.0f} s; "
        f"{sum(1 for r in rows if r.bad)} with something lost or not measurable."
    )
    return 1 if any(r.bad for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
