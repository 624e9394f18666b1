"""The only module that imports durable-rules: rulesets in, matches out, through its C engine's own calls.

durable-rules 2.0.28 is unmaintained (see README); everything lexgap needs from it
passes through `RulePack`, so that it could be replaced one day by another engine
that accepts the same JSON rulesets.  Engine exceptions become `EngineProblem`
values; facts, state and rulesets never outlive the call that made them.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import durable_rules_engine as _dre

_NAMES = itertools.count()
_SIDS = itertools.count()
_LOCK = threading.Lock()  # the C engine is not safe across threads on one ruleset

# durable-rules 2.0.28 crashes (SIGSEGV) in delete_state for a sid in which no fact
# ever matched a rule.  Every pack therefore carries one internal rule matching a
# sentinel fact, asserted first in every evaluation, so that state can always be freed.
_SENTINEL_RULE = "~sentinel"
_SENTINEL = {"t": "~sentinel", "id": "~sentinel"}

#: Frames per action message at most (durable-rules' `cap`).
CAP = 1000


@dataclass(frozen=True, order=True, slots=True)
class Match:
    """One firing of one engine rule: its name and the fact id bound to each named pattern."""

    rule: str
    bindings: tuple[tuple[str, str], ...]

    def fact(self, name: str) -> str | None:
        for label, fact_id in self.bindings:  # two or three pairs: a scan beats building a dict
            if label == name:
                return fact_id
        return None


#: The order of matches (as `order=True` compares them), as a key: tuples compare in C.
match_order = operator.attrgetter("rule", "bindings")


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


#: Facts as the engine reads them: no spaces after separators (durable-rules hands each bound fact back in an
#: action's message as it was sent, so that the text parsed both ways is shorter).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_OPERATORS = frozenset({"$and", "$or", "$neq", "$lt", "$lte", "$gt", "$gte", "$ex", "$nex", "$iany", "$iall"})


def _renamed(expression: Any, name: Callable[[str], str]) -> Any:
    """The expression with each fact attribute it reads, on the fact tested or on another bound fact, as
    `name(attribute)`: the one place that knows where a pattern names an attribute (`_attributes` reads them
    through it)."""
    if isinstance(expression, list):
        return [_renamed(item, name) for item in expression]
    if not isinstance(expression, dict):
        return expression
    renamed: dict[str, Any] = {}
    key: str
    for key, value in expression.items():
        if key in ("$and", "$or"):
            renamed[key] = _renamed(value, name)
        elif key in _OPERATORS:
            renamed[key] = {name(attribute): _operand(operand, name) for attribute, operand in value.items()}
        else:
            renamed[name(key)] = _operand(value, name)
    return renamed


def _operand(operand: Any, name: Callable[[str], str]) -> Any:
    """A test's operand: a value, or `{label: attribute}` (an attribute of another bound fact)."""
    if isinstance(operand, dict):
        return {label: name(attribute) for label, attribute in operand.items()}
    return operand


def _attributes(expression: Any, found: set[str]) -> set[str]:
    """Every fact attribute an expression reads, on the fact tested or on another bound fact."""

    def note(attribute: str) -> str:
        found.add(attribute)
        return attribute

    _renamed(expression, note)
    return found


#: Where a bound fact begins in an action's message (see `RulePack._run`): its short id.
_FACT_ID = re.compile(r'\{"id":"f([0-9]+)"')


def _ids_by_label(message: str, names: list[str], own_ids: list[str]) -> list[list[str]] | None:
    """Each label's fact ids in an action's message, read in one pass, or None where that cannot be done.

    durable-rules writes every frame of one rule with its facts in the order of the rule's patterns: the
    facts' ids, in the order they come, are then the frames' ids one label after another.  That order is
    checked on the first frame; a message of another shape is read label by label instead.  One scan instead
    of one per label matters where frames are many: 41 MB of messages at 2,400 provisions (issue 19)."""
    width = len(names)
    ids = _FACT_ID.findall(message)
    if not ids or len(ids) % width:
        return None
    labels = []
    for found in itertools.islice(_FACT_ID.finditer(message), width):
        end = found.start() - 2
        if message[end:end + 2] != '":':
            return None
        labels.append(message[message.rindex('"', 0, end) + 1:end])
    if labels != names:
        return None
    return [[own_ids[int(n)] for n in ids[place::width]] for place in range(width)]


