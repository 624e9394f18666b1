"""facts.py: a provision becomes one coverage fact per conduct, every unknown explicit."""

from __future__ import annotations

from lexgap import ids
from lexgap.facts import ANCHOR, COVERAGE, coverage_facts, known_flag
from lexgap.knowledge import Knowledge, load_subject
from lexgap.models import Jurisdiction
from lexgap.paths import resolve_subject


def test_one_fact_per_provision_and_conduct_then_the_anchor(knowledge: Knowledge) -> None:
    subject, problems = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert isinstance(subject, Jurisdiction), problems
    facts = coverage_facts(subject)
    assert facts[-1]["t"] == ANCHOR and facts[-1]["id"] == ids.ANCHOR_ID
    coverage = [f for f in facts if f["t"] == COVERAGE]
    assert len(coverage) == sum(len(set(p.conduct)) for p in subject.provisions)
    for fact in coverage:
        provision, conduct = ids.split_fact_id(fact["id"])
        assert fact["provision"] == provision and fact["conduct"] == conduct
        assert fact[known_flag("harm_requirement")] in (0, 1)  # every attribute present, known or not
