"""The lexgap command line: parse options, call the engine, render, choose the exit code.

This is the only module that prints or exits.  Exit codes are a contract (`problems.ExitCode`):
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 70 internal error (engine failures
included), 74 input/output error; a command's problems decide it by their kinds (`problems.exit_code`).
Each command's formats come from the one table in `render/__init__.py`.

Annotations here are evaluated when the module is (no `from __future__ import annotations`): typer reads
every command's parameters at each start, and evaluating them from strings cost it three times as much.
"""

import atexit
import contextlib
import errno
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from lexgap import __version__
from lexgap.folders import KnowledgeFolders, load_from
from lexgap.knowledge import Knowledge, check_subject, load_knowledge, load_subject
from lexgap.loading import Loaded, all_formats, load_file
from lexgap.models import FORMAT_NAMES, Bill, Jurisdiction, RuleTests
from lexgap.paths import STDIN, data_dir, resolve_bundled_noted, resolve_subject, yaml_files, yaml_files_noted
from lexgap.problems import ExitCode, Level, Problem, exit_code
from lexgap.render import RENDERERS, Output, formats, renderer
from lexgap.safe_text import terminal_safe
from lexgap.vocabulary import OUTCOME_ORDER, Outcome, did_you_mean, nearest


def _format_choices(command: str) -> Any:
    """The --format choices of a command, from the render table, as the enum typer needs."""
    return StrEnum(f"{command.title().replace('-', '')}Format", {name: name for name in formats(command)})


if TYPE_CHECKING:  # to mypy a format is its name; to typer, one of the choices
    from rich.console import Console

    AssessFormat: TypeAlias = str
    LetterFormat: TypeAlias = str
    DraftFormat: TypeAlias = str
    CompareFormat: TypeAlias = str
else:
    AssessFormat = _format_choices("assess")
    LetterFormat = _format_choices("letter")
    DraftFormat = _format_choices("check-draft")
    CompareFormat = _format_choices("compare")


def _default(command: str) -> Any:
    """The default format of a command: the first of its formats, as a choice."""
    return next(iter(RENDERERS[command]))


ASSESS_DEFAULT, LETTER_DEFAULT, DRAFT_DEFAULT, COMPARE_DEFAULT = (
    _default(c) for c in ("assess", "letter", "check-draft", "compare"))


class Lang(StrEnum):
    """The languages lexgap writes letters and reports in."""

    en = "en"
    fr = "fr"
    es = "es"


LangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="The language of the letter or report: en, fr or es (JSON and CSV stay language-neutral). "
                   "Default: the letter plan's language, else en.")]

#: Formats made for programs, not readers: the same whatever --lang says.
NEUTRAL_FORMATS = frozenset({"json", "json2", "csv"})


def _language(lang: Lang | None, fmt: str) -> str:
    """The language of the words a command writes in `fmt`: English for the formats made for programs."""
    return "en" if fmt in NEUTRAL_FORMATS or lang is None else lang.value


class FailOn(StrEnum):
    gap = "gap"
    not_assessable = "not_assessable"
    never = "never"


