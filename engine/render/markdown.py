"""Markdown report of an assessment: a summary table of what is not met, then every finding."""

from __future__ import annotations

from itertools import groupby

from lexgap.assess import Assessment, Finding
from lexgap.vocabulary import Outcome

STATUS_TITLE = {Outcome.gap: "Gap", Outcome.not_assessable: "Not assessable", Outcome.met: "Met"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def group_name(finding: Finding) -> str:
    """Findings are grouped by the law or bill they concern; absences under the whole law."""
    if finding.provisions and finding.rule_kind == "provision":
        return finding.provisions[0].law_title
    if finding.rule_kind == "company":
        return "Company practice"
    return "The law as a whole"


def render_assessment(assessment: Assessment) -> str:
    counts = assessment.counts()
    lines = [
        f"# lexgap assessment: {assessment.subject_name} ({assessment.as_of})",
        "",
        f"{counts['gap']} gaps, {counts['not_assessable']} not assessable, {counts['met']} met.",
        "",
    ]
    open_findings = [f for f in assessment.findings if f.status is not Outcome.met]
    if open_findings:
        lines += ["| status | severity | finding | concerns | basis |", "| --- | --- | --- | --- | --- |"]
        for f in open_findings:
            concerns = ", ".join(p.id for p in f.provisions) or group_name(f).lower()
            basis = "; ".join(f"{b.instrument} {b.pinpoint}" for b in f.basis)
            lines.append(f"| {STATUS_TITLE[f.status]} | {f.severity} | {_cell(f.label)} | {_cell(concerns)} "
                         f"| {_cell(basis)} |")
        lines.append("")
    ordered = sorted(assessment.findings, key=lambda f: (group_name(f), f.sort_key()))
    for name, group in groupby(ordered, key=group_name):
        lines += [f"## {name}", ""]
        for f in group:
            lines.append(f"### {STATUS_TITLE[f.status]}: {f.label} (`{f.rule}`, {f.severity})")
            lines.append("")
            if f.provisions:
                lines.append("Provisions: " + ", ".join(f"`{p.id}`" for p in f.provisions))
                lines.append("")
            lines += [f.explanation, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
