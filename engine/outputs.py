"""The JSON that `lexgap assess -f json` prints, as pydantic models: its published JSON Schema.

Other tools read this output; `lexgap schema assessment` prints the schema generated from
these models, and a test validates real output against it, so the contract and the
renderer (`lexgap.render.json`) cannot drift apart unseen.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from lexgap.vocabulary import Outcome, Severity


class _Output(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubjectOut(_Output):
    """What was assessed."""

    id: str = Field(description="the file's id, like 'romania-2020'")
    kind: Literal["jurisdiction", "company"] = Field(description="what kind of file it is")
    name: str = Field(description="the State's or company's name")
    as_of: str = Field(description="the date the file describes (YYYY-MM-DD)", json_schema_extra={"format": "date"})


class BasisOut(_Output):
    """A standard a finding rests on."""

    instrument: str = Field(description="the instrument's short title, like 'OPSC'")
    pinpoint: str = Field(description="where in the instrument, like 'art. 2(c)'")
    ref: str = Field(description="the standard provision's id: instrument~portion")


class FindingOut(_Output):
    """One rule's outcome on one provision (or on the law as a whole, or on a company's practice)."""

    rule: str = Field(description="the rule's id (`lexgap explain RULE` shows it)")
    label: str = Field(description="the rule's short label")
    status: Outcome = Field(description="gap, not_assessable (a fact the rule needs is unknown) or met")
    severity: Severity = Field(description="high, medium or low")
    provisions: list[str] = Field(description="ids of the provisions concerned; empty for absence and company "
                                              "findings")
    basis: list[BasisOut] = Field(description="the standards the rule rests on")
    explanation: str = Field(description="why, in plain words: the facts that decided it and the standards")


class Summary(_Output):
    """How many findings of each status."""

    gap: int = Field(ge=0)
    not_assessable: int = Field(ge=0)
    met: int = Field(ge=0)


class AssessmentOut(_Output):
    """The result of `lexgap assess -f json` for one subject (one line of JSON Lines for several)."""

    lexgap: str = Field(description="the version of lexgap that produced it")
    subject: SubjectOut
    findings: list[FindingOut] = Field(description="ordered by status, severity, law or bill, provision, rule")
    summary: Summary


# --- version 2: sources referenced, not repeated (`lexgap assess -f json2`) -------------------------


class StandardOut(_Output):
    """A standard, once per document: every finding resting on it names its ref."""

    instrument: str = Field(description="the instrument's short title, like 'OPSC'")
    pinpoint: str = Field(description="where in the instrument, like 'art. 2(c)'")
    paraphrase: str = Field(description="lexgap's paraphrase of the standard, in its own words")
    reading: str | SkipJsonSchema[None] = Field(default=None, description="lexgap's reading of the standard where "
                                                                          "it records one (never the instrument's "
                                                                          "words); absent otherwise")
    verified: str = Field(description="how lexgap checked the standard's text: primary, secondary or unverified")


class RuleOut(_Output):
    """A rule, once per document: what every finding of that rule shares."""

    label: str = Field(description="the rule's short label")
    severity: Severity = Field(description="high, medium or low")
    caveat: str | SkipJsonSchema[None] = Field(default=None, description="the rule's own caveat, said at the end "
                                                                          "of each of its explanations; absent when "
                                                                          "it has none")
    basis: list[str] = Field(description="the standards most of its findings rest on (keys of `standards`, in "
                                         "order): a finding that rests on others names them")
    reads: list[str] | SkipJsonSchema[None] = Field(
        default=None, description="a rule on provisions: the attributes it reads, sorted (their names in "
                                  "`attributes` of the words); the provision's sentence says those the provision's "
                                  "row has in `facts`")
    condition: str | SkipJsonSchema[None] = Field(default=None, description="a rule on the law as a whole: its "
                                                                            "condition in words")
    area: str | SkipJsonSchema[None] = Field(default=None, description="a rule on the law as a whole: its area")


class LawOut(_Output):
    """A law or bill the reasons name (by its provisions)."""

    title: str = Field(description="its short title (or title) as the reasons say it")
    system: str | SkipJsonSchema[None] = Field(default=None, description="how a reason names its legal system "
                                                                         "('federal law'), when the file has "
                                                                         "several; absent otherwise")


class ProvisionOut(_Output):
    """A provision the reasons name, with only what they say of it."""

    title: str = Field(description="its title")
    law: str | SkipJsonSchema[None] = Field(default=None, description="the id of its law (a key of `laws`); "
                                                                      "absent when it is the part of the "
                                                                      "provision's id before '~'")
    status: str = Field(default="in_force", description="its status in force (a key of `statuses` in the words); "
                                                        "absent when in_force")
    type: str | SkipJsonSchema[None] = Field(default=None, description="its type's code (a key of `types` in "
                                                                       "the words), where a reason says it")
    note: str | SkipJsonSchema[None] = Field(default=None, description="the file's note on its disputed "
                                                                       "coverage, where a reason says it")
    conduct: list[str] | SkipJsonSchema[None] = Field(
        default=None, description="the conduct it covers (keys of `conducts` in the words), sorted, where a reason "
                                  "says all of it (a bare `concerns`)")
    facts: dict[str, str] = Field(default_factory=dict, description="by attribute: its value as the reasons say "
                                                                    "it (and the statute's words where the file "
                                                                    "quotes them)")
    disputed: dict[str, tuple[str, str]] = Field(default_factory=dict, description="by attribute: a disputed "
                                                                                   "fact's note and sources")
    unverified: list[tuple[str, list[str] | None]] = Field(
        default_factory=list, description="its sources lexgap has not verified, each as 'DOCUMENT, PINPOINT' with "
                                          "the fields it covers (null: all), where a reason names them")


#: A part of a reason: a template key (of `templates` in the words) alone, or a list of the key and its arguments.
Part = Annotated[str | Annotated[list[Any], Field(min_length=2)], Field(description="a template key, or "
                                                                                     "[key, arguments...]")]
#: A finding: the ids of the provisions it concerns, its reason's parts, and its standards when they are not its
#: rule's.
FindingRow = tuple[list[str], list[Part]] | tuple[list[str], list[Part], list[str]]


class FindingsOut2(_Output):
    """The findings by status, then by rule (sorted), each rule's in order of law and provision."""

    gap: dict[str, list[FindingRow]]
    not_assessable: dict[str, list[FindingRow]]
    met: dict[str, list[FindingRow]]


