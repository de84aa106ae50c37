"""The upload package: per indicator, copies of the files that validly support it, named as the Pedoman's
examples name evidence (`<indicator>.<letter>.<name>`, e.g. "35.a.screenshot LPSE.jpg", "1.a.Perwali-12-2023.pdf";
Pedoman MenPANRB 3/2024 Bab III B, reference §5.5), with an index sheet to paste from.

`plan_package` is pure (the export and the penjelasan drafts in, a plan out); `write_package` copies. The
evidence folder is only read: files are copied, never moved, and a source outside the evidence root or a
symbolic link is left out. Flagged files (draft, other region, stale, superseded, unreadable, duplicate,
personal data not yet redacted) are left out and listed with the reason, so the OPD can fix them first.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.outputs.labels import flag_label

INDEX_NAME = "indeks-unggah.xlsx"
_SAFE = re.compile(r"[^\w.\- ()]+")
# A name already filed the Pedoman's way ("1.a.", "12.", "1.R-"): the prefix goes, the package names it anew.
_FILED = re.compile(r"^\s*\d{1,2}\.(?:[a-z]{1,2}\.|r-)?", re.I)


class PackageError(Exception):
    """The package cannot be written where asked (the message is for the admin)."""


@dataclass(frozen=True)
class Packed:
    indicator: int
    source: str  # path relative to the evidence root, as stored
    name: str  # the file name in the package


@dataclass(frozen=True)
class LeftOut:
    source: str  # as shown (NIK/NIP in names redacted)
    indicators: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class IndexRow:
    indicator: int
    name: str
    claimed: int | None
    supported: int
    justification: str
    files: tuple[str, ...]
    sources: tuple[str, ...] = ()  # the same files as named in the evidence folder (shown form)


@dataclass(frozen=True)
class PackagePlan:
    files: tuple[Packed, ...]
    left_out: tuple[LeftOut, ...]
    rows: tuple[IndexRow, ...]


def letter(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the Pedoman's a, b, c per indicator, past z if a folder needs it."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def package_name(indicator: int, index: int, shown_name: str) -> str:
    """'<indicator>.<letter>.<name>': a name already filed under this indicator loses its old prefix."""
    name = _FILED.sub("", shown_name)
    name = _SAFE.sub("_", name).strip(" .") or "berkas"
    return f"{indicator}.{letter(index)}.{name}"


def _reason(doc: Mapping[str, Any], leave_out: frozenset[str]) -> str:
    codes = [c for c in doc.get("flags") or [] if c in leave_out or not doc.get("counts_as_evidence")]
    return ", ".join(flag_label(c) for c in dict.fromkeys(codes)) or "tidak mendukung tingkat mana pun"


def plan_package(
    export: Mapping[str, Any],
    justifications: Mapping[int, str],
    source_of: Callable[[Mapping[str, Any]], str],
    leave_out: frozenset[str] = frozenset({"draft", "personal_data"}),
) -> PackagePlan:
    """What goes where. `source_of(document)` gives a document's stored path (the export may redact it)."""
    documents = {d["path"]: d for d in export.get("documents") or []}
    files: list[Packed] = []
    rows: list[IndexRow] = []
    packed_paths: set[str] = set()
    copies: dict[str, str] = {}  # a copy not packed again -> the packed file it is a copy of
    for ind in export.get("indicators") or []:
        names: list[str] = []
        shown: list[str] = []
        keys: list[set[tuple]] = []
        seen: set[tuple] = set()
        for path in ind.get("evidence") or []:
            doc = documents.get(path)
            if doc is None or set(doc.get("flags") or []) & leave_out or not doc.get("counts_as_evidence"):
                continue
            # copies filed under several folders, and a re-scan of the same regulation, go in once
            same = {(doc.get("sha256"),), (doc.get("doc_type"), doc.get("number"), doc.get("year"))}
            if seen & same:
                copies.setdefault(path, next(n for n, k in zip(names, keys) if k & same))
                continue
            keys.append(same)
            seen |= {s for s in same if s[0] is not None and (len(s) == 1 or doc.get("number"))}
            name = package_name(ind["no"], len(names), PurePosixPath(path).name)
            files.append(Packed(ind["no"], source_of(doc), name))
            names.append(name)
            shown.append(path)
            packed_paths.add(path)
        rows.append(
            IndexRow(
                ind["no"],
                ind.get("name") or "",
                ind.get("claimed_level"),
                ind.get("evidence_level") or 0,
                justifications.get(ind["no"], ""),
                tuple(names),
                tuple(shown),
            )
        )
    left = [
        LeftOut(
            path,
            tuple(sorted({m["no"] for m in (doc.get("indicators") or []) + (doc.get("candidate_indicators") or [])})),
            f"salinan dari {copies[path]} yang sudah disertakan" if path in copies else _reason(doc, leave_out),
        )
        for path, doc in documents.items()
        if path not in packed_paths and (doc.get("flags") or path in copies)
    ]
    return PackagePlan(tuple(files), tuple(left), tuple(rows))


