"""Regressions found by the mutation fuzz (test_fuzz.py): each crash or wrong line it found, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_assessor
from helpers import REPO, exit_code, lexgap
from lexgap import cli
from lexgap.assess import Assessor
from lexgap.knowledge import Knowledge, load_subject
from lexgap.loading import load_file, read_yaml
from lexgap.models import Rule


def test_regression_deep_flow_nesting_crashed_the_parser(tmp_path: Path) -> None:
    """100,000 nested '[' made libyaml's composer overflow the C stack: the process died with SIGSEGV."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("format: jurisdiction\nid: x\nname: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    problem, = read_yaml(deep).problems
    # What the user needs, whichever of libyaml or lexgap stops it first: the line, and what is wrong.
    assert problem.line == 3 and "nested more than 40 levels deep" in problem.message
    run = lexgap("validate", str(deep))
    assert run.code == 2 and f"{deep}:3:" in run.stdout and "Traceback" not in run.output


def test_regression_millions_of_values_took_minutes_and_gigabytes(tmp_path: Path) -> None:
    """A 10 MB flow list of 4.9 million one-letter values took 36 s and 2 GB to compose before it was refused."""
    many = tmp_path / "many.yaml"
    many.write_text("format: jurisdiction\nid: x\nname: [" + "a," * 4_900_000 + "a]\n", encoding="utf-8")
    problem, = read_yaml(many).problems
    assert problem.line == 3 and "more than 500,000 values" in problem.message


def _with_problem_on_line_100(tmp_path: Path) -> Path:
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path = tmp_path / "telegram-2021.yaml"
    path.write_text("# a comment\n" * 99 + "unknown_field_on_line_100: 1\n" + text, encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert problem.line == 100
    return path


def test_regression_line_100_is_printed_as_an_emoji(tmp_path: Path) -> None:
    path = _with_problem_on_line_100(tmp_path)
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert f"{path}:100:1: unknown field" in result.stdout, result.stdout


def test_regression_emoji_codes_in_a_quoted_value_are_printed_as_written(tmp_path: Path) -> None:
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nid: telegram-2021\n", "\nid: ':smile:'\n"), encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert "':smile:' is not an id" in result.stdout, result.stdout


@pytest.mark.parametrize("value", ["[]", "{a: 1}", "[jurisdiction]"])
def test_regression_a_list_or_mapping_as_the_format_raised_type_error(tmp_path: Path, value: str) -> None:
    """A mutant of a-hrc-35-37.yaml with `format: []`: looking the format up raised TypeError (unhashable)."""
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nformat: company\n", f"\nformat: {value}\n"), encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert (problem.line, problem.column) == (2, 9)  # the value given, after `format: `
    assert "is not a file format;" in problem.message
    assert "write format: one of jurisdiction, company" in problem.message
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert exit_code(result) == 2 and f"{path}:2:9: " in result.stdout


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_regression_a_unicode_line_separator_shifted_line_numbers_past_the_end(tmp_path: Path,
                                                                               separator: str) -> None:
    """YAML counts U+2028, U+2029 and NEL as line breaks, editors do not: a mutant of crc.yaml got line 18 of 17."""
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nname: Telegram", f"\nname: Tele{separator}gram", 1), encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert (problem.line, problem.column) == (4, 11)
    assert problem.message.startswith(f"control character U+{ord(separator):04X} in the file; delete it")


def test_regression_a_rule_testing_conduct_in_gap_when_crashed_the_assessment() -> None:
    """A mutant of rules/csam.yaml moved a `conduct` test into gap_when: valid, but assessing raised KeyError."""
    knowledge = shared_assessor().knowledge
    rule = Rule.model_validate({
        "id": "conduct-in-gap-when", "label": "conduct tested in gap_when", "severity": "low", "why": "A test.",
        "applies_to": {"provision_type": {"any_of": ["criminal_offence"]}},
        "gap_when": {"conduct": {"any_of": ["ncii_disseminate"]}}, "basis": ["cedaw-gr-35~para_29__lit_a"],
        "letter": {"concern": "c", "question": "q", "missing_question": "m"}})
    subject, _ = load_subject(REPO / "legislation" / "romania-2020.yaml", knowledge)
    assert subject is not None
    with Assessor(Knowledge(knowledge.instruments, [rule])) as assessor:
        assessment = assessor.assess(subject)
    gaps = [f for f in assessment.findings if f.status.value == "gap"]
    assert gaps and all("the conduct covered: " in f.explanation for f in gaps)
