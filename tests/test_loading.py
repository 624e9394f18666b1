"""Every malformed file gets exit 2 and one located message naming the file and line; never a traceback."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from helpers import REPO, lexgap
from lexgap.knowledge import Knowledge, load_subject
from lexgap.loading import load_file, read_yaml

BAD = Path(__file__).parent / "bad"
EXPECTED = yaml.safe_load((BAD / "EXPECTED.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gets_one_located_message(name: str, knowledge: Knowledge) -> None:
    expected = EXPECTED[name]
    subject, problems = load_subject(BAD / name, knowledge)
    assert subject is None
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.line, problem.column) == (expected["line"], expected["column"]), str(problem)
    assert expected["says"] in problem.message
    assert problem.file.endswith(name)


def test_the_dangling_reference_is_caught_by_cross_file_checks() -> None:
    from lexgap.knowledge import check_subject, load_knowledge
    model, loaded = load_file(BAD / "dangling-reference.yaml")
    assert model is not None and not loaded.problems
    problems = check_subject(model, loaded, load_knowledge())
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "amends 'xx/act/2019/9~art_2', which is not a provision of this file; did you mean 'xx/act/2020/1~art_1'?"]


def test_cli_validate_reports_every_bad_file_with_exit_2_and_no_traceback() -> None:
    run = lexgap("validate", str(BAD))
    assert run.code == 2
    assert "Traceback" not in run.output
    for name, expected in EXPECTED.items():
        assert f"{name}:{expected['line']}:{expected['column']}: " in run.stdout, name


def test_a_directory_and_a_missing_file_are_located_problems(tmp_path: Path) -> None:
    assert read_yaml(tmp_path).problems[0].message.startswith("this is a directory")
    missing = read_yaml(tmp_path / "nope.yaml").problems[0]
    assert (missing.line, missing.column, missing.message) == (1, 1, "no such file; check the path and the file name")
    run = lexgap("assess", str(tmp_path / "nope.yaml"))
    assert run.code == 2 and "nope.yaml:1:1: no such file" in run.stderr and "Traceback" not in run.output


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"format: jurisdiction\n" + b"# padding\n" * 1_200_000)
    problem = read_yaml(big).problems[0]
    assert "lexgap reads files up to 10 MB" in problem.message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    problems = read_yaml(deep).problems
    assert len(problems) == 1 and "nested" in problems[0].message


@pytest.mark.parametrize("name", ["tab.yaml", "duplicate-key.yaml", "misspelt-word.yaml", "non-utf8.yaml"])
def test_assess_on_a_malformed_copy_of_romania_exits_2_and_leaves_it_untouched(tmp_path: Path, name: str) -> None:
    original = (REPO / "legislation" / "romania-2020.yaml").read_bytes()
    broken = _break_like(original, name)
    target = tmp_path / "romania-2020.yaml"
    target.write_bytes(broken)
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    run = lexgap("assess", str(target), "--format", "json")
    assert run.code == 2, run.output
    assert "Traceback" not in run.output and run.stdout == ""
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"{target}:"), first
    line = int(first.split(":")[1])
    assert 1 <= line <= broken.count(b"\n") + 1
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def _break_like(original: bytes, name: str) -> bytes:
    text = original.decode("utf-8")
    if name == "tab.yaml":
        return text.replace("\n    title:", "\n\ttitle:", 1).encode()
    if name == "duplicate-key.yaml":
        return text.replace("\nname: Romania\n", "\nname: Romania\nname: Rumania\n", 1).encode()
    if name == "misspelt-word.yaml":
        return text.replace("intent_to_distress", "intent_to_distres", 1).encode()
    return text.replace("Romania", "Rom\xe2nia", 1).encode("latin-1", errors="replace")


def test_the_bundled_data_validates() -> None:
    run = lexgap("validate")
    assert run.code == 0, run.output
    assert run.stdout.startswith("ok: ")


def test_stats_count_unverified_citations() -> None:
    run = lexgap("validate", "--stats")
    assert run.code == 0
    totals = run.stdout.partition("sources by verification level")[0]
    lines = dict(line.split(": ") for line in totals.strip().splitlines())
    assert int(lines["instruments"]) >= 20 and int(lines["rules"]) >= 20
    assert 0 < int(lines["unverified citations"]) <= int(lines["citations not read in the primary text"])


def test_copied_data_folder_still_validates(tmp_path: Path) -> None:
    copy = tmp_path / "romania.yaml"
    shutil.copy(REPO / "legislation" / "romania-2020.yaml", copy)
    assert lexgap("validate", str(copy)).code == 0


def test_an_anchor_is_refused_where_it_stands_even_when_unused(tmp_path: Path) -> None:
    path = tmp_path / "anchor.yaml"
    path.write_text("format: jurisdiction\nid: &x ro\nname: Romania\n", encoding="utf-8")
    problems = read_yaml(path).problems
    assert [(p.line, p.column) for p in problems] == [(2, 5)]
    assert "anchors and aliases (& and *) are not allowed" in problems[0].message


def test_values_and_marks_come_from_one_pass_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "shape.yaml"
    path.write_text("a: 1\nb:\n  - x\n  - {c: 2021-01-25, d: true, e: '12'}\n", encoding="utf-8")
    loaded = read_yaml(path)
    assert loaded.problems == []
    assert loaded.data == {"a": 1, "b": ["x", {"c": dt.date(2021, 1, 25), "d": True, "e": "12"}]}
    assert loaded.marks.at(("b", 1, "d")) == (4, 21)
    assert loaded.marks.at(("b", 0)) == (3, 5)
    assert loaded.marks.at(("b", 1, "missing")) == loaded.marks.at(("b", 1)) == (4, 5)


def test_a_wrong_value_is_located_at_the_value_and_an_unknown_field_at_its_key(tmp_path: Path) -> None:
    text = (REPO / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    dated = tmp_path / "dated.yaml"
    dated.write_text(text.replace("\nas_of: 2021-01-25\n", "\nas_of: 25/01/2021\n"), encoding="utf-8")
    model, loaded = load_file(dated)
    assert model is None
    [problem] = loaded.problems
    line = next(n for n, text_line in enumerate(lines, 1) if text_line.startswith("as_of:"))
    assert (problem.line, problem.column) == (line, 8)  # the 25 of 25/01/2021, not the key
    assert "'25/01/2021' is not a date; write a date as YYYY-MM-DD" in problem.message
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(text.replace("\nas_of: 2021-01-25\n", "\nas_at: 2021-01-25\n"), encoding="utf-8")
    problems = load_file(unknown)[1].problems
    assert [(p.line, p.column) for p in problems] == [(line, 1)]  # the misspelt key itself
    assert "unknown field 'as_at'; did you mean 'as_of'?" in problems[0].message


def _only_problem_of_ireland_with(tmp_path: Path, old: str, new: str) -> str:
    """The one problem of the Ireland fixture with `old` replaced by `new`."""
    text = (REPO / "tests" / "fixtures" / "ireland-2022.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ireland-2022.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    [problem] = load_file(path)[1].problems
    return problem.message


def test_a_single_word_where_a_list_or_alternatives_are_expected_asks_for_a_list(tmp_path: Path) -> None:
    message = _only_problem_of_ireland_with(tmp_path, "    mental_element: [intent_general]\n",
                                            "    mental_element: intent_general\n")
    assert "mental_element must be a list (lines starting with '- '), not 'intent_general'" in message


def test_an_unknown_word_without_a_near_one_lists_the_valid_words_cleanly(tmp_path: Path) -> None:
    message = _only_problem_of_ireland_with(tmp_path, "conduct: [ncii_record, ncii_disseminate]",
                                            "conduct: [telepathy]")
    assert message.startswith("'telepathy' is not a word of conduct (valid: csam_produce, ")


def test_a_key_indented_under_a_value_gets_a_hint_on_indentation(tmp_path: Path) -> None:
    path = tmp_path / "indent.yaml"
    path.write_text("format: jurisdiction\nid: x\n  name: X\n", encoding="utf-8")
    [problem] = read_yaml(path).problems
    assert (problem.line, problem.column) == (3, 7)
    assert problem.message == ("not valid YAML: mapping values are not allowed in this context (check this line's "
                               "indentation against the line above, and put a value that contains ': ' in quotes)")


@pytest.mark.parametrize("text", [
    "a: 1\nb: ~\nc:\nd: ''\ne: \"x\\ty\"\nf: !!str 12\ng: 010\nh: no\ni: 1e3\nj: .inf\nk: 2021-01-25\n",
    "12: twelve\n'13': thirteen\nlist: [1, '2', \"3\", null, true, FALSE]\n",
    "a: {b: {c: [d, {e: f}]}}\n# a comment\n---\n",
    "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "a: 2021-13-45\n", "a: 2021-01-25 10:00:00\n",
    "a: .nan\n", "a: \"\\e[2J\"\n", "a: !custom 1\n", "", "~\n", "- 1\n- 2\n", "a: 1\n---\nb: 2\n", "[a: b]: c\n",
])
def test_the_marks_free_read_agrees_with_the_read_with_marks(tmp_path: Path, text: str) -> None:
    """`read_yaml` reads a file it accepts without line marks (faster) and makes them when a problem needs
    them; whatever the file, data, problems and marks are those of the read with marks."""
    path = tmp_path / "edge.yaml"
    path.write_text(text, encoding="utf-8")
    fast, marked = read_yaml(path), read_yaml(path, with_marks=True)
    assert repr(fast.data) == repr(marked.data)
    assert fast.problems == marked.problems
    assert (fast.marks.positions, fast.marks.values) == (marked.marks.positions, marked.marks.values)


def test_a_file_read_without_marks_locates_a_later_problem_where_the_marked_read_would(tmp_path: Path) -> None:
    path = tmp_path / "late.yaml"
    path.write_text("format: jurisdiction\nid: x\nname: X\nas_of: 25/01/2021\n", encoding="utf-8")
    loaded = read_yaml(path)
    assert loaded.problems == [] and loaded.given_marks is None  # read fast: no marks yet
    problem = loaded.problem(("as_of",), "not a date")
    assert (problem.line, problem.column) == (4, 8)


def test_the_marks_free_read_keeps_nothing_of_a_file_once_read(tmp_path: Path) -> None:
    """Its one shared YAML constructor must forget each value it built: it kept every dated or numbered value
    of every file of a batch (200 MB over 10,000 files, found by `bench/run.py --scale`)."""
    from lexgap import loading

    path = tmp_path / "typed.yaml"
    path.write_text("a: 2021-01-25\nb: 12\nc: [true, 1.5, ~]\n", encoding="utf-8")
    for _ in range(3):
        assert read_yaml(path).data == {"a": dt.date(2021, 1, 25), "b": 12, "c": [True, 1.5, None]}
    assert not loading._CONSTRUCTOR.constructed_objects
