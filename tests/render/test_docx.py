"""render/docx.py: the communication as a Word document, the same bytes for the same letter."""

from __future__ import annotations

import io

from docx import Document

from lexgap.compose import Communication
from lexgap.render import docx


def test_letter_document_has_its_frame_questions_and_fixed_bytes(letter: Communication) -> None:
    data = docx.render_letter(letter)
    assert data == docx.render_letter(letter)
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert letter.salutation in texts and letter.courtesy_closing in texts and letter.annex_heading in texts
    assert "REFERENCE:\nAL ROU 2/2020" in texts
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == len(letter.questions)
    assert document.core_properties.author == "lexgap"
    assert docx.read_footnotes(data) == letter.footnotes
