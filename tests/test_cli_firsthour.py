"""A new user's first hour, on the real command line: start a file, bring rules, test them, other outputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_casetests import CASES, my_rules

from helpers import REPO, lexgap
from lexgap.jsonschemas import schema_text
from lexgap.outputs import output_schema


def test_init_then_validate_exits_0_from_any_folder(tmp_path: Path) -> None:
    made = lexgap("init", "jurisdiction", "x.yaml", cwd=tmp_path)
    assert made.code == 0, made.output
    assert "wrote x.yaml" in made.stderr
    checked = lexgap("validate", "x.yaml", cwd=tmp_path)
    assert checked.code == 0, checked.output
    again = lexgap("init", "jurisdiction", "x.yaml", cwd=tmp_path)
    assert again.code == 2 and "x.yaml:1:1: the file already exists" in again.stderr


def test_init_refuses_an_unknown_kind_with_the_nearest(tmp_path: Path) -> None:
    run = lexgap("init", "jurisdicton", cwd=tmp_path)
    assert run.code == 2 and "did you mean 'jurisdiction'?" in run.stderr
    assert not list(tmp_path.iterdir())


def test_assess_uses_a_users_rule_file(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    run = lexgap("assess", "romania-2020.yaml", "--rules", str(folder), "-f", "json", cwd=tmp_path)
    assert run.code == 1, run.stderr
    rules = {f["rule"] for f in json.loads(run.stdout)["findings"]}
    assert "online-violence-offline-only" in rules and "intent-to-harm-requirement" in rules
    alone = lexgap("assess", "romania-2020.yaml", "--rules", str(folder), "--no-bundled-rules", "-f", "json",
                   cwd=tmp_path)
    assert {f["rule"] for f in json.loads(alone.stdout)["findings"]} == {"online-violence-offline-only"}
    explained = lexgap("explain", "online-violence-offline-only", "--rules", str(folder), cwd=tmp_path)
    assert explained.code == 0 and "CEDAW General Recommendation No. 35 para. 20" in explained.stdout


def test_a_broken_user_rule_is_located_and_stops_the_command(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    rule = folder / "online.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("medium: {any_of: [offline_only]}",
                                                             "medium: {any_of: [offline]}"), encoding="utf-8")
    run = lexgap("assess", "romania-2020.yaml", "--rules", str(folder), cwd=tmp_path)
    assert run.code == 2
    line = rule.read_text(encoding="utf-8").splitlines().index("      medium: {any_of: [offline]}") + 1
    assert run.stderr == f"{rule}:{line}:25: 'offline' is not a word of medium; did you mean 'offline_only'?\n"
    assert "bundled" not in run.stderr


def test_lexgap_test_runs_the_cases_with_pytest_like_output_and_exit_codes(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules")
    run = lexgap("test", "my-rules", cwd=tmp_path)
    assert run.code == 0, run.output
    assert run.stdout.splitlines()[0].endswith("::harassment covered offline only is a gap PASSED")
    assert run.stdout.endswith("3 passed, 0 failed\n")
    my_rules(folder, CASES.replace("status: met", "status: gap"))
    failing = lexgap("test", "my-rules", cwd=tmp_path)
    assert failing.code == 1 and failing.stdout.endswith("2 passed, 1 failed\n")
    my_rules(folder, CASES.replace("medium: any", "medium: everywhere"))
    bad = lexgap("test", "my-rules", cwd=tmp_path)
    assert bad.code == 2 and bad.stdout == ""
    assert "my-rules/online-violence-offline-only.yaml:11:" in bad.stderr


def test_vocabulary_takes_field_names(tmp_path: Path) -> None:
    area = lexgap("vocabulary", "area", cwd=tmp_path)
    assert area.code == 0 and area.stdout.startswith("area (complete_for):\n  csam ")
    practice = lexgap("vocabulary", "practice", cwd=tmp_path)
    assert "  remediation " in practice.stdout
    unknown = lexgap("vocabulary", "conduc", cwd=tmp_path)
    assert unknown.code == 2 and "did you mean 'conduct'?" in unknown.stderr


def test_schema_prints_the_described_schemas_and_writes_them(tmp_path: Path) -> None:
    assert lexgap("schema", "jurisdiction").stdout == schema_text("jurisdiction")
    assert json.loads(lexgap("schema", "assessment").stdout) == output_schema("assessment")
    written = lexgap("schema", "--write", "schemas", cwd=tmp_path)
    assert written.code == 0
    assert (tmp_path / "schemas" / "rules.schema.json").read_text(encoding="utf-8") == schema_text("rules")


def test_assess_csv_gives_one_table_for_several_subjects(tmp_path: Path) -> None:
    run = lexgap("assess", str(REPO / "legislation" / "romania-2020.yaml"),
                 str(REPO / "legislation" / "telegram-2021.yaml"), "-f", "csv", "--fail-on", "never")
    assert run.code == 0, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout, newline="")))
    assert rows[0][:3] == ["subject", "as_of", "rule"]
    assert rows.count(rows[0]) == 1
    assert {r[0] for r in rows[1:]} == {"romania-2020", "telegram-2021"}


def test_shell_completion_is_on(tmp_path: Path) -> None:
    assert "--install-completion" in lexgap("--help").stdout
    done = lexgap(env={"_LEXGAP_COMPLETE": "complete_bash", "COMP_WORDS": "lexgap vocab", "COMP_CWORD": "1"})
    assert done.stdout.split() == ["vocabulary"]


def test_validate_checks_the_cases_of_a_case_file_too(tmp_path: Path) -> None:
    folder = my_rules(tmp_path / "my-rules", CASES.replace("medium: any", "medium: everywhere"))
    run = lexgap("validate", "my-rules", "--rules", "my-rules", cwd=tmp_path)
    assert run.code == 2
    assert "my-rules/online-violence-offline-only.yaml:11:" in run.stdout
    assert "'everywhere' is not a word of medium" in run.stdout
    my_rules(folder)
    assert lexgap("validate", "my-rules", "--rules", "my-rules", cwd=tmp_path).code == 0
