"""Whether a standard can ground a rule: it speaks to the rule's area of law and to its victims.

A rule may cite a standard only where that standard governs: the trafficking treaties
ground findings on trafficking, not on a possession offence; a child-specific
instrument grounds findings on provisions protecting children, never on an offence
protecting adults only.  The data is on the standards (`areas`, `victims`, on the
instrument or one of its provisions); this module reads it, at load time for every
basis of every rule, and at assessment for each finding.
"""

from __future__ import annotations

from lexgap import vocabulary as v
from lexgap.models import Instrument, Rule, StandardProvision

_CHILD_AREAS = frozenset({v.Area.csam, v.Area.child_sexual_abuse})


def _conduct_words(rule: Rule) -> list[str] | None:
    condition = rule.gap_when_no_provision or rule.applies_to
    test = condition.get("conduct")
    if test is None or test.any_of is None:
        return None
    return [str(word) for word in test.any_of]


def rule_areas(rule: Rule) -> frozenset[str]:
    """The areas of law a rule's findings can fall in: its `area` and the areas of the conduct it reads."""
    areas = {str(rule.area)} if rule.area is not None else set()
    conducts = _conduct_words(rule)
    if conducts is None:
        return frozenset(areas) if areas else frozenset(str(a) for a in v.Area)
    return frozenset(areas | {str(v.area_of_conduct(c)) for c in conducts})


def rule_excludes_children(rule: Rule) -> bool:
    """A rule scoped to provisions that protect no child (adults only)."""
    test = rule.applies_to.get("protects_children")
    return test is not None and (test.any_of == ["no"] or test.none_of == ["yes"])


def finding_areas(conducts: list[str], rule: Rule) -> frozenset[str]:
    """The areas of one finding: those of the conduct it concerns, else the rule's."""
    if conducts:
        return frozenset(str(v.area_of_conduct(c)) for c in conducts)
    return rule_areas(rule)


def basis_areas(instrument: Instrument, provision: StandardProvision) -> list[str]:
    return [str(a) for a in (provision.areas or instrument.areas)]


def basis_victims(instrument: Instrument, provision: StandardProvision) -> list[str]:
    return [str(x) for x in (provision.victims or instrument.victims)]


def misfit(rule: Rule, instrument: Instrument, provision: StandardProvision) -> str | None:
    """Why this standard cannot ground this rule, or None when it fits."""
    cited = f"{instrument.short_title} {provision.pinpoint}"
    areas = basis_areas(instrument, provision)
    if not areas:
        return (f"{cited} records no areas of law, so lexgap cannot tell whether it fits; add `areas:` to "
                f"standards/{instrument.id}.yaml (on the instrument or on provision {provision.id!r})")
    wanted = rule_areas(rule)
    if not set(areas) & wanted:
        return (f"{cited} speaks to {', '.join(sorted(areas))}, not to this rule's "
                f"{'area' if len(wanted) == 1 else 'areas'} ({', '.join(sorted(wanted))}); cite a standard that "
                "governs this area, or give the rule the area its basis speaks to")
    if basis_victims(instrument, provision) == ["child"] and rule_excludes_children(rule):
        return (f"{cited} speaks only to children, and this rule looks only at provisions that protect no child; "
                "cite a standard that speaks to adult victims")
    return None
