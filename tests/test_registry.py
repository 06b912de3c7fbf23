"""The actor registry: shipped data, variants and demonyms, extended by a user file."""

from __future__ import annotations

import json

import pytest

from summitlog.actors.registry import Registry, fold, known_as
from summitlog.errors import SummitlogError


@pytest.fixture(scope="module")
def registry():
    return Registry.load()


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Alyaksandr Lukashenka", "Alexander Lukashenko"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("KISHIDA Fumio", "Fumio Kishida"),
        ("Kassym-Zhomart Tokayev", "Kassym-Jomart Tokayev"),
        ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva"),
        ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"),
    ],
)
def test_variants_resolve_to_one_actor(registry, written, canonical):
    assert registry.resolve(written) == canonical
    assert [name for _, _, name in registry.find_names(f"Talks with {written} ended.")] == [canonical]


def test_coverage_of_g20_and_neighbours(registry):
    countries = {role.country for actor in registry.actors.values() for role in actor.roles}
    g20 = {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA",
           "TR", "GB", "US", "EU"}
    neighbours = {"BY", "UA", "KZ", "MN", "KP", "GE", "AZ", "FI", "EE", "LV", "LT", "PL", "NO", "KG",
                  "TJ", "PK", "VN", "LA", "MM", "UZ", "AM"}
    assert g20 | neighbours <= countries


def test_demonyms_and_roles(registry):
    assert registry.country("Belarusian") == "BY" and registry.country("Türkiye") == "TR"
    putin = registry.actors["Vladimir Putin"]
    assert {r.country for r in putin.roles} == {"RU"} and putin.wikidata == "Q7747"
    trump = registry.actors["Donald Trump"]
    assert not any(r.held_in(2022) for r in trump.roles) and any(r.held_in(2025) for r in trump.roles)


def test_fold_keeps_length():
    assert fold("Erdoğan Rinkēvičs") == "Erdogan Rinkevics"
    assert len(fold("Lukašenka")) == len("Lukašenka")


def test_user_file_extends_the_registry(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({
        "countries": {"XK": {"name": "Kosovo", "demonyms": ["Kosovar"]}},
        "people": [{"name": "Vjosa Osmani", "aliases": ["Osmani"],
                    "roles": [{"title": "president", "country": "XK", "from": 2021, "to": None}]}],
    }))
    registry = Registry.load(extra)
    assert registry.resolve("Osmani") == "Vjosa Osmani"
    assert registry.short_name("Vjosa Osmani") == "Osmani"
    assert registry.country("Kosovar") == "XK"
    assert registry.resolve("Putin") == "Vladimir Putin"


@pytest.mark.parametrize("content, message", [("{not json", "cannot be read"), ("[1, 2]", "is a JSON object"),
                                              ('{"people": [{"aliases": []}]}', "needs a 'name'")])
def test_bad_user_file(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(SummitlogError, match=message):
        Registry.load(bad)


def test_the_countries_a_meeting_is_between(registry):
    # a French president is also a co-prince of Andorra: the office the registry names comes first
    assert registry.parties(["Emmanuel Macron", "Narendra Modi"], "2023-07-14") == ("France", "India")
    # a prime minister who was president before: the country either way, once
    assert registry.parties(["Vladimir Putin", "Vladimir Putin", "Xi Jinping"], "2010-05-01") == ("Russia", "China")
    assert registry.parties(["Nobody Known"], 2020) == ()


@pytest.mark.parametrize("name, short", [
    ("Xi Jinping", "Xi"), ("Kim Jong Un", "Kim"), ("Yoon Suk Yeol", "Yoon"), ("King Abdullah II", "Abdullah II"),
    ("Mohammed bin Salman", "Mohammed bin Salman"), ("Luiz Inácio Lula da Silva", "Lula"),
    ("King Salman", "King Salman"), ("Ursula von der Leyen", "von der Leyen"), ("Vladimir Putin", "Putin"),
    ("Kassym-Jomart Tokayev", "Tokayev"), ("Abdel Fattah al-Sisi", "al-Sisi"),
])
def test_a_person_is_labelled_by_the_name_people_use(registry, name, short):
    assert registry.short_name(name) == short


@pytest.mark.parametrize("name, short", [
    # names the registry does not hold: read from the name's shape
    ("Harald Quist", "Quist"), ("Queen Ingrid IV", "Ingrid IV"), ("Faisal bin Karim Al Ruwad", "Faisal bin Karim"),
    ("Marta de la Fuente", "de la Fuente"), ("Park Min-jun", "Park"), ("Tom Reade Jr.", "Reade"),
    ("Emir Qadir", "Emir Qadir"), ("Solo", "Solo"),
])
def test_the_name_people_use_from_the_shape_of_a_name(name, short):
    assert known_as(name) == short


def test_a_user_file_can_give_the_name_people_use(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"people": [{"name": "Ruslan Tal Oran", "short": "Tal", "roles": []}]}))
    assert Registry.load(extra).short_name("Ruslan Tal Oran") == "Tal"