app = typer.Typer(
    help="Check national laws and bills against international human-rights standards.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

class _LazyConsole:
    """A rich Console made on first use: a machine format (json) never imports rich."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


#: The console of the rich reports (terminal format), made on first use.  Every other line lexgap prints
#: is written plain, through `_say`: never wrapped (one problem is one line, whatever the width or when not
#: a terminal), and with any character a terminal would act on shown escaped (`safe_text.terminal_safe`).
stdout: "Console" = _LazyConsole(highlight=False, soft_wrap=False, emoji=False)  # type: ignore[assignment]


class Stop(typer.Exit):
    """Leave the command with an exit code (after messages were printed)."""

    def __init__(self, code: ExitCode):
        super().__init__(int(code))
        self.code = code


class OutputFailed(Exception):
    """Writing to standard output failed (disk full, broken pipe...): an I/O error, exit 74."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


def _line(text: str) -> str:
    """One printable line: terminal controls shown escaped, never sent; a newline inside shown as `\\n`."""
    return terminal_safe(text).replace("\n", "\\n")


def _say(text: str, to_stdout: bool = False) -> None:
    """Print one line lexgap wrote about data (a message, a problem) plain and unwrapped.

    Messages go to standard error; `validate` lists its problems on standard output (`to_stdout`).
    """
    if to_stdout:
        _emit(_line(text) + "\n")
        return
    with contextlib.suppress(OSError, ValueError):  # nowhere left to say it: the exit code still tells
        sys.stderr.write(_line(text) + "\n")
        sys.stderr.flush()


def _print_problems(problems: list[Problem], to_stdout: bool = False) -> None:
    for problem in sorted(problems):
        _say(str(problem), to_stdout)


@contextmanager
def _writing() -> Iterator[None]:
    """Turn a failed write to standard output into `OutputFailed`, so that click never sees it."""
    try:
        yield
    except OSError as error:
        raise OutputFailed(error) from None


def _stop(problems: list[Problem]) -> Stop:
    """Print the problems and leave with the exit code their kinds decide (bad input when unsure)."""
    _print_problems(problems)
    return Stop(exit_code(problems) if problems else ExitCode.bad_input)


def _inputs(names: list[str], bills: list[str] | None = None) -> None:
    """Refuse `-` (standard input) given more than once, since it can be read only once; then say, on
    standard error, each bare name for which the bundled file is used (a local file wins)."""
    if [*names, *(bills or [])].count(STDIN) > 1:
        _say("'-' (standard input) can be given only once")
        raise Stop(ExitCode.bad_input)
    folders = [(name, data_dir("legislation")) for name in names]
    folders += [(name, data_dir("legislation") / "bills") for name in bills or []]
    for name, folder in folders:
        note = resolve_bundled_noted(name, folder)[1]
        if note is not None:
            _say(str(note))


def _show(command: str, fmt: str, *values: Any) -> None:
    """Render values in a format and write them to standard output."""
    entry = renderer(command, fmt)
    result = entry.load()(*values)
    if entry.output is Output.rich:
        with _writing():
            stdout.print(result)
    elif isinstance(result, bytes):
        _emit_bytes(result)
    else:
        _emit(result)


RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", help="A folder (or file) of your own rules, added to the bundled ones. Repeatable.")]
StandardsOption = Annotated[list[Path] | None, typer.Option(
    "--standards", help="A folder (or file) of your own standards, added to the bundled ones. Repeatable.")]
BundledRulesOption = Annotated[bool, typer.Option(
    "--bundled-rules/--no-bundled-rules", help="Use lexgap's bundled rules too (--no-bundled-rules: only --rules).")]
BundledStandardsOption = Annotated[bool, typer.Option(
    "--bundled-standards/--no-bundled-standards",
    help="Use lexgap's bundled standards too (--no-bundled-standards: only --standards).")]


def _folders(rules: list[Path] | None = None, standards: list[Path] | None = None, bundled_rules: bool = True,
             bundled_standards: bool = True) -> KnowledgeFolders:
    return KnowledgeFolders(tuple(rules or ()), tuple(standards or ()), bundled_rules, bundled_standards)


def _load(folders: KnowledgeFolders) -> Knowledge:
    """The bundled knowledge (cached), or the folders given with it or instead of it."""
    return load_knowledge() if folders.only_bundled else load_from(folders)


def _knowledge(folders: KnowledgeFolders | None = None) -> Knowledge:
    folders = folders or KnowledgeFolders()
    knowledge = _load(folders)
    errors = knowledge.errors()
    if errors:
        _print_problems(errors)
        if folders.only_bundled:
            _say("lexgap's bundled standards or rules have errors; run `lexgap validate`.")
        raise Stop(ExitCode.bad_input)
    return knowledge


def _version(value: bool) -> None:
    if value:
        _emit(f"lexgap {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """lexgap: legislative gap assessment against international human-rights standards."""


def _emit(text: str) -> None:
    """Write text lexgap rendered to standard output (UTF-8: `main` sets it whatever the locale)."""
    with _writing():
        sys.stdout.write(text)
        sys.stdout.flush()


def _emit_bytes(data: bytes) -> None:
    with _writing():
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: all bundled data.")] = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print counts of instruments, provisions, rules and "
                                                       "unverified citations.")] = False,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Check files against lexgap's formats and against each other; print FILE:LINE:COL: message."""
    knowledge = _load(_folders(rules, standards, bundled_rules, bundled_standards))
    problems = list(knowledge.problems)
    targets: list[Path] = []
    if paths:
        _inputs([str(p) for p in paths if not p.is_dir()])
        for path in paths:
            if path.is_dir():
                files, skipped = yaml_files_noted(path)
                targets += files
                problems += skipped
            else:
                targets.append(resolve_subject(str(path)))
    else:
        targets = yaml_files(data_dir("legislation")) + yaml_files(data_dir("legislation") / "bills")
    bundled = {p.resolve() for folder in ("standards", "rules") for p in yaml_files(data_dir(folder))}
    jurisdictions: dict[str, Jurisdiction] = {}  # valid ones given, by id: bills are checked against them
    bills: list[tuple[Bill, Loaded]] = []
    for path in targets:
        if path.exists() and path.resolve() in bundled:
            continue
        model, loaded = load_file(path)
        problems += loaded.problems
        if model is not None and not loaded.problems:
            found = check_subject(model, loaded, knowledge)
            problems += found
            if isinstance(model, RuleTests) and not found:
                from lexgap.casetests import check_cases

                problems += check_cases(model, loaded, knowledge)
            if isinstance(model, Jurisdiction) and not found:
                jurisdictions.setdefault(model.id, model)
            elif isinstance(model, Bill):
                bills.append((model, loaded))
    for bill, loaded in bills:
        problems += _check_bill(bill, loaded, knowledge, jurisdictions)
    _print_problems(problems, to_stdout=True)
    if stats:
        from lexgap.knowledge import verification_stats

        bundled_files = [p for folder in ("standards", "rules") for p in yaml_files(data_dir(folder))]
        for line in verification_stats(knowledge, [*bundled_files, *targets]):
            _say(line, to_stdout=True)
    if any(p.level is Level.error for p in problems):
        raise Stop(ExitCode.bad_input)
    if not stats:
        _emit(f"ok: {len(targets)} files, {len(knowledge.instruments)} instruments, {len(knowledge.rules)} rules\n")


def _check_bill(bill: Bill, loaded: Loaded, knowledge: Knowledge, jurisdictions: dict[str, Jurisdiction]
                ) -> list[Problem]:
    """A bill is checked against the jurisdiction it amends: one given on the command line, or a bundled one."""
    from lexgap.compare import check_bill

    base = jurisdictions.get(bill.applies_to)
    for path in [] if base is not None else yaml_files(data_dir("legislation")):
        subject, _ = load_subject(path, knowledge)
        if isinstance(subject, Jurisdiction) and subject.id == bill.applies_to:
            base = jurisdictions.setdefault(subject.id, subject)
            break
    if base is None:
        return [loaded.problem(("applies_to",), f"no jurisdiction file with id {bill.applies_to!r} was given or "
                                                "is bundled; give it on the command line too")]
    return check_bill(bill, loaded, base)


@app.command()
def schema(
    kind: Annotated[str | None, typer.Argument(help=f"One of: {', '.join(FORMAT_NAMES)}; or 'assessment', the "
                                                    "JSON that assess -f json prints ('assessment-2' for -f json2, "
                                                    "'assessment-2-words' for the words its parts stand for).")] = None,
    write: Annotated[Path | None, typer.Option("--write", help="Write every format's schema into this folder "
                                                               "(KIND.schema.json; older copies are replaced).")]
        = None,
) -> None:
    """Print the JSON Schema of a file format (for editors: yaml-language-server), or write them all."""
    from lexgap.jsonschemas import schema_text, write_schemas
    from lexgap.outputs import OUTPUTS, output_schema

    if write is not None:
        problems = write_schemas(write)
        if problems:
            raise _stop(problems)
        _say(f"wrote {len(all_formats())} schemas to {write}; point a file at one with its first line: "
                     f"# yaml-language-server: $schema=PATH/TO/{next(iter(all_formats()))}.schema.json")
        return
    known = [*all_formats(), *OUTPUTS, "assessment-2-words"]
    if kind is None or kind not in known:
        hint = nearest(kind, known) if kind is not None else None
        did = f"did you mean {hint!r}? " if hint else ""
        what = f"unknown format {kind!r}; " if kind is not None else "give a format; "
        _say(f"{what}{did}choose one of: {', '.join(known)} (or --write DIR)")
        raise Stop(ExitCode.bad_input)
    if kind == "assessment-2-words":
        from lexgap.outputs import assessment_2_words

        _emit(json.dumps(assessment_2_words(), indent=2, ensure_ascii=False) + "\n")
    elif kind in OUTPUTS:
        _emit(json.dumps(output_schema(kind), indent=2, ensure_ascii=False) + "\n")
    else:
        _emit(schema_text(kind))


def _failing(fail_on: FailOn) -> frozenset[str]:
    """The finding statuses at or above --fail-on (none for never)."""
    if fail_on is FailOn.never:
        return frozenset()
    threshold = OUTCOME_ORDER[Outcome(fail_on.value)]
    return frozenset(o.value for o in Outcome if OUTCOME_ORDER[o] <= threshold)


@app.command()
def assess(
    files: Annotated[list[str], typer.Argument(help="Jurisdiction or company files (or bundled names), or folders "
                                                    "of them.")],
    output_format: Annotated[AssessFormat, typer.Option("--format", "-f", help="Output format; several subjects "
                                                        "in json give one JSON object per line, in csv one table.")] =
        ASSESS_DEFAULT,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding at or above this "
                                                             "status exists.")] = FailOn.gap,
    status: Annotated[list[Outcome] | None, typer.Option("--status", help="Show only these statuses.")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Evaluate only these rules.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=256,
                                      help="Processes for several subjects; output is the same for any value.")] = 1,
    lang: LangOption = None,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Assess a jurisdiction's law (or a company's practice) against the rules."""
    from lexgap import words

    with words.use(_language(lang, str(output_format))):
        _assess(files, str(output_format), fail_on, status, rule, jobs, rules, standards, bundled_rules,
                bundled_standards)


def _assess(files: list[str], output_format: str, fail_on: FailOn, status: list[Outcome] | None,
            rule: list[str] | None, jobs: int, rules: list[Path] | None, standards: list[Path] | None,
            bundled_rules: bool, bundled_standards: bool) -> None:
    from lexgap.batch import assess_many, subject_paths_noted

    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    unknown = knowledge.unknown_rules(rule or [])
    if unknown:
        for message in unknown:
            _say(message)
        raise Stop(ExitCode.bad_input)
    if files.count(STDIN) > 1:
        _say("'-' (standard input) can be given only once")
        raise Stop(ExitCode.bad_input)
    paths, notes = subject_paths_noted(files)
    _print_problems(notes)  # bundled files used for bare names, folder entries skipped
    single = len(files) == 1 and len(paths) == 1 and not Path(files[0]).is_dir()
    if not paths:
        _say(f"no .yaml files in {', '.join(files)}")
        raise Stop(ExitCode.bad_input)
    entry = renderer("assess", output_format)
    render = _terminal_text if entry.output is Output.rich else entry.load(many=not single)
    if entry.header is not None:  # a table for all subjects: its header once, then each subject's rows
        _emit(entry.load_header()())
    shown = frozenset(s.value for s in status or [])
    failing = _failing(fail_on)
    failed = 0  # findings at or above --fail-on: a count, so that a batch keeps no finding in memory
    problems: list[Problem] = []
    for index, result in enumerate(assess_many(paths, knowledge, rule, render, jobs, shown)):
        if result.text is None:
            _print_problems(list(result.problems))
            problems += result.problems
            continue
        failed += sum(s in failing for s in result.statuses)
        if output_format == "markdown" and index:
            _emit("\n")
        _emit(result.text)
    if problems:
        raise Stop(exit_code(problems))
    raise Stop(ExitCode.findings if failed else ExitCode.done)


def _terminal_text(assessment: Any) -> str:
    """Render the rich report to text here, so that worker processes can return it."""
    with _writing(), stdout.capture() as captured:  # leaving a capture flushes standard output
        stdout.print(renderer("assess", "terminal").load()(assessment))
    return captured.get()


@app.command()
def letter(
    file: Annotated[str, typer.Argument(help="A jurisdiction or company file, or the name of a bundled one.")],
    output_format: Annotated[LetterFormat, typer.Option("--format", "-f", help="Output format (memo: the "
                                                                               "reviewer's memo beside the letter).")] =
        LETTER_DEFAULT,
    plan: Annotated[str | None, typer.Option("--plan", help="A letter plan: a file, or the name of a bundled one "
                                                            "(al-rou-2-2020, al-oth-5-2021, al-usa-2021, "
                                                            "al-oth-facebook-2021).")] = None,
    init: Annotated[bool, typer.Option("--init", help="Print a letter plan scaffolded from the assessment.")] = False,
    clauses: Annotated[Path | None, typer.Option("--clauses", help="The office's own clauses (YAML), replacing "
                                                                   "lexgap's.")] = None,
    reference_docx: Annotated[Path | None, typer.Option("--reference-docx", help="An office's Word template whose "
                                                                                 "styles the letter takes.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    lang: LangOption = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Use only these rules.")] = None,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Draft a communication: the frame of the genre, information received, concerns, questions, annex."""
    from lexgap.output import STDOUT, write_atomic
    from lexgap.render import letter_bytes

    if renderer("letter", output_format).output is Output.binary and output is None and not init:
        _say(f"a .{output_format} letter needs --output PATH (it is a binary file)")
        raise Stop(ExitCode.bad_input)
    _inputs([file])
    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    data, problems = letter_bytes(file, str(output_format), rule, plan=plan, clauses=clauses,
                                  reference_docx=reference_docx, init=init, knowledge=knowledge,
                                  language=lang.value if lang is not None else None)
    if data is None or problems:
        raise _stop(problems)
    if output is None:
        _emit_bytes(data)
        return
    problem = write_atomic(output, data, force)
    if problem is not None:
        raise _stop([problem])
    if str(output) != STDOUT:
        _say(f"wrote {output}")


