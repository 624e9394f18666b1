"""Rule test cases written as data (tests/rules/*.yaml), in the OpenFisca / OPA tradition.

A case gives a minimal jurisdiction or company and the outcome a lawyer expects.
Provisions in a case may leave out `title`, `summary`, `law` and `sources`: they
are filled in here, so that a case says only what matters to the rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lexgap import ids
from lexgap.assess import Assessor
from lexgap.models import Company, Jurisdiction, RuleCase

CASE_SOURCE = {"document": "rule test case", "consulted": "2026-01-01", "verified": "primary"}


def case_subject(case: RuleCase, subject_kind: str) -> Jurisdiction | Company:
    """Build the subject a case describes, with neutral defaults for what it leaves out."""
    model = Company if subject_kind == "company" else Jurisdiction
    return model.model_validate(case_data(case, subject_kind))


def case_data(case: RuleCase, subject_kind: str) -> dict[str, Any]:
    """The subject a case describes, as the data of a file (not yet validated: see `case_subject`)."""
    if subject_kind == "company":
        return {
            "format": "company", "id": "case-company", "name": "The company", "as_of": dt.date(2026, 1, 1),
            "practices": {k: v.model_dump(exclude_none=True) for k, v in case.practices.items()},
        }
    provisions: list[dict[str, Any]] = []
    laws: dict[str, dict[str, Any]] = {}
    country = "xx"
    for raw in case.provisions:
        provision = dict(raw)
        try:
            parsed = ids.parse_provision_id(str(provision.get("id")))
        except ValueError:  # validating the subject says what is wrong with the id, where it stands
            parsed = None
        if parsed is not None:
            country = country if provisions else parsed.country
            provision.setdefault("law", parsed.work)
        provision.setdefault("title", str(provision.get("id")))
        provision.setdefault("summary", "rule test case")
        provision.setdefault("sources", [CASE_SOURCE])
        law = provision.get("law")
        if isinstance(law, str):
            laws.setdefault(law, {"id": law, "title": law, "type": "act", "status": "in_force",
                                  "sources": [CASE_SOURCE]})
        provisions.append(provision)
    return {
        "format": "jurisdiction", "id": "case", "name": "The State", "country": country[:2],
        "as_of": dt.date(2026, 1, 1), "complete_for": [str(a) for a in case.complete_for],
        "laws": list(laws.values()), "provisions": provisions,
    }


@dataclass(frozen=True)
class CaseResult:
    passed: bool
    message: str


def run_case(assessor: Assessor, rule_id: str, case: RuleCase) -> CaseResult:
    """Assess the case's subject and compare each expected outcome with the finding."""
    rule = assessor.rules[rule_id]
    subject = case_subject(case, rule.subject)
    assessment = assessor.assess(subject)
    findings = [f for f in assessment.findings if f.rule == rule_id]
    failures = []
    for expected in case.expect:
        if expected.provision is None or rule.gap_when_no_provision is not None or rule.subject == "company":
            matching = findings
        else:
            matching = [f for f in findings if any(p.id == expected.provision for p in f.provisions)]
        got = sorted({f.status.value for f in matching}) or ["no finding"]
        if got != [expected.status.value]:
            detail = "; ".join(f.explanation for f in matching) or "the rule did not fire on it"
            target = expected.provision or "the subject"
            failures.append(f"expected {expected.status.value} for {target}, got {', '.join(got)}: {detail}")
    return CaseResult(not failures, "\n".join(failures))
