"""`lexgap init KIND [PATH]`: start a file in a minute, with the editor already helping.

A skeleton holds only what every file of its kind must have, with placeholders marked
CHANGE, and shows the optional parts as comments: a fact that is not known is left out,
never guessed.  It validates as written, and its first line points editors at the schema,
so completion and hover work at once, wherever the file lives.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from lexgap.jsonschemas import bundled_schema, schema_file_name, write_schemas
from lexgap.output import write_atomic
from lexgap.problems import Problem

#: The kinds `lexgap init` writes.  A bill is left out: it only makes sense against its jurisdiction's
#: provisions (copy one from legislation/bills/ instead).
KINDS = ("jurisdiction", "company", "instrument", "rules", "rule_tests")

_HEADER = {
    "jurisdiction": "A State's laws and bills on a date, its ratifications and the facts a letter reports.",
    "company": "A company and what is known of its practice under the UN Guiding Principles.",
    "instrument": "An international instrument: each provision lexgap cites, paraphrased in your own words.",
    "rules": "Rules: when the law falls short of a standard, and on what legal basis.",
    "rule_tests": "Test cases for one rule, as a lawyer would write them; run them with `lexgap test FOLDER`.",
}

_BODY = {
    "jurisdiction": """\
format: jurisdiction
id: {id}
name: CHANGE to the State's name
country: xx               # CHANGE: ISO 3166 alpha-2 code, lower case (ro, ie, no...)
as_of: {today}          # the date the file describes the law as it stood
# subject: the subject line of a letter on this file
complete_for: []          # areas whose in-force provisions are ALL listed (absence rules need it)
laws: []
# laws:
#   - id: xx/act/2020/1   # country/kind/year/number
#     title: Law no. 1/2020 on ...
#     type: act           # act, code, bill, government_position, draft
#     status: in_force    # in_force, adopted, pending_bill, draft, reported_draft, repealed
#     sources:
#       - {{document: Law no. 1/2020, url: https://..., consulted: {today}, verified: unverified}}
provisions: []
# provisions:
#   - id: xx/act/2020/1~art_1
#     law: xx/act/2020/1
#     title: ...
#     summary: What the provision says, in your own words.
#     conduct: [ncii_disseminate]     # `lexgap vocabulary conduct` lists the words
#     # leave out what you do not know: lexgap then says not_assessable and the letter asks
#     sources:
#       - {{document: Law no. 1/2020, pinpoint: art. 1, consulted: {today}, verified: unverified}}
ratifications: []
context: []
""",
    "company": """\
format: company
id: {id}
name: CHANGE to the company's name
as_of: {today}          # the date the file describes the company's practice
# subject: the subject line of a letter on this file
practices: {{}}
# practices:
#   remediation:                    # `lexgap vocabulary practice` lists the practices
#     answer: partial               # yes, partial or no; leave out when not known
#     sources:
#       - {{document: ..., url: https://..., consulted: {today}, verified: unverified}}
context: []
""",
    "instrument": """\
format: instrument
id: {id}                 # also the file's name: {id}.yaml
title: CHANGE to the full title
short_title: CHANGE to the short name letters use
kind: treaty              # `lexgap vocabulary instrument_kind` lists the kinds
# symbol: the UN document symbol
sources:
  - {{document: CHANGE to the document, consulted: {today}, verified: unverified}}
provisions: []
# provisions:
#   - id: art_1
#     pinpoint: art. 1
#     paraphrase: What it says, in your own words.
#     source: {{document: ..., pinpoint: art. 1, consulted: {today}, verified: unverified}}
""",
    "rules": """\
format: rules
rules: []
# rules:
#   - id: my-rule
#     label: a short label
#     severity: high                  # high, medium, low
#     why: Why it matters, one paragraph.
#     applies_to:
#       conduct: {{any_of: [ncii_disseminate]}}
#     gap_when:
#       mental_element: {{any_of: [intent_to_harm]}}
#     basis: [cedaw-gr-35~para_29__lit_a]   # `lexgap rules` and `lexgap explain` show existing bases
#     letter:
#       concern: "{{{{ provision }}}} ({{{{ law }}}}) ..."
#       question: "Please indicate ..."
#       missing_question: "Please indicate whether ..."
""",
    "rule_tests": """\
format: rule_tests
rule: {id}               # CHANGE to the id of the rule these cases test
cases:
  - name: CHANGE to what this case shows
    provisions: []
    # provisions:                     # title, summary, law and sources may be left out
    #   - {{id: xx/act/2020/1~art_1, conduct: [ncii_disseminate], mental_element: [intent_general]}}
    expect:
      - {{status: not_assessable}}      # with provision: ID for a provision's finding
""",
}


def _slug(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "new-file"


def skeleton(kind: str, file_id: str, schema_ref: str, today: dt.date) -> str:
    """The text of a new file of `kind`, its first line pointing editors at `schema_ref`."""
    body = _BODY[kind].format(id=file_id, today=today.isoformat())
    return (f"# yaml-language-server: $schema={schema_ref}\n"
            f"# {_HEADER[kind]}\n# Replace each CHANGE; `lexgap validate` checks the file.\n{body}")


def schema_ref(path: Path, kind: str, schemas: Path | None) -> str:
    """Where the new file's editors find the schema: beside it in `schemas` (relative), else lexgap's own copy."""
    if schemas is None:
        return str(bundled_schema(kind))
    target = schemas.resolve() / schema_file_name(kind)
    return Path(os.path.relpath(target, path.resolve().parent)).as_posix()


def init_file(kind: str, path: Path | None, schemas: Path | None = None,
              today: dt.date | None = None) -> tuple[Path | None, list[Problem]]:
    """Write a skeleton of `kind` at `path` (default KIND.yaml); never over an existing file."""
    target = path or Path(f"{kind}.yaml")
    if target.is_dir():
        target = target / f"{kind}.yaml"
    if target.suffix not in (".yaml", ".yml"):
        return None, [Problem(str(target), 1, 1, "give the new file a .yaml name, so that lexgap and editors read it")]
    if target.exists():
        return None, [Problem(str(target), 1, 1, "the file already exists; lexgap init never replaces a file: "
                                                  "choose another name")]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return None, [Problem(str(target.parent), 1, 1, f"cannot create the folder: {error.strerror or error}")]
    if schemas is not None:
        problems = write_schemas(schemas)
        if problems:
            return None, problems
    text = skeleton(kind, _slug(target.stem), schema_ref(target, kind, schemas), today or dt.date.today())
    problem = write_atomic(target, text.encode("utf-8"))
    return (None, [problem]) if problem is not None else (target, [])
