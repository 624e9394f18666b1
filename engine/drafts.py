"""`lexgap check-draft`: check the citations of a letter written by hand against lexgap's data.

Letters drafted by people carry citation slips (a wrong year, a misprinted symbol, a paragraph
off by one, a word dropped from a treaty quotation).  This module reads a draft, recognises its
citations with `lexgap.citations` and reports each one lexgap's data contradicts, with lexgap's
source for the fact.  It is conservative: a citation is reported only when the data can tell,
and a fact lexgap has not verified (`verified: false`) gives a warning, never an error.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path

from lexgap import citations as c
from lexgap.knowledge import Knowledge, load_knowledge, load_subject
from lexgap.mandates import Register
from lexgap.models import Company, Instrument, Jurisdiction, Ratification, Source, StandardProvision
from lexgap.paths import STDIN, resolve_subject
from lexgap.problems import Level, Problem

#: Drafts larger than this are refused: a letter is a few pages.
MAX_DRAFT_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
LEVEL_ORDER = {Level.error: 0, Level.warning: 1, Level.info: 2}


class IssueKind(StrEnum):
    malformed_symbol = "malformed_symbol"
    unknown_symbol = "unknown_symbol"
    wrong_symbol = "wrong_symbol"
    wrong_date = "wrong_date"
    wrong_pinpoint = "wrong_pinpoint"
    misquote = "misquote"
    ratification_date = "ratification_date"
    not_in_data = "not_in_data"
    wrong_resolution = "wrong_resolution"
    not_yet_issued = "not_yet_issued"
    wrong_mandate_title = "wrong_mandate_title"
    wrong_holder = "wrong_holder"
    mandates_mismatch = "mandates_mismatch"
    wrong_reference = "wrong_reference"
    wrong_deadline = "wrong_deadline"
    register = "register"
    not_ratified = "not_ratified"
    wrong_name = "wrong_name"
    wrong_instrument = "wrong_instrument"
    answered_question = "answered_question"


@dataclass(frozen=True)
class DraftIssue:
    """One citation of the draft that lexgap's data contradicts (or that the data lacks)."""

    file: str
    line: int
    column: int
    kind: IssueKind
    level: Level
    found: str
    expected: str | None
    message: str
    source: Source | None = None
    instrument: str | None = None

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.kind.value, self.found)


def at_or_above(issues: list[DraftIssue], threshold: Level) -> bool:
    """Whether any issue is as serious as `threshold` or more (for the CLI's --fail-on)."""
    return any(LEVEL_ORDER[i.level] <= LEVEL_ORDER[threshold] for i in issues)


# ---------------------------------------------------------------------------------------------
# Reading a draft


