"""Topics of statements and paragraphs, from a documented taxonomy shipped as data.

Method: cue words and phrases per topic (data/lang/<lang>/topics.json: one taxonomy, each
language's words for it), matched as whole
words, plus "relations with third countries and blocs" for any country other
than the meeting's own. Multi-label: a text gets every topic with a cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..actors.registry import Registry
from ..resources import load_lang

THIRD = "relations with third countries and blocs"


def cue_pattern(cues: Iterable[str]) -> re.Pattern:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        word = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(word + (r"\w*" if cue.endswith("*") else ""))
    # Cues written with capitals (acronyms, names) match only as written.
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


class Topics:
    """Assigns topics; holds the compiled taxonomy."""

    def __init__(self, registry: Registry, data: dict | None = None, lang: str = "en") -> None:
        self.lang = lang  # the language whose words it reads
        data = data or load_lang(lang, "topics.json")
        self.names = list(data["topics"])
        self.min_hits = data.get("min_hits", 1)
        self.lower: dict[str, re.Pattern] = {}
        self.exact: dict[str, re.Pattern] = {}
        for name, cues in data["topics"].items():
            lower = [c for c in cues if c == c.lower()]
            exact = [c for c in cues if c != c.lower()]
            self.lower[name] = cue_pattern(lower) if lower else re.compile(r"(?!)")
            self.exact[name] = cue_pattern(exact) if exact else re.compile(r"(?!)")
        self.registry = registry

    def assign(self, text: str, own_countries: Iterable[str] = ()) -> tuple[str, ...]:
        """The topics of a text, in taxonomy order; own_countries are the meeting's (ISO codes)."""
        low = text.lower()
        found = []
        for name in self.names:
            hits = len(self.lower[name].findall(low)) + len(self.exact[name].findall(text))
            if name == THIRD:
                hits += self.third_countries(text, set(own_countries))
            if hits >= self.min_hits:
                found.append(name)
        return tuple(found)

    def third_countries(self, text: str, own: set[str]) -> int:
        """Countries, and leaders of countries, other than the meeting's own."""
        if not own:
            return 0
        count = sum(1 for _, _, name in self.registry.find_names(text)
                    if not self.registry.actors[name].countries() & own)
        for match in re.finditer(r"\b[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", text):
            code = self.registry.country(match.group(0)) or self.registry.country(match.group(0).split()[0])
            if code and code not in own:
                count += 1
        return count
