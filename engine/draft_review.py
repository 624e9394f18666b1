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
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Protocol

from lexgap import citations as c
from lexgap.draft_mandates import draft_date, mandates_named, opening_of
from lexgap.knowledge import instrument_date
from lexgap.mandates import Mandate, Register, earliest, latest
from lexgap.problems import Level

if TYPE_CHECKING:
    from lexgap.models import Instrument, Jurisdiction


class Draft(Protocol):
    """The draft being checked, as `lexgap.drafts` holds it (its text, citations and the issues found)."""

    text: str
    bounds: list[tuple[int, int]]
    citations: list[c.Citation]
    mentions: list[Any]
    catalogue: Any
    subject: Jurisdiction | None
    issues: list[Any]

    def add(self, span: c.Span, kind: Any, level: Level, found: str, expected: str | None, message: str,
            source: Any = None, instrument: str | None = None) -> None: ...

    def sentence(self, offset: int) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Tools:
    """What this module uses of `lexgap.drafts`, handed over by it (this module never imports `lexgap.drafts`,
    which calls it): the issue kinds and the helpers that attach a pinpoint, read its window, name an instrument."""

    kind: Any
    level: Callable[..., Level]
    name: Callable[[Instrument], str]
    source_for: Callable[..., Any]
    attach: Callable[[Any, c.PinpointCitation], Instrument | None]
    window: Callable[[Any, c.PinpointCitation], tuple[int, int]]
    tokens: Callable[..., list[Any]]
    contains: Callable[[list[Any], list[str]], bool]
    words_of: Callable[[str], list[str]]
    related: Callable[[str, Any], bool]
    expand_range: Callable[[str], list[str]]
    content: Callable[[str, set[str]], set[str]]
    of_follows: re.Pattern[str]


def not_ratified_message(subject: Jurisdiction, name: str, then: str) -> str:
    """What to write when a draft says a State ratified a treaty its file records no ratification of."""
    recorded = ", ".join(sorted(r.instrument for r in subject.ratifications)) or "none"
    return (f"{subject.name}: {subject.id} records no ratification of {name} (it records: {recorded}); "
            f"{then}. If {subject.name} has only signed it, write 'signed by {subject.name}' or 'to which "
            f"{subject.name} is not a party'; write 'ratified' only with the depositary's record (UN Treaty "
            "Collection, Council of Europe Treaty Office)")


_DATE_LINE = re.compile(r"^[\W_]*(?:[A-Z][a-z]+,\s*)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:19|20)\d{2}[\W_]*$")


def letter_date(text: str) -> dt.date | None:
    """The letter's date: a line of its head that holds only a date ('25 January 2021'), else None."""
    for line in text.splitlines()[:40]:
        if _DATE_LINE.match(line.strip()):
            date, _ = draft_date(line)
            if date is not None:
                return date
    return None


def review(check: Draft, register: Register, t: Tools) -> None:
    """Run every check of this module on a draft whose citations `lexgap.drafts` has already read."""
    date = letter_date(check.text)
    locate = c.Locator(check.text)
    if date is not None:
        _not_yet_issued(t, check, date, locate)
        _mandates(t, check, register, date, locate)
    _reference(t, check, date, locate)
    _deadline(t, check, locate)
    _register(t, check, locate)
    _ratified_without_date(t, check, locate)
    _treaty_names(t, check, locate)
    _other_instrument(t, check, locate)
    _numbered_subject(t, check, locate)
    _beyond_the_last(t, check)
    _answered_questions(t, check, locate)
    _parent_pinpoint(t, check)


# --- a standard cited before it existed ----------------------------------------------------------------


def _not_yet_issued(t: Tools, check: Draft, date: dt.date, locate: c.Locator) -> None:
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
        source = t.source_for(instrument, "adopted", "issued", "title")
        span = locate.span(mention.start, mention.end)
        check.add(span, t.kind.not_yet_issued, t.level(source), span.text, f"not before {issued.isoformat()}",
                  f"{t.name(instrument)} dates from {issued.isoformat()}, after this letter's date "
                  f"({date.isoformat()}): a letter of that date cannot cite it; leave it out or cite a standard "
                  "that existed then", source, instrument.id)


# --- mandates: titles, holders, the block, the opening and the signatures agree -------------------------


