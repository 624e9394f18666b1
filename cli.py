"""The lexgap command line: parse options, call the engine, render, choose the exit code.

This is the only module that prints or exits.  Exit codes are a contract:
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 70 internal error.
"""

from __future__ import annotations

import json
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from lexgap import __version__
from lexgap.folders import KnowledgeFolders, load_from
from lexgap.knowledge import Knowledge, check_subject, load_knowledge, load_subject
from lexgap.loading import Loaded, load_file
from lexgap.models import FORMATS, Bill, Jurisdiction, RuleTests
from lexgap.paths import data_dir, resolve_subject, yaml_files
from lexgap.problems import Level, Problem
from lexgap.vocabulary import OUTCOME_ORDER, Outcome, did_you_mean, nearest

if TYPE_CHECKING:
    from lexgap.assess import Assessment


class ExitCode(IntEnum):
    done = 0
    findings = 1
    bad_input = 2
    internal_error = 70  # EX_SOFTWARE


class OutputFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


class AssessFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    csv = "csv"


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

stdout = Console(highlight=False, soft_wrap=False, emoji=False)
stderr = Console(stderr=True, highlight=False, emoji=False)


class Stop(typer.Exit):
    """Leave the command with an exit code (after messages were printed)."""

    def __init__(self, code: ExitCode):
        super().__init__(int(code))
        self.code = code


def _print_problems(problems: list[Problem], console: Console = stderr) -> None:
    for problem in sorted(problems):
        console.print(str(problem), markup=False, soft_wrap=True)


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
            if isinstance(model, RuleTests) and not found:
                from lexgap.casetests import check_cases

                problems += check_cases(model, loaded, knowledge)
            if isinstance(model, Jurisdiction) and not found:
                jurisdictions.setdefault(model.id, model)
            elif isinstance(model, Bill):
                bills.append((model, loaded))
    for bill, loaded in bills:
        problems += _check_bill(bill, loaded, knowledge, jurisdictions)
    _print_problems(problems, stdout)
    if stats:
        instruments = knowledge.instruments.values()
        provisions = sum(len(i.provisions) for i in instruments)
        unverified = sum(1 for i in instruments for p in i.provisions if not p.source.verified)
        stdout.print(f"instruments: {len(knowledge.instruments)}", markup=False)
        stdout.print(f"standard provisions: {provisions}", markup=False)
        stdout.print(f"unverified citations: {unverified}", markup=False)
        stdout.print(f"rules: {len(knowledge.rules)}", markup=False)
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
def schema(
    kind: Annotated[str | None, typer.Argument(help=f"One of: {', '.join(FORMATS)}; or 'assessment', the JSON "
                                                    "that assess -f json prints.")] = None,
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
            _print_problems(problems)
            raise Stop(ExitCode.bad_input)
        stderr.print(f"wrote {len(FORMATS)} schemas to {write}; point a file at one with its first line: "
                     f"# yaml-language-server: $schema=PATH/TO/{next(iter(FORMATS))}.schema.json",
                     markup=False, soft_wrap=True)
        return
    known = [*FORMATS, *OUTPUTS]
    if kind is None or kind not in known:
        hint = nearest(kind, known) if kind is not None else None
        did = f"did you mean {hint!r}? " if hint else ""
        what = f"unknown format {kind!r}; " if kind is not None else "give a format; "
        stderr.print(f"{what}{did}choose one of: {', '.join(known)} (or --write DIR)", markup=False, soft_wrap=True)
        raise Stop(ExitCode.bad_input)
    if kind in OUTPUTS:
        _emit(json.dumps(output_schema(kind), indent=2, ensure_ascii=False) + "\n")
    else:
        _emit(schema_text(kind))


def _fail_code(statuses: list[Outcome], fail_on: FailOn) -> ExitCode:
    if fail_on is FailOn.never:
        return ExitCode.done
    threshold = OUTCOME_ORDER[Outcome(fail_on.value)]
    return ExitCode.findings if any(OUTCOME_ORDER[s] <= threshold for s in statuses) else ExitCode.done


@app.command()
def assess(
    files: Annotated[list[str], typer.Argument(help="Jurisdiction or company files (or bundled names), or folders "
                                                    "of them.")],
    output_format: Annotated[AssessFormat, typer.Option("--format", "-f", help="Output format; several subjects "
                                                        "in json give one JSON object per line, in csv one table.")] =
        AssessFormat.terminal,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding at or above this "
                                                             "status exists.")] = FailOn.gap,
    status: Annotated[list[Outcome] | None, typer.Option("--status", help="Show only these statuses.")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Evaluate only these rules.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=256,
                                      help="Processes for several subjects; output is the same for any value.")] = 1,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Assess a jurisdiction's law (or a company's practice) against the rules."""
    from functools import partial

    from lexgap.batch import Render, assess_many, subject_paths
    from lexgap.render import csv as csv_render
    from lexgap.render import json as json_render
    from lexgap.render import markdown

    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
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
    areas = {r.id: r.area.value if r.area else None for r in knowledge.rules}
    renderers: dict[AssessFormat, Render] = {
        AssessFormat.json: (json_render.render_assessment if single else json_render.render_line),
        AssessFormat.markdown: markdown.render_assessment,
        AssessFormat.terminal: _terminal_text,
        AssessFormat.csv: partial(csv_render.render_assessment, areas=areas, header=False),
    }
    if output_format is AssessFormat.csv:
        _emit(",".join(csv_render.COLUMNS) + "\r\n")
    shown = frozenset(s.value for s in status or [])
    found: list[Outcome] = []
    problems: list[Problem] = []
    for index, result in enumerate(assess_many(paths, knowledge, rule, renderers[output_format], jobs, shown)):
        if result.text is None:
            _print_problems(list(result.problems))
            problems += result.problems
            continue
        found += [Outcome(s) for s in result.statuses]
        if output_format is AssessFormat.markdown and index:
            _emit("\n")
        _emit(result.text)
    if problems:
        raise Stop(ExitCode.internal_error if _engine_failure(problems) else ExitCode.bad_input)
    raise Stop(_fail_code(found, fail_on))


def _engine_failure(problems: list[Problem]) -> bool:
    return any(p.message.startswith("engine:") for p in problems)


def _terminal_text(assessment: Assessment) -> str:
    """Render the rich report to text here, so that worker processes can return it."""
    from lexgap.render import terminal

    with stdout.capture() as captured:
        stdout.print(terminal.render_assessment(assessment))
    return captured.get()


class LetterFormat(StrEnum):
    markdown = "markdown"
    docx = "docx"
    text = "text"
    json = "json"


@app.command()
def letter(
    file: Annotated[str, typer.Argument(help="A jurisdiction or company file, or the name of a bundled one.")],
    output_format: Annotated[LetterFormat, typer.Option("--format", "-f", help="Output format.")] =
        LetterFormat.markdown,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Use only these rules.")] = None,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Draft a letter: information received, concerns, numbered questions and an annex of standards."""
    from lexgap.letters import run_letter
    from lexgap.output import write_atomic

    if output_format is LetterFormat.docx and output is None:
        stderr.print("a .docx letter needs --output PATH (it is a binary file)", markup=False)
        raise Stop(ExitCode.bad_input)
    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    data, problems = run_letter(file, output_format.value, rule, knowledge)
    if data is None or problems:
        _print_problems(problems)
        raise Stop(ExitCode.bad_input)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    problem = write_atomic(output, data, force)
    if problem is not None:
        _print_problems([problem])
        raise Stop(ExitCode.bad_input)
    stderr.print(f"wrote {output}", markup=False)


