"""The rules compiled for the engine, kept in lexgap's cache so that a run need not compile them again.

Compiling a rule (`lexgap.conditions`) and writing its pack as the engine's JSON text (`lexgap.durable`)
costs about as much as registering it; a one-file run pays both for every rule.  The packs of a set of
rules are kept as data (JSON text, attribute names, labels, conduct words), validated when read, under a
key made of the rules themselves (each one's JSON), how many replaced provisions the packs test and
lexgap's own code (`cache.content_key`): a rule edited, added or removed, or a change to the compiler,
is a miss, and the rules are compiled again.  Like the knowledge cache, an optimisation only: an entry
that cannot be read or trusted is a miss.
"""

from __future__ import annotations

from pydantic import TypeAdapter

from lexgap import cache
from lexgap.conditions import compile_rule
from lexgap.durable import PackText, pack_text
from lexgap.models import Rule

#: Each rule's pack (`PackText`'s fields) and the conduct words of the facts it can match (None: any fact), by
#: rule id.  Plain tuples, not PackText: pydantic builds a NamedTuple's validator from its signature, in about
#: 30 ms, a hundred times what these take.
Kept = dict[str, tuple[str, tuple[tuple[str, str], ...], dict[str, tuple[str, ...]], list[str] | None]]

_FORM: TypeAdapter[Kept] | None = None


def _form() -> TypeAdapter[Kept]:
    global _FORM
    if _FORM is None:
        _FORM = TypeAdapter(Kept)
    return _FORM


def compiled_packs(rules: list[Rule], subject: str,
                   replaced: int) -> list[tuple[Rule, PackText, frozenset[str] | None]]:
    """Each rule with its pack, for facts that fill `replaced` replaced-provision slots, in the order given."""
    kind = f"packs-{subject}-{replaced}"
    key = cache.content_key(kind, *(rule.model_dump_json().encode() for rule in rules)) if cache.cache_dir() else None
    kept: Kept | None = None
    if key is not None:
        body = cache.get(kind, key)
        if body is not None:
            try:
                kept = _form().validate_json(body)
            except ValueError:  # pydantic's ValidationError included: a miss
                kept = None
    if kept is None or set(kept) != {rule.id for rule in rules}:
        kept = {}
        for rule in rules:
            compiled = compile_rule(rule, replaced)
            conducts = compiled.conducts()
            kept[rule.id] = (*pack_text(compiled.engine_rules), sorted(conducts) if conducts is not None else None)
        if key is not None:
            cache.put(kind, key, _form().dump_json(kept))
    return [(rule, PackText(text, reads, bound), None if words is None else frozenset(words))
            for rule in rules for text, reads, bound, words in [kept[rule.id]]]
