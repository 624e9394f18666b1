"""Installed, every bundled data file still points editors at a schema that exists beside it."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from test_packaging import wheel  # noqa: F401  (the built wheel, a fixture)


def test_every_bundled_file_in_the_wheel_points_at_a_schema_in_the_wheel(wheel: Path) -> None:  # noqa: F811
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    data = sorted(n for n in names if n.startswith("lexgap/data/") and n.endswith(".yaml"))
    assert len(data) > 30
    for name in data:
        first = archive.read(name).decode("utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, name
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), match[1]))
        assert target in names, f"{name} points at {target}, which the wheel does not hold"
    assert "lexgap/schemas/jurisdiction.schema.json" in names  # lexgap init points new files here
    assert "lexgap/synonyms.yaml" in names
