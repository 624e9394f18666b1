"""The closed vocabularies of lexgap, each word defined once with its meaning.

Every enumerated field of every file format draws its words from here, so that a
rule, a provision and a template can only ever speak of the same things.  The
meanings are shown by `lexgap vocabulary` and in the JSON Schema.
"""

from __future__ import annotations

import difflib
from enum import StrEnum


class Status(StrEnum):
    in_force = "in_force"
    adopted = "adopted"
    pending_bill = "pending_bill"
    draft = "draft"
    reported_draft = "reported_draft"
    repealed = "repealed"


class LawType(StrEnum):
    act = "act"
    code = "code"
    bill = "bill"
    government_position = "government_position"
    draft = "draft"


class InstrumentKind(StrEnum):
    treaty = "treaty"
    eu_law = "eu_law"
    general_comment = "general_comment"
    general_recommendation = "general_recommendation"
    treaty_body_guidelines = "treaty_body_guidelines"
    declaration = "declaration"
    soft_law_principles = "soft_law_principles"
    sp_report = "sp_report"
    sg_report = "sg_report"
    wg_report = "wg_report"
    concluding_observations = "concluding_observations"
    monitoring_report = "monitoring_report"


#: Instrument kinds that bind the States that ratify them; everything else is soft law.
BINDING_KINDS = frozenset({InstrumentKind.treaty, InstrumentKind.eu_law})


class ProvisionType(StrEnum):
    criminal_offence = "criminal_offence"
    civil_remedy = "civil_remedy"
    protection_measure = "protection_measure"
    administrative_duty = "administrative_duty"
    procedure = "procedure"
    definition = "definition"


class Conduct(StrEnum):
    csam_produce = "csam_produce"
    csam_distribute = "csam_distribute"
    csam_offer = "csam_offer"
    csam_sell = "csam_sell"
    csam_import_export = "csam_import_export"
    csam_procure = "csam_procure"
    csam_possess = "csam_possess"
    csam_access = "csam_access"
    csam_advertise = "csam_advertise"
    child_solicit = "child_solicit"
    child_solicit_images = "child_solicit_images"
    child_sexual_extortion = "child_sexual_extortion"
    child_live_stream = "child_live_stream"
    child_prostitution = "child_prostitution"
    child_sexual_activity = "child_sexual_activity"
    tip_recruit = "tip_recruit"
    tip_transport = "tip_transport"
    tip_transfer = "tip_transfer"
    tip_harbour = "tip_harbour"
    tip_receive = "tip_receive"
    tip_use_services = "tip_use_services"
    ncii_record = "ncii_record"
    ncii_disseminate = "ncii_disseminate"
    ncii_threaten = "ncii_threaten"
    online_harass = "online_harass"
    online_stalk = "online_stalk"
    online_threat = "online_threat"
    online_hate = "online_hate"
    illegal_access_interception = "illegal_access_interception"
    personal_data_disclosure = "personal_data_disclosure"
    platform_remove = "platform_remove"
    platform_report = "platform_report"
    platform_preserve_evidence = "platform_preserve_evidence"
    platform_due_diligence = "platform_due_diligence"
    victim_compensation = "victim_compensation"
    victim_assistance = "victim_assistance"


class MentalElement(StrEnum):
    strict = "strict"
    negligence = "negligence"
    recklessness = "recklessness"
    knowledge = "knowledge"
    intent_general = "intent_general"
    purpose_exploitation = "purpose_exploitation"
    purpose_sexual = "purpose_sexual"
    intent_to_harm = "intent_to_harm"
    intent_to_distress = "intent_to_distress"
    intent_to_harass = "intent_to_harass"
    specific_intent_other = "specific_intent_other"


#: How demanding each mental element is for the prosecution, least first.  An
#: either/or mental element is judged by its least demanding alternative.
MENTAL_ELEMENT_RANK: dict[MentalElement, int] = {
    MentalElement.strict: 0,
    MentalElement.negligence: 1,
    MentalElement.recklessness: 2,
    MentalElement.knowledge: 3,
    MentalElement.intent_general: 4,
    MentalElement.purpose_exploitation: 5,
    MentalElement.purpose_sexual: 5,
    MentalElement.intent_to_harm: 6,
    MentalElement.intent_to_distress: 6,
    MentalElement.intent_to_harass: 6,
    MentalElement.specific_intent_other: 6,
}


