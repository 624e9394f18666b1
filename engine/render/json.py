"""The JSON contract of `lexgap assess` (documented in the README; other tools read it)."""

from __future__ import annotations

import json
from typing import Any

from lexgap import __version__
from lexgap.assess import Assessment, Finding
from lexgap.models import Source


def source_json(source: Source) -> dict[str, Any]:
    """A source in every JSON contract that shows one: the keys in the order of the file format."""
    return {
        "document": source.document,
        "pinpoint": source.pinpoint,
        "url": source.url,
        "consulted": source.consulted.isoformat(),
        "verified": source.verified,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "label": finding.label,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "provisions": [p.id for p in finding.provisions],
        "basis": [{"instrument": b.instrument, "pinpoint": b.pinpoint, "ref": b.ref} for b in finding.basis],
        "explanation": finding.explanation,
    }


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    return {
        "lexgap": __version__,
        "subject": {
            "id": assessment.subject_id,
            "kind": assessment.subject_kind,
            "name": assessment.subject_name,
            "as_of": assessment.as_of,
        },
        "findings": [finding_json(f) for f in assessment.findings],
        "summary": assessment.counts(),
    }


def dumps(value: Any) -> str:
    """Stable JSON text: fixed key order from the builders, UTF-8, a final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def render_assessment(assessment: Assessment) -> str:
    return dumps(assessment_json(assessment))


def render_line(assessment: Assessment) -> str:
    """One assessment as one line of JSON (JSON Lines), for batches."""
    return json.dumps(assessment_json(assessment), ensure_ascii=False, separators=(",", ":")) + "\n"
