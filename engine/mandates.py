"""The register of Special Procedures mandates: who may sign a communication, under which resolutions.

Each mandate is a data file (`standards/mandates/*.yaml`, `format: mandate`), sourced like the
standards: its title as it stood on each date, the Human Rights Council (or Commission) resolutions
that created and renewed it with their adoption dates, and its holders with their dates in office.
A communication dated D opens with the resolution in force for each mandate on D (the last one
adopted on or before D) and is signed by the holders in office on D. A fact the register does not
hold is unknown, never guessed: the letter then shows a placeholder for the officer to fill.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field, field_validator

from lexgap.models import FORMATS, ShortText, Slug, Sources, Strict, Text, overlay, said
from lexgap.problems import Problem

#: A date as precise as the sources allow: '2019-07-11', '2013-06' or '2015'.
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PartialDate = Annotated[str | dt.date, Field(examples=["2019-07-11", "2013-06", "2015"])]


def _partial(value: str | dt.date | None) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    if not re.fullmatch(PARTIAL_DATE, value):
        raise ValueError(f"{value!r} is not a date; write 2019-07-11, or 2013-06 or 2015 when only that is known")
    return value


def earliest(value: str | dt.date | None) -> dt.date | None:
    """The first day a partial date can mean: '2015' -> 2015-01-01."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(value: str | dt.date | None) -> dt.date | None:
    """The last day a partial date can mean: '2015' -> 2015-12-31, '2013-06' -> 2013-06-30."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


#: 'A/HRC/RES/43/22' (Council), 'E/CN.4/RES/1990/68' (Commission), 'E/CN.4/DEC/2004/110'.
RESOLUTION_SYMBOL = re.compile(r"^(A/HRC/RES/\d+/\d+|E/CN\.4/RES/\d{4}/\d+|E/CN\.4/DEC/\d{4}/\d+|"
                               r"A/HRC/DEC/\d+/\d+|E/DEC/\d{4}/\d+|A/RES/\d+/\d+)$")


class MandateTitleWords(Strict):
    title: ShortText | None = Field(None, description="as the Council's resolution in this language wrote it")


class MandateWords(Strict):
    signing_role: ShortText | None = said("signing_role")


class MandateTitle(Strict):
    """The mandate's name from one date to another (titles change when a renewal renames them)."""

    title: ShortText = Field(description="in full, as the Council wrote it: 'Special Rapporteur on ...'")
    since: PartialDate | None = Field(None, description="when this title started; unknown: leave out")
    until: PartialDate | None = Field(None, description="when it ended; leave out while current or unknown")
    note: Text | None = Field(None, description="anything a reader should know about this title")
    sources: Sources = Field(description="where the title and its dates were read")

    fr: MandateTitleWords | None = overlay("fr")
    es: MandateTitleWords | None = overlay("es")

    _since = field_validator("since", "until")(_partial)


class MandateResolution(Strict):
    """A resolution (or decision) that created, renewed or renamed the mandate."""

    symbol: Annotated[str, Field(pattern=RESOLUTION_SYMBOL.pattern, examples=["A/HRC/RES/43/22"])] | None = Field(
        None, description="leave out when not established")
    action: Literal["creation", "renewal", "renewal_and_rename", "rename", "endorsement"] = Field(
        description="what the resolution did to the mandate: creation, renewal, renewal_and_rename, rename,"
                    " endorsement")
    adopted: PartialDate | None = Field(None, description="the day the body adopted it, or the month or year")
    note: Text | None = Field(None, description="anything a reader should know about this resolution")
    sources: Sources = Field(description="where the resolution and its effect were read")

    _adopted = field_validator("adopted")(_partial)

    @property
    def number(self) -> str:
        """How a communication cites it: '43/22' for A/HRC/RES/43/22, '1990/68' for E/CN.4/RES/1990/68."""
        parts = (self.symbol or "").split("/")
        return f"{parts[-2]}/{parts[-1]}" if len(parts) >= 2 else "?"

    @property
    def council(self) -> bool:
        return (self.symbol or "").startswith("A/HRC/RES/")


class Observation(Strict):
    """A dated fact that a person held the mandate (or a role in a working group) on that day, such as
    a letter they signed: it places them in office on that day even when their term's dates are unknown."""

    date: dt.date = Field(description="the day a source shows the holder in office")
    role: ShortText | None = Field(None, description="the role shown on that day: 'Chair-Rapporteur', 'member'")
    sources: Sources = Field(description="the source that shows it")


