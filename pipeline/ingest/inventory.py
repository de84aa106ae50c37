"""Decide what a run must extract, and each file's final status.

Extraction results are keyed by content (SHA-256 + extractor version), so a
file that was renamed, copied to another OPD or left untouched costs nothing.
Whether the *name* fits the content is decided here, per path, because two
byte-identical files can carry different extensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.detect import claimed_format, expected_formats, short_name
from pipeline.extract.errors import wrong_extension
from pipeline.model import ContentKey, FileRecord, FileRow, Problem, Status, StoredContent

# Problem codes that belong to the file name, not to the content.
NAME_PROBLEMS = frozenset({"wrong_extension"})
# Record-level problems (from discovery) and the status they give.
RECORD_STATUS = {"unsupported": Status.UNSUPPORTED}


@dataclass
class Plan:
    records: list[FileRecord]
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    to_extract: dict[ContentKey, FileRecord] = field(default_factory=dict)  # one file per unknown content


def content_key(record: FileRecord) -> ContentKey:
    return ContentKey(record.sha256, claimed_format(record.extension) or "")


def plan_run(records: list[FileRecord], previous: dict[str, tuple], known: set[ContentKey]) -> Plan:
    """Sort files into new/changed/unchanged and pick one path per unknown content."""
    plan = Plan(records=records)
    seen = set()
    for record in records:
        seen.add(record.path)
        before = previous.get(record.path)
        if before is None:
            plan.new.append(record.path)
        elif before[0] != record.sha256:
            plan.changed.append(record.path)
        else:
            plan.unchanged.append(record.path)
        key = content_key(record)
        if record.sha256 and not record.problems and key not in known:
            plan.to_extract.setdefault(key, record)
    plan.removed = sorted(set(previous) - seen)
    return plan


def content_outcome(status: Status, problems: tuple[Problem, ...]) -> tuple[Status, tuple[Problem, ...]]:
    """Strip name-dependent problems from an extraction so it can be shared by every path with that content."""
    kept = tuple(p for p in problems if p.code not in NAME_PROBLEMS)
    if status is Status.FAILED and not kept:
        status = Status.OK
    return status, kept


def file_outcome(record: FileRecord, content: StoredContent | None) -> tuple[str, Status, tuple[Problem, ...]]:
    """Final (format, status, problems) of one path: record problems, then name, then content."""
    if record.problems:
        status = RECORD_STATUS.get(record.problems[0].code, Status.FAILED)
        return "unknown", status, record.problems
    if content is None:  # extraction was lost (should not happen; never hide it)
        return (
            "unknown",
            Status.FAILED,
            (
                Problem(
                    "corrupt",
                    "Berkas belum berhasil diproses pada run ini. Jalankan ulang pemeriksaan.",
                    "no extraction stored",
                ),
            ),
        )
    # a reading stored as it came (with the name problems of the path it was read at) is shared by every path
    status, problems = content_outcome(content.status, content.problems)
    if content.format != "unknown" and content.format not in expected_formats(record.extension):
        problems = (*problems, wrong_extension(record.extension, short_name(content.format)))
        if status is Status.OK:
            status = Status.FAILED
    return content.format, status, problems


def file_rows(
    plan: Plan, contents: dict[ContentKey, StoredContent], previous: dict[str, tuple], *, version: str, run_id: int
) -> list[FileRow]:
    rows = []
    for record in plan.records:
        key = content_key(record)
        fmt, status, problems = file_outcome(record, contents.get(key))
        before = previous.get(record.path)
        first_seen = before[1] if before else run_id
        changed = before[2] if before and before[0] == record.sha256 else run_id
        rows.append(FileRow(record, key.name_class, version, fmt, status, problems, first_seen, changed))
    return rows
