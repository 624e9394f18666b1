"""The closed vocabularies of lexgap, each word defined once; its meaning is in words/en.py.

Every enumerated field of every file format draws its words from here, so that a
rule, a provision and a template can only ever speak of the same things.  The
meanings are shown by `lexgap vocabulary` and in the JSON Schema.
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from lexgap.words import en


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
    csam_coerce_self_generated = "csam_coerce_self_generated"


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
    privacy_interference_proven = "privacy_interference_proven"
    harm_proven = "harm_proven"
    distress_proven = "distress_proven"


#: How demanding each harm requirement is, least first: an either/or harm requirement
#: ("serious interference with privacy or distress") is judged by its least demanding alternative.
HARM_RANK: dict[HarmRequirement, int] = {
    HarmRequirement.none: 0,
    HarmRequirement.apt_to_cause_harm: 1,
    HarmRequirement.privacy_interference_proven: 2,
    HarmRequirement.distress_proven: 3,
    HarmRequirement.harm_proven: 3,
}


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
    ends_on_pardon = "ends_on_pardon"
    prosecutor_consent = "prosecutor_consent"
    attorney_general_consent = "attorney_general_consent"


class CsamLimb(StrEnum):
    """What a definition of child sexual abuse material reaches (OPSC art. 2(c), Lanzarote art. 20(2)-(3))."""

    real_sexual_activity = "real_sexual_activity"
    simulated_sexual_activity = "simulated_sexual_activity"
    sexual_parts = "sexual_parts"
    appears_to_be_child = "appears_to_be_child"
    realistic_non_existent_child = "realistic_non_existent_child"
    non_visual = "non_visual"


#: The limbs a definition needs to match OPSC art. 2(c) as the CRC reads it (see the rule
#: csam-definition-too-narrow); `appears_to_be_child` also reaches realistic or generated images.
CSAM_LIMBS_IMPLIED: dict[CsamLimb, tuple[CsamLimb, ...]] = {
    CsamLimb.appears_to_be_child: (CsamLimb.realistic_non_existent_child,),
}


class PeerExceptionReach(StrEnum):
    """How far an exception for consensual self-generated images of adolescents reaches (derived)."""

    none = "none"
    relationship_limited = "relationship_limited"
    age_limited = "age_limited"
    excludes_acts = "excludes_acts"
    adequate = "adequate"


class Defence(StrEnum):
    legitimate_reason = "legitimate_reason"
    not_seen = "not_seen"
    unsolicited = "unsolicited"
    research = "research"
    official_duty = "official_duty"
    reasonable_belief_age = "reasonable_belief_age"


class RecklessnessObject(StrEnum):
    consent = "consent"
    harm = "harm"
    age = "age"
    other_circumstance = "other_circumstance"


class Aggravation(StrEnum):
    child_victim = "child_victim"
    disabled_victim = "disabled_victim"
    vulnerable_victim = "vulnerable_victim"
    profit = "profit"
    organised_group = "organised_group"
    repeated = "repeated"
    public_official = "public_official"
    endangering_life = "endangering_life"
    wide_dissemination = "wide_dissemination"


class ImageKind(StrEnum):
    real = "real"
    altered = "altered"
    synthetic = "synthetic"


class Victims(StrEnum):
    """Whom an instrument or one of its provisions speaks to (for the fit of a rule's basis)."""

    any_person = "any_person"
    child = "child"
    woman = "woman"


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


class Verification(StrEnum):
    """How far a fact was checked: only `primary` counts as verified (true in a boolean test)."""

    primary = "primary"
    secondary = "secondary"
    unverified = "unverified"

    def __bool__(self) -> bool:
        return self is Verification.primary


def area_of_conduct(conduct: str) -> Area:
    """The area of law a conduct word belongs to: which standards can ground a finding on it."""
    prefixes = [("csam_", Area.csam), ("child_", Area.child_sexual_abuse), ("tip_", Area.trafficking),
                ("ncii_", Area.intimate_images), ("platform_", Area.platform_duties),
                ("victim_", Area.victim_remedies)]
    for prefix, area in prefixes:
        if conduct.startswith(prefix):
            return area
    return Area.online_violence


SEVERITY_ORDER = {Severity.high: 0, Severity.medium: 1, Severity.low: 2}
OUTCOME_ORDER = {Outcome.gap: 0, Outcome.not_assessable: 1, Outcome.met: 2}



#: Every vocabulary by its class name, the key of its meanings in words/en.py.
_ENUMS: dict[str, type[StrEnum]] = {
    cls.__name__: cls for cls in (Status, LawType, InstrumentKind, ProvisionType, Conduct, MentalElement, Relationship,
                                  VictimCategory, ConsentTreatment, MeansRequired, HarmRequirement, ScopeRequirement,
                                  Exception_, Prosecution, Medium, Addressee, Severity, Outcome, YesNo, Answer, Area,
                                  Verification, CsamLimb, PeerExceptionReach, Defence, RecklessnessObject,
                                  Aggravation, ImageKind, Victims)}

#: The vocabularies documented by `lexgap vocabulary`, by the field names that use them.
VOCABULARIES: dict[str, type[StrEnum]] = {
    "status": Status, "law type": LawType, "instrument kind": InstrumentKind, "provision_type": ProvisionType,
    "conduct": Conduct, "mental_element": MentalElement, "relationship_required": Relationship,
    "victim categories": VictimCategory, "consent_treatment": ConsentTreatment, "means_required": MeansRequired,
    "harm_requirement": HarmRequirement, "scope_requirement": ScopeRequirement, "exceptions": Exception_,
    "prosecution": Prosecution, "medium": Medium, "addressees": Addressee, "severity": Severity,
    "outcome": Outcome, "company practice answer": Answer, "area (complete_for)": Area,
    "verified": Verification,
    "csam_definition": CsamLimb, "peer_exception (derived)": PeerExceptionReach, "defences": Defence,
    "recklessness_as_to": RecklessnessObject, "aggravating_circumstances": Aggravation, "images_reached": ImageKind,
    "victims (standards)": Victims,
}


#: Each word's meaning, by vocabulary: a word such as `none` is in several vocabularies and means
#: something else in each (no relationship required, no harm to show, no exception...), so a
#: dict keyed by the words themselves would keep only one meaning for all of them.
MEANINGS: dict[tuple[type[StrEnum], str], str] = {
    (_ENUMS[name], word): text for name, meanings in en.MEANINGS.items() for word, text in meanings.items()}

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
    from lexgap import words

    if words.language() != "en":
        return _meaning_in(words.language(), vocabulary, str(word))
    if vocabulary is not None:
        return MEANINGS.get((vocabulary, str(word)))
    return _UNAMBIGUOUS.get(str(word))


def _meaning_in(language: str, vocabulary: type[StrEnum] | None, word: str) -> str | None:
    """A word's meaning in the words module of `language`, by the same rules as the English one."""
    from lexgap import words

    tables: dict[str, dict[str, str]] = words.module(language).MEANINGS
    if vocabulary is not None:
        name = next((key for key, enum in _ENUMS.items() if enum is vocabulary), None)
        return tables.get(name, {}).get(word) if name is not None else None
    if word in _UNAMBIGUOUS:  # the vocabulary is the one the English tables found for this word
        owner = next(key for (enum, value) in MEANINGS if value == word
                     for key, known in _ENUMS.items() if known is enum)
        return tables.get(owner, {}).get(word)
    return None


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


# --- suggestions by other names and meaning (engine/synonyms.yaml) --------------------------

#: `lexgap vocabulary NAME` and the synonym file accept these names too (normalised: lower case, underscores).
_ALIASES = {
    "area": "area (complete_for)", "complete_for": "area (complete_for)",
    "type": "law type", "law_type": "law type",
    "kind": "instrument kind", "instrument_kind": "instrument kind",
    "categories": "victim categories", "victim_categories": "victim categories", "victims": "victim categories",
    "answer": "company practice answer", "practice_answer": "company practice answer",
    "relationship": "relationship_required", "aggravating_relationships": "relationship_required",
    "relationships": "relationship_required", "conduct_disputed": "conduct", "exception": "exceptions",
    "addressee": "addressees", "expect": "outcome", "status_expected": "outcome",
}
#: The company practices are listed by `lexgap vocabulary practice` too (they are keys, not an enum).
PRACTICE_VOCABULARY = "practice"
_STOPWORDS = frozenset({"a", "an", "the", "of", "or", "and", "to", "in", "on", "for", "by", "with", "its", "it",
                        "be", "is", "are", "must", "any", "no", "not", "only", "as", "from", "who", "that", "per"})


def _normal(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def vocabulary_named(name: str) -> str | None:
    """The vocabulary a name refers to (a key of `VOCABULARIES`, or 'practice'), or None."""
    wanted = _normal(name)
    for key in VOCABULARIES:
        if wanted in (_normal(key), _normal(key.split(" (")[0])):
            return key
    if wanted in ("practice", "practices"):
        return PRACTICE_VOCABULARY
    return _ALIASES.get(wanted)


@cache
def synonyms() -> dict[str, dict[str, str]]:
    """By vocabulary key: each other name and the word it stands for."""
    text = (Path(__file__).resolve().parent / "synonyms.yaml").read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}
    for name, words in (yaml.safe_load(text) or {}).items():
        key = vocabulary_named(str(name))
        if key is None:
            continue
        for word, others in words.items():
            for other in others:
                found.setdefault(key, {})[_normal(str(other))] = str(word)
    return found


def _vocabulary_of(candidates: list[str]) -> type[StrEnum] | None:
    given = set(candidates)
    for vocabulary in VOCABULARIES.values():
        if given == {w.value for w in vocabulary}:
            return vocabulary
    return None


def _stem(token: str) -> str:
    for suffix in ("ing", "es", "ed", "s", "e"):
        if len(token) > 4 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def _tokens(text: str) -> set[str]:
    return {_stem(t) for t in re.split(r"[^a-z0-9]+", text.lower()) if t and t not in _STOPWORDS}


def _by_meaning(word: str, vocabulary: type[StrEnum]) -> str | None:
    wanted = _tokens(word)
    scores = {member.value: len(wanted & (_tokens(member.value)
                                          | _tokens(MEANINGS.get((vocabulary, member.value), ""))))
              for member in vocabulary}
    best = max(scores.values(), default=0)
    if best < 2:
        return None
    tied = sorted(w for w, score in scores.items() if score == best)
    if len(tied) == 1:
        return tied[0]
    # the same number of words of the meaning: the spelling decides, if it does
    ranked = sorted(((difflib.SequenceMatcher(None, word, w).ratio(), w) for w in tied), reverse=True)
    return ranked[0][1] if ranked[0][0] > ranked[1][0] else None


def suggest_word(word: str, candidates: list[str]) -> str | None:
    """The word of a vocabulary meant by `word`, when the candidates are a vocabulary's words; else None."""
    vocabulary = _vocabulary_of(candidates)
    if vocabulary is None:
        return None
    key = next(k for k, v in VOCABULARIES.items() if v is vocabulary)
    synonym = synonyms().get(key, {}).get(_normal(word))
    if synonym is not None:
        return synonym
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.85)
    if close:
        return close[0]
    return _by_meaning(word, vocabulary)
