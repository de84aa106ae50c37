"""The facts of one document, read from its extracted text (pure, no I/O).

What kind of document it is (Perwali, SK, laporan, screenshot …), its number and
year, the issuing government, whether it is enacted/signed or still a draft,
which years it covers and which instruments it revokes or amends.

The rules follow the drafting conventions of regional regulations (UU 12/2011
Lampiran II, Permendagri 80/2015; see shared/reference/spbe-framework.md §7):
title block ``PERATURAN BUPATI X / NOMOR n TAHUN yyyy / TENTANG …``, signature
block ``Ditetapkan di … pada tanggal …`` + ``ttd``, footer ``BERITA DAERAH …
TAHUN yyyy NOMOR n``, draft markers (``RANCANGAN`` above the title, blank number
and date). Text may come from OCR, so keywords are matched case-insensitively,
with flexible whitespace and the cheap OCR confusions 0/O and 1/I/l.

Keys of instruments (``key``, ``revokes``, ``amends``) have the form
``"<type> <number>/<year>"`` in lower case, e.g. ``"perwali 22/2019"``; when the
number already ends with its year (classification-style SK numbers such as
``188.45/123/HK/2024``) the year is not repeated: ``"sk 188.45/123/hk/2024"``.
Use :func:`make_key` to build comparable keys elsewhere.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

__all__ = ["Facts", "read_facts", "canonical_region", "same_region", "make_key", "parse_date", "DOC_TYPES"]

DOC_TYPES = (
    "perwali", "perbup", "pergub", "perda", "sk", "surat_edaran", "arsitektur", "peta_rencana",
    "laporan", "notulen", "daftar_hadir", "sop", "screenshot", "anggaran", "other",
)
REGULATIONS = ("perwali", "perbup", "pergub", "perda")
INSTRUMENTS = REGULATIONS + ("sk", "surat_edaran")  # numbered legal instruments with a key


@dataclass(frozen=True)
class Facts:
    doc_type: str
    title: str
    number: str | None
    year: int | None
    enacted: date | None
    region: str | None
    regions_named: tuple[str, ...]
    signed: bool | None
    draft_markers: tuple[str, ...]
    period_years: tuple[int, ...]
    revokes: tuple[str, ...]
    amends: tuple[str, ...]
    key: str | None


# ---------------------------------------------------------------------------
# small text helpers

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b]+")


def _squeeze(text: str) -> str:
    return " ".join(text.split())


_ZERO_IN_WORD = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])")
_ONE_IN_WORD = re.compile(r"(?<=[A-Z])[1|!]|[1|!](?=[A-Z])")


def _fold(line: str) -> str:
    """Upper case, single spaces, OCR digit confusions inside words fixed (W4L1KOTA -> WALIKOTA)."""
    s = _squeeze(line).upper()
    # a 0/1 touching letters is almost always an O/I in a keyword
    if "0" in s:
        s = _ZERO_IN_WORD.sub("O", s)
    if "1" in s or "|" in s or "!" in s:
        s = _ONE_IN_WORD.sub("I", s)
    return s


_LINE_DECORATION = re.compile(r"^[|\[\]{}•*~\"'“”‘’_=»«]+\s*")


@lru_cache(maxsize=None)
def _title_pattern(pattern: str) -> re.Pattern:
    return re.compile(_PREFIX + "(?:" + pattern + ")")


def _lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        s = _WS.sub(" ", raw).strip()
        # OCR table borders and bullets at the start of a line
        s = _LINE_DECORATION.sub("", s).strip()
        if s:
            out.append(s)
    return out


def _digits(tok: str) -> str:
    """OCR-tolerant digits: O/o -> 0, I/l/| -> 1, S -> 5 (only call on number-shaped tokens)."""
    return tok.translate(str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1", "S": "5", "s": "5"}))


_YEAR_TOK = r"[12][0-9OoIl]{3}"


def _year(tok: str | None) -> int | None:
    if not tok:
        return None
    t = _digits(tok)
    if t.isdigit() and 1945 <= int(t) <= 2099:
        return int(t)
    return None


# ---------------------------------------------------------------------------
# dates

MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12, "pebruari": 2, "nopember": 11,
}
_DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}


def _month(word: str) -> int | None:
    w = word.lower().strip(".")
    if w in MONTHS:
        return MONTHS[w]
    if w in _MONTH_ABBR:
        return _MONTH_ABBR[w]
    if len(w) >= 4:
        best = difflib.get_close_matches(w, list(MONTHS), n=1, cutoff=0.72)
        if best:
            return MONTHS[best[0]]
    return None


# "12 Maret 2024", "25 Januart202l", "1 Agt. 2021"
_DATE_WORDS = re.compile(r"(?<![0-9A-Za-z])([0-3]?[0-9OoIl])\s*([A-Za-z]{3,10})\.?\s*(" + _YEAR_TOK + r")(?![0-9])")
_DATE_NUM = re.compile(r"(?<![0-9])([0-3]?[0-9])\s*[-/.]\s*([01]?[0-9])\s*[-/.]\s*((?:19|20)[0-9]{2})(?![0-9])")


def _mkdate(d: str, m: int | None, y: str) -> date | None:
    if m is None:
        return None
    dd, yy = _digits(d), _year(y)
    if not dd.isdigit() or yy is None:
        return None
    try:
        return date(yy, m, int(dd))
    except ValueError:
        return None


def _dates(text: str, numeric: bool = False) -> list[tuple[int, date]]:
    """All dates in text with their positions."""
    found = []
    for m in _DATE_WORDS.finditer(text):
        dt = _mkdate(m.group(1), _month(m.group(2)), m.group(3))
        if dt:
            found.append((m.start(), dt))
    if numeric:
        for m in _DATE_NUM.finditer(text):
            try:
                found.append((m.start(), date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
            except ValueError:
                pass
    return sorted(found, key=lambda x: x[0])


def parse_date(text: str) -> date | None:
    """First Indonesian date in text ("12 Maret 2024", OCR-tolerant), else None."""
    found = _dates(text, numeric=True)
    return found[0][1] if found else None


# ---------------------------------------------------------------------------
# regions

_REGION_STOP = {
    "NOMOR", "NO", "NOMER", "TAHUN", "TENTANG", "PADA", "DI", "DAN", "YANG", "SELAKU", "PROVINSI", "DALAM",
    "KE", "SEBAGAI", "ATAS", "UNTUK", "DENGAN", "PERIODE", "BULAN", "TANGGAL", "SEKRETARIAT", "DINAS",
    "BADAN", "BAGIAN", "KECAMATAN", "KELURAHAN", "DESA", "RAPAT", "TIM", "SPBE", "INI", "ADALAH", "ITU",
    "DARI", "OLEH", "TERHADAP", "SERTA", "ATAU", "BERDASARKAN", "SESUAI", "MELALUI", "BERSAMA", "KEPADA",
    "TELAH", "AKAN", "DAPAT", "WAJIB", "PERLU", "MENETAPKAN", "MEMUTUSKAN", "ANGGARAN", "BERBASIS",
    "ELEKTRONIK", "PEMERINTAHAN", "PERATURAN", "KEPUTUSAN", "NEGARA", "REPUBLIK", "INDONESIA", "BERITA",
    "LEMBARAN", "DAERAH", "SETDA", "JALAN", "JL", "TELEPON", "TELP", "LAMAN", "EMAIL", "FAX", "KODE",
    "POS", "RI", "KAB", "KOTA", "KABUPATEN", "WALI", "WALIKOTA", "BUPATI", "GUBERNUR", "PEMERINTAH",
    "KEPALA", "SEKRETARIS", "SE", "SEKABUPATEN", "SEKOTA", "LINGKUNGAN", "WILAYAH", "SELURUH", "SETIAP",
    "MASING", "PELAKSANAAN", "PENYELENGGARAAN", "TINGKAT", "KEGIATAN", "PROGRAM", "DPRD", "MENGENAI",
    "ISI", "PERIHAL", "HAL", "SIFAT", "LAMPIRAN", "TA",
}
_SMALL_UPPER = {"DKI", "DIY", "DI"}

# kind, regex (applied case-insensitively on one line); group "name" follows
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
        if wu in _REGION_STOP or (wu in _DAYS and words):
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


@lru_cache(maxsize=None)
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
            name = _take_name(line[m.end():], case_sensitive)
            if name:
                found.append((m.start(), f"{kind} {_title_name(name)}"))
    return found


def canonical_region(text: str) -> str | None:
    """'WALIKOTA TERNATE' / 'Pemerintah Kota Ternate' / 'kota ternate' -> 'Kota Ternate'; None if no government."""
    if not text:
        return None
    for line in text.splitlines() or [text]:
        line = _squeeze(line)
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
    if ca or cb:  # one side is a bare name ("Sukamaju"): compare names only
        full, bare = (ca, b) if ca else (cb, a)
        return _region_norm(full.split(" ", 1)[1]) == _region_norm(bare)
    return _region_norm(a) == _region_norm(b)


# ---------------------------------------------------------------------------
# document type from the title block

_PREFIX = r"^(?:SALINAN\s+)?(?:(?:RANCANGAN|DRAFT|KONSEP)\s*:?\s+)?(?:LAMPIRAN\s*[IVX0-9]*\s*[:.]?\s*)?"
_REG_TITLE = [
    ("perwali", r"PERATURAN\s+WAL[I1]\s*-?\s*K[O0]TA|PERWAL(?:I|KOT)?\b"),
    ("perbup", r"PERATURAN\s+BUPATI|PERBUP\b"),
    ("pergub", r"PERATURAN\s+GUBERNUR|PERGUB\b"),
    ("perda", r"PERATURAN\s+DAERAH"),
    ("sk", r"(?:PETIKAN\s+)?(?:SURAT\s+)?KEPUTUSAN\b"),
    ("surat_edaran", r"SURAT\s+EDARAN\b"),
]
_WEAK_TITLE = [
    ("anggaran", r"(?:LAPORAN\s+)?REALISASI\s+ANGGARAN|REKAP\w*\b.*\b(?:ANGGARAN|RKA|DPA|BELANJA|PAGU)\b"
                 r"|(?:RENCANA\s+KERJA\s+(?:DAN\s+)?ANGGARAN|DOKUMEN\s+PELAKSANAAN\s+ANGGARAN|RKA|DPA)\b"
                 r"|.*\bDOKUMEN\s+PELAKSANAAN\s+ANGGARAN\b|ANGGARAN\s+(?:BELANJA|SPBE|TIK)\b"),
    ("laporan", r"LAPORAN\b|LHA\b|LHP\b|LHE\b"),
    ("notulen", r"NOTUL[EA]N?\w*|NOTULA\b|RISALAH\s+RAPAT|CATATAN\s+RAPAT"),
    ("daftar_hadir", r"DAFTAR\s+HADIR|ABSENSI\b|PRESENSI\b"),
    ("sop", r"STANDAR[DT]?\s+OPERASIONAL|PROSEDUR\s+OPERASI(?:ONAL)?\s+STANDAR|S\.?O\.?P\b"),
    ("peta_rencana", r"(?:DOKUMEN\s+)?(?:PETA\s+RENCANA|RENCANA\s+INDUK|MASTER\s*PLAN)\b"),
    ("arsitektur", r"(?:DOKUMEN\s+)?ARSITEKTUR\b"),
]
_BODY_START = re.compile(
    r"^(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|MEMUTUSKAN|MENETAPKAN|BAB\s+[IVX1L]+\b|PASAL\s+\d|I\.\s|A\.\s|1\.\s"
    r"|HARI\s*/?\s*TANGGAL|DASAR\b|PENDAHULUAN|LATAR\s+BELAKANG)"
)
_NOMOR_LINE = re.compile(
    r"^N[O0]M[O0E]R\s*(?:SOP|SURAT)?\s*[:.;]?\s*(?P<val>.*?)\s*(?:T\s*A\s*H\s*U\s*[NM]\s*:?\s*(?P<year>" + _YEAR_TOK
    + r")?)?\s*(?:TENTANG)?\s*$",
    re.I,
)
_TENTANG = re.compile(r"^TENTANG\b\s*:?\s*", re.I)
_SCREEN_UI = {
    "beranda", "dashboard", "login", "logout", "masuk", "keluar", "menu", "unduh", "cari", "filter",
    "pengaturan", "notifikasi", "admin", "profil", "menampilkan", "aksi", "ekspor", "tampilkan", "home",
    "search", "password", "kata sandi", "dataset", "pencarian",
}
_SCREEN_UI_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_SCREEN_UI, key=len, reverse=True))
                              + r")\b")


@dataclass
class _Head:
    lines: list[str]  # original lines of the head (first ~40 lines)
    folded: list[str]
    zone_end: int  # index of the first body line (title zone is lines[:zone_end])


def _head(pages: Sequence[str]) -> _Head:
    lines: list[str] = []
    for text in pages:
        lines.extend(_lines(text))
        if len(lines) >= 12:
            break
    lines = lines[:40]
    folded = [_fold(x) for x in lines]
    zone_end = len(lines)
    for i, f in enumerate(folded):
        if i >= 2 and _BODY_START.match(f):
            zone_end = i
            break
    return _Head(lines, folded, zone_end)


def _is_titleish(line: str, index: int) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.6 or (index < 10 and len(line.split()) >= 2)


def _screenshot_signals(pages: Sequence[str]) -> tuple[bool, int]:
    text = "\n".join(pages[:2])
    first = "\n".join(_lines(text)[:8])
    url = bool(re.search(r"https?://|www\.|^\s*[<←]\s*[>→]?\s*C", first, re.I | re.M))
    low = text.lower()
    ui = len({m.group(0) for m in _SCREEN_UI_WORDS.finditer(low)})
    return url, ui


def _classify(head: _Head, pages: Sequence[str], file_name: str) -> tuple[str, int | None, str | None]:
    """(doc_type, index of the title line, parent instrument type when this is a Lampiran)."""
    zone = range(min(head.zone_end + 1, len(head.lines)))
    # 1. numbered legal instruments: title line followed by NOMOR / TENTANG
    for i in zone:
        f = head.folded[i]
        for kind, pat in _REG_TITLE:
            m = _title_pattern(pat).match(f)
            if not m:
                continue
            near = " ".join(head.folded[i:i + 5])
            if not re.search(r"\bN[O0]M[O0E]R\b|\bTENTANG\b", near):
                continue
            is_lampiran = bool(re.match(r"^(?:SALINAN\s+)?LAMPIRAN\b", f)) or any(
                re.match(r"^LAMPIRAN\b", head.folded[j]) for j in range(max(0, i - 2), i)
            )
            if is_lampiran:
                own = _lampiran_type(head, i)
                return (own or kind), i, kind
            return kind, i, None
    # 2. application screens
    url, ui = _screenshot_signals(pages)
    total = sum(len(p) for p in pages)
    if len(pages) <= 2 and total < 4000 and ((url and ui >= 1) or ui >= 4):
        return "screenshot", 0, None
    # 3. other document kinds by their heading
    for i in zone:
        f = head.folded[i]
        if not _is_titleish(head.lines[i], i):
            continue
        for kind, pat in _WEAK_TITLE:
            if _title_pattern(pat).match(f):
                return kind, i, None
    # SOP tables name themselves ("Nomor SOP", "Nama SOP")
    if any(re.match(r"^(?:NOMOR|NAMA)\s+SOP\b", f) for f in head.folded):
        return "sop", None, None
    name = file_name.lower()
    if url and total < 4000:
        return "screenshot", 0, None
    if re.search(r"\.(png|jpe?g|gif|webp|bmp)$", name) and re.search(r"screenshot|tangkapan|\bss\b|capture", name):
        return "screenshot", 0, None
    return "other", None, None


def _lampiran_type(head: _Head, title_idx: int) -> str | None:
    """A Lampiran that is itself a plan document (architecture, roadmap, SOP) takes that type."""
    text = " ".join(head.folded[title_idx:min(len(head.folded), title_idx + 10)])
    m = re.search(r"\bTENTANG\b(.*)", text)
    subject = m.group(1) if m else text
    if re.search(r"\bARSITEKTUR\b", subject):
        return "arsitektur"
    if re.search(r"\bPETA\s+RENCANA\b|\bRENCANA\s+INDUK\b|\bMASTER\s*PLAN\b", subject):
        return "peta_rencana"
    if re.search(r"\bSTANDAR[DT]?\s+OPERASIONAL\s+PROSEDUR\b|\bSOP\b", subject):
        return "sop"
    return None


# ---------------------------------------------------------------------------
# number, title

_PLACEHOLDER = re.compile(r"^[\s._\-…·:/]*$")


def _clean_number(val: str) -> tuple[str | None, bool]:
    """(number, blank) from the value after NOMOR."""
    v = val.strip().strip(":;,").strip()
    if _PLACEHOLDER.match(v):
        return None, True
    if re.search(r"\.{3,}|…|_{2,}|/\s*/|/\s*$|^\s*/", v):
        return None, True  # "188.45/ /HK/2024", "..../2024"
    v = re.sub(r"\s*([/.\-])\s*", r"\1", v)
    v = v.split()[0] if v.split() else v
    if re.fullmatch(r"[0-9OoIl]+[A-Za-z]?", v):
        head = _digits(re.sub(r"[A-Za-z]$", "", v)) if re.search(r"[A-Za-z]$", v) and not v[-1] in "OoIl" else _digits(v)
        v = head + (v[-1] if re.search(r"[A-Za-z]$", v) and v[-1] not in "OoIl" else "")
    if not re.search(r"[0-9]", v):
        return None, False  # unreadable, not blank
    return v, False


def _number(head: _Head, title_idx: int | None) -> tuple[str | None, int | None, bool]:
    """(number, year from 'TAHUN yyyy', blank) from the first NOMOR line of the title zone."""
    start = title_idx or 0
    end = min(len(head.lines), max(head.zone_end, start + 6))
    for i in range(start, end):
        line = head.lines[i]
        m = _NOMOR_LINE.match(line)
        if m and not (m.group("val") or "").strip() and not m.group("year"):
            m = None  # "NOMOR :" with the value on the next line
        if not m and re.match(r"^N[O0]M[O0E]R\s*(?:SOP)?\s*[:.]?\s*$", line, re.I) and i + 1 < end:
            nxt = head.lines[i + 1]
            if re.fullmatch(r"[\w./\-: ]{1,40}", nxt) and re.search(r"\d", nxt):
                m = _NOMOR_LINE.match("NOMOR " + nxt)
            elif re.match(r"^(?:TENTANG|TANGGAL)\b", _fold(nxt)):
                return None, None, True  # "NOMOR :" followed directly by TENTANG: left blank
        if not m:
            # "PERATURAN BUPATI X NOMOR 81 TAHUN 2021" on one line
            m2 = re.search(r"\bN[O0]M[O0E]R\s*:?\s*(?P<val>\S*?)\s*T\s*A\s*H\s*U\s*N\s+(?P<year>" + _YEAR_TOK + r")",
                           line, re.I)
            if m2 and i == title_idx:
                m = m2
            else:
                continue
        val, year = m.group("val") or "", _year(m.group("year"))
        if re.search(r"\b(?:TAHUN|TENTANG)\b", val, re.I) or len(re.sub(r"\s*([/.\-])\s*", r"\1", val).split()) > 2:
            continue  # a wrapped citation ("Nomor 59 Tahun 2020 tentang …"), not this document's number
        number, blank = _clean_number(val)
        if year is None:
            tail = re.search(r"(?:/|\b)((?:19|20)\d{2})\s*$", number or val)
            year = int(tail.group(1)) if tail else None
        return number, year, blank
    return None, None, False


_TITLE_STOP = re.compile(
    r"^(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|MEMUTUSKAN|BAB\s+[IVX1L]+\b|PASAL\b|HARI\s*/?\s*TANGGAL|YTH"
    r"|N[O0]M[O0]R\b|TANGGAL\b|[IVX]+\.\s|[A-H1-9]\.\s|\d+\.\s|KEPADA\b|DARI\b|WAKTU\b|TEMPAT\b)"
)


def _dedupe_words(s: str) -> str:
    w = s.split()
    n = len(w)
    for k in range(n // 2, 2, -1):  # "X Y Z X Y Z" -> "X Y Z" (lampiran subject repeated as own title)
        if w[:k] == w[n - k:] and n - k >= k:
            return " ".join(w[:k]) if 2 * k == n else s
    return s


def _title(head: _Head, doc_type: str, title_idx: int | None, pages: Sequence[str], instrument: bool) -> str:
    lines, folded = head.lines, head.folded
    if title_idx is not None and doc_type != "screenshot":
        # regulations/SK/SE: the subject after TENTANG
        for i in range(title_idx, min(len(lines), title_idx + 8) if instrument else title_idx):
            if _TENTANG.match(folded[i]) or re.search(r"\bTENTANG\b", folded[i]):
                first = re.split(r"\bTENTANG\b\s*:?", lines[i], maxsplit=1, flags=re.I)[-1].strip()
                parts = [first] if first else []
                for j in range(i + 1, min(len(lines), i + 8)):
                    f = folded[j]
                    if (_TITLE_STOP.match(f) and not re.match(r"^N[O0]M[O0]R\b", f)) or re.search(r",\s*$", f) or _BODY_START.match(f):
                        break
                    parts.append(lines[j])
                if parts:
                    return _dedupe_words(_squeeze(" ".join(parts)))
        # other documents: the heading line and its continuation lines
        parts = [re.sub(r"^(?:RANCANGAN|DRAFT|KONSEP)\s+", "", lines[title_idx], flags=re.I)]
        for j in range(title_idx + 1, min(len(lines), title_idx + 5)):
            if (_TITLE_STOP.match(folded[j]) or _BODY_START.match(folded[j]) or not lines[j].isupper()
                    or re.match(r"^(?:DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|BAGIAN|(?:19|20)\d\d$)", folded[j])):
                break
            parts.append(lines[j])
        return _squeeze(" ".join(parts))
    text = "\n".join(pages)
    m = re.search(r"^\s*(?:Hal|Perihal)\s*:\s*(.+)$", text, re.I | re.M)
    if m:
        return _squeeze(m.group(1))
    for i, line in enumerate(lines[:12]):
        if doc_type == "screenshot" or (line.isupper() and len(line.split()) >= 2 and not re.match(
                r"^(PEMERINTAH|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|WAL[I1]\s*K[O0]TA|BUPATI|GUBERNUR|PROVINSI|JALAN|JL)",
                folded[i])):
            return _squeeze(line)
    return _squeeze(lines[0]) if lines else ""


# ---------------------------------------------------------------------------
# signature, promulgation, draft markers

_TTD = re.compile(r"(?<![A-Za-z])(?:t\.?\s?t\.?\s?d|cap\s*/\s*dto|dto)\.?(?![A-Za-z])", re.I)
_DITETAPKAN = re.compile(r"(?:Ditetapkan|Disahkan)\s+d[i1l]\b[^\n]*\n?\s*(?:pada\s+)?tanggal\s*:?[ \t]*([^\n]*)(?:\n([^\n]*))?", re.I)
_DIUNDANGKAN = re.compile(r"Diundangkan\s+d[i1l]\b[^\n]*\n?\s*(?:pada\s+)?tanggal\s*:?[ \t]*([^\n]*)", re.I)
_BERITA = re.compile(
    r"^\s*(?:BERITA|LEMBARAN)\s+DAERAH\s+(?:KOTA|KABUPATEN|KAB\.?|PROVINSI)\b[A-Z .]*?\bTAHUN\b\s*(" + _YEAR_TOK
    + r")?\s*(?:N[O0]M[O0]R\b\s*:?\s*([0-9OIl]+[A-Z]?)?)?",
    re.M,
)
_PLACE_DATE = re.compile(r"^\s*([A-Z][A-Za-z .'\-]{1,40}),\s*(.+?)\s*\.?\s*$")


def _enacted(text: str) -> tuple[date | None, bool]:
    """(date after 'Ditetapkan di … pada tanggal', blank)."""
    m = _DITETAPKAN.search(text)
    if not m:
        return None, False
    dt = parse_date(m.group(1))
    if dt is None and not m.group(1).strip() and m.group(2):
        dt = parse_date(m.group(2)) if _DATE_WORDS.match(m.group(2).strip()) else None
    return dt, dt is None


def _signature_date(text: str) -> date | None:
    """Date of the document's own signature/creation line ('Sukamaju, 20 Juni 2025'); the last one wins."""
    last = None
    for line in text.splitlines():
        m = _PLACE_DATE.match(line)
        if m and m.group(1).split()[0].lower() not in _DAYS:
            d = _dates(m.group(2))
            if d and d[0][0] == 0:
                last = d[0][1]
                continue
        m = re.search(r",\s*([0-3]?[0-9]\s+[A-Za-z]{3,10}\.?\s*" + _YEAR_TOK + r")\s*\.?\s*$", line)
        if m:
            d = _dates(m.group(1))
            if d:
                last = d[0][1]
    return last


