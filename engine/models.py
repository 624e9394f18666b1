"""The file formats of lexgap, one pydantic model each: the single definition of each format.

Validation, the JSON Schema (`lexgap schema KIND`) and the README's field lists
all come from these classes.  A field left out of a file means "not known",
never "no": a provision that does not say whether it requires a relationship
makes the relationship rules answer `not_assessable`.

Annotations here are evaluated with the class (no `from __future__ import annotations`): pydantic reads
every field's type when a model is defined, and from a string it compiles and evaluates it each time.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from lexgap import ids
from lexgap import vocabulary as v
from lexgap.attributes import ATTRIBUTES_BY_SUBJECT, PRACTICES, Attribute


def _empty() -> list[Any]:
    """A list field's default: an empty list.

    A Python function, not `list`: pydantic reads a default factory's signature, and for a builtin it
    parses the signature's text with the tokenizer, whose first use compiles its large regular expression
    (about 15 ms of a cold start, when the validators are built)."""
    return []


class Strict(BaseModel):
    """Base of every format: unknown fields are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def _provision_id(text: str) -> str:
    ids.parse_provision_id(text)
    return text


def _work_id(text: str) -> str:
    if ids.parse_provision_id(text).portion is not None:
        raise ValueError(f"{text!r} names a provision; a law id has no ~portion")
    return text


def _basis_ref(text: str) -> str:
    ids.parse_basis_ref(text)
    return text


def _slug(text: str) -> str:
    if not ids.is_slug(text):
        raise ValueError(f"{text!r} is not an id; use lower-case words joined by hyphens, like 'romania-2020'")
    return text


def _portion(text: str) -> str:
    if not ids.BASIS_REF.fullmatch(ids.basis_ref("x", text)):
        raise ValueError(f"{text!r} is not a portion id; write it like 'art_2__lit_c' or 'para_24'")
    return text


ProvisionId = Annotated[str, AfterValidator(_provision_id), Field(examples=[ids.PROVISION_ID_EXAMPLE])]
WorkId = Annotated[str, AfterValidator(_work_id), Field(examples=["ro/act/2003/217"])]
BasisRef = Annotated[str, AfterValidator(_basis_ref), Field(examples=[ids.BASIS_REF_EXAMPLE])]
Slug = Annotated[str, AfterValidator(_slug), Field(examples=["romania-2020"])]
Portion = Annotated[str, AfterValidator(_portion), Field(examples=["art_2__lit_c"])]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=1000)]


class Source(Strict):
    """Where a fact comes from, and whether we checked it against that source ourselves."""

    document: ShortText = Field(description="document symbol, law number or title: 'A/HRC/38/47', 'Law no. 106/2020'")
    pinpoint: ShortText | None = Field(None, description="article, paragraph or section: 'art. 3', 'para. 24'")
    url: Url | None = None
    consulted: dt.date = Field(description="date the source was last read (YYYY-MM-DD)")
    verified: v.Verification = Field(
        description="how far we checked this fact: primary (in the official text), secondary (only in a "
                    "secondary source), unverified (not checked)")
    covers: list[str] = Field(default_factory=_empty,
                              description="the fields this source supports; empty: the whole entry")
    note: Text | None = None

    @field_validator("verified", mode="before")
    @classmethod
    def _level_not_yes_no(cls, value: Any) -> Any:
        """`verified: true`/`false` were the old form: say which level to write instead."""
        if value is True:
            raise ValueError(
                "verified: true is the old form; write the level of the check instead: 'primary' if this fact "
                "was read in the official text (name it in document, url or note), 'secondary' if only in a "
                "secondary source (a letter, report or commentary)")
        if value is False:
            raise ValueError("verified: false is the old form; write 'unverified' (or 'secondary' if the fact "
                             "was checked in a secondary source)")
        return value


Sources = Annotated[list[Source], Field(min_length=1)]


# --- languages: the fr/es overlay ------------------------------------------------------------

#: The languages lexgap writes letters and reports in. English is the base of every file; French
#: and Spanish are overlays (`fr:`, `es:`) beside the English fields they translate.
Language = Literal["en", "fr", "es"]
LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
TRANSLATED: tuple[str, ...] = ("fr", "es")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}


