"""Which government a name stands for, and whether another government than the configured one issued a document.

Names come as the facts reader found them where a document names its issuer ("Kota Temate",
"Kabupaten Pakpak", "Kementerian Komunikasi dan Informatika"; `pipeline.judge.facts.regions`) and as the
admin configured them (`--region "Pemerintah Kota Ternate"`, "Ternate", "Komdigi"). Both are resolved
against the official lists in rules/: `regions.csv` (provinces, kabupaten, kota with Kemendagri codes)
and `instansi.yaml` (ministries and agencies with abbreviations and former names).

Comparison tolerates OCR damage: names are folded (case, spacing, punctuation; rn→m, cl→d, l/1/I→i,
O/0→o), then compared in this order: exactly; with rapidfuzz against the whole list (a clear winner);
with the configured name at a lower score (an OCR variant of our own name, also when junk follows);
by the words they open with ("Bandar Lampung Layanan Pengaduan"); as an unambiguous prefix (a name cut
by a line break). A name in no list (a test folder's "Kota Sukamaju", or a name OCR damaged beyond
recognition) is compared by its folded name.

Pure: the lists are read once per process (`directory()`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from pipeline.judge.facts.regions import canonical_region
from pipeline.rules import Instansi, Region, load_instansi, load_regions

LIST_SCORE = 90.0  # rapidfuzz ratio for a folded name against the whole official list
LIST_MARGIN = 3.0  # ... and by how much it must beat the next official name
OWN_SCORE = 80.0  # ratio for a folded name against the configured government's name (an OCR variant of it)
INSTANSI_SCORE = 92.0  # ratio for institutions: "Badan … Daerah" (a Pemda unit) must not become "Badan … Nasional"
CONTINUATION_SCORE = 70.0  # a word this close to one that continues an official name is part of the name
MIN_PREFIX = 5  # characters a cut name needs before it may stand for the one official name it begins
MIN_INSTANSI_PREFIX = 15

KINDS = ("kota", "kabupaten", "provinsi")
INSTANSI = "instansi"

# Spelling conventions of official names (usage): abbreviations expanded, "Administrasi" (DKI Jakarta's
# kota and kabupaten) dropped, "Republik Indonesia" dropped from institution names.
_EXPAND = {"kep": "kepulauan", "dki": "daerah khusus ibukota", "diy": "daerah istimewa yogyakarta"}
_DROP = {"adm", "administrasi", "pemkot", "pemkab", "pemprov", "pemda"}  # "Kota Pemkot Ternate" is Kota Ternate
_OCR = str.maketrans({"0": "o", "1": "i", "|": "i", "!": "i", "l": "i"})
_TOKEN = re.compile(r"[a-z0-9|!]+")
_COUNTRY = (["republik", "indonesia"], ["ri"])  # "… Republik Indonesia" closes many institution names


def _tokens(name: str) -> list[str]:
    words = [t for t in _TOKEN.findall(name.lower()) if t not in _DROP]
    if words[:1] == ["di"] and len(words) > 1:  # "DI Yogyakarta"
        words[0] = "daerah istimewa"
    return [_EXPAND.get(t, t) for t in words]


def _fold(words: Sequence[str]) -> str:
    s = "".join(words).replace(" ", "")
    return s.replace("cl", "d").replace("rn", "m").translate(_OCR)


def fold_name(name: str) -> str:
    """A name as compared: lower case, letters and digits only, OCR confusions folded ("Temate" == "Ternate")."""
    return _fold(_tokens(name))


def _as_written(name: str) -> str:
    return " ".join(name.lower().split())


def _instansi_key(name: str) -> str:
    """An institution's name as compared: folded, without a closing "Republik Indonesia" / "RI"."""
    words = _tokens(name)
    for tail in _COUNTRY:
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            words = words[: -len(tail)]
    return _fold(words)


