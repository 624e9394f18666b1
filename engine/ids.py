"""Identifiers of laws, provisions and standards, parsed and validated in one place.

A provision id follows Akoma Ntoso's work and portion naming (see laws-africa/cobalt
`uri.py`) so that a finding can be matched across two versions of a law::

    ro/act/2003/217~art_4__para_1__lit_h
    ro/code/2009/286~art_226__para_2-1

A standard provision is referred to as ``<instrument>~<portion>``::

    opsc~art_2__lit_c
    a-hrc-38-47~sect_III

>>> parse_provision_id("ro/act/2003/217~art_4__para_1").work
'ro/act/2003/217'
>>> parse_provision_id("ro/act/2003/217~art_4__para_1").portion
'art_4__para_1'
>>> parse_basis_ref("opsc~art_2__lit_c").instrument
'opsc'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PORTION = r"[a-z]+_[a-z0-9-]+(?:__[a-z]+_[a-z0-9-]+)*"

WORK_ID = re.compile(
    r"""
    (?P<country>[a-z]{2}(?:-[a-z0-9]+)?)   # ISO 3166 alpha-2, optional subdivision: ro, gb-eng
    /(?P<doctype>act|code|bill|draft|position|decree|order|ordinance|regulation|constitution)  # document kind
    /(?P<year>\d{4})                       # year of the act or bill
    /(?P<number>[a-z0-9][a-z0-9-]*)        # number, lower case: 217, 606, pl-x-606
    """,
    re.VERBOSE,
)

PROVISION_ID = re.compile(
    rf"""
    (?P<work>{WORK_ID.pattern})
    (?:~(?P<portion>{_PORTION}))?           # portion: art_4__para_1__lit_h; absent for a whole law
    """,
    re.VERBOSE,
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

BASIS_REF = re.compile(
    rf"""
    (?P<instrument>{SLUG.pattern})          # instrument slug: opsc, crc-gc-13, a-hrc-38-47
    ~(?P<portion>{_PORTION})                # portion in the instrument: art_3__para_1__lit_c
    """,
    re.VERBOSE,
)

PROVISION_ID_EXAMPLE = "ro/act/2003/217~art_4__para_1"
BASIS_REF_EXAMPLE = "opsc~art_3__para_1__lit_c"


@dataclass(frozen=True)
class ProvisionId:
    work: str
    country: str
    doctype: str
    year: int
    number: str
    portion: str | None


@dataclass(frozen=True)
class BasisRef:
    instrument: str
    portion: str


def parse_provision_id(text: str) -> ProvisionId:
    """Parse a provision or law id; raise ValueError saying what a valid one looks like."""
    match = PROVISION_ID.fullmatch(text)
    if not match:
        raise ValueError(
            f"{text!r} is not a provision id; write country/kind/year/number~portion, "
            f"for example {PROVISION_ID_EXAMPLE!r} (lower case, portions like art_4__para_1)"
        )
    return ProvisionId(
        work=match["work"],
        country=match["country"],
        doctype=match["doctype"],
        year=int(match["year"]),
        number=match["number"],
        portion=match["portion"],
    )


def parse_basis_ref(text: str) -> BasisRef:
    """Parse a reference to a standard provision; raise ValueError with an example."""
    match = BASIS_REF.fullmatch(text)
    if not match:
        raise ValueError(
            f"{text!r} is not a reference to a standard provision; write "
            f"instrument~portion, for example {BASIS_REF_EXAMPLE!r}"
        )
    return BasisRef(instrument=match["instrument"], portion=match["portion"])


def is_slug(text: str) -> bool:
    return SLUG.fullmatch(text) is not None