class Untranslated(LookupError):
    """A text asked for in a language its object does not give: never answered in English instead."""

    def __init__(self, obj: BaseModel, field: str, language: str):
        super().__init__(f"no {LANGUAGE_NAMES.get(language, language)} {field}")
        self.obj = obj
        self.field = field
        self.language = language


def localized(obj: BaseModel, field: str, language: str) -> Any:
    """The value of `field` of `obj` in `language`: the English field for 'en', else the field of the
    object's `fr:`/`es:` overlay (a dotted field, 'letter.concern', reads nested fields). An English value
    without its translation raises `Untranslated`: a French letter never falls back to English. A field
    empty in English is None in every language."""
    english: Any = obj
    for name in field.split("."):
        english = getattr(english, name, None)
    if language == "en" or english is None:
        return english
    value: Any = getattr(obj, language, None)
    for name in field.split("."):
        value = getattr(value, name, None) if value is not None else None
    if value is None:
        raise Untranslated(obj, field, language)
    return value


def translated_fields(obj: BaseModel) -> list[str]:
    """The fields of `obj` that its overlays translate (those of its overlay model)."""
    overlay = type(obj).model_fields.get("fr")
    if overlay is None:
        return []
    model = _overlay_model(overlay.annotation)
    return [name for name in model.model_fields if name != "sources"] if model is not None else []


def _overlay_model(annotation: Any) -> type[BaseModel] | None:
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def said(field: str) -> Any:
    """A field of an overlay: the English field of the same name, in the overlay's language."""
    return Field(None, description=f"the English `{field}`, in this language")


def overlay(language: str) -> Any:
    """The field that holds an object's `fr:` or `es:` overlay (same field names as the English)."""
    return Field(None, description=f"the {LANGUAGE_NAMES[language]} texts of this entry's English fields "
                                   "(same names, same shape); ids, dates and vocabulary words are not repeated")


class ContextFactWords(Strict):
    text: Text | None = said("text")


class LawWords(Strict):
    title: ShortText | None = said("title")
    short_title: ShortText | None = said("short_title")
    citation: ShortText | None = said("citation")


class ProvisionWords(Strict):
    title: ShortText | None = said("title")


class LegalSystemWords(Strict):
    name: ShortText | None = said("name")


class SubjectWords(Strict):
    """A jurisdiction's or company's own words: the name (a company's stays as it is) and the subject line."""

    name: ShortText | None = said("name")
    subject: ShortText | None = said("subject")


class ReadingWords(Strict):
    text: Text | None = said("text")


class StandardProvisionWords(Strict):
    heading: ShortText | None = said("heading")
    paraphrase: Text | None = Field(None, description="our own words, written from the official text in this "
                                                      "language; no more meaning than the English paraphrase")
    key_phrase: Annotated[str, Field(max_length=160)] | None = Field(
        None, description="only an exact short quotation of the official text in this language")
    reading: ReadingWords | None = said("reading")


class InstrumentWords(Strict):
    title: ShortText | None = Field(None, description="the official title in this language")
    short_title: ShortText | None = Field(None, description="the usual abbreviation in this language")
    sources: list[Source] = Field(default_factory=_empty, description="where the official title was read")


class RuleLetterWords(Strict):
    concern: Text | None = said("concern")
    question: Text | None = said("question")
    missing_question: Text | None = said("missing_question")


class RuleWords(Strict):
    label: ShortText | None = said("label")
    letter: RuleLetterWords | None = said("letter")
    why: Text | None = said("why")
    caveat: Text | None = said("caveat")


def _check_covers(model: type[BaseModel], sources: list[Source], what: str) -> None:
    """Every word of a source's `covers` must name a field of the entry it is attached to."""
    from lexgap.vocabulary import did_you_mean

    fields = [name for name in model.model_fields if name != "sources"]
    for source in sources:
        for name in source.covers:
            if name not in fields:
                did = did_you_mean(name, fields)
                raise ValueError(f"covers {name!r} (source {source.document!r}) is not a field of {what}{did}; "
                                 f"write the field names this source supports: {', '.join(fields)}")


class Dates(Strict):
    filed: dt.date | None = None
    adopted: dt.date | None = None
    promulgated: dt.date | None = None
    published: dt.date | None = None
    in_force: dt.date | None = None
    repealed: dt.date | None = None


