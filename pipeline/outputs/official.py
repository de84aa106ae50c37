"""Official results beside the evidence: the export fields and the report's comparison.

    add_official(con, export)            the export's additions: indicators[].official_level and
                                         official_history, index.official*, official_history, official_note
    official_comparison(export, fw)      pure: export -> what the report shows side by side, and the
                                         indicators whose evidence now supports less than the latest LHE

Which LHEs count: those of the run's government (`--region`, compared folded: "Pemerintah Kota X" is
"Kota X"). Without a region, or when none is the region's, those of the government of the newest stored
LHE - shown, not hidden, but with `official_note` saying that they are another government's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from pipeline.official.lhe import KIND_LABELS, government_key
from pipeline.privacy.personal_data import redact_name, shipped_rules
from pipeline.rules import Framework
from pipeline.store.official import StoredOfficial, official_results

# --- export --------------------------------------------------------------------------------------


def select_official(results: list[StoredOfficial], region: str | None) -> tuple[list[StoredOfficial], str | None]:
    """The results to show beside this folder (oldest year first), and a warning when they may not be its own:
    the run's government when it has any; otherwise the government of the newest LHE, with a note."""
    if not results:
        return [], None
    if region:
        own = [r for r in results if r.government_key == government_key(region)]
        if own:
            return own, None
    newest = max(results, key=lambda r: (r.year, r.read_at))
    shown = [r for r in results if r.government_key == newest.government_key]
    others = sorted({r.government for r in results} - {newest.government})
    notes = []
    if region:
        notes.append(
            f"LHE yang tersimpan milik {newest.government}, bukan {region} (pemerintah daerah run ini); "
            "periksa --region atau berkas LHE yang dimuat sebelum membandingkannya dengan eviden."
        )
    if others:
        notes.append(f"LHE {', '.join(others)} juga tersimpan; yang ditampilkan milik {newest.government}.")
    return shown, " ".join(notes) or None


def _history_entry(result: StoredOfficial, rules) -> dict[str, Any]:
    return {
        "year": result.year,
        "kind": result.kind,
        "government": result.government,
        "index": round(result.index, 2),
        "predicate": result.predicate,
        "framework": result.framework,
        "source_name": redact_name(result.source_name, rules),
        "source_sha256": result.source_sha256,
        "read_at": result.read_at.isoformat(timespec="seconds"),
        "levels": [{"no": no, "level": lv, "page": result.pages.get(no)} for no, lv in sorted(result.levels.items())],
    }


def add_official(con: duckdb.DuckDBPyConnection, export: dict[str, Any]) -> None:
    """Add the official results to an export built by `build_export` (additions to spbe-evidence/1)."""
    chosen, note = select_official(official_results(con), export.get("region"))
    latest = chosen[-1] if chosen else None
    rules = shipped_rules()
    for item in export["indicators"]:
        no = item["no"]
        item["official_level"] = latest.levels.get(no) if latest else None
        item["official_history"] = [
            {"year": r.year, "kind": r.kind, "level": r.levels.get(no)} for r in chosen if no in r.levels
        ]
    export["index"].update(
        official=round(latest.index, 2) if latest else None,
        official_predicate=latest.predicate if latest else None,
        official_year=latest.year if latest else None,
        official_kind=latest.kind if latest else None,
        official_government=latest.government if latest else None,
    )
    export["official_history"] = [_history_entry(r, rules) for r in chosen]
    export["official_note"] = note


# --- report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialYear:
    year: int
    kind: str
    index: float
    predicate: str
    source_name: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def result_label(self) -> str:
        """ "hasil evaluasi resmi 2024" / "hasil pemantauan resmi 2022" """
        return f"hasil {self.kind_label.lower()} resmi {self.year}"


