"""The floor: lexgap's compiled engine rules evaluated in plain Python, over the same facts.

This evaluates the very JSON patterns that `lexgap.conditions.compile_rule(rule).engine_rules`
hands to durable-rules, over the very facts `lexgap.facts.coverage_facts` builds, and returns
the same `Match` values (engine rule name and the fact id bound to each positive pattern) that
`lexgap.durable.RulePack.evaluate` returns.  It is both a second opinion on durable-rules (the
agreement test) and the cost floor the benchmark compares lexgap with.

Semantics implemented (the subset lexgap's compiler emits):

* a pattern is ``{label: expression}``; ``label$not`` is a negation;
* expressions: ``{"$and": [...]}``, ``{"$or": [...]}``, equality ``{attr: value}``,
  ``{"$neq" | "$lt" | "$lte" | "$gt" | "$gte": {attr: value}}``, ``{"$ex" | "$nex": {attr: 1}}``;
  a value is a literal or a reference ``{label: attr}`` to an attribute of the fact bound to an
  earlier positive pattern;
* a test on an attribute the fact does not have never holds (durable-rules never matches a
  missing attribute with ``==``, ``!=`` or ``<``); values of different types never compare;
* positive patterns join in order (one fact per pattern); negations are decided once every fact
  is in, which is what asserting the jurisdiction anchor last achieves in durable-rules;
* each distinct combination of positive bindings is one match.

Patterns are split into the tests that read the fact alone (evaluated once per fact and shared
between rules with the same tests, like alpha memories) and the tests that read other facts.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lexgap.assess import Assessment, Assessor, Finding, _jurisdiction_findings
from lexgap.conditions import compile_rule
from lexgap.durable import EngineRule, Match
from lexgap.knowledge import Knowledge
from lexgap.models import Jurisdiction, Rule

Fact = dict[str, Any]
Env = dict[str, Fact]
Local = Callable[[Fact], bool]
Joined = Callable[[Fact, Env], bool]

_MISSING = object()
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "$neq": operator.ne, "$lt": operator.lt, "$lte": operator.le, "$gt": operator.gt, "$gte": operator.ge,
}


def _refers(expression: Any) -> bool:
    """Whether an expression reads another fact (a value written as {label: attribute})."""
    if isinstance(expression, list):
        return any(_refers(e) for e in expression)
    if not isinstance(expression, dict):
        return False
    for key, value in expression.items():
        if key in ("$and", "$or"):
            if _refers(value):
                return True
        elif key in _COMPARE or key in ("$ex", "$nex"):
            if any(isinstance(v, dict) for v in value.values()):
                return True
        elif isinstance(value, dict):
            return True
    return False


def _value(value: Any) -> Callable[[Env], Any]:
    if isinstance(value, dict):
        ((label, attribute),) = value.items()
        return lambda env: env[label].get(attribute, _MISSING)
    return lambda env: value


def _holds(compare: Callable[[Any, Any], bool], left: Any, right: Any) -> bool:
    if left is _MISSING or right is _MISSING:
        return False
    if isinstance(left, str) != isinstance(right, str):  # durable-rules would coerce; lexgap never mixes
        return False
    return compare(left, right)


def compile_expression(expression: Fact) -> Joined:
    """An expression as a predicate over (fact, bindings)."""
    tests: list[Joined] = []
    for key, value in expression.items():
        if key == "$and":
            parts = [compile_expression(e) for e in value]
            tests.append(lambda f, env, parts=parts: all(p(f, env) for p in parts))
        elif key == "$or":
            parts = [compile_expression(e) for e in value]
            tests.append(lambda f, env, parts=parts: any(p(f, env) for p in parts))
        elif key in ("$ex", "$nex"):
            ((attribute, _),) = value.items()
            present = key == "$ex"  # $ex: present, null included; $nex: absent
            tests.append(lambda f, env, a=attribute, present=present: (a in f) == present)
        elif key in _COMPARE:
            ((attribute, operand),) = value.items()
            get, compare = _value(operand), _COMPARE[key]
            tests.append(lambda f, env, a=attribute, get=get, compare=compare:
                         _holds(compare, f.get(a, _MISSING), get(env)))
        else:
            get = _value(value)
            tests.append(lambda f, env, a=key, get=get: _holds(operator.eq, f.get(a, _MISSING), get(env)))
    if len(tests) == 1:
        return tests[0]
    return lambda f, env: all(t(f, env) for t in tests)


@dataclass
class _Pattern:
    label: str
    negated: bool
    alpha: str  # canonical text of the tests on the fact alone: patterns sharing it share one fact list
    local: Local
    joined: list[Joined]


def _pattern(label: str, expression: Fact) -> _Pattern:
    conjuncts = expression["$and"] if list(expression) == ["$and"] else [expression]
    local = [c for c in conjuncts if not _refers(c)]
    joined = [compile_expression(c) for c in conjuncts if _refers(c)]
    local_tests = [compile_expression(c) for c in local]
    return _Pattern(label.removesuffix("$not"), label.endswith("$not"), json.dumps(local, sort_keys=True),
                    lambda f: all(t(f, {}) for t in local_tests), joined)


@dataclass
class _Rule:
    name: str
    positives: list[_Pattern]
    negatives: list[_Pattern]
    bound: tuple[str, ...]


class Reference:
    """Engine rules compiled to Python predicates, evaluated on one fact set at a time."""

    def __init__(self, rules: Iterable[EngineRule]):
        self.rules: list[_Rule] = []
        for rule in rules:
            patterns = [_pattern(label, body) for item in rule.patterns for label, body in item.items()]
            self.rules.append(_Rule(rule.name, [p for p in patterns if not p.negated],
                                    [p for p in patterns if p.negated], rule.bound))
        self._alphas: dict[str, Local] = {}
        for rule in self.rules:
            for pattern in (*rule.positives, *rule.negatives):
                self._alphas.setdefault(pattern.alpha, pattern.local)

    def evaluate(self, facts: Iterable[Fact]) -> list[Match]:
        """Every match of every rule on these facts, sorted, as `RulePack.evaluate` returns them."""
        facts = list(facts)
        alpha = {key: [f for f in facts if local(f)] for key, local in self._alphas.items()}
        matches: set[Match] = set()
        for rule in self.rules:
            for env in self._join(rule.positives, 0, {}, alpha):
                if any(self._exists(pattern, env, alpha) for pattern in rule.negatives):
                    continue
                matches.add(Match(rule.name, tuple((name, str(env[name]["id"])) for name in rule.bound)))
        return sorted(matches)

    def _join(self, patterns: list[_Pattern], index: int, env: Env, alpha: dict[str, list[Fact]]) -> Iterable[Env]:
        if index == len(patterns):
            yield dict(env)
            return
        pattern = patterns[index]
        for fact in alpha[pattern.alpha]:
            if all(test(fact, env) for test in pattern.joined):
                env[pattern.label] = fact
                yield from self._join(patterns, index + 1, env, alpha)
                del env[pattern.label]

    @staticmethod
    def _exists(pattern: _Pattern, env: Env, alpha: dict[str, list[Fact]]) -> bool:
        return any(all(test(fact, env) for test in pattern.joined) for fact in alpha[pattern.alpha])


def engine_rules(rules: Iterable[Rule]) -> list[EngineRule]:
    """The engine rules lexgap compiles from these rules (jurisdiction rules only)."""
    return [e for rule in rules if rule.subject == "jurisdiction" for e in compile_rule(rule).engine_rules]


class _RuleBook:
    """The part of an `Assessor` that turning matches into findings reads: rules and their basis."""

    basis = Assessor.basis

    def __init__(self, knowledge: Knowledge, rules: dict[str, Rule]):
        self.knowledge = knowledge
        self.rules = rules
        self._basis: dict[str, Any] = {}


class ReferenceAssessor:
    """Assesses jurisdictions with the reference evaluator and lexgap's own findings code."""

    def __init__(self, knowledge: Knowledge, rule_ids: Iterable[str] | None = None):
        wanted = set(rule_ids) if rule_ids is not None else None
        rules = {r.id: r for r in knowledge.rules if wanted is None or r.id in wanted}
        self.reference = Reference(engine_rules(rules.values()))
        self._book = _RuleBook(knowledge, rules)

    def matches(self, facts: Iterable[Fact]) -> list[Match]:
        return self.reference.evaluate(facts)

    def assessment(self, subject: Jurisdiction, matches: list[Match]) -> Assessment:
        """Findings from matches by the code path `Assessor.assess` uses."""
        findings = _jurisdiction_findings(self._book, subject, matches)  # type: ignore[arg-type]
        findings.sort(key=Finding.sort_key)
        return Assessment(subject.id, "jurisdiction", subject.name, subject.as_of.isoformat(), findings, [])

    def assess(self, subject: Jurisdiction) -> Assessment:
        from lexgap.facts import coverage_facts

        return self.assessment(subject, self.matches(coverage_facts(subject)))
