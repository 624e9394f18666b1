"""The knowledge base: every instrument and rule, checked against each other.

Cross-file integrity lives here: instrument and rule ids are unique, every
rule's basis names a standard provision that exists, every subject's
ratifications name a known instrument, every `amends` names a provision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, TypeAdapter

from lexgap import cache, ids
from lexgap.loading import Loaded, load_file, read_yaml, validate
from lexgap.models import Bill, Company, Instrument, Jurisdiction, Rule, RuleSet, Source, StandardProvision, Strict
from lexgap.paths import data_dir, yaml_files
from lexgap.problems import Level, Problem
from lexgap.vocabulary import Verification, did_you_mean

if TYPE_CHECKING:
    from lexgap.mandates import Register


@dataclass
class Knowledge:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the files it was read from (standards, then rules): where a missing translation is reported
    files: list[Path] = field(default_factory=list)

    def standard(self, ref: str) -> tuple[Instrument, StandardProvision] | None:
        instrument_id, portion = ids.split_basis_ref(ref)
        instrument = self.instruments.get(instrument_id)
        if instrument is None:
            return None
        for provision in instrument.provisions:
            if provision.id == portion:
                return instrument, provision
        return None

    def errors(self) -> list[Problem]:
        """The problems that stop lexgap from using this knowledge base (warnings aside)."""
        return [p for p in self.problems if p.level is Level.error]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def unknown_rules(self, names: Iterable[str]) -> list[str]:
        """A message for each name that is not a rule id, with the nearest id when one is close."""
        known = [r.id for r in self.rules]
        messages = []
        for name in names:
            if name not in known:
                messages.append(f"unknown rule {name!r}{did_you_mean(name, known)}")
        return messages

    def in_existence(self, ref: str, on: dt.date) -> bool:
        """Whether the instrument a basis ref names existed on `on` (unknown dates count as existing)."""
        instrument = self.instruments.get(ids.parse_basis_ref(ref).instrument)
        issued = instrument_date(instrument) if instrument is not None else None
        return issued is None or issued <= on

    def all_refs(self) -> list[str]:
        return [ids.basis_ref(i.id, p.id) for i in self.instruments.values() for p in i.provisions]


def instrument_date(instrument: Instrument) -> dt.date | None:
    """When an instrument came into existence: adopted or issued; else a year in its title ('(1992)')."""
    date = instrument.adopted or instrument.issued
    if date is not None:
        return date
    match = re.search(r"\((\d{4})\)", instrument.title)
    return dt.date(int(match.group(1)), 1, 1) if match else None


def load_knowledge(standards: Path | None = None, rules: Path | None = None, use_cache: bool = True) -> Knowledge:
    """Load and cross-check the bundled (or given) standards and rules folders.

    A knowledge base without problems is kept in lexgap's cache (see `lexgap.cache`), keyed on
    the files' bytes and on the code, so that the next run with the same files skips the reading.
    """
    return load_knowledge_files(yaml_files(standards or data_dir("standards")), yaml_files(rules or data_dir("rules")),
                                use_cache)


def load_knowledge_files(standard_files: list[Path], rule_files: list[Path], use_cache: bool = True) -> Knowledge:
    """Load and cross-check these standards and rules files (cached like `load_knowledge`)."""
    key = cache.fingerprint("knowledge", standard_files, rule_files) if use_cache else None
    if key is not None:
        body = cache.get("knowledge", key)
        if body is not None:
            try:
                kept_instruments, kept_rules = _cached_form().validate_json(body)
                return Knowledge(kept_instruments, kept_rules, files=[*standard_files, *rule_files])
            except ValueError:  # pydantic's ValidationError included: a miss
                pass
    knowledge = _read_knowledge(standard_files, rule_files)
    knowledge.files = [*standard_files, *rule_files]
    if key is not None and not knowledge.problems:
        # A field at its default is left out (validation puts it back): a tenth smaller, and read back faster.
        cache.put("knowledge", key, _cached_form().dump_json((knowledge.instruments, knowledge.rules),
                                                             exclude_defaults=True))
    return knowledge


_CACHED_FORM: TypeAdapter[tuple[dict[str, Instrument], list[Rule]]] | None = None


def _cached_form() -> TypeAdapter[tuple[dict[str, Instrument], list[Rule]]]:
    """How a knowledge base is kept in the cache: its models as JSON (data, never code)."""
    global _CACHED_FORM
    if _CACHED_FORM is None:
        _CACHED_FORM = TypeAdapter(tuple[dict[str, Instrument], list[Rule]])
    return _CACHED_FORM


def _read_knowledge(standard_files: list[Path], rule_files: list[Path]) -> Knowledge:
    from lexgap.template_check import rule_template_problems  # jinja2: only when files are read, not from the cache
    from lexgap.translations import rule_problems, rules_citing, standard_problems

    knowledge = Knowledge()
    rule_sources: dict[str, tuple[Loaded, int]] = {}
    standard_sources: dict[str, Loaded] = {}
    declared: list[tuple[Rule, list[str]]] = []
    for path in standard_files:
        model, loaded = load_file(path, "instrument")
        knowledge.problems += loaded.problems
        if isinstance(model, Instrument):
            _add_instrument(knowledge, model, loaded)
            standard_sources.setdefault(model.id, loaded)
    for path in rule_files:
        model, loaded = load_file(path, "rules")
        knowledge.problems += loaded.problems
        if isinstance(model, RuleSet):
            for index, rule in enumerate(model.rules):
                if rule.id in rule_sources:
                    first, _ = rule_sources[rule.id]
                    knowledge.problems.append(loaded.problem(
                        ("rules", index, "id"), f"rule id {rule.id!r} is already used in {first.name}"))
                    continue
                rule_sources[rule.id] = (loaded, index)
                knowledge.rules.append(rule)
                knowledge.problems += rule_template_problems(loaded, index, rule.letter)
                knowledge.problems += rule_problems(loaded, index, rule, model.languages)
                knowledge.problems += _overlay_template_problems(loaded, index, rule)
                declared.append((rule, list(model.languages)))
    for instrument_id, portions in rules_citing(declared).items():
        if instrument_id in standard_sources and any(portions.values()):
            knowledge.problems += standard_problems(knowledge.instruments[instrument_id],
                                                    standard_sources[instrument_id], portions)
    refs = knowledge.all_refs()
    for rule in knowledge.rules:
        loaded, index = rule_sources[rule.id]
        knowledge.problems += _check_basis(rule, index, loaded, knowledge, refs)
    knowledge.rules.sort(key=lambda r: r.id)
    knowledge.problems.sort()
    return knowledge


def _overlay_template_problems(loaded: Loaded, index: int, rule: Rule) -> list[Problem]:
    """The French and Spanish letter texts of a rule, checked as templates like the English ones."""
    from lexgap.template_check import rule_template_problems

    problems = []
    for language in ("fr", "es"):
        words = getattr(rule, language)
        if words is not None and words.letter is not None:
            problems += rule_template_problems(loaded, index, words.letter, language)
    return problems


def _check_basis(rule: Rule, index: int, loaded: Loaded, knowledge: Knowledge, refs: list[str]) -> list[Problem]:
    """Every basis of a rule must name a standard provision that exists, and fit the rule's area and victims."""
    from lexgap.fit import misfit

    problems = []
    for position, ref in enumerate(rule.basis):
        found = knowledge.standard(ref)
        if found is None:
            did = did_you_mean(ref, refs)
            problems.append(loaded.problem(("rules", index, "basis", position),
                                           f"basis {ref!r} names no standard provision{did}"))
        elif rule.subject == "jurisdiction":
            why = misfit(rule, *found)
            if why is not None:
                problems.append(loaded.problem(("rules", index, "basis", position),
                                               f"basis {ref!r} does not fit rule {rule.id!r}: {why}"))
    return problems


