"""The self-assessment (penilaian mandiri): CSV or XLSX with columns indikator,level,penjelasan,eviden."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

REQUIRED = ("indikator", "level")


class ClaimsError(ValueError):
    """The claims file cannot be used; the message is for the admin (Bahasa Indonesia)."""


@dataclass(frozen=True)
class Claim:
    indicator: int
    level: int
    explanation: str
    evidence: tuple[str, ...]  # cited file names as written


def _rows_from_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t") if text.strip() else csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def _rows_from_xlsx(path: Path) -> list[dict[str, str]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        return []
    header = [str(h or "").strip() for h in rows[0]]
    return [
        {header[i]: ("" if v is None else str(v)) for i, v in enumerate(row) if i < len(header)} for row in rows[1:]
    ]


def read_claims(path: Path) -> dict[int, Claim]:
    rows = _rows_from_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _rows_from_csv(path)
    claims: dict[int, Claim] = {}
    for number, row in enumerate(rows, start=2):
        row = {str(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not any(row.values()):
            continue
        missing = [c for c in REQUIRED if c not in row]
        if missing:
            raise ClaimsError(
                f"Kolom {', '.join(missing)} tidak ada di {path.name} (harus: indikator,level,penjelasan,eviden)"
            )
        try:
            indicator, level = int(float(row["indikator"])), int(float(row["level"]))
        except ValueError as exc:
            raise ClaimsError(f"{path.name} baris {number}: indikator dan level harus angka") from exc
        if not 1 <= level <= 5:
            raise ClaimsError(f"{path.name} baris {number}: level {level} di luar 1-5")
        evidence = tuple(e.strip() for e in row.get("eviden", "").split(";") if e.strip())
        claims[indicator] = Claim(indicator, level, row.get("penjelasan", ""), evidence)
    return claims