class PackText(NamedTuple):
    """What a pack registers: its ruleset as the engine's JSON text, the fact attributes shown to it (each with
    the short name the text gives it) and each engine rule's bound labels.  Made by `pack_text`, and kept in
    lexgap's cache by `lexgap.compiled`, so that a run need not compile and encode the same rules again."""

    text: str
    reads: tuple[tuple[str, str], ...]
    bound: dict[str, tuple[str, ...]]


def pack_text(rules: Iterable[EngineRule]) -> PackText:
    """A pack of these engine rules, as `RulePack` registers it."""
    rules = list(rules)
    # The engine is only shown the attributes some pattern of this pack reads: the others
    # cannot change a match, and each one costs JSON text and parsing per assert and action.
    # The engine rules of one lexgap rule share their patterns' objects (the candidate, each cure): read once.
    bodies = {id(body): body for rule in rules for item in rule.patterns for body in item.values()}
    read = sorted(_attributes(list(bodies.values()), {"t", "id"}) - {"id"})  # a fact's short id: see `evaluate`
    # ... and under short names, in the rules and in the facts alike: "k0", "k1", ... (every attribute read is
    # renamed, and the engine's own "t", "id" and "sid" are none of them).  The same tests on the same values;
    # durable-rules registers the jurisdiction packs in about three quarters of the time (14.6 -> 10.8 ms,
    # 292 -> 190 KB of rules) and reads less text per fact asserted and per frame handed back.
    short = {name: name if name == "t" else f"k{place}" for place, name in enumerate(read)}
    renamed = {key: _renamed(body, lambda attribute: short.get(attribute, attribute)) for key, body in bodies.items()}
    # Matches handed over in batches of up to CAP frames per action (durable-rules' `cap`): the same
    # frames, in far fewer round trips (a file where many provisions cure many others makes one frame
    # per pair: issue 18 case 12).
    definition: dict[str, dict[str, Any]] = {
        rule.name: {"all": [{label: renamed[id(body)] for label, body in item.items()} for item in rule.patterns],
                    "cap": CAP}
        for rule in rules}
    definition[_SENTINEL_RULE] = {"all": [{"m": {"t": _SENTINEL["t"]}}], "cap": CAP}
    return PackText(_JSON.encode(definition), tuple(short.items()), {rule.name: rule.bound for rule in rules})