class Victims(Strict):
    categories: Annotated[list[v.VictimCategory], Field(min_length=1)]
    age_min: Annotated[int, Field(ge=0, le=120)] | None = None
    age_max: Annotated[int, Field(ge=0, le=120)] | None = Field(
        None, description="oldest protected age in whole years: 17 for 'under 18'")

    @model_validator(mode="after")
    def _ages_in_order(self) -> "Victims":
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValueError(f"age_min {self.age_min} is above age_max {self.age_max}")
        return self


class MentalAlternatives(Strict):
    """An either/or mental element: each alternative is a list of elements required together."""

    any_of: Annotated[list[Annotated[list[v.MentalElement], Field(min_length=1)]], Field(min_length=2)]


class HarmAlternatives(Strict):
    """An either/or harm requirement ("serious interference with privacy or distress")."""

    any_of: Annotated[list[v.HarmRequirement], Field(min_length=2)] = Field(
        description="harm requirements of which any one suffices: at least two")


class PeerException(Strict):
    """The scope of an exception for consensual sexual images adolescents make of themselves."""

    conduct: Annotated[list[v.Conduct], Field(min_length=1)] = Field(
        description="the acts it exempts: csam_produce (making), csam_possess (keeping), csam_distribute (sharing)")
    age_min: Annotated[int, Field(ge=0, le=17)] | None = Field(None, description="youngest child it covers")
    age_max: Annotated[int, Field(ge=0, le=120)] | None = Field(None, description="oldest person it covers")
    max_age_difference: Annotated[int, Field(ge=0, le=20)] | None = Field(
        None, description="a close-in-age limit between the persons, in years")
    relationship: list[v.Relationship] | None = Field(
        None, description="[none] for any peer; else the relationship it needs (for example spouses only)")
    private_only: bool = Field(True, description="only images kept or shared privately between those concerned")
    note: Text | None = Field(None, description="the exception's conditions, in our words")


class DefenceScope(Strict):
    """A defence the accused may raise (distinct from an exception: the act is an offence, but excused)."""

    defence: v.Defence = Field(description="the defence, a word of the defence vocabulary")
    conduct: list[v.Conduct] = Field(default_factory=_empty, description="the acts it applies to; empty: all")
    note: Text | None = Field(None, description="the statute's conditions for the defence, in our words")


class ConductAdded(Strict):
    """A conduct added to the provision later than the provision itself."""

    conduct: v.Conduct = Field(description="the conduct word added to the provision on that date")
    date: dt.date = Field(description="date from which the provision covers this conduct")
    by: ShortText | None = Field(None, description="the amending act")


class Wording(Strict):
    """The statute's own words for one field, beside the vocabulary word: a short quotation."""

    field: ShortText = Field(description="the provision field these words express: 'mental_element'")
    text: Annotated[str, Field(min_length=1, max_length=200)] = Field(description="the statute's words, quoted")
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] = Field(description="ISO 639 code: 'en', 'ro'")
    translation: Annotated[str, Field(min_length=1, max_length=300)] | None = Field(
        None, description="our translation when the words are not English")


class DisputedFact(Strict):
    """A fact of the provision that courts, authorities or sources dispute: it is then not taken as known."""

    field: ShortText = Field(description="the provision field in dispute: 'harm_requirement', 'victims'")
    note: Text = Field(description="what is disputed, in our words")
    sources: Sources = Field(description="the sources that disagree, each named")


class Penalty(Strict):
    text: ShortText = Field(description="the penalty in words: '3 months to 2 years or a fine'")
    max_months: Annotated[int, Field(ge=0, le=1200)] | None = None
    fine: bool | None = None


def _all_mental(mental: list[v.MentalElement] | MentalAlternatives | None) -> set[v.MentalElement]:
    if mental is None:
        return set()
    if isinstance(mental, list):
        return set(mental)
    return {e for alternative in mental.any_of for e in alternative}


def _none_alone(words: list[Any], field: str) -> None:
    if "none" in words and len(words) > 1:
        raise ValueError(f"{field}: 'none' cannot be combined with other words")


