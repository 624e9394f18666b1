"""Issue 18, the command line and renderer side: each numbered case has a test named after it.

What lexgap prints (to a terminal, in markdown, as a docx) stays what the data says and never acts
on the reader's terminal or viewer; output is UTF-8 whatever the locale; a problem is one line; an
input or output error is said in one line and exits 74; `-` is standard input.
"""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from helpers import REPO, read_only_folder
from lexgap.assess import Assessment
from lexgap.compose import Communication
from lexgap.problems import ExitCode
from lexgap.render import markdown, terminal
from lexgap.safe_text import markdown_prose

ROMANIA = REPO / "legislation" / "romania-2020.yaml"


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None,
         stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    """`lexgap ARGS` in a separate process, bytes in and out (the encoding is what is tested)."""
    return subprocess.run([sys.executable, "-m", "lexgap.cli", *args], input=stdin, cwd=cwd, timeout=120,
                          stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE,
                          env={**os.environ, "COLUMNS": "120", **(env or {})})


def _romania(tmp_path: Path, old: str, new: str, name: str = "ro.yaml") -> Path:
    source = ROMANIA.read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / name
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


# --- case 2: nothing lexgap prints acts on the terminal -------------------------------------------------


def test_case2_the_terminal_report_shows_escape_sequences_from_data(romania: Assessment) -> None:
    hostile = copy.copy(romania)
    hostile.subject_name = "Romania\x1b[2J\x1b]0;owned\x07"  # loading refuses it; the renderer must not rely on that
    hostile.findings = [copy.copy(f) for f in romania.findings[:2]]
    hostile.findings[0].label = "label\x9b31m"  # U+009B: a one-character ESC [
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="standard")
    console.print(terminal.render_assessment(hostile))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[2J" not in shown and "\x1b]0;" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "Romania\\x1b[2J\\x1b]0;owned\\x07" in shown and "label\\x9b31m" in shown
    assert "\x1b[" in shown  # the console's own colours still reach a terminal


def test_case2_a_file_name_with_escape_sequences_is_shown_escaped(tmp_path: Path) -> None:
    name = "ro\x1b]0;owned\x07.yaml"
    (tmp_path / name).write_text("format: jurisdiction\n", encoding="utf-8")
    done = _run("validate", name, cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == ExitCode.bad_input
    assert b"\x1b" not in output and b"\x07" not in output
    assert "ro\\x1b]0;owned\\x07.yaml:1:1: " in done.stdout.decode("utf-8")
    unknown = _run("assess", "x\x1b[2J.yaml", cwd=tmp_path)
    assert unknown.returncode == ExitCode.bad_input and b"\x1b" not in unknown.stderr
    assert unknown.stderr.decode("utf-8").startswith("x\\x1b[2J.yaml:1:1: ")


# --- case 3: long subject and name in a docx --------------------------------------------------------------


def test_case3_a_300_character_subject_and_240_character_name_give_a_docx_that_opens(tmp_path: Path) -> None:
    import docx

    subject = ("Online sexual exploitation of girls and the gaps in the law " * 6)[:300]
    name = ("Romania, a State with a very long name for the test " * 5)[:240]
    path = _romania(tmp_path, "\nname: Romania\n", f"\nname: {name}\n")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "subject: >-\n  Online sexual exploitation of girls through social media and messaging apps, and the gaps in\n"
        "  Romania's criminal and protective law on intimate images, child sexual abuse material and trafficking\n",
        f"subject: {subject}\n"), encoding="utf-8")
    assert len(subject) == 300 and len(name) == 240 and f"subject: {subject}\n" in path.read_text(encoding="utf-8")
    done = _run("letter", "ro.yaml", "-f", "docx", "-o", "ro.docx", cwd=tmp_path)
    assert done.returncode == ExitCode.done, done.stderr
    document = docx.Document(str(tmp_path / "ro.docx"))
    properties = document.core_properties
    assert len(properties.title) <= 255 and len(properties.subject) <= 255  # within Word's limit
    assert len(properties.title) <= 255
    body = "\n".join(p.text for p in document.paragraphs)
    assert subject.strip() in body and name in body  # the letter itself keeps them whole


