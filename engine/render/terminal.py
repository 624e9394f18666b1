"""The rich terminal report: findings grouped by law or bill, gaps first, a summary line."""

from __future__ import annotations

from itertools import groupby

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lexgap.assess import Assessment
from lexgap.render.markdown import STATUS_TITLE, group_name
from lexgap.vocabulary import Outcome

STYLE = {Outcome.gap: "bold red", Outcome.not_assessable: "yellow", Outcome.met: "green"}


def render_assessment(assessment: Assessment) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"lexgap assessment: {assessment.subject_name} ({assessment.subject_id}, as of {assessment.as_of})",
             style="bold")
    ]
    first: dict[str, tuple[object, ...]] = {}
    for f in assessment.findings:  # findings come sorted: a group's first finding orders the group
        first.setdefault(group_name(f), f.sort_key())
    ordered = sorted(assessment.findings, key=lambda f: (first[group_name(f)], f.sort_key()))
    for name, group in groupby(ordered, key=group_name):
        table = Table(title=name, title_justify="left", show_lines=True, expand=True)
        table.add_column("status", no_wrap=True)
        table.add_column("finding", ratio=1, overflow="fold")  # ids are folded, never cut short
        table.add_column("why", ratio=3)
        for f in group:
            status = Text(STATUS_TITLE[f.status], style=STYLE[f.status])
            status.append(f"\n{f.severity}", style="dim")
            finding = Text(f.label, style="bold")
            finding.append(f"\n{f.rule}", style="dim")
            for p in f.provisions:
                finding.append(f"\n{p.id}", style="cyan")
            why = Text(f.reason)
            if f.basis:
                why.append("\nBasis: " + "; ".join(f"{b.instrument} {b.pinpoint}" for b in f.basis), style="dim")
            table.add_row(status, finding, why)
        parts.append(table)
    counts = assessment.counts()
    summary = Text()
    summary.append(f"{counts['gap']} gaps", style=STYLE[Outcome.gap])
    summary.append(", ")
    summary.append(f"{counts['not_assessable']} not assessable", style=STYLE[Outcome.not_assessable])
    summary.append(", ")
    summary.append(f"{counts['met']} met", style=STYLE[Outcome.met])
    parts.append(Panel(summary, expand=False))
    return Group(*parts)
