"""Resource limits: a file too big, too deeply nested or full of aliases is refused quickly, at its line,
in a real process under a time and memory limit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, line_count
from lexgap.loading import MAX_FILE_BYTES


def _bounded(path: Path, *command: str, seconds: float = 30) -> str:
    """Run lexgap on `path` in a real process with a time and memory limit; return what it printed."""
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
              "sys.argv = ['lexgap', *sys.argv[1:]]; from lexgap.cli import main; main()")
    # the timeout guards against a hang (it raises); how fast is the bench's business, not a test's
    done = subprocess.run([sys.executable, "-c", script, *command, str(path)], capture_output=True, text=True,
                          timeout=seconds, cwd=REPO)
    output = done.stdout + done.stderr
    assert done.returncode == 2, output[-2000:]
    assert "Traceback" not in output
    return output


def test_a_50_mb_file_is_refused_quickly_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.write(b"format: jurisdiction\nnotes: >-\n")
        stream.write(b"  a long note pasted from somewhere, over and over\n" * (50 * 1024 * 1024 // 51))
    assert big.stat().st_size > 49 * 1024 * 1024
    output = _bounded(big, "validate")
    assert f"{big}:1:1: the file is 50.0 MB; lexgap reads files up to {MAX_FILE_BYTES // 1_048_576} MB" in output


def test_a_file_of_100000_provisions_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    big = tmp_path / "huge.yaml"
    head = (REPO / "legislation" / "romania-2020.yaml").read_text(encoding="utf-8").split("\nprovisions:\n")[0]
    with big.open("w", encoding="utf-8") as stream:
        stream.write(head + "\nprovisions:\n")
        for number in range(100_000):
            stream.write(f"  - id: ro/code/2009/286~art_{number}\n    title: Article {number}\n"
                         f"    law: ro/code/2009/286\n    summary: An offence, number {number}.\n"
                         "    conduct: [online_harass]\n    sources:\n      - document: Criminal Code\n"
                         "        consulted: 2021-01-25\n        verified: unverified\n")
    size = big.stat().st_size / 1_048_576
    assert size > MAX_FILE_BYTES / 1_048_576
    output = _bounded(big, "assess")
    assert f"{big}:1:1: the file is {size:.1f} MB; lexgap reads files up to 10 MB: split it into smaller files" \
        in output


@pytest.mark.parametrize("shape", ["flow", "block", "sequence"])
def test_deeply_nested_yaml_is_refused_at_its_line(tmp_path: Path, shape: str) -> None:
    deep = tmp_path / "deep.yaml"
    if shape == "flow":
        deep.write_text("format: jurisdiction\nname: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", encoding="utf-8")
    elif shape == "block":
        deep.write_text("format: jurisdiction\nname:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(2000))
                        + " " * 2001 + "v\n", encoding="utf-8")
    else:
        deep.write_text("format: jurisdiction\nname:\n" + "".join(" " * (2 * i + 2) + "-\n" for i in range(2000)),
                        encoding="utf-8")
    output = _bounded(deep, "validate")
    match = re.search(rf"^{re.escape(str(deep))}:(\d+):\d+: values are nested more than 40 levels deep", output,
                      re.MULTILINE)
    assert match, output[-2000:]
    assert 2 <= int(match[1]) <= line_count(deep.read_bytes())


def test_an_alias_bomb_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["format: jurisdiction", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = _bounded(bomb, "validate", seconds=10)
    assert f"{bomb}:2:5: anchors and aliases (& and *) are not allowed in lexgap files" in output
