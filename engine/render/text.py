"""A draft letter as plain text, wrapped for e-mail: layout from templates/letter/text/."""

from __future__ import annotations

from pathlib import Path

from lexgap.letters import Letter, layout_environment
from lexgap.render.shared import tidy

#: Columns of the wrapped text.
WIDTH = 88


def render_letter(letter: Letter, folder: Path | None = None, width: int = WIDTH) -> str:
    template = layout_environment(folder).get_template("text/letter.txt.j2")
    return tidy(template.render(letter=letter, width=width))