# --- case 4: UTF-8 whatever the locale ------------------------------------------------------------------


@pytest.mark.parametrize("args", [("assess", "romania-2020.yaml", "-f", "json"),
                                  ("assess", "romania-2020.yaml", "-f", "markdown"),
                                  ("assess", "romania-2020.yaml", "-f", "terminal"),
                                  ("compare", "romania-2020.yaml", "romania-2024.yaml", "-f", "markdown")],
                         ids=lambda args: " ".join(args[::-1][:1] + args[:1]))
def test_case4_output_is_utf8_whatever_the_locale(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = _run(*args, cwd=tmp_path, env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"})
    assert done.returncode == (ExitCode.findings if args[0] == "assess" else ExitCode.done), done.stderr
    text = done.stdout.decode("utf-8")  # valid UTF-8, not latin-1
    assert any(ord(c) > 0xFF for c in text)  # characters latin-1 cannot encode (Ș, —, box lines) were written
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr


# --- case 6: one unwrapped line per problem ----------------------------------------------------------------


def test_case6_a_long_message_is_one_line_whatever_the_width(tmp_path: Path) -> None:
    rule = "an-unknown-rule-whose-name-is-much-longer-than-forty-columns-and-has-no-spaces-to-break-at"
    done = _run("assess", "romania-2020.yaml", "--rule", rule, cwd=tmp_path, env={"COLUMNS": "40"})
    assert done.returncode == ExitCode.bad_input
    [line] = _lines(done.stderr)  # stderr is a pipe here, not a terminal
    assert f"unknown rule '{rule}'" in line


def test_case6_each_problem_is_one_line_located_at_its_file(tmp_path: Path) -> None:
    folder = tmp_path / ("a-folder-with-a-rather-long-name-" * 3)
    folder.mkdir()
    path = _romania(folder, "\nname: Romania\n", "\nname: Romania\nunknown_field_with_a_long_name: 1\n")
    path.write_text(path.read_text(encoding="utf-8").replace("\nas_of: 2021-01-25\n", "\nas_of: yesterday\n"),
                    encoding="utf-8")
    done = _run("assess", str(path), cwd=tmp_path, env={"COLUMNS": "40"})
    assert done.returncode == ExitCode.bad_input
    lines = _lines(done.stderr)
    assert len(lines) >= 2 and all(line.startswith(f"{path}:") for line in lines), lines


# --- case 7: input/output errors ----------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [("assess", str(ROMANIA), "-f", "markdown"), ("letter", str(ROMANIA), "-f", "text"),
                                  ("assess", str(ROMANIA))], ids=["assess-markdown", "letter-text", "assess-terminal"])
