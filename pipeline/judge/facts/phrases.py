"""Phrases of rules/common.yaml as regular expressions that read them in raw and OCR'd text.

Rule phrases are normalised text ("peraturan wali kota", "cap dto"), and the synonyms table says how
else a phrase is written ("peraturan walikota", "perwali", "perwal"). The facts steps read titles,
markers and citations in the extracted text itself, so each phrase becomes a regular expression that
reads every spelling, with its words separated by spaces, dots, slashes or hyphens, or run together
("s o p" reads "SOP", "S.O.P" and "S O P"; "cap dto" reads "Cap/dto"). The boundaries around a phrase
are the structure of the step that uses it, not part of the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import product

SEPARATOR = r"[\s./\-]*"

Synonyms = Mapping[str, tuple[str, ...]]


def spellings(phrases: Iterable[str], synonyms: Synonyms) -> tuple[str, ...]:
    """The phrases in every spelling the synonyms give them, longest first (an alternation then prefers the
    longest reading), without repeats.

    A phrase is cut into synonym entries, longest entry first ("keputusan wali kota" is one entry, read
    also "keputusan walikota", "kepwal", "kepwali"); each entry may be written as any of its variants.
    """
    entries = sorted(synonyms, key=lambda k: (-len(k.split()), k))
    found: set[str] = set()
    for phrase in phrases:
        found.update(_spellings_of(phrase, entries, synonyms))
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def _spellings_of(phrase: str, entries: list[str], synonyms: Synonyms) -> set[str]:
    words = phrase.split()
    options: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        entry = next((e for e in entries if words[i : i + len(e.split())] == e.split()), None)
        if entry is None:
            options.append((words[i],))
            i += 1
        else:
            options.append((entry, *synonyms[entry]))
            i += len(entry.split())
    return {" ".join(choice) for choice in product(*options)}


def _word(word: str, *, upper: bool, ocr: bool) -> str:
    if upper:
        return re.escape(word.upper())
    if ocr:  # OCR reads an o as 0 and an i as 1
        return "".join("[o0]" if c == "o" else "[i1]" if c == "i" else re.escape(c) for c in word)
    return re.escape(word)


def alternation(phrases: Iterable[str], synonyms: Synonyms, *, upper: bool = False, ocr: bool = False) -> str:
    """One non-capturing group matching any spelling of the phrases, without boundaries.

    `upper`: for text already folded to upper case (pipeline.judge.facts.text.fold), else for lower case
    or case-insensitive matching; `ocr`: letters O and I may have been read as digits.
    """
    spelled = spellings(phrases, synonyms)
    if not spelled:
        return "(?!)"  # an empty list matches nothing
    return "(?:" + "|".join(SEPARATOR.join(_word(w, upper=upper, ocr=ocr) for w in s.split()) for s in spelled) + ")"


def fragments(parts: Iterable[str]) -> str:
    """Literal fragments (file names), longest first, as one non-capturing group."""
    ordered = sorted(set(parts), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(p) for p in ordered) + ")" if ordered else "(?!)"
