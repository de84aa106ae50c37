"""Which government a document belongs to: region names as "Kota X", "Kabupaten X", "Provinsi X".

A government is named by its office ("WALI KOTA TERNATE", "BUPATI BATU BARA"), its administration
("Pemerintah Kota Ternate", "Pemkab"), its gazette ("BERITA DAERAH KABUPATEN X") or, in the title
block only, plainly ("KOTA TERNATE"). The owner of a document is the first government its head names.

Who *issued* a document is read where a document says so (`document_issuers`): its letterhead and
title block, including central institutions ("KEMENTERIAN …", "PERATURAN MENTERI …", "KEPALA BADAN …"),
and its signature block and gazette line. Browser and app chrome (tab strips "… x Gmail", URLs) is
never an issuer. Names are returned as read ("Kota Temate"); comparing them with the official lists,
OCR-tolerantly, is `pipeline.judge.regions`.
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
# "Kota Pemkot Ternate": an administration's short name between the kind and the name is not part of the name
_ADMIN_WORDS = {"PEMKOT", "PEMKAB", "PEMPROV", "PEMDA"}

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
    ("Kota", r"\bPERATURAN\s+DAERAH\s+K[O0]TA(?:MADYA)?\b"),  # the title of a Perda
    ("Kabupaten", r"\bPERATURAN\s+DAERAH\s+(?:KABUPATEN|KAB\.?)"),
    ("Provinsi", r"\bPERATURAN\s+DAERAH\s+(?:PROVINSI|PROV\.?)"),
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
        if wu in _ADMIN_WORDS and not words:
            pos = m.end()
            continue
        if wu in _REGION_STOP or (w.lower() in DAYS and words):
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
        if is_chrome(line):
            continue
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
            if _ADDRESSEE.match(line) or is_chrome(line):
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


# ---------------------------------------------------------------------------
# browser and app chrome: never an issuer

_CHROME = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:go\.id|co\.id|com|net|org)\b"  # an address
    r"|(?<!\d)\s(?-i:[x×])\s(?!\d)|\s(?-i:[x×])\s*\+?\s*$"  # tab strip: "Beranda - Kota Temate x M Kotak Masuk - Gmail x +"
    r"|^\s*[<←]\s*[>→]?\s*C\b",  # the back/forward/reload buttons before an address bar
    re.I,
)


def is_chrome(line: str) -> bool:
    """A line of browser or app chrome (tab titles, an address bar): what it names did not issue the page."""
    return bool(_CHROME.search(line))


# ---------------------------------------------------------------------------
# the issuer: letterhead and title block, signature block, gazette

ISSUER_HEAD_LINES = 15  # the letterhead and title block lie within the first lines of the title zone
SIGNATURE_WINDOW = 6  # lines after "Ditetapkan di …" in which the signing office stands
OFFICE_LINES = 4  # lines a signing office may wrap over ("MENTERI PENDAYAGUNAAN APARATUR" / "NEGARA DAN …,")

_OFFICE_PATTERNS = _ISSUER_PATTERNS[:3]  # WALI KOTA X, BUPATI X, GUBERNUR X
_GAZETTE_PATTERNS = _ISSUER_PATTERNS[-3:]  # BERITA/LEMBARAN DAERAH KOTA/KABUPATEN/PROVINSI X
_SIGNED_AT = re.compile(r"^(?:Ditetapkan|Disahkan|Dikeluarkan)\s+d[i1l]\b", re.I)
_ACTING = re.compile(r"^(?:Plt|Pj|Pjs|Plh|a\.\s?n|an)\.?\s+", re.I)  # "Plt. BUPATI X", "a.n. WALI KOTA X"
# a central institution opening a line of the head, after an optional instrument word:
# "KEMENTERIAN X", "PERATURAN MENTERI X", "KEPUTUSAN KEPALA BADAN X", "BADAN X", "ARSIP NASIONAL …"
_CENTRAL = re.compile(
    r"^(?:SALINAN\s+)?(?:(?:PERATURAN|KEPUTUSAN|SURAT\s+EDARAN|EDARAN|INSTRUKSI)\s+(?:BERSAMA\s+)?)?"
    r"(?:(?P<minister>MENTERI)\s+|KEPALA\s+(?=(?:BADAN|LEMBAGA|ARSIP|PERPUSTAKAAN)\b)"
    r"|(?=(?:KEMENTERIAN|BADAN|LEMBAGA|ARSIP\s+NASIONAL|PERPUSTAKAAN\s+NASIONAL)\b))"
    r"(?P<name>.+)$",
    re.I,
)
_CENTRAL_END = re.compile(r"[,;:(/]|\s(?:N[O0]M[O0]R|TENTANG|REPUBLIK\s+INDONESIA|RI)\b|\s\d", re.I)
_REGIONAL_UNIT = re.compile(r"\bDAERAH$|\b(?:K[O0]TA|KABUPATEN|PROVINSI)\b", re.I)
_CONTINUED = re.compile(r"^(?:dan|&)\s+\S", re.I)  # "KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA" / "DAN REFORMASI …"
_DANGLING = re.compile(r"\s(?:dan|&)$", re.I)  # "… APARATUR NEGARA DAN" / "REFORMASI BIROKRASI …"


def _central_in(line: str, next_line: str = "") -> str | None:
    """The central institution a head line opens with, as "Kementerian X" / "Badan X", or None."""
    m = _CENTRAL.match(line)
    if not m or not line[:1].isupper():
        return None
    name = m.group("name")
    if not _CENTRAL_END.search(name) and (_CONTINUED.match(next_line) or _DANGLING.search(name)):
        name = f"{name} {next_line}"
    end = _CENTRAL_END.search(name)
    name = squeeze(name[: end.start()] if end else name)
    if len(name.split()) < 2 or _REGIONAL_UNIT.search(name):
        return None  # "KEMENTERIAN" alone; a Pemda's own "BADAN PERENCANAAN PEMBANGUNAN DAERAH", "BADAN … KOTA X"
    if m.group("minister"):
        name = f"Kementerian {name}"
    return " ".join(w.lower() if w.lower() in ("dan", "&") else w[:1].upper() + w[1:].lower() for w in name.split())


def _names(line: str, patterns: list[tuple[str, str]]) -> list[str]:
    return [r for _, r in sorted(_regions_in_line(line, patterns, case_sensitive=True))]


_NAME_NEXT_LINE = re.compile(r"\b(?:K[O0]TA|KABUPATEN|PROVINSI|KEMENTERIAN|MENTERI|BADAN|LEMBAGA)$", re.I)


def _joined(lines: list[str]) -> list[str]:
    """A letterhead line that ends on "PEMERINTAH KOTA" / "KEMENTERIAN" is joined with the name on the next."""
    out: list[str] = []
    for line in lines:
        if out and _NAME_NEXT_LINE.search(out[-1]) and line[:1].isupper():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


# what may stand before an office or administration that issues ("PERATURAN BUPATI X", "LAMPIRAN II KEPUTUSAN …")
_ISSUING_PREFIX = re.compile(
    r"^(?:(?:SALINAN|RANCANGAN|LAMPIRAN|PETIKAN|[IVX]+|PERATURAN|KEPUTUSAN|INSTRUKSI|SURAT|EDARAN|NASKAH)\s+)*$", re.I
)
# a name after these words is a place or a party, not the issuer ("KUNJUNGAN KERJA KE PEMERINTAH KABUPATEN X")
_MENTIONED_AFTER = re.compile(
    r"\b(?:KE|DI|DARI|DENGAN|ANTARA|DAN|KEPADA|UNTUK|BAGI|TERHADAP|ATAS|PADA|LINGKUNGAN)\s+(?:PEMERINTAH(?:AN)?\s+)?$",
    re.I,
)
_ADDRESS_OPENER = re.compile(r"^(?:Kepada\s*)?(?:Yth\.?|Kepada)\s*:?$", re.I)  # the addressee follows on the next line


def _issuer_lines(head_lines: Sequence[str], zone_end: int) -> list[str]:
    lines = [squeeze(x) for x in head_lines[: max(2, min(zone_end, ISSUER_HEAD_LINES))]]
    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line or is_chrome(line) or _ADDRESSEE.match(line) or (i and _ADDRESS_OPENER.match(lines[i - 1])):
            continue
        kept.append(line)
    return _joined(kept)


def _head_issuers(head_lines: Sequence[str], zone_end: int) -> list[str]:
    """Governments and institutions the letterhead and title block name as issuer: an office, administration,
    gazette or institution opening its line. When there is none, the other names of the head (plain "KOTA X",
    an administration further on in a line), but not those named as a place or party ("KE …", "DENGAN …")."""
    lines = _issuer_lines(head_lines, zone_end)
    strong: list[str] = []
    weak: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        for pos, name in sorted(_regions_in_line(line, _ISSUER_PATTERNS, case_sensitive=True)):
            if _ISSUING_PREFIX.match(line[:pos]):
                strong.append(name)
        central = _central_in(line, lines[i + 1] if i + 1 < len(lines) else "")
        if central:
            strong.append(central)
        hits = _regions_in_line(line, _ISSUER_PATTERNS + _PLAIN_PATTERNS + _PROVINCE_PLAIN, case_sensitive=True)
        weak += [(i, pos, name) for pos, name in hits if not _MENTIONED_AFTER.search(line[:pos])]
    return strong or [name for _, _, name in sorted(weak)]


def _office_at_start(line: str) -> str | None:
    """The government whose office opens a signature line ("WALI KOTA TERNATE,", "MENTERI X,")."""
    line = _ACTING.sub("", line)
    hits = _regions_in_line(line, _OFFICE_PATTERNS, case_sensitive=True)
    first = min(hits) if hits else None
    if first and first[0] == 0:
        return first[1]
    return _central_in(line)


def _office_lines(lines: Sequence[str], start: int) -> str:
    """The signing office from `start` to the line that closes it with a comma (it may wrap over lines)."""
    for end in range(start, min(start + OFFICE_LINES, len(lines))):
        if lines[end].endswith(","):
            return " ".join(lines[start : end + 1])
    return lines[start]


def _signatories(pages: Sequence[str]) -> list[str]:
    """The offices that sign after "Ditetapkan di …", and the document's own gazette line."""
    lines = [squeeze(x) for page in pages for x in page.splitlines()]
    found: list[str] = []
    for i, line in enumerate(lines):
        if _SIGNED_AT.match(line):
            window = range(i + 1, min(i + 1 + SIGNATURE_WINDOW, len(lines)))
            office = next(filter(None, (_office_at_start(_office_lines(lines, j)) for j in window)), None)
            if office:
                found.append(office)
        elif line.isupper() and line.startswith(("BERITA", "LEMBARAN")):
            found += _names(line, _GAZETTE_PATTERNS)[:1]
    return found


def _distinct(names: Iterable[str]) -> tuple[str, ...]:
    """In order, once each; a name cut by a line break ("Kabupaten Pakpak") gives way to the full one."""
    named = list(dict.fromkeys(names))
    return tuple(r for r in named if not any(o != r and o.startswith(r + " ") for o in named))


def document_issuers(
    head_lines: Sequence[str], zone_end: int, pages: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(who the letterhead and title block name as issuer; who signs it and whose gazette carries it)."""
    return _distinct(_head_issuers(head_lines, zone_end)), _distinct(_signatories(pages))
