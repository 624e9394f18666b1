"""Which international standards apply to a State on a date.

A treaty (or EU law) applies to a State that the jurisdiction file records as bound by it on that date
(`ratifications`: ratified, acceded, succeeded, approved, or a member of the European Union). Soft law
applies to every State, except the output of a treaty's own committee (a general comment or
recommendation, guidelines, a monitoring report: `interprets` in the instrument file), which applies only
as far as one of the treaties it interprets binds the State.

A file that records ratifications is read as recording all of those of lexgap's treaties the State is
bound by: a treaty missing from it does not bind the State. A file that records none leaves the
question open: nothing is filtered and nothing is said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from lexgap.models import Company, Instrument, Jurisdiction
from lexgap.vocabulary import BINDING_KINDS


def bound_on(subject: Jurisdiction | Company, on: dt.date) -> frozenset[str] | None:
    """The ids of the treaties the State is bound by on `on`; None when its file records no ratification
    (or the subject is a company): then lexgap cannot tell and filters nothing."""
    if not isinstance(subject, Jurisdiction) or not subject.ratifications:
        return None
    return frozenset(r.instrument for r in subject.ratifications
                     if (r.date is not None and r.date <= on) or (r.date is None and (r.year or 9999) <= on.year))


def not_binding(instrument: Instrument, bound: frozenset[str] | None,
                instruments: Mapping[str, Instrument] | None = None) -> list[str]:
    """The treaties whose absence from `bound` keeps `instrument` from applying to the State: the instrument
    itself (a treaty it is not bound by), or every treaty it interprets when none of them binds it.
    Empty when it applies, or when the State's treaties are not known (`bound` is None)."""
    if bound is None:
        return []
    if instrument.kind in BINDING_KINDS:
        return [] if instrument.id in bound else [instrument.id]
    if instrument.interprets and not any(treaty in bound for treaty in instrument.interprets):
        return list(instrument.interprets)
    return []


def titles(treaty_ids: list[str], instruments: Mapping[str, Instrument], short: bool = True) -> list[str]:
    """The treaties' names as a sentence gives them (short titles by default), each once, in order."""
    names = []
    for treaty in dict.fromkeys(treaty_ids):
        instrument = instruments.get(treaty)
        name = (instrument.short_title if short else instrument.title) if instrument is not None else treaty
        names.append(f"the {name}" if _NAMED_WITH_THE & set(name.split()) else name)
    return names


#: Words of a treaty's name that a sentence puts "the" before ("the Lanzarote Convention").
_NAMED_WITH_THE = frozenset({"Convention", "Protocol", "Covenant"})
