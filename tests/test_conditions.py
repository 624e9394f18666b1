"""conditions.py: each rule compiles to engine rules named rule|variant, and describes itself."""

from __future__ import annotations

from lexgap import ids
from lexgap.conditions import VARIANT_OUTCOME, compile_rule, describe_rule
from lexgap.knowledge import Knowledge


def test_every_rule_compiles_to_named_variants_and_is_described(knowledge: Knowledge) -> None:
    for rule in knowledge.rules:
        compiled = compile_rule(rule)
        assert compiled.engine_rules
        for engine_rule in compiled.engine_rules:
            rule_id, variant = ids.split_engine_rule_name(engine_rule.name)
            assert rule_id == rule.id and variant in VARIANT_OUTCOME
        assert describe_rule(rule)[-1] == "Not assessable when a fact the rule reads is not in the file."