class Provision(Strict):
    """One provision of a law or bill, as the sources describe it."""

    id: ProvisionId
    title: ShortText
    law: WorkId = Field(description="id of the law or bill in `laws` this provision belongs to")
    status: v.Status | None = Field(None, description="defaults to the status of its law")
    summary: Text = Field(description="what the provision says, in our own words")
    provision_type: v.ProvisionType | None = None
    conduct: Annotated[list[v.Conduct], Field(min_length=1)]
    conduct_disputed: list[v.Conduct] = Field(
        default_factory=_empty, description="conduct whose coverage by this provision courts or authorities dispute")
    disputed_note: Text | None = None
    medium: v.Medium | None = None
    victims: Victims | None = None
    relationship_required: list[v.Relationship] | None = Field(
        None, description="[none] when no relationship is required; leave out when not known")
    aggravating_relationships: list[v.Relationship] = Field(
        default_factory=_empty, description="relationships that only raise the penalty (they restrict nobody)")
    mental_element: list[v.MentalElement] | MentalAlternatives | None = Field(
        None, description="elements required together, or any_of: alternatives")
    recklessness_as_to: list[v.RecklessnessObject] | None = Field(
        None, description="what the recklessness in mental_element must be about")
    harm_requirement: v.HarmRequirement | HarmAlternatives | None = Field(
        None, description="one word, or any_of: alternatives ('serious interference with privacy or distress')")
    consent_treatment: v.ConsentTreatment | None = None
    means_required: v.MeansRequired | None = None
    scope_requirement: v.ScopeRequirement | None = None
    prosecution: v.Prosecution | list[v.Prosecution] | None = Field(
        None, description="how prosecution starts and ends: one word, or every word that applies")
    exceptions: list[v.Exception_] | None = Field(None, description="[none] when the text has none")
    peer_exception: PeerException | None = Field(
        None, description="scope of an exception for consensual self-generated images of adolescents")
    defences: list[DefenceScope] | None = Field(None, description="[] when the text has none")
    csam_definition: list[v.CsamLimb] | None = Field(
        None, description="what the definition of child sexual abuse material this offence uses reaches")
    images_reached: list[v.ImageKind] | None = Field(
        None, description="which images of a person it reaches: real, altered, synthetic ('appear to show')")
    offender_age_min: Annotated[int, Field(ge=0, le=25)] | None = Field(
        None, description="youngest age at which a person can commit this offence (the age of criminal "
        "responsibility unless the text sets its own)")
    age_of_consent: Annotated[int, Field(ge=0, le=21)] | None = Field(
        None, description="the age of sexual consent this provision relies on")
    aggravating_circumstances: list[v.Aggravation] = Field(
        default_factory=_empty, description="circumstances, other than a relationship, that only raise the penalty")
    conduct_added: list[ConductAdded] = Field(
        default_factory=_empty, description="conduct added to the provision later, with the date")
    addressees: list[v.Addressee] | None = None
    penalty: Penalty | None = None
    wording: list[Wording] = Field(default_factory=_empty, description="the statute's own words for a field")
    disputed: list[DisputedFact] = Field(
        default_factory=_empty, description="facts in dispute (other than conduct: see conduct_disputed)")
    amends: list[ProvisionId] = Field(default_factory=_empty, description="provisions this one amends or supplements")
    dates: Dates | None = None
    notes: Text | None = Field(None, description="our analysis, marked as such")
    sources: Sources
    fr: ProvisionWords | None = overlay("fr")
    es: ProvisionWords | None = overlay("es")

    @model_validator(mode="after")
    def _consistent(self) -> "Provision":
        if not ids.is_portion_of(self.id, self.law):
            raise ValueError(f"provision id {self.id!r} must start with its law id {self.law!r} followed by '~'")
        extra = sorted(set(self.conduct_disputed) - set(self.conduct))
        if extra:
            raise ValueError(f"conduct_disputed lists {extra} which are not in conduct")
        for field in ("relationship_required", "exceptions"):
            value = getattr(self, field)
            if value is not None:
                _none_alone(value, field)
        added = sorted({a.conduct for a in self.conduct_added} - set(self.conduct))
        if added:
            raise ValueError(f"conduct_added lists {added} which are not in conduct")
        if self.recklessness_as_to and v.MentalElement.recklessness not in _all_mental(self.mental_element):
            raise ValueError("recklessness_as_to is given but mental_element has no recklessness")
        fields = list(type(self).model_fields)
        entries: list[Wording | DisputedFact] = [*self.wording, *self.disputed]
        for entry in entries:
            if entry.field not in fields or entry.field in ("id", "law", "sources", "wording", "disputed"):
                from lexgap.vocabulary import did_you_mean

                kind = "wording" if isinstance(entry, Wording) else "disputed"
                raise ValueError(f"{kind}: field {entry.field!r} is not a provision field"
                                 f"{did_you_mean(entry.field, fields)}")
            if isinstance(entry, DisputedFact) and entry.field == "conduct":
                raise ValueError("disputed: write disputed conduct in conduct_disputed (with disputed_note)")
        _check_covers(type(self), self.sources, "a provision")
        return self


