"""The Python API: `lexgap.assess(path)` and the others return typed results or raise located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_casetests import my_rules

import lexgap
from helpers import REPO
from lexgap.assess import Assessment
from lexgap.compare import Change, Comparison
from lexgap.compose import Communication as Letter
from lexgap.drafts import DraftIssue
from lexgap.render import render_bytes
from lexgap.vocabulary import Outcome


def test_assess_returns_the_assessment_the_command_prints() -> None:
    assessment = lexgap.assess("romania-2020.yaml")
    assert isinstance(assessment, Assessment)
    assert (assessment.subject_name, assessment.as_of) == ("Romania", "2021-01-25")
    gap = next(f for f in assessment.findings if f.rule == "limited-to-domestic-relationships")
    assert gap.status is Outcome.gap
    assert [p.id for p in gap.provisions] == ["ro/act/2003/217~art_4__para_1__lit_h"]


def test_assess_with_a_users_rules_and_only_some_rules(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    assessment = lexgap.assess(REPO / "legislation" / "romania-2020.yaml", rules_dir=folder,
                               rules=["online-violence-offline-only"])
    assert {f.rule for f in assessment.findings} == {"online-violence-offline-only"}


def test_compare_letter_and_check_draft_return_their_values() -> None:
    (comparison,) = lexgap.compare("romania-2020.yaml", bills=["ro-bill-606-2019-government"])
    assert isinstance(comparison, Comparison)
    assert any(c.change is Change.introduced for c in comparison.changes)
    letter = lexgap.letter("romania-2020.yaml")
    assert isinstance(letter, Letter) and letter.questions
    assert render_bytes("letter", "markdown", letter).startswith(b"**Mandates of ")
    issues = lexgap.check_draft(REPO / "tests" / "fixtures" / "drafts" / "al-rou-2-2020.txt",
                                subject="romania-2020.yaml")
    assert issues and all(isinstance(i, DraftIssue) for i in issues)


def test_bad_input_raises_lexgap_error_with_located_problems(tmp_path: Path) -> None:
    with pytest.raises(lexgap.LexgapError) as raised:
        lexgap.assess(tmp_path / "missing.yaml")
    assert [str(p) for p in raised.value.problems] == [f"{tmp_path / 'missing.yaml'}:1:1: no such file; check the "
                                                       "path and the file name"]
    with pytest.raises(lexgap.LexgapError, match="unknown rule 'intent-to-harm'"):
        lexgap.assess("romania-2020.yaml", rules=["intent-to-harm"])
    with pytest.raises(lexgap.LexgapError, match="no such folder"):
        lexgap.assess("romania-2020.yaml", rules_dir=tmp_path / "nowhere")


def test_the_api_names_survive_the_modules_of_the_same_name() -> None:
    import lexgap.assess
    import lexgap.compare  # importing the submodules must not hide the functions
    from lexgap.assess import Assessor

    assert callable(lexgap.assess) and callable(lexgap.compare) and Assessor is not None
    assert lexgap.assess.__module__ == lexgap.compare.__module__ == "lexgap.api"
