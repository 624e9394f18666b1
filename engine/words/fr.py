"""French: every word, title and sentence template a user reads in lexgap's reports and letters.

The same names and `{placeholders}` as `en.py` (a test checks that every name of en.py is here), in
our own words. Vocabulary meanings are noun phrases without article, as they stand in a sentence
after a colon or in brackets. Dates come from Babel (CLDR), never from hand-written month names.
"""

from __future__ import annotations

# This module imports nothing of lexgap's: vocabulary.py and attributes.py read it.

# --- statuses and outcomes ----------------------------------------------------------------

#: How a finding's outcome is titled in reports (keys: vocabulary.Outcome values).
STATUS_TITLE = {"gap": "Lacune", "not_assessable": "Non évaluable", "met": "Conforme"}

#: A law's or provision's status as said in a sentence (keys: vocabulary.Status values).
STATUS_WORDS = {
    "in_force": "en vigueur",
    "adopted": "adopté, pas encore en vigueur",
    "pending_bill": "proposition ou projet de loi en instance",
    "draft": "avant-projet",
    "reported_draft": "avant-projet connu seulement par des informations reçues",
    "repealed": "abrogé",
}

#: How a change between two versions is named (keys: compare.Change values).
CHANGE_TITLE = {"introduced": "apparue", "closed": "comblée", "status_changed": "statut modifié",
                "unchanged": "inchangée"}

# --- report groups and values -------------------------------------------------------------

COMPANY_PRACTICE = "Pratique de l'entreprise"
LAW_AS_A_WHOLE = "La législation dans son ensemble"
#: A cell with no finding (the provision is absent or repealed, or the rule does not apply).
NO_FINDING = "—"
ABSENT = "absente"
NOT_KNOWN = "inconnu"
YES = "oui"
NO = "non"
NONE_LISTED = "aucun élément indiqué"
OR = " ou "


def verified(level: str) -> str:
    """Whether we checked a fact in its primary text (a Verification word), in words; a secondary source is no check."""
    return "vérifié" if level == "primary" else "non vérifié"


# --- vocabularies, attributes and practices --------------------------------------------