def _signature_block(text: str) -> bool:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = _PLACE_DATE.match(line)
        if not m or m.group(1).split()[0].lower() in _DAYS or not _dates(m.group(2)):
            continue
        after = lines[i + 1:i + 14]
        if any(re.search(r",\s*$", a.strip()) for a in after) and any(
                re.search(r"\bNIP\b|^[A-Z][A-Z .,']{4,}$", a.strip()) for a in after):
            return True
    return False


# ---------------------------------------------------------------------------
# references to other instruments

_REF = re.compile(
    r"(?P<kind>Peraturan\s+Wal[i1]\s*-?\s*K[o0]ta|Peraturan\s+Walikota|Peraturan\s+Bupati|Peraturan\s+Gubernur"
    r"|Peraturan\s+Daerah|Keputusan\s+(?:Wal[i1]\s*-?\s*K[o0]ta|Walikota|Bupati|Gubernur))"
    r"(?P<region>(?:\s+(?!Nomor\b)[A-Z][\w'\-]*){0,5}?)\s+Nomor\s*:?\s*(?P<num>[0-9OIl][\w./\-]*?)"
    r"(?:\s+Tahun\s+(?P<year>" + _YEAR_TOK + r"))?(?=[\s,;)(]|$)",
    re.I,
)


def _kind_of(phrase: str) -> str:
    p = _fold(phrase)
    if p.startswith("KEPUTUSAN"):
        return "sk"
    if "BUPATI" in p:
        return "perbup"
    if "GUBERNUR" in p:
        return "pergub"
    if "DAERAH" in p:
        return "perda"
    return "perwali"


