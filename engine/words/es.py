"""Spanish: every word, title and sentence template a user reads in lexgap's reports and letters.

The same names and `{placeholders}` as `en.py` (a test checks that every name of en.py is here), in
our own words. Vocabulary meanings are noun phrases without article, as they stand in a sentence
after a colon or in brackets. Dates come from Babel (CLDR), never from hand-written month names.
"""

from __future__ import annotations

# This module imports nothing of lexgap's: vocabulary.py and attributes.py read it.

# --- statuses and outcomes ----------------------------------------------------------------

#: How a finding's outcome is titled in reports (keys: vocabulary.Outcome values).
STATUS_TITLE = {"gap": "Laguna", "not_assessable": "No evaluable", "met": "Conforme"}

#: A law's or provision's status as said in a sentence (keys: vocabulary.Status values).
STATUS_WORDS = {
    "in_force": "en vigor",
    "adopted": "aprobada, aún no en vigor",
    "pending_bill": "proyecto o proposición de ley en trámite",
    "draft": "anteproyecto",
    "reported_draft": "anteproyecto conocido solo por la información recibida",
    "repealed": "derogada",
}

#: How a change between two versions is named (keys: compare.Change values).
CHANGE_TITLE = {"introduced": "surgida", "closed": "subsanada", "status_changed": "cambio de estado",
                "unchanged": "sin cambios"}

# --- report groups and values -------------------------------------------------------------

COMPANY_PRACTICE = "Práctica de la empresa"
LAW_AS_A_WHOLE = "La legislación en su conjunto"
#: A cell with no finding (the provision is absent or repealed, or the rule does not apply).
NO_FINDING = "—"
ABSENT = "ausente"
NOT_KNOWN = "desconocido"
YES = "sí"
NO = "no"
NONE_LISTED = "ninguno indicado"
OR = " o "


def verified(level: str) -> str:
    """Whether we checked a fact in its primary text (a Verification word), in words; a secondary source is no check."""
    return "verificado" if level == "primary" else "no verificado"


# --- vocabularies, attributes and practices --------------------------------------------

