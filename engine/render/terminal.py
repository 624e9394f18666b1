"""The rich terminal reports: the assessment (findings grouped by law or bill, gaps first, a summary
line), the comparison (BASE and every OTHER side by side, then each OTHER's changed facts), the
check-draft issues (one row per issue, then a summary line), and the `rules`, `explain` and
`vocabulary` listings.

Text from data (names, labels, ids, file names) passes through `safe_text.terminal_safe`: a terminal
shows an escape sequence in it, never runs it.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lexgap.assess import Assessment
from lexgap.compare import Change, Comparison, FindingChange
from lexgap.knowledge import Knowledge
from lexgap.models import Rule
from lexgap.problems import Level
from lexgap.render.shared import CHANGE_TITLE, STATUS_TITLE, group_name, rows, source_text, status_text, value_text
from lexgap.safe_text import terminal_safe as _safe
from lexgap.vocabulary import Outcome
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)

if TYPE_CHECKING:  # only named in annotations: the assessment report need not import the draft checker
    from lexgap.drafts import DraftIssue

STYLE = {Outcome.gap: "bold red", Outcome.not_assessable: "yellow", Outcome.met: "green"}
CHANGE_STYLE = {Change.introduced: "bold red", Change.closed: "bold green", Change.status_changed: "yellow",
                Change.unchanged: "dim"}
LEVEL_STYLE = {Level.error: "bold red", Level.warning: "yellow", Level.info: "cyan"}

#: Long texts (summaries, notes) are cut in the terminal; the JSON and Markdown forms keep them whole.
MAX_VALUE = 160


# --- assess ------------------------------------------------------------------------------


def render_assessment(assessment: Assessment) -> RenderableType:
    parts: list[RenderableType] = [
        Text(_safe(f"lexgap assessment: {assessment.subject_name} ({assessment.subject_id}, as of {assessment.as_of})"),
             style="bold")
    ]
    first: dict[str, tuple[object, ...]] = {}
    for f in assessment.findings:  # findings come sorted: a group's first finding orders the group
        first.setdefault(group_name(f), f.sort_key())
    ordered = sorted(assessment.findings, key=lambda f: (first[group_name(f)], f.sort_key()))
    for name, group in groupby(ordered, key=group_name):
        table = Table(title=_safe(name), title_justify="left", show_lines=True, expand=True)
        table.add_column("status", no_wrap=True)
        table.add_column("finding", ratio=1, overflow="fold")  # ids are folded, never cut short
        table.add_column("why", ratio=3)
        for f in group:
            status = Text(STATUS_TITLE[f.status], style=STYLE[f.status])
            status.append(f"\n{f.severity}", style="dim")
            finding = Text(_safe(f.label), style="bold")
            finding.append(_safe(f"\n{f.rule}"), style="dim")
            for p in f.provisions:
                finding.append(_safe(f"\n{p.id}"), style="cyan")
            why = Text(_safe(f.reason))
            if f.basis:
                why.append(_safe("\nBasis: " + "; ".join(f"{b.instrument} {b.pinpoint}" for b in f.basis)),
                           style="dim")
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


# --- compare -----------------------------------------------------------------------------


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
    return _safe(text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…")


def render_comparisons(comparisons: list[Comparison]) -> RenderableType:
    if not comparisons:
        return Text("Nothing to compare.")
    base = comparisons[0]
    parts: list[RenderableType] = [
        Text(_safe(f"lexgap comparison: {base.base_name} ({base.base_id}, as of {base.base_as_of})"), style="bold")]
    table = Table(show_lines=True, expand=True)
    table.add_column("finding", ratio=2)
    table.add_column(_safe(f"{base.base_id}\n(base)"), no_wrap=True)
    for comparison in comparisons:
        table.add_column(_safe(f"{comparison.other_id}\n({comparison.other_kind})"), ratio=1)
    all_rows = rows(comparisons)
    shown = [r for r in all_rows if r.shown()]
    for row in shown:
        finding = Text(_safe(row.label), style="bold")
        finding.append(_safe(f"\n{row.rule} ({row.severity})"), style="dim")
        finding.append(_safe(f"\n{row.provision or 'the law as a whole'}"), style="cyan")
        table.add_row(finding, _status(row.before), *(_cell(c) for c in row.cells))
    parts.append(table)
    parts.append(Text(f"{len(all_rows) - len(shown)} findings met and unchanged in every version are not shown.",
                      style="dim"))
    for comparison in comparisons:
        counts = comparison.counts()
        summary = Text(_safe(f"{comparison.other_title}: "), style="bold")
        for change in (Change.introduced, Change.closed, Change.status_changed):
            summary.append(f"{counts[change.value]} {CHANGE_TITLE[change]}", style=CHANGE_STYLE[change])
            summary.append(", ")
        summary.append(f"{len(comparison.provision_changes)} provision changes")
        parts.append(summary)
        if not comparison.provision_changes:
            continue
        facts = Table(title=_safe(f"What {comparison.other_id} changes"), title_justify="left", show_lines=True,
                      expand=True)
        facts.add_column("provision", style="cyan", ratio=2)
        facts.add_column("field", no_wrap=True)
        facts.add_column("before", ratio=2)
        facts.add_column("after", ratio=2)
        facts.add_column("sources", ratio=2)
        for item in comparison.provision_changes:
            sources = "; ".join(source_text(s) for s in item.sources) or "none recorded"
            facts.add_row(_safe(item.provision), _safe(item.field), _short(value_text(item.field, item.before)),
                          _short(value_text(item.field, item.after)), _safe(sources))
        parts.append(facts)
    return Group(*parts)


# --- check-draft -------------------------------------------------------------------------


def _source(issue: DraftIssue) -> Text:
    if issue.source is None:
        return Text("-", style="dim")
    source = issue.source
    text = Text(_safe(source.document))
    if source.pinpoint:
        text.append(_safe(f", {source.pinpoint}"))
    text.append("\nverified" if source.verified else "\nnot verified", style="green" if source.verified else "yellow")
    if source.url:
        text.append(_safe(f"\n{source.url}"), style="dim")
    return text


def render_draft(file_name: str, issues: list[DraftIssue]) -> RenderableType:
    parts: list[RenderableType] = [Text(_safe(f"lexgap check-draft: {file_name}"), style="bold")]
    if issues:
        table = Table(show_lines=True, expand=True)
        table.add_column("where", no_wrap=True)
        table.add_column("issue", no_wrap=True)
        table.add_column("the draft says", ratio=2)
        table.add_column("lexgap's data says", ratio=3)
        table.add_column("source", ratio=2)
        for issue in issues:
            kind = Text(issue.level.value, style=LEVEL_STYLE[issue.level])
            kind.append(f"\n{issue.kind.value}", style="dim")
            expected = Text(_safe(issue.expected or ""), style="bold")
            expected.append(_safe(("\n" if issue.expected else "") + issue.message))
            table.add_row(f"{issue.line}:{issue.column}", kind, Text(_safe(issue.found)), expected, _source(issue))
        parts.append(table)
    summary = Text()
    for index, level in enumerate(Level):
        count = sum(1 for i in issues if i.level is level)
        summary.append(("" if index == 0 else ", ") + f"{count} {level.value}{_plural(level, count)}",
                       style=LEVEL_STYLE[level] if count else "dim")
    parts.append(Panel(summary, expand=False))
    return Group(*parts)


def _plural(level: Level, count: int) -> str:
    return "s" if count != 1 and level is not Level.info else ""


# --- rules, explain, vocabulary ----------------------------------------------------------


def render_rules(knowledge: Knowledge) -> RenderableType:
    """`lexgap rules`: id, label, severity and basis of every rule."""
    table = Table(show_lines=False, expand=True)
    for column in ("id", "label", "severity", "basis"):
        table.add_column(column, overflow="fold")
    for rule in knowledge.rules:
        basis = ", ".join(f"{s[0].short_title} {s[1].pinpoint}" for ref in rule.basis
                          if (s := knowledge.standard(ref)) is not None)
        table.add_row(_safe(rule.id), _safe(rule.label), rule.severity.value, _safe(basis))
    return table


def render_explain(rule: Rule, knowledge: Knowledge) -> str:
    """`lexgap explain RULE_ID`: the rule in plain words, with each basis' paraphrase and source."""
    from lexgap.conditions import describe_rule

    out = [f"{rule.id}: {rule.label}", f"severity: {rule.severity.value}", "", "Why it matters:", f"  {rule.why}",
           "", "Condition:"]
    out += [f"  - {line}" for line in describe_rule(rule)]
    if rule.caveat:
        out += ["", "Caveat:", f"  {rule.caveat}"]
    out += ["", "Basis:"]
    for ref in rule.basis:
        found = knowledge.standard(ref)
        if found is None:
            continue
        instrument, provision = found
        source = provision.source
        check = en.VERIFICATION_CHECK[source.verified.value]
        out.append(f"  - {instrument.short_title} {provision.pinpoint} ({instrument.title}"
                   + (f", {instrument.symbol}" if instrument.symbol else "") + ")")
        out.append(f"    {provision.paraphrase}")
        if provision.reading is not None:
            out.append(f"    lexgap's reading: {provision.reading.text}")
        out.append(f"    source: {source.document}" + (f", {source.pinpoint}" if source.pinpoint else "")
                   + (f", {source.url}" if source.url else "") + f"; consulted {source.consulted}; {check}")
    return _safe("\n".join(out) + "\n")


def render_vocabulary(names: list[str]) -> str:
    """`lexgap vocabulary [NAME]`: each word of the named vocabularies (or the practices) with what it means."""
    from lexgap.suggest import entries

    out: list[str] = []
    for title in names:
        out.append(f"{title}:")
        out += [f"  {word:<30} {meaning}".rstrip() for word, meaning in entries(title)]
        out.append("")
    return _safe("\n".join(out))
