"""durable-rules and the plain-Python reference evaluator (bench/reference.py) agree.

On a small generated corpus, every jurisdiction gets the same engine matches and the same
findings (rule, provision key, status) from both, and the reference, turned into findings by
lexgap's own code, renders the same JSON.  Beyond the bench's corpus: jurisdictions generated
with other seeds and from 3 to 150 provisions (where cures abound), and generated companies;
together they make every rule of both subject kinds fire.  No timing is asserted here: see
bench/run.py.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from lexgap.assess import Assessor
from lexgap.durable import Match
from lexgap.facts import company_facts, coverage_facts
from lexgap.knowledge import Knowledge, load_subject
from lexgap.models import Company, Jurisdiction
from lexgap.render.json import render_line

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import check_corpus, company, jurisdiction, write_corpus  # noqa: E402
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


SEEDS = range(1, 9)
COMPANIES = 16
FIRED: dict[str, set[str]] = {"jurisdiction": set(), "company": set()}  # engine rules fired, for the last test


def _agree(assessor: Assessor, reference: ReferenceAssessor, kind: str, facts: list[dict[str, object]]
           ) -> list[Match]:
    engine, problems = assessor._run(kind, facts)
    assert not problems
    assert engine == reference.matches(facts, kind)
    FIRED[kind].update(m.rule for m in engine)
    return engine


@pytest.mark.parametrize("seed", SEEDS)
def test_random_jurisdictions_agree(seed: int, assessor: Assessor, reference: ReferenceAssessor) -> None:
    rng = random.Random(seed)
    for provisions in (3, rng.randint(10, 40), 150):
        subject = Jurisdiction.model_validate(jurisdiction(rng.randrange(100_000), seed, provisions))
        _agree(assessor, reference, "jurisdiction", coverage_facts(subject))
        assert render_line(assessor.assess(subject)) == render_line(reference.assess(subject))


@pytest.mark.parametrize("index", range(COMPANIES))
def test_random_companies_agree(index: int, assessor: Assessor, reference: ReferenceAssessor) -> None:
    subject = Company.model_validate(company(index))
    _agree(assessor, reference, "company", company_facts(subject))
    assert render_line(assessor.assess(subject)) == render_line(reference.assess_company(subject))


def test_every_rule_fired_in_the_agreement_tests(knowledge: Knowledge, assessor: Assessor,
                                                 reference: ReferenceAssessor) -> None:
    """Run after the tests above (file order): each rule of each kind was decided by both evaluators."""
    if not FIRED["jurisdiction"] or not FIRED["company"]:  # run alone: make the corpus here
        for seed in SEEDS:
            test_random_jurisdictions_agree(seed, assessor, reference)
        for index in range(COMPANIES):
            test_random_companies_agree(index, assessor, reference)
    for kind, fired in FIRED.items():
        rules = {r.id for r in knowledge.rules if r.subject == kind}
        assert rules == {name.partition("|")[0] for name in fired}, kind
    # companies: each rule's three outcomes
    company_rules = {r.id for r in knowledge.rules if r.subject == "company"}
    assert {f"{r}|{v}" for r in company_rules for v in ("gap", "met", "unknown")} <= FIRED["company"]


def test_issue_18_case_12_every_cure_pair_of_a_large_file_comes_back(
        knowledge: Knowledge, reference: ReferenceAssessor, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file where provisions cure many others (one engine frame per pair) gets every pair, batched or not.

    The engine hands its matches over in batches of up to `durable.CAP` frames; here batches of 7, so that
    each rule's pairs come back in many messages, and the default, must both give the reference's matches and
    findings: each cured finding naming every provision that cures it.  The time this step takes is measured
    by bench/scaling.py, not here."""
    import lexgap.durable

    subject = Jurisdiction.model_validate(jurisdiction(0, 20261201, 400))
    facts = coverage_facts(subject)
    expected = reference.matches(facts)
    cured = [m for m in expected if m.rule.endswith("|cured")]
    assert len(cured) > 200  # a file where pairs abound
    for cap in (7, lexgap.durable.CAP):
        monkeypatch.setattr(lexgap.durable, "CAP", cap)
        with Assessor(knowledge) as fresh:
            engine, problems = fresh._run("jurisdiction", facts)
            assert not problems
            assert engine == expected
            ours = fresh.assess(subject)
        cures: dict[tuple[str, str], set[str]] = {}
        for match in cured:
            p, q = match.fact("p"), match.fact("q")
            assert p is not None and q is not None
            cures.setdefault((match.rule.partition("|")[0], p.partition("#")[0]), set()).add(q.partition("#")[0])
        named = {(f.rule, f.provisions[0].id): {r.id for r in f.related} for f in ours.findings if f.provisions}
        for key, others in cures.items():
            assert others <= named[key]
        assert render_line(ours) == render_line(reference.assess(subject))


def test_the_engine_a_b_replays_recorded_work_with_the_same_matches(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """bench/engine_ab.py: work recorded by one lexgap, replayed by this code's engine path, finds the same
    matches (here the recorder is this code too); a recording that does not match is refused."""
    import json

    from bench import engine_ab

    write_corpus(tmp_path / "corpus", 3)
    work = tmp_path / "work.json"
    engine_ab._record(tmp_path / "corpus", work)
    recorded = json.loads(work.read_text(encoding="utf-8"))
    assert len(recorded["facts"]) == 3 and recorded["rules"] and all(recorded["matches"])
    engine_ab._now(work)
    assert float(capsys.readouterr().out) > 0
    recorded["matches"][0] = recorded["matches"][0][1:]  # one match fewer than the engine finds
    work.write_text(json.dumps(recorded), encoding="utf-8")
    with pytest.raises(SystemExit, match="differ"):
        engine_ab._now(work)
