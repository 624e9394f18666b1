"""Markdown: the assessment report (a summary table of what is not met, then every finding), the
comparison (one side-by-side table, then what each version changes and why) and the letter (sources
as footnotes, layout from templates/letter/markdown/).

A comparison's table shows every finding that changes in at least one version, then those still
open (gap or not assessable) everywhere; findings met and unchanged everywhere are only counted.

Text from data (names, labels, explanations, pinpoints, values) is escaped with
`safe_text.markdown_prose`, ids are code spans (`safe_text.markdown_code`): a `<script>` in a
heading, a `*` or a `[` in a name, a line starting with `#` show as written, never as HTML,
emphasis, a link or a heading.
"""

from __future__ import annotations

import dataclasses
from itertools import groupby
from pathlib import Path
from typing import Any

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
from lexgap.safe_text import markdown_code as _code
from lexgap.safe_text import markdown_prose as _md
from lexgap.vocabulary import Outcome


def _cell(text: str) -> str:
    """Text from data in a table cell: escaped, on one line."""
    return _md(text).replace("|", "\\|").replace("\n", " ")


# --- assess ------------------------------------------------------------------------------


def render_assessment(assessment: Assessment) -> str:
    counts = assessment.counts()
    lines = [
        f"# lexgap assessment: {_md(assessment.subject_name)} ({assessment.as_of})",
        "",
        f"{counts['gap']} gaps, {counts['not_assessable']} not assessable, {counts['met']} met.",
        "",
    ]
    open_findings = [f for f in assessment.findings if f.status is not Outcome.met]
    if open_findings:
        lines += ["| status | severity | finding | concerns | basis |", "| --- | --- | --- | --- | --- |"]
        for f in open_findings:
            concerns = ", ".join(p.id for p in f.provisions) or group_name(f).lower()  # escaped as a cell
            basis = "; ".join(f"{b.instrument} {b.pinpoint}" for b in f.basis)
            lines.append(f"| {STATUS_TITLE[f.status]} | {f.severity} | {_cell(f.label)} | {_cell(concerns)} "
                         f"| {_cell(basis)} |")
        lines.append("")
    ordered = sorted(assessment.findings, key=lambda f: (group_name(f), f.sort_key()))
    for name, group in groupby(ordered, key=group_name):
        lines += [f"## {_md(name)}", ""]
        for f in group:
            lines.append(f"### {STATUS_TITLE[f.status]}: {_md(f.label)} ({_code(f.rule)}, {f.severity})")
            lines.append("")
            if f.provisions:
                lines.append("Provisions: " + ", ".join(_code(p.id) for p in f.provisions))
                lines.append("")
            lines += [_md(f.explanation), ""]
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
    lines = [f"# lexgap comparison: {_md(base.base_name)} ({_md(base.base_id)}, as of {base.base_as_of})", ""]
    for index, comparison in enumerate(comparisons, start=1):
        counts = comparison.counts()
        lines.append(f"{index}. {_md(comparison.other_title)} ({comparison.other_kind} {_code(comparison.other_id)}): "
                     f"{counts['introduced']} introduced, {counts['closed']} closed, "
                     f"{counts['status_changed']} status changed, {len(comparison.provision_changes)} "
                     "provision changes.")
    lines.append("")
    all_rows = rows(comparisons)
    shown = [r for r in all_rows if r.shown()]
    header = ["finding", "provision", f"{_cell(base.base_id)} (base)", *(_cell(c.other_id) for c in comparisons)]
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in shown:
        cells = [f"{_cell(row.label)} ({_code(row.rule)}, {row.severity})",
                 _code(row.provision) if row.provision else "the law as a whole",
                 status_text(row.before), *(_column_cell(c) for c in row.cells)]
        lines.append("| " + " | ".join(cells) + " |")
    hidden = len(all_rows) - len(shown)
    lines += ["", "—: no such finding (the provision is absent or repealed, or the rule does not apply to it). "
              f"{hidden} findings met and unchanged in every version are not shown.", ""]
    for comparison in comparisons:
        lines += [f"## {_md(comparison.other_title)}", ""]
        if comparison.is_empty():
            lines += ["No finding and no provision changes.", ""]
            continue
        for change in comparison.differences:
            where = _code(change.provision) if change.provision else "the law as a whole"
            lines.append(f"- **{CHANGE_TITLE[change.change]}**: {_md(change.label)} ({_code(change.rule)}) at {where}: "
                         f"{status_text(change.before)} -> {status_text(change.after)}.")
            finding = change.other or change.base
            if finding is not None:
                lines.append("  " + _md(finding.explanation).replace("\n", "\n  "))
        if comparison.differences:
            lines.append("")
        if comparison.provision_changes:
            lines += ["| provision | field | before | after | sources |", "| --- | --- | --- | --- | --- |"]
            for item in comparison.provision_changes:
                sources = "; ".join(source_text(s) for s in item.sources) or "none recorded"
                before, after = (_cell(value_text(item.field, v)) for v in (item.before, item.after))
                lines.append(f"| {_code(item.provision)} | {_cell(item.field)} | {before} | {after} "
                             f"| {_cell(sources)} |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- letter ------------------------------------------------------------------------------


def render_letter(letter: Letter, folder: Path | None = None) -> str:
    """The letter with every text in it escaped as markdown prose; the layout's own markup (headings,
    footnote references to the numbered sources) comes from the templates alone."""
    template = layout_environment(folder).get_template("markdown/letter.md.j2")
    return tidy(template.render(letter=_escaped(letter)))


def _escaped(value: Any) -> Any:
    """A copy of a letter's value with each string escaped (`markdown_prose`); numbers, enums kept."""
    if type(value) is str:
        return _md(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _escaped(getattr(value, f.name))
                                            for f in dataclasses.fields(value) if f.init and f.name != "problems"})
    return value
