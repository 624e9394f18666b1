"""Bills and later versions of Romania's law, in the OpenFisca "reform" style: what each one changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lexgap.assess import Assessor
from lexgap.compare import (
    Change,
    Comparison,
    apply_bill,
    check_bill,
    compare,
    run_compare,
)
from lexgap.knowledge import load_knowledge, load_subject
from lexgap.loading import load_file
from lexgap.models import Bill, Jurisdiction
from lexgap.paths import data_dir
from lexgap.render import json as compare_json
from lexgap.render import markdown as compare_markdown
from lexgap.vocabulary import Outcome

LEGISLATION = data_dir("legislation")
BILLS = LEGISLATION / "bills"
BILL_PROVISION = "ro/bill/2019/606~art_1"


@pytest.fixture(scope="module")
def assessor() -> Iterator[Assessor]:
    with Assessor(load_knowledge()) as built:
        yield built


@pytest.fixture(scope="module")
def romania_2020(assessor: Assessor) -> Jurisdiction:
    return _jurisdiction(assessor, "romania-2020.yaml")


def _jurisdiction(assessor: Assessor, name: str) -> Jurisdiction:
    subject, problems = load_subject(LEGISLATION / name, assessor.knowledge)
    assert isinstance(subject, Jurisdiction), problems
    return subject


def _bill(path: Path, base: Jurisdiction) -> Bill:
    model, loaded = load_file(path, "bill")
    assert isinstance(model, Bill), loaded.problems
    assert check_bill(model, loaded, base) == []
    return model


def _with_bill(assessor: Assessor, base: Jurisdiction, bill: Bill) -> Comparison:
    adopted = apply_bill(base, bill)
    return compare(assessor.assess(base), assessor.assess(adopted), base, adopted, other_kind="bill",
                   other_id=bill.id, other_title=bill.title)


def _by_change(comparison: Comparison) -> dict[Change, set[str]]:
    found: dict[Change, set[str]] = {change: set() for change in Change}
    for item in comparison.changes:
        found[item.change].add(item.key)
    return found


def _statuses(comparison: Comparison) -> dict[str, tuple[Outcome | None, Outcome | None]]:
    return {c.key: (c.before, c.after) for c in comparison.changes}


# --- Bill 606/2019 as tabled ----------------------------------------------------------------


def test_tabled_bill_introduces_no_gap(assessor: Assessor, romania_2020: Jurisdiction) -> None:
    comparison = _with_bill(assessor, romania_2020, _bill(BILLS / "ro-bill-606-2019-tabled.yaml", romania_2020))
    assert comparison.introduced == []
    assert _by_change(comparison)[Change.closed] == set()


def test_tabled_bill_settles_whether_ncii_is_an_offence(assessor: Assessor, romania_2020: Jurisdiction) -> None:
    comparison = _with_bill(assessor, romania_2020, _bill(BILLS / "ro-bill-606-2019-tabled.yaml", romania_2020))
    assert _by_change(comparison)[Change.status_changed] == {"ncii-not-criminalised"}
    assert _statuses(comparison)["ncii-not-criminalised"] == (Outcome.not_assessable, Outcome.met)
    # its exceptions are not known from the text as filed: still not assessable
    assert _statuses(comparison)[f"public-interest-exception@{BILL_PROVISION}"] == (
        Outcome.not_assessable, Outcome.not_assessable)
    [status] = comparison.provision_changes
    assert (status.provision, status.field, status.before, status.after) == (
        BILL_PROVISION, "status", "pending_bill", "in_force")
    assert status.sources


# --- Bill 606/2019 with the Government's changes --------------------------------------------


def test_government_version_introduces_intent_and_public_interest_gaps(
        assessor: Assessor, romania_2020: Jurisdiction) -> None:
    government = _with_bill(assessor, romania_2020,
                            _bill(BILLS / "ro-bill-606-2019-government.yaml", romania_2020))
    tabled = _with_bill(assessor, romania_2020, _bill(BILLS / "ro-bill-606-2019-tabled.yaml", romania_2020))
    introduced = {c.key for c in government.introduced}
    assert introduced == {f"intent-to-harm-requirement@{BILL_PROVISION}",
                          f"public-interest-exception@{BILL_PROVISION}",
                          f"material-harm-requirement@{BILL_PROVISION}"}
    tabled_after = {key: after for key, (_, after) in _statuses(tabled).items()}
    assert tabled_after[f"intent-to-harm-requirement@{BILL_PROVISION}"] is Outcome.met
    assert tabled_after[f"public-interest-exception@{BILL_PROVISION}"] is Outcome.not_assessable
    assert not introduced & {c.key for c in tabled.introduced}


def test_government_version_changes_cite_the_letter(assessor: Assessor, romania_2020: Jurisdiction) -> None:
    comparison = _with_bill(assessor, romania_2020,
                            _bill(BILLS / "ro-bill-606-2019-government.yaml", romania_2020))
    changed = {c.field: c for c in comparison.provision_changes if c.provision == BILL_PROVISION}
    assert changed["mental_element"].after == ["intent_general", "intent_to_harm"]
    assert changed["harm_requirement"].after == "harm_proven"
    assert changed["exceptions"].before is None and changed["exceptions"].after == ["public_interest"]
    for field in ("mental_element", "harm_requirement", "exceptions"):
        assert [s.document for s in changed[field].sources] == ["AL ROU 2/2020"]
        assert not any(s.verified for s in changed[field].sources)


def test_a_bill_that_changes_nothing_gives_an_empty_comparison(
        assessor: Assessor, romania_2020: Jurisdiction) -> None:
    source = {"document": "test", "consulted": "2026-11-23", "verified": "unverified"}
    bill = Bill.model_validate({
        "format": "bill", "id": "no-op", "title": "A bill that restates art. 374", "applies_to": "romania-2020",
        "law": {"id": "ro/bill/2021/1", "title": "Bill 1/2021", "type": "bill", "status": "pending_bill",
                "sources": [source]},
        "changes": [{"replace": "ro/code/2009/286~art_374", "set": {"prosecution": "ex_officio"},
                     "sources": [source]}],
    })
    comparison = _with_bill(assessor, romania_2020, bill)
    assert comparison.is_empty()
    assert comparison.differences == [] and comparison.provision_changes == []


def test_applying_a_bill_leaves_the_jurisdiction_untouched(romania_2020: Jurisdiction) -> None:
    before = romania_2020.model_dump()
    adopted = apply_bill(romania_2020, _bill(BILLS / "ro-bill-606-2019-government.yaml", romania_2020))
    assert romania_2020.model_dump() == before
    assert next(law for law in adopted.laws if law.id == "ro/bill/2019/606").status == "in_force"


# --- romania-2020 against romania-2024 ------------------------------------------------------


@pytest.fixture(scope="module")
def later(assessor: Assessor, romania_2020: Jurisdiction) -> Comparison:
    romania_2024 = _jurisdiction(assessor, "romania-2024.yaml")
    return compare(assessor.assess(romania_2020), assessor.assess(romania_2024), romania_2020, romania_2024)


def test_2024_closes_the_government_position_gaps(later: Comparison) -> None:
    position = "ro/position/2020/606~art_1"
    assert _by_change(later)[Change.closed] == {f"intent-to-harm-requirement@{position}",
                                                f"material-harm-requirement@{position}",
                                                f"public-interest-exception@{position}"}
    assert later.introduced == []


def test_2024_settles_ncii_and_the_new_offence_has_no_public_interest_exception(later: Comparison) -> None:
    statuses = _statuses(later)
    assert statuses["ncii-not-criminalised"] == (Outcome.not_assessable, Outcome.met)
    new = "ro/code/2009/286~art_226__para_2-1"
    # Law 171/2023's para. (4^1) is the only exception for para. (2^1): catching or proving an offence
    assert statuses[f"public-interest-exception@{new}"] == (None, Outcome.met)
    assert statuses[f"intent-to-harm-requirement@{new}"] == (None, Outcome.met)


def test_2024_gaps_that_remain(later: Comparison) -> None:
    remaining = {c.key for c in later.changes if c.change is Change.unchanged and c.after is Outcome.gap}
    cyber = "ro/act/2003/217~art_4__para_1__lit_h"
    assert remaining == {f"child-victims-not-covered@{cyber}", f"intent-to-harm-requirement@{cyber}",
                         f"limited-to-domestic-relationships@{cyber}",
                         "trafficking-extra-intent-requirement@ro/draft/2020/655~art_1"}


def test_2024_provisions_are_matched_by_id_and_every_change_is_sourced(later: Comparison) -> None:
    changed = {(c.provision, c.field): c for c in later.provision_changes}
    assert changed[("ro/code/2009/286~art_226__para_2", "conduct_disputed")].after == []
    assert changed[("ro/code/2009/286~art_226__para_2-1", "provision")].before is None
    assert changed[("ro/bill/2019/606~art_1", "status")].after == "repealed"
    assert changed[("ro/code/2009/286~art_210", "penalty")].after["max_months"] == 180  # 7-15 years aggravated
    assert all(c.sources for c in later.provision_changes)


# --- the verb -------------------------------------------------------------------------------


def test_output_is_identical_across_runs(assessor: Assessor) -> None:
    texts = []
    for _ in range(2):
        comparisons, problems = run_compare("romania-2020.yaml", ["romania-2024.yaml"],
                                            ["ro-bill-606-2019-tabled", "ro-bill-606-2019-government"],
                                            assessor=assessor)
        assert comparisons is not None, problems
        assert [c.other_id for c in comparisons] == ["romania-2024", "ro-bill-606-2019-tabled",
                                                     "ro-bill-606-2019-government"]
        texts.append(compare_json.render_comparisons(comparisons) + compare_markdown.render_comparisons(comparisons))
    assert texts[0] == texts[1]


BAD_BILL = """\
format: bill
id: bad-bill
title: A bill with mistakes
applies_to: romania-2020
law:
  id: ro/bill/2021/2
  title: Bill 2/2021
  type: bill
  status: pending_bill
  sources:
    - {document: test, consulted: 2026-11-23, verified: unverified}
