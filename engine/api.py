"""lexgap's Python API: what the commands do, returning typed results instead of printing.

    >>> import lexgap
    >>> assessment = lexgap.assess("romania-2020.yaml")
    >>> assessment.subject_name
    'Romania'

Every function takes a path (or the bare name of a bundled file, as the commands do) and,
like `--rules DIR` and `--standards DIR`, optional folders of the office's own rules and
standards, added to the bundled ones (`bundled_rules=False` leaves lexgap's out).  Bad input
raises `LexgapError`, whose `problems` are the located messages the command line prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lexgap.assess import Assessment, Assessor, Finding
from lexgap.compare import Comparison, run_compare
from lexgap.compose import Communication
from lexgap.drafts import DraftIssue, read_draft
from lexgap.drafts import check_draft as _check_draft
from lexgap.folders import KnowledgeFolders, load_from
from lexgap.knowledge import Knowledge, load_subject
from lexgap.letters import run_letter
from lexgap.models import Company, Jurisdiction
from lexgap.paths import resolve_subject
from lexgap.problems import Problem

PathLike = str | Path
Folders = PathLike | Sequence[PathLike] | None

__all__ = [
    "Assessment",
    "Communication",
    "Comparison",
    "DraftIssue",
    "Finding",
    "LexgapError",
    "assess",
    "check_draft",
    "compare",
    "knowledge",
    "letter",
]


class LexgapError(Exception):
    """Bad input: `problems` holds one located message per problem (file, line, column, message)."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _paths(folders: Folders) -> tuple[Path, ...]:
    if folders is None:
        return ()
    if isinstance(folders, str | Path):
        return (Path(folders),)
    return tuple(Path(f) for f in folders)


def knowledge(*, rules_dir: Folders = None, standards_dir: Folders = None, bundled_rules: bool = True,
              bundled_standards: bool = True) -> Knowledge:
    """The checked standards and rules: the bundled ones, the given folders', or both."""
    loaded = load_from(KnowledgeFolders(_paths(rules_dir), _paths(standards_dir), bundled_rules, bundled_standards))
    errors = loaded.errors()
    if errors:
        raise LexgapError(errors)
    return loaded


def _knowledge_for(path: PathLike, rules: Sequence[str], rules_dir: Folders, standards_dir: Folders,
                   bundled_rules: bool, bundled_standards: bool) -> Knowledge:
    """The checked knowledge for assessing `path`, with every rule id asked for known."""
    base = knowledge(rules_dir=rules_dir, standards_dir=standards_dir, bundled_rules=bundled_rules,
                     bundled_standards=bundled_standards)
    unknown = base.unknown_rules(rules)
    if unknown:
        raise LexgapError([Problem(str(path), 1, 1, message) for message in unknown])
    return base


def _subject(path: PathLike, base: Knowledge) -> Jurisdiction | Company:
    subject, problems = load_subject(resolve_subject(str(path)), base)
    if subject is None:
        raise LexgapError(problems)
    return subject


def assess(path: PathLike, *, rules_dir: Folders = None, standards_dir: Folders = None, rules: Sequence[str] = (),
           bundled_rules: bool = True, bundled_standards: bool = True) -> Assessment:
    """Assess a jurisdiction or company file: its findings, in the order `lexgap assess` prints them.

    `rules` keeps only these rule ids (like `--rule`).
    """
    base = _knowledge_for(path, rules, rules_dir, standards_dir, bundled_rules, bundled_standards)
    subject = _subject(path, base)
    with Assessor(base, list(rules) or None, keep_packs=False) as assessor:  # one subject
        assessment = assessor.assess(subject)
    if assessment.engine_problems:
        raise LexgapError(assessment.engine_failures(str(path)))
    return assessment


def compare(base: PathLike, others: Sequence[PathLike] = (), *, bills: Sequence[PathLike] = (),
            rules_dir: Folders = None, standards_dir: Folders = None, bundled_rules: bool = True,
            bundled_standards: bool = True) -> list[Comparison]:
    """Compare BASE with later versions of it and with BASE as each bill (a path or a bundled id) would leave it."""
    if not others and not bills:
        raise LexgapError([Problem(str(base), 1, 1, "give at least one other version or bill to compare with")])
    checked = knowledge(rules_dir=rules_dir, standards_dir=standards_dir, bundled_rules=bundled_rules,
                        bundled_standards=bundled_standards)
    comparisons, problems = run_compare(str(base), [str(o) for o in others], [str(b) for b in bills],
                                        knowledge=checked)
    if comparisons is None:
        raise LexgapError(problems)
    return comparisons


def letter(path: PathLike, *, plan: PathLike | None = None, rules_dir: Folders = None, standards_dir: Folders = None,
           rules: Sequence[str] = (), bundled_rules: bool = True, bundled_standards: bool = True) -> Communication:
    """Draft the letter on a jurisdiction or company file, as `lexgap letter` does (`plan` like `--plan`).

    `lexgap.render.render_bytes("letter", "markdown", letter)` gives its bytes (or "text", "docx", "json").
    """
    base = _knowledge_for(path, rules, rules_dir, standards_dir, bundled_rules, bundled_standards)
    drafted, problems = run_letter(str(path), list(rules) or None, plan=None if plan is None else str(plan),
                                   knowledge=base)
    if drafted is None:
        raise LexgapError(problems)
    return drafted


def check_draft(path: PathLike, *, subject: PathLike | None = None, standards_dir: Folders = None,
                bundled_standards: bool = True) -> list[DraftIssue]:
    """Check the citations of a hand-written draft (.txt, .md or .docx) against lexgap's standards.

    `subject`, a jurisdiction file, lets the ratification dates the draft gives be checked too.
    """
    text, problems = read_draft(Path(path))
    if text is None:
        raise LexgapError(problems)
    base = knowledge(standards_dir=standards_dir, bundled_standards=bundled_standards)
    jurisdiction = None
    if subject is not None:
        loaded = _subject(subject, base)
        if not isinstance(loaded, Jurisdiction):
            raise LexgapError([Problem(str(subject), 1, 1, f"{loaded.id} is a company file; subject needs a "
                                                           "jurisdiction file (its ratifications are checked)")])
        jurisdiction = loaded
    return _check_draft(text, str(path), base, jurisdiction)

