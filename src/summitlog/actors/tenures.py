"""The tenure table: who held each country's office of head of state and of head of
government, from which day to which, read from a CSV in the columns of
../shared/data/leaders.csv (country_iso3, country, office, name, aliases, start, end, wikidata).

scripts/tenures.py writes the shipped data/tenures.json with it; a user's own table, passed as
the registry file, replaces the shipped one. A malformed row stops with one line naming the file,
the line and the problem, before anything is used.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from ..errors import SummitlogError

SINCE = "1990-01-01"
OFFICES = {"head_of_state": "state", "head_of_government": "government"}
COLUMNS = {"country_iso3", "country", "office", "name", "aliases", "start", "end", "wikidata"}
QID = re.compile(r"Q\d+")
ROMAN = re.compile(r"[IVXL]+")


def read_table(path: str | Path, iso2: dict[str, str], since: str = SINCE) -> dict:
    """{"countries": {code: name}, "tenures": [[code, office, name, aliases, start, end, qid]]}
    for tenures that had not ended before `since`; spells of one person in one office that
    overlap or touch become one."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = COLUMNS - set(reader.fieldnames or ())
            if missing:
                raise SummitlogError(f"{path}: not a tenure table (no column {', '.join(sorted(missing))})")
            rows = list(enumerate(reader, 2))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SummitlogError(f"{path}: cannot be read as a tenure table ({exc})") from None
    spells: dict[tuple, list] = {}
    countries: dict[str, str] = {}
    for line, row in rows:
        where = f"{path}:{line}"
        if row["office"] not in OFFICES:
            raise SummitlogError(f"{where}: office {row['office']!r} is neither head_of_state nor head_of_government")
        start, end = day(row["start"], where), day(row["end"], where)
        if start is None:
            raise SummitlogError(f"{where}: a tenure needs a start date")
        if end and end < start:
            raise SummitlogError(f"{where}: the tenure ends ({end}) before it starts ({start})")
        name, aliases = names(row)
        code = iso2.get((row["country_iso3"] or "").strip())
        if end and end < since or not name or code is None:
            continue  # long over, no usable name, or not a state the country list knows
        countries[code] = row["country"].strip()
        key = (row["wikidata"] or name, code, OFFICES[row["office"]])
        spells.setdefault(key, []).append([code, OFFICES[row["office"]], name, aliases, start, end,
                                           row["wikidata"].strip() or None])
    tenures = []
    for found in spells.values():
        found.sort(key=lambda r: r[4])
        for spell in found:
            last = tenures[-1] if tenures and tenures[-1][:3] == spell[:3] else None
            if last and (last[5] is None or last[5] >= spell[4]):
                last[5] = None if last[5] is None or spell[5] is None else max(last[5], spell[5])
            else:
                tenures.append(spell)
    return {"countries": dict(sorted(countries.items())), "tenures": sorted(tenures, key=lambda r: (r[0], r[1], r[4]))}


def day(value: str | None, where: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise SummitlogError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def usable(name: str) -> bool:
    """A name to look for in text: not a raw Wikidata id or link, and, when it is one word,
    one of five letters or more ("Suharto", not "Q444")."""
    return bool(name) and not QID.fullmatch(name) and "/" not in name and (len(name.split()) > 1 or len(name) >= 5)


def names(row: dict) -> tuple[str, list[str]]:
    """The name and aliases of a row. Wikidata's labels come in Portuguese first; for a monarch
    ("Margarida II da Dinamarca") the table appends the English regnal name last, which becomes
    the name. Unicode hyphens become plain ones, as pages write them."""
    def plain(text: str) -> str:
        return text.translate({0x2010: "-", 0x2011: "-"}).strip()

    written = [plain(a) for a in ((row["name"] or ""), *(row["aliases"] or "").split(";")) if usable(plain(a))]
    if not written:
        return "", []
    regnal = [a for a in written if any(ROMAN.fullmatch(w) for w in a.split())]
    name = regnal[-1] if len(regnal) > 1 and regnal[0] == written[0] else written[0]
    return name, [a for a in dict.fromkeys(written) if a != name]