def _inside(root: Path, relative: str) -> Path | None:
    """The source file, or None when it is not a regular file under the root (a link, gone, escaping)."""
    path = root / relative
    try:
        if path.is_symlink() or not path.is_file():
            return None
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError):
        return None
    return path


def _index_workbook(plan: PackagePlan, missing: list[LeftOut], target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Indeks"
    sheet.append(
        [
            "Indikator",
            "Nama indikator",
            "Tingkat klaim",
            "Tingkat didukung eviden",
            "Penjelasan (draf)",
            "Berkas",
            "Berkas asal (folder eviden)",
        ]
    )
    for r in plan.rows:
        files, sources = "\n".join(r.files), "\n".join(r.sources)
        sheet.append([r.indicator, r.name, r.claimed, r.supported, r.justification, files, sources])
    left = book.create_sheet("Tidak disertakan")
    left.append(["Berkas", "Indikator", "Alasan"])
    for item in (*plan.left_out, *missing):
        left.append([item.source, ", ".join(map(str, item.indicators)), item.reason])
    for ws, widths in ((sheet, (10, 50, 12, 14, 100, 50, 60)), (left, (60, 16, 60))):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column, width in zip("ABCDEFG", widths):
            ws.column_dimensions[column].width = width
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(target)


def _check_target(out: Path, root: Path) -> None:
    try:
        out.resolve().relative_to(root.resolve())
    except ValueError:
        pass
    else:
        raise PackageError(f"Tujuan {out} berada di dalam folder eviden; pilih folder lain agar eviden tidak berubah.")
    if out.suffix.lower() != ".zip" and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PackageError(f"Folder tujuan {out} sudah ada dan tidak kosong; pilih folder baru.")


def write_package(plan: PackagePlan, root: Path, out: Path) -> tuple[int, int]:
    """Copy the planned files under `out` (a folder, or a .zip file) with the index sheet.
    Returns (files copied, files left out). Written to a temporary place first: a failed package leaves
    nothing half-written."""
    _check_target(out, root)
    out.parent.mkdir(parents=True, exist_ok=True)
    missing: list[LeftOut] = []
    with tempfile.TemporaryDirectory(prefix=".spbe-package-", dir=out.parent) as tmp:
        stage = Path(tmp) / "paket"
        stage.mkdir()
        copied = 0
        for item in plan.files:
            source = _inside(root, item.source)
            if source is None:
                missing.append(LeftOut(item.name, (item.indicator,), "berkas tidak ada lagi di folder eviden"))
                continue
            folder = stage / f"Indikator {item.indicator:02d}"
            folder.mkdir(exist_ok=True)
            shutil.copyfile(source, folder / item.name)
            copied += 1
        _index_workbook(plan, missing, stage / INDEX_NAME)
        if out.suffix.lower() == ".zip":
            partial = Path(tmp) / "paket.zip"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for file in sorted(stage.rglob("*")):
                    if file.is_file():
                        archive.write(file, file.relative_to(stage).as_posix())
            os.replace(partial, out)
        else:
            if out.exists():
                out.rmdir()  # empty (checked above)
            os.replace(stage, out)
    return copied, len(plan.left_out) + len(missing)


def package_from_db(con: Any, out: Path) -> tuple[int, int]:
    """The package of the latest completed run (the one exports and reports show)."""
    from pipeline.outputs.export import build_export, latest_run
    from pipeline.outputs.justification import drafts
    from pipeline.privacy.personal_data import redact_name, shipped_rules
    from pipeline.rules import framework_for_year, load_common

    run = latest_run(con)
    if run is None:
        raise PackageError("Belum ada run yang selesai di basis data ini; jalankan `spbe run` terlebih dahulu.")
    export = build_export(con)
    year = run["assessment_year"] or datetime.now().year
    justifications = {i["no"]: i["justification"] for i in export["indicators"] if i.get("justification")} or drafts(
        export, framework_for_year(year), load_common()
    )
    rules = shipped_rules()
    stored = {
        (redact_name(path, rules), sha or ""): path
        for path, sha in con.execute("SELECT path, sha256 FROM documents").fetchall()
    }
    plan = plan_package(export, justifications, lambda doc: stored.get((doc["path"], doc["sha256"] or ""), doc["path"]))
    return write_package(plan, Path(run["root"]), out)
