"""durable.py, the one wrapper of durable-rules: matches are values, fact sets never leak."""

from __future__ import annotations

import pytest

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


def test_a_join_key_is_read_from_the_rules_themselves() -> None:
    """A pack can be evaluated group by group only on attributes every join of its rules requires equal."""
    from lexgap.durable import join_key

    root = ("p", {"$and": [{"t": "x"}, {"$lt": {"a": 3}}]})
    anchor = ("j", {"t": "anchor"})

    def rule(*patterns: tuple[str, object]) -> EngineRule:
        return EngineRule("r|v", [{label: body} for label, body in patterns],
                          tuple(label for label, _ in patterns if not label.endswith("$not")))

    same = {"$and": [{"t": "x"}, {"k": {"p": "k"}}, {"m": {"p": "m"}}, {"$neq": {"id": {"p": "id"}}}]}
    only_k = {"$and": [{"t": "x"}, {"$and": [{"k": {"p": "k"}}]}, {"m": {"p": "n"}}]}
    assert join_key([rule(root, anchor, ("q", same))], "x") == ("k", "m")
    assert join_key([rule(root, anchor, ("q", same)), rule(root, anchor, ("c$not", only_k))], "x") == ("k",)
    assert join_key([rule(root)], "x") == ()  # no join: nothing to gain
    assert join_key([rule(root, ("q", {"t": "x"}))], "x") == ()  # a join on nothing
    assert join_key([rule(root, ("q", {"$or": [{"t": "x"}, {"k": {"p": "k"}}]}))], "x") == ()  # any fact
    assert join_key([rule(anchor, ("s$not", same)), rule(root, ("q", same))], "x") == ()  # a negation first
    assert join_key([rule(anchor), rule(root, ("q", same))], "x") == ()  # a rule on the anchor alone
    assert join_key([rule(root, ("q", same))], "y") == ()  # no fact of that type


def test_a_pack_evaluated_group_by_group_gives_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    import lexgap.durable

    cure = EngineRule("c|cured", [{"p": {"$and": [{"t": "x"}, {"a": 0}]}}, {"j": {"t": "anchor"}},
                                  {"q": {"$and": [{"t": "x"}, {"k": {"p": "k"}}, {"a": 1}]}}], ("p", "j", "q"))
    gap = EngineRule("c|gap", [{"p": {"$and": [{"t": "x"}, {"a": 0}]}}, {"j": {"t": "anchor"}},
                               {"c$not": {"$and": [{"t": "x"}, {"k": {"p": "k"}}, {"a": 1}]}}], ("p", "j"))
    facts = [{"t": "x", "id": f"x{n}", "k": "abc"[n % 3], "a": int(n in (1, 5))} for n in range(12)]
    facts += [{"t": "x", "id": "lonely", "k": "d", "a": 0}, {"t": "anchor", "id": "j"}]
    found = {}
    with RulePack([cure, gap], grouped="x") as pack:
        assert pack.key == ("k",)
        for partition_at in (0, 10**9):
            monkeypatch.setattr(lexgap.durable, "PARTITION_AT", partition_at)
            assert len(pack._partition(facts)) == (4 if partition_at == 0 else 1)
            found[partition_at], problems = pack.evaluate(facts)
            assert problems == []
    assert found[0] == found[10**9]
    # group "a" has no cure, "b" has x1, "c" has x5, "d" is one provision alone
    assert [m.fact("p") for m in found[0] if m.rule == "c|gap"] == ["lonely", "x0", "x3", "x6", "x9"]
    assert [(m.fact("p"), m.fact("q")) for m in found[0] if m.rule == "c|cured"] == \
        [("x10", "x1"), ("x11", "x5"), ("x2", "x5"), ("x4", "x1"), ("x7", "x1"), ("x8", "x5")]


def test_an_action_message_is_read_in_one_pass_when_its_frames_keep_the_patterns_order() -> None:
    from lexgap.durable import _ids_by_label

    own = ["a", "b", "c", "d"]
    frames = ('{"r|v":[{"p":{"id": "f0", "x": "{\\"id\\": \\"f3\\""},"q":{"id": "f1"}},'
              '{"p":{"id": "f2"},"q":{"id": "f3"}}]}')
    assert _ids_by_label(frames, ["p", "q"], own) == [["a", "c"], ["b", "d"]]  # an escaped quote is no fact
    assert _ids_by_label(frames, ["q", "p"], own) is None  # another order: read label by label
    assert _ids_by_label('{"r|v":[{"p":{"id": "f0"}}]}', ["p", "q"], own) is None  # a label missing
    with RulePack([EngineRule("pair|v", [{"p": {"t": "x"}}, {"q": {"$and": [{"t": "y"}, {"k": {"p": "k"}}]}}],
                              ("p", "q"))]) as pack:
        facts = [{"t": "x", "id": f"x{n}", "k": n % 2} for n in range(6)] + \
            [{"t": "y", "id": f"y{n}", "k": n % 2} for n in range(4)]
        matches, problems = pack.evaluate(facts)
        assert problems == []
        assert sorted((m.fact("p"), m.fact("q")) for m in matches) == \
            sorted((f"x{a}", f"y{b}") for a in range(6) for b in range(4) if a % 2 == b % 2)