class Law(Strict):
    """An act, code, bill or draft that provisions belong to."""

    id: WorkId
    title: ShortText
    short_title: ShortText | None = None
    type: v.LawType
    status: v.Status
    dates: Dates | None = None
    amends: list[WorkId] = Field(default_factory=_empty)
    legal_system: Slug | None = Field(
        None, description="id of one of the jurisdiction's legal_systems: 'us-federal', 'gb-sct'")
    summary: Text | None = None
    sources: Sources
    citation: ShortText | None = Field(
        None, description="how lawyers cite it: 'Law No. 217/2003', 'the Criminal Code', 'the Criminal Justice "
                          "and Courts Act 2015'; default: the short title")
    units: dict[str, ShortText] | None = Field(
        None, description="local names of the units of its provision ids, e.g. {art: article} or {sec: section}; "
                          "default: art article, sec section, para paragraph")
    fr: LawWords | None = overlay("fr")
    es: LawWords | None = overlay("es")

    @model_validator(mode="after")
    def _covers(self) -> "Law":
        _check_covers(type(self), self.sources, "a law")
        return self


class LegalSystem(Strict):
    """One of several legal systems in a country: England and Wales, Scotland; federal and state law."""

    id: Slug = Field(description="'gb-eng', 'gb-sct', 'us-federal', 'us-tx'")
    name: ShortText = Field(description="how a sentence names it: 'the law of England and Wales', 'federal law'")
    fr: LegalSystemWords | None = overlay("fr")
    es: LegalSystemWords | None = overlay("es")


class Ratification(Strict):
    """A State's consent to be bound by an instrument, as the sources record it."""

    instrument: Slug
    action: Literal["ratification", "accession", "succession", "approval", "membership"] = "ratification"
    date: dt.date | None = Field(None, description="date of deposit, or of the binding act when that is all we have")
    year: Annotated[int, Field(ge=1900, le=2100)] | None = Field(None, description="when only the year is known")
    signed: dt.date | None = None
    domestic_act: ShortText | None = None
    sources: Sources

    @model_validator(mode="after")
    def _has_when(self) -> "Ratification":
        if self.date is None and self.year is None:
            raise ValueError("give the date or at least the year of the ratification")
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise ValueError(f"year {self.year} does not match date {self.date}")
        _check_covers(type(self), self.sources, "a ratification")
        return self


class ContextFact(Strict):
    """A fact of the situation that a letter reports as information received."""

    id: Slug
    text: Text = Field(description="the allegation in our own words")
    date: dt.date | None = None
    sources: Sources
    fr: ContextFactWords | None = overlay("fr")
    es: ContextFactWords | None = overlay("es")

    @model_validator(mode="after")
    def _covers(self) -> "ContextFact":
        _check_covers(type(self), self.sources, "a context fact")
        return self


class Jurisdiction(Strict):
    """A State's laws and bills on a date, its ratifications and the facts a letter reports."""

    format: Literal["jurisdiction"]
    id: Slug
    name: ShortText
    country: Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 3166 alpha-2, lower case")]
    as_of: dt.date
    subject: ShortText | None = Field(None, description="what a letter on this file is about, one line")
    legal_systems: list[LegalSystem] = Field(
        default_factory=_empty, description="the legal systems its laws belong to, when there are several")
    complete_for: list[v.Area] = Field(
        default_factory=_empty,
        description="areas whose in-force provisions are all listed here; absence rules answer "
        "not_assessable for any other area")
    laws: list[Law]
    provisions: list[Provision]
    ratifications: list[Ratification] = Field(default_factory=_empty)
    context: list[ContextFact] = Field(default_factory=_empty)
    notes: Text | None = None
    fr: SubjectWords | None = overlay("fr")
    es: SubjectWords | None = overlay("es")

    @model_validator(mode="after")
    def _provisions_belong(self) -> "Jurisdiction":
        wrong = [(index, provision.id) for index, provision in enumerate(self.provisions)
                 if ids.parse_provision_id(provision.id).country.split("-")[0] != self.country]
        if wrong:  # reported at each provision's id, not at the top of the file
            raise ValidationError.from_exception_data("Jurisdiction", [
                {"type": PydanticCustomError("value_error", "provision '{id}' does not start with the country code "
                                                            "'{country}' (or a subdivision of it, like "
                                                            "'{country}-xyz')", {"id": pid, "country": self.country}),
                 "loc": ("provisions", index, "id"), "input": pid} for index, pid in wrong])
        systems = [s.id for s in self.legal_systems]
        for law in self.laws:
            if law.legal_system is not None and law.legal_system not in systems:
                from lexgap.vocabulary import did_you_mean

                raise ValueError(f"law {law.id!r}: legal_system {law.legal_system!r} is not listed under "
                                 f"legal_systems{did_you_mean(law.legal_system, systems)}")
        return self


