"""The parts of a communication that are not the letter's text: domestic citations, the mandates
register, the letter plan, and question curation (pure functions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from helpers import REPO
from lexgap.communication import LetterPlan
from lexgap.knowledge import load_register
from lexgap.lawcite import portion_citation, provision_citation, provisions_citation
from lexgap.loading import read_yaml, validate
from lexgap.questions import STAGE_CASE, STAGE_COMMENTS, STAGE_LAW, STAGE_PREVENTION, Candidate, Choice, curate

JAN_2021 = dt.date(2021, 1, 25)

# --- domestic law cited as lawyers cite it ------------------------------------------------------


@pytest.mark.parametrize(("provision", "law", "units", "expected"), [
    ("ro/act/2003/217~art_4__para_1__lit_h", "Law No. 217/2003", None, "article 4(1)(h) of Law No. 217/2003"),
    ("ro/code/2009/286~art_226", "the Criminal Code", None, "article 226 of the Criminal Code"),
    ("ro/code/2009/286~art_226__para_2-1", "the Criminal Code", None, "article 226(2^1) of the Criminal Code"),
    ("gb/act/2015/2~sec_33", "the Criminal Justice and Courts Act 2015", None,
     "section 33 of the Criminal Justice and Courts Act 2015"),
    ("ie/act/2020/32~sec_2__subsec_1", "the Act of 2020", None, "section 2(1) of the Act of 2020"),
    ("fr/code/1992/1~art_226-2-1", "the Criminal Code", {"art": "article"}, "article 226^2-1 of the Criminal Code"),
    ("de/code/1871/1~para_201a", "the Criminal Code", {"para": "section"}, "section 201a of the Criminal Code"),
])
def test_a_provision_is_cited_by_its_unit_and_its_law(provision: str, law: str, units: dict[str, str] | None,
                                                      expected: str) -> None:
    assert provision_citation(provision, law, units) == expected


def test_a_reported_draft_is_cited_by_its_name_alone() -> None:
    # a made-up article number would be an invented pinpoint
    assert provision_citation("ro/draft/2020/655~art_1", "draft law 655/2020", whole_only=True) == "draft law 655/2020"


def test_several_provisions_of_one_law_name_the_law_once() -> None:
    assert provisions_citation(["ro/code/2009/286~art_210", "ro/code/2009/286~art_211"], "the Criminal Code") == \
        "articles 210 and 211 of the Criminal Code"
    assert portion_citation("art_4__para_1__lit_h") == "article 4(1)(h)"


# --- the mandates register -------------------------------------------------------------------


@pytest.fixture(scope="module")
def register():  # type: ignore[no-untyped-def]
    loaded = load_register()
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded


def test_the_register_holds_the_four_mandates_of_the_seed_letters(register) -> None:  # type: ignore[no-untyped-def]
    assert set(register.mandates) >= {"wg-discrimination-women-girls", "sr-sale-children", "sr-trafficking",
                                      "sr-violence-against-women"}


@pytest.mark.parametrize(("mandate", "on", "number"), [
    ("wg-discrimination-women-girls", JAN_2021, "41/6"),
    ("sr-sale-children", JAN_2021, "43/22"),  # AL ROU 2/2020 cites 34/16, superseded on 22 June 2020
    ("sr-trafficking", JAN_2021, "44/4"),  # AL ROU 2/2020 cites 35/5, superseded on 16 July 2020
    ("sr-violence-against-women", JAN_2021, "41/17"),
    ("sr-sale-children", dt.date(2020, 6, 21), "34/16"),
    ("sr-sale-children", dt.date(2020, 6, 22), "43/22"),
])
def test_the_resolution_in_force_on_the_letters_date(register, mandate: str, on: dt.date,  # type: ignore[no-untyped-def]
                                                     number: str) -> None:
    resolution = register.get(mandate).resolution_on(on)
    assert resolution is not None and resolution.number == number


def test_titles_change_with_the_renewals(register) -> None:  # type: ignore[no-untyped-def]
    sale = register.get("sr-sale-children")
    assert sale.title_on(JAN_2021).startswith("Special Rapporteur on the sale and sexual exploitation of children")
    assert sale.title_on(dt.date(2024, 1, 1)) == "Special Rapporteur on the sale, sexual exploitation and sexual " \
                                                 "abuse of children"
    assert register.get("sr-violence-against-women").title_on(dt.date(2023, 1, 1)).endswith(
        "violence against women and girls, its causes and consequences")


def test_the_holders_in_office_sign_and_unknowns_stay_unknown(register) -> None:  # type: ignore[no-untyped-def]
    names = {m: [h.name for h in register.get(m).holders_on(JAN_2021)] for m in register.mandates}
    assert names["wg-discrimination-women-girls"] == ["Elizabeth Broderick"]
    assert names["sr-sale-children"] == ["Mama Fatima Singhateh"]
    assert names["sr-trafficking"] == ["Siobhán Mullally"]
    assert names["sr-violence-against-women"] == ["Dubravka Šimonović"]
    # the research could not establish who held these mandates on 1 December 2026: nobody is guessed
    assert all(not register.get(m).holders_on(dt.date(2026, 12, 1)) for m in
               ("sr-sale-children", "sr-trafficking", "wg-discrimination-women-girls"))


def test_a_renewal_of_unknown_date_makes_the_resolution_unknown(register) -> None:  # type: ignore[no-untyped-def]
    # the 2025 renewal of the working group is known only by its month: from then on, no guess
    assert register.get("wg-discrimination-women-girls").resolution_on(dt.date(2026, 12, 1)) is None


def test_a_broken_mandate_file_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "sr-x.yaml").write_text("format: mandate\nid: sr-x\nkind: rapporteur\ntitles: []\n", encoding="utf-8")
    loaded = load_register(tmp_path)
    assert loaded.problems and all(p.file.endswith("sr-x.yaml") and p.line >= 1 for p in loaded.problems)
    assert not loaded.mandates


# --- the letter plan ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["al-rou-2-2020.yaml", "al-oth-5-2021.yaml"])
def test_the_bundled_plans_are_valid(name: str) -> None:
    loaded = read_yaml(REPO / "legislation" / "letters" / name)
    assert validate(loaded, LetterPlan) is not None, loaded.problems


@pytest.mark.parametrize(("change", "message"), [
    ({"reference": "AL ROU 2020"}, "should match pattern"),
    ({"reference": "UA ROU 2/2020"}, "starts with UA but the type is allegation_letter"),
    ({"reference": "AL GBR 2/2020"}, "names GBR but the addressee's code is ROU"),
    ({"concerns": [{"finding": "x", "choice": "drop"}]}, "say why the concern is dropped"),
    ({"questions": [{"id": "comments"}, {"id": "comments"}]}, "'comments' appears twice"),
    ({"type": "letter"}, "allegation_letter"),
])
def test_a_plan_says_what_is_wrong(change: dict[str, object], message: str) -> None:
    base = {"format": "letter_plan", "id": "p", "applies_to": "romania-2020", "type": "allegation_letter",
            "addressee": {"kind": "state", "name": "Romania", "code": "ROU"}}
    with pytest.raises(ValidationError, match=message):
        LetterPlan.model_validate({**base, **change})


# --- question curation ---------------------------------------------------------------------------


def _q(qid: str, origin: str = "gap", stage: int = STAGE_LAW, **more: object) -> Candidate:
    return Candidate(qid, f"text of {qid}", origin, stage, findings=(qid,), **more)  # type: ignore[arg-type]


def test_the_same_issue_on_the_same_law_is_asked_once() -> None:
    done = curate([_q("limited@law1", rule="limited", law="law1", topic="relationship", severity="high"),
                   _q("children@law1", rule="children", law="law1", topic="relationship", severity="high"),
                   _q("limited@law2", rule="limited", law="law2", topic="relationship", severity="high")], None)
    assert [q.id for q in done.questions] == ["limited@law1", "limited@law2"]
    assert done.questions[0].findings == ("limited@law1", "children@law1")
    assert any(d.question == "children@law1" and d.action == "merged" for d in done.decisions)


def test_every_question_on_a_law_whose_text_was_not_seen_is_one_question() -> None:
    done = curate([_q("intent@draft", law="draft", whole_law=True, severity="high"),
                   _q("age@draft", "not_assessable", law="draft", whole_law=True, severity="high")], None)
    assert [q.id for q in done.questions] == ["intent@draft"]


def test_a_question_on_the_whole_law_joins_the_standing_question_of_its_topic() -> None:
    done = curate([_q("remedies", "standing", STAGE_CASE, topic="compensation"),
                   _q("no-compensation", "not_assessable", topic="compensation", severity="high")], None)
    assert [q.id for q in done.questions] == ["remedies"]
    assert done.questions[0].findings == ("remedies", "no-compensation")


def test_the_case_comes_first_then_the_laws_in_file_order_then_prevention() -> None:
    done = curate([_q("prevention", "standing", STAGE_PREVENTION), _q("b@law2", law="law2", law_order=2),
                   _q("a@law1", law="law1", law_order=1), _q("investigations", "standing", STAGE_CASE),
                   _q("comments", "standing", STAGE_COMMENTS)], None)
    assert [q.id for q in done.questions] == ["comments", "investigations", "a@law1", "b@law2", "prevention"]


def test_by_default_only_the_letters_areas_and_high_missing_facts_are_asked() -> None:
    done = curate([_q("in-area", areas=frozenset({"csam"}), severity="medium"),
                   _q("out-of-area", areas=frozenset({"corporate_liability"}), severity="high"),
                   _q("missing-high", "not_assessable", severity="high"),
                   _q("missing-medium", "not_assessable", severity="medium")], ["csam"])
    assert [q.id for q in done.questions] == ["in-area", "missing-high"]
    assert {d.question for d in done.decisions if d.action == "dropped"} == {"out-of-area", "missing-medium"}


def test_the_plan_chooses_by_id_never_by_position() -> None:
    candidates = [_q("comments", "standing", STAGE_COMMENTS), _q("a@law"), _q("b@law"),
                  _q("c@law", "not_assessable", severity="medium")]
    choices = [Choice("b@law", drop=True, reason="asked elsewhere"), Choice("a@law", text="Reworded."),
               Choice("c@law"), Choice("new", text="The officer's own question."), Choice("gone", drop=True,
                                                                                           reason="x")]
    done = curate(candidates, None, choices, order=["new"])
    assert [q.id for q in done.questions] == ["comments", "new", "a@law", "c@law"]
    assert done.questions[2].text == "Reworded."
    assert any(d.question == "gone" and d.action == "unknown" for d in done.decisions)
    # the same choices on the same questions in another order give the same letter
    again = curate(list(reversed(candidates[1:])) + candidates[:1], None, choices, order=["new"])
    assert {q.id: q.text for q in again.questions} == {q.id: q.text for q in done.questions}


def test_the_plan_merges_questions() -> None:
    done = curate([_q("a@law"), _q("b@law")], None, [Choice("a@law", merge=("b@law",))])
    assert [q.id for q in done.questions] == ["a@law"] and done.questions[0].findings == ("a@law", "b@law")


def test_at_most_n_questions_missing_facts_go_first() -> None:
    done = curate([_q("comments", "standing", STAGE_COMMENTS), _q("gap1", severity="high"),
                   _q("gap2", severity="medium"), _q("na1", "not_assessable", severity="high")], None, most=3)
    assert [q.id for q in done.questions] == ["comments", "gap1", "gap2"]


# --- check-draft: the resolutions cited for each mandate ---------------------------------------


def test_the_romania_seed_letter_cites_two_superseded_resolutions(register) -> None:  # type: ignore[no-untyped-def]
    from lexgap.draft_mandates import check_resolutions

    text = (REPO / "tests" / "fixtures" / "drafts" / "al-rou-2-2020.txt").read_text(encoding="utf-8")
    issues = {i.found: i for i in check_resolutions(text, register)}
    assert set(issues) == {"34/16", "35/5"}
    assert issues["34/16"].expected == "43/22" and issues["35/5"].expected == "44/4"
    assert text[issues["34/16"].start:issues["34/16"].end] == "34/16"
    # 44/4's renewal effect was not read in the resolution itself: the register does not vouch for it
    assert issues["34/16"].verified and not issues["35/5"].verified


def test_the_telegram_seed_letter_cites_the_resolutions_in_force(register) -> None:  # type: ignore[no-untyped-def]
    from lexgap.draft_mandates import check_resolutions

    text = (REPO / "tests" / "fixtures" / "drafts" / "al-oth-5-2021.txt").read_text(encoding="utf-8")
    assert check_resolutions(text, register) == []


# --- a standard issued after the file's date grounds no finding ----------------------------------------


def test_a_standard_issued_after_as_of_is_no_basis(tmp_path: Path) -> None:
    """CRC General Comment No. 25 is of 2 March 2021: it grounds nothing on Romania as of 25 January 2021,
    and grounds findings on the same law read as of a date after it."""
    import json

    import yaml

    from helpers import lexgap

    def bases(path: str) -> set[str]:
        run = lexgap("assess", path, "-f", "json", "--fail-on", "never")
        assert run.code == 0, run.output
        return {b["ref"].partition("~")[0] for f in json.loads(run.stdout)["findings"] for b in f["basis"]}

    assert "crc-gc-25" not in bases("romania-2020.yaml")
    data = yaml.safe_load((REPO / "legislation" / "romania-2020.yaml").read_text(encoding="utf-8"))
    data["as_of"] = dt.date(2021, 3, 3)
    later = tmp_path / "romania-later.yaml"
    later.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert "crc-gc-25" in bases(str(later))
