"""Making text from data and from file names safe for where lexgap prints it.

Loading refuses control characters in the data (written raw or as YAML escapes), but a printed
line also carries text that no file check saw: a file or folder name given on the command line or
found in a folder, an operating-system message.  A terminal runs the escape sequences it receives
(clear the screen, set the window title, rewrite a line), and a markdown viewer runs the HTML it
receives; these functions neutralise both.
"""

from __future__ import annotations

import re

#: What a terminal may act on: C0 controls (tab and newline aside), DEL, C1 controls (U+009B is a
#: one-character ESC [), and the bidirectional overrides and isolates that reorder what is shown.
_TERMINAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every character a terminal would act on shown as an escape (`\\x1b`), never sent raw.

    Tabs and newlines are kept.  Use it on anything printed to a terminal that lexgap did not write
    itself: file names, values from files, messages from the operating system.
    """
    return _TERMINAL_RE.sub(_visible, text)


_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_RE = re.compile(r"[&<>\\`*_\[\]|]")
_MARKDOWN_LINE_START_RE = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def markdown_text(text: str) -> str:
    """`text` from data, safe as markdown prose: shown as written, never as HTML, a link, emphasis or a heading.

    `<`, `>` and `&` become entities (no raw HTML such as `<script>` reaches a viewer); the characters
    that make emphasis, code, links and table cells are backslash-escaped; so is a character that
    would start a heading, quote or list at the start of a line.
    """
    escaped = _MARKDOWN_RE.sub(lambda m: _MARKDOWN_ENTITIES.get(m.group(), "\\" + m.group()), text)
    return _MARKDOWN_LINE_START_RE.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1. " would start a numbered list: escape its dot or parenthesis
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def markdown_code(text: str) -> str:
    """`text` as an inline code span, whatever backticks it holds (a fence longer than any run inside)."""
    text = text.replace("\n", " ")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") or longest else text
    return f"{fence}{padded}{fence}"


#: What markdown would act on inside a line, and only that (CommonMark and GitHub's extensions):
#: HTML tags and autolinks (`<` before a tag or scheme), entity references, code spans, `*` emphasis,
#: strikethrough, the `](` of a link, the `[^` of a footnote, a backslash before punctuation.
_PROSE_RE = re.compile(r"""
      <(?=[A-Za-z/!?])             # a tag, a comment, an autolink
    | &(?=\#?\w+;)                 # an entity reference (&amp; &#60;)
    | [`*]                         # code, emphasis
    | ~(?=~)|(?<=~)~               # strikethrough (~~)
    | \[(?=\^)                     # a footnote reference [^1]
    | \](?=\()                     # a link [text](url)
    | \\(?=[!-/:-@\[-`{-~])        # a backslash that would escape what follows
    """, re.VERBOSE)
#: At the start of a line: a heading, a quote, a list item, a setext underline, a reference or footnote
#: definition (`[ref]: url`, `[^1]: text`).
_PROSE_LINE_START_RE = re.compile(r"^( {0,3})(\#|>|\[(?=[^\]\n]*\]:)|[-+=](?=\s|$)|\d{1,9}[.)](?=\s|$))", re.MULTILINE)
#: A run of `_` that is not inside a word (`art_4__para_1` never makes emphasis).
_UNDERSCORES_RE = re.compile(r"(?<!\w)_+|_+(?!\w)")
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def markdown_prose(text: str) -> str:
    """`text` from data, safe as markdown prose, escaping only what markdown would act on.

    Like `markdown_text`, nothing from data becomes HTML, a link, a footnote, code, emphasis, a heading,
    a quote or a list; unlike it, a character markdown shows as written anyway (`_` inside a word as
    in `art_4__para_1`, an `_` no other can pair with, `[S8]`, `a & b`, `|` outside a table) is left
    alone, so that ordinary text renders to the same bytes as before.
    """
    escaped = _escape_underscores(_PROSE_RE.sub(_escape_prose, text))
    return _PROSE_LINE_START_RE.sub(_escape_prose_line_start, escaped)


def _escape_underscores(text: str) -> str:
    """Escape the `_` runs outside words when one could open emphasis and a later one close it."""
    runs = list(_UNDERSCORES_RE.finditer(text))
    opens = [_flanking(text, run, left=True) for run in runs]
    closes = [_flanking(text, run, left=False) for run in runs]
    first_open = next((i for i, can in enumerate(opens) if can), None)
    if first_open is None or not any(closes[first_open + 1:]):
        return text
    out, last = [], 0
    for run in runs:
        out += [text[last:run.start()], "\\_" * len(run.group())]
        last = run.end()
    return "".join([*out, text[last:]])


def _flanking(text: str, run: re.Match[str], left: bool) -> bool:
    """Whether a `_` run is left-flanking (may open) or right-flanking (may close), as CommonMark says."""
    before = text[run.start() - 1] if run.start() else " "
    after = text[run.end()] if run.end() < len(text) else " "
    near, far = (after, before) if left else (before, after)
    if near.isspace():
        return False
    return near not in _PUNCTUATION or far.isspace() or far in _PUNCTUATION


def _escape_prose(match: re.Match[str]) -> str:
    found = match.group()
    return _MARKDOWN_ENTITIES.get(found, "\\" + found)


def _escape_prose_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"
