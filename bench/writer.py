"""How many files per second the single DuckDB writer of a run can store (a script, not a test).

    .venv/bin/python bench/writer.py [--files 2000] [--pages 3] [--batch 25]

Writes synthetic extractions (pages of ~3,000 characters, an analysis of ~6 KB each) the way the
flow's batch writer does — `save_extractions` per batch, one short session and one transaction each — into
a fresh database, and prints files/s and pages/s for the whole and for the last tenth (the database
is largest then). With extraction and analysis on Dask workers this is the part that does not scale
out, so it says at what corpus rate one writer becomes the limit.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, Method, Page, Status
from pipeline.store.connection import session
from pipeline.store.contents import save_extractions
from pipeline.store.runs import start_run

WORDS = (
    "pemerintah daerah kota layanan aplikasi data informasi keamanan jaringan pusat sistem elektronik "
    "kebijakan rencana program kegiatan evaluasi pengelolaan arsitektur domain proses bisnis"
).split()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--batch", type=int, default=25)
    args = ap.parse_args(argv)
    rng = random.Random(1)
    page_text = " ".join(rng.choice(WORDS) for _ in range(400))
    analysis = '{"facts": {}, "matches": [], "pad": "' + "x" * 6000 + '"}'
    personal = '{"counts": {}, "pages": {}}'
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "writer.duckdb"
        with session(db) as con:
            run_id = start_run(con, root="/bench", region=None, year=2025, claims=None, version="v")
        times = []
        for start in range(0, args.files, args.batch):
            items, analyses = [], []
            for n in range(start, min(start + args.batch, args.files)):
                key = ContentKey(f"{n:064x}", "pdf")
                pages = tuple(Page(i + 1, Method.TEXT_LAYER, page_text) for i in range(args.pages))
                items.append((key, Document("pdf", Status.OK, pages)))
                analyses.append(AnalysisRow(AnalysisKey(key.sha256, "pdf", "v", f"{n}.pdf"), "a", analysis))
            began = time.perf_counter()
            with session(db) as con:
                save_extractions(con, items, "v", run_id, analyses, {k: personal for k, _ in items})
            times.append((time.perf_counter() - began, len(items)))
    total_s, files = sum(t for t, _ in times), sum(n for _, n in times)
    tail = times[-max(1, len(times) // 10) :]
    tail_s, tail_files = sum(t for t, _ in tail), sum(n for _, n in tail)
    print(f"{files} files x {args.pages} pages in batches of {args.batch}: {total_s:.1f} s of writing")
    print(
        f"  overall    {files / total_s:7.0f} files/s  {files * args.pages / total_s:8.0f} pages/s  "
        f"{1000 * total_s / len(times):6.1f} ms per batch"
    )
    print(
        f"  last tenth {tail_files / tail_s:7.0f} files/s  {tail_files * args.pages / tail_s:8.0f} pages/s  "
        f"{1000 * tail_s / len(tail):6.1f} ms per batch"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
