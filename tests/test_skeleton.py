"""`lexgap init`: a skeleton of every kind validates as written and points editors at a schema that exists."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lexgap.jsonschemas import schema_text
from lexgap.knowledge import Knowledge, check_subject
from lexgap.loading import load_file
from lexgap.skeleton import KINDS, init_file

TODAY = dt.date(2026, 12, 1)


def _schema_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    return (path.parent / match[1]).resolve()


@pytest.mark.parametrize("kind", KINDS)
def test_a_skeleton_validates_as_written(kind: str, tmp_path: Path, knowledge: Knowledge) -> None:
    written, problems = init_file(kind, tmp_path / f"my-{kind}.yaml", today=TODAY)
    assert not problems and written == tmp_path / f"my-{kind}.yaml"
    model, loaded = load_file(written)
    assert model is not None and not loaded.problems, loaded.problems
    assert check_subject(model, loaded, knowledge) == []
    assert _schema_target(written).read_text(encoding="utf-8") == schema_text(kind)


def test_init_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("mine\n", encoding="utf-8")
    written, problems = init_file("jurisdiction", path, today=TODAY)
    assert written is None
    assert [str(p) for p in problems] == [f"{path}:1:1: the file already exists; lexgap init never replaces a file: "
                                          "choose another name"]
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_with_a_schemas_folder_the_skeleton_points_there_relatively(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    written, problems = init_file("company", tmp_path / "cases" / "acme.yaml", schemas=tmp_path / "schemas",
                                  today=TODAY)
    assert not problems and written is not None
    assert written.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/company.schema.json\n")
    assert _schema_target(written) == (tmp_path / "schemas" / "company.schema.json").resolve()
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(f"{k}.schema.json" for k in
                                                                             ("jurisdiction", "company", "instrument",
                                                                              "rules", "rule_tests", "bill",
                                                                              "letter_plan", "mandate"))


def test_init_into_a_folder_names_the_file_after_the_kind(tmp_path: Path) -> None:
    written, problems = init_file("rules", tmp_path, today=TODAY)
    assert not problems and written == tmp_path / "rules.yaml"
    _, bad = init_file("rules", tmp_path / "rules.txt", today=TODAY)
    assert "give the new file a .yaml name" in bad[0].message


def test_init_creates_the_folder_it_is_asked_to_write_into(tmp_path: Path) -> None:
    written, problems = init_file("rules", tmp_path / "my-rules" / "online.yaml", today=TODAY)
    assert not problems and written is not None and written.is_file()
