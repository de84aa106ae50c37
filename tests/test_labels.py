"""Every code the pipeline can emit has one label and one suggested action, shared by every output."""

import re
from pathlib import Path

from pipeline.outputs.labels import DEFAULT_ACTION, FLAGS, flag_action, flag_label

ROOT = Path(__file__).resolve().parents[1]
EMITTED = re.compile(r"""(?:Flag\(\s*|code\s*=\s*)["']([a-z_]+)["']""")


def emitted_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        codes |= set(EMITTED.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_emitted_code_has_a_label_and_an_action():
    codes = emitted_codes()
    assert {"draft", "other_region", "corrupt", "wrong_extension"} <= codes  # the scan finds both kinds
    missing = sorted(code for code in codes if code not in FLAGS)
    assert missing == []
    assert all(FLAGS[code].action != DEFAULT_ACTION for code in codes)


def test_labels_are_indonesian_words_not_codes():
    for code, text in FLAGS.items():
        assert text.label != code and "_" not in text.label


def test_an_unknown_code_from_a_newer_database_is_shown_as_it_is():
    assert flag_label("future_flag") == "future_flag"
    assert flag_action("future_flag") == DEFAULT_ACTION


def test_report_and_review_page_read_the_same_table():
    from pipeline.outputs import report
    from pipeline.review import data

    assert report.flag_label is flag_label
    assert data.flag_label is flag_label and data.flag_action is flag_action
