"""Checking the jinja2 templates that come from data (rule letter texts, wording) before they are used.

Templates render in a sandbox (`letters.text_environment`), so a template that reaches for
Python's internals fails instead of running code.  This module finds the same mistakes earlier,
when the file is loaded and `validate` runs, with a located message: a template that does not
compile, and one that names an attribute starting with `_` (no letter text needs one; every escape
from a template starts there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2 import nodes

from lexgap.loading import Loaded, Path_
from lexgap.problems import Problem

_ENVIRONMENT = jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined)

#: The letter texts of a rule, by field name under `letter:`.
RULE_TEMPLATES = ("concern", "question", "missing_question")


def template_error(source: str) -> str | None:
    """What is wrong with a template, in words, or None when it compiles and stays in bounds."""
    try:
        tree = _ENVIRONMENT.parse(source)
    except jinja2.TemplateSyntaxError as error:
        where = f" (line {error.lineno} of the text)" if source.count("\n") and error.lineno else ""
        return f"not a valid template{where}: {error.message}; check each {{{{ ... }}}} and {{% ... %}}"
    for name in _private_names(tree):
        return (f"the template reaches for {name!r}; a letter text may use only the values it is given "
                "(names starting with '_' are refused)")
    return None


def _private_names(tree: nodes.Node) -> Iterator[str]:
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
            yield name


def rule_template_problems(loaded: Loaded, index: int, letter: Any) -> list[Problem]:
    """A located problem for each letter text of the rule at `rules[index]` that is not a sound template."""
    problems = []
    for part in RULE_TEMPLATES:
        message = template_error(str(getattr(letter, part)))
        if message is not None:
            path: Path_ = ("rules", index, "letter", part)
            problems.append(loaded.problem(path, f"letter.{part}: {message}"))
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