#: What each word of each closed vocabulary means, by vocabulary (the enum's name in vocabulary.py).
MEANINGS: dict[str, dict[str, str]] = {
    "Status": {
        "in_force": "loi en vigueur à la date du fichier ; seules ces dispositions comblent une lacune",
        "adopted": "adoptée par le législateur mais pas encore en vigueur",
        "pending_bill": "proposition ou projet de loi dont le législateur est formellement saisi",
        "draft": "avant-projet non encore déposé (projet ministériel, texte soumis à consultation)",
        "reported_draft": "avant-projet connu seulement par des informations reçues ; son texte n'a pas été consulté",
        "repealed": "abrogée ; conservée à titre de comparaison seulement",
    },
    "LawType": {
        "act": "loi adoptée par le législateur",
        "code": "code (pénal, civil...)",
        "bill": "proposition ou projet de loi dont le législateur est saisi",
        "government_position": "modifications d'une proposition de loi demandées par un gouvernement",
        "draft": "avant-projet de loi non encore déposé",
    },
    "InstrumentKind": {
        "treaty": "traité liant les États qui l'ont ratifié",
        "eu_law": "droit de l'Union européenne liant les États membres",
        "general_comment": "observation générale d'un organe conventionnel (interprétation faisant autorité d'un "
                           "traité)",
        "general_recommendation": "recommandation générale du Comité pour l'élimination de la discrimination à "
                                  "l'égard des femmes (interprétation faisant autorité de la Convention)",
        "treaty_body_guidelines": "lignes directrices d'un organe conventionnel sur l'application d'un traité",
        "declaration": "déclaration de l'Assemblée générale",
        "soft_law_principles": "principes approuvés par un organe des Nations Unies, non un traité",
        "sp_report": "rapport d'un titulaire de mandat au titre des procédures spéciales",
        "sg_report": "rapport du Secrétaire général",
        "wg_report": "rapport d'un groupe de travail",
        "concluding_observations": "observations finales d'un organe conventionnel sur un État",
        "monitoring_report": "rapport d'un organe de suivi sur un État (par exemple le GRETA ou le GREVIO)",
    },
    "ProvisionType": {
        "criminal_offence": "infraction pénale",
        "civil_remedy": "voie de recours civile pour les victimes (indemnisation, injonction)",
        "protection_measure": "mesure de protection (ordonnances de protection, services)",
        "administrative_duty": "obligation administrative (par exemple à la charge des plateformes)",
        "procedure": "règle de procédure",
        "definition": "définition utilisée par d'autres dispositions",
    },
    "VictimCategory": {
        "any_person": "toute personne, quels que soient son âge et son sexe",
        "adult": "adultes seulement",
        "child": "enfants (moins de 18 ans, sauf si les âges indiqués en disposent autrement)",
        "woman": "femmes seulement",
        "girl": "filles seulement",
    },
    "ConsentTreatment": {
        "irrelevant": "le consentement de la victime est expressément indifférent",
        "lack_of_consent_is_element": "l'accusation doit prouver l'absence de consentement de la victime",
        "defence": "le consentement de la victime est un moyen de défense",
        "mitigating": "le consentement de la victime atténue la peine",
        "not_addressed": "le texte ne dit rien du consentement",
    },
    "MeansRequired": {
        "none": "aucun moyen (force, tromperie...) ne doit être prouvé",
        "adults_only": "les moyens doivent être prouvés pour les victimes adultes seulement",
        "all_victims": "les moyens doivent être prouvés pour toute victime, enfants compris",
    },
    "HarmRequirement": {
        "none": "aucun préjudice ne doit être démontré",
        "apt_to_cause_harm": "l'acte doit être de nature à causer un préjudice, sans preuve qu'il en ait causé un",
        "harm_proven": "le préjudice subi par la victime doit être prouvé",
        "distress_proven": "la détresse de la victime doit être prouvée",
        "privacy_interference_proven": "une atteinte grave à la vie privée de la victime doit être prouvée",
    },
    "ScopeRequirement": {
        "none": "aucun élément transnational ni de groupe criminel organisé n'est exigé : tous les cas",
        "transnational": "cas transnationaux seulement",
        "organised_group": "cas impliquant un groupe criminel organisé seulement",
    },
    "Exception_": {
        "none": "le texte ne prévoit aucune exception",
        "artistic": "pas d'infraction pour les œuvres artistiques",
        "scientific_medical": "pas d'infraction à des fins scientifiques ou médicales",
        "law_enforcement": "pas d'infraction à des fins répressives",
        "public_interest": "pas d'infraction lorsque le contenu révèle des informations d'intérêt public",
        "public_interest_balancing": ("pas d'infraction lorsque la divulgation sert un intérêt public qui l'emporte "
                                      "sur le préjudice causé à la victime (mise en balance)"),
        "newsworthiness": "pas d'infraction lorsque le contenu présente un intérêt journalistique",
        "peer_consensual_private": "pas d'infraction pour des images consenties conservées en privé entre pairs",
        "victim_consent_to_exposure": "pas d'infraction lorsque la victime a expressément agi pour être vue ou "
                                      "entendue",
        "evidence_of_offence": "pas d'infraction lorsque l'enregistrement saisit ou prouve une infraction",
        "legitimate_participant": "pas d'infraction pour un participant ayant un intérêt légitime",
    },
    "Prosecution": {
        "ex_officio": "d'office par les autorités",
        "on_complaint": "seulement sur plainte de la victime",
        "ends_on_withdrawal": "sur plainte, les poursuites prenant fin si la victime la retire",
        "ends_on_pardon": "sur plainte, les poursuites prenant fin si la victime pardonne à l'auteur ou se réconcilie "
                          "avec lui",
        "prosecutor_consent": "seulement avec l'accord du ministère public (par exemple le DPP)",
        "attorney_general_consent": "seulement avec l'accord de l'Attorney General",
    },
    "Medium": {
        "any": "en ligne et hors ligne",
        "online_only": "en ligne seulement (actes commis au moyen des TIC)",
        "offline_only": "hors ligne seulement (actes commis hors des TIC)",
    },
    "Addressee": {
        "natural_person": "personnes physiques",
        "legal_person": "entreprises et autres personnes morales",
        "intermediary": "intermédiaires et plateformes en ligne",
        "public_authority": "autorités publiques",
    },
    "Severity": {
        "high": "obligation expresse d'un traité auquel l'État est partie, ou interprétation de son organe "
                "conventionnel",
        "medium": "obligation susceptible de réserve ou laissant une marge d'appréciation",
        "low": "droit non contraignant seulement",
    },
    "Outcome": {
        "gap": "la loi n'est pas à la hauteur de la norme",
        "not_assessable": "un fait dont la règle a besoin est inconnu : lexgap pose la question au lieu de deviner",
        "met": "la loi satisfait à la norme sur ce point",
    },
    "Answer": {
        "yes": "l'entreprise en dispose, selon une source",
        "partial": "l'entreprise en dispose en partie",
        "no": "l'entreprise n'en dispose pas, selon une source",
    },
    "Verification": {
        "primary": "vérifié par nous dans le texte primaire (le texte officiel, ou une copie fidèle de celui-ci, "
                   "indiqué dans le document, l'URL ou la note de la source)",
        "secondary": "vérifié par nous seulement dans une source secondaire (lettre, rapport, commentaire ou "
                     "article de presse citant ou résumant le texte) ; le texte primaire n'a pas été lu",
        "unverified": "non vérifié : pris tel quel, à vérifier avant de s'y fier",
    },
    "YesNo": {
        "yes": "oui",
        "no": "non",
    },
    "Area": {
        "csam": "contenus montrant des violences sexuelles sur enfant",
        "child_sexual_abuse": "violences et exploitation sexuelles d'enfants (sollicitation, extorsion, diffusion en "
                              "direct)",
        "trafficking": "traite des personnes",
        "intimate_images": "images intimes diffusées sans consentement",
        "online_violence": "violence en ligne (harcèlement, traque, menaces)",
        "platform_duties": "obligations des plateformes en ligne",
        "victim_remedies": "indemnisation et assistance des victimes",
        "corporate_liability": "responsabilité des personnes morales",
    },
    "Conduct": {
        "csam_produce": "production de contenus montrant des violences sexuelles sur enfant",
        "csam_distribute": "distribution, diffusion ou transmission de contenus montrant des violences sexuelles "
                           "sur enfant",
        "csam_offer": "offre ou mise à disposition de contenus montrant des violences sexuelles sur enfant",
        "csam_sell": "vente de contenus montrant des violences sexuelles sur enfant",
        "csam_import_export": "importation ou exportation de contenus montrant des violences sexuelles sur enfant",
        "csam_procure": "fait de se procurer ou de procurer à autrui des contenus montrant des violences sexuelles "
                        "sur enfant",
        "csam_possess": "détention de contenus montrant des violences sexuelles sur enfant",
        "csam_access": "accès en connaissance de cause, en ligne, à des contenus montrant des violences sexuelles "
                       "sur enfant",
        "csam_advertise": "publicité pour des contenus montrant des violences sexuelles sur enfant",
        "child_solicit": "sollicitation d'un enfant à des fins sexuelles (pédopiégeage), y compris en ligne",
        "child_solicit_images": "fait de demander à un enfant de produire ou d'envoyer des images sexuelles",
        "child_sexual_extortion": "extorsion sexuelle d'un enfant",
        "child_live_stream": "diffusion en direct de violences sexuelles sur enfant",
        "child_prostitution": "offre, obtention ou fourniture d'un enfant à des fins de prostitution",
        "child_sexual_activity": "activité sexuelle avec un enfant",
        "tip_recruit": "traite : recrutement",
        "tip_transport": "traite : transport",
        "tip_transfer": "traite : transfert",
        "tip_harbour": "traite : hébergement",
        "tip_receive": "traite : accueil de personnes",
        "tip_use_services": "recours, en connaissance de cause, aux services d'une victime de la traite",
        "ncii_record": "enregistrement d'images intimes sans consentement",
        "ncii_disseminate": "diffusion d'images intimes sans consentement",
        "ncii_threaten": "menace de diffuser des images intimes",
        "online_harass": "harcèlement en ligne",
        "online_stalk": "traque en ligne",
        "online_threat": "menaces en ligne",
        "online_hate": "messages de haine en ligne",
        "illegal_access_interception": "accès illicite à des communications ou à des données, ou interception "
                                       "illicite de celles-ci",
        "personal_data_disclosure": "divulgation des données privées d'une personne",
        "platform_remove": "obligation pour une plateforme de retirer les contenus illicites",
        "platform_report": "obligation pour une plateforme de signaler les abus aux autorités",
        "platform_preserve_evidence": "obligation pour une plateforme de conserver et de communiquer les preuves",
        "platform_due_diligence": "obligation pour une plateforme d'exercer une diligence raisonnable en matière de "
                                  "droits de l'homme ou de risques",
        "victim_compensation": "voie permettant aux victimes d'obtenir une indemnisation",
        "victim_assistance": "mesures d'assistance et de soutien aux victimes",
        "csam_coerce_self_generated": "fait d'amener, de contraindre ou d'extorquer un enfant à produire des images "
                                      "sexuelles de lui-même, ou d'obtenir de telles images autoproduites par la "
                                      "menace ou la tromperie",
    },
    "MentalElement": {
        "strict": "aucun élément moral (responsabilité objective)",
        "negligence": "négligence",
        "recklessness": "imprudence consciente",
        "knowledge": "connaissance des circonstances",
        "intent_general": "intention générale de commettre l'acte",
        "purpose_exploitation": "fin d'exploitation (élément de la définition de la traite)",
        "purpose_sexual": "fin sexuelle",
        "intent_to_harm": "intention de nuire à la victime",
        "intent_to_distress": "intention d'humilier la victime, de lui faire honte, de l'effrayer ou de la réduire "
                              "au silence",
        "intent_to_harass": "intention de harceler la victime",
        "specific_intent_other": "autre intention spécifique allant au-delà de l'acte",
    },
    "Relationship": {
        "none": "aucune relation entre l'auteur et la victime n'est exigée",
        "family_member": "l'auteur doit être un membre de la famille",
        "current_or_former_partner": "l'auteur doit être un partenaire actuel ou ancien",
        "spouse_or_former_spouse": "l'auteur doit être un conjoint ou un ancien conjoint",
        "cohabitant": "l'auteur doit vivre avec la victime",
        "household_member": "l'auteur doit appartenir au ménage de la victime",
        "position_of_trust": "l'auteur doit occuper une position de confiance ou d'autorité",
        "caregiver": "l'auteur doit avoir la charge de la victime",
    },
    "CsamLimb": {
        "real_sexual_activity": "enfant se livrant à une activité sexuelle explicite réelle",
        "simulated_sexual_activity": "enfant se livrant à une activité sexuelle explicite simulée",
        "sexual_parts": "organes sexuels d'un enfant représentés à des fins principalement sexuelles",
        "appears_to_be_child": "personne paraissant être un enfant, quels que soient son âge ou son existence (ce qui "
                               "vise aussi les images réalistes ou générées)",
        "realistic_non_existent_child": "images réalistes d'un enfant qui n'existe pas, dessinées, modifiées ou "
                                        "générées (y compris par l'intelligence artificielle)",
        "non_visual": "représentations non visuelles (sonores, écrites)",
    },
    "PeerExceptionReach": {
        "none": "aucune exception pour les images autoproduites consenties d'adolescents",
        "relationship_limited": "exception limitée à certaines relations (par exemple entre époux)",
        "age_limited": "exception excluant certains adolescents ayant dépassé l'âge du consentement sexuel",
        "excludes_acts": "exception excluant la réalisation, la conservation ou le partage privé des images que "
                         "vise cette infraction",
        "adequate": "exception pour les images consenties que des adolescents réalisent, conservent ou partagent "
                    "en privé, quelle que soit leur relation",
    },
    "Defence": {
        "legitimate_reason": "l'accusé avait un motif légitime (moyen de défense qu'il doit soulever)",
        "not_seen": "l'accusé n'avait pas vu le contenu et ne savait ni ne soupçonnait ce qu'il était",
        "unsolicited": "le contenu a été envoyé sans demande et n'a pas été conservé pendant un délai déraisonnable",
        "research": "l'accusé a agi à des fins de recherche véritable",
        "official_duty": "l'accusé a agi dans l'exercice de fonctions officielles (police, ministère public, "
                         "tribunaux)",
        "reasonable_belief_age": "l'accusé croyait raisonnablement que la personne était adulte",
    },
    "RecklessnessObject": {
        "consent": "imprudence quant au consentement de la victime",
        "harm": "imprudence quant au préjudice ou à la détresse causés",
        "age": "imprudence quant à l'âge de la victime",
        "other_circumstance": "imprudence quant à une autre circonstance",
    },
    "Aggravation": {
        "child_victim": "peine aggravée lorsque la victime est un enfant",
        "disabled_victim": "peine aggravée lorsque la victime est handicapée",
        "vulnerable_victim": "peine aggravée lorsque la victime est vulnérable à un autre titre",
        "profit": "peine aggravée lorsque l'acte est commis dans un but lucratif",
        "organised_group": "peine aggravée lorsqu'un groupe criminel organisé est impliqué",
        "repeated": "peine aggravée pour des actes répétés ou habituels",
        "public_official": "peine aggravée lorsque l'auteur est un agent public",
        "endangering_life": "peine aggravée lorsque la vie de la victime est mise en danger",
        "wide_dissemination": "peine aggravée lorsque le contenu atteint un grand nombre de personnes",
    },
    "ImageKind": {
        "real": "images authentiques de la personne",
        "altered": "images réelles de la personne modifiées ou manipulées",
        "synthetic": "images semblant montrer la personne mais entièrement générées (par exemple des hypertrucages)",
    },
    "Victims": {
        "any_person": "vise toute victime, adulte ou enfant",
        "child": "vise seulement les enfants",
        "woman": "vise les femmes et les filles",
    },
}

