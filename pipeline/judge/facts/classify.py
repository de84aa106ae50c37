"""What kind of document it is, and its title, from the title block (the first lines).

Legal instruments open with their title line ("PERATURAN BUPATI X", "KEPUTUSAN WALI KOTA X") followed
by NOMOR / TENTANG (reference §7.1, §7.2); application screens show a URL and menu words; reports,
minutes, lists, SOPs and plans open with a heading. The words come from rules/common.yaml
(`doc_types`, `heading_types`, `lampiran_types`, `regulation_types`); the shapes are here.

Browser chrome around a page (the window and tab titles, the address bar: "Gmail - Kotak Masuk",
"Beranda - SIPD - Google Chrome", "New Tab", "< > C https://…") is left out of the head, so it is
never a title, a heading or an issuer; a screenshot's title is its first line that is not chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.judge.facts.phrases import Synonyms, alternation
from pipeline.judge.facts.regions import is_chrome
from pipeline.judge.facts.text import HEAD_LINES, fold, lines_of, squeeze
from pipeline.rules import BrowserChrome, Common, DocTypeCues, load_common

_BODY_START = re.compile(
    r"^(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|MEMUTUSKAN|MENETAPKAN|BAB\s+[IVX1L]+\b|PASAL\s+\d|I\.\s|A\.\s|1\.\s"
    r"|HARI\s*/?\s*TANGGAL|DASAR\b|PENDAHULUAN|LATAR\s+BELAKANG)"
)
_TITLE_STOP = re.compile(
    r"^(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|MEMUTUSKAN|BAB\s+[IVX1L]+\b|PASAL\b|HARI\s*/?\s*TANGGAL|YTH"
    r"|N[O0]M[O0]R\b|TANGGAL\b|[IVX]+\.\s|[A-H1-9]\.\s|\d+\.\s|KEPADA\b|DARI\b|WAKTU\b|TEMPAT\b)"
)
_NOMOR_OR_TENTANG = re.compile(r"\bN[O0]M[O0E]R\b|\bTENTANG\b")
_URL = re.compile(r"https?://|www\.|^\s*[<←]\s*[>→]?\s*C", re.I | re.M)
_IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|webp|bmp)$")
_SOP_TABLE = re.compile(r"^(?:NOMOR|NAMA)\s+SOP\b")  # an SOP table names itself ("Nomor SOP", "Nama SOP")
_OFFICE_LINE = re.compile(r"^(?:DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|BAGIAN|(?:19|20)\d\d$)")
_LETTERHEAD = re.compile(
    r"^(PEMERINTAH|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|WAL[I1]\s*K[O0]TA|BUPATI|GUBERNUR|PROVINSI|JALAN|JL)"
)
_LETTER_SUBJECT = re.compile(r"^\s*(?:Hal|Perihal)\s*:\s*(.+)$", re.I | re.M)
SCREEN_MAX_PAGES, SCREEN_MAX_CHARS = 2, 4000  # a screenshot is short
SCREEN_TAGLINE_WORDS = 3  # the line below an application's name that says what it is, not a button

# Browser chrome: a line is chrome when it is a window title ending in a browser's name, a tab title with a
# webmail's name as one of its parts, a new tab, or an address bar (a URL or the back/forward/reload buttons
# opening the line). The names are data (rules/common.yaml `browser_chrome`); the shapes of the lines are
# here. Tab strips joined by " x " and addresses anywhere in a line are what
# `pipeline.judge.facts.regions.is_chrome` also skips, for issuers and for a screenshot's title.
_TAB_PART = r"[-–—|:x×+]"  # what separates the parts of a window or tab title


def _names(names: Sequence[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"[\s\u200b]+") for n in sorted(names, key=len, reverse=True))


def chrome_pattern(chrome: BrowserChrome) -> re.Pattern:
    """One pattern for every shape of browser-chrome line, with the names of the rules."""
    return re.compile(
        rf"(?:^|\s[-\u2013\u2014|]\s*)(?:{_names(chrome.browsers)})\s*$"  # "Beranda - SIPD - Google Chrome"
        # "Gmail - Kotak Masuk"; a print-out's header puts the date and time before the tab title
        rf"|(?:^|{_TAB_PART}\s*|\d[.:]\d\d(?:\s?[AP]M)?,?\s+)(?<![@.\w])(?:{_names(chrome.webmail)})(?![\w.@])"
        rf"\s*(?:{_TAB_PART}|$)"
        rf"|(?:^|{_TAB_PART}\s*)(?:{_names(chrome.new_tab)})\s*(?:{_TAB_PART}|$)"  # "New Tab x +"
        # an address bar: back, forward and reload ("< > C", OCR: "< > CD", "<>c"), or a URL opening the line
        # after a lock icon (OCR: "D", "@") or a warning, or a bare host and a path
        r"|^\s*[<\u2190]\s*[>\u2192]\s*\S{0,3}(?:\s|$)|^\s*[<\u2190]\s*[>\u2192]?\s*C\b"
        r"|^(?:\W{0,4}|\S{1,2}\s+)(?:(?:Not secure|Tidak aman)\s*\|?\s*)?"
        r"(?:https?:/|www\.|localhost[:/]|(?:[\w-]+(?:\.[\w-]+)*\.(?:id|com|net|org)|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?/)",
    )


@lru_cache(maxsize=1)
def _shipped_chrome() -> re.Pattern:
    return chrome_pattern(load_common().browser_chrome)


def is_browser_chrome(line: str) -> bool:
    """A whole line of browser chrome: the window or tab title, or the address bar (never document text)."""
    return bool(_shipped_chrome().search(line))


@dataclass(frozen=True)
class TypeWords:
    """The doc-type vocabulary of rules/common.yaml, compiled for folded (upper-case) title lines."""

    doc_types: tuple[str, ...]
    instruments: tuple[str, ...]  # regulation_types, in order
    instrument_titles: tuple[tuple[str, re.Pattern], ...]  # type -> its title line (after the prefix)
    heading_titles: tuple[tuple[str, re.Pattern], ...]  # heading_types in order -> their heading
    lampiran_subjects: tuple[tuple[str, re.Pattern], ...]  # lampiran_types in order -> named in a subject
    lampiran_line: re.Pattern  # "LAMPIRAN" (or "SALINAN LAMPIRAN") opening a line
    draft_prefix: re.Pattern  # a draft word opening the title line, removed from the title
    screen_words: re.Pattern  # application-screen words, in lower-case text
    screenshot_file: re.Pattern  # a file name naming a screenshot


def _heading_pattern(prefix: str, cues: DocTypeCues, syn: Synonyms) -> re.Pattern:
    """A heading of one type: its title phrases opening the line, a title_anywhere phrase anywhere in it
    (as written: an abbreviation in a table row, "… DPA 650000000", is no heading), or a summary."""
    shapes = [alternation(cues.title, syn, upper=True) + r"\b"]
    if cues.title_anywhere:
        shapes.append(r".*\b" + alternation(cues.title_anywhere, {}, upper=True) + r"\b")
    if cues.summary:
        shapes.append(
            alternation(cues.summary, syn, upper=True)
            + r"\b.*\b"
            + alternation(cues.summary_of, syn, upper=True)
            + r"\b"
        )
    return re.compile(prefix + "(?:" + "|".join(shapes) + ")")


def _file_name_pattern(fragments: Sequence[str]) -> re.Pattern:
    """Fragments anywhere in a lower-case file name; those of one or two letters only as a whole word."""
    parts = [rf"\b{re.escape(f)}\b" if len(f) <= 2 else re.escape(f) for f in fragments]
    return re.compile("|".join(parts) or "(?!)")


def type_words(common: Common) -> TypeWords:
    syn, cues = common.synonyms, common.doc_types
    copy = alternation(common.signature_markers.copy_heading, syn, upper=True)
    draft = alternation(common.draft_markers.before_title, syn, upper=True)
    # the title line may carry SALINAN, a draft word and LAMPIRAN before the title proper
    prefix = rf"^(?:{copy}\s+)?(?:{draft}\s*:?\s+)?(?:LAMPIRAN\s*[IVX0-9]*\s*[:.]?\s*)?"
    screenshot = cues.get("screenshot")
    return TypeWords(
        doc_types=tuple(cues),
        instruments=common.regulation_types,
        instrument_titles=tuple(
            (t, re.compile(prefix + alternation(cues[t].title, syn, upper=True) + r"\b"))
            for t in common.regulation_types
        ),
        heading_titles=tuple((t, _heading_pattern(prefix, cues[t], syn)) for t in common.heading_types),
        lampiran_subjects=tuple(
            (t, re.compile(r"\b" + alternation(cues[t].title, syn, upper=True) + r"\b")) for t in common.lampiran_types
        ),
        lampiran_line=re.compile(rf"^(?:{copy}\s+)?LAMPIRAN\b"),
        draft_prefix=re.compile(rf"^{alternation(common.draft_markers.before_title, syn)}\s+", re.I),
        # screen labels are read as written on the screen
        screen_words=re.compile(r"\b" + alternation(screenshot.screen if screenshot else (), {}) + r"\b"),
        screenshot_file=_file_name_pattern(screenshot.file_name if screenshot else ()),
    )


@dataclass
class Head:
    lines: list[str]  # original lines of the head (first ~40 lines)
    folded: list[str]
    zone_end: int  # index of the first body line (title zone is lines[:zone_end])


def read_head(pages: Sequence[str]) -> Head:
    """The first lines of a document, without browser chrome (`is_browser_chrome`)."""
    lines: list[str] = []
    for text in pages:
        lines.extend(line for line in lines_of(text) if not is_browser_chrome(line))
        if len(lines) >= 12:
            break
    lines = lines[:HEAD_LINES]
    folded = [fold(x) for x in lines]
    zone_end = len(lines)
    for i, f in enumerate(folded):
        if i >= 2 and _BODY_START.match(f):
            zone_end = i
            break
    return Head(lines, folded, zone_end)


@dataclass(frozen=True)
class Kind:
    doc_type: str
    title_index: int | None  # the title line in the head
    parent: str | None  # the instrument type when this is its Lampiran
    instrument: str | None  # the numbered legal instrument it is or belongs to (its key's type)


def _is_titleish(line: str, index: int) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.6 or (index < 10 and len(line.split()) >= 2)


def _screen_signals(pages: Sequence[str], words: TypeWords) -> tuple[bool, int]:
    """(a URL or browser bar at the top, how many different screen words the text shows)."""
    text = "\n".join(pages[:2])
    first = "\n".join(lines_of(text)[:8])
    url = bool(_URL.search(first))
    ui = len({m.group(0) for m in words.screen_words.finditer(text.lower())})
    return url, ui


def _lampiran_type(head: Head, title_idx: int, words: TypeWords) -> str | None:
    """A Lampiran that is itself a plan document (architecture, roadmap, SOP) takes that type."""
    text = " ".join(head.folded[title_idx : min(len(head.folded), title_idx + 10)])
    m = re.search(r"\bTENTANG\b(.*)", text)
    subject = m.group(1) if m else text
    return next((t for t, pattern in words.lampiran_subjects if pattern.search(subject)), None)


def _instrument_title(head: Head, zone: range, words: TypeWords) -> tuple[str, int, str | None] | None:
    """A numbered legal instrument: its title line followed by NOMOR / TENTANG."""
    for i in zone:
        f = head.folded[i]
        for kind, pattern in words.instrument_titles:
            if not pattern.match(f) or not _NOMOR_OR_TENTANG.search(" ".join(head.folded[i : i + 5])):
                continue
            is_lampiran = bool(words.lampiran_line.match(f)) or any(
                re.match(r"^LAMPIRAN\b", head.folded[j]) for j in range(max(0, i - 2), i)
            )
            if is_lampiran:
                return _lampiran_type(head, i, words) or kind, i, kind
            return kind, i, None
    return None


def _heading(head: Head, zone: range, words: TypeWords) -> tuple[str, int] | None:
    for i in zone:
        if _is_titleish(head.lines[i], i):
            kind = next((t for t, pattern in words.heading_titles if pattern.match(head.folded[i])), None)
            if kind:
                return kind, i
    return None


def classify(head: Head, pages: Sequence[str], file_name: str, words: TypeWords) -> Kind:
    """The document type: instrument title, else application screen, else heading, else the file name."""
    doc_type, index, parent = _type_of(head, pages, file_name, words)
    return Kind(doc_type, index, parent, parent or (doc_type if doc_type in words.instruments else None))


LETTER_SUBJECT_MAX_LINES = 3  # a "Hal" that wraps: its first line and the lines that continue it


def _letter_subject(first: str, rest: str) -> str:
    """A letter's subject: the "Hal :" line and the lines that continue it, up to the addressee ("Yth.",
    "Kepada"), a numbered line or a blank line."""
    parts = [first]
    for line in rest.split("\n")[1:LETTER_SUBJECT_MAX_LINES]:
        if not line.strip() or _TITLE_STOP.match(fold(line.strip())) or ":" in line:
            break
        parts.append(line)
    return " ".join(parts)


def _letter_subject_line(head: Head) -> int | None:
    """The "Hal :"/"Perihal :" line of a letter (Tata Naskah Dinas), if the head has one."""
    return next((i for i, line in enumerate(head.lines) if _LETTER_SUBJECT.match(line)), None)


def _type_of(head: Head, pages: Sequence[str], file_name: str, words: TypeWords) -> tuple[str, int | None, str | None]:
    zone = range(min(head.zone_end + 1, len(head.lines)))
    found = _instrument_title(head, zone, words)
    letter = _letter_subject_line(head)
    if found and (letter is None or found[1] < letter):
        return found  # after a letter's "Hal :" an instrument is what the letter is about, not what it is
    if letter is not None:
        # a letter (Nomor, Sifat, Lampiran, Hal): its type is what its subject opens with ("Hal : Laporan …"),
        # else a letter; the lines after "Hal" are its body, not headings
        subject = fold(_LETTER_SUBJECT.match(head.lines[letter]).group(1))  # type: ignore[union-attr]
        kind = next((t for t, pattern in words.heading_titles if pattern.match(subject)), None)
        return kind or "other", None, None
    url, ui = _screen_signals(pages, words)
    short = sum(len(p) for p in pages) < SCREEN_MAX_CHARS
    if len(pages) <= SCREEN_MAX_PAGES and short and ((url and ui >= 1) or ui >= 4):
        return "screenshot", 0, None
    heading = _heading(head, zone, words)
    if heading:
        return heading[0], heading[1], None
    if any(_SOP_TABLE.match(f) for f in head.folded):
        return "sop", None, None
    name = file_name.lower()
    if (url and short) or (_IMAGE_FILE.search(name) and words.screenshot_file.search(name)):
        return "screenshot", 0, None
    return "other", None, None


def _dedupe_words(s: str) -> str:
    w = s.split()
    n = len(w)
    for k in range(n // 2, 2, -1):  # "X Y Z X Y Z" -> "X Y Z" (lampiran subject repeated as own title)
        if w[:k] == w[n - k :] and n - k >= k:
            return " ".join(w[:k]) if 2 * k == n else s
    return s


def _subject(head: Head, title_idx: int, instrument: bool) -> str | None:
    """A regulation's, SK's or SE's title: the subject after TENTANG, up to the preamble."""
    lines, folded = head.lines, head.folded
    for i in range(title_idx, min(len(lines), title_idx + 8) if instrument else title_idx):
        if re.search(r"\bTENTANG\b", folded[i]):
            first = re.split(r"\bTENTANG\b\s*:?", lines[i], maxsplit=1, flags=re.I)[-1].strip()
            parts = [first] if first else []
            for j in range(i + 1, min(len(lines), i + 8)):
                f = folded[j]
                if (
                    (_TITLE_STOP.match(f) and not re.match(r"^N[O0]M[O0]R\b", f))
                    or re.search(r",\s*$", f)
                    or _BODY_START.match(f)
                ):
                    break
                parts.append(lines[j])
            if parts:
                return _dedupe_words(squeeze(" ".join(parts)))
    return None


