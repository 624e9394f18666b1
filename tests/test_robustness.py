"""Issue 18, robustness second round: each numbered case of the issue has a test named after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lexgap.loading import MAX_FILE_BYTES, read_regular, read_yaml

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


def _quick(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lexgap ARGS` with a short timeout: a hang fails the test instead of stalling the suite."""
    return subprocess.run([sys.executable, "-m", "lexgap.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "COLUMNS": "120"}, timeout=60)


# --- case 1: only regular files are read, and never more than the cap ---------------------------------


@needs_fifo
def test_case1_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    done = _quick("assess", "f.yaml", cwd=tmp_path)  # no writer: a plain open() would wait forever
    assert done.returncode == 2
    assert done.stderr.strip() == ("f.yaml:1:1: this is a named pipe (FIFO), not a regular file; "
                                   "lexgap reads only regular .yaml files")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_case1_device_is_refused_before_reading(tmp_path: Path) -> None:
    done = _quick("validate", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "/dev/zero:1:1: this is a device, not a regular file" in done.stdout  # validate lists on stdout
    raw, problem = read_regular(Path("/dev/zero"))
    assert raw is None and problem is not None and (problem.line, problem.column) == (1, 1)


def test_case1_directory_is_refused(tmp_path: Path) -> None:
    problem = read_yaml(tmp_path).problems[0]
    assert (problem.line, problem.column, problem.message) == (1, 1, "this is a directory; give a .yaml file")


def test_case1_reads_at_most_the_cap_plus_one_byte(tmp_path: Path) -> None:
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"#" * 100)
    assert read_regular(exact, limit=100) == (b"#" * 100, None)
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * 101)
    raw, problem = read_regular(over, limit=100)
    assert raw is None and problem is not None and "lexgap reads files up to" in problem.message
    assert MAX_FILE_BYTES == 10 * 1024 * 1024
