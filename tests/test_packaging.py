"""The built wheel works from any directory: data inside, import name `lexgap`, no stray top-level modules."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from helpers import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(REPO)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("lexgap-*.whl")
    return built


def test_wheel_ships_data_under_the_lexgap_name_only(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"lexgap", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    assert "lexgap/cli.py" in names
    assert "lexgap/data/legislation/romania-2020.yaml" in names
    assert any(n.startswith("lexgap/data/standards/") for n in names)
    assert any(n.startswith("lexgap/data/rules/") for n in names)


def test_installed_wheel_runs_validate_and_assess_from_an_unrelated_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # dependencies come from the test environment (no network); the wheel itself is installed for real
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(subprocess.check_output([str(python), "-c", purelib], text=True).strip())
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # after the install, so that pip does not see the test environment's own lexgap
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lexgap = env_dir / "bin" / "lexgap"
    where = subprocess.run([str(python), "-c", "import lexgap; print(lexgap.__file__)"], cwd=elsewhere,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site)), where
    done = subprocess.run([str(lexgap), "validate"], cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok: ")
    assessed = subprocess.run([str(lexgap), "assess", "romania-2020.yaml", "-f", "json"], cwd=elsewhere,
                              capture_output=True, text=True, timeout=300)
    assert assessed.returncode == 1 and '"id": "romania-2020"' in assessed.stdout
