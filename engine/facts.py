"""From a subject file to the flat facts the engine sees, with every unknown made explicit.

durable-rules is two-valued and never matches an absent attribute with `<` or
`!=`; so every attribute a rule can read is present on every fact, with a
companion `<name>__known` flag.  A provision becomes one *coverage* fact per
conduct it covers, so that "another provision covers the same conduct" is a
plain equality between facts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from lexgap import ids
from lexgap import vocabulary as v
from lexgap.attributes import COMPANY_ATTRIBUTES, PROVISION_ATTRIBUTES, Attribute
from lexgap.models import Company, HarmAlternatives, Jurisdiction, MentalAlternatives, Provision

UNKNOWN = "unknown"
COVERAGE = "coverage"
ANCHOR = "jurisdiction"
COMPANY = "company"
ANCHOR_ID = ids.ANCHOR_ID
#: The slots `replaces_1` ... every coverage fact has at least, for the provisions its provision amends (empty
#: where it amends fewer); a subject with a provision amending more has as many slots as that provision needs.
REPLACES_SLOTS = 4


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


def least_harm(harm: v.HarmRequirement | HarmAlternatives | None) -> v.HarmRequirement | None:
    """An either/or harm requirement counts as its least demanding alternative."""
    if harm is None or isinstance(harm, v.HarmRequirement):
        return harm
    return min(harm.any_of, key=lambda h: (v.HARM_RANK[h], h.value))


def prosecution_words(prosecution: v.Prosecution | list[v.Prosecution] | None) -> list[v.Prosecution] | None:
    """`prosecution` as a list: one word (the older form) or every word that applies."""
    if prosecution is None or isinstance(prosecution, list):
        return prosecution
    return [prosecution]


_SELF_GENERATED = (v.Conduct.csam_produce, v.Conduct.csam_possess, v.Conduct.csam_distribute)


def peer_exception_reach(provision: Provision) -> v.PeerExceptionReach | None:
    """How far the provision's exception for consensual self-generated images of adolescents reaches."""
    scope = provision.peer_exception
    if scope is None:
        if provision.exceptions is None:
            return None
        if v.Exception_.peer_consensual_private in provision.exceptions:
            return v.PeerExceptionReach.adequate
        return v.PeerExceptionReach.none
    if scope.relationship is None:
        return None
    if scope.relationship != [v.Relationship.none]:
        return v.PeerExceptionReach.relationship_limited
    if scope.age_max is not None and scope.age_max < 17:
        return v.PeerExceptionReach.age_limited
    if scope.age_min is not None and scope.age_min > 0:
        if provision.age_of_consent is None:
            return None
        if scope.age_min > provision.age_of_consent:
            return v.PeerExceptionReach.age_limited
    wanted = {c for c in provision.conduct if c in _SELF_GENERATED}
    if not wanted <= set(scope.conduct):
        return v.PeerExceptionReach.excludes_acts
    return v.PeerExceptionReach.adequate


def csam_limbs(provision: Provision) -> list[v.CsamLimb] | None:
    """The limbs of the CSAM definition, with what a limb implies ('appears to be a child' reaches generated images)."""
    if provision.csam_definition is None:
        return None
    limbs = set(provision.csam_definition)
    for limb in list(limbs):
        limbs.update(v.CSAM_LIMBS_IMPLIED.get(limb, ()))
    return sorted(limbs)


def defence_words(provision: Provision) -> list[v.Defence] | None:
    """The defences whose scope reaches any conduct of the provision."""
    if provision.defences is None:
        return None
    conduct = set(provision.conduct)
    return sorted({d.defence for d in provision.defences if not d.conduct or conduct & set(d.conduct)})


#: Provision fields a `disputed` entry can name, and the attributes that are then not known.
DISPUTED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "victims": ("victim_categories", "victim_age_min", "victim_age_max", "protects_children", "protects_adults"),
    "peer_exception": ("peer_exception",),
    "exceptions": ("exceptions", "peer_exception"),
    "age_of_consent": ("peer_exception",),
    "offender_age_min": ("children_can_offend",),
    "csam_definition": ("csam_definition",),
    "defences": ("defences",),
}


