"""The `letter` verb end to end on the bundled Romania and Telegram files, in every format."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from helpers import REPO, read_only_folder
from lexgap.letters import Letter, build_letter, run_letter
from lexgap.output import write_atomic
from lexgap.render import formats, render_bytes

ROMANIA = "romania-2020.yaml"
TELEGRAM = "telegram-2021.yaml"


def _letter(name: str, fmt: str = "markdown") -> bytes:
    letter, problems = run_letter(name, None)
    assert not problems, "\n".join(map(str, problems))
    assert letter is not None
    return render_bytes("letter", fmt, letter)


@pytest.fixture(scope="module")
def romania_md() -> str:
    return _letter(ROMANIA).decode("utf-8")


@pytest.fixture(scope="module")
def romania_json() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(_letter(ROMANIA, "json"))
    return found


@pytest.fixture(scope="module")
def telegram_json() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(_letter(TELEGRAM, "json"))
    return found


def _section(markdown: str, heading: str) -> str:
    """The text of one `## heading` section of a Markdown letter."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    assert match, f"no section {heading!r}"
    return match.group(1)


def _concerns(letter: dict[str, Any]) -> dict[str, str]:
    return {key: p["text"] for group in letter["concerns"] for p in group["paragraphs"] for key in p["findings"]}


def _questions(letter: dict[str, Any]) -> dict[str, str]:
    return {key: q["text"] for q in letter["questions"] for key in q["findings"]}


# --- Romania ---------------------------------------------------------------------------------

CYBER = "ro/act/2003/217~art_4__para_1__lit_h"
POSITION_606 = "ro/position/2020/606~art_1"
DRAFT_655 = "ro/draft/2020/655~art_1"


def test_romania_letter_has_subject_line_and_information_received_with_sources(romania_md: str) -> None:
    assert "**Subject:** Online sexual exploitation of girls through social media and messaging apps" in romania_md
    information = _section(romania_md, "Information received")
    assert "girls from Craiova, some aged 12" in information
    assert "None of the victims is said to have been contacted by the police.[^" in information


def test_romania_concerns_cover_the_three_legal_gaps_of_the_seed_letter(romania_md: str,
                                                                        romania_json: dict[str, Any]) -> None:
    concerns = _concerns(romania_json)
    relationship = concerns[f"limited-to-domestic-relationships@{CYBER}"]
    assert "Cyber-violence as a form of domestic violence" in relationship
    assert "applies only where the perpetrator is a family member or a current or former partner" in relationship
    assert "CEDAW General Recommendation No. 35 paras 20 and 29(a)" in relationship
    intent_606 = concerns[f"intent-to-harm-requirement@{POSITION_606}"]
    assert "as the Government asked to change it (Government position on Bill 606/2019" in intent_606
    assert "intended to harm, shame or distress the victim" in intent_606
    public_interest = concerns[f"public-interest-exception@{POSITION_606}"]
    assert "serve the public interest" in public_interest
    intent_655 = concerns[f"trafficking-extra-intent-requirement@{DRAFT_655}"]
    assert "Draft law 655/2020" in intent_655
    assert "intent beyond the purpose of exploitation" in intent_655
    assert "the Palermo Protocol arts 3(a) and 5(1)" in intent_655
    assert "CETS No. 197 arts 4(a) and 18" in intent_655
    section = _section(romania_md, "Concerns")
    for text in (relationship, intent_606, public_interest, intent_655):
        assert text in section
    # one heading per law or bill, with its status in words
    assert "### Law 217/2003 (domestic violence) (in force)" in section
    assert "### Government position on Bill 606/2019 (draft)" in section
    assert "### Draft law 655/2020 (draft known only from reports)" in section


def test_romania_questions_are_numbered_and_cover_the_gaps(romania_md: str, romania_json: dict[str, Any]) -> None:
    questions = _questions(romania_json)
    assert "extend the protection of Cyber-violence" in questions[f"limited-to-domestic-relationships@{CYBER}"]
    assert "without proof of an intent to harm" in questions[f"intent-to-harm-requirement@{POSITION_606}"]
    assert "public-interest exception" in questions[f"public-interest-exception@{POSITION_606}"]
    assert "status of Draft law 655/2020" in questions[f"trafficking-extra-intent-requirement@{DRAFT_655}"]
    numbers = [q["number"] for q in romania_json["questions"]]
    assert numbers == list(range(1, len(numbers) + 1))
    section = _section(romania_md, "Questions")
    assert re.search(r"^1\. Please share any observations the Government of Romania", section, re.M)
    assert re.search(r"^\d+\. Please describe any investigation or prosecution", section, re.M)
    # not assessable findings ask for what is missing
    origins = {q["origin"] for q in romania_json["questions"]}
    assert origins == {"standing", "gap", "not_assessable"}
    assert len({q["text"] for q in romania_json["questions"]}) == len(romania_json["questions"])


