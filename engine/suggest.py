"""Finding the word a person meant: by its other names and its meaning, not by spelling alone.

`sharing_intimate_images` is spelt like `child_solicit_images` but means `ncii_disseminate`.
A suggestion is, in this order: a synonym (engine/synonyms.yaml), a near-certain misspelling,
the word whose meaning shares most words with what was written, and only then the nearest
spelling.  Vocabularies are found by the field names that use them (`area`, `conduct`...).
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from lexgap.attributes import PRACTICES
from lexgap.vocabulary import MEANINGS, VOCABULARIES

#: `lexgap vocabulary NAME` and the synonym file accept these names too (normalised: lower case, underscores).
_ALIASES = {
    "area": "area (complete_for)", "complete_for": "area (complete_for)",
    "type": "law type", "law_type": "law type",
    "kind": "instrument kind", "instrument_kind": "instrument kind",
    "categories": "victim categories", "victim_categories": "victim categories", "victims": "victim categories",
    "answer": "company practice answer", "practice_answer": "company practice answer",
    "relationship": "relationship_required", "aggravating_relationships": "relationship_required",
    "relationships": "relationship_required", "conduct_disputed": "conduct", "exception": "exceptions",
    "addressee": "addressees", "expect": "outcome", "status_expected": "outcome",
}
PRACTICE_VOCABULARY = "practice"
_STOPWORDS = frozenset({"a", "an", "the", "of", "or", "and", "to", "in", "on", "for", "by", "with", "its", "it",
                        "be", "is", "are", "must", "any", "no", "not", "only", "as", "from", "who", "that", "per"})


def _normal(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def vocabulary_named(name: str) -> str | None:
    """The vocabulary a name refers to (a key of `VOCABULARIES`, or 'practice'), or None."""
    wanted = _normal(name)
    for key in VOCABULARIES:
        if wanted in (_normal(key), _normal(key.split(" (")[0])):
            return key
    if wanted in ("practice", "practices"):
        return PRACTICE_VOCABULARY
    return _ALIASES.get(wanted)


def vocabulary_names() -> list[str]:
    """The names `lexgap vocabulary` lists, as field names where a field uses the vocabulary."""
    return [*VOCABULARIES, PRACTICE_VOCABULARY]


def entries(key: str) -> list[tuple[str, str]]:
    """Each word of a vocabulary with its meaning."""
    if key == PRACTICE_VOCABULARY:
        return list(PRACTICES.items())
    vocabulary = VOCABULARIES[key]
    return [(word.value, MEANINGS.get((vocabulary, word.value), "")) for word in vocabulary]


@cache
def synonyms() -> dict[str, dict[str, str]]:
    """By vocabulary key: each other name and the word it stands for."""
    text = (Path(__file__).resolve().parent / "synonyms.yaml").read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}
    for name, words in (yaml.safe_load(text) or {}).items():
        key = vocabulary_named(str(name))
        if key is None:
            continue
        for word, others in words.items():
            for other in others:
                found.setdefault(key, {})[_normal(str(other))] = str(word)
    return found


def _vocabulary_of(candidates: list[str]) -> type[StrEnum] | None:
    given = set(candidates)
    for vocabulary in VOCABULARIES.values():
        if given == {w.value for w in vocabulary}:
            return vocabulary
    return None


def _stem(token: str) -> str:
    for suffix in ("ing", "es", "ed", "s", "e"):
        if len(token) > 4 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def _tokens(text: str) -> set[str]:
    return {_stem(t) for t in re.split(r"[^a-z0-9]+", text.lower()) if t and t not in _STOPWORDS}


def _by_meaning(word: str, vocabulary: type[StrEnum]) -> str | None:
    wanted = _tokens(word)
    scores = {member.value: len(wanted & (_tokens(member.value)
                                          | _tokens(MEANINGS.get((vocabulary, member.value), ""))))
              for member in vocabulary}
    best = max(scores.values(), default=0)
    if best < 2:
        return None
    tied = sorted(w for w, score in scores.items() if score == best)
    if len(tied) == 1:
        return tied[0]
    # the same number of words of the meaning: the spelling decides, if it does
    ranked = sorted(((difflib.SequenceMatcher(None, word, w).ratio(), w) for w in tied), reverse=True)
    return ranked[0][1] if ranked[0][0] > ranked[1][0] else None


def suggest_word(word: str, candidates: list[str]) -> str | None:
    """The word of a vocabulary meant by `word`, when the candidates are a vocabulary's words; else None."""
    vocabulary = _vocabulary_of(candidates)
    if vocabulary is None:
        return None
    key = next(k for k, v in VOCABULARIES.items() if v is vocabulary)
    synonym = synonyms().get(key, {}).get(_normal(word))
    if synonym is not None:
        return synonym
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.85)
    if close:
        return close[0]
    return _by_meaning(word, vocabulary)
