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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lexgap.assess import Assessment, Assessor, Finding, _company_findings, _jurisdiction_findings
from lexgap.conditions import compile_rule
from lexgap.durable import EngineRule, Match
from lexgap.knowledge import Knowledge
from lexgap.models import Company, Jurisdiction, Rule

Fact = dict[str, Any]
Env = dict[str, Fact]
Local = Callable[[Fact], bool]
Joined = Callable[[Fact, Env], bool]

_MISSING = object()  # an attribute the fact does not have
_ABSENT = object()  # the same, on the other side of a comparison: never equal to _MISSING
_OPERATORS = {"$neq": "!=", "$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">="}


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
        elif key in _OPERATORS or key in ("$ex", "$nex"):
            if any(isinstance(v, dict) for v in value.values()):
                return True
        elif isinstance(value, dict):
            return True
    return False


def _comparable(left: Any, right: Any) -> bool:
    """Both known and of one kind (numbers or strings): durable-rules would coerce, lexgap never mixes."""
    if left is _MISSING or right is _MISSING or left is _ABSENT or right is _ABSENT:
        return False
    return isinstance(left, str) == isinstance(right, str)


class _Code:
    """Python source for one expression; literals go into a namespace, never into the text."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {"M": _MISSING, "A": _ABSENT, "ok": _comparable}
        self.count = 0

    def constant(self, value: Any) -> str:
        self.count += 1
        name = f"c{self.count}"
        self.names[name] = value
        return name

    def temporary(self) -> str:
        self.count += 1
        return f"t{self.count}"

    def operand(self, value: Any) -> str:
        if isinstance(value, dict):
            ((label, attribute),) = value.items()
            return f"env[{self.constant(label)}].get({self.constant(attribute)}, A)"
        return self.constant(value)

    def expression(self, expression: Fact) -> str:
        parts = [self.test(key, value) for key, value in expression.items()]
        return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"

    def test(self, key: str, value: Any) -> str:
        if key == "$and":
            return "(" + " and ".join(self.expression(e) for e in value) + ")"
        if key == "$or":
            one = {next(iter(e)) for e in value if len(e) == 1}
            if len(one) == 1 and not next(iter(one)).startswith("$") and not _refers(value):
                # an $or of equalities on one attribute: a set lookup
                attribute = next(iter(one))
                words = frozenset(e[attribute] for e in value)
                return f"(f.get({self.constant(attribute)}, M) in {self.constant(words)})"
            return "(" + " or ".join(self.expression(e) for e in value) + ")"
        if key in ("$ex", "$nex"):
            ((attribute, _),) = value.items()
            return f"({self.constant(attribute)} {'in' if key == '$ex' else 'not in'} f)"
        if key in _OPERATORS:
            ((attribute, operand),) = value.items()
            left, right = self.temporary(), self.temporary()
            return (f"(ok({left} := f.get({self.constant(attribute)}, M), {right} := {self.operand(operand)}) "
                    f"and {left} {_OPERATORS[key]} {right})")
        return f"(f.get({self.constant(key)}, M) == {self.operand(value)})"


def compile_expression(expression: Fact, joined: bool = True) -> Any:
    """An expression as a Python predicate over (fact, bindings), or over the fact alone."""
    code = _Code()
    text = code.expression(expression) if expression else "True"
    return eval(f"lambda f, env: {text}" if joined else f"lambda f: {text}", code.names)


@dataclass
class _Pattern:
    label: str
    negated: bool
    alpha: str  # canonical text of the tests on the fact alone: patterns sharing it share one fact list
    local: Local
    key: tuple[str, str, str] | None  # an equality with another fact's attribute: (attribute, label, attribute)
    joined: Joined | None


def _pattern(label: str, expression: Fact) -> _Pattern:
    conjuncts = expression["$and"] if list(expression) == ["$and"] else [expression]
    local = [c for c in conjuncts if not _refers(c)]
    rest = [c for c in conjuncts if _refers(c)]
    key = None
    for conjunct in rest:  # the first equality join becomes a hash lookup
        ((attribute, value),) = conjunct.items()
        if not attribute.startswith("$") and isinstance(value, dict):
            ((other, other_attribute),) = value.items()
            key = (attribute, other, other_attribute)
            rest.remove(conjunct)
            break
    return _Pattern(label.removesuffix("$not"), label.endswith("$not"), json.dumps(local, sort_keys=True),
                    compile_expression({"$and": local} if local else {}, joined=False), key,
                    compile_expression({"$and": rest}) if rest else None)


@dataclass
class _Rule:
    name: str
    positives: list[_Pattern]
    negatives: list[_Pattern]
    bound: tuple[str, ...]


class _Memory:
    """The facts passing each pattern's own tests, and hash indexes on them, for one fact set."""

    def __init__(self, facts: list[Fact], alphas: dict[str, Local]):
        self.alpha = {key: [f for f in facts if local(f)] for key, local in alphas.items()}
        self._indexes: dict[tuple[str, str], dict[Any, list[Fact]]] = {}

    def candidates(self, pattern: _Pattern, env: Env) -> list[Fact]:
        if pattern.key is None:
            return self.alpha[pattern.alpha]
        attribute, label, other = pattern.key
        index = self._indexes.get((pattern.alpha, attribute))
        if index is None:
            index = {}
            for fact in self.alpha[pattern.alpha]:
                if attribute in fact:
                    index.setdefault(fact[attribute], []).append(fact)
            self._indexes[(pattern.alpha, attribute)] = index
        return index.get(env[label].get(other, _ABSENT), [])


class Reference:
    """Engine rules compiled to Python predicates, evaluated on one fact set at a time."""

    def __init__(self, rules: Iterable[EngineRule]):
        self.rules: list[_Rule] = []
        for rule in rules:
            patterns = [_pattern(label, body) for item in rule.patterns for label, body in item.items()]
            self.rules.append(_Rule(rule.name, [p for p in patterns if not p.negated],
                                    [p for p in patterns if p.negated], rule.bound))
        self._alphas: dict[str, Local] = {}
        for compiled in self.rules:
            for pattern in (*compiled.positives, *compiled.negatives):
                self._alphas.setdefault(pattern.alpha, pattern.local)

    def evaluate(self, facts: Iterable[Fact]) -> list[Match]:
        """Every match of every rule on these facts, sorted, as `RulePack.evaluate` returns them."""
        memory = _Memory(list(facts), self._alphas)
        matches: set[Match] = set()
        for rule in self.rules:
            for env in self._join(rule.positives, 0, {}, memory):
                if any(self._exists(pattern, env, memory) for pattern in rule.negatives):
                    continue
                matches.add(Match(rule.name, tuple((name, str(env[name]["id"])) for name in rule.bound)))
        return sorted(matches)

    def _join(self, patterns: list[_Pattern], index: int, env: Env, memory: _Memory) -> Iterable[Env]:
        if index == len(patterns):
            yield env
            return
        pattern = patterns[index]
        for fact in memory.candidates(pattern, env):
            if pattern.joined is None or pattern.joined(fact, env):
                env[pattern.label] = fact
                yield from self._join(patterns, index + 1, env, memory)
                del env[pattern.label]

    @staticmethod
    def _exists(pattern: _Pattern, env: Env, memory: _Memory) -> bool:
        test = pattern.joined
        candidates = memory.candidates(pattern, env)
        if test is None:
            return bool(candidates)
        return any(test(fact, env) for fact in candidates)


def engine_rules(rules: Iterable[Rule], subject: str = "jurisdiction") -> list[EngineRule]:
    """The engine rules lexgap compiles from these rules, for one subject kind."""
    return [e for rule in rules if rule.subject == subject for e in compile_rule(rule).engine_rules]


class _RuleBook:
    """The part of an `Assessor` that turning matches into findings reads: rules and their basis."""

    basis = Assessor.basis
    described = Assessor.described
    grounds = Assessor.grounds

    def __init__(self, knowledge: Knowledge, rules: dict[str, Rule]):
        self.knowledge = knowledge
        self.rules = rules
        self._basis: dict[str, Any] = {}
        self._described: dict[str, str] = {}


class ReferenceAssessor:
    """Assesses jurisdictions with the reference evaluator and lexgap's own findings code."""

    def __init__(self, knowledge: Knowledge, rule_ids: Iterable[str] | None = None):
        wanted = set(rule_ids) if rule_ids is not None else None
        rules = {r.id: r for r in knowledge.rules if wanted is None or r.id in wanted}
        self.reference = Reference(engine_rules(rules.values()))
        self._rules = rules
        self._company: Reference | None = None  # compiled when a company comes
        self._book = _RuleBook(knowledge, rules)

    def matches(self, facts: Iterable[Fact], subject: str = "jurisdiction") -> list[Match]:
        if subject == "company":
            if self._company is None:
                self._company = Reference(engine_rules(self._rules.values(), "company"))
            return self._company.evaluate(facts)
        return self.reference.evaluate(facts)

    def assess_company(self, company: Company) -> Assessment:
        """A company's findings from the reference's matches, by the code path `Assessor.assess` uses."""
        from lexgap.facts import company_facts

        matches = self.matches(company_facts(company), "company")
        findings = _company_findings(self._book, company, matches)  # type: ignore[arg-type]
        findings.sort(key=Finding.sort_key)
        return Assessment(company.id, "company", company.name, company.as_of.isoformat(), findings, [])

    def assessment(self, subject: Jurisdiction, matches: list[Match]) -> Assessment:
        """Findings from matches by the code path `Assessor.assess` uses."""
        findings = _jurisdiction_findings(self._book, subject, matches)  # type: ignore[arg-type]
        findings.sort(key=Finding.sort_key)
        return Assessment(subject.id, "jurisdiction", subject.name, subject.as_of.isoformat(), findings, [])

    def assess(self, subject: Jurisdiction) -> Assessment:
        from lexgap.facts import coverage_facts

        return self.assessment(subject, self.matches(coverage_facts(subject)))
