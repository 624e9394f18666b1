"""The citations a draft letter makes, found by a small grammar of commented regular expressions.

Six forms are recognised, each with its place in the text (line and column from 1):
document symbols (`A/HRC/38/47`, `E/2002/68/Add.1`, `GRETA(2016)20`, `CETS No. 201`),
instrument names (from lexgap's titles and aliases), numbered treaty-body documents
(`General Comment No. 5`, `general recommendations No. 19 (1992) and No. 35 (2017)`),
pinpoints (`article 2 (c)`, `articles 7, 8 and 24`, `paras. 69-71`, `Guiding Principle 22`),
dates (`in July 2012`, `on 18 October 2001`, `in 2006`) and quotations in straight or
curly double quotes.  Recognising is all this module does: whether a citation is right
is for `lexgap.drafts` to decide against the data.

    >>> [c.symbol for c in find_symbols("see A/HRC/38/47 and GRETA(2016)20")]
    ['A/HRC/38/47', 'GRETA(2016)20']
    >>> [c.items for c in find_pinpoints("articles 7, 8 and 24 (1)")]
    [('art. 7', 'art. 8', 'art. 24(1)')]

French and Spanish drafts are read too, in the forms lexgap writes (`lexgap.pinpoints`) and the usual
others: `art. 20, par. 3`, `l'article 2 c)`, `articles 3 a) et 5, par. 1`, `artículo 20, párrafo 3`,
`párrs. 20 y 29 a)`, `principe 13`, `sección III.C`; dates `le 1er janvier 2021`, `25 de enero de 2021`,
`en 2006`.

    >>> [c.items for c in find_pinpoints("articles 3 a) et 5, par. 1")]
    [('art. 3(a)', 'art. 5(1)')]
    >>> [c.items for c in find_pinpoints("el artículo 20, párrafo 3, y los párrs. 20 y 29 a)")]
    [('art. 20(3)',), ('para. 20', 'para. 29(a)')]
    >>> [(d.day, d.month, d.year) for d in find_dates("le 1er janvier 2021, el 25 de enero de 2021")]
    [(1, 1, 2021), (25, 1, 2021)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Positions


@dataclass(frozen=True)
class Span:
    """Where a citation sits: character offsets into the text, and line and column (from 1)."""

    start: int
    end: int
    line: int
    column: int
    text: str


class Locator:
    """Turns character offsets into line and column numbers."""

    def __init__(self, text: str):
        self.text = text
        self._starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def span(self, start: int, end: int) -> Span:
        index = bisect.bisect_right(self._starts, start) - 1
        return Span(start, end, index + 1, start - self._starts[index] + 1, self.text[start:end])


# ---------------------------------------------------------------------------------------------
# Citation kinds


@dataclass(frozen=True)
class SymbolCitation:
    """A document symbol.  `well_formed` is False when the grammar knows the series cannot exist
    (`A/HR/38/47`); `complete` is False when a required number is missing (`GRETA (2016)`)."""

    span: Span
    symbol: str
    well_formed: bool = True
    complete: bool = True


@dataclass(frozen=True)
class NameCitation:
    """An instrument named by its title, short title or an alias."""

    span: Span
    instrument: str


@dataclass(frozen=True)
class NumberedCitation:
    """A numbered treaty-body document: `General Comment No. 5 (2003)`."""

    span: Span
    series: str  # "general comment" or "general recommendation"
    number: int
    year: int | None
    committee: str | None  # the committee named in the same sentence: "CRC", "CEDAW", ...


@dataclass(frozen=True)
class PinpointCitation:
    """One or more provisions cited together, each in lexgap's pinpoint form ('art. 2(c)')."""

    span: Span
    unit: str  # "art", "para", "principle" or "section"
    items: tuple[str, ...]


@dataclass(frozen=True)
class DateCitation:
    span: Span
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Quotation:
    """Words in quotation marks; `body` and `body_span` leave the marks out."""

    span: Span
    body_span: Span

    @property
    def body(self) -> str:
        return self.body_span.text


Citation = SymbolCitation | NameCitation | NumberedCitation | PinpointCitation | DateCitation | Quotation

# ---------------------------------------------------------------------------------------------
# Document symbols

