"""Where the texts we did not write are: the real documents and the reference files in ../shared.

One place for the tests and the benches. ``SPBE_REAL_DOCS`` and ``SPBE_REFERENCE`` point elsewhere (a
checkout without ../shared beside it); a missing folder fails the tests that read it, it never skips them.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: Real regulations, a photo of a clause and official evaluation reports (its README says what each is).
REAL = Path(os.environ.get("SPBE_REAL_DOCS", SHARED / "real"))
#: The framework, the indicator list and the applications table, with their sources.
REFERENCE = Path(os.environ.get("SPBE_REFERENCE", SHARED / "reference"))


def present(path: Path) -> Path:
    """`path` when the file is there; otherwise the test that asked fails, saying where to point."""
    variable = "SPBE_REFERENCE" if path.is_relative_to(REFERENCE) else "SPBE_REAL_DOCS"
    assert path.is_file(), f"missing: {path} (../shared must lie beside the checkout, or set {variable})"
    return path
