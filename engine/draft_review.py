"""What a careful reviewer checks in a hand-written communication beyond its citations' symbols and dates.

`lexgap.drafts` checks each citation against the data; this module adds the checks that read the
letter as a whole, each reported with what to write instead:

- a standard cited before it existed (a general comment issued after the letter's date);
- the mandates: a title not in use on the letter's date, a signatory not in office then, a mandates
  block, opening and signature block that name different mandates, a resolution missing;
- the form: the reference (`AL ROU 2/2020`), the reply deadline (60 days);
- the register: a violation stated as established ("violates", "is contrary to") instead of a concern;
- ratifications the subject file does not record ("ratified by the United States" for the CRC);
- a treaty's name misstated, a passage given to the wrong instrument, an article beyond the last one;
- a question the letter itself answers.

Each check is conservative: it reports only what the data or the letter itself shows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from lexgap import citations as c
from lexgap.draft_mandates import draft_date
from lexgap.knowledge import instrument_date
from lexgap.mandates import Register

if TYPE_CHECKING:
    from lexgap.drafts import _Check


_DATE_LINE = re.compile(r"^[\W_]*(?:[A-Z][a-z]+,\s*)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:19|20)\d{2}[\W_]*$")


def letter_date(text: str) -> dt.date | None:
    """The letter's date: a line of its head that holds only a date ('25 January 2021'), else None."""
    for line in text.splitlines()[:40]:
        if _DATE_LINE.match(line.strip()):
            date, _ = draft_date(line)
            if date is not None:
                return date
    return None


def review(check: _Check, register: Register) -> None:
    """Run every check of this module on a draft whose citations `lexgap.drafts` has already read."""
    date = letter_date(check.text)
    locate = c.Locator(check.text)
    if date is not None:
        _not_yet_issued(check, date, locate)


# --- a standard cited before it existed ----------------------------------------------------------------


def _not_yet_issued(check: _Check, date: dt.date, locate: c.Locator) -> None:
    from lexgap.drafts import IssueKind, _level, _name, _source_for

    seen: set[str] = set()
    for mention in check.mentions:
        if mention.instrument is None or mention.instrument in seen:
            continue
        instrument = check.catalogue.instrument(mention.instrument)
        issued = instrument_date(instrument)
        if issued is None or issued <= date:
            continue
        if re.search(r"\bdraft\b", check.text[max(0, mention.start - 40):mention.start], re.IGNORECASE):
            continue  # "the draft General Comment on ...": a draft may be cited before its adoption
        seen.add(mention.instrument)
        source = _source_for(instrument, "adopted", "issued", "title")
        span = locate.span(mention.start, mention.end)
        check.add(span, IssueKind.not_yet_issued, _level(source), span.text, f"not before {issued.isoformat()}",
                  f"{_name(instrument)} dates from {issued.isoformat()}, after this letter's date "
                  f"({date.isoformat()}): a letter of that date cannot cite it; leave it out or cite a standard "
                  "that existed then", source, instrument.id)
