"""The JSON output of `lexgap assess` is described by a published JSON Schema, checked against real output."""

from __future__ import annotations

import json

import jsonschema
import pytest

from helpers import REPO, lexgap
from lexgap.outputs import AssessmentOut, output_schema


@pytest.mark.parametrize("name", ["romania-2020.yaml", "telegram-2021.yaml"])
def test_real_assess_json_is_valid_under_the_published_schema(name: str) -> None:
    run = lexgap("assess", name, "-f", "json")
    assert run.code in (0, 1), run.stderr
    output = json.loads(run.stdout)
    jsonschema.Draft202012Validator(output_schema("assessment")).validate(output)
    assert AssessmentOut.model_validate(output).model_dump(mode="json") == output


def test_every_line_of_a_batch_is_valid_under_the_schema() -> None:
    run = lexgap("assess", str(REPO / "legislation"), "-f", "json")
    lines = run.stdout.splitlines()
    assert len(lines) >= 3
    validator = jsonschema.Draft202012Validator(output_schema("assessment"))
    for line in lines:
        validator.validate(json.loads(line))


def test_the_schema_refuses_output_that_drifted() -> None:
    output = json.loads(lexgap("assess", "telegram-2021.yaml", "-f", "json").stdout)
    output["findings"][0]["verdict"] = "gap"
    output["findings"][1]["status"] = "unknown"
    errors = sorted(e.message for e in jsonschema.Draft202012Validator(output_schema("assessment")).iter_errors(output))
    assert len(errors) == 2
    assert any("'verdict' was unexpected" in e for e in errors)
