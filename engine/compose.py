"""Composing a communication: the frame of the genre, the curated concerns and questions, the annex.

`compose` turns an assessment, its subject file, an optional letter plan (`lexgap.communication`),
the mandates register (`lexgap.mandates`) and the clause library (`templates/letter/clauses.en.yaml`)
into a `Communication`: the parts of the letter in order, in the words of the clause library, with
the findings behind each part kept aside for the memo. The letter itself carries no source list,
no verification note and no note of lexgap's: those belong to the memo (`-f memo`) and to JSON.

What the data cannot give is shown as a placeholder the officer fills: `[REFERENCE]`, `[DATE]`,
`[MANDATES]`, a mandate-holder's `[NAME]`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from lexgap import grammar, ids, lawcite, pinpoints, treaties, words
from lexgap.assess import Assessment, Finding
from lexgap.babel_words import country_name
from lexgap.babel_words import long_date as _babel_date
from lexgap.communication import Allegation, LetterPlan, LetterType
from lexgap.knowledge import Knowledge, instrument_date
from lexgap.mandates import Register
from lexgap.models import LANGUAGE_NAMES, Company, Instrument, Jurisdiction, Law, Rule, Source, Untranslated, localized
from lexgap.paths import data_dir
from lexgap.problems import Problem
from lexgap.questions import STAGE_CASE, STAGE_COMMENTS, STAGE_LAW, STAGE_PREVENTION, Candidate, Choice, Curated, curate
from lexgap.template_check import TextSandbox, data_template_problems
from lexgap.translations import Missing
from lexgap.vocabulary import BINDING_KINDS, Outcome, plain

STAGES = {"comments": STAGE_COMMENTS, "case": STAGE_CASE, "law": STAGE_LAW, "prevention": STAGE_PREVENTION}
_OUR_NOTE = re.compile(r"\s*\((?:Our|our) note:[^)]*\)")


def letter_dir() -> Path:
    return data_dir("templates") / "letter"


def long_date(date: dt.date, language: str = "en") -> str:
    """'25 January 2021', '25 janvier 2021', '25 de enero de 2021' (Babel)."""
    return _babel_date(date, language)


# --- the communication -------------------------------------------------------------------


@dataclass
class Part:
    """A paragraph of the letter: text with **bold** and footnote marks [^n], and what it rests on."""

    text: str
    findings: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


@dataclass
class Asked:
    number: int
    id: str
    text: str
    origin: str
    findings: list[str]


@dataclass
class Signature:
    name: str
    line: str


@dataclass
class AnnexItem:
    instrument: str
    text: str
    passages: list[str]
    binding: bool


@dataclass
class Communication:
    subject_id: str
    addressee_kind: str  # state or company
    addressee: str
    type: str
    date: str  # the letter's date in words, or a placeholder
    date_iso: str | None
    reference: str
    reference_label: str
    mandates_block: str
    salutation: str
    opening: list[Part]
    information_lead: str
    information: list[Part]
    not_prejudged: str
    concerns_on_facts: list[Part]
    concerns_on_law_lead: str
    concerns_on_law: list[Part]
    annex_pointer: str
    questions_lead: str
    questions: list[Asked]
    reply: str
    interim_measures: str
    copies: str
    courtesy_closing: str
    signatures: list[Signature]
    annex_heading: str
    annex_title: str
    annex_lead: str
    annex: list[AnnexItem]
    footnotes: list[str]
    placeholders: list[str]
    #: for the memo: what curation and the plan did, the facts left out, the standards left out
    decisions: list[dict[str, Any]] = field(default_factory=list)
    resolutions: dict[str, str] = field(default_factory=dict)  # mandate id -> resolution number cited
    #: the full trace for the memo and JSON: every finding that is not met, every fact, with sources
    findings: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the office's Word template (`--reference-docx`), read by the docx renderer only
    word_template: str | None = None
    as_of: str = ""
    #: the subject areas the letter is about (the plan's, or those of the findings it raises)
    areas: list[str] = field(default_factory=list)
    #: the language the letter is written in: en, fr or es
    language: str = "en"
    #: texts the letter needs in its language and the data does not give (turned into located problems)
    missing: list[Missing] = field(default_factory=list)


# --- the clause library -------------------------------------------------------------------


@dataclass
class Clauses:
    """The clause library (with an office's replacements) and the curation data."""

    clauses: dict[str, Any]
    curation: dict[str, Any]
    where: dict[str, str]  # clause -> file it comes from

    def variant(self, key: str, letter_type: str, addressee: str) -> str:
        entry = self.clauses.get(key)
        if isinstance(entry, str):
            return entry
        if not isinstance(entry, dict):
            raise KeyError(key)
        for name in (f"{letter_type}.{addressee}", addressee, letter_type, "default"):
            if name in entry:
                return str(entry[name] or "")
        return ""


def _read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """A clause or curation file, read safely, its templates checked (located problems)."""
    from lexgap.loading import read_yaml

    loaded = read_yaml(path)
    if loaded.problems:
        return None, loaded.problems
    problems = data_template_problems(loaded)
    return (None if problems else loaded.data), problems


def load_clauses(override: Path | None = None, folder: Path | None = None,
                 language: str = "en") -> tuple[Clauses | None, list[Problem]]:
    """The bundled clause library in `language`, with each clause an office's file names replacing the bundled
    one. A French or Spanish library must give every clause and variant of the English one."""
    folder = folder or letter_dir()
    base_path = folder / f"clauses.{language}.yaml"
    if language != "en" and not base_path.is_file():
        return None, [Problem(str(base_path), 1, 1, f"no clause library in {LANGUAGE_NAMES.get(language, language)}"
                                                    f" (clauses.{language}.yaml): a letter in that language needs "
                                                    "one")]
    base, problems = _read_yaml(base_path)
    curation, more = _read_yaml(folder / "curation.yaml")
    problems += more
    if problems:
        return None, problems
    if not isinstance(base, dict) or not isinstance(curation, dict):
        return None, [Problem(str(base_path), 1, 1, "the clause library is a mapping of clauses")]
    if language != "en":
        english, problems = _read_yaml(folder / "clauses.en.yaml")
        problems += _clause_gaps(english, base, base_path, language)
        if problems:
            return None, problems
    where = {key: str(base_path) for key in base}
    if override is not None:
        office, problems = _read_yaml(override)
        if problems:
            return None, problems
        if not isinstance(office, dict):
            return None, [Problem(str(override), 1, 1, "a clauses file is a mapping of clause names to their "
                                                       "variants (state, company, default...)")]
        for key, value in office.items():
            if key not in base:
                from lexgap.vocabulary import did_you_mean

                did = did_you_mean(str(key), list(base))
                problems.append(Problem(str(override), 1, 1, f"unknown clause {key!r}{did}"))
                continue
            if not isinstance(value, (str, dict)):
                problems.append(Problem(str(override), 1, 1, f"clause {key!r}: give a text or a mapping of variants"))
                continue
            base[key] = value
            where[key] = str(override)
        if problems:
            return None, problems
    return Clauses(base, curation, where), []


def _clause_gaps(english: Any, translated: dict[str, Any], path: Path, language: str) -> list[Problem]:
    """Each clause, variant or footnote of the English library that the translated one lacks, located at the
    clause (or the top of the file when the clause is not there at all)."""
    from lexgap.loading import read_yaml

    marks = read_yaml(path).marks
    name = LANGUAGE_NAMES.get(language, language)
    problems = []

    def walk(en: Any, other: Any, where: tuple[str, ...]) -> None:
        if isinstance(en, dict):
            if not isinstance(other, dict):
                line, column = marks.at(where)
                problems.append(Problem(str(path), line, column, f"clause {'.'.join(where)} has no {name} "
                                                                 "variants like the English one's"))
                return
            for key, value in en.items():
                if key not in other:
                    line, column = marks.at(where)
                    problems.append(Problem(str(path), line, column,
                                            f"no {name} text for {'.'.join((*where, str(key)))} (clauses.en.yaml "
                                            "has it); a letter never falls back to English"))
                else:
                    walk(value, other[key], (*where, str(key)))

    walk(english if isinstance(english, dict) else {}, translated, ())
    return problems


# --- composing ----------------------------------------------------------------------------


@dataclass
class Files:
    """Where the letter's data comes from: a missing translation is reported in its file."""

    subject: str = "subject"
    plan: str = "plan"
    standing: str = str(letter_dir() / "standing-questions.yaml")
    mandates: Path | None = None


class _Composer:
    def __init__(self, assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
                 rules: Mapping[str, Rule], plan: LetterPlan | None, register: Register, clauses: Clauses,
                 standing: Mapping[str, list[Any]], language: str = "en", files: Files | None = None):
        self.language = language
        self.files = files or Files()
        self.missing: list[Missing] = []
        self.assessment = assessment
        self.subject = subject
        self.knowledge = knowledge
        self.rules = rules
        self.plan = plan
        self.register = register
        self.clauses = clauses
        self.standing = standing
        self.problems: list[Problem] = []
        self.placeholders: list[str] = []
        self.footnotes: list[str] = []
        self.decisions: list[dict[str, Any]] = []
        self.kind = "company" if isinstance(subject, Company) else "state"
        self.type = (plan.type if plan else
                     LetterType.allegation_letter if subject.context else LetterType.other_letter).value
        self.date = plan.date if plan and plan.date else None
        #: standards are those in existence on the letter's date (or, without one, the file's date)
        self.on = self.date or subject.as_of
        self.addressee = self.addressee_name()
        #: the treaties the State is bound by on the letter's date (None: its file records none, so unknown)
        self.bound = treaties.bound_on(subject, self.on)
        # templates are data (the clause library, an office's clauses, the rules, a plan): sandboxed
        self.environment = TextSandbox(undefined=jinja2.StrictUndefined, autoescape=False)
        self.laws: dict[str, Law] = {law.id: law for law in subject.laws} if isinstance(subject, Jurisdiction) \
            else {}
        self.law_order = {law_id: index for index, law_id in enumerate(self.laws)}

    # the letter's language -----------------------------------------------------------------

    def tr(self, obj: Any, field: str, file: str, path: tuple[str | int, ...], what: str,
           find: tuple[str, str] | None = None) -> Any:
        """`field` of `obj` in the letter's language; a missing translation is recorded (and reported with its
        file and line), never answered in English."""
        try:
            return localized(obj, field, self.language)
        except Untranslated:
            self.missing.append(Missing(file, path, field, self.language, what, find))
            return f"[{field}]"

    def rule_file(self, rule_id: str) -> str:
        """The rules file a rule is written in (read only when a translation is missing)."""
        for path in self.knowledge.files:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                continue
            if "format: rules" in text and re.search(rf"^\s*-?\s*id:\s*{re.escape(rule_id)}\s*$", text, re.MULTILINE):
                return str(path)
        return "rules"

    def instrument_file(self, instrument_id: str) -> str:
        return next((str(p) for p in self.knowledge.files if p.stem == instrument_id), f"{instrument_id}.yaml")

    def mandate_file(self, mandate_id: str) -> str:
        folder = self.files.mandates or data_dir("standards") / "mandates"
        return str(folder / f"{mandate_id}.yaml")

    def subject_words(self, field: str) -> Any:
        return self.tr(self.subject, field, self.files.subject, (), f"{self.subject.id}")

    def addressee_name(self) -> str:
        """The addressee in the letter's language: the plan's, else the State by its name (with its article in
        French and Spanish: 'la Roumanie'), else the company's own name."""
        plan = self.plan
        if plan and plan.addressee:
            if self.language == "en" or (plan.addressee.kind == "company" and not plan.addressee.fr
                                         and not plan.addressee.es):
                return plan.addressee.name
            return str(self.tr(plan.addressee, "name", self.files.plan, ("addressee",), "the plan's addressee"))
        if self.language == "en" or isinstance(self.subject, Company):
            return self.subject.name
        overlay = getattr(self.subject, self.language)
        if overlay is not None and overlay.name:
            return str(overlay.name)
        name = country_name(self.subject.country, self.language)
        return grammar.the(name, self.language) if name else str(self.subject_words("name"))

    def word(self, key: str, **values: Any) -> str:
        """A word of the letter (words/<language>.py LETTER) filled with `values`."""
        return str(words.module(self.language).LETTER[key]).format(**values)

    # wording -------------------------------------------------------------------------------

    def placeholder(self, what: str) -> str:
        table = words.module(self.language).PLACEHOLDERS
        head, _, rest = what.partition(" OF ")
        said = table[f"{head} OF"].format(id=rest) if rest and f"{head} OF" in table else table.get(what, what)
        text = self.say("placeholder", what=said)
        if text not in self.placeholders:
            self.placeholders.append(text)
        return text

    def footnote(self, key: str) -> str:
        texts = self.clauses.clauses.get("footnotes", {})
        text = " ".join(str(texts.get(key, "")).split())
        if not text:
            return ""
        if text not in self.footnotes:
            self.footnotes.append(text)
        return f"[^{self.footnotes.index(text) + 1}]"

    def fill(self, template: str, label: str, **values: Any) -> str:
        try:
            text = self.environment.from_string(template).render(
                addressee=self.addressee, subject=self.addressee, footnote=self.footnote, **values)
        except jinja2.TemplateError as error:
            self.problems.append(Problem(self.clauses.where.get(label.split(".")[0], str(letter_dir())),
                                         getattr(error, "lineno", None) or 1, 1, f"{label}: {error}"))
            return ""
        return self.tidy(" ".join(text.split()))

    def tidy(self, text: str) -> str:
        """French and Spanish contractions and elisions the filled values make: 'de le Code' -> 'du Code',
        'que il' -> "qu'il", 'de el artículo' -> 'del artículo'."""
        if self.language == "en":
            return text
        return grammar.elide(grammar.contract(text, self.language), self.language)

    def say(self, key: str, **values: Any) -> str:
        try:
            template = self.clauses.variant(key, self.type, self.kind)
        except KeyError:
            self.problems.append(Problem(str(letter_dir() / f"clauses.{self.language}.yaml"), 1, 1,
                                         f"no clause {key!r}"))
            return ""
        return self.fill(template, key, **values)

    def join(self, items: list[str]) -> str:
        """'a, b and c' in the letter's language ('a, b et c', 'a, b y c')."""
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.word('and')} " + items[-1]

    def join_mandates(self, titles: list[str]) -> str:
        """Mandate titles contain commas: they are separated by semicolons, the last by '; and'."""
        if len(titles) <= 1:
            return "".join(titles)
        semicolon = " ; " if self.language == "fr" else "; "  # French sets a space before a semicolon
        return semicolon.join(titles[:-1]) + f"{semicolon}{self.word('and')} " + titles[-1]

    # the frame -----------------------------------------------------------------------------

    def mandates(self) -> tuple[list[str], list[str], list[Signature], dict[str, str]]:
        """Titles on the date, resolution numbers in force, signatures of the holders in office."""
        titles: list[str] = []
        resolutions: list[str] = []
        signatures: list[Signature] = []
        cited: dict[str, str] = {}
        ids = self.plan.mandates if self.plan else []
        if not ids:
            return [self.placeholder("MANDATES")], [self.placeholder("RESOLUTIONS")], \
                [Signature(self.placeholder("NAME"), self.placeholder("MANDATE"))], cited
        for mandate_id in ids:
            mandate = self.register.get(mandate_id)
            if mandate is None:
                self.problems.append(Problem("plan", 1, 1, f"mandate {mandate_id!r} is not in the register "
                                                           f"(standards/mandates/)"))
                continue
            entry = mandate.title_entry_on(self.date) if self.date else None
            title = self.placeholder(f"TITLE OF {mandate_id}") if entry is None else str(self.tr(
                entry, "title", self.mandate_file(mandate_id), ("titles", mandate.titles.index(entry)),
                f"the title of mandate {mandate_id!r}"))
            titles.append(title)
            role = mandate.signing_role
            overlay = getattr(mandate, self.language, None) if self.language != "en" else None
            if role and self.language != "en":
                table = words.module(self.language).ROLES
                role = overlay.signing_role if overlay is not None and overlay.signing_role else table.get(role) or \
                    self.tr(mandate, "signing_role", self.mandate_file(mandate_id), (), f"mandate {mandate_id!r}")
            resolution = mandate.resolution_on(self.date) if self.date else None
            if resolution is None:
                resolutions.append(self.placeholder(f"RESOLUTION OF {mandate_id}"))
            else:
                resolutions.append(resolution.number)
                cited[mandate_id] = resolution.number
            holders = mandate.holders_on(self.date) if self.date else []
            if not holders:
                signatures.append(Signature(self.placeholder(f"NAME OF {mandate_id}"),
                                            self.say("signature_line", role=role, title=title)))
            for holder in holders:
                signatures.append(Signature(holder.name, self.say("signature_line", role=role, title=title)))
        return titles, resolutions, signatures, cited

    # findings --------------------------------------------------------------------------------

    def areas_of(self, finding: Finding) -> frozenset[str]:
        rule = self.rules.get(finding.rule)
        if rule is not None and rule.area is not None:
            return frozenset({rule.area.value})
        prefixes: dict[str, str] = self.clauses.curation.get("conduct_areas", {})
        found = {area for word in finding.conduct for prefix, area in prefixes.items() if word.startswith(prefix)}
        if not found and rule is not None:
            for condition in (rule.applies_to, rule.gap_when or {}):
                test = condition.get("conduct")
                for word in (test.any_of or []) if test is not None else []:
                    found |= {a for p, a in prefixes.items() if str(word).startswith(p)}
        return frozenset(found)

    def law_of(self, finding: Finding) -> str | None:
        return finding.provisions[0].law if finding.provisions and finding.rule_kind != "absence" else None

    def law_citation(self, law_id: str) -> str:
        law = self.laws.get(law_id)
        if law is None:
            return law_id
        if self.language == "en":
            return getattr(law, "citation", None) or law.short_title or law.title
        field = "citation" if law.citation else "short_title" if law.short_title else "title"
        return str(self.tr(law, field, self.files.subject, ("laws",), f"law {law_id!r}", ("id", law_id)))

    def whole_only(self, law_id: str) -> bool:
        law = self.laws.get(law_id)
        return law is not None and (law.status.value in lawcite.WHOLE_ONLY_STATUSES
                                    or law.type.value in lawcite.WHOLE_ONLY_TYPES)

    def provision_citation(self, finding: Finding) -> str:
        law_id = self.law_of(finding)
        if law_id is None:
            return ""
        law = self.laws.get(law_id)
        if self.language != "en":  # "l'article 4, paragraphe 1, lettre h) de la loi n° 217/2003"
            portions = [] if self.whole_only(law_id) else \
                [p for p in (ids.parse_provision_id(f.id).portion for f in finding.provisions) if p is not None]
            return pinpoints.domestic_citation(portions, self.law_citation(law_id), self.language)
        units = getattr(law, "units", None) if law is not None else None
        return lawcite.provisions_citation([p.id for p in finding.provisions], self.law_citation(law_id),
                                           units, self.whole_only(law_id))

    def in_existence(self, instrument: Instrument) -> bool:
        return instrument_date(instrument) is None or (instrument_date(instrument) or self.on) <= self.on

    def instrument_words(self, instrument: Instrument, field: str) -> str:
        """An instrument's title or short title in the letter's language (its official one)."""
        return str(self.tr(instrument, field, self.instrument_file(instrument.id), (),
                           f"instrument {instrument.id!r}"))

    def basis_phrase(self, finding: Finding) -> str:
        if self.language != "en":
            return self.basis_phrase_translated(finding)
        by_instrument: dict[str, list[str]] = {}
        foreign_treaties = set()  # a treaty the State is not party to is said to be one, where a plan raises it
        for basis in finding.basis:
            instrument = self.knowledge.instruments.get(ids.parse_basis_ref(basis.ref).instrument)
            if instrument is None or not self.in_existence(instrument):
                continue
            if self.foreign(instrument.id) == [instrument.id]:
                foreign_treaties.add(basis.instrument)
            pinpoints = by_instrument.setdefault(basis.instrument, [])
            if not basis.pinpoint.startswith("whole") and basis.pinpoint not in pinpoints:
                pinpoints.append(basis.pinpoint)
        parts = []
        for title, pinpoints in by_instrument.items():
            the = "the " if title.split()[-1] in ("Convention", "Protocol", "Covenant", "Declaration", "Principles",
                                                  "Guidelines", "Directive") else ""
            not_party = f" ({self.say('not_party')})" if title in foreign_treaties else ""
            parts.append(f"{the}{title} {self.pinpoints(pinpoints)}".strip() + not_party)
        return self.join(parts) or self.placeholder("STANDARD")

    def basis_phrase_translated(self, finding: Finding) -> str:
        """'l'art. 19, par. 1, de la CDE et l'art. 24, par. 1, du PIDCP'; 'el artículo 19, párrafo 1, de la CDN':
        pinpoints made from the portion ids, instruments by their short title in that language."""
        by_instrument: dict[str, list[str]] = {}
        for basis in finding.basis:
            instrument_id, portion = ids.split_basis_ref(basis.ref)
            instrument = self.knowledge.instruments.get(instrument_id)
            if instrument is None or not self.in_existence(instrument):
                continue
            by_instrument.setdefault(instrument_id, [])
            if not pinpoints.is_whole(portion) and portion not in by_instrument[instrument_id]:
                by_instrument[instrument_id].append(portion)
        parts = []
        for instrument_id, portions in by_instrument.items():
            instrument = self.knowledge.instruments[instrument_id]
            short = self.instrument_words(instrument, "short_title")
            title = self.instrument_words(instrument, "title")
            named = grammar.the(short, self.language, like=title)
            if portions:
                parts.append(grammar.the(f"{pinpoints.pinpoints(portions, self.language)} "
                                         f"{grammar.of(named, self.language)}", self.language))
            else:
                parts.append(named)
        return self.join(parts) or self.placeholder("STANDARD")

    def pinpoints(self, pinpoints: list[str]) -> str:
        if len(pinpoints) <= 1:
            return "".join(pinpoints)
        unit = pinpoints[0].split(" ", 1)[0]
        plurals = {"art.": "arts", "para.": "paras", "principle": "principles", "rule": "rules"}
        if unit in plurals and all(p.split(" ", 1)[0] == unit and " " in p for p in pinpoints):
            return f"{plurals[unit]} " + self.join([p.split(" ", 1)[1] for p in pinpoints])
        return self.join(pinpoints)

    def conduct_phrase(self, finding: Finding) -> str:
        grouped: dict[str, list[str]] = {}
        for word in finding.conduct:
            said = plain(word)  # in the language in use: compose runs inside words.use(language)
            head, sep, tail = said.partition(":")
            head, tail = head.strip(), tail.strip()
            grouped.setdefault(head if sep else said, []).extend([tail] if sep else [])
        return self.join([f"{head} ({self.join(tails)})" if tails else head for head, tails in grouped.items()])

    def rule_text(self, finding: Finding, part: str, capitalise: bool = True) -> str:
        rule = self.rules.get(finding.rule)
        if rule is None:
            return ""
        values: dict[str, Any] = {"basis": self.basis_phrase(finding), "reported": bool(self.subject.context),
                                  "subject_kind": "jurisdiction" if self.kind == "state" else "company",
                                  "as_of": self.subject.as_of.isoformat(), "subject_line": "",
                                  "legal_system": finding.legal_system or ""}
        law_id = self.law_of(finding)
        if law_id is not None:
            values["provision"] = self.provision_citation(finding)
            law = self.law_citation(law_id)  # French and Spanish: a noun phrase with its article
            values["law"] = law if self.language == "en" else grammar.the(law, self.language)
            values["status"] = ""
        if finding.conduct:
            values["conduct"] = self.conduct_phrase(finding)
        template = str(self.tr(rule, f"letter.{part}", self.rule_file(rule.id), ("rules",), f"rule {rule.id!r}",
                               ("id", rule.id))) if self.language != "en" else getattr(rule.letter, part)
        text = self.fill(template, f"rule {rule.id}, letter.{part}", **values)
        return text[:1].upper() + text[1:] if capitalise else text

    # parts -------------------------------------------------------------------------------------

    def information(self) -> list[Part]:
        dropped = {c.fact: c.reason for c in (self.plan.facts if self.plan else [])}
        parts = []
        for fact in self.subject.context:
            if fact.id in dropped:
                self.decisions.append({"fact": fact.id, "action": "left out", "reason": dropped[fact.id]})
                continue
            text = self.tr(fact, "text", self.files.subject, ("context",), f"fact {fact.id!r}", ("id", fact.id))
            parts.append(Part(" ".join(str(text).split()), facts=[fact.id]))
        return parts

    def allegations(self) -> list[Part]:
        if not self.subject.context:
            return []
        chosen = self.plan.allegations if self.plan and self.plan.allegations else [Allegation(topic="general")]
        known = {fact.id for fact in self.subject.context}
        topics = self.clauses.clauses.get("allegation_concerns", {})
        parts = []
        for index, allegation in enumerate(chosen):
            for fact in allegation.facts:
                if fact not in known:
                    self.problems.append(Problem("plan", 1, 1, f"allegation {allegation.topic!r} rests on fact "
                                                               f"{fact!r}, which the subject file does not have"))
            if allegation.text:
                said = self.tr(allegation, "text", self.files.plan, ("allegations", index),
                               f"allegation {allegation.topic!r} of the plan")
                text = " ".join(str(said).split())
            else:
                entry = topics.get(allegation.topic)
                if entry is None:
                    from lexgap.vocabulary import did_you_mean

                    self.problems.append(Problem("plan", 1, 1, f"unknown allegation topic {allegation.topic!r}"
                                                               f"{did_you_mean(allegation.topic, list(topics))}"))
                    continue
                template = entry if isinstance(entry, str) else next(
                    (str(entry[k] or "") for k in (f"{self.type}.{self.kind}", self.kind, self.type, "default")
                     if k in entry), "")
                text = self.fill(template, f"allegation_concerns.{allegation.topic}", **self.treaty_values("cedaw"))
            if text:
                parts.append(Part(text, facts=list(allegation.facts)))
        return parts

    def treaty_values(self, instrument_id: str) -> dict[str, str]:
        instrument = self.knowledge.instruments.get(instrument_id)
        treaty = self.instrument_words(instrument, "title") if instrument else instrument_id
        ratified = ""
        if isinstance(self.subject, Jurisdiction):
            record = next((r for r in self.subject.ratifications if r.instrument == instrument_id), None)
            if self.foreign(instrument_id):  # not ratified, or only after the letter's date
                return {"treaty": treaty, "ratified": self.say("not_party", treaty=treaty)}
            if record is not None:
                ratified = self.word("ratification", **self.ratified_values(treaty, record.date, record.year))
        return {"treaty": treaty,
                "ratified": ratified or self.word("party", **{**self.ratified_values(treaty), "state": self.addressee})}

    def ratified_values(self, title: str, date: dt.date | None = None, year: int | None = None) -> dict[str, str]:
        """The values of the LETTER words that say how a State is bound by an instrument, in agreement with
        the instrument's title ('ratifiée' for a Convention, 'ratificado' for a Pacto)."""
        when = self.word("on_date", date=long_date(date, self.language)) if date else \
            self.word("in_year", year=year) if year else ""
        values = {"state": self.addressee, "when": when}
        if self.language == "en":
            return values
        participles = {"fr": ("ratifié", "approuvé"), "es": ("ratificado", "aprobado")}[self.language]
        return {**values, "ratified": grammar.agree(participles[0], title, self.language),
                "approved": grammar.agree(participles[1], title, self.language),
                "which_party": grammar.relative(title, self.language),
                "which_to": grammar.relative(title, self.language, to=True)}

    def foreign(self, instrument_id: str) -> list[str]:
        """The treaties, not binding on the State, that keep this instrument from applying to it (see
        `lexgap.treaties`); empty when it applies or when the State's treaties are not known."""
        instrument = self.knowledge.instruments.get(instrument_id)
        if instrument is None or self.kind != "state":
            return []
        return treaties.not_binding(instrument, self.bound, self.knowledge.instruments)

    def foreign_names(self, finding: Finding) -> str:
        names = treaties.titles([t for b in finding.basis for t in self.foreign(ids.parse_basis_ref(b.ref).instrument)],
                                self.knowledge.instruments, short=False)
        return self.join(names)

    def only_foreign(self, finding: Finding) -> bool:
        """Whether every standard of the finding is one that does not apply to the State."""
        return bool(finding.basis) and all(self.foreign(ids.parse_basis_ref(b.ref).instrument)
                                           for b in finding.basis)

    def chosen_findings(self) -> tuple[list[Finding], set[str]]:
        """The gaps whose concerns the letter raises (in the letter's areas, as the plan chooses)."""
        choices = {c.finding: c for c in (self.plan.concerns if self.plan else [])}
        areas = set(a.value for a in self.plan.areas) if self.plan and self.plan.areas else None
        chosen = []
        for finding in self.assessment.findings:
            choice = choices.get(finding.key)
            if finding.status is not Outcome.gap and not (choice and choice.choice.value == "include"):
                continue
            if choice is not None and choice.choice.value == "drop":
                self.decisions.append({"concern": finding.key, "action": "dropped", "reason": choice.reason})
                continue
            if choice is None and self.only_foreign(finding):
                self.decisions.append({"concern": finding.key, "action": "dropped",
                                       "reason": "it rests only on standards that do not bind "
                                                 f"{self.addressee} (not a party to {self.foreign_names(finding)})"})
                continue
            finding_areas = self.areas_of(finding)
            if choice is None and areas is not None and finding_areas and not finding_areas & areas:
                self.decisions.append({"concern": finding.key, "action": "dropped",
                                       "reason": f"outside the letter's areas ({', '.join(sorted(finding_areas))})"})
                continue
            chosen.append(finding)
        unknown = set(choices) - {f.key for f in self.assessment.findings}
        for key in sorted(unknown):
            self.decisions.append({"concern": key, "action": "unknown",
                                   "reason": "the plan names a finding the assessment does not produce"})
        return chosen, set(choices)

    def concerns_on_law(self, findings: list[Finding]) -> list[Part]:
        """One paragraph per law or bill, in the file's order: 'We are concerned that ...', then 'We are
        also concerned that ...' for each further finding on the same law, in the order of `concern_order`."""
        choices = {c.finding: c for c in (self.plan.concerns if self.plan else [])}
        order: list[str] = self.clauses.curation.get("concern_order", [])
        rank = {rule: index for index, rule in enumerate(order)}
        ordered = sorted(findings, key=lambda f: (self.law_order.get(self.law_of(f) or "", len(self.law_order)),
                                                  rank.get(f.rule, len(rank)), findings.index(f)))
        groups: dict[str, Part] = {}
        for finding in ordered:
            law = self.law_of(finding) or "(whole)"
            choice = choices.get(finding.key)
            if choice is not None and choice.text:
                said = self.tr(choice, "text", self.files.plan, ("concerns",), f"the plan's concern {finding.key!r}",
                               ("finding", finding.key))
                text = " ".join(str(said).split())
            else:
                text = self.rule_text(finding, "concern", capitalise=False)
                if not text:
                    continue
                lead = self.say("concern_lead" if not groups else "concern_lead_again")
                if lead:
                    own = _LEAD.match(text)  # a rule text that opens with the lead itself: said once
                    comma = "," if own and own.group(0).rstrip().endswith(",") else ""
                    text = text[own.end():] if own else text
                    first = text.split(" ", 1)[0]
                    if first in _FUNCTION_WORDS and self.language == "en":
                        text = text[:1].lower() + text[1:]
                    text = self.tidy(f"{lead}{self.under_system(finding) or comma} {text}")
                text += self.other_systems(finding)
            part = groups.setdefault(law, Part(""))
            part.text = f"{part.text} {text}".strip()
            part.findings.append(finding.key)
        return list(groups.values())

    def under_system(self, finding: Finding) -> str:
        """', under federal law,' after the lead, when the file has several legal systems and the rule's
        own text does not say which one (a rule text may place `legal_system` itself)."""
        rule = self.rules.get(finding.rule)
        if not finding.legal_system or rule is None or "legal_system" in (rule.letter.concern or ""):
            return ""
        return f", {self.say('under_system', system=finding.legal_system)},"

    def other_systems(self, finding: Finding) -> str:
        """For an absence under some legal systems only: the sentence that the others may provide for it."""
        if finding.rule_kind != "absence" or not finding.legal_system or not isinstance(self.subject, Jurisdiction):
            return ""
        with_laws = {law.legal_system for law in self.subject.laws}
        others = [s.name for s in self.subject.legal_systems if s.id not in with_laws]
        if not others:
            return ""
        return " " + self.say("other_systems", system=finding.legal_system, others=self.join(others))

    def questions(self) -> list[Asked]:
        topics: dict[str, str] = self.clauses.curation.get("rule_topics", {})
        standing_data: dict[str, dict[str, str]] = self.clauses.curation.get("standing", {})
        reported = bool(self.subject.context)
        candidates: list[Candidate] = []
        listed = list(standing_data)
        standing = sorted(self.standing.get("jurisdiction" if self.kind == "state" else "company", []),
                          key=lambda q: listed.index(q.id) if q.id in listed else len(listed))
        for question in standing:
            if question.about_reported_facts and not reported:
                continue
            info = standing_data.get(question.id, {})
            stage = STAGES.get(info.get("stage", "case" if question.place == "last" else "comments"), STAGE_CASE)
            template = question.text if self.language == "en" else str(self.tr(
                question, "text", self.files.standing, ("jurisdiction" if self.kind == "state" else "company",),
                f"standing question {question.id!r}", ("id", question.id)))
            text = self.fill(template, f"standing question {question.id}",
                             subject_kind="jurisdiction" if self.kind == "state" else "company", subject_line="",
                             as_of=self.subject.as_of.isoformat())
            candidates.append(Candidate(question.id, text, "standing", stage, topic=info.get("topic")))
        named = {q.id for q in (self.plan.questions if self.plan else [])}
        for finding in self.assessment.findings:
            if finding.status is Outcome.met:
                continue
            part = "question" if finding.status is Outcome.gap else "missing_question"
            law = self.law_of(finding)
            rule_id = finding.rule
            if self.only_foreign(finding) and not named & {rule_id, "@".join((rule_id, law or ""))}:
                dropped = {"question": "@".join((rule_id, law)) if law else rule_id, "action": "dropped",
                           "reason": "it rests only on standards that do not bind "
                                     f"{self.addressee} (not a party to {self.foreign_names(finding)})"}
                if dropped not in self.decisions:
                    self.decisions.append(dropped)
                continue
            candidates.append(Candidate(
                "@".join((rule_id, law)) if law else rule_id, self.rule_text(finding, part),
                "gap" if finding.status is Outcome.gap else "not_assessable", STAGE_LAW, (finding.key,),
                rule_id, law, topics.get(rule_id), finding.severity.value, self.areas_of(finding),
                self.law_order.get(law or "", len(self.law_order)), bool(law and self.whole_only(law))))
        # two findings of one rule on one law (two provisions) are one candidate
        unique: dict[str, Candidate] = {}
        for candidate in candidates:
            if candidate.id in unique:
                first = unique[candidate.id]
                unique[candidate.id] = Candidate(**{**first.__dict__,
                                                    "findings": first.findings + candidate.findings})
            else:
                unique[candidate.id] = candidate
        plan = self.plan
        choices = [Choice(q.id, q.choice.value == "drop", q.reason, self.question_text(q), tuple(q.merge))
                   for q in (plan.questions if plan else [])]
        curated: Curated = curate(list(unique.values()), [a.value for a in plan.areas] if plan and plan.areas
                                  else None, choices, plan.order if plan else (),
                                  plan.max_questions if plan else 15,
                                  plan.include_not_assessable if plan else "high")
        for decision in curated.decisions:
            self.decisions.append({"question": decision.question, "action": decision.action,
                                   "reason": decision.reason, "into": decision.into})
        return [Asked(n, q.id, q.text, q.origin, list(q.findings)) for n, q in enumerate(curated.questions, 1)
                if q.text]

    def question_text(self, question: Any) -> str | None:
        """The officer's own wording of a question, in the letter's language."""
        if question.text is None:
            return None
        return " ".join(str(self.tr(question, "text", self.files.plan, ("questions",),
                                    f"the plan's question {question.id!r}", ("id", question.id))).split())

    def annex(self, findings: list[Finding], areas: set[str]) -> list[AnnexItem]:
        refs: dict[str, list[str]] = {}
        core: dict[str, list[str]] = self.clauses.curation.get("core_provisions", {})
        instead: dict[str, list[str]] = self.clauses.curation.get("core_when_not_party", {})
        for area in sorted(areas):
            for ref in core.get(area, []):
                instrument_id = ids.parse_basis_ref(ref).instrument
                if self.foreign(instrument_id):  # a core passage of a treaty that does not bind the State
                    names = treaties.titles(self.foreign(instrument_id), self.knowledge.instruments, short=False)
                    left_out = {"standard": instrument_id, "action": "left out",
                                "reason": f"{self.addressee} is not a party to {self.join(names)}"}
                    if left_out not in self.decisions:
                        self.decisions.append(left_out)
                    for other in instead.get(ref, []):
                        if not self.foreign(ids.parse_basis_ref(other).instrument):
                            refs.setdefault(ids.parse_basis_ref(other).instrument, []).append(other)
                    continue
                refs.setdefault(instrument_id, []).append(ref)
        for finding in findings:
            for basis in finding.basis:
                refs.setdefault(ids.parse_basis_ref(basis.ref).instrument, []).append(basis.ref)
        ratifications = {r.instrument: r for r in self.subject.ratifications} \
            if isinstance(self.subject, Jurisdiction) else {}
        items: list[tuple[tuple[Any, ...], AnnexItem]] = []
        for instrument_id, wanted in refs.items():
            instrument = self.knowledge.instruments.get(instrument_id)
            if instrument is None:
                continue
            if not self.in_existence(instrument):
                self.decisions.append({"standard": instrument_id, "action": "left out",
                                       "reason": f"issued after the letter's date ({instrument_date(instrument)})"})
                continue
            binding = instrument.kind in BINDING_KINDS
            official = self.instrument_words(instrument, "title")
            title = _titled(instrument) if self.language == "en" else grammar.the(official, self.language)
            record = ratifications.get(instrument_id)
            foreign = self.foreign(instrument_id)
            if foreign:  # the only basis of a finding, and it does not bind the State: said so
                binding = False
                if self.language == "en":
                    named = "it" if foreign == [instrument_id] else \
                        self.join(treaties.titles(foreign, self.knowledge.instruments, short=False))
                else:  # each treaty by its official title in the letter's language
                    named = self.join([grammar.the(self.instrument_words(self.knowledge.instruments[t], "title"),
                                                   self.language) for t in foreign])
                text = self.say("annex_not_binding", title=title, described="" if instrument.kind in BINDING_KINDS
                                else self.described(instrument, official), treaties=named)
                order: tuple[Any, ...] = (3, instrument_date(instrument) or dt.date.max, instrument_id)
            elif binding and self.kind == "state" and record is not None:
                ratified = self.word(record.action, **self.ratified_values(official, record.date, record.year))
                text = self.say("annex_treaty", title=title, ratified=ratified)
                order = (0, record.date or dt.date(record.year or 9999, 12, 31), instrument_id)
            elif binding:
                text = self.say("annex_soft_law", title=title, described="")
                order = (1, instrument_date(instrument) or dt.date.max, instrument_id)
            else:
                text = self.say("annex_soft_law", title=title, described=self.described(instrument, official))
                order = (2, instrument_date(instrument) or dt.date.max, instrument_id)
            positions = {p.id: i for i, p in enumerate(instrument.provisions)}
            passages = []
            for ref in sorted(set(wanted), key=lambda r: positions.get(ids.parse_basis_ref(r).portion, 10**6)):
                found = self.knowledge.standard(ref)
                if found is None:
                    continue
                provision = found[1]
                portion = ids.split_basis_ref(ref)[1]
                paraphrase = letter_paraphrase(str(self.tr(
                    provision, "paraphrase", self.instrument_file(instrument_id), ("provisions",),
                    f"provision {provision.id!r} of {instrument_id!r}", ("id", provision.id))), self.language)
                if not paraphrase:
                    continue
                # a key phrase is an exact quotation of the official text in the letter's language, or nothing
                overlay = getattr(provision, self.language, None) if self.language != "en" else provision
                key_phrase = getattr(overlay, "key_phrase", None)
                quoted = ""
                if key_phrase and key_phrase.lower() not in paraphrase.lower():
                    quoted = self.word("in_its_words", phrase=key_phrase)
                if provision.pinpoint.startswith("whole") or pinpoints.is_whole(portion):
                    passages.append(f"{paraphrase}{quoted}.")
                else:
                    if self.language == "en":
                        pinpoint = f"{spelled_pinpoint(provision.pinpoint)} of {_short(instrument)}"
                    else:
                        short = grammar.the(self.instrument_words(instrument, "short_title"), self.language,
                                            like=official)
                        pinpoint = self.word("pinpoint_of", pinpoint=pinpoints.pinpoint(portion, self.language, True),
                                             instrument=grammar.of(short, self.language))
                    passages.append(self.say("annex_passage", pinpoint_phrase=pinpoint,
                                             paraphrase=paraphrase + quoted))
            items.append((order, AnnexItem(instrument_id, text, passages, binding)))
        ordered = [item for _, item in sorted(items, key=lambda pair: pair[0])]
        if ordered:  # an annex that opens with soft law, or a company's annex: no "also" yet
            also, plain_refer = self.word("also_refer"), self.word("refer")
            if ordered[0].text.startswith(also):
                ordered[0].text = plain_refer + ordered[0].text[len(also):]
        return ordered

    def described(self, instrument: Instrument, title: str) -> str:
        parts = []
        if instrument.symbol and instrument.symbol not in title:
            parts.append(instrument.symbol)
        date = instrument_date(instrument)
        if date is not None and str(date.year) not in title:
            parts.append(self.word("described_date", date=long_date(date, self.language))
                         if instrument.adopted or instrument.issued else str(date.year))
        return " ".join(parts)


