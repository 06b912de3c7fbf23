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

from ..actors.registry import OFFICE_OF, Registry, fold

TITLE = "|".join(sorted((t.replace(" ", r"\s+") for t in OFFICE_OF), key=len, reverse=True))
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
        self.title = re.compile(rf"\b(?:{TITLE})\b", re.IGNORECASE)
        self.not_holder = re.compile(r"\b(?:vice|deputy|former|ex|late|then)[ -]$", re.IGNORECASE)
        # "President of Uzbekistan [Islam Karimov]", matched where a title starts
        self.of_country = re.compile(rf"(?i:(?P<title>{TITLE})\s+of\s+(?:the\s+)?(?P<country>{names.pattern()}))"
                                     rf"(?![\w-])(?:\s{NAME})?")
        # "Uzbek President [Islam Karimov]": the country just before a title, then a name after it
        self.country_before = re.compile(rf"(?i:(?<![\w-])(?P<country>{adjectives.pattern()})(?:['’]s)?\s+)$")
        self.name_after = re.compile(rf"\s{NAME}")

    def find(self, text: str, when: str | None, named: frozenset[str] = frozenset()) -> list[Office]:
        """Office mentions and their holders on `when` (a day or a year). An office given without
        a name is the person of `named` (those the text names) who held it then, else its only
        holder then; on an undated page, only someone named."""
        folded = fold(text)
        found: list[Office] = []
        for title in self.title.finditer(folded):
            if self.not_holder.search(folded, max(0, title.start() - 7), title.start()):
                continue  # "Vice President of China", "the former President"
            match = self.of_country.match(folded, title.start())
            if match:
                start, country, title_end = match.start(), match.group("country"), match.end("country")
                name_match = match if match.group("name") else None
            else:
                before = self.country_before.search(folded, max(0, title.start() - 45), title.start())
                if not before:
                    continue
                start, country, title_end = before.start(), before.group("country"), title.end()
                name_match = self.name_after.match(folded, title.end())
            if not text[start].isupper() or any(o.start < title_end and start < o.end for o in found):
                continue  # "the chinese" in lower case is not a country
            name, name_end = self.name(name_match, text)
            code = self.registry.country(country)
            office = OFFICE_OF[" ".join(title.group(0).lower().split())]
            holder = self.holder(code, office, name, when, named) if code else None
            if holder:
                found.append(Office(start, name_end or title_end, holder, bool(name)))
        return sorted(found, key=lambda o: o.start)

    @staticmethod
    def name(match: re.Match | None, text: str) -> tuple[str | None, int | None]:
        """The name after the office and where it ends, without a sentence's full stop or
        trailing particles."""
        if match is None or not match.group("name"):
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
