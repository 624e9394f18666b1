"""Mutation fuzzing of every bundled data file, resource limits and file safety: lexgap's promises under abuse.

Each bundled file (legislation/, legislation/bills/, standards/, rules/) is mutated as a person or a
copy from Word would damage it: lines deleted, duplicated or swapped, indentation changed, values
replaced by wrong types, unknown words, huge numbers, empty or very long strings, control characters
or non-UTF-8 bytes, the file cut short.  For every mutant, loading and validation (and, for the files
that can be assessed, assessment) never raise and locate every problem inside the file; the command
line (`lexgap validate FILE`, `lexgap assess FILE -f json`) exits 0, 1 or 2, never prints a traceback,
and on exit 2 names the file and a line within it.  The command line runs in-process for every mutant
and as a real process for a sample.

The default run is a few hundred mutants with a fixed seed.  A longer run::

    LEXGAP_FUZZ_MUTANTS=20000 python -m pytest tests/test_fuzz.py

LEXGAP_FUZZ_MUTANTS sets the number of mutants (spread over the files), LEXGAP_FUZZ_SEED the seed (default
8).  Failing mutants are saved under pytest's temporary folder, and the failure message names them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import shared_assessor
from helpers import REPO, lexgap, read_only_folder
from lexgap import cli
from lexgap.assess import Assessor
from lexgap.compare import run_compare
from lexgap.knowledge import Knowledge, check_subject, load_subject
from lexgap.loading import MAX_FILE_BYTES, load_file, read_yaml
from lexgap.models import Rule, RuleSet
from lexgap.output import write_atomic
from lexgap.problems import ExitCode, Kind, Problem

MUTANTS = int(os.environ.get("LEXGAP_FUZZ_MUTANTS", "300"))
SEED = int(os.environ.get("LEXGAP_FUZZ_SEED", "8"))
#: Mutants also run through a real `lexgap` process, one by one (the rest run in-process).
PROCESS_SAMPLE = max(3, MUTANTS // 400)

DATA_FILES = sorted([*REPO.glob("legislation/*.yaml"), *REPO.glob("legislation/bills/*.yaml"),
                     *REPO.glob("standards/*.yaml"), *REPO.glob("rules/*.yaml")])
EXPECTED_FORMAT: dict[str, str | tuple[str, ...]] = {
    "legislation": ("jurisdiction", "company"), "bills": "bill", "standards": "instrument", "rules": "rules"}

# --- mutations ------------------------------------------------------------------------------

VALUES: list[bytes] = [
    # wrong types
    b"[]", b"{}", b"true", b"no", b"null", b"~", b"12", b"-1", b"1.5", b"0x1F", b".inf", b".nan", b"- x",
    b"{a: 1}", b"[a, [b, [c]]]",
    # unknown words, and words a renderer might take for markup
    b"frobnicate", b"intent_to_distres", b"in-force", b"In_Force", b":smile:", b"[bold]x[/bold]", b"{{ x }}",
    b"<script>", b"| a | b |",
    # huge numbers, impossible dates
    b"9" * 400, b"1e999", b"-" + b"9" * 40, b"2021-13-45", b"2021-02-30", b"0000-00-00", b"2021-01-25T10:00:00",
    b"99999-01-01",
    # empty and very long strings
    b'""', b"''", b"", b" ", b"x" * 5000, ("é" * 3000).encode(), b"word " * 2000,
    # control characters and odd Unicode
    b"\x00", b"\x07", b"\x1b[31mred", b"a\x0cb", "\u2028".encode(), "\x85".encode(), "\ufeff".encode(),
    "\u202e".encode(), "\ufffe".encode(), b"\r", b"\t",
    # bytes that are not UTF-8
    b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x80abc",
    # YAML that lexgap refuses or that breaks the structure
    b"&a x", b"*a", b"!!python/object/apply:os.system ['true']", b"!!binary aGk=", b"!custom x",
    b"<<: {a: 1}", b"? x", b"---", b"...", b"%YAML 1.1", b"|", b">-", b"'unterminated", b'"bad \\q escape"',
    b"@x", b"`x", b"#", b"[" * 60, b"{" * 60,
]

INDENTS = [b"", b" ", b"   ", b"      ", b"\t", b"  \t"]


@dataclass
class Mutant:
    index: int
    source: Path
    data: bytes
    steps: list[str]

    @property
    def kind(self) -> str:
        return self.source.parent.name


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _value_line(rng: Random, line: bytes) -> tuple[bytes, str]:
    value = rng.choice(VALUES)
    match = re.match(rb"^(\s*(?:- )?)([^:#]*?:)( .*)?$", line)
    if match and rng.random() < 0.8:
        if rng.random() < 0.2:  # the key instead of the value
            return match[1] + value + b":" + (match[3] or b""), f"key -> {value[:20]!r}"
        return match[1] + match[2] + b" " + value, f"value -> {value[:20]!r}"
    item = re.match(rb"^(\s*- )", line)
    if item:
        return item[1] + value, f"item -> {value[:20]!r}"
    return line + value, f"append {value[:20]!r}"


def mutate(original: bytes, rng: Random) -> tuple[bytes, list[str]]:
    """Apply one to three random edits; each edit is described for the failure message."""
    lines = _lines(original)
    steps: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        if not lines:
            lines = [b""]
        at = rng.randrange(len(lines))
        operation = rng.choice(("delete", "duplicate", "swap", "indent", "value", "value", "value", "insert",
                                "truncate", "byte"))
        if operation == "delete":
            del lines[at]
        elif operation == "duplicate":
            lines.insert(rng.randrange(len(lines) + 1), lines[at])
        elif operation == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
            operation += f" {other + 1}"
        elif operation == "indent":
            lines[at] = rng.choice(INDENTS) + lines[at].lstrip(b" ")
        elif operation == "value":
            lines[at], operation = _value_line(rng, lines[at])
        elif operation == "insert":
            value = rng.choice(VALUES)
            lines.insert(at, rng.choice(INDENTS) + rng.choice((b"", b"- ", b"key: ")) + value)
            operation += f" {value[:20]!r}"
        elif operation == "truncate":
            joined = b"\n".join(lines)
            lines = _lines(joined[: rng.randrange(len(joined) + 1)])
        else:
            mutable = bytearray(b"\n".join(lines))
            if mutable:
                mutable[rng.randrange(len(mutable))] = rng.randrange(256)
            lines = _lines(bytes(mutable))
        steps.append(f"{operation} at line {at + 1}")
    return b"\n".join(lines), steps


#: Files a user writes get more of the mutants than the bundled standards, which few will edit.
WEIGHT = {"legislation": 6, "bills": 6, "rules": 3, "standards": 1}


def share(source: Path) -> int:
    """How many of the run's mutants are drawn from this file."""
    total = sum(WEIGHT[p.parent.name] for p in DATA_FILES)
    before = sum(WEIGHT[p.parent.name] for p in DATA_FILES[:DATA_FILES.index(source)])
    return (MUTANTS * (before + WEIGHT[source.parent.name])) // total - (MUTANTS * before) // total


