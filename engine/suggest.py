"""Vocabularies by the field names that use them, with each word's meaning (`lexgap vocabulary FIELD`).

The suggestions themselves (a synonym, a near-certain misspelling, the meaning's words, then
the nearest spelling) live in `lexgap.vocabulary.nearest`, beside the words they choose from.
"""

from __future__ import annotations

from lexgap.attributes import PRACTICES
from lexgap.vocabulary import MEANINGS, PRACTICE_VOCABULARY, VOCABULARIES, vocabulary_named

__all__ = ["PRACTICE_VOCABULARY", "entries", "vocabulary_named", "vocabulary_names"]


def vocabulary_names() -> list[str]:
    """The names `lexgap vocabulary` lists, as field names where a field uses the vocabulary."""
    return [*VOCABULARIES, PRACTICE_VOCABULARY]


def entries(key: str) -> list[tuple[str, str]]:
    """Each word of a vocabulary with its meaning."""
    if key == PRACTICE_VOCABULARY:
        return list(PRACTICES.items())
    vocabulary = VOCABULARIES[key]
    return [(word.value, MEANINGS.get((vocabulary, word.value), "")) for word in vocabulary]
