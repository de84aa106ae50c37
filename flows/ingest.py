"""Prefect flow: an evidence folder becomes extracted text in DuckDB.

Thin glue over `pipeline`: discover and plan (pure), read unknown contents as
parallel tasks (each a thread that hands its group of files to a worker
process, see flows/processes.py; on Dask the task reads in place), and write
every result as it arrives through the run's one writer, a batch writer in the
flow's main thread (pipeline/store/batch.py). The flow's steps: plan_ingest,
read_and_write, finish, summarize. Only files whose stat changed are read to find
changes (pipeline/ingest/discover.py; `verify` reads all), and a folder whose
judgement inputs did not change reuses the last judgement (pipeline/store/judgement.py).
"""

from __future__ import annotations

import errno
import itertools
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.processes import cores, run_each
from pipeline.extract.engine import require_engine
from pipeline.extract.errors import is_machine_problem, machine_reason
from pipeline.extract.extractor import extractor_version
from pipeline.ingest.discover import VERIFY_EVERY, Survey, survey
from pipeline.ingest.inventory import Plan, content_outcome, file_rows, plan_run
from pipeline.ingest.read import ReadFile, analyze_stored, crashed, read_files
from pipeline.judge.analysis import Analyzer, analyzer_for, file_name_of
from pipeline.judge.claims import Claim, read_claims
from pipeline.judge.decide import Judgement, decide
from pipeline.judge.gaps import Gap, index_gaps
from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, FileRecord, FileRow, Status, StoredContent
from pipeline.privacy.personal_data import redact, redact_name, scan, shipped_rules
from pipeline.privacy.personal_data import to_json as personal_json
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from pipeline.store.batch import BatchWriter
from pipeline.store.connection import run_lock, session
from pipeline.store.contents import (
    analysis_backlog,
    known_contents,
    page_texts,
    protect_stored,
    save_analyses,
    unprotected,
)
from pipeline.store.files import current_files, recorded_files, save_files
from pipeline.store.judgement import (
    Outline,
    judgement_key,
    load_analyzed,
    load_outline,
    outline,
    reuse_judgement,
    save_judgement,
)
from pipeline.store.runs import finish_run, last_verified, start_run

# Files smaller than SMALL_FILE_BYTES share a task, up to GROUP_FILES of them or GROUP_BYTES in all
# (see task_groups): a Prefect task run costs ~50 ms of CPU between client and server.
SMALL_FILE_BYTES = 256 * 1024
GROUP_FILES = 32
GROUP_BYTES = 1024 * 1024
# Tasks submitted ahead per worker: enough to keep every core busy, few enough that the results
# waiting to be written stay a small window of the folder.
IN_FLIGHT_PER_WORKER = 4
# Contents analysed per task when stored texts need a (re-)analysis, and how many such batches may
# wait at once: texts are streamed from the database, never all held in memory.
ANALYZE_BATCH = 25


@dataclass
class RunSummary:
    run_id: int
    root: str
    db: str
    seconds: float
    counts: dict[str, int]
    by_status: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, message)
    judgement: Judgement | Outline | None = None  # an Outline: what the summary needs, small at any size
    gaps: list[Gap] = field(default_factory=list)  # ordered by index points lost
    machine_faults: list[str] = field(default_factory=list)  # paths not read because the machine failed


@dataclass(frozen=True)
class Run:
    """What every step of one run needs to know."""

    root: Path
    db: Path
    run_id: int
    year: int
    region: str | None
    analyzer: Analyzer  # the year's rules
    settings: ExtractSettings
    version: str  # the extractor version
    processes: int
    progress: bool
    verify: bool = False  # hash every file, not only those whose stat changed


@dataclass
class Planned:
    """The folder as found, what was recorded before, and what must be read."""

    plan: Plan
    previous: dict[str, tuple[str, int, int]]  # path -> (sha256, first_seen_run, changed_run)
    contents: dict[ContentKey, StoredContent]  # known contents; the read step adds what it reads
    survey: Survey  # what had to be read to find changes, and the stats to record


def default_workers() -> int:
    return cores()