def mutants(source: Path) -> list[Mutant]:
    """This file's share of the run's mutants, the same on every run."""
    count = share(source)
    original = source.read_bytes()
    found = []
    for number in range(count):
        rng = Random(f"{SEED}:{source.relative_to(REPO)}:{number}")
        data, steps = mutate(original, rng)
        found.append(Mutant(number, source, data, steps))
    return found


def line_count(data: bytes) -> int:
    """Lines as an editor numbers them (CR LF, LF or CR ends a line); a last line without a newline counts."""
    breaks = len(re.findall(rb"\r\n|\r|\n", data))
    return breaks + (0 if data.endswith((b"\n", b"\r")) or not data else 1)


# --- checks -----------------------------------------------------------------------------------

def located(problems: list[Problem], path: Path, data: bytes) -> list[str]:
    """What is wrong with where these problems say they are."""
    last = line_count(data) + 1
    wrong = []
    for problem in problems:
        if problem.file != str(path):
            wrong.append(f"problem names {problem.file!r}, not the file: {problem}")
        elif not (1 <= problem.line <= last and problem.column >= 1):
            wrong.append(f"problem outside the file (lines 1-{last}): {problem}")
    return wrong


def check_engine(path: Path, mutant: Mutant, assessor: Assessor) -> list[str]:
    """Load, validate and (where it applies) assess or compare the mutant; never a raise, every problem located."""
    knowledge = assessor.knowledge
    kind = mutant.kind
    try:
        if kind == "legislation":
            subject, problems = load_subject(path, knowledge)
            if subject is not None:
                assessment = assessor.assess(subject)
                if assessment.engine_problems:
                    return [f"engine problems: {assessment.engine_problems}"]
            elif not problems:
                return ["no subject and no problem"]
        elif kind == "bills":
            comparisons, problems = run_compare("romania-2020", [], [str(path)], assessor=assessor)
            if comparisons is None and not problems:
                return ["no comparison and no problem"]
            if any(p.kind is Kind.engine for p in problems):
                return [f"engine problems: {problems}"]
        else:
            model, loaded = load_file(path, EXPECTED_FORMAT[kind])
            problems = loaded.problems + (check_subject(model, loaded, knowledge) if model is not None else [])
            if model is None and not problems:
                return ["no model and no problem"]
            if isinstance(model, RuleSet) and not problems:
                return _assess_with_rules(model, path, knowledge)
        return located(problems, path, mutant.data)
    except Exception:
        return ["raised:\n" + traceback.format_exc()]


