"""The actor registry: people, their roles and countries, aliases and demonyms, shipped as data.

Names are matched on a folded copy of the text (accents removed, one character
for one character) so that offsets stay valid: "Erdoğan" and "Erdogan" match alike.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gender_guesser.detector import Detector
from rapidfuzz import fuzz, process
from retrie.trie import Trie

from ..errors import SummitlogError
from ..resources import load, load_lang
from .romanise import Romaniser, foreign
from .tenures import ROMAN, read_table

# The titles of leaders, and the office each is (head of state or of government), where it is
# one: the one list of role words that the registry, the office finder and the meeting finder
# read. A tenure of that office gives a registry title's days.
TITLES = {
    "president": "state", "king": "state", "queen": "state", "emir": "state", "amir": "state",
    "sultan": "state", "pope": "state", "supreme leader": "state", "head of state": "state",
    "prime minister": "government", "premier": "government", "chancellor": "government",
    "federal chancellor": "government", "taoiseach": "government", "chief adviser": "government",
    "head of government": "government",
    "general secretary": None, "military leader": None, "crown prince": None,
}
OFFICE_OF = {title: office for title, office in TITLES.items() if office}
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "sir": "m", "lady": "f", "lord": "m"}
GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}  # gender-guesser's answers
TITLE_OF = {"state": "head of state", "government": "head of government"}


class GivenNames(Detector):
    """gender-guesser's table, its file read at once: its own reader decodes the 48,000 lines
    one by one through `codecs`, which doubles the time the table takes to load."""

    def _parse(self, filename: str) -> None:
        self.names = {}
        with open(filename, encoding="utf-8") as table:
            for line in table.read().splitlines():
                self._eat_name_line(line.strip())


@dataclass(frozen=True)
class Role:
    """An office held from `start` to `end`: ISO days ("2008-05-07") or, where only the year is
    known, years ("2008"); `end` None while the office is held."""

    title: str
    country: str
    start: str | None
    end: str | None

    def held_in(self, when: int | str | None) -> bool:
        """Whether the office was held on a day ("2010-06-10"), or at some time in a year."""
        if when is None:
            return self.end is None
        when = str(when)
        low, high = (when + "-01-01", when + "-12-31") if len(when) == 4 else (when, when)
        start = self.start or "0000"
        end = self.end or "9999"
        return (start if len(start) > 4 else start + "-01-01") <= high and low <= (
            end if len(end) > 4 else end + "-12-31")


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    wikidata: str | None = None
    gender: str | None = "m"  # None where the source does not say (the tenure table)
    curated: bool = True  # False for a leader known only from the tenure table
    short: str | None = None  # the name people use, where it is not the last word ("Xi", "Lula")

    def countries(self) -> set[str]:
        return {r.country for r in self.roles}


PARTICLES = frozenset("van von der den de da das do dos di del della la le du ter".split())
LINEAGE = frozenset(("bin", "ibn", "bint"))
SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr"))
KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # a romanised Korean given name: "Jae-in"


def known_as(name: str) -> str:
    """The name people use for someone the registry gives no `short`, read from the shape of
    the name: the family name as its last word, or, where the last word is not one, a title
    with a single name ("King Salman"), a regnal number with the name before it ("Abdullah
    II"), a name of lineage up to the father's name ("Hamad bin Isa"), a family name with its
    particles ("von der Leyen"), a Korean family name before a hyphenated given name ("Lee")."""
    words = name.split()
    while len(words) > 2 and words[-1] in SUFFIXES:
        words = words[:-1]
    if len(words) < 2 or len(words) == 2 and words[0].lower() in TITLES:
        return " ".join(words)
    lineage = next((i for i, w in enumerate(words[1:-1], 1) if w.lower() in LINEAGE), None)
    if lineage is not None:
        return " ".join(words[:lineage + 2])
    if ROMAN.fullmatch(words[-1]):
        return " ".join(words[-2:])
    if len(words) == 2 and KOREAN_GIVEN.fullmatch(words[1]):
        return words[0]
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return " ".join(words[start:])


OPEN = "9999-12-31"  # the end of an office still held


def days(role: Role) -> tuple[str, str]:
    """A role's first and last days; a year alone stands for its first or last day."""
    start, end = role.start or "0000", role.end
    return (start + "-01-01" if len(start) == 4 else start,
            OPEN if end is None else end + "-12-31" if len(end) == 4 else end)


def year(value: int | str | None) -> str | None:
    return None if value is None else str(value)


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

    def __init__(self, data: dict, tenures: dict | None = None) -> None:
        self.countries: dict[str, dict] = data["countries"]
        self.role_words: dict[str, list[str]] = data.get("role_words", {})
        self.actors: dict[str, Actor] = {}
        for row in data["people"]:
            actor = Actor(
                name=row["name"],
                aliases=tuple(row.get("aliases", [])),
                roles=tuple(Role(r["title"], r["country"], year(r.get("from")), year(r.get("to")))
                            for r in row.get("roles", [])),
                wikidata=row.get("wikidata"),
                gender=row.get("gender", "m"),
                short=row.get("short"),
            )
            self.actors[actor.name] = actor
        self.holders: dict[tuple[str, str], list[tuple[Role, str]]] = {}
        if tenures:
            self.add_tenures(tenures)
        self.alias_to_name: dict[str, str] = {}
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                for variant in (alias, alias.upper(), alias.title()):
                    self.alias_to_name.setdefault(fold(variant), actor.name)
        self.fuzzy: dict[str, str] = {}  # lower-cased aliases, for close spellings
        for key, name in self.alias_to_name.items():
            self.fuzzy.setdefault(key.lower(), name)
        self.fuzzy_keys = list(self.fuzzy)
        self.resolved: dict[str, str | None] = {}  # names as written, read (`resolve`)
        trie = Trie()  # one branch per first letter: six times faster than a plain alternation
        trie.add(*self.alias_to_name)
        self.name_pattern = re.compile(r"(?<![\w-])(?:" + trie.pattern() + r")(?![\w-])")
        self.demonyms: dict[str, str] = {}
        for code, country in self.countries.items():
            for word in (country["name"], *country.get("demonyms", []), *country.get("aliases", [])):
                self.demonyms[fold(word).lower()] = code

    def add_tenures(self, tenures: dict) -> None:
        """Offices by day from the tenure table: an actor the registry knows (by Wikidata id, else
        by name) takes the table's days for the offices it has there, keeping the registry's
        title ("chancellor"); everyone else joins as a new actor with "head of state" or "head
        of government" roles."""
        by_id = {a.wikidata: a.name for a in self.actors.values() if a.wikidata}
        self.by_country: dict[str, list[Actor]] = {}  # the curated actors, for same_holder
        for actor in self.actors.values():
            for code in actor.countries():
                self.by_country.setdefault(code, []).append(actor)
        by_name = {fold(alias): a.name for a in self.actors.values() for alias in (a.name, *a.aliases)}
        for code, name in tenures["countries"].items():
            self.countries.setdefault(code, {"name": name})
        people: dict[str, tuple[str, list[str], list[tuple[str, str, str | None, str | None]]]] = {}
        for code, office, name, aliases, start, end, qid in tenures["tenures"]:
            known = by_id.get(qid)
            if known and not self.close_names(self.actors[known], (name, *aliases)):
                known = None  # an id entered by hand for someone else
            known = known or by_name.get(fold(name)) or self.same_holder(code, office, name, start, end)
            key = known or qid or name
            entry = people.setdefault(key, (known or name, [], []))
            entry[1].extend(a for a in (name, *aliases) if a not in entry[1])
            entry[2].append((code, office, start, end))
        for key, (name, aliases, spells) in people.items():
            actor = self.actors.get(name)
            if actor is None:
                actor = Actor(name, tuple(a for a in aliases if a != name), (), key if key.startswith("Q") else None,
                              gender=None, curated=False)
            covered = {(code, office) for code, office, _, _ in spells}
            titles = {(r.country, OFFICE_OF.get(r.title)): r.title for r in actor.roles}
            kept = [r for r in actor.roles if (r.country, OFFICE_OF.get(r.title)) not in covered]
            added = [(Role(titles.get((code, office), TITLE_OF[office]), code, start, end), office)
                     for code, office, start, end in spells]
            aliases = tuple(dict.fromkeys((*actor.aliases, *(a for a in aliases if a != actor.name))))
            actor = Actor(actor.name, aliases, tuple(kept + [r for r, _ in added]), actor.wikidata, actor.gender,
                          actor.curated, actor.short)
            self.actors[actor.name] = actor
            for role, office in added:
                self.holders.setdefault((role.country, office), []).append((role, actor.name))

    @staticmethod
    def close_names(actor: Actor, names: tuple[str, ...]) -> bool:
        return max(fuzz.token_set_ratio(fold(a).lower(), fold(b).lower())
                   for a in (actor.name, *actor.aliases) for b in names) >= 70

    def same_holder(self, country: str, office: str, name: str, start: str, end: str | None) -> str | None:
        """The registry's actor who held an office of the country at the same time under a close
        spelling of the name ("Mirziyayev", "Mirziyoyev"): the registry's and the table's ids may
        differ, and so may the office a president is filed under. Not a namesake: a different
        office needs the whole name close, and so does a regnal name ("Elizabeth II")."""
        span = Role("", country, start, end)
        whole = fold(name).lower()
        regnal = bool(ROMAN.fullmatch(name.split()[-1]))
        for actor in self.by_country.get(country, ()):
            for role in actor.roles:
                if role.country != country or not (span.held_in(role.start[:4] if role.start else None)
                                                   or role.held_in(start[:4])):
                    continue
                other = fold(actor.name).lower()
                close = fuzz.ratio(other, whole) >= 85
                if close and OFFICE_OF.get(role.title) == office or close and not regnal or not regnal and (
                        OFFICE_OF.get(role.title) == office and fuzz.ratio(other.split()[-1], whole.split()[-1]) >= 75):
                    return actor.name
        return None

    def holder(self, country: str, office: str, when: int | str | None) -> list[str]:
        """Who held a country's office ("state" or "government") on a day or in a year; with no
        date, who holds it now. Where the table has several on one day (co-princes, a
        governor-general beside the monarch, an end date missing), the one who held it in more
        countries (the monarch), then the one who took it last; a tie is nobody."""
        held = [(role, name) for role, name in self.holders.get((country, office), []) if role.held_in(when)]
        if (when is None or len(str(when)) > 4) and len(held) > 1:
            reach = {name: len(self.actors[name].countries()) for _, name in held}
            best = max(held, key=lambda h: (reach[h[1]], h[0].start or ""))
            rivals = [h for h in held if reach[h[1]] == reach[best[1]] and h[0].start == best[0].start]
            return [best[1]] if len(rivals) == 1 else []
        return list(dict.fromkeys(name for _, name in held))

    def year_together(self, names: Sequence[str]) -> int | None:
        """The one calendar year in which all the named (two or more) held office at once, if only
        one: a page that states no year is still dated by who could meet in office (a premier in
        office for a year meets a president newly elected). None where their times together span
        years, are still open, or someone is not known."""
        spans: list[tuple[str, str]] | None = None
        for name in names:
            actor = self.actors.get(name)
            if actor is None or not actor.roles:
                return None
            held = [days(r) for r in actor.roles]
            spans = held if spans is None else [(max(a[0], b[0]), min(a[1], b[1])) for a in spans for b in held
                                                if max(a[0], b[0]) <= min(a[1], b[1])]
        years = {day[:4] for span in spans or [] for day in span}  # a span's first and last years
        return int(years.pop()) if len(names) > 1 and len(years) == 1 and OPEN[:4] not in years else None

    def parties(self, names: Sequence[str], when: int | str | None) -> tuple[str, ...]:
        """The countries (by name) that the named leaders led on a day or in a year, one each,
        in their order: those a meeting between them is between. An office the registry names
        ("president") goes before one the tenure table lists only as "head of state" (a French
        president is also a co-prince of Andorra)."""
        codes: list[str] = []
        for name in names:
            actor = self.actors.get(name)
            if actor is None:
                continue
            roles = sorted(actor.roles, key=lambda r: r.title in ("head of state", "head of government"))
            led = [r.country for r in roles if r.held_in(when)] or [r.country for r in roles]
            if led and led[0] not in codes:
                codes.append(led[0])
        return tuple(self.countries[c]["name"] for c in codes if c in self.countries)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> "Registry":
        """The shipped registry, extended by a user file of the same shape (people and countries),
        or with a user's tenure table (a .csv in the columns of leaders.csv) in place of the
        shipped one."""
        data = json.loads(json.dumps(load("registry.json")))
        tenures = load("tenures.json")
        if extra and str(extra).lower().endswith(".csv"):
            return cls(data, read_table(extra, tenures["iso3"]))
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
        return cls(data, tenures)

    def find_names(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every registry name in text."""
        folded = fold(text)
        return [(m.start(), m.end(), self.alias_to_name[m.group(0)]) for m in self.name_pattern.finditer(folded)]

    @functools.cached_property
    def romaniser(self) -> Romaniser:
        """Reads Cyrillic names back into Latin letters; made on the first Cyrillic name."""
        return Romaniser()

    @functools.cached_property
    def sounds(self) -> dict[str, str]:
        """Every name and alias by its sound key (`Romaniser.sound`), for transliterated names."""
        keys: dict[str, str] = {}
        for alias, name in self.fuzzy.items():
            keys.setdefault(self.romaniser.sound(alias), name)
        return keys

    @functools.cached_property
    def surnames(self) -> dict[str, set[str]]:
        """The people of each surname's sound key (the last word of each name of two or more)."""
        people: dict[str, set[str]] = {}
        for alias, name in self.fuzzy.items():
            words = self.romaniser.sound(alias).split()
            if len(words) > 1:
                people.setdefault(words[-1], set()).add(name)
        return people

    RESOLVED = 100_000  # names as written whose reading is kept; past it, they are read anew

    def resolve(self, name: str) -> str | None:
        """The canonical name for a name as written, exactly or by a close transliteration. A
        close spelling of a leader known only from the tenure table keeps the page's spelling
        (see `spelled`). A Cyrillic name is read in the nominative and in Latin letters first
        ("Путиным" -> "Putin"), then matched as written or by its sound ("Вульф" -> "Wulff").
        Each name as written is read once: pages name the same people again and again, and a
        name with no exact match is compared with every alias."""
        if name not in self.resolved:
            if len(self.resolved) >= self.RESOLVED:
                self.resolved.clear()
            self.resolved[name] = self.read_name(name)
        return self.resolved[name]

    def read_name(self, name: str) -> str | None:
        """`resolve`, uncached."""
        if foreign(name):
            found = self.resolve_latin(self.romaniser.latin(name)) or self.resolve_latin(
                self.romaniser.latin(name, declined=True))
            if found:
                return found
            chinese = self.romaniser.chinese(name)  # read as syllables only when no other reading is known
            return self.alias_to_name.get(fold(chinese)) if chinese else None
        key = fold(" ".join(name.split()))
        if key in self.alias_to_name:
            return self.alias_to_name[key]
        parts = key.split()
        if parts and parts[-1] in self.alias_to_name and len(parts[-1]) > 3:
            return self.spelled(self.alias_to_name[parts[-1]], name)
        hit = process.extractOne(key.lower(), self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=88)
        return self.spelled(self.fuzzy[hit[0]], name) if hit else None

    def resolve_latin(self, name: str) -> str | None:
        """The canonical name for a transliterated name: as written, by its surname, or by the
        sound of the whole name or of its surname."""
        key = fold(name)
        if key in self.alias_to_name:
            return self.alias_to_name[key]
        parts = key.split()
        if parts and parts[-1] in self.alias_to_name and len(parts[-1]) > 3:
            return self.alias_to_name[parts[-1]]
        sound = self.romaniser.sound(key)
        if sound in self.sounds:
            return self.sounds[sound]
        words = sound.split()
        surname = words[-1] if words else ""
        if len(surname) > 3 and surname in self.sounds:
            return self.sounds[surname]
        bearers = self.surnames.get(surname, set())
        if len(words) == 2 and len(words[0]) == 1:  # an initial: "I. Karimov"
            bearers = {n for n in bearers if self.romaniser.sound(fold(n))[:1] == words[0]}
        if len(bearers) == 1 and len(surname) > 3:
            return next(iter(bearers))
        hit = process.extractOne(sound, list(self.sounds), scorer=fuzz.ratio, score_cutoff=88)
        return self.sounds[hit[0]] if hit else None

    def spelled(self, canonical: str, written: str) -> str:
        """The name to report for `written`, a close but inexact spelling of `canonical`: the
        canonical name for a curated actor; for one known only from the tenure table, whose
        labels are often Portuguese transliterations ("Atambaiev"), the page's own full name."""
        actor = self.actors.get(canonical)
        if actor is None or actor.curated or len(written.split()) < 2:
            return canonical
        return " ".join(written.split())

    def leading_country(self, name: str) -> int:
        """The length of a country's name (or demonym) that opens `name` before two or more words
        of a person's name ("Armenia Serzh Sargsyan", "Russian Vladimir Putin"); 0 when none does."""
        words = name.split()
        for size in range(min(4, len(words) - 2), 0, -1):
            if self.country(" ".join(words[:size])):
                head = re.match(r"\s*" + r"\s+".join(map(re.escape, words[:size])), name)
                return head.end() if head else 0
        return 0

    @functools.cached_property
    def cities(self) -> frozenset[str]:
        """The folded names and aliases of the shipped cities and venues (GeoNames' large cities and
        the hand-kept gazetteer), for telling a place from a person."""
        names = set()
        for data in (load("cities.json"), load("gazetteer.json")):
            for city, row in data["cities"].items():
                names.update(fold(n).lower() for n in (city, *row.get("aliases", [])))
            names.update(fold(row["name"]).lower() for row in data.get("venues", []))
        return frozenset(names)

    @functools.cached_property
    def given_names(self) -> Detector:
        """The first-name table of gender-guesser (about 40,000 names of many countries), read
        the first time a person the registry does not know needs a pronoun."""
        return GivenNames(case_sensitive=False)

    def gender(self, name: str) -> str | None:
        """'m', 'f', or None where neither the registry nor the person's given name says: a
        registry actor's own, else what an honorific ("Ms") or the first name tells."""
        actor = self.actors.get(name)
        if actor is not None:
            return actor.gender
        words = [w.strip(".,") for w in name.split()]
        honorific = HONORIFICS.get(words[0].lower()) if words else None
        if honorific or len(words) < 2:
            return honorific
        return GENDERS.get(self.given_names.get_gender(words[0]))

    def place(self, name: str) -> bool:
        """Whether a name is a country, a demonym or a known city or venue: never a speaker. A
        Cyrillic name is read in Latin letters first ("Белой Рощей" -> "Belaya Roshcha")."""
        if foreign(name):
            name = self.romaniser.latin(name)
        return bool(self.country(name)) or fold(" ".join(name.split())).lower() in self.cities

    def short_name(self, name: str) -> str:
        """The name people use for a person, as a label beside another's ("Xi – Putin"): the
        registry's `short`, else read from the name's shape (`known_as`)."""
        actor = self.actors.get(name)
        return actor.short if actor and actor.short else known_as(name)

    def country(self, word: str) -> str | None:
        """Country code for a country name, alias or demonym ("Belarusian" -> "BY"); a name written
        in Cyrillic, in any case, through its dictionary form ("России" -> "RU")."""
        if foreign(word):
            return self.cyrillic_countries.get(" ".join(self.romaniser.lemma(w) for w in word.split()))
        return self.demonyms.get(fold(word).lower().strip())

    @functools.cached_property
    def cyrillic_countries(self) -> dict[str, str]:
        """Countries' Russian names, in the nominative, to their codes (CLDR, data/lang/ru/countries.json)."""
        return load_lang("ru", "countries.json")["countries"]
