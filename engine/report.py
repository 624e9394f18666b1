"""The `report` verb: one subject's findings, or many subjects side by side, as a value to render.

A report gathers, for each subject, what the HTML page shows: the findings grouped by law or bill
(each with the provision's words, lexgap's reason, the basis with pinpoints and the sources with
their verification level), the counts by status and severity, the questions the letter would ask,
and one cell per rule for the matrix (the most serious outcome of that rule on the subject).

Subjects are jurisdiction and company files; a bill file is shown as the jurisdiction it amends
would be if the bill were adopted (`compare.apply_bill`).  A later version of a country (same
`country`, later `as_of`) and a bill are each compared with the version they follow, so that the
matrix marks the gaps a version introduces or closes.  Rendering is in `render/html.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lexgap.assess import Assessment, Assessor, Finding
from lexgap.batch import subject_paths_noted
from lexgap.knowledge import Knowledge, check_subject, load_knowledge
from lexgap.letters import build_letter
from lexgap.loading import load_file
from lexgap.models import Bill, Company, Jurisdiction, Source
from lexgap.paths import data_dir, resolve_subject, yaml_files
from lexgap.problems import Level, Problem
from lexgap.vocabulary import OUTCOME_ORDER, SEVERITY_ORDER, Outcome, Severity
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)

#: The order areas are shown in the matrix: the rules files, by name; company rules last.
AREA_TITLES = {
    "online-violence": "Online violence",
    "csam": "Child sexual abuse material",
    "csam-depth": "Self-generated images and the definition of abuse material",
    "trafficking": "Trafficking",
    "remedies": "Remedies",
    "business": "Company practice",
}


@dataclass(frozen=True)
class SourceView:
    document: str
    pinpoint: str | None
    url: str | None
    consulted: str
    verified: str


@dataclass(frozen=True)
class BasisView:
    instrument: str
    pinpoint: str
    paraphrase: str
    verified: str
    reading: str | None
    url: str | None


@dataclass(frozen=True)
class ProvisionView:
    id: str
    title: str
    law_title: str
    status: str
    words: str  # what the provision says, in lexgap's words (the file's summary)
    url: str | None
    sources: list[SourceView]


@dataclass(frozen=True)
class FindingView:
    key: str
    rule: str
    label: str
    status: str
    severity: str
    area: str
    group: str
    reason: str
    provisions: list[ProvisionView]
    basis: list[BasisView]
    missing: list[str]


@dataclass(frozen=True)
class Cell:
    """One rule on one subject: the most serious outcome over its findings, and those findings."""

    rule: str
    status: str  # gap, not_assessable, met, or "none" (the rule found nothing to look at)
    findings: list[FindingView]
    change: str | None = None  # introduced or closed, against the version this subject follows
    count: int = 0
    introduced: tuple[str, ...] = ()  # keys of the findings that are gaps here and were not in that version
    closed: tuple[str, ...] = ()  # keys of the findings that were gaps there and are not here
    all: list[FindingView] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class RuleColumn:
    id: str
    label: str
    area: str
    area_title: str
    severity: str
    subject: str


@dataclass
class SubjectReport:
    id: str
    name: str
    kind: str  # jurisdiction, company or bill
    title: str
    as_of: str
    counts: dict[str, int]
    by_severity: dict[str, dict[str, int]]  # severity -> status -> count
    groups: list[tuple[str, list[FindingView]]]
    questions: list[str]
    cells: dict[str, Cell]
    follows: str | None = None  # the id of the subject it is compared with
    totals: dict[str, int] = field(default_factory=dict)


@dataclass
class Report:
    subjects: list[SubjectReport]
    rules: list[RuleColumn]
    areas: list[tuple[str, str]]  # (area, title) in matrix order

    @property
    def single(self) -> bool:
        return len(self.subjects) == 1

    def column_totals(self) -> dict[str, dict[str, int]]:
        totals: dict[str, dict[str, int]] = {}
        for rule in self.rules:
            counter = Counter(s.cells[rule.id].status for s in self.subjects if rule.id in s.cells)
            totals[rule.id] = {o.value: counter.get(o.value, 0) for o in Outcome}
        return totals


# --- building -----------------------------------------------------------------------------


def rule_areas(folder: Path | None = None) -> dict[str, str]:
    """Each bundled rule's area: the rules file it is written in (online-violence, csam, ...)."""
    areas: dict[str, str] = {}
    pattern = re.compile(r"^\s*-\s+id:\s*([a-z0-9-]+)\s*$", re.MULTILINE)
    for path in yaml_files(folder or data_dir("rules")):
        for rule_id in pattern.findall(path.read_text(encoding="utf-8")):
            areas.setdefault(rule_id, path.stem)
    return areas