_ORIGINAL_RULES: dict[Path, set[str]] = {}


def _assess_with_rules(rules: RuleSet, path: Path, knowledge: Knowledge) -> list[str]:
    """A mutated rule file that still validates must still compile and run on the bundled subjects."""
    source = next(p for p in DATA_FILES if p.parent.name == "rules" and p.name == path.name)
    if source not in _ORIGINAL_RULES:
        original, _ = load_file(source, "rules")
        assert isinstance(original, RuleSet)
        _ORIGINAL_RULES[source] = {r.model_dump_json() for r in original.rules}
    if {r.model_dump_json() for r in rules.rules} == _ORIGINAL_RULES[source]:
        return []
    ids = {r.id for r in rules.rules}
    mixed = Knowledge(knowledge.instruments, [r for r in knowledge.rules if r.id not in ids] + list(rules.rules))
    with Assessor(mixed) as assessor:
        for name in ("romania-2020", "telegram-2021"):
            subject, problems = load_subject(REPO / "legislation" / f"{name}.yaml", knowledge)
            assert subject is not None, problems
            result = assessor.assess(subject)
            if result.engine_problems:
                return [f"engine problems on {name}: {result.engine_problems}"]
    return []


@contextmanager
def in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """The real command line in this process, with the knowledge and the compiled rules loaded once."""
    assessor = shared_assessor()

    class SharedAssessor:
        def __init__(self, knowledge: Knowledge, rule_ids: list[str] | None = None):
            assert rule_ids is None

        def __enter__(self) -> Assessor:
            return assessor

        def __exit__(self, *_: object) -> None:
            pass

    monkeypatch.setattr(cli, "load_knowledge", lambda: assessor.knowledge)
    monkeypatch.setattr("lexgap.batch.Assessor", SharedAssessor)
    yield CliRunner()


def exit_code(result: Any) -> int:
    """The exit status `lexgap.cli.main()` would give for this in-process run."""
    error = result.exception
    if isinstance(error, cli.Stop):
        return int(error.code)
    if error is None or isinstance(error, SystemExit):
        return int(result.exit_code)
    return int(ExitCode.internal_error)


def check_output(code: int, output: str, path: Path, data: bytes, what: str) -> list[str]:
    """Exit 0, 1 or 2; no traceback; on exit 2, the file named with a line inside it."""
    wrong = []
    if code not in (0, 1, 2):
        wrong.append(f"{what}: exit {code}")
    if "Traceback" in output or "internal error" in output:
        wrong.append(f"{what}: traceback or internal error:\n{output[-3000:]}")
    last = line_count(data) + 1
    marks = [int(m[1]) for m in re.finditer(rf"^{re.escape(str(path))}:(\d+):\d+: ", output, re.MULTILINE)]
    if code == 2 and not marks:
        wrong.append(f"{what}: exit 2 without a message naming the file and a line:\n{output[-2000:]}")
    wrong += [f"{what}: line {line} is outside the file (1-{last})" for line in marks if not 1 <= line <= last]
    return wrong


def check_cli(runner: CliRunner, path: Path, mutant: Mutant) -> list[str]:
    wrong = []
    result = runner.invoke(cli.app, ["validate", str(path)])
    wrong += check_output(exit_code(result), result.stdout + result.stderr, path, mutant.data, "validate")
    model, loaded = load_file(path)
    problems = loaded.problems or (check_subject(model, loaded, shared_assessor().knowledge) if model else [])
    printed = set(result.stdout.splitlines())
    wrong += [f"validate does not print the problem as found: {p}" for p in problems
              if str(p) not in printed]
    if result.exception is not None and not isinstance(result.exception, cli.Stop | SystemExit):
        wrong.append("validate raised:\n" + "".join(traceback.format_exception(result.exception)))
    if mutant.kind == "legislation":
        result = runner.invoke(cli.app, ["assess", str(path), "-f", "json"])
        wrong += check_output(exit_code(result), result.stdout + result.stderr, path, mutant.data, "assess")
    return wrong