def _fold(text: str) -> str:
    """Lower case, no diacritics, one space: 'Šimonović' and 'Simonovic' are the same name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return re.sub(r"\s+", " ", "".join(ch for ch in decomposed if not unicodedata.combining(ch))).strip().lower()


def _title_pattern(title: str) -> re.Pattern[str]:
    words = [re.escape(w).replace("'", "['’]") for w in title.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", re.IGNORECASE)


def _parts(text: str) -> dict[str, tuple[int, int]]:
    """Where the mandates block, the opening and the signature block are (offsets); missing parts left out."""
    parts: dict[str, tuple[int, int]] = {}
    block = re.search(r"^[*\s]*Mandates?\s+of\b", "\n".join(text.splitlines()[:12]), re.MULTILINE)
    if block is not None:  # the paragraph, which a plain-text letter wraps over several lines
        stop = re.compile(r"\n[ \t]*\n|\n[ \t*#]*REFERENCE\b", re.IGNORECASE).search(text, block.end())
        parts["block"] = (block.start(), stop.start() if stop else len(text))
    opening = opening_of(text)
    if opening is not None:
        parts["opening"] = (opening.start("mandates"), opening.end("mandates"))
    closing = re.search(r"^\s*Please\s+accept\b.*$", text, re.MULTILINE | re.IGNORECASE)
    if closing is not None:
        annex = re.search(r"^[#*\s]*Annex\b", text[closing.end():], re.MULTILINE)
        parts["signatures"] = (closing.end(), closing.end() + annex.start() if annex else len(text))
    return parts


def _titles_in(text: str, start: int, end: int, register: Register) -> list[tuple[int, int, Mandate, str]]:
    """Every register title (of any date) written in text[start:end], longest first where they overlap."""
    found: list[tuple[int, int, Mandate, str]] = []
    for mandate in register.mandates.values():
        for title in {t.title for t in mandate.titles}:
            for m in _title_pattern(title).finditer(text, start, end):
                found.append((m.start(), m.end(), mandate, title))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    kept: list[tuple[int, int, Mandate, str]] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return kept


def _mandates(t: Tools, check: Draft, register: Register, date: dt.date, locate: c.Locator) -> None:
    parts = _parts(check.text)
    # titles: each must be the one in use on the letter's date
    for part in ("block", "opening", "signatures"):
        if part not in parts:
            continue
        for start, end, mandate, title in _titles_in(check.text, *parts[part], register):
            current = mandate.title_on(date)
            if current is None or _fold(current) == _fold(title):
                continue
            source = next(t for t in mandate.titles if t.title == current).sources[0]
            level = Level.error if all(s.verified for t in mandate.titles if t.title in (current, title)
                                       for s in t.sources) else Level.warning
            span = locate.span(start, end)
            check.add(span, t.kind.wrong_mandate_title, level, span.text, current,
                      f"on {date.isoformat()} the mandate's title was {current!r}; {title!r} was not in use then",
                      source)
    checked = list(parts.values())
    for start, end, mandate, title in _titles_in(check.text, 0, len(check.text), register):
        if any(s <= start < e for s, e in checked):
            continue
        entry = next(t for t in mandate.titles if t.title == title)
        since = earliest(entry.since)
        current = mandate.title_on(date)
        if since is None or since <= date or current is None:
            continue  # an older title may name the mandate in a report of its time
        span = locate.span(start, end)
        check.add(span, t.kind.wrong_mandate_title, Level.error if all(s.verified for s in entry.sources)
                  else Level.warning, span.text, current,
                  f"{title!r} came into use on {entry.since}, after this letter's date ({date.isoformat()}); "
                  f"the title then was {current!r}", entry.sources[0])
    signed = _signatures(t, check, register, date, locate, parts)
    _agreement(t, check, register, date, locate, parts, signed)


def _signatures(t: Tools, check: Draft, register: Register, date: dt.date, locate: c.Locator,
                parts: dict[str, tuple[int, int]]) -> list[Mandate]:
    """The mandates the letter is signed for; each signatory checked against the register's holders."""

    if "signatures" not in parts:
        return []
    signed: list[Mandate] = []
    for start, _, mandate, _ in _titles_in(check.text, *parts["signatures"], register):
        signed.append(mandate)
        line_start = check.text.rfind("\n", 0, start) + 1
        before = check.text[parts["signatures"][0]:line_start].rstrip().splitlines()
        if not before or not before[-1].strip():
            continue
        name_line = before[-1]
        name = name_line.strip().strip("*").strip()
        name_start = check.text.rfind(name, 0, line_start)
        if not name or name_start < 0 or len(name.split()) > 6:
            continue
        span = locate.span(name_start, name_start + len(name))
        in_office = [h for h in mandate.holders_on(date)]
        expected = ", ".join(h.name for h in in_office) or None
        holder = next((h for h in mandate.holders if _fold(h.name) == _fold(name)), None)
        if holder is not None:
            ended, began = latest(holder.until), earliest(holder.since)
            if (ended is not None and ended < date) or (began is not None and began > date):
                when = (f"only from {holder.since}" if began is not None and began > date
                        else f"until {holder.until}")
                level = Level.error if all(s.verified for s in holder.sources) else Level.warning
                check.add(span, t.kind.wrong_holder, level, name, expected,
                          f"{holder.name} held this mandate {when}, not on {date.isoformat()}"
                          + (f"; the register has {expected} in office on that date" if expected else ""),
                          holder.sources[0])
            elif mandate.signing_role and in_office and holder not in in_office:
                check.add(span, t.kind.wrong_holder, Level.warning, name, expected,
                          f"the register shows {expected} as {mandate.signing_role} on {date.isoformat()}; a working "
                          f"group's letters are signed by its {mandate.signing_role}", in_office[0].sources[0])
            continue
        other = next((m for m in register.mandates.values() for h in m.holders if _fold(h.name) == _fold(name)),
                     None)
        if other is not None or in_office:
            whose = f" ({name} is a holder of another mandate, {other.titles[-1].title})" if other else ""
            source = in_office[0].sources[0] if in_office else None
            check.add(span, t.kind.wrong_holder, Level.warning, name, expected,
                      f"the register does not show {name} holding this mandate on {date.isoformat()}{whose}"
                      + (f"; it has {expected} in office on that date" if expected else ""), source)
    return signed


