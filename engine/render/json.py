"""Every JSON contract of lexgap (documented in the README; other tools read them).

- `lexgap assess`: `render_assessment`, one object; `render_line` for batches (JSON Lines).
- `lexgap compare`: `render_comparisons` (shape below).
- `lexgap letter --format json`: `render_letter`, the communication part by part, with the full trace:
  the findings and facts behind it with their sources, and what curation and the plan decided.
- `lexgap check-draft --format json`: `render_draft`, one object per issue, in draft order.

Keys always come in the order the builders write them; a source has the keys of the file format.

The comparison::


    {
      "lexgap": "0.1.0",
      "base": {"id": "romania-2020", "name": "Romania", "as_of": "2021-01-25"},
      "others": [
        {
          "id": "ro-bill-606-2019-government",
          "kind": "bill",
          "title": "Bill no. 606/2019 adopted with the Government's requested changes (2020, as reported)",
          "as_of": "2021-01-25",
          "summary": {"introduced": 3, "closed": 0, "status_changed": 1, "unchanged": 54},
          "changes": [
            {"rule": "intent-to-harm-requirement", "label": "intent-to-harm requirement",
             "severity": "high", "provision": "ro/bill/2019/606~art_1",
             "before": "met", "after": "gap", "change": "introduced"}
          ],
          "provision_changes": [
            {"provision": "ro/bill/2019/606~art_1", "field": "mental_element",
             "before": ["intent_general"], "after": ["intent_general", "intent_to_harm"],
             "sources": [{"document": "AL ROU 2/2020", "pinpoint": "body, paragraph on Bill n°606/2019; ...",
                          "url": null, "consulted": "2026-11-23", "verified": "unverified"}]}
          ]
        }
      ]
    }

- `others` come in the order compared: OTHER jurisdiction files as given, then bills as given.
  A bill is BASE as it would be if the bill were adopted; its `as_of` is BASE's.
- `changes` holds every finding of either side, matched by rule and provision id (`provision`
  is null for absence rules, which concern the law as a whole).  `before`/`after` are `gap`,
  `not_assessable`, `met`, or null where that side has no such finding (the provision is
  absent or repealed, or the rule no longer applies to it).  `change` is `introduced` (a gap
  in OTHER that is not one in BASE), `closed` (a gap in BASE that is not one in OTHER),
  `status_changed` (any other change, such as `not_assessable` -> `met`) or `unchanged`.
  Order: introduced, closed, status_changed, unchanged; then severity (high first), then
  provision id (absence findings last), then rule id.
- `provision_changes` lists, per provision id, each field whose value differs, as JSON values
  (null: not recorded in the file, so not known).  `status` is the status in force, taken
  from the provision or its law.  A provision present on one side only has one entry with
  `field` "provision" and its title as `before` (removed) or `after` (added).  `sources` are
  the sources of the new value: those OTHER adds first; for a status that comes from the law,
  the law's.  Order: provision id, then field in the order of the provision format.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from lexgap import __version__
from lexgap.problems import Level
from lexgap.vocabulary import Outcome

if TYPE_CHECKING:  # only named in annotations: `assess -f json` need not import the letter and draft machinery
    from lexgap.assess import Assessment, Finding, Part, Said
    from lexgap.compare import Comparison, FindingChange, ProvisionChange
    from lexgap.compose import Communication
    from lexgap.drafts import DraftIssue
    from lexgap.models import Source


def dumps(value: Any) -> str:
    """Stable JSON text: fixed key order from the builders, UTF-8, a final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def source_json(source: Source) -> dict[str, Any]:
    """A source in every JSON contract that shows one: the keys in the order of the file format."""
    return {
        "document": source.document,
        "pinpoint": source.pinpoint,
        "url": source.url,
        "consulted": source.consulted.isoformat(),
        "verified": source.verified,
    }


# --- assess ------------------------------------------------------------------------------

def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "label": finding.label,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "provisions": [p.id for p in finding.provisions],
        "basis": [{"instrument": b.instrument, "pinpoint": b.pinpoint, "ref": b.ref} for b in finding.basis],
        "explanation": finding.explanation,
    }


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    return {
        "lexgap": __version__,
        "subject": {
            "id": assessment.subject_id,
            "kind": assessment.subject_kind,
            "name": assessment.subject_name,
            "as_of": assessment.as_of,
        },
        "findings": [finding_json(f) for f in assessment.findings],
        "summary": assessment.counts(),
    }