#: The lead a rule's concern text may itself open with ("We are concerned that ..."): the composer gives it.
_LEAD = re.compile(r"^We are (?:also )?concerned that,?\s*")

#: Words that open a rule's concern and are lower-cased after "We are concerned that" (a name is not).
_FUNCTION_WORDS = frozenset({"The", "No", "Under", "Prosecution", "Such", "Sharing", "Threatening", "Children", "A"})

#: Sentences of a paraphrase that are lexgap's research notes, never the standard's content.
_RESEARCH_NOTE = re.compile(r"not (?:been )?(?:checked|verified|confirmed)|could not be|unverified|lexgap|"
                            r"\bour (?:note|reading|analysis)\b|\bper the letter\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_UNITS = {"art.": "Article", "arts": "Articles", "para.": "Paragraph", "paras": "Paragraphs", "sect.": "Section",
          "section": "Section", "principle": "Principle", "rule": "Rule", "guideline": "Guideline"}


def letter_paraphrase(paraphrase: str, language: str = "en") -> str:
    """A standard's paraphrase as a letter may show it: without lexgap's notes ('(Our note: ...)',
    'Per the letter: ', sentences saying what was not checked), ending without a full stop. A French or
    Spanish paraphrase is written for the letter: only its final full stop goes."""
    if language != "en":
        result = " ".join(paraphrase.split()).rstrip(".")
        return result[:1].upper() + result[1:]
    text = _OUR_NOTE.sub("", paraphrase).strip()
    text = re.sub(r"^(?:Per the letter|As reported)\s*:\s*", "", text)
    kept = [s for s in _SENTENCE_END.split(text) if not _RESEARCH_NOTE.search(s)]
    result = " ".join(kept).strip().rstrip(".")
    return result[:1].upper() + result[1:]


