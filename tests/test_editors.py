"""Editors see what lexgap sees: the real yaml-language-server, driven over stdio, on lexgap's files.

The server (pinned in .ci/editor/package-lock.json) is installed by `.ci/run`; where it is not
installed yet and npm is, this test installs it with `npm ci`; it is skipped only where node or
npm is absent.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO
from lexgap.jsonschemas import bundled_schema
from lsp import LanguageServer

EDITOR = REPO / ".ci" / "editor"
SERVER = EDITOR / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}


def _installed_server() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are not installed, so yaml-language-server cannot run (install Node.js to test "
                    "what editors show)")
    if not SERVER.is_file():
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(EDITOR)], capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, f"npm ci --prefix .ci/editor failed:\n{done.stdout}{done.stderr}"
    return SERVER


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageServer]:
    script = _installed_server()
    node = shutil.which("node")
    assert node is not None
    running = LanguageServer([node, str(script), "--stdio"], tmp_path_factory.mktemp("workspace"), SETTINGS)
    try:
        yield running
    finally:
        running.close()


def _messages(diagnostics: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(line counted from 1, message) of each diagnostic."""
    return sorted((d["range"]["start"]["line"] + 1, d["message"]) for d in diagnostics)


def _with_schema(path: Path, kind: str, body: str) -> Path:
    path.write_text(f"# yaml-language-server: $schema={bundled_schema(kind)}\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["tests/fixtures/minimal.yaml", "legislation/romania-2020.yaml",
                                  "legislation/telegram-2021.yaml", "rules/csam.yaml", "standards/opsc.yaml"])
def test_a_good_file_has_no_diagnostic(server: LanguageServer, name: str) -> None:
    path = REPO / name
    assert _messages(server.diagnostics_of(path)) == []


def test_a_bad_word_and_a_bad_id_are_shown_where_they_stand(server: LanguageServer, tmp_path: Path) -> None:
    text = (REPO / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    text = text.replace("conduct: [ncii_disseminate]", "conduct: [sharing_intimate_images]")
    text = text.replace("  - id: xx/act/2020/1~art_1", "  - id: xx/act/2020/1~Article 1")
    path = _with_schema(tmp_path / "bad.yaml", "jurisdiction", text)
    messages = _messages(server.diagnostics_of(path))
    lines = (text.split("\n").index("  - id: xx/act/2020/1~Article 1") + 2,
             text.split("\n").index("    conduct: [sharing_intimate_images]") + 2)
    assert [line for line, _ in messages] == list(lines)
    assert "does not match the pattern" in messages[0][1]
    assert messages[1][1].startswith("Value is not accepted. Valid values: \"csam_produce\"")


def test_answer_no_and_country_no_are_words_for_the_editor_too(server: LanguageServer, tmp_path: Path) -> None:
    company = _with_schema(tmp_path / "company.yaml", "company",
                           "format: company\nid: acme-2021\nname: Acme\nas_of: 2021-01-25\npractices:\n"
                           "  remediation:\n    answer: no\n    sources:\n"
                           "      - {document: Annual report, consulted: 2026-11-23, verified: unverified}\n")
    assert _messages(server.diagnostics_of(company)) == []
    norway = _with_schema(tmp_path / "norway.yaml", "jurisdiction",
                          "format: jurisdiction\nid: norway-2021\nname: Norway\ncountry: no\nas_of: 2021-01-25\n"
                          "laws: []\nprovisions: []\n")
    assert _messages(server.diagnostics_of(norway)) == []


def test_completion_offers_the_conduct_words_with_their_meanings(server: LanguageServer, tmp_path: Path) -> None:
    path = _with_schema(tmp_path / "draft.yaml", "jurisdiction",
                        "format: jurisdiction\nid: x\nname: X\ncountry: xx\nas_of: 2021-01-01\nlaws: []\n"
                        "provisions:\n  - conduct: []\n")
    server.diagnostics_of(path)
    result = server.request("textDocument/completion", {"textDocument": {"uri": path.as_uri()},
                                                        "position": {"line": 8, "character": 14}})
    items = result["items"] if isinstance(result, dict) else result
    offered = {item["label"]: item.get("documentation") for item in items}
    assert "ncii_disseminate" in offered and "child_solicit_images" in offered
    assert offered["ncii_disseminate"] == {"kind": "markdown", "value": "disseminating intimate images without consent"}


def test_hover_says_what_a_field_means(server: LanguageServer) -> None:
    path = REPO / "tests" / "fixtures" / "minimal.yaml"
    server.diagnostics_of(path)
    line = path.read_text(encoding="utf-8").split("\n").index("    conduct: [ncii_disseminate]")
    hover = server.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                  "position": {"line": line, "character": 6}})
    assert "the conduct the provision covers" in hover["contents"]["value"]


@pytest.mark.parametrize("kind", ["jurisdiction", "company", "rule_tests"])
def test_a_new_skeleton_has_no_diagnostic(server: LanguageServer, tmp_path: Path, kind: str) -> None:
    import datetime as dt

    from lexgap.skeleton import init_file

    written, problems = init_file(kind, tmp_path / f"new-{kind}.yaml", today=dt.date(2026, 12, 1))
    assert written is not None and not problems
    assert _messages(server.diagnostics_of(written)) == []
