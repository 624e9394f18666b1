"""lexgap is not written for Romania: a two-tier law elsewhere is judged as a whole."""

from __future__ import annotations

import json

from helpers import REPO, lexgap


def test_ireland_two_tier_offences_are_not_an_intent_to_harm_gap() -> None:
    run = lexgap("assess", str(REPO / "tests" / "fixtures" / "ireland-2022.yaml"), "-f", "json",
                 "--rule", "intent-to-harm-requirement", "--rule", "limited-to-domestic-relationships")
    assert run.code == 0, run.output
    findings = {(f["rule"], f["provisions"][0]): f for f in json.loads(run.stdout)["findings"]}
    # s. 2 requires intent to harm OR recklessness: judged by its least demanding alternative
    assert findings[("intent-to-harm-requirement", "ie/act/2020/32~sec_2")]["status"] == "met"
    assert findings[("intent-to-harm-requirement", "ie/act/2020/32~sec_3")]["status"] == "met"
    assert findings[("limited-to-domestic-relationships", "ie/act/2020/32~sec_2")]["status"] == "met"


def test_threats_to_release_images_are_covered_by_section_2() -> None:
    run = lexgap("assess", str(REPO / "tests" / "fixtures" / "ireland-2022.yaml"), "-f", "markdown",
                 "--rule", "threat-to-disseminate-not-covered")
    assert run.code == 0
    assert "Covered in force by Distributing or publishing intimate images with intent to cause harm" in run.stdout