def spelled_pinpoint(pinpoint: str) -> str:
    """'art. 24(1)' -> 'Article 24(1)'; 'para. 9' -> 'Paragraph 9'; 'principle 13' -> 'Principle 13'."""
    unit, _, rest = pinpoint.partition(" ")
    return f"{_UNITS.get(unit.lower(), unit[:1].upper() + unit[1:])} {rest}".strip()


def _short(instrument: Instrument) -> str:
    """'the Palermo Protocol', 'the CRC', 'CETS No. 197', 'CEDAW General Recommendation No. 19', 'A/HRC/38/47'
    (a document symbol takes no article)."""
    short = instrument.short_title
    if "/" in short:
        return short
    if short.split()[-1] in ("Protocol", "Convention", "Principles", "Guidelines", "Directive") or \
            (short.isupper() and short not in ("CEDAW", "DEVAW")) or short in ("UNGPs",):
        return f"the {short}"
    return short


def _titled(instrument: Instrument) -> str:
    """How the annex names an instrument: 'the Convention on ...'; 'general recommendation No. 19 (1992) of the
    Committee on ...'; a report by its title."""
    title = instrument.title
    lowered = title[:1].lower() + title[1:]
    if re.match(r"General (?:recommendation|comment)", title):
        issuer = f" of the {instrument.issuer}" if instrument.issuer else ""
        name, _, topic = lowered.partition(": ")
        return f"{name}{issuer}{f' on {topic[:1].lower()}{topic[1:]}' if topic else ''}"
    if title.startswith(("Report", "Guidelines", "Recommended", "Declaration", "Convention", "Protocol", "Optional",
                         "International", "Council", "United Nations", "Directive", "Guiding")):
        return f"the {title}"
    return title


