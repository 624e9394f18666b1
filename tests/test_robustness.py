"""Issue 18, robustness second round: each numbered case of the issue has a test named after it."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jinja2
import jinja2.exceptions
import pytest

from helpers import REPO
from lexgap.assess import Assessor
from lexgap.batch import assess_many, subject_paths_noted
from lexgap.knowledge import load_knowledge, load_subject
from lexgap.letters import build_letter, text_environment
from lexgap.loading import MAX_FILE_BYTES, read_regular, read_yaml
from lexgap.output import clamp_core_property, write_atomic
from lexgap.paths import data_dir, resolve_subject_noted, yaml_files
from lexgap.problems import Level
from lexgap.safe_text import markdown_code, markdown_text, terminal_safe
from lexgap.template_check import TemplateSandbox, data_template_problems, template_error
from lexgap.vocabulary import Outcome

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


def _quick(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lexgap ARGS` with a short timeout: a hang fails the test instead of stalling the suite."""
    return subprocess.run([sys.executable, "-m", "lexgap.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "COLUMNS": "120"}, timeout=60)


# --- case 1: only regular files are read, and never more than the cap ---------------------------------


@needs_fifo
def test_case1_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    done = _quick("assess", "f.yaml", cwd=tmp_path)  # no writer: a plain open() would wait forever
    assert done.returncode == 2
    assert done.stderr.strip() == ("f.yaml:1:1: this is a named pipe (FIFO), not a regular file; "
                                   "lexgap reads only regular .yaml files")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_case1_device_is_refused_before_reading(tmp_path: Path) -> None:
    done = _quick("validate", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "/dev/zero:1:1: this is a device, not a regular file" in done.stdout  # validate lists on stdout
    raw, problem = read_regular(Path("/dev/zero"))
    assert raw is None and problem is not None and (problem.line, problem.column) == (1, 1)


def test_case1_directory_is_refused(tmp_path: Path) -> None:
    problem = read_yaml(tmp_path).problems[0]
    assert (problem.line, problem.column, problem.message) == (1, 1, "this is a directory; give a .yaml file")


def test_case1_reads_at_most_the_cap_plus_one_byte(tmp_path: Path) -> None:
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"#" * 100)
    assert read_regular(exact, limit=100) == (b"#" * 100, None)
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * 101)
    raw, problem = read_regular(over, limit=100)
    assert raw is None and problem is not None and "lexgap reads files up to" in problem.message
    assert MAX_FILE_BYTES == 10 * 1024 * 1024


# --- case 2: decoded strings are checked for control and non-characters -----------------------------


@pytest.mark.parametrize(("escaped", "code"), [
    ("Rom\\0ania", "U+0000"), ("a\\x01", "U+0001"), ("Romania\\e[2J\\e]0;owned\\a", "U+001B"), ("x\\a", "U+0007"),
    ("\\uFFFE", "U+FFFE"), ("\\x9b2J", "U+009B"), ("\\U0001FFFF", "U+1FFFF"), ("\\uFDD0", "U+FDD0"),
])
def test_case2_escaped_control_characters_are_refused_at_the_value(tmp_path: Path, escaped: str, code: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f'format: jurisdiction\nid: ro\nname:  "{escaped}"\n', encoding="utf-8")
    problems = read_yaml(path).problems
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (3, 8)  # the opening quote of the value
    assert f"{code} in this text (an escape in quotes" in problems[0].message
    assert problems[0].message.endswith("; delete it")


def test_case2_an_escaped_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('format: jurisdiction\n"na\\x1bme": x\n', encoding="utf-8")
    problems = read_yaml(path).problems
    assert [(p.line, p.column) for p in problems] == [(2, 1)] and "U+001B" in problems[0].message


def test_case2_tabs_and_newlines_written_as_escapes_stay_allowed(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('a: "one\\ttwo\\nthree"\n', encoding="utf-8")
    loaded = read_yaml(path)
    assert not loaded.problems and loaded.data == {"a": "one\ttwo\nthree"}


def test_case2_assess_never_prints_an_escape_sequence(tmp_path: Path) -> None:
    source = (REPO / "legislation" / "romania-2020.yaml").read_text(encoding="utf-8")
    assert "\nname: Romania\n" in source
    (tmp_path / "ro.yaml").write_text(source.replace("\nname: Romania\n", '\nname: "Romania\\e[2J\\e]0;owned\\a"\n'),
                                      encoding="utf-8")
    done = _quick("assess", "ro.yaml", cwd=tmp_path)
    assert done.returncode == 2 and "\x1b" not in done.stdout + done.stderr
    assert "control character U+001B" in done.stderr


# --- case 8: write_atomic ---------------------------------------------------------------------------


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_case8_a_new_file_respects_the_umask(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "letter.md"
    assert write_atomic(target, b"x") is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]  # the temporary name is gone


def test_case8_force_keeps_the_mode_of_the_replaced_file(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "letter.md"
    target.write_bytes(b"old")
    target.chmod(0o664)
    assert write_atomic(target, b"new", force=True) is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.read_bytes() == b"new"


def test_case8_an_explicit_mode_wins(tmp_path: Path) -> None:
    target = tmp_path / "entry.json"
    assert write_atomic(target, b"{}", mode=0o600) is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("dangling", [True, False], ids=["dangling", "to-a-file"])
def test_case8_a_symlink_is_never_followed_or_replaced_without_force(tmp_path: Path, dangling: bool) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    if not dangling:
        elsewhere.write_bytes(b"someone else's file")
    link = tmp_path / "letter.md"
    link.symlink_to(elsewhere)
    problem = write_atomic(link, b"letter")
    assert problem is not None and problem.message.startswith("a symbolic link already exists")
    assert link.is_symlink() and (elsewhere.exists() != dangling)
    if not dangling:
        assert elsewhere.read_bytes() == b"someone else's file"
    # with --force the link itself is replaced, and what it pointed to is untouched
    assert write_atomic(link, b"letter", force=True) is None
    assert not link.is_symlink() and link.read_bytes() == b"letter"
    assert elsewhere.exists() != dangling and (dangling or elsewhere.read_bytes() == b"someone else's file")


def test_case8_a_directory_looking_path_is_refused(tmp_path: Path) -> None:
    problem = write_atomic(f"{tmp_path / 'newdir'}/", b"x")
    assert problem is not None and "ends with '/'" in problem.message
    assert list(tmp_path.iterdir()) == []
    problem = write_atomic(tmp_path, b"x", force=True)
    assert problem is not None and problem.message == "this is a folder; give a file name for --output"


def test_case8_creation_never_clobbers_a_file_that_appears_meanwhile(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.md"
    real_fsync = os.fsync

    def racing_fsync(descriptor: int) -> None:  # another program creates the file while lexgap writes
        real_fsync(descriptor)
        if not target.exists():
            target.write_bytes(b"theirs")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    problem = write_atomic(target, b"ours")
    assert problem is not None and "appeared while lexgap was writing" in problem.message
    assert target.read_bytes() == b"theirs" and sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]


def test_case8_dash_means_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    stream = io.BytesIO()
    assert write_atomic("-", b"the letter", stdout=stream) is None
    assert stream.getvalue() == b"the letter" and list(tmp_path.iterdir()) == []
    assert write_atomic(Path("-"), b"again", stdout=stream) is None
    assert stream.getvalue() == b"the letteragain" and list(tmp_path.iterdir()) == []


def test_case8_letter_output_dash_writes_standard_output_not_a_file(tmp_path: Path) -> None:
    done = _quick("letter", "telegram-2021", "-f", "text", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("Mandates of [MANDATES]")
    assert list(tmp_path.iterdir()) == []


# --- case 9: the knowledge cache holds data, and every doubt is a miss --------------------------------


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEXGAP_CACHE_DIR", str(folder))
    monkeypatch.delenv("LEXGAP_NO_CACHE", raising=False)
    load_knowledge()  # fills the cache: one entry
    return folder


def _entry(folder: Path) -> Path:
    [entry] = sorted(folder.glob("knowledge-*.json"))
    return entry


class _Payload:
    """Unpickling this creates a marker file: the proof a pickle was loaded."""

    marker = ""

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.marker, "w"))


def _empty_entry(entry: Path) -> bytes:
    """The entry with its own key and an empty knowledge base: used, it would give no rules."""
    return entry.read_bytes().partition(b"\n")[0] + b"\n[{}, []]"


def test_case9_a_planted_malicious_pickle_is_never_executed(cache_folder: Path, tmp_path: Path) -> None:
    entry = _entry(cache_folder)
    marker = tmp_path / "executed"
    payload = _Payload()
    payload.marker = str(marker)
    planted = pickle.dumps((entry.read_bytes().partition(b"\n")[0][15:].decode(), payload))
    entry.with_suffix(".pickle").write_bytes(planted)  # where older versions kept their entry
    entry.write_bytes(planted)  # and under the entry's own name
    premise = _Payload()
    premise.marker = str(tmp_path / "premise")
    pickle.loads(pickle.dumps(premise)).close()  # the test's premise: unpickling this runs code
    assert (tmp_path / "premise").exists()
    knowledge = load_knowledge()
    assert not marker.exists() and knowledge.rules and not knowledge.problems
    assert not list(cache_folder.glob("*.pickle"))  # pruned when the entry was written again


def test_case9_a_cache_file_others_can_write_to_is_not_read(cache_folder: Path) -> None:
    entry = _entry(cache_folder)
    entry.write_bytes(_empty_entry(entry))
    assert not load_knowledge().rules  # the test's premise: a file of ours with this body would be used
    entry.write_bytes(_empty_entry(entry))
    entry.chmod(0o666)
    assert load_knowledge().rules


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_case9_a_cache_file_owned_by_another_user_is_not_read(cache_folder: Path) -> None:
    entry = _entry(cache_folder)
    entry.write_bytes(_empty_entry(entry))
    os.chown(entry, 12345, -1)
    assert load_knowledge().rules


def test_case9_a_symlinked_cache_file_is_not_followed(cache_folder: Path, tmp_path: Path) -> None:
    entry = _entry(cache_folder)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(_empty_entry(entry))
    elsewhere.chmod(0o600)
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert load_knowledge().rules
    assert elsewhere.read_bytes().endswith(b"\n[{}, []]")  # replacing the entry replaced the link, not its target


def test_case9_a_hard_linked_cache_file_is_not_read(cache_folder: Path, tmp_path: Path) -> None:
    entry = _entry(cache_folder)
    entry.write_bytes(_empty_entry(entry))
    os.link(entry, tmp_path / "second-name.json")
    assert load_knowledge().rules


# --- case 10: templates from data are sandboxed, compiled at load, and markdown escapes data ---------------

ATTACK = "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}"


def test_case10_a_template_reaching_for_os_renders_an_error_not_a_command(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    attack = ATTACK.replace("MARKER", str(marker))
    premise = tmp_path / "premise"  # the test's premise: outside the sandbox this template runs a command
    jinja2.Environment().from_string(ATTACK.replace("MARKER", str(premise))).render()
    assert premise.exists()
    knowledge = load_knowledge(use_cache=False)
    subject, problems = load_subject(REPO / "legislation" / "romania-2020.yaml", knowledge)
    assert subject is not None, problems
    with Assessor(knowledge) as assessor:
        assessment = assessor.assess(subject)
        rules = dict(assessor.rules)
    rule = rules["intent-to-harm-requirement"]
    assert any(f.rule == rule.id and f.status is Outcome.gap for f in assessment.findings)
    rules[rule.id] = rule.model_copy(update={"letter": rule.letter.model_copy(update={"concern": attack})})
    letter = build_letter(assessment, subject, knowledge, rules)
    assert not marker.exists()
    assert letter.problems  # one per gap found by the rule
    assert {p.message.split(":")[0] for p in letter.problems} == {"rule intent-to-harm-requirement, letter.concern"}
    assert all("the template reaches for '__" in p.message for p in letter.problems)  # refused when compiled

    # a template that reaches no '_' name at compile time still meets the sandbox when it runs
    escape = "{{ subject.__class__.__mro__[1].__subclasses__() }}"
    assert jinja2.Environment().from_string(escape).render(subject="x").startswith("[<class")  # the premise
    with pytest.raises(jinja2.exceptions.SecurityError):
        TemplateSandbox().from_string(escape).render(subject="x")


def _rules_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, Path, int]:
    standards, rules = tmp_path / "standards", tmp_path / "rules"
    shutil.copytree(REPO / "standards", standards)
    shutil.copytree(REPO / "rules", rules)
    path = rules / "online-violence.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return standards, rules, line


def test_case10_a_rule_template_with_broken_syntax_is_a_located_problem(tmp_path: Path) -> None:
    old = "      question: >-\n        Please indicate what measures"
    broken = "      question: >-\n        {% for %} Please indicate what measures"
    standards, rules, line = _rules_copy(tmp_path, old, broken)
    knowledge = load_knowledge(standards, rules, use_cache=False)
    where = str(rules / "online-violence.yaml")
    assert [(p.file, p.line, p.column) for p in knowledge.problems] == [(where, line, 17)]  # at the '>-'
    assert knowledge.problems[0].message.startswith("letter.question: not a valid template: Expected an expression")
    # the same file given to validate on its own (outside the bundled folder)
    done = _quick("validate", str(rules / "online-violence.yaml"), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert f"online-violence.yaml:{line}:17: letter.question: not a valid template" in done.stdout


def test_case10_a_rule_template_reaching_for_internals_is_refused_at_load(tmp_path: Path) -> None:
    old = "      concern: >-\n        {{ provision }} makes liability"
    standards, rules, line = _rules_copy(tmp_path, old, f"      concern: >-\n        {ATTACK} makes liability")
    knowledge = load_knowledge(standards, rules, use_cache=False)
    assert [(p.line, p.column) for p in knowledge.problems] == [(line, 16)]
    assert "letter.concern: the template reaches for '__" in knowledge.problems[0].message


def test_case10_bundled_wording_and_rule_templates_all_compile() -> None:
    for name in ("clauses.en.yaml", "curation.yaml", "standing-questions.yaml"):
        loaded = read_yaml(data_dir("templates") / "letter" / name)
        assert not loaded.problems and loaded.data
        assert data_template_problems(loaded) == []
    assert not load_knowledge(use_cache=False).problems


def test_case10_wording_with_a_broken_template_is_located(tmp_path: Path) -> None:
    path = tmp_path / "wording.yaml"
    path.write_text("common:\n  salutation: Dear {{ subject }\n  ok: fine\n", encoding="utf-8")
    loaded = read_yaml(path)
    assert [str(p) for p in data_template_problems(loaded)] == [
        f"{path}:2:15: common.salutation: not a valid template: unexpected '}}'; check each {{{{ ... }}}} and "
        "{% ... %}"]


def test_case10_markdown_escapes_text_from_data() -> None:
    assert markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown_text("[click](javascript:alert(1)) *bold* `code` a|b") == \
        "\\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\` a\\|b"
    assert markdown_text("# not a heading\n> not a quote\n1. not a list\n- nor this") == \
        "\\# not a heading\n&gt; not a quote\n1\\. not a list\n\\- nor this"
    assert markdown_text("Law no. 106/2020, art. 2(c) & para. 24") == "Law no. 106/2020, art. 2(c) &amp; para. 24"
    assert markdown_code("ro/act/2003/217~art_6") == "`ro/act/2003/217~art_6`"
    assert markdown_code("a`b") == "`` a`b ``"


# --- cases 2 and 3: helpers for what the renderers and the command line print --------------------------


def test_case2_terminal_safe_shows_escape_sequences_instead_of_sending_them() -> None:
    assert terminal_safe("Romania\x1b[2J\x1b]0;owned\x07") == "Romania\\x1b[2J\\x1b]0;owned\\x07"
    assert terminal_safe("\x9b2J and \u202egnp.exe") == "\\x9b2J and \\u202egnp.exe"
    assert terminal_safe("Law 217/2003 – art. 6\tsee\nnext: România") == "Law 217/2003 – art. 6\tsee\nnext: România"


def test_case3_docx_core_properties_are_clamped_to_255_characters() -> None:
    assert clamp_core_property("AL ROU 2/2020") == "AL ROU 2/2020"
    assert clamp_core_property("x" * 255) == "x" * 255
    long = clamp_core_property("word " * 100)
    assert len(long) <= 255 and long.endswith("…") and long.startswith("word word")


def test_case3_a_clamped_subject_is_accepted_by_python_docx() -> None:
    import docx

    document = docx.Document()
    with pytest.raises(ValueError, match="255"):
        document.core_properties.subject = "s" * 256  # the premise: python-docx refuses it
    document.core_properties.subject = clamp_core_property("s" * 256)
    document.core_properties.title = clamp_core_property("t" * 1000)
    assert len(document.core_properties.subject) == 255


# --- case 11: batch folders say what they skip; bare names; `-` is standard input --------------------------


@needs_fifo
def test_case11_skipped_folder_entries_are_said_with_their_reason(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(REPO / "legislation" / "romania-2020.yaml", folder / "b-romania.yaml")
    os.mkfifo(folder / "a-pipe.yaml")
    (folder / "c-dangling.yaml").symlink_to(folder / "gone.yaml")
    (folder / "d-loop.yaml").symlink_to(folder / "d-loop.yaml")
    (folder / "e-folder.yml").mkdir()
    (folder / "notes.txt").write_text("not YAML, not said", encoding="utf-8")
    paths, notes = subject_paths_noted([str(folder)])
    assert paths == [folder / "b-romania.yaml"] and yaml_files(folder) == paths
    assert [str(n) for n in notes] == [
        f"{folder / 'a-pipe.yaml'}:1:1: warning: skipped: a named pipe (FIFO), not a regular file",
        f"{folder / 'c-dangling.yaml'}:1:1: warning: skipped: a symbolic link to a file that does not exist "
        "(dangling)",
        f"{folder / 'd-loop.yaml'}:1:1: warning: skipped: a symbolic link that leads back to itself (a loop)",
        f"{folder / 'e-folder.yml'}:1:1: warning: skipped: a folder, not a file",
    ]
    assert all(n.level is Level.warning for n in notes)


def test_case11_a_bare_name_uses_a_local_file_first_and_says_when_it_uses_the_bundled_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bundled, note = resolve_subject_noted("romania-2020.yaml")
    assert bundled == data_dir("legislation") / "romania-2020.yaml"
    assert note is not None and note.level is Level.info
    assert str(note).startswith("romania-2020.yaml:1:1: info: no file 'romania-2020.yaml' here: using the bundled")
    # with a folder part, a name is always a path: `./romania-2020.yaml` never means the bundled file
    assert resolve_subject_noted("./romania-2020.yaml") == (Path("romania-2020.yaml"), None)
    (tmp_path / "romania-2020.yaml").write_text("format: jurisdiction\n", encoding="utf-8")
    assert resolve_subject_noted("romania-2020.yaml") == (Path("romania-2020.yaml"), None)
    assert resolve_subject_noted("-") == (Path("-"), None)


def test_case11_dash_reads_standard_input(tmp_path: Path) -> None:
    (tmp_path / "-").write_text("format: jurisdiction\nid: not-this-one\n", encoding="utf-8")  # never read
    source = (REPO / "legislation" / "romania-2020.yaml").read_bytes()
    done = subprocess.run([sys.executable, "-m", "lexgap.cli", "assess", "-", "-f", "json"], input=source,
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1 and b'"id": "romania-2020"' in done.stdout  # exit 1: gaps found
    broken = subprocess.run([sys.executable, "-m", "lexgap.cli", "validate", "-"], input=b"format: jurisdiction\n",
                            capture_output=True, cwd=tmp_path, timeout=120)
    assert broken.returncode == 2 and b"<stdin>:1:1: missing required field" in broken.stdout


# --- case 5: Ctrl-C during a batch, and the pool size ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
@pytest.mark.skipif(signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
                    reason="Ctrl-C is ignored in this process (a shell ignores it in what it starts in the "
                           "background), and so in lexgap started from it: run the tests in the foreground")
@pytest.mark.parametrize("trial", range(3))
def test_case5_sigint_during_assess_jobs_2_exits_130_without_a_traceback(tmp_path: Path, trial: int) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for index in range(60):
        shutil.copy(REPO / "legislation" / "romania-2020.yaml", folder / f"r{index:02d}.yaml")
    # a new session: the signal goes to the whole group, as Ctrl-C in a terminal does
    process = subprocess.Popen([sys.executable, "-m", "lexgap.cli", "assess", "--jobs", "2", "-f", "json",
                                str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                               start_new_session=True, env={**os.environ, "LEXGAP_NO_CACHE": "1"})
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # the workers are running: the first result is out
        assert first.startswith(b"{")
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr.decode(errors="replace")[-3000:]  # what it said, if it failed
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr, stderr.decode(errors="replace")


def test_case5_the_pool_is_capped_by_the_number_of_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.context

    sizes: list[int] = []
    real = multiprocessing.context.ForkContext.Pool

    def counting(self: object, processes: int, *args: object, **kwargs: object) -> object:
        sizes.append(processes)
        return real(self, processes, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pool", counting)
    knowledge = load_knowledge()
    paths = [REPO / "legislation" / "romania-2020.yaml", REPO / "legislation" / "telegram-2021.yaml"]
    results = list(assess_many(paths, knowledge, None, lambda a: a.subject_id, jobs=256))
    assert sizes == [2] and [r.text for r in results] == ["romania-2020", "telegram-2021"]


@pytest.mark.parametrize(("template", "refused"), [
    ("{{ 9**9**9 }}", "powers (**)"),
    ("{% for a in subject %}{% for b in subject %}x{% endfor %}{% endfor %}", "not {% for %}"),
    ("{% set x = subject %}{{ x }}", "not {% set %}"),
    ("{% include 'wording.yaml' %}", "not {% include %}"),
])
def test_case10_templates_that_could_run_for_hours_are_refused_at_load(template: str, refused: str) -> None:
    message = template_error(template)
    assert message is not None and refused in message


@pytest.mark.parametrize("template", ["{{ 9**9**9 }}", "{{ 'a' * 100000000 }}", "{{ range(10**8) | list }}",
                                      "{{ lipsum(100000) }}"])
def test_case10_the_sandbox_refuses_what_would_exhaust_time_or_memory(template: str) -> None:
    with pytest.raises(jinja2.TemplateError):
        text_environment().from_string(template).render()
    assert text_environment().from_string("{{ mark * 5 }}").render(mark="=") == "====="


@pytest.mark.parametrize(("raw", "said"), [("a\x9bb", "control character U+009B"), ("\ufdd0", "non-character U+FDD0"),
                                           ("\U0001fffe", "non-character U+1FFFE")])
def test_case2_raw_c1_controls_and_non_characters_are_refused_too(tmp_path: Path, raw: str, said: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"format: jurisdiction\nname: {raw}\n", encoding="utf-8")
    problems = read_yaml(path).problems
    assert len(problems) == 1 and problems[0].line == 2 and problems[0].message.startswith(f"{said} in the file")
