"""Where the bundled data lives, installed (inside the package) or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


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
    given = Path(name)
    if given.exists() or given.parent != Path("."):
        return given
    for candidate in (folder / name, folder / f"{name}.yaml"):
        if candidate.is_file():
            return candidate
    return given


def resolve_subject(name: str) -> Path:
    """A path as given, or a bare file name looked up in the bundled legislation/ folder."""
    return resolve_bundled(name, data_dir("legislation"))


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name so that results never depend on disk order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
