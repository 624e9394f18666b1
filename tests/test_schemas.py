"""The JSON Schemas editors use are generated from the models and never drift from them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, lexgap
from lexgap.jsonschemas import schema_of
from lexgap.loading import all_formats, read_yaml
from lexgap.models import FORMAT_NAMES

FORMATS = all_formats()

SCHEMAS = REPO / "engine" / "schemas"


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == schema_of(kind), (
        f"engine/schemas/{kind}.schema.json is stale: run `lexgap schema --write engine/schemas`")


def _walk(schema: object, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Every sub-schema with where it sits."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(schema, dict):
        found.append((where, schema))
        for key, value in schema.items():
            found += _walk(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found += _walk(value, f"{where}/{index}")
    return found


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_field_and_every_word_carries_its_meaning(kind: str) -> None:
    schemas = _walk(schema_of(kind), kind)
    undescribed = [f"{where}/{name}" for where, schema in schemas
                   for name, field in schema.get("properties", {}).items()
                   if not field.get("description")]
    assert not undescribed
    for where, schema in schemas:
        if "enum" in schema and isinstance(schema["enum"], list) and len(schema["enum"]) > 1:
            meanings = schema.get("markdownEnumDescriptions")
            assert isinstance(meanings, list) and len(meanings) == len(schema["enum"]), where
            assert all(isinstance(m, str) and m for m in meanings), where


def test_conduct_words_carry_their_meaning_and_ids_their_pattern() -> None:
    definitions = schema_of("jurisdiction")["$defs"]
    conduct = definitions["Conduct"]
    position = conduct["enum"].index("ncii_disseminate")
    assert conduct["markdownEnumDescriptions"][position] == "disseminating intimate images without consent"
    provision = definitions["Provision"]["properties"]
    assert re.fullmatch(provision["id"]["pattern"], "ro/act/2003/217~art_4__para_1__lit_h")
    assert not re.fullmatch(provision["id"]["pattern"], "ro/act/2003/217~Art 4")
    assert re.fullmatch(provision["law"]["pattern"], "ro/act/2003/217")
    assert not re.fullmatch(provision["law"]["pattern"], "ro/act/2003/217~art_4")


@pytest.mark.parametrize("path", sorted(p for folder in ["standards", "rules", "legislation", "tests/rules",
                                                         "tests/fixtures"] for p in (REPO / folder).rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_every_bundled_file_is_valid_under_its_schema(path: Path) -> None:
    """What an editor checks must agree with lexgap: no bundled file gets a red squiggle."""
    import jsonschema

    data = json.loads(json.dumps(read_yaml(path).data, default=str))  # dates as the text they were
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in jsonschema.Draft202012Validator(schema_of(data["format"])).iter_errors(data)]
    assert not errors


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_lexgap_schema_prints_valid_json_for_every_format(kind: str) -> None:
    run = lexgap("schema", kind)
    assert run.code == 0
    assert json.loads(run.stdout)["title"] == FORMATS[kind].__name__


def test_unknown_schema_kind_suggests_the_nearest() -> None:
    run = lexgap("schema", "jurisdicton")
    assert run.code == 2
    assert "did you mean 'jurisdiction'?" in run.stderr


def data_files() -> list[Path]:
    folders = ["standards", "rules", "legislation", "tests/rules", "tests/fixtures"]
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_data_file_points_editors_at_an_existing_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} must start with a yaml-language-server $schema line"
    assert (path.parent / match[1]).resolve().is_file(), match[1]


def test_the_format_names_of_help_texts_are_every_format() -> None:
    assert tuple(all_formats()) == FORMAT_NAMES
