"""Mutation fuzzing of the templates that come from data: rule letter texts, the letter wording, and
standards text that flows into letters.

tests/test_fuzz.py damages every bundled file as a careless edit would.  This file aims at what those
mutants rarely reach: the jinja2 templates in rules/*.yaml (`letter: concern/question/missing_question`)
and templates/letter/clauses.en.yaml, edited with broken syntax, undefined names, sandbox escapes, and
expressions that would run for hours; and the standards, whose text is data inside a letter and must
never be run as a template.  For every mutant: loading never raises and locates each problem inside the
file; a file that loads builds its letters (Romania and Telegram) without raising, every failure being
a Problem; no command runs (each escape tries to create a marker file); every letter is built in
seconds.

    LEXGAP_FUZZ_MUTANTS=2000 python -m pytest tests/test_fuzz_knowledge.py

sets the number of mutants per group (default 60); LEXGAP_FUZZ_SEED the seed (default 8).
"""

from __future__ import annotations

import os
import re
import shutil
import time
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from random import Random

import pytest

from conftest import shared_assessor
from helpers import REPO
from lexgap.assess import Assessment
from lexgap.compose import load_clauses
from lexgap.knowledge import Knowledge, check_subject, load_subject
from lexgap.letters import LetterTexts, build_letter, load_letter_texts, template_dir
from lexgap.loading import load_file
from lexgap.models import Company, Instrument, Jurisdiction, Rule, RuleSet
from lexgap.problems import Problem

MUTANTS = int(os.environ.get("LEXGAP_FUZZ_MUTANTS", "60"))
SEED = int(os.environ.get("LEXGAP_FUZZ_SEED", "8"))
SECONDS = 20  # per letter: far above the 0.1 s one takes; a hang shows as a failure, not a stall

RULE_FILES = sorted(REPO.glob("rules/*.yaml"))
STANDARD_FILES = sorted(REPO.glob("standards/*.yaml"))
MARKER = "MARKER"

#: Template text as a careless or a hostile author would write it.  MARKER becomes a path per mutant.
TEMPLATES: list[str] = [
    # broken syntax
    "{{", "}}", "{{ }}", "{% if %}", "{% if reported %}", "{% endif %}", "{% for %}", "{{ provision ",
    "{# unclosed", "{% raw %}", "{{ provision | nosuchfilter }}", "{{ 'unterminated }}",
    # names the letter does not give, and values it does
    "{{ nosuchvalue }}", "{{ provision.nosuchattribute }}", "{{ subject }}", "{{ conduct }} {{ basis }}",
    "{% if reported %}x{% else %}y{% endif %}", "{{ subject | upper }}", "{{ as_of }}",
    # escapes from the sandbox, each trying to create the marker file
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ subject.__class__.__init__.__globals__['os'].system('touch MARKER') }}",
    "{{ subject|attr('__class__') }}", "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__.os.popen('touch MARKER') }}", "{{ config }}", "{{ request }}",
    "{{ namespace.__init__.__globals__ }}", "{% include '/etc/passwd' %}", "{% import 'x' as y %}",
    "{% extends 'letter.md.j2' %}", "{{ subject.format('{0.__class__}') }}", "{{ '{0.__class__}'.format(subject) }}",
    # time and memory
    "{{ 9**9**9 }}", "{{ 'x' * 1000000000 }}", "{{ range(100000000) | list }}", "{{ lipsum(1000000) }}",
    "{% for a in subject %}{% for b in subject %}{% for c in subject %}x{% endfor %}{% endfor %}{% endfor %}",
    "{% set x = subject * 100000 %}{{ x }}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    # markup and control characters a renderer might act on
    "<script>alert(1)</script>", "[link](javascript:alert(1))", "\\e[2J", "\\x1b]0;owned\\a", "# heading",
]


@dataclass
class Mutant:
    index: int
    data: bytes
    steps: list[str]