def _source(source: Source) -> dict[str, Any]:
    return {"document": source.document, "pinpoint": source.pinpoint, "url": source.url,
            "consulted": source.consulted.isoformat(), "verified": str(source.verified), "note": source.note}


def _trace(c: _Composer) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every finding that is not met and every fact, with their sources and verification, for the memo."""
    provisions = {p.id: p for p in c.subject.provisions} if isinstance(c.subject, Jurisdiction) else {}
    findings = []
    for finding in c.assessment.findings:
        if finding.status is Outcome.met:
            continue
        sources = [_source(s) for ref in finding.provisions if ref.id in provisions for s in provisions[ref.id].sources]
        if isinstance(c.subject, Company):
            rule = c.rules.get(finding.rule)
            for name in sorted((rule.gap_when or {}) if rule else {}):
                practice = c.subject.practices.get(name)
                sources += [_source(s) for s in (practice.sources if practice else [])]
        for basis in finding.basis:
            found = c.knowledge.standard(basis.ref)
            if found is not None:
                sources.append(_source(found[1].source))
        findings.append({"key": finding.key, "rule": finding.rule, "status": finding.status.value,
                         "severity": finding.severity.value, "provisions": [p.id for p in finding.provisions],
                         "areas": sorted(c.areas_of(finding)),
                         "explanation": finding.explanation, "sources": sources})
    facts = [{"id": f.id, "text": " ".join(f.text.split()), "sources": [_source(s) for s in f.sources]}
             for f in c.subject.context]
    return findings, facts


def compose(assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
            rules: Mapping[str, Rule], plan: LetterPlan | None, register: Register, clauses: Clauses,
            standing: Mapping[str, list[Any]], language: str = "en", files: Files | None = None) -> Communication:
    """The communication on `subject` in `language` (en, fr, es): frame, information, concerns, questions,
    annex; problems on it, and the texts missing in that language on `.missing`."""
    with words.use(language):
        return _compose(_Composer(assessment, subject, knowledge, rules, plan, register, clauses, standing,
                                  language, files))


def _compose(c: _Composer) -> Communication:
    assessment, subject, plan = c.assessment, c.subject, c.plan
    titles, resolutions, signatures, cited = c.mandates()
    reported = bool(subject.context)
    if plan and plan.subject_line:
        subject_line = str(c.tr(plan, "subject_line", c.files.plan, (), "the plan"))
    elif subject.subject:
        subject_line = str(c.subject_words("subject"))
    else:
        subject_line = c.placeholder("SUBJECT")
    subject_line = " ".join(subject_line.split()).rstrip(".")
    opening = [Part(c.say("opening", capacities=c.join_mandates(titles), resolutions=c.join(resolutions)))]
    who = c.say("who_we_are")
    if who:
        opening.append(Part(who))
    opening.append(Part(c.say("subject_lead", subject_line=subject_line) + "."))
    information = c.information() if reported else []
    findings, _ = c.chosen_findings()
    concerns_on_facts = c.allegations()
    concerns_on_law = c.concerns_on_law(findings)
    questions = c.questions()
    annex_findings = findings + [f for f in assessment.findings
                                 if any(f.key in q.findings for q in questions) and f not in findings]
    areas = set(a.value for a in plan.areas) if plan and plan.areas else \
        {a for f in annex_findings for a in c.areas_of(f)}
    annex = c.annex(annex_findings, areas)
    copied = [(x.kind, str(c.tr(x, "name", c.files.plan, ("copies", index), "a copy of the plan")))
              for index, x in enumerate(plan.copies if plan else [])]
    copies_states = [name for kind, name in copied if kind == "state"]
    copies_companies = [name for kind, name in copied if kind == "company"]
    copies = c.say("copies", states=c.join(copies_states), companies=c.join(copies_companies)) \
        if copies_states or copies_companies else ""
    of_mandates = [t if t.startswith("[") else f"the {t}" if c.language == "en" else grammar.of(t, c.language)
                   for t in titles]
    mandates_block = c.say("mandates_block", mandates=c.join_mandates(of_mandates))
    letter = Communication(
        subject_id=subject.id, addressee_kind=c.kind, addressee=c.addressee, type=c.type,
        date=long_date(c.date, c.language) if c.date else c.placeholder("DATE"),
        date_iso=c.date.isoformat() if c.date else None,
        reference=(plan.reference if plan and plan.reference else c.placeholder("REFERENCE")),
        reference_label=c.say("reference_label"), mandates_block=mandates_block, salutation=c.say("salutation"),
        opening=opening,
        information_lead=c.say("information_lead") if information else "", information=information,
        not_prejudged=c.say("not_prejudged") if (concerns_on_facts or concerns_on_law) else c.say("concerns_none"),
        concerns_on_facts=concerns_on_facts,
        concerns_on_law_lead=c.say("concerns_on_the_law") if concerns_on_law and concerns_on_facts else "",
        concerns_on_law=concerns_on_law, annex_pointer=c.say("annex_pointer"), questions_lead=c.say("questions_lead"),
        questions=questions, reply=c.say("reply", days=plan.reply_within_days if plan else 60),
        interim_measures=c.say("interim_measures") if reported else "", copies=copies,
        courtesy_closing=c.say("courtesy_closing"), signatures=signatures, annex_heading=c.say("annex_heading"),
        annex_title=c.say("annex_title"), annex_lead=c.say("annex_lead"), annex=annex, footnotes=c.footnotes,
        placeholders=c.placeholders, decisions=c.decisions, resolutions=cited, problems=c.problems)
    letter.findings, letter.facts = _trace(c)
    letter.language = c.language
    letter.missing = list(dict.fromkeys(c.missing))
    letter.as_of = subject.as_of.isoformat()
    letter.areas = sorted(areas)
    postdated = sorted({ids.parse_basis_ref(ref).instrument for rule in c.rules.values() for ref in rule.basis
                        if not c.knowledge.in_existence(ref, c.on)})
    letter.decisions += [{"standard": i, "action": "left out", "reason": "issued after the letter's date "
                          f"({instrument_date(c.knowledge.instruments[i])}): it grounds no finding and is not cited"}
                         for i in postdated if i in c.knowledge.instruments
                         and not any(d.get("standard") == i for d in letter.decisions)]
    return letter
