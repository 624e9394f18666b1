"""The JSON Schemas of lexgap's formats, for editors: every field and every word with its meaning.

The models (`lexgap.models`) remain the one definition of each format; this module only makes
their JSON Schema speak: yaml-language-server (VS Code's YAML extension, Neovim, Helix...) shows
a field's `description` on hover and each word's `markdownEnumDescriptions` in completion, and
checks ids against their `pattern`.  The meanings come from `lexgap.vocabulary` and
`lexgap.attributes`; fields the models leave undescribed get theirs from `FIELD_MEANINGS` below.

`lexgap schema KIND` prints one schema, `lexgap schema --write DIR` writes them all;
`engine/schemas/` holds the committed copies (a test checks they match).
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from lexgap import ids, models
from lexgap.attributes import PRACTICES, PROVISION_ATTRIBUTES
from lexgap.loading import all_formats
from lexgap.output import write_atomic
from lexgap.problems import Problem
from lexgap.vocabulary import MEANINGS

#: The JSON Schema draft pydantic writes; editors read it.
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _plain(pattern: re.Pattern[str]) -> str:
    """A verbose, commented Python regex as the ECMAScript pattern a JSON Schema needs, anchored."""
    text = re.sub(r"#[^\n]*", "", pattern.pattern) if pattern.flags & re.VERBOSE else pattern.pattern
    text = re.sub(r"\s+", "", text) if pattern.flags & re.VERBOSE else text
    return "^" + re.sub(r"\(\?P<\w+>", "(", text) + "$"


_PORTION = _plain(re.compile(ids._PORTION))

#: The id checks of the models (their AfterValidator functions), as patterns and meanings.
ID_FORMS: dict[Any, tuple[str, str]] = {
    models._provision_id: (_plain(ids.PROVISION_ID),
                           "a provision id, Akoma Ntoso style: country/kind/year/number~portion, lower case, "
                           f"like '{ids.PROVISION_ID_EXAMPLE}' (country: ISO 3166 alpha-2, or a subdivision "
                           "like 'gb-eng'; portion: parts joined by '__', like art_4__para_1__lit_h)"),
    models._work_id: (_plain(ids.WORK_ID),
                      "a law or bill id: country/kind/year/number, lower case, like 'ro/act/2003/217' "
                      "(kind: act, code, bill, draft, position, decree, order, ordinance, regulation, constitution)"),
    models._basis_ref: (_plain(ids.BASIS_REF),
                        f"a standard provision: instrument~portion, like '{ids.BASIS_REF_EXAMPLE}' "
                        "(`lexgap validate` checks that it exists in standards/)"),
    models._slug: (_plain(ids.SLUG), "an id: lower-case letters and digits, words joined by hyphens, like "
                                     "'romania-2020'"),
    models._portion: (_PORTION, "a portion id: parts joined by '__', like 'art_2__lit_c' or 'para_24'"),
}

#: What each field means, for the fields the models do not describe themselves (by model, then field).
FIELD_MEANINGS: dict[str, dict[str, str]] = {
    "Source": {
        "url": "web address of the source, starting with https://",
        "note": "anything a reader should know about the source (for example: secondary source, translation)",
    },
    "Dates": {
        "filed": "date the bill was filed or tabled",
        "adopted": "date the legislature adopted it",
        "promulgated": "date it was promulgated",
        "published": "date it was published in the official journal",
        "in_force": "date it entered into force",
        "repealed": "date it was repealed",
    },
    "Victims": {
        "categories": "who the provision protects (at least one word)",
        "age_min": "youngest protected age in whole years; leave out when not known or not limited",
    },
    "MentalAlternatives": {
        "any_of": "two or more alternatives; each is a list of mental elements required together",
    },
    "Penalty": {
        "max_months": "the maximum prison term in months (24 for two years); leave out when none or not known",
        "fine": "true when a fine is a possible penalty",
    },
    "Provision": {
        "id": "the provision's id: its law's id, '~', and the portion (art_4__para_1__lit_h)",
        "title": "a short title, in our words",
        "provision_type": "what kind of provision it is",
        "conduct": "the conduct the provision covers (at least one word); see `lexgap vocabulary conduct`",
        "disputed_note": "who disputes the coverage and how (courts, authorities), with sources",
        "medium": "whether the provision covers acts online, offline or both",
        "victims": "who the provision protects: categories and, where the law says, ages",
        "harm_requirement": "what harm to the victim must be shown; leave out when not known",
        "consent_treatment": "how the provision treats the victim's consent; leave out when not known",
        "means_required": "whether means (force, deception...) must be proven; leave out when not known",
        "scope_requirement": "whether a transnational or organised-group element is required",
        "prosecution": "how prosecution starts and whether it ends when the victim withdraws",
        "addressees": "who the provision binds (individuals, companies, platforms, authorities)",
        "penalty": "the penalty: in words, and the maximum in months where it is a prison term",
        "dates": "dates of the provision where they differ from its law's",
        "sources": "where these facts come from (at least one source)",
    },
    "Law": {
        "id": "the law's id: country/kind/year/number",
        "title": "the law's title as its sources give it",
        "short_title": "the name a letter uses for it, like 'Law 217/2003 (domestic violence)'",
        "type": "what kind of text it is",
        "status": "where it stands on the file's date",
        "dates": "when it was filed, adopted, published, in force, repealed",
        "amends": "ids of the laws this one amends",
        "summary": "what the law is about, in our words",
        "sources": "where these facts come from (at least one source)",
    },
    "Ratification": {
        "instrument": "the instrument's id in standards/ (like 'crc', 'opsc')",
        "action": "how the State became bound",
        "signed": "date of signature",
        "domestic_act": "the domestic act of ratification, if known",
        "sources": "where the ratification is recorded (at least one source)",
    },
    "ContextFact": {
        "id": "an id for this fact, unique in the file",
        "date": "when it happened, if known",
        "sources": "where it was reported (at least one source)",
    },
    "Jurisdiction": {
        "format": "the kind of file: always 'jurisdiction' here",
        "id": "the file's id, like 'romania-2020' (country and date)",
        "name": "the State's name as a letter writes it",
        "as_of": "the date the file describes the law as it stood (YYYY-MM-DD)",
        "laws": "the acts, codes, bills and drafts the provisions belong to",
        "provisions": "the provisions that matter to the standards, one entry each",
        "ratifications": "the instruments the State is bound by, with dates and sources",
        "context": "facts a letter reports as information received (allegations, cases), with sources",
        "notes": "our notes on the file, marked as such",
    },
    "Practice": {
        "note": "what is known, or why nothing is (a letter asks about it)",
        "sources": "where the answer comes from (needed for an answer)",
    },
    "Company": {
        "format": "the kind of file: always 'company' here",
        "id": "the file's id, like 'telegram-2021'",
        "name": "the company's name",
        "as_of": "the date the file describes the company's practice (YYYY-MM-DD)",
        "subject": "what a letter on this file is about, one line",
        "registered_in": "country of registration: ISO 3166 alpha-2, lower case",
        "operates_in": "countries where it operates: ISO 3166 alpha-2, lower case",
        "services": "what the company offers, in a few words",
        "practices": "what is known of each element of its practice under the UN Guiding Principles",
        "context": "facts a letter reports as information received, with sources",
        "notes": "our notes on the file, marked as such",
    },
    "StandardProvision": {
        "id": "the portion id, like 'art_2__lit_c' (rules cite it as instrument~portion)",
        "heading": "the provision's heading, if it has one",
        "paraphrase": "what the provision says, in our own words",
        "source": "where this provision was read",
    },
    "Instrument": {
        "format": "the kind of file: always 'instrument' here",
        "id": "the instrument's id, also its file name: 'opsc' for standards/opsc.yaml",
        "title": "the full title",
        "short_title": "the short name letters use: 'OPSC', 'CRC General Comment No. 25'",
        "kind": "what kind of instrument it is (treaties bind; the rest is soft law)",
        "symbol": "the UN document symbol or treaty number",
        "other_symbols": "other symbols of the same document",
        "issuer": "the body that adopted or issued it",
        "adopted": "date of adoption",
        "issued": "date of issue",
        "entry_into_force": "date of entry into force (treaties)",
        "url": "web address of the official text",
        "sources": "where the instrument's facts come from",
        "provisions": "the citable parts lexgap uses, each paraphrased with its pinpoint",
    },
    "Test": {
        "any_of": "holds when the attribute has one of these words",
        "none_of": "holds when the attribute has none of these words",
        "below": "holds when the number is below this",
        "at_least": "holds when the number is at least this",
    },
    "LetterText": {
        "concern": "the concern a letter raises on a gap (a jinja2 template)",
        "question": "the question a letter asks on a gap (a jinja2 template)",
    },
    "Rule": {
        "id": "the rule's id, like 'intent-to-harm-requirement'",
        "label": "a short label for reports",
        "severity": "how serious a gap is",
        "subject": "what the rule assesses: a jurisdiction's provisions or a company's practices",
        "why": "why the rule matters, one paragraph",
        "applies_to": "which provisions the rule looks at: tests on attributes, all of which must hold",
        "when_coverage_disputed": "the outcome when another provision might cover the case but courts dispute it",
        "basis": "the standard provisions the rule rests on: instrument~portion",
        "letter": "what a letter says about a finding of this rule",
    },
    "RuleSet": {
        "format": "the kind of file: always 'rules' here",
        "rules": "the rules of this file",
    },
    "CaseExpectation": {
        "status": "the outcome a lawyer expects",
    },
    "RuleCase": {
        "name": "what the case shows, in words",
        "complete_for": "areas whose in-force provisions the case lists in full (for absence rules)",
        "practices": "a company's practices, for company rules",
        "expect": "the outcomes expected",
    },
    "RuleTests": {
        "format": "the kind of file: always 'rule_tests' here",
        "rule": "the id of the rule these cases test",
        "cases": "the cases, each a minimal jurisdiction or company and the outcome expected",
    },
    "Insert": {"insert": "a whole new provision the bill adds"},
    "Replace": {
        "replace": "the id of the provision the bill changes",
        "sources": "where the change is described",
    },
    "Repeal": {
        "repeal": "the id of the provision the bill repeals",
        "sources": "where the repeal is described",
    },
    "Bill": {
        "format": "the kind of file: always 'bill' here",
        "id": "the bill file's id, like 'ro-bill-606-2019-tabled'",
        "title": "the bill's title",
        "law": "the bill itself as a law entry (type bill, status pending_bill...)",
        "changes": "what the bill does: insert a provision, replace fields of one, or repeal one",
        "notes": "our notes, marked as such",
    },
}


#: The words of the few closed fields written as literals in the models, with their meanings.
LITERAL_MEANINGS: dict[str, str] = {
    "jurisdiction": "a State's law: the rule tests the provisions of jurisdiction files",
    "company": "a company's practice: the rule tests the practices of company files",
    "gap": "a disputed coverage does not cure the gap",
    "not_assessable": "a disputed coverage makes the finding not assessable (the letter asks)",
    "ratification": "ratification of a treaty the State signed",
    "accession": "accession, without prior signature",
    "succession": "succession, as a successor State",
    "approval": "approval or acceptance (an act with the effect of ratification)",
    "membership": "membership of the organisation whose law binds (for EU law)",
}


def _word_meaning(vocabulary: type[StrEnum], word: str) -> str:
    return MEANINGS.get((vocabulary, word)) or word.replace("_", " ")


class _Generator(GenerateJsonSchema):
    """pydantic's generator, adding each word's meaning to enums and a pattern to ids."""

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        result = super().enum_schema(schema)
        vocabulary = schema["cls"]
        if isinstance(vocabulary, type) and issubclass(vocabulary, StrEnum):
            meanings = [_word_meaning(vocabulary, str(word)) for word in result.get("enum", [])]
            result["enumDescriptions"] = meanings
            result["markdownEnumDescriptions"] = meanings
            listed = "; ".join(f"{word}: {text}" for word, text in zip(result.get("enum", []), meanings, strict=True))
            result["description"] = (f"{result['description']} " if "description" in result else "") + listed
        return result

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        result = super().literal_schema(schema)
        words = result.get("enum")
        if isinstance(words, list) and len(words) > 1:
            meanings = [LITERAL_MEANINGS.get(str(word), str(word)) for word in words]
            result["enumDescriptions"] = meanings
            result["markdownEnumDescriptions"] = meanings
        return result

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        form = ID_FORMS.get(schema["function"]["function"])
        if form is not None:
            result["pattern"] = form[0]
            result.setdefault("description", form[1])
        return result


def _models() -> dict[str, type[BaseModel]]:
    return {name: value for name, value in vars(models).items()
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == models.__name__}


def _describe_fields(definition: dict[str, Any], model: type[BaseModel] | None) -> None:
    meanings = FIELD_MEANINGS.get(model.__name__, {}) if model is not None else {}
    for name, schema in definition.get("properties", {}).items():
        if "description" not in schema:
            meaning = meanings.get(name) or _inner_description(schema)
            if meaning:
                schema["description"] = meaning


def _inner_description(schema: dict[str, Any]) -> str | None:
    """The description of an id-typed field's form (pydantic puts it inside anyOf for optional ones)."""
    for branch in schema.get("anyOf", []):
        if "description" in branch:
            return str(branch["description"])
    items = schema.get("items")
    return str(items["description"]) if isinstance(items, dict) and "description" in items else None


