"""The standards' paraphrases say only what the text says; lexgap's readings are kept apart and shown as ours."""

from __future__ import annotations

import json
import re

import pytest

from helpers import lexgap
from lexgap.knowledge import Knowledge

#: Drafting notes and glosses that must never sit in a paraphrase (which a letter prints as the instrument's words).
DRAFTING = re.compile(r"our note|\(our |per the letter|our reading|our analysis|in our view|lexgap|\(note:|"
                      r"paragraph not identified|not checked|not verified", re.I)


def test_no_paraphrase_carries_a_drafting_note_or_our_reading(knowledge: Knowledge) -> None:
    found = [f"{i.id}~{p.id}: {m.group(0)!r}" for i in knowledge.instruments.values() for p in i.provisions
             if (m := DRAFTING.search(p.paraphrase))]
    assert not found, found


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
