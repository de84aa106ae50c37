"""Write the second sample folder: python -m bench.second_sample OUT_DIR [--real DIR]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.second_sample import REAL, build, claims_path, labels_path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.second_sample", description=__doc__)
    ap.add_argument("out_dir", type=Path, help="folder to write (missing or empty)")
    ap.add_argument("--real", type=Path, default=REAL, help="../shared/real (its Pakpak Bharat Perbup is copied in)")
    args = ap.parse_args(argv)
    target = build(args.out_dir, args.real)
    n = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"wrote {n} files to {target}, labels to {labels_path(target)}, claims to {claims_path(target)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
