"""render/markdown.py: the assessment report, the comparison and the letter in Markdown."""

from __future__ import annotations

from lexgap.assess import Assessment
from lexgap.compare import Comparison
from lexgap.letters import Letter
from lexgap.render import markdown


def test_assessment_title_counts_table_and_groups(romania: Assessment) -> None:
    text = markdown.render_assessment(romania)
    counts = romania.counts()
    assert text.startswith("# lexgap assessment: Romania (2021-01-25)\n")
    assert f"{counts['gap']} gaps, {counts['not_assessable']} not assessable, {counts['met']} met." in text
    assert "| status | severity | finding | concerns | basis |" in text
    assert "## Law 217/2003 (domestic violence)" in text
    assert "### Gap: limited to domestic relationships (`limited-to-domestic-relationships`, high)" in text


def test_comparison_side_by_side_and_changes(comparisons: list[Comparison]) -> None:
    text = markdown.render_comparisons(comparisons)
    assert text.startswith("# lexgap comparison: Romania (romania-2020, as of 2021-01-25)\n")
    assert "| finding | provision | romania-2020 (base) | romania-2024 |" in text
    assert "| Gap | **—** (closed) |" in text and "3 closed" in text
    assert markdown.render_comparisons([]) == "# lexgap comparison\n\nNothing to compare.\n"


def test_letter_sections_and_tidy_text(letter: Letter) -> None:
    text = markdown.render_letter(letter)
    for heading in ("## Concerns", "## Questions", "## Annex: reference to international human rights law"):
        assert heading in text
    assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")
