"""render/docx.py: the letter as a Word document, the same bytes for the same letter."""

from __future__ import annotations

import io

from docx import Document

from lexgap.letters import Letter
from lexgap.render import docx


def test_letter_document_has_its_headings_questions_and_fixed_bytes(letter: Letter) -> None:
    data = docx.render_letter(letter)
    assert data == docx.render_letter(letter)
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert letter.headings["questions"] in texts and letter.headings["sources"] in texts
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == len(letter.questions)
    assert document.core_properties.author == "lexgap"
