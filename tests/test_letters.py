"""The `letter` verb end to end on the bundled files without a plan: the default letter, its
questions and annex, determinism, problems as values, writing, and letters on the law alone.
(The communications drawn with the bundled plans are tested in test_letter_communications.py.)"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from helpers import REPO, read_only_folder
from lexgap.compose import Communication
from lexgap.letters import build_letter
from lexgap.output import write_atomic
from lexgap.render import letter_bytes

ROMANIA = "romania-2020.yaml"
TELEGRAM = "telegram-2021.yaml"


def _letter(name: str, fmt: str = "markdown") -> bytes:
    data, problems = letter_bytes(name, fmt, None)
    assert not problems, "\n".join(map(str, problems))
    assert data is not None
    return data


@pytest.fixture(scope="module")
def romania_md() -> str:
    return _letter(ROMANIA).decode("utf-8")


@pytest.fixture(scope="module")
def romania_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_letter(ROMANIA, "json"))
    return data


@pytest.fixture(scope="module")
def telegram_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_letter(TELEGRAM, "json"))
    return data


def _questions(letter: dict[str, Any]) -> dict[str, str]:
    return {key: q["text"] for q in letter["questions"] for key in q["findings"]}


CYBER = "ro/act/2003/217~art_4__para_1__lit_h"
POSITION_606 = "ro/position/2020/606~art_1"
DRAFT_655 = "ro/draft/2020/655~art_1"


def test_romania_default_letter_sets_out_the_information_received(romania_md: str,
                                                                  romania_json: dict[str, Any]) -> None:
    assert "According to the information we have received:" in romania_md
    assert "Craiova" in romania_md and "Roma girls" in romania_md
    assert [f["id"] for f in romania_json["facts"]][:2] == ["craiova-images", "roma-victims"]


def test_romania_default_concerns_cover_the_three_legal_gaps_of_the_seed_letter(romania_json: dict[str, Any]) -> None:
    concerns = {key: p["text"] for p in romania_json["concerns_on_law"] for key in p["findings"]}
    assert "family member or a current or former partner" in concerns[f"limited-to-domestic-relationships@{CYBER}"]
    assert "intended to harm" in concerns[f"intent-to-harm-requirement@{POSITION_606}"]
    assert "intent beyond the purpose of exploitation" in concerns[f"trafficking-extra-intent-requirement@{DRAFT_655}"]
    # one paragraph per law, in the order of the file
    laws = [p["findings"][0].split("@")[1].split("~")[0] for p in romania_json["concerns_on_law"]]
    assert laws == ["ro/act/2003/217", "ro/position/2020/606", "ro/draft/2020/655"]


def test_romania_default_questions_are_numbered_curated_and_ordered(romania_json: dict[str, Any]) -> None:
    questions = romania_json["questions"]
    assert [q["number"] for q in questions] == list(range(1, len(questions) + 1))
    assert len(questions) <= 15
    asked = _questions(romania_json)
    assert "status of draft law 655/2020" in asked[f"trafficking-extra-intent-requirement@{DRAFT_655}"]
    # the six questions on a draft known only from reports are one question
    assert {k for k in asked if k.endswith(DRAFT_655)} >= {f"child-age-threshold-below-18@{DRAFT_655}",
                                                           f"trafficking-extra-intent-requirement@{DRAFT_655}"}
    assert len({asked[k] for k in asked if k.endswith(DRAFT_655)}) == 1
    origins = [q["origin"] for q in questions]
    assert origins[0] == "standing" and questions[0]["id"] == "comments" and questions[-1]["id"] == "prevention"


def test_romania_annex_lists_treaties_with_the_dates_of_the_file_in_order(romania_md: str) -> None:
    annex = romania_md.split("## Annex", 1)[1]
    order = [annex.index(f"ratified by Romania on {date}") for date in
             ("9 December 1974", "7 January 1982", "28 September 1990", "18 October 2001", "4 December 2002")]
    assert order == sorted(order)
    assert "ratified by Romania in 2006" in annex and "(date unverified)" not in annex


def test_every_part_is_traceable_to_findings_and_facts(romania_json: dict[str, Any]) -> None:
    known = {f["key"] for f in romania_json["findings"]}
    for part in romania_json["concerns_on_law"]:
        assert part["findings"] and set(part["findings"]) <= known
    for question in romania_json["questions"]:
        assert question["origin"] in ("standing", "plan") or set(question["findings"]) <= known
    # every finding carries its sources; only one that no standard could ground on the file's date, on a
    # provision the file does not have, has none to carry (it says so in its explanation)
    for finding in romania_json["findings"]:
        assert finding["sources"] or (finding["status"] == "not_assessable" and not finding["provisions"]
                                      and "existed on" in finding["explanation"]), finding["key"]


def test_telegram_letter_asks_the_company_questions(telegram_json: dict[str, Any]) -> None:
    asked = _questions(telegram_json)
    assert "company-no-hrdd" in asked and "company-no-content-moderation" in asked
    assert telegram_json["addressee_kind"] == "company" and telegram_json["salutation"] == "Dear Madam or Sir,"


def test_telegram_annex_covers_the_guiding_principles(telegram_json: dict[str, Any]) -> None:
    annex = {item["instrument"]: item for item in telegram_json["annex"]}
    assert "ungp" in annex and any("Principle 13 of the UNGPs" in p for p in annex["ungp"]["passages"])


def test_telegram_markdown_and_text(telegram_json: dict[str, Any]) -> None:
    markdown = _letter(TELEGRAM).decode("utf-8")
    text = _letter(TELEGRAM, "text").decode("utf-8")
    assert "Dear Madam or Sir," in markdown and "Dear Madam or Sir," in text
    assert "**" not in text and "[^" not in text and "[1]" in text
    assert all(len(line) <= 88 for line in text.splitlines() if " " in line.strip())


def test_docx_has_a_real_numbered_list_of_questions(romania_json: dict[str, Any]) -> None:
    document = Document(io.BytesIO(_letter(ROMANIA, "docx")))
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == len(romania_json["questions"])
    assert numbered[0].text.startswith("Please share any observations the Government of Romania")
    assert any("status of draft law 655/2020" in p.text for p in numbered)
    assert document.core_properties.author == "lexgap"


@pytest.mark.parametrize("fmt", ["markdown", "text", "json", "docx", "memo"])
def test_same_input_gives_the_same_bytes(fmt: str) -> None:
    assert _letter(ROMANIA, fmt) == _letter(ROMANIA, fmt)


def test_unknown_format_and_rule_are_problems() -> None:
    data, problems = letter_bytes(ROMANIA, "pdf", None)
    assert data is None and "unknown letter format 'pdf'" in problems[0].message
    data, problems = letter_bytes(ROMANIA, "markdown", ["intent-to-harm"])
    assert data is None and "did you mean 'intent-to-harm-requirement'" in problems[0].message


def test_rules_option_narrows_the_letter() -> None:
    data, problems = letter_bytes(ROMANIA, "json", ["intent-to-harm-requirement"])
    assert not problems and data is not None
    letter = json.loads(data)
    keys = {key for q in letter["questions"] for key in q["findings"]} - {"comments"}
    assert keys and all(k.startswith("intent-to-harm-requirement@") for k in keys if "@" in k)


def test_a_broken_rule_template_becomes_a_problem(knowledge: Any, assessor: Any) -> None:
    from lexgap.knowledge import load_subject
    from lexgap.models import LetterText
    from lexgap.paths import resolve_subject

    subject, problems = load_subject(resolve_subject(ROMANIA), knowledge)
    assert subject is not None, problems
    assessment = assessor.assess(subject)
    rules = dict(assessor.rules)
    broken = rules["intent-to-harm-requirement"]
    rules[broken.id] = broken.model_copy(update={"letter": LetterText(
        concern="{{ provison }} is wrong", question="q", missing_question="m")})
    letter: Communication = build_letter(assessment, subject, knowledge, rules)
    assert any("intent-to-harm-requirement" in p.message and "provison" in p.message for p in letter.problems)


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
    assert "According to the information" not in markdown and "interim measures" not in markdown
    assert "our comments on" in markdown
    assert not [phrase for phrase in REPORTED if phrase in markdown]
    letter = json.loads(_letter(IRELAND, "json"))
    assert letter["information"] == [] and letter["type"] == "other_letter"
    assert all(q["origin"] != "standing" for q in letter["questions"])
    assert [q["number"] for q in letter["questions"]] == list(range(1, len(letter["questions"]) + 1))
    text = _letter(IRELAND, "text").decode("utf-8")
    assert "According to the information" not in text and "\n\n\n" not in text


def test_a_company_letter_without_information_asks_only_about_practice(tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8"))
    del data["context"]
    path = tmp_path / "telegram-2021.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    markdown = _letter(str(path)).decode("utf-8")
    assert "According to the information" not in markdown
    assert not [phrase for phrase in REPORTED if phrase in markdown]
    assert "to share our comments on" in markdown


def test_every_rules_letter_text_keeps_the_register_of_the_genre(knowledge: Any) -> None:
    """A communication says a law "may not be in line with" a standard; it never rules it "contrary to" one."""
    for rule in knowledge.rules:
        for part in ("concern", "question", "missing_question"):
            text = getattr(rule.letter, part)
            assert "contrary to" not in text and "falls short of" not in text, f"{rule.id} letter.{part}"
