"""The run's write loop: results of the read loop wait briefly in memory and are written in batches.

DuckDB lets one process hold a database file for writing, so the flow's main thread does every
write; extraction workers only return documents. Each batch is one short session and one
transaction, so the review page and exports can use the database between batches, and a run that
dies part-way keeps every batch written before and never leaves half a batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document
from pipeline.store.connection import session
from pipeline.store.contents import save_extractions

# At most this many files or this many seconds of work wait in memory, so the database is free most
# of the time and a crash loses little. A batch costs ~0.1 s (a session and one transaction), so at
# high rates the interval, not the count, sets the pace.
WRITE_BATCH = 200
WRITE_INTERVAL_S = 1.0


class BatchWriter:
    """Collects each file read (its document, analysis and personal-data summary) and writes them
    when `batch` files wait or `interval_s` seconds have passed since the last write, and at a clean
    exit of its `with` block. On an error the unwritten batch is dropped, as a crash would drop it."""

    def __init__(
        self,
        db: Path,
        run_id: int,
        *,
        extractor_version: str,
        analysis_version: str,
        batch: int = WRITE_BATCH,
        interval_s: float = WRITE_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.db, self.run_id = db, run_id
        self.extractor_version, self.analysis_version = extractor_version, analysis_version
        self.batch, self.interval_s, self._clock = batch, interval_s, clock
        self._documents: list[tuple[ContentKey, Document]] = []
        self._analyses: list[AnalysisRow] = []
        self._personal: dict[ContentKey, str] = {}
        self._flushed = clock()

    def add(self, key: ContentKey, file_name: str, document: Document, analysis: str, personal: str) -> None:
        """One file as read: `analysis` is analyze_json's text, `personal` the personal-data summary JSON."""
        self._documents.append((key, document))
        analysis_key = AnalysisKey(key.sha256, key.name_class, self.extractor_version, file_name)
        self._analyses.append(AnalysisRow(analysis_key, self.analysis_version, analysis))
        self._personal[key] = personal
        if len(self._documents) >= self.batch or self._clock() - self._flushed >= self.interval_s:
            self.flush()

    def flush(self) -> None:
        """Write what waits, in one session and one transaction."""
        if self._documents:
            with session(self.db) as con:
                save_extractions(
                    con, self._documents, self.extractor_version, self.run_id, self._analyses, self._personal
                )
        self._documents, self._analyses, self._personal = [], [], {}
        self._flushed = self._clock()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.flush()
