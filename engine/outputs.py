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


#: The output contracts `lexgap schema NAME` prints beside the file formats.
OUTPUTS: dict[str, type[BaseModel]] = {"assessment": AssessmentOut}


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of an output contract."""
    from lexgap.jsonschemas import DIALECT

    return {"$schema": DIALECT, **OUTPUTS[name].model_json_schema()}
