"""Assessing many subjects at once, in one process or several, with identical output.

A batch is what makes lexgap useful beyond one country: every State's law, or every
version of a bill.  The rules are compiled once per process; results come back in the
order of the (sorted) input paths whatever the number of processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lexgap.assess import Assessment, Assessor
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.paths import resolve_subject, yaml_files
from lexgap.problems import Problem

Render = Callable[[Assessment], str]


@dataclass(frozen=True)
class Assessed:
    """One subject's result: its rendered text and finding statuses, or the problems that stopped it."""

    path: str
    text: str | None
    statuses: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


_WORKER: tuple[Knowledge, Assessor, Render, frozenset[str]] | None = None


def subject_paths(arguments: list[str]) -> list[Path]:
    """Files as given (bundled names resolved), folders expanded to their YAML files in name order."""
    paths: list[Path] = []
    for argument in arguments:
        path = resolve_subject(argument)
        paths += yaml_files(path) if path.is_dir() else [path]
    return paths


def _assess_one(knowledge: Knowledge, assessor: Assessor, render: Render, shown: frozenset[str],
                path: Path) -> Assessed:
    subject, problems = load_subject(path, knowledge)
    if subject is None:
        return Assessed(str(path), None, problems=tuple(problems))
    assessment = assessor.assess(subject)
    if assessment.engine_problems:
        return Assessed(str(path), None, problems=tuple(assessment.engine_failures(str(path))))
    if shown:
        assessment.findings = [f for f in assessment.findings if f.status.value in shown]
    return Assessed(str(path), render(assessment), tuple(f.status.value for f in assessment.findings))


_GIVEN: Knowledge | None = None  # the caller's knowledge, inherited by forked workers


def _start_worker(rule_ids: list[str] | None, render: Render, shown: frozenset[str]) -> None:
    global _WORKER
    knowledge = _GIVEN if _GIVEN is not None else load_knowledge()
    _WORKER = (knowledge, Assessor(knowledge, rule_ids), render, shown)


def _work(path: Path) -> Assessed:
    assert _WORKER is not None
    return _assess_one(*_WORKER, path)


def assess_many(paths: list[Path], knowledge: Knowledge, rule_ids: list[str] | None, render: Render,
                jobs: int = 1, statuses: frozenset[str] = frozenset()) -> Iterator[Assessed]:
    """Assess each path (keeping only findings with the given statuses, if any) in input order."""
    if jobs <= 1 or len(paths) <= 1:
        with Assessor(knowledge, rule_ids) as assessor:
            for path in paths:
                yield _assess_one(knowledge, assessor, render, statuses, path)
        return
    import multiprocessing  # only here: one subject, the common case, need not pay for importing it

    global _GIVEN
    context = multiprocessing.get_context("fork")  # workers inherit the knowledge and render function
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    _GIVEN = knowledge
    try:
        with context.Pool(jobs, initializer=_start_worker, initargs=(rule_ids, render, statuses)) as pool:
            yield from pool.imap(_work, paths, chunksize=chunk)
    finally:
        _GIVEN = None
