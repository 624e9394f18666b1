"""The `letter` verb: from an assessment (and a letter plan) to a Special Procedures communication.

What the letter says is composed in `lexgap.compose` from data: the clause library and curation
rules (`templates/letter/clauses.en.yaml`, `curation.yaml`), the standing questions
(`templates/letter/standing-questions.yaml`), the rules' letter texts, the mandates register
(`standards/mandates/`) and the plan (`format: letter_plan`). This module reads those inputs,
runs the assessment and hands the communication to a renderer; it writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lexgap.assess import Assessment
from lexgap.communication import LetterPlan, TextWords
from lexgap.compose import Clauses, Communication, Files, compose, load_clauses, long_date
from lexgap.knowledge import Knowledge, load_register
from lexgap.loading import mark_position
from lexgap.mandates import Register
from lexgap.models import Company, Jurisdiction, Rule, overlay
from lexgap.paths import data_dir, resolve_bundled
from lexgap.problems import Problem
from lexgap.template_check import TextSandbox

__all__ = ["FORMATS", "build_letter", "long_date", "run_letter"]

#: The formats of `lexgap letter`: the letter itself in four, and the reviewer's memo.
FORMATS = ("markdown", "docx", "text", "json", "memo")


def template_dir() -> Path:
    """The folder of the letter's data: clause library, curation rules, standing questions."""
    return data_dir("templates") / "letter"


def plans_dir() -> Path:
    """The bundled letter plans (legislation/letters/)."""
    return data_dir("legislation") / "letters"


def text_environment() -> jinja2.Environment:
    """Jinja for letter texts from data: undefined names are errors, nothing is escaped, sandboxed."""
    return TextSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)


# --- the standing questions, as data ---------------------------------------------------------


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandingQuestion(_Data):
    id: str
    place: Literal["first", "last"]
    text: str = Field(min_length=1)
    #: Asked only when the letter sets out information received (acts, victims): a letter on the
    #: law alone has no "acts reported above" to ask about.
    about_reported_facts: bool = False
    fr: TextWords | None = overlay("fr")
    es: TextWords | None = overlay("es")


class StandingQuestions(_Data):
    jurisdiction: list[StandingQuestion]
    company: list[StandingQuestion]


@dataclass
class LetterTexts:
    """The standing questions of `templates/letter/`."""

    standing: StandingQuestions
    folder: Path

    def by_kind(self) -> dict[str, list[Any]]:
        return {"jurisdiction": list(self.standing.jurisdiction), "company": list(self.standing.company)}


def load_letter_texts(folder: Path | None = None) -> tuple[LetterTexts | None, list[Problem]]:
    """Read standing-questions.yaml; problems as values."""
    folder = folder or template_dir()
    path = folder / "standing-questions.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        return None, [Problem(str(path), 1, 1, f"cannot read the letter template: {error.strerror or error}")]
    except yaml.YAMLError as error:
        line, column = mark_position(getattr(error, "problem_mark", None))
        return None, [Problem(str(path), line, column, f"not valid YAML: {error}")]
    try:
        standing = StandingQuestions.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return None, [Problem(str(path), 1, 1, f"{where}: {first['msg']}")]
    return LetterTexts(standing, folder), []


# --- building and rendering -------------------------------------------------------------------


def build_letter(assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
                 rules: Mapping[str, Rule], texts: LetterTexts | None = None, plan: LetterPlan | None = None,
                 clauses: Clauses | None = None, register: Register | None = None, language: str = "en",
                 files: Files | None = None) -> Communication:
    """The communication on `subject` in `language`; problems with the data are kept on it (`.problems`), and
    each text missing in that language is one of them, located in its file."""
    from lexgap.translations import locate

    problems: list[Problem] = []
    if texts is None:
        texts, problems = load_letter_texts()
    if clauses is None:
        clauses, more = load_clauses(language=language)
        problems += more
    if register is None:
        register = load_register()
    problems += register.problems
    if texts is None or clauses is None:
        clauses = clauses or Clauses({}, {}, {})
    files = files or Files()
    if texts is not None:
        files.standing = str(texts.folder / "standing-questions.yaml")
    letter = compose(assessment, subject, knowledge, rules, plan, register, clauses,
                     texts.by_kind() if texts else {}, language, files)
    letter.problems = problems + letter.problems + locate(letter.missing)
    return letter