def test_case7_a_full_disk_is_an_io_error_not_a_bug(tmp_path: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = _run(*args, cwd=tmp_path, stdout=full.fileno())
    assert done.returncode == ExitCode.io_error and int(ExitCode.io_error) == 74
    assert _lines(done.stderr) == ["lexgap: cannot write to standard output: no space left on the device"]


def test_case7_a_broken_pipe_is_an_io_error_said_in_one_line(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `| head -1` once head has exited: every write fails with EPIPE
    try:
        done = _run("assess", str(ROMANIA), "-f", "json", cwd=tmp_path, stdout=writer)
    finally:
        os.close(writer)
    assert done.returncode == ExitCode.io_error
    assert _lines(done.stderr) == ["lexgap: cannot write to standard output: the reading program closed the pipe"]


def test_case7_an_output_file_that_cannot_be_written_is_an_io_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes into read-only folders: use a file system that refuses everyone
        if not Path("/sys").is_dir():
            pytest.skip("running as root without /sys")
        _cannot_write(tmp_path, "/sys/lexgap-letter.md")
        return
    with read_only_folder(tmp_path) as locked:
        _cannot_write(tmp_path, str(locked / "letter.md"))


def _cannot_write(cwd: Path, target: str) -> None:
    done = _run("letter", str(ROMANIA), "-o", target, cwd=cwd)
    assert done.returncode == ExitCode.io_error
    [line] = _lines(done.stderr)
    assert line.startswith(f"{target}:1:1: cannot write the file: ") and "bug" not in line
    assert not Path(target).exists()


# --- case 10: markdown escapes text from data ---------------------------------------------------------------


def test_case10_markdown_output_escapes_text_from_data(tmp_path: Path, romania: Assessment) -> None:
    _romania(tmp_path, "\nname: Romania\n", '\nname: "<script>alert(1)</script> *Ro*mania_ [x](javascript:y)"\n')
    for args in (("assess", "ro.yaml", "-f", "markdown"), ("letter", "ro.yaml", "-f", "markdown"),
                 ("compare", "ro.yaml", "ro.yaml", "-f", "markdown")):
        done = _run(*args, cwd=tmp_path)
        text = done.stdout.decode("utf-8")
        assert done.returncode in (ExitCode.done, ExitCode.findings), done.stderr
        assert "<script>" not in text and "[x](javascript" not in text and "*Ro*" not in text, args
        assert "alert(1)" in text and "mania" in text, args  # shown, as text
        if args[0] != "letter":  # the letter escapes with its own (stricter) function
            assert "&lt;script>alert(1)&lt;/script> \\*Ro\\*mania_ [x\\](javascript:y)" in text, args
    hostile = copy.copy(romania)
    hostile.findings = [copy.copy(romania.findings[0])]
    hostile.findings[0].reason = "first line\n# not a heading\n> nor a quote\n1. nor a list"
    hostile.findings[0].label = "<b>bold</b> [^1]"
    shown = markdown.render_assessment(hostile)
    assert "\n\\# not a heading\n\\> nor a quote\n1\\. nor a list " in shown
    assert "&lt;b>bold&lt;/b> \\[^1]" in shown and "<b>" not in shown


def test_case10_bundled_letter_texts_need_no_escaping(letter: Communication) -> None:
    """The escaping leaves the bundled letter's markdown as written: its texts hold nothing markdown acts on."""
    assert "\\" not in markdown.render_letter(letter)
    assert markdown_prose("ro/act/2003/217~art_4__para_1__lit_h [S1][S2] (_docs/x.json) a & b") == \
        "ro/act/2003/217~art_4__para_1__lit_h [S1][S2] (_docs/x.json) a & b"


# --- case 11: '-' and bare names --------------------------------------------------------------------------------


def test_case11_a_bare_name_says_on_stderr_that_the_bundled_file_is_used(tmp_path: Path) -> None:
    done = _run("compare", "romania-2020", "--bill", "ro-bill-606-2019-tabled", "-f", "json", cwd=tmp_path)
    assert done.returncode == ExitCode.done
    notes = _lines(done.stderr)
    assert [n.split(":1:1: ")[0] for n in notes] == ["romania-2020", "ro-bill-606-2019-tabled"]
    assert all("info: no file" in n and "using the bundled" in n for n in notes)
    json.loads(done.stdout)  # standard output is the comparison alone
    (tmp_path / "romania-2020.yaml").write_bytes(ROMANIA.read_bytes())
    local = _run("letter", "romania-2020.yaml", "-f", "json", cwd=tmp_path)
    assert local.returncode == ExitCode.done and local.stderr == b""  # a local file wins, silently


def test_case11_dash_is_standard_input_for_every_command(tmp_path: Path) -> None:
    source = ROMANIA.read_bytes()
    (tmp_path / "-").write_text("format: jurisdiction\nid: never-read\n", encoding="utf-8")
    letter = _run("letter", "-", "-f", "text", "-o", "-", cwd=tmp_path, stdin=source)
    assert letter.returncode == ExitCode.done and letter.stdout.startswith(b"Mandates of [MANDATES]")
    compare = _run("compare", "-", str(REPO / "legislation" / "romania-2024.yaml"), "-f", "json", cwd=tmp_path,
                   stdin=source)
    assert compare.returncode == ExitCode.done and json.loads(compare.stdout)["base"]["id"] == "romania-2020"
    draft = _run("check-draft", "-", "-f", "json", cwd=tmp_path,
                 stdin=b"We recall article 19 of the Convention on the Rights of the Child.\n")
    assert draft.returncode in (ExitCode.done, ExitCode.findings), draft.stderr
    json.loads(draft.stdout)
    twice = _run("compare", "-", "-", cwd=tmp_path, stdin=source)
    assert twice.returncode == ExitCode.bad_input
    assert _lines(twice.stderr) == ["'-' (standard input) can be given only once"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-"]  # nothing written, '-' never read as a file


# --- case 13: the same bytes whatever the hash seed, locale, time zone and cache; the terminal follows COLUMNS ---

#: Run in a fresh process per environment: every command and format in-process, the hash of each output.
_EVERY_FORMAT = r"""
import hashlib, json, sys, tempfile
from pathlib import Path
from typer.testing import CliRunner
from lexgap import cli

draft = sys.argv[1]
commands = {}
for fmt in ("terminal", "json", "markdown"):
    commands[f"assess {fmt}"] = ["assess", "romania-2020.yaml", "-f", fmt]
    commands[f"compare {fmt}"] = ["compare", "romania-2020", "romania-2024", "--bill", "ro-bill-606-2019-tabled",
                                  "-f", fmt]
for fmt in ("markdown", "text", "json"):
    commands[f"letter {fmt}"] = ["letter", "telegram-2021", "-f", fmt]
for fmt in ("terminal", "json"):
    commands[f"check-draft {fmt}"] = ["check-draft", draft, "--subject", "romania-2020", "-f", fmt]
hashes = {}
runner = CliRunner()
for key, args in commands.items():
    result = runner.invoke(cli.app, args)
    assert result.exit_code in (0, 1), (key, result.output)
    hashes[key] = hashlib.sha256(result.stdout_bytes).hexdigest()
with tempfile.TemporaryDirectory() as folder:
    out = Path(folder) / "letter.docx"
    result = runner.invoke(cli.app, ["letter", "romania-2020", "-f", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    hashes["letter docx"] = hashlib.sha256(out.read_bytes()).hexdigest()
print(json.dumps(hashes))
"""


def _hashes(env: dict[str, str], cwd: Path) -> dict[str, str]:
    draft = REPO / "tests" / "fixtures" / "drafts" / "al-rou-2-2020.txt"
    done = subprocess.run([sys.executable, "-c", _EVERY_FORMAT, str(draft)], capture_output=True, text=True,
                          cwd=cwd, timeout=600, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    hashes: dict[str, str] = json.loads(done.stdout)
    return hashes


def test_case13_output_is_identical_across_hash_seeds_locales_time_zones_and_cache(tmp_path: Path) -> None:
    """One factor changed at a time from a base environment, every format compared byte for byte; then
    COLUMNS, which changes the terminal format alone (the README says so)."""
    cache = str(tmp_path / "cache")
    base = {"PYTHONHASHSEED": "1", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC", "COLUMNS": "100",
            "LEXGAP_CACHE_DIR": cache, "LEXGAP_NO_CACHE": "0"}
    variants = {
        "cold cache": {},
        "warm cache": {},  # the second run reads what the first one stored
        "hash seed": {"PYTHONHASHSEED": "4242"},
        "locale": {"LC_ALL": "C", "LANG": "C"},
        "time zone": {"TZ": "XXX-14"},  # UTC+14, the first day to begin (no tz database needed)
        "no cache": {"LEXGAP_NO_CACHE": "1"},
    }
    results = {name: _hashes({**base, **change}, tmp_path) for name, change in variants.items()}
    assert any(Path(cache).iterdir())  # the cache was really used
    reference = results["cold cache"]
    assert len(reference) == 12
    differing = {name: sorted(k for k in reference if hashes[k] != reference[k]) for name, hashes in results.items()}
    assert differing == {name: [] for name in variants}
    narrow = _hashes({**base, "COLUMNS": "60"}, tmp_path)
    assert sorted(k for k in reference if narrow[k] != reference[k]) == ["assess terminal", "check-draft terminal",
                                                                          "compare terminal"]