def make_key(doc_type: str | None, number: str | None, year: int | None) -> str | None:
    """'perwali 15/2023'; SK numbers that end with their year are not repeated: 'sk 188.45/123/hk/2024'."""
    if not doc_type or not number:
        return None
    num = re.sub(r"\s+", "", number).lower()
    if year is None or re.search(r"(?:^|[/.\-])" + str(year) + r"$", num):
        return f"{doc_type} {num}"
    return f"{doc_type} {num}/{year}"


def _refs(segment: str) -> list[str]:
    keys = []
    for m in _REF.finditer(segment):
        before = segment[max(0, m.start() - 30):m.start()]
        if re.search(r"\batas\s*$", before, re.I):
            continue  # "Perubahan atas Peraturan … Nomor 12": the base of an amendment, not revoked itself
        num = _digits(m.group("num")) if re.fullmatch(r"[0-9OIl]+", m.group("num")) else m.group("num")
        key = make_key(_kind_of(m.group("kind")), num.rstrip("."), _year(m.group("year")))
        if key and key not in keys:
            keys.append(key)
    return keys


def _revokes(flat: str) -> tuple[str, ...]:
    keys: list[str] = []
    for m in re.finditer(r"\bdicabut\b|\bmencabut\b", flat, re.I):
        if m.group(0).lower() == "dicabut":
            start = max(0, m.start() - 2500)
            seg = flat[start:m.start()]
            cut = max((x.end() for x in re.finditer(r"mulai\s+berlaku|\bPasal\s+\d+\b|;\s*dan\b|\.\s", seg, re.I)),
                      default=0)
            # keep the list "a. …; b. …; dan c. …" intact: only cut at the last sentence/article boundary
            cut = max((x.end() for x in re.finditer(r"mulai\s+berlaku\s*[:,]?|\bPasal\s+\d+\b", seg, re.I)),
                      default=cut)
            seg = seg[cut:]
        else:
            seg = flat[m.end():m.end() + 600]
            seg = re.split(r"\.\s|\bMenetapkan\b", seg, maxsplit=1)[0]
        for k in _refs(seg):
            if k not in keys:
                keys.append(k)
    return tuple(keys)


