"""The rich terminal report of `lexgap check-draft`: one row per issue, then a summary line."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lexgap.drafts import DraftIssue
from lexgap.problems import Level

STYLE = {Level.error: "bold red", Level.warning: "yellow", Level.info: "cyan"}


def _source(issue: DraftIssue) -> Text:
    if issue.source is None:
        return Text("-", style="dim")
    source = issue.source
    text = Text(source.document)
    if source.pinpoint:
        text.append(f", {source.pinpoint}")
    text.append("\nverified" if source.verified else "\nnot verified", style="green" if source.verified else "yellow")
    if source.url:
        text.append(f"\n{source.url}", style="dim")
    return text


def render_draft(file_name: str, issues: list[DraftIssue]) -> RenderableType:
    parts: list[RenderableType] = [Text(f"lexgap check-draft: {file_name}", style="bold")]
    if issues:
        table = Table(show_lines=True, expand=True)
        table.add_column("where", no_wrap=True)
        table.add_column("issue", no_wrap=True)
        table.add_column("the draft says", ratio=2)
        table.add_column("lexgap's data says", ratio=3)
        table.add_column("source", ratio=2)
        for issue in issues:
            kind = Text(issue.level.value, style=STYLE[issue.level])
            kind.append(f"\n{issue.kind.value}", style="dim")
            expected = Text(issue.expected or "", style="bold")
            expected.append(("\n" if issue.expected else "") + issue.message)
            table.add_row(f"{issue.line}:{issue.column}", kind, Text(issue.found), expected, _source(issue))
        parts.append(table)
    summary = Text()
    for index, level in enumerate(Level):
        count = sum(1 for i in issues if i.level is level)
        summary.append(("" if index == 0 else ", ") + f"{count} {level.value}{_plural(level, count)}",
                       style=STYLE[level] if count else "dim")
    parts.append(Panel(summary, expand=False))
    return Group(*parts)


def _plural(level: Level, count: int) -> str:
    return "s" if count != 1 and level is not Level.info else ""
