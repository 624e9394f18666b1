"""The JSON that `lexgap assess -f json` prints, as pydantic models: its published JSON Schema.

Other tools read this output; `lexgap schema assessment` prints the schema generated from
these models, and a test validates real output against it, so the contract and the
renderer (`lexgap.render.json`) cannot drift apart unseen.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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
    reading: str | None = Field(description="lexgap's reading of the standard where it records one (never the "
                                            "instrument's words); null otherwise")
    verified: str = Field(description="how lexgap checked the standard's text: primary, secondary or unverified")


class RuleOut(_Output):
    """A rule, once per document: what every finding of that rule shares."""

    label: str = Field(description="the rule's short label")
    severity: Severity = Field(description="high, medium or low")
    caveat: str | None = Field(description="the rule's own caveat, said at the end of each of its explanations; "
                                           "null when it has none")


class FindingOut2(_Output):
    """One rule's outcome on one provision (or on the law as a whole, or on a company's practice)."""

    rule: str = Field(description="the rule's id: a key of `rules`")
    status: Outcome = Field(description="gap, not_assessable (a fact the rule needs is unknown) or met")
    provisions: list[str] = Field(description="ids of the provisions concerned; empty for absence and company "
                                              "findings")
    basis: list[str] = Field(description="the standards this finding rests on: keys of `standards`, in order")
    reason: str = Field(description="why, in plain words: the facts that decided it (the standards and the "
                                    "rule's caveat are in their tables)")


class AssessmentOut2(_Output):
    """`lexgap assess -f json2`: version 2 of the assessment contract, each source written once per document.

    Version 1's `explanation` of a finding is its `reason`, then (when it has a basis) 'Standards: ' and each
    standard as 'INSTRUMENT PINPOINT: PARAPHRASE' (with " (lexgap's reading: READING)" when it has one; a final
    full stop of either dropped), joined by ' | ' and ended by '.', then (when the rule has a caveat)
    'Caveat: CAVEAT', all joined by spaces; its `label` and `severity` are its rule's, its `basis` each
    standard's instrument, pinpoint and ref."""

    lexgap: str = Field(description="the version of lexgap that produced it")
    contract: Literal[2] = Field(description="the version of this contract")
    subject: SubjectOut
    standards: dict[str, StandardOut] = Field(description="every standard a finding rests on, by ref, sorted")
    rules: dict[str, RuleOut] = Field(description="every rule with a finding, by id, sorted")
    findings: list[FindingOut2] = Field(description="ordered by status, severity, law or bill, provision, rule")
    summary: Summary


#: The output contracts `lexgap schema NAME` prints beside the file formats.
OUTPUTS: dict[str, type[BaseModel]] = {"assessment": AssessmentOut, "assessment-2": AssessmentOut2}


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an output contract."""
    from lexgap.jsonschemas import DIALECT

    return {"$schema": DIALECT, **OUTPUTS[name].model_json_schema()}
