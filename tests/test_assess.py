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


def test_the_matches_of_all_packs_come_in_order_whether_or_not_their_ranges_overlap(knowledge: Knowledge) -> None:
    """`Assessor._run` puts the packs' sorted lists end to end in the order of their first match, and sorts
    them all when two lists' ranges overlap (two packs with rules of interleaved names)."""
    from typing import Any

    from lexgap.durable import EngineProblem, Match

    class Fixed:
        def __init__(self, *names: str) -> None:
            self.matches = [Match(name, (("p", name.upper()),)) for name in names]

        def evaluate(self, facts: list[dict[str, Any]]) -> tuple[list[Match], list[EngineProblem]]:
            return list(self.matches), []

        def close(self) -> None:
            pass

    cases: list[list[list[str]]] = [[["b|gap", "b|met"], ["a|met"], [], ["c|cured"]], [["a|gap", "c|met"], ["b|met"]]]
    for lists in cases:
        with Assessor(knowledge, rule_ids=[]) as fresh:
            packs = [Fixed(*names) for names in lists]
            fresh.packs["jurisdiction"] = packs  # type: ignore[assignment]
            fresh.pack_conducts.update({id(pack): None for pack in packs})
            matches, problems = fresh._run("jurisdiction", [{"t": "jurisdiction", "id": "j"}])
        assert problems == []
        assert [m.rule for m in matches] == sorted(name for names in lists for name in names)