def _agreement(t: Tools, check: Draft, register: Register, date: dt.date, locate: c.Locator,
               parts: dict[str, tuple[int, int]], signed: list[Mandate]) -> None:
    """The mandates block, the opening and the signatures name the same mandates; one resolution each."""

    named: dict[str, list[Mandate]] = {part: [m for _, m in mandates_named(check.text[slice(*parts[part])], register)]
             for part in ("block", "opening") if part in parts}
    if signed:
        named["signatures"] = signed
    label = {"block": "the mandates block", "opening": "the opening", "signatures": "the signature block"}
    pairs = [("block", "signatures"), ("opening", "signatures")] if signed else [("block", "opening")]
    for part, against in pairs:
        if not named.get(part) or not named.get(against):
            continue
        ids, want = {m.id for m in named[part]}, {m.id for m in named[against]}
        if ids == want:
            continue
        missing = [m.title_on(date) or m.titles[-1].title for m in named[against] if m.id not in ids]
        extra = [m.title_on(date) or m.titles[-1].title for m in named[part] if m.id not in want]
        says = [f"{label[part]} lacks {'; '.join(missing)}"] if missing else []
        says += [f"{label[against]} lacks {'; '.join(extra)}"] if extra else []
        span = locate.span(*_first_line(check.text, parts[part]))
        check.add(span, t.kind.mandates_mismatch, Level.error, span.text[:60], None,
                  f"{label[part]} and {label[against]} name different mandates: {'; and '.join(says)}; "
                  "name the same mandates in the mandates block, the opening and the signatures")
    if "block" in parts and "signatures" in parts:
        block = re.sub(r"^[*\s]*Mandates?\s+of\s+", "", check.text[slice(*parts["block"])]).strip(" *")
        listed = [p for p in re.split(r";\s*(?:and\s+)?|,?\s+and\s+the\s+(?=[A-Z])", block) if p.strip()]
        signatures = re.findall(r"^[ \t*]*(?:(?:Chair|Vice-Chair|Chair-Rapporteur)\s+of\s+the\s+)?(?:Special\s+"
                                r"Rapporteur|Working\s+Group|Independent\s+Expert)\b",
                                check.text[slice(*parts["signatures"])], re.MULTILINE | re.IGNORECASE)
        already = any(i.kind is t.kind.mandates_mismatch for i in check.issues)
        if signatures and len(listed) != len(signatures) and not already:
            span = locate.span(*_first_line(check.text, parts["block"]))
            check.add(span, t.kind.mandates_mismatch, Level.error, span.text[:60], None,
                      f"the mandates block lists {len(listed)} mandates but the letter has {len(signatures)} "
                      "signatures: name in the block exactly the mandates whose holders sign")
    opening = opening_of(check.text)
    if opening is None or "opening" not in named:
        return
    numbers = re.findall(r"\d+/\d+", opening.group("resolutions"))
    mandates = named["opening"]
    if mandates and len(numbers) != len(mandates):
        lacking = []
        for mandate in mandates:
            in_force = mandate.resolution_on(date)
            if in_force is not None and in_force.number not in numbers:
                lacking.append(f"{in_force.number} for the {mandate.title_on(date) or mandate.titles[-1].title}")
        span = locate.span(opening.start("resolutions"), opening.end("resolutions"))
        check.add(span, t.kind.mandates_mismatch, Level.error, span.text, None,
                  f"the opening names {len(mandates)} mandates but cites {len(numbers)} resolutions; cite one per "
                  "mandate, in the same order" + (f" (missing: {'; '.join(lacking)})" if lacking else ""))


def _first_line(text: str, bounds: tuple[int, int]) -> tuple[int, int]:
    start, end = bounds
    while start < end and text[start] in " \t\n*":
        start += 1
    stop = text.find("\n", start, end)
    return start, stop if stop >= 0 else end


# --- the form: reference and reply deadline ----------------------------------------------------------------

