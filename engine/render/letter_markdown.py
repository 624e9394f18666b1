"""A draft letter in Markdown: sources as footnotes, layout from templates/letter/markdown/."""

from __future__ import annotations

import re
from pathlib import Path

from lexgap.letters import Letter, layout_environment

_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, exactly one final newline."""
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", lines).strip("\n") + "\n"


def render_letter(letter: Letter, folder: Path | None = None) -> str:
    template = layout_environment(folder).get_template("markdown/letter.md.j2")
    return tidy(template.render(letter=letter))
