"""The upload package: per indicator, copies of the files that validly support it, named the Pedoman's way."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.outputs.package import PackageError, letter, package_name, plan_package, write_package


def doc(path: str, *, flags=(), counts=True, no=1, level=2, sha=None, number=None) -> dict:
    return {
        "path": path,
        "sha256": sha or path,
        "doc_type": "perwali",
        "number": number,
        "year": 2024,
        "flags": list(flags),
        "counts_as_evidence": counts,
        "indicators": [{"no": no, "level": level}] if counts else [],
        "candidate_indicators": [] if counts else [{"no": no, "level": None}],
    }


def export(*docs: dict, evidence: dict[int, list[str]]) -> dict:
    indicators = [
        {"no": no, "name": f"Indikator {no}", "claimed_level": 3, "evidence_level": 2, "evidence": paths}
        for no, paths in evidence.items()
    ]
    return {"documents": list(docs), "indicators": indicators}


def plan(payload: dict):
    return plan_package(payload, {1: "FAKTA: …", 35: "FAKTA: …"}, lambda d: d["path"])


def test_files_are_named_indicator_letter_name_and_an_old_prefix_goes():
    assert package_name(1, 0, "Perwali-12-2023.pdf") == "1.a.Perwali-12-2023.pdf"
    assert package_name(35, 1, "screenshot LPSE.jpg") == "35.b.screenshot LPSE.jpg"
    assert package_name(12, 0, "3.Peta_Rencana_SPBE.pdf") == "12.a.Peta_Rencana_SPBE.pdf"
    assert package_name(1, 0, "1.R-Pergub-Arsitektur.pdf") == "1.a.Pergub-Arsitektur.pdf"
    assert [letter(n) for n in (0, 25, 26)] == ["a", "z", "aa"]


def test_flagged_files_are_left_out_with_the_reason():
    payload = export(
        doc("a/perwali.pdf"),
        doc("a/rancangan.pdf", flags=["draft"], level=1),
        doc("a/pribadi.pdf", flags=["personal_data"]),
        doc("b/lain.pdf", flags=["other_region"], counts=False),
        evidence={1: ["a/perwali.pdf", "a/rancangan.pdf", "a/pribadi.pdf"]},
    )
    result = plan(payload)
    assert [f.name for f in result.files] == ["1.a.perwali.pdf"]
    reasons = {item.source: item.reason for item in result.left_out}
    assert reasons == {
        "a/rancangan.pdf": "Masih rancangan",
        "a/pribadi.pdf": "Memuat data pribadi",
        "b/lain.pdf": "Milik daerah lain",
    }


def test_copies_of_one_document_filed_for_one_indicator_go_in_once():
    payload = export(
        doc("a/1.a.Perwali-15.pdf", sha="s", number="15", flags=["duplicate"]),
        doc("b/Perwali 15.pdf", sha="s", number="15", flags=["duplicate"]),
        evidence={1: ["a/1.a.Perwali-15.pdf", "b/Perwali 15.pdf"]},
    )
    result = plan(payload)
    assert [f.name for f in result.files] == ["1.a.Perwali-15.pdf"]
    assert "sudah disertakan" in result.left_out[0].reason


def write_evidence(root: Path, names: list[str]) -> dict[str, str]:
    hashes = {}
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode() * 10)
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def test_the_package_copies_and_never_changes_the_evidence_folder(tmp_path):
    root = tmp_path / "eviden"
    before = write_evidence(root, ["a/perwali.pdf", "a/lpse.jpg"])
    mtimes = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    payload = export(
        doc("a/perwali.pdf"), doc("a/lpse.jpg", no=35), evidence={1: ["a/perwali.pdf"], 35: ["a/lpse.jpg"]}
    )
    copied, left = write_package(plan(payload), root, tmp_path / "paket")
    assert (copied, left) == (2, 0)
    assert (tmp_path / "paket" / "Indikator 35" / "35.a.lpse.jpg").read_bytes() == (root / "a/lpse.jpg").read_bytes()
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == mtimes
    assert {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    } == before


def test_the_index_sheet_lists_indicator_levels_penjelasan_and_files(tmp_path):
    root = tmp_path / "eviden"
    write_evidence(root, ["a/perwali.pdf"])
    payload = export(doc("a/perwali.pdf"), evidence={1: ["a/perwali.pdf"]})
    write_package(plan(payload), root, tmp_path / "paket")
    rows = list(load_workbook(tmp_path / "paket" / "indeks-unggah.xlsx")["Indeks"].values)
    assert rows[1][:6] == (1, "Indikator 1", 3, 2, "FAKTA: …", "1.a.perwali.pdf")


def test_a_zip_package_holds_the_same_files(tmp_path):
    root = tmp_path / "eviden"
    write_evidence(root, ["a/perwali.pdf"])
    payload = export(doc("a/perwali.pdf"), evidence={1: ["a/perwali.pdf"]})
    write_package(plan(payload), root, tmp_path / "paket.zip")
    names = zipfile.ZipFile(tmp_path / "paket.zip").namelist()
    assert sorted(names) == ["Indikator 01/1.a.perwali.pdf", "indeks-unggah.xlsx"]


def test_a_symbolic_link_or_a_vanished_file_is_left_out_not_followed(tmp_path):
    root = tmp_path / "eviden"
    write_evidence(root, ["a/ada.pdf"])
    (tmp_path / "rahasia.pdf").write_bytes(b"secret")
    (root / "a" / "tautan.pdf").symlink_to(tmp_path / "rahasia.pdf")
    payload = export(
        doc("a/ada.pdf"),
        doc("a/tautan.pdf"),
        doc("a/hilang.pdf"),
        evidence={1: ["a/ada.pdf", "a/tautan.pdf", "a/hilang.pdf"]},
    )
    copied, left = write_package(plan(payload), root, tmp_path / "paket")
    assert (copied, left) == (1, 2)
    assert sorted(p.name for p in (tmp_path / "paket" / "Indikator 01").iterdir()) == ["1.a.ada.pdf"]


def test_a_package_inside_the_evidence_folder_or_over_a_full_folder_is_refused(tmp_path):
    root = tmp_path / "eviden"
    write_evidence(root, ["a/perwali.pdf"])
    payload = export(doc("a/perwali.pdf"), evidence={1: ["a/perwali.pdf"]})
    with pytest.raises(PackageError, match="di dalam folder eviden"):
        write_package(plan(payload), root, root / "paket")
    (tmp_path / "penuh").mkdir()
    (tmp_path / "penuh" / "x").write_text("x")
    with pytest.raises(PackageError, match="tidak kosong"):
        write_package(plan(payload), root, tmp_path / "penuh")
    assert not (root / "paket").exists()
