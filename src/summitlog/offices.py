"""Offices named in text ("President of Uzbekistan", "the Uzbek President Islam Karimov",
"Canada's prime minister"), each resolved to who held it on the page's date.

The holder comes from the tenure table, so the same words name Islam Karimov on a page of 2010
and Shavkat Mirziyoyev on one of 2019. A name written after the office picks among the holders
(both offices: a president may be filed as head of government) or, when the table has nobody
of that name then, stands as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from retrie.trie import Trie

from .registry import Registry, fold

OFFICES = {
    "president": "state", "king": "state", "queen": "state", "emir": "state", "amir": "state",
    "sultan": "state", "head of state": "state", "prime minister": "government", "premier": "government",
    "chancellor": "government", "federal chancellor": "government", "head of government": "government",
}
TITLE = "|".join(sorted((t.replace(" ", r"\s+") for t in OFFICES), key=len, reverse=True))
NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s(?:[A-Z][\w'’.-]+|bin|ibn|al|el|de|da|van|von|der)){0,4})"
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der"}


@dataclass(frozen=True)
class Office:
    start: int
    end: int
    name: str
    written: bool  # the text gives the holder's name after the office


class OfficeFinder:
    """Finds office mentions; built once per registry (the country names make one pattern)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        names, adjectives = Trie(), Trie()
        for country in registry.countries.values():
            for word in (country["name"], *country.get("aliases", [])):
                names.add(fold(word).lower())
                adjectives.add(fold(word).lower())
            adjectives.add(*(fold(w).lower() for w in country.get("demonyms", [])))
        not_holder = r"(?<!vice )(?<!vice-)(?<!deputy )(?<!former )(?<!ex-)(?<!late )(?<!then-)(?<!then )"
        self.patterns = [  # "President of Uzbekistan [Islam Karimov]"; "Uzbek President [Islam Karimov]"
            re.compile(rf"(?i:{not_holder}\b(?P<title>{TITLE})\s+of\s+(?:the\s+)?(?P<country>{names.pattern()}))"
                       rf"(?![\w-])(?:\s{NAME})?"),
            re.compile(rf"(?i:{not_holder}(?<![\w-])(?P<country>{adjectives.pattern()})(?:['’]s)?\s+(?P<title>{TITLE}))"
                       rf"\b(?:\s{NAME})?"),
        ]

    def find(self, text: str, when: str | None, named: frozenset[str] = frozenset()) -> list[Office]:
        """Office mentions and their holders on `when` (a day or a year). An office given without
        a name is the person of `named` (those the text names) who held it then, else its only
        holder then; on an undated page, only someone named."""
        folded = fold(text)
        found: list[Office] = []
        for pattern in self.patterns:
            for match in pattern.finditer(folded):
                if not text[match.start("country")].isupper() or any(
                        o.start < match.end() and match.start() < o.end for o in found):
                    continue  # "the chinese" in lower case is not a country
                name, name_end = self.name(match, text)
                code = self.registry.country(match.group("country"))
                office = OFFICES[" ".join(match.group("title").lower().split())]
                holder = self.holder(code, office, name, when, named) if code else None
                if holder:
                    end = name_end or match.end("title" if pattern is self.patterns[1] else "country")
                    found.append(Office(match.start(), end, holder, bool(name)))
        return sorted(found, key=lambda o: o.start)

    @staticmethod
    def name(match: re.Match, text: str) -> tuple[str | None, int | None]:
        """The name after the office and where it ends, without a sentence's full stop or
        trailing particles."""
        if not match.group("name"):
            return None, None
        words = list(re.finditer(r"\S+", text[match.start("name"):match.end("name")]))
        while words and words[-1].group(0).lower() in NAME_PARTICLES:
            words.pop()
        if not words:
            return None, None
        end = match.start("name") + words[-1].end()
        if text[end - 1] == "." and len(words[-1].group(0)) > 2:
            end -= 1
        return " ".join(text[match.start("name"):end].split()), end

    def holder(self, country: str, office: str, name: str | None, when: str | None,
               named: frozenset[str] = frozenset()) -> str | None:
        if name is None:
            held = self.registry.holder(country, office, when)
            ever = {n for role, n in self.registry.holders.get((country, office), [])
                    if when is None or role.held_in(when)}
            mentioned = ever & named
            if len(mentioned) == 1:
                return mentioned.pop()
            return held[0] if len(held) == 1 and when is not None and not mentioned else None
        holders = list(dict.fromkeys(self.registry.holder(country, office, when)
                                     + self.registry.holder(country, "state" if office == "government"
                                                            else "government", when)))
        known = self.registry.resolve(name)
        if known in holders:
            return known
        words = {w for w in fold(name).lower().replace("-", " ").split() if len(w) > 2}
        for holder in holders:
            actor = self.registry.actors[holder]
            theirs = {w for alias in (holder, *actor.aliases) for w in fold(alias).lower().replace("-", " ").split()
                      if len(w) > 2}
            if any(fuzz.ratio(a, b) >= 85 for a in words for b in theirs):
                return self.registry.spelled(holder, name)
        if known:
            return known
        return name if 1 < len(name.split()) <= 3 else None
