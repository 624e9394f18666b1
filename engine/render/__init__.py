"""Renderers, one module per output format, and the one table of (command, format) -> renderer.

- `json.py`: every JSON contract (assess, compare, letter, check-draft);
- `markdown.py`, `terminal.py` (rich; also `rules`, `explain`, `vocabulary`), `text.py`, `docx.py`;
- `shared.py`: what the formats share (status and change words, comparison rows, tidy text).

The engine returns values (an assessment, comparisons, a letter, draft issues); the CLI looks up
the renderer here and writes what it returns.  A command's formats are the keys of its entry, in
the order `--help` lists them, the first being the default.  Renderer modules are imported only
when used (rich and python-docx cost start-up time), and no engine module imports them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Output(StrEnum):
    """What a renderer returns, which decides how the CLI writes it."""

    text = "text"  # a str, written as is
    rich = "rich"  # a rich renderable, printed on the console
    binary = "binary"  # bytes, written only to a file (--output)


@dataclass(frozen=True)
class Renderer:
    """A render function named by module and name, so that the table costs no import."""

    module: str
    function: str
    output: Output
    many: str | None = None  # the function for several subjects at once (JSON Lines), if it differs

    def load(self, many: bool = False) -> Callable[..., Any]:
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: Callable[..., Any] = getattr(module, self.many if many and self.many else self.function)
        return function


#: The one table: every command that renders, its formats in order (the first is the default).
RENDERERS: dict[str, dict[str, Renderer]] = {
    "assess": {
        "terminal": Renderer("terminal", "render_assessment", Output.rich),
        "json": Renderer("json", "render_assessment", Output.text, many="render_line"),
        "markdown": Renderer("markdown", "render_assessment", Output.text),
    },
    "letter": {
        "markdown": Renderer("markdown", "render_letter", Output.text),
        "docx": Renderer("docx", "render_letter", Output.binary),
        "text": Renderer("text", "render_letter", Output.text),
        "json": Renderer("json", "render_letter", Output.text),
    },
    "check-draft": {
        "terminal": Renderer("terminal", "render_draft", Output.rich),
        "json": Renderer("json", "render_draft", Output.text),
    },
    "compare": {
        "terminal": Renderer("terminal", "render_comparisons", Output.rich),
        "json": Renderer("json", "render_comparisons", Output.text),
        "markdown": Renderer("markdown", "render_comparisons", Output.text),
    },
    "rules": {"terminal": Renderer("terminal", "render_rules", Output.rich)},
    "explain": {"terminal": Renderer("terminal", "render_explain", Output.text)},
    "vocabulary": {"terminal": Renderer("terminal", "render_vocabulary", Output.text)},
}


def formats(command: str) -> list[str]:
    """The formats of a command, in order; the first is its default."""
    return list(RENDERERS[command])


def renderer(command: str, fmt: str) -> Renderer:
    return RENDERERS[command][fmt]


def render_bytes(command: str, fmt: str, *values: Any) -> bytes:
    """A text or binary rendering as the bytes to write (UTF-8 for text)."""
    entry = renderer(command, fmt)
    if entry.output is Output.rich:
        raise ValueError(f"{command} --format {fmt} renders for a console, not to bytes")
    result = entry.load()(*values)
    return result if isinstance(result, bytes) else str(result).encode("utf-8")
