"""Dates and country names in the language of a letter or report, from Babel (CLDR data), never by hand.

Deterministic: the same date gives the same words on every machine (the pattern is fixed here, not
taken from the machine's locale). French writes the first day of a month "1er", as the United
Nations' French documents do.

>>> long_date(dt.date(2021, 1, 25), "fr")
'25 janvier 2021'
>>> long_date(dt.date(2021, 1, 25), "es")
'25 de enero de 2021'
>>> long_date(dt.date(2021, 1, 1), "fr")
'1er janvier 2021'
>>> country_name("ro", "fr"), country_name("ro", "es"), country_name("gb", "en")
('Roumanie', 'Rumania', 'United Kingdom')
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

#: The long form of a date in each language: '25 January 2021', '25 janvier 2021', '25 de enero de 2021'.
PATTERNS = {"en": "d MMMM y", "fr": "d MMMM y", "es": "d 'de' MMMM 'de' y"}
#: Where the United Nations' own name (UNTERM, the M49 list) differs from Babel's (CLDR's): CLDR writes
#: "Rumanía", the United Nations' Spanish documents "Rumania".
UN_NAMES: dict[tuple[str, str], str] = {("RO", "es"): "Rumania"}


def long_date(date: dt.date, language: str) -> str:
    """A date in words in `language` (en, fr, es)."""
    text = format_date(date, PATTERNS[language], locale=language)
    if language == "fr" and date.day == 1:
        text = "1er" + text[1:]
    return text


def country_name(code: str, language: str) -> str | None:
    """A country's name in `language` from its ISO 3166 alpha-2 code ('ro'); None if Babel has none."""
    alpha2 = code.upper()
    if (alpha2, language) in UN_NAMES:
        return UN_NAMES[(alpha2, language)]
    name = Locale(language).territories.get(alpha2)
    return str(name) if name else None
