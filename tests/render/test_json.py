"""render/json.py: every JSON contract, with its keys in order and its values from the engine."""

from __future__ import annotations

import json

from lexgap import __version__
from lexgap.assess import Assessment
from lexgap.compare import Comparison
from lexgap.compose import Communication
from lexgap.drafts import DraftIssue
from lexgap.render import json as render_json


def test_assessment_keys_summary_and_one_line_form(romania: Assessment) -> None:
    text = render_json.render_assessment(romania)
    data = json.loads(text)
    assert list(data) == ["lexgap", "subject", "findings", "summary"]
    assert data["lexgap"] == __version__ and data["subject"]["id"] == "romania-2020"
    assert data["summary"] == romania.counts() and len(data["findings"]) == len(romania.findings)
    assert list(data["findings"][0]) == ["rule", "label", "status", "severity", "provisions", "basis", "explanation"]
    line = render_json.render_line(romania)
    assert line.count("\n") == 1 and json.loads(line) == data


def test_comparison_keys_and_summary(comparisons: list[Comparison]) -> None:
    data = json.loads(render_json.render_comparisons(comparisons))
    assert data["base"] == {"id": "romania-2020", "name": "Romania", "as_of": "2021-01-25"}
    other = data["others"][0]
    assert other["id"] == "romania-2024" and other["summary"] == comparisons[0].counts()
    assert list(other["provision_changes"][0]["sources"][0]) == ["document", "pinpoint", "url", "consulted",
                                                                 "verified"]


def test_letter_has_every_part_but_the_problems(letter: Communication) -> None:
    data = json.loads(render_json.render_letter(letter))
    assert data["format"] == "letter" and "problems" not in data and "word_template" not in data
    assert len(data["questions"]) == len(letter.questions) and data["addressee"] == "Romania"
    assert data["findings"] and data["decisions"]


def test_draft_issues_in_draft_order_with_a_summary_per_level(issues: list[DraftIssue]) -> None:
    data = json.loads(render_json.render_draft("draft.txt", issues))
    assert data["file"] == "draft.txt" and len(data["issues"]) == len(issues)
    assert sum(data["summary"].values()) == len(issues)
    assert [(i["line"], i["column"]) for i in data["issues"]] == [(i.line, i.column) for i in issues]