#: ISO 3166-1 alpha-2 to alpha-3, for the countries of lexgap's files and their neighbours.
ALPHA3 = {"ro": "ROU", "us": "USA", "gb": "GBR", "ie": "IRL", "fr": "FRA", "de": "DEU", "es": "ESP", "it": "ITA",
          "md": "MDA", "hu": "HUN", "bg": "BGR", "ua": "UKR", "rs": "SRB", "ca": "CAN", "mx": "MEX", "br": "BRA",
          "in": "IND", "cn": "CHN", "ru": "RUS", "tr": "TUR", "pl": "POL", "nl": "NLD", "be": "BEL", "at": "AUT",
          "ch": "CHE", "se": "SWE", "no": "NOR", "dk": "DNK", "fi": "FIN", "pt": "PRT", "gr": "GRC", "au": "AUS",
          "nz": "NZL", "za": "ZAF", "ng": "NGA", "ke": "KEN", "ph": "PHL", "th": "THA", "jp": "JPN", "kr": "KOR",
          "tl": "TLS"}
#: Country codes that are not ISO 3166-1 alpha-3 codes (older or sports codes), with the ISO code.
NOT_ISO = {"ROM": "ROU", "UK": "GBR", "GER": "DEU", "SPA": "ESP", "SUI": "CHE", "NED": "NLD", "POR": "PRT",
           "GRE": "GRC", "DEN": "DNK", "CRO": "HRV", "BUL": "BGR", "RSA": "ZAF", "UAE": "ARE", "INA": "IDN",
           "MAS": "MYS", "PHI": "PHL", "CHI": "CHL"}
_REFERENCE = re.compile(r"(?<![\w/])(?P<kind>J?(?:AL|UA|OL))(?P<sep>[ \t\-/.]+)(?P<code>[A-Z]{2,4})[ \t\-/.]+"
                        r"(?P<first>\d{1,4})/(?P<second>\d{1,4})(?![\w/])")


def _reference(t: Tools, check: Draft, date: dt.date | None, locate: c.Locator) -> None:
    head = "\n".join(check.text.splitlines()[:30])
    m = _REFERENCE.search(head)
    if m is None:
        return
    kind, code, first, second = m.group("kind"), m.group("code"), m.group("first"), m.group("second")
    country = check.subject.country.lower() if check.subject is not None else None
    want_code = ALPHA3.get(country or "", code if len(code) == 3 else None) if country else None
    if len(code) == 2 and want_code is None:
        want_code = ALPHA3.get(code.lower())
    if code in NOT_ISO and want_code in (None, code):
        want_code = NOT_ISO[code]
    number, year = first, second
    problems = [] if m.group("sep") == " " and m.group(0).count("/") == 1 and "-" not in m.group(0) else [
        "its parts are separated by single spaces"]
    if len(first) == 4 and len(second) <= 3:
        number, year = second, first
        problems.append("the number comes before the year")
    if len(code) != 3 or (want_code is not None and code != want_code and code != "OTH"):
        right = want_code or "the addressee's ISO 3166-1 alpha-3 code (OTH for a company or organisation)"
        problems.append(f"the addressee code is the ISO 3166-1 alpha-3 code, {right}")
        code = want_code or code
    if len(year) != 4:
        problems.append("the year has four digits")
    elif date is not None and int(year) > date.year:
        problems.append(f"the year {year} is after the letter's date ({date.isoformat()})")
    if not problems:
        return
    expected = f"{kind} {code} {number}/{year}"
    span = locate.span(m.start(), m.end())
    check.add(span, t.kind.wrong_reference, Level.warning, span.text, expected,
              f"a reference reads '<kind> <addressee code> <number>/<year>': {'; '.join(problems)}; write {expected}")


_DEADLINE = re.compile(r"\b(?:response|reply|answer)\s+within\s+(?P<days>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
                       r"(?P<unit>(?:calendar\s+|working\s+)?days|weeks?|months?|hours)\b", re.IGNORECASE)
#: The reply period of an allegation letter or other letter before the communication is published.
REPLY_DAYS = 60


def _deadline(t: Tools, check: Draft, locate: c.Locator) -> None:
    head = "\n".join(check.text.splitlines()[:30])
    ref = _REFERENCE.search(head)
    if ref is not None and ref.group("kind").lstrip("J") == "UA":
        return  # an urgent appeal may ask for a shorter reply
    for m in _DEADLINE.finditer(check.text):
        unit, days = m.group("unit").lower(), m.group("days").lower()
        if unit in ("days", "calendar days") and days in (str(REPLY_DAYS), "sixty"):
            continue
        span = locate.span(m.start("days"), m.end())
        check.add(span, t.kind.wrong_deadline, Level.warning, span.text, f"{REPLY_DAYS} days",
                  f"an allegation letter or other letter gives {REPLY_DAYS} days for a reply, after which the "
                  f"communication is made public; write 'within {REPLY_DAYS} days' (or make it an urgent appeal)")