@task(name="extract-files", cache_policy=NO_CACHE, persist_result=False, retries=0)
def extract_files(paths: list[Path], settings: ExtractSettings, year: int, processes: int = 0) -> list[ReadFile]:
    """Read a group of files where the task runs (a Dask worker), or in this machine's pool of
    `processes` worker processes: only redacted text leaves either."""
    if not processes:
        return read_files(paths, settings, year)
    return run_each(partial(read_files, settings=settings, year=year), paths, processes, crashed=crashed)


def protect_backlog(db: Path, year: int) -> int:
    """Databases from before redaction: scan and redact their stored texts once, in batches."""
    common = analyzer_for(year).common

    def protect_texts(texts: list[str]) -> tuple[list[str], str]:
        found = scan(texts, common)
        return ([redact(t, common) for t in texts] if found.total else texts), personal_json(found)

    with session(db) as con:
        backlog = unprotected(con)
    for start in range(0, len(backlog), ANALYZE_BATCH):
        with session(db) as con:
            protect_stored(con, backlog[start : start + ANALYZE_BATCH], protect_texts)
    return len(backlog)


def stream_results(groups: list, submit, *, window: int):
    """(group, result) as tasks finish, with at most `window` tasks submitted and not yet handled: a
    handled result is dropped, so memory holds a window of documents, never the whole folder."""
    queue = iter(groups)
    in_flight = {submit(group): group for group in itertools.islice(queue, window)}
    while in_flight:
        future = next(as_completed(list(in_flight)))
        group = in_flight.pop(future)
        result = future.result()
        del future
        following = next(queue, None)
        if following is not None:
            in_flight[submit(following)] = following
        yield group, result


def task_groups(items: list[tuple[ContentKey, FileRecord]]) -> list[list[tuple[ContentKey, FileRecord]]]:
    """Small files travel together (a Prefect task costs a few ms, a text page about one);
    large files, where scans and long documents are, get a task each so the cores stay balanced.
    Largest first, so the run does not end waiting on one long file while the other cores idle."""
    groups, current, current_bytes = [], [], 0
    for key, record in items:
        if record.size >= SMALL_FILE_BYTES:
            groups.append([(key, record)])
            continue
        current.append((key, record))
        current_bytes += record.size
        if len(current) >= GROUP_FILES or current_bytes >= GROUP_BYTES:
            groups.append(current)
            current, current_bytes = [], 0
    if current:
        groups.append(current)
    return sorted(groups, key=lambda group: -sum(record.size for _, record in group))


@task(name="analyze-texts", cache_policy=NO_CACHE, persist_result=False, retries=0)
def analyze_texts(batch: list[tuple[AnalysisKey, list[str]]], year: int, processes: int = 0) -> list[AnalysisRow]:
    """Analyse stored texts in a worker process (pure Python: threads would share one core)."""
    texts = [(key.file_name, pages) for key, pages in batch]
    if processes:
        analyses = run_each(
            partial(analyze_stored, year=year),
            texts,
            processes,
            crashed=lambda item, why: analyze_stored([item], year)[0],
        )  # pure Python: retry here
    else:
        analyses = analyze_stored(texts, year)
    version = analyzer_for(year).version
    return [AnalysisRow(key, version, analysis) for (key, _), analysis in zip(batch, analyses)]


def analyze_backlog(db: Path, run_id: int, year: int, window: int, processes: int = 0) -> int:
    """Analyse stored texts that have no analysis for these rules (rules changed, a renamed copy),
    a bounded number of batches in flight so texts stream through memory."""
    with session(db) as con:
        backlog = analysis_backlog(con, analyzer_for(year).version)
    batches = [backlog[i : i + ANALYZE_BATCH] for i in range(0, len(backlog), ANALYZE_BATCH)]
    in_flight = []
    for number, keys in enumerate(batches):
        with session(db) as con:
            texts = page_texts(con, keys)
        in_flight.append(analyze_texts.submit(list(texts.items()), year, processes))
        if len(in_flight) >= window or number == len(batches) - 1:
            for future in in_flight:
                if rows := future.result():
                    with session(db) as con:
                        save_analyses(con, rows, run_id)
            in_flight = []
    return len(backlog)


