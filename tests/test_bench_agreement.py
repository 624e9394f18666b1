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


def _several_systems(index: int, seed: int, provisions: int) -> Jurisdiction:
    """A generated file whose laws fall under two legal systems, one law under none: each generated law twice
    (once per system, the copy with its own provisions), so that each conduct has provisions of several
    types in each system, with cures inside a system and none across."""
    data = jurisdiction(index, seed, provisions)
    data["legal_systems"] = [{"id": "xx-federal", "name": "federal law"}, {"id": "xx-state", "name": "state law"}]
    laws = data["laws"]
    copies = [dict(law, id=f"{law['id']}-state", legal_system="xx-state") for law in laws]
    for law in laws[:-1]:
        law["legal_system"] = "xx-federal"
    data["laws"] = laws + copies
    for number, provision in enumerate(data["provisions"]):
        if number % 2:
            provision["id"] = provision["id"].replace("~", "-state~", 1)
            provision["law"] = f"{provision['law']}-state"
            provision["amends"] = [a.replace("~", "-state~", 1) for a in provision.get("amends", [])
                                   if "-state~" not in a]
            if not provision["amends"]:
                del provision["amends"]
    return Jurisdiction.model_validate(data)


@pytest.mark.parametrize("seed", (3, 11))
def test_cure_packs_evaluated_group_by_group_give_the_same_matches(
        seed: int, knowledge: Knowledge, reference: ReferenceAssessor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: a pack whose rules join provisions only within one conduct, provision type and legal system
    (cures) is evaluated once per such group when its facts are many.  On files with hundreds of provisions per
    conduct, under several legal systems and types, evaluated always group by group and never, the engine's
    matches are the same, and the reference's; every kind of cure occurs, and the packs were partitioned."""
    import lexgap.durable

    subject = _several_systems(seed, seed, 700)
    facts = coverage_facts(subject)
    expected = reference.matches(facts)
    variants = {m.rule.partition("|")[2] for m in expected}
    assert {"cured", "cured_in_text", "uncertain_cure", "unknown_victims_cure", "disputed_cure", "gap", "met",
            "unknown", "present"} <= variants, variants
    systems = {f.get("legal_system") for f in facts}
    assert {"xx-federal", "xx-state", ""} <= systems
    results = {}
    original = lexgap.durable.RulePack._partition
    batches: list[int] = []  # how many batches each keyed pack was evaluated in
    for partition_at in (0, 10**9):
        monkeypatch.setattr(lexgap.durable, "PARTITION_AT", partition_at)
        batches.clear()

        def counted(pack: lexgap.durable.RulePack, shown: list[dict[str, object]]) -> list[list[dict[str, object]]]:
            found = original(pack, shown)
            if pack.key:
                batches.append(len(found))
            return found

        monkeypatch.setattr(lexgap.durable.RulePack, "_partition", counted)
        with Assessor(knowledge) as fresh:
            engine, problems = fresh._run("jurisdiction", facts)
            assert not problems
            keyed = [pack for pack in fresh.packs_for("jurisdiction") if pack.key]
            results[partition_at] = (engine, render_line(fresh.assess(subject)))
        assert len(keyed) == sum(1 for r in knowledge.rules if r.subject == "jurisdiction" and
                                 r.unless_covered_elsewhere)
        assert all(pack.key == ("conduct", "legal_system", "provision_type") for pack in keyed)
        if partition_at == 0:
            assert min(batches) > 10  # each keyed pack in many groups
        else:
            assert set(batches) == {1}
        assert engine == expected
    assert results[0] == results[10**9]
