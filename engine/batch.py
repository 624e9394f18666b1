"""Assessing many subjects at once, in one process or several, with identical output.

A batch is what makes lexgap useful beyond one country: every State's law, or every
version of a bill.  The rules are compiled once per process; results come back in the
order of the (sorted) input paths whatever the number of processes.
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lexgap.assess import Assessment, Assessor
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.paths import resolve_subject_noted, yaml_files_noted
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
    return subject_paths_noted(arguments)[0]


def subject_paths_noted(arguments: list[str]) -> tuple[list[Path], list[Problem]]:
    """`subject_paths`, and the notes to print first: each folder entry skipped and why (warnings), each
    bare name for which the bundled file is used (info)."""
    paths: list[Path] = []
    notes: list[Problem] = []
    for argument in arguments:
        path, note = resolve_subject_noted(argument)
        notes += [note] if note is not None else []
        if path.is_dir():
            files, skipped = yaml_files_noted(path)
            paths += files
            notes += skipped
        else:
            paths.append(path)
    return paths, notes


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one subject is read, assessed and rendered.

    Each step allocates many short-lived objects and few cycles, so the collector's passes (which grow
    with the heap: the knowledge base, compiled rules, a large file's facts) find little to free; they are
    made once after the subject instead.  Left as found when the caller had turned it off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _assess_one(knowledge: Knowledge, assessor: Assessor, render: Render, shown: frozenset[str],
                path: Path) -> Assessed:
    with _collector_paused():
        return _assess_subject(knowledge, assessor, render, shown, path)


def _assess_subject(knowledge: Knowledge, assessor: Assessor, render: Render, shown: frozenset[str],
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
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent stops us
    knowledge = _GIVEN if _GIVEN is not None else load_knowledge()
    _WORKER = (knowledge, Assessor(knowledge, rule_ids), render, shown)


def _work(path: Path) -> Assessed:
    assert _WORKER is not None
    return _assess_one(*_WORKER, path)


def assess_many(paths: list[Path], knowledge: Knowledge, rule_ids: list[str] | None, render: Render,
                jobs: int = 1, statuses: frozenset[str] = frozenset()) -> Iterator[Assessed]:
    """Assess each path (keeping only findings with the given statuses, if any) in input order."""
    if jobs <= 1 or len(paths) <= 1:
        with Assessor(knowledge, rule_ids, keep_packs=len(paths) > 1) as assessor:
            for path in paths:
                yield _assess_one(knowledge, assessor, render, statuses, path)
        return
    import multiprocessing  # only here: one subject, the common case, need not pay for importing it

    global _GIVEN
    context = multiprocessing.get_context("fork")  # workers inherit the knowledge and render function
    jobs = min(jobs, len(paths))  # a worker without a file would only cost its start-up
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    _GIVEN = knowledge
    try:
        # Ctrl-C goes to every process of the terminal's group: workers are forked ignoring it (and set it
        # again when they start), so that only the parent gets KeyboardInterrupt; leaving the `with` then
        # terminates the pool, and the command line exits 130 without a worker's traceback.
        main = threading.current_thread() is threading.main_thread()  # only it may set signal handlers
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            pool = context.Pool(jobs, initializer=_start_worker, initargs=(rule_ids, render, statuses))
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        with pool:
            yield from pool.imap(_work, paths, chunksize=chunk)
    finally:
        _GIVEN = None
