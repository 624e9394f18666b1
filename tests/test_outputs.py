"""The JSON output of `lexgap assess` is described by a published JSON Schema, checked against real output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helpers import REPO, lexgap
from lexgap.assess import Assessment, Assessor
from lexgap.knowledge import Knowledge
from lexgap.models import Company, Jurisdiction
from lexgap.outputs import AssessmentOut, AssessmentOut2, output_schema
from lexgap.render.json import render_line, render_line_2

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.mark.parametrize("name", ["romania-2020.yaml", "telegram-2021.yaml"])
def test_real_assess_json_is_valid_under_the_published_schema(name: str) -> None:
    run = lexgap("assess", name, "-f", "json")
    assert run.code in (0, 1), run.stderr
    output = json.loads(run.stdout)
    jsonschema.Draft202012Validator(output_schema("assessment")).validate(output)
    assert AssessmentOut.model_validate(output).model_dump(mode="json") == output


def test_every_line_of_a_batch_is_valid_under_the_schema() -> None:
    run = lexgap("assess", str(REPO / "legislation"), "-f", "json")
    lines = run.stdout.splitlines()
    assert len(lines) >= 3
    validator = jsonschema.Draft202012Validator(output_schema("assessment"))
    for line in lines:
        validator.validate(json.loads(line))


def test_the_schema_refuses_output_that_drifted() -> None:
    output = json.loads(lexgap("assess", "telegram-2021.yaml", "-f", "json").stdout)
    output["findings"][0]["verdict"] = "gap"
    output["findings"][1]["status"] = "unknown"
    errors = sorted(e.message for e in jsonschema.Draft202012Validator(output_schema("assessment")).iter_errors(output))
    assert len(errors) == 2
    assert any("'verdict' was unexpected" in e for e in errors)


# --- version 2: sources referenced, not repeated (issue 19) ------------------------------------------


OUTCOMES = ("gap", "not_assessable", "met")  # the order of findings: status, severity, law, provision, rule
SEVERITIES = ("high", "medium", "low")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@pytest.fixture(scope="module")
def words() -> dict[str, Any]:
    """The words version 2's parts and codes stand for, as `lexgap schema assessment-2-words` prints them."""
    run = lexgap("schema", "assessment-2-words")
    assert run.code == 0, run.stderr
    return dict(json.loads(run.stdout))