@app.command("check-draft")
def check_draft(
    file: Annotated[Path, typer.Argument(help="A draft letter: .txt, .md or .docx.")],
    subject: Annotated[str | None, typer.Option("--subject", help="A jurisdiction file, to check the ratification "
                                                                  "dates the draft gives.")] = None,
    output_format: Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")] =
        DRAFT_DEFAULT,
    fail_on: Annotated[Level, typer.Option("--fail-on", help="Exit 1 when a problem at or above this level "
                                                            "exists.")] = Level.error,
    standards: StandardsOption = None,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Check the citations in a hand-written draft against lexgap's data."""
    from lexgap.drafts import at_or_above, run_check_draft

    _inputs([subject] if subject is not None else [])
    knowledge = _knowledge(_folders(None, standards, True, bundled_standards))
    issues, problems = run_check_draft(file, subject, knowledge)
    if issues is None:
        raise _stop(problems)
    _show("check-draft", output_format, str(file), issues)
    raise Stop(ExitCode.findings if at_or_above(issues, fail_on) else ExitCode.done)


class CompareFailOn(StrEnum):
    introduced = "introduced"
    never = "never"


@app.command()
def compare(
    base: Annotated[str, typer.Argument(help="The jurisdiction file to compare against.")],
    others: Annotated[list[str] | None, typer.Argument(help="Later versions of the jurisdiction.")] = None,
    bill: Annotated[list[str] | None, typer.Option("--bill", help="A bill applied to BASE: an id in the bundled "
                                                                  "legislation/bills/, or a path. Repeatable.")] = None,
    output_format: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] =
        COMPARE_DEFAULT,
    fail_on: Annotated[CompareFailOn, typer.Option("--fail-on", help="Exit 1 when a version or bill introduces "
                                                                    "a gap.")] = CompareFailOn.never,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Compare BASE with later versions or bills: gaps introduced, closed, unchanged; facts changed."""
    from lexgap.compare import run_compare

    if not others and not bill:
        _say("give at least one OTHER jurisdiction file or --bill ID to compare with BASE")
        raise Stop(ExitCode.bad_input)
    _inputs([base, *(others or [])], list(bill or []))
    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    comparisons, problems = run_compare(base, list(others or []), list(bill or []), knowledge=knowledge)
    if comparisons is None:
        raise _stop(problems)
    _show("compare", output_format, comparisons)
    introduced = any(c.introduced for c in comparisons)
    raise Stop(ExitCode.findings if fail_on is CompareFailOn.introduced and introduced else ExitCode.done)


if TYPE_CHECKING:
    ReportFormat: TypeAlias = str
else:
    ReportFormat = _format_choices("report")
REPORT_DEFAULT = _default("report")


@app.command()
def report(
    files: Annotated[list[str], typer.Argument(help="Jurisdiction, company or bill files (or bundled names), or "
                                                    "folders of them (their sub-folders too, e.g. bills/).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically); "
                                                                       "default: standard output.")] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = REPORT_DEFAULT,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    lang: LangOption = None,
) -> None:
    """One self-contained HTML page: one subject's findings, or a matrix of many subjects by rules."""
    from lexgap import words
    from lexgap.output import write_atomic
    from lexgap.render import render_bytes
    from lexgap.report import build_report

    with words.use(_language(lang, str(output_format))):
        built, problems = build_report(files, _knowledge())
        if built is None:
            raise _stop(problems)
        data = render_bytes("report", output_format, built)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    problem = write_atomic(output, data, force)
    if problem is not None:
        raise _stop([problem])
    _say(f"wrote {output}")


@app.command()
def vocabulary(name: Annotated[str | None, typer.Argument(help="One vocabulary, by the field that uses it: "
                                                               "conduct, area, mental_element, practice...")]
               = None) -> None:
    """List the closed vocabularies and what each word means."""
    from lexgap.suggest import vocabulary_named, vocabulary_names

    names = vocabulary_names()
    key = vocabulary_named(name) if name is not None else None
    if name is not None and key is None:
        hint = nearest(name, names)
        did = f"did you mean {hint!r}? " if hint else ""
        _say(f"unknown vocabulary {name!r}; {did}choose one of: {', '.join(names)}")
        raise Stop(ExitCode.bad_input)
    _show("vocabulary", "terminal", [key] if key else names)


@app.command()
def init(
    kind: Annotated[str, typer.Argument(help="jurisdiction, company, instrument, rules or rule_tests.")],
    path: Annotated[Path | None, typer.Argument(help="The new file (default: KIND.yaml here); never replaced.")]
        = None,
    schemas: Annotated[Path | None, typer.Option("--schemas", help="Write the schemas into this folder and point "
                                                                   "the file at it (a relative path, for a folder "
                                                                   "shared with others).")] = None,
) -> None:
    """Start a file: a skeleton that validates, its first line pointing editors at the schema."""
    from lexgap.skeleton import KINDS, init_file

    if kind not in KINDS:
        hint = nearest(kind, list(KINDS))
        did = f"did you mean {hint!r}? " if hint else ""
        bill = " (for a bill, copy one of lexgap's: see README, Bill)" if kind == "bill" else ""
        _say(f"unknown kind {kind!r}; {did}choose one of: {', '.join(KINDS)}{bill}")
        raise Stop(ExitCode.bad_input)
    written, problems = init_file(kind, path, schemas)
    if written is None:
        raise _stop(problems)
    _say(f"wrote {written}; fill it in, then run: lexgap validate {written}")


@app.command("test")
def run_tests(
    folder: Annotated[Path | None, typer.Argument(help="A folder of rule files and their case files "
                                                       "(format: rule_tests), or one case file; default: "
                                                       "lexgap's own tests/rules in a source checkout.")] = None,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Run rule test cases: one line per case, then 'N passed, M failed'; exit 1 when one fails."""
    from lexgap.casetests import render_run, run_case_files

    if folder is None:
        folder = data_dir("rules").parent / "tests" / "rules"
        if not folder.is_dir():
            _say("give the folder that holds your case files: lexgap test FOLDER")
            raise Stop(ExitCode.bad_input)
    extra = [folder] if folder.is_dir() else []
    knowledge = _knowledge(_folders([*extra, *(rules or [])], standards, bundled_rules, bundled_standards))
    run = run_case_files(folder, knowledge)
    if run.problems:
        raise _stop(run.problems)
    _emit(render_run(run))
    raise Stop(ExitCode.findings if run.failed else ExitCode.done)


@app.command("rules")
def list_rules(
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """List the rules: id, label, severity and basis."""
    _show("rules", "terminal", _knowledge(_folders(rules, standards, bundled_rules, bundled_standards)))


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, as `lexgap rules` lists them.")],
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Show a rule in plain words: its condition, why it matters, and its legal basis."""
    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    rule = knowledge.rule(rule_id)
    if rule is None:
        did = did_you_mean(rule_id, [r.id for r in knowledge.rules])
        _say(f"unknown rule {rule_id!r}{did} (see `lexgap rules`)")
        raise Stop(ExitCode.bad_input)
    _show("explain", "terminal", rule, knowledge)


def _utf8_streams() -> None:
    """Standard output and error in UTF-8 whatever the locale or PYTHONIOENCODING: lexgap's output is
    UTF-8 text, the same bytes everywhere (a latin-1 or cp1252 stream cannot encode its dashes)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):  # a stream already closed: leave it
                reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    """After a failed write, send what Python still holds for standard output nowhere, so that the
    interpreter's final flush cannot fail again (a second message, exit 120)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _output_failed(error: OSError) -> int:
    """One plain line for a failed write to standard output; exit 74 (I/O error), never 'a bug'."""
    _silence_stdout()
    if error.errno == errno.EPIPE:
        reason = "the reading program closed the pipe"
    elif error.errno == errno.ENOSPC:
        reason = "no space left on the device"
    else:
        reason = error.strerror or str(error)
    _say(f"lexgap: cannot write to standard output: {reason}")
    return int(ExitCode.io_error)


def main() -> None:
    """Entry point: run the app; no Python traceback ever reaches the user."""
    _utf8_streams()
    # pydantic looks for plugins in every installed package's metadata before its first validation (a tenth
    # of a cold start in the test environment); the command line uses none, unless the user asks for some.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # At exit the interpreter runs the cyclic collector over the whole heap (the models, validators and
    # compiled rules) several times while it tears the modules down; frozen, the heap is left to the
    # operating system to reclaim, as it is anyway (a sixth of a one-file run's time).
    atexit.register(gc.freeze)
    # What is allocated so far (typer, pydantic, the models and lexgap's modules) lives as long as the process:
    # frozen, the collector's passes during the command walk only what the command allocates (about 2 % of the
    # instructions of a one-file run, counted by valgrind).  Freezing frees nothing and loses nothing.
    gc.freeze()
    try:
        try:
            app(prog_name="lexgap")  # click prints usage errors itself and exits 2
        finally:
            with _writing():
                sys.stdout.flush()  # what is still buffered fails here, not at interpreter exit
    except Stop as stop:
        sys.exit(int(stop.code))
    except KeyboardInterrupt:
        sys.exit(130)
    except OutputFailed as failed:
        sys.exit(_output_failed(failed.error))
    except OSError as error:  # reading or writing failed somewhere a problem could not say it
        _say(f"lexgap: input or output error: {error.strerror or error}")
        sys.exit(int(ExitCode.io_error))
    except Exception as error:  # the promise: no traceback, ever
        _say(f"lexgap: internal error ({type(error).__name__}: {error}); please report this bug with "
             "the command you ran")
        sys.exit(int(ExitCode.internal_error))


if __name__ == "__main__":
    main()