def _add_instrument(knowledge: Knowledge, instrument: Instrument, loaded: Loaded) -> None:
    if instrument.id in knowledge.instruments:
        knowledge.problems.append(loaded.problem(("id",), f"instrument id {instrument.id!r} is already used"))
        return
    if loaded.path.stem != instrument.id:
        knowledge.problems.append(loaded.problem(
            ("id",), f"instrument id {instrument.id!r} differs from the file name; name the file {instrument.id}.yaml"))
    seen: set[str] = set()
    for index, provision in enumerate(instrument.provisions):
        if provision.id in seen:
            knowledge.problems.append(loaded.problem(
                ("provisions", index, "id"), f"provision id {provision.id!r} appears twice in {instrument.id}"))
        seen.add(provision.id)
    knowledge.instruments[instrument.id] = instrument


def check_subject(subject: Strict, loaded: Loaded, knowledge: Knowledge) -> list[Problem]:
    """Cross-file checks of a jurisdiction, bill or rules file against the knowledge base."""
    problems: list[Problem] = []
    if isinstance(subject, Jurisdiction):
        problems += _check_jurisdiction(subject, loaded, knowledge)
    elif isinstance(subject, Bill):
        seen = set()
        for index, change in enumerate(subject.changes):
            target = getattr(change, "replace", None) or getattr(change, "repeal", None)
            if target is not None and target in seen:
                problems.append(loaded.problem(("changes", index), f"{target!r} is changed twice by this bill"))
            seen.add(target)
    elif isinstance(subject, RuleSet):  # a rules file outside the bundled folder
        from lexgap.template_check import rule_template_problems  # jinja2: only for rules files
        from lexgap.translations import rule_problems

        refs = knowledge.all_refs()
        problems += _duplicates(loaded, "rules", [r.id for r in subject.rules])
        for index, rule in enumerate(subject.rules):
            problems += _check_basis(rule, index, loaded, knowledge, refs)
            problems += rule_template_problems(loaded, index, rule.letter)
            problems += rule_problems(loaded, index, rule, subject.languages)
            problems += _overlay_template_problems(loaded, index, rule)
    return problems


