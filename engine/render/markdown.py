"""Markdown: the assessment report (a summary table of what is not met, then every finding), the
comparison (one side-by-side table, then what each version changes and why), the communication (the
frame of the genre, footnotes where it cites) and the reviewer's memo beside it.

A comparison's table shows every finding that changes in at least one version, then those still
open (gap or not assessable) everywhere; findings met and unchanged everywhere are only counted.

Text from data (names, labels, explanations, pinpoints, values) is escaped with
`safe_text.markdown_prose`, ids are code spans (`safe_text.markdown_code`): a `<script>` in a
heading, a `*` or a `[` in a name, a line starting with `#` show as written, never as HTML,
emphasis, a link or a heading.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any

from lexgap.assess import Assessment
from lexgap.compare import Change, Comparison, FindingChange
from lexgap.compose import Communication
from lexgap.render.shared import (
    CHANGE_TITLE,
    STATUS_TITLE,
    group_name,
    letter_blocks,
    rows,
    source_text,
    status_text,
    value_text,
)
from lexgap.safe_text import markdown_code as _code
from lexgap.safe_text import markdown_prose as _md
from lexgap.safe_text import markdown_text
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


_LETTER_MARKUP = re.compile(r"(\*\*.+?\*\*|\[\^\d+\])")


def _prose(text: str) -> str:
    """A letter's text as safe Markdown: its own bold and footnote marks kept, everything else (text from
    data: facts, citations, titles, clauses) shown as written, never as HTML, a link or emphasis."""
    parts = []
    for piece in _LETTER_MARKUP.split(text):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            parts.append(f"**{markdown_text(piece[2:-2])}**")
        elif re.fullmatch(r"\[\^\d+\]", piece):
            parts.append(piece)
        else:
            parts.append(markdown_text(piece))
    return "".join(parts)


def render_letter(letter: Communication) -> str:
    """The communication: Markdown blocks in reading order, footnotes at the end."""
    out: list[str] = []
    for kind, raw in letter_blocks(letter):
        number, _, rest = raw.partition(". ") if kind == "question" else ("", "", raw)
        text = "\n".join(_prose(line) for line in rest.split("\n"))
        if kind == "question":
            text = f"{number}. {text}"
        if kind == "bold":
            out.append(f"**{text}**")
        elif kind == "lines":
            out.append("  \n".join(text.split("\n")))
        elif kind == "rule":
            out.append("---")
        elif kind == "heading":
            out.append(f"## {text}")
        elif kind == "subheading":
            out.append(f"### {text}")
        else:
            out.append(text)
    if letter.footnotes:
        out.append("\n".join(f"[^{n}]: {markdown_text(text)}" for n, text in enumerate(letter.footnotes, 1)))
    return "\n\n".join(out) + "\n"


def _source_line(source: dict[str, Any]) -> str:
    parts = [source["document"]]
    if source.get("pinpoint"):
        parts.append(str(source["pinpoint"]))
    if source.get("url"):
        parts.append(str(source["url"]))
    status = {"primary": "verified in the official text",
              "secondary": "NOT verified (secondary source only)"}.get(str(source["verified"]), "NOT verified")
    line = f"{', '.join(parts)}; consulted {source['consulted']}; {status}"
    line = f"{line}. {source['note']}" if source.get("note") else line
    return markdown_text(line)


def render_memo(letter: Communication) -> str:
    out = [markdown_text(f"# Reviewer's memo: {letter.reference} to {letter.addressee} ({letter.date})")
           .replace("\\#", "#", 1), ""]
    out += ["Not for sending. The letter carries no sources and no verification notes: they are here, "
            "with what lexgap and the plan chose and why.", ""]
    if letter.placeholders:
        out += ["## To fill in before sending", ""] + [f"- {markdown_text(p)}" for p in letter.placeholders] + [""]
    if letter.resolutions:
        out += ["## Mandates and resolutions cited", ""]
        out += [f"- {mandate}: resolution {number}" for mandate, number in letter.resolutions.items()] + [""]
    by_key = {f["key"]: f for f in letter.findings}
    out += ["## Questions and what they rest on", ""]
    for question in letter.questions:
        behind = ", ".join(f"`{k}` ({by_key[k]['status']}, {by_key[k]['severity']})" if k in by_key else f"`{k}`"
                           for k in question.findings)
        out.append(f"{question.number}. `{question.id}` ({question.origin}){': ' + behind if behind else ''}")
    out.append("")
    out += ["## Concerns and what they rest on", ""]
    for part in letter.concerns_on_facts:
        out.append(f"- on the facts: {', '.join(f'`{f}`' for f in part.facts) or 'no fact named'}")
    for part in letter.concerns_on_law:
        out.append(f"- on the law: {', '.join(f'`{k}`' for k in part.findings)}")
    out.append("")
    if letter.decisions:
        out += ["## What the plan and lexgap's curation changed", ""]
        for decision in letter.decisions:
            what = decision.get("question") or decision.get("concern") or decision.get("fact") \
                or decision.get("standard")
            kind = next(k for k in ("question", "concern", "fact", "standard") if k in decision)
            into = f" into `{decision['into']}`" if decision.get("into") else ""
            out.append(f"- {kind} `{what}`: {decision['action']}{into}: {markdown_text(str(decision['reason']))}")
        out.append("")
    out += ["## Findings (every finding that is not met)", ""]
    for finding in letter.findings:
        out += [f"### `{finding['key']}`: {finding['status']}, {finding['severity']}", "",
                markdown_text(finding["explanation"]), ""]
        out += [f"- {_source_line(s)}" for s in finding["sources"]] + [""]
    if letter.facts:
        out += ["## Information received: facts and their sources", ""]
        for fact in letter.facts:
            out += [f"### `{fact['id']}`", "", markdown_text(fact["text"]), ""]
            out += [f"- {_source_line(s)}" for s in fact["sources"]] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
