"""The standards' paraphrases say only what the text says; lexgap's readings are kept apart and shown as ours."""

from __future__ import annotations

import json
import re

import pytest

from helpers import lexgap
from lexgap.knowledge import Knowledge

#: Drafting notes and glosses that must never sit in a paraphrase (which a letter prints as the instrument's words).
DRAFTING = re.compile(r"our note|\(our |per the letter|our reading|our analysis|in our view|lexgap|\(note:|"
                      r"paragraph not identified|not checked|not verified|not been (?:checked|verified)|"
                      r"research notes|notes de recherche|notas de investigación|"
                      r"n'a pas été vérifiée?|n'a pas été contrôlée?|no se ha (?:comprobado|verificado)", re.I)


def _paraphrases(knowledge: Knowledge) -> list[tuple[str, str]]:
    """Each provision's paraphrase in every language lexgap has, named 'instrument~provision (language)'."""
    return [(f"{i.id}~{p.id} ({language})", text) for i in knowledge.instruments.values() for p in i.provisions
            for language, text in [("en", p.paraphrase), ("fr", p.fr and p.fr.paraphrase),
                                   ("es", p.es and p.es.paraphrase)] if text]


def test_no_paraphrase_carries_a_drafting_note_or_our_reading(knowledge: Knowledge) -> None:
    """In any language: a letter or memo prints the paraphrase as what the instrument says."""
    found = [f"{where}: {m.group(0)!r}" for where, text in _paraphrases(knowledge) if (m := DRAFTING.search(text))]
    assert not found, found


def test_the_directives_articles_11_to_16_say_what_each_article_requires(knowledge: Knowledge) -> None:
    """They once all said 'One of the Directive's articles 11 to 16 ... has not been checked', even where the
    article had been read; each now says what it asks of Member States, in each language."""
    said = {p.id: p for p in knowledge.instruments["eu-directive-2011-36"].provisions}
    expected = {"art_11": "reasonable grounds", "art_12": "legal counselling",
                "art_13": "presume the person to be a child", "art_14": "durable solution",
                "art_15": "representative", "art_16": "unaccompanied"}
    for article, words in expected.items():
        provision = said[article]
        assert words in provision.paraphrase, article
        assert "One of the Directive's articles" not in provision.paraphrase, article
        assert provision.fr and provision.fr.paraphrase and provision.es and provision.es.paraphrase, article
        assert "articles 11 à 16" not in provision.fr.paraphrase and "artículos 11 a 16" not in provision.es.paraphrase
        assert "predates this reading" not in (provision.source.note or ""), article


@pytest.mark.parametrize(("rule", "ref", "text_says", "not_in_text", "reading_says"), [
    ("trafficking-extra-intent-requirement", "Palermo Protocol art. 5(1)", "when committed intentionally",
     "specific intent", "a further specific intent"),
    ("trafficking-extra-intent-requirement", "CETS No. 197 art. 18", "when committed intentionally",
     "specific intent", "a further specific intent"),
    ("consent-of-child-treated-as-relevant", "Lanzarote Convention art. 18(1)(a)",
     "has not reached the legal age for sexual activities", "consent", "no room for the child's consent"),
])
def test_explain_shows_the_treaty_words_apart_from_lexgaps_reading(rule: str, ref: str, text_says: str,
                                                                  not_in_text: str, reading_says: str) -> None:
    run = lexgap("explain", rule)
    assert run.code == 0, run.output
    lines = run.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  - {ref} ("))
    paraphrase, reading = lines[start + 1], lines[start + 2]
    assert text_says in paraphrase and not_in_text not in paraphrase
    assert reading.startswith("    lexgap's reading: ") and reading_says in reading


def test_a_finding_shows_lexgaps_reading_as_ours() -> None:
    run = lexgap("assess", "romania-2020.yaml", "-f", "json", "--rule", "trafficking-extra-intent-requirement")
    findings = json.loads(run.stdout)["findings"]
    [gap] = [f for f in findings if f["status"] == "gap"]
    explanation = gap["explanation"]
    said = "Palermo Protocol art. 5(1): Each State Party must adopt the legislative and other measures"
    assert said in explanation
    assert "(lexgap's reading: lexgap reads 'when committed intentionally'" in explanation


def test_the_letters_annex_prints_the_paraphrase_never_lexgaps_reading(knowledge: Knowledge) -> None:
    run = lexgap("letter", "romania-2020.yaml", "-f", "json")
    assert run.code == 0, run.output
    letter = json.loads(run.stdout)
    annex = json.dumps(letter["annex"])
    readings = [p.reading.text for i in knowledge.instruments.values() for p in i.provisions if p.reading]
    assert readings
    assert "Each State Party must adopt the legislative and other measures needed" in annex
    assert not [r for r in readings if r[:60] in annex]
    assert "lexgap's reading" not in annex and "lexgap reads" not in annex
