"""English: every word, title and sentence template a user reads in lexgap's reports.

Keys are vocabulary words or names; values are what a reader sees.  A translation keeps
the names and the `{placeholders}` of the templates, and changes the words.
"""

from __future__ import annotations

# This module imports nothing of lexgap's: vocabulary.py and attributes.py read it.

# --- statuses and outcomes ----------------------------------------------------------------

#: How a finding's outcome is titled in reports (keys: vocabulary.Outcome values).
STATUS_TITLE = {"gap": "Gap", "not_assessable": "Not assessable", "met": "Met"}

#: A law's or provision's status as said in a sentence (keys: vocabulary.Status values).
STATUS_WORDS = {
    "in_force": "in force",
    "adopted": "adopted, not yet in force",
    "pending_bill": "pending bill",
    "draft": "draft",
    "reported_draft": "draft known only from reports",
    "repealed": "repealed",
}

#: How a change between two versions is named (keys: compare.Change values).
CHANGE_TITLE = {"introduced": "introduced", "closed": "closed", "status_changed": "status changed",
                "unchanged": "unchanged"}

# --- report groups and values -------------------------------------------------------------

COMPANY_PRACTICE = "Company practice"
LAW_AS_A_WHOLE = "The law as a whole"
#: A cell with no finding (the provision is absent or repealed, or the rule does not apply).
NO_FINDING = "—"
ABSENT = "absent"
NOT_KNOWN = "not known"
YES = "yes"
NO = "no"
NONE_LISTED = "none listed"
OR = " or "


def verified(level: str) -> str:
    """Whether we checked a fact in its primary text (a Verification word), in words; a secondary source is no check."""
    return "verified" if level == "primary" else "not verified"


# --- vocabularies, attributes and practices --------------------------------------------

