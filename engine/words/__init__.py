"""The words a user reads, one module per language: `en`, `fr`, `es`, each with the same names.

Engine modules and renderers take every word, title and sentence template a reader sees from
here, so that a translation is one module with the same names.  Ids, vocabulary words and JSON
keys are not words a reader reads: they stay in the data and code.

The language in use is set for a run with `use("fr")` (the CLI's `--lang`); modules read the words
of that language through `current`, which answers each name from the module of the language in use.
JSON output is language-neutral: it is made with English words whatever `--lang` says.
"""

from __future__ import annotations

import contextvars
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, Any

#: The languages lexgap writes (models.LANGUAGES says the same; this module imports nothing of lexgap's).
LANGUAGES = ("en", "fr", "es")

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("lexgap_language", default="en")


def language() -> str:
    """The language in use: 'en' unless a caller chose another with `use`."""
    return _LANGUAGE.get()


_MODULES: dict[str, ModuleType] = {}  # each language's module once imported: words are read thousands of times a file


def module(lang: str | None = None) -> ModuleType:
    """The words module of `lang` (default: the language in use)."""
    name = lang or _LANGUAGE.get()
    found = _MODULES.get(name)
    if found is not None:
        return found
    if name not in LANGUAGES:
        raise ValueError(f"no words for language {name!r}; lexgap writes {', '.join(LANGUAGES)}")
    found = _MODULES[name] = importlib.import_module(f"lexgap.words.{name}")
    return found


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Use the words of `lang` inside the block (and in what it calls, in this thread or task)."""
    module(lang)  # an unknown language fails here, before anything is said
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


class _Current:
    """Each name of the words module of the language in use: `current.STATUS_TITLE`."""

    def __getattr__(self, name: str) -> Any:
        return getattr(module(), name)


#: The words of the language in use (modules import it as `en` where English was all there was). For the type
#: checker it is the English module: every language has the same names (tests/test_languages.py checks it).
if TYPE_CHECKING:
    from lexgap.words import en as current
else:
    current = _Current()