def _practice_names(schema: dict[str, Any]) -> None:
    """A company's practices and a rule case's: the practice names, each with its meaning."""
    for name in ("Company", "RuleCase"):
        definition = schema if schema.get("title") == name else schema.get("$defs", {}).get(name)
        if definition is None:
            continue
        practices = definition["properties"]["practices"]
        practices["propertyNames"] = {"enum": list(PRACTICES),
                                      "enumDescriptions": list(PRACTICES.values()),
                                      "markdownEnumDescriptions": list(PRACTICES.values())}


def _rule_attributes(schema: dict[str, Any]) -> None:
    """A rule's conditions test the attributes `lexgap vocabulary` lists: name them for completion."""
    definition = schema.get("$defs", {}).get("Rule")
    if definition is None:
        return
    names = list(PROVISION_ATTRIBUTES) + list(PRACTICES)
    meanings = [a.plain for a in PROVISION_ATTRIBUTES.values()] + [f"the company's {p}" for p in PRACTICES.values()]
    for field in ("applies_to", "gap_when", "gap_when_no_provision"):
        holder = definition["properties"][field]
        for target in [holder, *holder.get("anyOf", [])]:
            if target.get("type") == "object":
                target["propertyNames"] = {"enum": names, "enumDescriptions": meanings,
                                           "markdownEnumDescriptions": meanings}


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of one format (`jurisdiction`, `company`, ...), every field described."""
    model = all_formats()[kind]
    schema = model.model_json_schema(schema_generator=_Generator)
    by_name = _models()
    for name, definition in schema.get("$defs", {}).items():
        _describe_fields(definition, by_name.get(name))
    _describe_fields(schema, model)
    _practice_names(schema)
    _rule_attributes(schema)
    return {"$schema": DIALECT, **schema}


def schema_text(kind: str) -> str:
    """The schema as the committed file holds it: indented, UTF-8, a final newline."""
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def write_schemas(folder: Path) -> list[Problem]:
    """Write every format's schema into `folder` (created if needed), replacing older copies of them.

    These files are generated: replacing them with the current lexgap's schemas is the point,
    so an existing `KIND.schema.json` is replaced; nothing else in the folder is touched.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return [Problem(str(folder), 1, 1, f"cannot create the folder: {error.strerror or error}")]
    problems = []
    for kind in all_formats():
        problem = write_atomic(folder / schema_file_name(kind), schema_text(kind).encode("utf-8"), force=True)
        if problem is not None:
            problems.append(problem)
    return problems


def bundled_schema(kind: str) -> Path:
    """The schema file shipped with lexgap (inside the installed package, or engine/schemas/ in a checkout)."""
    return Path(__file__).resolve().parent / "schemas" / schema_file_name(kind)
