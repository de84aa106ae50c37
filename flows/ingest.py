"""Prefect flow: an evidence folder becomes extracted text in DuckDB.

Thin glue over `pipeline`: discover and plan (pure), extract unknown contents
as parallel tasks (Tesseract runs in its own processes, so threads keep both
cores busy), and write every result through the flow's single DuckDB writer
as it arrives.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from dataclasses import asdict, dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.discover import discover
from pipeline.extract import extract, extractor_version
from pipeline.inventory import content_outcome, file_rows, plan_run
from pipeline.model import Document, Status
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from pipeline.claims import read_claims
from pipeline.gaps import Gap, index_gaps
from pipeline.judge import Judgement, judge
from pipeline.rules import framework_for_year, load_common
from pipeline.storage import Store, StoredContent, load_documents, run_lock, save_judgement


# Results are written in small batches: at most this many files or this many seconds of work wait
# in memory, so the database is free most of the time and a crash loses little.
WRITE_BATCH = 25
WRITE_INTERVAL_S = 1.0


@dataclass
class RunSummary:
    run_id: int
    root: str
    db: str
    seconds: float
    counts: dict[str, int]
    by_status: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, message)
    judgement: Judgement | None = None
    gaps: list[Gap] = field(default_factory=list)  # ordered by index points lost


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@task(name="extract-file", cache_policy=NO_CACHE, persist_result=False, retries=0)
def extract_file(path: Path, settings: ExtractSettings) -> Document:
    return extract(path, settings)


@task(name="judge-folder", cache_policy=NO_CACHE, persist_result=False, retries=0)
def judge_folder(store: Store, run_id: int, region: str | None, year: int, claims: str | None) -> Judgement:
    framework, common = framework_for_year(year), load_common()
    with store.session() as con:
        documents = load_documents(con)
    judgement = judge(documents, framework, common, region=region, year=year,
                      claims=read_claims(Path(claims)) if claims else None)
    with store.session() as con:
        save_judgement(con, run_id, judgement)
    return judgement


def _progress(enabled: bool, done: int, total: int, path: str, document: Document) -> None:
    if not enabled:
        return
    detail = f"{document.page_count} hlm"
    if document.ocr_pages:
        detail += f", {document.ocr_pages} OCR"
    state = document.status.value if document.status is Status.OK else (document.error.code if document.error else document.status.value)
    print(f"[{done:>{len(str(total))}}/{total}] {state:<12} {path} ({detail}, {document.seconds:.1f} dtk)",
          file=sys.stderr, flush=True)


@flow(name="spbe-ingest", persist_result=False, log_prints=False)
def ingest(root: str, db: str, region: str | None = None, year: int | None = None, claims: str | None = None,
           settings: dict | None = None, progress: bool = True) -> RunSummary:
    """Parameters are plain JSON values so that a served deployment can pass them."""
    started = time.perf_counter()
    settings = ExtractSettings(**settings) if settings else DEFAULT_SETTINGS
    root_path = Path(root).resolve()
    version = extractor_version(settings)
    with run_lock(Path(db)), Store.open(Path(db)) as store:
        run_id = store.start_run(root=str(root_path), region=region, year=year, claims=claims, version=version)
        try:
            db_path = Path(db).resolve()
            own_files = frozenset(db_path.with_name(db_path.name + suffix) for suffix in ("", ".wal", ".run.lock"))
            records = discover(root_path, exclude=own_files)
            previous = store.current_files()
            contents = store.known_contents(version)
            plan = plan_run(records, previous, set(contents))
            if progress:
                print(f"{len(records)} berkas ditemukan; {len(plan.to_extract)} isi baru perlu dibaca.", file=sys.stderr, flush=True)

            futures = {extract_file.submit(root_path / record.path, settings): (key, record)
                       for key, record in plan.to_extract.items()}
            ocr_pages, pending, flushed = 0, [], time.monotonic()
            for done, future in enumerate(as_completed(list(futures)), start=1):
                key, record = futures.pop(future)
                document = future.result()
                pending.append((key, document))
                if len(pending) >= WRITE_BATCH or time.monotonic() - flushed >= WRITE_INTERVAL_S:
                    store.save_extractions(pending, version, run_id)
                    pending, flushed = [], time.monotonic()
                status, problems = content_outcome(document.status, document.problems)
                contents[key] = StoredContent(document.format, status, problems)
                ocr_pages += document.ocr_pages
                _progress(progress, done, len(plan.to_extract), record.path, document)
            store.save_extractions(pending, version, run_id)

            rows = file_rows(plan, contents, previous, version=version, run_id=run_id)
            removed = store.save_files(rows, run_id)
            judgement = judge_folder(store, run_id, region, year or date.today().year, claims)
            by_status = {s.value: sum(1 for r in rows if r.status is s) for s in Status}
            counts = {
                "files_seen": len(records), "files_new": len(plan.new), "files_changed": len(plan.changed),
                "files_unchanged": len(plan.unchanged), "files_removed": removed,
                "files_failed": by_status["failed"], "files_unsupported": by_status["unsupported"],
                "files_extracted": len(plan.to_extract), "ocr_pages": ocr_pages,
            }
            store.finish_run(run_id, status="completed", counts=counts)
        except BaseException as exc:
            store.finish_run(run_id, status="failed", counts={}, message=f"{type(exc).__name__}: {exc}")
            raise
    failures = [(r.record.path, r.problems[0].code, r.problems[0].message) for r in rows if r.status is not Status.OK and r.problems]
    gaps = index_gaps(({"no": r.no, "claimed_level": r.claimed_level, "evidence_level": r.evidence_level}
                       for r in judgement.indicators), framework_for_year(year or date.today().year))
    return RunSummary(run_id, str(root_path), str(db), time.perf_counter() - started, counts, by_status, failures,
                      judgement, gaps)


def run_ingest(root: Path, db: Path, *, region: str | None = None, year: int | None = None, claims: Path | None = None,
               workers: int | None = None, settings: ExtractSettings = DEFAULT_SETTINGS, progress: bool = True) -> RunSummary:
    """Run the flow with a task runner sized to this machine."""
    runner = ThreadPoolTaskRunner(max_workers=workers or default_workers())
    return ingest.with_options(task_runner=runner)(
        root=str(root), db=str(db), region=region, year=year, claims=str(claims) if claims else None,
        settings=asdict(settings), progress=progress,
    )
