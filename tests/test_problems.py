"""Problems: their kinds decide the exit code, in one place."""

from __future__ import annotations

import doctest

import lexgap.problems
from lexgap.problems import ExitCode, Kind, Level, Problem, exit_code


def test_doctests() -> None:
    assert doctest.testmod(lexgap.problems).failed == 0


def _problem(kind: Kind, level: Level = Level.error) -> Problem:
    return Problem("f.yaml", 1, 1, "message", level, kind)


def test_each_kind_has_its_exit_code() -> None:
    assert exit_code([_problem(Kind.input)]) is ExitCode.bad_input
    assert exit_code([_problem(Kind.engine)]) is ExitCode.internal_error
    assert exit_code([_problem(Kind.internal)]) is ExitCode.internal_error
    assert exit_code([_problem(Kind.io)]) is ExitCode.io_error
    assert int(ExitCode.io_error) == 74  # EX_IOERR


def test_the_most_severe_kind_wins_and_warnings_do_not_count() -> None:
    assert exit_code([_problem(Kind.input), _problem(Kind.io)]) is ExitCode.io_error
    assert exit_code([_problem(Kind.io), _problem(Kind.engine)]) is ExitCode.internal_error
    assert exit_code([_problem(Kind.engine, Level.warning)]) is ExitCode.done
    assert exit_code([]) is ExitCode.done


def test_only_engine_problems_say_so() -> None:
    assert str(_problem(Kind.engine)) == "f.yaml:1:1: engine: message"
    assert str(_problem(Kind.io)) == "f.yaml:1:1: message"
    assert str(_problem(Kind.input, Level.warning)) == "f.yaml:1:1: warning: message"