class DraftFormat(StrEnum):
    terminal = "terminal"
    json = "json"


@app.command("check-draft")
def check_draft(
    file: Annotated[Path, typer.Argument(help="A draft letter: .txt, .md or .docx.")],
    subject: Annotated[str | None, typer.Option("--subject", help="A jurisdiction file, to check the ratification "
                                                                  "dates the draft gives.")] = None,
    output_format: Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")] =
        DraftFormat.terminal,
    fail_on: Annotated[Level, typer.Option("--fail-on", help="Exit 1 when a problem at or above this level "
                                                            "exists.")] = Level.error,
    standards: StandardsOption = None,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Check the citations in a hand-written draft against lexgap's data."""
    from lexgap.drafts import at_or_above, run_check_draft
    from lexgap.render import draft_json, draft_terminal

    knowledge = _knowledge(_folders(None, standards, True, bundled_standards))
    issues, problems = run_check_draft(file, subject, knowledge)
    if issues is None:
        _print_problems(problems)
        raise Stop(ExitCode.bad_input)
    if output_format is DraftFormat.json:
        _emit(draft_json.render_draft(str(file), issues))
    else:
        stdout.print(draft_terminal.render_draft(str(file), issues))
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
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] =
        OutputFormat.terminal,
    fail_on: Annotated[CompareFailOn, typer.Option("--fail-on", help="Exit 1 when a version or bill introduces "
                                                                    "a gap.")] = CompareFailOn.never,
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Compare BASE with later versions or bills: gaps introduced, closed, unchanged; facts changed."""
    from lexgap.compare import run_compare
    from lexgap.render import compare_json, compare_markdown, compare_terminal

    if not others and not bill:
        stderr.print("give at least one OTHER jurisdiction file or --bill ID to compare with BASE", markup=False)
        raise Stop(ExitCode.bad_input)
    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    comparisons, problems = run_compare(base, list(others or []), list(bill or []), knowledge=knowledge)
    if comparisons is None:
        _print_problems(problems)
        engine = any(p.message.startswith("engine:") for p in problems)
        raise Stop(ExitCode.internal_error if engine else ExitCode.bad_input)
    if output_format is OutputFormat.json:
        _emit(compare_json.render_comparisons(comparisons))
    elif output_format is OutputFormat.markdown:
        _emit(compare_markdown.render_comparisons(comparisons))
    else:
        stdout.print(compare_terminal.render_comparisons(comparisons))
    introduced = any(c.introduced for c in comparisons)
    raise Stop(ExitCode.findings if fail_on is CompareFailOn.introduced and introduced else ExitCode.done)


@app.command()
def vocabulary(name: Annotated[str | None, typer.Argument(help="One vocabulary, by the field that uses it: "
                                                               "conduct, area, mental_element, practice...")]
               = None) -> None:
    """List the closed vocabularies and what each word means."""
    from lexgap.suggest import entries, vocabulary_named, vocabulary_names

    names = vocabulary_names()
    key = vocabulary_named(name) if name is not None else None
    if name is not None and key is None:
        hint = nearest(name, names)
        did = f"did you mean {hint!r}? " if hint else ""
        stderr.print(f"unknown vocabulary {name!r}; {did}choose one of: {', '.join(names)}", markup=False)
        raise Stop(ExitCode.bad_input)
    out: list[str] = []
    for title in [key] if key else names:
        out.append(f"{title}:")
        out += [f"  {word:<30} {meaning}".rstrip() for word, meaning in entries(title)]
        out.append("")
    _emit("\n".join(out))


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
        stderr.print(f"unknown kind {kind!r}; {did}choose one of: {', '.join(KINDS)}{bill}", markup=False,
                     soft_wrap=True)
        raise Stop(ExitCode.bad_input)
    written, problems = init_file(kind, path, schemas)
    if written is None:
        _print_problems(problems)
        raise Stop(ExitCode.bad_input)
    stderr.print(f"wrote {written}; fill it in, then run: lexgap validate {written}", markup=False, soft_wrap=True)


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
    from lexgap.paths import data_dir

    if folder is None:
        folder = data_dir("rules").parent / "tests" / "rules"
        if not folder.is_dir():
            stderr.print("give the folder that holds your case files: lexgap test FOLDER", markup=False, soft_wrap=True)
            raise Stop(ExitCode.bad_input)
    extra = [folder] if folder.is_dir() else []
    knowledge = _knowledge(_folders([*extra, *(rules or [])], standards, bundled_rules, bundled_standards))
    run = run_case_files(folder, knowledge)
    if run.problems:
        _print_problems(run.problems)
        raise Stop(ExitCode.bad_input)
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
    from rich.table import Table

    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    table = Table(show_lines=False, expand=True)
    for column in ("id", "label", "severity", "basis"):
        table.add_column(column, overflow="fold")
    for rule in knowledge.rules:
        basis = ", ".join(f"{s[0].short_title} {s[1].pinpoint}" for ref in rule.basis
                          if (s := knowledge.standard(ref)) is not None)
        table.add_row(rule.id, rule.label, rule.severity.value, basis)
    stdout.print(table)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, as `lexgap rules` lists them.")],
    rules: RulesOption = None,
    standards: StandardsOption = None,
    bundled_rules: BundledRulesOption = True,
    bundled_standards: BundledStandardsOption = True,
) -> None:
    """Show a rule in plain words: its condition, why it matters, and its legal basis."""
    from lexgap.conditions import describe_rule

    knowledge = _knowledge(_folders(rules, standards, bundled_rules, bundled_standards))
    rule = knowledge.rule(rule_id)
    if rule is None:
        did = did_you_mean(rule_id, [r.id for r in knowledge.rules])
        stderr.print(f"unknown rule {rule_id!r}{did} (see `lexgap rules`)", markup=False)
        raise Stop(ExitCode.bad_input)
    out = [f"{rule.id}: {rule.label}", f"severity: {rule.severity.value}", "", "Why it matters:", f"  {rule.why}",
           "", "Condition:"]
    out += [f"  - {line}" for line in describe_rule(rule)]
    out += ["", "Basis:"]
    for ref in rule.basis:
        found = knowledge.standard(ref)
        if found is None:
            continue
        instrument, provision = found
        source = provision.source
        check = "verified" if source.verified else "NOT VERIFIED"
        out.append(f"  - {instrument.short_title} {provision.pinpoint} ({instrument.title}"
                   + (f", {instrument.symbol}" if instrument.symbol else "") + ")")
        out.append(f"    {provision.paraphrase}")
        out.append(f"    source: {source.document}" + (f", {source.pinpoint}" if source.pinpoint else "")
                   + (f", {source.url}" if source.url else "") + f"; consulted {source.consulted}; {check}")
    _emit("\n".join(out) + "\n")


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
