"""Checking the jinja2 templates that come from data (rule letter texts, wording) before they are used.

Templates render in a sandbox (`letters.text_environment`), so a template that reaches for
Python's internals fails instead of running code.  This module finds the same mistakes earlier,
when the file is loaded and `validate` runs, with a located message: a template that does not
compile, one that names an attribute starting with `_` (no letter text needs one; every escape
from a template starts there), and one that uses a statement beyond `{% if %}` (a loop can run for
hours) or a power.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2 import nodes
from jinja2.exceptions import SecurityError

from lexgap.loading import Loaded, Path_
from lexgap.problems import Problem

#: The longest text a template may build by repetition (`mark * 40` underlines a heading).
MAX_REPEATED = 100_000


#: How deep macros may call each other (a macro that calls itself would otherwise recurse until Python stops).
MAX_CALL_DEPTH = 50


def _refuse_loading(name: str) -> None:
    """The loader of a template given as text: `{% include %}`, `{% extends %}` and `{% import %}` find nothing."""
    return None


class TemplateSandbox(jinja2.sandbox.SandboxedEnvironment):
    """jinja2's sandbox (no attribute starting with `_`, no unsafe call), also closed to the ways a
    template from data could exhaust time or memory: no `**`, no repetition longer than
    MAX_REPEATED characters, no call deeper than MAX_CALL_DEPTH, none of jinja2's global helpers
    (`range`, `lipsum`, `cycler`...), and without a loader of its own nothing to include."""

    intercepted_binops = frozenset({"**", "*"})

    def __init__(self, **options: Any) -> None:
        options.setdefault("loader", jinja2.FunctionLoader(_refuse_loading))
        super().__init__(**options)
        for name in ("range", "lipsum", "cycler", "joiner", "namespace", "dict"):
            self.globals.pop(name, None)
        self._depth = 0

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("powers (**) are not allowed in a letter template")
        if operator == "*":
            for text, times in ((left, right), (right, left)):
                if isinstance(text, str | list | tuple) and isinstance(times, int) and len(text) * times > MAX_REPEATED:
                    raise SecurityError(f"a template may not repeat text beyond {MAX_REPEATED:,} characters")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if self._depth >= MAX_CALL_DEPTH:
            raise SecurityError(f"calls nested more than {MAX_CALL_DEPTH} deep (a macro calling itself?)")
        self._depth += 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            self._depth -= 1


class TextSandbox(TemplateSandbox):
    """The sandbox for letter texts from data (rules' letter fields, wording): besides TemplateSandbox's
    limits, a text may hold only {{ value }} and {% if %}, and no name starting with `_`, checked when
    it is compiled (a TemplateSyntaxError, as for broken syntax)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> jinja2.Template:
        """A compiled template, kept by its text: a letter fills the same wording hundreds of times."""
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            if len(self._compiled) < 4096:
                self._compiled[source] = template
        return template

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        refused = _out_of_bounds(tree)
        if refused is not None:
            message, line = refused
            raise jinja2.TemplateSyntaxError(message, line, name, filename)
        return tree


_ENVIRONMENT = TemplateSandbox(undefined=jinja2.StrictUndefined)

#: Statements a letter text never needs: loops, macros, assignments, includes (only {{ }} and {% if %}).
_STATEMENTS: tuple[type[nodes.Node], ...] = (
    nodes.For, nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.Include, nodes.Import, nodes.FromImport,
    nodes.Extends, nodes.Block, nodes.With, nodes.Assign, nodes.AssignBlock)

#: The letter texts of a rule, by field name under `letter:`.
RULE_TEMPLATES = ("concern", "question", "missing_question")


def template_error(source: str) -> str | None:
    """What is wrong with a template, in words, or None when it compiles and stays in bounds."""
    try:
        tree = _ENVIRONMENT.parse(source)
    except jinja2.TemplateSyntaxError as error:
        where = f" (line {error.lineno} of the text)" if source.count("\n") and error.lineno else ""
        return f"not a valid template{where}: {error.message}; check each {{{{ ... }}}} and {{% ... %}}"
    refused = _out_of_bounds(tree)
    return refused[0] if refused is not None else None


def _out_of_bounds(tree: nodes.Template) -> tuple[str, int] | None:
    """Why a parsed letter text goes beyond what a letter text may do, and on which of its lines."""
    for name, line in _private_names(tree):
        return (f"the template reaches for {name!r}; a letter text may use only the values it is given "
                "(names starting with '_' are refused)", line)
    for statement in tree.find_all(_STATEMENTS):
        word = type(statement).__name__.lower()
        word = {"assign": "set", "assignblock": "set", "callblock": "call", "filterblock": "filter",
                "fromimport": "from"}.get(word, word)
        return (f"a letter text may use {{{{ value }}}} and {{% if %}} only, not {{% {word} %}} "
                f"(line {statement.lineno} of the text)", statement.lineno)
    for power in tree.find_all(nodes.Pow):
        return "a letter text may not compute powers (**)", power.lineno
    return None


def _private_names(tree: nodes.Node) -> Iterator[tuple[str, int]]:
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        name: Any
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem):
            name = node.arg.value if isinstance(node.arg, nodes.Const) else None
        elif isinstance(node, nodes.Name):
            name = node.name
        else:
            name = None
        if isinstance(name, str) and name.startswith("_"):
            yield name, node.lineno


def rule_template_problems(loaded: Loaded, index: int, letter: Any, language: str | None = None) -> list[Problem]:
    """A located problem for each letter text of the rule at `rules[index]` that is not a sound template
    (with `language`: the texts of its `fr:` or `es:` overlay)."""
    problems = []
    for part in RULE_TEMPLATES:
        text = getattr(letter, part, None)
        if text is None:
            continue
        message = template_error(str(text))
        if message is not None:
            path: Path_ = ("rules", index, *((language,) if language else ()), "letter", part)
            label = f"{language}.letter.{part}" if language else f"letter.{part}"
            problems.append(loaded.problem(path, f"{label}: {message}"))
    return problems


def data_template_problems(loaded: Loaded) -> list[Problem]:
    """A located problem for each string of a loaded file (wording, standing questions) that is not a sound
    template."""
    problems = []
    stack: list[tuple[Path_, Any]] = [((), loaded.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*path, position), item) for position, item in enumerate(value)]
        elif isinstance(value, str):
            message = template_error(value)
            if message is not None:
                label = ".".join(str(part) for part in path)
                problems.append(loaded.problem(path, f"{label}: {message}"))
    return sorted(problems)
