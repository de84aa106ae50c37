"""Weak-evidence flags, each with an explanation that tells the admin what to do (Bahasa Indonesia).

Per-document flags need only the document; `duplicate` and `superseded` compare
documents in the folder. Thresholds come from `rules/common.yaml`.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from rapidfuzz import fuzz

from pipeline.judge.facts import Facts
from pipeline.judge.regions import (
    HEAD,
    INSTANSI,
    Configured,
    ForeignIssuer,
    Government,
    configured_government,
    foreign_issuer,
)
from pipeline.model import Flag
from pipeline.privacy.personal_data import page_list
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
    """Another government than the configured one issued the document (letterhead, title, signature, gazette;
    `pipeline.judge.regions`). A mere mention, the own province, an OCR variant of the own name and browser
    chrome are not reasons."""
    if not region:
        return None
    own = configured_government(region)
    found = foreign_issuer(facts.issuers, facts.signatories, own)
    return Flag("other_region", _other_region_message(found, own)) if found else None


def _issuer_named(issuer: Government) -> str:
    """The issuer as the message names it: 'Kementerian Komunikasi dan Digital (instansi pusat; tertulis …)'."""
    notes = ["instansi pusat"] if issuer.kind == INSTANSI else []
    if not issuer.listed:
        notes.append("nama ini tidak ada dalam daftar wilayah Kemendagri; periksa apakah salah baca")
    if issuer.read_as:
        notes.append(f'tertulis "{issuer.read_as}"' + (", nama lama" if issuer.former else ""))
    return f"{issuer.name} ({'; '.join(notes)})" if notes else issuer.name


def _other_region_message(found: ForeignIssuer, own: Configured) -> str:
    issuer, named = found.issuer, _issuer_named(found.issuer)
    where = "kop dan judul dokumen" if found.where == HEAD else "blok tanda tangan atau berita daerah"
    if found.own_in_head is not None:
        text = (
            f"Judul dokumen menyebut {found.own_in_head.name}, tetapi {where} menyebut {named}: "
            f"dokumen ini tampaknya disalin dari {issuer.name}."
        )
    else:
        text = f"Dokumen diterbitkan oleh {named} menurut {where}, bukan {own.name}."
    if found.also:
        text += f" Di tempat yang sama juga tertulis {', '.join(g.name for g in found.also)}."
    if any(g.kind == "provinsi" and issuer.province == g.key for g in own.governments):
        text += f" {issuer.name} berada di wilayah {own.name}, tetapi merupakan pemerintah daerah tersendiri."
    if own.ambiguous:
        choices = " atau ".join(g.name for g in own.governments)
        text += f' Catatan: --region "{own.raw}" dapat berarti {choices}; tuliskan lengkap, mis. "{own.governments[0].name}".'
    ours_central = any(g.kind == INSTANSI for g in own.governments)
    if issuer.kind == INSTANSI and not ours_central and all(g.kind == INSTANSI for g in found.also):
        return text + (
            f" Dokumen instansi pusat adalah acuan, bukan eviden milik {own.name}; "
            f"unggah kebijakan atau dokumen yang ditetapkan {own.name} sendiri."
        )
    return text + (
        f" Asesor tidak menerimanya sebagai eviden; ganti dengan dokumen milik {own.name} sendiri "
        f"atau perbaiki nama {'instansi' if ours_central else 'daerah'} lalu tetapkan ulang."
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


@dataclass(frozen=True)
class OcrPage:
    """A page that needed OCR, as extraction read it: its number, the characters read, the mean word confidence."""

    number: int
    chars: int
    confidence: float | None  # None when OCR recognised no word


def unreadable(
    words: int,
    ocr_confidence: float | None,
    ocr_pages: int,
    common: Common,
    *,
    pages: int | None = None,
    ocr: Sequence[OcrPage] | None = None,
) -> Flag | None:
    """Too little text in the whole document, or a document made mostly of pages OCR could not read.

    With `ocr` (the pages that needed OCR, one by one), a page is unreadable when OCR gave it fewer than
    `unreadable_min_page_chars` characters or a mean word confidence below `unreadable_min_confidence`;
    such pages make the document unreadable when they are at least `unreadable_page_share` of its
    `pages`, so a long text-layer document with a few photos or empty pages stays readable. Without
    per-page readings the mean confidence of the `ocr_pages` stands for all of them.
    """
    t = common.thresholds
    if ocr is None:
        low = ocr_pages > 0 and ocr_confidence is not None and ocr_confidence < t.unreadable_min_confidence
        failed: list[OcrPage] = []
        failed_count, confidence = (ocr_pages if low else 0), ocr_confidence
    else:
        failed = [
            p
            for p in ocr
            if p.chars < t.unreadable_min_page_chars
            or (p.confidence is not None and p.confidence < t.unreadable_min_confidence)
        ]
        scores = [p.confidence for p in failed if p.confidence is not None]
        failed_count, confidence = len(failed), (sum(scores) / len(scores) if scores else None)
    total = max(pages or 0, ocr_pages, len(ocr or ()), 1)
    mostly_unread = failed_count > 0 and failed_count >= t.unreadable_page_share * total
    # a scan whose every page OCR read well is short, not unreadable (a login screen has few words)
    well_read_scan = bool(ocr) and failed_count == 0 and len(ocr or ()) >= total
    if not (mostly_unread or (words < t.unreadable_min_words and not well_read_scan)):
        return None
    detail = []
    if failed:
        detail.append(
            f"halaman {page_list([p.number for p in failed], limit=10)} dari {total} halaman perlu OCR tetapi teksnya tidak terbaca"
        )
    elif failed_count:
        detail.append(f"{failed_count} halaman hasil pindai")
    if failed_count:
        detail.append(
            f"keyakinan OCR rata-rata {confidence:.0f}%"
            if confidence is not None
            else "keyakinan OCR: tidak ada kata yang dikenali"
        )
    elif ocr_confidence is not None:
        detail.append(f"keyakinan OCR {ocr_confidence:.0f}%")
    detail.append(f"{words} kata terbaca")
    return Flag(
        "unreadable",
        f"Teks dokumen terlalu sedikit atau tidak terbaca ({'; '.join(detail)}). Pindai ulang pada "
        "300 dpi dengan pencahayaan baik, atau unggah PDF asli yang memiliki lapisan teks.",
    )


def official_result() -> Flag:
    """An official evaluation result in the evidence folder: what the assessors concluded, not evidence."""
    return Flag(
        "official_result",
        "Dokumen ini adalah laporan hasil evaluasi/pemantauan SPBE resmi dari KemenPANRB, bukan eviden: "
        "tidak dihitung untuk indikator mana pun. Simpan di luar folder eviden, dan muat dengan "
        "'spbe lhe' untuk membandingkan tingkat resmi dengan tingkat yang didukung eviden.",
    )


def irrelevant(tried: Sequence[str] = (), read_as: str = "") -> Flag:
    """No signal links the document to an indicator; `tried`: what was looked for, `read_as`: what it reads as."""
    looked = ""
    if tried:
        listed = ", ".join(tried[:-1]) + (" maupun " if len(tried) > 1 else "") + tried[-1]
        looked = f" Yang dicari: {listed}; tidak satu pun ditemukan."
    seen = f" Dokumen terbaca sebagai {read_as}." if read_as else ""
    return Flag(
        "irrelevant",
        f"Dokumen tidak terkait dengan indikator SPBE mana pun.{looked}{seen} Periksa apakah berkas salah "
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


def _same_identity(a: tuple | None, b: tuple | None) -> bool:
    """Nothing the two documents say about themselves differs (a part either does not state is no difference)."""
    return a is None or b is None or all(x is None or y is None or x == y for x, y in zip(a, b))


def near_duplicate_groups(
    items: Sequence[tuple[str, str, str, Sequence[int]]],
    common: Common,
    identities: Mapping[str, tuple] | None = None,
) -> list[list[str]]:
    """Groups of paths with the same bytes or near-same text. items: (path, sha256, signature, sketch).

    Candidates are pairs sharing a quarter of their bottom-k shingle hashes (a near-duplicate
    shares most), found through an index of the hashes (`_candidates`), so the folder is not
    compared pair by pair; each candidate is confirmed with a full similarity ratio of the
    signatures. Hashes that many documents share (a template's boilerplate) are left out,
    which keeps time and memory near linear; two copies still share their own wording.
    `identities`: what each document says it is (e.g. instrument key, year); documents saying
    different things are different documents on one template (two years' reports), never
    near-duplicates.
    """
    identities = identities or {}
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
    texts = [(path, signature) for path, _, signature, hashes in items if signature and hashes]
    sketches = [set(hashes) for _, _, signature, hashes in items if signature and hashes]
    common_shingle = max(COMMON_SHINGLE_MIN, int(COMMON_SHINGLE_SHARE * len(texts)))
    cutoff = common.thresholds.near_duplicate_similarity
    for i, j in _candidates(sketches, common_shingle):
        (path_a, a), (path_b, b) = texts[i], texts[j]
        if root(path_a) == root(path_b):
            continue
        if min(len(a), len(b)) < LENGTH_RATIO * max(len(a), len(b)):
            continue
        if not _same_identity(identities.get(path_a), identities.get(path_b)):
            continue
        if fuzz.ratio(a, b, score_cutoff=cutoff):
            union(path_a, path_b)
    groups: dict[str, list[str]] = {}
    for path, *_ in items:
        groups.setdefault(root(path), []).append(path)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _candidates(sketches: Sequence[set[int]], common_shingle: int) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) of sketches that share at least CANDIDATE_SHARE of the smaller one's hashes, counting
    only hashes in at most `common_shingle` sketches (more is boilerplate: "menimbang bahwa ...").

    Prefix filtering (as in set-similarity joins): each sketch's counted hashes are ordered rarest
    first; a pair sharing `need` of them must share one among the first len - need + 1 of the
    smaller sketch, so only those are looked up, and the most common hashes, which would make
    the most pairs, are skipped. The pairs are exactly those that counting every shared hash of
    every pair finds, in time near the number of real candidates, with no table of pairs.
    """
    buckets: dict[int, list[int]] = {}
    for index, hashes in enumerate(sketches):
        for value in hashes:
            buckets.setdefault(value, []).append(index)
    rare = {value: members for value, members in buckets.items() if len(members) <= common_shingle}
    del buckets
    for i, hashes in enumerate(sketches):
        counted = sorted((v for v in hashes if v in rare), key=lambda v: (len(rare[v]), v))
        need = max(1, math.ceil(CANDIDATE_SHARE * len(hashes)))  # i is the smaller sketch of its pairs
        own, seen = set(counted), {i}
        for value in counted[: len(counted) - need + 1]:
            for j in rare[value]:
                if j in seen or (len(sketches[j]), j) < (len(hashes), i):  # found from j's side
                    continue
                seen.add(j)
                if len(own & sketches[j]) >= CANDIDATE_SHARE * len(hashes):
                    yield i, j


def duplicate(path: str, group: Sequence[str]) -> Flag:
    """A re-scan or another version of the same document (near-same text, different bytes): a fault."""
    others = ", ".join(p for p in group if p != path)
    return Flag(
        "duplicate",
        f"Isi dokumen hampir sama dengan: {others} (pindaian ulang atau versi lain dari dokumen yang sama). "
        "Sisakan satu versi, yang terbaru dan paling jelas, dan pakai versi itu untuk setiap indikator "
        "agar asesor tidak menilai dua versi yang berbeda.",
    )


def duplicate_in_folder(path: str, copies: Sequence[str]) -> Flag:
    """The same bytes more than once in one folder: an upload made twice."""
    return Flag(
        "duplicate",
        f"Berkas yang sama persis terunggah lebih dari sekali di folder yang sama: {', '.join(copies)}. "
        "Hapus salinan yang berlebih.",
    )


def copy_elsewhere(path: str, copies: Sequence[str]) -> Flag:
    """The same bytes in other folders: a note, not a fault (the document still counts as evidence)."""
    return Flag(
        "duplicate",
        f"Salinan identik juga ada di: {', '.join(copies)}. Dokumen yang sama boleh diunggah untuk beberapa "
        "indikator dan tidak perlu dihapus; dokumen ini tetap dihitung sebagai eviden. Jika salinan ini tidak "
        "dipakai untuk indikator lain, cukup simpan satu.",
    )


def duplicate_flags(members: Sequence[tuple[str, str, int | None]]) -> dict[str, Flag]:
    """The flags of one duplicate group. members: (path, sha256, the indicator its path files it under, or None).

    Copies of one document filed for different indicators are normal practice (the national application
    asks for evidence per indicator): not flagged. A re-scan or another version (near-same text, other
    bytes) and the same bytes twice in one folder are faults. Other identical copies in other folders
    (one not filed for an indicator, or two for the same one) get a neutral note.
    """
    found = {}
    for path, sha, filed in members:
        variants = [p for p, s, _ in members if s != sha]
        copies = [(p, f) for p, s, f in members if s == sha and p != path]
        if variants:
            found[path] = duplicate(path, [p for p, *_ in members])
        elif filed is not None and all(f is not None and f != filed for _, f in copies):
            continue
        elif any(PurePosixPath(p).parent == PurePosixPath(path).parent for p, _ in copies):
            found[path] = duplicate_in_folder(path, [p for p, _ in copies])
        else:
            found[path] = copy_elsewhere(path, [p for p, _ in copies])
    return found


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