_SLASH_SYMBOL = re.compile(r"""
    (?<![\w/.\-:])              # not inside a longer token, a file name or a URL path
    (?P<symbol>
      [A-Z]{1,6}                # the organ or series: A, E, S, CRC, CEDAW, HR ...
      (?:/
        (?:\d+[A-Z]?            #   a session or number: 38, 2002, 2200A
          |(?:Add|Rev|Corr)\.\d+  # an addendum, revision or corrigendum: Add.1
          |[A-Z]{1,6}-\d+       #   a special session: S-27, ES-10
          |[A-Z]{1,6}(?:\.\d+)? #   a body or kind: HRC, RES, C, GC, CO, CN.4, AC.1
        )
      )+
      (?:\s\([IVXLC]+\))?       # an early General Assembly session in roman numerals: 2200A (XXI)
    )
    (?![\w/])
""", re.VERBOSE)

_GRETA = re.compile(r"""
    (?<![\w/])
    GRETA\s?\((?P<year>\d{4})\)  # GRETA(2016), also written GRETA (2016)
    (?:\s?(?P<number>\d{1,3})(?!\d))?  # the report's number: 20
""", re.VERBOSE)

_CETS = re.compile(r"""
    (?<![\w/])
    (?P<series>C?ETS)\s*        # Council of Europe Treaty Series (ETS before 2004)
    (?:No\.?\s*)?(?P<number>\d{1,3})(?!\d)
""", re.VERBOSE)

# What may follow an organ's first part.  A symbol whose part is not listed here cannot exist
# (A/HR/38/47).  Only the series lexgap's letters use are listed; other organs are not checked.
_SERIES_PARTS: dict[str, re.Pattern[str]] = {
    "A": re.compile(r"\d+|RES|HRC|INF|BUR|PV\.\d+|(?:AC|C|CN|CONF)\.\d+|(?:ES|S)-\d+"),
    "A/HRC": re.compile(r"\d+|RES|DEC|PRST|INF|NGO|(?:S)-\d+|(?:WG|AC|CRP)\.\d+"),
    "A/RES": re.compile(r"\d+[A-Z]?|(?:ES|S)-\d+"),
    "A/HRC/RES": re.compile(r"\d+|S-\d+"),
    "E": re.compile(r"\d+|RES|DEC|INF|ICEF|(?:AC|C|CN|CONF)\.\d+"),
}


def _well_formed(symbol: str) -> bool:
    parts = symbol.split(" ")[0].split("/")
    for length in range(1, len(parts)):
        pattern = _SERIES_PARTS.get("/".join(parts[:length]))
        if pattern is not None and not pattern.fullmatch(parts[length]):
            return False
    return True


def find_symbols(text: str, locator: Locator | None = None) -> list[SymbolCitation]:
    """UN document symbols, GRETA report references and Council of Europe treaty numbers."""
    locate = locator or Locator(text)
    found: list[SymbolCitation] = []
    for m in _SLASH_SYMBOL.finditer(text):
        symbol = m.group("symbol")
        if not re.search(r"\d", symbol):
            continue  # "and/or", "TV/DVD": slashes without a number are not symbols
        found.append(SymbolCitation(locate.span(m.start(), m.end()), symbol, _well_formed(symbol)))
    for m in _GRETA.finditer(text):
        number = m.group("number")
        normal = f"GRETA({m.group('year')}){number or ''}"
        found.append(SymbolCitation(locate.span(m.start(), m.end()), normal, complete=number is not None))
    for m in _CETS.finditer(text):
        normal = f"{m.group('series')} No. {int(m.group('number'))}"
        found.append(SymbolCitation(locate.span(m.start(), m.end()), normal))
    return sorted(found, key=lambda c: c.span.start)


def parse_symbol(text: str) -> SymbolCitation | None:
    """The symbol that `text` starts with (data files write 'A/HRC/17/31, annex'), if any."""
    for citation in find_symbols(text):
        if citation.span.start == 0:
            return citation
    return None


# ---------------------------------------------------------------------------------------------
# Instrument names


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as a pattern: any spacing, an optional 'the', either apostrophe; acronyms keep their case."""
    words = name.split()
    parts: list[str] = []
    for word in words:
        if word.lower() == "the":
            parts.append(r"(?:the\s+)?")
            continue
        escaped = "".join("['’]" if char in "'’" else re.escape(char) for char in word)
        parts.append(escaped + r"\s+")
    body = "".join(parts)
    body = body[: -len(r"\s+")] if body.endswith(r"\s+") else body
    acronym = len(words) == 1 and name.upper() == name
    flags = 0 if acronym else re.IGNORECASE
    return re.compile(rf"(?<![\w/]){body}(?![\w/])", flags)


@dataclass(frozen=True)
class NameIndex:
    """Compiled patterns for the names of lexgap's instruments."""

    patterns: tuple[tuple[re.Pattern[str], str], ...]

    @classmethod
    def build(cls, names: Mapping[str, Iterable[str]]) -> NameIndex:
        """`names` maps an instrument id to its title, short title and aliases."""
        patterns = []
        for instrument, instrument_names in names.items():
            for name in dict.fromkeys(instrument_names):
                if len(name) >= 3:
                    patterns.append((_name_pattern(name), instrument))
        return cls(tuple(patterns))