#: What each word of each closed vocabulary means, by vocabulary (the enum's name in vocabulary.py):
#: a word such as `none` is in several vocabularies and means something else in each.
MEANINGS: dict[str, dict[str, str]] = {
    "Status": {
        "in_force": "law in force on the file's date; only these provisions close a gap",
        "adopted": "passed by the legislature but not yet in force",
        "pending_bill": "a bill formally before the legislature",
        "draft": "a draft not yet tabled (ministry draft, consultation text)",
        "reported_draft": "a draft known only from reports; its text was not seen",
        "repealed": "no longer law; kept for comparison only",
    },
    "LawType": {
        "act": "an act of the legislature",
        "code": "a code (criminal, civil...)",
        "bill": "a bill before the legislature",
        "government_position": "a government's proposed changes to a bill",
        "draft": "a draft law not yet tabled",
    },
    "InstrumentKind": {
        "treaty": "a treaty binding the States that ratify it",
        "eu_law": "European Union law binding member States",
        "general_comment": "a treaty body's general comment (authoritative reading of a treaty)",
        "general_recommendation": "CEDAW's general recommendation (authoritative reading of CEDAW)",
        "treaty_body_guidelines": "a treaty body's guidelines on implementing a treaty",
        "declaration": "a General Assembly declaration",
        "soft_law_principles": "principles endorsed by a UN body, not a treaty",
        "sp_report": "a report of a Special Procedures mandate-holder",
        "sg_report": "a report of the Secretary-General",
        "wg_report": "a report of a working group",
        "concluding_observations": "a treaty body's concluding observations on one State",
        "monitoring_report": "a monitoring body's report on one State (e.g. GRETA, GREVIO)",
    },
    "ProvisionType": {
        "criminal_offence": "a criminal offence",
        "civil_remedy": "a civil remedy for victims (compensation, injunction)",
        "protection_measure": "a protection measure (protection orders, services)",
        "administrative_duty": "an administrative duty (for example on platforms)",
        "procedure": "a rule of procedure",
        "definition": "a definition used by other provisions",
    },
    "VictimCategory": {
        "any_person": "any person, whatever age or sex",
        "adult": "adults only",
        "child": "children (under 18 unless ages say otherwise)",
        "woman": "women only",
        "girl": "girls only",
    },
    "ConsentTreatment": {
        "irrelevant": "the victim's consent is expressly irrelevant",
        "lack_of_consent_is_element": "the prosecution must prove the victim did not consent",
        "defence": "the victim's consent is a defence",
        "mitigating": "the victim's consent reduces the penalty",
        "not_addressed": "the text says nothing about consent",
    },
    "MeansRequired": {
        "none": "no means (force, deception...) need be proven",
        "adults_only": "means must be proven for adult victims only",
        "all_victims": "means must be proven for every victim, children included",
    },
    "HarmRequirement": {
        "none": "no harm need be shown",
        "apt_to_cause_harm": "the act must be apt to cause harm; no proof that harm occurred",
        "harm_proven": "harm to the victim must be proven",
        "distress_proven": "the victim's distress must be proven",
        "privacy_interference_proven": "a serious interference with the victim's privacy must be proven",
    },
    "ScopeRequirement": {
        "none": "no transnational or organised-group element is required: all cases",
        "transnational": "transnational cases only",
        "organised_group": "cases involving an organised group only",
    },
    "Exception_": {
        "none": "the text has no exceptions",
        "artistic": "no offence for artistic works",
        "scientific_medical": "no offence for scientific or medical purposes",
        "law_enforcement": "no offence for law enforcement purposes",
        "public_interest": "no offence where the content reveals information of public interest",
        "public_interest_balancing": ("no offence where disclosure serves a public interest that outweighs the harm "
                                      "to the victim (a balancing test)"),
        "newsworthiness": "no offence where the content is newsworthy",
        "peer_consensual_private": "no offence for consensual images kept privately between peers",
        "victim_consent_to_exposure": "no offence where the victim explicitly acted to be seen or heard",
        "evidence_of_offence": "no offence where the recording captures or proves an offence",
        "legitimate_participant": "no offence for a participant with a legitimate interest",
    },
    "Prosecution": {
        "ex_officio": "by the authorities of their own motion",
        "on_complaint": "only on the victim's complaint",
        "ends_on_withdrawal": "on complaint, and ending if the victim withdraws it",
        "ends_on_pardon": "on complaint, and ending if the victim pardons or reconciles with the offender",
        "prosecutor_consent": "only with the consent of the public prosecutor (for example the DPP)",
        "attorney_general_consent": "only with the consent of the Attorney General",
    },
    "Medium": {
        "any": "online and offline",
        "online_only": "online only (acts through ICT)",
        "offline_only": "offline only (acts outside ICT)",
    },
    "Addressee": {
        "natural_person": "individuals",
        "legal_person": "companies and other legal persons",
        "intermediary": "online intermediaries and platforms",
        "public_authority": "public authorities",
    },
    "Severity": {
        "high": "an express obligation of a treaty the State is party to, or its treaty body's reading",
        "medium": "an obligation open to reservation or latitude",
        "low": "soft law only",
    },
    "Outcome": {
        "gap": "the law falls short of the standard",
        "not_assessable": "a fact the rule needs is unknown: lexgap asks instead of guessing",
        "met": "the law meets the standard on this point",
    },
    "Answer": {
        "yes": "the company has it, per a source",
        "partial": "the company has it in part",
        "no": "the company does not have it, per a source",
    },
    "Verification": {
        "primary": "checked by us in the primary text (the official text, or a faithful copy of it, named in the "
                   "source's document, url or note)",
        "secondary": "checked by us only in a secondary source (a letter, report, commentary or press article "
                     "quoting or summarising the text); the primary text was not read",
        "unverified": "not checked: taken as given, to be verified before relying on it",
    },
    "YesNo": {
        "yes": "yes",
        "no": "no",
    },
    "Area": {
        "csam": "child sexual abuse material",
        "child_sexual_abuse": "sexual abuse and exploitation of children (grooming, extortion, live streaming)",
        "trafficking": "trafficking in persons",
        "intimate_images": "non-consensual intimate images",
        "online_violence": "online violence (harassment, stalking, threats)",
        "platform_duties": "duties of online platforms",
        "victim_remedies": "victims' compensation and assistance",
        "corporate_liability": "liability of legal persons",
    },
    "Conduct": {
        "csam_produce": "producing child sexual abuse material",
        "csam_distribute": "distributing, disseminating or transmitting child sexual abuse material",
        "csam_offer": "offering or making available child sexual abuse material",
        "csam_sell": "selling child sexual abuse material",
        "csam_import_export": "importing or exporting child sexual abuse material",
        "csam_procure": "procuring child sexual abuse material for oneself or another",
        "csam_possess": "possessing child sexual abuse material",
        "csam_access": "knowingly obtaining access to child sexual abuse material online",
        "csam_advertise": "advertising child sexual abuse material",
        "child_solicit": "soliciting a child for sexual purposes (grooming), including online",
        "child_solicit_images": "asking a child to produce or send sexual images",
        "child_sexual_extortion": "sexual extortion of a child",
        "child_live_stream": "live streaming of child sexual abuse",
        "child_prostitution": "offering, obtaining or procuring a child for prostitution",
        "child_sexual_activity": "sexual activity with a child",
        "tip_recruit": "trafficking: recruitment",
        "tip_transport": "trafficking: transportation",
        "tip_transfer": "trafficking: transfer",
        "tip_harbour": "trafficking: harbouring",
        "tip_receive": "trafficking: receipt of persons",
        "tip_use_services": "knowingly using the services of a trafficking victim",
        "ncii_record": "recording intimate images without consent",
        "ncii_disseminate": "disseminating intimate images without consent",
        "ncii_threaten": "threatening to disseminate intimate images",
        "online_harass": "online harassment",
        "online_stalk": "online stalking",
        "online_threat": "online threats",
        "online_hate": "online hate messages",
        "illegal_access_interception": "unlawful access to or interception of communications or data",
        "personal_data_disclosure": "disclosing a person's private data",
        "platform_remove": "a platform's duty to remove unlawful content",
        "platform_report": "a platform's duty to report abuse to the authorities",
        "platform_preserve_evidence": "a platform's duty to preserve and share evidence",
        "platform_due_diligence": "a platform's duty of human-rights or risk due diligence",
        "victim_compensation": "a route for victims to obtain compensation",
        "victim_assistance": "assistance and support measures for victims",
        "csam_coerce_self_generated": "causing, coercing or extorting a child to produce sexual images of themselves, "
                                      "or obtaining such self-generated images by threat or deceit",
    },
    "MentalElement": {
        "strict": "no mental element (strict liability)",
        "negligence": "negligence",
        "recklessness": "recklessness",
        "knowledge": "knowledge of the circumstances",
        "intent_general": "general intent to do the act",
        "purpose_exploitation": "purpose of exploitation (definitional in trafficking)",
        "purpose_sexual": "a sexual purpose",
        "intent_to_harm": "intent to harm the victim",
        "intent_to_distress": "intent to shame, humiliate, frighten or silence the victim",
        "intent_to_harass": "intent to harass the victim",
        "specific_intent_other": "another specific intent beyond doing the act",
    },
    "Relationship": {
        "none": "no relationship between perpetrator and victim is required",
        "family_member": "the perpetrator must be a family member",
        "current_or_former_partner": "the perpetrator must be a current or former partner",
        "spouse_or_former_spouse": "the perpetrator must be a spouse or former spouse",
        "cohabitant": "the perpetrator must live with the victim",
        "household_member": "the perpetrator must belong to the victim's household",
        "position_of_trust": "the perpetrator must hold a position of trust or authority",
        "caregiver": "the perpetrator must have care of the victim",
    },
    "CsamLimb": {
        "real_sexual_activity": "a child in real sexually explicit activity",
        "simulated_sexual_activity": "a child in simulated sexually explicit activity",
        "sexual_parts": "a child's sexual parts shown for primarily sexual purposes",
        "appears_to_be_child": "a person who appears to be a child, whatever their age or whether they exist (this "
                               "also reaches realistic or generated images)",
        "realistic_non_existent_child": "realistic images of a child who does not exist, drawn, altered or generated "
                                        "(including by artificial intelligence)",
        "non_visual": "non-visual representations (audio, written)",
    },
    "PeerExceptionReach": {
        "none": "no exception for consensual self-generated images of adolescents",
        "relationship_limited": "an exception only for some relationships (for example spouses)",
        "age_limited": "an exception leaving out some adolescents above the age of sexual consent",
        "excludes_acts": "an exception that leaves out making, keeping or privately sharing the images this offence "
                         "covers",
        "adequate": "an exception for consensual images adolescents make, keep or share privately, whatever their "
                    "relationship",
    },
    "Defence": {
        "legitimate_reason": "the accused had a legitimate reason (a defence the accused must raise)",
        "not_seen": "the accused had not seen the material and did not know or suspect what it was",
        "unsolicited": "the material was sent unasked and not kept for an unreasonable time",
        "research": "the accused acted for genuine research",
        "official_duty": "the accused acted in an official duty (police, prosecution, courts)",
        "reasonable_belief_age": "the accused reasonably believed the person was an adult",
    },
    "RecklessnessObject": {
        "consent": "reckless as to whether the victim consented",
        "harm": "reckless as to whether harm or distress would be caused",
        "age": "reckless as to the victim's age",
        "other_circumstance": "reckless as to another circumstance",
    },
    "Aggravation": {
        "child_victim": "a heavier penalty where the victim is a child",
        "disabled_victim": "a heavier penalty where the victim has a disability",
        "vulnerable_victim": "a heavier penalty where the victim is otherwise vulnerable",
        "profit": "a heavier penalty where the act is done for profit",
        "organised_group": "a heavier penalty where an organised group is involved",
        "repeated": "a heavier penalty for repeated or habitual acts",
        "public_official": "a heavier penalty where the offender is a public official",
        "endangering_life": "a heavier penalty where the victim's life is endangered",
        "wide_dissemination": "a heavier penalty where the material reaches many people",
    },
    "ImageKind": {
        "real": "genuine images of the person",
        "altered": "real images of the person altered or manipulated",
        "synthetic": "images that appear to show the person but are wholly generated (for example deepfakes)",
    },
    "Victims": {
        "any_person": "speaks to every victim, adult or child",
        "child": "speaks only to children",
        "woman": "speaks to women and girls",
    },
}

