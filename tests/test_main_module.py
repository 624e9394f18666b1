"""`python -m lexgap` runs the same command line as the `lexgap` script, from any folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lexgap import __version__


def test_python_dash_m_lexgap_prints_the_version(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "lexgap", "--version"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"lexgap {__version__}\n"


def test_python_dash_m_lexgap_reports_bad_input_like_the_script(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "lexgap", "assess", str(tmp_path / "missing.yaml")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "missing.yaml:1:1: no such file" in done.stderr
    assert "Traceback" not in done.stderr
