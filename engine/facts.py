"""From a subject file to the flat facts the engine sees, with every unknown made explicit.

durable-rules is two-valued and never matches an absent attribute with `<` or
`!=`; so every attribute a rule can read is present on every fact, with a
companion `<name>__known` flag.  A provision becomes one *coverage* fact per
conduct it covers, so that "another provision covers the same conduct" is a
plain equality between facts.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import Any

from lexgap import ids
from lexgap import vocabulary as v
from lexgap.attributes import COMPANY_ATTRIBUTES, PROVISION_ATTRIBUTES, Attribute
from lexgap.models import Company, Jurisdiction, MentalAlternatives, Provision

UNKNOWN = "unknown"
COVERAGE = "coverage"
ANCHOR = "jurisdiction"
COMPANY = "company"
ANCHOR_ID = ids.ANCHOR_ID
#: A coverage fact names up to this many provisions it would replace.
MAX_REPLACED = 4


def known_flag(name: str) -> str:
    return f"{name}__known"


def word_flag(name: str, word: str) -> str:
    return f"{name}__{word}"


def least_demanding(mental: list[v.MentalElement] | MentalAlternatives | None) -> list[v.MentalElement] | None:
    """An either/or mental element counts as its least demanding alternative."""
    if mental is None or isinstance(mental, list):
        return mental
    def demand(alternative: list[v.MentalElement]) -> tuple[int, list[str]]:
        return (max(v.MENTAL_ELEMENT_RANK[e] for e in alternative), sorted(alternative))
    return min(mental.any_of, key=demand)


def provision_values(provision: Provision, status: v.Status) -> dict[str, Any]:
    """The value of every provision attribute, None where the file does not say."""
    victims = provision.victims
    known, children, adults = _victim_reach(provision)
    return {
        "protects_children": (v.YesNo.yes if children else v.YesNo.no) if known else None,
        "protects_adults": (v.YesNo.yes if adults else v.YesNo.no) if known else None,
        "status": status,
        "conduct": sorted(set(provision.conduct)),  # one coverage fact per word; said as the whole list
        "provision_type": provision.provision_type,
        "medium": provision.medium,
        "victim_categories": victims.categories if victims else None,
        "victim_age_min": victims.age_min if victims else None,
        "victim_age_max": victims.age_max if victims else None,
        "relationship_required": provision.relationship_required,
        "mental_element": least_demanding(provision.mental_element),
        "harm_requirement": provision.harm_requirement,
        "consent_treatment": provision.consent_treatment,
        "means_required": provision.means_required,
        "scope_requirement": provision.scope_requirement,
        "prosecution": provision.prosecution,
        "exceptions": provision.exceptions,
        "addressees": provision.addressees,
    }


@functools.cache
def _word_flags(name: str, vocabulary: type[StrEnum]) -> tuple[tuple[str, str], ...]:
    """Each word of a many-valued attribute's vocabulary and its flag, in the vocabulary's order (said once)."""
    return tuple((word, word_flag(name, word)) for word in v.words(vocabulary))


def _encode(attribute: Attribute, value: Any, fact: dict[str, Any]) -> None:
    name = attribute.name
    fact[known_flag(name)] = 0 if value is None else 1
    if attribute.vocabulary is None:
        if value is not None:
            fact[name] = int(value)
    elif attribute.many:
        present = {str(w) for w in value or ()}
        for word, flag in _word_flags(name, attribute.vocabulary):
            fact[flag] = 1 if word in present else 0
    else:
        fact[name] = UNKNOWN if value is None else str(value)


def _victim_reach(provision: Provision) -> tuple[int, int, int]:
    """(known, covers children, covers adults); an unknown reach is taken as reaching both."""
    victims = provision.victims
    if victims is None:
        return 0, 1, 1
    categories = set(victims.categories)
    reaches_children = bool(categories & {v.VictimCategory.any_person, v.VictimCategory.child, v.VictimCategory.girl})
    reaches_adults = bool(categories & {v.VictimCategory.any_person, v.VictimCategory.adult, v.VictimCategory.woman})
    children = reaches_children and (victims.age_min is None or victims.age_min < 18)
    adults = reaches_adults and (victims.age_max is None or victims.age_max >= 18)
    return 1, int(children), int(adults)


def child_ages(provision: Provision, covers_children: int) -> tuple[int, int]:
    """The youngest and oldest child ages (0-17) a provision reaches; (18, -1) when it reaches no child.

    A cure must reach every child the deficient provision reaches: an offence for children
    under 16 does not cure one that requires proof of means for all children under 18.
    """
    if not covers_children:
        return 18, -1
    victims = provision.victims
    floor = victims.age_min if victims and victims.age_min is not None else 0
    reach = min(victims.age_max, 17) if victims and victims.age_max is not None else 17
    return floor, reach


def status_of(provision: Provision, jurisdiction: Jurisdiction) -> v.Status:
    if provision.status is not None:
        return provision.status
    law = next((law for law in jurisdiction.laws if law.id == provision.law), None)
    return law.status if law is not None else v.Status.draft


def coverage_facts(jurisdiction: Jurisdiction) -> list[dict[str, Any]]:
    """One fact per (provision, conduct), in a stable order, then the jurisdiction anchor last."""
    facts: list[dict[str, Any]] = []
    for provision in sorted(jurisdiction.provisions, key=lambda p: p.id):
        status = status_of(provision, jurisdiction)
        base: dict[str, Any] = {"t": COVERAGE, "provision": provision.id}
        values = provision_values(provision, status)
        for name, attribute in PROVISION_ATTRIBUTES.items():
            if name != "conduct":
                _encode(attribute, values[name], base)
        known, children, adults = _victim_reach(provision)
        floor, reach = child_ages(provision, children)
        base.update(victims_known=known, covers_children=children, covers_adults=adults,
                    child_age_floor=floor, child_age_reach=reach)
        replaced = sorted(provision.amends)[:MAX_REPLACED]
        for index in range(MAX_REPLACED):
            base[f"replaces_{index + 1}"] = replaced[index] if index < len(replaced) else ""
        for conduct in sorted(set(provision.conduct)):
            fact = dict(base, id=ids.fact_id(provision.id, conduct), conduct=str(conduct), conduct__known=1)
            fact["disputed"] = 1 if conduct in provision.conduct_disputed else 0
            facts.append(fact)
    facts.append(anchor_fact(jurisdiction))
    return facts


def anchor_fact(jurisdiction: Jurisdiction) -> dict[str, Any]:
    fact: dict[str, Any] = {"t": ANCHOR, "id": ANCHOR_ID}
    for area in v.Area:
        fact[f"complete__{area}"] = 1 if area in jurisdiction.complete_for else 0
    return fact


def company_facts(company: Company) -> list[dict[str, Any]]:
    fact: dict[str, Any] = {"t": COMPANY, "id": company.id}
    for name, attribute in COMPANY_ATTRIBUTES.items():
        practice = company.practices.get(name)
        _encode(attribute, practice.answer if practice else None, fact)
    return [fact]