#: How a sentence names each attribute a rule may read.
ATTRIBUTE_PHRASES: dict[str, str] = {
    "status": "the status",
    "provision_type": "the type of provision",
    "conduct": "the conduct covered",
    "medium": "the medium covered",
    "victim_categories": "the victims protected",
    "protects_children": "whether it protects victims under 18",
    "protects_adults": "whether it protects victims aged 18 or over",
    "victim_age_min": "the minimum age of a protected victim",
    "victim_age_max": "the maximum age of a protected victim",
    "relationship_required": "the relationship required between perpetrator and victim",
    "mental_element": "the mental element (least demanding alternative)",
    "harm_requirement": "the harm requirement",
    "consent_treatment": "the treatment of the victim's consent",
    "means_required": "the means required",
    "scope_requirement": "the scope requirement",
    "prosecution": "how prosecution starts",
    "exceptions": "the exceptions",
    "addressees": "who the provision binds",
    "csam_definition": "what its definition of child sexual abuse material reaches",
    "children_can_offend": "whether a person under 18 can commit it",
    "peer_exception": "its exception for consensual self-generated images of adolescents",
    "defences": "the defences open to the accused",
    "recklessness_as_to": "what the recklessness must be about",
    "aggravating_circumstances": "the aggravating circumstances",
    "images_reached": "the images of a person it reaches",
}

