"""A fresh machine installs what was tested: `bash dev.sh` installs with constraints.txt, which pins every
package the project declares (and everything they bring) to the versions the tests last passed with."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.utils import canonicalize_name

from tests.test_architecture import declared_requirements

ROOT = Path(__file__).resolve().parents[1]


def pins() -> dict[str, str]:
    """name -> pinned version, from the constraints file's `name==version` lines."""
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9._-]+)==([^\s;#]+)", line):
            found[canonicalize_name(match[1])] = match[2]
    return found


def test_every_declared_package_is_pinned_within_its_declared_range():
    pinned = pins()
    wrong = {
        str(r): pinned.get(canonicalize_name(r.name), "not pinned")
        for r in declared_requirements("test")
        if canonicalize_name(r.name) not in pinned or not r.specifier.contains(pinned[canonicalize_name(r.name)])
    }
    assert wrong == {}


def test_the_packages_installed_here_are_the_pinned_ones():
    pinned = pins()
    different = {}
    for requirement in declared_requirements("test"):
        name = canonicalize_name(requirement.name)
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != pinned.get(name):
            different[name] = (installed, pinned.get(name))
    assert different == {}
