"""assess.py: findings from matches, explained in the words of words/en.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO
from lexgap.assess import Assessor
from lexgap.knowledge import Knowledge, load_subject
from lexgap.paths import resolve_subject
from lexgap.vocabulary import Outcome
from lexgap.words import en

if str(REPO) not in sys.path:  # the bench's generator writes the synthetic laws some tests assess
    sys.path.insert(0, str(REPO))
from bench.generate import jurisdiction, write_corpus


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
            fresh.packs["jurisdiction", 0] = packs  # type: ignore[assignment]  # facts naming no replaced provision
            fresh.pack_conducts.update({id(pack): None for pack in packs})
            matches, problems = fresh._run("jurisdiction", [{"t": "jurisdiction", "id": "j"}])
        assert problems == []
        assert [m.rule for m in matches] == sorted(name for names in lists for name in names)


def test_a_cure_tested_against_the_replaced_provisions_the_facts_name_finds_what_all_four_slots_find(
        knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The packs are compiled for as many `replaces_N` slots as a subject's facts fill (issue 19): on bundled
    files (none or one replaced provision) and generated ones (bills amending one or two provisions in force),
    the engine finds the same matches as with packs testing all REPLACES_SLOTS slots."""
    from lexgap.facts import REPLACES_SLOTS, coverage_facts, replaced_width
    from lexgap.models import Jurisdiction


    paths = [resolve_subject(name) for name in ("romania-2020.yaml", "romania-2024.yaml", "united-states-2021.yaml")]
    subjects = [load_subject(path, knowledge)[0] for path in [*paths, *write_corpus(tmp_path, 6)]]
    facts = [coverage_facts(subject) for subject in subjects if isinstance(subject, Jurisdiction)]
    widths = [replaced_width(one) for one in facts]
    assert len(facts) == 9 and {0, 1, 2} <= set(widths) and max(widths) < REPLACES_SLOTS
    with Assessor(knowledge) as assessor:
        found = [assessor._run("jurisdiction", one) for one in facts]
        assert set(assessor.packs) == {("jurisdiction", width) for width in widths}
        # every subject through the packs of all four slots (`lexgap.assess` is also the name of a function)
        monkeypatch.setattr(sys.modules["lexgap.assess"], "replaced_width", lambda _: REPLACES_SLOTS)
        assert [assessor._run("jurisdiction", one) for one in facts] == found
        assert ("jurisdiction", REPLACES_SLOTS) in assessor.packs


def test_compiling_for_fewer_replaced_provisions_drops_only_those_joins(knowledge: Knowledge) -> None:
    import json

    from lexgap.conditions import compile_rule
    from lexgap.facts import REPLACES_SLOTS

    rule = next(r for r in knowledge.rules if r.unless_covered_elsewhere)
    full, one = (json.dumps([e.patterns for e in compile_rule(rule, n).engine_rules]) for n in (REPLACES_SLOTS, 1))
    assert full.count('"replaces_') > one.count('"replaces_') > 0 and '"replaces_2"' not in one
    assert full.replace(', {"$neq": {"provision": {"p": "replaces_4"}}}', "").replace(
        ', {"$neq": {"provision": {"p": "replaces_3"}}}', "").replace(
        ', {"$neq": {"provision": {"p": "replaces_2"}}}', "") == one
    with pytest.raises(ValueError, match="0 or more"):
        compile_rule(rule, -1)


def test_a_provision_amending_five_others_is_never_cured_by_the_fifth(knowledge: Knowledge, tmp_path: Path) -> None:
    """A provision is never cured by one it amends (it replaces it), however many it amends: the facts once
    named only the first four, so a fifth could cure it (issue 19's review)."""
    import yaml

    from lexgap.durable import Match
    from lexgap.facts import REPLACES_SLOTS, coverage_facts, replaced_width


    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # lexgap files have no aliases
            return True

    def cures(data: dict[str, Any], name: str) -> tuple[list[Match], list[dict[str, Any]]]:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.dump(data, Dumper=Plain, sort_keys=False, allow_unicode=True), encoding="utf-8")
        subject, problems = load_subject(path, knowledge)
        assert subject is not None, problems
        facts = coverage_facts(subject)  # type: ignore[arg-type]
        with Assessor(knowledge) as assessor:
            return [m for m in assessor._run("jurisdiction", facts)[0] if m.rule.endswith("|cured")], facts

    for index in range(12):
        data = jurisdiction(index)
        found, _ = cures(data, f"before-{index}")
        in_force = sorted(p["id"] for p in data["provisions"] if p["law"].split("/")[1] in ("code", "act"))
        pairs = [(m.fact("p"), m.fact("q")) for m in found]
        for candidate, cure in ((str(p).split("#")[0], str(q).split("#")[0]) for p, q in pairs):
            others = [pid for pid in in_force if pid < cure and pid != candidate]
            if len(others) >= REPLACES_SLOTS:
                break
        else:
            continue
        provision = next(p for p in data["provisions"] if p["id"] == candidate)
        provision["amends"] = [*others[:REPLACES_SLOTS], cure]
        after, facts = cures(data, f"after-{index}")
        assert replaced_width(facts) == REPLACES_SLOTS + 1
        assert not [m for m in after if str(m.fact("p")).startswith(candidate + "#")
                    and str(m.fact("q")).startswith(cure + "#")]
        return
    pytest.fail("no generated jurisdiction has a cure with four provisions in force before it")


def test_packs_registered_in_turn_for_one_subject_find_what_kept_packs_find_and_are_freed(
        knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Assessor(keep_packs=False)` (one subject: `lexgap assess FILE`, letters, the API) registers each pack,
    evaluates it and frees it before the next: the same findings as packs kept for a batch, every pack
    freed, and nothing kept for a next subject."""
    from lexgap import durable
    from lexgap.render.json import render_assessment


    names = ("romania-2020.yaml", "romania-2024.yaml", "united-states-2021.yaml", "meta-2021.yaml")
    paths = [*(resolve_subject(name) for name in names), *write_corpus(tmp_path, 4)]
    subjects = [load_subject(path, knowledge)[0] for path in paths]
    assert all(subject is not None for subject in subjects)
    opened: list[durable.RulePack] = []
    original = durable.RulePack.__init__

    def counted(pack: durable.RulePack, *args: Any, **kwargs: Any) -> None:
        original(pack, *args, **kwargs)
        opened.append(pack)

    with Assessor(knowledge) as kept:
        expected = [render_assessment(kept.assess(subject)) for subject in subjects]  # type: ignore[arg-type]
    monkeypatch.setattr(durable.RulePack, "__init__", counted)
    with Assessor(knowledge, keep_packs=False) as turn:
        for subject, wanted in zip(subjects, expected, strict=True):
            before = len(opened)
            assert render_assessment(turn.assess(subject)) == wanted  # type: ignore[arg-type]
            made = opened[before:]
            assert made and all(pack._closed for pack in made)
            assert turn.packs == {} and turn.pack_conducts == {}
    kinds = {type(subject).__name__ for subject in subjects}
    assert kinds == {"Jurisdiction", "Company"} and len({text for text in expected}) == len(subjects)