# --- the register: a concern, never a verdict --------------------------------------------------------------

_VERDICT = re.compile(r"""\b(?:
    violates | (?<!is\s)(?<!are\s)(?<!be\s)(?<!been\s)(?<!were\s)(?<!was\s)(?:violated|breached)
  | contravenes? | contravened | breaches
  | constitutes?\s+(?:a\s+)?(?:clear\s+|serious\s+|direct\s+)?(?:violation|breach)\s+of | contrary\s+to
  | (?:is|are|was|were)\s+(?:in\s+(?:clear\s+|direct\s+)?(?:violation|breach)\s+of | contrary\s+to
                            | incompatible\s+with | inconsistent\s+with)
  | (?:has|have)\s+failed\s+to\s+comply | fails?\s+to\s+comply
)\b""", re.VERBOSE | re.IGNORECASE)
#: A modal or a report just before the verb makes it a concern ("may violate", "allegedly breaches").
_HEDGE = re.compile(r"\b(?:may|might|could|would|can|appears?|seems?|allegedly|alleged|reportedly|risks?|possibly|"
                    r"likely|potentially)\b(?:\W+\w+){0,6}\W*$", re.IGNORECASE)
#: A question or a condition, or a passage that reports what a text says, is no verdict on the addressee.
_NOT_A_FINDING = re.compile(r"^\W*(?:\d+\.\s*)?(?:please|kindly)\b|\b(?:whether|if|unless|where|when)\b|"
                            r"\b(?:recogni[sz]es|provides|states|notes|noted|held|holds)\s+that\b", re.IGNORECASE)


def _register(t: Tools, check: Draft, locate: c.Locator) -> None:
    quotations = [(q.span.start, q.span.end) for q in check.citations if isinstance(q, c.Quotation)]
    for start, end in check.bounds:
        sentence = check.text[start:end]
        m = _VERDICT.search(sentence)
        if m is None or _HEDGE.search(sentence[:m.start()]) or _NOT_A_FINDING.search(sentence):
            continue
        where = start + m.start()
        if any(s <= where < e for s, e in quotations):
            continue
        span = locate.span(where, start + m.end())
        check.add(span, t.kind.register, Level.warning, span.text, "may not be compatible with",
                  f"{span.text!r} states a violation as established; a communication raises concerns: write "
                  "'we are concerned that ... may not be compatible with ...' or '... may amount to ...'")


# --- a treaty said to be ratified that the subject file does not record -------------------------------------

_RATIFIED_WORD = re.compile(r"\b(?:ratified|acceded\s+to|has\s+become\s+(?:a\s+)?party\s+to|(?:is|as)\s+a\s+"
                            r"(?:State\s+)?party\b|State\s+party\s+to)", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to|neither|nor)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)


def _ratified_without_date(t: Tools, check: Draft, locate: c.Locator) -> None:
    """'The CRC, which your Excellency's Government has ratified, ...' with no date: the dated form is checked by
    `lexgap.drafts`; here the claim itself, when the subject file records no ratification of the treaty."""
    from lexgap.vocabulary import BINDING_KINDS

    subject = check.subject
    if subject is None:
        return
    recorded = {r.instrument for r in subject.ratifications}
    dates = [d.span.start for d in check.citations if isinstance(d, c.DateCitation)]
    addressee = re.compile(rf"{re.escape(subject.name)}|Excellency['’]s\s+Government|your\s+Government|"
                           r"the\s+State\s+party", re.IGNORECASE)
    for start, end in check.bounds:
        sentence = check.text[start:end]
        if not addressee.search(sentence) or re.search(r"\bwhether\b|^\W*(?:\d+\.\s*)?(?:please|kindly)\b",
                                                       sentence, re.IGNORECASE):
            continue
        for verb in _RATIFIED_WORD.finditer(sentence):
            where = start + verb.start()
            if _NEGATED.search(sentence[:verb.start()]) or any(start <= d < end for d in dates):
                continue
            before = [m for m in check.mentions if start <= m.start and m.end <= where and m.instrument]
            after = [m for m in check.mentions if start + verb.end() <= m.start < start + verb.end() + 20
                     and m.instrument and re.match(r"\s*(?:to\s+)?(?:the\s+)?$",
                                                   check.text[start + verb.end():m.start])]
            if not before and not after:
                continue
            instrument = check.catalogue.instrument((after or before)[-1 if not after else 0].instrument or "")
            if instrument.kind not in BINDING_KINDS or instrument.id in recorded:
                continue
            span = locate.span(where, start + verb.end())
            check.add(span, t.kind.not_ratified, Level.warning, span.text, None,
                      not_ratified_message(subject, t.name(instrument), "the draft says it is ratified"), None,
                      instrument.id)


# --- a treaty's name misstated ------------------------------------------------------------------------------

