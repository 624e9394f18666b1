"""ruff and mypy stay clean (mypy strict on the engine; the tests and benchmarks checked too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import REPO


def test_ruff_is_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "engine", "cli.py", "tests", "bench"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean(tmp_path: Path) -> None:
    # checks the installed package (engine/ installed as lexgap), strict per pyproject.toml
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
                           "--cache-dir", str(tmp_path / "cache"), "-p", "lexgap"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean_on_tests_and_bench(tmp_path: Path) -> None:
    # the tests and benchmarks import the installed lexgap, like the users' code
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
                           "--cache-dir", str(tmp_path / "cache"), "tests", "bench"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
