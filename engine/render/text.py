"""A communication as plain text, wrapped for e-mail: no bold, footnote marks as [1] and the notes at
the end, paragraphs wrapped at 88 columns. The blocks and their order are those of Markdown
(`render.shared.letter_blocks`)."""

from __future__ import annotations

import re
import textwrap

from lexgap.compose import Communication
from lexgap.render.shared import letter_blocks

#: Columns of the wrapped text.
WIDTH = 88
_FOOTNOTE = re.compile(r"\[\^(\d+)\]")


def _plain(text: str) -> str:
    return _FOOTNOTE.sub(lambda m: f"[{m.group(1)}]", text.replace("**", ""))


def _fill(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def render_letter(letter: Communication, width: int = WIDTH) -> str:
    out: list[str] = []
    for kind, text in letter_blocks(letter):
        text = _plain(text)
        if kind == "lines":
            out.append("\n".join(_fill(line, width) for line in text.split("\n")))
        elif kind in ("heading", "subheading"):
            out.append(_fill(text, width))
        elif kind == "rule":
            out.append("-" * 20)
        elif kind == "question":
            out.append(_fill(text, width, "    "))
        else:
            out.append(_fill(text, width))
    if letter.footnotes:
        out.append("\n".join(_fill(f"[{n}] {text}", width, "    ") for n, text in enumerate(letter.footnotes, 1)))
    return "\n\n".join(out) + "\n"
