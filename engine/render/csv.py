"""CSV of an assessment, one row per finding: what an analyst opens in a spreadsheet and filters.

The columns are fixed (`COLUMNS`); several subjects give one table, its header once
(`render_assessment(..., header=False)` for every subject after the first).  Lists in a cell
(provisions, laws, bases) are joined with '; '.  Text is UTF-8; rows end with CRLF, as RFC 4180
and spreadsheet programs expect.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from lexgap.assess import Assessment, Finding

COLUMNS = ("subject", "as_of", "rule", "label", "status", "severity", "area", "law", "provisions", "basis",
           "explanation")


def finding_row(assessment: Assessment, finding: Finding, areas: Mapping[str, str | None]) -> list[str]:
    laws = list(dict.fromkeys(p.law for p in finding.provisions))
    return [
        assessment.subject_id,
        assessment.as_of,
        finding.rule,
        finding.label,
        finding.status.value,
        finding.severity.value,
        areas.get(finding.rule) or "",
        "; ".join(laws),
        "; ".join(p.id for p in finding.provisions),
        "; ".join(f"{b.instrument} {b.pinpoint}" for b in finding.basis),
        finding.explanation,
    ]


def render_assessment(assessment: Assessment, areas: Mapping[str, str | None] | None = None,
                      header: bool = True) -> str:
    """The findings as CSV; `areas` gives each rule's area of law (by rule id), where it has one."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(COLUMNS)
    for finding in assessment.findings:
        writer.writerow(finding_row(assessment, finding, areas or {}))
    return out.getvalue()
