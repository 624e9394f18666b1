"""render/markdown.py: the assessment report, the comparison and the letter in Markdown."""

from __future__ import annotations

from lexgap.assess import Assessment
from lexgap.compare import Comparison
from lexgap.compose import Communication
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


def test_letter_frame_and_tidy_text(letter: Communication) -> None:
    text = markdown.render_letter(letter)
    assert text.startswith("**Mandates of the Working Group") and "REFERENCE:  \nAL ROU 2/2020" in text
    for part in ("## Annex", "### Reference to international human rights law", "\n1. Please"):
        assert part in text
    assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")


def test_memo_lists_questions_findings_and_sources(letter: Communication) -> None:
    memo = markdown.render_memo(letter)
    assert memo.startswith("# Reviewer's memo: AL ROU 2/2020 to Romania")
    assert "## Questions and what they rest on" in memo and "## Findings (every finding that is not met)" in memo