@dataclass(frozen=True)
class Government:
    """A government or central institution, as resolved."""

    key: str  # Kemendagri code ("82.71"), instansi id ("komdigi"), or "?kota:sukamaju" when in no list
    kind: str  # provinsi | kabupaten | kota | instansi ("" for a bare name in no list)
    name: str  # as people write it: "Kota Ternate", "Provinsi Sumatera Utara", "Kementerian Komunikasi dan Digital"
    province: str | None = None  # the province's code (regions)
    listed: bool = True  # in rules/regions.csv or rules/instansi.yaml
    read_as: str = ""  # how the document or the admin wrote it, when that is not `name`
    former: bool = False  # read as a former name of the institution


@dataclass(frozen=True)
class Directory:
    """The official lists, indexed by folded name."""

    regions: dict[str, Region]  # code -> region
    by_kind: dict[str, dict[str, tuple[str, ...]]]  # kind -> folded bare name -> codes
    instansi: dict[str, Instansi]  # id -> institution
    instansi_names: dict[str, str]  # folded name, abbreviation or former name -> id
    former_names: frozenset[str]  # folded former names and their abbreviations
    # folded leading words of an official name -> the folded words that continue it ("nias" -> utara, barat)
    continuations: dict[str, frozenset[str]]

    @classmethod
    def build(cls, regions: Iterable[Region], instansi: Iterable[Instansi]) -> Directory:
        by_code = {r.code: r for r in regions}
        by_kind: dict[str, dict[str, tuple[str, ...]]] = {k: {} for k in KINDS}
        following: dict[str, set[str]] = {}
        for r in by_code.values():
            bare = r.name if r.kind == "provinsi" else r.name.split(" ", 1)[1]
            index = by_kind[r.kind]
            index[fold_name(bare)] = (*index.get(fold_name(bare), ()), r.code)
            words = _TOKEN.findall(bare.lower())
            for n in range(1, len(words)):
                following.setdefault(fold_name(" ".join(words[:n])), set()).add(fold_name(words[n]))
        entries = {i.id: i for i in instansi}
        names = {_instansi_key(n): i.id for i in entries.values() for n in i.names}
        former = frozenset(
            _instansi_key(n) for i in entries.values() for f in i.former for n in (f.name, *f.abbreviations)
        )
        return cls(by_code, by_kind, entries, names, former, {k: frozenset(v) for k, v in following.items()})

    def government(self, code: str, read_as: str = "") -> Government:
        r = self.regions[code]
        return Government(code, r.kind, r.full_name, r.province_code, True, read_as)

    def institution(self, ident: str, read_as: str = "", former: bool = False) -> Government:
        return Government(ident, INSTANSI, self.instansi[ident].name, None, True, read_as, former)


@lru_cache(maxsize=1)
def directory() -> Directory:
    """The shipped lists (rules/regions.csv, rules/instansi.yaml), read once per process."""
    return Directory.build(load_regions(), load_instansi())


# ---------------------------------------------------------------------------
# resolving one name


def _split_kind(name: str) -> tuple[str, str] | None:
    """("kota", "Temate") for "Kota Temate"; None when the name does not open with a region kind."""
    head, _, bare = name.strip().partition(" ")
    return (head.lower(), bare) if head.lower() in KINDS and bare else None


def _unique(codes: Iterable[str]) -> str | None:
    found = set(codes)
    return found.pop() if len(found) == 1 else None


def _by_leading_words(bare: str, index: dict[str, tuple[str, ...]], d: Directory) -> str | None:
    """'Bandar Lampung Layanan Pengaduan' -> the region its longest leading words name (exactly or by score);
    not when the next word reads like one that continues an official name ("Nias Utxra" is no Kabupaten Nias)."""
    words = _TOKEN.findall(bare.lower())
    for n in range(len(words) - 1, 0, -1):
        key, rest = fold_name(" ".join(words[:n])), fold_name(words[n])
        if any(fuzz.ratio(rest, w) >= CONTINUATION_SCORE for w in d.continuations.get(key, ())):
            continue
        code = _unique(index.get(key, ())) if len(key) >= 4 else None
        if code or (code := _by_score(key, index)):
            return code
    return None


