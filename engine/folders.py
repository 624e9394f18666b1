"""An office's own rules and standards, added to lexgap's bundled ones or used instead of them.

`--rules DIR` and `--standards DIR` (each repeatable; a single file is accepted too) read the
user's files beside the bundled ones; `--no-bundled-rules` and `--no-bundled-standards` leave the
bundled ones out.  A rules folder may also hold the rules' test cases (`format: rule_tests`),
which `lexgap test` runs and every other command passes over.  Everything is checked together:
a user's rule may rest on a bundled standard, and an id used twice is an error, located.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lexgap.knowledge import Knowledge, load_knowledge, load_knowledge_files
from lexgap.paths import data_dir, yaml_files
from lexgap.problems import Problem

_FORMAT_LINE = re.compile(r"^format:[ \t]*['\"]?([A-Za-z_]+)", re.M)


def declared_format(path: Path) -> str | None:
    """The `format:` a file declares at its top level, read without parsing it (None when unreadable)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _FORMAT_LINE.search(text)
    return found[1] if found else None


@dataclass(frozen=True)
class KnowledgeFolders:
    """Where the rules and standards come from: the bundled folders, the user's, or both."""

    rules: tuple[Path, ...] = ()
    standards: tuple[Path, ...] = ()
    bundled_rules: bool = True
    bundled_standards: bool = True

    @property
    def only_bundled(self) -> bool:
        return not self.rules and not self.standards and self.bundled_rules and self.bundled_standards


@dataclass
class Gathered:
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _gather(folders: Sequence[Path], bundled: Path | None, skip_format: str | None) -> Gathered:
    gathered = Gathered(yaml_files(bundled) if bundled is not None else [])
    for folder in folders:
        if folder.is_file():
            found = [folder]
        elif folder.is_dir():
            found = yaml_files(folder)
        else:
            gathered.problems.append(Problem(str(folder), 1, 1, "no such folder or file; check the path"))
            continue
        gathered.files += [p for p in found if skip_format is None or declared_format(p) != skip_format]
    return gathered


def load_from(folders: KnowledgeFolders, use_cache: bool = True) -> Knowledge:
    """The standards and rules the given folders hold, checked together (problems located, never raised)."""
    if folders.only_bundled:
        return load_knowledge(use_cache=use_cache)
    standards = _gather(folders.standards, data_dir("standards") if folders.bundled_standards else None, None)
    rules = _gather(folders.rules, data_dir("rules") if folders.bundled_rules else None, "rule_tests")
    missing = standards.problems + rules.problems
    if missing:
        return Knowledge(problems=sorted(missing))
    knowledge = load_knowledge_files(standards.files, rules.files, use_cache)
    if not knowledge.rules and not knowledge.problems:
        where = ", ".join(str(p) for p in folders.rules) or "the folders given"
        knowledge.problems.append(Problem(where, 1, 1, "no rules to assess with: no file with 'format: rules' "
                                                       "here, and the bundled rules were left out"))
    return knowledge