def _payload(rng: Random, marker: Path) -> str:
    return rng.choice(TEMPLATES).replace(MARKER, str(marker))


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (backslashes of the escapes above kept as YAML escapes)."""
    return '"' + text.replace('"', "'") + '"'


def mutate_lines(original: str, rng: Random, marker: Path, keys: re.Pattern[str]) -> tuple[str, list[str]]:
    """Edit one to three of the lines whose key matches `keys` (or the lines continuing them)."""
    lines = original.split("\n")
    targets = [i for i, line in enumerate(lines) if keys.match(line)]
    steps: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        at = rng.choice(targets)
        payload = _payload(rng, marker)
        key = keys.match(lines[at])
        assert key is not None
        how = rng.choice(("replace", "insert", "continue"))
        if how == "replace" or at + 1 >= len(lines):
            lines[at] = f"{key[0]} {_quoted(payload)}"
        elif how == "insert" and lines[at].rstrip().endswith((">-", "|", ">")):
            continuation = lines[at + 1]
            cut = rng.randrange(len(continuation) + 1)
            lines[at + 1] = continuation[:cut] + payload.replace("\\", "") + continuation[cut:]
        else:
            lines[at] = f"{key[0]} {_quoted(payload + ' ' + 'text')}"
        steps.append(f"{how} at line {at + 1}: {payload[:60]!r}")
    return "\n".join(lines), steps


def mutants(source: Path, folder: Path, keys: re.Pattern[str], count: int) -> list[tuple[Mutant, Path]]:
    original = source.read_text(encoding="utf-8")
    found = []
    for number in range(count):
        rng = Random(f"{SEED}:{source.relative_to(REPO)}:{number}")
        marker = folder / f"executed-{number}"
        text, steps = mutate_lines(original, rng, marker, keys)
        found.append((Mutant(number, text.encode("utf-8"), steps), marker))
    return found


def located(problems: list[Problem], path: Path, data: bytes) -> list[str]:
    last = data.count(b"\n") + 2
    return [f"not located in the file: {p}" for p in problems
            if p.file != str(path) or not (1 <= p.line <= last and p.column >= 1)]


def _assessments() -> list[tuple[Assessment, Jurisdiction | Company]]:
    assessor = shared_assessor()
    found = []
    for name in ("romania-2020", "telegram-2021"):
        subject, problems = load_subject(REPO / "legislation" / f"{name}.yaml", assessor.knowledge)
        assert subject is not None, problems
        found.append((assessor.assess(subject), subject))
    return found


_TEXTS: list[LetterTexts] = []


def _bundled_texts() -> LetterTexts:
    if not _TEXTS:
        texts, problems = load_letter_texts()
        assert texts is not None, problems
        _TEXTS.append(texts)
    return _TEXTS[0]


def letters_hold(knowledge: Knowledge, rules: Mapping[str, Rule], folder: Path | None = None) -> list[str]:
    """Build both letters; never a raise, every failure a Problem, each in seconds."""
    wrong = []
    texts, problems = load_letter_texts(folder) if folder is not None else (_bundled_texts(), [])
    clauses, more = load_clauses(folder=folder) if folder is not None else (None, [])
    if texts is None or (folder is not None and clauses is None):
        return [f"no texts and no problem in {folder}"] if not problems + more else []
    for assessment, subject in _assessments():
        started = time.monotonic()
        try:
            letter = build_letter(assessment, subject, knowledge, rules, texts, clauses=clauses)
        except Exception:
            wrong.append("build_letter raised:\n" + traceback.format_exc())
            continue
        took = time.monotonic() - started
        if took > SECONDS:
            wrong.append(f"the letter on {subject.id} took {took:.0f} s")
        wrong += [f"not a Problem: {p!r}" for p in letter.problems if not isinstance(p, Problem)]
    return wrong


def _report(failures: list[str], what: str) -> str:
    return f"{len(failures)} mutants of {what} mishandled:\n" + "\n".join(failures[:10])


_RULE_KEYS = re.compile(r"^\s+(concern|question|missing_question):")


@pytest.mark.parametrize("source", RULE_FILES, ids=lambda p: p.name)
def test_mutated_rule_templates_are_refused_or_rendered_safely(source: Path, tmp_path: Path) -> None:
    assessor = shared_assessor()
    knowledge = assessor.knowledge
    failures = []
    loaded_count = 0
    # a fifth of the budget per rules file, however many files there are: with a sixth file (csam-depth.yaml)
    # an even share (20) left remedies.yaml with no mutant that loads (its first is number 22)
    for mutant, marker in mutants(source, tmp_path, _RULE_KEYS, max(1, MUTANTS // 5)):
        path = tmp_path / str(mutant.index) / source.name
        path.parent.mkdir()
        path.write_bytes(mutant.data)
        wrong: list[str] = []
        try:
            model, loaded = load_file(path, "rules")
            problems = loaded.problems + (check_subject(model, loaded, knowledge) if model is not None else [])
            wrong += located(problems, path, mutant.data)
            if model is None and not problems:
                wrong.append("no model and no problem")
            if isinstance(model, RuleSet) and not problems:
                loaded_count += 1
                rules = {**assessor.rules, **{r.id: r for r in model.rules}}
                wrong += letters_hold(knowledge, rules)
        except Exception:
            wrong.append("raised:\n" + traceback.format_exc())
        if marker.exists():
            wrong.append("a template ran a command")
        if wrong:
            failures.append(f"{path} ({'; '.join(mutant.steps)}):\n  " + "\n  ".join(wrong))
    assert not failures, _report(failures, source.name)
    assert loaded_count or MUTANTS // 5 < 30, "no mutant loaded: the letters were never built"


_WORDING_KEYS = re.compile(r"^  [a-z_.]+:")


def test_mutated_clause_templates_are_refused_or_rendered_safely(tmp_path: Path) -> None:
    assessor = shared_assessor()
    source = template_dir() / "clauses.en.yaml"
    failures = []
    for mutant, marker in mutants(source, tmp_path, _WORDING_KEYS, max(1, MUTANTS // 2)):  # each copies a folder
        folder = tmp_path / str(mutant.index)
        shutil.copytree(template_dir(), folder)
        (folder / "clauses.en.yaml").write_bytes(mutant.data)
        wrong = []
        try:
            wrong += letters_hold(assessor.knowledge, assessor.rules, folder)
        except Exception:
            wrong.append("raised:\n" + traceback.format_exc())
        if marker.exists():
            wrong.append("a template ran a command")
        if wrong:
            failures.append(f"{folder} ({'; '.join(mutant.steps)}):\n  " + "\n  ".join(wrong))
    assert not failures, _report(failures, "clauses.en.yaml")


_STANDARD_KEYS = re.compile(r"^\s+(paraphrase|heading|key_phrase|pinpoint|title|short_title|document):")


def test_template_text_in_standards_is_data_never_run(tmp_path: Path) -> None:
    assessor = shared_assessor()
    knowledge = assessor.knowledge
    failures = []
    per_file = max(1, MUTANTS // len(STANDARD_FILES))
    for source in STANDARD_FILES:
        for mutant, marker in mutants(source, tmp_path / source.stem, _STANDARD_KEYS, per_file):
            path = tmp_path / source.stem / str(mutant.index) / source.name
            path.parent.mkdir(parents=True)
            path.write_bytes(mutant.data)
            wrong: list[str] = []
            try:
                model, loaded = load_file(path, "instrument")
                wrong += located(loaded.problems, path, mutant.data)
                if isinstance(model, Instrument) and not loaded.problems:
                    mixed = Knowledge({**knowledge.instruments, model.id: model}, knowledge.rules)
                    wrong += letters_hold(mixed, assessor.rules)
            except Exception:
                wrong.append("raised:\n" + traceback.format_exc())
            if marker.exists():
                wrong.append("standards text ran as a template")
            if wrong:
                failures.append(f"{path} ({'; '.join(mutant.steps)}):\n  " + "\n  ".join(wrong))
    assert not failures, _report(failures, "standards")


def test_a_standard_that_looks_like_a_template_is_printed_as_written(tmp_path: Path) -> None:
    assessor = shared_assessor()
    knowledge = assessor.knowledge
    marker = tmp_path / "executed"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    (assessment, subject), _ = _assessments()
    cited = next(ref for f in assessment.findings for b in f.basis for ref in [b.ref])
    instrument_id, _, provision_id = cited.partition("~")
    instrument = knowledge.instruments[instrument_id]
    provisions = [p.model_copy(update={"paraphrase": payload}) if p.id == provision_id else p
                  for p in instrument.provisions]
    changed = instrument.model_copy(update={"provisions": provisions})
    mixed = Knowledge({**knowledge.instruments, instrument_id: changed},
                      knowledge.rules)
    letter = build_letter(assessment, subject, mixed, assessor.rules)
    assert not letter.problems and not marker.exists()
    texts = [passage for item in letter.annex for passage in item.passages]
    assert any(payload.rstrip(".") in text for text in texts), "the annex gives the paraphrase as written"
