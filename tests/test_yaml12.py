"""lexgap reads plain values as YAML 1.2 does (and as editors do): `no` is a word, `010` a code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import lexgap
from lexgap.loading import load_file, read_yaml
from lexgap.models import Company, Jurisdiction
from lexgap.vocabulary import Answer

SOURCE = "{document: Annual report 2021, consulted: 2026-11-23, verified: unverified}"


@pytest.mark.parametrize(("written", "read"), [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("No", "No"), ("y", "y"), ("n", "n"),
    ("010", "010"), ("007", "007"), ("01.5", "01.5"), ("1_000", "1_000"), ("1:20", "1:20"),
    ("true", True), ("False", False), ("0", 0), ("12", 12), ("-3", -3), ("0x1f", 31), ("1.5", 1.5),
    ("1e3", 1000.0), ("~", None), ("null", None), ("", None), ("2021-01-25", dt.date(2021, 1, 25)),
    ("'no'", "no"), ('"010"', "010"),
])
def test_plain_values_are_read_as_yaml_1_2_reads_them(tmp_path: Path, written: str, read: object) -> None:
    path = tmp_path / "value.yaml"
    path.write_text(f"value: {written}\n", encoding="utf-8")
    loaded = read_yaml(path)
    assert not loaded.problems
    assert loaded.data == {"value": read}
    assert type(loaded.data["value"]) is type(read)


def test_answer_no_is_the_word_no(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("format: company\nid: acme-2021\nname: Acme\nas_of: 2021-01-25\npractices:\n"
                    f"  remediation:\n    answer: no\n    sources: [{SOURCE}]\n", encoding="utf-8")
    model, loaded = load_file(path)
    assert not loaded.problems, loaded.problems
    assert isinstance(model, Company)
    assert model.practices["remediation"].answer is Answer.no


def test_country_no_is_norway_and_id_010_is_text(tmp_path: Path) -> None:
    path = tmp_path / "norway.yaml"
    path.write_text(f"""format: jurisdiction
id: norway-2021
name: Norway
country: no
as_of: 2021-01-25
laws:
  - {{id: no/act/2005/28, title: Penal Code, type: code, status: in_force, sources: [{SOURCE}]}}
provisions:
  - id: no/act/2005/28~sect_267-a
    title: Sharing intimate images
    law: no/act/2005/28
    summary: Sharing intimate images without consent is an offence.
    conduct: [ncii_disseminate]
    sources: [{SOURCE}]
context:
  - {{id: 010, text: A case reported in the press., sources: [{SOURCE}]}}
""", encoding="utf-8")
    model, loaded = load_file(path)
    assert not loaded.problems, loaded.problems
    assert isinstance(model, Jurisdiction)
    assert model.country == "no"
    assert model.context[0].id == "010"
    run = lexgap("validate", str(path))
    assert run.code == 0, run.output


def test_a_number_or_true_where_text_is_wanted_says_to_use_quotes(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("format: company\nid: acme-2021\nname: true\nas_of: 2021-01-25\nservices: 42\n", encoding="utf-8")
    _, loaded = load_file(path)
    messages = sorted(str(p) for p in loaded.problems)
    assert messages == [
        f"{path}:3:7: name must be text, not true; put the value in quotes ('true') to keep it as text",
        f"{path}:5:11: services must be text, not 42; put the value in quotes ('42') to keep it as text",
    ]
