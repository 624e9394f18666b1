"""Letters and reports in French and Spanish (issue 22): the words, the data overlays, the letters themselves.

A letter in French or Spanish is complete or it is not written: every text it needs comes from the data's
`fr:`/`es:` overlays, the clause library of that language and words/fr.py or words/es.py; a missing one is
a located problem (exit 2), never an English sentence. These tests read the letters as a reviewer would:
no English clause (a word list), every instrument under its official title in that language.
"""

from __future__ import annotations

import doctest
import io
import re
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, lexgap
from lexgap import babel_words, citations, grammar, pinpoints, words
from lexgap.compose import load_clauses
from lexgap.drafts import _read_docx, check_draft
from lexgap.knowledge import Knowledge, load_knowledge
from lexgap.letters import run_letter
from lexgap.loading import load_file
from lexgap.models import RuleSet
from lexgap.render import letter_bytes
from lexgap.translations import INSTRUMENT_TEXTS, PROVISION_TEXTS, RULE_TEXTS, missing_texts
from lexgap.words import en, es, fr

LANGUAGES = ("fr", "es")
TELEGRAM = ("telegram-2021.yaml", "al-oth-5-2021")
ROMANIA = ("romania-2020.yaml", "al-rou-2-2020")

#: English words and phrases that have no place in a French or Spanish letter (whole words). The domestic
#: law's own quoted words, names and URLs are left out before the check (`_outside_quotes`).
ENGLISH = ("the", "of the", "Please", "We are", "We have", "We would", "We refer", "concerned", "and", "which",
           "with", "that", "would", "should", "has", "have", "been", "this", "from", "by the", "to the", "for",
           "Excellency", "Annex", "Government", "Mandates of", "REFERENCE", "in its words", "ratified by",
           "is a party", "on the", "Special Rapporteur", "Working Group", "Paragraph", "Principle", "para.",
           "January", "February", "December", "Dear", "Madam", "Sir", "regards", "consideration")


def _outside_quotes(text: str) -> str:
    """The letter's own words: quoted words (the statute's, a chat's name), URLs and link targets left out."""
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"«[^»]*»|“[^”]*”|„[^”“]*[”“]|\"[^\"]*\"", " ", text)


def _english_in(text: str) -> list[str]:
    own = " ".join(_outside_quotes(text).split())
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", own)]


@pytest.fixture(scope="module")
def bundled() -> Knowledge:
    return load_knowledge()


def _letter(subject: str, plan: str | None, language: str, fmt: str, knowledge: Knowledge) -> tuple[Any, list[Any]]:
    return letter_bytes(subject, fmt, None, plan=plan, knowledge=knowledge, language=language)


def _text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        text, problems = _read_docx(io.BytesIO(data), "letter.docx")
        assert not problems and text is not None
        return text
    return data.decode("utf-8")


# --- the words of each language ----------------------------------------------------------------


def _names(module: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(module).items()
            if not name.startswith("_") and name not in ("annotations",)
            and (name.isupper() or callable(value)) and getattr(value, "__module__", module.__name__)
            == module.__name__}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


#: The LETTER words whose French and Spanish say more than the English: the agreement of a participle with
#: the instrument, and the relative that refers back to it ('ratifiée', 'à laquelle', 'en la que').
AGREEMENT = {"ratified", "approved", "which_party", "which_to"}


def _compare(english: Any, other: Any, where: str, language: str) -> list[str]:
    if isinstance(english, dict):
        if not isinstance(other, dict):
            return [f"{language}: {where} is not a table"]
        wrong = [f"{language}: {where}[{key!r}] is missing" for key in english if key not in other]
        return wrong + [w for key in english if key in other
                        for w in _compare(english[key], other[key], f"{where}[{key!r}]", language)]
    if isinstance(english, str):
        if not isinstance(other, str) or not other.strip():
            return [f"{language}: {where} is empty"]
        extra = AGREEMENT if where.startswith("LETTER") else set()
        if not _fields(other) <= _fields(english) | extra or not _fields(english) <= _fields(other):
            return [f"{language}: {where} has the placeholders {sorted(_fields(other))}, English "
                    f"{sorted(_fields(english))}"]
    return []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_name_of_the_english_words_is_in_each_language(language: str) -> None:
    english, other = _names(en), _names(words.module(language))
    assert sorted(set(english) - set(other)) == []
    wrong = [w for name, value in english.items() if not callable(value)
             for w in _compare(value, other[name], name, language)]
    assert wrong == []