def read_draft(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a .txt, .md or .docx draft; a located problem instead when it cannot be read."""
    name = str(path)

    def problem(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(name, 1, 1, message)]

    if name == STDIN:
        return _read_stdin()
    if not path.exists():
        return problem("no such file")
    if not path.is_file():
        return problem("not a file; give a .txt, .md or .docx draft")
    try:
        size = path.stat().st_size
    except OSError as error:
        return problem(f"cannot read the file: {error.strerror or error}")
    if size > MAX_DRAFT_BYTES:
        return problem(f"the file is {size} bytes; a draft letter above {MAX_DRAFT_BYTES} bytes is refused")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".doc":
        return problem("a .doc file (old Word format) cannot be read; save it as .docx or plain text")
    if suffix not in TEXT_SUFFIXES:
        return problem(f"unsupported file type {suffix or '(none)'!r}; give a .txt, .md or .docx draft")
    try:
        data = path.read_bytes()
    except OSError as error:
        return problem(f"cannot read the file: {error.strerror or error}")
    return _decode(name, data)


#: Standard input's name in problems (as for YAML files).
STDIN_NAME = "<stdin>"


def _read_stdin() -> tuple[str | None, list[Problem]]:
    """A draft given as `-`: standard input, text or a .docx (a zip), at most the size cap."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, [Problem(STDIN_NAME, 1, 1, "there is no standard input to read")]
    try:
        data = stream.read(MAX_DRAFT_BYTES + 1)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        return None, [Problem(STDIN_NAME, 1, 1, f"cannot read standard input: {reason}")]
    if len(data) > MAX_DRAFT_BYTES:
        return None, [Problem(STDIN_NAME, 1, 1, f"standard input holds more than {MAX_DRAFT_BYTES} bytes; a draft "
                                                "letter above that is refused")]
    if data.startswith(b"PK\x03\x04"):  # a zip: a .docx draft
        return _read_docx(io.BytesIO(data), STDIN_NAME)
    return _decode(STDIN_NAME, data)


def _decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a .txt or .md draft's bytes, or a located problem."""

    def problem(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(name, 1, 1, message)]

    if b"\x00" in data:
        return problem("this is a binary file, not text; give a .txt, .md or .docx draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(name, *_line_col(data, error.start),
                              "not UTF-8 text; save the draft as UTF-8")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _read_docx(path: Path | io.BytesIO, name: str | None = None) -> tuple[str | None, list[Problem]]:
    """One line per paragraph (table cells included, in document order); line numbers are paragraphs."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(path if isinstance(path, io.BytesIO) else str(path))
        lines: list[str] = []

        def walk(blocks: list[Paragraph | Table]) -> None:
            for block in blocks:
                if isinstance(block, Paragraph):
                    lines.append(block.text)
                else:
                    for row in block.rows:
                        for cell in row.cells:
                            walk(list(cell.iter_inner_content()))

        walk(list(document.iter_inner_content()))
        lines += _docx_footnotes(document)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        return None, [Problem(name or str(path), 1, 1, f"cannot read this .docx file ({type(error).__name__}); "
                                                       "is it a Word document?")]
    except Exception as error:  # python-docx raises its own exception types for broken packages
        return None, [Problem(name or str(path), 1, 1, f"cannot read this .docx file: {error}")]
    return "\n".join(line.replace("\r", "").replace("\v", "\n") for line in lines), []


def _docx_footnotes(document: object) -> list[str]:
    """The text of a Word document's real footnotes, one line each, after the body (in id order)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    part = document.part  # type: ignore[attr-defined]
    notes = [rel.target_part for rel in part.rels.values() if rel.reltype == RT.FOOTNOTES and not rel.is_external]
    lines: list[str] = []
    for note_part in notes:
        root = parse_xml(note_part.blob)
        for note in root.findall(qn("w:footnote")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                continue
            lines.append("".join(t.text or "" for t in note.iter(qn("w:t"))).strip())
    return lines


# ---------------------------------------------------------------------------------------------
# What lexgap knows, indexed for drafts


@dataclass(frozen=True)
class KnownSymbol:
    instrument: str
    written: str  # as the data writes it: 'HRC res. 17/4', 'A/HRC/17/31, annex'
    misprint: bool = False  # an alias recording a known slip ('A/HR/38/47')


@dataclass
class Catalogue:
    """lexgap's instruments as a draft's citations meet them."""

    knowledge: Knowledge
    names: c.NameIndex
    symbols: dict[str, KnownSymbol] = field(default_factory=dict)
    numbered: dict[tuple[str, int], Instrument] = field(default_factory=dict)

    @classmethod
    def build(cls, knowledge: Knowledge) -> Catalogue:
        symbols: dict[str, KnownSymbol] = {}
        numbered: dict[tuple[str, int], Instrument] = {}
        names: dict[str, list[str]] = {}
        for instrument in knowledge.instruments.values():
            official = [s for s in [instrument.symbol, *instrument.other_symbols] if s]
            for written in official:
                normal = _normal_symbol(written)
                if normal is not None:
                    symbols.setdefault(normal, KnownSymbol(instrument.id, written))
            names[instrument.id] = []
            translated = [getattr(words, field) for words in (instrument.fr, instrument.es) if words is not None
                          for field in ("title", "short_title") if getattr(words, field)]
            for name in dict.fromkeys([instrument.title, instrument.short_title, *instrument.aliases, *translated]):
                parsed = c.parse_symbol(name)
                if parsed is not None and parsed.span.end == len(name):
                    if parsed.symbol not in symbols:  # a symbol-shaped alias that is no symbol: a misprint
                        symbols[parsed.symbol] = KnownSymbol(instrument.id, name, misprint=True)
                    continue
                names[instrument.id].append(name)
            number = c.parse_numbered(instrument.short_title) or c.parse_numbered(instrument.title)
            if number is not None:
                numbered[(number.series, number.number)] = instrument
        return cls(knowledge, c.NameIndex.build(names), symbols, numbered)

    def instrument(self, instrument_id: str) -> Instrument:
        return self.knowledge.instruments[instrument_id]


_RESOLUTION = re.compile(r"(?P<organ>HRC|GA)\s+res(?:olution)?\.?\s+(?P<number>\d+/\d+)", re.IGNORECASE)


def _normal_symbol(written: str) -> str | None:
    """The symbol a data value names, in the draft grammar's form ('HRC res. 17/4' -> 'A/HRC/RES/17/4')."""
    resolution = _RESOLUTION.fullmatch(written.strip())
    if resolution:
        organ = "A/HRC/RES" if resolution.group("organ").upper() == "HRC" else "A/RES"
        return f"{organ}/{resolution.group('number')}"
    parsed = c.parse_symbol(written)
    return parsed.symbol if parsed is not None else None


def _source_for(instrument: Instrument, *fields: str) -> Source:
    """The instrument's source that covers one of `fields` (a source with no `covers` covers all)."""
    for source in instrument.sources:
        if any(f in source.covers for f in fields):
            return source
    for source in instrument.sources:
        if not source.covers:
            return source
    return instrument.sources[0]


def _name(instrument: Instrument) -> str:
    """How messages name an instrument: its short title, or its title when the short title is a symbol."""
    if instrument.short_title != instrument.symbol:
        return instrument.short_title
    return instrument.title if len(instrument.title) <= 80 else instrument.title[:77].rstrip() + "..."


def _level(*sources: Source | None) -> Level:
    """Error only when every fact the issue rests on is verified; otherwise a warning."""
    return Level.error if sources and all(s is not None and s.verified for s in sources) else Level.warning


# ---------------------------------------------------------------------------------------------
# Checking a draft


@dataclass(frozen=True)
class Mention:
    """A place where the draft refers to an instrument (None: one lexgap does not have)."""

    start: int
    end: int
    instrument: str | None


@dataclass
class _Check:
    text: str
    file: str
    catalogue: Catalogue
    subject: Jurisdiction | None
    citations: list[c.Citation]
    bounds: list[tuple[int, int]]
    issues: list[DraftIssue] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    reported_missing: set[str] = field(default_factory=set)

    def add(self, span: c.Span, kind: IssueKind, level: Level, found: str, expected: str | None, message: str,
            source: Source | None = None, instrument: str | None = None) -> None:
        self.issues.append(DraftIssue(self.file, span.line, span.column, kind, level, found, expected, message,
                                      source, instrument))

    def sentence(self, offset: int) -> tuple[int, int]:
        return c.sentence_around(self.bounds, offset)


def check_draft(text: str, file_name: str, knowledge: Knowledge,
                subject: Jurisdiction | None = None, register: Register | None = None) -> list[DraftIssue]:
    """Every citation of `text` that lexgap's data contradicts, in the order (line, column, kind)."""
    catalogue = Catalogue.build(knowledge)
    check = _Check(text, file_name, catalogue, subject, c.scan(text, catalogue.names), c.sentences(text))
    for citation in check.citations:
        if isinstance(citation, c.SymbolCitation):
            _check_symbol(check, citation)
        elif isinstance(citation, c.NumberedCitation):
            _check_numbered(check, citation)
        elif isinstance(citation, c.NameCitation):
            check.mentions.append(Mention(citation.span.start, citation.span.end, citation.instrument))
    check.mentions.sort(key=lambda m: m.start)
    for citation in check.citations:
        if isinstance(citation, c.PinpointCitation):
            _check_pinpoint(check, citation)
    for citation in check.citations:
        if isinstance(citation, c.DateCitation):
            _check_date(check, citation)
    _check_mandates(check, register)
    _review(check, register)
    unique = {(i.line, i.column, i.kind, i.found): i for i in check.issues}
    return sorted(unique.values(), key=DraftIssue.sort_key)


def _review(check: _Check, register: Register | None) -> None:
    """The checks that read the letter as a whole (lexgap.draft_review): mandates, form, register."""
    from lexgap.draft_review import Tools, review
    from lexgap.knowledge import load_register

    tools = Tools(kind=IssueKind, level=_level, name=_name, source_for=_source_for, attach=_attach_pinpoint,
                  window=_window, tokens=_tokens, contains=_contains, words_of=_words_of, related=_related,
                  expand_range=_expand_range, content=_content, of_follows=_OF_FOLLOWS)
    review(check, register if register is not None else load_register(), tools)


# --- the resolutions cited for each mandate ---------------------------------------------------------


def _check_mandates(check: _Check, register: Register | None) -> None:
    """The resolution cited for each mandate against the register, for the draft's date."""
    from lexgap.draft_mandates import check_resolutions
    from lexgap.knowledge import load_register

    register = register if register is not None else load_register()
    locate = c.Locator(check.text)
    for issue in check_resolutions(check.text, register):
        span = locate.span(issue.start, issue.end)
        mandate = register.get(issue.mandate)
        in_force = mandate.resolution_on_number(issue.expected) if mandate and issue.expected else None
        source = None
        if in_force is not None:  # the source that decides the level: an unverified one when there is one
            source = next((x for x in in_force.sources if not x.verified), in_force.sources[0])
        check.add(span, IssueKind.wrong_resolution, Level.error if issue.verified else Level.warning,
                  issue.found, issue.expected, issue.message, source)


# --- symbols -----------------------------------------------------------------------------------


def _check_symbol(check: _Check, citation: c.SymbolCitation) -> None:
    catalogue = check.catalogue
    span, symbol = citation.span, citation.symbol
    known = catalogue.symbols.get(symbol)
    if known is not None and not known.misprint and citation.complete:
        check.mentions.append(Mention(span.start, span.end, known.instrument))
        return
    if known is not None:  # a slip the data records: A/HR/38/47, GRETA (2016)
        instrument = catalogue.instrument(known.instrument)
        right = instrument.symbol or known.written
        source = _source_for(instrument, "symbol")
        check.mentions.append(Mention(span.start, span.end, instrument.id))
        what = "is incomplete" if not citation.complete else "is misprinted"
        check.add(span, IssueKind.malformed_symbol, _level(source), span.text, right,
                  f"the symbol {span.text!r} {what}; lexgap has {right} ({_name(instrument)})", source, instrument.id)
        return
    wrong = _resolution_for_report(catalogue, symbol)
    if wrong is not None:
        instrument, resolution = wrong
        source = _source_for(instrument, "other_symbols", "adopted")
        check.mentions.append(Mention(span.start, span.end, instrument.id))
        check.add(span, IssueKind.wrong_symbol, _level(source), span.text, resolution.written,
                  f"{symbol} is not a symbol lexgap knows; lexgap records {_name(instrument)} as {instrument.symbol}, "
                  f"endorsed by {resolution.written}", source, instrument.id)
        return
    nearest = _nearest_symbol(catalogue, symbol)
    if nearest is not None:
        instrument = catalogue.instrument(nearest.instrument)
        source = _source_for(instrument, "symbol", "other_symbols")
        check.mentions.append(Mention(span.start, span.end, instrument.id))
        check.add(span, IssueKind.malformed_symbol, _level(source), span.text, nearest.written,
                  f"{symbol} is not a symbol lexgap knows; did you mean {nearest.written} "
                  f"({_name(instrument)})?", source, instrument.id)
        return
    check.mentions.append(Mention(span.start, span.end, None))
    if not citation.well_formed:
        check.add(span, IssueKind.unknown_symbol, Level.warning, span.text, None,
                  f"{symbol} does not have the shape of a UN document symbol, and lexgap knows no symbol like it")
    elif symbol not in check.reported_missing:
        check.reported_missing.add(symbol)
        check.add(span, IssueKind.not_in_data, Level.info, span.text, None,
                  f"{symbol} is not in lexgap's data; its citation was not checked")


def _resolution_for_report(catalogue: Catalogue, symbol: str) -> tuple[Instrument, KnownSymbol] | None:
    """A resolution symbol built from a report's number (A/HRC/RES/17/31 for the report A/HRC/17/31),
    when the data names the resolution that really concerns that instrument (HRC res. 17/4)."""
    match = re.fullmatch(r"(?P<organ>A(?:/HRC)?)/RES/(?P<rest>.+)", symbol)
    if match is None:
        return None
    report = catalogue.symbols.get(f"{match.group('organ')}/{match.group('rest')}")
    if report is None or report.misprint:
        return None
    for normal, known in catalogue.symbols.items():
        if known.instrument == report.instrument and "/RES/" in normal and normal != symbol:
            return catalogue.instrument(report.instrument), known
    return None


def _nearest_symbol(catalogue: Catalogue, symbol: str) -> KnownSymbol | None:
    """A known symbol one or two characters away (same shape), or None: only a near miss is a slip."""
    best: tuple[float, str] | None = None
    for normal, known in catalogue.symbols.items():
        if known.misprint or normal.count("/") == 0 or symbol.split("/")[0] != normal.split("/")[0]:
            continue
        ratio = SequenceMatcher(None, symbol, normal).ratio()
        distance = len(symbol) + len(normal) - 2 * sum(b.size for b in
                                                        SequenceMatcher(None, symbol, normal).get_matching_blocks())
        if distance <= 2 and ratio >= 0.85 and (best is None or ratio > best[0]):
            best = (ratio, normal)
    return catalogue.symbols[best[1]] if best else None


# --- numbered documents ------------------------------------------------------------------------


def _check_numbered(check: _Check, citation: c.NumberedCitation) -> None:
    span = citation.span
    instrument = check.catalogue.numbered.get((citation.series, citation.number))
    if (instrument is not None and citation.committee is not None
            and c.committee_named(instrument.issuer or "") not in (None, citation.committee)):
        instrument = None  # another committee's general comment with the same number
    if instrument is None:
        committee = f"{citation.committee} " if citation.committee else ""
        label = f"{committee}{citation.series} No. {citation.number}"
        check.mentions.append(Mention(span.start, span.end, None))
        if label.lower() not in check.reported_missing:
            check.reported_missing.add(label.lower())
            check.add(span, IssueKind.not_in_data, Level.info, span.text, None,
                      f"{label} is not in lexgap's data; its citation was not checked")
        return
    check.mentions.append(Mention(span.start, span.end, instrument.id))
    if citation.year is None:
        return
    own = c.parse_numbered(instrument.title)
    year = own.year if own is not None and own.year is not None else _known_year(instrument)
    if year is not None and year != citation.year:
        source = _source_for(instrument, "adopted", "issued", "title")
        check.add(span, IssueKind.wrong_date, _level(source), span.text, f"{_name(instrument)} ({year})",
                  f"{_name(instrument)} dates from {year}, not {citation.year}", source, instrument.id)


def _known_year(instrument: Instrument) -> int | None:
    known = instrument.adopted or instrument.issued
    return known.year if known else None


# --- attaching a pinpoint or a date to its instrument ------------------------------------------

_STOP = {"the", "of", "on", "and", "to", "in", "for", "a", "an", "its", "their", "this", "these", "that", "those",
         "by", "with", "as", "at", "or", "from", "is", "are", "be", "was", "were", "it", "which", "has", "have",
         "shall", "should", "may", "must", "also", "all", "any", "such", "other", "there", "than", "not", "under",
         # French and Spanish drafts
         "dans", "pour", "avec", "sont", "leur", "leurs", "cette", "elle", "elles", "être", "doivent", "doit",
         "toute", "toutes", "tous", "tout", "ainsi", "afin", "selon", "entre", "sous", "contre", "lorsque",
         "para", "como", "este", "esta", "estos", "estas", "deben", "debe", "todas", "todos", "toda", "todo",
         "sobre", "contra", "cuando", "según", "también"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower().replace("’", "'"))


def _unit_of(provision: StandardProvision) -> str:
    return provision.id.split("_")[0]


_UNIT_PREFIX = {"art": "art", "para": "para", "principle": "principle", "section": "sect"}


def _has_unit(instrument: Instrument, unit: str) -> bool:
    return any(_unit_of(p) == _UNIT_PREFIX[unit] for p in instrument.provisions)


_OF_FOLLOWS = re.compile(r"\s*,?\s*(?:(?:of|in|under)\s+(?P<rest>(?:the|these|this|its|that)\s+)?"
                         r"|(?:du|des|del)\s+|de\s+(?:la\s+|los\s+|las\s+|l['’]|ces\s+|este\s+|esta\s+)?"
                         r"|d['’])", re.IGNORECASE)


def _attach_pinpoint(check: _Check, citation: c.PinpointCitation) -> Instrument | None:
    """The instrument a pinpoint belongs to: 'article 2 (c) of <name>', or the one the text is about."""
    span = citation.span
    of = _OF_FOLLOWS.match(check.text, span.end)
    if of is not None:
        following = next((m for m in check.mentions if m.start >= of.end()), None)
        # "of the United Nations Declaration on ...": a few capitalised words may precede the name
        if following is not None and re.fullmatch(r"(?:[A-Z][\w.]*\s+){0,3}", check.text[of.end():following.start]):
            return check.catalogue.instrument(following.instrument) if following.instrument else None
        # "of this law", "of the Criminal Code": another text; "of these Principles": the one in focus
        named = [w for w in _words(check.text[of.end():of.end() + 60])[:4] if w not in _STOP]
        focus = _focus(check, span.start, citation.unit)
        if focus is None or not named or not set(named[:2]) & set(_words(focus.title + " " + focus.short_title)):
            return None
        return focus
    return _focus(check, span.start, citation.unit)


def _focus(check: _Check, offset: int, unit: str) -> Instrument | None:
    """The latest instrument mentioned before `offset` (within a few paragraphs) that has `unit` provisions;
    an unknown instrument in between stops the search, since the pinpoint may be its."""
    for mention in reversed([m for m in check.mentions if m.end <= offset and offset - m.end < 2500]):
        if mention.instrument is None:
            return None
        instrument = check.catalogue.instrument(mention.instrument)
        if _has_unit(instrument, unit):
            return instrument
    return None


# --- pinpoints: wrong place, misquotation --------------------------------------------------------

_PINPOINT_PART = re.compile(r"(?P<unit>[a-z]+)\.?\s+(?P<number>[\dIVX]+(?:-\d+)?)(?P<subs>.*)", re.IGNORECASE)


def _parts(pinpoint: str) -> tuple[str, str, tuple[str, ...]] | None:
    m = _PINPOINT_PART.match(pinpoint.strip().lower().replace("paras.", "para.").replace("principles", "principle"))
    if m is None:
        return None
    subs = tuple(re.findall(r"\(([^)]+)\)|[.,]\s*([a-z]+)", m.group("subs")))
    return m.group("unit").rstrip("s"), m.group("number"), tuple(a or b for a, b in subs)


def _expand_range(item: str) -> list[str]:
    m = re.fullmatch(r"(?P<label>[a-z.]+ )(?P<first>\d+)-(?P<last>\d+)", item)
    if m is None or not 0 < int(m.group("last")) - int(m.group("first")) <= 60:
        return [item]
    return [item] + [f"{m.group('label')}{n}" for n in range(int(m.group("first")), int(m.group("last")) + 1)]


def _related(cited: str, provision: StandardProvision) -> bool:
    """Same provision, or one inside the other: art. 3 and art. 3(1)(c); never art. 2(b) and art. 2(c)."""
    a, b = _parts(cited), _parts(provision.pinpoint)
    if a is None or b is None or a[0] != b[0] or a[1] != b[1]:
        return False
    shorter = min(len(a[2]), len(b[2]))
    return a[2][:shorter] == b[2][:shorter]


def _same(cited: str, provision: StandardProvision) -> bool:
    return _parts(cited) == _parts(provision.pinpoint)


def _window(check: _Check, citation: c.PinpointCitation) -> tuple[int, int]:
    """The words a pinpoint vouches for: a quotation right before or after it, else its sentence."""
    span = citation.span
    start, end = check.sentence(span.start)
    for quotation in (q for q in check.citations if isinstance(q, c.Quotation)):
        gap_before = check.text[quotation.span.end:span.start]
        if quotation.span.end <= span.start and re.fullmatch(r"[\s.,;:(]*(?:Commentary\s+to\s+)?", gap_before):
            return quotation.body_span.start, quotation.body_span.end
        if span.end <= quotation.span.start < end:
            return quotation.body_span.start, quotation.body_span.end
    return start, end


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int


def _tokens(text: str, offset: int = 0) -> list[_Token]:
    return [_Token(m.group(0).lower().replace("’", "'"), offset + m.start(), offset + m.end())
            for m in re.finditer(r"[\w'’]+", text)]


def _contains(tokens: list[_Token], phrase: list[str]) -> bool:
    words = [t.word for t in tokens]
    return any(words[i:i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _near_miss(tokens: list[_Token], phrase: list[str]) -> tuple[int, int] | None:
    """A run of the window that is the phrase with a word or two dropped, added or changed.

    Conservative: the run starts and ends with the phrase's first and last words, the phrase has
    at least four words, and the two agree on at least 80% of their words in order."""
    if len(phrase) < 4:
        return None
    best: tuple[float, int, int] | None = None
    for i, first in enumerate(tokens):
        if first.word != phrase[0]:
            continue
        for j in range(i + max(len(phrase) - 3, 1), min(i + len(phrase) + 2, len(tokens))):
            if tokens[j].word != phrase[-1]:
                continue
            run = [t.word for t in tokens[i:j + 1]]
            ratio = SequenceMatcher(None, run, phrase).ratio()
            if run != phrase and ratio >= 0.8 and (best is None or ratio > best[0]):
                best = (ratio, tokens[i].start, tokens[j].end)
    return (best[1], best[2]) if best else None


def _content(text: str, ignore: set[str]) -> set[str]:
    return {w for w in _words(text) if len(w) > 3 and w not in _STOP and w not in ignore}


def _check_pinpoint(check: _Check, citation: c.PinpointCitation) -> None:
    instrument = _attach_pinpoint(check, citation)
    if instrument is None:
        return
    # the pinpoint keeps its instrument in focus for the pinpoints that follow ("Guiding Principle 20")
    check.mentions.append(Mention(citation.span.start, citation.span.end, instrument.id))
    check.mentions.sort(key=lambda m: m.start)
    cited = [item for raw in citation.items for item in _expand_range(raw)]
    related = [p for p in instrument.provisions if any(_related(item, p) for item in cited)]
    if not related:
        return  # lexgap does not encode what the draft cites: nothing to compare
    start, end = _window(check, citation)
    tokens = _tokens(check.text[start:end], start)
    with_phrases = [p for p in instrument.provisions if _key_phrases(p)]
    confirmed = [p for p in related if any(_contains(tokens, _words_of(k)) for k in _key_phrases(p))]
    # words lexgap's own summary of the cited provision uses are no sign of another provision ('aux fins
    # d'exploitation' is art. 3(a)'s key phrase, and art. 3(c)'s summary says it too)
    own = [_tokens(_paraphrases(p)) for p in related]
    found_elsewhere = {p.id: [k for k in _key_phrases(p) if _contains(tokens, _words_of(k))
                              and not any(_contains(t, _words_of(k)) for t in own)]
                       for p in with_phrases if p not in related}
    elsewhere = [p for p in with_phrases if found_elsewhere.get(p.id)]
    exactly_encoded = [p for p in instrument.provisions if any(_same(item, p) for item in cited)]
    span = citation.span
    if not confirmed and elsewhere and len(exactly_encoded) >= len(citation.items):
        right = elsewhere[0]
        level = _level(right.source, *(p.source for p in exactly_encoded))
        check.add(span, IssueKind.wrong_pinpoint, level, span.text, right.pinpoint,
                  f"{_name(instrument)}: the words cited here ({found_elsewhere[right.id][0]!r}) are in "
                  f"{right.pinpoint}, "
                  f"not {', '.join(citation.items)}", right.source, instrument.id)
    elif not confirmed and not elsewhere and len(exactly_encoded) >= len(citation.items):
        _check_paraphrase(check, citation, instrument, exactly_encoded, check.text[start:end])
    for provision in related:
        if provision in confirmed:
            continue
        for phrase in _key_phrases(provision):
            miss = _near_miss(tokens, _words_of(phrase))
            if miss is not None:
                where = c.Locator(check.text).span(*miss)
                check.add(where, IssueKind.misquote, _level(provision.source), where.text, phrase,
                          f"{_name(instrument)} {provision.pinpoint} reads {phrase!r}", provision.source,
                          instrument.id)


def _key_phrases(provision: StandardProvision) -> list[str]:
    """A provision's key phrase in each language lexgap has it (exact quotations of the official texts)."""
    phrases = [provision.key_phrase, *(getattr(w, "key_phrase", None) for w in (provision.fr, provision.es))]
    return [p for p in phrases if p]


def _paraphrases(provision: StandardProvision) -> str:
    """A provision's paraphrases in every language lexgap has, for comparing words with a draft's."""
    return " ".join(p for p in [provision.paraphrase, *(getattr(w, "paraphrase", None)
                                                          for w in (provision.fr, provision.es))] if p)


def _words_of(phrase: str) -> list[str]:
    return [t.word for t in _tokens(phrase)]


def _check_paraphrase(check: _Check, citation: c.PinpointCitation, instrument: Instrument,
                      cited: list[StandardProvision], window: str) -> None:
    """Without a key phrase, compare the passage's words with lexgap's paraphrases; report only a clear
    case (most words shared with one other provision, almost none with the cited one), as a warning."""
    names = [instrument.title, instrument.short_title, *instrument.aliases,
             *(getattr(w, f, None) or "" for w in (instrument.fr, instrument.es) for f in ("title", "short_title"))]
    ignore = set(_words(" ".join(names)))
    ignore |= set(_words(citation.span.text))
    words = _content(window, ignore)
    if len(words) < 6:
        return
    def share(provision: StandardProvision) -> float:
        return len(words & _content(_paraphrases(provision), ignore)) / len(words)
    if max(share(p) for p in cited) > 0.2:
        return
    others = [p for p in instrument.provisions if p not in cited and not any(_related(i, p) for i in citation.items)]
    best = max(others, key=share, default=None)
    if best is not None and share(best) >= 0.6:
        span = citation.span
        check.add(span, IssueKind.wrong_pinpoint, Level.warning, span.text, best.pinpoint,
                  f"{_name(instrument)}: this passage matches lexgap's summary of {best.pinpoint}, "
                  f"not of {', '.join(citation.items)} (compared by words, not by a quotation)",
                  best.source, instrument.id)


# --- dates: issue, adoption, ratification ---------------------------------------------------------

_RATIFIED = re.compile(r"\b(?:ratif\w*|acce(?:ded|ssion)|became\s+(?:a\s+)?party|adh[ée]r\w*|adhiri\w*|"
                       r"adhesi[óo]n|succ[ée]d\w*|sucedi\w*)\b", re.IGNORECASE)
_ISSUED = re.compile(r"\b(?:issued|adopted|dated|published|released|endorsed|adopt[ée]\w*|aprobad\w*|"
                     r"publi[ée]\w*|publicad\w*)\b", re.IGNORECASE)
_IN_FORCE = re.compile(r"\bentered\s+into\s+force\b|\bin\s+force\s+(?:since|from)\b", re.IGNORECASE)
_OTHER_VERB = re.compile(r"\b(?:presented|submitted|signed|published|considered|reviewed|received)\b",
                         re.IGNORECASE)


def _check_date(check: _Check, date: c.DateCitation) -> None:
    """A date right after an instrument in the same sentence, with the verb saying what it dates."""
    span = date.span
    sentence_start, _ = check.sentence(span.start)
    before = [m for m in check.mentions if sentence_start <= m.start and m.end <= span.start]
    mention = before[-1] if before else None
    if mention is None or mention.instrument is None:
        return
    between = check.text[mention.end:span.start]
    verbs = [(m.start(), kind) for kind, pattern in (("ratified", _RATIFIED), ("issued", _ISSUED),
                                                      ("in_force", _IN_FORCE), ("other", _OTHER_VERB))
             for m in pattern.finditer(between)]
    if verbs:
        relation = max(verbs)[1]
    elif date.day is not None and re.search(r"\b(?:of|du|de)\s*$", between):
        relation = "issued"  # "Directive 2011/36/EU of the European Parliament ... of 5 April 2011"
    else:
        return
    instrument = check.catalogue.instrument(mention.instrument)
    if relation == "ratified":
        _check_ratification(check, date, instrument)
    elif relation == "issued":
        _check_known_date(check, date, instrument, ("adopted", "issued"))
    elif relation == "in_force":
        _check_known_date(check, date, instrument, ("entry_into_force",))


def _written(date: c.DateCitation) -> str:
    return date.span.text


def _agrees(date: c.DateCitation, known: dt.date) -> bool:
    """A year or a month and year is compared by year only (a report dated in May is presented in July)."""
    if date.day is None:
        return date.year == known.year
    return (date.year, date.month, date.day) == (known.year, known.month, known.day)


def _check_known_date(check: _Check, date: c.DateCitation, instrument: Instrument, fields: tuple[str, ...]) -> None:
    known = [(f, getattr(instrument, f)) for f in fields if getattr(instrument, f) is not None]
    if not known or any(_agrees(date, value) for _, value in known):
        return
    same_year = [(f, v) for f, v in known if v.year == date.year]
    field_name, value = same_year[0] if same_year else known[0]
    source = _source_for(instrument, field_name)
    level = Level.warning if same_year else _level(source)
    word = field_name.replace("_", " ").replace("entry into force", "in force")
    expected = f"{value.year} ({word} {value.day} {c.MONTHS[value.month - 1].title()} {value.year}"
    expected += f"; {instrument.symbol})" if instrument.symbol else ")"
    check.add(date.span, IssueKind.wrong_date, level, _written(date), expected,
              f"{_name(instrument)} was {word} on {value.isoformat()}, not {_written(date)}",
              source, instrument.id)


def _check_ratification(check: _Check, date: c.DateCitation, instrument: Instrument) -> None:
    if check.subject is None:
        return
    record = next((r for r in check.subject.ratifications if r.instrument == instrument.id), None)
    if record is None:  # nothing to check against is not a date confirmed: say so
        from lexgap.draft_review import not_ratified_message

        check.add(date.span, IssueKind.not_ratified, Level.warning, _written(date), None,
                  not_ratified_message(check.subject, _name(instrument), f"the date {_written(date)} was not checked"),
                  None, instrument.id)
        return
    known_year = record.date.year if record.date else record.year
    act_years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", record.domestic_act or "")}
    if date.day is not None and record.date is not None:
        agrees = _agrees(date, record.date)
    else:
        agrees = date.year == known_year or date.year in act_years
    if agrees:
        return
    source = _ratification_source(record)
    recorded = record.date.isoformat() if record.date else str(record.year)
    expected = recorded + (f" ({record.domestic_act})" if record.domestic_act else "")
    check.add(date.span, IssueKind.ratification_date, _level(source), _written(date), expected,
              f"{check.subject.name}: {record.action} of {_name(instrument)} is recorded as {recorded}, "
              f"not {_written(date)}", source, instrument.id)


def _ratification_source(record: Ratification) -> Source:
    for source in record.sources:
        if "date" in source.covers or "year" in source.covers:
            return source
    return next((s for s in record.sources if not s.covers), record.sources[0])


# ---------------------------------------------------------------------------------------------
# The command's entry point


def run_check_draft(path: Path, subject_path: str | None,
                    knowledge: Knowledge | None = None) -> tuple[list[DraftIssue] | None, list[Problem]]:
    """Read the draft and the optional jurisdiction file and check the draft; None when input is unusable.

    The problems returned are about the inputs (unreadable draft, invalid subject file, broken bundled
    data); the CLI prints them and exits 2 when the issues are None."""
    text, problems = read_draft(path)
    if text is None:
        return None, problems
    knowledge = knowledge or load_knowledge()
    errors = knowledge.errors()
    if errors:
        return None, errors
    subject: Jurisdiction | None = None
    if subject_path is not None:
        loaded, subject_problems = load_subject(resolve_subject(subject_path), knowledge)
        if loaded is None:
            return None, subject_problems
        if isinstance(loaded, Company):
            return None, [Problem(subject_path, 1, 1, f"{loaded.id} is a company file; --subject needs a "
                                                      "jurisdiction file (its ratifications are what is checked)")]
        subject = loaded
    return check_draft(text, str(path), knowledge, subject), problems
