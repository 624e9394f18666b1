"""A draft letter as a Word document (python-docx): headings, a real numbered list of questions,
and a numbered Sources section, since python-docx has no footnote API.

The same letter gives the same bytes: the core properties are fixed, and the zip is
rewritten with fixed timestamps and a fixed entry order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from docx import Document
from docx.enum.text import WD_BREAK

from lexgap import __version__
from lexgap.letters import Letter

#: Fixed document dates, so that a draft's bytes depend only on its content.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _paragraph(document: object, text: str, sources: Iterable[int] = (), style: str | None = None) -> None:
    paragraph = document.add_paragraph(style=style)  # type: ignore[attr-defined]
    paragraph.add_run(text)
    numbers = list(sources)
    if numbers:
        paragraph.add_run(" " + ", ".join(str(n) for n in numbers)).font.superscript = True


def _build(letter: Letter) -> object:
    document = Document()
    properties = document.core_properties
    properties.author = "lexgap"
    properties.last_modified_by = "lexgap"
    properties.title = letter.headings.get("letter", "")
    properties.subject = letter.subject_line.text
    properties.comments = f"Drafted by lexgap {__version__}"
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    document.add_heading(letter.headings["letter"], level=0)
    _paragraph(document, letter.draft_note, style="Intense Quote")
    subject = document.add_paragraph()
    subject.add_run(f"{letter.headings['subject']}: ").bold = True
    subject.add_run(letter.subject_line.text).bold = True
    _paragraph(document, letter.salutation)
    _paragraph(document, letter.opening)

    if letter.information:  # a letter on the law alone has no information received
        document.add_heading(letter.headings["information"], level=1)
        _paragraph(document, letter.information_lead)
        for item in letter.information:
            _paragraph(document, item.text, item.sources)

    document.add_heading(letter.headings["concerns"], level=1)
    _paragraph(document, letter.concerns_lead)
    for group in letter.concerns:
        document.add_heading(group.heading, level=2)
        for concern in group.paragraphs:
            _paragraph(document, concern.text, concern.sources)

    document.add_heading(letter.headings["questions"], level=1)
    _paragraph(document, letter.questions_lead)
    for question in letter.questions:
        _paragraph(document, question.text, question.sources, style="List Number")
    _paragraph(document, letter.closing)

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(letter.headings["annex"], level=1)
    _paragraph(document, letter.annex_lead)
    for entry in letter.annex:
        document.add_heading(entry.title, level=2)
        _paragraph(document, entry.text, entry.ratification["sources"] if entry.ratification else [])
        if entry.note:
            _paragraph(document, entry.note)
        for pinpoint in entry.pinpoints:
            _paragraph(document, pinpoint.text, pinpoint.sources, style="List Bullet")

    document.add_heading(letter.headings["sources"], level=1)
    for source in letter.sources:
        _paragraph(document, f"{source.number}. {source.text}")
    return document


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and sorted entries ([Content_Types].xml stays first)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    entries.sort(key=lambda entry: (entry[0] != "[Content_Types].xml", entry[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


def render_letter(letter: Letter) -> bytes:
    buffer = io.BytesIO()
    _build(letter).save(buffer)  # type: ignore[attr-defined]
    return _stable_zip(buffer.getvalue())