#: What each word of each closed vocabulary means, by vocabulary (the enum's name in vocabulary.py).
MEANINGS: dict[str, dict[str, str]] = {
    "Status": {
        "in_force": "ley en vigor en la fecha del archivo; solo estas disposiciones subsanan una laguna",
        "adopted": "aprobada por el poder legislativo pero aún no en vigor",
        "pending_bill": "proyecto o proposición de ley sometido formalmente al poder legislativo",
        "draft": "anteproyecto aún no presentado (proyecto ministerial, texto sometido a consulta)",
        "reported_draft": "anteproyecto conocido solo por la información recibida; su texto no se consultó",
        "repealed": "derogada; se conserva solo a efectos de comparación",
    },
    "LawType": {
        "act": "ley del poder legislativo",
        "code": "código (penal, civil...)",
        "bill": "proyecto o proposición de ley sometido al poder legislativo",
        "government_position": "modificaciones de una proposición de ley solicitadas por un gobierno",
        "draft": "anteproyecto de ley aún no presentado",
    },
    "InstrumentKind": {
        "treaty": "tratado que vincula a los Estados que lo ratifican",
        "eu_law": "derecho de la Unión Europea que vincula a los Estados miembros",
        "general_comment": "observación general de un órgano de tratado (interpretación autorizada de un tratado)",
        "general_recommendation": "recomendación general del Comité para la Eliminación de la Discriminación "
                                  "contra la Mujer (interpretación autorizada de la Convención)",
        "treaty_body_guidelines": "directrices de un órgano de tratado sobre la aplicación de un tratado",
        "declaration": "declaración de la Asamblea General",
        "soft_law_principles": "principios respaldados por un órgano de las Naciones Unidas, no un tratado",
        "sp_report": "informe de un titular de mandato de los procedimientos especiales",
        "sg_report": "informe del Secretario General",
        "wg_report": "informe de un grupo de trabajo",
        "concluding_observations": "observaciones finales de un órgano de tratado sobre un Estado",
        "monitoring_report": "informe de un órgano de supervisión sobre un Estado (por ejemplo el GRETA o el GREVIO)",
    },
    "ProvisionType": {
        "criminal_offence": "delito",
        "civil_remedy": "recurso civil para las víctimas (indemnización, orden judicial)",
        "protection_measure": "medida de protección (órdenes de protección, servicios)",
        "administrative_duty": "obligación administrativa (por ejemplo de las plataformas)",
        "procedure": "norma de procedimiento",
        "definition": "definición utilizada por otras disposiciones",
    },
    "VictimCategory": {
        "any_person": "cualquier persona, sea cual sea su edad o sexo",
        "adult": "solo personas adultas",
        "child": "niños y niñas (menores de 18 años, salvo que las edades indicadas dispongan otra cosa)",
        "woman": "solo mujeres",
        "girl": "solo niñas",
    },
    "ConsentTreatment": {
        "irrelevant": "el consentimiento de la víctima es expresamente irrelevante",
        "lack_of_consent_is_element": "la acusación debe probar que la víctima no consintió",
        "defence": "el consentimiento de la víctima es un medio de defensa",
        "mitigating": "el consentimiento de la víctima atenúa la pena",
        "not_addressed": "el texto no dice nada sobre el consentimiento",
    },
    "MeansRequired": {
        "none": "no es necesario probar ningún medio (fuerza, engaño...)",
        "adults_only": "los medios deben probarse solo para las víctimas adultas",
        "all_victims": "los medios deben probarse para toda víctima, incluidos niños y niñas",
    },
    "HarmRequirement": {
        "none": "no es necesario demostrar ningún daño",
        "apt_to_cause_harm": "el acto debe poder causar daño, sin prueba de que lo haya causado",
        "harm_proven": "debe probarse el daño sufrido por la víctima",
        "distress_proven": "debe probarse la angustia de la víctima",
        "privacy_interference_proven": "debe probarse una injerencia grave en la intimidad de la víctima",
    },
    "ScopeRequirement": {
        "none": "no se exige ningún elemento transnacional ni de grupo delictivo organizado: todos los casos",
        "transnational": "solo casos transnacionales",
        "organised_group": "solo casos en que participe un grupo delictivo organizado",
    },
    "Exception_": {
        "none": "el texto no prevé excepciones",
        "artistic": "no hay delito en el caso de obras artísticas",
        "scientific_medical": "no hay delito con fines científicos o médicos",
        "law_enforcement": "no hay delito con fines policiales",
        "public_interest": "no hay delito cuando el contenido revela información de interés público",
        "public_interest_balancing": ("no hay delito cuando la divulgación sirve a un interés público que prevalece "
                                      "sobre el daño causado a la víctima (ponderación)"),
        "newsworthiness": "no hay delito cuando el contenido tiene valor periodístico",
        "peer_consensual_private": "no hay delito en el caso de imágenes consentidas guardadas en privado entre "
                                   "pares",
        "victim_consent_to_exposure": "no hay delito cuando la víctima actuó expresamente para ser vista u oída",
        "evidence_of_offence": "no hay delito cuando la grabación capta o prueba un delito",
        "legitimate_participant": "no hay delito para un participante con un interés legítimo",
    },
    "Prosecution": {
        "ex_officio": "de oficio por las autoridades",
        "on_complaint": "solo previa denuncia de la víctima",
        "ends_on_withdrawal": "previa denuncia, y la acción se extingue si la víctima la retira",
        "ends_on_pardon": "previa denuncia, y la acción se extingue si la víctima perdona al autor o se reconcilia "
                          "con él",
        "prosecutor_consent": "solo con el consentimiento del ministerio público (por ejemplo el DPP)",
        "attorney_general_consent": "solo con el consentimiento del Attorney General",
    },
    "Medium": {
        "any": "en línea y fuera de línea",
        "online_only": "solo en línea (actos cometidos mediante las TIC)",
        "offline_only": "solo fuera de línea (actos cometidos fuera de las TIC)",
    },
    "Addressee": {
        "natural_person": "personas físicas",
        "legal_person": "empresas y otras personas jurídicas",
        "intermediary": "intermediarios y plataformas en línea",
        "public_authority": "autoridades públicas",
    },
    "Severity": {
        "high": "obligación expresa de un tratado en el que el Estado es parte, o interpretación de su órgano de "
                "tratado",
        "medium": "obligación que admite reservas o deja margen de apreciación",
        "low": "solo derecho no vinculante",
    },
    "Outcome": {
        "gap": "la ley no está a la altura de la norma",
        "not_assessable": "se desconoce un hecho que la regla necesita: lexgap pregunta en lugar de suponer",
        "met": "la ley cumple la norma en este punto",
    },
    "Answer": {
        "yes": "la empresa cuenta con ello, según una fuente",
        "partial": "la empresa cuenta con ello en parte",
        "no": "la empresa no cuenta con ello, según una fuente",
    },
    "Verification": {
        "primary": "verificado por nosotros en el texto primario (el texto oficial, o una copia fiel de este, "
                   "indicado en el documento, la URL o la nota de la fuente)",
        "secondary": "verificado por nosotros solo en una fuente secundaria (carta, informe, comentario o artículo "
                     "de prensa que cita o resume el texto); no se leyó el texto primario",
        "unverified": "no verificado: se toma tal cual y debe verificarse antes de utilizarlo",
    },
    "YesNo": {
        "yes": "sí",
        "no": "no",
    },
    "Area": {
        "csam": "material de abuso sexual infantil",
        "child_sexual_abuse": "abuso y explotación sexuales de niños y niñas (captación, extorsión, transmisión en "
                              "directo)",
        "trafficking": "trata de personas",
        "intimate_images": "imágenes íntimas difundidas sin consentimiento",
        "online_violence": "violencia en línea (acoso, hostigamiento, amenazas)",
        "platform_duties": "obligaciones de las plataformas en línea",
        "victim_remedies": "indemnización y asistencia a las víctimas",
        "corporate_liability": "responsabilidad de las personas jurídicas",
    },
    "Conduct": {
        "csam_produce": "producción de material de abuso sexual infantil",
        "csam_distribute": "distribución, difusión o transmisión de material de abuso sexual infantil",
        "csam_offer": "oferta o puesta a disposición de material de abuso sexual infantil",
        "csam_sell": "venta de material de abuso sexual infantil",
        "csam_import_export": "importación o exportación de material de abuso sexual infantil",
        "csam_procure": "obtención de material de abuso sexual infantil para sí o para otra persona",
        "csam_possess": "posesión de material de abuso sexual infantil",
        "csam_access": "acceso a sabiendas en línea a material de abuso sexual infantil",
        "csam_advertise": "publicidad de material de abuso sexual infantil",
        "child_solicit": "captación de un niño o una niña con fines sexuales (grooming), incluso en línea",
        "child_solicit_images": "petición a un niño o una niña de que produzca o envíe imágenes sexuales",
        "child_sexual_extortion": "extorsión sexual de un niño o una niña",
        "child_live_stream": "transmisión en directo de abusos sexuales de niños y niñas",
        "child_prostitution": "oferta, obtención o entrega de un niño o una niña con fines de prostitución",
        "child_sexual_activity": "actividad sexual con un niño o una niña",
        "tip_recruit": "trata: captación",
        "tip_transport": "trata: transporte",
        "tip_transfer": "trata: traslado",
        "tip_harbour": "trata: acogida",
        "tip_receive": "trata: recepción de personas",
        "tip_use_services": "utilización a sabiendas de los servicios de una víctima de trata",
        "ncii_record": "grabación de imágenes íntimas sin consentimiento",
        "ncii_disseminate": "difusión de imágenes íntimas sin consentimiento",
        "ncii_threaten": "amenaza de difundir imágenes íntimas",
        "online_harass": "acoso en línea",
        "online_stalk": "hostigamiento en línea",
        "online_threat": "amenazas en línea",
        "online_hate": "mensajes de odio en línea",
        "illegal_access_interception": "acceso ilícito a comunicaciones o datos, o interceptación ilícita de estos",
        "personal_data_disclosure": "divulgación de datos privados de una persona",
        "platform_remove": "obligación de una plataforma de retirar el contenido ilícito",
        "platform_report": "obligación de una plataforma de denunciar los abusos a las autoridades",
        "platform_preserve_evidence": "obligación de una plataforma de conservar y compartir pruebas",
        "platform_due_diligence": "obligación de una plataforma de ejercer la diligencia debida en materia de "
                                  "derechos humanos o de riesgos",
        "victim_compensation": "vía para que las víctimas obtengan una indemnización",
        "victim_assistance": "medidas de asistencia y apoyo a las víctimas",
        "csam_coerce_self_generated": "inducción, coacción o extorsión de un niño o una niña para que produzca "
                                      "imágenes sexuales de sí mismo, u obtención de tales imágenes "
                                      "autogeneradas mediante amenaza o engaño",
    },
    "MentalElement": {
        "strict": "ningún elemento subjetivo (responsabilidad objetiva)",
        "negligence": "negligencia",
        "recklessness": "imprudencia consciente",
        "knowledge": "conocimiento de las circunstancias",
        "intent_general": "dolo general de cometer el acto",
        "purpose_exploitation": "fin de explotación (elemento de la definición de la trata)",
        "purpose_sexual": "fin sexual",
        "intent_to_harm": "intención de causar daño a la víctima",
        "intent_to_distress": "intención de avergonzar, humillar, atemorizar o silenciar a la víctima",
        "intent_to_harass": "intención de acosar a la víctima",
        "specific_intent_other": "otra intención específica más allá de cometer el acto",
    },
    "Relationship": {
        "none": "no se exige ninguna relación entre el autor y la víctima",
        "family_member": "el autor debe ser un familiar",
        "current_or_former_partner": "el autor debe ser la pareja actual o una expareja",
        "spouse_or_former_spouse": "el autor debe ser el cónyuge o un excónyuge",
        "cohabitant": "el autor debe convivir con la víctima",
        "household_member": "el autor debe pertenecer al hogar de la víctima",
        "position_of_trust": "el autor debe ocupar una posición de confianza o de autoridad",
        "caregiver": "el autor debe tener a su cargo a la víctima",
    },
    "CsamLimb": {
        "real_sexual_activity": "un niño o una niña en una actividad sexual explícita real",
        "simulated_sexual_activity": "un niño o una niña en una actividad sexual explícita simulada",
        "sexual_parts": "partes genitales de un niño o una niña representadas con fines principalmente sexuales",
        "appears_to_be_child": "una persona que parece ser un niño o una niña, sea cual sea su edad o aunque no "
                               "exista (lo que abarca también imágenes realistas o generadas)",
        "realistic_non_existent_child": "imágenes realistas de un niño o una niña que no existe, dibujadas, "
                                        "alteradas o generadas (incluso mediante inteligencia artificial)",
        "non_visual": "representaciones no visuales (sonoras, escritas)",
    },
    "PeerExceptionReach": {
        "none": "ninguna excepción para las imágenes autogeneradas consentidas de adolescentes",
        "relationship_limited": "una excepción limitada a algunas relaciones (por ejemplo entre cónyuges)",
        "age_limited": "una excepción que deja fuera a algunos adolescentes por encima de la edad de "
                       "consentimiento sexual",
        "excludes_acts": "una excepción que deja fuera la realización, la conservación o el intercambio privado de "
                         "las imágenes que abarca este delito",
        "adequate": "una excepción para las imágenes consentidas que los adolescentes realizan, conservan o "
                    "comparten en privado, sea cual sea su relación",
    },
    "Defence": {
        "legitimate_reason": "el acusado tenía un motivo legítimo (medio de defensa que debe invocar)",
        "not_seen": "el acusado no había visto el material y no sabía ni sospechaba lo que era",
        "unsolicited": "el material se envió sin solicitarlo y no se conservó durante un tiempo excesivo",
        "research": "el acusado actuó con fines de investigación genuina",
        "official_duty": "el acusado actuó en el ejercicio de funciones oficiales (policía, fiscalía, tribunales)",
        "reasonable_belief_age": "el acusado creía razonablemente que la persona era adulta",
    },
    "RecklessnessObject": {
        "consent": "imprudencia en cuanto al consentimiento de la víctima",
        "harm": "imprudencia en cuanto al daño o la angustia causados",
        "age": "imprudencia en cuanto a la edad de la víctima",
        "other_circumstance": "imprudencia en cuanto a otra circunstancia",
    },
    "Aggravation": {
        "child_victim": "pena agravada cuando la víctima es un niño o una niña",
        "disabled_victim": "pena agravada cuando la víctima tiene una discapacidad",
        "vulnerable_victim": "pena agravada cuando la víctima es vulnerable por otro motivo",
        "profit": "pena agravada cuando el acto se comete con ánimo de lucro",
        "organised_group": "pena agravada cuando interviene un grupo delictivo organizado",
        "repeated": "pena agravada por actos reiterados o habituales",
        "public_official": "pena agravada cuando el autor es un funcionario público",
        "endangering_life": "pena agravada cuando se pone en peligro la vida de la víctima",
        "wide_dissemination": "pena agravada cuando el material llega a muchas personas",
    },
    "ImageKind": {
        "real": "imágenes auténticas de la persona",
        "altered": "imágenes reales de la persona alteradas o manipuladas",
        "synthetic": "imágenes que parecen mostrar a la persona pero generadas por completo (por ejemplo "
                     "ultrafalsificaciones)",
    },
    "Victims": {
        "any_person": "se refiere a toda víctima, adulta o menor de edad",
        "child": "se refiere solo a niños y niñas",
        "woman": "se refiere a mujeres y niñas",
    },
}

