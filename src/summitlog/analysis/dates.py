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

from ..resources import load_lang


class Calendar:
    """How one language writes dates: its month and weekday names, relative day words and the
    dateparser language, from `data/lang/LANG/dates.json`; the patterns compiled once."""

    def __init__(self, lang: str) -> None:
        data = load_lang(lang, "dates.json")
        self.months = [re.compile(rf"(?:{m})\.?$", re.IGNORECASE) for m in data["months"]]
        self.month_words: list[str] = data["months"]  # a pattern of each month's names, January first
        self.month = "(?:" + "|".join(f"(?:{m})" for m in data["months"]) + r")\.?"
        self.ordinal = ordinal = data["ordinal"]
        self.date = re.compile(
            rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
            rf"|\d{{1,2}}{ordinal}\s+{self.month}(?:,?\s+\d{{4}})?"
            rf"|{self.month}\s+\d{{1,2}}{ordinal}(?:,?\s+\d{{4}})?"
            rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})\b",
            re.IGNORECASE,
        )
        self.weekdays: list[list[str]] = data["weekdays"]
        self.relative: dict[str, int] = data["relative"]
        self.possessive = data["possessive"]
        words = [*self.relative, *(w for forms in self.weekdays for w in forms)]
        self.relative_pattern = re.compile(r"\b(?:" + "|".join(words) + rf"){self.possessive}\b", re.IGNORECASE)
        self.parser_lang = data["dateparser"]

    def month_number(self, word: str) -> int | None:
        """1-12 for a month's name as written ("Sept.", "сентября"), else None."""
        return next((i + 1 for i, m in enumerate(self.months) if m.match(word.strip())), None)

    def weekday(self, word: str) -> int | None:
        """0 (Monday) to 6 for a weekday's name in any of its forms, else None."""
        word = word.lower()
        return next((i for i, forms in enumerate(self.weekdays) if word in forms), None)


@functools.cache
def calendar(lang: str = "en") -> Calendar:
    """The calendar of a language, made once per process."""
    return Calendar(lang)


ENGLISH = calendar("en")
MONTH = ENGLISH.month
DATE = ENGLISH.date
WEEKDAYS = tuple(forms[0] for forms in ENGLISH.weekdays)
YEAR = re.compile(r"\b\d{4}\b")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO date, or --MM-DD when no year can be known
    relative: bool = False


def parse_date(text: str, lang: str = "en") -> str | None:
    """ISO date of the first date in text; '--MM-DD' when it gives no year (never a guessed year)."""
    match = calendar(lang).date.search(text)
    return _absolute(match.group(0), lang) if match else None


@functools.lru_cache(maxsize=4096)  # dateparser takes a millisecond or two a date; pages repeat them
def _absolute(found: str, lang: str = "en") -> str | None:
    if ISO_DATE.fullmatch(found):
        return found if base_date(found) else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(found, languages=[calendar(lang).parser_lang], settings=settings)
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


def resolve_relative(word: str, base: date | None, lang: str = "en") -> str | None:
    """'yesterday', 'today', 'on Friday' against the publication date; None without one."""
    if base is None:
        return None
    days = calendar(lang)
    word = re.sub(days.possessive + "$", "", word.lower()) if days.possessive else word.lower()
    if word in days.relative:
        return (base - timedelta(days=days.relative[word])).isoformat()
    weekday = days.weekday(word)
    if weekday is None:
        return None
    back = (base.weekday() - weekday) % 7
    return (base - timedelta(days=back)).isoformat()


def find_dates(text: str, published: str | None = None, lang: str = "en") -> list[DateMention]:
    """Every date in text, resolved as far as the publication date allows."""
    base = base_date(published)
    days = calendar(lang)
    found = []
    for match in days.date.finditer(text):
        value = _absolute(match.group(0), lang)
        if value:
            found.append(DateMention(match.start(), match.end(), match.group(0), with_year(value, base)))
    for match in days.relative_pattern.finditer(text):
        if any(d.start <= match.start() < d.end for d in found):
            continue
        value = resolve_relative(match.group(0), base, lang)
        if value:
            found.append(DateMention(match.start(), match.end(), match.group(0), value, relative=True))
    return sorted(found, key=lambda d: d.start)
