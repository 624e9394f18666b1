"""Shared fixtures, and the collector that turns tests/rules/*.yaml into one pytest item per case."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lexgap.assess import Assessment, Assessor
from lexgap.compare import Comparison, run_compare
from lexgap.compose import Communication
from lexgap.drafts import DraftIssue, run_check_draft
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.letters import run_letter
from lexgap.loading import load_file
from lexgap.models import RuleCase, RuleTests
from lexgap.paths import resolve_subject
from lexgap.rulecases import run_case

TESTS = Path(__file__).parent
RULE_TESTS = TESTS / "rules"

_ASSESSOR: Assessor | None = None


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    loaded = load_knowledge()
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded


def shared_assessor() -> Assessor:
    """One compiled rule set for the whole session: compiling is the expensive part."""
    global _ASSESSOR
    if _ASSESSOR is None:
        _ASSESSOR = Assessor(load_knowledge())
    return _ASSESSOR


@pytest.fixture(scope="session")
def assessor() -> Iterator[Assessor]:
    yield shared_assessor()


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, empty, with the cache turned on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEXGAP_CACHE_DIR", str(folder))
    monkeypatch.delenv("LEXGAP_NO_CACHE", raising=False)
    return folder


def pytest_configure(config: pytest.Config) -> None:
    """One empty knowledge cache per test run (and its CLI children), never the user's own."""
    os.environ["LEXGAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="lexgap-test-cache-")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _ASSESSOR is not None:
        _ASSESSOR.close()


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("LEXGAP_CACHE_DIR", ""), ignore_errors=True)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent == RULE_TESTS:
        return RuleCaseFile.from_parent(parent, path=file_path)
    return None


class RuleCaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        model, loaded = load_file(self.path, "rule_tests")
        if model is None or loaded.problems:
            raise pytest.UsageError("\n".join(str(p) for p in loaded.problems))
        assert isinstance(model, RuleTests)
        for case in model.cases:
            yield RuleCaseItem.from_parent(self, name=case.name, rule_id=model.rule, case=case)


class RuleCaseItem(pytest.Item):
    def __init__(self, *, rule_id: str, case: RuleCase, **kwargs: Any):
        super().__init__(**kwargs)
        self.rule_id = rule_id
        self.case = case

    def runtest(self) -> None:
        assessor = shared_assessor()
        if self.rule_id not in assessor.rules:
            raise RuleCaseFailure(f"no rule {self.rule_id!r}")
        result = run_case(assessor, self.rule_id, self.case)
        if not result.passed:
            raise RuleCaseFailure(result.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleCaseFailure):
            return f"{self.path.name}: {self.name}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.rule_id}: {self.name}"


class RuleCaseFailure(Exception):
    pass


# --- the values the renderer tests (tests/render/) render ---------------------------------

DRAFT = TESTS / "fixtures" / "drafts" / "al-rou-2-2020.txt"


@pytest.fixture(scope="session")
def romania(knowledge: Knowledge, assessor: Assessor) -> Assessment:
    subject, problems = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None, problems
    return assessor.assess(subject)


@pytest.fixture(scope="session")
def comparisons() -> list[Comparison]:
    found, problems = run_compare("romania-2020.yaml", ["romania-2024.yaml"], [])
    assert found is not None, problems
    return found


@pytest.fixture(scope="session")
def letter() -> Communication:
    found, problems = run_letter("romania-2020.yaml", plan="al-rou-2-2020")
    assert found is not None, problems
    return found


@pytest.fixture(scope="session")
def issues() -> list[DraftIssue]:
    found, problems = run_check_draft(DRAFT, "romania-2020.yaml")
    assert found is not None, problems
    return found
