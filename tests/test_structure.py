"""The layout holds: the engine returns values and only render/ renders; no import cycle.

Imports are read with ast from the source (engine/ is the package lexgap, cli.py its module
lexgap.cli), every import counted, those inside functions too, since a lazy import is still a
dependency (letters.py and render/letter_*.py once imported each other that way).
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import REPO

#: Libraries that draw output: only renderers (and the CLI) may import them.
OUTPUT_LIBRARIES = ("rich", "docx")
#: drafts.py reads a user's .docx draft (input, not output) with python-docx: the one exception.
READS_DOCX = {"lexgap.drafts"}


def _modules() -> dict[str, Path]:
    found = {"lexgap.cli": REPO / "cli.py"}
    for path in sorted((REPO / "engine").rglob("*.py")):
        parts = list(path.relative_to(REPO / "engine").with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(["lexgap", *parts])] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every module a module imports (lexgap modules by full name, others by their top name)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    result: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            result.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            result.add(base)
            result.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES)
    return {m if m.startswith("lexgap") else m.split(".")[0] for m in result}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def test_the_walk_sees_the_known_imports() -> None:
    assert "lexgap.durable" in GRAPH["lexgap.assess"]
    assert "lexgap.ids" in GRAPH["lexgap.models"]  # from lexgap import ids
    assert "rich" in GRAPH["lexgap.render.terminal"] and "docx" in GRAPH["lexgap.render.docx"]
    assert "lexgap.compose" in GRAPH["lexgap.render.markdown"]


def test_only_renderers_import_rich_docx_or_renderers() -> None:
    offenders = []
    for name, imported in GRAPH.items():
        if name.startswith("lexgap.render") or name == "lexgap.cli":
            continue
        for target in sorted(imported):
            if target in OUTPUT_LIBRARIES and not (target == "docx" and name in READS_DOCX):
                offenders.append(f"{name} imports {target}")
            if target.startswith("lexgap.render"):
                offenders.append(f"{name} imports {target}")
    assert offenders == []


def test_renderers_do_not_import_each_other_except_shared() -> None:
    for name, imported in GRAPH.items():
        if name.startswith("lexgap.render.") and name != "lexgap.render.shared":
            siblings = {t for t in imported if t.startswith("lexgap.render.") and t != "lexgap.render.shared"}
            assert siblings == set(), name


def _cycle() -> list[str] | None:
    """One import cycle among lexgap's modules, or None (the package __init__ is a leaf: it imports nothing)."""
    edges = {name: sorted(t for t in targets if t in GRAPH and t != "lexgap" and t != name)
             for name, targets in GRAPH.items()}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in edges[node]:
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_no_import_cycle_in_the_package() -> None:
    assert _cycle() is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    GRAPH["lexgap.ids"].add("lexgap.letters")  # ids -> letters -> ... -> ids
    try:
        cycle = _cycle()
    finally:
        GRAPH["lexgap.ids"].discard("lexgap.letters")
    assert cycle is not None and cycle[0] == cycle[-1] and "lexgap.ids" in cycle


def test_every_entry_of_the_render_table_loads_and_the_cli_offers_exactly_its_formats() -> None:
    from lexgap import cli
    from lexgap.render import RENDERERS, formats

    for command, entries in RENDERERS.items():
        for fmt, entry in entries.items():
            assert callable(entry.load()), (command, fmt)
            if entry.many:
                assert callable(entry.load(many=True))
    for command, choices in (("assess", cli.AssessFormat), ("letter", cli.LetterFormat),
                             ("check-draft", cli.DraftFormat), ("compare", cli.CompareFormat),
                             ("report", cli.ReportFormat)):
        assert [c.value for c in choices] == formats(command)  # type: ignore[attr-defined]
