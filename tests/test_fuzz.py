"""Mutation fuzzing of every bundled data file: lexgap's promises under abuse.

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

What the fuzz found is pinned in test_fuzz_regressions.py; files too big, too deep or too repetitive
are in test_resource_limits.py; writing a user's file safely in test_file_safety.py.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from random import Random

import pytest
from typer.testing import CliRunner

from conftest import shared_assessor
from helpers import REPO, exit_code, lexgap, line_count
from lexgap import cli
from lexgap.assess import Assessor
from lexgap.compare import run_compare
from lexgap.knowledge import Knowledge, check_subject, load_subject
from lexgap.loading import load_file, read_yaml
from lexgap.models import RuleSet
from lexgap.problems import Kind, Problem

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
        def __init__(self, knowledge: Knowledge, rule_ids: list[str] | None = None, keep_packs: bool = True):
            assert rule_ids is None  # the shared assessor keeps its packs whatever the batch asks

        def __enter__(self) -> Assessor:
            return assessor

        def __exit__(self, *_: object) -> None:
            pass

    monkeypatch.setattr(cli, "load_knowledge", lambda: assessor.knowledge)
    monkeypatch.setattr("lexgap.batch.Assessor", SharedAssessor)
    yield CliRunner()


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


def check_fast_read(path: Path) -> list[str]:
    """The marks-free read of a file lexgap accepts gives the data, problems and marks (made later, on demand)
    of the read with marks; on any problem it falls back to that read, so the messages are the same."""
    fast, marked = read_yaml(path), read_yaml(path, with_marks=True)
    wrong = []
    if repr(fast.data) != repr(marked.data):
        wrong.append("the marks-free read gives other data than the read with marks")
    if fast.problems != marked.problems:
        wrong.append(f"the marks-free read gives other problems: {fast.problems} against {marked.problems}")
    if (fast.marks.positions, fast.marks.values) != (marked.marks.positions, marked.marks.values):
        wrong.append("the marks made on demand differ from those made while reading")
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
            wrong = check_engine(path, mutant, assessor) + check_cli(runner, path, mutant) + check_fast_read(path)
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


def test_fuzzing_is_deterministic_and_covers_every_file() -> None:
    source = DATA_FILES[0]
    assert [m.data for m in mutants(source)] == [m.data for m in mutants(source)]
    assert sum(share(p) for p in DATA_FILES) == MUTANTS
    assert all(share(p) >= 1 for p in DATA_FILES)