def test_the_words_of_a_date_and_a_verification_are_in_each_language() -> None:
    import datetime as dt

    day = dt.date(2021, 1, 25)
    assert (en.date(day), fr.date(day), es.date(day)) == ("25 January 2021", "25 janvier 2021", "25 de enero de 2021")
    assert fr.date(dt.date(2021, 1, 1)) == "1er janvier 2021"
    assert (fr.verified("primary"), es.verified("secondary")) == ("vérifié", "no verificado")


def test_the_words_in_use_follow_the_language_chosen() -> None:
    from lexgap.vocabulary import Conduct, plain

    assert plain(Conduct.ncii_disseminate) == "disseminating intimate images without consent"
    with words.use("fr"):
        assert plain(Conduct.ncii_disseminate) == "diffusion d'images intimes sans consentement"
        with words.use("es"):
            assert words.current.STATUS_TITLE["gap"] == "Laguna"
        assert words.current.STATUS_TITLE["gap"] == "Lacune"
    assert words.current.STATUS_TITLE["gap"] == "Gap"
    with pytest.raises(ValueError, match="no words for language 'de'"), words.use("de"):
        pass


@pytest.mark.parametrize("module", [babel_words, grammar, pinpoints, citations])
def test_the_examples_of_the_language_modules_hold(module: Any) -> None:
    assert doctest.testmod(module).failed == 0


def test_pinpoints_have_one_form_per_language() -> None:
    assert pinpoints.pinpoint("art_34", "fr") == "art. 34"
    assert pinpoints.pinpoint("art_20__para_3", "fr") == "art. 20, par. 3"
    assert pinpoints.pinpoint("art_34", "es") == "artículo 34"
    assert pinpoints.pinpoint("art_20__para_3", "es") == "artículo 20, párrafo 3"
    assert pinpoints.pinpoint("para_24__lit_b", "es") == "párr. 24 b)"
    assert pinpoints.pinpoint("art_24__para_1", "fr", spelled=True) == "Article 24, par. 1"
    assert pinpoints.pinpoint("sect_iii__subsect_c", "es") == "sección III.C"
    # what the letter writes, check-draft reads back as the data's pinpoint
    for portion, data in (("art_20__para_1__lit_c", "art. 20(1)(c)"), ("para_29__lit_a", "para. 29(a)"),
                          ("principle_13", "principle 13"), ("art_2__lit_c", "art. 2(c)")):
        for language in LANGUAGES:
            found = citations.find_pinpoints(pinpoints.pinpoint(portion, language))
            assert [c.items for c in found] == [(data,)], (portion, language)


# --- the data: every text a letter needs, in three languages -----------------------------------


def _rules_files() -> list[Path]:
    return sorted((REPO / "rules").glob("*.yaml"))


@pytest.mark.parametrize("path", _rules_files(), ids=lambda p: p.name)
def test_every_bundled_rule_has_its_texts_in_french_and_spanish(path: Path) -> None:
    model, loaded = load_file(path, "rules")
    assert isinstance(model, RuleSet), loaded.problems
    assert model.languages == ["en", "fr", "es"]  # so that `lexgap validate` holds the file to all three
    missing = [f"{rule.id}: {language} {field}" for rule in model.rules
               for field, language in missing_texts(rule, RULE_TEXTS, LANGUAGES)]
    assert missing == []


def test_every_clause_is_in_three_languages() -> None:
    for language in ("en", *LANGUAGES):
        clauses, problems = load_clauses(language=language)
        assert problems == [] and clauses is not None, language


def _cited(knowledge: Knowledge) -> dict[str, set[str]]:
    from lexgap import ids

    cited: dict[str, set[str]] = {}
    for rule in knowledge.rules:
        for ref in rule.basis:
            instrument, portion = ids.split_basis_ref(ref)
            cited.setdefault(instrument, set()).add(portion)
    return cited


def test_every_instrument_a_rule_cites_has_its_titles_and_paraphrases_in_french_and_spanish(
        bundled: Knowledge) -> None:
    missing = []
    for instrument_id, portions in sorted(_cited(bundled).items()):
        instrument = bundled.instruments[instrument_id]
        missing += [f"{instrument_id}: {language} {field}"
                    for field, language in missing_texts(instrument, INSTRUMENT_TEXTS, LANGUAGES)]
        missing += [f"{instrument_id}~{p.id}: {language} {field}" for p in instrument.provisions if p.id in portions
                    for field, language in missing_texts(p, PROVISION_TEXTS, LANGUAGES)]
    assert missing == []


# --- validation: a missing translation is located -------------------------------------------------


