"""What the output formats share: the words of a status or a change, the side-by-side rows of a
comparison, a value or a source in words, and tidy text.  No layout here: that is each format's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lexgap.assess import Finding
from lexgap.compare import CHANGE_ORDER, PROVISION_FIELD, Change, Comparison, FindingChange
from lexgap.models import Source
from lexgap.vocabulary import SEVERITY_ORDER, Outcome, Severity
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)

if TYPE_CHECKING:  # only named in annotations: the terminal report need not import the letters' composer (jinja2)
    from lexgap.compose import Communication


class _Titles(Mapping[str, str]):
    """A title table of the words of the language in use, read when used (not when imported)."""

    def __init__(self, name: str):
        self.name = name

    def __getitem__(self, key: str) -> str:
        return str(getattr(en, self.name)[key])

    def __iter__(self) -> Iterator[str]:
        return iter(getattr(en, self.name))

    def __len__(self) -> int:
        return len(getattr(en, self.name))


STATUS_TITLE: Mapping[str, str] = _Titles("STATUS_TITLE")
CHANGE_TITLE: Mapping[str, str] = _Titles("CHANGE_TITLE")


def group_name(finding: Finding) -> str:
    """Findings are grouped by the law or bill they concern; absences under the whole law."""
    if finding.provisions and finding.rule_kind == "provision":
        return finding.provisions[0].law_title
    if finding.rule_kind == "company":
        return en.COMPANY_PRACTICE
    return en.LAW_AS_A_WHOLE


@dataclass(frozen=True)
class Row:
    """One finding key across BASE and every OTHER (None where an OTHER has nothing for it)."""

    rule: str
    label: str
    severity: Severity
    provision: str | None
    before: Outcome | None
    cells: list[FindingChange | None]

    def shown(self) -> bool:
        changed = any(c is not None and c.change is not Change.unchanged for c in self.cells)
        return changed or self.before is not Outcome.met


def rows(comparisons: list[Comparison]) -> list[Row]:
    """The side-by-side rows, most significant change first (as in `compare`), then by severity and id."""
    by_key: dict[str, list[FindingChange | None]] = {}
    first: dict[str, FindingChange] = {}
    for index, comparison in enumerate(comparisons):
        for change in comparison.changes:
            by_key.setdefault(change.key, [None] * len(comparisons))[index] = change
            first.setdefault(change.key, change)
    result = []
    for key, cells in by_key.items():
        sample = first[key]
        before = next((c.before for c in cells if c is not None), None)
        result.append(Row(sample.rule, sample.label, sample.severity, sample.provision, before, cells))

    def order(row: Row) -> tuple[Any, ...]:
        best = min(CHANGE_ORDER[c.change] for c in row.cells if c is not None)
        return (best, SEVERITY_ORDER[row.severity], row.provision is None, row.provision or "", row.rule)

    return sorted(result, key=order)


def status_text(status: Outcome | None) -> str:
    return STATUS_TITLE[status] if status is not None else en.NO_FINDING


def value_text(field: str, value: Any) -> str:
    """A field value in words: None is 'not known', or 'absent' for a whole provision."""
    if value is None:
        return en.ABSENT if field == PROVISION_FIELD else en.NOT_KNOWN
    if isinstance(value, bool):
        return en.YES if value else en.NO
    if isinstance(value, list):
        return ", ".join(value_text(field, v) for v in value) if value else en.NONE_LISTED
    if isinstance(value, dict):
        if "any_of" in value:
            return en.OR.join(f"({value_text(field, v)})" for v in value["any_of"])
        return "; ".join(f"{k}: {value_text(field, v)}" for k, v in value.items())
    return str(value)


def source_text(source: Source) -> str:
    """A source in one line: document, pinpoint (verified or not)."""
    parts = [source.document]
    if source.pinpoint:
        parts.append(source.pinpoint)
    text = ", ".join(parts)
    return f"{text} ({en.verified(source.verified)})"


_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, exactly one final newline."""
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", lines).strip("\n") + "\n"


# --- letter -------------------------------------------------------------------------------


def letter_blocks(letter: Communication) -> list[tuple[str, str]]:
    """A communication as (kind, text) blocks in reading order, for the text formats: bold, lines (kept
    line by line), para, question, rule (before the annex), heading, subheading."""
    blocks: list[tuple[str, str]] = [("bold", letter.mandates_block),
                                     ("lines", f"{letter.reference_label}\n{letter.reference}"),
                                     ("para", letter.date), ("para", letter.salutation)]
    blocks += [("para", p.text) for p in letter.opening]
    if letter.information:
        blocks.append(("para", letter.information_lead))
        blocks += [("para", p.text) for p in letter.information]
    blocks.append(("para", letter.not_prejudged))
    blocks += [("para", p.text) for p in letter.concerns_on_facts]
    if letter.concerns_on_law_lead:
        blocks.append(("para", letter.concerns_on_law_lead))
    blocks += [("para", p.text) for p in letter.concerns_on_law]
    blocks.append(("para", letter.annex_pointer))
    blocks.append(("para", letter.questions_lead))
    blocks += [("question", f"{q.number}. {q.text}") for q in letter.questions]
    for text in (letter.reply, letter.interim_measures, letter.copies, letter.courtesy_closing):
        if text:
            blocks.append(("para", text))
    blocks += [("lines", f"{s.name}\n{s.line}") for s in letter.signatures]
    blocks.append(("rule", ""))
    blocks.append(("heading", letter.annex_heading))
    blocks.append(("subheading", letter.annex_title))
    blocks.append(("para", letter.annex_lead))
    for item in letter.annex:
        blocks.append(("para", item.text))
        blocks += [("para", passage) for passage in item.passages]
    return [(kind, text) for kind, text in blocks if text or kind == "rule"]
