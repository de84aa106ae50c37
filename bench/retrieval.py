"""What the official-text retrieval signal adds: precision/recall of its candidates alone, at a few thresholds,
and the links it finds that the phrases miss, on sample_docs/ and on the real documents in ../shared/real/.

    .venv/bin/python bench/retrieval.py [--thresholds 0.15,0.2,0.25,0.3] [--top-k 3] [--details]

A candidate counts as right when the labels accept the indicator for that file: sample_docs.labels.yaml
`indicators` (and `complements`, which are topical too); for the real files the README's conclusions, written
down in REAL below. Extraction (with OCR) runs once and is cached in /tmp.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.references import REAL  # noqa: E402

# ../shared/real/README.md: what a correct pipeline concludes per file (LHE reports are results, not evidence).
REAL_LABELS = {
    "perbup-batubara-81-2021-spbe-signed.pdf": set(range(1, 11)),
    "rancangan-perbup-lamongan-2021-spbe-draft.pdf": set(range(1, 11)),
    "perbup-pakpak-bharat-34-2019-rencana-induk-spbe.pdf": {1, 2, 11, 12},
    "photo-perbup-clause-arsitektur-domains.jpg": {1, 11},
}


def _pages(path: Path) -> list[str]:
    from pipeline.extract.extractor import extract

    key = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cache = Path("/tmp") / f"spbe-retrieval-{key}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = [p.text for p in extract(path).pages]
    cache.write_bytes(pickle.dumps(pages))
    return pages


def _sample_files() -> dict[Path, tuple[set[int], set[int]]]:
    labels = yaml.safe_load((ROOT / "sample_docs.labels.yaml").read_text(encoding="utf-8"))
    out = {}
    for name, label in labels["files"].items():
        if label.get("doc_type") is None or set(label.get("flags") or ()) - {"duplicate", "draft"}:
            continue  # unreadable, or flagged: such a file's labels list no indicator, whatever its topic
        right = set(label.get("indicators") or {})
        out[ROOT / "sample_docs" / name] = (right, right | set(label.get("complements") or {}))
    return out


def _real_files() -> dict[Path, tuple[set[int], set[int]]]:
    return {REAL / name: (right, right) for name, right in REAL_LABELS.items()}


def measure(
    name: str, files: dict[Path, tuple[set[int], set[int]]], thresholds: list[float], top_k: int, details: bool
) -> None:
    from pipeline.judge.analysis import analyze, analyzer_for
    from pipeline.judge.retrieval import official_candidates, official_index

    analyzer = analyzer_for(2025)
    index = official_index(analyzer.framework.id, analyzer.normalize)
    loose = replace(analyzer.common.thresholds, retrieval_min_score=0.0, retrieval_top_k=top_k)
    rows = []
    for path, (recall_set, accepted) in sorted(files.items()):
        pages = _pages(path)
        if not any(p.strip() for p in pages):
            continue
        analysis = analyze(pages, path.name, analyzer)
        phrases = {m.indicator for m in analysis.matches}
        doc_type = analysis.facts.doc_type  # an unknown type ("other") is where phrases fail most: no filter
        possible = (
            None
            if doc_type == "other"
            else {i.no for i in analyzer.framework.indicators if doc_type in i.evidence_types}
        )
        candidates = official_candidates(
            pages, analyzer.normalize, index, loose, title=analysis.facts.title, possible=possible
        )
        rows.append((path, recall_set, accepted, phrases, candidates))
    print(f"== {name}: {len(rows)} files with text")
    tp = sum(len(p & a) for _, _, a, p, _ in rows)
    fp = sum(len(p - a) for _, _, a, p, _ in rows)
    fn = sum(len(r - p) for _, r, _, p, _ in rows)
    print(
        f"phrases alone          precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})"
    )
    for threshold in thresholds:
        kept = [(r, a, p, {c.indicator for c in cs if c.score >= threshold}) for _, r, a, p, cs in rows]
        tp = sum(len(c & a) for r, a, p, c in kept)
        fp = sum(len(c - a) for r, a, p, c in kept)
        fn = sum(len(r - c) for r, a, p, c in kept)
        new = sum(len((c & a) - p) for r, a, p, c in kept)
        new_wrong = sum(len(c - a - p) for r, a, p, c in kept)
        both_tp = sum(len((c | p) & a) for r, a, p, c in kept)
        both_fp = sum(len((c | p) - a) for r, a, p, c in kept)
        both_fn = sum(len(r - c - p) for r, a, p, c in kept)
        print(
            f"retrieval >= {threshold:.2f} top{top_k}  precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
            f" (tp {tp}, fp {fp}) | adds {new} right, {new_wrong} wrong links the phrases missed"
            f" | phrases+retrieval precision {both_tp / max(1, both_tp + both_fp):.3f}"
            f" recall {both_tp / max(1, both_tp + both_fn):.3f}"
        )
    if details:
        for path, _, accepted, phrases, candidates in rows:
            shown = ", ".join(
                f"{c.indicator}{'' if c.indicator in accepted else '✗'}:{c.score:.2f}" for c in candidates
            )
            print(f"  {path.name[:55]:55} labels {sorted(accepted)} phrases {sorted(phrases)} retrieval {shown}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default="0.10,0.15,0.20,0.25,0.30,0.35")
    parser.add_argument("--top-k", type=int, default=3)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    measure("sample_docs", _sample_files(), thresholds, args.top_k, args.details)
    measure("real (../shared/real)", _real_files(), thresholds, args.top_k, args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