#: How a sentence names each company practice a rule may read.
PRACTICE_PHRASES: dict[str, str] = {
    "policy_commitment": "a human-rights policy commitment",
    "human_rights_due_diligence": "a human-rights due diligence process",
    "integration_action": "action on the findings of due diligence",
    "effectiveness_tracking": "tracking of the effectiveness of its response",
    "communication": "public communication on how impacts are addressed",
    "remediation": "remediation of the impacts it causes or contributes to",
    "grievance_mechanism": "an operational-level grievance mechanism",
    "law_enforcement_reporting": "reporting of abuse to law enforcement authorities",
    "referral_cooperation": "cooperation with national referral mechanisms and victim services",
    "staff_training": "training of staff to identify and report abuse",
    "content_moderation": "content moderation able to detect and remove abuse material",
    "national_law_compliance": "compliance with national law on child protection",
}


# --- explanations of findings (assess.py) -------------------------------------------------

#: How the words of a list attribute combine when said: all required, or any one of them.
JOINERS = {"mental_element": " together with ", "relationship_required": ", or ", "victim_categories": ", or "}
#: The sentences of a finding's explanation, filled with str.format.
EXPLAIN = {
    "provision": "{title} ({law}; {status})",
    "attribute": "{attribute}: {value}",
    "none": "none",
    "concerns": "This concerns: {conducts}.",
    "gap": "This is a gap ({label}).",
    "disputed_cure": "{other} may cover {conduct} without this deficiency, but its coverage is disputed: {note}",
    "no_cure": "No other provision in force in this file of the same type{kind} covers the same conduct for the "
               "same victims without this deficiency.",
    "cured": "Although this provision has the deficiency, {names} covers the same conduct for the same victims "
             "without it, so the law as a whole meets the standard.",
    "met": "The standard is met on this point ({label}: not found).",
    "missing": "lexgap cannot assess this: the file does not record {missing}.",
    "may_cover_disputed": "{other} may cover it, but its coverage is disputed: {note}",
    "might_cover": "{other} might cover the same conduct without this deficiency, but the file does not record "
                   "enough of its facts to tell.",
    "see_sources": "see its sources",
    "standards": "Standards: {standards}.",
    "reading": " (lexgap's reading: {reading})",
    "absence_present": "Covered in force by {names} ({what}).",
    "absence_disputed": "Only {title} may cover it ({what}), and its coverage is disputed: {note}",
    "absence_uncertain": "lexgap cannot tell whether the law covers it ({what}): the file does not record enough "
                         "about {names}.",
    "absence_absent": "No provision in force covers it ({what}); the file lists all in-force provisions for the "
                      "area '{area}'.",
    "absence_open": "No provision in force in this file covers it ({what}), but the file does not declare its "
                    "list of provisions complete for the area '{area}', so lexgap cannot conclude there is none.",
    "pending": "Pending: {bills} would cover it if adopted.",
    "pending_bill": "{title} ({law}; {status})",
    "practice_unknown": "Nothing is known of {company}'s {practice}{note}.",
    "practice": "{company}'s {practice}: {answer}{note}.",
    "note": " ({note})",
    "caveat": "Caveat: {caveat}",
    "legal_system": "Under {system}: ",
    "not_bound": "Caveat: on {date}, {subject} was not a party to {treaties} (its file records no ratification), so "
                 "the standards this finding rests on do not bind it; the finding measures its law against them as "
                 "guidance only.",
    "not_encoded": "This speaks of {system} only: {others} is not encoded in this file and may cover it.",
    "wording": " (the text says {quotes})",
    "quote": "\u201c{text}\u201d ({language}{translation})",
    "translation": ", in English \u201c{translation}\u201d",
    "disputed_fact": "{attribute} is disputed: {note} ({sources})",
    "cannot_assess": "lexgap cannot assess this: {what}.",
    "unverified_named": "Some facts on this provision rest on sources lexgap has not verified: {facts}.",
    "unverified_fact": "{fact} ({sources})",
    "no_ground_date": "No standard this rule rests on existed on {date}, the date of this assessment ({later}), so "
                      "lexgap cannot ground a finding on it for that date.",
    "later_standard": "{instrument} {pinpoint} (of {date})",
    "no_ground_fit": "None of the standards this rule rests on speaks to this provision's area and victims, so "
                     "lexgap cannot ground a finding on it.",
    "no_ground_company": "No standard this rule rests on existed on {date}, the date of this assessment.",
    "added_later": "{title} covers {conduct} only from {date}, after the date of this assessment.",
}


