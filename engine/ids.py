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

It also owns the identities lexgap writes for itself and reads back: a fact id per
(provision, conduct) and an engine rule name per (rule, variant)::

>>> fact_id("ro/act/2003/217~art_4", "online_harass")
'ro/act/2003/217~art_4#online_harass'
>>> split_fact_id("ro/act/2003/217~art_4#online_harass")
('ro/act/2003/217~art_4', 'online_harass')
>>> engine_rule_name("intent-to-harm-requirement", "gap")
'intent-to-harm-requirement|gap'
>>> split_engine_rule_name("intent-to-harm-requirement|gap")
('intent-to-harm-requirement', 'gap')
>>> basis_ref("opsc", "art_2__lit_c")
'opsc~art_2__lit_c'
>>> split_basis_ref("opsc~art_2__lit_c")
('opsc', 'art_2__lit_c')
>>> is_portion_of("ro/act/2003/217~art_4", "ro/act/2003/217")
True

A finding is keyed by its rule and provision (the rule alone for the law as a whole)::

>>> finding_key("intent-to-harm-requirement", "ro/bill/2019/606~art_1")
'intent-to-harm-requirement@ro/bill/2019/606~art_1'
>>> finding_key("platform-duty", "")
'platform-duty'
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

#: Separates a work (law, instrument) from a portion in it: ro/act/2003/217~art_4, opsc~art_2__lit_c.
PORTION_SEPARATOR = "~"
#: Separates a provision id from a conduct word in a fact id.
FACT_SEPARATOR = "#"
#: Separates a rule id from the variant (the way it ends) in an engine rule name.
VARIANT_SEPARATOR = "|"
#: Separates a rule id from a provision id in a finding key.
FINDING_SEPARATOR = "@"
#: The id of the one jurisdiction fact of a subject (no provision id starts with ~).
ANCHOR_ID = "~jurisdiction"

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


def basis_ref(instrument: str, portion: str) -> str:
    """The reference to a standard provision: instrument~portion."""
    return f"{instrument}{PORTION_SEPARATOR}{portion}"


def split_basis_ref(ref: str) -> tuple[str, str]:
    """(instrument, portion) of a reference, without validating it (an unknown ref then finds nothing)."""
    instrument, _, portion = ref.partition(PORTION_SEPARATOR)
    return instrument, portion


def is_portion_of(provision_id: str, work_id: str) -> bool:
    """Whether a provision id names a portion of the given law."""
    return provision_id.startswith(work_id + PORTION_SEPARATOR)


def fact_id(provision_id: str, conduct: str) -> str:
    """The id of the coverage fact of one provision for one conduct."""
    return f"{provision_id}{FACT_SEPARATOR}{conduct}"


def split_fact_id(fact: str) -> tuple[str, str]:
    """(provision id, conduct) of a coverage fact id; the conduct is empty for other facts."""
    provision, _, conduct = fact.partition(FACT_SEPARATOR)
    return provision, conduct


def engine_rule_name(rule_id: str, variant: str) -> str:
    """The name of one engine rule: a lexgap rule and one way it can end."""
    return f"{rule_id}{VARIANT_SEPARATOR}{variant}"


def split_engine_rule_name(name: str) -> tuple[str, str]:
    """(rule id, variant) of an engine rule name."""
    rule_id, _, variant = name.partition(VARIANT_SEPARATOR)
    return rule_id, variant


def finding_key(rule_id: str, provision_id: str) -> str:
    """The key that matches a finding across versions: rule@provision, or the rule alone (no provision)."""
    return f"{rule_id}{FINDING_SEPARATOR}{provision_id}" if provision_id else rule_id
