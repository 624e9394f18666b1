"""durable.py, the one wrapper of durable-rules: matches are values, fact sets never leak."""

from __future__ import annotations

from lexgap.durable import EngineRule, RulePack


def _rule() -> EngineRule:
    # a fact of type "x" with a below 3, and no fact of type "y" with the same id
    return EngineRule("small|gap", [{"p": {"$and": [{"t": "x"}, {"$lt": {"a": 3}}]}}], ("p",))


def test_a_pack_matches_each_fact_set_on_its_own() -> None:
    with RulePack([_rule()]) as pack:
        first, problems = pack.evaluate([{"t": "x", "id": "one", "a": 1}, {"t": "x", "id": "two", "a": 5}])
        assert problems == []
        assert [(m.rule, m.fact("p")) for m in first] == [("small|gap", "one")]
        second, _ = pack.evaluate([{"t": "x", "id": "three", "a": 2}])
        assert [m.fact("p") for m in second] == ["three"]  # nothing of the first set remains
        assert pack.evaluate([])[0] == []
