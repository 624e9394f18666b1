"""Markdown report of a comparison: one side-by-side table, then what each version changes and why.

The table shows every finding that changes in at least one version, then those still open
(gap or not assessable) everywhere; findings met and unchanged everywhere are only counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lexgap.compare import CHANGE_ORDER, PROVISION_FIELD, Change, Comparison, FindingChange
from lexgap.models import Source
from lexgap.render.markdown import STATUS_TITLE
from lexgap.vocabulary import SEVERITY_ORDER, Outcome, Severity

CHANGE_TITLE = {Change.introduced: "introduced", Change.closed: "closed", Change.status_changed: "status changed",
                Change.unchanged: "unchanged"}


@dataclass(frozen=True)
class Row:
    """One finding key across BASE and every OTHER (None where an OTHER has nothing for it)."""

    rule: str
    label: str
    severity: Severity
    provision: str | None
    before: Outcome | None
    cells: list[FindingChange | None]

    def shown(self) -> bool:
        changed = any(c is not None and c.change is not Change.unchanged for c in self.cells)
        return changed or self.before is not Outcome.met


def rows(comparisons: list[Comparison]) -> list[Row]:
    """The side-by-side rows, most significant change first (as in `compare`), then by severity and id."""
    by_key: dict[str, list[FindingChange | None]] = {}
    first: dict[str, FindingChange] = {}
    for index, comparison in enumerate(comparisons):
        for change in comparison.changes:
            by_key.setdefault(change.key, [None] * len(comparisons))[index] = change
            first.setdefault(change.key, change)
    result = []
    for key, cells in by_key.items():
        sample = first[key]
        before = next((c.before for c in cells if c is not None), None)
        result.append(Row(sample.rule, sample.label, sample.severity, sample.provision, before, cells))

    def order(row: Row) -> tuple[Any, ...]:
        best = min(CHANGE_ORDER[c.change] for c in row.cells if c is not None)
        return (best, SEVERITY_ORDER[row.severity], row.provision is None, row.provision or "", row.rule)

    return sorted(result, key=order)


def status_text(status: Outcome | None) -> str:
    return STATUS_TITLE[status] if status is not None else "—"


def value_text(field: str, value: Any) -> str:
    """A field value in words: None is 'not known', or 'absent' for a whole provision."""
    if value is None:
        return "absent" if field == PROVISION_FIELD else "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value_text(field, v) for v in value) if value else "none listed"
    if isinstance(value, dict):
        if "any_of" in value:
            return " or ".join(f"({value_text(field, v)})" for v in value["any_of"])
        return "; ".join(f"{k}: {value_text(field, v)}" for k, v in value.items())
    return str(value)


def source_text(source: Source) -> str:
    parts = [source.document]
    if source.pinpoint:
        parts.append(source.pinpoint)
    text = ", ".join(parts)
    return f"{text} ({'verified' if source.verified else 'not verified'})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
