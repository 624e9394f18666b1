"""The attributes a rule condition may read, with the vocabulary of each.

This is the shape of a fact as the engine sees it: one table, read by the
condition parser (to check words), the fact builder (to fill every attribute,
`unknown` included) and the describer (to say a condition in plain words).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lexgap import vocabulary as v
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)


@dataclass(frozen=True)
class Attribute:
    name: str
    english: str  # how an English sentence names it: "the mental element"
    vocabulary: type[StrEnum] | None  # None: a number
    many: bool  # a list of words rather than one word

    @property
    def plain(self) -> str:
        """How a sentence in the language in use names it."""
        return str(en.ATTRIBUTE_PHRASES.get(self.name, self.english))


_PROVISION_ATTRIBUTES = [
    Attribute("status", en.ATTRIBUTE_PHRASES["status"], v.Status, False),
    Attribute("provision_type", en.ATTRIBUTE_PHRASES["provision_type"], v.ProvisionType, False),
    Attribute("conduct", en.ATTRIBUTE_PHRASES["conduct"], v.Conduct, False),
    Attribute("medium", en.ATTRIBUTE_PHRASES["medium"], v.Medium, False),
    Attribute("victim_categories", en.ATTRIBUTE_PHRASES["victim_categories"], v.VictimCategory, True),
    Attribute("protects_children", en.ATTRIBUTE_PHRASES["protects_children"], v.YesNo, False),
    Attribute("protects_adults", en.ATTRIBUTE_PHRASES["protects_adults"], v.YesNo, False),
    Attribute("victim_age_min", en.ATTRIBUTE_PHRASES["victim_age_min"], None, False),
    Attribute("victim_age_max", en.ATTRIBUTE_PHRASES["victim_age_max"], None, False),
    Attribute("relationship_required", en.ATTRIBUTE_PHRASES["relationship_required"],
              v.Relationship, True),
    Attribute("mental_element", en.ATTRIBUTE_PHRASES["mental_element"],
              v.MentalElement, True),
    Attribute("harm_requirement", en.ATTRIBUTE_PHRASES["harm_requirement"], v.HarmRequirement, False),
    Attribute("consent_treatment", en.ATTRIBUTE_PHRASES["consent_treatment"], v.ConsentTreatment, False),
    Attribute("means_required", en.ATTRIBUTE_PHRASES["means_required"], v.MeansRequired, False),
    Attribute("scope_requirement", en.ATTRIBUTE_PHRASES["scope_requirement"], v.ScopeRequirement, False),
    Attribute("prosecution", en.ATTRIBUTE_PHRASES["prosecution"], v.Prosecution, True),
    Attribute("exceptions", en.ATTRIBUTE_PHRASES["exceptions"], v.Exception_, True),
    Attribute("addressees", en.ATTRIBUTE_PHRASES["addressees"], v.Addressee, True),
    Attribute("csam_definition", en.ATTRIBUTE_PHRASES["csam_definition"], v.CsamLimb, True),
    Attribute("children_can_offend", en.ATTRIBUTE_PHRASES["children_can_offend"], v.YesNo, False),
    Attribute("peer_exception", en.ATTRIBUTE_PHRASES["peer_exception"], v.PeerExceptionReach, False),
    Attribute("defences", en.ATTRIBUTE_PHRASES["defences"], v.Defence, True),
    Attribute("recklessness_as_to", en.ATTRIBUTE_PHRASES["recklessness_as_to"], v.RecklessnessObject, True),
    Attribute("aggravating_circumstances", en.ATTRIBUTE_PHRASES["aggravating_circumstances"], v.Aggravation, True),
    Attribute("images_reached", en.ATTRIBUTE_PHRASES["images_reached"], v.ImageKind, True),
]

_PRACTICES = list(en.PRACTICE_PHRASES.items())

PRACTICES: dict[str, str] = dict(_PRACTICES)

PROVISION_ATTRIBUTES: dict[str, Attribute] = {a.name: a for a in _PROVISION_ATTRIBUTES}
COMPANY_ATTRIBUTES: dict[str, Attribute] = {
    name: Attribute(name, plain, v.Answer, False) for name, plain in _PRACTICES
}

#: Attribute names per subject kind a rule can be written for.
ATTRIBUTES_BY_SUBJECT: dict[str, dict[str, Attribute]] = {
    "jurisdiction": PROVISION_ATTRIBUTES,
    "company": COMPANY_ATTRIBUTES,
}
