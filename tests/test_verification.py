"""Verification levels: the closed vocabulary of `verified`, the old true/false form, the counts, and
data checks on the bundled files (a primary-level source names the text it was read in)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, lexgap
from lexgap.knowledge import sources_in
from lexgap.loading import load_file
from lexgap.models import Source
from lexgap.vocabulary import Verification

BUNDLED = sorted([*REPO.glob("standards/*.yaml"), *REPO.glob("legislation/*.yaml"),
                  *REPO.glob("legislation/bills/*.yaml")])
MINIMAL = (REPO / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


def test_only_the_primary_level_counts_as_verified() -> None:
    assert [level.value for level in Verification] == ["primary", "secondary", "unverified"]
    assert bool(Verification.primary) and not Verification.secondary and not Verification.unverified


@pytest.mark.parametrize(("old", "says"), [("true", "'primary' if this fact was read in the official text"),
                                          ("false", "write 'unverified'")])
def test_the_old_yes_no_form_gets_a_located_message_saying_what_to_write(tmp_path: Path, old: str,
                                                                          says: str) -> None:
    assert "verified: primary" in MINIMAL
    path = tmp_path / "old.yaml"
    path.write_text(MINIMAL.replace("verified: primary", f"verified: {old}", 1), encoding="utf-8")
    line = MINIMAL.splitlines().index(next(x for x in MINIMAL.splitlines() if "verified: primary" in x)) + 1
    column = MINIMAL.splitlines()[line - 1].index("primary") + 1
    run = lexgap("validate", str(path))
    assert run.code == 2 and "Traceback" not in run.output
    [message] = [x for x in run.output.splitlines() if x.startswith(str(path))]
    assert message.startswith(f"{path}:{line}:{column}: verified: {old} is the old form")
    assert says in message


def test_validate_stats_counts_each_level_per_file() -> None:
    run = lexgap("validate", "--stats")
    assert run.code == 0, run.output
    per_file = dict(re.findall(r"^  (\S+\.yaml): (.*)$", run.stdout, re.M))
    assert set(per_file) >= {"standards/crc.yaml", "legislation/romania-2020.yaml",
                             "bills/ro-bill-606-2019-government.yaml"}
    model, _ = load_file(REPO / "legislation" / "romania-2020.yaml")
    levels = [s.verified for s in sources_in(model)]
    expected = ", ".join(f"{level.value} {levels.count(level)}" for level in Verification)
    assert per_file["legislation/romania-2020.yaml"] == expected


def _bundled_sources() -> list[tuple[str, Source]]:
    found = []
    for path in BUNDLED:
        model, loaded = load_file(path)
        assert model is not None, loaded.problems
        found += [(f"{path.parent.name}/{path.name}", source) for source in sources_in(model)]
    return found


def test_every_primary_source_names_the_text_it_was_read_in() -> None:
    """`primary` claims the official text was read: the source must say which (an address, or a note naming it)."""
    unnamed = [f"{where}: {s.document} {s.pinpoint or ''}" for where, s in _bundled_sources()
               if s.verified is Verification.primary and not (s.url or (s.note and len(s.note) > 20))]
    assert not unnamed, unnamed