class Practice(Strict):
    """What is known of one element of a company's human-rights practice."""

    answer: v.Answer | None = Field(None, description="yes, partial or no; leave out when not known")
    note: Text | None = None
    sources: list[Source] = Field(default_factory=_empty)

    @model_validator(mode="after")
    def _answer_sourced(self) -> "Practice":
        if self.answer is not None and not self.sources:
            raise ValueError("an answer needs at least one source")
        return self


class Company(Strict):
    """A business enterprise and what is known of its practice under the Guiding Principles."""

    format: Literal["company"]
    id: Slug
    name: ShortText
    as_of: dt.date
    subject: ShortText | None = None
    registered_in: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = None
    operates_in: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] = Field(default_factory=_empty)
    services: ShortText | None = None
    practices: dict[str, Practice] = Field(default_factory=dict)
    context: list[ContextFact] = Field(default_factory=_empty)
    notes: Text | None = None
    fr: SubjectWords | None = overlay("fr")
    es: SubjectWords | None = overlay("es")

    @model_validator(mode="after")
    def _known_practices(self) -> "Company":
        from lexgap.vocabulary import did_you_mean

        for name in self.practices:
            if name not in PRACTICES:
                did = did_you_mean(name, list(PRACTICES))
                raise ValueError(f"unknown practice {name!r}{did} (valid: {', '.join(PRACTICES)})")
        return self


class Reading(Strict):
    """lexgap's reading of a standard: ours, shown as ours, never printed as the instrument's words."""

    text: Text = Field(description="what we read the provision to mean or imply, in our own words")
    sources: list[Source] = Field(
        default_factory=_empty,
        description="what supports the reading (an explanatory report, a committee's view); "
                    "none: lexgap's own analysis, to be reviewed by a lawyer")


class StandardProvision(Strict):
    """One citable part of an instrument, paraphrased in our own words."""

    id: Portion
    pinpoint: ShortText = Field(description="as a letter cites it: 'art. 2(c)', 'para. 24', 'principle 13'")
    heading: ShortText | None = None
    paraphrase: Text = Field(description="what the text says, in our own words, and nothing more: "
                                         "a reading or a drafting note goes in `reading`")
    key_phrase: Annotated[str, Field(max_length=160)] | None = Field(
        None, description="a short exact quotation, at most a key phrase")
    areas: list[v.Area] | None = Field(None, description="areas this provision speaks to; default: the instrument's")
    victims: list[v.Victims] | None = Field(None, description="whom it speaks to; default: the instrument's")
    source: Source
    reading: Reading | None = Field(
        None, description="lexgap's reading of the provision: shown as ours by `explain` and in findings, "
                          "never in a letter's annex of standards")
    fr: StandardProvisionWords | None = overlay("fr")
    es: StandardProvisionWords | None = overlay("es")