def _source(source: Source) -> SourceView:
    return SourceView(source.document, source.pinpoint, source.url, source.consulted.isoformat(),
                      str(source.verified))


def _views(assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
           areas: dict[str, str]) -> list[FindingView]:
    provisions = {p.id: p for p in subject.provisions} if isinstance(subject, Jurisdiction) else {}
    result = []
    for finding in assessment.findings:
        shown = []
        for ref in finding.provisions:
            provision = provisions.get(ref.id)
            sources = [_source(s) for s in provision.sources] if provision else []
            url = next((s.url for s in sources if s.url), None)
            shown.append(ProvisionView(ref.id, ref.title, ref.law_title, ref.status,
                                       provision.summary if provision else "", url, sources))
        basis = []
        for b in finding.basis:
            found = knowledge.standard(b.ref)
            url = found[1].source.url if found else None
            basis.append(BasisView(b.instrument, b.pinpoint, b.paraphrase, str(b.verified), b.reading, url))
        result.append(FindingView(finding.key, finding.rule, finding.label, finding.status.value,
                                  finding.severity.value, areas.get(finding.rule, "other"), group_name(finding),
                                  finding.reason, shown, basis, list(finding.missing)))
    return result


def group_name(finding: Finding) -> str:
    """The law or bill a finding concerns (absences: the law as a whole), as the other reports group them."""
    if finding.provisions and finding.rule_kind == "provision":
        return finding.provisions[0].law_title
    return en.COMPANY_PRACTICE if finding.rule_kind == "company" else en.LAW_AS_A_WHOLE


def _cells(views: list[FindingView]) -> dict[str, Cell]:
    by_rule: dict[str, list[FindingView]] = {}
    for view in views:
        by_rule.setdefault(view.rule, []).append(view)
    cells = {}
    for rule, found in by_rule.items():
        worst = min(found, key=lambda v: OUTCOME_ORDER[Outcome(v.status)]).status
        decisive = [v for v in found if v.status == worst]
        cells[rule] = Cell(rule, worst, decisive, count=len(found), all=found)
    return cells


def subject_report(assessment: Assessment, subject: Jurisdiction | Company, knowledge: Knowledge,
                   assessor: Assessor, areas: dict[str, str], kind: str, title: str,
                   questions: bool = True) -> SubjectReport:
    views = _views(assessment, subject, knowledge, areas)
    counts = {o.value: 0 for o in Outcome}
    by_severity = {s.value: {o.value: 0 for o in Outcome} for s in Severity}
    for view in views:
        counts[view.status] += 1
        by_severity[view.severity][view.status] += 1
    groups: dict[str, list[FindingView]] = {}
    for view in views:
        groups.setdefault(view.group, []).append(view)
    asked: list[str] = []
    if questions:
        letter = build_letter(assessment, subject, knowledge, assessor.rules)
        asked = [q.text for q in letter.questions]
        if letter.problems:  # the wording could not be read: the findings' own questions instead
            asked = []
    cells = _cells(views)
    totals = Counter(c.status for c in cells.values())
    return SubjectReport(subject.id, subject.name, kind, title, assessment.as_of, counts, by_severity,
                         sorted(groups.items()), asked, cells,
                         totals={o.value: totals.get(o.value, 0) for o in Outcome})


def _with_changes(report: SubjectReport, base: SubjectReport) -> SubjectReport:
    """Mark each cell with the findings (by key: rule and provision) that became or stopped being gaps."""
    gap = Outcome.gap.value
    cells = {}
    for rule, cell in report.cells.items():
        now = {v.key: v.status for v in cell.all}
        earlier = base.cells.get(rule)
        then = {v.key: v.status for v in earlier.all} if earlier else {}
        introduced = tuple(sorted(k for k, st in now.items() if st == gap and then.get(k) != gap))
        closed = tuple(sorted(k for k, st in then.items() if st == gap and now.get(k) != gap))
        change = "introduced" if introduced else "closed" if closed else None
        cells[rule] = Cell(cell.rule, cell.status, cell.findings, change, cell.count, introduced, closed, cell.all)
    report.cells = cells
    report.follows = base.id
    return report


def report_paths(arguments: list[str]) -> tuple[list[Path], list[Problem]]:
    """The files to report on: as `assess` reads them, and a folder's sub-folders too (legislation/bills/)."""
    paths, notes = subject_paths_noted(arguments)
    for argument in arguments:
        folder = resolve_subject(argument)
        if folder.is_dir():
            for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
                paths += [path for path in yaml_files(sub) if not _is_letter_plan(path)]
    return paths, notes


