"""The README's Python example is run as written (a doctest), from an unrelated folder."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest

from helpers import REPO


def _examples() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if block.startswith(">>> ")]


def test_the_readme_has_a_python_api_example() -> None:
    assert _examples(), "README.md has no ```python block with >>> examples"


@pytest.mark.parametrize("index", range(len(_examples())))
def test_the_readme_python_example_runs_as_written(index: int, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # bundled names resolve from anywhere
    example = _examples()[index]
    test = doctest.DocTestParser().get_doctest(example, {}, f"README.md example {index + 1}", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    outputs: list[str] = []
    runner.run(test, out=outputs.append)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, "".join(outputs)
    assert results.attempted >= 5
    assert os.getcwd() == str(tmp_path)
