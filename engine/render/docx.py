"""A communication as Word, as offices use it: A4, British English, real footnotes, page numbers,
a numbered list of questions whose numbers never run into the text, and optionally an office's
template (`--reference-docx`) whose styles the letter takes.

python-docx has no footnote API, so the footnotes part (`word/footnotes.xml`) is written here at
the XML level: the two separator footnotes Word expects, then one `w:footnote` per note, each
referenced from the body by a `w:footnoteReference` run where the letter cites.

Core properties are cut to Word's 255 characters (a long reference is allowed by the formats; the text
of the letter keeps it whole).  The same letter gives the same bytes: fixed core properties, fixed zip
timestamps and entry order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from lexgap import __version__
from lexgap.compose import Communication
from lexgap.output import clamp_core_property
from lexgap.render.shared import letter_blocks

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_MARKS = re.compile(r"(\*\*.+?\*\*|\[\^\d+\])")
LANGUAGE = "en-GB"
#: Word's proofing language for a letter in each of lexgap's languages.
LANGUAGES = {"en": LANGUAGE, "fr": "fr-FR", "es": "es-ES"}

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _footnotes_xml(notes: list[str]) -> bytes:
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {_escape(text)}</w:t></w:r></w:p>'
        f'</w:footnote>'
        for n, text in enumerate(notes, 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes {nsdecls("w")}>{_SEPARATORS}{body}</w:footnotes>').encode()


def _add_footnotes_part(document: Any, notes: list[str]) -> None:
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CONTENT_TYPE, _footnotes_xml(notes), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _write(paragraph: Any, text: str) -> None:
    """Runs for the text: **bold** spans bold, [^n] a footnote reference."""
    for piece in _MARKS.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("[^"):
            number = piece[2:-1]
            run = paragraph.add_run()
            run._r.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:vertAlign w:val="superscript"/></w:rPr>'))
            run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{number}"/>'))
        else:
            paragraph.add_run(piece)


def _style(document: Any, name: str) -> str | None:
    try:
        document.styles[name]
    except KeyError:
        return None
    return name


def _set_language(document: Any, language: str = LANGUAGE) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>')
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f'<w:rPrDefault {nsdecls("w")}><w:rPr/></w:rPrDefault>')
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f'<w:rPr {nsdecls("w")}/>')
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA"/>'))


def _page_setup(document: Any) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                                   f'</w:fldSimple>'))


def _empty_body(document: Any) -> None:
    """An office template's own content goes; its styles, page set-up and headers stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _build(letter: Communication, template: Path | None) -> Any:
    language = LANGUAGES.get(letter.language, LANGUAGE)
    document = Document(str(template)) if template is not None else Document()
    if template is not None:
        _empty_body(document)
    else:
        _set_language(document, language)
        normal = document.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(12)
    _page_setup(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "lexgap"
    properties.title = clamp_core_property(letter.reference)  # Word's limit: 255 characters
    properties.subject = ""
    properties.comments = f"Drafted by lexgap {__version__}"
    properties.language = language
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    numbered = _style(document, "List Number")

    def para(text: str, bold: bool = False, align: Any = None) -> Any:
        paragraph = document.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        _write(paragraph, f"**{text}**" if bold else text)
        return paragraph

    # the blocks of the text formats, in their order (render.shared.letter_blocks): one order for every format
    dated = False
    for kind, text in letter_blocks(letter):
        if kind == "bold":
            para(text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif kind == "lines":  # the reference under its label; a signature: the name, then the title
            paragraph = document.add_paragraph()
            for index, line in enumerate(text.split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
        elif kind == "question":
            number, _, question = text.partition(". ")
            if numbered:
                paragraph = document.add_paragraph(style=numbered)
                _write(paragraph, question)
            else:
                paragraph = document.add_paragraph()
                _write(paragraph, f"{number}.\t{question}")
            # room for two-digit numbers: the number hangs in 10 mm, the text never runs into it
            paragraph.paragraph_format.left_indent = Mm(10)
            paragraph.paragraph_format.first_line_indent = Mm(-10)
        elif kind == "rule":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind in ("heading", "subheading"):
            para(text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif not dated and text == letter.date:  # the date, right under the reference
            dated = True
            para(text, align=WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            para(text)
    if letter.footnotes:
        _add_footnotes_part(document, letter.footnotes)
    return document


def _stable_zip(data: bytes) -> bytes:
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


def render_letter(letter: Communication) -> bytes:
    """The letter as a .docx; with the office template the letter names (`--reference-docx`), if any."""
    buffer = io.BytesIO()
    _build(letter, Path(letter.word_template) if letter.word_template else None).save(buffer)
    return _stable_zip(buffer.getvalue())


def read_footnotes(data: bytes) -> list[str]:
    """The text of each real footnote of a .docx (separators left out), in id order."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return []
        root = ElementTree.fromstring(archive.read("word/footnotes.xml"))
    notes = []
    for note in root.findall(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
            continue
        notes.append("".join(t.text or "" for t in note.iter(qn("w:t"))).strip())
    return notes