#: How a sentence names each attribute a rule may read.
ATTRIBUTE_PHRASES: dict[str, str] = {
    "status": "el estado",
    "provision_type": "el tipo de disposición",
    "conduct": "las conductas abarcadas",
    "medium": "el medio abarcado",
    "victim_categories": "las víctimas protegidas",
    "protects_children": "si protege a las víctimas menores de 18 años",
    "protects_adults": "si protege a las víctimas de 18 años o más",
    "victim_age_min": "la edad mínima de una víctima protegida",
    "victim_age_max": "la edad máxima de una víctima protegida",
    "relationship_required": "la relación exigida entre el autor y la víctima",
    "mental_element": "el elemento subjetivo (la alternativa menos exigente)",
    "harm_requirement": "el requisito de daño",
    "consent_treatment": "el tratamiento del consentimiento de la víctima",
    "means_required": "los medios exigidos",
    "scope_requirement": "el requisito de ámbito",
    "prosecution": "cómo se inicia la acción penal",
    "exceptions": "las excepciones",
    "addressees": "a quién obliga la disposición",
    "csam_definition": "lo que abarca su definición de material de abuso sexual infantil",
    "children_can_offend": "si una persona menor de 18 años puede cometerlo",
    "peer_exception": "su excepción para las imágenes autogeneradas consentidas de adolescentes",
    "defences": "los medios de defensa de que dispone el acusado",
    "recklessness_as_to": "sobre qué debe recaer la imprudencia",
    "aggravating_circumstances": "las circunstancias agravantes",
    "images_reached": "las imágenes de una persona que abarca",
}