#: Real instruments lexgap does not hold, whose names are close to one it holds (never reported as slips).
OTHER_NAMES = (
    "International Convention on the Elimination of All Forms of Racial Discrimination",
    "International Covenant on Economic, Social and Cultural Rights",
    "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    "Convention on the Rights of Persons with Disabilities",
    "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    "International Convention for the Protection of All Persons from Enforced Disappearance",
    "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
    "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
    "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women",
    "Optional Protocol to the International Covenant on Civil and Political Rights",
    "Second Optional Protocol to the International Covenant on Civil and Political Rights",
    "United Nations Convention against Transnational Organized Crime",
    "Protocol against the Smuggling of Migrants by Land, Sea and Air",
    "Council of Europe Convention on preventing and combating violence against women and domestic violence",
    "Convention on Cybercrime",
    "Convention for the Protection of Human Rights and Fundamental Freedoms",
    "Convention for the Protection of Individuals with regard to Automatic Processing of Personal Data",
    "Universal Declaration of Human Rights",
    "Declaration on the Rights of Indigenous Peoples",
    "Declaration on Human Rights Defenders",
    "Convention on the Elimination of All Forms of Racial Discrimination",
)
_TRIGGER = re.compile(r"\b(?:Convention|Covenant|Protocol|Declaration)\b")
_CONNECTORS = {"of", "the", "and", "on", "in", "against", "to", "for", "all", "with", "or", "by", "from", "its"}


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")) if w != "the"]


def _candidate(text: str, start: int) -> int:
    """Where a treaty name that starts at `start` ends: capitalised words and the small words between them."""
    end = position = start
    for m in re.finditer(r"([A-Za-z][\w'’-]*)|(,\s*)|(\s+)|(.)", text[start:start + 300]):
        word, comma, _, other = m.groups()
        if other is not None:
            break
        if word is not None:
            if word[0].isupper() or word.lower() in _CONNECTORS:
                if word[0].isupper():
                    end = start + m.end()
            else:
                break
        if comma is not None and not re.match(r",\s*[A-Z]", text[start + m.start():start + m.end() + 1]):
            break
        position = start + m.end()
    return max(end, start) if position else start


def _treaty_names(t: Tools, check: Draft, locate: c.Locator) -> None:
    names: list[tuple[list[str], str | None, str]] = []
    for instrument in check.catalogue.knowledge.instruments.values():
        for name in dict.fromkeys([instrument.title, instrument.short_title, *instrument.aliases]):
            trigger = _TRIGGER.search(name)
            if trigger is not None:
                names.append((_name_words(name[trigger.start():]), instrument.id, name))
    for name in OTHER_NAMES:
        trigger = _TRIGGER.search(name)
        if trigger is not None:
            names.append((_name_words(name[trigger.start():]), None, name))
    taken: list[tuple[int, int]] = []
    for trigger in _TRIGGER.finditer(check.text):
        end = _candidate(check.text, trigger.start())
        words = _name_words(check.text[trigger.start():end])
        if len(words) < 5 or any(s <= trigger.start() < e for s, e in taken):
            continue
        known = any(words == n[:len(words)] or n == words[:len(n)] for n, _, _ in names if len(n) >= 3)
        if known:
            continue
        ratio, (_, instrument_id, written) = max(
            ((SequenceMatcher(None, words, n).ratio(), (n, i, w)) for n, i, w in names), key=lambda r: r[0])
        if instrument_id is None or ratio < 0.8:
            continue
        instrument = check.catalogue.instrument(instrument_id)
        right = instrument.title if _TRIGGER.search(instrument.title) else written
        span = locate.span(trigger.start(), end)
        taken.append((trigger.start(), end))
        check.add(span, t.kind.wrong_name, Level.warning, span.text, right,
                  f"no instrument is called {span.text!r}; did you mean the {right}?", None, instrument.id)



# --- a passage given to the wrong instrument ------------------------------------------------------------------


def _attached(t: Tools, check: Draft) -> Iterator[tuple[c.PinpointCitation, Instrument]]:
    """Each pinpoint citation of the draft with the instrument it is attached to (those attached to none left out)."""
    for citation in check.citations:
        if isinstance(citation, c.PinpointCitation):
            instrument = t.attach(check, citation)
            if instrument is not None:
                yield citation, instrument


