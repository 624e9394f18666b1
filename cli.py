"""The lexgap command line: parse options, call the engine, render, choose the exit code.

This is the only module that prints or exits.  Exit codes are a contract (`problems.ExitCode`):
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 70 internal error (engine failures
included), 74 input/output error; a command's problems decide it by their kinds (`problems.exit_code`).
Each command's formats come from the one table in `render/__init__.py`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from lexgap import __version__
from lexgap.knowledge import Knowledge, check_subject, load_knowledge, load_subject
from lexgap.loading import Loaded, load_file
from lexgap.models import FORMATS, Bill, Jurisdiction
from lexgap.paths import data_dir, resolve_subject, yaml_files
from lexgap.problems import ExitCode, Level, Problem, exit_code
from lexgap.render import RENDERERS, Output, formats, renderer
from lexgap.vocabulary import OUTCOME_ORDER, Outcome, did_you_mean, nearest


def _format_choices(command: str) -> Any:
    """The --format choices of a command, from the render table, as the enum typer needs."""
    return StrEnum(f"{command.title().replace('-', '')}Format", {name: name for name in formats(command)})


if TYPE_CHECKING:
    from rich.console import Console

if TYPE_CHECKING:  # to mypy a format is its name; to typer, one of the choices
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


class FailOn(StrEnum):
    gap = "gap"
    not_assessable = "not_assessable"
    never = "never"


app = typer.Typer(
    help="Check national laws and bills against international human-rights standards.",
    no_args_is_help=True,
    add_completion=False,
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


stdout: Console = _LazyConsole(highlight=False, soft_wrap=False, emoji=False)  # type: ignore[assignment]
stderr: Console = _LazyConsole(stderr=True, highlight=False, emoji=False)  # type: ignore[assignment]


class Stop(typer.Exit):
    """Leave the command with an exit code (after messages were printed)."""

    def __init__(self, code: ExitCode):
        super().__init__(int(code))
        self.code = code


def _print_problems(problems: list[Problem], console: Console = stderr) -> None:
    for problem in sorted(problems):
        console.print(str(problem), markup=False, soft_wrap=True)


def _stop(problems: list[Problem]) -> Stop:
    """Print the problems and leave with the exit code their kinds decide (bad input when unsure)."""
    _print_problems(problems)
    return Stop(exit_code(problems) if problems else ExitCode.bad_input)


def _show(command: str, fmt: str, *values: Any) -> None:
    """Render values in a format and write them to standard output."""
    entry = renderer(command, fmt)
    result = entry.load()(*values)
    if entry.output is Output.rich:
        stdout.print(result)
    elif isinstance(result, bytes):
        sys.stdout.buffer.write(result)
        sys.stdout.flush()
    else:
        _emit(result)


def _knowledge() -> Knowledge:
    knowledge = load_knowledge()
    errors = knowledge.errors()
    if errors:
        _print_problems(errors)
        stderr.print("lexgap's bundled standards or rules have errors; run `lexgap validate`.", markup=False)
        raise Stop(ExitCode.bad_input)
    return knowledge


def _version(value: bool) -> None:
    if value:
        stdout.print(f"lexgap {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """lexgap: legislative gap assessment against international human-rights standards."""


def _emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: all bundled data.")] = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print counts of instruments, provisions, rules and "
                                                       "unverified citations.")] = False,
) -> None:
    """Check files against lexgap's formats and against each other; print FILE:LINE:COL: message."""
    knowledge = load_knowledge()
    problems = list(knowledge.problems)
    targets: list[Path] = []
    if paths:
        for path in paths:
            targets += yaml_files(path) if path.is_dir() else [resolve_subject(str(path))]
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
            if isinstance(model, Jurisdiction) and not found:
                jurisdictions.setdefault(model.id, model)
            elif isinstance(model, Bill):
                bills.append((model, loaded))
    for bill, loaded in bills:
        problems += _check_bill(bill, loaded, knowledge, jurisdictions)
    _print_problems(problems, stdout)
    if stats:
        from lexgap.knowledge import verification_stats

        bundled_files = [p for folder in ("standards", "rules") for p in yaml_files(data_dir(folder))]
        for line in verification_stats(knowledge, [*bundled_files, *targets]):
            stdout.print(line, markup=False, soft_wrap=True)
    if any(p.level is Level.error for p in problems):
        raise Stop(ExitCode.bad_input)
    if not stats:
        stdout.print(f"ok: {len(targets)} files, {len(knowledge.instruments)} instruments, "
                     f"{len(knowledge.rules)} rules", markup=False)


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
def schema(kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(FORMATS)}.")]) -> None:
    """Print the JSON Schema of a file format (for editors: yaml-language-server)."""
    model = FORMATS.get(kind)
    if model is None:
        hint = nearest(kind, list(FORMATS))
        did = f"did you mean {hint!r}? " if hint else ""
        stderr.print(f"unknown format {kind!r}; {did}choose one of: {', '.join(FORMATS)}", markup=False)
        raise Stop(ExitCode.bad_input)
    _emit(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n")


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
                                                        "in json give one JSON object per line.")] =
        ASSESS_DEFAULT,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding at or above this "
                                                             "status exists.")] = FailOn.gap,
    status: Annotated[list[Outcome] | None, typer.Option("--status", help="Show only these statuses.")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Evaluate only these rules.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=256,
                                      help="Processes for several subjects; output is the same for any value.")] = 1,
) -> None:
    """Assess a jurisdiction's law (or a company's practice) against the rules."""
    from lexgap.batch import assess_many, subject_paths

    knowledge = _knowledge()
    unknown = knowledge.unknown_rules(rule or [])
    if unknown:
        for message in unknown:
            stderr.print(message, markup=False)
        raise Stop(ExitCode.bad_input)
    paths = subject_paths(files)
    single = len(files) == 1 and len(paths) == 1 and not Path(files[0]).is_dir()
    if not paths:
        stderr.print(f"no .yaml files in {', '.join(files)}", markup=False)
        raise Stop(ExitCode.bad_input)
    entry = renderer("assess", output_format)
    render = _terminal_text if entry.output is Output.rich else entry.load(many=not single)
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
    with stdout.capture() as captured:
        stdout.print(renderer("assess", "terminal").load()(assessment))
    return captured.get()