def render_assessment(assessment: Assessment) -> str:
    return dumps(assessment_json(assessment))


def render_line(assessment: Assessment) -> str:
    """One assessment as one line of JSON (JSON Lines), for batches."""
    return json.dumps(assessment_json(assessment), ensure_ascii=False, separators=(",", ":")) + "\n"


#: Parts whose arguments version 2 leaves out: the rule's `reads` and the provision's row give them back.
_DERIVED = frozenset({"missing", "unverified_named"})
#: What a part needs of a provision's row beyond its title, law and status (own: the finding's provision).
_NEEDS = {"no_cure": ("own", "type"), "unverified_named": ("own", "unverified"), "disputed_cure": (1, "note"),
          "may_cover_disputed": (1, "note"), "absence_disputed": (1, "note")}


def _reason_2(finding: Finding) -> list[Any]:
    """A finding's reason in version 2: its parts after the provision's sentence (which every provision finding's
    reason begins with, so it goes unwritten), a part without arguments as its bare key (`concerns` too when it
    names all the provision's conduct)."""
    parts = finding.parts
    if finding.rule_kind == "provision":
        parts = parts[next(i for i, part in enumerate(parts) if part[0] == "provision") + 1:]
    return [part[0] if len(part) == 1 or part[0] in _DERIVED or _all_conduct(finding, part) else list(part)
            for part in parts]


def _all_conduct(finding: Finding, part: Part) -> bool:
    """Whether a part is `concerns` naming all the conduct of the finding's provision."""
    return part[0] == "concerns" and list(part[1:]) == finding.said[finding.provisions[0].id].conduct


def assessment_json_2(assessment: Assessment) -> dict[str, Any]:
    """Version 2 of the contract (`outputs.AssessmentOut2`): what findings share written once per document, in
    tables (standards, rules, laws, provisions), the findings grouped by status and rule, each naming its rows
    and giving its reason as parts. Version 1 can be rebuilt from it and the words of
    `lexgap schema assessment-2-words` with nothing lost (the README says how)."""
    from collections import Counter

    standards: dict[str, dict[str, Any]] = {}
    rules: dict[str, dict[str, Any]] = {}
    bases: dict[str, Counter[tuple[str, ...]]] = {}
    said: dict[str, Said] = {}
    needed: set[tuple[str, str]] = set()
    for finding in assessment.findings:
        for basis in finding.basis:
            if basis.ref not in standards:
                standard = standards[basis.ref] = {"instrument": basis.instrument, "pinpoint": basis.pinpoint,
                                                   "paraphrase": basis.paraphrase}
                if basis.reading:
                    standard["reading"] = basis.reading
                standard["verified"] = str(basis.verified)
        if finding.rule not in rules:
            rule = rules[finding.rule] = {"label": finding.label, "severity": finding.severity.value}
            if finding.caveat:
                rule["caveat"] = finding.caveat.strip()
            if finding.rule_kind == "absence":
                rule.update(condition=finding.condition, area=finding.area)
            elif finding.rule_kind == "provision":
                rule["reads"] = finding.reads
        bases.setdefault(finding.rule, Counter())[tuple(b.ref for b in finding.basis)] += 1
        said.update(finding.said)
        for part in finding.parts:
            if _all_conduct(finding, part):
                needed.add((finding.provisions[0].id, "conduct"))
            need = _NEEDS.get(part[0])
            if need is not None:
                where, facet = need
                needed.add((finding.provisions[0].id if where == "own" else part[1], facet))
    for rule_id, counted in bases.items():  # the basis most of the rule's findings share (the first of a tie)
        rules[rule_id]["basis"] = list(counted.most_common(1)[0][0])
    findings: dict[str, dict[str, list[list[Any]]]] = {outcome.value: {} for outcome in Outcome}
    for f in assessment.findings:
        row: list[Any] = [[p.id for p in f.provisions], _reason_2(f)]
        refs = [b.ref for b in f.basis]
        if refs != rules[f.rule]["basis"]:
            row.append(refs)
        findings[f.status.value].setdefault(f.rule, []).append(row)
    laws: dict[str, dict[str, Any]] = {}
    for key in sorted(said):
        law = laws.setdefault(said[key].law, {"title": said[key].law_title})
        if said[key].system:
            law["system"] = said[key].system
    return {
        "lexgap": __version__,
        "contract": 2,
        "subject": {
            "id": assessment.subject_id,
            "kind": assessment.subject_kind,
            "name": assessment.subject_name,
            "as_of": assessment.as_of,
        },
        "standards": dict(sorted(standards.items())),
        "rules": dict(sorted(rules.items())),
        "laws": dict(sorted(laws.items())),
        "provisions": {key: _said_json(said[key], needed) for key in sorted(said)},
        "findings": {status: dict(sorted(by_rule.items())) for status, by_rule in findings.items()},
        "summary": assessment.counts(),
    }


