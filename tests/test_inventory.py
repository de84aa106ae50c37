"""Run planning: what must be read again, and each path's final status."""

from __future__ import annotations

from pipeline.ingest.inventory import content_outcome, file_outcome, plan_run
from pipeline.model import ContentKey, FileRecord, Problem, Status, StoredContent


def record(path: str, sha: str, ext: str = "pdf", problems: tuple = ()) -> FileRecord:
    return FileRecord(
        path=path, opd=path.split("/")[0], size=10, mtime=0.0, sha256=sha, extension=ext, problems=problems
    )


def test_new_changed_unchanged_and_removed_paths_are_told_apart():
    previous = {"A/same.pdf": ("s1", 1, 1), "A/edit.pdf": ("old", 1, 1), "A/gone.pdf": ("s9", 1, 1)}
    plan = plan_run(
        [record("A/same.pdf", "s1"), record("A/edit.pdf", "new"), record("A/added.pdf", "s2")],
        previous,
        known={ContentKey("s1", "pdf"), ContentKey("s2", "pdf")},
    )
    assert (plan.new, plan.changed, plan.unchanged, plan.removed) == (
        ["A/added.pdf"],
        ["A/edit.pdf"],
        ["A/same.pdf"],
        ["A/gone.pdf"],
    )


def test_known_content_is_not_extracted_again_even_under_a_new_name():
    plan = plan_run([record("B/copy.pdf", "s1")], previous={}, known={ContentKey("s1", "pdf")})
    assert plan.to_extract == {}


def test_identical_copies_are_extracted_once():
    plan = plan_run([record("A/x.pdf", "s1"), record("B/x.pdf", "s1")], previous={}, known=set())
    assert (
        list(plan.to_extract) == [ContentKey("s1", "pdf")]
        and plan.to_extract[ContentKey("s1", "pdf")].path == "A/x.pdf"
    )


def test_same_bytes_under_names_claiming_different_formats_are_judged_separately():
    plan = plan_run(
        [record("A/x.docx", "s1", ext="docx"), record("A/x.dat", "s1", ext="dat")], previous={}, known=set()
    )
    assert set(plan.to_extract) == {ContentKey("s1", "docx"), ContentKey("s1", "")}


def test_unreadable_records_are_never_sent_to_extraction():
    bad = record("A/link.pdf", "", problems=(Problem("unsupported", "symlink"),))
    assert plan_run([bad], previous={}, known=set()).to_extract == {}


def test_name_problems_are_stripped_from_shared_content():
    status, problems = content_outcome(Status.FAILED, (Problem("wrong_extension", "x"),))
    assert (status, problems) == (Status.OK, ())


def test_misnamed_content_fails_on_that_path_only():
    jpeg = StoredContent("jpeg", Status.OK, ())
    assert file_outcome(record("A/foto.jpg", "s", ext="jpg"), jpeg)[1] is Status.OK
    fmt, status, problems = file_outcome(record("A/foto.pdf", "s", ext="pdf"), jpeg)
    assert (fmt, status, problems[0].code) == ("jpeg", Status.FAILED, "wrong_extension")


def test_record_problems_decide_the_status_before_content():
    link = record("A/l.pdf", "", problems=(Problem("unsupported", "symlink"),))
    vanished = record("A/v.pdf", "", problems=(Problem("io_error", "hilang"),))
    assert file_outcome(link, None)[1] is Status.UNSUPPORTED
    assert file_outcome(vanished, None)[1] is Status.FAILED


def test_a_file_whose_extraction_is_missing_is_reported_not_hidden():
    fmt, status, problems = file_outcome(record("A/x.pdf", "s"), None)
    assert status is Status.FAILED and problems