def _by_score(key: str, index: dict[str, tuple[str, ...]]) -> str | None:
    best = process.extract(key, list(index), scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < LIST_SCORE or len(key) < MIN_PREFIX:
        return None
    if len(best) > 1 and best[1][1] > best[0][1] - LIST_MARGIN and set(index[best[1][0]]) != set(index[best[0][0]]):
        return None
    return _unique(index[best[0][0]])


def _by_prefix(key: str, index: dict[str, tuple[str, ...]]) -> str | None:
    if len(key) < MIN_PREFIX:
        return None
    return _unique(code for name, codes in index.items() if name.startswith(key) for code in codes)


def _near(kind: str, bare: str, own: Sequence[Government]) -> Government | None:
    """The configured government when the name, or the words it opens with, is an OCR variant of its name
    (same kind, close spelling): "Kota Tenate", "Kota Sukamaju Mekar neep" (app chrome read along)."""
    words = _TOKEN.findall(bare.lower())
    keys = [k for n in range(len(words), 0, -1) if len(k := fold_name(" ".join(words[:n]))) >= 4]
    for g in own:
        split = _split_kind(g.name)
        if split and split[0] == kind and any(fuzz.ratio(k, fold_name(split[1])) >= OWN_SCORE for k in keys):
            return g
    return None


def resolve_region(kind: str, bare: str, own: Sequence[Government] = (), d: Directory | None = None) -> Government:
    """A region named by kind and name; unlisted (listed=False) when no official name fits."""
    d = d or directory()
    index, key, written = d.by_kind[kind], fold_name(bare), f"{kind.capitalize()} {bare}"
    code = _unique(index.get(key, ())) or _by_score(key, index)
    if code is None:
        near = _near(kind, bare, own)
        if near is not None:
            return replace(near, read_as=written)
        code = _by_leading_words(bare, index, d) or _by_prefix(key, index)
    if code is None:
        return Government(f"?{kind}:{key}", kind, written, None, False)
    found = d.government(code)
    return found if _as_written(found.name) == _as_written(written) else replace(found, read_as=written)


def resolve_instansi(name: str, d: Directory | None = None) -> Government | None:
    """A central institution by name, abbreviation or former name; None when it is none of the list."""
    d = d or directory()
    key = _instansi_key(name)
    ident = d.instansi_names.get(key)
    if ident is None:
        hit = process.extractOne(key, list(d.instansi_names), scorer=fuzz.ratio, score_cutoff=INSTANSI_SCORE)
        ident = d.instansi_names[hit[0]] if hit else None
        key = hit[0] if hit else key
    if ident is None and len(key) >= MIN_INSTANSI_PREFIX:
        ident = _unique(i for n, i in d.instansi_names.items() if n.startswith(key))
    if ident is None:
        return None
    found = d.institution(ident, former=key in d.former_names)
    return found if _as_written(found.name) == _as_written(name) else replace(found, read_as=name)


def resolve(name: str, own: Sequence[Government] = (), d: Directory | None = None) -> Government | None:
    """A name read from a document: a region ("Kota Temate") or an institution; None when it is neither."""
    split = _split_kind(name)
    if split:
        return resolve_region(*split, own=own, d=d)
    return resolve_instansi(name, d)


# ---------------------------------------------------------------------------
# the configured government


@dataclass(frozen=True)
class Configured:
    """The government whose evidence this is, as `--region` names it; several when a bare name is ambiguous."""

    raw: str
    governments: tuple[Government, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.governments) > 1

    @property
    def name(self) -> str:
        return self.governments[0].name if len(self.governments) == 1 else self.raw


def _bare_name(value: str, d: Directory) -> tuple[Government, ...]:
    """ "Ternate" -> Kota Ternate; "Bekasi" -> Kabupaten Bekasi and Kota Bekasi (ambiguous); in no list: itself."""
    key = fold_name(value)
    codes = sorted({c for index in d.by_kind.values() for c in index.get(key, ())})
    if not codes:
        return (Government(f"?:{key}", "", value.strip(), None, False),)
    return tuple(d.government(c, read_as=value.strip()) for c in codes)


def configured_government(value: str, d: Directory | None = None) -> Configured:
    """`--region` as a government: "Pemerintah Kota Ternate", "Kota Ternate", "Walikota Ternate", "Ternate",
    "Kementerian Komunikasi dan Digital", "Komdigi" (a former name or abbreviation of an institution)."""
    d = d or directory()
    institution = resolve_instansi(value, d)
    if institution is not None:
        return Configured(value, (replace(institution, read_as="", former=False),))
    named = canonical_region(value)
    if named:
        found = resolve(named, d=d)
        if found is not None:
            return Configured(value, (found,))
    return Configured(value, _bare_name(value, d))


# ---------------------------------------------------------------------------
# who issued a document, against the configured government

SAME, OWN_PROVINCE, OTHER = "same", "own_province", "other"
HEAD, SIGNATURE = "head", "signature"


def _bare_key(g: Government) -> str:
    """The folded name without its kind: "ternate" for Kota Ternate, "sukamaju" for an unlisted Kota Sukamaju."""
    if not g.listed:
        return g.key.rpartition(":")[2]
    split = _split_kind(g.name)
    return fold_name(split[1] if split else g.name)


def relation(doc: Government, own: Configured) -> str:
    """same: the configured government (also under a former name or an OCR variant); own_province: the
    province the configured kabupaten/kota lies in; other: another government, also one in no list (a
    fictitious or badly misread name: the message says it is not in the official list)."""
    if any(doc.key == g.key or (not g.kind and _bare_key(doc) == _bare_key(g)) for g in own.governments):
        return SAME
    if doc.kind == "provinsi" and any(g.province == doc.key and g.kind != "provinsi" for g in own.governments):
        return OWN_PROVINCE
    return OTHER


@dataclass(frozen=True)
class ForeignIssuer:
    """Another government issued the document: who, where the document says so, and what it says of ours."""

    issuer: Government
    where: str  # head (letterhead and title block) | signature (signature block or gazette)
    own_in_head: Government | None = None  # a copy: the head names ours, the signature another
    also: tuple[Government, ...] = ()  # other governments named in the same place


def _classified(names: Iterable[str], own: Configured, d: Directory) -> list[tuple[Government, str]]:
    out = []
    for name in names:
        found = resolve(name, own.governments, d)
        if found is not None:
            out.append((found, relation(found, own)))
    return out


def foreign_issuer(
    issuers: Iterable[str], signatories: Iterable[str], own: Configured, d: Directory | None = None
) -> ForeignIssuer | None:
    """Another government than the configured one issued the document, or None.

    Signed or gazetted by ours: ours. The head names ours: ours, unless only another government signs it
    (a copy of another's regulation). Otherwise the first other government of the head, then of the
    signature. A mention elsewhere (the facts reader does not pass it), the own province, an OCR variant of
    our name and an institution in no list (a Pemda's own "Badan … Daerah") are no reason."""
    d = d or directory()
    head, signed = _classified(issuers, own, d), _classified(signatories, own, d)
    if any(r == SAME for _, r in signed):
        return None
    other_signers = _distinct_governments(g for g, r in signed if r == OTHER)
    own_head = next((g for g, r in head if r == SAME), None)
    if own_head is not None:
        return ForeignIssuer(other_signers[0], SIGNATURE, own_head, other_signers[1:]) if other_signers else None
    other_head = _distinct_governments(g for g, r in head if r == OTHER)
    if other_head:
        return ForeignIssuer(other_head[0], HEAD, None, other_head[1:])
    return ForeignIssuer(other_signers[0], SIGNATURE, None, other_signers[1:]) if other_signers else None


def _distinct_governments(found: Iterable[Government]) -> tuple[Government, ...]:
    first: dict[str, Government] = {}
    for g in found:
        first.setdefault(g.key, g)
    return tuple(first.values())