class Relationship(StrEnum):
    none = "none"
    family_member = "family_member"
    current_or_former_partner = "current_or_former_partner"
    spouse_or_former_spouse = "spouse_or_former_spouse"
    cohabitant = "cohabitant"
    household_member = "household_member"
    position_of_trust = "position_of_trust"
    caregiver = "caregiver"


class VictimCategory(StrEnum):
    any_person = "any_person"
    adult = "adult"
    child = "child"
    woman = "woman"
    girl = "girl"


class ConsentTreatment(StrEnum):
    irrelevant = "irrelevant"
    lack_of_consent_is_element = "lack_of_consent_is_element"
    defence = "defence"
    mitigating = "mitigating"
    not_addressed = "not_addressed"


class MeansRequired(StrEnum):
    none = "none"
    adults_only = "adults_only"
    all_victims = "all_victims"


class HarmRequirement(StrEnum):
    none = "none"
    apt_to_cause_harm = "apt_to_cause_harm"
    harm_proven = "harm_proven"
    distress_proven = "distress_proven"


class ScopeRequirement(StrEnum):
    none = "none"
    transnational = "transnational"
    organised_group = "organised_group"


class Exception_(StrEnum):
    none = "none"
    public_interest = "public_interest"
    public_interest_balancing = "public_interest_balancing"
    newsworthiness = "newsworthiness"
    artistic = "artistic"
    scientific_medical = "scientific_medical"
    law_enforcement = "law_enforcement"
    peer_consensual_private = "peer_consensual_private"
    victim_consent_to_exposure = "victim_consent_to_exposure"
    evidence_of_offence = "evidence_of_offence"
    legitimate_participant = "legitimate_participant"


class Prosecution(StrEnum):
    ex_officio = "ex_officio"
    on_complaint = "on_complaint"
    ends_on_withdrawal = "ends_on_withdrawal"


class Medium(StrEnum):
    any = "any"
    online_only = "online_only"
    offline_only = "offline_only"


class Addressee(StrEnum):
    natural_person = "natural_person"
    legal_person = "legal_person"
    intermediary = "intermediary"
    public_authority = "public_authority"


