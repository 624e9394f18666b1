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


def test_an_action_message_is_read_in_one_pass_when_its_frames_keep_the_patterns_order() -> None:
    from lexgap.durable import _ids_by_label

    own = ["a", "b", "c", "d"]
    frames = ('{"r|v":[{"p":{"id":"f0","x":"{\\"id\\":\\"f3\\""},"q":{"id":"f1"}},'
              '{"p":{"id":"f2"},"q":{"id":"f3"}}]}')
    assert _ids_by_label(frames, ["p", "q"], own) == [["a", "c"], ["b", "d"]]  # an escaped quote is no fact
    assert _ids_by_label(frames, ["q", "p"], own) is None  # another order: read label by label
    assert _ids_by_label('{"r|v":[{"p":{"id":"f0"}}]}', ["p", "q"], own) is None  # a label missing
    with RulePack([EngineRule("pair|v", [{"p": {"t": "x"}}, {"q": {"$and": [{"t": "y"}, {"k": {"p": "k"}}]}}],
                              ("p", "q"))]) as pack:
        facts = [{"t": "x", "id": f"x{n}", "k": n % 2} for n in range(6)] + \
            [{"t": "y", "id": f"y{n}", "k": n % 2} for n in range(4)]
        matches, problems = pack.evaluate(facts)
        assert problems == []
        assert sorted((m.fact("p"), m.fact("q")) for m in matches) == \
            sorted((f"x{a}", f"y{b}") for a in range(6) for b in range(4) if a % 2 == b % 2)
