"""dev.sh rebuilds a .venv that no longer works here instead of failing with it.

Each test copies the real dev.sh, byte for byte, into a throw-away checkout and runs it there, so the
logic under test is the shipped one. The venvs are real (`python3 -m venv --without-pip`, as fast as a
venv gets), broken the way the field breaks them: a checkout moved or copied (its venv still names the
old folder), the Python it was made from removed, the system Python upgraded, the project installed
from another checkout.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = shutil.which("python3") or "python3"  # what dev.sh itself uses


def dev(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(checkout / "dev.sh"), *args], capture_output=True, text=True, timeout=120, check=False
    )


def checkout(parent: Path, name: str) -> Path:
    folder = parent / name
    folder.mkdir()
    shutil.copy2(ROOT / "dev.sh", folder / "dev.sh")
    return folder


def make_venv(folder: Path, python: str = PYTHON) -> Path:
    subprocess.run([python, "-m", "venv", "--without-pip", str(folder / ".venv")], check=True, timeout=60)
    return folder / ".venv"


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python3*/site-packages"))


def test_the_projects_own_venv_is_usable_as_it_is():
    """The check must pass on a working venv, or every `dev.sh run` would rebuild it."""
    result = dev(ROOT, "check-venv")
    assert result.returncode == 0, result.stderr
    assert "dapat dipakai" in result.stderr


def test_a_venv_made_in_place_is_kept_and_the_call_is_silent(tmp_path):
    here = checkout(tmp_path, "proyek")
    venv = make_venv(here)
    marker = venv / ".installed-marker"
    marker.touch()
    assert dev(here, "check-venv").returncode == 0
    result = dev(here, "venv")
    assert result.returncode == 0 and result.stderr == "" and marker.exists()


def test_a_venv_linked_in_from_another_disk_is_kept(tmp_path):
    """A .venv that is a symlink to a venv made there (a bigger disk) works here and must not be rebuilt."""
    elsewhere = tmp_path / "disk-lain"
    elsewhere.mkdir()
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(elsewhere / "venv")], check=True, timeout=60)
    here = checkout(tmp_path, "proyek")
    (here / ".venv").symlink_to(elsewhere / "venv")
    result = dev(here, "venv")
    assert result.returncode == 0 and result.stderr == "" and (here / ".venv").is_symlink()


def test_a_venv_of_a_moved_checkout_is_recognised(tmp_path):
    old = checkout(tmp_path, "lama")
    make_venv(old)
    new = checkout(tmp_path, "baru")
    (old / ".venv").rename(new / ".venv")
    result = dev(new, "check-venv")
    assert result.returncode == 1
    assert "tidak dapat dipakai" in result.stderr and str(old / ".venv") in result.stderr
    assert "dipindah atau disalin" in result.stderr


def test_a_venv_of_a_moved_checkout_is_rebuilt_for_the_new_place(tmp_path):
    old = checkout(tmp_path, "lama")
    make_venv(old)
    new = checkout(tmp_path, "baru")
    (old / ".venv").rename(new / ".venv")
    stale = new / ".venv" / ".installed-0000-base"  # the install stamp must go, so packages are installed again
    stale.touch()
    result = dev(new, "venv")
    assert result.returncode == 0, result.stderr
    assert "Dibuat ulang" in result.stderr and not stale.exists()
    prefix = subprocess.run(
        [str(new / ".venv" / "bin" / "python"), "-c", "import sys; print(sys.prefix)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(prefix).resolve() == (new / ".venv").resolve()
    assert dev(new, "check-venv").returncode == 0
    assert dev(new, "venv").stderr == ""  # repaired once, then quiet


def test_a_venv_whose_python_was_removed_is_rebuilt(tmp_path):
    base = tmp_path / "python-lama" / "bin"
    base.mkdir(parents=True)
    (base / "python3").symlink_to(
        Path(subprocess.check_output([PYTHON, "-c", "import sys; print(sys.executable)"], text=True).strip())
    )
    here = checkout(tmp_path, "proyek")
    make_venv(here, str(base / "python3"))
    assert dev(here, "check-venv").returncode == 0
    shutil.rmtree(base.parent)  # the Python the venv was made from is uninstalled
    broken = dev(here, "check-venv")
    assert broken.returncode == 1 and "Python-nya tidak dapat dijalankan" in broken.stderr
    repaired = dev(here, "venv")
    assert repaired.returncode == 0 and "Dibuat ulang" in repaired.stderr
    assert dev(here, "check-venv").returncode == 0


def test_a_venv_made_for_another_python_version_is_recognised(tmp_path):
    """An upgraded system Python runs, but the packages in lib/python3.X are not its own."""
    here = checkout(tmp_path, "proyek")
    cfg = make_venv(here) / "pyvenv.cfg"
    cfg.write_text(
        "".join(
            "version = 3.9.2\n" if line.startswith("version") else line for line in cfg.read_text().splitlines(True)
        )
    )
    result = dev(here, "check-venv")
    assert result.returncode == 1 and "dibuat untuk Python 3.9" in result.stderr


def test_scripts_that_run_another_folders_python_are_recognised(tmp_path):
    """Pythons before 3.11 write no `command` line in pyvenv.cfg: the scripts' shebangs still tell."""
    here = checkout(tmp_path, "proyek")
    venv = make_venv(here)
    cfg = venv / "pyvenv.cfg"
    cfg.write_text("".join(line for line in cfg.read_text().splitlines(True) if not line.startswith("command")))
    assert dev(here, "check-venv").returncode == 0
    (venv / "bin" / "pip").write_text("#!/srv/lama/.venv/bin/python3\nimport sys\n")
    result = dev(here, "check-venv")
    assert result.returncode == 1 and "bin/pip" in result.stderr


def test_a_project_installed_from_another_checkout_is_recognised(tmp_path):
    """A copied checkout whose venv still imports the original's code would run the wrong code."""
    other = tmp_path / "asli"
    (other / "spbe").mkdir(parents=True)
    (other / "spbe" / "__init__.py").write_text("")
    here = checkout(tmp_path, "salinan")
    venv = make_venv(here)
    (site_packages(venv) / "spbe_evidence.pth").write_text(f"{other}\n")  # how an editable install points
    result = dev(here, "check-venv")
    assert result.returncode == 1 and f"terpasang dari folder lain ({other.resolve()})" in result.stderr