#: How a sentence names each company practice a rule may read.
PRACTICE_PHRASES: dict[str, str] = {
    "policy_commitment": "un compromiso político en materia de derechos humanos",
    "human_rights_due_diligence": "un proceso de diligencia debida en materia de derechos humanos",
    "integration_action": "medidas adoptadas a partir de la diligencia debida",
    "effectiveness_tracking": "un seguimiento de la eficacia de su respuesta",
    "communication": "una comunicación pública sobre cómo se hace frente a las consecuencias",
    "remediation": "la reparación de las consecuencias que provoca o a las que contribuye",
    "grievance_mechanism": "un mecanismo de reclamación a nivel operacional",
    "law_enforcement_reporting": "la denuncia de los abusos a las fuerzas del orden",
    "referral_cooperation": "la cooperación con los mecanismos nacionales de derivación y los servicios a las "
                            "víctimas",
    "staff_training": "la formación del personal para detectar y denunciar abusos",
    "content_moderation": "una moderación de contenidos capaz de detectar y retirar material de abuso",
    "national_law_compliance": "el cumplimiento de la legislación nacional de protección de la infancia",
}


# --- explanations of findings (assess.py) -------------------------------------------------

#: How the words of a list attribute combine when said: all required, or any one of them.
JOINERS = {"mental_element": " junto con ", "relationship_required": ", o ", "victim_categories": ", o "}
#: The sentences of a finding's explanation, filled with str.format.
EXPLAIN = {
    "provision": "{title} ({law}; {status})",
    "attribute": "{attribute}: {value}",
    "none": "ninguno",
    "concerns": "Conductas abarcadas: {conducts}.",
    "gap": "Se trata de una laguna ({label}).",
    "disputed_cure": "{other} podría abarcar la conducta siguiente sin esta deficiencia, pero su alcance es "
                     "discutido ({conduct}): {note}",
    "no_cure": "Ninguna otra disposición en vigor de este archivo del mismo tipo{kind} abarca las mismas conductas "
               "respecto de las mismas víctimas sin esta deficiencia.",
    "cured": "Aunque esta disposición presenta la deficiencia, {names} abarca las mismas conductas respecto de las "
             "mismas víctimas sin ella, por lo que la legislación en su conjunto cumple la norma.",
    "met": "La norma se cumple en este punto ({label}: no constatado).",
    "missing": "lexgap no puede evaluar este punto: el archivo no indica {missing}.",
    "may_cover_disputed": "{other} podría abarcarlo, pero su alcance es discutido: {note}",
    "might_cover": "{other} podría abarcar las mismas conductas sin esta deficiencia, pero el archivo no indica "
                   "suficientes hechos al respecto para saberlo.",
    "see_sources": "véanse sus fuentes",
    "standards": "Normas: {standards}.",
    "reading": " (lectura de lexgap: {reading})",
    "absence_present": "Abarcado en vigor por {names} ({what}).",
    "absence_disputed": "Solo {title} podría abarcarlo ({what}), y su alcance es discutido: {note}",
    "absence_uncertain": "lexgap no puede saber si la ley lo abarca ({what}): el archivo no indica lo suficiente "
                         "sobre {names}.",
    "absence_absent": "Ninguna disposición en vigor lo abarca ({what}); el archivo enumera todas las disposiciones "
                      "en vigor del ámbito «{area}».",
    "absence_open": "Ninguna disposición en vigor de este archivo lo abarca ({what}), pero el archivo no declara "
                    "completa su lista de disposiciones para el ámbito «{area}», por lo que lexgap no puede "
                    "concluir que no exista ninguna.",
    "pending": "En trámite: {bills} lo abarcaría si se aprobara.",
    "pending_bill": "{title} ({law}; {status})",
    "practice_unknown": "No se sabe nada del siguiente elemento en {company}: {practice}{note}.",
    "practice": "{company}, {practice}: {answer}{note}.",
    "note": " ({note})",
    "caveat": "Advertencia: {caveat}",
    "legal_system": "Con arreglo a {system}: ",
    "not_bound": "Salvedad: el {date}, {subject} no era parte en {treaties} (su archivo no registra ninguna "
                 "ratificación), por lo que las normas en que se basa esta conclusión no le vinculan; la conclusión "
                 "mide su legislación con respecto a ellas solo a título orientativo.",
    "not_encoded": "Esto se refiere solo a {system}: {others} no está codificado en este archivo y podría "
                   "abarcarlo.",
    "wording": " (el texto dice {quotes})",
    "quote": "\u00ab{text}\u00bb ({language}{translation})",
    "translation": ", en español \u00ab{translation}\u00bb",
    "disputed_fact": "{attribute} es discutido: {note} ({sources})",
    "cannot_assess": "lexgap no puede evaluar este punto: {what}.",
    "unverified_named": "Algunos hechos sobre esta disposición se basan en fuentes que lexgap no ha verificado: "
                        "{facts}.",
    "unverified_fact": "{fact} ({sources})",
    "no_ground_date": "Ninguna norma en que se basa esta regla existía el {date}, fecha de esta evaluación "
                      "({later}), por lo que lexgap no puede fundar en ella una constatación para esa fecha.",
    "later_standard": "{instrument} {pinpoint} (de {date})",
    "no_ground_fit": "Ninguna de las normas en que se basa esta regla se refiere al ámbito y a las víctimas de esta "
                     "disposición, por lo que lexgap no puede fundar en ella una constatación.",
    "no_ground_company": "Ninguna norma en que se basa esta regla existía el {date}, fecha de esta evaluación.",
    "added_later": "{title} solo abarca la conducta siguiente desde el {date}, después de la fecha de esta "
                   "evaluación: {conduct}.",
}


