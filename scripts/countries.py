"""Writes data/lang/LANG/countries.json: each country's name in another language, lower-cased,
in the nominative, to its ISO code, from the CLDR territory names Babel ships, so that an office
named in that language ("президент Узбекистана") finds its country without a hand-typed list.

    .venv/bin/python scripts/countries.py

Names CLDR writes with a qualifier ("Конго - Браззавиль") are kept both whole and without it,
unless two countries then share the short name; `ALIASES` are the names pages use that CLDR
does not give (the long official name, an abbreviation, an older name still in use).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "src" / "summitlog" / "data"
ALIASES = {
    "ru": {
        "рф": "RU", "российская федерация": "RU", "сша": "US", "соединенные штаты": "US", "соединённые штаты": "US",
        "кнр": "CN", "белоруссия": "BY", "киргизия": "KG", "молдавия": "MD", "туркмения": "TM",
        "республика конго": "CG", "демократическая республика конго": "CD", "фрг": "DE",
        "федеративная республика германия": "DE", "республика корея": "KR", "корейская народно-демократическая республика": "KP",
        "кндр": "KP", "оаэ": "AE", "великобритания": "GB", "ватикан": "VA",
    },
}


def names(lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for code, name in Locale(lang).territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in ("EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"):
            continue
        found[name.lower()] = code
        bare = re.sub(r"\s*(?:\(.*\)|-\s.*)$", "", name).lower()
        if bare != name.lower():
            short.setdefault(bare, set()).add(code)
    found.update({bare: codes.pop() for bare, codes in short.items() if len(codes) == 1 and bare not in found})
    found.update(ALIASES.get(lang, {}))
    return dict(sorted(found.items()))


def main() -> None:
    for lang in ALIASES:
        data = {
            "_about": f"Countries' names as pages in '{lang}' write them, lower-cased, in the nominative, to ISO 3166 "
                      "codes: CLDR's territory names through Babel, and names pages use that CLDR does not give; "
                      "written by scripts/countries.py, read by analysis/offices.py.",
            "countries": names(lang),
        }
        out = DATA / "lang" / lang / "countries.json"
        out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"{len(data['countries'])} names in {out}")


if __name__ == "__main__":
    main()