#: How a sentence names each attribute a rule may read.
ATTRIBUTE_PHRASES: dict[str, str] = {
    "status": "le statut",
    "provision_type": "le type de disposition",
    "conduct": "les actes visés",
    "medium": "le support visé",
    "victim_categories": "les victimes protégées",
    "protects_children": "si elle protège les victimes de moins de 18 ans",
    "protects_adults": "si elle protège les victimes de 18 ans ou plus",
    "victim_age_min": "l'âge minimum d'une victime protégée",
    "victim_age_max": "l'âge maximum d'une victime protégée",
    "relationship_required": "la relation exigée entre l'auteur et la victime",
    "mental_element": "l'élément moral (la variante la moins exigeante)",
    "harm_requirement": "l'exigence de préjudice",
    "consent_treatment": "le traitement du consentement de la victime",
    "means_required": "les moyens exigés",
    "scope_requirement": "la condition de champ d'application",
    "prosecution": "la manière dont les poursuites sont engagées",
    "exceptions": "les exceptions",
    "addressees": "les personnes que la disposition oblige",
    "csam_definition": "ce que vise sa définition des contenus montrant des violences sexuelles sur enfant",
    "children_can_offend": "si une personne de moins de 18 ans peut la commettre",
    "peer_exception": "son exception pour les images autoproduites consenties d'adolescents",
    "defences": "les moyens de défense ouverts à l'accusé",
    "recklessness_as_to": "ce sur quoi doit porter l'imprudence",
    "aggravating_circumstances": "les circonstances aggravantes",
    "images_reached": "les images d'une personne qu'elle vise",
}