def disputed_attributes(provision: Provision) -> dict[str, str]:
    """Each attribute made unknown by a disputed fact, with the field it comes from."""
    result: dict[str, str] = {}
    for entry in provision.disputed:
        for name in DISPUTED_ATTRIBUTES.get(entry.field, (entry.field,)):
            result.setdefault(name, entry.field)
    return result


def provision_values(provision: Provision, status: v.Status) -> dict[str, Any]:
    """The value of every provision attribute, None where the file does not say or a source disputes it."""
    values = _provision_values(provision, status)
    for name in disputed_attributes(provision):
        if name in values:
            values[name] = None
    return values


def _provision_values(provision: Provision, status: v.Status) -> dict[str, Any]:
    victims = provision.victims
    known, children, adults = victim_reach(provision)
    offender = provision.offender_age_min
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
        "harm_requirement": least_harm(provision.harm_requirement),
        "consent_treatment": provision.consent_treatment,
        "means_required": provision.means_required,
        "scope_requirement": provision.scope_requirement,
        "prosecution": prosecution_words(provision.prosecution),
        "exceptions": provision.exceptions,
        "addressees": provision.addressees,
        "csam_definition": csam_limbs(provision),
        "children_can_offend": None if offender is None else (v.YesNo.yes if offender < 18 else v.YesNo.no),
        "peer_exception": peer_exception_reach(provision),
        "defences": defence_words(provision),
        "recklessness_as_to": provision.recklessness_as_to,
        "aggravating_circumstances": provision.aggravating_circumstances,
        "images_reached": provision.images_reached,
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


def victim_reach(provision: Provision) -> tuple[int, int, int]:
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


def conduct_on(provision: Provision, as_of: Any) -> list[v.Conduct]:
    """The conduct the provision covers on the file's date: conduct added after it is left out."""
    later = {a.conduct for a in provision.conduct_added if a.date > as_of}
    return sorted(set(provision.conduct) - later)


def legal_system_of(provision: Provision, jurisdiction: Jurisdiction) -> str:
    law = next((law for law in jurisdiction.laws if law.id == provision.law), None)
    return (law.legal_system or "") if law is not None else ""


def coverage_facts(jurisdiction: Jurisdiction) -> list[dict[str, Any]]:
    """One fact per (provision, conduct), in a stable order, then the jurisdiction anchor last."""
    facts: list[dict[str, Any]] = []
    slots = max([REPLACES_SLOTS, *(len(provision.amends) for provision in jurisdiction.provisions)])
    for provision in sorted(jurisdiction.provisions, key=lambda p: p.id):
        status = status_of(provision, jurisdiction)
        base: dict[str, Any] = {"t": COVERAGE, "provision": provision.id, "law": provision.law,
                                "legal_system": legal_system_of(provision, jurisdiction)}
        values = provision_values(provision, status)
        for name, attribute in PROVISION_ATTRIBUTES.items():
            if name != "conduct":
                _encode(attribute, values[name], base)
        known, children, adults = victim_reach(provision)
        if any(d.field == "victims" for d in provision.disputed):
            known = 0
        floor, reach = child_ages(provision, children)
        base.update(victims_known=known, covers_children=children, covers_adults=adults,
                    child_age_floor=floor, child_age_reach=reach)
        replaced = sorted(provision.amends)  # every one: a provision left out here could cure the one replacing it
        for index in range(slots):
            base[f"replaces_{index + 1}"] = replaced[index] if index < len(replaced) else ""
        for conduct in conduct_on(provision, jurisdiction.as_of):
            fact = dict(base, id=ids.fact_id(provision.id, conduct), conduct=str(conduct), conduct__known=1)
            fact["disputed"] = 1 if conduct in provision.conduct_disputed else 0
            facts.append(fact)
    facts.append(anchor_fact(jurisdiction))
    return facts


def replaced_width(facts: Iterable[dict[str, Any]]) -> int:
    """How many `replaces_N` slots these facts fill: the last N any coverage fact names a provision in (each
    fact fills its slots from the first on)."""
    width = 0
    for fact in facts:
        if fact["t"] == COVERAGE:
            while fact.get(f"replaces_{width + 1}"):
                width += 1
    return width


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
