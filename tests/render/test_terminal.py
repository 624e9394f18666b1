"""render/terminal.py: the rich reports and listings, as a reader sees them at 120 columns."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console, RenderableType

from lexgap.assess import Assessment
from lexgap.compare import Comparison
from lexgap.drafts import DraftIssue
from lexgap.knowledge import Knowledge
from lexgap.render import terminal

ROOT = Path(__file__).resolve().parent.parent.parent


def _text(renderable: RenderableType) -> str:
    console = Console(file=io.StringIO(), width=120, highlight=False, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_assessment_groups_and_summary(romania: Assessment) -> None:
    text = _text(terminal.render_assessment(romania))
    counts = romania.counts()
    assert text.startswith("lexgap assessment: Romania (romania-2020, as of 2021-01-25)")
    assert "Law 217/2003 (domestic violence)" in text and "Basis: CEDAW General Recommendation No. 35" in text
    assert f"{counts['gap']} gaps, {counts['not_assessable']} not assessable, {counts['met']} met" in text


def test_comparison_names_both_versions(comparisons: list[Comparison]) -> None:
    text = _text(terminal.render_comparisons(comparisons))
    assert "lexgap comparison: Romania (romania-2020, as of 2021-01-25)" in text
    assert "romania-2024" in text and "What romania-2024 changes" in text


def test_draft_issues_and_their_summary(issues: list[DraftIssue]) -> None:
    text = _text(terminal.render_draft("draft.txt", issues))
    assert text.startswith("lexgap check-draft: draft.txt")
    errors = sum(1 for i in issues if i.level.value == "error")
    assert f"{errors} error{'s' if errors != 1 else ''}" in text


def test_rules_explain_and_vocabulary(knowledge: Knowledge) -> None:
    rules = _text(terminal.render_rules(knowledge))
    assert all(rule.id[:10] in rules for rule in knowledge.rules)
    rule = knowledge.rule("intent-to-harm-requirement")
    assert rule is not None
    explained = terminal.render_explain(rule, knowledge)
    assert explained.startswith("intent-to-harm-requirement: intent-to-harm requirement\nseverity: high\n")
    assert "\nBasis:\n" in explained and "consulted" in explained
    words = terminal.render_vocabulary(["severity"])
    assert words.startswith("severity:\n  high") and words.endswith("\n")


def test_an_assessment_imports_neither_the_letter_composer_nor_the_draft_checker(tmp_path: Path) -> None:
    """`lexgap assess FILE` (the terminal report) and `-f json` print their reports without importing the
    letters' composer (jinja2, babel) or the draft checker: a fifth of a cold start (issue 19).  The
    knowledge cache is filled first: reading the rules' files checks their templates with jinja2."""
    program = "\n".join([
        "import sys", "from lexgap.cli import main",
        "sys.argv = ['lexgap', 'assess', 'romania-2020.yaml', *sys.argv[1:]]",
        "try:", "    main()", "except SystemExit:", "    pass",
        "heavy = ('jinja2', 'babel', 'lexgap.compose', 'lexgap.drafts')",
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)"])
    env = {**os.environ, "LEXGAP_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "120"}
    runs = [subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True, env=env,
                           cwd=ROOT / "legislation", check=False) for args in ([], [], ["-f", "json"])]
    assert "lexgap assessment: Romania" in runs[1].stdout and runs[2].stdout.startswith("{")
    assert runs[0].stderr.strip().endswith("['jinja2']")  # the first run read the rules' files
    assert runs[1].stderr.strip().endswith("[]") and runs[2].stderr.strip().endswith("[]")
