"""The communication as data: the letter plan an officer writes (`format: letter_plan`).

A plan says what the assessment cannot: which kind of communication this is, its reference and
date, the mandates that send it, to whom, who gets a copy, how long the addressee has to reply, which
subject areas the letter is about, and the officer's choices over the concerns and questions lexgap
drafts from its findings. Choices are keyed by finding id (`rule@provision`, or the rule id for a
finding on the law as a whole or a company) and by question id, never by position, so that they
survive a change in the data: a choice naming something the assessment no longer produces is
reported, not silently lost.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from lexgap.models import FORMATS, Language, ShortText, Slug, Strict, Text, overlay, said
from lexgap.vocabulary import Area


class LetterType(StrEnum):
    """The kinds of Special Procedures communications."""

    allegation_letter = "allegation_letter"
    urgent_appeal = "urgent_appeal"
    other_letter = "other_letter"


LETTER_TYPE_MEANINGS = {
    LetterType.allegation_letter: "information on alleged violations that have happened or are happening (AL)",
    LetterType.urgent_appeal: "alleged violations that are time-sensitive: loss of life, irreparable harm "
                              "or harm of a grave nature, imminent or ongoing (UA); shorter reply deadline",
    LetterType.other_letter: "comments on legislation, a bill, a policy or a practice, without an individual "
                             "case (OL): what a review of the law alone gives",
}

#: The code that opens a reference: AL ROU 2/2020.
TYPE_CODES = {LetterType.allegation_letter: "AL", LetterType.urgent_appeal: "UA", LetterType.other_letter: "OL"}

#: `AL ROU 2/2020`: kind code, addressee code (ISO 3166-1 alpha-3, or OTH for an addressee that is
#: not a State), number within the year for that addressee, year.
REFERENCE = re.compile(r"^(?P<kind>AL|UA|OL|JAL|JUA|JOL) (?P<addressee>[A-Z]{3}) (?P<number>[1-9]\d{0,3})/"
                       r"(?P<year>(?:19|20)\d{2})$")


class NameWords(Strict):
    name: ShortText | None = said("name")
    note: ShortText | None = said("note")


class TextWords(Strict):
    text: Text | None = said("text")
    reason: Text | None = said("reason")


class PlanWords(Strict):
    subject_line: Text | None = said("subject_line")


class Addressee(Strict):
    """Who the letter is written to: a State's Government, or a company (or other non-State actor)."""

    kind: Literal["state", "company"] = Field(
        description="'state' for a Government, 'company' for a business enterprise")
    name: ShortText = Field(description="'Romania'; 'Telegram Messenger LLP'")
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = Field(
        None, description="ISO 3166-1 alpha-3 for a State ('ROU'); OTH for any other addressee")
    fr: NameWords | None = overlay("fr")
    es: NameWords | None = overlay("es")

    @model_validator(mode="after")
    def _code(self) -> Addressee:
        if self.kind == "company" and self.code not in (None, "OTH"):
            raise ValueError(f"a company is addressed as OTH in references, not {self.code!r}")
        if self.kind == "state" and self.code == "OTH":
            raise ValueError("OTH is for addressees that are not States; give the State's ISO 3166-1 alpha-3 code")
        return self


class Copy(Strict):
    """Another addressee written to on the same subject (told in the copies paragraph)."""

    kind: Literal["state", "company"] = Field(
        description="'state' or 'company': who else received a letter on the same facts")
    name: ShortText = Field(description="'the United Kingdom'; 'Meta Platforms, Inc.'")
    note: ShortText | None = Field(None, description="why: 'where the companies are based'")
    fr: NameWords | None = overlay("fr")
    es: NameWords | None = overlay("es")


class Choice(StrEnum):
    include = "include"
    drop = "drop"


class ConcernChoice(Strict):
    """The officer's choice on the concern drawn from one finding."""

    finding: ShortText = Field(description="finding id: 'rule@provision', or the rule id for a finding on the law "
                                           "as a whole or a company's practice")
    choice: Choice = Field(Choice.include, description="include (the default) or drop")
    reason: Text | None = Field(None, description="why it is dropped (or included against the defaults)")
    text: Text | None = Field(None, description="the officer's own wording, replacing lexgap's")
    fr: TextWords | None = overlay("fr")
    es: TextWords | None = overlay("es")

    @model_validator(mode="after")
    def _reason(self) -> ConcernChoice:
        if self.choice is Choice.drop and not self.reason:
            raise ValueError("say why the concern is dropped (reason), so the memo can tell the reviewer")
        return self


class QuestionChoice(Strict):
    """The officer's choice on one question, by its id (see `lexgap letter --plan ... -f memo`)."""

    id: ShortText = Field(description="question id: a standing question ('comments', 'investigations'), or "
                                      "'rule@law' for a question on one law, or 'rule' on the law as a whole")
    choice: Choice = Field(Choice.include, description="include (the default) or drop")
    reason: Text | None = Field(None, description="why it is dropped or kept, for the memo")
    text: Text | None = Field(None, description="the officer's own wording")
    merge: list[ShortText] = Field(default_factory=list,
                                   description="ids of questions asked as part of this one (they disappear)")
    fr: TextWords | None = overlay("fr")
    es: TextWords | None = overlay("es")

    @model_validator(mode="after")
    def _reason(self) -> QuestionChoice:
        if self.choice is Choice.drop and not self.reason:
            raise ValueError("say why the question is dropped (reason), so the memo can tell the reviewer")
        return self


