"""End to end: Romania's law as AL ROU 2/2020 found it, assessed on durable-rules.

The golden file tests/golden/romania-2020.json was reviewed by reading it; regenerate it only
after reading the difference (LEXGAP_UPDATE_GOLDEN=1 pytest tests/test_romania.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import lexgap

GOLDEN = Path(__file__).parent / "golden" / "romania-2020.json"


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    run = lexgap("assess", "romania-2020.yaml", "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.stderr
    found: dict = json.loads(run.stdout)  # type: ignore[type-arg]
    return found


def _find(report: dict, rule: str, provision: str) -> dict:  # type: ignore[type-arg]
    found = [f for f in report["findings"] if f["rule"] == rule and provision in f["provisions"]]
    assert len(found) == 1, (rule, provision)
    first: dict = found[0]  # type: ignore[type-arg]
    return first


def test_the_letters_three_legal_gaps_are_found(report: dict) -> None:  # type: ignore[type-arg]
    cyber = _find(report, "limited-to-domestic-relationships", "ro/act/2003/217~art_4__para_1__lit_h")
    assert cyber["status"] == "gap"
    assert "family member" in cyber["explanation"] and "current or former partner" in cyber["explanation"]
    assert any(b["instrument"].startswith("CEDAW General Recommendation No. 35") for b in cyber["basis"])

    intent = _find(report, "intent-to-harm-requirement", "ro/position/2020/606~art_1")
    assert intent["status"] == "gap"
    assert "intent to harm the victim" in intent["explanation"]
    assert "disputed" in intent["explanation"]  # art. 226(2) might cover it, but courts disagreed in 2021

    public = _find(report, "public-interest-exception", "ro/position/2020/606~art_1")
    assert public["status"] == "gap"

    trafficking = _find(report, "trafficking-extra-intent-requirement", "ro/draft/2020/655~art_1")
    assert trafficking["status"] == "gap"
    assert {b["ref"] for b in trafficking["basis"]} >= {"palermo-protocol~art_3__lit_a", "coe-trafficking~art_4__lit_a"}


def test_the_tabled_bill_has_no_intent_to_harm_gap(report: dict) -> None:  # type: ignore[type-arg]
    assert _find(report, "intent-to-harm-requirement", "ro/bill/2019/606~art_1")["status"] == "met"


def test_the_criminal_codes_privacy_offence_balancing_test_is_not_reported_as_a_gap(report: dict) -> None:  # type: ignore[type-arg]
    assert _find(report, "public-interest-exception", "ro/code/2009/286~art_226__para_2")["status"] == "met"


def test_unknown_facts_are_not_assessable_never_met(report: dict) -> None:  # type: ignore[type-arg]
    platforms = [f for f in report["findings"] if f["rule"] == "no-platform-duty-report-remove"]
    assert [f["status"] for f in platforms] == ["not_assessable"]
    assert "does not declare its list of provisions complete" in platforms[0]["explanation"]


def test_findings_are_in_the_documented_order(report: dict) -> None:  # type: ignore[type-arg]
    order = {"gap": 0, "not_assessable": 1, "met": 2}
    severity = {"high": 0, "medium": 1, "low": 2}
    keys = [(order[f["status"]], severity[f["severity"]]) for f in report["findings"]]
    assert keys == sorted(keys)
    assert report["summary"] == {s: sum(1 for f in report["findings"] if f["status"] == s) for s in order}


def test_json_output_matches_the_reviewed_golden_file(report: dict) -> None:  # type: ignore[type-arg]
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("LEXGAP_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "markdown", "terminal"])
def test_output_is_byte_identical_across_hash_seeds_and_locales(fmt: str) -> None:
    runs = [lexgap("assess", "romania-2020.yaml", "-f", fmt, "--fail-on", "never",
                   env={"PYTHONHASHSEED": seed, "LC_ALL": locale, "COLUMNS": columns})
            for seed, locale, columns in [("1", "C", "120"), ("4242", "C.UTF-8", "120" if fmt == "terminal" else "60")]]
    assert runs[0].code == runs[1].code == 0
    assert runs[0].stdout == runs[1].stdout


def test_assess_works_from_any_directory(tmp_path: Path) -> None:
    run = lexgap("assess", "romania-2020.yaml", "-f", "json", cwd=tmp_path)
    assert run.code == 1
    assert json.loads(run.stdout)["subject"] == {"id": "romania-2020", "kind": "jurisdiction", "name": "Romania",
                                                 "as_of": "2021-01-25"}


def test_markdown_summary_names_what_each_open_finding_concerns() -> None:
    """A provision id, the law as a whole for an absence, the company's practice for a company."""
    romania = lexgap("assess", "romania-2020.yaml", "-f", "markdown").stdout
    assert "| ro/act/2003/217~art_4__para_1__lit_h |" in romania
    assert "| the law as a whole |" in romania and "| company practice |" not in romania
    telegram = lexgap("assess", "telegram-2021.yaml", "-f", "markdown").stdout
    assert "| company practice |" in telegram and "the law as a whole" not in telegram
