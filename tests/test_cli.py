"""The command line's contract: exit codes, messages, rule listing and explanations."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import REPO, lexgap
from lexgap import __version__
from lexgap.cli import app
from lexgap.knowledge import Knowledge


def test_version() -> None:
    run = lexgap("--version")
    assert (run.code, run.stdout) == (0, f"lexgap {__version__}\n")


def test_usage_errors_exit_2_without_traceback() -> None:
    run = lexgap("assess", "romania-2020.yaml", "--format", "xml")
    assert run.code == 2
    assert "Traceback" not in run.output
    assert "'xml' is not one of" in run.stderr


def test_rules_lists_every_rule_with_its_basis() -> None:
    run = lexgap("rules")
    assert run.code == 0
    for rule_id in ("intent-to-harm-requirement", "limited-to-domestic-relationships", "company-no-hrdd"):
        assert rule_id in run.stdout


def test_explain_intent_rule_names_a_hrc_38_47_with_pinpoints_and_no_child_specific_basis() -> None:
    run = lexgap("explain", "intent-to-harm-requirement")
    assert run.code == 0
    assert "CRC/C/156" not in run.stdout  # child-specific guidance does not ground an intimate-image rule
    assert "A/HRC/38/47 section III.C" in run.stdout
    assert "CEDAW General Recommendation No. 35 para. 29(a)" in run.stdout
    # the level of each check is said: the report's section was read only in a secondary source
    report = run.stdout[run.stdout.index("A/HRC/38/47 section III.C"):]
    assert "checked in a secondary source only" in report.split("\n  - ")[0]
    assert "A gap when the mental element (least demanding alternative) includes any of" in run.stdout


def test_explain_works_for_every_rule(knowledge: Knowledge) -> None:
    runner = CliRunner()
    for rule in knowledge.rules:
        result = runner.invoke(app, ["explain", rule.id])
        assert result.exit_code == 0, rule.id
        assert "Basis:" in result.stdout and "source:" in result.stdout
        assert rule.label in result.stdout


def test_explain_unknown_rule_suggests_the_nearest() -> None:
    run = lexgap("explain", "intent-to-harm")
    assert run.code == 2
    assert "did you mean 'intent-to-harm-requirement'?" in run.stderr


def test_assess_unknown_rule_is_a_usage_error() -> None:
    run = lexgap("assess", "romania-2020.yaml", "--rule", "possesion-not-criminalised")
    assert run.code == 2
    assert "unknown rule 'possesion-not-criminalised'" in run.stderr


def test_terminal_report_in_a_pipe_has_no_colour_codes() -> None:
    run = lexgap("assess", "romania-2020.yaml", "--fail-on", "never")
    assert run.code == 0
    assert "\x1b[" not in run.stdout
    assert re.search(r"\d+ gaps, \d+ not assessable, \d+ met", run.stdout)


def test_fail_on_thresholds() -> None:
    assert lexgap("assess", "romania-2020.yaml", "-f", "json").code == 1
    assert lexgap("assess", "romania-2020.yaml", "-f", "json", "--fail-on", "never").code == 0
    only_met = lexgap("assess", "romania-2020.yaml", "-f", "json", "--status", "met", "--fail-on", "gap")
    assert only_met.code == 0


def test_every_vocabulary_word_has_a_meaning() -> None:
    from lexgap.vocabulary import MEANINGS, VOCABULARIES

    missing = [f"{name}: {word}" for name, vocab in VOCABULARIES.items() for word in vocab
               if (vocab, word.value) not in MEANINGS]
    assert not missing, missing


def test_a_word_shared_by_vocabularies_keeps_a_meaning_in_each() -> None:
    """`none` is in five vocabularies; each must say what none means there, not the last one written."""
    from lexgap.vocabulary import (
        MEANINGS,
        Exception_,
        HarmRequirement,
        LawType,
        MeansRequired,
        Relationship,
        ScopeRequirement,
        Status,
        meaning,
        plain,
    )

    nones = [HarmRequirement.none, MeansRequired.none, ScopeRequirement.none, Exception_.none, Relationship.none]
    said = [plain(word) for word in nones]
    assert len(set(said)) == len(nones), said
    assert plain(HarmRequirement.none) == "no harm need be shown"
    assert plain("none", Exception_) == "the text has no exceptions"
    assert meaning("none") is None  # a bare shared word: no meaning rather than a wrong one
    assert MEANINGS[(Status, "draft")] != MEANINGS[(LawType, "draft")]
    result = CliRunner().invoke(app, ["vocabulary", "harm_requirement"])
    assert "no harm need be shown" in result.stdout and "relationship" not in result.stdout


def test_vocabulary_command_lists_words_with_meanings() -> None:
    result = CliRunner().invoke(app, ["vocabulary", "mental_element"])
    assert result.exit_code == 0
    assert "intent_to_harm                 intent to harm the victim" in result.stdout
    assert CliRunner().invoke(app, ["vocabulary", "conduc"]).exit_code == 2


def test_validate_checks_a_bill_against_the_jurisdiction_it_amends(tmp_path: Path) -> None:
    source = (REPO / "legislation" / "bills" / "ro-bill-606-2019-government.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "ro-bill-606-2019-government.yaml"
    broken.write_text(source.replace("replace: ro/bill/2019/606~art_1", "replace: ro/bill/2019/606~art_9"),
                      encoding="utf-8")
    run = lexgap("validate", str(broken))
    assert run.code == 2
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if "~art_9" in text)
    assert f"{broken}:{line}:" in run.stdout
    assert "did you mean 'ro/bill/2019/606~art_1'?" in run.stdout


def test_validate_checks_the_basis_of_a_rules_file_outside_the_bundle(tmp_path: Path) -> None:
    text = (REPO / "rules" / "csam.yaml").read_text(encoding="utf-8")
    mine = tmp_path / "my-rules.yaml"
    mine.write_text(text.replace("opsc~art_3__para_1__lit_c, lanzarote", "opsc~art_3__para_1__lit_x, lanzarote", 1),
                    encoding="utf-8")
    run = lexgap("validate", str(mine))
    assert run.code == 2
    line = next(n for n, t in enumerate(mine.read_text(encoding="utf-8").splitlines(), 1) if "lit_x" in t)
    assert f"{mine}:{line}:" in run.stdout
    assert "names no standard provision; did you mean 'opsc~art_3__para_1__lit_c'?" in run.stdout


def test_an_internal_error_is_one_line_asking_for_a_bug_report_with_exit_70(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import lexgap.cli as cli

    def broken(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli, "_knowledge", broken)
    monkeypatch.setattr(sys, "argv", ["lexgap", "assess", "romania-2020.yaml"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "internal error (RuntimeError: simulated bug); please report this bug" in " ".join(err.split())


@pytest.mark.parametrize("args", [["assess", "romania-2020.yaml"], ["assess", "romania-2020.yaml", "-f", "json"],
                                  ["compare", "romania-2020.yaml", "romania-2024.yaml"],
                                  ["letter", "romania-2020.yaml"]])
def test_an_engine_failure_exits_70_from_every_command_that_runs_the_engine(
        args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import lexgap.cli as cli
    from lexgap.durable import EngineProblem, RulePack

    def failing(self: RulePack, facts: list[dict[str, object]]) -> tuple[list[object], list[EngineProblem]]:
        return [], [EngineProblem("ro/act/2003/217~art_4#online_harass", "assert", "simulated failure")]

    monkeypatch.setattr(RulePack, "evaluate", failing)
    monkeypatch.setattr(sys, "argv", ["lexgap", *args])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert "engine: assert on ro/act/2003/217~art_4#online_harass: simulated failure" in err
    assert "Traceback" not in err


def test_a_failure_in_check_draft_exits_70_too(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # check-draft does not run the rule engine: its failures are internal ones, with the same code
    import lexgap.cli as cli
    import lexgap.drafts as drafts

    def broken(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(drafts, "check_draft", broken)
    monkeypatch.setattr(sys, "argv", ["lexgap", "check-draft", str(REPO / "tests/fixtures/drafts/al-rou-2-2020.txt")])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 70
    assert "Traceback" not in capsys.readouterr().err