def find_names(text: str, index: NameIndex, locator: Locator | None = None) -> list[NameCitation]:
    """The instruments a text names; where names overlap, the longest wins."""
    locate = locator or Locator(text)
    candidates = [(m.start(), m.end(), instrument)
                  for pattern, instrument in index.patterns for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, instrument in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, instrument))
    return [NameCitation(locate.span(s, e), i) for s, e, i in sorted(taken)]


# ---------------------------------------------------------------------------------------------
# Numbered treaty-body documents

_NUMBERED = re.compile(r"""
    (?<!\w)
    (?P<series>general\s+(?:comment|recommendation))(?P<plural>s)?
    \s+(?:No|Nos|Number)\.?\s*
    (?P<number>\d{1,3})(?!\d)
    (?:\s*\((?P<year>\d{4})\))?          # the year in brackets: (2003)
""", re.VERBOSE | re.IGNORECASE)

_NUMBERED_MORE = re.compile(r"""
    \s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)  # ", No. 35", " and No. 35", ", and 35"
    (?P<no>No\.?\s*)?
    (?P<number>\d{1,3})(?!\d)
    (?:\s*\((?P<year>\d{4})\))?
""", re.VERBOSE | re.IGNORECASE)

_COMMITTEES = (
    ("CRC", r"Committee\s+on\s+the\s+Rights\s+of\s+(?:the\s+)?Child|(?<![\w/])CRC(?![\w/])"),
    ("CEDAW", r"Committee\s+on\s+the\s+Elimination\s+of\s+Discrimination\s+against\s+Women"
              r"|(?<![\w/])CEDAW(?![\w/])"),
    ("CCPR", r"Human\s+Rights\s+Committee|(?<![\w/])CCPR(?![\w/])"),
    ("CESCR", r"Committee\s+on\s+Economic,\s+Social\s+and\s+Cultural\s+Rights|(?<![\w/])CESCR(?![\w/])"),
    ("CERD", r"Committee\s+on\s+the\s+Elimination\s+of\s+Racial\s+Discrimination|(?<![\w/])CERD(?![\w/])"),
    ("CAT", r"Committee\s+against\s+Torture|(?<![\w/])CAT(?![\w/])"),
    ("CRPD", r"Committee\s+on\s+the\s+Rights\s+of\s+Persons\s+with\s+Disabilities|(?<![\w/])CRPD(?![\w/])"),
    ("CMW", r"Committee\s+on\s+Migrant\s+Workers|(?<![\w/])CMW(?![\w/])"),
)


def committee_named(text: str) -> str | None:
    """The one treaty body a passage names ('CRC', 'CEDAW', ...), or None when none or several."""
    named = {key for key, pattern in _COMMITTEES if re.search(pattern, text, re.IGNORECASE if " " in pattern else 0)}
    return named.pop() if len(named) == 1 else None


def find_numbered(text: str, locator: Locator | None = None) -> list[NumberedCitation]:
    """General comments and general recommendations, with their number and year when given."""
    locate = locator or Locator(text)
    bounds = sentences(text)
    found: list[NumberedCitation] = []
    for m in _NUMBERED.finditer(text):
        series = " ".join(m.group("series").lower().split())
        start, end = sentence_around(bounds, m.start())
        committee = committee_named(text[start:end])
        found.append(NumberedCitation(locate.span(m.start(), m.end()), series, int(m.group("number")),
                                      _year(m.group("year")), committee))
        position = m.end()
        plural = m.group("plural") is not None or m.group(0).lower().split()[2].startswith("nos")
        while more := _NUMBERED_MORE.match(text, position):
            if not plural and more.group("no") is None:
                break  # "General Comment No. 5 and 16 other texts": only a plural takes bare numbers
            found.append(NumberedCitation(locate.span(more.start("number") - len(more.group("no") or ""), more.end()),
                                          series, int(more.group("number")), _year(more.group("year")), committee))
            position = more.end()
    return found


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def parse_numbered(title: str) -> NumberedCitation | None:
    """The series, number and year a title gives: 'General comment No. 5 (2003): ...'."""
    found = find_numbered(title)
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# Pinpoints

