"""Running the real command line in tests, in-process or as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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