def _is_letter_plan(path: Path) -> bool:
    """A letter plan (legislation/letters/) is no subject to report on; a file that cannot be read is left in,
    so that its problem is reported where it is loaded."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r"(?m)^format:\s*letter_plan\s*$", head) is not None


def build_report(arguments: list[str], knowledge: Knowledge | None = None,
                 questions: bool = True) -> tuple[Report | None, list[Problem]]:
    """Assess every subject named (files, folders, bundled names) and gather the report, or problems."""
    from lexgap.compare import apply_bill, check_bill

    knowledge = knowledge or load_knowledge()
    problems = list(knowledge.errors())
    if problems:
        return None, problems
    paths, notes = report_paths(arguments)
    problems += [n for n in notes if n.level is Level.error]
    if not paths:
        return None, [Problem(", ".join(arguments), 1, 1, "no .yaml files to report on")]
    subjects: list[tuple[Jurisdiction | Company, str, str, str | None]] = []  # subject, kind, title, follows
    bills: list[tuple[Bill, Path]] = []
    for path in paths:
        model, loaded = load_file(path, ("jurisdiction", "company", "bill"))
        if model is None or loaded.problems:
            problems += loaded.problems
            continue
        found = check_subject(model, loaded, knowledge)
        problems += found
        if found:
            continue
        if isinstance(model, Bill):
            bills.append((model, path))
        elif isinstance(model, Jurisdiction | Company):
            subjects.append((model, model.__class__.__name__.lower(), f"{model.name} ({model.as_of.isoformat()})",
                             None))
    known = {s.id: s for s, *_ in subjects if isinstance(s, Jurisdiction)}
    for bill, path in bills:
        base = known.get(bill.applies_to)
        if base is None:
            for candidate in yaml_files(data_dir("legislation")):
                model, loaded = load_file(candidate, ("jurisdiction", "company"))
                if isinstance(model, Jurisdiction) and model.id == bill.applies_to and not loaded.problems:
                    base = model
                    break
        if base is None:
            problems.append(Problem(str(path), 1, 1, f"no jurisdiction with id {bill.applies_to!r} was given or "
                                                      "is bundled; give it on the command line too"))
            continue
        model, loaded = load_file(path, "bill")
        found = check_bill(bill, loaded, base)
        problems += found
        if not found:
            applied = apply_bill(base, bill).model_copy(update={"id": bill.id})
            subjects.append((applied, "bill", bill.title, base.id))
    if any(p.level is Level.error for p in problems):
        return None, sorted(problems)
    areas = rule_areas()
    questions = questions and len(subjects) == 1  # the questions are shown on a one-subject page only
    reports: list[SubjectReport] = []
    with Assessor(knowledge, keep_packs=len(subjects) > 1) as assessor:
        for subject, kind, title, follows in subjects:
            assessment = assessor.assess(subject)
            if assessment.engine_problems:
                problems += assessment.engine_failures(subject.id)
                continue
            reports.append(subject_report(assessment, subject, knowledge, assessor, areas, kind, title,
                                          questions=questions))
            reports[-1].follows = follows
    if problems:
        return None, sorted(problems)
    _mark_changes(reports, {s.id: s for s, *_ in subjects})
    rules = sorted(
        (RuleColumn(r.id, r.label, areas.get(r.id, "other"), AREA_TITLES.get(areas.get(r.id, ""), "Other"),
                    r.severity.value, r.subject) for r in knowledge.rules),
        key=lambda c: (list(AREA_TITLES).index(c.area) if c.area in AREA_TITLES else len(AREA_TITLES),
                       SEVERITY_ORDER[Severity(c.severity)], c.id))
    used = {rule for s in reports for rule in s.cells}
    kinds = {s.kind == "company" for s in reports}
    rules = [r for r in rules if r.id in used or (r.subject == "company") in kinds]
    areas_shown = list(dict.fromkeys((r.area, r.area_title) for r in rules))
    return Report(reports, rules, areas_shown), []


def _mark_changes(reports: list[SubjectReport], subjects: dict[str, Jurisdiction | Company]) -> None:
    """A bill against its base; a later version of a country against the version just before it."""
    by_id = {r.id: r for r in reports}
    for report in reports:
        subject = subjects.get(report.id)
        base_id = report.follows
        if base_id is None and isinstance(subject, Jurisdiction):
            earlier = [s for s in subjects.values() if isinstance(s, Jurisdiction) and s.country == subject.country
                       and s.as_of < subject.as_of and by_id.get(s.id) is not None and by_id[s.id].kind != "bill"]
            if earlier:
                base_id = max(earlier, key=lambda s: (s.as_of, s.id)).id
        if base_id is not None and base_id in by_id:
            _with_changes(report, by_id[base_id])


def finding_views(report: SubjectReport) -> list[FindingView]:
    return [v for _, group in report.groups for v in group]


__all__ = ["Finding", "Report", "SubjectReport", "build_report"]