#: A sub-unit: '(c)', '(1)'; in French and Spanish also 'c)' and ', par. 3' / ', párrafo 3'.
_SUB_PARAGRAPH = r"(?:par\.|paragraphe|párr\.|párrafo|apartado)"
_SUB = (r"(?:\s*\((?:\d{1,3}|[a-z]{1,2}|[ivx]{1,5})(?:\s*(?:&|and|,)\s*(?:[a-z]{1,2}|\d{1,3}))*\)"
        rf"|\s+[a-z]{{1,2}}\)(?!\w)|\s*,\s*{_SUB_PARAGRAPH}\s+\d{{1,3}}(?![\d/]))")
_ITEM = rf"\d{{1,3}}(?:{_SUB})*(?:\s*(?:-|–|to|à|a)\s*\d{{1,3}}(?!\s*[(\d/]|\s*[a-z]\)))?"
_UNITS = (
    ("art", r"(?:Articles?|Arts?\.|Artículos?)"),
    ("para", r"(?:paragraphs?|paras?\.|paragraphes?|par\.|párrafos?|párrs?\.)"),
    ("principle", r"(?:Guiding\s+)?Principles?|Principes?|Principios?"),
)

_PINPOINT = re.compile(rf"""
    (?<![\w/])
    (?P<unit>{"|".join(f"(?P<{key}>{word})" for key, word in _UNITS)})
    \s+
    (?P<items>
      {_ITEM}                                   # 2 (c), 24(1), 69-71, 25 to 31, 4 (c & d)
      (?:\s*(?:,\s*(?:and\s+|et\s+|y\s+)?|\s+(?:and|et|y)\s+|\s*&\s*){_ITEM})*   # , 8 and 24
    )
    (?![\w/])
""", re.VERBOSE | re.IGNORECASE)

_SECTION = re.compile(r"""
    (?<![\w/])(?:sections?|secci[óo]n(?:es)?)\s+(?P<number>[IVX]{1,6})(?:\.(?P<sub>[A-Z]))?(?![\w/])
""", re.VERBOSE | re.IGNORECASE)

_ONE_ITEM = re.compile(rf"(?P<number>\d{{1,3}})(?P<subs>(?:{_SUB})*)"
                       rf"(?:\s*(?:-|–|to|à|a)\s*(?P<last>\d{{1,3}})(?!\s*[a-z]\)))?")
_UNIT_LABEL = {"art": "art.", "para": "para.", "principle": "principle", "section": "section"}


def find_pinpoints(text: str, locator: Locator | None = None) -> list[PinpointCitation]:
    """Article, paragraph, principle and section pinpoints, each list split into its items."""
    locate = locator or Locator(text)
    found: list[PinpointCitation] = []
    for m in _PINPOINT.finditer(text):
        unit = next(key for key, _ in _UNITS if m.group(key))
        items: list[str] = []
        for item in _ONE_ITEM.finditer(m.group("items")):
            items += _expand(unit, item)
        found.append(PinpointCitation(locate.span(m.start(), m.end()), unit, tuple(items)))
    for m in _SECTION.finditer(text):
        section = f"section {m.group('number').upper()}" + (f".{m.group('sub').upper()}" if m.group("sub") else "")
        found.append(PinpointCitation(locate.span(m.start(), m.end()), "section", (section,)))
    return sorted(found, key=lambda c: c.span.start)


def _expand(unit: str, item: re.Match[str]) -> list[str]:
    """'4 (c & d)' -> art. 4(c), art. 4(d); '69-71' -> para. 69-71 (ranges are kept whole)."""
    label = _UNIT_LABEL[unit]
    number = item.group("number")
    if item.group("last"):
        return [f"{label} {number}-{item.group('last')}"]
    variants = [number]
    for sub in re.finditer(_SUB, item.group("subs")):
        paragraph = re.fullmatch(rf"\s*,\s*{_SUB_PARAGRAPH}\s+(\d{{1,3}})", sub.group(0))
        if paragraph is not None:  # ', par. 3': the paragraph of an article
            letters = [paragraph.group(1)]
        else:
            letters = re.findall(r"[a-z]{1,2}|\d{1,3}|[ivx]{1,5}", sub.group(0).replace("and", ","))
        variants = [f"{v}({letter})" for v in variants for letter in letters]
    return [f"{label} {v}" for v in variants]


# ---------------------------------------------------------------------------------------------
# Dates

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
#: The months of French and Spanish drafts (as Babel writes them in lexgap's letters).
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")
_MONTH_NUMBER = {name: index + 1 for table in (MONTHS, MONTHS_FR, MONTHS_ES) for index, name in enumerate(table)}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))