class Severity(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class Outcome(StrEnum):
    gap = "gap"
    not_assessable = "not_assessable"
    met = "met"


class YesNo(StrEnum):
    yes = "yes"
    no = "no"


class Answer(StrEnum):
    """What is known of a company's practice: lexgap never assumes `yes`."""

    yes = "yes"
    partial = "partial"
    no = "no"


class Area(StrEnum):
    """Areas of law for which a jurisdiction file can declare its provision list complete."""

    csam = "csam"
    child_sexual_abuse = "child_sexual_abuse"
    trafficking = "trafficking"
    intimate_images = "intimate_images"
    online_violence = "online_violence"
    platform_duties = "platform_duties"
    victim_remedies = "victim_remedies"
    corporate_liability = "corporate_liability"


SEVERITY_ORDER = {Severity.high: 0, Severity.medium: 1, Severity.low: 2}
OUTCOME_ORDER = {Outcome.gap: 0, Outcome.not_assessable: 1, Outcome.met: 2}

_MEANINGS: list[tuple[StrEnum, str]] = [
    (Status.in_force, "law in force on the file's date; only these provisions close a gap"),
    (Status.adopted, "passed by the legislature but not yet in force"),
    (Status.pending_bill, "a bill formally before the legislature"),
    (Status.draft, "a draft not yet tabled (ministry draft, consultation text)"),
    (Status.reported_draft, "a draft known only from reports; its text was not seen"),
    (Status.repealed, "no longer law; kept for comparison only"),
    (LawType.act, "an act of the legislature"),
    (LawType.code, "a code (criminal, civil...)"),
    (InstrumentKind.treaty, "a treaty binding the States that ratify it"),
    (InstrumentKind.eu_law, "European Union law binding member States"),
    (InstrumentKind.general_comment, "a treaty body's general comment (authoritative reading of a treaty)"),
    (InstrumentKind.general_recommendation, "CEDAW's general recommendation (authoritative reading of CEDAW)"),
    (InstrumentKind.treaty_body_guidelines, "a treaty body's guidelines on implementing a treaty"),
    (InstrumentKind.declaration, "a General Assembly declaration"),
    (InstrumentKind.soft_law_principles, "principles endorsed by a UN body, not a treaty"),
    (InstrumentKind.sp_report, "a report of a Special Procedures mandate-holder"),
    (InstrumentKind.sg_report, "a report of the Secretary-General"),
    (InstrumentKind.wg_report, "a report of a working group"),
    (InstrumentKind.concluding_observations, "a treaty body's concluding observations on one State"),
    (InstrumentKind.monitoring_report, "a monitoring body's report on one State (e.g. GRETA, GREVIO)"),
    (ProvisionType.criminal_offence, "a criminal offence"),
    (ProvisionType.civil_remedy, "a civil remedy for victims (compensation, injunction)"),
    (ProvisionType.protection_measure, "a protection measure (protection orders, services)"),
    (ProvisionType.administrative_duty, "an administrative duty (for example on platforms)"),
    (ProvisionType.procedure, "a rule of procedure"),
    (ProvisionType.definition, "a definition used by other provisions"),
    (VictimCategory.any_person, "any person, whatever age or sex"),
    (VictimCategory.adult, "adults only"),
    (VictimCategory.child, "children (under 18 unless ages say otherwise)"),
    (VictimCategory.woman, "women only"),
    (VictimCategory.girl, "girls only"),
    (ConsentTreatment.irrelevant, "the victim's consent is expressly irrelevant"),
    (ConsentTreatment.lack_of_consent_is_element, "the prosecution must prove the victim did not consent"),
    (ConsentTreatment.defence, "the victim's consent is a defence"),
    (ConsentTreatment.mitigating, "the victim's consent reduces the penalty"),
    (ConsentTreatment.not_addressed, "the text says nothing about consent"),
    (MeansRequired.none, "no means (force, deception...) need be proven"),
    (MeansRequired.adults_only, "means must be proven for adult victims only"),
    (MeansRequired.all_victims, "means must be proven for every victim, children included"),
    (HarmRequirement.none, "no harm need be shown"),
    (HarmRequirement.apt_to_cause_harm, "the act must be apt to cause harm; no proof that harm occurred"),
    (HarmRequirement.harm_proven, "harm to the victim must be proven"),
    (HarmRequirement.distress_proven, "the victim's distress must be proven"),
    (ScopeRequirement.none, "no transnational or organised-group element is required: all cases"),
    (ScopeRequirement.transnational, "transnational cases only"),
    (ScopeRequirement.organised_group, "cases involving an organised group only"),
    (Exception_.none, "the text has no exceptions"),
    (Exception_.artistic, "no offence for artistic works"),
    (Exception_.scientific_medical, "no offence for scientific or medical purposes"),
    (Exception_.law_enforcement, "no offence for law enforcement purposes"),
    (Prosecution.ex_officio, "by the authorities of their own motion"),
    (Prosecution.on_complaint, "only on the victim's complaint"),
    (Prosecution.ends_on_withdrawal, "on complaint, and ending if the victim withdraws it"),
    (Medium.any, "online and offline"),
    (Medium.online_only, "online only (acts through ICT)"),
    (Medium.offline_only, "offline only (acts outside ICT)"),
    (Addressee.natural_person, "individuals"),
    (Addressee.legal_person, "companies and other legal persons"),
    (Addressee.intermediary, "online intermediaries and platforms"),
    (Addressee.public_authority, "public authorities"),
    (Severity.high, "an express obligation of a treaty the State is party to, or its treaty body's reading"),
    (Severity.medium, "an obligation open to reservation or latitude"),
    (Severity.low, "soft law only"),
    (Outcome.gap, "the law falls short of the standard"),
    (Outcome.not_assessable, "a fact the rule needs is unknown: lexgap asks instead of guessing"),
    (Outcome.met, "the law meets the standard on this point"),
    (Answer.yes, "the company has it, per a source"),
    (Answer.partial, "the company has it in part"),
    (Answer.no, "the company does not have it, per a source"),
    (YesNo.yes, "yes"),
    (YesNo.no, "no"),
    (Area.csam, "child sexual abuse material"),
    (Area.child_sexual_abuse, "sexual abuse and exploitation of children (grooming, extortion, live streaming)"),
    (Area.trafficking, "trafficking in persons"),
    (Area.intimate_images, "non-consensual intimate images"),
    (Area.online_violence, "online violence (harassment, stalking, threats)"),
    (Area.platform_duties, "duties of online platforms"),
    (Area.victim_remedies, "victims' compensation and assistance"),
    (Area.corporate_liability, "liability of legal persons"),
    (LawType.bill, "a bill before the legislature"),
    (LawType.government_position, "a government's proposed changes to a bill"),
    (LawType.draft, "a draft law not yet tabled"),
    (Conduct.csam_produce, "producing child sexual abuse material"),
    (Conduct.csam_distribute, "distributing, disseminating or transmitting child sexual abuse material"),
    (Conduct.csam_offer, "offering or making available child sexual abuse material"),
    (Conduct.csam_sell, "selling child sexual abuse material"),
    (Conduct.csam_import_export, "importing or exporting child sexual abuse material"),
    (Conduct.csam_procure, "procuring child sexual abuse material for oneself or another"),
    (Conduct.csam_possess, "possessing child sexual abuse material"),
    (Conduct.csam_access, "knowingly obtaining access to child sexual abuse material online"),
    (Conduct.csam_advertise, "advertising child sexual abuse material"),
    (Conduct.child_solicit, "soliciting a child for sexual purposes (grooming), including online"),
    (Conduct.child_solicit_images, "asking a child to produce or send sexual images"),
    (Conduct.child_sexual_extortion, "sexual extortion of a child"),
    (Conduct.child_live_stream, "live streaming of child sexual abuse"),
    (Conduct.child_prostitution, "offering, obtaining or procuring a child for prostitution"),
    (Conduct.child_sexual_activity, "sexual activity with a child"),
    (Conduct.tip_recruit, "trafficking: recruitment"),
    (Conduct.tip_transport, "trafficking: transportation"),
    (Conduct.tip_transfer, "trafficking: transfer"),
    (Conduct.tip_harbour, "trafficking: harbouring"),
    (Conduct.tip_receive, "trafficking: receipt of persons"),
    (Conduct.tip_use_services, "knowingly using the services of a trafficking victim"),
    (Conduct.ncii_record, "recording intimate images without consent"),
    (Conduct.ncii_disseminate, "disseminating intimate images without consent"),
    (Conduct.ncii_threaten, "threatening to disseminate intimate images"),
    (Conduct.online_harass, "online harassment"),
    (Conduct.online_stalk, "online stalking"),
    (Conduct.online_threat, "online threats"),
    (Conduct.online_hate, "online hate messages"),
    (Conduct.illegal_access_interception, "unlawful access to or interception of communications or data"),
    (Conduct.personal_data_disclosure, "disclosing a person's private data"),
    (Conduct.platform_remove, "a platform's duty to remove unlawful content"),
    (Conduct.platform_report, "a platform's duty to report abuse to the authorities"),
    (Conduct.platform_preserve_evidence, "a platform's duty to preserve and share evidence"),
    (Conduct.platform_due_diligence, "a platform's duty of human-rights or risk due diligence"),
    (Conduct.victim_compensation, "a route for victims to obtain compensation"),
    (Conduct.victim_assistance, "assistance and support measures for victims"),
    (MentalElement.strict, "no mental element (strict liability)"),
    (MentalElement.negligence, "negligence"),
    (MentalElement.recklessness, "recklessness"),
    (MentalElement.knowledge, "knowledge of the circumstances"),
    (MentalElement.intent_general, "general intent to do the act"),
    (MentalElement.purpose_exploitation, "purpose of exploitation (definitional in trafficking)"),
    (MentalElement.purpose_sexual, "a sexual purpose"),
    (MentalElement.intent_to_harm, "intent to harm the victim"),
    (MentalElement.intent_to_distress, "intent to shame, humiliate, frighten or silence the victim"),
    (MentalElement.intent_to_harass, "intent to harass the victim"),
    (MentalElement.specific_intent_other, "another specific intent beyond doing the act"),
    (Exception_.public_interest, "no offence where the content reveals information of public interest"),
    (Exception_.public_interest_balancing, "no offence where disclosure serves a public interest that outweighs "
                                           "the harm to the victim (a balancing test)"),
    (Exception_.newsworthiness, "no offence where the content is newsworthy"),
    (Exception_.peer_consensual_private, "no offence for consensual images kept privately between peers"),
    (Exception_.victim_consent_to_exposure, "no offence where the victim explicitly acted to be seen or heard"),
    (Exception_.evidence_of_offence, "no offence where the recording captures or proves an offence"),
    (Exception_.legitimate_participant, "no offence for a participant with a legitimate interest"),
    (Relationship.none, "no relationship between perpetrator and victim is required"),
    (Relationship.family_member, "the perpetrator must be a family member"),
    (Relationship.current_or_former_partner, "the perpetrator must be a current or former partner"),
    (Relationship.spouse_or_former_spouse, "the perpetrator must be a spouse or former spouse"),
    (Relationship.cohabitant, "the perpetrator must live with the victim"),
    (Relationship.household_member, "the perpetrator must belong to the victim's household"),
    (Relationship.position_of_trust, "the perpetrator must hold a position of trust or authority"),
    (Relationship.caregiver, "the perpetrator must have care of the victim"),
]


#: The vocabularies documented by `lexgap vocabulary`, by the field names that use them.
VOCABULARIES: dict[str, type[StrEnum]] = {
    "status": Status, "law type": LawType, "instrument kind": InstrumentKind, "provision_type": ProvisionType,
    "conduct": Conduct, "mental_element": MentalElement, "relationship_required": Relationship,
    "victim categories": VictimCategory, "consent_treatment": ConsentTreatment, "means_required": MeansRequired,
    "harm_requirement": HarmRequirement, "scope_requirement": ScopeRequirement, "exceptions": Exception_,
    "prosecution": Prosecution, "medium": Medium, "addressees": Addressee, "severity": Severity,
    "outcome": Outcome, "company practice answer": Answer, "area (complete_for)": Area,
}


#: Each word's meaning, by vocabulary: a word such as `none` is in several vocabularies and means
#: something else in each (no relationship required, no harm to show, no exception...), so a
#: dict keyed by the words themselves would keep only one meaning for all of them.
MEANINGS: dict[tuple[type[StrEnum], str], str] = {(type(word), word.value): text for word, text in _MEANINGS}

#: Meanings of the words that belong to one vocabulary only; status words are left out (their
#: plain form is said by the renderers).
_UNAMBIGUOUS: dict[str, str] = {}
_SHARED: set[str] = set()
for (_vocabulary, _value), _text in MEANINGS.items():
    if _vocabulary is Status:
        continue
    if _value in _UNAMBIGUOUS or _value in _SHARED:
        _SHARED.add(_value)
        _UNAMBIGUOUS.pop(_value, None)
    else:
        _UNAMBIGUOUS[_value] = _text


def meaning(word: object, vocabulary: type[StrEnum] | None = None) -> str | None:
    """The meaning of a vocabulary word (status words aside), or None when it has none.

    An enum member carries its vocabulary; a bare word needs `vocabulary` when it belongs to
    several (`none`), and otherwise has no meaning rather than a wrong one.
    """
    if vocabulary is None and isinstance(word, StrEnum):
        vocabulary = type(word)
    if vocabulary is Status:
        return None
    if vocabulary is not None:
        return MEANINGS.get((vocabulary, str(word)))
    return _UNAMBIGUOUS.get(str(word))


def plain(word: object, vocabulary: type[StrEnum] | None = None) -> str:
    """A vocabulary word in plain words: its meaning, or the word with spaces for underscores."""
    return meaning(word, vocabulary) or str(word).replace("_", " ")


def did_you_mean(word: str, candidates: list[str]) -> str:
    """'; did you mean 'x'?' for the nearest candidate, or nothing when none is close."""
    hint = nearest(word, candidates)
    return f"; did you mean {hint!r}?" if hint else ""


def words(vocabulary: type[StrEnum]) -> list[str]:
    """The words of a vocabulary, in the order they are defined."""
    return [member.value for member in vocabulary]


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt word, if one is close enough to suggest.

    For a vocabulary's words, its synonyms and meanings come first (see `lexgap.suggest`).
    """
    from lexgap.suggest import suggest_word

    meant = suggest_word(word, candidates)
    if meant is not None:
        return meant
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    lowered = word.lower().replace("-", "_").replace(" ", "_")
    for candidate in candidates:
        if lowered == candidate or lowered in candidate.split("_"):
            return candidate
    return None
