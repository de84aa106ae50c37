"""One canonical text form for matching: lower case, no accents, no punctuation, synonyms folded.

"Peraturan Walikota", "PERWALI" and "Perwal" all become "peraturan wali kota";
"Sistem Pemerintahan Berbasis Elektronik" becomes "spbe". Rules are written in
this form, so matching compares like with like.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
FUZZY_VARIANT_MIN_LEN = 20  # long variants are folded even with OCR damage ("sistim ... elektonik")
FUZZY_VARIANT_SCORE = 90.0
MAX_FUZZY_FOLDS = 500
ANCHOR_MIN_LEN = 6


def simplify(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    decomposed = _COMBINING.sub("", unicodedata.normalize("NFKD", text))  # "é" -> "e"
    ascii_text = decomposed.encode("ascii", "replace").decode("ascii").lower()  # other non-ASCII -> "?" -> space
    return _NON_WORD.sub(" ", ascii_text).strip()


def snap_to_words(text: str, start: int, end: int, slack: int = 3) -> tuple[int, int] | None:
    """Widen or trim a fuzzy hit to whole words; None when that needs more than `slack` characters.

    A fuzzy window has the phrase's length, so an OCR-damaged word that is a letter shorter or
    longer leaves the window a space too long or a letter short; a hit in the middle of another
    word ("pusat data" for "satu data") needs more than that and is refused.
    """
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    new_start, new_end = start, end
    while new_start > 0 and text[new_start - 1] != " ":
        new_start -= 1
    while new_end < len(text) and text[new_end] != " ":
        new_end += 1
    if start - new_start > 0 or new_end - end > slack:
        return None
    return new_start, new_end


CLITICS = ("nya", "lah", "kah")  # Indonesian suffixes that glue onto any word ("pusat datanya")


def word_score(phrase: str, words: str) -> float:
    """Similarity of a phrase to the whole words a fuzzy hit was widened to, ignoring a clitic."""
    candidates = [words] + [words[: -len(c)] for c in CLITICS if words.endswith(c)]
    return max(fuzz.ratio(phrase, w) for w in candidates)


class Normalizer:
    """simplify() then rewrite every synonym variant to its canonical phrase."""

    def __init__(self, synonyms: dict[str, tuple[str, ...]]):
        pairs = {}
        for canonical, variants in synonyms.items():
            for variant in variants:
                variant = simplify(variant)
                if variant and variant != simplify(canonical):
                    pairs[variant] = simplify(canonical)
        self._pairs = pairs
        self._fuzzy = sorted((v for v in pairs if len(v) >= FUZZY_VARIANT_MIN_LEN), key=len, reverse=True)
        # A damaged long variant still has most of its long words intact: without any of them in the
        # text, the (costly) fuzzy search cannot succeed and is skipped.
        self._anchors = {v: tuple(w for w in v.split() if len(w) >= ANCHOR_MIN_LEN) or (v,) for v in self._fuzzy}
        if pairs:
            alternatives = "|".join(re.escape(v) for v in sorted(pairs, key=len, reverse=True))
            self._pattern: re.Pattern[str] | None = re.compile(rf"(?<![0-9a-z])(?:{alternatives})(?![0-9a-z])")
        else:
            self._pattern = None

    def __call__(self, text: str) -> str:
        return self.canonical(simplify(text))

    def canonical(self, simple: str) -> str:
        """Fold synonyms in text that is already simplified."""
        if self._pattern is None:
            return simple
        return self._fold_damaged(self._pattern.sub(lambda m: self._pairs[m.group(0)], simple))

    def _fold_damaged(self, text: str) -> str:
        """Fold OCR-damaged or misspelt long variants that the exact pass left behind, left to right:
        a replacement is never searched again (a canonical form may itself be close to the variant,
        as "standar operasional prosedur" is to "...prosedure")."""
        for variant in self._fuzzy:
            if not any(anchor in text for anchor in self._anchors[variant]):
                continue
            canonical = self._pairs[variant]
            position = 0
            for _ in range(MAX_FUZZY_FOLDS):
                rest = text[position:]
                if len(rest) < len(variant):
                    if position == 0 and fuzz.ratio(variant, rest) >= FUZZY_VARIANT_SCORE:
                        text = canonical
                    break
                found = fuzz.partial_ratio_alignment(variant, rest, score_cutoff=FUZZY_VARIANT_SCORE)
                if found is None:
                    break
                span = snap_to_words(rest, found.dest_start, found.dest_end)
                if span is None:
                    break  # inside a longer word: not this variant
                start, end = position + span[0], position + span[1]
                text = text[:start] + canonical + text[end:]
                position = start + len(canonical)
        return text


@lru_cache(maxsize=4)
def normalizer_for(synonyms_key: tuple[tuple[str, tuple[str, ...]], ...]) -> Normalizer:
    return Normalizer(dict(synonyms_key))
