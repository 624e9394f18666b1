"""Pinpoints in French and Spanish, made from the parsed portion id (never from the English string).

English keeps the data's own pinpoints ('art. 19(1)', 'para. 24(b)'). In French and Spanish a pinpoint
is made from the portion id (`lexgap.ids`) in one consistent form per language:

========================  ==========================  ==============================
portion                   French                      Spanish
========================  ==========================  ==============================
art_34                    art. 34                     artículo 34
art_20__para_3            art. 20, par. 3             artículo 20, párrafo 3
art_2__lit_c              art. 2 c)                   artículo 2 c)
art_3__para_1__lit_b      art. 3, par. 1 b)           artículo 3, párrafo 1 b)
para_24__lit_b            par. 24 b)                  párr. 24 b)
para_30__lit_d__point_i   par. 30 d) i)               párr. 30 d) i)
para_17-81                paragraphes 17 à 81         párrs. 17 a 81
principle_13              principe 13                 principio 13
sect_iii__subsect_c       section III.C               sección III.C
========================  ==========================  ==============================

Several pinpoints of one unit share it: 'articles 3 a) et 5, par. 1' / 'artículos 3 a) y 5, párrafo 1';
'paragraphes 20 et 29 a)' / 'párrs. 20 y 29 a)'. The spelled form opens an annex passage: 'Article 24,
paragraphe 1' / 'Artículo 24, párrafo 1', 'Paragraphe 24 b)' / 'Párrafo 24 b)'.

A domestic provision is cited in full words: 'article 4, paragraphe 1, lettre h)' / 'artículo 4,
párrafo 1, letra h)', then 'de' and the law's citation in that language ('de la loi n° 217/2003',
'du Code pénal', 'del Código Penal'), the whole with its article ("l'article 4 ...", "el artículo 4 ...").

>>> pinpoint("art_20__para_3", "fr"), pinpoint("art_20__para_3", "es")
('art. 20, par. 3', 'artículo 20, párrafo 3')
>>> pinpoints(["art_3__lit_a", "art_5__para_1"], "es")
'artículos 3 a) y 5, párrafo 1'
>>> pinpoints(["para_20", "para_29__lit_a"], "fr")
'paragraphes 20 et 29 a)'
>>> domestic("art_4__para_1__lit_h", "fr")
'article 4, paragraphe 1, lettre h)'
"""

from __future__ import annotations

import re

from lexgap.grammar import of, the

#: The head unit of a standard's pinpoint, compact: (singular, plural), by language.
HEADS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {"art": ("art.", "articles"), "para": ("par.", "paragraphes"), "principle": ("principe", "principes"),
           "pr": ("principe", "principes"), "sect": ("section", "sections"), "rule": ("règle", "règles"),
           "guideline": ("ligne directrice", "lignes directrices"), "chp": ("chapitre", "chapitres")},
    "es": {"art": ("artículo", "artículos"), "para": ("párr.", "párrs."), "principle": ("principio", "principios"),
           "pr": ("principio", "principios"), "sect": ("sección", "secciones"), "rule": ("regla", "reglas"),
           "guideline": ("directriz", "directrices"), "chp": ("capítulo", "capítulos")},
}
#: The head unit spelled out, opening an annex passage.
SPELLED: dict[str, dict[str, str]] = {
    "fr": {"art": "Article", "para": "Paragraphe", "principle": "Principe", "pr": "Principe", "sect": "Section",
           "rule": "Règle", "guideline": "Ligne directrice", "chp": "Chapitre"},
    "es": {"art": "Artículo", "para": "Párrafo", "principle": "Principio", "pr": "Principio", "sect": "Sección",
           "rule": "Regla", "guideline": "Directriz", "chp": "Capítulo"},
}
#: A paragraph below the head unit.
SUB_PARAGRAPH = {"fr": "par.", "es": "párrafo"}
#: The words of a domestic provision's units, in full (a law's own `units` are English words).
DOMESTIC: dict[str, dict[str, str]] = {
    "fr": {"art": "article", "sec": "section", "reg": "règlement", "rule": "règle", "chp": "chapitre",
           "part": "partie", "para": "paragraphe", "subsec": "paragraphe", "lit": "lettre", "point": "point",
           "sched": "annexe"},
    "es": {"art": "artículo", "sec": "sección", "reg": "reglamento", "rule": "regla", "chp": "capítulo",
           "part": "parte", "para": "párrafo", "subsec": "párrafo", "lit": "letra", "point": "punto",
           "sched": "anexo"},
}
AND = {"fr": "et", "es": "y"}
TO = {"fr": "à", "es": "a"}
def _parts(portion: str) -> list[tuple[str, str]]:
    return [(unit, number) for unit, _, number in (part.partition("_") for part in portion.split("__"))]


