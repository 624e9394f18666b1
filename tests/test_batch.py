"""Several subjects at once: one JSON object per line, in file-name order, the same for any --jobs."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from helpers import REPO, lexgap
from lexgap import batch
from lexgap.batch import assess_many
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.paths import yaml_files
from lexgap.render.json import render_line


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "subjects"
    folder.mkdir()
    for name in ("telegram-2021.yaml", "romania-2024.yaml", "romania-2020.yaml"):
        shutil.copy(REPO / "legislation" / name, folder / name)
    return folder


def test_a_folder_gives_json_lines_in_file_name_order(tmp_path: Path) -> None:
    run = lexgap("assess", str(_folder(tmp_path)), "-f", "json")
    assert run.code == 1, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["subject"]["id"] for line in lines] == ["romania-2020", "romania-2024", "telegram-2021"]
    single = json.loads(lexgap("assess", "romania-2020.yaml", "-f", "json").stdout)
    assert lines[0] == single


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    one = lexgap("assess", str(folder), "-f", "json", "--jobs", "1")
    two = lexgap("assess", str(folder), "-f", "json", "--jobs", "2")
    assert (one.code, one.stdout) == (two.code, two.stdout)


def test_a_bad_file_in_a_batch_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.yaml").write_text("format: jurisdiction\nid: [\n", encoding="utf-8")
    run = lexgap("assess", str(folder), "-f", "json")
    assert run.code == 2
    assert f"{folder / 'broken.yaml'}:" in run.stderr and "Traceback" not in run.output
    assert len(run.stdout.splitlines()) == 3


def test_status_filter_applies_to_every_subject_and_to_fail_on(tmp_path: Path) -> None:
    run = lexgap("assess", str(_folder(tmp_path)), "-f", "json", "--status", "met")
    assert run.code == 0
    for line in run.stdout.splitlines():
        assert {f["status"] for f in json.loads(line)["findings"]} <= {"met"}


def test_workers_assess_with_the_knowledge_they_are_given(tmp_path: Path) -> None:
    """--jobs workers use the caller's knowledge base (here: one rule), not the bundled one."""
    bundled = load_knowledge()
    only = Knowledge(instruments=bundled.instruments, rules=[r for r in bundled.rules
                                                              if r.id == "limited-to-domestic-relationships"])
    paths = yaml_files(_folder(tmp_path))
    one = [(r.path, r.text) for r in assess_many(paths, only, None, render_line, jobs=1)]
    two = [(r.path, r.text) for r in assess_many(paths, only, None, render_line, jobs=2)]
    assert one == two
    rules = {finding["rule"] for _, text in two if text for finding in json.loads(text)["findings"]}
    assert rules == {"limited-to-domestic-relationships"}


def test_the_garbage_collector_is_paused_per_subject_and_left_as_the_caller_had_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each subject is read and assessed with Python's cyclic collector off (faster on large files); it is
    on again after each subject, and a caller who had turned it off finds it off."""
    seen: list[bool] = []
    real = load_subject

    def spy(path: Path, knowledge: Knowledge) -> object:
        seen.append(gc.isenabled())
        return real(path, knowledge)

    monkeypatch.setattr(batch, "load_subject", spy)
    knowledge = load_knowledge()
    paths = [REPO / "legislation" / "romania-2020.yaml", REPO / "legislation" / "meta-2021.yaml"]
    assert gc.isenabled()
    results = list(assess_many(paths, knowledge, None, render_line))
    assert all(r.text for r in results) and seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        list(assess_many(paths[:1], knowledge, None, render_line))
        assert not gc.isenabled()
    finally:
        gc.enable()