def _other_instrument(t: Tools, check: Draft, locate: c.Locator) -> None:
    """'Article 2 (c) of the CRC ... real or simulated explicit sexual activities': the words are another
    instrument's provision under the same pinpoint (OPSC art. 2(c)), and none of the cited instrument's."""

    for citation, instrument in _attached(t, check):
        start, end = t.window(check, citation)
        sentence = check.sentence(citation.span.start)
        tokens = t.tokens(check.text[start:end], start)
        if any(p.key_phrase and t.contains(tokens, t.words_of(p.key_phrase)) for p in instrument.provisions):
            continue
        named = {m.instrument for m in check.mentions if sentence[0] <= m.start < sentence[1]}
        cited = [item for raw in citation.items for item in t.expand_range(raw)]
        for other in sorted(check.catalogue.knowledge.instruments.values(), key=lambda i: i.id):
            if other.id == instrument.id or other.id in named:
                continue
            right = next((p for p in other.provisions if p.key_phrase and len(t.words_of(p.key_phrase)) >= 4
                          and any(t.related(item, p) for item in cited)
                          and t.contains(tokens, t.words_of(p.key_phrase))), None)
            if right is None:
                continue
            span = citation.span
            check.add(span, t.kind.wrong_instrument, t.level(right.source), span.text,
                      f"{t.name(other)} {right.pinpoint}",
                      f"the words cited here ({right.key_phrase!r}) are {t.name(other)} {right.pinpoint}, not "
                      f"{t.name(instrument)}: name the {other.title}", right.source, other.id)
            break


def _share(t: Tools, words: set[str], instrument: Instrument) -> float:
    return len(words & t.content(instrument.title, set())) / len(words)


_SUBJECT = re.compile(r"\s*(?:\(\d{4}\))?\s*(?:,\s*)?(?:on|:)\s+(?P<subject>[^.;,()]{10,160})")


def _numbered_subject(t: Tools, check: Draft, locate: c.Locator) -> None:
    """'General Comment No. 16 on the right of the child to freedom from all forms of violence': the subject
    is the title of another general comment (No. 13) and not of the one cited."""

    numbered = check.catalogue.numbered
    for citation in check.citations:
        if not isinstance(citation, c.NumberedCitation):
            continue
        cited = numbered.get((citation.series, citation.number))
        m = _SUBJECT.match(check.text, citation.span.end)
        if cited is None or m is None:
            continue
        words = t.content(m.group("subject"), set())
        if len(words) < 3:
            continue
        if _share(t, words, cited) >= 0.3:
            continue
        same = [i for (series, _), i in sorted(numbered.items())
                if series == citation.series and i.issuer == cited.issuer]
        best = max(same, key=lambda i: _share(t, words, i), default=None)
        if best is None or best.id == cited.id or _share(t, words, best) < 0.6:
            continue
        own = c.parse_numbered(best.title)
        label = f"{citation.series.title()} No. {own.number if own else '?'}"
        source = t.source_for(best, "title")
        check.add(citation.span, t.kind.wrong_instrument, t.level(source), citation.span.text, label,
                  f"{m.group('subject').strip()!r} is the subject of {label} ({t.name(best)}), not of "
                  f"{t.name(cited)} ({cited.title}): write {label}", source, best.id)


# --- an article beyond the last one ---------------------------------------------------------------------------

#: The last article (or principle) of the instruments whose numbering is fixed, as their texts number them
#: (the texts the instruments' `provisions` sources point at). An instrument not listed is not checked.
LAST: dict[str, tuple[str, int]] = {
    "crc": ("art", 54), "opsc": ("art", 17), "iccpr": ("art", 53), "cedaw": ("art", 30),
    "palermo-protocol": ("art", 20), "coe-trafficking": ("art", 47), "lanzarote": ("art", 50), "devaw": ("art", 6),
    "ungp": ("principle", 31), "ohchr-principles-trafficking": ("principle", 17),
}


def _beyond_the_last(t: Tools, check: Draft) -> None:
    """'Article 64 of the Convention on the Rights of the Child': the CRC has 54 articles."""

    for citation in check.citations:
        if not isinstance(citation, c.PinpointCitation):
            continue
        if not t.of_follows.match(check.text, citation.span.end):
            continue  # only 'Article 64 of ...': a pinpoint placed by the text's focus may be another text's
        instrument = t.attach(check, citation)
        if instrument is None or instrument.id not in LAST:
            continue
        unit, last = LAST[instrument.id]
        if citation.unit != unit:
            continue
        numbers = [int(n) for item in citation.items for n in re.findall(r"\d+", item.split("(")[0])]
        beyond = [n for n in numbers if n > last]
        if not beyond:
            continue
        word = "articles" if unit == "art" else "principles"
        source = t.source_for(instrument, "provisions")
        check.add(citation.span, t.kind.wrong_pinpoint, Level.warning, citation.span.text, f"{unit}. 1-{last}",
                  f"{t.name(instrument)} has {last} {word}; there is no {word[:-1]} {beyond[0]}: check the number "
                  "against the text", source, instrument.id)


# --- a question the letter answers itself ------------------------------------------------------------------

_QUESTIONS = re.compile(r"(?:following\s+matters|following\s+questions)\s*:?", re.IGNORECASE)
_AFTER_QUESTIONS = re.compile(r"^\s*(?:We\s+would\s+appreciate|We\s+would\s+be\s+grateful\s+to\s+receive|"
                              r"While\s+awaiting)", re.IGNORECASE | re.MULTILINE)
