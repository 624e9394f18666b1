"""Checking the resolutions a draft cites for each mandate against the register, for the draft's date.

A communication opens "in our capacities as <mandate>; <mandate>; ... pursuant to Human Rights
Council resolutions <a>, <b> ... and <d>": one resolution per mandate, in the same order. The
resolution cited for a mandate must be the one in force on the letter's date: the last that
created or renewed it on or before that date (`lexgap.mandates`). This module finds the date of
the draft (the first full date in its head), the mandates named in the opening (by their titles in
the register, whatever the date) and the resolutions, and reports each resolution the register
contradicts. Where the register's fact is not verified, or it cannot tell, nothing is claimed
beyond what it holds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lexgap.citations import MONTHS_ES, MONTHS_FR
from lexgap.mandates import Mandate, Register

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
#: English, French and Spanish months ('25 January 2021', '25 janvier 2021', '25 de enero de 2021').
_MONTHS = {name: index + 1 for table in (MONTHS, MONTHS_FR, MONTHS_ES) for index, name in enumerate(table)}
_DATE = re.compile(r"\b(\d{1,2})(?:er)? (?:de )?(" + "|".join(_MONTHS) + r") (?:de )?((?:19|20)\d{2})\b", re.IGNORECASE)
_RESOLUTIONS = r"(?P<resolutions>\d+/\d+(?:\s*(?:,|and|et|y|,\s*and)\s*\d+/\d+)*)"
#: The opening of a communication in English, French and Spanish: the mandates, then the resolutions.
_OPENINGS = (
    re.compile(r"in\s+our\s+capacit(?:y|ies)\s+as\s+(?P<mandates>.+?),?\s+pursuant\s+to\s+(?:Human\s+Rights\s+"
               rf"Council\s+)?resolutions?\s+{_RESOLUTIONS}", re.IGNORECASE | re.DOTALL),
    re.compile(r"en\s+notre\s+qualité\s+de\s+(?P<mandates>.+?),?\s+conformément\s+aux?\s+résolutions?\s+"
               rf"{_RESOLUTIONS}", re.IGNORECASE | re.DOTALL),
    re.compile(r"en\s+nuestra\s+calidad\s+de\s+(?P<mandates>.+?),?\s+de\s+conformidad\s+con\s+las?\s+"
               rf"resoluci(?:ón|ones)\s+{_RESOLUTIONS}", re.IGNORECASE | re.DOTALL),
)
_NUMBER = re.compile(r"\d+/\d+")


def opening_of(text: str) -> re.Match[str] | None:
    """The opening formula of a communication in any of its languages, with its mandates and resolutions."""
    return next((m for m in (pattern.search(text) for pattern in _OPENINGS) if m is not None), None)


@dataclass(frozen=True)
class ResolutionIssue:
    start: int
    end: int
    found: str
    expected: str | None
    mandate: str
    verified: bool
    message: str


def draft_date(text: str) -> tuple[dt.date | None, int]:
    """The letter's date: the first full date of its first 40 lines (and where it is)."""
    head = "\n".join(text.splitlines()[:40])
    match = _DATE.search(head)
    if match is None:
        return None, -1
    day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return dt.date(year, month, day), match.start()
    except ValueError:
        return None, -1


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def mandates_named(text: str, register: Register) -> list[tuple[int, Mandate]]:
    """The mandates a passage names by any of their titles, in the order they appear."""
    passage = _normal(text)
    found: list[tuple[int, Mandate]] = []
    for mandate in register.mandates.values():
        best = -1
        titles = {t.title for t in mandate.titles} | {getattr(w, "title", None) or t.title for t in mandate.titles
                                                     for w in (t.fr, t.es) if w is not None}
        for title in sorted(titles, key=len, reverse=True):
            bare = _normal(re.sub(r"^(?:Working Group|Special Rapporteur|Independent Expert|Groupe de travail|"
                                  r"Rapporteu(?:r|se) spéciale?|Experte? indépendante?|Grupo de Trabajo|"
                                  r"Relatora? Especial|Experta? Independiente)\s+", "", title, flags=re.IGNORECASE))
            where = passage.find(bare)
            if where >= 0:
                best = where
                break
        if best >= 0:
            found.append((best, mandate))
    return sorted(found, key=lambda pair: pair[0])


def check_resolutions(text: str, register: Register) -> list[ResolutionIssue]:
    """Each resolution cited for a mandate that is not the one in force on the draft's date."""
    opening = opening_of(text)
    if opening is None:
        return []
    date, _ = draft_date(text)
    if date is None:
        return []
    mandates = mandates_named(opening.group("mandates"), register)
    numbers = list(_NUMBER.finditer(opening.group("resolutions")))
    if not mandates or len(mandates) != len(numbers):
        return []  # cannot pair resolutions with mandates: claim nothing
    issues = []
    base = opening.start("resolutions")
    for (_, mandate), number in zip(mandates, numbers, strict=True):
        in_force = mandate.resolution_on(date)
        if in_force is None or in_force.number == number.group(0):
            continue
        cited = next((r for r in mandate.resolutions if r.number == number.group(0)), None)
        title = mandate.title_on(date) or mandate.titles[-1].title
        if cited is not None and cited.adopted is not None:
            why = (f"{cited.number} ({cited.adopted}) was superseded by {in_force.number} ({in_force.adopted}) "
                   f"before {date.isoformat()}" if str(cited.adopted) < str(in_force.adopted)
                   else f"{cited.number} was adopted after the letter's date")
        else:
            why = f"{number.group(0)} is not a resolution of this mandate in the register"
        issues.append(ResolutionIssue(
            base + number.start(), base + number.end(), number.group(0), in_force.number, mandate.id,
            all(s.verified for s in in_force.sources),
            f"{title}: the resolution in force on {date.isoformat()} is {in_force.number}; {why}"))
    return issues