def load_plan(name: str, subject: Jurisdiction | Company) -> tuple[LetterPlan | None, list[Problem]]:
    """A plan by path or bundled name, checked against the subject it is for."""
    from lexgap.loading import load_file

    path = resolve_bundled(name, plans_dir())
    if not path.exists():
        known = sorted(p.stem for p in plans_dir().glob("*.yaml")) if plans_dir().is_dir() else []
        from lexgap.vocabulary import did_you_mean

        return None, [Problem(name, 1, 1, f"no such letter plan{did_you_mean(name, known)} "
                                          f"(bundled: {', '.join(known) or 'none'})")]
    model, loaded = load_file(path, "letter_plan")
    if model is None or loaded.problems:
        return None, loaded.problems
    assert isinstance(model, LetterPlan)
    if model.applies_to != subject.id:
        return None, [loaded.problem(("applies_to",), f"this plan is for {model.applies_to!r}, not for "
                                                      f"{subject.id!r}")]
    known_facts = {fact.id for fact in subject.context}
    problems = [loaded.problem(("facts", index, "fact"), f"fact {choice.fact!r} is not in {subject.id}")
                for index, choice in enumerate(model.facts) if choice.fact not in known_facts]
    problems += [loaded.problem(("allegations", index, "facts"), f"fact {fact!r} is not in {subject.id}")
                 for index, allegation in enumerate(model.allegations) for fact in allegation.facts
                 if fact not in known_facts]
    register = load_register()
    problems += [loaded.problem(("mandates", index), f"mandate {mandate!r} is not in the register "
                                                     f"(standards/mandates/: {', '.join(sorted(register.mandates))})")
                 for index, mandate in enumerate(model.mandates) if mandate not in register.mandates]
    return (None if problems else model), problems


def run_letter(file: str, rules: list[str] | None = None, plan: str | None = None, clauses: Path | None = None,
               reference_docx: Path | None = None, knowledge: Knowledge | None = None,
               language: str | None = None) -> tuple[Communication | None, list[Problem]]:
    """What `lexgap letter FILE [--plan P] [--rule ...] [--lang L]` decides, short of rendering: the letter, or
    problems. The language is `language`, else the plan's, else English."""
    from lexgap.assess import Assessor
    from lexgap.knowledge import load_knowledge, load_subject
    from lexgap.paths import resolve_subject

    if reference_docx is not None and not reference_docx.is_file():
        return None, [Problem(str(reference_docx), 1, 1, "no such Word template (--reference-docx)")]
    knowledge = knowledge or load_knowledge()
    errors = knowledge.errors()
    if errors:
        return None, errors
    unknown = knowledge.unknown_rules(rules or [])
    if unknown:
        return None, [Problem(file, 1, 1, message) for message in unknown]
    subject_path = resolve_subject(file)
    subject, problems = load_subject(subject_path, knowledge)
    if subject is None:
        return None, problems
    chosen: LetterPlan | None = None
    plan_path = "plan"
    if plan is not None:
        chosen, problems = load_plan(plan, subject)
        if chosen is None:
            return None, problems
        plan_path = str(resolve_bundled(plan, plans_dir()))
    language = language or (chosen.language if chosen is not None else "en")
    office, problems = load_clauses(clauses, language=language)
    if office is None:
        return None, problems
    register = load_register()
    if register.problems:
        return None, register.problems
    with Assessor(knowledge, rules, keep_packs=False) as assessor:  # one subject
        assessment = assessor.assess(subject)
        if assessment.engine_problems:
            return None, assessment.engine_failures(file)
        letter = build_letter(assessment, subject, knowledge, assessor.rules, plan=chosen, clauses=office,
                              register=register, language=language,
                              files=Files(subject=str(subject_path), plan=plan_path))
    if letter.problems:
        return None, letter.problems
    letter.word_template = str(reference_docx) if reference_docx is not None else None
    return letter, []
