"""Crash safety (issue 6): a `spbe run` killed with SIGKILL part-way leaves a database that opens, and the
next run finishes the job: every file of the folder gets exactly one row, no content is read twice, the
killed run is recorded as interrupted, and the export works.

Real components only: `spbe run` in its own process (`python -m spbe.cli`), real Tesseract on
generated scanned pages (~2 s each, so a run takes well over 10 s), real DuckDB files. The kill points are
chosen by what the run shows, never by sleeping:

* during OCR: the sixth progress line on stderr (results of the first files are stored by then, the
  next pages are inside Tesseract);
* during a write: the database's write-ahead log appearing. DuckDB writes `DB.wal` at a commit and removes
  it at the checkpoint when the connection closes, so while it exists the run is inside a write. Killed
  there three times in a row, so commits and checkpoints are cut at different points. The run is frozen
  (SIGSTOP) before the kill and killed only if the log is still there, so every kill lands inside a write.

Every assertion holds wherever the kill lands; the one precondition checked is that the kill came before
the run had read everything (otherwise the test would prove nothing).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from tests.evidence_factory import scanned_folder

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
REGION, YEAR = "Kota Sukamaju", 2025
PROGRESS = re.compile(r"^\[\s*\d+/\d+\] ")  # "[ 3/20] ok  Bappeda/x.pdf (1 hlm, 1 OCR, 2.1 dtk)"
STATUSES = {"ok", "failed", "unsupported"}
TABLES = {"runs", "extractions", "pages", "files", "decisions", "schema_migrations"}


# --- running the real command -------------------------------------------------------------------


def spbe_env() -> dict[str, str]:
    """The environment of a real `spbe` process: this checkout first on the path, and the session's Prefect
    API (the `prefect_backend` fixture) when there is one, so a run does not start its own server."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    try:
        from prefect.settings import PREFECT_API_URL

        if url := PREFECT_API_URL.value():
            env["PREFECT_API_URL"] = url
    except ImportError:  # pragma: no cover - prefect is a dependency
        pass
    return env


class Spbe:
    """One real `spbe` command in its own process group; its output is collected line by line as written."""

    def __init__(self, *args: object, cwd: Path, env: dict[str, str] | None = None):
        self.args = [str(a) for a in args]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "spbe.cli", *self.args],
            cwd=cwd,
            env=env or spbe_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        self.started = time.monotonic()
        self.out: list[str] = []
        self.err: list[str] = []
        self._changed = threading.Condition()
        self._readers = [
            threading.Thread(target=self._read, args=(stream, lines), daemon=True)
            for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err))
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream, lines: list[str]) -> None:
        for line in stream:
            with self._changed:
                lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def stdout(self) -> str:
        return "\n".join(self.out)

    @property
    def stderr(self) -> str:
        return "\n".join(self.err)

    def running(self) -> bool:
        return self.proc.poll() is None

    def wait_for_line(self, pattern: re.Pattern, timeout: float = 240, *, count: int = 1) -> str:
        """The ``count``-th stderr line matching ``pattern``; fails (with the output) if the process ends first."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [line for line in self.err if pattern.search(line)]
                if len(found) >= count:
                    return found[count - 1]
                if not self.running() and not any(r.is_alive() for r in self._readers):
                    raise AssertionError(
                        f"spbe {' '.join(self.args)} ended (exit {self.proc.returncode}) before "
                        f"printing {pattern.pattern!r}:\n{self.stderr[-3000:]}"
                    )
                if time.monotonic() >= deadline:
                    raise AssertionError(f"no {pattern.pattern!r} from spbe within {timeout} s:\n{self.stderr[-3000:]}")
                self._changed.wait(0.2)

    def kill(self) -> int:
        """SIGKILL the spbe process (what the OOM killer or a power cut does), then end whatever it left
        behind in its process group (Tesseract children, a Prefect server): nothing of it may keep running."""
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = self.proc.wait(30)
        self.end_group()
        return code

    def end_group(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def finish(self, timeout: float = 600) -> int:
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(
                f"spbe {' '.join(self.args)} still running after {timeout} s:\n{self.stderr[-3000:]}"
            ) from None
        for reader in self._readers:
            reader.join(10)
        self.end_group()
        return code


def spbe_run(folder: Path, db: Path, *extra: object, cwd: Path) -> Spbe:
    """`spbe run` with its temporary files (OCR page images) in ``cwd``/tmp: a killed run cannot remove
    its own, and they must not pile up in the machine's /tmp."""
    (cwd / "tmp").mkdir(exist_ok=True)
    return Spbe(
        "run",
        folder,
        "--db",
        db,
        "--region",
        REGION,
        "--year",
        YEAR,
        *extra,
        cwd=cwd,
        env={**spbe_env(), "TMPDIR": str(cwd / "tmp")},
    )


