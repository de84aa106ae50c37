"""Is there room to work? The folders a run writes to, checked before it starts.

* the database's folder: DuckDB's file and its write-ahead log, and the OCR scratch folder `DB.tmp`
  beside it (one uncompressed page image of ~9 MB at 300 dpi per worker);
* the temporary folder (TMPDIR, else the system's): pytesseract has Tesseract write what it read there.

Each must exist, take a small probe file and have a minimum free: otherwise `spbe run` stops before
any work (exit 2) with a message naming the folder, instead of recording files as failed or dying in
the middle of a write. A disk that fills up *during* a run is caught where it happens (OCR scratch:
pipeline.extract.errors.scratch_fault; the database: errors.run_fault).

TMPDIR set to a folder that cannot be written is refused too, although Python would quietly fall back to
/tmp: the operator chose that folder (often because /tmp is small), so they are told.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["MIN_FREE_DB", "MIN_FREE_TEMP", "folder_problem", "run_space_problem"]

#: Free space the database's folder needs to start a run: page images of two workers (~9 MB each),
#: DuckDB's growth for a night's batch and its write-ahead log.
MIN_FREE_DB = 64 * 2**20
#: Free space the temporary folder needs: Tesseract's output is a few KB per page.
MIN_FREE_TEMP = 8 * 2**20
PROBE_BYTES = 4096


def folder_problem(folder: Path, role: str, min_free: int) -> str | None:
    """Why `folder` (the `role` it plays, in Indonesian) cannot take a run's writes; None when it can."""
    if not folder.is_dir():
        return f"Folder {role} {folder} tidak ada. Buat folder itu atau pilih lokasi lain, lalu jalankan ulang."
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".spbe-probe-") as probe:
            probe.write(b"\0" * PROBE_BYTES)
            probe.flush()
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return (
            f"Folder {role} {folder} tidak dapat ditulis ({exc.strerror or exc}). Perbaiki izin atau "
            "pasang ulang disknya dengan hak tulis, atau pilih folder lain, lalu jalankan ulang."
        )
    if free < min_free:
        return (
            f"Ruang disk untuk {role} {folder} tinggal {free / 2**20:.1f} MB; pemeriksaan memerlukan minimal "
            f"{min_free / 2**20:.0f} MB. Kosongkan ruang disk, lalu jalankan ulang; hasil run sebelumnya tetap utuh."
        )
    return None


def run_space_problem(db: Path) -> str | None:
    """The first folder a run on `db` could not write to (database folder, then TMPDIR), or None."""
    db_folder = db.resolve().parent
    problem = folder_problem(db_folder, "basis data", MIN_FREE_DB)
    if problem:
        return problem
    chosen = os.environ.get("TMPDIR")
    temp = Path(chosen) if chosen else Path(tempfile.gettempdir())
    return folder_problem(temp, "sementara (TMPDIR)" if chosen else "sementara", MIN_FREE_TEMP)
