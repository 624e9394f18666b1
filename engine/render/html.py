"""HTML: one self-contained page (styles and scripts inline, nothing fetched) for a report or a comparison.

Templates live in `templates/report/` and render in lexgap's jinja2 sandbox with autoescaping on,
so a word from a data file can never become markup.  The page reads without JavaScript; the
script only adds the filters and sorting.  The same values give the same bytes on every run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from lexgap.compare import Change, Comparison
from lexgap.paths import data_dir
from lexgap.render.shared import CHANGE_TITLE, STATUS_TITLE, rows, source_text, status_text, value_text
from lexgap.report import Cell, FindingView, Report
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
#: A matrix cell's class: one or two letters, so that a thousand subjects by forty rules stay small.
SHORT = {"gap": "g", "not_assessable": "n", "met": "m", "none": "o", "introduced": "ci", "closed": "cc"}
VERIFIED = {"primary": "primary (verified in the official text)",
            "secondary": "secondary (not checked in the primary text)",
            "unverified": "unverified (taken as given)"}


#: How many findings a matrix cell explains in full (the rest are named; the one-subject report has them all):
#: fewer when there are many subjects, so that a report on a thousand stays small enough to open at once.
CELL_FINDINGS = 3
CELL_FINDINGS_MANY = 1
#: Up to this many subjects, every cell's explanation is written in the page (it reads without JavaScript);
#: beyond it, the explanations are one JSON value the script reads when a cell is opened, each text once.
MANY = 100
#: The matrix is written as tables of this many rows, each laid out only when it scrolls into view
#: (`content-visibility`), with fixed column widths (rem) so that they line up as one.
CHUNK = 100
WIDTH_SUBJECT, WIDTH_RULE, WIDTH_TOTAL = 14, 7.5, 4.5


@cache
def environment() -> jinja2.Environment:
    env = TemplateSandbox(loader=jinja2.FileSystemLoader(str(data_dir("templates") / "report")),
                          autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True)
    env.globals.update(symbol=SYMBOL, title=TITLE, verified_words=VERIFIED, change_title=CHANGE_TITLE,
                       status_text=status_text, value_text=value_text, source_text=source_text,
                       verified=lambda level: en.verified(level), short=SHORT)
    return env


def _page(name: str, **values: Any) -> str:
    text = environment().get_template(name).render(**values)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def render_report(report: Report) -> str:
    """One subject: its summary, findings and questions; several: the matrix of subjects by rules."""
    if report.single:
        return _page("subject.html.j2", report=report, subject=report.subjects[0])
    layout = {"chunk": CHUNK, "width": f"{WIDTH_SUBJECT + WIDTH_RULE * len(report.rules) + 3 * WIDTH_TOTAL:g}"}
    if len(report.subjects) <= MANY:
        return _page("matrix.html.j2", report=report, totals=report.column_totals(), shown=CELL_FINDINGS, data=None,
                     **layout)
    return _page("matrix.html.j2", report=report, totals=report.column_totals(), shown=CELL_FINDINGS_MANY,
                 data=cell_data(report, CELL_FINDINGS_MANY), **layout)


class _Strings:
    """Every text of the cells' data once: a value refers to a text by its place in the table."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def pieces(self, text: str) -> list[int]:
        """A long text as its sentences (joined again by '. '): the same sentence recurs across findings."""
        return [self(piece) for piece in text.split(". ")]


def _where(finding: FindingView) -> str:
    return finding.provisions[0].id if finding.provisions else "the law as a whole"


def _cell(cell: Cell, strings: _Strings, bases: dict[str, int], shown: int) -> list[Any]:
    """[count, decisive, basis, findings, named, introduced, closed]: what the page says when a cell opens.

    findings: the first `shown` decisive findings in full (none for a met cell), each
    [provisions, reason sentences, not known, new] and a provision [id, title, law, status, url or -1];
    named: the ids of the decisive findings not in full (a met cell: the first `shown`)."""
    decisive = cell.findings
    met = cell.status == "met"
    full = [] if met else [
        [[[strings(p.id), strings(p.title), strings(p.law_title), strings(p.status.replace("_", " ")),
           strings(p.url) if p.url else -1] for p in f.provisions],
         strings.pieces(f.reason), [strings(m) for m in f.missing], 1 if f.key in cell.introduced else 0]
        for f in decisive[:shown]]
    named = [strings(_where(f)) for f in (decisive[:shown] if met else decisive[shown:])]
    basis = -1
    if decisive and decisive[0].basis:
        key = json.dumps([[b.instrument, b.pinpoint, b.verified, b.url] for b in decisive[0].basis])
        basis = bases.setdefault(key, len(bases))
    return [cell.count, len(decisive), basis, full, named, [strings(k) for k in cell.introduced],
            [strings(k) for k in cell.closed]]


def cell_data(report: Report, shown: int) -> Markup:
    """The explanations of a large matrix as one JSON value for the page's script: texts once each (`t`),
    bases once each (`b`: [instrument and pinpoint, verification, url or -1]), and per row the cells in
    column order (`c`: 0 where the rule found nothing).  Escaped for a script element: no '<', '>' or '&'."""
    strings = _Strings()
    bases: dict[str, int] = {}
    rows = [[_cell(s.cells[r.id], strings, bases, shown) if r.id in s.cells else 0 for r in report.rules]
            for s in report.subjects]
    basis_rows = [[[strings(f"{i} {p}"), strings(v), strings(u) if u else -1] for i, p, v, u in json.loads(key)]
                  for key in bases]
    value = {"t": list(strings.index), "b": basis_rows, "c": rows}
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def render_comparisons(comparisons: list[Comparison]) -> str:
    table = rows(comparisons)
    groups = [(change, [(c, comparison) for comparison in comparisons for c in comparison.changes
                        if c.change is change]) for change in Change]
    return _page("compare.html.j2", comparisons=comparisons, rows=table, groups=groups,
                 base=comparisons[0] if comparisons else None)