class AssessmentOut2(_Output):
    """`lexgap assess -f json2`: version 2 of the assessment contract, what findings share written once.

    The README (section `lexgap assess -f json2`) says how version 1 is rebuilt from it and the words that
    `lexgap schema assessment-2-words` prints, byte for byte."""

    lexgap: str = Field(description="the version of lexgap that produced it")
    contract: Literal[2] = Field(description="the version of this contract")
    subject: SubjectOut
    standards: dict[str, StandardOut] = Field(description="every standard a finding rests on, by ref, sorted")
    rules: dict[str, RuleOut] = Field(description="every rule with a finding, by id, sorted")
    laws: dict[str, LawOut] = Field(description="every law of a provision in `provisions`, by id, sorted")
    provisions: dict[str, ProvisionOut] = Field(description="every provision a finding names, by id, sorted")
    findings: FindingsOut2
    summary: Summary


#: The output contracts `lexgap schema NAME` prints beside the file formats.
OUTPUTS: dict[str, type[BaseModel]] = {"assessment": AssessmentOut, "assessment-2": AssessmentOut2}


def assessment_2_words() -> dict[str, Any]:
    """The English words that version 2's parts and codes stand for (`lexgap schema assessment-2-words`)."""
    from lexgap import words
    from lexgap.assess import _FIELD_OF
    from lexgap.attributes import ATTRIBUTES_BY_SUBJECT, PRACTICES
    from lexgap.vocabulary import Conduct, ProvisionType, plain

    with words.use("en"):
        en = words.module("en")
        return {
            "templates": dict(en.EXPLAIN),
            "statuses": dict(en.STATUS_WORDS),
            "attributes": {name: a.plain for name, a in ATTRIBUTES_BY_SUBJECT["jurisdiction"].items()},
            "fields": dict(_FIELD_OF),
            "conducts": {c.value: plain(c) for c in Conduct},
            "types": {t.value: plain(t) for t in ProvisionType},
            "practices": {name: str(en.PRACTICE_PHRASES.get(name, PRACTICES[name])) for name in PRACTICES},
        }


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an output contract."""
    from lexgap.jsonschemas import DIALECT

    return {"$schema": DIALECT, **OUTPUTS[name].model_json_schema()}
