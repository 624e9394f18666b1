"""lexgap: check national laws and bills against international human-rights standards.

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

__version__ = "0.1.0"
