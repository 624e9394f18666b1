"""Hypothesis strategies for valid jurisdiction, company and bill files, drawn from the formats themselves.

Every word comes from the closed vocabularies (engine/vocabulary.py, engine/attributes.py) and every
id from the patterns of engine/ids.py; the optional provision fields are found by walking the
`Provision` model, so a new vocabulary field is generated without touching this file, and a new
field of another shape stops the import with a message saying which strategy to add.

The strategies build plain data, as a YAML file holds it; `to_yaml` writes it out.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from lexgap import ids, yaml12
from lexgap import vocabulary as v
from lexgap.attributes import PRACTICES
from lexgap.models import Company, Jurisdiction, Provision, Ratification
from lexgap.paths import data_dir, yaml_files

Data = dict[str, Any]

# --- words and ids ------------------------------------------------------------------------

#: Printable text a lawyer might type, Word's punctuation included; no control characters (lexgap refuses them).
_LETTERS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))

LEVELS = ["primary", "secondary", "unverified"]


def text(max_size: int = 60) -> SearchStrategy[str]:
    return st.text(_LETTERS, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def enum_words(vocabulary: type[enum.Enum]) -> SearchStrategy[str]:
    return st.sampled_from([str(member.value) for member in vocabulary])


def word_list(vocabulary: type[enum.Enum], min_size: int = 0) -> SearchStrategy[list[str]]:
    """Distinct words; a vocabulary with a `none` word gives either [none] alone or other words."""
    words = [str(member.value) for member in vocabulary]
    others = [w for w in words if w != "none"]
    lists = st.lists(st.sampled_from(others), min_size=max(min_size, 1 if "none" in words else 0),
                     max_size=3, unique=True)
    return st.one_of(st.builds(lambda: ["none"]), lists) if "none" in words else lists


dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2035, 12, 31))
slugs = st.from_regex(ids.SLUG, fullmatch=True).filter(lambda s: len(s) <= 30)
portions = st.from_regex(re.compile(r"[a-z]{1,6}_[a-z0-9-]{1,4}(?:__[a-z]{1,6}_[a-z0-9-]{1,4}){0,2}"), fullmatch=True)
#: The document kinds a law id may name, read from the id pattern itself.
DOCTYPES = re.search(r"\(\?P<doctype>([^)]*)\)", ids.WORK_ID.pattern).group(1).split("|")  # type: ignore[union-attr]
COUNTRIES = st.from_regex(re.compile(r"[a-z]{2}"), fullmatch=True)
#: Instruments a ratification may name: the bundled standards.
INSTRUMENTS = sorted(path.stem for path in yaml_files(data_dir("standards")))


@st.composite
def sources(draw: DrawFn, fields: list[str] | None = None, min_size: int = 1) -> list[Data]:
    """A list of Source entries; `covers` names some of `fields`."""
    result = []
    for _ in range(draw(st.integers(min_size, 2))):
        source: Data = {"document": draw(text(40)), "consulted": draw(dates), "verified": draw(st.sampled_from(LEVELS))}
        if draw(st.booleans()):
            source["pinpoint"] = draw(text(20))
        if draw(st.booleans()):
            source["url"] = "https://example.org/" + draw(slugs)
        if fields and draw(st.booleans()):
            source["covers"] = draw(st.lists(st.sampled_from(fields), max_size=2, unique=True))
        if draw(st.booleans()):
            source["note"] = draw(text())
        result.append(source)
    return result


# --- provisions -----------------------------------------------------------------------------

def _vocabulary_strategy(annotation: Any) -> SearchStrategy[Any] | None:
    """A strategy for a field whose value is a word, or a list of words, of one vocabulary; else None."""
    inner = annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None
        inner = args[0]
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return enum_words(inner)
    item = typing.get_args(inner)
    if typing.get_origin(inner) is list and item and isinstance(item[0], type) and issubclass(item[0], enum.Enum):
        return word_list(item[0])
    return None


@st.composite
def _victims(draw: DrawFn) -> Data:
    victims: Data = {"categories": draw(word_list(v.VictimCategory, min_size=1))}
    low, high = sorted(draw(st.lists(st.integers(0, 120), min_size=2, max_size=2)))
    if draw(st.booleans()):
        victims["age_min"] = low
    if draw(st.booleans()):
        victims["age_max"] = high
    return victims


_mental_list = st.lists(enum_words(v.MentalElement), min_size=1, max_size=3, unique=True)

#: Fields of a provision that are not a plain vocabulary: how each is drawn (None: left out).
#: `id`, `law`, `conduct`, `conduct_disputed`, `amends` and `sources` depend on the file and are drawn below.
_SHAPED: dict[str, SearchStrategy[Any]] = {
    "title": text(),
    "summary": text(200),
    "disputed_note": text(),
    "notes": text(),
    "victims": _victims(),
    "mental_element": st.one_of(_mental_list, st.fixed_dictionaries(
        {"any_of": st.lists(_mental_list, min_size=2, max_size=3)})),
    "penalty": st.fixed_dictionaries({"text": text(40)}, optional={
        "max_months": st.integers(0, 1200), "fine": st.booleans()}),
    "dates": st.fixed_dictionaries({}, optional={name: dates for name in ("filed", "adopted", "promulgated",
                                                                           "published", "in_force", "repealed")}),
    "harm_requirement": st.one_of(enum_words(v.HarmRequirement), st.fixed_dictionaries(
        {"any_of": st.lists(enum_words(v.HarmRequirement), min_size=2, max_size=3, unique=True)})),
    "prosecution": st.one_of(enum_words(v.Prosecution), word_list(v.Prosecution, min_size=1)),
    "offender_age_min": st.integers(0, 25),
    "age_of_consent": st.integers(0, 21),
    "peer_exception": st.fixed_dictionaries(
        {"conduct": st.lists(st.sampled_from(["csam_produce", "csam_possess", "csam_distribute"]), min_size=1,
                             max_size=3, unique=True)},
        optional={"age_min": st.integers(0, 17), "age_max": st.integers(0, 120),
                  "max_age_difference": st.integers(0, 20), "relationship": word_list(v.Relationship),
                  "private_only": st.booleans()}),
    "defences": st.lists(st.fixed_dictionaries({"defence": enum_words(v.Defence)}, optional={
        "conduct": st.lists(enum_words(v.Conduct), max_size=2, unique=True)}), max_size=2),
    "wording": st.lists(st.fixed_dictionaries({
        "field": st.sampled_from(["mental_element", "harm_requirement", "victims", "csam_definition"]),
        "text": text(60), "language": st.sampled_from(["en", "ro", "fr"])}), max_size=2),
    # the French and Spanish overlays: words, never facts the rules read
    "fr": st.fixed_dictionaries({}, optional={"title": text(60)}),
    "es": st.fixed_dictionaries({}, optional={"title": text(60)}),
    "disputed": st.lists(st.fixed_dictionaries({
        "field": st.sampled_from(["harm_requirement", "victims", "offender_age_min", "csam_definition",
                                  "mental_element"]),
        "note": text(), "sources": sources()}), max_size=2),
}
_DRAWN_IN_CONTEXT = ("id", "law", "conduct", "conduct_disputed", "amends", "sources", "conduct_added",
                     "recklessness_as_to")
REQUIRED_PROVISION_FIELDS = [name for name, info in Provision.model_fields.items() if info.is_required()]


def _optional_provision_fields() -> dict[str, SearchStrategy[Any]]:
    found: dict[str, SearchStrategy[Any]] = {}
    for name, info in Provision.model_fields.items():
        if name in _DRAWN_IN_CONTEXT or name in _SHAPED:
            continue
        strategy = _vocabulary_strategy(info.annotation)
        if strategy is None:
            raise TypeError(f"tests/strategies.py cannot draw Provision.{name}; add it to _SHAPED")
        found[name] = strategy
    return found


OPTIONAL_FIELDS = {**_optional_provision_fields(), **_SHAPED}


@st.composite
def provision(draw: DrawFn, law_id: str, others: list[str], bare: bool = False) -> Data:
    """A provision of `law_id`; with `bare`, only the required fields (every other fact unknown)."""
    pid = f"{law_id}~{draw(portions)}"
    conduct = draw(st.lists(enum_words(v.Conduct), min_size=1, max_size=3, unique=True))
    data: Data = {"id": pid, "title": draw(text()), "law": law_id, "summary": draw(text(200)), "conduct": conduct}
    if not bare:
        for name in sorted(OPTIONAL_FIELDS):
            if draw(st.booleans()):
                data[name] = draw(OPTIONAL_FIELDS[name])
        if draw(st.booleans()):
            data["conduct_disputed"] = draw(st.lists(st.sampled_from(conduct), max_size=2, unique=True))
        if draw(st.booleans()):
            data["conduct_added"] = [{"conduct": c, "date": draw(dates)}
                                     for c in draw(st.lists(st.sampled_from(conduct), max_size=2, unique=True))]
        mental = data.get("mental_element")
        flat = mental if isinstance(mental, list) else [e for a in (mental or {}).get("any_of", []) for e in a]
        if "recklessness" in flat and draw(st.booleans()):
            data["recklessness_as_to"] = draw(word_list(v.RecklessnessObject, min_size=1))
        if others:  # noqa: SIM102 (one condition would make mypy infer draw's type from `others`)
            if draw(st.booleans()):
                data["amends"] = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
    data["sources"] = draw(sources(fields=[f for f in Provision.model_fields if f != "sources"]))
    assert set(REQUIRED_PROVISION_FIELDS) <= set(data)
    return data


# --- files ----------------------------------------------------------------------------------

def _law(draw: DrawFn, law_id: str) -> Data:
    law: Data = {"id": law_id, "title": draw(text()), "type": draw(enum_words(v.LawType)),
                 "status": draw(enum_words(v.Status)), "sources": draw(sources())}
    if draw(st.booleans()):
        law["short_title"] = draw(text(30))
    return law


@st.composite
def jurisdictions(draw: DrawFn, min_provisions: int = 0, bare_provision: bool = False) -> Data:
    """A valid jurisdiction file; with `bare_provision`, its last provision has only the required fields."""
    country = draw(COUNTRIES)
    law_ids = draw(st.lists(st.builds("{}/{}/{}/{}".format, st.just(country), st.sampled_from(DOCTYPES),
                                      st.integers(1900, 2099), st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True)),
                            min_size=1, max_size=3, unique=True))
    provisions: list[Data] = []
    count = draw(st.integers(min_provisions, 6))
    for index in range(count):
        bare = bare_provision and index == count - 1
        item = draw(provision(draw(st.sampled_from(law_ids)), [p["id"] for p in provisions], bare))
        while bare and any(item["id"] == p["id"] for p in provisions):
            item["id"] += "9"  # the bare provision must stay, and stay last
        if all(item["id"] != p["id"] for p in provisions):
            provisions.append(item)
    data: Data = {
        "format": "jurisdiction", "id": draw(slugs), "name": draw(text(40)), "country": country,
        "as_of": draw(dates), "laws": [_law(draw, law_id) for law_id in law_ids], "provisions": provisions,
    }
    if draw(st.booleans()):
        data["subject"] = draw(text())
    if draw(st.booleans()):
        data["complete_for"] = draw(st.lists(enum_words(v.Area), max_size=3, unique=True))
    if draw(st.booleans()):
        data["ratifications"] = [
            {"instrument": name, "action": draw(st.sampled_from(_literal_words(Ratification, "action"))),
             "date": draw(dates), "sources": draw(sources())}
            for name in draw(st.lists(st.sampled_from(INSTRUMENTS), max_size=3, unique=True))]
    data["context"] = _context(draw)
    return data


def _context(draw: DrawFn) -> list[Data]:
    return [{"id": slug, "text": draw(text(100)), "sources": draw(sources())}
            for slug in draw(st.lists(slugs, max_size=2, unique=True))]


def _literal_words(model: type[Any], field: str) -> list[str]:
    return list(typing.get_args(model.model_fields[field].annotation))


@st.composite
def companies(draw: DrawFn) -> Data:
    practices: Data = {}
    for name in draw(st.lists(st.sampled_from(list(PRACTICES)), max_size=6, unique=True)):
        practice: Data = {}
        if draw(st.booleans()):
            practice["answer"] = draw(enum_words(v.Answer))
            practice["sources"] = draw(sources())
        if draw(st.booleans()):
            practice["note"] = draw(text())
        practices[name] = practice
    data: Data = {"format": "company", "id": draw(slugs), "name": draw(text(40)), "as_of": draw(dates),
                  "practices": practices, "context": _context(draw)}
    if draw(st.booleans()):
        data["registered_in"] = draw(COUNTRIES)
    if draw(st.booleans()):
        data["subject"] = draw(text())
    return data


@st.composite
def idle_bills(draw: DrawFn, jurisdiction: Data, bill_id: str) -> Data:
    """A bill on `jurisdiction` that changes nothing: its law is already in force (or new and empty), it
    replaces fields by the values they have, and repeals only what is already repealed."""
    in_force = [law for law in jurisdiction["laws"] if law["status"] == "in_force"]
    law = draw(st.sampled_from(in_force)) if in_force else {
        "id": f"{jurisdiction['country']}/bill/2099/1", "title": "An empty bill", "type": "bill",
        "status": "pending_bill", "sources": draw(sources())}
    statuses = {law_["id"]: law_["status"] for law_ in jurisdiction["laws"]}
    changes: list[Data] = []
    for item in jurisdiction["provisions"]:
        status = item.get("status", statuses[item["law"]])
        if status == "repealed" and draw(st.booleans()):
            changes.append({"repeal": item["id"], "sources": draw(sources())})
            continue
        names = [n for n in item if n not in ("id", "law", "sources")]
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
        changes.append({"replace": item["id"], "set": {n: item[n] for n in chosen}, "sources": draw(sources())})
    return {"format": "bill", "id": bill_id, "title": draw(text()), "applies_to": jurisdiction["id"],
            "law": law, "changes": changes}


# --- writing ------------------------------------------------------------------------------

def reordered(data: Any, shuffle: Callable[[list[Any]], None], lists: tuple[str, ...] = ("provisions",)) -> Any:
    """The same data with every mapping's keys, and the `lists` named, in another order."""
    if isinstance(data, dict):
        keys = list(data)
        shuffle(keys)
        return {k: reordered(data[k], shuffle, lists) if k not in lists else
                _shuffled([reordered(x, shuffle, lists) for x in data[k]], shuffle) for k in keys}
    if isinstance(data, list):
        return [reordered(x, shuffle, lists) for x in data]
    return data


def _shuffled(items: list[Any], shuffle: Callable[[list[Any]], None]) -> list[Any]:
    shuffle(items)
    return items


def to_yaml(data: Data) -> str:
    """The file as a person would save it: block style, keys in the order given, UTF-8, no aliases."""
    return yaml12.dump(data, width=100)


def check_valid(data: Data) -> None:
    """Fail fast, in the strategy's terms, if a generated file does not fit its model."""
    models: dict[str, type[Jurisdiction | Company]] = {"jurisdiction": Jurisdiction, "company": Company}
    models[data["format"]].model_validate(data)


