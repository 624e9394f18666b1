"""durable-rules and the plain-Python reference evaluator (bench/reference.py) agree.

On a small generated corpus, every jurisdiction gets the same engine matches and the same
findings (rule, provision key, status) from both, and the reference, turned into findings by
lexgap's own code, renders the same JSON.  No timing is asserted here: see bench/run.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lexgap.assess import Assessor
from lexgap.facts import coverage_facts
from lexgap.knowledge import Knowledge, load_subject
from lexgap.models import Jurisdiction
from lexgap.render.json import render_line

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import check_corpus, jurisdiction, write_corpus  # noqa: E402
from bench.reference import ReferenceAssessor  # noqa: E402

COUNT = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, knowledge: Knowledge) -> list[Jurisdiction]:
    paths = write_corpus(tmp_path_factory.mktemp("corpus"), COUNT)
    subjects = []
    for path in paths:
        subject, problems = load_subject(path, knowledge)
        assert not problems, "\n".join(map(str, problems))
        assert isinstance(subject, Jurisdiction)
        subjects.append(subject)
    return subjects


@pytest.fixture(scope="module")
def reference(knowledge: Knowledge) -> ReferenceAssessor:
    return ReferenceAssessor(knowledge)


def test_the_generator_is_deterministic_and_valid(tmp_path: Path, corpus: list[Jurisdiction]) -> None:
    again = write_corpus(tmp_path, 3)
    assert not check_corpus(again)
    assert [p.read_text(encoding="utf-8") for p in again] == \
        [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "again", 3)]
    # what bench/run.py validates without the files is what the files hold
    for index, subject in enumerate(corpus[:5]):
        assert coverage_facts(Jurisdiction.model_validate(jurisdiction(index))) == coverage_facts(subject)


def test_the_corpus_exercises_every_outcome(assessor: Assessor, corpus: list[Jurisdiction]) -> None:
    variants = {m.rule.partition("|")[2] for s in corpus for m in assessor._run("jurisdiction", coverage_facts(s))[0]}
    assert {"gap", "met", "unknown", "cured", "uncertain_cure", "present", "absent", "incomplete",
            "pending", "disputed", "uncertain"} <= variants


@pytest.mark.parametrize("index", range(COUNT))
def test_durable_rules_and_the_reference_agree(index: int, assessor: Assessor, reference: ReferenceAssessor,
                                               corpus: list[Jurisdiction]) -> None:
    subject = corpus[index]
    facts = coverage_facts(subject)
    engine, problems = assessor._run("jurisdiction", facts)
    assert not problems
    assert engine == reference.matches(facts)
    ours = assessor.assess(subject)
    theirs = reference.assess(subject)
    assert [(f.rule, f.key, f.status) for f in ours.findings] == \
        [(f.rule, f.key, f.status) for f in theirs.findings]
    assert render_line(ours) == render_line(theirs)
