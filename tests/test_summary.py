"""The summary at the end of `spbe run` names failures, both indices and the gaps that cost the most."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.judge.gaps import Gap
from pipeline.outputs.summary import TOP_GAPS, format_summary

COUNTS = {
    "files_seen": 3,
    "files_new": 3,
    "files_changed": 0,
    "files_unchanged": 0,
    "files_removed": 0,
    "files_extracted": 3,
    "ocr_pages": 1,
    "files_failed": 1,
    "files_unsupported": 0,
}


def summary(**extra):
    base = dict(
        run_id=7,
        seconds=1.5,
        counts=COUNTS,
        by_status={"ok": 2},
        db="x.duckdb",
        failures=[("A/rusak.pdf", "corrupt", "Berkas PDF rusak.")],
        judgement=None,
        gaps=[],
    )
    return SimpleNamespace(**{**base, **extra})


def test_summary_lists_failures_with_their_message():
    text = format_summary(summary())
    assert "A/rusak.pdf (Berkas rusak): Berkas PDF rusak." in text and "Run #7" in text


def test_summary_names_flags_by_their_labels_and_redacts_an_id_in_a_file_name():
    failures = [("Disdukcapil/KK-3201010101900001.pdf", "corrupt", "Berkas PDF rusak.")]
    text = format_summary(summary(failures=failures))
    assert "3201010101900001" not in text and "KK-[NIK].pdf (Berkas rusak)" in text
    assert "[corrupt]" not in text


def test_summary_shows_only_the_five_costliest_gaps_in_order():
    gaps = [Gap(n, f"Indikator {n}", 3, 1, 3, cost=0.1 / n) for n in range(1, 9)]
    text = format_summary(summary(gaps=gaps))
    listed = [line for line in text.splitlines() if line.strip().startswith("- Indikator")]
    assert len(listed) == TOP_GAPS and listed[0].strip().startswith("- Indikator 1 ")
