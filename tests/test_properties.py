"""Properties of every valid file, not of the few we wrote by hand: lexgap's promises, checked by Hypothesis.

The files come from tests/strategies.py, which draws them from the formats and vocabularies.  The runs
are derandomized (the same examples on every machine) and small enough for the default suite.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from random import Random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import strategies as gen
from conftest import shared_assessor
from lexgap.assess import Assessment, Assessor
from lexgap.compare import Comparison, run_compare
from lexgap.knowledge import load_subject
from lexgap.letters import build_letter, load_letter_texts
from lexgap.models import Company, Jurisdiction, Provision
from lexgap.render import formats, json, markdown, render_bytes, terminal
from lexgap.vocabulary import Outcome

PROPERTIES = settings(max_examples=25, derandomize=True, deadline=None, database=None, print_blob=True,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Each example assesses three times or renders letters (docx included): fewer of them.
SLOW = settings(PROPERTIES, max_examples=10)


@contextmanager
def written(data: dict[str, Any], name: str = "subject.yaml") -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(gen.to_yaml(data), encoding="utf-8")
        yield path


def load(path: Path) -> Jurisdiction | Company:
    subject, problems = load_subject(path, shared_assessor().knowledge)
    assert subject is not None and not problems, "\n".join(map(str, problems)) + "\n" + path.read_text("utf-8")
    return subject


def assess(data: dict[str, Any]) -> tuple[Jurisdiction | Company, Assessment]:
    with written(data) as path:
        subject = load(path)
    assessment = shared_assessor().assess(subject)
    assert assessment.engine_problems == []
    return subject, assessment


def rendered(assessment: Assessment) -> dict[str, str]:
    """Every rendering of an assessment, the terminal one included (as plain text)."""
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(terminal.render_assessment(assessment))
    return {"json": json.render_assessment(assessment), "line": json.render_line(assessment),
            "markdown": markdown.render_assessment(assessment), "terminal": console.file.getvalue()}  # type: ignore[attr-defined]


subjects = st.one_of(gen.jurisdictions(), gen.companies())


def test_the_strategies_draw_every_field_of_a_provision() -> None:
    drawn = {*gen.OPTIONAL_FIELDS, *gen.REQUIRED_PROVISION_FIELDS, "conduct_disputed", "amends", "conduct_added",
             "recklessness_as_to"}
    assert drawn == set(Provision.model_fields)


@PROPERTIES
@given(subjects)
def test_assessing_a_valid_file_never_raises_and_every_reference_resolves(data: dict[str, Any]) -> None:
    assessor: Assessor = shared_assessor()
    subject, assessment = assess(data)
    provisions = {p.id for p in subject.provisions} if isinstance(subject, Jurisdiction) else set()
    for finding in assessment.findings:
        assert finding.rule in assessor.rules
        for ref in (*finding.provisions, *finding.related):
            assert ref.id in provisions, (finding.rule, ref.id)
        cited = assessor.rules[finding.rule].basis
        assert [b.ref for b in finding.basis] == [ref for ref in cited if ref in {b.ref for b in finding.basis}]
        if not finding.basis:  # no standard grounds it on the subject's date, or for its area and victims
            assert finding.status.value == "not_assessable"
        for basis in finding.basis:
            assert assessor.knowledge.standard(basis.ref) is not None, basis.ref


@SLOW
@given(subjects, st.randoms(use_true_random=False))
def test_output_is_the_same_bytes_across_runs_and_reorderings(data: dict[str, Any], random: Random) -> None:
    _, first = assess(data)
    _, again = assess(data)
    _, shuffled = assess(gen.reordered(data, random.shuffle))
    expected = rendered(first)
    assert rendered(again) == expected
    assert rendered(shuffled) == expected


_RENDER_EXAMPLES = """
import hashlib, io, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from hypothesis import HealthCheck, given, settings, strategies as st
import strategies as gen
from lexgap.assess import Assessor
from lexgap.knowledge import load_knowledge, load_subject
from lexgap.letters import build_letter
from lexgap.render import json, markdown, render_bytes
knowledge = load_knowledge()
assessor = Assessor(knowledge)

