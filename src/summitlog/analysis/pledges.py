"""Pledges: a named party's commitment to a future action that can later be checked.

What counts (../shared/gold/PLEDGES.md): a promise, an agreement, a plan or a target of a named
actor; not a hope, a prediction, a willingness, a condition, an exhortation or a stance. Two
shapes carry nearly all of them, and both are read from the words of a language's
`data/lang/LANG/pledges.json` (compiled in pledgewords.py):

- a commitment word and its action: "agreed to reopen the consulates", "vowed to pursue
  closer ties", "an agreement to cut tariffs", "set targets for exports";
- a named subject, a future marker and an action verb: "Japan and Korea will expand the
  programme", "I am going to call them", and in reported speech "he said Russia would pay".

The subject decides: "trade will grow" has no party that must act, so it is a prediction.
A hope, a belief or a condition before the subject ("I trust we shall", "if they open their
market, we will") and a hedge inside the clause ("could", "ready to") leave it out, as does a
future verb that commits to nothing checkable ("will be", "will never", "will discuss").

The span is the shortest stretch that holds the action: the subject or the commitment word,
then the verb and its object up to the clause's end, so that a list of objects stays whole and
a following clause ("..., which", "... while") does not join it. Each action is a record: "agreed
to cut tariffs and ensure supplies" is two, and so is the other half of a bargain ("in exchange
for Beijing cracking down on X"). The actor is the party that must act: the person named, the
country a "we" or a capital stands for, both parties for "the two sides", inside a joint deal the
party whose own action it names ("a deal on China's supply of"); the speaker, who states the
pledge, is kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..actors.registry import Registry
from ..records import Pledge, Quote
from ..resources import load_lang
from .page import Page
from .pledgewords import alternation, grammar, later, past, resolve_deadline

__all__ = ["PledgeFinder", "resolve_deadline"]

SPEECH_MARKS = "\"“”«»"
ATTRIBUTION = 200  # characters after a pronoun within which a quote's attribution names the person it stands for


@dataclass(frozen=True)
class Found:
    """A pledge before its actor is named: where the subject was looked for, and the span."""

    start: int
    end: int
    subject: tuple[int, int] | None  # the words before the cue where the acting party is named
    action: int | None = None  # where the action's verb starts, after which another may be joined


class PledgeFinder:
    """The pledges of one page, read from its sentences, names and quotes."""

    def __init__(self, registry: Registry, lang: str = "en") -> None:
        self.registry = registry
        self.lang = lang  # the language whose words it reads
        self.g = g = grammar(lang)
        countries: dict[str, str] = {}
        for code, c in registry.countries.items():  # names, aliases, and "US", "U.S." beside them
            for word in (c["name"], *c.get("aliases", []), *(d for d in c.get("demonyms", [])
                                                             if re.fullmatch(r"[A-Z.]{2,}", d))):
                countries.setdefault(word, code)
        countries.update({k: v for k, v in g.words["metonyms"].items() if v in registry.countries})
        self.places = countries
        self.demonym_country = {d: code for code, c in registry.countries.items() for d in c.get("demonyms", [])}
        # a language whose pages write countries in its own words names them in the nominative
        # (lower-cased) in a data file, and gives the starts of their inflected demonyms ("российск")
        listed = g.words["country_names"]
        self.nominative: dict[str, str] = {k: v for k, v in (load_lang(lang, listed)["countries"] if listed else {}).items()
                                           if v in registry.countries}
        self.stems = {k: v for k, v in load_lang(lang, "mentions.json")["countries"].items() if v in registry.countries}
        stems, sides = alternation(list(self.stems)), alternation(g.words["demonym_nouns"])
        self.country_words = re.compile(
            rf"(?<![\w-])(?:(?:{g.article}) )?(?:(?:{alternation(list(countries))})|(?:{alternation(list(self.demonym_country))}) "
            rf"(?:{sides})|(?i:{stems})\w*\s+(?:{sides})|(?={g.upper})(?i:{alternation(list(self.nominative))}))(?![\w-])")

    def find(self, page: Page, quotes: Sequence[Quote], participants: Sequence[str], when: str | None) -> list[Pledge]:
        """Pledges of a page; `when` is the meeting's ISO date (or its year), for resolving
        deadlines and telling later events from past ones."""
        text, names = page.text, page.names
        found: list[Pledge] = []
        for start, end in page.sentences:
            sentence = text[start:end]
            if sentence.rstrip().rstrip(SPEECH_MARKS).endswith("?"):
                continue
            for item in self.candidates(text, start, end, when):
                quote = next((q for q in quotes if q.start <= item.start < q.end), None)
                actors = self.actors(text, item, start, quote, names, participants)
                if not actors:
                    continue
                speaker = quote.speaker if quote else self.reporter(text, start, item.start, names)
                for lo, hi in self.actions(text, item, page.tags):
                    deadline_text, deadline = self.deadline(text, lo, hi, end, when)
                    span = text[lo:hi]
                    found.append(Pledge(start=lo, end=hi, text=span, actors=tuple(actors), deadline_text=deadline_text,
                                        deadline=deadline, object=self.g.object_of(span), speaker=speaker))
        return distinct(found)

    def actions(self, text: str, item: Found, tags: Callable[[int], str | None]) -> list[tuple[int, int]]:
        """The distinct actions of one commitment, each a record of the same party: "agreed to cut
        tariffs and ensure supplies" is two; a list of objects ("on energy, health and transport")
        is one. A verb is told from a noun by its part of speech and its form (not "and signed"); two
        verbs of one object ("to promote and encourage trade") and a verb with no object of its own
        ("and work together") stay one action."""
        after = item.action
        if after is None:
            return [(item.start, item.end)]
        cuts = []
        for c in self.g.coordinated.finditer(text, after + 1, item.end):
            last = re.search(r"[\w’'-]+$", text[after:c.start()])
            if (tags(c.end()) == "VERB" and not (last and tags(after + last.start()) == "VERB")
                    and self.g.acting(text, c.end(), item.end)):
                cuts.append(c)
        return list(zip([item.start, *(c.end() for c in cuts)], [*(c.start() for c in cuts), item.end]))

    # -- where a commitment is ------------------------------------------------------------------

    def candidates(self, text: str, start: int, end: int, when: str | None = None) -> list[Found]:
        """Every commitment in one sentence, in order, none inside another."""
        sentence = text[start:end]
        out = []
        for pattern in (self.g.commit, self.g.object, self.g.commit_noun, self.g.target):
            for m in pattern.finditer(sentence):
                cue = start + m.start()
                close = self.g.clause_end(text, start + m.end(), end)
                lead = " ".join(sentence[:m.start()].split()[-3:])
                if close <= cue or self.g.hedged(f"{lead} {text[cue:close]}") or self.g.framed(sentence[:m.start()]):
                    continue
                bare = pattern is self.g.commit and (not self.g.acting(text, start + m.end(), end)
                                                     or self.g.empty_verb.match(text, start + m.end()))
                if self.g.negation.search(lead) or bare:
                    continue
                out.append(Found(cue, close, (start, cue), start + m.end()))
        for m in self.g.visit.finditer(sentence):  # "X's visit to Y on 3 May": a later event, decided
            cue, close = start + m.start(), self.g.clause_end(text, start + m.end(), end)
            dated = [d for d in self.g.deadline.finditer(text, cue, close) if re.search(self.g.month, d.group(0))
                     and not self.g.gone(text, d) and later(self.g.resolve_deadline(d.group(0), when), when)]
            if dated and self.g.ahead.search(sentence) and not self.g.framed(sentence[:m.start()]):
                out.append(Found(cue, close, (cue, start + m.end("who")) if m.group("who") else (start, cue)))
        for m in self.g.in_return.finditer(sentence):
            out += self.given(text, start + m.end(), end)
        for m in self.g.future.finditer(sentence):
            found = self.future(text, start, end, start + m.start(), start + m.end())
            if found:
                out.append(found)
        out.sort(key=lambda f: (f.start, -f.end))
        kept: list[Found] = []
        for f in out:
            if kept and f.start < kept[-1].end:
                continue
            kept.append(f)
        return kept

    def future(self, text: str, start: int, end: int, marker: int, after: int) -> Found | None:
        """'<subject> will <act>': kept when a party is the subject, the verb commits to something,
        and no hope, belief or condition frames it; 'would' only in reported speech."""
        verb = after + len(text[after:after + 9]) - len(text[after:after + 9].lstrip())
        if self.g.not_action.match(text, after) or not self.g.verb.match(text, verb) or not self.g.acting(text, verb, end):
            return None
        subject = self.subject(text, start, marker)
        if subject is None:
            return None
        before = text[start:subject]
        if self.g.framed(before) or (self.g.reported.search(text, marker, after) and not self.g.reporting.search(before)):
            return None
        close = self.g.clause_end(text, after, end)
        if self.g.hedged(text[subject:close]):
            return None
        return Found(subject, close, (subject, marker), verb)

    def given(self, text: str, at: int, end: int) -> list[Found]:
        """What the other party gives for a commitment ("in exchange for Beijing cracking down on X,
        resuming Y and keeping Z"): each participle is a commitment of the party named before the
        first, so that the party bound by the bargain acts, not the one who announced it."""
        verb = self.g.gerund.search(text, at, min(end, at + 60))
        named = text[at:verb.start()].rstrip() if verb else ""
        if not named or self.party_at_end(named) != 0:
            return []
        pieces, begin, act = [], at, verb.start()
        while True:  # each participle's clause up to the next participle, within the words' limit
            close = self.g.clause_end(text, act, end)
            cut = self.g.next_gerund.search(text, act + 1, close)
            pieces.append((begin, act, cut.start() if cut else close))
            if cut is None:
                break
            begin = act = cut.end()
        return [Found(s, e, (at, at + len(named))) for s, act, e in pieces
                if not self.g.hedged(text[s:e]) and self.g.acting(text, act, e)]

    def subject(self, text: str, start: int, marker: int) -> int | None:
        """The start of the party named just before a future marker: a name, a country, a
        capital, a pronoun or both parties, alone or joined ("Japan and Korea"); else None."""
        window = text[max(start, marker - 90):marker]
        at = len(window)
        begin = None
        while True:
            head = window[:at].rstrip()
            hit = self.party_at_end(head)
            if hit is None:
                break
            begin, at = hit, hit
            joint = self.g.joint.search(window[:at])
            if not joint:
                break
            at = joint.start()
        return None if begin is None else marker - len(window) + begin

    def party_at_end(self, head: str) -> int | None:
        """Where a party's name ends the text, if one does."""
        pronoun = self.g.subject.search(head)
        if pronoun:
            return pronoun.start()
        group = [m for m in self.g.groups.finditer(head) if m.end() == len(head) and m.group(0) not in self.g.they]
        if group:
            return group[0].start()
        country = [m for m in self.country_words.finditer(head) if m.end() == len(head) and not self.g.declined(m.group(0))]
        if country:
            return country[0].start()
        name = list(self.registry.name_pattern.finditer(head[-60:]))
        if name and name[-1].end() == len(head[-60:]):
            return len(head) - 60 + name[-1].start() if len(head) > 60 else name[-1].start()
        return None

    # -- who must act, who says so --------------------------------------------------------------

    def actors(self, text: str, item: Found, sentence_start: int, quote: Quote | None,
               names: list[tuple[int, int, str]], participants: Sequence[str]) -> list[str]:
        """The party that must act, read from the subject words: a person, a country, both parties."""
        found = self.committed(text, item, sentence_start, quote, names, participants)
        if len(found) > 1:  # a joint agreement where one party's own action is named: that party acts
            owner = self.g.owned.search(text, item.start, item.end)
            one = self.party(owner.group("owner"), owner.start("owner"), quote, names, participants,
                             sentence_start) if owner else []
            return one if len(one) == 1 else found
        return found

    def committed(self, text: str, item: Found, sentence_start: int, quote: Quote | None,
                  names: list[tuple[int, int, str]], participants: Sequence[str]) -> list[str]:
        """The party the words before a commitment name as committing."""
        lo, hi = item.subject if item.subject else (item.start, item.start)
        words = text[lo:hi]
        if not (item.subject and item.subject[1] == item.start):
            return self.party(words, lo, quote, names, participants, sentence_start)
        if self.g.impersonal.match(text, item.start):  # "it was agreed to": the meeting's parties agreed
            return sorted(participants) if len(participants) > 1 else []
        # a commitment word: its subject precedes it, else the sentence's first party acts
        clause = self.g.subject_words(words)
        found = [] if self.g.participle.match(clause) else self.party(clause, hi - len(clause), quote, names,
                                                                      participants, sentence_start)
        return found or self.party(words, lo, quote, names, participants, sentence_start)

    def party(self, words: str, lo: int, quote: Quote | None, names: list[tuple[int, int, str]],
              participants: Sequence[str], sentence_start: int) -> list[str]:
        """The party the subject words (at offset `lo` of the text) name: their first mention of
        a person, a country, both parties or a pronoun, with those joined to it by "and"."""
        mentions = self.mentions(words, lo, names, participants)
        known = [m for m in mentions if self.resolve(m[2], m[3], quote, names, participants, lo + m[0], sentence_start)]
        if not known:
            return []
        chain = [known[0]]
        for m in mentions[mentions.index(known[0]) + 1:]:
            if not self.g.chained.fullmatch(words[chain[-1][1]:m[0]]):
                break
            chain.append(m)
        parties = list(dict.fromkeys(p for m in chain for p in self.resolve(m[2], m[3], quote, names, participants,
                                                                           lo + m[0], sentence_start)))
        if len(parties) > 2:  # a named group acts: as the text names it
            return [" ".join(words[chain[0][0]:chain[-1][1]].split())]
        return sorted(parties)  # both parties in one order, however the text lists them

    def mentions(self, words: str, lo: int, names: list[tuple[int, int, str]],
                 participants: Sequence[str]) -> list[tuple[int, int, str, str]]:
        """(start, end, kind, value) of each party named in the words, in order: registry names, a
        participant by one of their names alone ("Lee"), countries, both parties, pronouns. A
        country before a person's name ("US President Smith") is part of the person's mention."""
        found = [(s - lo, e - lo, "person", n) for s, e, n in names if lo <= s and e <= lo + len(words)]
        for person in participants:
            for part in (p for p in re.split(r"[\s-]+", person) if len(p) > 2 and p[0].isupper()):
                found += [(m.start(), m.end(), "person", person) for m in re.finditer(rf"\b{re.escape(part)}\b", words)]
        for m in self.country_words.finditer(words):
            if self.g.declined(m.group(0)):  # "в Украину", "судьба Грузии": no party acts
                continue
            titled = self.g.titled.match(words[m.end():min((s for s, _, _, _ in found if s >= m.end()), default=m.end())])
            if not (titled and any(s >= m.end() for s, _, _, _ in found)):
                found.append((m.start(), m.end(), "country", m.group(0)))
        for m in self.g.groups.finditer(words):
            found.append((m.start(), m.end(), "group", m.group(0)))
        for m in self.g.pronoun.finditer(words):
            found.append((m.start(), m.end(), "pronoun", self.g.roles[m.group(0)]))
        found = sorted({(f[0], f[1]): f for f in sorted(found, key=lambda f: f[2] != "person")}.values())
        return [f for f in found if not any(g[0] <= f[0] and f[1] <= g[1] and g[:2] != f[:2] for g in found)]

    def resolve(self, kind: str, value: str, quote: Quote | None, names: list[tuple[int, int, str]],
                participants: Sequence[str], at: int, sentence_start: int) -> list[str]:
        """Canonical parties of one mention: a person, a country, both parties, or whom a pronoun
        stands for ("I" the speaker, "we" the speaker's country, "he" in a leader's words the other
        leader, else the person last named, else in a quote the one its attribution names)."""
        speaker = quote.speaker if quote else None
        if kind == "person":
            return [value]
        if kind == "country":
            code = self.code(value)
            return [self.registry.countries[code]["name"]] if code else []
        if kind == "group":  # in a leader's words "they" are others, not the two sides
            mine = quote is not None and value in self.g.they
            return sorted(participants) if len(participants) > 1 and not mine else []
        if value == "speaker":
            return [speaker] if speaker else []
        if value == "speaker's country":
            actor = self.registry.actors.get(speaker) if speaker else None
            countries = sorted(actor.countries()) if actor else []
            return [self.registry.countries[countries[0]]["name"]] if len(countries) == 1 else []
        if speaker and speaker in participants:
            return [p for p in participants if p != speaker][:1]
        earlier = [n for s, e, n in names if sentence_start - 400 <= s < at]
        if value == "listener":
            return []
        # in someone's words, "he" may be the one the attribution then names ("..., X said of Y")
        after = [n for s, e, n in names if at < s <= at + ATTRIBUTION and n != speaker] if quote else []
        return earlier[-1:] or after[:1]

    def code(self, written: str) -> str | None:
        written = re.sub(rf"^(?:{self.g.article}) ", "", written)
        if written in self.places:
            return self.places[written]
        first = written.split()[0]
        return self.nominative.get(written.lower()) or self.demonym_country.get(first) or next(
            (code for stem, code in sorted(self.stems.items(), key=lambda kv: -len(kv[0]))
             if first.lower().startswith(stem)), None)

    def reporter(self, text: str, start: int, at: int, names: list[tuple[int, int, str]]) -> str | None:
        """Who states a pledge the outlet reports: the person named before a speech verb earlier in
        the sentence ("Trump said he would..."); None for the outlet's own voice."""
        verb = [m for m in self.g.reporting.finditer(text, start, at)]
        if not verb:
            return None
        before = [n for s, e, n in names if start <= s < verb[-1].start()]
        return before[-1] if before else None

    # -- by when --------------------------------------------------------------------------------

    def deadline(self, text: str, start: int, stop: int, end: int,
                 when: str | None) -> tuple[str | None, str | None]:
        """The deadline as written in the pledge's clause or just after it (up to the sentence's
        `end`), and resolved against the meeting date."""
        window = text[start:min(end, stop + 40)]
        fixed = next((m for m in self.g.deadline.finditer(window) if m.group(0).strip() and not past(m.group(0), when)
                      and not self.g.gone(window, m)), None)
        if fixed:
            value = self.g.resolve_deadline(fixed.group(0), when)
            if value is not None or not self.g.vague.search(window):
                return fixed.group(0).strip(), value
        vague = self.g.vague.search(window)
        return (vague.group(0), None) if vague else (None, None)


def distinct(pledges: list[Pledge]) -> list[Pledge]:
    """One record per span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for p in pledges:
        if (p.start, p.end) not in seen:
            seen.add((p.start, p.end))
            out.append(p)
    return out
