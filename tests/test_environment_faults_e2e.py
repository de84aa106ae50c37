"""A broken machine is never blamed on a document (issue 13), shown on real `spbe run` processes.

Real components only: `spbe run` in its own process, the real Tesseract (taken off PATH, its language
files taken out of a real TESSDATA_PREFIX folder, during the run too) and real DuckDB files. A full
disk is a real tmpfs of a fixed size, mounted in a private mount namespace (`unshare --mount`) around
the run, so it cannot outlive the test; the test fills it while the run reads, and the namespace's
shell copies the database out when the run has ended.

* Before any work: without Tesseract, or without `ind`, or without room to write, the run refuses
  with exit 2 and a message naming what is missing; no file gets a row.
* During the run: the engine removed (the binary, or the `ind` data) after the first file is read;
  the files it could not read are `ocr_engine_failed`, none is stored as read, the run says so and
  exits 3, and the next run reads exactly those files again.
* A disk that fills up during the run stops it with exit 3 and a message; the database opens, and
  the next run finishes the job.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from tests.evidence_factory import scanned_folder
from tests.test_crash_safety import PROGRESS, REGION, YEAR, Spbe, file_rows, open_and_check, runs, spbe_env
from tests.test_environment_faults import REAL_TESSDATA, path_without_tesseract, tessdata_with

pytestmark = pytest.mark.slow

REFUSAL_S = 20  # a refused run must say so within this (issue 13)


def run_args(folder: Path, db: Path, *extra: str) -> list[str]:
    return ["run", str(folder), "--db", str(db), "--region", REGION, "--year", str(YEAR), *extra]


def spbe_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "spbe.cli", *args]


def with_tmpfs(
    mounts: list[tuple[Path, str]], command: list[str], *, seed: list[Path] = (), copy_to: Path | None = None
) -> list[str]:
    """`command` in a private mount namespace with a tmpfs (`mount -o` options) on each folder; the
    `seed` files are copied into the first tmpfs before it, and with `copy_to` its contents are copied
    there when the command has ended. The mounts vanish with the namespace, however the test ends."""
    script = "".join(f'mount -t tmpfs -o {options} tmpfs "{folder}" && ' for folder, options in mounts)
    script += "".join(f'cp -a "{path}" "{mounts[0][0]}/" && ' for path in seed)
    script += '{ "$@"; rc=$?; '
    if copy_to is not None:
        script += f'cp -a "{mounts[0][0]}/." "{copy_to}/"; '
    script += "exit $rc; }"
    user = [] if os.geteuid() == 0 else ["--map-root-user"]
    return ["unshare", "--mount", "--propagation", "private", *user, "sh", "-c", script, "sh", *command]


class Launched:
    """A command in its own process group, its stderr collected line by line as written."""

    def __init__(self, command: list[str], *, cwd: Path, env: dict[str, str]):
        self.proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        self.err: list[str] = []
        self.out_lines: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(stream, lines), daemon=True)
            for stream, lines in ((self.proc.stdout, self.out_lines), (self.proc.stderr, self.err))
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: re.Pattern, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while not any(pattern.search(line) for line in self.err):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"no {pattern.pattern!r} (exit {self.proc.poll()}):\n" + "\n".join(self.err[-40:]))
            time.sleep(0.05)

    def finish(self, timeout: float = 600) -> int:
        try:
            self.proc.wait(timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            try:
                os.killpg(self.proc.pid, 9)  # whatever it left behind in its group
            except (ProcessLookupError, PermissionError):
                pass
        for reader in self._readers:
            reader.join(10)
        return self.proc.returncode

    @property
    def stderr(self) -> str:
        return "\n".join(self.err)


def recorded_ocr_problems(db: Path) -> list[tuple[str, str]]:
    if not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT path, error_code FROM files WHERE error_code LIKE 'ocr%'").fetchall()


# --- refused before any work ----------------------------------------------------------------------


@dataclass
class Refusal:
    code: int
    seconds: float
    stderr: str
    db: Path


def refused_run(base: Path, env: dict[str, str], wrap=lambda command: command) -> Refusal:
    folder, db = base / "eviden", base / "db" / "spbe.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    scanned_folder(folder, scans=1, texts=1)
    started = time.monotonic()
    done = subprocess.run(
        wrap(spbe_command(*run_args(folder, db))),
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Refusal(done.returncode, time.monotonic() - started, done.stderr, db)


def test_without_tesseract_on_path_the_run_refuses_at_once_naming_it(tmp_path):
    env = {**spbe_env(), "PATH": path_without_tesseract(tmp_path / "bin")}
    refusal = refused_run(tmp_path, env)
    assert refusal.code == 2 and refusal.seconds < REFUSAL_S
    assert "Tesseract tidak ditemukan" in refusal.stderr
    assert "apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng tesseract-ocr-osd" in refusal.stderr
    assert recorded_ocr_problems(refusal.db) == []


def test_without_the_ind_language_the_run_refuses_at_once_naming_it(tmp_path):
    env = {**spbe_env(), "TESSDATA_PREFIX": str(tessdata_with(tmp_path / "tessdata", "eng", "osd"))}
    refusal = refused_run(tmp_path, env)
    assert refusal.code == 2 and refusal.seconds < REFUSAL_S
    assert "ind (Bahasa Indonesia)" in refusal.stderr and "tesseract-ocr-ind" in refusal.stderr
    assert recorded_ocr_problems(refusal.db) == []


def test_a_nearly_full_disk_under_the_database_refuses_the_run(tmp_path):
    refusal = refused_run(tmp_path, spbe_env(), lambda command: with_tmpfs([(tmp_path / "db", "size=2m")], command))
    assert refusal.code == 2 and refusal.seconds < REFUSAL_S
    assert "Ruang disk untuk basis data" in refusal.stderr and "minimal 64 MB" in refusal.stderr


def test_a_tmpdir_that_cannot_be_written_refuses_the_run(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    refusal = refused_run(
        tmp_path, {**spbe_env(), "TMPDIR": str(temp)}, lambda command: with_tmpfs([(temp, "ro,size=1m")], command)
    )
    assert refusal.code == 2
    assert f"Folder sementara (TMPDIR) {temp} tidak dapat ditulis" in refusal.stderr


# --- the engine breaks during the run -------------------------------------------------------------


@dataclass
class Broken:
    """A run whose engine broke after its first file, and the run after the repair."""

    folder: Path
    db: Path
    paths: list[str]
    code: int = -1
    stdout: str = ""
    machine: list[str] = field(default_factory=list)  # files recorded as not read because of the machine
    statuses: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # path -> (status, error_code)
    stored_problems: list[str] = field(default_factory=list)  # problem codes of stored extractions
    rerun_code: int = -1
    rerun: dict = field(default_factory=dict)  # the repaired run's row
    rerun_statuses: set[str] = field(default_factory=set)


def _break_engine(base: Path, breaking: str) -> Broken:
    folder, db = base / "eviden", base / "spbe.duckdb"
    paths = scanned_folder(folder, scans=6, texts=1)
    bin_dir, tessdata = base / "bin", tessdata_with(base / "tessdata", "ind", "eng", "osd")
    env = {**spbe_env(), "PATH": path_without_tesseract(bin_dir), "TESSDATA_PREFIX": str(tessdata)}
    (base / "tmp").mkdir()
    env["TMPDIR"] = str(base / "tmp")
    real = shutil.which("tesseract")
    assert real is not None
    (bin_dir / "tesseract").symlink_to(real)
    removed = bin_dir / "tesseract" if breaking == "binary" else tessdata / "ind.traineddata"
    broken = Broken(folder, db, paths)

    run = Spbe(*run_args(folder, db), cwd=base, env=env)
    run.wait_for_line(PROGRESS)
    removed.unlink()  # as `apt-get remove` would, while the run reads
    broken.code = run.finish()
    broken.stdout = run.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT path, status, error_code FROM files").fetchall()
        broken.stored_problems = [
            code for (problems,) in con.execute("SELECT problems FROM extractions").fetchall() for code in problems
        ]
    broken.statuses = {path: (status, code) for path, status, code in rows}
    broken.machine = sorted(path for path, (_, code) in broken.statuses.items() if code == "ocr_engine_failed")

    removed.symlink_to(real if breaking == "binary" else REAL_TESSDATA / "ind.traineddata")  # repaired
    rerun = Spbe(*run_args(folder, db, "--quiet"), cwd=base, env=env)
    broken.rerun_code = rerun.finish()
    broken.rerun = runs(db)[max(runs(db))]
    broken.rerun_statuses = {status for _, status in file_rows(db)}
    return broken


@pytest.fixture(scope="module", params=["binary", "language data"])
def broken(request, tmp_path_factory, prefect_backend) -> Broken:
    return _break_engine(tmp_path_factory.mktemp("broken"), request.param)


def test_the_engine_broke_before_the_run_had_read_everything(broken):
    assert broken.machine, f"every file was read before the engine broke: {broken.statuses}"


def test_every_file_is_either_read_or_not_read_because_of_the_machine(broken):
    assert set(broken.statuses) == set(broken.paths)
    assert {value for value in broken.statuses.values()} <= {("ok", None), ("failed", "ocr_engine_failed")}


def test_no_file_is_asked_to_be_rescanned(broken):
    assert "ocr_failed" not in {code for _, code in broken.statuses.values()}
    assert "Pindai ulang" not in broken.stdout


def test_no_reading_the_machine_spoiled_is_stored(broken):
    assert not {"ocr_engine_failed", "ocr_failed"} & set(broken.stored_problems)


def test_the_run_says_how_many_files_the_machine_kept_from_being_read_and_exits_3(broken):
    assert broken.code == 3
    assert f"{len(broken.machine)} berkas belum terbaca karena gangguan pada server" in broken.stdout


def test_the_next_run_reads_exactly_those_files_again(broken):
    assert broken.rerun_code == 0
    assert broken.rerun["files_extracted"] == len(broken.machine)
    assert broken.rerun_statuses == {"ok"}


# --- the disk fills up during the run -------------------------------------------------------------


@dataclass
class FullDisk:
    code: int
    stderr: str
    opened: dict
    left: dict  # runs after the stop
    stored: int  # extractions stored before the stop
    spoiled: int  # of them, readings the machine spoiled
    rerun_code: int
    rerun: dict
    rows: list[tuple[str, str]]
    paths: list[str]


def fill(folder: Path) -> None:
    """Write to `folder` until its disk is full."""
    chunk = b"\0" * 2**20
    with open(folder / "pengisi", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc


def _fill_disk(base: Path) -> FullDisk:
    folder, mount, out = base / "eviden", base / "disk", base / "salinan"
    paths = scanned_folder(folder, scans=8, texts=2)
    for made in (mount, out, base / "tmp"):
        made.mkdir()
    env = {**spbe_env(), "TMPDIR": str(base / "tmp")}
    command = with_tmpfs([(mount, "size=80m")], spbe_command(*run_args(folder, mount / "spbe.duckdb")), copy_to=out)
    run = Launched(command, cwd=base, env=env)
    run.wait_for(PROGRESS)
    fill(Path(f"/proc/{run.proc.pid}/root") / mount.relative_to("/"))  # the run's own view of its disk
    code = run.finish()
    db = out / "spbe.duckdb"
    (out / "pengisi").unlink()
    opened = open_and_check(db)
    left = runs(db)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM extractions").fetchone()[0]
        spoiled = con.execute("SELECT count(*) FROM extractions WHERE problems::VARCHAR LIKE '%ocr_%'").fetchone()[0]
    rerun = Spbe(*run_args(folder, db, "--quiet"), cwd=base, env=env)
    rerun_code = rerun.finish()
    return FullDisk(
        code, run.stderr, opened, left, stored, spoiled, rerun_code, runs(db)[max(runs(db))], file_rows(db), paths
    )


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory, prefect_backend) -> FullDisk:
    return _fill_disk(tmp_path_factory.mktemp("full"))


def test_a_full_disk_stops_the_run_with_exit_3_and_says_why(full_disk):
    assert full_disk.code == 3
    assert "Pemeriksaan berhenti karena gangguan pada server: ruang disk server penuh" in full_disk.stderr


def test_the_database_opens_after_the_disk_filled_up(full_disk):
    assert full_disk.opened["error"] is None


def test_the_stopped_run_is_not_recorded_as_completed(full_disk):
    assert {r["status"] for r in full_disk.left.values()} <= {"running", "failed"}


def test_nothing_read_on_a_full_disk_is_stored_as_a_failure_of_its_document(full_disk):
    assert full_disk.spoiled == 0


def test_the_next_run_on_a_disk_with_room_finishes_the_job(full_disk):
    assert full_disk.rerun_code == 0
    assert full_disk.rerun["files_extracted"] == len(full_disk.paths) - full_disk.stored
    assert sorted(path for path, _ in full_disk.rows) == sorted(full_disk.paths)
    assert {status for _, status in full_disk.rows} == {"ok"}
