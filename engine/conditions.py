"""The rule condition language: compiled to durable-rules' JSON form, and said in plain words.

A condition maps attribute names to tests (`any_of`, `none_of`, `below`,
`at_least`); all tests must hold.  Each rule compiles to several engine rules,
one per way it can end, so the two-valued engine yields three outcomes:

* ``gap``   the deficiency holds on known values (and, for rules that judge the
  law as a whole, no other in-force provision covers the same conduct and
  victims without it);
* ``met``   some test of the deficiency is known to fail (or another provision
  cures it);
* ``not_assessable`` a value the rule needs is unknown, or the cure is uncertain.

Absence rules (`gap_when_no_provision`) anchor on the jurisdiction fact, asserted
last, and use the engine's negation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lexgap import ids
from lexgap.attributes import ATTRIBUTES_BY_SUBJECT, Attribute
from lexgap.durable import EngineRule
from lexgap.facts import ANCHOR, COMPANY, COVERAGE, REPLACES_SLOTS, known_flag, word_flag
from lexgap.models import Condition, Rule, Test
from lexgap.vocabulary import Outcome, meaning, plain

Json = dict[str, Any]

#: Which outcome each engine-rule variant stands for; `pending` only annotates a gap.
VARIANT_OUTCOME: dict[str, Outcome | None] = {
    "gap": Outcome.gap,
    "met": Outcome.met,
    "unknown": Outcome.not_assessable,
    "cured": Outcome.met,
    "cured_in_text": Outcome.met,
    "uncertain_cure": Outcome.not_assessable,
    "unknown_victims_cure": Outcome.not_assessable,
    "disputed_cure": None,  # the rule's when_coverage_disputed
    "present": Outcome.met,
    "absent": Outcome.gap,
    "disputed": None,
    "uncertain": Outcome.not_assessable,
    "incomplete": Outcome.not_assessable,
    "pending": None,
}


@dataclass(frozen=True)
class Compiled:
    rule: Rule
    engine_rules: list[EngineRule]

    def conducts(self) -> frozenset[str] | None:
        """The conduct words the rule can match on; None when it can match any fact (no conduct test)."""
        condition = self.rule.gap_when_no_provision or self.rule.applies_to
        test = condition.get("conduct")
        if test is None or test.any_of is None:
            return None
        return frozenset(str(w) for w in test.any_of)


def _all(tests: list[Json]) -> Json:
    return tests[0] if len(tests) == 1 else {"$and": tests}


def _any(tests: list[Json]) -> Json:
    return tests[0] if len(tests) == 1 else {"$or": tests}


def holds(attribute: Attribute, test: Test) -> Json:
    """The test as a durable-rules expression that holds only on known values."""
    name = attribute.name
    if test.below is not None:
        return _all([{known_flag(name): 1}, {"$lt": {name: test.below}}])
    if test.at_least is not None:
        return _all([{known_flag(name): 1}, {"$gte": {name: test.at_least}}])
    if test.any_of is not None:
        if attribute.many:
            return _any([{word_flag(name, str(w)): 1} for w in test.any_of])
        return _any([{name: str(w)} for w in test.any_of])
    if test.all_of is not None:
        return _all([{known_flag(name): 1}, *({word_flag(name, str(w)): 1} for w in test.all_of)])
    if test.not_all_of is not None:
        return _all([{known_flag(name): 1}, _any([{word_flag(name, str(w)): 0} for w in test.not_all_of])])
    assert test.none_of is not None
    if attribute.many:
        return _all([{known_flag(name): 1}, *({word_flag(name, str(w)): 0} for w in test.none_of)])
    return _all([{known_flag(name): 1}, *({"$neq": {name: str(w)}} for w in test.none_of)])


def negate(test: Test) -> Test:
    if test.any_of is not None:
        return Test(none_of=test.any_of)
    if test.none_of is not None:
        return Test(any_of=test.none_of)
    if test.all_of is not None:
        return Test(not_all_of=test.all_of)
    if test.not_all_of is not None:
        return Test(all_of=test.not_all_of)
    if test.below is not None:
        return Test(at_least=test.below)
    return Test(below=test.at_least)


def _unknown(attribute: Attribute) -> Json:
    return {known_flag(attribute.name): 0}


class _Compiler:
    def __init__(self, rule: Rule, replaced: int = REPLACES_SLOTS):
        self.rule = rule
        self.replaced = replaced
        self.attributes = ATTRIBUTES_BY_SUBJECT[rule.subject]

    def _tests(self, condition: Condition) -> list[tuple[Attribute, Test]]:
        return [(self.attributes[name], test) for name, test in sorted(condition.items())]

    def deficiency_holds(self) -> list[Json]:
        return [holds(a, t) for a, t in self._tests(self.rule.gap_when or {})]

    def deficiency_fails(self) -> Json:
        return _any([holds(a, negate(t)) for a, t in self._tests(self.rule.gap_when or {})])

    def deficiency_unknown(self) -> list[Json]:
        tests = self._tests(self.rule.gap_when or {})
        return [*(_any([holds(a, t), _unknown(a)]) for a, t in tests), _any([_unknown(a) for a, _ in tests])]

    def applies(self) -> list[Json]:
        fact_type = COMPANY if self.rule.subject == "company" else COVERAGE
        tests: list[Json] = [{"t": fact_type}]
        if self.rule.subject == "jurisdiction":
            tests.append({"$neq": {"status": "repealed"}})
        tests += [holds(a, t) for a, t in self._tests(self.rule.applies_to)]
        return tests

    def name(self, variant: str) -> str:
        return ids.engine_rule_name(self.rule.id, variant)

    def engine_rule(self, variant: str, patterns: list[tuple[str, Json]]) -> EngineRule:
        bound = tuple(label for label, _ in patterns if not label.endswith("$not"))
        return EngineRule(self.name(variant), [{label: body} for label, body in patterns], bound)

    def compile(self) -> list[EngineRule]:
        if self.rule.gap_when_no_provision is not None:
            return self.absence()
        applies = self.applies()
        rules = [
            self.engine_rule("met", [("p", _all([*applies, self.deficiency_fails()]))]),
            self.engine_rule("unknown", [("p", _all([*applies, *self.deficiency_unknown()]))]),
        ]
        candidate = ("p", _all([*applies, *self.deficiency_holds()]))
        if not self.rule.unless_covered_elsewhere:
            return [self.engine_rule("gap", [candidate]), *rules]
        anchor = ("j", {"t": ANCHOR})
        # The tests against the candidate (`same`) stay first in each pattern: durable-rules 2.0.28 gave other
        # matches on the bench corpus when they were moved after the tests of values (tried in issue 19).
        same = self.same_ground()
        fails = self.deficiency_fails()
        cure = _all([*same, {"victims_known": 1}, {"disputed": 0}, fails])
        uncertain = _all([*same, {"disputed": 0}, *self.deficiency_unknown()])
        unknown_victims = _all([*same, {"victims_known": 0}, {"disputed": 0}, fails])
        disputed = _all([*same, {"victims_known": 1}, {"disputed": 1}, fails])
        text_cure = _all([*self.same_ground(same_text=True), {"victims_known": 1}, {"disputed": 0}, fails])
        return [
            self.engine_rule("gap", [candidate, anchor, ("c$not", cure), ("t$not", text_cure), ("u$not", uncertain),
                                     ("v$not", unknown_victims), ("d$not", disputed)]),
            self.engine_rule("cured", [candidate, anchor, ("q", cure)]),
            self.engine_rule("cured_in_text", [candidate, anchor, ("c$not", cure), ("q", text_cure)]),
            self.engine_rule("uncertain_cure", [candidate, anchor, ("c$not", cure), ("t$not", text_cure),
                                                ("q", uncertain)]),
            self.engine_rule("unknown_victims_cure", [candidate, anchor, ("c$not", cure), ("t$not", text_cure),
                                                      ("u$not", uncertain), ("q", unknown_victims)]),
            self.engine_rule("disputed_cure", [candidate, anchor, ("c$not", cure), ("t$not", text_cure),
                                               ("u$not", uncertain), ("v$not", unknown_victims), ("q", disputed)]),
            *rules,
        ]

    def about_children_only(self) -> bool:
        """A rule scoped to provisions protecting children only asks a cure to reach those children."""
        test = self.rule.applies_to.get("protects_children")
        return test is not None and test.any_of == ["yes"]

    def same_ground(self, same_text: bool = False) -> list[Json]:
        """Another in-force provision of the same type and legal system, for the same conduct and at least the
        same victims; with `same_text`, instead another provision of the candidate's own text (law or bill) with
        its status, when that is not in force: the law as a whole holds inside any one text."""
        status: list[Json] = ([{"law": {"p": "law"}}, {"status": {"p": "status"}}, {"$neq": {"status": "in_force"}}]
                              if same_text else [{"status": "in_force"}])
        tests: list[Json] = [
            {"t": COVERAGE},
            *status,
            {"legal_system": {"p": "legal_system"}},
            {"conduct": {"p": "conduct"}},
            {"provision_type": {"p": "provision_type"}},
            {"$neq": {"provision": {"p": "provision"}}},
            {"$gte": {"covers_children": {"p": "covers_children"}}},
            {"$gte": {"child_age_reach": {"p": "child_age_reach"}}},
            {"$lte": {"child_age_floor": {"p": "child_age_floor"}}},
        ]
        if not self.about_children_only():
            tests.append({"$gte": {"covers_adults": {"p": "covers_adults"}}})
        tests += [{"$neq": {"provision": {"p": f"replaces_{i + 1}"}}} for i in range(self.replaced)]
        return tests

    def absence(self) -> list[EngineRule]:
        assert self.rule.gap_when_no_provision is not None and self.rule.area is not None
        tests = self._tests(self.rule.gap_when_no_provision)
        conduct = [holds(a, t) for a, t in tests]
        unknown = [*(_any([holds(a, t), _unknown(a)]) for a, t in tests), _any([_unknown(a) for a, _ in tests])]
        in_force = [{"t": COVERAGE}, {"status": "in_force"}]
        settled = _all([*in_force, {"disputed": 0}, *conduct])
        disputed = _all([*in_force, {"disputed": 1}, *conduct])
        uncertain = _all([*in_force, *unknown])
        pending = _all([{"t": COVERAGE}, {"$neq": {"status": "in_force"}}, {"$neq": {"status": "repealed"}},
                        *conduct])
        complete = f"complete__{self.rule.area}"
        anchor = ("j", {"t": ANCHOR})
        return [
            self.engine_rule("present", [anchor, ("q", settled)]),
            self.engine_rule("disputed", [anchor, ("s$not", settled), ("q", disputed)]),
            self.engine_rule("uncertain", [anchor, ("s$not", settled), ("d$not", disputed), ("q", uncertain)]),
            self.engine_rule("absent", [("j", {"$and": [{"t": ANCHOR}, {complete: 1}]}), ("s$not", settled),
                                        ("d$not", disputed), ("u$not", uncertain)]),
            self.engine_rule("incomplete", [("j", {"$and": [{"t": ANCHOR}, {complete: 0}]}), ("s$not", settled),
                                            ("d$not", disputed), ("u$not", uncertain)]),
            self.engine_rule("pending", [anchor, ("s$not", settled), ("q", pending)]),
        ]


def compile_rule(rule: Rule, replaced: int = REPLACES_SLOTS) -> Compiled:
    """Compile one rule into the engine rules that decide its three outcomes.

    `replaced`: how many of a candidate's replaced provisions (its facts' `replaces_1`, ...) a cure is
    tested against.  Fewer than the facts' slots is the same rule for facts whose further slots are empty
    (no provision's id is empty), and each slot is a join in every cure pattern: `facts.replaced_width`
    says how many a subject's facts need (more than REPLACES_SLOTS where a provision amends more).
    """
    if replaced < 0:
        raise ValueError(f"replaced must be 0 or more, not {replaced}")
    return Compiled(rule, _Compiler(rule, replaced).compile())


# --- plain words ---------------------------------------------------------------------


def _word(word: Any, with_word: bool, vocabulary: type[StrEnum] | None) -> str:
    said = meaning(word, vocabulary)
    if with_word:
        return f"{said} [{word}]" if said else str(word)
    return plain(word, vocabulary)


def describe_test(attribute: Attribute, test: Test, with_words: bool = True) -> str:
    """One test in words; `with_words` keeps the vocabulary word beside its meaning."""
    if test.below is not None:
        return f"{attribute.plain} is below {test.below}"
    if test.at_least is not None:
        return f"{attribute.plain} is at least {test.at_least}"
    listed = test.listed()
    assert listed is not None
    text = "; ".join(_word(w, with_words, attribute.vocabulary) for w in listed)
    if test.all_of is not None:
        return f"{attribute.plain} includes all of: {text}"
    if test.not_all_of is not None:
        return f"{attribute.plain} lacks at least one of: {text}"
    if test.any_of is not None:
        verb = "includes any of" if attribute.many else "is one of"
        return f"{attribute.plain} {verb}: {text}" if len(listed) > 1 else f"{attribute.plain} is {text}"
    verb = "includes none of" if attribute.many else "is none of"
    return f"{attribute.plain} {verb}: {text}" if len(listed) > 1 else f"{attribute.plain} is not {text}"


def describe_condition(rule: Rule, condition: Condition, with_words: bool = True) -> list[str]:
    attributes = ATTRIBUTES_BY_SUBJECT[rule.subject]
    return [describe_test(attributes[name], test, with_words) for name, test in sorted(condition.items())]


def describe_rule(rule: Rule) -> list[str]:
    """The rule's logic as sentences a lawyer can check against the standard."""
    lines: list[str] = []
    scope = describe_condition(rule, rule.applies_to)
    if rule.subject == "company":
        lines.append("Looks at the company's practice.")
    elif scope:
        lines.append("Looks at every provision (not repealed) where " + "; and ".join(scope) + ".")
    else:
        lines.append("Looks at every provision that is not repealed.")
    if rule.gap_when is not None:
        lines.append("A gap when " + "; and ".join(describe_condition(rule, rule.gap_when)) + ".")
        if rule.unless_covered_elsewhere:
            victims = "the same children" if _Compiler(rule).about_children_only() else "at least the same victims"
            lines.append(f"Unless another provision in force (or of the same text and status), of the same type and "
                         f"legal system, covers the same conduct for {victims} without that deficiency: then met.")
            lines.append(f"If that other provision's coverage is disputed: {rule.when_coverage_disputed}.")
    else:
        assert rule.gap_when_no_provision is not None
        lines.append("A gap when no provision in force covers: "
                     + "; and ".join(describe_condition(rule, rule.gap_when_no_provision)) + ".")
        lines.append(f"Not assessable when the file does not declare its list complete for the area "
                     f"'{rule.area}', or when a provision that might cover it has unknown facts.")
        lines.append(f"If the only coverage is disputed: {rule.when_coverage_disputed}.")
    lines.append("Not assessable when a fact the rule reads is not in the file.")
    return lines
