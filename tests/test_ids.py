from __future__ import annotations

import pytest

from lexgap.ids import parse_basis_ref, parse_provision_id


@pytest.mark.parametrize(("text", "work", "portion"), [
    ("ro/act/2003/217~art_4__para_1__lit_h", "ro/act/2003/217", "art_4__para_1__lit_h"),
    ("ro/code/2009/286~art_226__para_2-1", "ro/code/2009/286", "art_226__para_2-1"),
    ("ro/bill/2019/606~art_1", "ro/bill/2019/606", "art_1"),
    ("gb-eng/act/2015/2~sec_33", "gb-eng/act/2015/2", "sec_33"),
    ("ro/act/2001/678", "ro/act/2001/678", None),
])
def test_provision_ids_parse_into_work_and_portion(text: str, work: str, portion: str | None) -> None:
    parsed = parse_provision_id(text)
    assert (parsed.work, parsed.portion) == (work, portion)


@pytest.mark.parametrize("text", [
    "RO/act/2003/217~art_4", "ro/law/2003/217", "ro/act/03/217", "ro/act/2003/217~Art_4", "ro/act/2003/217~4",
    "ro/act/2003/217~art_4~para_1", "ro act 2003 217", "",
])
def test_bad_provision_ids_say_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="for example 'ro/act/2003/217~art_4__para_1'"):
        parse_provision_id(text)


def test_basis_refs_name_an_instrument_and_a_portion() -> None:
    ref = parse_basis_ref("crc-gc-25~para_81")
    assert (ref.instrument, ref.portion) == ("crc-gc-25", "para_81")
    with pytest.raises(ValueError, match="instrument~portion"):
        parse_basis_ref("crc-gc-25 para 81")


def test_a_subdivision_provision_belongs_to_its_country() -> None:
    from lexgap.models import Jurisdiction

    source = [{"document": "CJCA 2015", "consulted": "2026-01-01", "verified": "primary"}]
    data = {"format": "jurisdiction", "id": "england", "name": "England and Wales", "country": "gb",
            "as_of": "2022-07-06",
            "laws": [{"id": "gb-eng/act/2015/2", "title": "Criminal Justice and Courts Act 2015", "type": "act",
                      "status": "in_force", "sources": source}],
            "provisions": [{"id": "gb-eng/act/2015/2~sec_33", "law": "gb-eng/act/2015/2", "title": "Disclosing "
                            "private sexual photographs", "summary": "s", "conduct": ["ncii_disseminate"],
                            "sources": source}]}
    assert Jurisdiction.model_validate(data).provisions[0].id == "gb-eng/act/2015/2~sec_33"
    data["country"] = "ie"
    with pytest.raises(ValueError, match="does not start with the country code 'ie'"):
        Jurisdiction.model_validate(data)


def test_doctests() -> None:
    import doctest

    import lexgap.ids

    assert doctest.testmod(lexgap.ids).failed == 0


@pytest.mark.parametrize(("join", "split", "parts"), [
    ("fact_id", "split_fact_id", ("ro/act/2003/217~art_4", "online_harass")),
    ("engine_rule_name", "split_engine_rule_name", ("no-consent-defence", "disputed_cure")),
    ("basis_ref", "split_basis_ref", ("crc-gc-13", "para_24")),
])
def test_every_identity_splits_back_into_its_parts(join: str, split: str, parts: tuple[str, str]) -> None:
    import lexgap.ids

    assert getattr(lexgap.ids, split)(getattr(lexgap.ids, join)(*parts)) == parts


#: ids.py itself, and cache.py whose `kind|code` is a hash input, not an identity.
NOT_IDENTITIES = {"ids.py", "cache.py"}


def test_the_engine_uses_ids_for_its_identities() -> None:
    # callers build and split identity strings through ids.py, never with their own separators
    import re

    from helpers import REPO

    pattern = re.compile(r"""partition\(["'][~#|@]["']\)|f["'][^"']*\}[~#|@]\{""")
    offenders = [f"{p.name}:{n}" for p in sorted((REPO / "engine").rglob("*.py")) if p.name not in NOT_IDENTITIES
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []
