"""The `letter` verb: turn an assessment into the parts of a draft communication.

Every part is generated from data: the subject line and context facts of the file,
the rules' `letter` templates filled from each finding, the standing questions and
the wording in `templates/letter/`, and the ratifications of the jurisdiction.
Each statement keeps the finding keys and numbered sources behind it, so that an
officer can check where every sentence comes from.  Rendering is elsewhere
(`render/`, one module per format); this module decides what the letter says, never its layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lexgap import ids
from lexgap.assess import STATUS_WORDS, Assessment, Finding
from lexgap.knowledge import Knowledge
from lexgap.loading import mark_position
from lexgap.models import Company, Instrument, Jurisdiction, Ratification, Rule, Source
from lexgap.paths import data_dir
from lexgap.problems import Problem
from lexgap.template_check import TemplateSandbox, TextSandbox
from lexgap.vocabulary import BINDING_KINDS, Outcome, Status, Verification, plain

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def template_dir() -> Path:
    """The folder of the letter templates: wording, standing questions and one folder per format."""
    return data_dir("templates") / "letter"


# --- the letter ------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceEntry:
    """One numbered source of the Sources section."""

    number: int
    document: str
    pinpoint: str | None
    url: str | None
    consulted: str
    verified: Verification
    note: str | None
    text: str


@dataclass
class Statement:
    """A paragraph of the letter, with the findings and the numbered sources behind it."""

    text: str
    findings: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    context: list[str] = field(default_factory=list)


@dataclass
class ConcernGroup:
    """The concerns on one law or bill (or on the law as a whole, or a company's practice)."""

    heading: str
    law: str | None
    paragraphs: list[Statement]


@dataclass
class Question:
    number: int
    text: str
    origin: Literal["gap", "not_assessable", "standing"]
    findings: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    standing: str | None = None


@dataclass
class AnnexPinpoint:
    ref: str
    pinpoint: str
    text: str
    verified: Verification
    findings: list[str]
    sources: list[int]


@dataclass
class AnnexEntry:
    """One instrument of the annex: what it is, how the State is bound, the passages used."""

    instrument: str
    title: str
    binding: bool
    text: str
    ratification: dict[str, Any] | None
    pinpoints: list[AnnexPinpoint]
    findings: list[str]
    sources: list[int]
    note: str | None = None


@dataclass
class Letter:
    subject_id: str
    subject_kind: str
    subject_name: str
    as_of: str
    headings: dict[str, str]
    draft_note: str
    subject_line: Statement
    salutation: str
    opening: str
    information_lead: str
    information: list[Statement]
    concerns_lead: str
    concerns: list[ConcernGroup]
    questions_lead: str
    questions: list[Question]
    closing: str
    annex_lead: str
    annex: list[AnnexEntry]
    sources: list[SourceEntry]
    problems: list[Problem] = field(default_factory=list)


# --- the templates, as data --------------------------------------------------------------


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandingQuestion(_Data):
    id: str
    place: Literal["first", "last"]
    text: str = Field(min_length=1)
    #: Asked only when the letter sets out information received (acts, victims): a letter on the
    #: law alone has no "acts reported above" to ask about.
    about_reported_facts: bool = False


class StandingQuestions(_Data):
    jurisdiction: list[StandingQuestion]
    company: list[StandingQuestion]


@dataclass
class LetterTexts:
    """The wording and standing questions of `templates/letter/`, ready to fill."""

    wording: dict[str, dict[str, Any]]
    standing: StandingQuestions
    folder: Path
    environment: jinja2.Environment = field(default_factory=lambda: text_environment())

    def raw(self, kind: str, key: str) -> Any:
        for section in (kind, "common"):
            if key in self.wording.get(section, {}):
                return self.wording[section][key]
        raise KeyError(f"{self.folder / 'wording.yaml'}: no entry {key!r} for {kind} or common")


def text_environment() -> jinja2.Environment:
    """Jinja for plain text: undefined variables are errors, nothing is escaped; sandboxed (templates are data)."""
    return TextSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)


