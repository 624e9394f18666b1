"""vocabulary.py: every word has its meaning from words/en.py, and a shared word keeps one per vocabulary."""

from __future__ import annotations

from lexgap import vocabulary as v
from lexgap.words import en


def test_every_meaning_in_words_belongs_to_a_vocabulary_word() -> None:
    for name, meanings in en.MEANINGS.items():
        vocabulary = getattr(v, name)
        assert set(meanings) <= set(v.words(vocabulary)), name


def test_plain_says_a_word_in_its_vocabulary() -> None:
    assert v.plain(v.Relationship.none) != v.plain(v.Exception_.none)
    assert v.plain("not_a_word") == "not a word"
    assert v.meaning(v.Status.in_force) is None  # status words are said by the renderers


def test_nearest_and_did_you_mean() -> None:
    assert v.nearest("intent_to_harn", v.words(v.MentalElement)) == "intent_to_harm"
    assert v.did_you_mean("zzzz", ["alpha"]) == ""