_ASKS_RATIFIED = re.compile(r"\b(?:whether|if|when)\b.{0,120}?\b(?:ratif\w*|acce(?:ded|ssion)|(?:is|become)\s+(?:a\s+)?"
                            r"party)\b", re.IGNORECASE | re.DOTALL)


def _answered_questions(t: Tools, check: Draft, locate: c.Locator) -> None:
    """'Please indicate whether Romania has ratified <treaty>' when the letter says it ratified it (and when)."""

    head = _QUESTIONS.search(check.text)
    if head is None:
        return
    tail = _AFTER_QUESTIONS.search(check.text, head.end())
    region = (head.end(), tail.start() if tail else len(check.text))
    for q in re.finditer(r"^[ \t]*\d{1,2}\.[ \t]+(?P<body>.+)$", check.text[region[0]:region[1]], re.MULTILINE):
        start, end = region[0] + q.start("body"), region[0] + q.end("body")
        if not _ASKS_RATIFIED.search(check.text[start:end]):
            continue
        asked = {m.instrument for m in check.mentions if start <= m.start < end and m.instrument}
        for instrument_id in sorted(asked):
            said = _said_ratified(check, instrument_id, region)
            if said is None:
                continue
            line, when = said
            instrument = check.catalogue.instrument(instrument_id)
            span = locate.span(start, end)
            check.add(span, t.kind.answered_question, Level.warning, span.text[:60], None,
                      f"this question asks what the letter itself says (line {line}: {t.name(instrument)} ratified"
                      f"{' ' + when if when else ''}): drop it, or ask about what the letter does not know "
                      "(its implementation, reservations, the laws that give it effect)", None, instrument_id)


def _said_ratified(check: Draft, instrument_id: str, questions: tuple[int, int]) -> tuple[int, str] | None:
    """The line where the letter, outside its questions, says the instrument was ratified, and when."""
    for start, end in check.bounds:
        if questions[0] <= start < questions[1]:
            continue
        sentence = check.text[start:end]
        verb = _RATIFIED_WORD.search(sentence)
        if verb is None or _NEGATED.search(sentence[:verb.start()]):
            continue
        if not any(start <= m.start < start + verb.start() and m.instrument == instrument_id for m in check.mentions):
            continue
        dates = [d for d in check.citations
                 if isinstance(d, c.DateCitation) and start + verb.start() <= d.span.start < end]
        return check.text.count("\n", 0, start) + 1, f"in {dates[0].span.text}" if dates else ""
    return None


# --- a pinpoint whose sub-provisions lexgap holds, with another provision's words ----------------------------


def _parent_pinpoint(t: Tools, check: Draft) -> None:
    """'Article 3 of the Optional Protocol ... real or simulated explicit sexual activities': lexgap holds art. 3
    only by its paragraphs, none of whose words are here, and the words are art. 2(c)'s (lexgap.drafts compares
    only a pinpoint it holds exactly)."""
    for citation, instrument in _attached(t, check):
        cited = [item for raw in citation.items for item in t.expand_range(raw)]
        exact = {p.pinpoint.replace(" ", "") for p in instrument.provisions}
        if all(item.replace(" ", "") in exact for item in cited):
            continue  # lexgap.drafts compares these
        related = [p for p in instrument.provisions if any(t.related(item, p) for item in cited)]
        if not related and citation.unit != "art":
            continue  # a paragraph lexgap does not hold may repeat another's words; a treaty's article seldom does
        if any(i.kind is t.kind.wrong_pinpoint and i.line == citation.span.line and i.column == citation.span.column
               for i in check.issues):
            continue  # already reported (an article beyond the last, a pinpoint lexgap.drafts compared)
        start, end = t.window(check, citation)
        tokens = t.tokens(check.text[start:end], start)
        if any(p.key_phrase and t.contains(tokens, t.words_of(p.key_phrase)) for p in related):
            continue
        right = next((p for p in instrument.provisions if p not in related and p.key_phrase
                      and len(t.words_of(p.key_phrase)) >= 4 and t.contains(tokens, t.words_of(p.key_phrase))),
                     None)
        if right is None:
            continue
        sentence = check.sentence(citation.span.start)
        if any(other is not citation and isinstance(other, c.PinpointCitation)
               and sentence[0] <= other.span.start < sentence[1]
               and any(t.related(item, right) for raw in other.items for item in t.expand_range(raw))
               for other in check.citations):
            continue  # the sentence cites the provision the words are from as well
        span = citation.span
        check.add(span, t.kind.wrong_pinpoint, Level.warning, span.text, right.pinpoint,
                  f"{t.name(instrument)}: the words cited here ({right.key_phrase!r}) are in {right.pinpoint}, "
                  f"not {', '.join(citation.items)}", right.source, instrument.id)