def load_letter_texts(folder: Path | None = None) -> tuple[LetterTexts | None, list[Problem]]:
    """Read wording.yaml and standing-questions.yaml; problems as values."""
    folder = folder or template_dir()
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    for name in ("wording.yaml", "standing-questions.yaml"):
        path = folder / name
        try:
            data[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as error:
            problems.append(Problem(str(path), 1, 1, f"cannot read the letter template: {error.strerror or error}"))
        except yaml.YAMLError as error:
            line, column = mark_position(getattr(error, "problem_mark", None))
            problems.append(Problem(str(path), line, column, f"not valid YAML: {error}"))
    if problems:
        return None, problems
    wording = data["wording.yaml"]
    if not isinstance(wording, dict) or not all(isinstance(v, dict) for v in wording.values()):
        return None, [Problem(str(folder / "wording.yaml"), 1, 1,
                              "write sections (common, jurisdiction, company), each a mapping of entries")]
    try:
        standing = StandingQuestions.model_validate(data["standing-questions.yaml"])
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return None, [Problem(str(folder / "standing-questions.yaml"), 1, 1, f"{where}: {first['msg']}")]
    return LetterTexts(wording, standing, folder), []


# --- building ------------------------------------------------------------------------------


class _Builder:
    def __init__(self, assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
                 rules: Mapping[str, Rule], texts: LetterTexts):
        self.assessment = assessment
        self.subject = subject
        self.knowledge = knowledge
        self.rules = rules
        self.texts = texts
        self.kind = assessment.subject_kind
        self.problems: list[Problem] = []
        self.sources: list[SourceEntry] = []
        self._source_numbers: dict[tuple[Any, ...], int] = {}
        #: information received (acts, victims) to write about; without it the letter is on the law alone
        self.reported = bool(subject.context)
        self.base = {"subject": subject.name, "subject_kind": self.kind,
                     "subject_line": subject.subject or "", "as_of": assessment.as_of, "reported": self.reported}

    # wording ---------------------------------------------------------------------------

    def say(self, key: str, **values: Any) -> str:
        template = self.texts.raw(self.kind, key)
        return self.fill(str(template), f"wording.yaml: {key}", self.texts.folder / "wording.yaml", **values)

    def fill(self, template: str, what: str, where: Path, fallback: str = "", **values: Any) -> str:
        try:
            text = self.texts.environment.from_string(template).render(**{**self.base, **values})
        except jinja2.TemplateError as error:
            self.problems.append(Problem(str(where), getattr(error, "lineno", None) or 1, 1,
                                         f"{what}: {error}"))
            return fallback
        return " ".join(text.split())

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.texts.raw(self.kind, 'list_and')} " + items[-1]

    # sources ---------------------------------------------------------------------------

    def cite(self, sources: Iterable[Source]) -> list[int]:
        numbers: list[int] = []
        for source in sources:
            key = (source.document, source.pinpoint, source.url, source.consulted, source.verified, source.note)
            number = self._source_numbers.get(key)
            if number is None:
                number = len(self.sources) + 1
                self._source_numbers[key] = number
                text = self.say("source", document=source.document, pinpoint=source.pinpoint, url=source.url,
                                consulted=source.consulted.isoformat(), verified=source.verified,
                                note=source.note)
                self.sources.append(SourceEntry(number, source.document, source.pinpoint, source.url,
                                                source.consulted.isoformat(), source.verified, source.note, text))
            if number not in numbers:
                numbers.append(number)
        return numbers

    def finding_sources(self, finding: Finding) -> list[Source]:
        """The facts behind a finding: the provisions or practices it reads, then its standards."""
        found: list[Source] = []
        if isinstance(self.subject, Jurisdiction):
            provisions = {p.id: p for p in self.subject.provisions}
            for ref in [*finding.provisions, *finding.related]:
                if ref.id in provisions:
                    found += provisions[ref.id].sources
        else:
            rule = self.rules.get(finding.rule)
            for name in sorted((rule.gap_when or {}) if rule else {}):
                practice = self.subject.practices.get(name)
                if practice is not None:
                    found += practice.sources
        for basis in finding.basis:
            standard = self.knowledge.standard(basis.ref)
            if standard is not None:
                found.append(standard[1].source)
        return found

    # citations -------------------------------------------------------------------------

    def basis_phrase(self, finding: Finding) -> str:
        """'the Palermo Protocol arts 3(a) and 5(1) and CETS No. 197 art. 18', in the rule's order."""
        whole = str(self.texts.raw(self.kind, "whole_document"))
        by_instrument: dict[str, list[str]] = {}
        for basis in finding.basis:
            pinpoints = by_instrument.setdefault(basis.instrument, [])
            if not basis.pinpoint.startswith(whole) and basis.pinpoint not in pinpoints:
                pinpoints.append(basis.pinpoint)
        article_words = set(self.texts.raw(self.kind, "article_before"))
        parts = []
        for title, pinpoints in by_instrument.items():
            name = f"the {title}" if title.split()[-1] in article_words else title
            parts.append(f"{name} {self.pinpoints(pinpoints)}".strip())
        return self.join(parts)

    def pinpoints(self, pinpoints: list[str]) -> str:
        if len(pinpoints) <= 1:
            return "".join(pinpoints)
        unit = pinpoints[0].split(" ", 1)[0]
        plurals: dict[str, str] = self.texts.raw(self.kind, "plurals")
        if unit in plurals and all(p.split(" ", 1)[0] == unit and " " in p for p in pinpoints):
            return f"{plurals[unit]} " + self.join([p.split(" ", 1)[1] for p in pinpoints])
        return self.join(pinpoints)

    def conduct_phrase(self, finding: Finding) -> str:
        """Plain meanings, sharing their prefix: 'trafficking (recruitment, transfer and harbouring)'."""
        grouped: dict[str, list[str]] = {}
        for word in finding.conduct:
            said = plain(word)
            head, sep, tail = said.partition(": ")
            grouped.setdefault(head if sep else said, []).extend([tail] if sep else [])
        return self.join([f"{head} ({self.join(tails)})" if tails else head for head, tails in grouped.items()])

    def rule_values(self, finding: Finding) -> dict[str, Any]:
        values: dict[str, Any] = {"basis": self.basis_phrase(finding)}
        if finding.provisions:
            values["provision"] = self.join([p.title for p in finding.provisions])
            values["law"] = self.join(list(dict.fromkeys(p.law_title for p in finding.provisions)))
            values["status"] = self.join(list(dict.fromkeys(STATUS_WORDS[Status(p.status)]
                                                            for p in finding.provisions)))
        if finding.conduct:
            values["conduct"] = self.conduct_phrase(finding)
        values["caveat"] = finding.caveat or ""
        values["legal_system"] = finding.legal_system or ""
        if finding.rule_kind == "absence" and finding.legal_system:
            # an absence under federal law is not one in the country's law as a whole
            values["subject"] = f"{self.base['subject']} (under {finding.legal_system})"
        return values

    def rule_text(self, finding: Finding, part: Literal["concern", "question", "missing_question"]) -> str:
        rule = self.rules.get(finding.rule)
        if rule is None:
            self.problems.append(Problem(str(data_dir("rules")), 1, 1,
                                         f"finding {finding.key} names rule {finding.rule!r}, which is not loaded"))
            return finding.explanation
        template = getattr(rule.letter, part)
        return self.fill(template, f"rule {rule.id}, letter.{part}", data_dir("rules"),
                         fallback=finding.explanation, **self.rule_values(finding))

    # parts -------------------------------------------------------------------------------

    def information(self) -> list[Statement]:
        return [Statement(" ".join(fact.text.split()), sources=self.cite(fact.sources), context=[fact.id])
                for fact in self.subject.context]

    def concerns(self, gaps: list[Finding]) -> list[ConcernGroup]:
        groups: dict[str, ConcernGroup] = {}
        for finding in gaps:
            if finding.rule_kind == "company":
                key, heading, law = "company", self.say("group_company"), None
            elif finding.rule_kind == "absence" or not finding.provisions:
                key, heading, law = "whole", self.say("group_whole_law", legal_system=finding.legal_system), None
            else:
                first = finding.provisions[0]
                key, law = first.law, first.law
                heading = self.say("group_law", law=first.law_title, status=STATUS_WORDS[Status(first.status)])
            group = groups.setdefault(key, ConcernGroup(heading, law, []))
            group.paragraphs.append(Statement(self.rule_text(finding, "concern"), [finding.key],
                                              self.cite(self.finding_sources(finding))))
        return list(groups.values())

    def questions(self, gaps: list[Finding], unknown: list[Finding]) -> list[Question]:
        standing = getattr(self.texts.standing, self.kind)
        where = self.texts.folder / "standing-questions.yaml"
        drafts: list[Question] = []

        def standing_questions(place: str) -> list[Question]:
            return [Question(0, self.fill(q.text, f"standing question {q.id}", where), "standing", standing=q.id)
                    for q in standing if q.place == place and (self.reported or not q.about_reported_facts)]

        drafts += standing_questions("first")
        for finding in gaps:
            drafts.append(Question(0, self.rule_text(finding, "question"), "gap", [finding.key],
                                   self.cite(self.finding_sources(finding))))
        for finding in unknown:
            drafts.append(Question(0, self.rule_text(finding, "missing_question"), "not_assessable", [finding.key],
                                   self.cite(self.finding_sources(finding))))
        drafts += standing_questions("last")
        merged: dict[str, Question] = {}
        for question in drafts:
            if not question.text:
                continue
            same = merged.get(question.text)
            if same is None:
                merged[question.text] = question
                continue
            same.findings += [k for k in question.findings if k not in same.findings]
            same.sources += [n for n in question.sources if n not in same.sources]
        result = list(merged.values())
        for number, question in enumerate(result, start=1):
            question.number = number
        return result

    def annex(self, findings: list[Finding]) -> list[AnnexEntry]:
        used: dict[str, dict[str, list[str]]] = {}  # instrument id -> basis ref -> finding keys
        for finding in findings:
            for basis in finding.basis:
                instrument_id = ids.split_basis_ref(basis.ref)[0]
                keys = used.setdefault(instrument_id, {}).setdefault(basis.ref, [])
                if finding.key not in keys:
                    keys.append(finding.key)
        ratifications = {r.instrument: r for r in self.subject.ratifications} \
            if isinstance(self.subject, Jurisdiction) else {}
        order = []
        for instrument_id in set(used) | set(ratifications):
            instrument = self.knowledge.instruments.get(instrument_id)
            if instrument is not None:
                order.append((self.annex_order(instrument, ratifications.get(instrument_id)), instrument))
        # built in their final order, so that source numbers follow the order of reading
        return [self.annex_entry(instrument, used.get(instrument.id, {}), ratifications.get(instrument.id))
                for _, instrument in sorted(order, key=lambda pair: pair[0])]

    @staticmethod
    def annex_order(instrument: Instrument, ratification: Ratification | None) -> tuple[Any, ...]:
        """Treaties by the date the State became bound (a bare year after dated ones), then soft law by date."""
        if instrument.kind in BINDING_KINDS:
            if ratification is not None:
                year = ratification.date.year if ratification.date else ratification.year
                return (0, 0, year, _iso(ratification.date), instrument.id)
            return (0, 1, 0, _iso(instrument.adopted or instrument.issued), instrument.id)
        return (1, 0, 0, _iso(instrument.adopted or instrument.issued), instrument.id)

    def annex_entry(self, instrument: Instrument, refs: dict[str, list[str]],
                    ratification: Ratification | None) -> AnnexEntry:
        binding = instrument.kind in BINDING_KINDS
        title = self.say("annex_title", title=instrument.title, short_title=instrument.short_title,
                         symbol=instrument.symbol)
        sources: list[int] = []
        status: dict[str, Any] | None = None
        if binding and ratification is not None:
            when = (self.say("on_date", date=long_date(ratification.date)) if ratification.date
                    else self.say("in_year", year=ratification.year))
            date_sources = [s for s in ratification.sources if not s.covers or {"date", "year"} & set(s.covers)]
            verified = any(s.verified for s in date_sources)
            phrase = self.fill(str(self.texts.raw(self.kind, "ratified")[ratification.action]),
                               f"wording.yaml: ratified.{ratification.action}", self.texts.folder / "wording.yaml",
                               when=when, date=long_date(ratification.date) or str(ratification.year))
            if not verified:
                phrase += f" ({self.say('date_unverified')})"
            sources = self.cite(date_sources)
            status = {"action": ratification.action,
                      "date": ratification.date.isoformat() if ratification.date else None,
                      "year": ratification.date.year if ratification.date else ratification.year,
                      "verified": verified, "text": phrase, "sources": sources}
        elif binding and self.kind == "jurisdiction":
            phrase = self.say("no_ratification")
        elif binding:
            phrase = self.say("treaty_for_company")
        else:
            kinds: dict[str, str] = self.texts.raw(self.kind, "kinds")
            date = instrument.adopted or instrument.issued
            phrase = self.say("soft_law", kind=kinds.get(instrument.kind.value, ""), issuer=instrument.issuer,
                              title=instrument.title,
                              when=long_date(date) if date else None)
        pinpoints: list[AnnexPinpoint] = []
        order = {p.id: index for index, p in enumerate(instrument.provisions)}
        whole = str(self.texts.raw(self.kind, "whole_document"))
        for ref in sorted(refs, key=lambda r: order.get(ids.split_basis_ref(r)[1], len(order))):
            standard = self.knowledge.standard(ref)
            if standard is None:
                continue
            provision = standard[1]
            key = "whole_pinpoint" if provision.pinpoint.startswith(whole) else "pinpoint"
            text = self.say(key, pinpoint=provision.pinpoint, paraphrase=provision.paraphrase.rstrip("."),
                            verified=provision.source.verified)
            pinpoints.append(AnnexPinpoint(ref, provision.pinpoint, text, provision.source.verified, refs[ref],
                                           self.cite([provision.source])))
        findings = list(dict.fromkeys(k for keys in refs.values() for k in keys))
        note = self.say("no_pinpoints") if not pinpoints else None
        text = f"{phrase[:1].upper()}{phrase[1:]}." if phrase else ""
        return AnnexEntry(instrument.id, title, binding, text, status, pinpoints, findings,
                          sources + [n for p in pinpoints for n in p.sources if n not in sources], note)


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date else "9999"


