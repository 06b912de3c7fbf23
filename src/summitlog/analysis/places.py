"""Whose place a city named in a text is: the meeting's, or another event's.

A report names many cities: where the leaders met, but also where a congress was held last
month, where a guest is invited next year, where a blast happened, what a speaker remembers.
These rules read the clause around a place (the words of places.json) and the meeting's date,
so that only a place the text gives to this meeting is taken for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resources import load
from .dates import MONTH, DateMention


def any_of(words: Sequence[str], tail: str = r"\b") -> re.Pattern:
    """One pattern for a list of words or phrases of the data, longest first, as whole words."""
    alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation}){tail}", re.IGNORECASE)


WORDS = load("places.json")
SHIFT = any_of(WORDS["shift"]["words"])
EVENTS = any_of(WORDS["events"]["words"])
AT_EVENT = any_of(WORDS["events"]["at"])
NAME = any_of(WORDS["names"]["words"])
LATER = any_of(WORDS["times"]["words"])
HERE_NEAR = any_of(WORDS["here"]["near"])
HERE_BEFORE = any_of(WORDS["here"]["before"], r"\s+(?:the\s+)?$")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "in March", "this January", "last October", "in 1943" just after a place
TIME_AFTER = re.compile(rf"\W*(?P<word>in|this|last|next|early|late)\s+(?:(?P<month>{MONTH})|(?P<year>(?:19|20)\d\d))\b",
                        re.IGNORECASE)
DAY_MONTH = re.compile(r"(?:\d{4}|-)-(\d\d)")  # the month of "2024-06-16", "--06-16", "2024-06"
RELATIVE_CLAUSE = re.compile(r"\s*(?:which|that|where)\b")
CLAUSE_END = ".;:!?()[]\n—–"


def clause_start(text: str, at: int, commas: bool = True) -> int:
    """Where the clause that holds `at` starts: after the last stop, bracket or dash (and comma,
    unless `commas` is false) at most 120 characters before it."""
    start = max(0, at - 120)
    stops = CLAUSE_END + ("," if commas else "")
    return max([start] + [i + 1 for i in range(start, at) if text[i] in stops])


def clause_end(text: str, at: int) -> int:
    """Where the clause that goes on from `at` ends: at the next stop or comma, at most 60
    characters on."""
    end = min(len(text), at + 60)
    return next((i for i in range(at, end) if text[i] in CLAUSE_END + ","), end)


def elsewhere(text: str, start: int, end: int, day: str | None, dates: Sequence[DateMention]) -> bool:
    """Whether the text gives the place named at text[start:end] to another event than the
    meeting of date `day`: one of another time ("the recent summit in X", "his upcoming visit to
    X", "the summit in X last year", "held in X on <another day>"), a memory ("I recall your
    visit to X"), an event of another kind ("the congress held in X", "the agreements reached in
    X"; not where the meeting is at it: "on the sidelines of the forum in X"), or a name ("the
    X process"). `dates` are the page's dates."""
    if text.startswith(" ", end) and NAME.match(text, end + 1):
        return True
    clause, after = clause_start(text, start), clause_end(text, end)
    if SHIFT.search(text, clause, start) or LATER.search(text, end, after):
        return True
    # the noun a "which ..." clause is about stands before its comma
    scope = clause_start(text, clause - 1) if RELATIVE_CLAUSE.match(text, clause, start) else clause
    events = list(EVENTS.finditer(text, scope, start))
    if events and not AT_EVENT.search(text, scope, events[-1].start()):
        return True
    when = TIME_AFTER.match(text, end, after)
    if when and when.group("word").lower() in ("last", "next"):
        return True
    if not day:
        return False  # the meeting's own day may be the one the text gives
    if any(clause <= d.start < after and not d.relative and not same_day(d.value, day) for d in dates):
        return True
    if not when:
        return False
    if when.group("year"):
        return day[:4].isdigit() and not day.startswith(when.group("year"))
    month = DAY_MONTH.match(day)
    return bool(month) and int(month.group(1)) != MONTHS.index(when.group("month")[:3].lower()) + 1


def same_day(value: str, day: str) -> bool:
    """Whether two dates, either perhaps without its year ("--06-16"), are the same day."""
    return value == day or (value.startswith("--") or day.startswith("--")) and value[-5:] == day[-5:]


def spoken_here(text: str, start: int) -> bool:
    """Whether a speaker names the place at `start` as where they are speaking ("welcome to X",
    "here in X", "glad to be in X", "thank you for coming to X"), not as something they talk
    about."""
    before = text[clause_start(text, start, commas=False):start]
    return bool(HERE_BEFORE.search(before) or HERE_NEAR.search(" ".join(before.split()[-6:])))