def stopped(pid: int, timeout: float = 5) -> bool:
    """Whether the process has actually stopped (state T in /proc): SIGSTOP is delivered asynchronously."""
    from tests.test_process_lifetime import proc_stat  # that module imports this one

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stat = proc_stat(pid)
        if stat is None:
            return False
        if stat[0] in ("T", "t"):
            return True
        time.sleep(0.0002)
    return False


def kill_inside_a_write(run: Spbe, db: Path, timeout: float = 240) -> bool:
    """SIGKILL ``run`` while its database has a write-ahead log (a commit or checkpoint in progress).

    The log of one batch lives for a millisecond or so, shorter than the gap between seeing it and the kill
    landing on a fast disk. So the run is first frozen (SIGSTOP) where it is; it is killed only if the log is
    still there while it stands still, and let go on otherwise. False if the run ended first."""
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + timeout
    while run.running() and time.monotonic() < deadline:
        if wal.exists():
            os.kill(run.proc.pid, signal.SIGSTOP)
            if stopped(run.proc.pid) and wal.exists():
                run.kill()
                return True
            os.kill(run.proc.pid, signal.SIGCONT)
        time.sleep(0.0005)
    return False


# --- reading the database and the folder --------------------------------------------------------


def folder_contents(folder: Path) -> dict[str, tuple[str, str]]:
    """relative path -> (sha256, extension) of every file of the evidence folder."""
    return {
        p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.suffix.lower())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def open_and_check(db: Path) -> dict:
    """Open the database the way the next process will (read-write: a leftover log is replayed), and ask it
    what a damaged file could not answer. Returns what it saw, or the error."""
    try:
        with duckdb.connect(str(db)) as con:
            tables = {row[0] for row in con.execute("PRAGMA show_tables").fetchall()}
            size = con.execute("PRAGMA database_size").fetchall()
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in sorted(tables & TABLES)}
            con.execute("CHECKPOINT")
            return {"error": None, "tables": tables, "size": size, "counts": counts}
    except Exception as exc:  # noqa: BLE001 - recorded, asserted on by the test
        return {"error": f"{type(exc).__name__}: {exc}"}


def read_only(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db), read_only=True)


def extraction_rows(db: Path) -> dict[tuple[str, str, str], tuple[int, object]]:
    with read_only(db) as con:
        return {
            (sha, cls, ver): (run_id, at)
            for sha, cls, ver, run_id, at in con.execute(
                "SELECT sha256, name_class, extractor_version, run_id, extracted_at FROM extractions"
            ).fetchall()
        }


def incomplete_extractions(db: Path) -> list[tuple]:
    """Extractions whose stored pages do not match their page count (a batch torn apart)."""
    with read_only(db) as con:
        return con.execute(
            """SELECT e.sha256, e.pages, count(p.page_no) FROM extractions e
               LEFT JOIN pages p USING (sha256, name_class, extractor_version)
               GROUP BY e.sha256, e.name_class, e.extractor_version, e.pages
               HAVING count(p.page_no) <> e.pages"""
        ).fetchall()


def runs(db: Path) -> dict[int, dict]:
    with read_only(db) as con:
        rows = con.execute(
            "SELECT run_id, status, finished_at, files_extracted, files_seen, message FROM runs ORDER BY run_id"
        ).fetchall()
    return {
        r[0]: dict(zip(("run_id", "status", "finished_at", "files_extracted", "files_seen", "message"), r))
        for r in rows
    }


def file_rows(db: Path) -> list[tuple[str, str]]:
    with read_only(db) as con:
        return con.execute("SELECT path, status FROM files ORDER BY path").fetchall()


# --- the scenarios ------------------------------------------------------------------------------


@dataclass
class Crash:
    """A folder, the run(s) killed on it, the database as the kills left it, and the run that finished."""

    folder: Path
    db: Path
    contents: dict[str, tuple[str, str]]
    kill_codes: list[int] = field(default_factory=list)
    log_left: list[bool] = field(default_factory=list)  # per kill inside a write: DB.wal still there after it
    killed_run_ids: list[int] = field(default_factory=list)
    opened: dict = field(default_factory=dict)  # open_and_check right after the last kill
    torn: list[tuple] = field(default_factory=list)  # incomplete_extractions after the kills
    before: dict = field(default_factory=dict)  # extraction_rows after the kills
    rerun: Spbe | None = None
    rerun_code: int | None = None
    export_code: int | None = None
    export: dict | None = None


