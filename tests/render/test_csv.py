"""`lexgap assess -f csv`: one row per finding, the columns an analyst filters on, readable by any CSV reader."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

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


def test_a_cell_a_spreadsheet_would_compute_is_written_as_text() -> None:
    assert csv_render.safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    for start in ("+", "-", "@", "\t", "\r"):
        assert csv_render.safe_cell(start + "1") == "'" + start + "1"
    assert csv_render.safe_cell("Cyber-violence (art. 4)") == "Cyber-violence (art. 4)"
    assert csv_render.safe_cell("") == ""


def test_a_provision_title_written_as_a_formula_reaches_the_csv_as_text(tmp_path: Path) -> None:
    source = resolve_subject("romania-2020.yaml").read_text(encoding="utf-8")
    planted = source.replace("    title: Cyber-violence as a form of domestic violence\n",
                             "    title: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"open\\\")\"\n", 1)
    assert planted != source
    path = tmp_path / "planted-2020.yaml"
    path.write_text(planted, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lexgap", "assess", str(path), "-f", "csv", "--fail-on", "never"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout, newline="")))
    cells = [cell for row in rows for cell in row.values()]
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert not any(cell.startswith(csv_render.FORMULA_STARTS) for cell in cells)
