"""Mutated evidence files never break extraction (a small, deterministic slice of bench/fuzz_extractors.py).

For each seed format hypothesis (``derandomize=True``: the same cases on every
run) flips bytes, writes edge integers over size fields, truncates, splices,
duplicates and swaps headers; every mutant must come back as a `Document`
within the per-file limit, and every non-OK one must say why in Bahasa Indonesia.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_extractors import EXTENSIONS, MUTATION, check, mutate, run_case, seeds, violations
from pipeline.model import Status

#: Cases per format: about 40 s for all six formats with real Tesseract on the image mutants.
EXAMPLES = 40


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_every_seed_is_a_valid_file_of_its_format(fmt: str, tmp_path: Path) -> None:
    """Fuzzing starts from good files: an unmutated seed is read without any problem."""
    doc, _ = run_case(fmt, seeds()[fmt], tmp_path)
    assert doc.status is Status.OK, doc.problems
    assert "Sukamaju" in doc.text or "Aset" in doc.text


def test_mutations_change_the_bytes_they_say() -> None:
    seed = seeds()["png"]
    assert mutate(seed, [("truncate", 0.5)]) == seed[: len(seed) // 2]
    assert mutate(seed, [("header", b"%PDF-1.7\n")]).startswith(b"%PDF-1.7\n")
    flipped = mutate(seed, [("flip", 0.0, 0xFF)])
    assert flipped[0] == seed[0] ^ 0xFF and flipped[1:] == seed[1:]
    assert mutate(seed, [("int", 0.5, 0xFFFFFFFF, 4, "big")])[len(seed) // 2 : len(seed) // 2 + 4] == b"\xff" * 4


def test_the_rules_catch_a_broken_result() -> None:
    """The checker itself must be able to fail: an exception, a silent failure, an English message."""
    from pipeline.model import Document, Problem

    assert violations(ValueError("boom"), 0.1) == ["not a Document: ValueError"]
    assert violations(Document("pdf", Status.FAILED), 0.1) == ["status failed without a problem"]
    english = Document("pdf", Status.FAILED, problems=(Problem("corrupt", "The file is broken."),))
    assert violations(english, 0.1) and "Indonesian" in violations(english, 0.1)[0]
    assert violations(Document("pdf", Status.OK), 1e6)[0].startswith("took")


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_mutated_files_always_give_a_document_with_a_clear_problem(fmt: str) -> None:
    with tempfile.TemporaryDirectory(prefix="spbe-fuzz-") as tmp:
        workdir = Path(tmp)

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
        def case(mutations: list[tuple]) -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # Pillow warns about broken TIFF tags; the outcome is what counts
                assert check(fmt, mutations, workdir) == []

        case()
