"""`lexgap assess -f csv`: one row per finding, the columns an analyst filters on, readable by any CSV reader."""

from __future__ import annotations

import csv
import io

from lexgap.assess import Assessor
from lexgap.knowledge import Knowledge, load_subject
from lexgap.paths import resolve_subject
from lexgap.render import csv as csv_render


def test_one_row_per_finding_with_the_analysts_columns(assessor: Assessor, knowledge: Knowledge) -> None:
    subject, _ = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None
    assessment = assessor.assess(subject)
    text = csv_render.render_assessment(assessment)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(csv_render.COLUMNS)
    assert len(rows) == len(assessment.findings)
    gap = next(r for r in rows if r["rule"] == "limited-to-domestic-relationships")
    assert gap["subject"] == "romania-2020" and gap["as_of"] == "2021-01-25"
    assert (gap["status"], gap["severity"]) == ("gap", "high")
    assert gap["provisions"] == "ro/act/2003/217~art_4__para_1__lit_h" and gap["law"] == "ro/act/2003/217"
    assert gap["basis"].startswith("CEDAW General Recommendation No. 35 para. 20; ")
    assert gap["explanation"] == next(f.explanation for f in assessment.findings
                                      if f.rule == "limited-to-domestic-relationships")
    areas = {r.id: r.area.value for r in knowledge.rules if r.area}
    absence = next(r for r in rows if r["provisions"] == "" and r["rule"] in areas)
    assert absence["area"] == areas[absence["rule"]]
    assert text == csv_render.render_header() + csv_render.render_rows(assessment)
    assert text.endswith("\r\n") and csv_render.render_header() == ",".join(csv_render.COLUMNS) + "\r\n"