RULE = """\
format: rules
{languages}rules:
  - id: my-rule
    label: a rule of my own
    severity: low
    why: Because.
    gap_when: {{conduct: {{any_of: [online_harass]}}}}
    basis: [crc~art_34]
    letter:
      concern: "{{{{ provision }}}} falls short."
      question: Please say why.
      missing_question: Please say whether.
{overlay}"""


def test_validate_reports_a_missing_french_letter_text_with_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE.format(languages="languages: [en, fr]\n",
                                overlay="    fr:\n      label: une règle\n"), encoding="utf-8")
    run = lexgap("validate", str(path))
    assert run.code == 2, run.output
    assert f"{path}:14:5: rule 'my-rule' has no French letter.concern" in run.output
    assert "no French label" not in run.output  # the label is there


def test_validate_reports_a_french_text_taken_out_of_a_bundled_rules_file(tmp_path: Path) -> None:
    lines = (REPO / "rules" / "remedies.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line == "    fr:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    (tmp_path / "remedies.yaml").write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lexgap", "validate", str(tmp_path / "remedies.yaml")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    located = [line for line in run.stdout.splitlines() if line.startswith(f"{tmp_path / 'remedies.yaml'}:6:5: ")]
    assert len(located) == 4 and all("has no French" in line for line in located), run.stdout


def test_an_english_only_rules_file_stays_valid_and_writes_english_letters(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE.format(languages="", overlay=""), encoding="utf-8")
    run = lexgap("validate", str(path))
    assert run.code == 0, run.output


def test_a_french_letter_names_each_missing_text_in_its_file(tmp_path: Path, bundled: Knowledge) -> None:
    """A French letter needs the French texts of each rule it uses, declared or not: located, exit 2."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text(RULE.format(languages="", overlay="").replace(
        "gap_when: {conduct: {any_of: [online_harass]}}", "gap_when: {conduct: {any_of: [ncii_disseminate]}}"),
        encoding="utf-8")
    run = lexgap("letter", "romania-2020.yaml", "--lang", "fr", "--rules", str(rules), "--rule", "my-rule")
    assert run.code == 2, run.output
    assert re.search(rf"{re.escape(str(rules / 'mine.yaml'))}:3:5: rule 'my-rule' has no French letter\.", run.output)
    english = lexgap("letter", "romania-2020.yaml", "--rules", str(rules), "--rule", "my-rule", "-f", "text")
    assert english.code == 0, english.output


# --- the letters --------------------------------------------------------------------------------


def _complete(subject: str, plan: str | None, language: str, fmt: str, knowledge: Knowledge) -> str:
    data, problems = _letter(subject, plan, language, fmt, knowledge)
    assert problems == [] and data is not None, [str(p) for p in problems]
    again, _ = _letter(subject, plan, language, fmt, knowledge)
    assert again == data  # byte-identical on a second run
    return _text(data, fmt)


@pytest.mark.parametrize("fmt", ["markdown", "docx"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_telegram_letter_is_complete_in_french_and_spanish(language: str, fmt: str, bundled: Knowledge) -> None:
    text = _complete(*TELEGRAM, language, fmt, bundled)
    assert _english_in(text) == []
    _official_titles(text, TELEGRAM, language, bundled)
    assert {"fr": "25 janvier 2021", "es": "25 de enero de 2021"}[language] in text


def _official_titles(text: str, case: tuple[str, str], language: str, knowledge: Knowledge) -> None:
    """Every instrument of the annex under its official title in the letter's language."""
    letter, problems = run_letter(case[0], plan=case[1], knowledge=knowledge, language=language)
    assert letter is not None, problems
    flat = " ".join(text.split())
    for item in letter.annex:
        instrument = knowledge.instruments[item.instrument]
        official = getattr(instrument, language).title
        assert official in item.text and official in flat, (item.instrument, official)
        assert instrument.title not in flat or instrument.title == official


@pytest.mark.parametrize("plan", [None, ROMANIA[1]], ids=["no-plan", "plan"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_romania_letter_is_complete_in_french_and_spanish(language: str, plan: str | None,
                                                              bundled: Knowledge) -> None:
    for fmt in ("markdown", "docx"):
        text = _complete(ROMANIA[0], plan, language, fmt, bundled)
        assert _english_in(text) == []


def test_the_word_list_finds_an_english_clause() -> None:
    """The check itself: it finds English, and leaves the statute's quoted words alone."""
    assert _english_in("Nous rappelons la Convention. We are concerned that the law fails.") == \
        ["the", "We are", "concerned", "that"]
    assert _english_in("Le groupe « Porn (RO) Info: Sursa nr. 1 … » et “the chat of the girls”.") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_letter_in_french_or_spanish_is_its_plans_language_by_default(language: str, tmp_path: Path,
                                                                        bundled: Knowledge) -> None:
    plan = (REPO / "legislation" / "letters" / f"{TELEGRAM[1]}.yaml").read_text(encoding="utf-8")
    assert "\nlanguage:" not in plan  # English by default
    mine = tmp_path / "plan.yaml"
    mine.write_text(plan.replace("\nformat: letter_plan\n", f"\nformat: letter_plan\nlanguage: {language}\n"),
                    encoding="utf-8")
    letter, problems = run_letter(TELEGRAM[0], plan=str(mine), knowledge=bundled)
    assert letter is not None, problems
    assert letter.language == language
    english, _ = run_letter(TELEGRAM[0], plan=str(mine), knowledge=bundled, language="en")
    assert english is not None and english.language == "en" and english.salutation.startswith("Dear")


# --- check-draft reads French and Spanish -------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_french_or_spanish_draft_of_the_telegram_letter_checks_clean(language: str, bundled: Knowledge) -> None:
    text = _complete(*TELEGRAM, language, "markdown", bundled)
    assert check_draft(text, "draft.md", bundled) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_french_or_spanish_draft_of_the_romania_letter_checks_clean(language: str, bundled: Knowledge) -> None:
    from lexgap.knowledge import load_subject
    from lexgap.models import Jurisdiction
    from lexgap.paths import resolve_subject

    subject, _ = load_subject(resolve_subject(ROMANIA[0]), bundled)
    assert isinstance(subject, Jurisdiction)
    text = _complete(ROMANIA[0], None, language, "markdown", bundled)
    assert check_draft(text, "draft.md", bundled, subject) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_check_draft_finds_slips_in_french_and_spanish(language: str, bundled: Knowledge) -> None:
    """Not clean by not reading: a wrong resolution for a mandate and a wrong date of an instrument are found in
    each language, and in French a passage under the wrong article."""
    text = _complete(*TELEGRAM, language, "markdown", bundled)
    dated = {"fr": "A/HRC/17/31 du 16 juin 2011", "es": "A/HRC/17/31 de 16 de junio de 2011"}[language]
    assert "41/6, 43/22" in text and dated in text
    slipped = text.replace("41/6, 43/22", "41/6, 34/16").replace(dated, dated.replace("2011", "2012"))
    if language == "fr":
        assert "Article 34 de la CDE" in slipped
        slipped = slipped.replace("Article 34 de la CDE", "Article 19 de la CDE")
    found = {(i.kind.value, i.found) for i in check_draft(slipped, "draft.md", bundled)}
    assert ("wrong_resolution", "34/16") in found, found
    assert ("wrong_date", dated.split(" ", 1)[1].replace("2011", "2012").removeprefix("du ").removeprefix("de ")
            ) in found, found
    if language == "fr":
        assert ("wrong_pinpoint", "Article 19") in found, found


# --- reports and assessments -----------------------------------------------------------------------


def test_assess_speaks_french_and_spanish_and_json_stays_neutral() -> None:
    french = lexgap("assess", "romania-2020.yaml", "-f", "markdown", "--lang", "fr")
    assert "Lacune" in french.stdout and "Il s'agit d'une lacune" in french.stdout, french.output[-2000:]
    spanish = lexgap("assess", "romania-2020.yaml", "-f", "markdown", "--lang", "es")
    assert "Se trata de una laguna" in spanish.stdout
    workers = lexgap("assess", "romania-2020.yaml", "romania-2024.yaml", "-j", "2", "-f", "markdown", "--lang", "fr")
    assert "| Lacune |" in workers.stdout and "| Gap |" not in workers.stdout  # forked workers keep the language
    neutral = lexgap("assess", "romania-2020.yaml", "-f", "json")
    assert lexgap("assess", "romania-2020.yaml", "-f", "json", "--lang", "fr").stdout == neutral.stdout
    version_2 = lexgap("assess", "romania-2020.yaml", "-f", "json2")
    assert lexgap("assess", "romania-2020.yaml", "-f", "json2", "--lang", "es").stdout == version_2.stdout


def test_a_letter_language_that_lexgap_does_not_write_is_refused() -> None:
    run = lexgap("letter", "romania-2020.yaml", "--lang", "de")
    assert run.code == 2 and "de" in run.output


def test_a_plan_scaffolded_for_a_french_letter_says_its_language(bundled: Knowledge) -> None:
    data, problems = letter_bytes(TELEGRAM[0], "markdown", None, init=True, knowledge=bundled, language="fr")
    assert problems == [] and data is not None
    text = data.decode("utf-8")
    assert "\nlanguage: fr " in text and '"Telegram Messenger LLP"' in text
