"""Renderers, one module per output format, and the one table of (command, format) -> renderer.

- `json.py`: every JSON contract (assess, compare, letter, check-draft);
- `markdown.py`, `terminal.py` (rich; also `rules`, `explain`, `vocabulary`), `text.py`, `docx.py`;
- `csv.py`: an assessment as one row per finding (its header written once for several subjects);
- `html.py`: the self-contained HTML report (one subject, or the matrix of many) and comparison;
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
    header: str | None = None  # for a table of several subjects: the function giving its header, written once

    def load(self, many: bool = False) -> Callable[..., Any]:
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: Callable[..., Any] = getattr(module, self.many if many and self.many else self.function)
        return function

    def load_header(self) -> Callable[[], str]:
        assert self.header is not None
        function: Callable[[], str] = getattr(importlib.import_module(f"{__name__}.{self.module}"), self.header)
        return function


#: The one table: every command that renders, its formats in order (the first is the default).
RENDERERS: dict[str, dict[str, Renderer]] = {
    "assess": {
        "terminal": Renderer("terminal", "render_assessment", Output.rich),
        "json": Renderer("json", "render_assessment", Output.text, many="render_line"),
        "markdown": Renderer("markdown", "render_assessment", Output.text),
        "csv": Renderer("csv", "render_rows", Output.text, header="render_header"),
        "json2": Renderer("json", "render_assessment_2", Output.text, many="render_line_2"),
    },
    "letter": {
        "markdown": Renderer("markdown", "render_letter", Output.text),
        "docx": Renderer("docx", "render_letter", Output.binary),
        "text": Renderer("text", "render_letter", Output.text),
        "json": Renderer("json", "render_letter", Output.text),
        "memo": Renderer("markdown", "render_memo", Output.text),
    },
    "check-draft": {
        "terminal": Renderer("terminal", "render_draft", Output.rich),
        "json": Renderer("json", "render_draft", Output.text),
    },
    "compare": {
        "terminal": Renderer("terminal", "render_comparisons", Output.rich),
        "json": Renderer("json", "render_comparisons", Output.text),
        "markdown": Renderer("markdown", "render_comparisons", Output.text),
        "html": Renderer("html", "render_comparisons", Output.text),
    },
    "report": {"html": Renderer("html", "render_report", Output.text)},
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


def letter_bytes(file: str, fmt: str, rules: list[str] | None = None, plan: str | None = None,
                 clauses: Any = None, reference_docx: Any = None,
                 init: bool = False, knowledge: Any = None,
                 language: str | None = None) -> tuple[bytes | None, list[Any]]:
    """`lexgap letter` short of writing: the bytes of the letter in `fmt` (or of the scaffolded plan), in
    `language` (default: the plan's, else English)."""
    from lexgap.letters import FORMATS, run_letter
    from lexgap.vocabulary import did_you_mean

    if fmt not in FORMATS:
        did = did_you_mean(fmt, list(FORMATS))
        return None, [_problem(file, f"unknown letter format {fmt!r}{did} (choose: {', '.join(FORMATS)})")]
    # a plan is scaffolded from the English letter: its fields are English, with overlays for the language
    letter, problems = run_letter(file, rules, plan, clauses, reference_docx, knowledge, "en" if init else language)
    if letter is None:
        return None, problems
    if init:
        from lexgap.knowledge import load_register
        from lexgap.plan_init import scaffold

        return scaffold(letter, load_register(), language or "en").encode("utf-8"), []
    try:
        from lexgap import words

        with words.use(letter.language if fmt != "json" else "en"):
            return render_bytes("letter", fmt, letter), []
    except Exception as error:  # python-docx raises its own types for a broken template
        if reference_docx is None:
            raise
        return None, [_problem(str(reference_docx), f"cannot use this Word template: {error}")]


def _problem(file: str, message: str) -> Any:
    from lexgap.problems import Problem

    return Problem(file, 1, 1, message)
