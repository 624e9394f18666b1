"""HTML: one self-contained page (styles and scripts inline, nothing fetched) for a report or a comparison.

Templates live in `templates/report/` and render in lexgap's jinja2 sandbox with autoescaping on,
so a word from a data file can never become markup.  The page reads without JavaScript; the
script only adds the filters and sorting.  The same values give the same bytes on every run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import jinja2

from lexgap.compare import Change, Comparison
from lexgap.paths import data_dir
from lexgap.render.shared import CHANGE_TITLE, STATUS_TITLE, rows, source_text, status_text, value_text
from lexgap.report import Report
from lexgap.template_check import TemplateSandbox
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)

#: What marks an outcome besides its colour: a symbol and a word (never colour alone).
SYMBOL = {"gap": "✗", "not_assessable": "?", "met": "✓", "none": "–"}


class _StatusTitles(Mapping[str, str]):
    """The status titles of the language in use, read when a page is rendered (not when this module is imported)."""

    def __getitem__(self, key: str) -> str:
        return "No finding" if key == "none" else STATUS_TITLE[key]

    def __iter__(self) -> Iterator[str]:
        return iter([*STATUS_TITLE, "none"])

    def __len__(self) -> int:
        return len(STATUS_TITLE) + 1


TITLE: Mapping[str, str] = _StatusTitles()
VERIFIED = {"primary": "primary (verified in the official text)",
            "secondary": "secondary (not checked in the primary text)",
            "unverified": "unverified (taken as given)"}


#: How many findings a matrix cell explains in full (the rest are named; the one-subject report has them all):
#: fewer when there are many subjects, so that a report on a thousand stays small enough to open at once.
CELL_FINDINGS = 3
CELL_FINDINGS_MANY = 1
MANY = 100


@cache
def environment() -> jinja2.Environment:
    env = TemplateSandbox(loader=jinja2.FileSystemLoader(str(data_dir("templates") / "report")),
                          autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True)
    env.globals.update(symbol=SYMBOL, title=TITLE, verified_words=VERIFIED, change_title=CHANGE_TITLE,
                       status_text=status_text, value_text=value_text, source_text=source_text,
                       verified=lambda level: en.verified(level))
    return env


def _page(name: str, **values: Any) -> str:
    text = environment().get_template(name).render(**values)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def render_report(report: Report) -> str:
    """One subject: its summary, findings and questions; several: the matrix of subjects by rules."""
    if report.single:
        return _page("subject.html.j2", report=report, subject=report.subjects[0])
    shown = CELL_FINDINGS if len(report.subjects) <= MANY else CELL_FINDINGS_MANY
    return _page("matrix.html.j2", report=report, totals=report.column_totals(), shown=shown)


def render_comparisons(comparisons: list[Comparison]) -> str:
    table = rows(comparisons)
    groups = [(change, [(c, comparison) for comparison in comparisons for c in comparison.changes
                        if c.change is change]) for change in Change]
    return _page("compare.html.j2", comparisons=comparisons, rows=table, groups=groups,
                 base=comparisons[0] if comparisons else None)
