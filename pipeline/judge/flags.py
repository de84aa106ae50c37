"""Weak-evidence flags, each with an explanation that tells the admin what to do (Bahasa Indonesia).

Per-document flags need only the document; `duplicate` and `superseded` compare
documents in the folder. Thresholds come from `rules/common.yaml`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from rapidfuzz import fuzz

from pipeline.judge.facts import Facts, same_region
from pipeline.model import Flag
from pipeline.rules import Common

_WORD = re.compile(r"[a-z]{3,}")
_VOWEL = re.compile(r"[aeiou]")
SIGNATURE_CHARS = 4000  # near-duplicate comparison looks at the start of the text
LENGTH_RATIO = 0.7  # documents whose text lengths differ more than this are never near-duplicates
SKETCH_SIZE = 32  # bottom-k shingle hashes kept per document for near-duplicate candidates
SHINGLE_WORDS = 3
# A shingle hash found in more documents than this is boilerplate and makes no candidates.
COMMON_SHINGLE_MIN = 64
COMMON_SHINGLE_SHARE = 0.05
CANDIDATE_SHARE = 0.25  # share of bottom-k shingle hashes two texts must have in common to be compared


def real_words(normalised: str) -> int:
    return sum(1 for w in _WORD.findall(normalised) if _VOWEL.search(w))


def draft(facts: Facts, common: Common) -> Flag | None:
    if facts.signed is not False:
        return None
    seen = ", ".join(facts.draft_markers) or "tanda rancangan"
    return Flag(
        "draft",
        f"Dokumen masih rancangan ({seen}). Rancangan hanya mendukung tingkat 1. "
        "Unggah versi yang telah ditetapkan, bernomor, bertanggal dan ditandatangani.",
    )


def other_region(facts: Facts, region: str | None) -> Flag | None:
    if not region:
        return None
    named = [r for r in dict.fromkeys((facts.region, *facts.regions_named)) if r]
    foreign = [r for r in named if not same_region(r, region)]
    if not foreign:
        return None
    return Flag(
        "other_region",
        f"Dokumen diterbitkan oleh atau masih menyebut {', '.join(foreign)}, bukan {region}. "
        "Asesor tidak menerimanya sebagai eviden; ganti dengan dokumen milik "
        f"{region} sendiri atau perbaiki nama daerah lalu tetapkan ulang.",
    )


def stale(facts: Facts, year: int, common: Common) -> Flag | None:
    if facts.doc_type not in common.activity_types:
        return None
    years = [y for y in (*facts.period_years, facts.year) if y]
    if not years:
        return None
    newest = max(years)
    limit = common.thresholds.stale_years
    if newest >= year - limit:
        return None
    return Flag(
        "stale",
        f"Dokumen kegiatan ini berperiode {newest}, lebih dari {limit} tahun sebelum tahun penilaian "
        f"{year}. Unggah bukti kegiatan tahun {year - limit} atau sesudahnya.",
    )


def unreadable(words: int, ocr_confidence: float | None, ocr_pages: int, common: Common) -> Flag | None:
    t = common.thresholds
    low_confidence = ocr_pages > 0 and ocr_confidence is not None and ocr_confidence < t.unreadable_min_confidence
    if not (low_confidence or words < t.unreadable_min_words):
        return None
    detail = f"{words} kata terbaca" + (f", keyakinan OCR {ocr_confidence:.0f}%" if ocr_confidence is not None else "")
    return Flag(
        "unreadable",
        f"Teks dokumen terlalu sedikit atau tidak terbaca ({detail}). Pindai ulang pada "
        "300 dpi dengan pencahayaan baik, atau unggah PDF asli yang memiliki lapisan teks.",
    )


def irrelevant() -> Flag:
    return Flag(
        "irrelevant",
        "Dokumen tidak terkait dengan indikator SPBE mana pun. Periksa apakah berkas salah "
        "unggah; jika memang eviden, pastikan judul dan isinya menyebut pokok indikatornya.",
    )


def sketch(signature: str, size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """Bottom-k hashes of word shingles: documents sharing many of them are near-duplicate candidates."""
    words = signature.split()
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return tuple(sorted(zlib.crc32(s.encode()) for s in shingles if s)[:size])


def near_duplicate_signature(normalised: str, common: Common, words: int | None = None) -> tuple[str, tuple[int, ...]]:
    """(start of the text, its sketch) for near-duplicate checks; empty when the text has too few words."""
    words = real_words(normalised) if words is None else words
    if words < common.thresholds.unreadable_min_words:
        return "", ()
    signature = normalised[:SIGNATURE_CHARS]
    return signature, sketch(signature)


def duplicate_groups(items: Sequence[tuple[str, str, str]], common: Common) -> list[list[str]]:
    """Groups of paths with the same bytes or near-same text (re-scans). items: (path, sha256, normalised text)."""
    return near_duplicate_groups(
        [(path, sha, *near_duplicate_signature(text, common)) for path, sha, text in items], common
    )


def near_duplicate_groups(items: Sequence[tuple[str, str, str, Sequence[int]]], common: Common) -> list[list[str]]:
    """Groups of paths with the same bytes or near-same text. items: (path, sha256, signature, sketch).

    Candidates are pairs sharing a quarter of their bottom-k shingle hashes (a near-duplicate
    shares most), so the folder is not compared pair by pair; each candidate is confirmed
    with a full similarity ratio of the signatures. Hashes that many documents share (a
    template's boilerplate) are left out of the counting, which keeps time and memory near
    linear; two copies still share their own wording.
    """
    parent = {path: path for path, *_ in items}

    def root(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def union(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    by_hash: dict[str, str] = {}
    for path, sha, _, _ in items:
        if sha in by_hash:
            union(path, by_hash[sha])
        else:
            by_hash[sha] = path
    texts = [(path, signature, set(hashes)) for path, _, signature, hashes in items if signature and hashes]
    buckets: dict[int, list[int]] = {}
    for index, (_, _, hashes) in enumerate(texts):
        for value in hashes:
            buckets.setdefault(value, []).append(index)
    shared: dict[tuple[int, int], int] = {}
    common_shingle = max(COMMON_SHINGLE_MIN, int(COMMON_SHINGLE_SHARE * len(texts)))
    for members in buckets.values():
        if len(members) > common_shingle:
            continue  # boilerplate ("menimbang bahwa ..."): says nothing about duplicates, costs pairs squared
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                shared[(i, j)] = shared.get((i, j), 0) + 1
    cutoff = common.thresholds.near_duplicate_similarity
    for (i, j), count in sorted(shared.items()):
        (path_a, a, hashes_a), (path_b, b, hashes_b) = texts[i], texts[j]
        if count < CANDIDATE_SHARE * min(len(hashes_a), len(hashes_b)) or root(path_a) == root(path_b):
            continue
        if min(len(a), len(b)) < LENGTH_RATIO * max(len(a), len(b)):
            continue
        if fuzz.ratio(a, b, score_cutoff=cutoff):
            union(path_a, path_b)
    groups: dict[str, list[str]] = {}
    for path, *_ in items:
        groups.setdefault(root(path), []).append(path)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def duplicate(path: str, group: list[str]) -> Flag:
    others = ", ".join(p for p in group if p != path)
    return Flag(
        "duplicate",
        f"Isi dokumen sama atau hampir sama dengan: {others}. Cukup unggah satu salinan "
        "terbaik (hasil pindai paling jelas) agar asesor tidak menilai berkas ganda.",
    )


def superseded_by(docs: Sequence[tuple[str, Facts]]) -> dict[str, str]:
    """path -> path of a later document in the folder that revokes it."""
    revokers: dict[str, str] = {}
    for path, facts in docs:
        for key in facts.revokes:
            revokers.setdefault(key, path)
    found = {}
    for path, facts in docs:
        if facts.key and facts.key in revokers and revokers[facts.key] != path:
            found[path] = revokers[facts.key]
    return found


def superseded(replacement: str) -> Flag:
    return Flag(
        "superseded",
        f"Dokumen ini telah dicabut atau diganti oleh {replacement}. Gunakan dokumen pengganti "
        "sebagai eviden dan tarik dokumen lama dari folder.",
    )
