"""Running the real command line in tests, in-process or as a separate process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lexgap import cli
from lexgap.problems import ExitCode

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def lexgap(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `lexgap ARGS` as the user would, in a separate process."""
    merged = {**os.environ, "COLUMNS": "120", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "lexgap.cli", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env=merged, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


@contextmanager
def read_only_folder(parent: Path) -> Iterator[Path]:
    """A new folder nobody may write into (root still can), made writable again afterwards."""
    folder = parent / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


def line_count(data: bytes) -> int:
    """Lines as an editor numbers them (CR LF, LF or CR ends a line); a last line without a newline counts."""
    breaks = len(re.findall(rb"\r\n|\r|\n", data))
    return breaks + (0 if data.endswith((b"\n", b"\r")) or not data else 1)


def exit_code(result: Any) -> int:
    """The exit status `lexgap.cli.main()` would give for this in-process run."""
    error = result.exception
    if isinstance(error, cli.Stop):
        return int(error.code)
    if error is None or isinstance(error, SystemExit):
        return int(result.exit_code)
    return int(ExitCode.internal_error)
