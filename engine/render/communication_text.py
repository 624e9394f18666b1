"""A communication as Markdown or as plain text: the layout of the genre, in reading order.

Markdown keeps **bold** and footnotes ([^1] ... [^1]: text); plain text drops the bold, writes
footnote marks as [1] and the notes at the end, and wraps at 88 columns.
"""

from __future__ import annotations

import re
import textwrap

from lexgap.compose import Communication

_FOOTNOTE = re.compile(r"\[\^(\d+)\]")
WIDTH = 88


def _blocks(letter: Communication) -> list[tuple[str, str]]:
    """The letter as (kind, text) blocks: para, bold, question, signature, heading, rule."""
    blocks: list[tuple[str, str]] = [("bold", letter.mandates_block),
                                     ("lines", f"{letter.reference.join(['', ''])}"),
                                     ("para", letter.date), ("para", letter.salutation)]
    blocks[1] = ("lines", "REFERENCE:\n" + letter.reference)
    blocks += [("para", p.text) for p in letter.opening]
    if letter.information:
        blocks.append(("para", letter.information_lead))
        blocks += [("para", p.text) for p in letter.information]
    blocks.append(("para", letter.not_prejudged))
    blocks += [("para", p.text) for p in letter.concerns_on_facts]
    if letter.concerns_on_law_lead:
        blocks.append(("para", letter.concerns_on_law_lead))
    blocks += [("para", p.text) for p in letter.concerns_on_law]
    blocks.append(("para", letter.annex_pointer))
    blocks.append(("para", letter.questions_lead))
    blocks += [("question", f"{q.number}. {q.text}") for q in letter.questions]
    for text in (letter.reply, letter.interim_measures, letter.copies, letter.courtesy_closing):
        if text:
            blocks.append(("para", text))
    blocks += [("lines", f"{s.name}\n{s.line}") for s in letter.signatures]
    blocks.append(("rule", ""))
    blocks.append(("heading", letter.annex_heading))
    blocks.append(("subheading", letter.annex_title))
    blocks.append(("para", letter.annex_lead))
    for item in letter.annex:
        blocks.append(("para", item.text))
        blocks += [("para", passage) for passage in item.passages]
    return [(kind, text) for kind, text in blocks if text or kind == "rule"]


def render_markdown(letter: Communication) -> str:
    out: list[str] = []
    for kind, text in _blocks(letter):
        if kind == "bold":
            out.append(f"**{text}**")
        elif kind == "lines":
            out.append("  \n".join(text.split("\n")))
        elif kind == "rule":
            out.append("---")
        elif kind == "heading":
            out.append(f"## {text}")
        elif kind == "subheading":
            out.append(f"### {text}")
        else:
            out.append(text)
    if letter.footnotes:
        out.append("\n".join(f"[^{n}]: {text}" for n, text in enumerate(letter.footnotes, 1)))
    return "\n\n".join(out) + "\n"


def _plain(text: str) -> str:
    return _FOOTNOTE.sub(lambda m: f"[{m.group(1)}]", text.replace("**", ""))


def render_text(letter: Communication, width: int = WIDTH) -> str:
    out: list[str] = []
    for kind, text in _blocks(letter):
        text = _plain(text)
        if kind == "lines":
            out.append(text)
        elif kind == "rule":
            out.append("-" * 20)
        elif kind in ("heading", "subheading"):
            out.append(text)
        elif kind == "question":
            out.append(textwrap.fill(text, width, subsequent_indent="    ", break_long_words=False,
                                     break_on_hyphens=False))
        else:
            out.append(textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False))
    if letter.footnotes:
        out.append("\n".join(textwrap.fill(f"[{n}] {text}", width, subsequent_indent="    ",
                                           break_long_words=False, break_on_hyphens=False)
                             for n, text in enumerate(letter.footnotes, 1)))
    return "\n\n".join(out) + "\n"
