"""Every rule has lawyer-written cases (tests/rules/<rule>.yaml) for each of its outcomes."""

from __future__ import annotations

import pytest

from conftest import RULE_TESTS
from lexgap.knowledge import Knowledge
from lexgap.loading import load_file
from lexgap.models import RuleTests


def _cases() -> dict[str, RuleTests]:
    found = {}
    for path in sorted(RULE_TESTS.glob("*.yaml")):
        model, loaded = load_file(path, "rule_tests")
        assert model is not None, loaded.problems
        assert isinstance(model, RuleTests)
        assert path.stem == model.rule, f"{path.name} tests {model.rule}"
        found[model.rule] = model
    return found


def test_every_rule_has_gap_met_and_not_assessable_cases(knowledge: Knowledge) -> None:
    cases = _cases()
    missing = [r.id for r in knowledge.rules if r.id not in cases]
    assert not missing, f"rules without test cases: {missing}"
    for rule in knowledge.rules:
        outcomes = {e.status.value for case in cases[rule.id].cases for e in case.expect}
        assert outcomes >= {"gap", "met", "not_assessable"}, (rule.id, outcomes)


def test_no_case_file_tests_a_rule_that_does_not_exist(knowledge: Knowledge) -> None:
    ids = {r.id for r in knowledge.rules}
    assert set(_cases()) <= ids


@pytest.mark.parametrize("threshold", [20])
def test_there_are_enough_rules(knowledge: Knowledge, threshold: int) -> None:
    assert len(knowledge.rules) >= threshold