class FactChoice(Strict):
    """Leave a fact of the subject file out of the information received (it stays in the memo)."""

    fact: Slug
    choice: Choice = Field(Choice.drop, description="drop (the default): leave the fact out of the letter")
    reason: Text = Field(description="why it is left out, for the memo")
    fr: TextWords | None = overlay("fr")
    es: TextWords | None = overlay("es")


class Allegation(Strict):
    """A concern on the facts: a topic of the clause library, grounded on facts reported as information
    received, always phrased conditionally (the facts are not established)."""

    topic: Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")] = Field(
        description="a topic of allegation_concerns in the clause library: csam_shared_online, trafficking_risk, "
                    "police_inaction, platform_inaction, state_response, discrimination, general")
    facts: list[Slug] = Field(default_factory=list, description="ids of the context facts it rests on")
    text: Text | None = Field(None, description="the officer's own wording")
    fr: TextWords | None = overlay("fr")
    es: TextWords | None = overlay("es")


class LetterPlan(Strict):
    """A communication: its frame, and the officer's choices over what lexgap drafts."""

    format: Literal["letter_plan"] = Field(description="always 'letter_plan'")
    id: Slug
    applies_to: Slug = Field(description="id of the jurisdiction or company file the letter is drawn from")
    type: LetterType = Field(
        LetterType.other_letter,
        description="the kind of communication: allegation letter, urgent appeal or other letter (on legislation)")
    reference: Annotated[str, Field(pattern=REFERENCE.pattern, examples=["AL ROU 2/2020"])] | None = Field(
        None, description="'AL ROU 2/2020'; leave out and the letter shows a placeholder")
    date: dt.date | None = Field(None, description="the letter's date; leave out and it shows a placeholder")
    language: Language = Field(
        "en", description="the language of the letter: en, fr or es (`--lang` overrides it)")
    mandates: list[Slug] = Field(default_factory=list, description="ids of the register (standards/mandates/)")
    addressee: Addressee | None = Field(None, description="default: the subject file's State or company")
    subject_line: Text | None = Field(None, description="what the letter is about, in bold in the opening")
    copies: list[Copy] = Field(
        description="the other States and companies written to on the same facts, named in the copies"
                    " paragraph", default_factory=list)
    reply_within_days: Annotated[int, Field(ge=1, le=365)] = Field(
        60,
        description="days the addressee is given to reply before the communication is made public (60 by default)")
    areas: list[Area] | None = Field(None, description="limit concerns and questions to these areas; "
                                                       "default: every area with a finding")
    include_not_assessable: Literal["high", "all", "none"] = Field(
        "high", description="which not-assessable findings give questions: high severity only (default), all, none")
    facts: list[FactChoice] = Field(
        description="context facts of the subject file left out of the letter, each with the reason the memo"
                    " shows", default_factory=list)
    allegations: list[Allegation] = Field(default_factory=list,
                                          description="concerns on the facts, in order; default: a general one")
    concerns: list[ConcernChoice] = Field(
        description="the officer's choices on concerns, by finding id: include, drop (with a reason) or"
                    " reword", default_factory=list)
    max_questions: Annotated[int, Field(ge=1, le=60)] = Field(
        15,
        description="at most this many numbered questions (15 by default); the rest stay in the memo")
    questions: list[QuestionChoice] = Field(
        description="the officer's choices on questions, by question id: include, drop, merge,"
                    " reword", default_factory=list)
    order: list[ShortText] = Field(default_factory=list,
                                   description="question ids in the order to ask them; the others follow in "
                                               "lexgap's order")
    notes: Text | None = Field(None, description="the officer's own notes on the plan, shown in the memo only")
    fr: PlanWords | None = overlay("fr")
    es: PlanWords | None = overlay("es")

    @model_validator(mode="after")
    def _consistent(self) -> LetterPlan:
        if self.reference is not None:
            match = REFERENCE.fullmatch(self.reference)
            assert match is not None
            code = match["kind"].removeprefix("J")
            if code != TYPE_CODES[self.type]:
                raise ValueError(f"reference {self.reference!r} starts with {match['kind']} but the type is "
                                 f"{self.type.value} ({TYPE_CODES[self.type]})")
            if self.addressee is not None and self.addressee.code and match["addressee"] != self.addressee.code:
                raise ValueError(f"reference {self.reference!r} names {match['addressee']} but the addressee's code "
                                 f"is {self.addressee.code}")
        for name, values in (("concerns", [c.finding for c in self.concerns]),
                             ("questions", [q.id for q in self.questions]), ("order", self.order)):
            seen: set[str] = set()
            for value in values:
                if value in seen:
                    raise ValueError(f"{name}: {value!r} appears twice")
                seen.add(value)
        return self


FORMATS["letter_plan"] = LetterPlan
