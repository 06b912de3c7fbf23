"""The actor registry: people, their roles and countries, aliases and demonyms, shipped as data.

Names are matched on a folded copy of the text (accents removed, one character
for one character) so that offsets stay valid: "Erdoğan" and "Erdogan" match alike.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from retrie.trie import Trie

from .errors import SummitlogError
from .resources import load


@dataclass(frozen=True)
class Role:
    title: str
    country: str
    start: int | None
    end: int | None

    def held_in(self, year: int | None) -> bool:
        if year is None:
            return self.end is None
        return (self.start or 0) <= year <= (self.end or 9999)


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    wikidata: str | None = None
    gender: str = "m"

    def countries(self) -> set[str]:
        return {r.country for r in self.roles}

    def has_role(self, country: str | None, words: set[str] | None, year: int | None,
                 role_words: dict[str, list[str]]) -> bool:
        """Whether the actor held a role matching a country and role words ("leader", "president")."""
        for role in self.roles:
            if country and role.country != country:
                continue
            if year is not None and not role.held_in(year) and not role.held_in(None):
                continue
            if words and not words & set(role_words.get(role.title, [role.title])) | {role.title}:
                continue
            return True
        return False


def fold(text: str) -> str:
    """Accents removed character by character, so the result has the same length as the input."""
    if text.isascii():
        return text
    return "".join(map(fold_char, text))


@functools.cache
def fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)
    return base[0] if base and not unicodedata.combining(base[0]) else ch


class Registry:
    """Actors and countries, with a name matcher built once."""

    def __init__(self, data: dict) -> None:
        self.countries: dict[str, dict] = data["countries"]
        self.role_words: dict[str, list[str]] = data.get("role_words", {})
        self.actors: dict[str, Actor] = {}
        for row in data["people"]:
            actor = Actor(
                name=row["name"],
                aliases=tuple(row.get("aliases", [])),
                roles=tuple(Role(r["title"], r["country"], r.get("from"), r.get("to")) for r in row.get("roles", [])),
                wikidata=row.get("wikidata"),
                gender=row.get("gender", "m"),
            )
            self.actors[actor.name] = actor
        self.alias_to_name: dict[str, str] = {}
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                for variant in (alias, alias.upper(), alias.title()):
                    self.alias_to_name.setdefault(fold(variant), actor.name)
        trie = Trie()  # one branch per first letter: six times faster than a plain alternation
        trie.add(*self.alias_to_name)
        self.name_pattern = re.compile(r"(?<![\w-])(?:" + trie.pattern() + r")(?![\w-])")
        self.demonyms: dict[str, str] = {}
        for code, country in self.countries.items():
            for word in (country["name"], *country.get("demonyms", []), *country.get("aliases", [])):
                self.demonyms[fold(word).lower()] = code

    @classmethod
    def load(cls, extra: str | Path | None = None) -> "Registry":
        """The shipped registry, extended by a user file of the same shape (people and countries)."""
        data = json.loads(json.dumps(load("registry.json")))
        if extra:
            try:
                more = json.loads(Path(extra).read_text("utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise SummitlogError(f"{extra}: cannot be read as a registry file ({exc})") from None
            if not isinstance(more, dict):
                raise SummitlogError(f"{extra}: a registry file is a JSON object with 'people'")
            data["countries"].update(more.get("countries", {}))
            known = {p["name"]: i for i, p in enumerate(data["people"])}
            for person in more.get("people", []):
                if not isinstance(person, dict) or "name" not in person:
                    raise SummitlogError(f"{extra}: every person needs a 'name'")
                if person["name"] in known:
                    data["people"][known[person["name"]]] = person
                else:
                    data["people"].append(person)
        return cls(data)

    def find_names(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every registry name in text."""
        folded = fold(text)
        return [(m.start(), m.end(), self.alias_to_name[m.group(0)]) for m in self.name_pattern.finditer(folded)]

    def resolve(self, name: str) -> str | None:
        """The canonical name for a name as written, exactly or by a close transliteration."""
        key = fold(" ".join(name.split()))
        if key in self.alias_to_name:
            return self.alias_to_name[key]
        parts = key.split()
        if parts and parts[-1] in self.alias_to_name and len(parts[-1]) > 3:
            return self.alias_to_name[parts[-1]]
        hit = process.extractOne(key, list(self.alias_to_name), scorer=fuzz.ratio, score_cutoff=88)
        return self.alias_to_name[hit[0]] if hit else None

    def country(self, word: str) -> str | None:
        """Country code for a country name, alias or demonym ("Belarusian" -> "BY")."""
        return self.demonyms.get(fold(word).lower().strip())
