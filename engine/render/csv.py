"""CSV of an assessment, one row per finding: what an analyst opens in a spreadsheet and filters.

The columns are fixed (`COLUMNS`); several subjects give one table, its header once
(`render_header`, then `render_rows` for each subject).  Lists in a cell (provisions, laws,
bases) are joined with '; '.  Text is UTF-8; rows end with CRLF, as RFC 4180 and spreadsheet
programs expect.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from lexgap.assess import Assessment, Finding

COLUMNS = ("subject", "as_of", "rule", "label", "status", "severity", "area", "law", "provisions", "basis",
           "explanation")


def finding_row(assessment: Assessment, finding: Finding) -> list[str]:
    laws = list(dict.fromkeys(p.law for p in finding.provisions))
    return [
        assessment.subject_id,
        assessment.as_of,
        finding.rule,
        finding.label,
        finding.status.value,
        finding.severity.value,
        finding.area or "",
        "; ".join(laws),
        "; ".join(p.id for p in finding.provisions),
        "; ".join(f"{b.instrument} {b.pinpoint}" for b in finding.basis),
        finding.explanation,
    ]


def _table(rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def render_header() -> str:
    return _table([COLUMNS])


def render_rows(assessment: Assessment) -> str:
    """The findings of one subject as CSV rows, without the header."""
    return _table([finding_row(assessment, f) for f in assessment.findings])


def render_assessment(assessment: Assessment) -> str:
    """One subject's findings as a whole CSV table, header first."""
    return render_header() + render_rows(assessment)