changes:
  - replace: ro/code/2009/286~art_226__para_3
    set: {prosecution: ex_officio}
    sources:
      - {document: test, consulted: 2026-11-23, verified: unverified}
  - replace: ro/code/2009/286~art_374
    set:
      mental_element: [intent_to_hurt]
    sources:
      - {document: test, consulted: 2026-11-23, verified: unverified}
"""


def test_a_bill_naming_an_unknown_provision_gives_located_problems(
        assessor: Assessor, romania_2020: Jurisdiction, tmp_path: Path) -> None:
    path = tmp_path / "bad-bill.yaml"
    path.write_text(BAD_BILL, encoding="utf-8")
    model, loaded = load_file(path, "bill")
    assert isinstance(model, Bill), loaded.problems
    unknown, bad_value = check_bill(model, loaded, romania_2020)
    assert (unknown.line, unknown.column) == (13, 14)  # the provision named, not the `replace:` key
    assert "no provision 'ro/code/2009/286~art_226__para_3' in romania-2020" in unknown.message
    assert "did you mean 'ro/code/2009/286~art_226__para_2'?" in unknown.message
    assert (bad_value.line, bad_value.column) == (19, 24)
    assert "'intent_to_hurt' is not a word of mental_element; did you mean 'intent_to_harm'?" in bad_value.message
    comparisons, problems = run_compare("romania-2020.yaml", [], [str(path)], assessor=assessor)
    assert comparisons is None
    assert [p.line for p in problems] == [13, 19]
