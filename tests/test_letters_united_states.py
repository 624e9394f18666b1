"""The bundled letters to the United States of America and to Facebook, Inc. (25 January 2021), read back:
the frame of AL ROU 2/2020, no invented reference, treaty status respected (issue 20), the legal system
named (issue 17), and check-draft's verdict on what lexgap writes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, lexgap

US_2021 = "united-states-2021.yaml"
META = "meta-2021.yaml"
US_PLAN = "al-usa-2021"
FB_PLAN = "al-oth-facebook-2021"
NOT_BINDING_ON_US = ("crc", "cedaw", "lanzarote", "coe-trafficking", "eu-directive-2011-36", "cedaw-gr-19",
                     "cedaw-gr-35", "cedaw-gr-38", "crc-gc-5", "crc-gc-13", "crc-gc-16", "crc-gc-25", "greta-2016-20")


def letter(*args: str) -> str:
    run = lexgap("letter", *args)
    assert run.code == 0, run.output
    return run.stdout


@pytest.fixture(scope="module")
def us_letter() -> str:
    return letter(US_2021, "--plan", US_PLAN)


@pytest.fixture(scope="module")
def fb_letter() -> str:
    return letter(META, "--plan", FB_PLAN)


def annex_of(text: str) -> str:
    return text.split("## Annex", 1)[1]


def test_the_us_letter_is_addressed_to_the_government_in_the_frame_of_the_romania_letter(us_letter: str) -> None:
    rou = letter("romania-2020.yaml", "--plan", "al-rou-2-2020")
    # the same date, mandates, resolutions and signatories as AL ROU 2/2020
    for same in ("25 January 2021", "pursuant to Human Rights Council resolutions 41/6, 43/22, 44/4 and 41/17",
                 "Elizabeth Broderick", "Mama Fatima Singhateh", "Siobhán Mullally", "Dubravka Šimonović"):
        assert same in us_letter and same in rou, same
    assert "\nExcellency,\n" in us_letter
    assert "the Government of the United States of America wishes to make" in us_letter
    # no reference was found in a primary source: none is invented, the letter leaves it to be assigned
    assert re.search(r"REFERENCE:\s*\n\\\[REFERENCE\\\]", us_letter)
    assert not re.search(r"AL USA \d", us_letter)
    assert "sent to the Governments of Romania and the United Kingdom" in us_letter


def test_the_us_annex_says_ratified_only_for_the_iccpr_the_opsc_and_the_palermo_protocol(us_letter: str) -> None:
    ratified = [line for line in annex_of(us_letter).splitlines() if "ratified" in line]
    assert ratified == [
        "We refer to the International Covenant on Civil and Political Rights, ratified by the United States of "
        "America on 8 June 1992.",
        "We refer to the Optional Protocol to the Convention on the Rights of the Child on the sale of children, "
        "child prostitution and child pornography, ratified by the United States of America on 23 December 2002.",
        "We refer to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
        "Children, supplementing the United Nations Convention against Transnational Organized Crime, ratified by "
        "the United States of America on 3 November 2005."]
    # the CRC, CEDAW and the Council of Europe conventions are not cited at all, as binding or otherwise
    for title in ("refer to the Convention on the Rights of the Child", "Discrimination against Women.",
                  "Council of Europe", "Lanzarote", "CETS", "Article 34 of the CRC", "Article 1 of CEDAW"):
        assert title not in annex_of(us_letter), title
    # the ICCPR's protection of every child stands where the CRC's article 34 would
    assert "Article 24(1) of the ICCPR" in us_letter


def test_the_us_letter_says_its_concerns_are_under_federal_law(us_letter: str) -> None:
    absence = next(p for p in us_letter.split("\n\n") if "sharing of intimate images does not appear" in p)
    assert absence.startswith("We are concerned that, under federal law, the non-consensual sharing")
    # an absence under federal law never reads as an absence in US law as a whole
    assert absence.endswith("This concern relates to federal law only; we would welcome information on whether "
                            "it is provided for under the law of the States, the District of Columbia and the "
                            "territories.")
    # the concerns rest on standards that apply to the United States: no CEDAW general recommendation
    assert "CEDAW General Recommendation" not in us_letter
    assert "DEVAW art. 4(d) and A/HRC/38/47 section III.C" in us_letter
    # the plan's own question to the home State of the company, on the federal duty to remove
    assert "beyond reporting it to the National Center for Missing and Exploited Children" in us_letter


def test_the_plan_letter_cites_a_federal_provision_under_federal_law(tmp_path: Path) -> None:
    plan = (REPO / "legislation" / "letters" / f"{US_PLAN}.yaml").read_text(encoding="utf-8")
    kept = plan.replace("  - finding: intent-to-harm-requirement@us/code/1948/usc-18~sec_2261a\n    choice: drop\n",
                        "  - finding: intent-to-harm-requirement@us/code/1948/usc-18~sec_2261a\n    choice: include\n")
    assert kept != plan
    path = tmp_path / "plan.yaml"
    path.write_text(kept, encoding="utf-8")
    assert ("We are concerned that, under federal law, section 2261A of title 18 of the United States Code makes "
            "liability") in letter(US_2021, "--plan", str(path))


def test_the_facebook_letter_is_addressed_to_the_company_by_its_name_on_the_date(fb_letter: str) -> None:
    assert "\nDear Madam or Sir,\n" in fb_letter
    assert "Please share any observations Facebook, Inc. wishes to make" in fb_letter
    assert "Meta" not in fb_letter  # the company took that name on 28 October 2021
    assert re.search(r"REFERENCE:\s*\n\\\[REFERENCE\\\]", fb_letter) and "AL OTH" not in fb_letter
    assert "pursuant to Human Rights Council resolutions 41/6, 43/22, 44/4 and 41/17" in fb_letter
    assert "does not appear to have a human-rights policy commitment" in fb_letter  # launched 16 March 2021
    assert "Governments of Romania, the United States and the United Kingdom" in fb_letter
    assert annex_of(fb_letter).split("\n\n")[3].startswith("We refer to ")  # the annex opens without "also"


@pytest.mark.parametrize(("subject", "plan"), [(US_2021, US_PLAN), (META, FB_PLAN)])
@pytest.mark.parametrize("form", ["markdown", "docx"])
def test_the_bundled_letters_pass_check_draft_with_nothing_to_say(subject: str, plan: str, form: str,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / ("letter.md" if form == "markdown" else "letter.docx")
    run = lexgap("letter", subject, "--plan", plan, "-f", form, "-o", str(out))
    assert run.code == 0, run.output
    check = lexgap("check-draft", str(out), "--subject", US_2021, "-f", "json", "--fail-on", "info")
    assert check.code == 0, check.output
    assert json.loads(check.stdout)["summary"] == {"error": 0, "warning": 0, "info": 0}


# --- the treaty status in the engine ------------------------------------------------------------


def assess(path: str) -> list[dict[str, Any]]:
    run = lexgap("assess", path, "-f", "json")
    assert run.code in (0, 1), run.output
    findings: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    return findings


def test_a_finding_on_the_united_states_rests_on_standards_that_apply_to_it_or_says_they_do_not() -> None:
    findings = assess(US_2021)
    for finding in findings:
        instruments = {b["ref"].split("~")[0] for b in finding["basis"]}
        if instruments & set(NOT_BINDING_ON_US):
            # only where nothing else remains, and then with the caveat
            assert instruments <= set(NOT_BINDING_ON_US), (finding["rule"], instruments)
            assert "was not a party to" in finding["explanation"], finding["rule"]
            assert "do not bind it; the finding measures its law against them as guidance only" \
                in finding["explanation"]
    by_rule = {(f["rule"], tuple(f["provisions"])): f for f in findings}
    ncii = by_rule[("ncii-not-criminalised", ())]
    assert [b["ref"] for b in ncii["basis"]] == ["devaw~art_4__lit_d", "a-hrc-38-47~sect_iii__subsect_c"]
    trafficking = by_rule[("legal-person-liability-missing-trafficking", ("us/code/1948/usc-18~sec_1591",))]
    assert [b["ref"] for b in trafficking["basis"]] == ["coe-trafficking~art_22"]
    assert ("Caveat: on 25 January 2021, United States was not a party to the Council of Europe Convention on "
            "Action against Trafficking in Human Beings") in trafficking["explanation"]


def test_a_ratification_after_the_files_date_does_not_bind_on_that_date(tmp_path: Path) -> None:
    text = (REPO / "legislation" / US_2021).read_text(encoding="utf-8")
    later = text.replace("    date: 2002-12-23\n", "    date: 2021-06-01\n")
    assert later != text
    path = tmp_path / US_2021
    path.write_text(later, encoding="utf-8")
    assistance = next(f for f in assess(str(path)) if f["rule"] == "victim-assistance-missing")
    assert [b["ref"] for b in assistance["basis"]] == ["opsc~art_9__para_3", "coe-trafficking~art_12"]
    assert ("was not a party to the Optional Protocol to the Convention on the Rights of the Child on the sale of "
            "children, child prostitution and child pornography and the Council of Europe Convention")\
        in assistance["explanation"]


def test_a_file_that_records_no_ratification_leaves_every_basis_and_says_nothing() -> None:
    findings = assess(str(REPO / "tests" / "fixtures" / "testland-2024.yaml"))
    assert any(b["ref"].startswith("lanzarote~") for f in findings for b in f["basis"])
    assert not any("was not a party to" in f["explanation"] for f in findings)


def test_a_plan_that_raises_a_finding_resting_only_on_a_treaty_the_state_is_not_party_to_says_so(
        tmp_path: Path) -> None:
    plan = (REPO / "legislation" / "letters" / f"{US_PLAN}.yaml").read_text(encoding="utf-8")
    plan = plan.replace("concerns:\n", "concerns:\n  - finding: legal-person-liability-missing-trafficking\n"
                                        "    choice: include\n    reason: to test\n", 1)
    plan = plan.replace("  - topic: state_response\n", "  - topic: discrimination\n    facts: [craiova-images]\n"
                                                        "  - topic: state_response\n")
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    text = letter(US_2021, "--plan", str(path))
    assert ("We also refer, as guidance, to the Council of Europe Convention on Action against Trafficking in Human "
            "Beings, although the United States of America is not a party to it.") in annex_of(text)
    assert "CETS No. 197 art. 22 (to which the United States of America is not a party)" in text
    # a clause naming a treaty the State is not party to says so, never "to which it is a party"
    assert ("article 1 of the Convention on the Elimination of All Forms of Discrimination against Women, to which "
            "the United States of America is not a party.") in text
    assert "is a party" not in text.replace("is not a party", "")
