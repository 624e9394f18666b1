"""Messages point at the value that is wrong and suggest the word meant, by its names and meaning too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import REPO
from lexgap.loading import load_file
from lexgap.suggest import entries, vocabulary_named
from lexgap.vocabulary import MEANINGS, VOCABULARIES, nearest, words

MINIMAL = (REPO / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    _, loaded = load_file(path)
    return [str(p).removeprefix(f"{path}:") for p in loaded.problems]


def test_a_word_by_another_name_gets_the_word_meant_not_the_nearest_spelling(tmp_path: Path) -> None:
    text = MINIMAL.replace("conduct: [ncii_disseminate]", "conduct: [sharing_intimate_images]")
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith("20:15: 'sharing_intimate_images' is not a word of conduct; did you mean "
                              "'ncii_disseminate'?")


@pytest.mark.parametrize(("written", "meant"), [
    ("sharing_intimate_images", "ncii_disseminate"), ("revenge_porn", "ncii_disseminate"),
    ("grooming", "child_solicit"), ("cyberstalking", "online_stalk"), ("doxxing", "personal_data_disclosure"),
    ("disseminating_intimate_images", "ncii_disseminate"), ("recording_images_without_consent", "ncii_record"),
    ("online_harrass", "online_harass"), ("child_solicit_image", "child_solicit_images"),
])
def test_conduct_suggestions(written: str, meant: str) -> None:
    assert nearest(written, words(VOCABULARIES["conduct"])) == meant


def test_a_misspelling_still_gets_the_nearest_spelling() -> None:
    assert nearest("intent_to_harn", words(VOCABULARIES["mental_element"])) == "intent_to_harm"
    assert nearest("jurisdicton", ["jurisdiction", "company"]) == "jurisdiction"


def test_every_synonym_names_a_real_word_once_and_is_not_itself_a_word() -> None:
    raw = yaml.safe_load((REPO / "engine" / "synonyms.yaml").read_text(encoding="utf-8"))
    for name, table in raw.items():
        key = vocabulary_named(name)
        assert key in VOCABULARIES, name
        known = words(VOCABULARIES[key])
        seen: set[str] = set()
        for word, others in table.items():
            assert word in known, (name, word)
            for other in others:
                assert other not in known and other not in seen, (name, other)
                seen.add(other)


@pytest.mark.parametrize(("name", "key"), [
    ("area", "area (complete_for)"), ("complete_for", "area (complete_for)"), ("conduct", "conduct"),
    ("mental_element", "mental_element"), ("categories", "victim categories"), ("victim categories",
                                                                              "victim categories"),
    ("answer", "company practice answer"), ("type", "law type"), ("instrument_kind", "instrument kind"),
    ("practice", "practice"), ("Conduct", "conduct"), ("nonsense", None),
])
def test_vocabularies_are_found_by_field_name(name: str, key: str | None) -> None:
    assert vocabulary_named(name) == key


def test_a_vocabulary_lists_each_word_with_its_meaning() -> None:
    conduct = dict(entries("conduct"))
    assert conduct["ncii_disseminate"] == MEANINGS[(VOCABULARIES["conduct"], "ncii_disseminate")]
    assert dict(entries("practice"))["remediation"].startswith("remediation")


def test_a_country_mismatch_is_reported_at_the_provision_id(tmp_path: Path) -> None:
    assert _problems(tmp_path, MINIMAL.replace("country: xx", "country: ro")) == [
        "15:9: provision 'xx/act/2020/1~art_1' does not start with the country code 'ro' (or a subdivision of it, "
        "like 'ro-xyz')"]
