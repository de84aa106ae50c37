"""Which government a document belongs to: region names as "Kota X", "Kabupaten X", "Provinsi X".

A government is named by its office ("WALI KOTA TERNATE", "BUPATI BATU BARA"), its administration
("Pemerintah Kota Ternate", "Pemkab"), its gazette ("BERITA DAERAH KABUPATEN X") or, in the title
block only, plainly ("KOTA TERNATE"). The owner of a document is the first government its head names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from pipeline.judge.facts.dates import DAYS
from pipeline.judge.facts.text import HEAD_LINES, squeeze

_REGION_STOP = {
    "NOMOR",
    "NO",
    "NOMER",
    "TAHUN",
    "TENTANG",
    "PADA",
    "DI",
    "DAN",
    "YANG",
    "SELAKU",
    "PROVINSI",
    "DALAM",
    "KE",
    "SEBAGAI",
    "ATAS",
    "UNTUK",
    "DENGAN",
    "PERIODE",
    "BULAN",
    "TANGGAL",
    "SEKRETARIAT",
    "DINAS",
    "BADAN",
    "BAGIAN",
    "KECAMATAN",
    "KELURAHAN",
    "DESA",
    "RAPAT",
    "TIM",
    "SPBE",
    "INI",
    "ADALAH",
    "ITU",
    "DARI",
    "OLEH",
    "TERHADAP",
    "SERTA",
    "ATAU",
    "BERDASARKAN",
    "SESUAI",
    "MELALUI",
    "BERSAMA",
    "KEPADA",
    "TELAH",
    "AKAN",
    "DAPAT",
    "WAJIB",
    "PERLU",
    "MENETAPKAN",
    "MEMUTUSKAN",
    "ANGGARAN",
    "BERBASIS",
    "ELEKTRONIK",
    "PEMERINTAHAN",
    "PERATURAN",
    "KEPUTUSAN",
    "NEGARA",
    "REPUBLIK",
    "INDONESIA",
    "BERITA",
    "LEMBARAN",
    "DAERAH",
    "SETDA",
    "JALAN",
    "JL",
    "TELEPON",
    "TELP",
    "LAMAN",
    "EMAIL",
    "FAX",
    "KODE",
    "POS",
    "RI",
    "KAB",
    "KOTA",
    "KABUPATEN",
    "WALI",
    "WALIKOTA",
    "BUPATI",
    "GUBERNUR",
    "PEMERINTAH",
    "KEPALA",
    "SEKRETARIS",
    "SE",
    "SEKABUPATEN",
    "SEKOTA",
    "LINGKUNGAN",
    "WILAYAH",
    "SELURUH",
    "SETIAP",
    "MASING",
    "PELAKSANAAN",
    "PENYELENGGARAAN",
    "TINGKAT",
    "KEGIATAN",
    "PROGRAM",
    "DPRD",
    "MENGENAI",
    "ISI",
    "PERIHAL",
    "HAL",
    "SIFAT",
    "LAMPIRAN",
    "TA",
}
_SMALL_UPPER = {"DKI", "DIY", "DI"}

# kind, regex (applied case-insensitively on one line); the name follows
_ISSUER_PATTERNS: list[tuple[str, str]] = [
    ("Kota", r"\bWAL[I1l]\s*-?\s*K[O0]TA(?:MADYA)?\b"),
    ("Kabupaten", r"\bBUPAT[I1l]\b"),
    ("Provinsi", r"\bGUBERNUR\b"),
    ("Kota", r"\bPEMERINTAH\s+K[O0]TA(?:MADYA)?\b"),
    ("Kabupaten", r"\bPEMERINTAH\s+(?:KABUPATEN|KAB\.?)"),
    ("Provinsi", r"\bPEMERINTAH\s+(?:PROVINSI|PROV\.?)"),
    ("Kota", r"\bPEMK[O0]T\b"),
    ("Kabupaten", r"\bPEMKAB\b"),
    ("Provinsi", r"\bPEMPROV\b"),
    ("Kota", r"\b(?:BERITA|LEMBARAN)\s+DAERAH\s+K[O0]TA\b"),
    ("Kabupaten", r"\b(?:BERITA|LEMBARAN)\s+DAERAH\s+(?:KABUPATEN|KAB\.?)"),
    ("Provinsi", r"\b(?:BERITA|LEMBARAN)\s+DAERAH\s+(?:PROVINSI|PROV\.?)"),
]
_PLAIN_PATTERNS: list[tuple[str, str]] = [
    ("Kota", r"\bK[O0]TA(?:MADYA)?\b"),
    ("Kabupaten", r"\b(?:KABUPATEN|KAB\.)"),
    ("Kabupaten", r"\bKAB\b"),
]
_PROVINCE_PLAIN = [("Provinsi", r"\b(?:PROVINSI|PROV\.)")]

_NAME_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’\-]*\.?)")
_NOT_OWNERS = re.compile(r"^Tembusan\b", re.I)  # copy recipients and everything after them
_ADDRESSEE = re.compile(r"^(?:Yth|Kepada)\b", re.I)
_CITED_BEFORE = re.compile(r"(?:Peraturan|Keputusan|Instruksi|Edaran)\s*$", re.I)


def _take_name(rest: str, case_sensitive: bool) -> str | None:
    """Up to four name words at the start of `rest` (stops at stop words, punctuation, lower case)."""
    words: list[str] = []
    pos = 0
    upper_line = rest.isupper()
    while len(words) < 4:
        m = _NAME_WORD.match(rest, pos)
        if not m:
            break
        w = m.group(1).rstrip(".")
        if not w:
            break
        wu = w.upper().replace("’", "'")
        if wu in _REGION_STOP or (wu in DAYS and words):
            break
        if case_sensitive and not upper_line and not w[0].isupper():
            break
        if len(w) == 1:
            break
        words.append(w)
        pos = m.end()
        # a comma, colon or bracket ends the name
        if pos < len(rest) and rest[pos] in ",;:()/\n":
            break
    if not words:
        return None
    return " ".join(words)


def _title_name(name: str) -> str:
    out = []
    for w in name.split():
        wu = w.upper()
        out.append(wu if wu in _SMALL_UPPER else "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


@cache
def _compiled(patterns: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    """One alternation to skip the (many) lines naming no government, and each pattern compiled once."""
    any_of = re.compile("|".join(f"(?:{pat})" for _, pat in patterns), re.I)
    return any_of, [(kind, re.compile(pat, re.I)) for kind, pat in patterns]


def _regions_in_line(line: str, patterns: Iterable[tuple[str, str]], case_sensitive: bool) -> list[tuple[int, str]]:
    any_of, compiled = _compiled(tuple(patterns))
    if not any_of.search(line):
        return []
    found = []
    for kind, pattern in compiled:
        for m in pattern.finditer(line):
            if case_sensitive and not line[m.start()].isupper():
                continue  # "kota besar" in prose is not a government
            name = _take_name(line[m.end() :], case_sensitive)
            if name:
                found.append((m.start(), f"{kind} {_title_name(name)}"))
    return found


def canonical_region(text: str) -> str | None:
    """'WALIKOTA TERNATE' / 'Pemerintah Kota Ternate' / 'kota ternate' -> 'Kota Ternate'; None if no government."""
    if not text:
        return None
    for line in text.splitlines() or [text]:
        line = squeeze(line)
        hits = _regions_in_line(line, _ISSUER_PATTERNS + _PLAIN_PATTERNS + _PROVINCE_PLAIN, case_sensitive=False)
        if hits:
            return min(hits)[1]
    return None


def _region_norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def same_region(a: str, b: str) -> bool:
    """Tolerant equality of two government names; Kota X and Kabupaten X differ."""
    if not a or not b:
        return False
    ca, cb = canonical_region(a), canonical_region(b)
    if ca and cb:
        return _region_norm(ca) == _region_norm(cb)
    if ca:  # one side is a bare name ("Sukamaju"): compare names only
        return _region_norm(ca.split(" ", 1)[1]) == _region_norm(b)
    if cb:
        return _region_norm(cb.split(" ", 1)[1]) == _region_norm(a)
    return _region_norm(a) == _region_norm(b)


def _first_region(lines: Iterable[str]) -> str | None:
    for line in lines:
        hits = _regions_in_line(line, _ISSUER_PATTERNS + _PLAIN_PATTERNS, case_sensitive=True)
        if hits:
            return min(hits)[1]
    return None


def _offices_named(pages: Sequence[str]) -> list[str]:
    """Governments named by office or administration, in order, leaving out addressees, copy recipients and,
    outside the head, governments of cited instruments ("Peraturan Gubernur X Nomor …")."""
    named: list[str] = []
    for page_no, page in enumerate(pages):
        for li, line in enumerate(page.splitlines()):
            line = squeeze(line)
            if _NOT_OWNERS.match(line):
                break
            if _ADDRESSEE.match(line):
                continue
            in_head = page_no == 0 and li < HEAD_LINES
            for pos, r in sorted(_regions_in_line(line, _ISSUER_PATTERNS, case_sensitive=True)):
                if not in_head and _CITED_BEFORE.search(line[:pos]):
                    continue
                if r not in named:
                    named.append(r)
    return named


def document_regions(head_lines: Sequence[str], pages: Sequence[str], text: str) -> tuple[str | None, tuple[str, ...]]:
    """(the owner: first government of the head, else of the text; every government the document names)."""
    region = _first_region(head_lines)
    named = _offices_named(pages)
    if region is None:
        region = _first_region(squeeze(line) for line in text.splitlines())
    if region and region not in named:
        named.insert(0, region)
    # a name cut by a line break ("Kabupaten Batu" + "Bara") is a prefix of the full one
    named = [r for r in named if not any(o != r and o.startswith(r + " ") for o in named)]
    return region, tuple(named)
