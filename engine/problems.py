"""A located problem in a user's file: the value every check returns instead of raising.

Every problem has a kind, and the exit code of a command is decided from the kinds of
its problems in one place, `exit_code` (as conftest's `ExitCode` and trestle's return
codes do):

>>> exit_code([Problem("law.yaml", 3, 1, "unknown word")])
<ExitCode.bad_input: 2>
>>> exit_code([Problem("law.yaml", 1, 1, "assert failed", kind=Kind.engine)])
<ExitCode.internal_error: 70>
>>> str(Problem("law.yaml", 1, 1, "assert failed on x#y: z", kind=Kind.engine))
'law.yaml:1:1: engine: assert failed on x#y: z'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Kind(StrEnum):
    """Whose fault a problem is, which decides the exit code."""

    input = "input"  # the user's file or command line: fix the input
    engine = "engine"  # the rule engine (durable-rules) failed on valid input: a bug
    internal = "internal"  # anything else lexgap did wrong: a bug
    io = "io"  # reading or writing failed (disk full, permission, broken pipe)


class ExitCode(IntEnum):
    """The exit codes, the same for every command (README, "Exit codes")."""

    done = 0
    findings = 1  # findings at or above --fail-on
    bad_input = 2  # bad input or usage (EX_USAGE-like, click's own code)
    internal_error = 70  # EX_SOFTWARE: a bug, engine failures included
    io_error = 74  # EX_IOERR: an input or output error


#: The exit code of each kind of problem; the most severe code of a command's problems wins.
KIND_EXIT = {Kind.input: ExitCode.bad_input, Kind.engine: ExitCode.internal_error,
             Kind.internal: ExitCode.internal_error, Kind.io: ExitCode.io_error}
_SEVERITY = (ExitCode.internal_error, ExitCode.io_error, ExitCode.bad_input)

#: What a problem of this kind says before its message (engine failures are marked as such).
_PREFIX = {Kind.engine: "engine: "}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at a line and column (both counted from 1)."""

    file: str
    line: int
    column: int
    message: str
    level: Level = Level.error
    kind: Kind = Kind.input

    def __str__(self) -> str:
        prefix = "" if self.level is Level.error else f"{self.level}: "
        return f"{self.file}:{self.line}:{self.column}: {prefix}{_PREFIX.get(self.kind, '')}{self.message}"


def exit_code(problems: Iterable[Problem]) -> ExitCode:
    """The exit code for a command's error problems: the most severe kind decides; done when there is none."""
    codes = {KIND_EXIT[p.kind] for p in problems if p.level is Level.error}
    return next((code for code in _SEVERITY if code in codes), ExitCode.done)