def date(day: object) -> str:
    """A date in a sentence: '2 March 2021'."""
    import datetime as dt

    assert isinstance(day, dt.date)
    return f"{day.day} {day:%B %Y}"


#: How `explain` says the level at which a standard's citation was checked.
VERIFICATION_CHECK: dict[str, str] = {
    "primary": "verified in the primary text",
    "secondary": "checked in a secondary source only",
    "unverified": "NOT VERIFIED",
}


# --- letters (compose.py) ----------------------------------------------------------------

#: The placeholders a letter shows where the data gives nothing, for the officer to fill ("[DATE]").
PLACEHOLDERS: dict[str, str] = {
    "MANDATES": "MANDATES", "RESOLUTIONS": "RESOLUTIONS", "NAME": "NAME", "MANDATE": "MANDATE", "DATE": "DATE",
    "REFERENCE": "REFERENCE", "SUBJECT": "SUBJECT", "STANDARD": "STANDARD", "TITLE OF": "TITLE OF {id}",
    "RESOLUTION OF": "RESOLUTION OF {id}", "NAME OF": "NAME OF {id}",
}

#: The words the composer puts between the data's values in a letter.
LETTER: dict[str, str] = {
    "and": "and",
    "on_date": "on {date}",
    "in_year": "in {year}",
    "ratification": "ratified by {state} {when}",
    "accession": "acceded to by {state} {when}",
    "succession": "succeeded to by {state} {when}",
    "approval": "approved by {state} {when}",
    "membership": "binding on {state} as a Member State of the European Union",
    "party": "to which {state} is a party",
    "in_its_words": " (in its words, \u201c{phrase}\u201d)",
    "pinpoint_of": "{pinpoint} of {instrument}",
    "described_date": "of {date}",
    #: the first sentence of an annex that opens with soft law says "refer", not "also refer"
    "also_refer": "We also refer",
    "refer": "We refer",
}


#: A working group's signing role, as the signature line says it (keys: the register's English `signing_role`).
ROLES: dict[str, str] = {"Chair-Rapporteur": "Chair-Rapporteur", "Vice-Chair": "Vice-Chair"}
