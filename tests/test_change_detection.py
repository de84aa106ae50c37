"""Change detection without reading unchanged files (pipeline/ingest/discover.py `survey`), as git's index does it.

A file whose size, mtime_ns, ctime_ns and inode are what the last run recorded is taken as unchanged and
not read; every other file is hashed. `verify` (`spbe run --verify`, and weekly by itself) hashes every file,
which is the only way to find a file whose bytes changed while its stat did not.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from pipeline.ingest import discover
from pipeline.ingest.discover import RACY_NS, survey


def _folder(root: Path) -> Path:
    for path, text in {
        "Diskominfo/perwali.txt": "Peraturan Wali Kota tentang SPBE",
        "Bappeda/2024/notulen.txt": "Notulen rapat arsitektur SPBE",
        "Setda/catatan.txt": "Catatan rapat",
    }.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def _recorded(found: discover.Survey) -> dict:
    """What a run stores of a survey: per path its hash and, when trusted, its stat."""
    return {r.path: (r.sha256, found.stats.get(r.path)) for r in found.records}


@pytest.fixture
def hashed(monkeypatch) -> list[Path]:
    """Every file whose bytes a survey reads, in order."""
    read: list[Path] = []
    real = discover._digest

    def spy(path: Path):
        read.append(path)
        return real(path)

    monkeypatch.setattr(discover, "_digest", spy)
    return read


def test_a_file_with_its_recorded_stat_is_not_read(tmp_path, hashed):
    root = _folder(tmp_path / "eviden")
    first = survey(root, racy_ns=0)
    assert len(hashed) == 3 and first.verified
    hashed.clear()
    second = survey(root, recorded=_recorded(first), racy_ns=0)
    assert hashed == []
    assert (second.hashed_files, second.hashed_bytes, second.verified) == (0, 0, False)
    assert [(r.path, r.sha256) for r in second.records] == [(r.path, r.sha256) for r in first.records]


def test_a_changed_file_is_read_and_only_it(tmp_path, hashed):
    root = _folder(tmp_path / "eviden")
    first = survey(root, racy_ns=0)
    (root / "Setda/catatan.txt").write_text("Catatan rapat Tim Koordinasi SPBE, diperbarui", encoding="utf-8")
    hashed.clear()
    second = survey(root, recorded=_recorded(first), racy_ns=0)
    assert hashed == [root.resolve() / "Setda/catatan.txt"]
    before = {r.path: r.sha256 for r in first.records}
    changed = [r.path for r in second.records if r.sha256 != before[r.path]]
    assert changed == ["Setda/catatan.txt"] and second.hashed_bytes == len(
        "Catatan rapat Tim Koordinasi SPBE, diperbarui"
    )


def test_a_file_put_back_with_its_old_mtime_is_read_because_its_ctime_moved(tmp_path, hashed):
    """Restoring the old mtime (touch -d, a backup tool) moves the ctime, which nobody can set back."""
    root = _folder(tmp_path / "eviden")
    path = root / "Setda/catatan.txt"
    old = path.stat()
    first = survey(root, racy_ns=0)
    path.write_text("Catatan rapat!", encoding="utf-8")  # same size, other bytes
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    hashed.clear()
    second = survey(root, recorded=_recorded(first), racy_ns=0)
    assert hashed == [root.resolve() / "Setda/catatan.txt"]
    shas = {r.path: r.sha256 for r in second.records}, {r.path: r.sha256 for r in first.records}
    assert shas[0]["Setda/catatan.txt"] == hashlib.sha256(path.read_bytes()).hexdigest() != shas[1]["Setda/catatan.txt"]


def test_a_change_the_stat_does_not_show_is_found_only_by_verify(tmp_path):
    """The trade-off: bytes changed under an unchanged stat (a share that keeps no ctime, bit rot) keep the
    recorded hash; a verifying survey reads every file and names the ones that changed that way."""
    root = _folder(tmp_path / "eviden")
    first = survey(root, racy_ns=0)
    path = root / "Setda/catatan.txt"
    path.write_text("Catatan rapat!", encoding="utf-8")  # same size
    recorded = _recorded(first)
    stale_sha = recorded["Setda/catatan.txt"][0]
    now = path.stat()
    recorded["Setda/catatan.txt"] = (stale_sha, (now.st_size, now.st_mtime_ns, now.st_ctime_ns, now.st_ino))
    missed = survey(root, recorded=recorded, racy_ns=0)
    assert {r.path: r.sha256 for r in missed.records}["Setda/catatan.txt"] == stale_sha
    caught = survey(root, recorded=recorded, verify=True, racy_ns=0)
    assert (
        {r.path: r.sha256 for r in caught.records}["Setda/catatan.txt"]
        == hashlib.sha256(path.read_bytes()).hexdigest()
        != stale_sha
    )
    assert caught.changed_same_stat == ["Setda/catatan.txt"] and caught.verified


def test_a_stat_taken_right_after_a_change_is_not_trusted_next_time(tmp_path, hashed):
    """Racily clean (git's term): a second change within the timestamp's resolution would keep the stat,
    so a file changed moments before the survey is hashed again by the next one."""
    root = _folder(tmp_path / "eviden")
    first = survey(root)  # the files were written just now
    assert first.stats == {}
    hashed.clear()
    survey(root, recorded=_recorded(first))
    assert len(hashed) == 3


def test_a_file_that_is_not_a_regular_file_is_an_io_error_without_a_stat(tmp_path):
    root = _folder(tmp_path / "eviden")
    os.mkfifo(root / "Setda/fifo")
    found = survey(root, racy_ns=0)
    fifo = next(r for r in found.records if r.path == "Setda/fifo")
    assert fifo.problems[0].code == "io_error" and "Setda/fifo" not in found.stats


def test_the_default_racy_window_covers_coarse_file_system_clocks():
    assert RACY_NS >= 2 * 10**9  # FAT keeps mtime to 2 s


def settle() -> None:
    """Wait until files written now are older than the racy window (flow tests use the default)."""
    time.sleep(RACY_NS / 1e9 + 0.05)