# ---------------------------------------------------------------------------
# period years

_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*((?:19|20)\d{2})(?!\d)",
                    re.I)


def _years_in_title(title: str) -> list[int]:
    years: list[int] = []
    for m in _RANGE.finditer(title):
        a, b = int(m.group(1)), int(m.group(2))
        if 0 < b - a <= 10:
            years.extend(range(a, b + 1))
    for m in re.finditer(r"\bTAHUN(?:\s+ANGGARAN)?\s+(" + _YEAR_TOK + r")", title, re.I):
        y = _year(m.group(1))
        if y:
            years.append(y)
    return years


# ---------------------------------------------------------------------------


def read_facts(pages: Sequence[str], *, file_name: str = "") -> Facts:
    """The facts of one document from its per-page text."""
    pages = [p or "" for p in pages]
    nonempty = [p for p in pages if p.strip()]
    text = "\n".join(pages)
    flat = _squeeze(text)
    head = _head(nonempty or [""])

    doc_type, title_idx, parent = _classify(head, nonempty, file_name)
    instrument = parent or (doc_type if doc_type in INSTRUMENTS else None)

    # number / year of the instrument
    number, year, number_blank = (None, None, False)
    if doc_type != "screenshot":
        number, year, number_blank = _number(head, title_idx)

    enacted, date_blank = _enacted(text)
    if doc_type == "screenshot":
        enacted, date_blank = None, False
    berita = [(m.group(1), m.group(2)) for m in _BERITA.finditer(text)]
    berita_filled = any(_year(y) and n for y, n in berita)
    berita_blank = bool(berita) and not berita_filled

    # draft markers
    markers: list[str] = []
    zone = head.folded[: min(len(head.folded), max(head.zone_end, (title_idx or 0) + 1))]
    for f in zone if doc_type != "screenshot" else ():
        # "RANCANGAN" alone above the title, or prefixed to it ("RANCANGAN PERATURAN BUPATI …")
        m = re.match(r"^(RANCANGAN|DRAFT|KONSEP)\b\s*:?\s*(.*)$", f)
        if m and (not m.group(2) or re.match(r"(?:PERATURAN|KEPUTUSAN|SURAT|PERWAL|PERBUP|PERGUB|PERDA|SK\b|SE\b)",
                                              m.group(2))):
            markers.append(m.group(1))
            break
    if not markers and any(re.fullmatch(r"\s*(DRAFT|KONSEP)\s*", _fold(x)) for x in text.splitlines()):
        markers.append("DRAFT")
    if instrument and number_blank:
        markers.append("nomor kosong")
    if instrument and date_blank:
        markers.append("tanggal kosong")
    if instrument and berita_blank:
        markers.append("berita daerah kosong")
    if re.search(r"\bparaf\s+koordinasi\b|\bkolom\s+paraf\b", flat, re.I):
        markers.append("paraf koordinasi")
    if number is None and re.search(r"(?:^|[/\\._\-\s\d])(?:r-|rancangan|draft|draf|konsep)", file_name.lower()):
        markers.append("nama berkas")

    # signed / draft
    ttd = bool(_TTD.search(text))
    salinan = bool(re.search(r"salinan\s+sesuai\s+dengan\s+aslinya", flat, re.I)) or any(
        f == "SALINAN" for f in head.folded[:3])
    strong_draft = any(m in markers for m in ("RANCANGAN", "DRAFT", "KONSEP", "nomor kosong"))
    signed: bool | None
    if doc_type in ("screenshot", "daftar_hadir"):
        signed = None
    elif instrument:
        evidence = ttd or enacted is not None or berita_filled or salinan
        if strong_draft:
            signed = False
        elif number:
            signed = True if evidence or not markers else False
        elif evidence:
            signed = True
        else:
            signed = False if markers else None
    else:
        if strong_draft:
            signed = False
        elif ttd or _signature_block(text) or enacted is not None:
            signed = True
        elif markers:
            signed = False
        else:
            signed = None

    # title and period
    title = _title(head, doc_type, title_idx, nonempty, instrument is not None)
    title_years = _years_in_title(title) if doc_type != "screenshot" else []
    own_date = _signature_date(text) if doc_type != "screenshot" else None
    meeting = re.search(r"Hari\s*/?\s*Tanggal\s*:?\s*([^\n]*)", text, re.I)
    meeting_date = parse_date(meeting.group(1)) if meeting else None
    per_date = None
    m = re.search(r"\b(?:Keadaan|Posisi|Per|Tanggal\s+(?:Pembuatan|Efektif|Dokumen))\s*:?\s*(?:per\s+)?"
                  r"([0-3]?[0-9]\s+[A-Za-z]{3,10}\s+" + _YEAR_TOK + ")", text, re.I)
    if m:
        per_date = parse_date(m.group(1))
    screen_dates = [d for _, d in _dates(text, numeric=True)] if doc_type == "screenshot" else []

    period: set[int] = set(title_years)
    if doc_type not in INSTRUMENTS and parent is None:
        for m in re.finditer(r"\b(?:TAHUN\s+ANGGARAN|T\.?A\.?)\s*:?\s*(" + _YEAR_TOK + r")\b", text, re.I):
            y = _year(m.group(1))
            if y:
                period.add(y)
        for m in re.finditer(r"\bPERIODE\b[^\n]{0,40}", text, re.I):
            for r in _RANGE.finditer(m.group(0)):
                a, b = int(r.group(1)), int(r.group(2))
                if 0 < b - a <= 10:
                    period.update(range(a, b + 1))
            for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", m.group(0)):
                period.add(int(y))
        for d in (meeting_date, own_date, per_date, enacted):
            if d:
                period.add(d.year)
        period.update(d.year for d in screen_dates)

    if year is None:
        candidates: list[int | None]
        if instrument:
            candidates = [enacted and enacted.year,
                          next((_year(y) for y, n in berita if _year(y)), None),
                          title_years[0] if title_years else None]
        elif doc_type == "screenshot":
            candidates = [max(d.year for d in screen_dates) if screen_dates else None]
        else:
            candidates = [enacted and enacted.year, own_date and own_date.year, meeting_date and meeting_date.year,
                          per_date and per_date.year, title_years[0] if title_years else None]
        year = next((c for c in candidates if c), None)

    # region
    named: list[str] = []
    region = None
    for i, line in enumerate(head.lines):
        pats = _ISSUER_PATTERNS + _PLAIN_PATTERNS
        hits = _regions_in_line(line, pats, case_sensitive=True)
        if hits:
            region = min(hits)[1]
            break
    for page_no, page in enumerate(nonempty):
        for li, line in enumerate(page.splitlines()):
            line = _squeeze(line)
            if re.match(r"^Tembusan\b", line, re.I):
                break  # copy recipients are not owners
            if re.match(r"^(?:Yth|Kepada)\b", line, re.I):
                continue
            in_head = page_no == 0 and li < 40
            for pos, r in sorted(_regions_in_line(line, _ISSUER_PATTERNS, case_sensitive=True)):
                if not in_head and re.search(r"(?:Peraturan|Keputusan|Instruksi|Edaran)\s*$", line[:pos], re.I):
                    continue  # a cited instrument of another government ("Peraturan Gubernur X Nomor …")
                if r not in named:
                    named.append(r)
    if region is None:
        for line in text.splitlines():
            hits = _regions_in_line(_squeeze(line), _ISSUER_PATTERNS + _PLAIN_PATTERNS, case_sensitive=True)
            if hits:
                region = min(hits)[1]
                break
    if region and region not in named:
        named.insert(0, region)
    # a name cut by a line break ("Kabupaten Batu" + "Bara") is a prefix of the full one
    named = [r for r in named if not any(o != r and o.startswith(r + " ") for o in named)]

    # keys
    key = make_key(instrument, number, year) if instrument else None
    revokes = _revokes(flat) if instrument and doc_type != "screenshot" else ()
    amends: tuple[str, ...] = ()
    if instrument:
        am = re.search(r"PERUBAHAN\s+(?:\w+\s+)?ATAS\s+(.*)", _squeeze(title), re.I)
        if am:
            amends = tuple(k for k in _refs_no_skip(am.group(1)))

    return Facts(
        doc_type=doc_type,
        title=title,
        number=number,
        year=year,
        enacted=enacted,
        region=region,
        regions_named=tuple(named),
        signed=signed,
        draft_markers=tuple(dict.fromkeys(markers)),
        period_years=tuple(sorted(period)),
        revokes=revokes,
        amends=amends,
        key=key,
    )


def _refs_no_skip(segment: str) -> list[str]:
    keys = []
    for m in _REF.finditer(segment):
        num = _digits(m.group("num")) if re.fullmatch(r"[0-9OIl]+", m.group("num")) else m.group("num")
        key = make_key(_kind_of(m.group("kind")), num.rstrip("."), _year(m.group("year")))
        if key and key not in keys:
            keys.append(key)
    return keys
