"""The knowledge cache saves reading the YAML again, and never changes what lexgap says."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs
import pytest

from helpers import REPO
from lexgap import cache
from lexgap.assess import Assessor
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.render.json import render_assessment


@pytest.fixture
def copied(tmp_path: Path) -> tuple[Path, Path]:
    """Private copies of the bundled standards and rules, free to edit."""
    standards, rules = tmp_path / "standards", tmp_path / "rules"
    shutil.copytree(REPO / "standards", standards)
    shutil.copytree(REPO / "rules", rules)
    return standards, rules


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("knowledge-*.json")) if folder.is_dir() else []


def _romania_json(knowledge: Knowledge) -> str:
    subject, problems = load_subject(REPO / "legislation" / "romania-2020.yaml", knowledge)
    assert subject is not None, problems
    with Assessor(knowledge) as assessor:
        return render_assessment(assessor.assess(subject))


def test_a_cached_knowledge_base_gives_the_same_assessment_as_the_files(cache_folder: Path) -> None:
    fresh = load_knowledge(use_cache=False)
    assert _entries(cache_folder) == []
    first = load_knowledge()  # reads the files and fills the cache
    assert len(_entries(cache_folder)) == 1
    cached = load_knowledge()  # read back from the cache
    assert cached is not first and not cached.problems
    assert cached.rules == fresh.rules and cached.instruments == fresh.instruments
    assert _romania_json(cached) == _romania_json(fresh)


def test_editing_a_rule_misses_the_cache(cache_folder: Path, copied: tuple[Path, Path]) -> None:
    standards, rules = copied
    before = load_knowledge(standards, rules)
    rule = before.rules[0]
    path = next(p for p in sorted(rules.glob("*.yaml")) if f"id: {rule.id}\n" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"id: {rule.id}\n", f"id: {rule.id}-edited\n", 1), encoding="utf-8")
    after = load_knowledge(standards, rules)
    assert after.rule(f"{rule.id}-edited") is not None and after.rule(rule.id) is None
    assert len(_entries(cache_folder)) == 2


def test_a_knowledge_base_with_problems_is_never_cached(cache_folder: Path, copied: tuple[Path, Path]) -> None:
    standards, rules = copied
    (standards / "opsc.yaml").unlink()  # rules now cite a missing instrument
    first = load_knowledge(standards, rules)
    assert any("names no standard provision" in p.message for p in first.problems)
    assert _entries(cache_folder) == []
    assert load_knowledge(standards, rules).problems == first.problems


def test_a_damaged_cache_file_is_ignored_and_replaced(cache_folder: Path) -> None:
    load_knowledge()
    [entry] = _entries(cache_folder)
    header = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes(header + b"\nnot json")  # the right key, a body that is not the knowledge base
    again = load_knowledge()
    assert not again.problems and again.rule("intent-to-harm-requirement") is not None
    assert entry.read_bytes().startswith(header + b"\n[{")  # written again, whole


def test_a_cache_entry_under_another_key_is_a_miss(cache_folder: Path) -> None:
    load_knowledge()
    [entry] = _entries(cache_folder)
    magic, _, key = entry.read_bytes().partition(b"\n")[0].partition(b" ")
    entry.write_bytes(magic + b" " + key + b"\n[{}, []]")
    assert not load_knowledge().rules  # the right key: the (empty) body is what is used
    entry.write_bytes(magic + b" " + b"0" * len(key) + b"\n[{}, []]")  # the file name matches, the key does not
    assert load_knowledge().rules


def test_a_folder_others_can_write_into_is_not_trusted(cache_folder: Path) -> None:
    load_knowledge()
    key = cache.fingerprint("knowledge", [REPO / "rules" / "csam.yaml"])
    assert key is not None
    cache.put("probe", key, b"stored")
    assert cache.get("probe", key) == b"stored"
    cache_folder.chmod(0o777)
    try:
        assert cache.get("probe", key) is None
    finally:
        cache_folder.chmod(0o700)


def test_no_cache_turns_it_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEXGAP_NO_CACHE", "1")
    assert not load_knowledge().problems
    assert not cache_folder.exists()


def test_an_unusable_cache_location_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LEXGAP_CACHE_DIR", str(blocker / "cache"))
    loaded = load_knowledge()
    assert not loaded.problems and loaded.rules
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_cache_lives_in_the_systems_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("LEXGAP_CACHE_DIR", "LEXGAP_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == Path(platformdirs.user_cache_dir("lexgap", appauthor=False))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "xdg" / "lexgap"
    monkeypatch.setenv("LEXGAP_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"


def test_only_the_newest_entries_are_kept(cache_folder: Path) -> None:
    for index in range(7):
        cache.put("knowledge", f"{index}".ljust(64, "0"), b"%d" % index)
    assert len(_entries(cache_folder)) == 4


def test_without_a_home_folder_lexgap_runs_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LEXGAP_CACHE_DIR", "XDG_CACHE_HOME", "LEXGAP_NO_CACHE", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # what Python does with no password entry
    assert cache.cache_dir() is None
    assert not load_knowledge().problems