_DATE = re.compile(rf"""
    (?<![\w/])
    (?:
      (?:(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?)?  # 18; le 1er; el 18 de
      (?P<month>{_MONTH})\s+(?:de\s+)?        # October; octubre de
      (?P<year>(?:19|20)\d{{2}})               # 2001
    |
      (?P<prep>in|since|during|en|depuis|desde|durante)\s+  # a year alone counts only after a preposition:
      (?P<bare>(?:19|20)\d{{2}})               # "in 2006", never "Law 655/2020"
    )
    (?![\w/])
""", re.VERBOSE | re.IGNORECASE)


def find_dates(text: str, locator: Locator | None = None) -> list[DateCitation]:
    """Full dates, month and year, and years after 'in', 'since' or 'during'."""
    locate = locator or Locator(text)
    found: list[DateCitation] = []
    for m in _DATE.finditer(text):
        if m.group("bare"):
            start = m.start("bare")
            found.append(DateCitation(locate.span(start, m.end()), int(m.group("bare"))))
            continue
        day = int(m.group("day")) if m.group("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        month = _MONTH_NUMBER[m.group("month").lower()]
        found.append(DateCitation(locate.span(m.start(), m.end()), int(m.group("year")), month, day))
    return found


# ---------------------------------------------------------------------------------------------
# Quotations

_QUOTATION = re.compile(r"""
    (?P<open>["“])
    (?P<body>[^"“”\n]                    # no empty quotes and no quote opening on a line break
      [^"“”]{0,1200}?)                   # short quotations only; they may cross a line
    (?P<close>["”])
""", re.VERBOSE)


def find_quotations(text: str, locator: Locator | None = None) -> list[Quotation]:
    """Passages in straight or curly double quotes (a curly close is never an opening)."""
    locate = locator or Locator(text)
    return [Quotation(locate.span(m.start(), m.end()), locate.span(m.start("body"), m.end("body")))
            for m in _QUOTATION.finditer(text)]


# ---------------------------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = {"no", "nos", "para", "paras", "art", "arts", "p", "pp", "vol", "e.g", "i.e", "cf", "mr", "ms",
                  "dr", "st", "res", "add", "rev", "corr", "esp", "op", "cit", "etc", "n°", "v", "vs",
                  "par", "párr", "párrs", "núm", "n.º", "sect"}
_BREAK = re.compile(r"""
    \n[ \t]*\n                            # a blank line ends a paragraph
  | (?<=[.!?])["”’)]*\s+(?=[A-Z“"(\d])    # or a full stop before a capital or a number
""", re.VERBOSE)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries (start, end), not cut after abbreviations such as 'No.' or 'para.'."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if "\n\n" not in re.sub(r"[ \t]", "", m.group(0)):
            word = re.search(r"([\w°]+(?:\.[\w°]+)*)[.!?]$", text[start:m.start()])
            if word is not None and word.group(1).lower() in _ABBREVIATIONS:
                continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def sentence_around(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence that holds `offset` (or the nearest one before it)."""
    starts = [s for s, _ in bounds]
    index = max(bisect.bisect_right(starts, offset) - 1, 0)
    return bounds[index] if bounds else (0, 0)


# ---------------------------------------------------------------------------------------------
# Everything at once

_URL = re.compile(r"https?://[^\s)>\]]+|<[^>\s]+>|\[[^\]]*\]\([^)]*\)")


def scan(text: str, names: NameIndex) -> list[Citation]:
    """Every citation in `text`, in reading order; nothing inside a URL, no name inside a symbol."""
    locate = Locator(text)
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]

    def outside(spans: list[tuple[int, int]], span: Span) -> bool:
        return all(span.end <= s or span.start >= e for s, e in spans)

    symbols = [c for c in find_symbols(text, locate) if outside(urls, c.span)]
    taken = urls + [(c.span.start, c.span.end) for c in symbols]
    numbered = [c for c in find_numbered(text, locate) if outside(urls, c.span)]
    names_found = [c for c in find_names(text, names, locate) if outside(taken, c.span)]
    pinpoints = [c for c in find_pinpoints(text, locate) if outside(urls, c.span)]
    dates = [c for c in find_dates(text, locate) if outside(taken, c.span)]
    quotations = [c for c in find_quotations(text, locate) if outside(urls, c.span)]
    everything: list[Citation] = [*symbols, *numbered, *names_found, *pinpoints, *dates, *quotations]
    return sorted(everything, key=lambda c: (c.span.start, c.span.end))