class Holder(Strict):
    """A mandate-holder (or, for a working group, a member) and the dates of the term."""

    name: ShortText = Field(description="the holder's name as OHCHR writes it")
    role: ShortText | None = Field(None, description="'Special Rapporteur'; for a working group 'member'")
    since: PartialDate | None = Field(None, description="first day in office, or month or year; unknown: leave out")
    until: PartialDate | None = Field(None, description="last day; leave out while in office or when unknown")
    observed: list[Observation] = Field(
        description="dates on which a source shows the holder in office, where the term's dates are"
                    " unknown", default_factory=list)
    note: Text | None = Field(None, description="anything a reader should know about this entry")
    sources: Sources = Field(description="where the holder and dates were read")

    _dates = field_validator("since", "until")(_partial)

    def in_office(self, date: dt.date, role: str | None = None) -> bool:
        """Whether the sources establish that this holder held the mandate (in `role`) on `date`."""
        if any(o.date == date and (role is None or o.role == role) for o in self.observed):
            return True
        if role is not None:
            return False  # a role in a working group (Chair-Rapporteur) is known only from observations
        # without an end date the sources do not say how long the term lasted: only observations count
        start, end = latest(self.since), earliest(self.until)
        return start is not None and end is not None and start <= date <= end


class Mandate(Strict):
    """A Special Procedures mandate, as a communication needs it."""

    format: Literal["mandate"] = Field(description="always 'mandate'")
    id: Slug
    kind: Literal["special_rapporteur", "working_group", "independent_expert"] = Field(
        description="special_rapporteur, working_group or independent_expert")
    titles: Annotated[list[MandateTitle], Field(min_length=1)] = Field(
        description="the mandate's titles, each with the dates it applied")
    resolutions: Annotated[list[MandateResolution], Field(min_length=1)] = Field(
        description="the resolutions that created, renewed or renamed the mandate, with their dates")
    holders: list[Holder] = Field(
        description="the mandate-holders, with their dates in office (or dates they were seen in"
                    " office)", default_factory=list)
    #: How the signature names a working group's signatory: the role that signs for it.
    signing_role: ShortText | None = Field(None, description="for a working group: 'Chair-Rapporteur'")
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        None,
        description="the OHCHR page of the mandate")
    notes: Text | None = Field(None, description="what the research could not establish, and conflicts between sources")
    fr: MandateWords | None = overlay("fr")
    es: MandateWords | None = overlay("es")

    def title_on(self, date: dt.date) -> str | None:
        """The title in use on `date`; None when the register cannot tell."""
        entry = self.title_entry_on(date)
        return entry.title if entry is not None else None

    def title_entry_on(self, date: dt.date) -> MandateTitle | None:
        """The title entry (with its translations) in use on `date`; None when the register cannot tell."""
        for title in self.titles:
            start, end = latest(title.since), earliest(title.until)
            if start is not None and start <= date and (title.until is None or (end is not None and date < end)):
                return title
        return None

    def resolution_on(self, date: dt.date) -> MandateResolution | None:
        """The last Council resolution creating or renewing the mandate adopted on or before `date`;
        None when a resolution whose date is unknown or only partly known might be the later one.
        `resolutions` are listed in the order of their adoption."""
        relevant = [r for r in self.resolutions if r.action in ("creation", "renewal", "renewal_and_rename")]
        known = [r for r in relevant if r.council and isinstance(r.adopted, str) and len(r.adopted) == 10
                 and (earliest(r.adopted) or date) <= date]
        if not known:
            return None
        best = max(known, key=lambda r: earliest(r.adopted) or dt.date.min)
        best_day = earliest(best.adopted) or dt.date.min
        # the list is in the order of adoption: a later entry whose date is unknown, or only partly
        # known and possibly before `date`, may be the renewal in force
        for other in relevant[relevant.index(best) + 1:]:
            low = earliest(other.adopted)
            if low is not None and low > date:
                break
            if low is None or (latest(other.adopted) or date) > best_day:
                return None
        return best

    def resolution_on_number(self, number: str) -> MandateResolution | None:
        """The resolution a communication cites as `number` ('43/22')."""
        return next((r for r in self.resolutions if r.symbol and r.number == number), None)

    def holders_on(self, date: dt.date) -> list[Holder]:
        """The holders the sources place in office on `date` (for a working group, in the signing role)."""
        return [h for h in self.holders if h.in_office(date, self.signing_role)]


FORMATS["mandate"] = Mandate


@dataclass
class Register:
    """Every mandate of the register, by id."""

    mandates: dict[str, Mandate] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, mandate_id: str) -> Mandate | None:
        return self.mandates.get(mandate_id)