class Instrument(Strict):
    """An international instrument: treaty, general comment, report or principles."""

    format: Literal["instrument"]
    id: Slug
    title: ShortText
    short_title: ShortText
    aliases: list[ShortText] = Field(default_factory=_empty, description="other names a draft may use")
    kind: v.InstrumentKind
    symbol: ShortText | None = None
    other_symbols: list[ShortText] = Field(default_factory=_empty)
    issuer: ShortText | None = None
    adopted: dt.date | None = None
    issued: dt.date | None = None
    opened_for_signature: dt.date | None = Field(None, description="the date the treaty was opened for signature")
    entry_into_force: dt.date | None = None
    interprets: list[Slug] = Field(
        default_factory=_empty,
        description="the treaties whose committee issued it or which it interprets (a general comment, guidelines): "
                    "it applies to a State only as far as one of them binds the State")
    areas: list[v.Area] = Field(
        default_factory=_empty, description="areas of law it speaks to: a rule may cite it only in these areas")
    victims: list[v.Victims] = Field(
        default_factory=_empty, description="whom it speaks to: [child] for child-specific instruments")
    url: Url | None = None
    sources: Sources
    provisions: list[StandardProvision]
    fr: InstrumentWords | None = overlay("fr")
    es: InstrumentWords | None = overlay("es")

    @model_validator(mode="after")
    def _covers(self) -> "Instrument":
        _check_covers(type(self), self.sources, "an instrument")
        return self

    def existed_on(self) -> dt.date | None:
        """The first date on which the instrument existed as a text: adopted, issued or opened for signature."""
        dates = [d for d in (self.adopted, self.issued, self.opened_for_signature) if d is not None]
        return min(dates) if dates else None


Word = str | int | bool


