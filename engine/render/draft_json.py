"""The JSON contract of `lexgap check-draft --format json`: one object per issue, in draft order."""

from __future__ import annotations

from typing import Any

from lexgap import __version__
from lexgap.drafts import DraftIssue
from lexgap.problems import Level
from lexgap.render.json import dumps, source_json


def issue_json(issue: DraftIssue) -> dict[str, Any]:
    return {
        "line": issue.line,
        "column": issue.column,
        "kind": issue.kind.value,
        "level": issue.level.value,
        "found": issue.found,
        "expected": issue.expected,
        "message": issue.message,
        "instrument": issue.instrument,
        "source": source_json(issue.source) if issue.source is not None else None,
    }


def draft_json(file_name: str, issues: list[DraftIssue]) -> dict[str, Any]:
    return {
        "lexgap": __version__,
        "file": file_name,
        "issues": [issue_json(i) for i in issues],
        "summary": {level.value: sum(1 for i in issues if i.level is level) for level in Level},
    }


def render_draft(file_name: str, issues: list[DraftIssue]) -> str:
    return dumps(draft_json(file_name, issues))