def _heading_title(head: Head, title_idx: int, words: TypeWords) -> str:
    """Other documents: the heading line (without a draft word) and its upper-case continuation lines."""
    lines, folded = head.lines, head.folded
    parts = [words.draft_prefix.sub("", lines[title_idx])]
    for j in range(title_idx + 1, min(len(lines), title_idx + 5)):
        if (
            _TITLE_STOP.match(folded[j])
            or _BODY_START.match(folded[j])
            or not lines[j].isupper()
            or _OFFICE_LINE.match(folded[j])
        ):
            break
        parts.append(lines[j])
    return squeeze(" ".join(parts))


def read_title(head: Head, kind: Kind, pages: Sequence[str], words: TypeWords) -> str:
    """The title: the subject of an instrument, a heading, a letter's "Hal", else the first upper-case line."""
    lines, folded = head.lines, head.folded
    if kind.title_index is not None and kind.doc_type != "screenshot":
        subject = _subject(head, kind.title_index, kind.instrument is not None)
        return subject if subject is not None else _heading_title(head, kind.title_index, words)
    m = _LETTER_SUBJECT.search("\n".join(pages))
    if m:
        return squeeze(_letter_subject(m.group(1), "\n".join(pages)[m.end() :]))
    if kind.doc_type == "screenshot":
        return _screen_title(lines)
    for i, line in enumerate(lines[:12]):
        if line.isupper() and len(line.split()) >= 2 and not _LETTERHEAD.match(folded[i]):
            return squeeze(line)
    return squeeze(lines[0]) if lines else ""


def _screen_title(lines: Sequence[str]) -> str:
    """A screenshot's title: the application's header below the browser chrome, its name and the line that
    says what it is ("Satu Data Sukamaju - Portal Data Terbuka …"; a button such as "Masuk" is no part)."""
    shown = [squeeze(line) for line in lines[:12] if not is_chrome(line)]  # tab strips, addresses the head kept
    if len(shown) > 1 and len(shown[1].split()) >= SCREEN_TAGLINE_WORDS:
        return f"{shown[0]} - {shown[1]}"
    return shown[0] if shown else ""
