"""The reviewer's memo beside a communication (`lexgap letter ... -f memo`): everything the letter
leaves out on purpose. For each question and concern, the findings behind it; for each finding, its
explanation and every source with its verification status; what the plan and lexgap's curation
merged, dropped or moved, and why; the standards left out of the annex; the placeholders to fill.
"""

from __future__ import annotations

from typing import Any

from lexgap.compose import Communication


def _source_line(source: dict[str, Any]) -> str:
    parts = [source["document"]]
    if source.get("pinpoint"):
        parts.append(str(source["pinpoint"]))
    if source.get("url"):
        parts.append(str(source["url"]))
    status = "verified" if source["verified"] else "NOT verified"
    line = f"{', '.join(parts)}; consulted {source['consulted']}; {status}"
    return f"{line}. {source['note']}" if source.get("note") else line


def render_memo(letter: Communication) -> str:
    out = [f"# Reviewer's memo: {letter.reference} to {letter.addressee} ({letter.date})", ""]
    out += ["Not for sending. The letter carries no sources and no verification notes: they are here, "
            "with what lexgap and the plan chose and why.", ""]
    if letter.placeholders:
        out += ["## To fill in before sending", ""] + [f"- {p}" for p in letter.placeholders] + [""]
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
            out.append(f"- {kind} `{what}`: {decision['action']}{into}: {decision['reason']}")
        out.append("")
    out += ["## Findings (every finding that is not met)", ""]
    for finding in letter.findings:
        out += [f"### `{finding['key']}`: {finding['status']}, {finding['severity']}", "", finding["explanation"], ""]
        out += [f"- {_source_line(s)}" for s in finding["sources"]] + [""]
    if letter.facts:
        out += ["## Information received: facts and their sources", ""]
        for fact in letter.facts:
            out += [f"### `{fact['id']}`", "", fact["text"], ""]
            out += [f"- {_source_line(s)}" for s in fact["sources"]] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