@settings(max_examples=int(sys.argv[2]), derandomize=True, database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
@given(st.one_of(gen.jurisdictions(), gen.companies()))
def render(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "subject.yaml"
        path.write_text(gen.to_yaml(data), encoding="utf-8")
        subject, problems = load_subject(path, knowledge)
    assessment = assessor.assess(subject)
    letter = build_letter(assessment, subject, knowledge, assessor.rules)
    out = (json.render_assessment(assessment) + markdown.render_assessment(assessment)).encode()
    out += render_bytes("letter", "markdown", letter) + render_bytes("letter", "json", letter)
    print(len(assessment.findings), hashlib.sha256(out).hexdigest())

render()
"""


def test_output_is_the_same_bytes_in_processes_with_different_hash_seeds() -> None:
    """Set and dict order of strings changes from one process to the next; the output must not.

    Two processes, each with its own PYTHONHASHSEED, render the same derandomized examples."""
    runs = [subprocess.Popen([sys.executable, "-c", _RENDER_EXAMPLES, str(Path(__file__).parent), "8"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs[0][1][-3000:] + outputs[1][1][-3000:]
    first, second = (out.splitlines() for out, _ in outputs)
    assert first == second and len(first) >= 6
    assert sum(int(line.split()[0]) for line in first) > 0  # the examples have findings to order


@PROPERTIES
@given(gen.jurisdictions(min_provisions=1, bare_provision=True))
def test_a_provision_whose_facts_are_all_unknown_is_never_met(data: dict[str, Any]) -> None:
    bare = data["provisions"][-1]["id"]
    _, assessment = assess(data)
    for finding in assessment.findings:
        if finding.rule_kind == "provision" and finding.status is Outcome.met:
            named = {p.id for p in (*finding.provisions, *finding.related)}
            assert bare not in named, finding.explanation


@st.composite
def idle_bill_cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    jurisdiction = draw(gen.jurisdictions(min_provisions=1))
    return jurisdiction, draw(gen.idle_bills(jurisdiction, draw(gen.slugs)))


def compare_with_bill(jurisdiction: dict[str, Any], bill: dict[str, Any]) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.yaml"
        base.write_text(gen.to_yaml(jurisdiction), encoding="utf-8")
        bill_file = Path(folder) / f"{bill['id']}.yaml"
        bill_file.write_text(gen.to_yaml(bill), encoding="utf-8")
        comparisons, problems = run_compare(str(base), [], [str(bill_file)], assessor=shared_assessor())
    assert comparisons is not None and not problems, "\n".join(map(str, problems)) + "\n" + gen.to_yaml(bill)
    return comparisons


@SLOW
@given(idle_bill_cases())
def test_a_bill_that_changes_nothing_gives_an_empty_comparison(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    comparison, = compare_with_bill(*case)
    assert comparison.is_empty(), (comparison.differences, comparison.provision_changes)


@SLOW
@given(subjects)
def test_every_format_of_every_valid_file_renders(data: dict[str, Any]) -> None:
    assessor = shared_assessor()
    subject, assessment = assess(data)
    rendered(assessment)
    texts, problems = load_letter_texts()
    assert texts is not None and not problems
    letter = build_letter(assessment, subject, assessor.knowledge, assessor.rules, texts)
    assert letter.problems == []
    for fmt in formats("letter"):
        assert render_bytes("letter", fmt, letter)
    if isinstance(subject, Jurisdiction):
        with written(data, "other.yaml") as other, written(data, "base.yaml") as base:
            comparisons, problems = run_compare(str(base), [str(other)], [], assessor=assessor)
        assert comparisons is not None and not problems
        assert comparisons[0].is_empty()
        json.render_comparisons(comparisons)
        markdown.render_comparisons(comparisons)
        Console(file=io.StringIO(), width=100).print(terminal.render_comparisons(comparisons))
