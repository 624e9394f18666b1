"""File safety: lexgap writes a user's file only through write_atomic, never over an existing file
without --force, never half-written; a folder it cannot write into is a clear problem."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import REPO, exit_code, lexgap, read_only_folder
from lexgap import cli
from lexgap.output import write_atomic
from lexgap.problems import ExitCode


def test_write_atomic_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"the officer's own edits\n")
    problem = write_atomic(target, b"a new letter", force=False)
    assert problem is not None and problem.file == str(target) and "--force" in problem.message
    assert target.read_bytes() == b"the officer's own edits\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["rename-fails", "interrupted"])
def test_an_interrupted_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         failure: BaseException) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"original")

    def fail(*_: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    if isinstance(failure, OSError):
        problem = write_atomic(target, b"replacement", force=True)
        assert problem is not None and "No space left on device" in problem.message
        assert "left unchanged" in problem.message
    else:
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, b"replacement", force=True)
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]  # no temporary file left behind


def _deny(*_: object, **__: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")


def test_a_read_only_folder_gives_a_clear_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.mkstemp", _deny)
    problem = write_atomic(tmp_path / "letter.md", b"x")
    assert problem is not None and problem.file == str(tmp_path / "letter.md")
    assert problem.message.startswith("cannot write the file: Permission denied")
    assert list(tmp_path.iterdir()) == []


def test_letter_output_into_a_read_only_folder_is_an_io_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.mkstemp", _deny)
    target = tmp_path / "letter.md"
    result = CliRunner().invoke(cli.app, ["letter", "telegram-2021", "--output", str(target)])
    assert exit_code(result) == ExitCode.io_error  # 74, not bad input: the input was fine
    assert f"{target}:1:1: cannot write the file: Permission denied" in result.stderr
    assert not target.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders")
def test_letter_output_into_a_really_read_only_folder_is_an_io_error(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        run = lexgap("letter", "telegram-2021", "--output", str(folder / "letter.md"))
    assert run.code == ExitCode.io_error and "Traceback" not in run.output
    assert f"{folder / 'letter.md'}:1:1: cannot write the file" in run.stderr


def test_lexgap_writes_files_only_through_write_atomic() -> None:
    """Every place that could write a user's file goes through write_atomic."""
    writers = re.compile(r"write_bytes|write_text|open\([^)]*['\"][wax]b?\+?['\"]|\.save\((?!buffer\))|os\.replace")
    offenders = [f"{path.relative_to(REPO)}:{number}"
                 for path in [REPO / "cli.py", *sorted((REPO / "engine").rglob("*.py"))]
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if writers.search(line) and path.name != "output.py"]
    assert offenders == [], offenders