#: How a sentence names each company practice a rule may read.
PRACTICE_PHRASES: dict[str, str] = {
    "policy_commitment": "un engagement politique en matière de droits de l'homme",
    "human_rights_due_diligence": "une procédure de diligence raisonnable en matière de droits de l'homme",
    "integration_action": "des mesures prises à la suite de la diligence raisonnable",
    "effectiveness_tracking": "un suivi de l'efficacité de ses réponses",
    "communication": "une communication publique sur la manière dont les incidences sont traitées",
    "remediation": "la réparation des incidences qu'elle cause ou auxquelles elle contribue",
    "grievance_mechanism": "un mécanisme de réclamation au niveau opérationnel",
    "law_enforcement_reporting": "le signalement des abus aux services répressifs",
    "referral_cooperation": "la coopération avec les mécanismes nationaux d'orientation et les services d'aide "
                            "aux victimes",
    "staff_training": "la formation du personnel à la détection et au signalement des abus",
    "content_moderation": "une modération des contenus capable de détecter et de retirer les contenus abusifs",
    "national_law_compliance": "le respect de la législation nationale relative à la protection de l'enfance",
}


# --- explanations of findings (assess.py) -------------------------------------------------

#: How the words of a list attribute combine when said: all required, or any one of them.
JOINERS = {"mental_element": " ainsi que ", "relationship_required": ", ou ", "victim_categories": ", ou "}
#: The sentences of a finding's explanation, filled with str.format.
EXPLAIN = {
    "provision": "{title} ({law} ; {status})",
    "attribute": "{attribute} : {value}",
    "none": "aucun",
    "concerns": "Actes visés : {conducts}.",
    "gap": "Il s'agit d'une lacune ({label}).",
    "disputed_cure": "{other} pourrait viser l'acte suivant sans cette insuffisance, mais sa portée est contestée "
                     "({conduct}) : {note}",
    "no_cure": "Aucune autre disposition en vigueur de ce fichier du même type{kind} ne vise les mêmes actes pour "
               "les mêmes victimes sans cette insuffisance.",
    "cured": "Bien que cette disposition présente l'insuffisance, {names} vise les mêmes actes pour les mêmes "
             "victimes sans elle ; la législation dans son ensemble satisfait donc à la norme.",
    "met": "La norme est respectée sur ce point ({label} : non constaté).",
    "missing": "lexgap ne peut pas évaluer ce point : le fichier n'indique pas {missing}.",
    "may_cover_disputed": "{other} pourrait le viser, mais sa portée est contestée : {note}",
    "might_cover": "{other} pourrait viser les mêmes actes sans cette insuffisance, mais le fichier n'indique pas "
                   "assez de faits à son sujet pour le dire.",
    "see_sources": "voir ses sources",
    "standards": "Normes : {standards}.",
    "reading": " (lecture de lexgap : {reading})",
    "absence_present": "Visé en vigueur par {names} ({what}).",
    "absence_disputed": "Seule {title} pourrait le viser ({what}), et sa portée est contestée : {note}",
    "absence_uncertain": "lexgap ne peut pas dire si la loi le vise ({what}) : le fichier n'indique pas assez "
                         "d'éléments sur {names}.",
    "absence_absent": "Aucune disposition en vigueur ne le vise ({what}) ; le fichier énumère toutes les "
                      "dispositions en vigueur du domaine « {area} ».",
    "absence_open": "Aucune disposition en vigueur de ce fichier ne le vise ({what}), mais le fichier ne déclare "
                    "pas complète sa liste de dispositions pour le domaine « {area} » : lexgap ne peut donc pas "
                    "conclure qu'il n'y en a aucune.",
    "pending": "En instance : {bills} le viserait en cas d'adoption.",
    "pending_bill": "{title} ({law} ; {status})",
    "practice_unknown": "Rien n'est connu de l'élément suivant chez {company} : {practice}{note}.",
    "practice": "{company}, {practice} : {answer}{note}.",
    "note": " ({note})",
    "caveat": "Mise en garde : {caveat}",
    "legal_system": "En vertu de {system} : ",
    "not_bound": "Réserve : le {date}, {subject} n'était pas partie à {treaties} (son fichier n'en enregistre aucune "
                 "ratification) ; les normes sur lesquelles repose cette constatation ne le lient donc pas, et la "
                 "constatation mesure sa législation à leur aune à titre d'orientation seulement.",
    "not_encoded": "Ceci ne concerne que {system} : {others} n'est pas codé dans ce fichier et pourrait le viser.",
    "wording": " (le texte dit {quotes})",
    "quote": "\u00ab\u00a0{text}\u00a0\u00bb ({language}{translation})",
    "translation": ", en français \u00ab\u00a0{translation}\u00a0\u00bb",
    "disputed_fact": "{attribute} est contesté : {note} ({sources})",
    "cannot_assess": "lexgap ne peut pas évaluer ce point : {what}.",
    "unverified_named": "Certains faits concernant cette disposition reposent sur des sources que lexgap n'a pas "
                        "vérifiées : {facts}.",
    "unverified_fact": "{fact} ({sources})",
    "no_ground_date": "Aucune norme sur laquelle repose cette règle n'existait le {date}, date de cette évaluation "
                      "({later}) : lexgap ne peut donc pas fonder de constat sur elle à cette date.",
    "later_standard": "{instrument} {pinpoint} (du {date})",
    "no_ground_fit": "Aucune des normes sur lesquelles repose cette règle ne vise le domaine et les victimes de "
                     "cette disposition : lexgap ne peut donc pas fonder de constat sur elle.",
    "no_ground_company": "Aucune norme sur laquelle repose cette règle n'existait le {date}, date de cette "
                         "évaluation.",
    "added_later": "{title} ne vise l'acte suivant qu'à partir du {date}, après la date de cette évaluation : "
                   "{conduct}.",
}


