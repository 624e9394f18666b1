"""The few rules of French and Spanish grammar a letter's composed values need: articles, 'de' with
an article ('du', 'del'), elision ('qu'il'), and the agreement of a participle with its noun.

A name's gender and number are read from its first noun ('Convention' feminine, 'Pacte' masculine,
'Principes' masculine plural); a name whose first word is not listed (a symbol, 'A/HRC/38/47') gets no
article. English needs none of this: its values are composed as before.

>>> the("Convention relative aux droits de l'enfant", "fr")
"la Convention relative aux droits de l'enfant"
>>> of("Pacte international relatif aux droits civils et politiques", "fr")
'du Pacte international relatif aux droits civils et politiques'
>>> of("Pacto Internacional de Derechos Civiles y Políticos", "es")
'del Pacto Internacional de Derechos Civiles y Políticos'
>>> of("le Code pénal", "fr"), of("Observation générale n° 13", "fr")
('du Code pénal', "de l'Observation générale n° 13")
>>> agree("ratifié", "Convention relative aux droits de l'enfant", "fr")
'ratifiée'
>>> elide("que il", "fr")
"qu'il"
"""

from __future__ import annotations

import re

#: Gender ('m', 'f') and number ('s', 'p') of a name's first noun, lower case.
NOUNS: dict[str, dict[str, str]] = {
    "fr": {
        "convention": "fs", "pacte": "ms", "protocole": "ms", "déclaration": "fs", "principes": "mp",
        "lignes": "fp", "directive": "fs", "directives": "fp", "rapport": "ms", "recommandation": "fs",
        "recommandations": "fp", "observation": "fs", "observations": "fp", "charte": "fs", "statut": "ms",
        "code": "ms", "loi": "fs", "projet": "ms", "proposition": "fs", "point": "ms", "ordonnance": "fs",
        "décret": "ms", "règlement": "ms", "groupe": "ms", "rapporteur": "ms", "rapporteuse": "fs",
        "experte": "fs", "expert": "ms", "comité": "ms", "conseil": "ms", "normes": "fp", "règles": "fp",
        "article": "ms", "articles": "mp", "constitution": "fs", "acte": "ms", "position": "fs",
        "orientations": "fp", "ensemble": "ms", "résolution": "fs", "version": "fs",
        "art.": "ms", "par.": "ms", "paragraphe": "ms", "paragraphes": "mp", "principe": "ms", "section": "fs",
        "sections": "fp", "chapitre": "ms", "chapitres": "mp", "règle": "fs",
    },
    "es": {
        "convención": "fs", "convenio": "ms", "pacto": "ms", "protocolo": "ms", "declaración": "fs",
        "principios": "mp", "directrices": "fp", "directiva": "fs", "informe": "ms", "recomendación": "fs",
        "recomendaciones": "fp", "observación": "fs", "observaciones": "fp", "carta": "fs", "estatuto": "ms",
        "código": "ms", "ley": "fs", "proyecto": "ms", "proposición": "fs", "punto": "ms", "posición": "fs",
        "decreto": "ms", "reglamento": "ms", "grupo": "ms", "relator": "ms", "relatora": "fs",
        "experto": "ms", "experta": "fs", "comité": "ms", "consejo": "ms", "normas": "fp", "reglas": "fp",
        "artículo": "ms", "artículos": "mp", "constitución": "fs", "acta": "fs", "resolución": "fs",
        "versión": "fs", "párr.": "ms", "párrs.": "mp", "párrafo": "ms", "párrafos": "mp", "principio": "ms",
        "sección": "fs", "secciones": "fp", "capítulo": "ms", "capítulos": "mp", "regla": "fs",
    },
}
ARTICLES = {"fr": {"ms": "le", "fs": "la", "mp": "les", "fp": "les"},
            "es": {"ms": "el", "fs": "la", "mp": "los", "fp": "las"}}
_HAS_ARTICLE = {"fr": re.compile(r"^(?:le|la|les|l'|l’)\s*", re.IGNORECASE),
                "es": re.compile(r"^(?:el|la|los|las)\s", re.IGNORECASE)}
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöûùüœh]", re.IGNORECASE)


def kind(name: str, language: str) -> str | None:
    """'fs', 'ms', 'fp' or 'mp' for a name's first noun (after any article); None when not known."""
    bare = _HAS_ARTICLE[language].sub("", name.strip())
    first = re.split(r"[\s,(]", bare, maxsplit=1)[0].lower()
    return NOUNS[language].get(first)