@task(name="judge-folder", cache_policy=NO_CACHE, persist_result=False, retries=0)
def judge_folder(
    db: Path, run_id: int, region: str | None, year: int, claims: dict[int, Claim] | None
) -> tuple[Outline, str, int | None]:
    """The folder's judgement from the stored analyses of its current files (`claims`: parsed once, at
    the start of the run), stored for this run; or, when its inputs are those of an earlier completed
    run, that run's judgement copied. Returns (its outline, the inputs' key, the run it was copied from)."""
    analyzer = analyzer_for(year)
    with session(db) as con:
        key = judgement_key(con, analyzer.version, region=region, year=year, claims=claims)
        source = reuse_judgement(con, key, run_id)
        if source is not None:
            return load_outline(con, run_id), key, source
        documents = load_analyzed(con, analyzer.version)
    judgement = decide(documents, analyzer.framework, analyzer.common, region=region, year=year, claims=claims)
    del documents
    with session(db) as con:
        save_judgement(con, run_id, judgement)
    return outline(judgement), key, None


def _fresh_work_dir(db: Path) -> Path:
    """Scratch space beside the database (OCR page images), emptied here under the run lock: what a
    killed run left behind goes now."""
    work = db.with_name(db.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    return work


def _progress(enabled: bool, done: int, total: int, path: str, document: Document) -> None:
    if not enabled:
        return
    detail = f"{document.page_count} hlm"
    if document.ocr_pages:
        detail += f", {document.ocr_pages} OCR"
    state = (
        document.status.value
        if document.status is Status.OK
        else (document.error.code if document.error else document.status.value)
    )
    print(
        f"[{done:>{len(str(total))}}/{total}] {state:<12} {redact_name(path, shipped_rules())} "  # no NIK in logs
        f"({detail}, {document.seconds:.1f} dtk)",
        file=sys.stderr,
        flush=True,
    )


@flow(
    name="spbe-ingest",
    persist_result=False,
    log_prints=False,
    task_runner=ThreadPoolTaskRunner(max_workers=default_workers()),  # type: ignore[arg-type]  # Prefect's generic runner types
)  # served runs: one Tesseract per core
def ingest(
    root: str,
    db: str,
    region: str | None = None,
    year: int | None = None,
    claims: str | None = None,
    settings: dict | None = None,
    progress: bool = True,
    in_flight: int | None = None,
    processes: int | None = None,
    verify: bool = False,
) -> RunSummary:
    """Parameters are plain JSON values so that a served deployment can pass them. `processes`: worker
    processes that read the files (None: one per core when there are several; 0: in the task itself).
    `verify`: hash every file (otherwise only files whose stat changed, and all once every VERIFY_EVERY)."""
    started = time.perf_counter()
    claimed = read_claims(Path(claims)) if claims else None  # a bad file raises ClaimsError before any work
    extract_settings = ExtractSettings(**settings) if settings else DEFAULT_SETTINGS
    year = year or date.today().year
    analyzer = analyzer_for(year)
    root_path, db_path = Path(root).resolve(), Path(db)
    require_engine(extract_settings.ocr_languages, fresh=True)  # EngineUnavailable before any work: no file blamed
    version = extractor_version(extract_settings)
    if processes is None:
        processes = default_workers() if default_workers() > 1 else 0
    with run_lock(db_path):
        extract_settings = replace(extract_settings, work_dir=str(_fresh_work_dir(db_path)))
        with session(db_path) as con:
            run_id = start_run(con, root=str(root_path), region=region, year=year, claims=claims, version=version)
        run = Run(
            root_path, db_path, run_id, year, region, analyzer, extract_settings, version, processes, progress, verify
        )
        try:
            planned = plan_ingest(run)
            ocr_pages = read_and_write(run, planned, window=in_flight or IN_FLIGHT_PER_WORKER * default_workers())
            rows, counts, judgement = finish(run, planned, ocr_pages, claimed)
        except BaseException as exc:
            try:
                with session(db_path) as con:
                    finish_run(con, run_id, status="failed", counts={}, message=f"{type(exc).__name__}: {exc}")
            except Exception:  # a full disk refuses this write too: the next run marks the run interrupted
                pass
            raise
    return summarize(run, rows, counts, judgement, db=db, seconds=time.perf_counter() - started)


def plan_ingest(run: Run) -> Planned:
    """Discover the folder (never the database's own files) and sort it against what is recorded."""
    db_path = run.db.resolve()
    suffixes = ("", ".wal", ".run.lock", ".tmp", ".ui-key", ".ui-sessions")  # .ui-*: pipeline.review.auth
    own_files = frozenset(db_path.with_name(db_path.name + suffix) for suffix in suffixes)
    with session(run.db) as con:
        previous = current_files(con)
        recorded = recorded_files(con)
        contents = known_contents(con, run.version)
        verified_at = last_verified(con, str(run.root))
    verify = run.verify or verified_at is None or datetime.now() - verified_at >= VERIFY_EVERY
    found = survey(run.root, exclude=own_files, recorded=recorded, verify=verify)
    del recorded
    records = found.records
    # readings an older version stored although the machine had failed (ocr_failed from a missing engine):
    # read again, never kept as the content's failure
    contents = {k: c for k, c in contents.items() if not any(is_machine_problem(p) for p in c.problems)}
    plan = plan_run(records, previous, set(contents))
    if run.progress:
        print(
            f"{len(records)} berkas ditemukan; {len(plan.to_extract)} isi baru perlu dibaca.",
            file=sys.stderr,
            flush=True,
        )
    if found.changed_same_stat:  # only a verifying run sees these: say so, they show what --verify is for
        print(
            f"{len(found.changed_same_stat)} berkas berubah isinya tanpa perubahan ukuran dan waktu berkas "
            f"(mis. {found.changed_same_stat[0]}); ditemukan karena semua berkas diperiksa ulang.",
            file=sys.stderr,
            flush=True,
        )
    return Planned(plan, previous, contents, found)


def read_and_write(run: Run, planned: Planned, *, window: int) -> int:
    """Read every unknown content as parallel tasks, at most `window` in flight, and hand each result to
    the batch writer as it arrives; `planned.contents` learns each outcome. Returns the pages read by OCR."""
    to_extract = planned.plan.to_extract

    def submit(group: list[tuple[ContentKey, FileRecord]]):
        return extract_files.submit(
            [run.root / record.source for _, record in group], run.settings, run.year, run.processes
        )

    ocr_pages, done = 0, 0
    with BatchWriter(
        run.db, run.run_id, extractor_version=run.version, analysis_version=run.analyzer.version
    ) as writer:
        for group, results in stream_results(task_groups(list(to_extract.items())), submit, window=window):
            for (key, record), read in zip(group, results):
                document = read.document
                _stop_on_full_disk(document, record.path)
                done += 1
                writer.add(key, file_name_of(record.path), document, read.analysis, read.personal)
                status, problems = content_outcome(document.status, document.problems)
                planned.contents[key] = StoredContent(document.format, status, problems)
                ocr_pages += document.ocr_pages
                _progress(run.progress, done, len(to_extract), record.path, document)
    return ocr_pages


def _stop_on_full_disk(document: Document, path: str) -> None:
    """A page not read because the disk under the run's scratch folder is full stops the run (exit 3, as a
    full database disk does), before that file is written: every file after it would fail the same way,
    and whether the database still finds room for them is chance."""
    for problem in document.problems:
        if is_machine_problem(problem) and machine_reason(problem.detail) == "disk_full":
            raise OSError(errno.ENOSPC, f"disk penuh saat membaca {path}: {problem.detail[:200]}")


def finish(
    run: Run, planned: Planned, ocr_pages: int, claims: dict[int, Claim] | None
) -> tuple[list[FileRow], dict[str, int], Outline]:
    """Record the inventory, bring stored texts up to date (redaction, analyses), judge the folder and
    close the run as completed."""
    plan = planned.plan
    rows = file_rows(plan, planned.contents, planned.previous, version=run.version, run_id=run.run_id)
    with session(run.db) as con:
        removed = save_files(con, rows, run.run_id, planned.survey.stats)
    protect_backlog(run.db, run.year)
    analysed = analyze_backlog(run.db, run.run_id, run.year, window=max(2, default_workers()), processes=run.processes)
    judgement, key, reused_from = judge_folder(run.db, run.run_id, run.region, run.year, claims)
    by_status = status_counts(rows)
    counts = {
        "files_seen": len(plan.records),
        "files_new": len(plan.new),
        "files_changed": len(plan.changed),
        "files_unchanged": len(plan.unchanged),
        "files_removed": removed,
        "files_failed": by_status["failed"],
        "files_unsupported": by_status["unsupported"],
        "files_extracted": len(plan.to_extract),
        "ocr_pages": ocr_pages,
        "files_hashed": planned.survey.hashed_files,
    }
    if run.progress and analysed:
        print(
            f"{analysed} isi dianalisis ulang dari teks tersimpan (aturan berubah atau salinan baru).",
            file=sys.stderr,
            flush=True,
        )
    with session(run.db) as con:
        details: dict[str, int | str | bool | None] = {
            "bytes_hashed": planned.survey.hashed_bytes,
            "verified": planned.survey.verified,
            "judgement_key": key,
            "judgement_from": reused_from,
        }
        finish_run(con, run.run_id, status="completed", counts={**counts, **details}, message=_machine_note(rows))
    return rows, counts, judgement


def summarize(
    run: Run, rows: list[FileRow], counts: dict[str, int], judgement: Outline, *, db: str, seconds: float
) -> RunSummary:
    """What `spbe run` prints (`db` as the caller named it): counts, statuses, failures and the index gaps."""
    by_status = status_counts(rows)
    failures = [
        (r.record.path, r.problems[0].code, r.problems[0].message)
        for r in rows
        if r.status is not Status.OK and r.problems
    ]
    gaps = index_gaps(
        (
            {"no": r.no, "claimed_level": r.claimed_level, "evidence_level": r.evidence_level}
            for r in judgement.indicators
        ),
        run.analyzer.framework,
    )
    machine = [r.record.path for r in rows if any(is_machine_problem(p) for p in r.problems)]
    return RunSummary(run.run_id, str(run.root), db, seconds, counts, by_status, failures, judgement, gaps, machine)


def _machine_note(rows: list[FileRow]) -> str | None:
    """The run's message when files were not read because the machine failed (for the runs table)."""
    count = sum(1 for r in rows if any(is_machine_problem(p) for p in r.problems))
    if not count:
        return None
    return f"{count} berkas belum terbaca karena gangguan pada server (bukan kesalahan berkas); run berikutnya membacanya ulang."


def status_counts(rows: list[FileRow]) -> dict[str, int]:
    return {s.value: sum(1 for r in rows if r.status is s) for s in Status}


def run_ingest(
    root: Path,
    db: Path,
    *,
    region: str | None = None,
    year: int | None = None,
    claims: Path | None = None,
    workers: int | None = None,
    settings: ExtractSettings = DEFAULT_SETTINGS,
    progress: bool = True,
    dask_address: str | None = None,
    verify: bool = False,
) -> RunSummary:
    """Run the flow with a task runner sized to this machine, or on an existing Dask cluster.

    On Dask, extraction and analysis run on the cluster's workers (which must see the evidence
    folder at the same path and have Tesseract installed); every database write stays here."""
    in_flight, processes = None, None
    runner: TaskRunner
    if dask_address:
        from distributed import Client
        from prefect_dask import DaskTaskRunner

        with Client(dask_address, timeout=30) as client:  # keep every worker thread of the cluster busy
            in_flight = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
        runner = DaskTaskRunner(address=dask_address)
        processes = 0  # Dask workers are processes already
    else:
        runner = ThreadPoolTaskRunner(max_workers=workers or default_workers())
        if workers:
            in_flight = IN_FLIGHT_PER_WORKER * workers
            processes = workers if workers > 1 else 0
    return ingest.with_options(task_runner=runner)(  # type: ignore[arg-type]  # Prefect's generic runner types
        root=str(root),
        db=str(db),
        region=region,
        year=year,
        claims=str(claims) if claims else None,
        settings=asdict(settings),
        progress=progress,
        in_flight=in_flight,
        processes=processes,
        verify=verify,
    )
