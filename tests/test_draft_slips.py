"""`check-draft` on planted slips: each case of tests/draft_slips.py is one slip a careful reviewer would catch
in a hand-written communication, planted in a clean copy of a bundled draft.

The clean copies must check with no error and no warning (no false positive); each slip must be reported with
its kind, on its line, with a message that says what to write instead, and nothing else may be reported as an
error or a warning outside the lines of the slip.
"""

from __future__ import annotations

import pytest
from draft_slips import SLIPS, SUBJECTS, Slip, clean

from lexgap.drafts import check_draft
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.models import Jurisdiction
from lexgap.paths import resolve_subject
from lexgap.problems import Level

#: Slips check-draft does not catch yet (strict xfail: a slip caught makes its case fail until it is removed here).
NOT_YET: set[str] = set()


@pytest.fixture(scope="module")
def knowledge_base() -> Knowledge:
    loaded = load_knowledge()
    assert not loaded.problems
    return loaded


def subject(knowledge: Knowledge, name: str | None) -> Jurisdiction | None:
    if name is None:
        return None
    loaded, problems = load_subject(resolve_subject(name), knowledge)
    assert isinstance(loaded, Jurisdiction), problems
    return loaded


@pytest.mark.parametrize("base", ["rou", "oth", "usa"])
def test_clean_draft_has_no_error_and_no_warning(knowledge_base: Knowledge, base: str) -> None:
    issues = check_draft(clean(base), f"{base}.txt", knowledge_base, subject(knowledge_base, SUBJECTS[base]))
    assert [(i.line, i.kind.value, i.found) for i in issues if i.level is not Level.info] == []


@pytest.mark.parametrize("slip", [pytest.param(s, id=s.name, marks=[pytest.mark.xfail(strict=True)]
                                               if s.name in NOT_YET else []) for s in SLIPS])
def test_planted_slip_is_reported(knowledge_base: Knowledge, slip: Slip) -> None:
    text = slip.text()
    issues = check_draft(text, f"{slip.name}.txt", knowledge_base, subject(knowledge_base, slip.subject))
    line = slip.line()
    reported = [i for i in issues if i.kind.value == slip.kind and i.line == line]
    assert reported, [(i.line, i.kind.value, i.found, i.message) for i in issues]
    assert any(i.level is not Level.info for i in reported)
    assert any(slip.advice in f"{i.message} {i.expected or ''}" for i in reported), [i.message for i in reported]
    first = text.count("\n", 0, text.index(slip.new)) + 1
    lines = range(first, first + slip.new.count("\n") + 1)
    assert [(i.line, i.kind.value, i.found) for i in issues if i.level is not Level.info and i.line not in lines
            and i.line != line] == []


def test_register_leaves_passive_and_conditional_violations_alone(knowledge_base: Knowledge) -> None:
    """'where rights are breached' (lexgap's own annex paraphrase of CRC GC 5 para. 24) is no verdict."""
    text = ("Where rights are breached, reparation is due. Children whose rights were violated need remedies.\n"
            "The law violates article 34 of the Convention on the Rights of the Child.\n")
    issues = check_draft(text, "x.txt", knowledge_base)
    assert [(i.line, i.kind.value, i.found, i.expected) for i in issues] == [
        (2, "register", "violates", "may not be compatible with")]


@pytest.mark.parametrize("name", ["romania-2024.yaml", "united-states-2021.yaml", "meta-2021.yaml"])
def test_lexgaps_own_letters_check_without_error_or_warning(knowledge_base: Knowledge, name: str) -> None:
    """The letters lexgap composes are written as a careful reviewer wants them: check-draft finds nothing."""
    from lexgap import api
    from lexgap.render import render_bytes

    text = render_bytes("letter", "markdown", api.letter(name)).decode("utf-8")
    loaded = subject(knowledge_base, name) if "meta" not in name else None
    issues = check_draft(text, name, knowledge_base, loaded)
    assert [(i.line, i.kind.value, i.found, i.message) for i in issues if i.level is not Level.info] == []