class Test(Strict):
    """One test on one attribute; exactly one of its fields is given."""

    any_of: list[Word] | None = None
    none_of: list[Word] | None = None
    all_of: list[Word] | None = Field(None, description="a list attribute holding every one of these words")
    not_all_of: list[Word] | None = Field(None, description="a list attribute lacking at least one of these words")
    below: int | None = None
    at_least: int | None = None

    @model_validator(mode="after")
    def _one(self) -> "Test":
        given = [k for k in TEST_KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("write exactly one of " + ", ".join(TEST_KINDS))
        return self

    def listed(self) -> list[Word] | None:
        return self.any_of if self.any_of is not None else (
            self.none_of if self.none_of is not None else (self.all_of if self.all_of is not None else self.not_all_of))


TEST_KINDS = ("any_of", "none_of", "all_of", "not_all_of", "below", "at_least")


Condition = dict[str, Test]


class LetterText(Strict):
    """The fragments a letter needs from a rule: jinja2 templates filled from the finding."""

    concern: Text
    question: Text
    missing_question: Text = Field(description="asked when the rule is not assessable")


class Rule(Strict):
    """A rule derived from standards: which facts make a gap, and on what legal basis."""

    id: Slug
    label: ShortText
    severity: v.Severity
    subject: Literal["jurisdiction", "company"] = "jurisdiction"
    area: v.Area | None = Field(None, description="area of law; absence rules need one")
    why: Text
    applies_to: Condition = Field(default_factory=dict)
    gap_when: Condition | None = Field(None, description="a provision-level deficiency")
    gap_when_no_provision: Condition | None = Field(None, description="an absence: no in-force provision matches")
    unless_covered_elsewhere: bool = Field(
        False, description="no gap where another in-force provision covers the same conduct and victims without it")
    when_coverage_disputed: Literal["gap", "not_assessable"] = "not_assessable"
    basis: Annotated[list[BasisRef], Field(min_length=1)]
    caveat: Text | None = Field(
        None, description="what a reader of a finding must know about this rule (for example: lexgap's own "
        "analysis, to be reviewed case by case); carried into every finding and letter")
    letter: LetterText
    fr: RuleWords | None = overlay("fr")
    es: RuleWords | None = overlay("es")

    @model_validator(mode="after")
    def _shape(self) -> "Rule":
        if (self.gap_when is None) == (self.gap_when_no_provision is None):
            raise ValueError("give exactly one of gap_when (a deficiency) or gap_when_no_provision (an absence)")
        if self.gap_when_no_provision is not None and self.area is None:
            raise ValueError("an absence rule needs an area, so that an incomplete file gives not_assessable")
        if self.subject == "company" and (self.gap_when_no_provision is not None or self.unless_covered_elsewhere):
            raise ValueError("company rules are written with gap_when only")
        if self.unless_covered_elsewhere and self.gap_when is None:
            raise ValueError("unless_covered_elsewhere applies to gap_when rules")
        attributes = ATTRIBUTES_BY_SUBJECT[self.subject]
        wrong: list[tuple[tuple[str | int, ...], str, object]] = []
        for field in ("applies_to", "gap_when", "gap_when_no_provision"):
            for name, test in (getattr(self, field) or {}).items():
                wrong += [((field, name, *where), message, value)
                          for where, message, value in _check_test(attributes, name, test)]
        if wrong:  # each reported where it stands: the attribute, or the word in its list
            raise ValidationError.from_exception_data("Rule", [
                {"type": PydanticCustomError("value_error", "{message}", {"message": message}), "loc": loc,
                 "input": value} for loc, message, value in wrong])
        return self


def _check_test(attributes: dict[str, Attribute], name: str,
                test: Test) -> list[tuple[tuple[str | int, ...], str, object]]:
    """What is wrong with one test of a condition: (where below the attribute, message, value)."""
    from lexgap.vocabulary import did_you_mean, words

    attribute = attributes.get(name)
    if attribute is None:
        did = did_you_mean(name, list(attributes))
        return [((), f"unknown attribute {name!r}{did}", name)]
    if attribute.vocabulary is None:
        if test.listed() is not None:
            return [((), f"{name} is a number: test it with below or at_least", name)]
        return []
    if test.below is not None or test.at_least is not None:
        return [((), f"{name} takes words: test it with any_of or none_of", name)]
    if (test.all_of is not None or test.not_all_of is not None) and not attribute.many:
        return [((), f"{name} holds one word: test it with any_of or none_of (all_of and not_all_of are for list "
                     "attributes)", name)]
    allowed = words(attribute.vocabulary)
    wrong: list[tuple[tuple[str | int, ...], str, object]] = []
    for kind in ("any_of", "none_of", "all_of", "not_all_of"):
        for index, word in enumerate(getattr(test, kind) or []):
            if str(word) not in allowed:
                did = did_you_mean(str(word), allowed)
                wrong.append(((kind, index), f"{word!r} is not a word of {name}{did}", word))
    return wrong


class RuleSet(Strict):
    format: Literal["rules"]
    languages: list[Language] = Field(
        default_factory=lambda: list[Language](["en"]),
        description="the languages every rule of this file gives its label and letter texts in (English always): "
                    "[en, fr, es] makes `lexgap validate` report a rule without its fr: or es: texts; a file "
                    "without this line is English only, and a French or Spanish letter still asks each rule it "
                    "uses for its texts in that language")
    rules: list[Rule]


class CaseExpectation(Strict):
    provision: ProvisionId | None = Field(None, description="the provision; leave out for absence and company rules")
    status: v.Outcome


class RuleCase(Strict):
    """One test case for a rule, as a lawyer would write it."""

    name: ShortText
    complete_for: list[v.Area] = Field(default_factory=_empty)
    provisions: list[dict[str, Any]] = Field(default_factory=_empty, description="provisions; sources may be left out")
    practices: dict[str, Practice] = Field(default_factory=dict)
    expect: Annotated[list[CaseExpectation], Field(min_length=1)]


class RuleTests(Strict):
    format: Literal["rule_tests"]
    rule: Slug
    cases: Annotated[list[RuleCase], Field(min_length=1)]


class Insert(Strict):
    insert: Provision


class Replace(Strict):
    replace: ProvisionId
    set: dict[str, Any] = Field(description="provision fields and their new values")
    sources: Sources


class Repeal(Strict):
    repeal: ProvisionId
    sources: Sources


Change = Insert | Replace | Repeal


class Bill(Strict):
    """A bill, or a proposed change to one, as changes to a jurisdiction's provisions."""

    format: Literal["bill"]
    id: Slug
    title: ShortText
    applies_to: Slug = Field(description="id of the jurisdiction file this bill amends")
    law: Law
    changes: Annotated[list[Change], Field(min_length=1)]
    notes: Text | None = None


FORMATS: dict[str, type[Strict]] = {
    "jurisdiction": Jurisdiction,
    "company": Company,
    "instrument": Instrument,
    "rules": RuleSet,
    "rule_tests": RuleTests,
    "bill": Bill,
}



#: The name of every file format, in the order `lexgap.loading.all_formats` gives them (a test checks they
#: agree): for help texts, which must not import the letters' models to list them.
FORMAT_NAMES = ("jurisdiction", "company", "instrument", "rules", "rule_tests", "bill", "letter_plan", "mandate")


Subject = Jurisdiction | Company
