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


def resolve_subject(name: str) -> Path:
    """A path as given, or a bare file name looked up in the bundled legislation/ folder."""
    given = Path(name)
    if given.exists() or given.parent != Path("."):
        return given
    bundled = data_dir("legislation") / name
    if bundled.exists():
        return bundled
    if not name.endswith((".yaml", ".yml")) and (data_dir("legislation") / f"{name}.yaml").exists():
        return data_dir("legislation") / f"{name}.yaml"
    return given


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name so that results never depend on disk order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
