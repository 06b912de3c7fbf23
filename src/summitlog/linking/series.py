"""Series: the figures of one subject in one unit across Events, in time order.

Figures are grouped by the key of what they measure: its content words, singular and
lower-case, without frame words ("volume", "worth of"), with every country, however it
is written ("Russian", "Russia's", "Russia"), named by its code. A subject that names no
country takes the countries of the meeting's participants: "trade" said at a Russia-Belarus
meeting and "Russian-Belarusian trade turnover" are one series, Russia-China trade another;
"growth of trade" is not "trade", nor are dollars percent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors.registry import Registry
from ..actors.romanise import foreign
from ..resources import load_lang

STOP = {
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "with", "by", "from", "between", "its",
    "their", "his", "her", "this", "that", "these", "those", "our", "is", "was", "as", "per", "two", "both",
}
# Words that frame a quantity without naming it: "trade volume", "worth of trade" are trade.
FRAME = {"volume", "turnover", "worth", "value", "amount", "level", "total", "size", "figure"}


@dataclass(frozen=True)
class Series:
    """One subject in one unit: its figures in time order, each with its source."""

    subject: str  # the spelling most of its figures use, with the countries it is about
    unit: str
    key: tuple[str, ...]
    figures: list[dict[str, Any]] = field(default_factory=list)


def key(about: str | None, registry: Registry | None = None, pair: str | None = None) -> tuple[str, ...]:
    """The words that name a subject, sorted: countries by code, other words singular. Where
    the subject names no country, the countries of `pair` (the meeting's participants, as the
    store keeps them: "A | B") are added."""
    words, countries = set(), set()
    for word in re.findall(r"[^\W\d_]+(?:['’]s)?", (about or "").lower()):
        word = re.sub(r"['’]s$", "", word)
        if word in STOP:
            continue
        code = registry.country(word) if registry else None
        if code:
            countries.add(code)
        elif registry and foreign(word):  # a Russian subject: its words in English, as an English page keys it
            lemma, russian = registry.romaniser.lemma(word), load_lang("ru", "series.json")
            if lemma not in russian["stop"]:
                words.update(russian["words"].get(lemma, [lemma]))
        else:
            words.add(singular(word))
    words = (words - FRAME) or words
    if not words:
        return ()
    if not countries and pair and registry:
        for name in pair.split(" | "):
            actor = registry.actors.get(name)
            countries |= set(actor.countries()) if actor else set()
    return tuple(sorted(words)) + tuple(sorted(countries))


def when_key(value: str | None) -> tuple[int, str]:
    """Dated figures in time order, then those of a month-day of unknown year, then undated."""
    if not value:
        return (2, "")
    return (1, value) if value.startswith("--") else (0, value)


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def group(rows: Iterable[dict[str, Any]], registry: Registry | None = None, subject: str | None = None,
          unit: str | None = None) -> list[Series]:
    """The series among figures (rows of `Store.figures`): those with a subject, not calendar
    years; with `subject`, those whose key holds all its words; with `unit`, in that unit.
    The largest series come first."""
    wanted = set(key(subject, registry)) if subject else set()
    groups: dict[tuple[tuple[str, ...], str], list[dict[str, Any]]] = {}
    for row in rows:
        words = key(row.get("about"), registry, row.get("pair_key"))
        if not words or row["unit"] == "year" or not wanted <= set(words):
            continue
        if unit and row["unit"].lower() != unit.lower():
            continue
        groups.setdefault((words, row["unit"]), []).append(row)
    out = []
    for (words, unit_), members in groups.items():
        members.sort(key=lambda r: (when_key(r.get("meeting_date") or r.get("published")), r["doc_id"], r["start"]))
        spellings = [r["about"] for r in members]
        out.append(Series(label(max(sorted(set(spellings)), key=spellings.count), words, registry), unit_, words,
                          members))
    return sorted(out, key=lambda s: (-len(s.figures), s.subject, s.unit))


def of(store: Any, registry: Registry | None = None, subject: str | None = None,
       unit: str | None = None) -> list[Series]:
    """The series of a store (`Store` or its PostgreSQL twin): what the CLI, the API and the
    figures page show."""
    return group(store.figures(unit=unit, limit=1_000_000), registry, subject, unit)


def label(spelling: str, words: tuple[str, ...], registry: Registry | None) -> str:
    """The subject as most sources spell it, with the countries its key adds ("trade, Belarus–Russia")."""
    codes = [w for w in words if registry and w in registry.countries]
    named = {registry.country(w) for w in re.findall(r"[^\W\d_]+", spelling.lower())} if registry else set()
    added = [registry.countries[c]["name"] for c in codes if c not in named]
    return f"{spelling}, {'–'.join(added)}" if added else spelling