class RulePack:
    """A set of engine rules registered once and evaluated on many independent fact sets."""

    def __init__(self, rules: Iterable[EngineRule] | PackText):
        form = rules if isinstance(rules, PackText) else pack_text(rules)
        self._reads = form.reads
        self.name = f"lexgap_{next(_NAMES)}"  # unique per process, which is all the engine asks
        self._matches: list[tuple[str, tuple[tuple[str, str], ...]]] = []  # (rule, bindings) of each action
        self._errors: list[EngineProblem] = []
        # The C engine's own call, as durable-rules' Python host makes it, less the host: lexgap runs the
        # actions itself (`_assert_all`), so the host's table of Python actions and its threads are not needed.
        with _LOCK:
            self._handle = _dre.create_ruleset(self.name, form.text)
        # Each bound fact's short id in an action's message, found by a regular expression: a fact shown
        # to the engine always begins with its id (see `evaluate`), a label is followed by an object only
        # where it binds a fact (values are scalars), and a quote inside a JSON string is escaped.  Every
        # frame of a batch holds each label once, so the n-th id of each label belongs to the n-th frame.
        self._keys = {name: [(label, re.compile(f'"{re.escape(label)}":' + _FACT_ID.pattern)) for label in labels]
                      for name, labels in form.bound.items()}
        self._closed = False

    def evaluate(self, facts: Iterable[dict[str, Any]]) -> tuple[list[Match], list[EngineProblem]]:
        """Assert facts in order (anchors last) in a fresh state; return sorted matches.

        One `assert_facts` call per evaluation: the sentinel, then the facts, as one JSON array.
        The engine sees each fact under a short id (its place in the array), put first so that an
        action's message is read by a regular expression; matches name the facts' own ids.
        """
        sid = f"s{next(_SIDS)}"
        problems: list[EngineProblem] = []
        own_ids: list[str] = []
        seen: set[str] = set()
        shown: list[dict[str, Any]] = [{"id": "~sentinel", "t": _SENTINEL["t"], "sid": sid}]
        reads = self._reads
        for fact in facts:
            fact_id = str(fact.get("id"))
            if fact_id in seen:  # what the engine says of a second fact with the same id
                problems.append(EngineProblem(fact_id, "duplicate", "same fact asserted twice"))
                continue
            seen.add(fact_id)
            # The short id first in the text, where `_run` finds it; then the attributes this pack reads.
            shown.append({"id": f"f{len(own_ids)}", **{short: fact[key] for key, short in reads if key in fact},
                          "sid": sid})
            own_ids.append(fact_id)
        with _LOCK:
            self._matches, self._errors = [], []
            try:
                self._assert_all(_JSON.encode(shown), own_ids)
            except Exception as error:  # _dre.error and anything else the C engine raises
                problems.append(EngineProblem(sid, "engine_error", str(error)))
            try:
                _dre.delete_state(self._handle, sid)
            except Exception as error:  # the sentinel guarantees a state; anything else is reported
                problems.append(EngineProblem(sid, "engine_error", f"could not free state: {error}"))
            # Deduplicated and sorted as plain tuples (hashed and compared in C), then made Matches.
            matches = [Match(rule, bindings) for rule, bindings in sorted(set(self._matches))]
            problems += self._errors
        return matches, problems

    def _assert_all(self, text: str, own_ids: list[str]) -> None:
        """`assert_facts` and the synchronous action loop of durable-rules 2.0.28, without its objects.

        The same calls into the C engine as `Ruleset.assert_facts` + `do_actions` + `Promise.run`,
        less `update_state`: our actions never change the state, and `complete_and_start_action`
        frees the action's context whether or not the state was written back.
        """
        result = _dre.assert_facts(self._handle, text)
        if result[0] == 2:  # ids are unique by construction: this is the engine's own doing
            raise RuntimeError("the engine took a fact for one already asserted")
        state_handle = 0 if result[0] == 3 else result[1]
        started = _dre.start_action_for_state(self._handle, state_handle)
        message = started[1] if started else None
        while message:
            self._run(message, own_ids)
            message = _dre.complete_and_start_action(self._handle, state_handle)

    def _run(self, message: str, own_ids: list[str]) -> None:
        """Record one action's matches: `{"<rule>":[{"<label>":{"id":"f<n>",...},...},...]}`."""
        rule_name = message[2:message.index('"', 2)]
        keys = self._keys.get(rule_name)
        if keys is None:  # the sentinel
            return
        try:
            found = _ids_by_label(message, [name for name, _ in keys], own_ids)
            if found is None:  # each label's ids apart
                found = [[own_ids[int(n)] for n in pattern.findall(message)] for _, pattern in keys]
            frames = len(found[0]) if found else 0
            if not frames or any(len(ids) != frames for ids in found):  # not the shape we write: read it in full
                bound = json.loads(message)[rule_name]
                batch = bound if isinstance(bound, list) else [bound]
                found = [[own_ids[int(frame[name]["id"][1:])] for frame in batch] for name, _ in keys]
            names = [name for name, _ in keys]
            self._matches += [(rule_name, tuple(zip(names, frame, strict=True))) for frame in zip(*found, strict=True)]
        except Exception as error:  # a binding the engine did not send
            self._errors.append(EngineProblem("?", "action_error", f"{rule_name}: {error!r}"))

    def close(self) -> None:
        """Free the ruleset in the C engine."""
        if self._closed:
            return
        with _LOCK:
            _dre.delete_ruleset(self._handle)
        self._closed = True

    def __enter__(self) -> RulePack:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