def run_mutants(source: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Mutant], list[str]]:
    assessor = shared_assessor()
    failures: list[str] = []
    written = []
    with in_process(monkeypatch) as runner:
        for mutant in mutants(source):
            path = folder / str(mutant.index) / source.name
            path.parent.mkdir(parents=True)
            path.write_bytes(mutant.data)
            written.append(mutant)
            wrong = check_engine(path, mutant, assessor) + check_cli(runner, path, mutant)
            if wrong:
                failures.append(f"{path} ({'; '.join(mutant.steps)}):\n  " + "\n  ".join(wrong))
    return written, failures


@pytest.mark.parametrize("source", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_mutants_of_each_bundled_file_keep_the_promises(source: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, failures = run_mutants(source, tmp_path, monkeypatch)
    assert not failures, f"{len(failures)} mutants of {source.name} broke a promise:\n" + "\n".join(failures[:10])


def test_a_sample_of_mutants_keeps_the_promises_in_a_real_process(tmp_path: Path) -> None:
    """The entry point itself (`lexgap.cli.main`), one process per command, on mutants of the subjects."""
    subjects = [p for p in DATA_FILES if p.parent.name == "legislation"]
    failures = []
    for number in range(PROCESS_SAMPLE):
        source = subjects[number % len(subjects)]
        data, steps = mutate(source.read_bytes(), Random(f"{SEED}:process:{number}"))
        path = tmp_path / str(number) / source.name
        path.parent.mkdir()
        path.write_bytes(data)
        for command in (["validate", str(path)], ["assess", str(path), "-f", "json"]):
            run = lexgap(*command)
            wrong = check_output(run.code, run.output, path, data, command[0])
            if wrong:
                failures.append(f"{path} ({'; '.join(steps)}): " + "\n  ".join(wrong))
    assert not failures, "\n".join(failures)


def test_many_mutants_in_one_process_keep_the_promises(tmp_path: Path) -> None:
    """`lexgap validate` on many broken files at once: one located message per broken file, exit 2, no traceback."""
    paths: list[tuple[Path, bytes]] = []
    for number, source in enumerate(DATA_FILES):
        data, _ = mutate(source.read_bytes(), Random(f"{SEED}:batch:{number}"))
        path = tmp_path / str(number) / source.name
        path.parent.mkdir()
        path.write_bytes(data)
        paths.append((path, data))
    run = lexgap("validate", *(str(p) for p, _ in paths))
    assert run.code in (0, 1, 2) and "Traceback" not in run.output, run.output[-3000:]
    for path, data in paths:
        assert not check_output(0, run.output, path, data, "validate"), path


# --- regressions found by fuzzing -------------------------------------------------------------

def test_regression_deep_flow_nesting_crashed_the_parser(tmp_path: Path) -> None:
    """100,000 nested '[' made libyaml's composer overflow the C stack: the process died with SIGSEGV."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("format: jurisdiction\nid: x\nname: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    started = time.monotonic()
    problem, = read_yaml(deep).problems
    # What the user needs, whichever of libyaml or lexgap stops it first: the line, and what is wrong.
    assert problem.line == 3 and "nested more than 40 levels deep" in problem.message
    assert time.monotonic() - started < 5
    run = lexgap("validate", str(deep))
    assert run.code == 2 and f"{deep}:3:" in run.stdout and "Traceback" not in run.output


def test_regression_millions_of_values_took_minutes_and_gigabytes(tmp_path: Path) -> None:
    """A 10 MB flow list of 4.9 million one-letter values took 36 s and 2 GB to compose before it was refused."""
    many = tmp_path / "many.yaml"
    many.write_text("format: jurisdiction\nid: x\nname: [" + "a," * 4_900_000 + "a]\n", encoding="utf-8")
    started = time.monotonic()
    problem, = read_yaml(many).problems
    assert problem.line == 3 and "more than 500,000 values" in problem.message
    assert time.monotonic() - started < 10


def _with_problem_on_line_100(tmp_path: Path) -> Path:
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path = tmp_path / "telegram-2021.yaml"
    path.write_text("# a comment\n" * 99 + "unknown_field_on_line_100: 1\n" + text, encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert problem.line == 100
    return path


def test_regression_line_100_is_printed_as_an_emoji(tmp_path: Path) -> None:
    path = _with_problem_on_line_100(tmp_path)
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert f"{path}:100:1: unknown field" in result.stdout, result.stdout


def test_regression_emoji_codes_in_a_quoted_value_are_printed_as_written(tmp_path: Path) -> None:
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nid: telegram-2021\n", "\nid: ':smile:'\n"), encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert "':smile:' is not an id" in result.stdout, result.stdout


@pytest.mark.parametrize("value", ["[]", "{a: 1}", "[jurisdiction]"])
def test_regression_a_list_or_mapping_as_the_format_raised_type_error(tmp_path: Path, value: str) -> None:
    """A mutant of a-hrc-35-37.yaml with `format: []`: looking the format up raised TypeError (unhashable)."""
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nformat: company\n", f"\nformat: {value}\n"), encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert (problem.line, problem.column) == (2, 9)  # the value given, after `format: `
    assert "is not a file format;" in problem.message
    assert "write format: one of jurisdiction, company" in problem.message
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert exit_code(result) == 2 and f"{path}:2:9: " in result.stdout


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_regression_a_unicode_line_separator_shifted_line_numbers_past_the_end(tmp_path: Path,
                                                                               separator: str) -> None:
    """YAML counts U+2028, U+2029 and NEL as line breaks, editors do not: a mutant of crc.yaml got line 18 of 17."""
    path = tmp_path / "telegram-2021.yaml"
    text = (REPO / "legislation" / "telegram-2021.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("\nname: Telegram", f"\nname: Tele{separator}gram", 1), encoding="utf-8")
    problem, = load_file(path)[1].problems
    assert (problem.line, problem.column) == (4, 11)
    assert problem.message.startswith(f"control character U+{ord(separator):04X} in the file; delete it")


def test_regression_a_rule_testing_conduct_in_gap_when_crashed_the_assessment() -> None:
    """A mutant of rules/csam.yaml moved a `conduct` test into gap_when: valid, but assessing raised KeyError."""
    knowledge = shared_assessor().knowledge
    rule = Rule.model_validate({
        "id": "conduct-in-gap-when", "label": "conduct tested in gap_when", "severity": "low", "why": "A test.",
        "applies_to": {"provision_type": {"any_of": ["criminal_offence"]}},
        "gap_when": {"conduct": {"any_of": ["ncii_disseminate"]}}, "basis": ["cedaw-gr-35~para_29__lit_a"],
        "letter": {"concern": "c", "question": "q", "missing_question": "m"}})
    subject, _ = load_subject(REPO / "legislation" / "romania-2020.yaml", knowledge)
    assert subject is not None
    with Assessor(Knowledge(knowledge.instruments, [rule])) as assessor:
        assessment = assessor.assess(subject)
    gaps = [f for f in assessment.findings if f.status.value == "gap"]
    assert gaps and all("the conduct covered: " in f.explanation for f in gaps)


# --- resource limits ----------------------------------------------------------------------------

def _bounded(path: Path, *command: str, seconds: float = 30) -> str:
    """Run lexgap on `path` in a real process with a time and memory limit; return what it printed."""
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
              "sys.argv = ['lexgap', *sys.argv[1:]]; from lexgap.cli import main; main()")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, *command, str(path)], capture_output=True, text=True,
                          timeout=seconds, cwd=REPO)
    assert time.monotonic() - started < seconds
    output = done.stdout + done.stderr
    assert done.returncode == 2, output[-2000:]
    assert "Traceback" not in output
    return output


def test_a_50_mb_file_is_refused_quickly_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.write(b"format: jurisdiction\nnotes: >-\n")
        stream.write(b"  a long note pasted from somewhere, over and over\n" * (50 * 1024 * 1024 // 51))
    assert big.stat().st_size > 49 * 1024 * 1024
    output = _bounded(big, "validate")
    assert f"{big}:1:1: the file is 50.0 MB; lexgap reads files up to {MAX_FILE_BYTES // 1_048_576} MB" in output


def test_a_file_of_100000_provisions_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    big = tmp_path / "huge.yaml"
    head = (REPO / "legislation" / "romania-2020.yaml").read_text(encoding="utf-8").split("\nprovisions:\n")[0]
    with big.open("w", encoding="utf-8") as stream:
        stream.write(head + "\nprovisions:\n")
        for number in range(100_000):
            stream.write(f"  - id: ro/code/2009/286~art_{number}\n    title: Article {number}\n"
                         f"    law: ro/code/2009/286\n    summary: An offence, number {number}.\n"
                         "    conduct: [online_harass]\n    sources:\n      - document: Criminal Code\n"
                         "        consulted: 2021-01-25\n        verified: unverified\n")
    size = big.stat().st_size / 1_048_576
    assert size > MAX_FILE_BYTES / 1_048_576
    output = _bounded(big, "assess")
    assert f"{big}:1:1: the file is {size:.1f} MB; lexgap reads files up to 10 MB: split it into smaller files" \
        in output


@pytest.mark.parametrize("shape", ["flow", "block", "sequence"])
def test_deeply_nested_yaml_is_refused_at_its_line(tmp_path: Path, shape: str) -> None:
    deep = tmp_path / "deep.yaml"
    if shape == "flow":
        deep.write_text("format: jurisdiction\nname: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", encoding="utf-8")
    elif shape == "block":
        deep.write_text("format: jurisdiction\nname:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(2000))
                        + " " * 2001 + "v\n", encoding="utf-8")
    else:
        deep.write_text("format: jurisdiction\nname:\n" + "".join(" " * (2 * i + 2) + "-\n" for i in range(2000)),
                        encoding="utf-8")
    output = _bounded(deep, "validate")
    match = re.search(rf"^{re.escape(str(deep))}:(\d+):\d+: values are nested more than 40 levels deep", output,
                      re.MULTILINE)
    assert match, output[-2000:]
    assert 2 <= int(match[1]) <= line_count(deep.read_bytes())


def test_an_alias_bomb_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["format: jurisdiction", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = _bounded(bomb, "validate", seconds=10)
    assert f"{bomb}:2:5: anchors and aliases (& and *) are not allowed in lexgap files" in output


# --- file safety -------------------------------------------------------------------------------

def test_write_atomic_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"the officer's own edits\n")
    problem = write_atomic(target, b"a new letter", force=False)
    assert problem is not None and problem.file == str(target) and "--force" in problem.message
    assert target.read_bytes() == b"the officer's own edits\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["rename-fails", "interrupted"])
def test_an_interrupted_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         failure: BaseException) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"original")

    def fail(*_: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    if isinstance(failure, OSError):
        problem = write_atomic(target, b"replacement", force=True)
        assert problem is not None and "No space left on device" in problem.message
        assert "left unchanged" in problem.message
    else:
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, b"replacement", force=True)
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]  # no temporary file left behind


def _deny(*_: object, **__: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")


def test_a_read_only_folder_gives_a_clear_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.mkstemp", _deny)
    problem = write_atomic(tmp_path / "letter.md", b"x")
    assert problem is not None and problem.file == str(tmp_path / "letter.md")
    assert problem.message.startswith("cannot write the file: Permission denied")
    assert list(tmp_path.iterdir()) == []


def test_letter_output_into_a_read_only_folder_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.mkstemp", _deny)
    target = tmp_path / "letter.md"
    result = CliRunner().invoke(cli.app, ["letter", "telegram-2021", "--output", str(target)])
    assert exit_code(result) == 2
    assert f"{target}:1:1: cannot write the file: Permission denied" in result.stderr
    assert not target.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders")
def test_letter_output_into_a_really_read_only_folder_exits_2(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        run = lexgap("letter", "telegram-2021", "--output", str(folder / "letter.md"))
    assert run.code == 2 and "Traceback" not in run.output
    assert f"{folder / 'letter.md'}:1:1: cannot write the file" in run.stderr


def test_lexgap_writes_files_only_through_write_atomic() -> None:
    """Every place that could write a user's file goes through write_atomic."""
    writers = re.compile(r"write_bytes|write_text|open\([^)]*['\"][wax]b?\+?['\"]|\.save\((?!buffer\))|os\.replace")
    offenders = [f"{path.relative_to(REPO)}:{number}"
                 for path in [REPO / "cli.py", *sorted((REPO / "engine").rglob("*.py"))]
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if writers.search(line) and path.name != "output.py"]
    assert offenders == [], offenders


def test_fuzzing_is_deterministic_and_covers_every_file() -> None:
    source = DATA_FILES[0]
    assert [m.data for m in mutants(source)] == [m.data for m in mutants(source)]
    assert sum(share(p) for p in DATA_FILES) == MUTANTS
    assert all(share(p) >= 1 for p in DATA_FILES)
