"""Where the bundled data lives, installed (inside the package) or in a source checkout."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from lexgap.problems import Level, Problem

_PACKAGE = Path(__file__).resolve().parent
#: The file name that means standard input.
STDIN = "-"


def data_dir(name: str) -> Path:
    """The bundled `rules`, `standards`, `legislation` or `templates` folder."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    if name == "templates":
        return _PACKAGE / "templates"
    return _PACKAGE.parent / name


def resolve_bundled(name: str, folder: Path) -> Path:
    """A path as given, or a bare file name (with or without .yaml) looked up in a bundled folder."""
    return resolve_bundled_noted(name, folder)[0]


def resolve_bundled_noted(name: str, folder: Path) -> tuple[Path, Problem | None]:
    """Like `resolve_bundled`, with an info problem saying so when the bundled file is used.

    A name with a folder part (`./romania-2020.yaml`, `data/x.yaml`) is always a path, and so is a
    name that exists here: a local file wins over a bundled one, and `-` (standard input) is never looked up.
    """
    given = Path(name)
    if name == STDIN or _has_folder(name) or os.path.lexists(name):
        return given, None
    for candidate in (folder / name, folder / f"{name}.yaml"):
        if candidate.is_file():
            note = Problem(name, 1, 1, f"no file {name!r} here: using the bundled {candidate.name} ({candidate})",
                           Level.info)
            return candidate, note
    return given, None


def _has_folder(name: str) -> bool:
    return os.sep in name or bool(os.altsep and os.altsep in name)


def resolve_subject(name: str) -> Path:
    """A path as given, or a bare file name looked up in the bundled legislation/ folder."""
    return resolve_bundled(name, data_dir("legislation"))


def resolve_subject_noted(name: str) -> tuple[Path, Problem | None]:
    """`resolve_subject`, with an info problem when the bundled file is used."""
    return resolve_bundled_noted(name, data_dir("legislation"))


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name so that results never depend on disk order."""
    return yaml_files_noted(folder)[0]


def yaml_files_noted(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The regular YAML files of a folder in name order, and a warning for each .yaml entry skipped.

    An entry named .yaml or .yml that lexgap cannot read as a file is said, not silently dropped: a
    named pipe, a device or a socket (reading one could block or never end), a folder, a symbolic link
    whose target is missing (dangling) or that points back to itself (a loop).
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return [], []
    files: list[Path] = []
    skipped: list[Problem] = []
    for path in entries:
        if path.suffix not in (".yaml", ".yml"):
            continue
        reason = _unreadable(path)
        if reason is None:
            files.append(path)
        else:
            skipped.append(Problem(str(path), 1, 1, f"skipped: {reason}", Level.warning))
    return files, skipped


def _unreadable(path: Path) -> str | None:
    """Why a folder entry is not a regular file lexgap can read, or None if it is one."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a symbolic link to a file that does not exist (dangling)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that leads back to itself (a loop)"
        return f"cannot read it: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "a device, not a regular file"