def _crash(base: Path, kill) -> Crash:
    folder, db = base / "eviden", base / "spbe.duckdb"
    scanned_folder(folder, scans=16, texts=4)
    crash = Crash(folder, db, folder_contents(folder))
    kill(crash, base)
    crash.killed_run_ids = [run_id for run_id, r in runs(db).items() if r["status"] != "completed"]
    crash.opened = open_and_check(db)
    crash.torn = incomplete_extractions(db)
    crash.before = extraction_rows(db)
    crash.rerun = spbe_run(folder, db, cwd=base)
    crash.rerun_code = crash.rerun.finish()
    exported = base / "hasil.json"
    export = Spbe("export", "--db", db, "--json", exported, cwd=base)
    crash.export_code = export.finish(120)
    crash.export = json.loads(exported.read_text(encoding="utf-8")) if exported.is_file() else None
    return crash


def _kill_during_ocr(crash: Crash, base: Path) -> None:
    run = spbe_run(crash.folder, crash.db, cwd=base)
    try:
        run.wait_for_line(PROGRESS, count=6)
    finally:
        crash.kill_codes.append(run.kill())


def _kill_during_writes(crash: Crash, base: Path, attempts: int = 3) -> None:
    for _ in range(attempts):
        run = spbe_run(crash.folder, crash.db, cwd=base)
        try:
            run.wait_for_line(PROGRESS)  # extraction under way: the next log is a batch of results being written
            assert kill_inside_a_write(run, crash.db), (
                f"the run wrote nothing more before it ended:\n{run.stderr[-2000:]}"
            )
        finally:
            if run.running():
                run.kill()
        crash.kill_codes.append(run.proc.returncode)
        crash.log_left.append(crash.db.with_name(crash.db.name + ".wal").exists())


@pytest.fixture(scope="module", params=["during_ocr", "during_writes"])
def crash(request, tmp_path_factory, prefect_backend) -> Crash:
    kill = {"during_ocr": _kill_during_ocr, "during_writes": _kill_during_writes}[request.param]
    return _crash(tmp_path_factory.mktemp(request.param), kill)


# --- the specification --------------------------------------------------------------------------


def test_the_run_was_killed_part_way(crash):
    """Precondition: SIGKILL ended the run before it had read everything."""
    assert crash.kill_codes and all(code == -signal.SIGKILL for code in crash.kill_codes)
    assert len(crash.before) < len(crash.contents)
    if crash.log_left:  # killed inside writes: at least one kill cut a commit or checkpoint short
        assert any(crash.log_left)


def test_the_database_opens_and_answers_queries_after_the_kill(crash):
    assert crash.opened["error"] is None, crash.opened["error"]
    assert TABLES <= crash.opened["tables"]
    assert crash.opened["counts"]["runs"] == len(crash.kill_codes)  # every killed run left its row


def test_results_written_before_the_kill_are_whole(crash):
    """A batch is one transaction: an extraction is never stored without all of its pages."""
    assert crash.torn == []


def test_the_next_run_completes(crash):
    assert crash.rerun_code == 0, crash.rerun.stderr[-3000:]
    latest = max(runs(crash.db).values(), key=lambda r: r["run_id"])
    assert latest["status"] == "completed"
    assert latest["files_seen"] == len(crash.contents)


def test_every_file_of_the_folder_has_exactly_one_row_with_a_status(crash):
    rows = file_rows(crash.db)
    assert [path for path, _ in rows] == sorted(crash.contents)
    assert {status for _, status in rows} <= STATUSES
    assert all(status == "ok" for _, status in rows)  # generated scans and text PDFs: all readable


def test_no_content_is_extracted_twice(crash):
    """What the killed run stored is kept as it was, and the next run reads exactly the rest."""
    contents = {(sha, ext) for sha, ext in crash.contents.values()}
    after = extraction_rows(crash.db)
    final = max(runs(crash.db))
    assert len(after) == len(contents)  # one row per (sha256, name_class, extractor_version)
    assert {key: after[key] for key in crash.before} == crash.before  # not re-read, not rewritten
    read_by_final = {key for key, (run_id, _) in after.items() if run_id == final}
    assert read_by_final == set(after) - set(crash.before)
    assert runs(crash.db)[final]["files_extracted"] == len(contents) - len(crash.before)


def test_the_killed_run_is_marked_interrupted_by_the_next_run(crash):
    """A run that died cannot record its own end: the next run (which holds the run lock, so no other run is
    alive) marks it 'interrupted' instead of leaving it 'running' forever."""
    recorded = runs(crash.db)
    assert crash.killed_run_ids, "the killed run left no row"
    assert {recorded[run_id]["status"] for run_id in crash.killed_run_ids} == {"interrupted"}


def test_export_json_lists_every_file_once(crash):
    assert crash.export_code == 0
    paths = [doc["path"] for doc in crash.export["documents"]]
    assert sorted(paths) == sorted(crash.contents)
    assert crash.export["schema"] == "spbe-evidence/1"
