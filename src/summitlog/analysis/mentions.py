"""Who a text mentions, where words may be someone's: names, descriptors, pronouns, organisations.

The NER's people are cleaned (a country, an office or a quotation mark run into a name is cut
off) and completed: a part of a name stands for the one person the text names with it, a family
name two people share for itself; a person the NER took for an organisation, or missed where only a
speaker can stand ("“...,” Gorvath urged"), is a name. Descriptors ("the Russian leader") and
pronouns are found here and resolved by the quote finder, which knows the discourse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..actors.registry import Registry
from ..actors.romanise import foreign
from ..resources import load_lang

NAME_PARTICLES = {
    "King", "Queen", "Crown", "Prince", "Sheikh", "Pope", "Sir", "Lord", "Jr.", "Al", "Emir", "Sultan",
}
ROMAN = re.compile(r"[IVX]+\.?")

@dataclass(frozen=True)
class Mention:
    """A person referred to in the text: by name, by a descriptor, or by a pronoun."""

    start: int
    end: int
    kind: str  # name | descriptor | pronoun | object | plural (they) | org (an organisation: speaks as itself)
    actor: str | None = None
    country: str | None = None  # the country a descriptor names; of an org, the state it is
    role: str | None = None
    gender: str | None = None


class Taken:
    """Spans of text (those given to a mention, a page's quotes), asked whether a span overlaps one
    or an offset stands in one:
    each ask looks only at the spans that start within the longest span's length before it, so
    a page of many mentions is read in time linear in them, not compared with every earlier one."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span taken shares a character with [start, end)."""
        lo = bisect.bisect_left(self.spans, (start - self.longest,))
        hi = bisect.bisect_left(self.spans, (end,))
        return any(start < e for _, e in self.spans[lo:hi])

    def holds(self, offset: int) -> bool:
        """Whether a span taken holds the character at `offset`."""
        lo = bisect.bisect_left(self.spans, (offset - self.longest,))
        hi = bisect.bisect_right(self.spans, (offset, float("inf")))
        return any(offset < e for _, e in self.spans[lo:hi])


class Mentions:
    """Finds the mentions of a text. Holds only read-only data."""

    def __init__(self, registry: Registry, lang: str = "en") -> None:
        self.registry = registry
        verbs = sorted(set(load_lang(lang, "cues.json")["verbs"]), key=len, reverse=True)
        said = "|".join(map(re.escape, verbs))
        name = r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}"
        self.framed = re.compile(rf"[”\"’],?\s+(?:(?P<a>{name})\s+(?:{said})\b|(?:{said})\s+(?P<b>{name})(?=[,.;]|$))")
        self.agencies = frozenset(load_lang(lang, "outlets.json")["agencies"])
        offices = sorted(load_lang(lang, "labels.json")["offices"], key=len, reverse=True)
        self.office = re.compile(r"(?:(?:" + "|".join(map(re.escape, offices)) + r")\s+)+(?=\S+\s+\S)")
        refs = load_lang(lang, "mentions.json")
        self.descriptor = re.compile(refs["descriptor"])
        self.roles = [(re.compile(pattern), role) for pattern, role in refs["roles"]]
        self.countries = sorted(refs["countries"].items(), key=lambda kv: len(kv[0]), reverse=True)
        self.genders: dict[str, str] = refs["pronouns"]
        self.subjects = frozenset(refs["subject_pronouns"])
        self.plurals = frozenset(refs["plural_pronouns"])
        self.source_before = tuple(refs["source_before"])
        joins = refs["polity_after_office"]  # "President of X": X is a polity, whatever the NER says
        self.polity = re.compile(r"(?:(?:" + "|".join(map(re.escape, offices)) + r")\s+(?:" + "|".join(map(re.escape, joins))
                                 + r")\s+)$") if joins else None
        pronouns = [*self.genders, *self.plurals]
        self.pronoun = re.compile(r"(?<!\w)(?:" + "|".join(
            f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(pronouns, key=len, reverse=True)) + r")(?!\w)")

    def find(self, text: str, persons: Sequence[tuple[int, int, str]],
                 orgs: Sequence[tuple[int, int]] = (),
                 names: Sequence[tuple[int, int, str]] | None = None,
                 states: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Every mention that may be a source: registry names (`names`, where the caller has
        found them), other PERSON entities, descriptors, pronouns, and organisations (which speak
        as themselves). A country is an organisation only in `states`, where it is the one who
        speaks ("South Korea accused ..."): named elsewhere, it is where something happens."""
        found: list[Mention] = []
        taken = Taken()
        alone: list[tuple[int, int, str]] = []
        for start, end, name in self.registry.find_names(text) if names is None else names:
            actor = self.registry.actors[name]
            found.append(Mention(start, end, "name", name, gender=actor.gender))
            taken.add(start, end)
        known_full: dict[str, str] = {}
        polities = self.polities(text, persons)
        for start, end, name in persons:
            if taken.overlaps(start, end):
                continue
            lead = len(name) - len(name.lstrip('"“”«»―—–- '))  # "”― Ann Lee": a mark or dash before a name
            start, name = start + lead, name[lead:]
            if any(mark in name for mark in '"“”«»'):
                continue  # the NER ran a name into a quotation
            glued = self.registry.leading_country(name)
            if glued:  # "President of Armenia Serzh Sargsyan": the NER ran the country into the name
                rest = name[glued:]
                start, name = start + glued + len(rest) - len(rest.lstrip()), rest.lstrip()
            if office := self.office.match(name):  # "Representative Charles B. Rangel": so did an office
                start, name = start + office.end(), name[office.end():]
            # "Ann Lee (Anna Li)": a name given again in another spelling, in brackets, is not part of it
            clean = " ".join(re.sub(r"['’]s$|\s*\([^()]*\)", "", name).split())
            parts = clean.split()
            if not parts or not parts[0][:1].isupper() or self.registry.place(clean) or clean in polities:
                continue  # "Azerbaijani authorities", "Abu Dhabi": the NER took a place for a person
            resolved = self.registry.resolve(clean) if len(parts) > 1 else None
            if resolved:
                found.append(Mention(start, end, "name", resolved))
            elif len(parts) > 1:
                clean = self.written(clean)
                known_full[clean.split()[-1]] = clean
                found.append(Mention(start, end, "name", clean))
            else:
                alone.append((start, end, clean))  # a surname: the full name if the text gives it (below)
                continue
            taken.add(start, end)
        for start, end in orgs:
            name = re.sub(r"['’]s$", "", text[start:end])
            if not taken.overlaps(start, end) and self.org_person(text, name, start, end):
                # "Dana Whitfield said": the NER took a person for an organisation
                found.append(Mention(start, start + len(name), "name", name))
                taken.add(start, end)
        short = self.short_names(found, known_full)
        for part, actor in short.items():
            # "Lee Jae-myung ... Mr Lee", "Hakainde Hichilema ... Hichilema said": a part of the
            # name of someone this text names in full is that person here (the NER does not
            # always see it as a person; it took "Hichilema" for an organisation).
            gender = self.registry.actors[actor].gender if actor in self.registry.actors else None
            # ... unless a capitalised word follows: "Vladimir" of one name is not "Vladimir Petrov".
            for match in re.finditer(rf"(?<![\w-]){re.escape(part)}(?![\w-])(?! [A-Z][a-z])", text):
                if not taken.overlaps(match.start(), match.end()):
                    found.append(Mention(match.start(), match.end(), "name", actor, gender=gender))
                    taken.add(match.start(), match.end())
        for start, end, name in alone:
            if not taken.overlaps(start, end):
                if foreign(name):  # "Громова": Gromov, whom the text may have named in full
                    name = short.get(self.written(name)) or short.get(self.written(name, True)) or self.written(name)
                found.append(Mention(start, end, "name", name))  # "Keller said", never named in full
                taken.add(start, end)
        for start, end in orgs:
            if not taken.overlaps(start, end) and not self.registry.country(text[start:end]):
                found.append(Mention(start, end, "org"))
                taken.add(start, end)
        for start, end, name in self.framed_names(text):
            if not taken.overlaps(start, end):
                # "“...,” Gorvath urged": a name the NER missed, where only a speaker can stand
                actor = short.get(name) or (self.registry.resolve(name) if " " in name else None) or name
                found.append(Mention(start, end, "name", actor))
                taken.add(start, end)
        for match in self.descriptor.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            groups = match.groupdict()
            word = groups.get("dem") or groups.get("inner") or groups.get("cty") or ""
            word = re.sub(r"['’]s$", "", word)
            country = self.country(word) if word else None
            if word and not country:
                continue  # "the Smolensk side" is not a country
            role = self.role(match.group("role"))
            found.append(Mention(match.start(), match.end(), "descriptor", country=country, role=role))
        described = Taken((m.start, m.end) for m in found if m.kind == "descriptor")
        for start, end in states:
            office = self.polity and self.polity.search(text, max(0, start - 40), start)  # "President of X said"
            if not taken.overlaps(start, end) and not described.overlaps(start, end) and not office:
                found.append(Mention(start, end, "org", country=self.registry.country(text[start:end])))
        for match in self.pronoun.finditer(text):
            if taken.holds(match.start()):
                continue
            word = match.group(0).lower()
            if word in self.plurals:
                found.append(Mention(match.start(), match.end(), "plural"))
                continue
            before = text[max(0, match.start() - 20):match.start()].lower()
            subject = word in self.subjects or before.endswith(self.source_before)
            kind = "pronoun" if subject else "object"
            found.append(Mention(match.start(), match.end(), kind, gender=self.genders[word]))
        return sorted(found, key=lambda m: m.start)

    def written(self, name: str, declined: bool = False) -> str:
        """How a person the registry lacks is named in the record: as the text writes them, or,
        for a name in Cyrillic, in the nominative and in Latin letters ("Бориса Громова" ->
        "Boris Gromov"), as the registry's names are."""
        if not foreign(name):
            return name
        romaniser = self.registry.romaniser
        first = name.split()[0]  # a given name read in another case: so is the surname ("Бориса Громова")
        declined = declined or " " in name and romaniser.nominative(first) != first
        return romaniser.latin(name, declined)

    def role(self, written: str) -> str:
        """The role a descriptor names ("глава государства" -> "head of state"); the role as
        written, lower-cased, where the language's data maps none."""
        written = " ".join(written.lower().split())
        return next((role for pattern, role in self.roles if pattern.search(written)), written)

    def polities(self, text: str, persons: Sequence[tuple[int, int, str]]) -> set[str]:
        """The names the NER took for people that the page gives an office of ("President of X"):
        a republic, an entity or a region the gazetteer lacks, on every line that names it."""
        if self.polity is None:
            return set()
        # two words at most: a longer span may be a polity the NER ran into a name ("X Y Anton Rassendyll")
        return {clean for start, _, name in persons if len((clean := " ".join(name.split())).split()) <= 2
                and self.polity.search(text, max(0, start - 40), start) and not self.registry.resolve(clean)}

    def country(self, word: str) -> str | None:
        """A country's code for its name or demonym as written: the registry's, else by the start
        of an inflected word ("Узбекистана", "российского")."""
        found = self.registry.country(word)
        if found or not self.countries:
            return found
        for part in word.split():  # "Республики Чад": the word that names a country
            lowered = part.lower()
            code = self.registry.country(part) or next((c for start, c in self.countries if lowered.startswith(start)), None)
            if code:
                return code
        return None

    def short_names(self, found: list[Mention], known_full: dict[str, str]) -> dict[str, str]:
        """Parts of the names of the people a text names, each for the one person it can mean
        there: "Lee" is Lee Jae-myung on a page about him, Lee Hsien Loong on another. A family
        name two people of the text share ("Halvorsen" of Anna and Tom Halvorsen) stands for itself."""
        people: dict[str, set[str]] = {}
        for actor in {m.actor for m in found if m.kind == "name" and m.actor}:
            for part in actor.split():
                if len(part) > 2 and part[0].isupper() and not (part in NAME_PARTICLES or ROMAN.fullmatch(part)):
                    people.setdefault(part, set()).add(actor)
        for surname, full in known_full.items():
            people.setdefault(surname, set()).add(full)
        out = {}
        for part, who in people.items():
            # "Chris Dale" and the heading the NER ran into it ("Chris Dale Visits Ohio"): one person
            who = {w for w in who if not any(o != w and w.startswith(o + " ") for o in who)}
            if len(who) == 1:
                out[part] = next(iter(who))
            elif all(w.split()[-1] == part for w in who):
                out[part] = part
        return out

    def framed_names(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of capitalised words that stand as the speaker of a quote that
        closes right before them ("“...,” Gorvath urged", "“...,” said Ann Lee."): a name,
        unless the text also writes them in lower case ("“...,” Officials said") or they are a
        place, an acronym or a news agency."""
        out = []
        lower: dict[str, bool] = {}  # whether the text writes a word in lower case: each word's search once

        def written_lower(word: str) -> bool:
            if word not in lower:
                lower[word] = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None
            return lower[word]

        for match in self.framed.finditer(text):
            start, end = match.span("a") if match.group("a") else match.span("b")
            name = text[start:end]
            if name.isupper() or name in self.agencies or self.pronoun.fullmatch(name) or self.registry.place(name) or any(
                    written_lower(w) for w in name.split()):
                continue
            out.append((start, end, name))
        return out

    def org_person(self, text: str, name: str, start: int, end: int) -> bool:
        """Whether an organisation the NER found is a person: two or three capitalised words, the
        first a given name, the last used alone elsewhere in the text ("Dana Whitfield ...
        Whitfield said"); a firm named after a person ("Morgan Stanley") keeps its whole name."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
            return False
        if self.registry.gender(name) is None:
            return False
        alone = rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])"
        return any(not start <= m.start() < end and not text.endswith(words[-2] + " ", 0, m.start())
                   for m in re.finditer(alone, text))