@dataclass(frozen=True)
class OfficialIndicator:
    no: int
    name: str
    history: tuple[int | None, ...]  # one per OfficialComparison.years
    official: int | None  # the latest LHE's level
    claimed: int | None
    evidence: int  # what the folder's valid evidence supports now (0 = nothing valid)
    supported: int  # evidence with the framework's floor (level 1 needs no evidence)
    weight: float

    @property
    def lower(self) -> bool:
        return self.official is not None and self.supported < self.official

    @property
    def points(self) -> float:
        """Index points the drop from the official level costs (weight × levels ÷ 100)."""
        if self.official is None or self.supported >= self.official:
            return 0.0
        return round(self.weight * (self.official - self.supported) / 100, 3)

    @property
    def relation(self) -> str:
        if self.official is None:
            return "belum ada hasil resmi"
        if self.supported < self.official:
            return "eviden lebih rendah"
        return "eviden lebih tinggi" if self.supported > self.official else "sama"


@dataclass(frozen=True)
class OfficialComparison:
    government: str | None
    years: tuple[OfficialYear, ...]  # oldest first
    indicators: tuple[OfficialIndicator, ...]
    claimed_index: float | None
    claimed_predicate: str | None
    evidence_index: float | None
    evidence_predicate: str | None
    note: str | None

    @property
    def latest(self) -> OfficialYear | None:
        return self.years[-1] if self.years else None

    @property
    def lower(self) -> tuple[OfficialIndicator, ...]:
        """Indicators whose evidence now supports less than the latest LHE, costliest first."""
        return tuple(sorted((i for i in self.indicators if i.lower), key=lambda i: (-i.points, i.no)))

    @property
    def index_lower(self) -> bool:
        latest = self.latest
        return latest is not None and self.evidence_index is not None and self.evidence_index < latest.index


def official_comparison(export: dict[str, Any], framework: Framework) -> OfficialComparison | None:
    """Official, claimed and evidence-supported side by side; None when no LHE is stored at all."""
    history = export.get("official_history") or []
    note = export.get("official_note")
    if not history and not note:
        return None
    years = tuple(
        OfficialYear(h["year"], h["kind"], h["index"], h["predicate"], h.get("source_name") or "") for h in history
    )
    weights = {i.no: i.weight for i in framework.indicators}
    rows = []
    for item in export["indicators"]:
        by_year = {h["year"]: h["level"] for h in item.get("official_history") or []}
        evidence = int(item.get("evidence_level") or 0)
        rows.append(
            OfficialIndicator(
                no=item["no"],
                name=item.get("name") or "",
                history=tuple(by_year.get(y.year) for y in years),
                official=item.get("official_level"),
                claimed=item.get("claimed_level"),
                evidence=evidence,
                supported=max(evidence, framework.level_floor),
                weight=weights.get(item["no"], 0.0),
            )
        )
    index = export["index"]
    return OfficialComparison(
        government=index.get("official_government"),
        years=years,
        indicators=tuple(rows),
        claimed_index=index.get("claimed"),
        claimed_predicate=index.get("claimed_predicate"),
        evidence_index=index.get("evidence"),
        evidence_predicate=index.get("evidence_predicate"),
        note=note,
    )


def official_sheet(comparison: OfficialComparison) -> tuple[tuple[tuple[str, int], ...], list[list]]:
    """Columns and rows of the workbook's "Hasil Resmi" sheet: the index first, then every indicator."""
    columns = (
        ("No", 6),
        ("Indikator", 48),
        *((f"Resmi {y.year} ({y.kind_label.lower()})", 14) for y in comparison.years),
        ("Klaim", 8),
        ("Didukung eviden", 10),
        ("Dibanding resmi terakhir", 22),
    )
    index_row = ["", "Indeks SPBE", *(y.index for y in comparison.years), comparison.claimed_index,
                 comparison.evidence_index, "eviden lebih rendah" if comparison.index_lower else ""]  # fmt: skip
    rows = [[i.no, i.name, *i.history, i.claimed, i.evidence, i.relation] for i in comparison.indicators]
    return columns, [index_row, *rows]
