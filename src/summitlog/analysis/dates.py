"""Dates as pages write them: absolute, month-day without a year, or relative to publication.

A date whose year cannot be known is kept as "--MM-DD" (ISO 8601's form for a
month and day), never completed with a guessed year.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
ORD = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}{ORD}\s+{MONTH}(?:,?\s+\d{{4}})?"
    rf"|{MONTH}\s+\d{{1,2}}{ORD}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})\b",
    re.IGNORECASE,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = re.compile(r"\b(?:yesterday|today|" + "|".join(WEEKDAYS) + r")(?:['’]s)?\b", re.IGNORECASE)
YEAR = re.compile(r"\b\d{4}\b")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO date, or --MM-DD when no year can be known
    relative: bool = False


def parse_date(text: str) -> str | None:
    """ISO date of the first date in text; '--MM-DD' when it gives no year (never a guessed year)."""
    match = DATE.search(text)
    return _absolute(match.group(0)) if match else None


@functools.lru_cache(maxsize=4096)  # dateparser takes a millisecond or two a date; pages repeat them
def _absolute(found: str) -> str | None:
    if ISO_DATE.fullmatch(found):
        return found if base_date(found) else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(found, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return parsed.date().isoformat() if YEAR.search(found) else parsed.strftime("--%m-%d")


def base_date(published: str | None) -> date | None:
    """The publication date as a date, when it has a year."""
    if published and ISO_DATE.fullmatch(published):
        try:
            return date.fromisoformat(published)
        except ValueError:  # "2023-02-29": no such day
            return None
    return None


def with_year(month_day: str, base: date | None) -> str:
    """Complete '--MM-DD' with the publication year when the page is dated: the latest such day
    not more than a week after publication (a report is written after, or just before, the event)."""
    if base is None or not month_day.startswith("--"):
        return month_day
    month, day = int(month_day[2:4]), int(month_day[5:7])
    for year in (base.year + 1, base.year, base.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= base + timedelta(days=7):
            return candidate.isoformat()
    return month_day


def resolve_relative(word: str, base: date | None) -> str | None:
    """'yesterday', 'today', 'on Friday' against the publication date; None without one."""
    if base is None:
        return None
    word = re.sub(r"['’]s$", "", word.lower())
    if word == "today":
        return base.isoformat()
    if word == "yesterday":
        return (base - timedelta(days=1)).isoformat()
    back = (base.weekday() - WEEKDAYS.index(word)) % 7
    return (base - timedelta(days=back)).isoformat()


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Every date in text, resolved as far as the publication date allows."""
    base = base_date(published)
    found = []
    for match in DATE.finditer(text):
        value = _absolute(match.group(0))
        if value:
            found.append(DateMention(match.start(), match.end(), match.group(0), with_year(value, base)))
    for match in RELATIVE.finditer(text):
        if any(d.start <= match.start() < d.end for d in found):
            continue
        value = resolve_relative(match.group(0), base)
        if value:
            found.append(DateMention(match.start(), match.end(), match.group(0), value, relative=True))
    return sorted(found, key=lambda d: d.start)
