"""Issue 18, robustness second round: each numbered case of the issue has a test named after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO
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


# --- case 2: decoded strings are checked for control and non-characters -----------------------------


@pytest.mark.parametrize(("escaped", "code"), [
    ("Rom\\0ania", "U+0000"), ("a\\x01", "U+0001"), ("Romania\\e[2J\\e]0;owned\\a", "U+001B"), ("x\\a", "U+0007"),
    ("\\uFFFE", "U+FFFE"), ("\\x9b2J", "U+009B"), ("\\U0001FFFF", "U+1FFFF"), ("\\uFDD0", "U+FDD0"),
])
def test_case2_escaped_control_characters_are_refused_at_the_value(tmp_path: Path, escaped: str, code: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f'format: jurisdiction\nid: ro\nname:  "{escaped}"\n', encoding="utf-8")
    problems = read_yaml(path).problems
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (3, 8)  # the opening quote of the value
    assert f"{code} in this text (an escape in quotes" in problems[0].message
    assert problems[0].message.endswith("; delete it")


def test_case2_an_escaped_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('format: jurisdiction\n"na\\x1bme": x\n', encoding="utf-8")
    problems = read_yaml(path).problems
    assert [(p.line, p.column) for p in problems] == [(2, 1)] and "U+001B" in problems[0].message


def test_case2_tabs_and_newlines_written_as_escapes_stay_allowed(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('a: "one\\ttwo\\nthree"\n', encoding="utf-8")
    loaded = read_yaml(path)
    assert not loaded.problems and loaded.data == {"a": "one\ttwo\nthree"}


def test_case2_assess_never_prints_an_escape_sequence(tmp_path: Path) -> None:
    source = (REPO / "legislation" / "romania-2020.yaml").read_text(encoding="utf-8")
    assert "\nname: Romania\n" in source
    (tmp_path / "ro.yaml").write_text(source.replace("\nname: Romania\n", '\nname: "Romania\\e[2J\\e]0;owned\\a"\n'),
                                      encoding="utf-8")
    done = _quick("assess", "ro.yaml", cwd=tmp_path)
    assert done.returncode == 2 and "\x1b" not in done.stdout + done.stderr
    assert "control character U+001B" in done.stderr
