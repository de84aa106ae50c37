"""The facts vocabulary: the words of rules/common.yaml, compiled once per rules version for the steps.

rules/common.yaml is the one source of the words the facts steps read (document-type titles, draft
and signature markers, revocation phrases, regulation types); each step compiles its share into the
regular expressions it needs (`type_words`, `status_words`, `reference_words`). Compiling takes a few
milliseconds, so the result is kept per content of the rules: the same rules give the same object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.judge.facts.classify import TypeWords, type_words
from pipeline.judge.facts.references import ReferenceWords, reference_words
from pipeline.judge.facts.status import StatusWords, status_words
from pipeline.rules import Common, load_common

_CACHE_SIZE = 8


@dataclass(frozen=True)
class FactsVocabulary:
    types: TypeWords
    status: StatusWords
    references: ReferenceWords

    @property
    def doc_types(self) -> tuple[str, ...]:
        return self.types.doc_types


def _rules_version(common: Common) -> str:
    """What the vocabulary depends on, as text: equal text, equal vocabulary."""
    return repr(
        (
            common.synonyms,
            common.doc_types,
            common.heading_types,
            common.lampiran_types,
            common.regulation_types,
            common.draft_markers,
            common.signature_markers,
            common.revoke_phrases,
        )
    )


_built: dict[str, FactsVocabulary] = {}


def facts_vocabulary(common: Common) -> FactsVocabulary:
    """The vocabulary of these rules, compiled on first use."""
    version = _rules_version(common)
    vocabulary = _built.get(version)
    if vocabulary is None:
        if len(_built) >= _CACHE_SIZE:
            _built.pop(next(iter(_built)))  # the oldest rules version
        vocabulary = _built[version] = FactsVocabulary(
            type_words(common), status_words(common), reference_words(common)
        )
    return vocabulary


@lru_cache(maxsize=1)
def default_vocabulary() -> FactsVocabulary:
    """The vocabulary of the shipped rules/common.yaml (read once per process)."""
    return facts_vocabulary(load_common())
