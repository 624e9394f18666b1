"""What a bill, or a later version of the law, would change: gap by gap and fact by fact.

A bill is applied to the jurisdiction it amends (`apply_bill`), giving the law as it
would be if the bill were adopted, the counterfactual OpenFisca calls a reform.  Both
versions are assessed with the same rules and `compare` matches their findings by key
(rule id and provision id, or rule id alone for absence rules) and their provisions by
id.  Applying a bill:

- the bill's `law` joins the laws with status `in_force`, replacing an entry of the same
  id: so a bill already listed as pending (Bill 606/2019 in romania-2020.yaml) is
  adopted, and its provisions come into force with it;
- `insert` adds a provision in force;
- `replace` sets whole fields of a provision (its `sources` are put before the
  provision's own, and are the ones a comparison cites for those fields);
- `repeal` keeps the provision with status `repealed` ("kept for comparison only").

Ordering, the same on every run: finding changes by kind (introduced, closed,
status_changed, unchanged), then severity, then provision id (absence findings, which
name no provision, last), then rule id; provision changes by provision id, then field in
the order the Provision model declares them (`provision`, for a provision added or
removed, first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lexgap import ids
from lexgap.assess import Assessment, Assessor, Finding
from lexgap.facts import status_of
from lexgap.knowledge import Knowledge, check_subject, load_knowledge, load_subject
from lexgap.loading import Loaded, load_file, validate
from lexgap.models import Bill, Insert, Jurisdiction, Law, Provision, Repeal, Replace, Source
from lexgap.paths import data_dir, resolve_bundled, resolve_subject
from lexgap.problems import Level, Problem
from lexgap.vocabulary import SEVERITY_ORDER, Outcome, Severity, Status, did_you_mean


class Change(StrEnum):
    introduced = "introduced"  # a gap in OTHER that is not a gap in BASE
    closed = "closed"  # a gap in BASE that is not a gap in OTHER
    status_changed = "status_changed"  # any other change, e.g. not_assessable -> met, or a finding gone
    unchanged = "unchanged"


CHANGE_ORDER = {Change.introduced: 0, Change.closed: 1, Change.status_changed: 2, Change.unchanged: 3}

#: The pseudo-field of a provision change that records a provision added or removed.
PROVISION_FIELD = "provision"

#: Fields a bill's `replace` may not set: identity, and sources (which sit beside `set`).
FIXED_FIELDS = ("id", "law", "sources")


@dataclass(frozen=True)
class FindingChange:
    """One finding key in BASE and OTHER; `before`/`after` is None where that side has no such finding."""

    rule: str
    label: str
    severity: Severity
    provision: str | None
    before: Outcome | None
    after: Outcome | None
    change: Change
    base: Finding | None = field(default=None, compare=False, repr=False)
    other: Finding | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        return ids.finding_key(self.rule, self.provision or "")

    def sort_key(self) -> tuple[Any, ...]:
        return (CHANGE_ORDER[self.change], SEVERITY_ORDER[self.severity], self.provision is None,
                self.provision or "", self.rule)


@dataclass(frozen=True)
class ProvisionChange:
    """One field of one provision that differs; values are JSON values, None meaning not known (or absent)."""

    provision: str
    field: str
    before: Any
    after: Any
    sources: list[Source]


@dataclass
class Comparison:
    base_id: str
    base_name: str
    base_as_of: str
    other_id: str
    other_kind: str  # "jurisdiction" or "bill"
    other_title: str
    other_as_of: str
    changes: list[FindingChange]
    provision_changes: list[ProvisionChange]

    @property
    def differences(self) -> list[FindingChange]:
        return [c for c in self.changes if c.change is not Change.unchanged]

    @property
    def introduced(self) -> list[FindingChange]:
        return [c for c in self.changes if c.change is Change.introduced]

    def is_empty(self) -> bool:
        return not self.differences and not self.provision_changes

    def counts(self) -> dict[str, int]:
        counts = {change.value: 0 for change in Change}
        for item in self.changes:
            counts[item.change.value] += 1
        return counts


# --- applying a bill --------------------------------------------------------------------


def apply_bill(jurisdiction: Jurisdiction, bill: Bill) -> Jurisdiction:
    """The jurisdiction as it would be if the bill were adopted; the inputs are left untouched.

    Call `check_bill` first: a bill it rejects makes this raise ValueError.
    """
    adopted = bill.law.model_copy(update={"status": Status.in_force})
    laws = [adopted if law.id == adopted.id else law for law in jurisdiction.laws]
    if all(law.id != adopted.id for law in jurisdiction.laws):
        laws.append(adopted)
    provisions = {p.id: p for p in jurisdiction.provisions}
    for change in bill.changes:
        if isinstance(change, Insert):
            if change.insert.id in provisions:
                raise ValueError(f"{change.insert.id!r} is already a provision of {jurisdiction.id}")
            provisions[change.insert.id] = change.insert.model_copy(update={"status": Status.in_force})
        else:
            target = change.replace if isinstance(change, Replace) else change.repeal
            current = provisions.get(target)
            if current is None:
                raise ValueError(f"no provision {target!r} in {jurisdiction.id}")
            provisions[target] = _replaced(current, change) if isinstance(change, Replace) else _repealed(
                current, change)
    return jurisdiction.model_copy(update={"laws": laws, "provisions": list(provisions.values())})


def _replaced_data(provision: Provision, change: Replace) -> dict[str, Any]:
    data = provision.model_dump(exclude_unset=False)
    data.update(change.set)
    data["sources"] = [s.model_dump() for s in (*change.sources, *provision.sources)]
    return data


def _replaced(provision: Provision, change: Replace) -> Provision:
    return Provision.model_validate(_replaced_data(provision, change))


def _repealed(provision: Provision, change: Repeal) -> Provision:
    return provision.model_copy(update={"status": Status.repealed, "sources": [*change.sources, *provision.sources]})


def check_bill(bill: Bill, loaded: Loaded, jurisdiction: Jurisdiction) -> list[Problem]:
    """Located problems that would stop the bill applying to this jurisdiction: unknown targets, bad `set`."""
    problems: list[Problem] = []
    if bill.applies_to != jurisdiction.id:
        problems.append(loaded.problem(("applies_to",), f"this bill applies to {bill.applies_to!r}, but the "
                                                        f"file compared is {jurisdiction.id!r}"))
    if loaded.path.stem != bill.id:
        problems.append(loaded.problem(("id",), f"bill id {bill.id!r} differs from the file name; name the file "
                                                f"{bill.id}.yaml"))
    law_ids = sorted({law.id for law in jurisdiction.laws} | {bill.law.id})
    provisions = {p.id: p for p in jurisdiction.provisions}
    for index, change in enumerate(bill.changes):
        where: tuple[str | int, ...] = ("changes", index)
        if isinstance(change, Insert):
            new = change.insert
            if new.id in provisions:
                problems.append(loaded.problem((*where, "insert", "id"), f"{new.id!r} is already a provision of "
                                               f"{jurisdiction.id}; to change it, write replace: {new.id}"))
                continue
            if not new.id.startswith(jurisdiction.country + "/"):
                problems.append(loaded.problem((*where, "insert", "id"), f"{new.id!r} does not start with the "
                                               f"country code {jurisdiction.country!r}/"))
            if new.law not in law_ids:
                did = did_you_mean(new.law, law_ids)
                problems.append(loaded.problem((*where, "insert", "law"),
                                               f"law {new.law!r} is neither the bill's law nor a law of "
                                               f"{jurisdiction.id}{did}"))
            for position, target in enumerate(new.amends):
                if target not in provisions:
                    problems.append(_unknown_target(loaded, (*where, "insert", "amends", position), target,
                                                    provisions, jurisdiction))
            provisions[new.id] = new
            continue
        target = change.replace if isinstance(change, Replace) else change.repeal
        verb = "replace" if isinstance(change, Replace) else "repeal"
        current = provisions.get(target)
        if current is None:
            problems.append(_unknown_target(loaded, (*where, verb), target, provisions, jurisdiction))
            continue
        if isinstance(change, Replace):
            found = _check_set(change, current, loaded, (*where, "set"))
            problems += found
            if not found:
                provisions[target] = _replaced(current, change)
    if not problems:
        try:
            applied = apply_bill(jurisdiction, bill)
            Jurisdiction.model_validate(applied.model_dump())
        except (ValueError, ValidationError) as error:
            problems.append(loaded.problem(("changes",), f"the bill cannot be applied to {jurisdiction.id}: "
                                                         f"{_first_line(error)}"))
    return sorted(problems)


def _first_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(e["msg"]) for e in error.errors(include_url=False))
    return str(error)


def _unknown_target(loaded: Loaded, where: tuple[str | int, ...], target: str, provisions: dict[str, Provision],
                    jurisdiction: Jurisdiction) -> Problem:
    did = did_you_mean(target, sorted(provisions))
    return loaded.problem(where, f"no provision {target!r} in {jurisdiction.id}{did}")


def _check_set(change: Replace, provision: Provision, loaded: Loaded, where: tuple[str | int, ...]) -> list[Problem]:
    """Validate the provision as `set` would leave it, with each problem located in the bill file."""
    problems = [loaded.problem((*where, name), f"{name!r} cannot be set by replace; "
                                               + ("write the sources beside set" if name == "sources"
                                                  else "repeal the provision and insert a new one"), at_key=True)
                for name in change.set if name in FIXED_FIELDS]
    if problems:
        return problems
    # a problem with a field the bill does not set falls back to `set:` itself
    shadow = Loaded(loaded.path, _replaced_data(provision, change), loaded.marks.within(where))
    validate(shadow, Provision)
    return shadow.problems


# --- comparing --------------------------------------------------------------------------


def compare(base: Assessment, other: Assessment, base_jurisdiction: Jurisdiction, other_jurisdiction: Jurisdiction,
            *, other_kind: str = "jurisdiction", other_id: str | None = None,
            other_title: str | None = None) -> Comparison:
    """Match the findings of two assessments by key and the provisions of two jurisdictions by id."""
    before = {f.key: f for f in base.findings}
    after = {f.key: f for f in other.findings}
    changes = sorted((_finding_change(before.get(key), after.get(key)) for key in before.keys() | after.keys()),
                     key=FindingChange.sort_key)
    return Comparison(
        base_id=base_jurisdiction.id,
        base_name=base_jurisdiction.name,
        base_as_of=base_jurisdiction.as_of.isoformat(),
        other_id=other_id or other_jurisdiction.id,
        other_kind=other_kind,
        other_title=other_title or f"{other_jurisdiction.name} ({other_jurisdiction.as_of.isoformat()})",
        other_as_of=other_jurisdiction.as_of.isoformat(),
        changes=changes,
        provision_changes=provision_changes(base_jurisdiction, other_jurisdiction),
    )


def classify(before: Outcome | None, after: Outcome | None) -> Change:
    if before == after:
        return Change.unchanged
    if after is Outcome.gap:
        return Change.introduced
    if before is Outcome.gap:
        return Change.closed
    return Change.status_changed


def _finding_change(base: Finding | None, other: Finding | None) -> FindingChange:
    either = other or base
    assert either is not None
    provision = either.provisions[0].id if either.provisions and either.rule_kind != "absence" else None
    before = base.status if base else None
    after = other.status if other else None
    return FindingChange(either.rule, either.label, either.severity, provision, before, after,
                         classify(before, after), base, other)


def provision_changes(base: Jurisdiction, other: Jurisdiction) -> list[ProvisionChange]:
    """Per provision id, each field whose value differs (status as in force, from the provision or its law)."""
    old = {p.id: p for p in base.provisions}
    new = {p.id: p for p in other.provisions}
    changes: list[ProvisionChange] = []
    for pid in sorted(old.keys() | new.keys()):
        before, after = old.get(pid), new.get(pid)
        if before is None and after is not None:
            changes.append(ProvisionChange(pid, PROVISION_FIELD, None, after.title, list(after.sources)))
        elif after is None and before is not None:
            law = _law(other, before.law)
            changes.append(ProvisionChange(pid, PROVISION_FIELD, before.title, None,
                                           list(law.sources) if law else []))
        elif before is not None and after is not None:
            changes += _field_changes(before, after, base, other)
    return changes


def _values(provision: Provision, jurisdiction: Jurisdiction) -> dict[str, Any]:
    values = provision.model_dump(mode="json", exclude={"sources"}, exclude_none=True)
    values["status"] = status_of(provision, jurisdiction).value
    return values


def _field_changes(before: Provision, after: Provision, base: Jurisdiction,
                   other: Jurisdiction) -> list[ProvisionChange]:
    old, new = _values(before, base), _values(after, other)
    return [ProvisionChange(after.id, name, old.get(name), new.get(name),
                            _sources_for(name, before, after, base, other))
            for name in Provision.model_fields if old.get(name) != new.get(name)]


def _law(jurisdiction: Jurisdiction, law_id: str) -> Law | None:
    return next((law for law in jurisdiction.laws if law.id == law_id), None)


def _sources_for(name: str, before: Provision, after: Provision, base: Jurisdiction,
                 other: Jurisdiction) -> list[Source]:
    """The sources of the new value: those new to OTHER first; a status that comes from the law cites the law."""
    if name == "status" and after.status is None:
        old_law, new_law = _law(base, before.law), _law(other, after.law)
        if new_law is None:
            return []
        known = list(old_law.sources) if old_law else []
        fresh = [s for s in new_law.sources if s not in known]
        return fresh or list(new_law.sources)
    covering = [s for s in after.sources if not s.covers or name in s.covers]
    fresh = [s for s in covering if s not in before.sources]
    return fresh or covering or list(after.sources)


# --- the verb ---------------------------------------------------------------------------


def resolve_bill(name: str) -> Path:
    """A bill path as given, or a bill id looked up in the bundled legislation/bills/ folder."""
    return resolve_bundled(name, data_dir("legislation") / "bills")


def run_compare(base_path: str, others: list[str], bills: list[str], *,
                knowledge: Knowledge | None = None,
                assessor: Assessor | None = None) -> tuple[list[Comparison] | None, list[Problem]]:
    """Compare BASE with each OTHER jurisdiction file, then with BASE as each bill would leave it.

    Comparisons come in that order (jurisdictions, then bills, each as given).  Returns None with
    the problems when any input has an error; engine problems are returned as problems too.
    """
    if assessor is not None:
        knowledge = assessor.knowledge
    knowledge = knowledge or load_knowledge()
    problems = list(knowledge.problems)
    if _errors(problems):
        return None, problems
    base_file = resolve_subject(base_path)
    base, found = _load_jurisdiction(base_file, knowledge)
    problems += found
    versions: list[tuple[Jurisdiction, str, str, str, Path]] = []  # jurisdiction, kind, id, title, file
    for name in others:
        path = resolve_subject(name)
        other, found = _load_jurisdiction(path, knowledge)
        problems += found
        if other is not None:
            versions.append((other, "jurisdiction", other.id, f"{other.name} ({other.as_of.isoformat()})", path))
    for name in bills:
        bill_file = resolve_bill(name)
        model, loaded = load_file(bill_file, "bill")
        problems += loaded.problems
        if not isinstance(model, Bill) or loaded.problems:
            continue
        found = check_subject(model, loaded, knowledge)
        if base is not None and not found:
            found = check_bill(model, loaded, base)
        problems += found
        if base is not None and not found:
            versions.append((apply_bill(base, model), "bill", model.id, model.title, bill_file))
    if base is None or _errors(problems):
        return None, sorted(problems)
    owned = assessor is None
    runner = assessor or Assessor(knowledge)
    try:
        before = runner.assess(base)
        comparisons = []
        for version, kind, vid, title, file in versions:
            after = runner.assess(version)
            problems += after.engine_failures(str(file))
            comparisons.append(compare(before, after, base, version, other_kind=kind, other_id=vid,
                                       other_title=title))
        problems += before.engine_failures(str(base_file))
    finally:
        if owned:
            runner.close()
    if _errors(problems):
        return None, sorted(problems)
    return comparisons, sorted(problems)


def _errors(problems: list[Problem]) -> bool:
    return any(p.level is Level.error for p in problems)


def _load_jurisdiction(path: Path, knowledge: Knowledge) -> tuple[Jurisdiction | None, list[Problem]]:
    subject, problems = load_subject(path, knowledge)
    if subject is not None and not isinstance(subject, Jurisdiction):
        return None, [Problem(str(path), 1, 1, "this is a company file; compare works on jurisdiction files")]
    return subject, problems


__all__ = ["Change", "Comparison", "FindingChange", "ProvisionChange", "apply_bill", "check_bill", "classify",
           "compare", "provision_changes", "resolve_bill", "run_compare"]