def _said_json(said: Said, needed: set[tuple[str, str]]) -> dict[str, Any]:
    """A provision as the reasons of version 2 name it: only what they say of it."""
    row: dict[str, Any] = {"title": said.title}
    if said.law != said.id.split("~")[0]:
        row["law"] = said.law
    if said.status != "in_force":
        row["status"] = said.status
    if said.type and (said.id, "type") in needed:
        row["type"] = said.type
    if said.note and (said.id, "note") in needed:
        row["note"] = said.note
    if (said.id, "conduct") in needed:
        row["conduct"] = said.conduct
    if said.facts:
        row["facts"] = dict(sorted(said.facts.items()))
    if said.disputed:
        row["disputed"] = {name: list(pair) for name, pair in sorted(said.disputed.items())}
    if said.unverified and (said.id, "unverified") in needed:
        row["unverified"] = [list(pair) for pair in said.unverified]
    return row


def render_assessment_2(assessment: Assessment) -> str:
    return dumps(assessment_json_2(assessment))


def render_line_2(assessment: Assessment) -> str:
    """One assessment in version 2 as one line of JSON (JSON Lines), for batches."""
    return json.dumps(assessment_json_2(assessment), ensure_ascii=False, separators=(",", ":")) + "\n"


# --- compare -----------------------------------------------------------------------------


def change_json(change: FindingChange) -> dict[str, Any]:
    return {
        "rule": change.rule,
        "label": change.label,
        "severity": change.severity.value,
        "provision": change.provision,
        "before": change.before.value if change.before else None,
        "after": change.after.value if change.after else None,
        "change": change.change.value,
    }


def provision_change_json(change: ProvisionChange) -> dict[str, Any]:
    return {
        "provision": change.provision,
        "field": change.field,
        "before": change.before,
        "after": change.after,
        "sources": [source_json(s) for s in change.sources],
    }


def other_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "id": comparison.other_id,
        "kind": comparison.other_kind,
        "title": comparison.other_title,
        "as_of": comparison.other_as_of,
        "summary": comparison.counts(),
        "changes": [change_json(c) for c in comparison.changes],
        "provision_changes": [provision_change_json(c) for c in comparison.provision_changes],
    }


def comparisons_json(comparisons: list[Comparison]) -> dict[str, Any]:
    first = comparisons[0] if comparisons else None
    return {
        "lexgap": __version__,
        "base": {"id": first.base_id, "name": first.base_name, "as_of": first.base_as_of} if first else None,
        "others": [other_json(c) for c in comparisons],
    }


def render_comparisons(comparisons: list[Comparison]) -> str:
    return dumps(comparisons_json(comparisons))


# --- letter ------------------------------------------------------------------------------


def letter_json(letter: Communication) -> dict[str, Any]:
    parts = dataclasses.asdict(letter)
    for private in ("problems", "word_template", "missing"):
        parts.pop(private)
    return {"lexgap": __version__, "format": "letter", **parts}


def render_letter(letter: Communication) -> str:
    return dumps(letter_json(letter))


# --- check-draft -------------------------------------------------------------------------


def issue_json(issue: DraftIssue) -> dict[str, Any]:
    return {
        "line": issue.line,
        "column": issue.column,
        "kind": issue.kind.value,
        "level": issue.level.value,
        "found": issue.found,
        "expected": issue.expected,
        "message": issue.message,
        "instrument": issue.instrument,
        "source": source_json(issue.source) if issue.source is not None else None,
    }


def draft_json(file_name: str, issues: list[DraftIssue]) -> dict[str, Any]:
    return {
        "lexgap": __version__,
        "file": file_name,
        "issues": [issue_json(i) for i in issues],
        "summary": {level.value: sum(1 for i in issues if i.level is level) for level in Level},
    }


def render_draft(file_name: str, issues: list[DraftIssue]) -> str:
    return dumps(draft_json(file_name, issues))
