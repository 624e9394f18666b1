"""The built wheel works from any directory: data inside, import name `lexgap`, no stray top-level modules."""

from __future__ import annotations

import importlib.util
import re
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


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return [line for line in re.findall(r"```sh\n(.*?)\n```", readme, re.S) if line.startswith("python3.11 -m venv")]


def test_ci_runs_exactly_the_readme_test_command_from_the_lock() -> None:
    run_command, test_command = _readme_commands()
    assert test_command.endswith("&& .venv/bin/python -m pytest")
    assert run_command.endswith("&& .venv/bin/lexgap assess romania-2020.yaml")
    for command in (run_command, test_command):  # every package comes from a hashed lock, build tools too
        assert "--require-hashes --no-deps -r requirements/build.txt" in command
        assert "--no-build-isolation" in command and "'.[test]'" not in command
    assert "-r requirements/test.txt" in test_command and "-r requirements/run.txt" in run_command
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_every_locked_line_is_pinned_with_a_hash() -> None:
    for name in ("build.txt", "run.txt", "test.txt"):
        text = (REPO / "requirements" / name).read_text(encoding="utf-8")
        entries = re.findall(r"^([a-z0-9_.-]+)(==[^ ;]+)?", text, re.M)
        assert entries, name
        assert all(pin for _, pin in entries), f"{name}: unpinned {[n for n, pin in entries if not pin]}"
        blocks = re.split(r"\n(?=[a-z])", text.split("\n", 2)[2])
        assert all("--hash=sha256:" in block for block in blocks if block.strip()), name
    run = (REPO / "requirements" / "run.txt").read_text(encoding="utf-8")
    test = (REPO / "requirements" / "test.txt").read_text(encoding="utf-8")
    for pin in re.findall(r"^[a-z0-9_.-]+==\S+", run, re.M):  # the test lock runs the same code as users do
        assert pin in test, pin


def test_engine_extension_is_built_optimised() -> None:
    """durable-rules' setup.py overwrites CFLAGS; the README's CPPFLAGS keeps -O2 and records it in the library."""
    spec = importlib.util.find_spec("durable_rules_engine")
    assert spec is not None and spec.origin is not None
    library = Path(spec.origin).read_bytes()
    recorded = re.search(rb"GNU C[^\x00]*", library)
    assert recorded is not None, "durable_rules_engine was built without the README's CPPFLAGS (no recorded switches)"
    assert re.search(rb" -O[23s]\b", recorded.group()), recorded.group()