def date(day: object) -> str:
    """A date in a sentence: '2 mars 2021' (Babel, CLDR data; '1er' for the first of a month)."""
    import datetime as dt

    from babel.dates import format_date

    assert isinstance(day, dt.date)
    text = format_date(day, "d MMMM y", locale="fr")
    return "1er" + text[1:] if day.day == 1 else text


#: How `explain` says the level at which a standard's citation was checked.
VERIFICATION_CHECK: dict[str, str] = {
    "primary": "vérifié dans le texte primaire",
    "secondary": "vérifié dans une source secondaire seulement",
    "unverified": "NON VÉRIFIÉ",
}


# --- letters (compose.py) ----------------------------------------------------------------

#: The placeholders a letter shows where the data gives nothing, for the officer to fill ("[DATE]").
PLACEHOLDERS: dict[str, str] = {
    "MANDATES": "MANDATS", "RESOLUTIONS": "RÉSOLUTIONS", "NAME": "NOM", "MANDATE": "MANDAT", "DATE": "DATE",
    "REFERENCE": "RÉFÉRENCE", "SUBJECT": "OBJET", "STANDARD": "NORME", "TITLE OF": "TITRE DE {id}",
    "RESOLUTION OF": "RÉSOLUTION DE {id}", "NAME OF": "NOM DE {id}",
}

