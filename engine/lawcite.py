"""Domestic law cited as lawyers cite it: "article 4(1)(h) of Law No. 217/2003", "section 33 of the
Criminal Justice and Courts Act 2015", "article 226 of the Criminal Code".

A citation is built from the provision id (Akoma Ntoso-like portions, see `lexgap.ids`) and the
citation data of its law: the name the law is cited by (`citation`, e.g. "Law No. 217/2003"; the
law's short title or title when absent) and the local names of its units (`units`, e.g.
{"art": "article"} or {"sec": "section"}). A provision's title is never used as a noun phrase:
titles describe, citations identify.

>>> provision_citation("ro/act/2003/217~art_4__para_1__lit_h", "Law No. 217/2003")
'article 4(1)(h) of Law No. 217/2003'
>>> provision_citation("ro/code/2009/286~art_226__para_2-1", "the Criminal Code")
'article 226(2^1) of the Criminal Code'
>>> provision_citation("gb/act/2015/2~sec_33", "the Criminal Justice and Courts Act 2015")
'section 33 of the Criminal Justice and Courts Act 2015'
>>> provision_citation("us/code/1948/usc-18~sec_2261a", "title 18 of the United States Code")
'section 2261A of title 18 of the United States Code'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lexgap import ids

#: The English name of the first unit of a portion, when the law's data gives none.
DEFAULT_UNITS: dict[str, str] = {
    "art": "article",
    "sec": "section",
    "reg": "regulation",
    "rule": "rule",
    "chp": "chapter",
    "part": "part",
    "para": "paragraph",
    "sched": "schedule",
}

#: Law statuses and types for which no unit of the text can be cited: a draft known only from
#: reports, or a government's requested changes, are cited by their own name only (a made-up
#: article number would be an invented pinpoint).
WHOLE_ONLY_STATUSES = frozenset({"reported_draft"})
WHOLE_ONLY_TYPES = frozenset({"government_position"})


def portion_citation(portion: str, units: Mapping[str, str] | None = None) -> str:
    """'art_4__para_1__lit_h' -> 'article 4(1)(h)'; 'sec_33__subsec_2' -> 'section 33(2)'.

    The first unit is named (in the law's own words when `units` gives them); the units below it
    follow in brackets. A number written '2-1' is the Romanian superscript numbering (2^1)."""
    names = {**DEFAULT_UNITS, **(units or {})}
    parts = [part.split("_", 1) for part in portion.split("__")]
    first_unit, first_number = parts[0]
    if first_unit == "sec" and re.fullmatch(r"\d+[a-z]+", first_number):
        first_number = first_number.upper()  # an inserted section: 'section 2261A', 'section 67A' (ids are lower case)
    head = f"{names.get(first_unit, first_unit)} {_number(first_number)}"
    return head + "".join(f"({_number(number)})" for _, number in parts[1:])


def _number(text: str) -> str:
    return text.replace("-", "^", 1) if "-" in text else text


def provision_citation(provision_id: str, law_citation: str, units: Mapping[str, str] | None = None,
                       whole_only: bool = False) -> str:
    """How a letter cites one provision: its unit of the law, 'of', the law's citation.

    `whole_only` (a reported draft, a government's position) gives the law's citation alone."""
    portion = ids.parse_provision_id(provision_id).portion
    if whole_only or portion is None:
        return law_citation
    return f"{portion_citation(portion, units)} of {law_citation}"


def provisions_citation(provision_ids: list[str], law_citation: str, units: Mapping[str, str] | None = None,
                        whole_only: bool = False, conjunction: str = "and") -> str:
    """Several provisions of one law, the law named once: 'articles 210 and 211 of the Criminal Code'."""
    portions = [ids.parse_provision_id(p).portion for p in provision_ids]
    cited = list(dict.fromkeys(portion_citation(p, units) for p in portions if p is not None))
    if whole_only or not cited:
        return law_citation
    if len(cited) == 1:
        return f"{cited[0]} of {law_citation}"
    words = [c.split(" ", 1) for c in cited]
    if all(w[0] == words[0][0] and len(w) == 2 for w in words):
        plural = words[0][0] + "s"
        items = [w[1] for w in words]
        return f"{plural} {', '.join(items[:-1])} {conjunction} {items[-1]} of {law_citation}"
    return f"{', '.join(cited[:-1])} {conjunction} {cited[-1]} of {law_citation}"
