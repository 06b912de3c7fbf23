"""Series: the figures of one subject in one unit across Events, in time order.

Figures are grouped by the key of what they measure: its content words, singular and
lower-case, with every country, however it is written ("Russian", "Russia's", "Russia"),
named by its code. "Trade between Russia and Belarus" and "Russian-Belarusian trade" share
a key; "growth of trade" does not share it with "trade", nor dollars with percent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .store import when_key


STOP = {
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "with", "by", "from", "between", "its",
    "their", "his", "her", "this", "that", "these", "those", "our", "is", "was", "as", "per", "two", "both",
}


@dataclass(frozen=True)
class Series:
    """One subject in one unit: its figures in time order, each with its source."""

    subject: str  # the spelling most of its figures use
    unit: str
    key: tuple[str, ...]
    figures: list[dict[str, Any]] = field(default_factory=list)


def key(about: str | None, country: Callable[[str], str | None] = lambda _: None) -> tuple[str, ...]:
    """The words that name a subject, sorted: countries by code, other words singular."""
    words = set()
    for word in re.findall(r"[^\W\d_]+(?:['’]s)?", (about or "").lower()):
        word = re.sub(r"['’]s$", "", word)
        if word in STOP:
            continue
        code = country(word)
        words.add(code if code else singular(word))
    return tuple(sorted(words))


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def group(rows: Iterable[dict[str, Any]], country: Callable[[str], str | None] = lambda _: None,
          subject: str | None = None, unit: str | None = None) -> list[Series]:
    """The series among figures (rows of `Store.figures`): those with a subject, not calendar
    years; with `subject`, those whose key holds all its words; with `unit`, in that unit.
    The largest series come first."""
    wanted = set(key(subject, country)) if subject else set()
    groups: dict[tuple[tuple[str, ...], str], list[dict[str, Any]]] = {}
    for row in rows:
        words = key(row.get("about"), country)
        if not words or row["unit"] == "year" or not wanted <= set(words):
            continue
        if unit and row["unit"].lower() != unit.lower():
            continue
        groups.setdefault((words, row["unit"]), []).append(row)
    out = []
    for (words, unit_), members in groups.items():
        members.sort(key=lambda r: (when_key(r.get("meeting_date") or r.get("published")), r["doc_id"], r["start"]))
        spellings = [r["about"] for r in members]
        out.append(Series(max(set(spellings), key=spellings.count), unit_, words, members))
    return sorted(out, key=lambda s: (-len(s.figures), s.subject, s.unit))
