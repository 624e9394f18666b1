"""Markdown: the assessment report (a summary table of what is not met, then every finding), the
comparison (one side-by-side table, then what each version changes and why) and the letter (sources
as footnotes, layout from templates/letter/markdown/).

A comparison's table shows every finding that changes in at least one version, then those still
open (gap or not assessable) everywhere; findings met and unchanged everywhere are only counted.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from lexgap.assess import Assessment
from lexgap.compare import Change, Comparison, FindingChange
from lexgap.letters import Letter, layout_environment
from lexgap.render.shared import (
    CHANGE_TITLE,
    STATUS_TITLE,
    group_name,
    rows,
    source_text,
    status_text,
    tidy,
    value_text,
)
from lexgap.vocabulary import Outcome


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- assess ------------------------------------------------------------------------------


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


# --- compare -----------------------------------------------------------------------------


def _column_cell(change: FindingChange | None) -> str:
    if change is None:
        return "—"
    text = status_text(change.after)
    if change.change is Change.unchanged:
        return text
    return f"**{text}** ({CHANGE_TITLE[change.change]})"


def render_comparisons(comparisons: list[Comparison]) -> str:
    if not comparisons:
        return "# lexgap comparison\n\nNothing to compare.\n"
    base = comparisons[0]
    lines = [f"# lexgap comparison: {base.base_name} ({base.base_id}, as of {base.base_as_of})", ""]
    for index, comparison in enumerate(comparisons, start=1):
        counts = comparison.counts()
        lines.append(f"{index}. {comparison.other_title} ({comparison.other_kind} `{comparison.other_id}`): "
                     f"{counts['introduced']} introduced, {counts['closed']} closed, "
                     f"{counts['status_changed']} status changed, {len(comparison.provision_changes)} "
                     "provision changes.")
    lines.append("")
    all_rows = rows(comparisons)
    shown = [r for r in all_rows if r.shown()]
    header = ["finding", "provision", f"{base.base_id} (base)", *(c.other_id for c in comparisons)]
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in shown:
        cells = [f"{_cell(row.label)} (`{row.rule}`, {row.severity})",
                 f"`{row.provision}`" if row.provision else "the law as a whole",
                 status_text(row.before), *(_column_cell(c) for c in row.cells)]
        lines.append("| " + " | ".join(cells) + " |")
    hidden = len(all_rows) - len(shown)
    lines += ["", "—: no such finding (the provision is absent or repealed, or the rule does not apply to it). "
              f"{hidden} findings met and unchanged in every version are not shown.", ""]
    for comparison in comparisons:
        lines += [f"## {comparison.other_title}", ""]
        if comparison.is_empty():
            lines += ["No finding and no provision changes.", ""]
            continue
        for change in comparison.differences:
            where = f"`{change.provision}`" if change.provision else "the law as a whole"
            lines.append(f"- **{CHANGE_TITLE[change.change]}**: {change.label} (`{change.rule}`) at {where}: "
                         f"{status_text(change.before)} -> {status_text(change.after)}.")
            finding = change.other or change.base
            if finding is not None:
                lines.append(f"  {finding.explanation}")
        if comparison.differences:
            lines.append("")
        if comparison.provision_changes:
            lines += ["| provision | field | before | after | sources |", "| --- | --- | --- | --- | --- |"]
            for item in comparison.provision_changes:
                sources = "; ".join(source_text(s) for s in item.sources) or "none recorded"
                lines.append(f"| `{item.provision}` | {item.field} | {_cell(value_text(item.field, item.before))} "
                             f"| {_cell(value_text(item.field, item.after))} | {_cell(sources)} |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- letter ------------------------------------------------------------------------------


def render_letter(letter: Letter, folder: Path | None = None) -> str:
    template = layout_environment(folder).get_template("markdown/letter.md.j2")
    return tidy(template.render(letter=letter))
