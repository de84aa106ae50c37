"""Find every file under an evidence folder and fingerprint its content.

Symlinks are never followed (an OPD folder must not pull in files from
elsewhere), but a symlink is still a file in the folder, so it is listed with a
problem instead of being silently dropped. That holds for links to folders
outside the evidence folder and for link loops (``a -> b -> a``, a link to
itself), which must not stop the run either. Names are taken as the OS gives
them: control characters, 255-byte multi-byte UTF-8 names and undecodable
bytes (as surrogate escapes) survive into `FileRecord.path`.

Change detection without reading (`survey`), as git's index does it: a file
whose size, mtime_ns, ctime_ns and inode are what the last run recorded keeps
its recorded SHA-256 and is not read; every other file is hashed. A stat taken
within `RACY_NS` of the file's last change is not recorded (the same timestamp
could hide a second change: git's "racily clean" entries), so such a file is
hashed once more next time. The trade-off: a file whose bytes changed while
all four stayed the same (a file system that does not keep ctime, a restore
tool that sets them back, bit rot) is only caught by a run that hashes every
file (`verify`: `spbe run --verify`, and every `VERIFY_EVERY` by itself).
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_mode
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.model import FileRecord, Problem

_CHUNK = 1 << 20
# A change within this long of a stat may share its timestamps (FAT keeps mtime to 2 s; network shares are
# coarse or skewed): such a stat is not recorded, and the file is hashed again next run.
RACY_NS = 2_000_000_000
# A run hashes every file when no run did so for this long (`spbe run --verify` does it at once): a change
# that kept the file's stat is found within a week.
VERIFY_EVERY = timedelta(days=7)


class FileStat(NamedTuple):
    """What the file system says of a file without reading it (git's index keeps the same)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


# A path as the last run recorded it: (its SHA-256, the stat it had then, or None when not to be trusted).
Recorded = tuple[str, tuple[int, int, int, int] | None]


@dataclass
class Survey:
    """The folder as found: one record per file, the stats to record, and what had to be read to know it."""

    records: list[FileRecord]
    stats: dict[str, FileStat] = field(default_factory=dict)  # path -> stat to record (absent: not trusted)
    hashed_files: int = 0
    hashed_bytes: int = 0
    verified: bool = False  # every readable file was hashed
    changed_same_stat: list[str] = field(default_factory=list)  # verify: bytes changed, stat did not


def _digest(path: Path) -> tuple[str, int, FileStat]:
    """(SHA-256, bytes read, stat of the open file after reading): a change during the read shows in the stat."""
    digest = hashlib.sha256()
    read = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            read += len(chunk)
        after = _file_stat(os.fstat(handle.fileno()))
    return digest.hexdigest(), read, after


def _file_stat(st: os.stat_result) -> FileStat:
    return FileStat(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


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
    for _relative, path, _link in _entries(str(root), ""):
        yield Path(path)


def _entries(directory: str, prefix: str) -> Iterator[tuple[str, str, bool]]:
    """(relative name, full name, is a symlink) of every non-directory entry below `directory`, and of
    symlinks to directories, which are not entered; in `walk`'s order (a folder's entries by name, then
    its sub-folders by name). Built as strings from one scandir per folder: no stat call per file."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:  # an unreadable folder is skipped, as os.walk does
        return
    folders = []
    for entry in entries:
        link = entry.is_symlink()
        try:
            folder = entry.is_dir()
        except OSError:  # a link loop
            folder = False
        if folder and not link:
            folders.append(entry)
        else:
            yield prefix + entry.name, entry.path, link
    for entry in folders:
        yield from _entries(entry.path, f"{prefix}{entry.name}/")


@dataclass
class _Looker:
    """How one survey fingerprints a file: the recorded state, whether to trust it, the counters."""

    recorded: Mapping[str, Recorded]
    verify: bool
    trusted_before_ns: int  # a stat whose mtime or ctime is this late is not recorded (racily clean)
    survey: Survey

    def fingerprint(self, shown: str, path: Path, now: FileStat) -> str:
        """The file's SHA-256: the recorded one when its stat is unchanged (and not verifying), else read."""
        sha, stat = self.recorded.get(shown) or ("", None)
        known = sha if stat is not None and tuple(stat) == now else ""
        if known and not self.verify:
            self._keep(shown, now)
            return known
        sha, read, after = _digest(path)
        self.survey.hashed_files += 1
        self.survey.hashed_bytes += read
        if known and sha != known:
            self.survey.changed_same_stat.append(shown)
        if after == now:  # not changed while being read
            self._keep(shown, now)
        return sha

    def _keep(self, shown: str, now: FileStat) -> None:
        if max(now.mtime_ns, now.ctime_ns) < self.trusted_before_ns:
            self.survey.stats[shown] = now


def _describe(relative: str, path: Path, link: bool, looker: _Looker) -> FileRecord:
    """Fingerprint one file; problems reading it become part of the record."""
    shown = printable(relative)
    common: dict[str, Any] = dict(
        path=shown,
        opd=_opd_of(shown),
        extension=_extension_of(path.name),
        fs_path=relative if shown != relative else "",
    )
    if link:
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
        st = path.stat()
        if not stat_mode.S_ISREG(st.st_mode):
            raise OSError("not a regular file")
        now = _file_stat(st)
        sha = looker.fingerprint(shown, path, now)
        return FileRecord(**common, size=st.st_size, mtime=st.st_mtime, sha256=sha)
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


def _excluded(path: str, link: bool, skipped: set[str]) -> bool:
    """Whether an entry is (inside) one of `skipped`: names below the resolved root are canonical but for a
    symlink at their end, the only one resolved."""
    if any(path == s or path.startswith(s + os.sep) for s in skipped):
        return True
    if not link:
        return False
    try:
        return str(Path(path).resolve()) in skipped
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


def survey(
    root: Path,
    *,
    exclude: frozenset[Path] = frozenset(),
    recorded: Mapping[str, Recorded] | None = None,
    verify: bool = False,
    racy_ns: int | None = None,
) -> Survey:
    """Every file below root except `exclude` (the run's own database, lock and scratch folder), reading
    only files whose stat differs from `recorded` (all of them with `verify`). A stat taken within
    `racy_ns` (default RACY_NS) of the file's last change is not recorded."""
    root = root.resolve()
    skipped = {str(p.resolve()) for p in exclude}
    skipped = {s for s in skipped if s == str(root) or s.startswith(str(root) + os.sep)}  # in the folder at all?
    result = Survey([])
    window = RACY_NS if racy_ns is None else racy_ns
    looker = _Looker(recorded or {}, verify, time.time_ns() - window, result)
    records = [
        _describe(relative, Path(path), link, looker)
        for relative, path, link in _entries(str(root), "")
        if not (skipped and _excluded(path, link, skipped))
    ]
    result.records = _unique(records)
    for path, count in Counter(r.path for r in records).items():
        if count > 1:  # a \\xNN name equal to a real one: which stat is whose is unclear, so read both next time
            result.stats.pop(path, None)
    readable = sum(1 for r in result.records if not r.problems)
    result.verified = result.hashed_files >= readable
    return result


def discover(root: Path, *, exclude: frozenset[Path] = frozenset()) -> list[FileRecord]:
    """Every file below root, every one read and hashed."""
    return survey(root, exclude=exclude, verify=True).records
