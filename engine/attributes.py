"""The attributes a rule condition may read, with the vocabulary of each.

This is the shape of a fact as the engine sees it: one table, read by the
condition parser (to check words), the fact builder (to fill every attribute,
`unknown` included) and the describer (to say a condition in plain words).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lexgap import vocabulary as v


@dataclass(frozen=True)
class Attribute:
    name: str
    plain: str  # how a sentence names it: "the mental element"
    vocabulary: type[StrEnum] | None  # None: a number
    many: bool  # a list of words rather than one word


_PROVISION_ATTRIBUTES = [
    Attribute("status", "the status", v.Status, False),
    Attribute("provision_type", "the type of provision", v.ProvisionType, False),
    Attribute("conduct", "the conduct covered", v.Conduct, False),
    Attribute("medium", "the medium covered", v.Medium, False),
    Attribute("victim_categories", "the victims protected", v.VictimCategory, True),
    Attribute("protects_children", "whether it protects victims under 18", v.YesNo, False),
    Attribute("protects_adults", "whether it protects victims aged 18 or over", v.YesNo, False),
    Attribute("victim_age_min", "the minimum age of a protected victim", None, False),
    Attribute("victim_age_max", "the maximum age of a protected victim", None, False),
    Attribute("relationship_required", "the relationship required between perpetrator and victim",
              v.Relationship, True),
    Attribute("mental_element", "the mental element (least demanding alternative)",
              v.MentalElement, True),
    Attribute("harm_requirement", "the harm requirement", v.HarmRequirement, False),
    Attribute("consent_treatment", "the treatment of the victim's consent", v.ConsentTreatment, False),
    Attribute("means_required", "the means required", v.MeansRequired, False),
    Attribute("scope_requirement", "the scope requirement", v.ScopeRequirement, False),
    Attribute("prosecution", "how prosecution starts", v.Prosecution, True),
    Attribute("exceptions", "the exceptions", v.Exception_, True),
    Attribute("addressees", "who the provision binds", v.Addressee, True),
    Attribute("csam_definition", "what its definition of child sexual abuse material reaches", v.CsamLimb, True),
    Attribute("children_can_offend", "whether a person under 18 can commit it", v.YesNo, False),
    Attribute("peer_exception", "its exception for consensual self-generated images of adolescents",
              v.PeerExceptionReach, False),
    Attribute("defences", "the defences open to the accused", v.Defence, True),
    Attribute("recklessness_as_to", "what the recklessness must be about", v.RecklessnessObject, True),
    Attribute("aggravating_circumstances", "the aggravating circumstances", v.Aggravation, True),
    Attribute("images_reached", "the images of a person it reaches", v.ImageKind, True),
]

_PRACTICES = [
    ("policy_commitment", "a human-rights policy commitment"),
    ("human_rights_due_diligence", "a human-rights due diligence process"),
    ("integration_action", "action on the findings of due diligence"),
    ("effectiveness_tracking", "tracking of the effectiveness of its response"),
    ("communication", "public communication on how impacts are addressed"),
    ("remediation", "remediation of the impacts it causes or contributes to"),
    ("grievance_mechanism", "an operational-level grievance mechanism"),
    ("law_enforcement_reporting", "reporting of abuse to law enforcement authorities"),
    ("referral_cooperation", "cooperation with national referral mechanisms and victim services"),
    ("staff_training", "training of staff to identify and report abuse"),
    ("content_moderation", "content moderation able to detect and remove abuse material"),
    ("national_law_compliance", "compliance with national law on child protection"),
]

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