def has_article(name: str, language: str) -> bool:
    return bool(_HAS_ARTICLE[language].match(name.strip()))


#: A UN document symbol: letters and numbers joined by slashes, no space.
_SYMBOL = re.compile(r"[A-Z]+(?:/[A-Za-z0-9.()-]+)+")


def the(name: str, language: str, like: str | None = None) -> str:
    """The name with its article: 'la Convention ...', "l'Observation générale ...", 'el Pacto ...'. `like`:
    the name whose gender and number it takes (an abbreviation takes its title's: 'la CDE')."""
    if language not in ARTICLES or has_article(name, language) or _SYMBOL.fullmatch(name.strip()):
        return name  # a document symbol ('CRC/C/156', 'A/HRC/38/47') takes no article
    found = kind(like or name, language)
    if found is None:
        return name
    article = ARTICLES[language][found]
    if language == "fr" and found[1] == "s" and _VOWEL.match(name):
        return f"l'{name}"
    return f"{article} {name}"


def of(name: str, language: str) -> str:
    """'de' and the name with its article, contracted: 'du Pacte', 'des Principes', 'del Pacto', 'de la Ley'."""
    return contract(f"de {the(name, language)}", language)


def to(name: str, language: str) -> str:
    """'à'/'a' and the name with its article, contracted: 'au Pacte', 'al Pacto'."""
    return contract(f"{'à' if language == 'fr' else 'a'} {the(name, language)}", language)


#: 'de le' is 'du', 'de les' 'des', 'à le' 'au', 'à les' 'aux' (before a name or a noun, never a pronoun:
#: 'de les protéger' stays); Spanish 'de el' is 'del', 'a el' 'al' (but 'de El Salvador' stays).
_CONTRACTIONS = {
    "fr": ((re.compile(r"\bde le (?=[A-ZÉ]|article|projet|point|paragraphe|code|groupe)"), "du "),
           (re.compile(r"\bde les (?=[A-ZÉ]|articles|paragraphes|principes|lignes|normes)"), "des "),
           (re.compile(r"\bà le (?=[A-ZÉ]|article|projet|point|paragraphe|code|groupe)"), "au "),
           (re.compile(r"\bà les (?=[A-ZÉ]|articles|paragraphes|principes|lignes|normes)"), "aux ")),
    "es": ((re.compile(r"\bde el (?!El\b)"), "del "), (re.compile(r"\ba el (?!El\b)"), "al ")),
}


def contract(text: str, language: str) -> str:
    """'de le Code pénal' -> 'du Code pénal'; 'de el artículo' -> 'del artículo'."""
    for pattern, replacement in _CONTRACTIONS.get(language, ()):
        text = pattern.sub(replacement, text)
    return text


def elide(text: str, language: str) -> str:
    """French elision of 'que' and 'de' before a vowel: "que il" -> "qu'il", "de une" -> "d'une"."""
    if language != "fr":
        return text
    return re.sub(r"\b(qu|d)e ([aeiouyàâéèêîôûœAEIOUYÀÂÉÈÊÎÔÛ])", r"\1'\2", text)


def agree(participle: str, name: str, language: str) -> str:
    """A past participle agreeing with a name: 'ratifié' + Convention -> 'ratifiée'; 'ratificado' + Convención
    -> 'ratificada'."""
    found = kind(name, language) or "ms"
    feminine, plural = found[0] == "f", found[1] == "p"
    if language == "fr":
        return participle + ("e" if feminine else "") + ("s" if plural else "")
    stem = participle[:-1]  # 'ratificado' -> 'ratificad'
    return stem + ("a" if feminine else "o") + ("s" if plural else "")


def relative(name: str, language: str, to: bool = False) -> str:
    """The relative that refers back to a name: party to it ('à laquelle', 'auquel'; 'en la que', 'en el que'),
    or, with `to`, acceded to it ('à laquelle'; 'a la que', 'al que')."""
    found = kind(name, language) or "ms"
    if language == "fr":
        return {"fs": "à laquelle", "ms": "auquel", "mp": "auxquels", "fp": "auxquelles"}[found]
    return contract(f"{'a' if to else 'en'} {ARTICLES['es'][found]} que", language)