def test_romania_annex_lists_treaties_with_the_dates_of_the_file_in_order(romania_md: str,
                                                                          romania_json: dict[str, Any]) -> None:
    annex = {entry["instrument"]: entry for entry in romania_json["annex"]}
    expected = {"iccpr": "on 9 December 1974", "cedaw": "on 7 January 1982", "crc": "on 28 September 1990",
                "opsc": "on 18 October 2001", "palermo-protocol": "on 4 December 2002",
                "coe-trafficking": "in 2006", "lanzarote": "in 2011"}
    for instrument, when in expected.items():
        assert f"Ratified by Romania {when}" in annex[instrument]["text"], instrument
        assert "not verified" in annex[instrument]["text"]  # every date in the file rests on the letter
    order = [entry["instrument"] for entry in romania_json["annex"]]
    assert order[:len(expected) + 1] == ["iccpr", "cedaw", "crc", "opsc", "palermo-protocol", "coe-trafficking",
                                        "eu-directive-2011-36", "lanzarote"]
    assert all(entry["binding"] for entry in romania_json["annex"][:8])
    assert not any(entry["binding"] for entry in romania_json["annex"][8:])
    assert [p["pinpoint"] for p in annex["palermo-protocol"]["pinpoints"]][:2] == ["art. 3(a)", "art. 3(b)"]
    assert [p["pinpoint"] for p in annex["iccpr"]["pinpoints"]] == ["art. 24(1)"]
    # a treaty the State ratified that no finding relies on is listed, with a note instead of pinpoints
    assert annex["eu-directive-2011-36"]["pinpoints"] == [] and annex["eu-directive-2011-36"]["note"]
    section = _section(romania_md, "Annex: reference to international human rights law")
    assert "### Convention on the Rights of the Child (CRC)" in section
    assert "- art. 19(1): Core duty" in section
    assert "Lanzarote Convention" in section and "CETS No. 197" in section


def test_every_statement_is_traceable_to_findings_and_sources(romania_json: dict[str, Any]) -> None:
    numbers = {source["number"] for source in romania_json["sources"]}
    assert numbers == set(range(1, len(numbers) + 1))
    for group in romania_json["concerns"]:
        for paragraph in group["paragraphs"]:
            assert paragraph["findings"] and paragraph["sources"]
            assert set(paragraph["sources"]) <= numbers
    for question in romania_json["questions"]:
        if question["origin"] != "standing":
            assert question["findings"] and question["sources"]
    for item in romania_json["information"]:
        assert item["context"] and item["sources"]
    first = romania_json["sources"][0]
    assert first["document"] == "AL ROU 2/2020" and first["verified"] == "unverified"


# --- Telegram ------------------------------------------------------------------------------------


def test_telegram_letter_asks_the_company_questions(telegram_json: dict[str, Any]) -> None:
    assert telegram_json["subject_kind"] == "company"
    assert telegram_json["concerns"] == []  # every practice is unknown: questions, not conclusions
    questions = _questions(telegram_json)
    assert "due diligence policies and processes" in questions["company-no-hrdd"]
    assert "monitoring and evaluation systems" in questions["company-no-effectiveness-tracking"]
    assert "its staff have the awareness, knowledge and tools" in questions["company-no-staff-training"]
    assert "reported the alleged crimes to the law enforcement authorities" in \
        questions["company-no-authority-reporting"]
    assert "comply with national laws and policies" in questions["company-national-law-compliance"]
    assert telegram_json["questions"][0]["text"].startswith(
        "Please share any observations Telegram Messenger LLP wishes to make")
    assert telegram_json["salutation"] == "To the management of Telegram Messenger LLP,"


def test_telegram_annex_covers_the_guiding_principles(telegram_json: dict[str, Any]) -> None:
    annex = {entry["instrument"]: entry for entry in telegram_json["annex"]}
    ungp = annex["ungp"]
    pinpoints = [p["pinpoint"] for p in ungp["pinpoints"]]
    for pinpoint in ("principle 13", "principle 15(b)", "principle 17", "principle 20", "principle 23(a)"):
        assert pinpoint in pinpoints
    assert ungp["ratification"] is None
    assert "Ratified" not in " ".join(entry["text"] for entry in telegram_json["annex"])


def test_telegram_markdown_and_text(telegram_json: dict[str, Any]) -> None:
    markdown = _letter(TELEGRAM).decode("utf-8")
    assert "### Guiding Principles on Business and Human Rights" in markdown
    text = _letter(TELEGRAM, "text").decode("utf-8")
    assert "Annex: reference to international human rights law\n------" in text
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 88


# --- formats ---------------------------------------------------------------------------------------


def test_docx_has_headings_and_a_real_numbered_list_of_questions(romania_json: dict[str, Any]) -> None:
    document = Document(io.BytesIO(_letter(ROMANIA, "docx")))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    for heading in ("Information received", "Concerns", "Questions",
                    "Annex: reference to international human rights law", "Sources",
                    "Law 217/2003 (domestic violence) (in force)"):
        assert heading in headings
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == len(romania_json["questions"])
    assert numbered[0].text.startswith("Please share any observations the Government of Romania")
    assert any("status of Draft law 655/2020" in p.text for p in numbered)
    assert document.core_properties.author == "lexgap"


