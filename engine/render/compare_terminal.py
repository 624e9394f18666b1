"""The rich terminal comparison: BASE and every OTHER side by side, then each OTHER's changed facts."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lexgap.compare import Change, Comparison, FindingChange
from lexgap.render.shared import CHANGE_TITLE, rows, source_text, status_text, value_text
from lexgap.render.terminal import STYLE
from lexgap.vocabulary import Outcome

CHANGE_STYLE = {Change.introduced: "bold red", Change.closed: "bold green", Change.status_changed: "yellow",
                Change.unchanged: "dim"}

#: Long texts (summaries, notes) are cut in the terminal; the JSON and Markdown forms keep them whole.
MAX_VALUE = 160


def _status(status: Outcome | None) -> Text:
    return Text(status_text(status), style=STYLE[status] if status is not None else "dim")


def _cell(change: FindingChange | None) -> Text:
    if change is None:
        return Text("—", style="dim")
    text = _status(change.after)
    if change.change is not Change.unchanged:
        text.append(f"\n{CHANGE_TITLE[change.change]}", style=CHANGE_STYLE[change.change])
    return text


def _short(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"


def render_comparisons(comparisons: list[Comparison]) -> RenderableType:
    if not comparisons:
        return Text("Nothing to compare.")
    base = comparisons[0]
    parts: list[RenderableType] = [
        Text(f"lexgap comparison: {base.base_name} ({base.base_id}, as of {base.base_as_of})", style="bold")]
    table = Table(show_lines=True, expand=True)
    table.add_column("finding", ratio=2)
    table.add_column(f"{base.base_id}\n(base)", no_wrap=True)
    for comparison in comparisons:
        table.add_column(f"{comparison.other_id}\n({comparison.other_kind})", ratio=1)
    all_rows = rows(comparisons)
    shown = [r for r in all_rows if r.shown()]
    for row in shown:
        finding = Text(row.label, style="bold")
        finding.append(f"\n{row.rule} ({row.severity})", style="dim")
        finding.append(f"\n{row.provision or 'the law as a whole'}", style="cyan")
        table.add_row(finding, _status(row.before), *(_cell(c) for c in row.cells))
    parts.append(table)
    parts.append(Text(f"{len(all_rows) - len(shown)} findings met and unchanged in every version are not shown.",
                      style="dim"))
    for comparison in comparisons:
        counts = comparison.counts()
        summary = Text(f"{comparison.other_title}: ", style="bold")
        for change in (Change.introduced, Change.closed, Change.status_changed):
            summary.append(f"{counts[change.value]} {CHANGE_TITLE[change]}", style=CHANGE_STYLE[change])
            summary.append(", ")
        summary.append(f"{len(comparison.provision_changes)} provision changes")
        parts.append(summary)
        if not comparison.provision_changes:
            continue
        facts = Table(title=f"What {comparison.other_id} changes", title_justify="left", show_lines=True,
                      expand=True)
        facts.add_column("provision", style="cyan", ratio=2)
        facts.add_column("field", no_wrap=True)
        facts.add_column("before", ratio=2)
        facts.add_column("after", ratio=2)
        facts.add_column("sources", ratio=2)
        for item in comparison.provision_changes:
            sources = "; ".join(source_text(s) for s in item.sources) or "none recorded"
            facts.add_row(item.provision, item.field, _short(value_text(item.field, item.before)),
                          _short(value_text(item.field, item.after)), sources)
        parts.append(facts)
    return Group(*parts)
