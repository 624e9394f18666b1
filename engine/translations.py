"""Missing translations, found and located: a French or Spanish letter never prints English instead.

Two checks share the located form `FILE:LINE:COL: message`:

- at load time (`lexgap validate`, and every command that loads the knowledge base), a rules file that
  declares `languages: [en, fr, es]` must give each rule its `fr:` and `es:` label and letter texts
  (`rule_problems`); the instruments and standard provisions those rules cite must have their titles,
  short titles and paraphrases in the same languages (`standard_problems`);
- when a letter is composed in French or Spanish, each text it needs in that language and does not find
  is a `Missing` the composer records; `locate` turns it into a problem at the object in its file.

A rules file without `languages:` is English only: `lexgap validate` asks nothing more of it, and an
English letter uses it as before; a French letter that needs one of its rules reports that rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lexgap.loading import Loaded
from lexgap.models import LANGUAGE_NAMES, Instrument, Rule
from lexgap.problems import Problem

#: The texts every rule of a file that declares a language gives in it.
RULE_TEXTS = ("label", "letter.concern", "letter.question", "letter.missing_question")
#: The texts every instrument a declared rule cites gives in that language.
INSTRUMENT_TEXTS = ("title", "short_title")
#: The texts every standard provision a declared rule cites gives in that language.
PROVISION_TEXTS = ("paraphrase",)


@dataclass(frozen=True)
class Missing:
    """A text a letter needs in `language` and its data does not give.

    `file` is the file the object is in; `path` the path of the object in that file's data (or, with
    `find`, the list it is in and the id to find in it); `field` the (dotted) English field."""

    file: str
    path: tuple[str | int, ...]
    field: str
    language: str
    what: str  # "rule 'x'", "instrument 'crc'", "clause 'opening'"
    find: tuple[str, str] | None = None  # (id key, id value) to find in the list at `path`

    def message(self) -> str:
        name = LANGUAGE_NAMES.get(self.language, self.language)
        return (f"{self.what} has no {name} {self.field} ({self.language}: {self.field}); a letter in {name} "
                f"needs it and never falls back to English")


def _get(data: Any, dotted: str) -> Any:
    for name in dotted.split("."):
        data = data.get(name) if isinstance(data, Mapping) else None
    return data


def missing_texts(obj: Any, fields: Iterable[str], languages: Iterable[str]) -> list[tuple[str, str]]:
    """(field, language) for each English text of `obj` without its overlay text in a language."""
    from lexgap.models import Untranslated, localized

    found = []
    for language in languages:
        for field in fields:
            try:
                localized(obj, field, language)
            except Untranslated:
                found.append((field, language))
    return found


def rule_problems(loaded: Loaded, index: int, rule: Rule, languages: Iterable[str]) -> list[Problem]:
    """A problem for each text of RULE_TEXTS the rule lacks in a language its file declares."""
    problems = []
    for field, language in missing_texts(rule, RULE_TEXTS, [lang for lang in languages if lang != "en"]):
        missing = Missing(loaded.name, ("rules", index), field, language, f"rule {rule.id!r}")
        problems.append(_at(loaded, missing))
    return problems


def standard_problems(instrument: Instrument, loaded: Loaded, cited: Mapping[str, set[str]]) -> list[Problem]:
    """A problem for each title or paraphrase the instrument lacks in a language of the rules citing it.

    `cited`: for each portion of this instrument a declared rule cites, the languages it needs."""
    languages = sorted({lang for langs in cited.values() for lang in langs})
    problems = [_at(loaded, Missing(loaded.name, (), field, language, f"instrument {instrument.id!r}"))
                for field, language in missing_texts(instrument, INSTRUMENT_TEXTS, languages)]
    for index, provision in enumerate(instrument.provisions):
        wanted = sorted(cited.get(provision.id, set()))
        problems += [_at(loaded, Missing(loaded.name, ("provisions", index), field, language,
                                         f"provision {provision.id!r} of {instrument.id!r}"))
                     for field, language in missing_texts(provision, PROVISION_TEXTS, wanted)]
    return problems


def _at(loaded: Loaded, missing: Missing) -> Problem:
    """Where the missing text would go: the overlay's field if the overlay is there, else the object."""
    path = missing.path
    overlay = (*path, missing.language, *missing.field.split("."))
    data: Any = loaded.data
    for part in path:
        if isinstance(data, list) and isinstance(part, int):
            data = data[part]
        elif isinstance(data, Mapping):
            data = data.get(part)
        else:
            data = None
    if isinstance(data, Mapping) and missing.language in data:
        return loaded.problem(overlay, missing.message(), at_key=True)
    return loaded.problem((*path, "id") if isinstance(data, Mapping) and "id" in data else path,
                          missing.message(), at_key=True)


def locate(missing: Iterable[Missing]) -> list[Problem]:
    """Each missing text as a located problem, reading each file once."""
    from lexgap.loading import read_yaml

    files: dict[str, Loaded] = {}
    problems = []
    for item in missing:
        if item.file not in files:
            files[item.file] = read_yaml(Path(item.file))
        loaded = files[item.file]
        if loaded.problems or loaded.data is None:
            problems.append(Problem(item.file, 1, 1, item.message()))
            continue
        path = item.path
        if item.find is not None:
            key, value = item.find
            items = _get(loaded.data, ".".join(str(p) for p in path)) if path else loaded.data
            index = next((i for i, entry in enumerate(items or []) if isinstance(entry, Mapping)
                          and str(entry.get(key)) == value), None)
            path = (*path, index) if index is not None else path
        problems.append(_at(loaded, Missing(item.file, path, item.field, item.language, item.what)))
    return sorted(set(problems))


def rules_citing(rules: Iterable[tuple[Rule, list[str]]]) -> dict[str, dict[str, set[str]]]:
    """For each instrument, the portions declared rules cite and the languages they need them in."""
    from lexgap import ids

    cited: dict[str, dict[str, set[str]]] = {}
    for rule, languages in rules:
        for ref in rule.basis:
            instrument, portion = ids.split_basis_ref(ref)
            cited.setdefault(instrument, {}).setdefault(portion, set()).update(
                lang for lang in languages if lang != "en")
    return cited