def _number(unit: str, number: str, language: str) -> str:
    if unit in ("sect", "subsect"):
        return number.upper()
    if re.fullmatch(r"\d+-\d+", number) and unit == "para":
        low, high = number.split("-")
        return f"{low} {TO[language]} {high}"
    return number.replace("-", "^", 1) if "-" in number else number


def is_whole(portion: str) -> bool:
    """A portion that names a whole document or part ('report_whole', 'preamble_whole'): no pinpoint."""
    return portion.endswith("whole")


def _tail(parts: list[tuple[str, str]], language: str) -> str:
    """The units below the head: ', par. 3', ' c)', '.C' (a subsection), ' d) i)'."""
    text = ""
    for unit, number in parts:
        if unit == "para":
            text += f", {SUB_PARAGRAPH[language]} {_number(unit, number, language)}"
        elif unit == "subsect":
            text += f".{number.upper()}"
        else:  # lit, point and any other lettered unit
            text += f" {number})"
    return text


def _is_range(parts: list[tuple[str, str]]) -> bool:
    return bool(re.fullmatch(r"\d+-\d+", parts[0][1])) and parts[0][0] == "para"


def pinpoint(portion: str, language: str, spelled: bool = False) -> str:
    """One standard's pinpoint in `language` ('art. 20, par. 3'; spelled: 'Article 20, par. 3')."""
    if is_whole(portion):
        return ""
    parts = _parts(portion)
    unit, number = parts[0]
    single, plural = HEADS[language].get(unit, (unit, unit))
    if spelled:
        head = SPELLED[language].get(unit, unit[:1].upper() + unit[1:])
    else:
        head = plural if _is_range(parts) else single
    return f"{head} {_number(unit, number, language)}{_tail(parts[1:], language)}"


def pinpoints(portions: list[str], language: str) -> str:
    """Several pinpoints of one instrument: the head unit said once when they share it."""
    cited = [p for p in dict.fromkeys(portions) if not is_whole(p)]
    if len(cited) <= 1:
        return "".join(pinpoint(p, language) for p in cited)
    units = {_parts(p)[0][0] for p in cited}
    if len(units) == 1:
        unit = units.pop()
        _, plural = HEADS[language].get(unit, (unit, unit))
        items = [f"{_number(unit, _parts(p)[0][1], language)}{_tail(_parts(p)[1:], language)}" for p in cited]
        return f"{plural} {join(items, language)}"
    return join([pinpoint(p, language) for p in cited], language)


def join(items: list[str], language: str) -> str:
    """'a, b et c' / 'a, b y c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {AND[language]} " + items[-1]


def domestic(portion: str, language: str) -> str:
    """A domestic provision's units in full words: 'article 4, paragraphe 1, lettre h)'."""
    names = DOMESTIC[language]
    parts = _parts(portion)
    unit, number = parts[0]
    text = f"{names.get(unit, unit)} {_number(unit, number, language)}"
    for unit, number in parts[1:]:
        if unit in ("lit", "point"):
            text += f", {names[unit]} {number})"
        else:
            text += f", {names.get(unit, unit)} {_number(unit, number, language)}"
    return text


def domestic_citation(portions: list[str], law: str, language: str) -> str:
    """Provisions of one law in `language`, with their article: "les articles 210 et 211 du Code pénal",
    "el artículo 4, párrafo 1, letra h) de la Ley núm. 217/2003"."""
    cited = list(dict.fromkeys(domestic(p, language) for p in portions))
    if not cited:
        return the(law, language)
    words = [c.split(" ", 1) for c in cited]
    if len(cited) > 1 and all(w[0] == words[0][0] and len(w) == 2 for w in words):
        plural = words[0][0] + "s"
        text = f"{plural} {join([w[1] for w in words], language)}"
    else:
        text = join(cited, language)
    return f"{the(text, language)} {of(law, language)}"
