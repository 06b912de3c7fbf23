"""Whose place a city named in a text is: the meeting's, or another event's.

A report names many cities: where the leaders met, but also where a congress was held last
month, where a guest is invited next year, where a blast happened, what a speaker remembers.
These rules read the clause around a place (the words of places.json) and the meeting's date,
so that only a place the text gives to this meeting is taken for it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrie.trie import Trie

from ..actors.registry import fold
from ..actors.romanise import Romaniser, foreign
from ..resources import load, load_lang
from .dates import DateMention, calendar


def any_of(words: Sequence[str], tail: str = r"\b") -> re.Pattern:
    """One pattern for a list of words or phrases of the data, longest first, as whole words."""
    alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation}){tail}", re.IGNORECASE)


class Words:
    """The words of one language that place an event in time or in a clause (data/lang/LANG/places.json)."""

    def __init__(self, lang: str) -> None:
        words = load_lang(lang, "places.json")
        self.calendar = calendar(lang)
        self.shift = any_of(words["shift"]["words"])
        self.events = any_of(words["events"]["words"])
        self.at_event = any_of(words["events"]["at"])
        self.name = any_of(words["names"]["words"])
        self.later = any_of(words["times"]["words"])
        self.here_near = any_of(words["here"]["near"])
        self.here_before = any_of(words["here"]["before"], r"\s+(?:the\s+)?$")
        self.here_opening = any_of(words["here"]["opening"], r"\s+(?:the\s+)?$")  # as a sentence's first words
        # "in March", "this January", "last October", "in 1943" just after a place
        self.time_after = re.compile(rf"\W*(?P<word>{'|'.join(words['after']['words'])})\s+"
                                     rf"(?:(?P<month>{self.calendar.month})|(?P<year>(?:19|20)\d\d))\b", re.IGNORECASE)
        self.other_time = {w.lower() for w in words["after"]["other"]}
        self.relative_clause = re.compile(rf"\s*(?:{'|'.join(words['relative']['words'])})\b")


@functools.cache
def words(lang: str = "en") -> Words:
    """The place words of a language, compiled once per process."""
    return Words(lang)


DAY_MONTH = re.compile(r"(?:\d{4}|-)-(\d\d)")  # the month of "2024-06-16", "--06-16", "2024-06"
CLAUSE_END = ".;:!?()[]\n—–"


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    name: str
    city: str | None
    region: str | None
    country: str | None
    venue: bool


Entry = tuple[str, str | None, str | None, str | None, bool]  # name, city, region, country, venue
WORD = re.compile(r"(?<![\w-])[^\W\d_][\w-]*(?<!-)")


class Gazetteer:
    """Cities and venues, shipped as data: the world's capitals and large cities (cities.json,
    from GeoNames), under the hand-kept gazetteer.json, whose names and aliases win. A language
    that declines place names ("в Ташкенте") is read through a `romaniser`: each capitalised
    word's nominatives are looked up among the language's own names of the cities (GeoNames'
    alternate names, data/lang/LANG/cities.json, and its gazetteer.json), then in Latin letters,
    as written or by their sound, among the shipped names."""

    def __init__(self, *layers: dict, own: dict | None = None, romaniser: Romaniser | None = None) -> None:
        self.entries: dict[str, Entry] = {}
        for data in layers:
            for city, row in data["cities"].items():
                for name in (city, *row.get("aliases", [])):
                    self.entries[fold(name).lower()] = (city, city, None, row.get("country"), False)
            for row in data.get("venues", []):
                self.entries[fold(row["name"]).lower()] = (
                    row["name"], row.get("city"), row.get("region"), row.get("country"), True)
        trie = Trie()  # longest name first at each position, as an alternation sorted by length
        trie.add(*self.entries)
        self.pattern = re.compile(r"(?<![\w-])(?:" + trie.pattern() + r")(?![\w-])", re.IGNORECASE)
        self.romaniser = romaniser
        self.own = {name: self.entries[fold(english).lower()] for name, english in (own or {}).items()
                    if fold(english).lower() in self.entries}
        self.sounds = {romaniser.sound(key): entry for key, entry in self.entries.items()} if romaniser else {}

    @classmethod
    def load(cls, lang: str = "en", romaniser: Romaniser | None = None) -> "Gazetteer":
        own = load_lang(lang, "gazetteer.json")
        names = {**(load_lang(lang, "cities.json")["cities"] if own["geonames"] else {}), **own["names"]}
        return cls(load("cities.json"), load("gazetteer.json"), own=names,
                   romaniser=romaniser if own["declined"] else None)

    def find(self, text: str, persons: Sequence[tuple[int, int, str]] = ()) -> list[Place]:
        """The places named in text; a declined word inside one of `persons` (the page's people,
        "Кан" of a Mr Kan) is not one."""
        found = []
        for match in self.pattern.finditer(fold(text)):
            if not text[match.start()].isupper():
                continue  # "nice", "bali" in lower case are words, not places
            name, city, region, country, venue = self.entries[match.group(0).lower()]
            found.append(Place(match.start(), match.end(), name, city, region, country, venue))
        if self.romaniser is not None:
            found += self.declined(text, {p.start for p in found}, persons)
        return sorted(found, key=lambda p: p.start)

    def declined(self, text: str, taken: set[int], persons: Sequence[tuple[int, int, str]]) -> list[Place]:
        """Places named in a declined form ("в Ташкенте", "в Ново-Огарёве", "в Константиновском
        дворце"): a capitalised word and the next, else the word alone."""
        found: list[Place] = []
        words = [m for m in WORD.finditer(text) if foreign(m.group(0))]
        for i, word in enumerate(words):
            if (word.start() in taken or not word.group(0)[0].isupper() or found and word.start() < found[-1].end
                    or any(s <= word.start() < e for s, e, _ in persons)):
                continue
            runs = [[word]]
            if i + 1 < len(words) and text[word.end():words[i + 1].start()] == " ":
                runs.insert(0, [word, words[i + 1]])
            for run in runs:
                entry = self.entry([w.group(0) for w in run])
                if entry:
                    found.append(Place(run[0].start(), run[-1].end(), *entry))
                    break
        return found

    def entry(self, words: list[str]) -> Entry | None:
        """The place a run of declined words names, if it is a known one."""
        assert self.romaniser is not None
        forms = [self.romaniser.nominatives(w) for w in words]
        for combination in itertools.product(*forms):
            name = " ".join(combination)
            if name.lower() in self.own:
                return self.own[name.lower()]
            latin = fold(self.romaniser.scheme.translate(name)).lower()
            found = self.entries.get(latin) or self.sounds.get(self.romaniser.sound(latin))
            if found:
                return found
        return None


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


def elsewhere(text: str, start: int, end: int, day: str | None, dates: Sequence[DateMention], lang: str = "en") -> bool:
    """Whether the text gives the place named at text[start:end] to another event than the
    meeting of date `day`: one of another time ("the recent summit in X", "his upcoming visit to
    X", "the summit in X last year", "held in X on <another day>"), a memory ("I recall your
    visit to X"), an event of another kind ("the congress held in X", "the agreements reached in
    X"; not where the meeting is at it: "on the sidelines of the forum in X"), or a name ("the
    X process"). `dates` are the page's dates, `lang` the language whose words are read."""
    w = words(lang)
    if text.startswith(" ", end) and w.name.match(text, end + 1):
        return True
    clause, after = clause_start(text, start), clause_end(text, end)
    if w.shift.search(text, clause, start) or w.later.search(text, end, after):
        return True
    # the noun a "which ..." clause is about stands before its comma
    scope = clause_start(text, clause - 1) if w.relative_clause.match(text, clause, start) else clause
    events = list(w.events.finditer(text, scope, start))
    if events and not w.at_event.search(text, scope, events[-1].start()):
        return True
    when = w.time_after.match(text, end, after)
    if when and when.group("word").lower() in w.other_time:
        return True
    if not day:
        return False  # the meeting's own day may be the one the text gives
    if any(clause <= d.start < after and not same_day(d.value, day) for d in dates):
        return True
    if not when:
        return False
    if when.group("year"):
        return day[:4].isdigit() and not day.startswith(when.group("year"))
    month = DAY_MONTH.match(day)
    return bool(month) and int(month.group(1)) != w.calendar.month_number(when.group("month"))


def same_day(value: str, day: str) -> bool:
    """Whether two dates, either perhaps without its year ("--06-16"), are the same day."""
    return value == day or (value.startswith("--") or day.startswith("--")) and value[-5:] == day[-5:]


def spoken_here(text: str, start: int, lang: str = "en") -> bool:
    """Whether a speaker names the place at `start` as where they are speaking ("welcome to X",
    "here in X", "glad to be in X", "thank you for coming to X", a sentence opening "This week,
    in X"), not as something they talk about."""
    before = text[clause_start(text, start, commas=False):start]
    w = words(lang)
    return bool(w.here_before.search(before) or w.here_near.search(" ".join(before.split()[-6:]))
                or w.here_opening.match(before.lstrip()))