@pytest.mark.parametrize("fmt", ["markdown", "text", "json", "docx"])
def test_same_input_gives_the_same_bytes(fmt: str) -> None:
    assert _letter(ROMANIA, fmt) == _letter(ROMANIA, fmt)


def test_letter_formats_and_unknown_rule() -> None:
    assert formats("letter") == ["markdown", "docx", "text", "json"]
    with pytest.raises(KeyError):
        render_bytes("letter", "pdf", None)
    letter, problems = run_letter(ROMANIA, ["intent-to-harm"])
    assert letter is None and "did you mean 'intent-to-harm-requirement'" in problems[0].message


def test_rules_option_narrows_the_letter() -> None:
    letter = json.loads(_letter_with_rules(["public-interest-exception"]))
    keys = {key for q in letter["questions"] for key in q["findings"]}
    assert keys == {f"public-interest-exception@{POSITION_606}", "public-interest-exception@ro/bill/2019/606~art_1"}


def _letter_with_rules(rules: list[str]) -> bytes:
    letter, problems = run_letter(ROMANIA, rules)
    assert not problems and letter is not None
    return render_bytes("letter", "json", letter)


def test_a_broken_rule_template_becomes_a_problem(knowledge: Any, assessor: Any) -> None:
    from lexgap.knowledge import load_subject
    from lexgap.models import LetterText
    from lexgap.paths import resolve_subject

    subject, problems = load_subject(resolve_subject(ROMANIA), knowledge)
    assert subject is not None, problems
    assessment = assessor.assess(subject)
    rules = dict(assessor.rules)
    broken = rules["public-interest-exception"]
    rules[broken.id] = broken.model_copy(update={"letter": LetterText(
        concern="{{ provison }} is wrong", question="q", missing_question="m")})
    letter: Letter = build_letter(assessment, subject, knowledge, rules)
    assert any("public-interest-exception" in p.message and "provison" in p.message for p in letter.problems)


# --- writing ---------------------------------------------------------------------------------------


def test_existing_output_is_left_byte_identical_without_force(tmp_path: Path) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"the officer's edited draft\n")
    problem = write_atomic(target, _letter(ROMANIA), force=False)
    assert problem is not None and "--force" in problem.message
    assert target.read_bytes() == b"the officer's edited draft\n"
    assert write_atomic(target, b"new", force=True) is None
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]


def test_interrupted_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"original")

    def fail(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    problem = write_atomic(target, b"replacement", force=True)
    assert problem is not None and "Input/output error" in problem.message
    assert (problem.line, problem.column) == (1, 1)
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]  # no temporary file left behind


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_gives_a_problem(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        problem = write_atomic(folder / "letter.md", b"x", force=False)
    assert problem is not None and problem.file.endswith("letter.md")
    assert "cannot write the file" in problem.message


def test_missing_folder_gives_a_problem(tmp_path: Path) -> None:
    problem = write_atomic(tmp_path / "no" / "such" / "letter.md", b"x", force=False)
    assert problem is not None and "cannot write the file" in problem.message


def test_read_only_folder_gives_a_problem_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    problem = write_atomic(tmp_path / "letter.md", b"x", force=False)
    assert problem is not None and "Permission denied" in problem.message
    assert not (tmp_path / "letter.md").exists()


# --- a letter on the law alone (no information received) ------------------------------------

IRELAND = str(Path(__file__).parent / "fixtures" / "ireland-2022.yaml")
REPORTED = ("reported above", "information summarised above", "reported harm", "these acts", "such acts",
            "in this case", "the children affected", "alleged crimes")


def test_without_information_received_the_letter_speaks_of_the_law_only() -> None:
    markdown = _letter(IRELAND).decode("utf-8")
    assert "## Information received" not in markdown
    assert "points of law that concern us" in markdown
    assert not [phrase for phrase in REPORTED if phrase in markdown]
    letter = json.loads(_letter(IRELAND, "json"))
    assert letter["information"] == []
    assert letter["questions"] and all(q["origin"] != "standing" for q in letter["questions"])
    assert [q["number"] for q in letter["questions"]] == list(range(1, len(letter["questions"]) + 1))
    document = Document(io.BytesIO(_letter(IRELAND, "docx")))
    assert "Information received" not in [p.text for p in document.paragraphs]
    text = _letter(IRELAND, "text").decode("utf-8")
    assert "Information received" not in text and "\n\n\n" not in text


def test_a_company_letter_without_information_asks_only_about_practice(tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8"))
    del data["context"]
    path = tmp_path / "telegram-2021.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    markdown = _letter(str(path)).decode("utf-8")
    assert "## Information received" not in markdown
    assert not [phrase for phrase in REPORTED if phrase in markdown]
    assert "We set out the questions on which we would value the company's reply" in markdown
