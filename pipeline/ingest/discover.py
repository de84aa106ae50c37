"""Find every file under an evidence folder and fingerprint its content.

Symlinks are never followed (an OPD folder must not pull in files from
elsewhere), but a symlink is still a file in the folder, so it is listed with a
problem instead of being silently dropped. That holds for links to folders
outside the evidence folder and for link loops (``a -> b -> a``, a link to
itself), which must not stop the run either. Names are taken as the OS gives
them: control characters, 255-byte multi-byte UTF-8 names and undecodable
bytes (as surrogate escapes) survive into `FileRecord.path`.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pipeline.model import FileRecord, Problem

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def relative_name(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def printable(name: str) -> str:
    """A name that is not valid UTF-8 (a ZIP from an old Windows PC) in a form every store and page can
    hold: its undecodable bytes as \\xNN. Stable, so the file keeps its identity across runs."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def _opd_of(relative: str) -> str:
    head, sep, _ = relative.partition("/")
    return head if sep else ""


def _extension_of(name: str) -> str:
    suffix = Path(name).suffix
    return suffix[1:].lower() if suffix else ""


def walk(root: Path) -> Iterator[Path]:
    """All non-directory entries below root, sorted, without following symlinks."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        # A symlinked directory appears in dirnames; os.walk will not descend into it.
        for name in sorted(filenames + [d for d in dirnames if (base / d).is_symlink()]):
            yield base / name


def describe(root: Path, path: Path) -> FileRecord:
    """Fingerprint one file; problems reading it become part of the record."""
    relative = relative_name(root, path)
    shown = printable(relative)
    common: dict[str, Any] = dict(
        path=shown,
        opd=_opd_of(shown),
        extension=_extension_of(path.name),
        fs_path=relative if shown != relative else "",
    )
    if path.is_symlink():
        return FileRecord(
            **common,
            size=0,
            mtime=0.0,
            sha256="",
            problems=(
                Problem(
                    "unsupported",
                    "Berkas berupa tautan simbolik (symlink) dan tidak diikuti. Salin berkas aslinya ke folder eviden.",
                    f"symlink -> {printable(os.readlink(path))}",
                ),
            ),
        )
    try:
        stat = path.stat()
        if not path.is_file():
            raise OSError("not a regular file")
        return FileRecord(**common, size=stat.st_size, mtime=stat.st_mtime, sha256=sha256_of(path))
    except OSError as exc:
        return FileRecord(
            **common,
            size=0,
            mtime=0.0,
            sha256="",
            problems=(
                Problem(
                    "io_error",
                    "Berkas tidak dapat dibaca dari folder (hilang, terkunci, atau bukan berkas biasa). Periksa lalu unggah ulang.",
                    f"{type(exc).__name__}: {exc}",
                ),
            ),
        )


def _excluded(path: Path, skipped: set[Path]) -> bool:
    if path in skipped or any(parent in skipped for parent in path.parents):
        return True
    try:
        return path.resolve() in skipped
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): not one of ours
        return False


def _unique(records: list[FileRecord]) -> list[FileRecord]:
    """A name shown with \\xNN escapes may equal a real name in the same folder ("a\\xe9.pdf"): the
    escaped one gets a stable suffix from its raw bytes, so each file keeps a row of its own."""
    taken = Counter(r.path for r in records)
    return [
        replace(r, path=f"{r.path}~{hashlib.sha1(os.fsencode(r.fs_path)).hexdigest()[:8]}")
        if r.fs_path and taken[r.path] > 1
        else r
        for r in records
    ]


def discover(root: Path, *, exclude: frozenset[Path] = frozenset()) -> list[FileRecord]:
    """Every file below root except `exclude` (the run's own database, lock and scratch folder)."""
    root = root.resolve()
    skipped = {p.resolve() for p in exclude}
    return _unique([describe(root, path) for path in walk(root) if not _excluded(path, skipped)])
