"""`lexgap letter FILE --init`: a letter plan scaffolded from the assessment, for the officer to edit.

The scaffold is a valid plan (it loads as it is) whose frame the officer completes, with every
concern and question lexgap would draft listed by id in comments, so that choosing, dropping,
merging or rewording one is a matter of copying its id.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

from lexgap.compose import Communication
from lexgap.mandates import Register


def _comment(text: str, indent: str = "#   ") -> list[str]:
    return [indent + line for line in textwrap.wrap(" ".join(text.split()), 96)]


def scaffold(letter: Communication, register: Register, language: str = "en") -> str:
    """The plan's YAML text, from the default (English) letter lexgap drafts without a plan; a plan for a letter
    in French or Spanish says so (`language:`), its fields stay English with their `fr:`/`es:` overlays."""
    as_of = dt.date.fromisoformat(letter.as_of)
    lines = [
        "# yaml-language-server: $schema=../engine/schemas/letter_plan.schema.json",
        f"# A letter plan for {letter.addressee}, scaffolded by lexgap from its assessment. Fill in the frame,",
        "# then choose among the concerns and questions listed below by their ids.",
        "format: letter_plan",
        f"id: letter-{letter.subject_id}",
        f"applies_to: {letter.subject_id}",
        f"type: {letter.type}      # allegation_letter, urgent_appeal or other_letter",
        *([f"language: {language}                     # the English fields below take fr:/es: overlays"]
          if language != "en" else []),
        "# reference: AL XXX 1/2021       # kind code, ISO 3166-1 alpha-3 of the State (OTH for others), number/year",
        f"# date: {letter.as_of}",
        "mandates: []                     # ids of the register:",
    ]
    lines += [f"#   {m.id}: {m.title_on(as_of) or m.titles[-1].title}" for m in register.mandates.values()]
    lines.append(f"addressee: {{kind: {letter.addressee_kind}, name: {json.dumps(letter.addressee)}}}")
    lines.append("reply_within_days: 60")
    if letter.areas:
        lines.append(f"areas: [{', '.join(letter.areas)}]")
    lines += ["allegations: []                  # topics: csam_shared_online, trafficking_risk, police_inaction,",
              "                                 # platform_inaction, state_response, discrimination, general"]
    lines.append("concerns: []")
    lines.append("# the concerns lexgap raises, by finding id (choice: drop, with a reason; or text: your wording):")
    for part in letter.concerns_on_law:
        for key in part.findings:
            lines.append(f"#   - finding: {key}")
    lines.append("questions: []")
    lines.append("# the questions lexgap asks, by id (choice: drop, reason; text; merge: [ids]):")
    for question in letter.questions:
        lines.append(f"#   - id: {question.id}")
        lines += _comment(question.text, "#       ")
    dropped = [d for d in letter.decisions if d.get("question") and d["action"] == "dropped"]
    if dropped:
        lines.append("# left out by default (name one under questions to ask it):")
        lines += [f"#   - id: {d['question']}   ({d['reason']})" for d in dropped]
    lines.append("order: []")
    return "\n".join(lines) + "\n"