def long_date(date: dt.date | None) -> str:
    """'9 December 1974', whatever the locale."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if date else ""


def build_letter(assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
                 rules: Mapping[str, Rule], texts: LetterTexts | None = None) -> Letter:
    """The parts of a draft letter on `subject`, from its assessment; problems are kept on the letter."""
    problems: list[Problem] = []
    if texts is None:
        texts, problems = load_letter_texts()
        if texts is None:
            empty = Statement("")
            return Letter(assessment.subject_id, assessment.subject_kind, assessment.subject_name,
                          assessment.as_of, {}, "", empty, "", "", "", [], "", [], "", [], "", "", [], [], problems)
    builder = _Builder(assessment, subject, knowledge, rules, texts)
    gaps = [f for f in assessment.findings if f.status is Outcome.gap]
    # a finding no standard grounds on the file's date (all its bases are later) asks nothing
    unknown = [f for f in assessment.findings if f.status is Outcome.not_assessable and f.basis]
    say = builder.say
    headings = {part: say(f"heading_{part}")
                for part in ("letter", "subject", "information", "concerns", "questions", "annex", "sources")}
    subject_line = Statement(" ".join(subject.subject.split()) if subject.subject else say("subject_fallback"))
    information = builder.information()
    # without information received, the letter is about the law (or practice) alone: no section
    # for it, and an opening and closing that do not speak of reported acts
    alone = "" if builder.reported else "_without_information"
    concerns = builder.concerns(gaps)
    questions = builder.questions(gaps, unknown)
    annex = builder.annex(gaps + unknown)
    return Letter(
        subject_id=assessment.subject_id, subject_kind=assessment.subject_kind, subject_name=assessment.subject_name,
        as_of=assessment.as_of, headings=headings, draft_note=say("draft_note"), subject_line=subject_line,
        salutation=say("salutation"), opening=say(f"opening{alone}"), information_lead=say("information_lead"),
        information=information, concerns_lead=say("concerns_lead") if concerns else say("concerns_none"),
        concerns=concerns, questions_lead=say("questions_lead"), questions=questions, closing=say(f"closing{alone}"),
        annex_lead=say("annex_lead"), annex=annex, sources=builder.sources, problems=problems + builder.problems)


def layout_environment(folder: Path | None = None) -> jinja2.Environment:
    """The per-format layout templates (markdown/, text/): strict, unescaped, loaded from data."""
    return TemplateSandbox(loader=jinja2.FileSystemLoader(str(folder or template_dir())),
                           undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                           lstrip_blocks=True, keep_trailing_newline=True)


def run_letter(file: str, rules: list[str] | None = None) -> tuple[Letter | None, list[Problem]]:
    """What `lexgap letter FILE [--rule ...]` decides, short of rendering: the letter, or problems."""
    from lexgap.assess import Assessor
    from lexgap.knowledge import load_knowledge, load_subject
    from lexgap.paths import resolve_subject

    knowledge = load_knowledge()
    errors = knowledge.errors()
    if errors:
        return None, errors
    unknown = knowledge.unknown_rules(rules or [])
    if unknown:
        return None, [Problem(file, 1, 1, message) for message in unknown]
    subject, problems = load_subject(resolve_subject(file), knowledge)
    if subject is None:
        return None, problems
    with Assessor(knowledge, rules) as assessor:
        assessment = assessor.assess(subject)
        if assessment.engine_problems:
            return None, assessment.engine_failures(file)
        letter = build_letter(assessment, subject, knowledge, assessor.rules)
    if letter.problems:
        return None, letter.problems
    return letter, []


def template_problem(error: jinja2.TemplateError) -> Problem:
    """A broken layout template, located in its file (the templates are data a user may edit)."""
    where = getattr(error, "filename", None) or str(template_dir())
    return Problem(str(where), getattr(error, "lineno", None) or 1, 1, f"letter template: {error}")