#: The words the composer puts between the data's values in a letter ({ratified}: the participle agrees
#: with the instrument: 'ratifiée' for a Convention, 'ratifié' for a Pacte).
LETTER: dict[str, str] = {
    "and": "et",
    "on_date": "le {date}",
    "in_year": "en {year}",
    "ratification": "{ratified} par {state} {when}",
    "accession": "{which_to} {state} a adhéré {when}",
    "succession": "{which_to} {state} a succédé {when}",
    "approval": "{approved} par {state} {when}",
    "membership": "qui lie {state} en tant qu'État membre de l'Union européenne",
    "party": "{which_party} {state} est partie",
    "in_its_words": " (selon ses termes, \u00ab\u00a0{phrase}\u00a0\u00bb)",
    "pinpoint_of": "{pinpoint} {instrument}",
    "described_date": "du {date}",
    "also_refer": "Nous rappelons également",
    "refer": "Nous rappelons",
}


#: A working group's signing role, as the signature line says it (keys: the register's English `signing_role`).
#: The register does not record a holder's gender: the masculine form, generic in United Nations French, is
#: used unless the mandate file gives its own (`fr: {signing_role: Présidente-Rapporteuse}`).
ROLES: dict[str, str] = {"Chair-Rapporteur": "Président-Rapporteur", "Vice-Chair": "Vice-Président"}
