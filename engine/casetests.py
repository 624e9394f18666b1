"""`lexgap test [DIR]`: run rule test cases written in the bundled format (tests/rules/*.yaml).

An office that writes its own rules writes their cases the way lexgap's lawyers do: a minimal
jurisdiction or company and the outcome expected.  This runs every case of every case file
in a folder (and its subfolders) against the rules it is given, and says, case by case,
what passed and what came out instead.  A case file that cannot be read is a problem,
located, and no case is run, so that a broken file never passes silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lexgap.assess import Assessor
from lexgap.folders import declared_format
from lexgap.knowledge import Knowledge
from lexgap.loading import Loaded, load_file, validate
from lexgap.models import Company, Jurisdiction, RuleTests
from lexgap.problems import Problem
from lexgap.rulecases import case_data, run_case
from lexgap.vocabulary import did_you_mean


@dataclass(frozen=True)
class CaseOutcome:
    """One case's result: where it is, whether it passed, and if not, what came out instead."""

    file: str
    rule: str
    name: str
    passed: bool
    message: str = ""

    @property
    def node_id(self) -> str:
        """The case as pytest names an item: FILE::RULE::NAME."""
        return f"{self.file}::{self.rule}::{self.name}"


@dataclass
class CaseRun:
    outcomes: list[CaseOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for o in self.outcomes if o.passed)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if not o.passed)


def case_files(target: Path) -> tuple[list[Path], list[Problem]]:
    """The case files (`format: rule_tests`) in a folder and its subfolders, by path; or the one file given."""
    if target.is_file():
        return [target], []
    if not target.is_dir():
        return [], [Problem(str(target), 1, 1, "no such folder or file; give the folder that holds the case files")]
    found = sorted(p for p in target.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                   and declared_format(p) == "rule_tests")
    if not found:
        return [], [Problem(str(target), 1, 1, "no case files here: a case file starts with 'format: rule_tests' "
                                               "(`lexgap init rule_tests FILE` writes one)")]
    return found, []


def check_cases(model: RuleTests, loaded: Loaded, knowledge: Knowledge) -> list[Problem]:
    """A case file's rule exists and each case describes a valid subject (located in the case file)."""
    rule = knowledge.rule(model.rule)
    if rule is None:
        did = did_you_mean(model.rule, [r.id for r in knowledge.rules])
        return [loaded.problem(("rule",), f"no rule {model.rule!r} among the rules given{did} "
                                          "(add its folder with --rules)")]
    problems: list[Problem] = []
    subject_model = Company if rule.subject == "company" else Jurisdiction
    for index, case in enumerate(model.cases):
        inner = Loaded(loaded.path, case_data(case, rule.subject), loaded.marks.within(("cases", index)))
        validate(inner, subject_model)
        problems += inner.problems
    return problems


def _read(path: Path, knowledge: Knowledge) -> tuple[RuleTests | None, Loaded, list[Problem]]:
    model, loaded = load_file(path, "rule_tests")
    if not isinstance(model, RuleTests) or loaded.problems:
        return None, loaded, list(loaded.problems)
    problems = check_cases(model, loaded, knowledge)
    return (None if problems else model), loaded, problems


def run_case_files(target: Path, knowledge: Knowledge) -> CaseRun:
    """Run every case in `target` against `knowledge`'s rules; bad files give problems and no outcomes."""
    run = CaseRun()
    files, run.problems = case_files(target)
    suites: list[tuple[Path, RuleTests]] = []
    for path in files:
        model, _, problems = _read(path, knowledge)
        run.problems += problems
        if model is not None:
            suites.append((path, model))
    if run.problems or not suites:
        run.problems.sort()
        return run
    with Assessor(knowledge, sorted({suite.rule for _, suite in suites})) as assessor:
        for path, suite in suites:
            for case in suite.cases:
                result = run_case(assessor, suite.rule, case)
                run.outcomes.append(CaseOutcome(str(path), suite.rule, case.name, result.passed, result.message))
    return run


def render_run(run: CaseRun) -> str:
    """pytest's way: one line per case, the failures in full, then 'N passed, M failed'."""
    lines = [f"{o.node_id} {'PASSED' if o.passed else 'FAILED'}" for o in run.outcomes]
    failures = [o for o in run.outcomes if not o.passed]
    if failures:
        lines += ["", "FAILURES"]
        for outcome in failures:
            lines += [f"{outcome.node_id}", *(f"  {line}" for line in outcome.message.splitlines()), ""]
    summary = f"{run.passed} passed, {run.failed} failed"
    return "\n".join([*lines, summary]) + "\n"
