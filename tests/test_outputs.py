"""The JSON output of `lexgap assess` is described by a published JSON Schema, checked against real output."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from helpers import REPO, lexgap
from lexgap.outputs import AssessmentOut, AssessmentOut2, output_schema


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


# --- version 2: sources referenced, not repeated (issue 19) ------------------------------------------


def _version_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 rebuilt from version 2 alone (with the words its schema documents): nothing may be lost."""
    standards, rules = document["standards"], document["rules"]

    def explanation(finding: dict[str, Any]) -> str:
        parts = [finding["reason"]]
        if finding["basis"]:
            said = []
            for ref in finding["basis"]:
                standard = standards[ref]
                reading = standard["reading"]
                said.append(f"{standard['instrument']} {standard['pinpoint']}: {standard['paraphrase'].rstrip('.')}"
                            + (f" (lexgap's reading: {reading.rstrip('.')})" if reading else ""))
            parts.append(f"Standards: {' | '.join(said)}.")
        caveat = rules[finding["rule"]]["caveat"]
        if caveat:
            parts.append(f"Caveat: {caveat}")
        return " ".join(parts)

    return {
        "lexgap": document["lexgap"],
        "subject": document["subject"],
        "findings": [{"rule": f["rule"], "label": rules[f["rule"]]["label"], "status": f["status"],
                      "severity": rules[f["rule"]]["severity"], "provisions": f["provisions"],
                      "basis": [{"instrument": standards[ref]["instrument"], "pinpoint": standards[ref]["pinpoint"],
                                 "ref": ref} for ref in f["basis"]],
                      "explanation": explanation(f)} for f in document["findings"]],
        "summary": document["summary"],
    }


@pytest.mark.parametrize("name", ["romania-2020.yaml", "telegram-2021.yaml", "united-states-2026.yaml"])
def test_version_2_is_valid_and_gives_back_version_1_whole(name: str) -> None:
    old = lexgap("assess", name, "-f", "json")
    new = lexgap("assess", name, "-f", "json2")
    assert new.code == old.code, new.stderr
    document = json.loads(new.stdout)
    jsonschema.Draft202012Validator(output_schema("assessment-2")).validate(document)
    assert AssessmentOut2.model_validate(document).model_dump(mode="json") == document
    assert _version_1(document) == json.loads(old.stdout)
    # each source written once: a paraphrase appears as often as the standards that have it, not per finding
    paraphrases = [standard["paraphrase"] for standard in document["standards"].values()]
    for paraphrase in paraphrases:
        assert new.stdout.count(json.dumps(paraphrase, ensure_ascii=False)) == paraphrases.count(paraphrase)


def test_version_2_in_a_batch_is_one_line_per_subject_each_giving_back_version_1() -> None:
    folder = str(REPO / "legislation")
    old = lexgap("assess", folder, "-f", "json").stdout.splitlines()
    new = lexgap("assess", folder, "-f", "json2").stdout.splitlines()
    assert len(new) == len(old) >= 3
    validator = jsonschema.Draft202012Validator(output_schema("assessment-2"))
    for line, before in zip(new, old, strict=True):
        document = json.loads(line)
        validator.validate(document)
        assert _version_1(document) == json.loads(before)