def _reason(document: dict[str, Any], words: dict[str, Any], rule_id: str, pids: list[str],
            parts: list[Any]) -> str:
    """A finding's reason rebuilt from its parts, the document's tables and the words (as the README says)."""
    templates, rules, laws, provisions = words["templates"], document["rules"], document["laws"], document["provisions"]
    rule = rules[rule_id]

    def date(iso: str) -> str:
        year, month, day = (int(n) for n in iso.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"

    def law(pid: str) -> dict[str, Any]:
        return dict(laws[provisions[pid].get("law", pid.split("~")[0])])

    def status(pid: str) -> str:
        return str(words["statuses"][provisions[pid].get("status", "in_force")])

    def title(pid: str) -> str:
        return str(provisions[pid]["title"])

    def note(pid: str) -> str:
        return str(provisions[pid].get("note") or templates["see_sources"])

    def attribute(name: str) -> str:
        return str(words["attributes"][name])

    sentences = []
    if "reads" in rule:  # a rule on provisions: the reason begins with the provision's sentence
        row = provisions[pids[0]]
        facts, disputed = row.get("facts", {}), row.get("disputed", {})
        said = [templates["attribute"].format(attribute=attribute(a), value=facts[a])
                for a in rule["reads"] if a in facts and a not in disputed]
        system = law(pids[0]).get("system")
        sentences.append((templates["legal_system"].format(system=system) if system else "")
                         + templates["provision"].format(title=title(pids[0]), law=law(pids[0])["title"],
                                                         status=status(pids[0]))
                         + (": " + "; ".join(said) if said else "") + ".")
    for part in parts:
        key, args = (part, []) if isinstance(part, str) else (part[0], part[1:])
        template = templates[key]
        own = provisions[pids[0]] if pids else {}
        if key == "legal_system":  # said before the next sentence, in the same sentence
            text = template.format(system=args[0]).removesuffix(" ")
        elif key == "concerns":  # bare: all the provision's conduct
            text = template.format(conducts="; ".join(words["conducts"][c] for c in args or own["conduct"]))
        elif key in ("gap", "met"):
            text = template.format(label=rule["label"])
        elif key == "disputed_cure":
            text = template.format(other=title(args[0]), conduct=words["conducts"][args[1]], note=note(args[0]))
        elif key == "no_cure":
            kind = own.get("type")
            text = template.format(kind=f" ({words['types'][kind]})" if kind else "")
        elif key == "cured":
            text = template.format(names=", ".join(title(p) for p in args))
        elif key == "missing":
            known = {**own.get("facts", {}), **own.get("disputed", {})}
            text = template.format(missing=", ".join(attribute(a) for a in rule["reads"] if a not in known))
        elif key == "cannot_assess":
            fact_note, sources = own["disputed"][args[0]]
            text = template.format(what=templates["disputed_fact"].format(attribute=attribute(args[0]),
                                                                          note=fact_note, sources=sources))
        elif key in ("may_cover_disputed", "might_cover"):
            text = template.format(other=title(args[0]), note=note(args[0]))
        elif key == "unverified_named":
            named: dict[str, list[str]] = {}
            for name in [*rule["reads"], "conduct"]:
                field = words["fields"].get(name, name)
                for source, covers in own.get("unverified", []):
                    if covers is None or field in covers:
                        named.setdefault(attribute(name), []).append(source)
            text = template.format(facts="; ".join(templates["unverified_fact"].format(fact=n, sources="; ".join(s))
                                                   for n, s in named.items()))
        elif key == "no_ground_date":
            later = "; ".join(templates["later_standard"].format(instrument=i, pinpoint=p, date=date(d))
                              for i, p, d in args[1])
            text = template.format(date=date(args[0]), later=later)
        elif key == "not_bound":
            text = template.format(subject=document["subject"]["name"], treaties=args[1], date=date(args[0]))
        elif key in ("absence_present", "absence_uncertain", "absence_absent", "absence_open"):
            text = template.format(names=", ".join(title(p) for p in pids), what=rule["condition"], area=rule["area"])
        elif key == "absence_disputed":
            text = template.format(title=title(args[0]), what=rule["condition"], note=note(args[0]))
        elif key == "added_later":
            text = template.format(title=title(args[0]), conduct=words["conducts"][args[1]], date=date(args[2]))
        elif key == "pending":
            text = template.format(bills=", ".join(templates["pending_bill"].format(
                title=title(p), law=law(p)["title"], status=status(p)) for p in args))
        elif key == "not_encoded":
            text = template.format(system=args[0], others=args[1])
        elif key in ("practice", "practice_unknown"):
            *answer, company_note = args[1:]
            text = template.format(company=document["subject"]["name"], practice=words["practices"][args[0]],
                                   answer=answer[0] if answer else "",
                                   note=templates["note"].format(note=company_note) if company_note else "")
        else:  # no_ground_fit, no_ground_company
            text = template.format(date=date(args[0])) if args else template
        sentences.append(text)
    return " ".join(sentences)


def _version_1(document: dict[str, Any], words: dict[str, Any]) -> dict[str, Any]:
    """Version 1 rebuilt from version 2 alone and the printed words: nothing may be lost."""
    standards, rules, provisions = document["standards"], document["rules"], document["provisions"]

    def explanation(rule_id: str, reason: str, basis: list[str]) -> str:
        parts = [reason]
        if basis:
            said = []
            for ref in basis:
                standard = standards[ref]
                reading = standard.get("reading")
                said.append(f"{standard['instrument']} {standard['pinpoint']}: {standard['paraphrase'].rstrip('.')}"
                            + (f" (lexgap's reading: {reading.rstrip('.')})" if reading else ""))
            parts.append(f"Standards: {' | '.join(said)}.")
        caveat = rules[rule_id].get("caveat")
        if caveat:
            parts.append(f"Caveat: {caveat}")
        return " ".join(parts)

    def order(item: tuple[str, str, list[Any]]) -> tuple[Any, ...]:
        status, rule_id, row = item
        first = row[0][0] if row[0] else ""
        law = provisions[first].get("law", first.split("~")[0]) if first else ""
        return OUTCOMES.index(status), SEVERITIES.index(rules[rule_id]["severity"]), law, first, rule_id

    rows = sorted(((status, rule_id, row) for status, by_rule in document["findings"].items()
                   for rule_id, rule_rows in by_rule.items() for row in rule_rows), key=order)
    findings = []
    for status, rule_id, row in rows:
        pids, parts = row[0], row[1]
        basis = row[2] if len(row) == 3 else rules[rule_id]["basis"]
        findings.append({"rule": rule_id, "label": rules[rule_id]["label"], "status": status,
                         "severity": rules[rule_id]["severity"], "provisions": pids,
                         "basis": [{"instrument": standards[ref]["instrument"], "pinpoint": standards[ref]["pinpoint"],
                                    "ref": ref} for ref in basis],
                         "explanation": explanation(rule_id, _reason(document, words, rule_id, pids, parts), basis)})
    return {"lexgap": document["lexgap"], "subject": document["subject"], "findings": findings,
            "summary": document["summary"]}


def _part_keys(document: dict[str, Any]) -> set[str]:
    return {part if isinstance(part, str) else part[0] for by_rule in document["findings"].values()
            for rows in by_rule.values() for row in rows for part in row[1]}


@pytest.mark.parametrize("name", ["romania-2020.yaml", "telegram-2021.yaml", "united-states-2026.yaml",
                                  "united-states-2021.yaml"])
def test_version_2_is_valid_and_gives_back_version_1_whole(name: str, words: dict[str, Any]) -> None:
    old = lexgap("assess", name, "-f", "json")
    new = lexgap("assess", name, "-f", "json2")
    assert new.code == old.code, new.stderr
    document = json.loads(new.stdout)
    jsonschema.Draft202012Validator(output_schema("assessment-2")).validate(document)
    assert AssessmentOut2.model_validate(document).model_dump(mode="json", exclude_unset=True) == document
    assert _version_1(document, words) == json.loads(old.stdout)
    assert old.stdout == json.dumps(_version_1(document, words), indent=2, ensure_ascii=False) + "\n"  # byte for byte
    # each source written once: a paraphrase appears as often as the standards that have it, not per finding
    paraphrases = [standard["paraphrase"] for standard in document["standards"].values()]
    for paraphrase in paraphrases:
        assert new.stdout.count(json.dumps(paraphrase, ensure_ascii=False)) == paraphrases.count(paraphrase)


def test_version_2_in_a_batch_is_one_line_per_subject_each_giving_back_version_1(words: dict[str, Any]) -> None:
    folder = str(REPO / "legislation")
    old = lexgap("assess", folder, "-f", "json").stdout.splitlines()
    new = lexgap("assess", folder, "-f", "json2").stdout.splitlines()
    assert len(new) == len(old) >= 3
    validator = jsonschema.Draft202012Validator(output_schema("assessment-2"))
    for line, before in zip(new, old, strict=True):
        document = json.loads(line)
        validator.validate(document)
        assert json.dumps(_version_1(document, words), ensure_ascii=False, separators=(",", ":")) == before


@pytest.fixture(scope="module")
def generated(knowledge: Knowledge, assessor: Assessor) -> list[Assessment]:
    """Generated subjects (bench/generate.py): the bench's first jurisdictions, a large one (400 provisions), ones
    of 150 provisions where cures abound, and companies."""
    from bench.generate import company, jurisdiction

    subjects: list[Jurisdiction | Company] = [Jurisdiction.model_validate(jurisdiction(i)) for i in range(3)]
    subjects.append(Jurisdiction.model_validate(jurisdiction(3, provisions=400)))
    subjects += [Jurisdiction.model_validate(jurisdiction(i, seed=seed, provisions=150))
                 for i, seed in ((4, 3), (4, 7))]
    subjects += [Company.model_validate(company(i)) for i in range(3)]
    return [assessor.assess(subject) for subject in subjects]


def test_version_2_gives_back_version_1_of_generated_subjects_byte_for_byte(
        generated: list[Assessment], words: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(output_schema("assessment-2"))
    keys: set[str] = set()
    for assessment in generated:
        document = json.loads(render_line_2(assessment))
        validator.validate(document)
        assert AssessmentOut2.model_validate(document).model_dump(mode="json", exclude_unset=True) == document
        rebuilt = json.dumps(_version_1(document, words), ensure_ascii=False, separators=(",", ":")) + "\n"
        assert rebuilt == render_line(assessment), assessment.subject_id
        keys |= _part_keys(document)
    # the subjects say most kinds of sentence, cures and disputes included
    assert {"concerns", "gap", "no_cure", "cured", "met", "missing", "might_cover", "disputed_cure", "no_ground_date",
            "may_cover_disputed", "unverified_named", "absence_present", "absence_open", "absence_absent",
            "pending", "practice", "practice_unknown"} <= keys, keys
    assert len(generated[3].findings) > 1000  # the large one


def test_version_2_is_at_most_a_quarter_of_version_1_on_generated_jurisdictions(
        generated: list[Assessment]) -> None:
    old = sum(len(render_line(a).encode()) for a in generated[:3])
    new = sum(len(render_line_2(a).encode()) for a in generated[:3])
    assert new <= old / 4, new / old