def _check_jurisdiction(subject: Jurisdiction, loaded: Loaded, knowledge: Knowledge) -> list[Problem]:
    problems: list[Problem] = []
    law_ids = [law.id for law in subject.laws]
    problems += _duplicates(loaded, "laws", law_ids)
    provision_ids = [p.id for p in subject.provisions]
    problems += _duplicates(loaded, "provisions", provision_ids)
    known_provisions = set(provision_ids)
    for index, provision in enumerate(subject.provisions):
        if provision.law not in law_ids:
            did = did_you_mean(provision.law, law_ids)
            problems.append(loaded.problem(("provisions", index, "law"),
                                           f"law {provision.law!r} is not listed under laws{did}"))
        for position, target in enumerate(provision.amends):
            if target not in known_provisions:
                did = did_you_mean(target, sorted(known_provisions))
                problems.append(loaded.problem(("provisions", index, "amends", position),
                                               f"amends {target!r}, which is not a provision of this file{did}"))
    for index, ratification in enumerate(subject.ratifications):
        if ratification.instrument not in knowledge.instruments:
            did = did_you_mean(ratification.instrument, sorted(knowledge.instruments))
            problems.append(loaded.problem(("ratifications", index, "instrument"),
                                           f"instrument {ratification.instrument!r} is not in standards/{did}"))
    problems += _duplicates(loaded, "ratifications", [r.instrument for r in subject.ratifications], "instrument")
    problems += _duplicates(loaded, "context", [c.id for c in subject.context])
    return problems


def _duplicates(loaded: Loaded, section: str, values: Iterable[str], key: str = "id") -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, value in enumerate(values):
        if value in seen:
            first = seen[value] + 1
            problems.append(loaded.problem((section, index, key),
                                           f"{key} {value!r} is listed twice in {section} (first as item {first})"))
        else:
            seen[value] = index
    return problems


def load_subject(path: Path, knowledge: Knowledge) -> tuple[Jurisdiction | Company | None, list[Problem]]:
    """Load a jurisdiction or company file and check it against the knowledge base."""
    model, loaded = load_file(path, ("jurisdiction", "company"))
    if model is None or loaded.problems:
        return None, loaded.problems
    assert isinstance(model, Jurisdiction | Company)
    problems = check_subject(model, loaded, knowledge)
    return (None if problems else model), problems


def sources_in(value: object) -> Iterator[Source]:
    """Every source of a loaded file (or part of one), in file order."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from sources_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from sources_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from sources_in(item)


def verification_stats(knowledge: Knowledge, paths: Iterable[Path]) -> list[str]:
    """The lines of `lexgap validate --stats`: totals, then each file's sources by verification level.

    `unverified citations` counts the standard provisions whose source is `unverified`; the
    citations not read in the primary text (`secondary` as well) are counted on the next line.
    """
    instruments = knowledge.instruments.values()
    levels = Counter(p.source.verified for i in instruments for p in i.provisions)
    lines = [f"instruments: {len(knowledge.instruments)}",
             f"standard provisions: {sum(levels.values())}",
             f"unverified citations: {levels[Verification.unverified]}",
             f"citations not read in the primary text: "
             f"{levels[Verification.unverified] + levels[Verification.secondary]}",
             f"rules: {len(knowledge.rules)}",
             "sources by verification level (" + ", ".join(level.value for level in Verification) + "):"]
    for path in paths:
        model, _ = load_file(path)
        if model is None:
            continue
        counts = Counter(source.verified for source in sources_in(model))
        if counts:
            shown = ", ".join(f"{level.value} {counts[level]}" for level in Verification)
            lines.append(f"  {path.parent.name}/{path.name}: {shown}")
    return lines


# --- the mandates register ---------------------------------------------------------------


def register_dir() -> Path:
    return data_dir("standards") / "mandates"


def load_register(folder: Path | None = None) -> Register:
    """Read every mandate file of `folder` (default: the bundled standards/mandates/)."""
    from lexgap.mandates import Mandate, Register  # for letters only: assessing need not import it

    register = Register()
    for path in yaml_files(folder or register_dir()):
        loaded = read_yaml(path)
        if not loaded.problems and (not isinstance(loaded.data, dict) or loaded.data.get("format") != "mandate"):
            loaded.problems.append(loaded.problem(("format",) if isinstance(loaded.data, dict) else (),
                                                  "a mandate file starts with 'format: mandate'"))
        mandate = validate(loaded, Mandate)
        register.problems += loaded.problems
        if mandate is None:
            continue
        if mandate.id != path.stem:
            register.problems.append(loaded.problem(("id",), f"mandate id {mandate.id!r} differs from the file "
                                                             f"name; name the file {mandate.id}.yaml"))
            continue
        if mandate.id in register.mandates:
            register.problems.append(loaded.problem(("id",), f"mandate id {mandate.id!r} is already used"))
            continue
        register.mandates[mandate.id] = mandate
    return register
