"""assess.py: findings from matches, explained in the words of words/en.py."""

from __future__ import annotations

from lexgap.assess import Assessor
from lexgap.knowledge import Knowledge, load_subject
from lexgap.paths import resolve_subject
from lexgap.vocabulary import Outcome
from lexgap.words import en


def test_findings_are_sorted_counted_and_explained(knowledge: Knowledge, assessor: Assessor) -> None:
    subject, problems = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None, problems
    assessment = assessor.assess(subject)
    assert assessment.engine_problems == [] and assessment.engine_failures("x") == []
    assert [f.sort_key() for f in assessment.findings] == sorted(f.sort_key() for f in assessment.findings)
    assert sum(assessment.counts().values()) == len(assessment.findings)
    gaps = [f for f in assessment.findings if f.status is Outcome.gap and f.rule_kind == "provision"]
    assert gaps and all(en.EXPLAIN["gap"].format(label=f.label) in f.reason for f in gaps)
    assert all(f.explanation.startswith(f.reason) for f in assessment.findings)
