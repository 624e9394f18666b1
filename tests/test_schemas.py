"""The JSON Schemas editors use are generated from the models and never drift from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import REPO, lexgap
from lexgap.models import FORMATS

SCHEMAS = REPO / "engine" / "schemas"


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == FORMATS[kind].model_json_schema(), (
        f"engine/schemas/{kind}.schema.json is stale: run `lexgap schema {kind} > engine/schemas/{kind}.schema.json`")


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
