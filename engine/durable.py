"""The only module that imports durable-rules: one quiet host, rulesets in, matches out.

durable-rules 2.0.28 is unmaintained (see README); everything lexgap needs from it
passes through `RulePack`, so that it could be replaced one day by another engine
that accepts the same JSON rulesets.  Engine exceptions become `EngineProblem`
values; facts, state and rulesets never outlive the call that made them.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as _dre
from durable import engine as _dr


class _QuietHost(_dr.Host):  # type: ignore[misc]
    """A host without the background polling threads of 2.0.28 (we call it synchronously)."""

    def _run(self) -> None:
        pass


_HOST = _QuietHost()
_NAMES = itertools.count()
_SIDS = itertools.count()
_LOCK = threading.Lock()  # the C engine is not safe across threads on one ruleset

# durable-rules 2.0.28 crashes (SIGSEGV) in delete_state for a sid in which no fact
# ever matched a rule.  Every pack therefore carries one internal rule matching a
# sentinel fact, asserted first in every evaluation, so that state can always be freed.
_SENTINEL_RULE = "~sentinel"
_SENTINEL = {"t": "~sentinel", "id": "~sentinel"}


@dataclass(frozen=True, order=True)
class Match:
    """One firing of one engine rule: its name and the fact id bound to each named pattern."""

    rule: str
    bindings: tuple[tuple[str, str], ...]

    def fact(self, name: str) -> str | None:
        return dict(self.bindings).get(name)


@dataclass(frozen=True)
class EngineProblem:
    fact_id: str
    kind: str
    detail: str


@dataclass(frozen=True)
class EngineRule:
    """A rule in durable-rules' JSON form, and the names of its positive patterns."""

    name: str
    patterns: list[dict[str, Any]]
    bound: tuple[str, ...]


def _ignore(_context: Any) -> None:
    pass


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(..., ensure_ascii=False) uses
_OPERATORS = frozenset({"$and", "$or", "$neq", "$lt", "$lte", "$gt", "$gte", "$ex", "$nex", "$iany", "$iall"})


def _attributes(expression: Any, found: set[str]) -> set[str]:
    """Every fact attribute an expression reads, on the fact tested or on another bound fact."""
    if isinstance(expression, list):
        for item in expression:
            _attributes(item, found)
    elif isinstance(expression, dict):
        for key, value in expression.items():
            if key in ("$and", "$or"):
                _attributes(value, found)
            elif key in _OPERATORS:
                for attribute, operand in value.items():
                    found.add(attribute)
                    if isinstance(operand, dict):
                        found.update(operand.values())
            else:
                found.add(key)
                if isinstance(value, dict):
                    found.update(value.values())
    return found


class RulePack:
    """A set of engine rules registered once and evaluated on many independent fact sets."""

    def __init__(self, rules: Iterable[EngineRule]):
        self._rules = list(rules)
        # durable-rules deletes "run" from each rule's dict and only serialises the patterns:
        # a fresh dict per rule keeps the EngineRule intact, no deep copy needed.
        definition: dict[str, dict[str, Any]] = {rule.name: {"all": list(rule.patterns)} for rule in self._rules}
        definition[_SENTINEL_RULE] = {"all": [{"m": {"t": _SENTINEL["t"]}}]}
        self.name = f"lexgap_{next(_NAMES)}"  # unique per process, which is all the host asks
        self._matches: list[Match] = []
        self._errors: list[EngineProblem] = []
        for body in definition.values():  # durable-rules requires an action; `_assert` runs ours
            body["run"] = _ignore
        with _LOCK:
            _HOST.register_rulesets({self.name: definition})
            self._handle = _HOST._ruleset_directory[self.name]._handle
        self._by_name = {rule.name: rule for rule in self._rules}
        # The engine is only shown the attributes some pattern of this pack reads: the others
        # cannot change a match, and each one costs JSON text and parsing per assert and action.
        read = _attributes([body for rule in self._rules for item in rule.patterns for body in item.values()],
                           {"t", "id"})
        self._reads = tuple(sorted(read))
        self._closed = False

    def evaluate(self, facts: Iterable[dict[str, Any]]) -> tuple[list[Match], list[EngineProblem]]:
        """Assert facts in order (anchors last) in a fresh state; return sorted matches."""
        sid = f"s{next(_SIDS)}"
        problems: list[EngineProblem] = []
        with _LOCK:
            self._matches, self._errors = [], []
            for fact in itertools.chain([_SENTINEL], facts):
                try:
                    self._assert(fact, sid)
                except _dr.MessageNotHandledException:
                    pass
                except _dr.MessageObservedException:
                    problems.append(EngineProblem(str(fact.get("id")), "duplicate", "same fact asserted twice"))
                except Exception as error:  # _dre.error and anything else the C engine raises
                    problems.append(EngineProblem(str(fact.get("id")), "engine_error", str(error)))
            try:
                _dre.delete_state(self._handle, sid)
            except Exception as error:  # the sentinel guarantees a state; anything else is reported
                problems.append(EngineProblem(sid, "engine_error", f"could not free state: {error}"))
            matches = sorted(set(self._matches))
            problems += self._errors
        return matches, problems

    def _assert(self, fact: dict[str, Any], sid: str) -> None:
        """`Host.assert_fact` and its synchronous action loop, without the per-action objects.

        The same calls into the C engine in the same order as durable-rules 2.0.28's
        `Ruleset.assert_fact` + `Ruleset.do_actions` + `Promise.run`: assert, start the actions
        of the state, and for each action run it, write the (unchanged) state back and complete
        it.  Only the Closure/Content/Promise objects and the per-action JSON round trip of the
        state are saved; each action still receives the facts the engine bound.
        """
        shown = {key: fact[key] for key in self._reads if key in fact}
        shown["sid"] = sid
        text = _JSON.encode(shown)
        result = _dre.assert_fact(self._handle, text)
        if result[0] == 1:
            raise _dr.MessageNotHandledException(fact)
        if result[0] == 2:
            raise _dr.MessageObservedException(fact)
        state_handle = 0 if result[0] == 3 else result[1]
        started = _dre.start_action_for_state(self._handle, state_handle)
        if not started:
            return
        state = started[0]  # our actions never change the state: the engine's own text goes back as it came
        message = json.loads(started[1])
        while message:
            rule_name, bound = next(iter(message.items()))
            self._run(rule_name, bound)
            _dre.update_state(self._handle, state)
            following = _dre.complete_and_start_action(self._handle, state_handle)
            message = json.loads(following) if following else None

    def _run(self, rule_name: str, bound: dict[str, Any]) -> None:
        rule = self._by_name.get(rule_name)
        if rule is None:  # the sentinel
            return
        try:
            bindings = tuple((name, str(bound[name]["id"])) for name in rule.bound)
            self._matches.append(Match(rule.name, bindings))
        except Exception as error:  # a binding the engine did not send
            self._errors.append(EngineProblem("?", "action_error", f"{rule.name}: {error!r}"))

    def close(self) -> None:
        """Unregister the ruleset and free it in the C engine (2.0.28 has no public way)."""
        if self._closed:
            return
        with _LOCK:
            ruleset = _HOST._ruleset_directory.pop(self.name, None)
            if ruleset is not None:
                _HOST._ruleset_list.remove(ruleset)
                _dre.delete_ruleset(ruleset._handle)
        self._closed = True

    def __enter__(self) -> RulePack:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