def date(day: object) -> str:
    """A date in a sentence: '2 de marzo de 2021' (Babel, CLDR data)."""
    import datetime as dt

    from babel.dates import format_date

    assert isinstance(day, dt.date)
    return format_date(day, "d 'de' MMMM 'de' y", locale="es")


#: How `explain` says the level at which a standard's citation was checked.
VERIFICATION_CHECK: dict[str, str] = {
    "primary": "verificado en el texto primario",
    "secondary": "verificado solo en una fuente secundaria",
    "unverified": "NO VERIFICADO",
}


# --- letters (compose.py) ----------------------------------------------------------------

#: The placeholders a letter shows where the data gives nothing, for the officer to fill ("[FECHA]").
PLACEHOLDERS: dict[str, str] = {
    "MANDATES": "MANDATOS", "RESOLUTIONS": "RESOLUCIONES", "NAME": "NOMBRE", "MANDATE": "MANDATO",
    "DATE": "FECHA", "REFERENCE": "REFERENCIA", "SUBJECT": "ASUNTO", "STANDARD": "NORMA",
    "TITLE OF": "TÍTULO DE {id}", "RESOLUTION OF": "RESOLUCIÓN DE {id}", "NAME OF": "NOMBRE DE {id}",
}

#: The words the composer puts between the data's values in a letter ({ratified}: the participle agrees
#: with the instrument: 'ratificada' for a Convención, 'ratificado' for a Pacto).
LETTER: dict[str, str] = {
    "and": "y",
    "on_date": "el {date}",
    "in_year": "en {year}",
    "ratification": "{ratified} por {state} {when}",
    "accession": "{which_to} {state} se adhirió {when}",
    "succession": "{which_to} {state} sucedió {when}",
    "approval": "{approved} por {state} {when}",
    "membership": "que vincula a {state} como Estado miembro de la Unión Europea",
    "party": "{which_party} {state} es parte",
    "in_its_words": " (en sus palabras, \u00ab{phrase}\u00bb)",
    "pinpoint_of": "{pinpoint} {instrument}",
    "described_date": "de {date}",
    "also_refer": "Recordamos asimismo",
    "refer": "Recordamos",
}


#: A working group's signing role, as the signature line says it (keys: the register's English `signing_role`).
#: The register does not record a holder's gender: the masculine form, generic in United Nations Spanish, is
#: used unless the mandate file gives its own (`es: {signing_role: Presidenta-Relatora}`).
ROLES: dict[str, str] = {"Chair-Rapporteur": "Presidente-Relator", "Vice-Chair": "Vicepresidente"}
