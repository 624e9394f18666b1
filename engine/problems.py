"""A located problem in a user's file: the value every check returns instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at a line and column (both counted from 1)."""

    file: str
    line: int
    column: int
    message: str
    level: Level = Level.error

    def __str__(self) -> str:
        prefix = "" if self.level is Level.error else f"{self.level}: "
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


class ProblemsFound(Exception):
    """Raised only at boundaries that cannot return values (pytest collection)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
