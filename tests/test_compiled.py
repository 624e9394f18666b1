"""compiled.py: the rules' packs kept in the cache are the packs the compiler makes, and a changed rule or a
damaged entry is a miss, never a different assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexgap import compiled as compiled_module
from lexgap.assess import Assessor
from lexgap.compiled import compiled_packs
from lexgap.conditions import compile_rule
from lexgap.durable import PackText, pack_text
from lexgap.knowledge import Knowledge, load_subject
from lexgap.models import Rule
from lexgap.paths import resolve_subject
from lexgap.render.json import render_assessment


def _jurisdiction_rules(knowledge: Knowledge) -> list[Rule]:
    return [rule for rule in knowledge.rules if rule.subject == "jurisdiction"]


def _packs(compiled: list[tuple[Rule, PackText, frozenset[str] | None]]) -> list[tuple[str, PackText, object]]:
    return [(rule.id, text, conducts) for rule, text, conducts in compiled]


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(rule: Rule, replaced: int = 4) -> None:
        raise AssertionError(f"{rule.id} compiled again")

    monkeypatch.setattr(compiled_module, "compile_rule", refuse)


def test_packs_read_back_from_the_cache_are_those_the_compiler_makes(
        knowledge: Knowledge, cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _jurisdiction_rules(knowledge)
    first = compiled_packs(rules, "jurisdiction", 2)
    assert [path.name.split("-")[:3] for path in cache_folder.glob("packs-*.json")] == [["packs", "jurisdiction", "2"]]
    for rule, text, conducts in first:
        made = compile_rule(rule, 2)
        assert text == pack_text(made.engine_rules)
        assert conducts == made.conducts()
    _no_compiling(monkeypatch)
    assert compiled_packs(rules, "jurisdiction", 2) == first  # read back, not compiled
    with pytest.raises(AssertionError, match="compiled again"):
        compiled_packs(rules, "jurisdiction", 1)  # another number of replaced provisions: another entry


def test_a_changed_rule_or_a_damaged_entry_is_a_miss(knowledge: Knowledge, cache_folder: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _jurisdiction_rules(knowledge)
    kept = _packs(compiled_packs(rules, "jurisdiction", 0))
    edited = [rules[0].model_copy(update={"why": rules[0].why + " (edited)"}), *rules[1:]]
    assert _packs(compiled_packs(edited, "jurisdiction", 0)) == kept  # compiled again: `why` is not in the pack
    assert len(list(cache_folder.glob("packs-jurisdiction-0-*.json"))) == 2
    for entry in cache_folder.glob("packs-*.json"):
        header, _ = entry.read_bytes().split(b"\n", 1)
        entry.write_bytes(header + b'\n{"not": "a pack"}')
    assert _packs(compiled_packs(rules, "jurisdiction", 0)) == kept
    assert _packs(compiled_packs(rules[:3], "jurisdiction", 0)) == kept[:3]


def test_an_assessment_with_the_packs_from_the_cache_is_the_same(knowledge: Knowledge, cache_folder: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    subject, problems = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None, problems
    monkeypatch.setenv("LEXGAP_NO_CACHE", "1")
    with Assessor(knowledge, keep_packs=False) as assessor:
        uncached = render_assessment(assessor.assess(subject))
    assert not cache_folder.exists()
    monkeypatch.delenv("LEXGAP_NO_CACHE")
    with Assessor(knowledge, keep_packs=False) as assessor:
        assert render_assessment(assessor.assess(subject)) == uncached
    _no_compiling(monkeypatch)
    with Assessor(knowledge, keep_packs=False) as assessor:
        assert render_assessment(assessor.assess(subject)) == uncached
