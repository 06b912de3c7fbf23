"""Offices named in text ("President of Uzbekistan", "the Uzbek President Islam Karimov",
"Canada's prime minister"), each resolved to who held it on the page's date.

The holder comes from the tenure table, so the same words name Islam Karimov on a page of 2010
and Shavkat Mirziyoyev on one of 2019. A name written after the office picks among the holders
(both offices: a president may be filed as head of government) or, when the table has nobody
of that name then, stands as written.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from retrie.trie import Trie

from ..actors.registry import OFFICE_OF, Registry, fold
from ..actors.romanise import foreign
from ..resources import load_lang

TITLE = "|".join(sorted((t.replace(" ", r"\s+") for t in OFFICE_OF), key=len, reverse=True))
NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s(?:[A-Z][\w'’.-]+|bin|ibn|al|el|de|da|van|von|der)){0,4})"
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der"}
WORD = re.compile(r"(?<![\w-])[^\W\d_][\w-]*(?<!-)")


@dataclass(frozen=True)
class Office:
    start: int
    end: int
    name: str
    written: bool  # the text gives the holder's name after the office


class OfficeFinder:
    """Finds office mentions; built once per registry (the country names make one pattern)."""

    def __init__(self, registry: Registry, lang: str = "en") -> None:
        self.registry = registry
        data = load_lang(lang, "offices.json")
        self.declined = data["declined"]
        if self.declined:  # a title in any case, then a country's name in the genitive
            self.titles = {" ".join(k.split()): v for k, v in data["titles"].items()}
            stems = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(self.titles, key=len, reverse=True))
            self.declined_title = re.compile(rf"(?<![\w-])(?P<stem>{stems})\w{{0,{data['ending']}}}(?![\w-])",
                                             re.IGNORECASE)
            self.not_holders = frozenset(data["not_holder"])
            self.countries: dict[str, str] = load_lang(lang, "countries.json")["countries"]
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
        if self.declined:
            return self.find_declined(text, when, named)
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

    def find_declined(self, text: str, when: str | None, named: frozenset[str]) -> list[Office]:
        """Offices in a language that declines them: a title ("президентом"), then up to four
        capitalised words holding a country's name in some case ("Федеративной Республики
        Германия"), then perhaps the holder's name ("Иваном Петровым")."""
        found: list[Office] = []
        for title in self.declined_title.finditer(text):
            before = text[max(0, title.start() - 20):title.start()].split()
            if before and before[-1].lower().strip(",.") in self.not_holders:
                continue
            words = self.words_after(text, title.end(), 7)
            place = self.country_in(words[:4])
            if place is None:
                continue
            code, country_end = place
            name_words = words[country_end:country_end + 3]
            name = " ".join(w.group(0) for w in name_words) or None
            office = OFFICE_OF.get(self.titles[" ".join(title.group("stem").lower().split())])
            holder = self.holder(code, office, name, when, named) if office else None
            if holder is None and name:  # the words after the country were not a holder's name
                name_words, holder = [], self.holder(code, office, None, when, named)
            if holder:
                end = (name_words or words[:country_end])[-1].end()
                found.append(Office(title.start(), end, holder, bool(name_words)))
        return found

    @staticmethod
    def words_after(text: str, at: int, count: int) -> list[re.Match]:
        """The capitalised words that follow `at` one space apart, up to `count`."""
        words: list[re.Match] = []
        for word in WORD.finditer(text, at):
            if text[at:word.start()] != " " or not word.group(0)[0].isupper() or len(words) == count:
                break
            words.append(word)
            at = word.end()
        return words

    def country_in(self, words: list[re.Match]) -> tuple[str, int] | None:
        """The country the first of `words` that name one name (two words, else one, in any case),
        and how many of `words` it takes."""
        for i in range(len(words)):
            for size in (2, 1):
                if i + size <= len(words) and (code := self.country_of([w.group(0) for w in words[i:i + size]])):
                    return code, i + size
        return None

    def country_of(self, words: list[str]) -> str | None:
        """The code of the country a run of words in some case names."""
        if not all(foreign(w) for w in words):
            return self.registry.country(" ".join(words))
        forms = [self.registry.romaniser.nominatives(w) for w in words]
        for combination in itertools.product(*forms):
            code = self.countries.get(" ".join(combination).lower())
            if code:
                return code
        return None

    def country(self, word: str) -> str | None:
        """The code of the country a word names, in any case the language writes it in."""
        return self.country_of([word]) if self.declined else self.registry.country(word)

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
