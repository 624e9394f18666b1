"""An office's own rules beside lexgap's (`--rules DIR`), and their cases run by `lexgap test DIR`."""

from __future__ import annotations

from pathlib import Path

from lexgap.assess import Assessor
from lexgap.casetests import render_run, run_case_files
from lexgap.folders import KnowledgeFolders, load_from
from lexgap.knowledge import load_subject
from lexgap.paths import resolve_subject

RULE = """\
format: rules
rules:
  - id: online-violence-offline-only
    label: online violence covered offline only
    severity: medium
    why: >-
      A provision on harassment, stalking, threats or intimate images that covers only acts done
      offline leaves the same acts done through phones and the internet unpunished.
    applies_to:
      conduct: {any_of: [online_harass, online_stalk, online_threat, ncii_disseminate]}
    gap_when:
      medium: {any_of: [offline_only]}
    basis: [cedaw-gr-35~para_20]
    letter:
      concern: "{{ provision }} ({{ law }}) covers {{ conduct }} only where done offline, short of {{ basis }}."
      question: "Please indicate how {{ conduct }} done online is punished."
      missing_question: "Please indicate whether {{ provision }} covers acts done online."
"""

CASES = """\
format: rule_tests
rule: online-violence-offline-only
cases:
  - name: harassment covered offline only is a gap
    provisions:
      - {id: xx/act/2020/1~art_1, conduct: [online_harass], medium: offline_only}
    expect:
      - {provision: xx/act/2020/1~art_1, status: gap}
  - name: harassment covered online and offline is met
    provisions:
      - {id: xx/act/2020/1~art_1, conduct: [online_harass], medium: any}
    expect:
      - {provision: xx/act/2020/1~art_1, status: met}
  - name: a provision whose medium is not known is not assessable
    provisions:
      - {id: xx/act/2020/1~art_1, conduct: [online_stalk]}
    expect:
      - {provision: xx/act/2020/1~art_1, status: not_assessable}
"""


def my_rules(folder: Path, cases: str = CASES) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "online.yaml").write_text(RULE, encoding="utf-8")
    (folder / "online-violence-offline-only.yaml").write_text(cases, encoding="utf-8")
    return folder


def test_a_users_rules_are_added_to_the_bundled_ones_and_used(tmp_path: Path) -> None:
    knowledge = load_from(KnowledgeFolders(rules=(my_rules(tmp_path / "my-rules"),)))
    assert not knowledge.problems
    ids = [r.id for r in knowledge.rules]
    assert "online-violence-offline-only" in ids and "intent-to-harm-requirement" in ids
    subject, problems = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None and not problems
    with Assessor(knowledge) as assessor:
        found = [f for f in assessor.assess(subject).findings if f.rule == "online-violence-offline-only"]
    assert found, "the user's rule was not evaluated"


def test_without_the_bundled_rules_only_the_users_are_used(tmp_path: Path) -> None:
    knowledge = load_from(KnowledgeFolders(rules=(my_rules(tmp_path / "my-rules"),), bundled_rules=False))
    assert [r.id for r in knowledge.rules] == ["online-violence-offline-only"]
    assert "cedaw-gr-35" in knowledge.instruments  # the bundled standards are still there for its basis


def test_a_rule_id_used_twice_and_a_missing_folder_are_located(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    (folder / "online.yaml").write_text(RULE.replace("online-violence-offline-only", "intent-to-harm-requirement"),
                                        encoding="utf-8")
    problems = load_from(KnowledgeFolders(rules=(folder,))).problems
    assert [(p.file, p.line) for p in problems] == [(str(folder / "online.yaml"), 3)]
    assert "rule id 'intent-to-harm-requirement' is already used in" in problems[0].message
    missing = load_from(KnowledgeFolders(standards=(tmp_path / "nowhere",))).problems
    assert [str(p) for p in missing] == [f"{tmp_path / 'nowhere'}:1:1: no such folder or file; check the path"]


def test_lexgap_test_runs_each_case_and_says_how_many_passed(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    run = run_case_files(folder, load_from(KnowledgeFolders(rules=(folder,))))
    assert not run.problems and (run.passed, run.failed) == (3, 0)
    cases = folder / "online-violence-offline-only.yaml"
    assert render_run(run) == (
        f"{cases}::online-violence-offline-only::harassment covered offline only is a gap PASSED\n"
        f"{cases}::online-violence-offline-only::harassment covered online and offline is met PASSED\n"
        f"{cases}::online-violence-offline-only::a provision whose medium is not known is not assessable PASSED\n"
        "3 passed, 0 failed\n")


def test_a_failing_case_says_what_came_out_instead(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules", CASES.replace("status: met", "status: gap"))
    run = run_case_files(folder, load_from(KnowledgeFolders(rules=(folder,))))
    assert (run.passed, run.failed) == (2, 1)
    text = render_run(run)
    assert "harassment covered online and offline is met FAILED" in text
    assert "  expected gap for xx/act/2020/1~art_1, got met: " in text
    assert text.endswith("2 passed, 1 failed\n")


def test_a_bad_case_file_is_located_and_runs_nothing(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules", CASES.replace("medium: any", "medium: everywhere"))
    run = run_case_files(folder, load_from(KnowledgeFolders(rules=(folder,))))
    cases = folder / "online-violence-offline-only.yaml"
    assert run.outcomes == []
    assert [(p.file, p.line) for p in run.problems] == [(str(cases), 11)]
    assert "'everywhere' is not a word of medium" in run.problems[0].message


def test_a_case_file_for_an_unknown_rule_is_located_at_its_rule(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules", CASES.replace("rule: online-violence-offline-only",
                                                            "rule: online-violence-offline"))
    run = run_case_files(folder, load_from(KnowledgeFolders(rules=(folder,))))
    assert [(p.line, p.column) for p in run.problems] == [(2, 7)]
    assert "did you mean 'online-violence-offline-only'?" in run.problems[0].message


def test_the_bundled_cases_pass_when_run_this_way(tmp_path: Path) -> None:
    from helpers import REPO

    run = run_case_files(REPO / "tests" / "rules", load_from(KnowledgeFolders()))
    assert not run.problems
    assert run.failed == 0 and run.passed > 100
