"""lexgap: check national laws and bills against international human-rights standards.

The Python API (`lexgap.api`): `lexgap.assess(path)`, `lexgap.compare(base, others, bills=...)`,
`lexgap.letter(path)` and `lexgap.check_draft(path)` return typed results; bad input raises
`lexgap.LexgapError` with the located problems.

For contributors: this folder, `engine/`, is the package `lexgap` once installed, and the
top-level `cli.py` is its module `lexgap.cli` (`pyproject.toml`, `[tool.hatch.build.targets.wheel]`,
maps them; the data folders go to `lexgap/data/`).  So `from lexgap.assess import Assessor`
reads `engine/assess.py`, and tools resolve `lexgap` only through an installed copy: after
editing, re-install with `pip install --no-deps --no-build-isolation .` before running mypy or
the tests.  `pip install -e .` does not work with this mapping: hatchling's editable build needs
the `editables` package (not in the build lock) and refuses a source rewrite that renames a
folder (`engine` -> `lexgap`) rather than strips a prefix.  README, "For contributors", has the
module map.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from lexgap.api import LexgapError, assess, check_draft, compare, knowledge, letter

#: Loaded on first use, so that `import lexgap` (and every module of it) stays cheap.
_API = ("LexgapError", "assess", "check_draft", "compare", "knowledge", "letter")

__all__ = ["LexgapError", "__version__", "assess", "check_draft", "compare", "knowledge", "letter"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from lexgap import api

        return getattr(api, name)
    raise AttributeError(f"module 'lexgap' has no attribute {name!r}")


class _Package(types.ModuleType):
    """`lexgap.assess` and `lexgap.compare` are the API's functions, though modules of those names exist.

    Importing a submodule sets it as an attribute of its package, which would hide the function;
    the modules stay importable (`from lexgap.assess import Assessor`) through sys.modules.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