@app.command()
def letter(
    file: Annotated[str, typer.Argument(help="A jurisdiction or company file, or the name of a bundled one.")],
    output_format: Annotated[LetterFormat, typer.Option("--format", "-f", help="Output format.")] =
        LETTER_DEFAULT,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Use only these rules.")] = None,
) -> None:
    """Draft a letter: information received, concerns, numbered questions and an annex of standards."""
    import jinja2

    from lexgap.letters import run_letter, template_problem
    from lexgap.output import write_atomic
    from lexgap.render import render_bytes

    if renderer("letter", output_format).output is Output.binary and output is None:
        stderr.print(f"a .{output_format} letter needs --output PATH (it is a binary file)", markup=False)
        raise Stop(ExitCode.bad_input)
    letter, problems = run_letter(file, rule)
    if letter is None or problems:
        raise _stop(problems)
    try:
        data = render_bytes("letter", output_format, letter)
    except jinja2.TemplateError as error:
        raise _stop([template_problem(error)]) from None
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    problem = write_atomic(output, data, force)
    if problem is not None:
        raise _stop([problem])
    stderr.print(f"wrote {output}", markup=False)


@app.command("check-draft")
def check_draft(
    file: Annotated[Path, typer.Argument(help="A draft letter: .txt, .md or .docx.")],
    subject: Annotated[str | None, typer.Option("--subject", help="A jurisdiction file, to check the ratification "
                                                                  "dates the draft gives.")] = None,
    output_format: Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")] =
        DRAFT_DEFAULT,
    fail_on: Annotated[Level, typer.Option("--fail-on", help="Exit 1 when a problem at or above this level "
                                                            "exists.")] = Level.error,
) -> None:
    """Check the citations in a hand-written draft against lexgap's data."""
    from lexgap.drafts import at_or_above, run_check_draft

    issues, problems = run_check_draft(file, subject)
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
) -> None:
    """Compare BASE with later versions or bills: gaps introduced, closed, unchanged; facts changed."""
    from lexgap.compare import run_compare

    if not others and not bill:
        stderr.print("give at least one OTHER jurisdiction file or --bill ID to compare with BASE", markup=False)
        raise Stop(ExitCode.bad_input)
    comparisons, problems = run_compare(base, list(others or []), list(bill or []))
    if comparisons is None:
        raise _stop(problems)
    _show("compare", output_format, comparisons)
    introduced = any(c.introduced for c in comparisons)
    raise Stop(ExitCode.findings if fail_on is CompareFailOn.introduced and introduced else ExitCode.done)


@app.command()
def vocabulary(name: Annotated[str | None, typer.Argument(help="One vocabulary, e.g. conduct.")] = None) -> None:
    """List the closed vocabularies and what each word means."""
    from lexgap.vocabulary import VOCABULARIES

    names = list(VOCABULARIES)
    if name is not None and name not in VOCABULARIES:
        hint = nearest(name, names)
        did = f"did you mean {hint!r}? " if hint else ""
        stderr.print(f"unknown vocabulary {name!r}; {did}choose one of: {', '.join(names)}", markup=False)
        raise Stop(ExitCode.bad_input)
    _show("vocabulary", "terminal", [name] if name else names)


@app.command("rules")
def list_rules() -> None:
    """List the rules: id, label, severity and basis."""
    _show("rules", "terminal", _knowledge())


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, as `lexgap rules` lists them.")]) -> None:
    """Show a rule in plain words: its condition, why it matters, and its legal basis."""
    knowledge = _knowledge()
    rule = knowledge.rule(rule_id)
    if rule is None:
        did = did_you_mean(rule_id, [r.id for r in knowledge.rules])
        stderr.print(f"unknown rule {rule_id!r}{did} (see `lexgap rules`)", markup=False)
        raise Stop(ExitCode.bad_input)
    _show("explain", "terminal", rule, knowledge)


def main() -> None:
    """Entry point: run the app; no Python traceback ever reaches the user."""
    try:
        app(prog_name="lexgap")  # click prints usage errors itself and exits 2
    except Stop as stop:
        sys.exit(int(stop.code))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(int(ExitCode.done))
    except Exception as error:  # the promise: no traceback, ever
        stderr.print(f"lexgap: internal error ({type(error).__name__}: {error}); please report this bug with "
                     "the command you ran", markup=False)
        sys.exit(int(ExitCode.internal_error))


if __name__ == "__main__":
    main()
