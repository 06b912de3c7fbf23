"""Pledges: a named party's commitment to a future action that can later be checked.

What counts (../shared/gold/PLEDGES.md): a promise, an agreement, a plan or a target of a named
actor; not a hope, a prediction, a willingness, a condition, an exhortation or a stance. Two
shapes carry nearly all of them, and both are read from the words of `data/pledges.json`:

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
a following clause ("..., which", "... while") does not join it. The actor is the party that
must act: the person named, the country a "we" or a capital stands for, both parties for "the
two sides"; the speaker, who states the pledge, is kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..actors.registry import Registry
from ..records import Pledge, Quote
from ..resources import load, load_lang
from .text import ABBREVIATIONS

WORDS = load("pledges.json")
LIMIT = 16  # words of a span at most: the action and its object, not the sentence's rest


def alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def words(items: Sequence[str]) -> str:
    """An alternation of words and contractions: a word starts at a word boundary, "'ll" anywhere."""
    return "|".join((r"\b" if w[:1].isalpha() else "") + re.escape(w) for w in sorted(items, key=len, reverse=True))


def phrase(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{alternation(words)})(?![\w'’])", re.IGNORECASE)


def none_of(items: Sequence[str]) -> str:
    """A lookahead that refuses these words next."""
    return rf"(?!(?:{alternation(items)})\b)"


BOUNDARY = re.compile(
    rf"\s*[;:()\[\]—–]|\s+-\s|,\s+(?:{alternation(WORDS['clause_after_comma'])})\b"
    rf"|\s+(?:{alternation(WORDS['clause_words'])})\b|[.!?](?=\s|$)", re.IGNORECASE)
PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")  # "..., praising X and announcing plans": the sentence's subject acts
SPEECH_MARKS = "\"“”«»"
ADVERB = rf"(?:\s+(?:{alternation(WORDS['adverbs'] + WORDS['weekdays'])}|on \w+day))*"
TO_ACT = rf"\s+to\s+{none_of(WORDS['not_after_to'])}(?=[a-z])"  # "to" and a verb, not "to the"
NOUNS = alternation(WORDS["commit_nouns"])
COMMIT = re.compile(
    rf"(?<![\w'’])(?:(?:{alternation(WORDS['copulas'])}) )?(?:{alternation(WORDS['commit_verbs'])})"
    rf"(?:{ADVERB}|\s+with\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}[A-Z][\w.’'-]*){TO_ACT}", re.IGNORECASE)
OBJECT = re.compile(rf"(?<![\w'’])(?:{alternation(WORDS['object_verbs'])}){ADVERB}\s+(?=[a-z]+(?:\s|$))"
                    rf"{none_of(WORDS['not_objects'])}", re.IGNORECASE)
COMMIT_NOUN = re.compile(  # "reached a deal on", "reaffirmed their commitment to", "an agreement to cut"
    rf"(?<![\w'’])(?:(?:{alternation(WORDS['noun_verbs'])}) (?:[\w$’'-]+ ){{0,4}}?(?:{NOUNS})"
    rf"(?:\s+(?<=[^s] )(?:on|for)\s+{none_of(WORDS['not_after_to'])}|{TO_ACT})"
    rf"|(?:{alternation(WORDS['determiners'])}) (?:[\w$’'-]+ ){{0,3}}?"
    rf"{''.join(f'(?<!{q} )' for q in WORDS['quantities'])}(?:{NOUNS}){TO_ACT})")
TARGET = re.compile(rf"(?<![\w'’])(?:{alternation(WORDS['commit_phrases'])})\b|\$\s?[\d.,]+\s*(?:billion|"
                    rf"million|trillion|bn)\s+target\b", re.IGNORECASE)
FUTURE = re.compile(rf"(?:,?\s+(?:{alternation(WORDS['adverbs'])}))?\s*"
                    rf"(?:{words(WORDS['future'] + WORDS['reported_future'])})(?![\w])", re.IGNORECASE)
VISIT = re.compile(rf"(?:\b(?P<who>[A-Z][\w-]+)['’]s|\b(?:his|her|their))\s+(?:[a-z-]+\s+){{0,2}}?"
                   rf"(?:{alternation(WORDS['visit_nouns'])})\b")
REPORTED = phrase(WORDS["reported_future"])
AHEAD = phrase(WORDS["ahead"])
SPEECH = load_lang("en", "cues.json")["verbs"]  # "I will note that ...": a speech act, no pledge (the module reads English)
EMPTY = WORDS["empty_verbs"]
NOT_ACTION = re.compile(rf"\s*(?:(?:{alternation(WORDS['adverbs'])}|[a-z]+ly) )?"
                        rf"(?:{alternation(WORDS['not_actions'] + EMPTY + SPEECH)})\b", re.IGNORECASE)
FUNCTION_WORDS = set(WORDS["function_words"])
OBJECT_NAME = re.compile(rf"(?<=\s)(?:the )?([A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*)\s+(?:{alternation(WORDS['object_nouns'])})\b")
EMPTY_VERB = re.compile(rf"(?:{alternation(EMPTY)})\b")
NEGATION = re.compile(rf"(?:{words(WORDS['negations'])})(?![\w])", re.IGNORECASE)
BELIEFS = phrase(WORDS["beliefs"])
CONDITIONS = phrase(WORDS["conditions"])
ARRANGEMENTS = phrase(WORDS["arrangements"])
HEDGES = phrase(WORDS["hedges"])
REPORTING = phrase(WORDS["reporting"])
GROUPS = phrase(WORDS["groups"])
METONYMS = WORDS["metonyms"]
VAGUE = phrase(WORDS["vague"])
MONTHS = [m.lower() for m in WORDS["months"]]
NUMBERS: dict[str, int] = WORDS["number_words"]
COUNT = rf"(?:\d+|{alternation(list(NUMBERS))})"
ROLES: dict[str, str] = WORDS["pronouns"]  # "I" -> "speaker", "we" -> "speaker's country", ...
PRONOUN = re.compile(rf"(?<![\w'’])(?:{alternation(list(ROLES))})(?![\w'’])")
SUBJECT = re.compile(rf"(?<![\w'’])(?:{alternation([w for w, r in ROLES.items() if r != 'listener'])})$")
THEY = set(WORDS["third_persons"])
NOT_SUBJECT = none_of(list(ROLES) + WORDS["third_persons"])  # a clause of its own after a comma
MONTH = rf"(?-i:{'|'.join(m[:3].title() + rf'(?:{m[3:]})?' for m in MONTHS)})\b\.?"  # "May", not "may"
DEADLINE = re.compile(
    rf"\b(?:by|before|until|in|within|at|for) (?:the )?end of (?:the |this |next )?(?:year|month|decade|"
    rf"(?:19|20)\d{{2}})\b"
    rf"|\b(?:by|before|until|in|on|for|during)? ?(?:(?:early|mid|late|the end of) )?{MONTH}(?: (?:\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf"(?:,? (?:19|20)\d{{2}})?\b(?! \d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:19|20)\d{{2}})"
    rf"|\b(?:by|before|in|until|for) (?:19|20)\d{{2}}\b"
    rf"|\b(?:next|this) (?:year|month|{alternation(WORDS['seasons'])})\b"
    rf"|\b(?:in|within) (?:the next )?{COUNT} (?:days|weeks|months|years)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A pledge before its actor is named: where the subject was looked for, and the span."""

    start: int
    end: int
    subject: tuple[int, int] | None  # the words before the cue where the acting party is named


class PledgeFinder:
    """The pledges of one page, read from its sentences, names and quotes."""

    def __init__(self, registry: Registry, lang: str = "en") -> None:
        self.registry = registry
        self.lang = lang  # the language whose words it reads
        countries: dict[str, str] = {}
        for code, c in registry.countries.items():  # names, aliases, and "US", "U.S." beside them
            for word in (c["name"], *c.get("aliases", []), *(d for d in c.get("demonyms", [])
                                                             if re.fullmatch(r"[A-Z.]{2,}", d))):
                countries.setdefault(word, code)
        countries.update({k: v for k, v in METONYMS.items() if v in registry.countries})
        self.places = countries
        self.demonym_country = {d: code for code, c in registry.countries.items() for d in c.get("demonyms", [])}
        self.country_words = re.compile(
            rf"(?<![\w-])(?:the )?(?:(?:{alternation(list(countries))})|(?:{alternation(list(self.demonym_country))}) "
            rf"(?:side|government|authorities|leadership))(?![\w-])")

    def find(self, text: str, quotes: Sequence[Quote], participants: Sequence[str], when: str | None,
             sentences: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> list[Pledge]:
        """Pledges of a document; `when` is the meeting's ISO date, for resolving deadlines and
        telling later events from past ones."""
        found: list[Pledge] = []
        for start, end in sentences:
            sentence = text[start:end]
            if sentence.rstrip().rstrip(SPEECH_MARKS).endswith("?"):
                continue
            for item in self.candidates(text, start, end, when):
                quote = next((q for q in quotes if q.start <= item.start < q.end), None)
                actors = self.actors(text, item, start, quote, names, participants)
                if not actors:
                    continue
                deadline_text, deadline = self.deadline(text, item.start, item.end, end, when)
                span = text[item.start:item.end]
                found.append(Pledge(
                    start=item.start, end=item.end, text=span, actors=tuple(actors),
                    deadline_text=deadline_text, deadline=deadline,
                    object=object_of(span),
                    speaker=quote.speaker if quote else self.reporter(text, start, item.start, names),
                ))
        return distinct(found)

    # -- where a commitment is ------------------------------------------------------------------

    def candidates(self, text: str, start: int, end: int, when: str | None = None) -> list[Found]:
        """Every commitment in one sentence, in order, none inside another."""
        sentence = text[start:end]
        out = []
        for pattern in (COMMIT, OBJECT, COMMIT_NOUN, TARGET):
            for m in pattern.finditer(sentence):
                cue = start + m.start()
                close = clause_end(text, start + m.end(), end)
                lead = " ".join(sentence[:m.start()].split()[-3:])
                if close <= cue or hedged(f"{lead} {text[cue:close]}") or framed(sentence[:m.start()]):
                    continue
                if NEGATION.search(lead) or (pattern is COMMIT and (not acting(text, start + m.end(), end)
                                                                    or EMPTY_VERB.match(text, start + m.end()))):
                    continue
                out.append(Found(cue, close, (start, cue)))
        for m in VISIT.finditer(sentence):  # "X's visit to Y on 3 May": a later event, decided
            cue, close = start + m.start(), clause_end(text, start + m.end(), end)
            dated = [d for d in DEADLINE.finditer(text, cue, close) if re.search(MONTH, d.group(0))
                     and not gone(text, d) and later(resolve_deadline(d.group(0), when), when)]
            if dated and AHEAD.search(sentence) and not framed(sentence[:m.start()]):
                out.append(Found(cue, close, (cue, start + m.end("who")) if m.group("who") else (start, cue)))
        for m in FUTURE.finditer(sentence):
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
        if NOT_ACTION.match(text, after) or not acting(text, verb, end):
            return None
        subject = self.subject(text, start, marker)
        if subject is None:
            return None
        before = text[start:subject]
        if framed(before) or (REPORTED.search(text, marker, after) and not REPORTING.search(before)):
            return None
        close = clause_end(text, after, end)
        if hedged(text[subject:close]):
            return None
        return Found(subject, close, (subject, marker))

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
            joint = re.search(r"(?:,|,? and|,? &)\s*$", window[:at])
            if not joint:
                break
            at = joint.start()
        return None if begin is None else marker - len(window) + begin

    def party_at_end(self, head: str) -> int | None:
        """Where a party's name ends the text, if one does."""
        pronoun = SUBJECT.search(head)
        if pronoun:
            return pronoun.start()
        group = [m for m in GROUPS.finditer(head) if m.end() == len(head) and m.group(0) not in THEY]
        if group:
            return group[0].start()
        country = [m for m in self.country_words.finditer(head) if m.end() == len(head)]
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
        lo, hi = item.subject if item.subject else (item.start, item.start)
        words = text[lo:hi]
        if not (item.subject and item.subject[1] == item.start):
            return self.party(words, lo, quote, names, participants, sentence_start)
        # a commitment word: its subject precedes it, else the sentence's first party acts
        clause = subject_words(words)
        found = [] if PARTICIPLE.match(clause) else self.party(clause, hi - len(clause), quote, names, participants,
                                                                sentence_start)
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
            if not re.fullmatch(r"\s*(?:,|,?\s*and|&)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}", words[chain[-1][1]:m[0]]):
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
            titled = re.match(r"\s+(?:[A-Z][\w.’'-]*\s+){0,4}$", words[m.end():min((s for s, _, _, _ in found if s >= m.end()),
                                                                               default=m.end())])
            if not (titled and any(s >= m.end() for s, _, _, _ in found)):
                found.append((m.start(), m.end(), "country", m.group(0)))
        for m in GROUPS.finditer(words):
            found.append((m.start(), m.end(), "group", m.group(0)))
        for m in PRONOUN.finditer(words):
            found.append((m.start(), m.end(), "pronoun", ROLES[m.group(0)]))
        found = sorted({(f[0], f[1]): f for f in sorted(found, key=lambda f: f[2] != "person")}.values())
        return [f for f in found if not any(g[0] <= f[0] and f[1] <= g[1] and g[:2] != f[:2] for g in found)]

    def resolve(self, kind: str, value: str, quote: Quote | None, names: list[tuple[int, int, str]],
                participants: Sequence[str], at: int, sentence_start: int) -> list[str]:
        """Canonical parties of one mention: a person, a country, both parties, or whom a pronoun
        stands for ("I" the speaker, "we" the speaker's country, "he" in a leader's words the other
        leader, else the person last named)."""
        speaker = quote.speaker if quote else None
        if kind == "person":
            return [value]
        if kind == "country":
            code = self.code(value)
            return [self.registry.countries[code]["name"]] if code else []
        if kind == "group":  # in a leader's words "they" are others, not the two sides
            mine = quote is not None and value in THEY
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
        return [] if value == "listener" else earlier[-1:]

    def code(self, written: str) -> str | None:
        written = re.sub(r"^the ", "", written)
        if written in self.places:
            return self.places[written]
        first = written.split()[0]
        return self.demonym_country.get(first)

    def reporter(self, text: str, start: int, at: int, names: list[tuple[int, int, str]]) -> str | None:
        """Who states a pledge the outlet reports: the person named before a speech verb earlier in
        the sentence ("Trump said he would..."); None for the outlet's own voice."""
        verb = [m for m in REPORTING.finditer(text, start, at)]
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
        fixed = next((m for m in DEADLINE.finditer(window) if m.group(0).strip() and not past(m.group(0), when)
                      and not gone(window, m)), None)
        if fixed:
            value = resolve_deadline(fixed.group(0), when)
            if value is not None or not VAGUE.search(window):
                return fixed.group(0).strip(), value
        vague = VAGUE.search(window)
        return (vague.group(0), None) if vague else (None, None)


def clause_end(text: str, at: int, end: int) -> int:
    """Where the clause that starts an action ends: at a boundary word or mark, unless what
    follows a comma is a short list ("energy, health, and transport"), and within LIMIT words."""
    stop = end
    for m in BOUNDARY.finditer(text, at, end):
        if m.group(0) == "." and abbreviated(text, m.start()):
            continue
        stop = m.start()
        break
    comma = text.find(",", at, stop)
    if comma != -1 and not re.match(rf"(?:,\s*{NOT_SUBJECT}[^,]{{1,40}}?)+,?\s+(?:and|or)\s+{NOT_SUBJECT}",
                                     text[comma:stop]):
        stop = comma
    words = list(re.finditer(r"\S+", text[at:stop]))
    if len(words) > LIMIT:
        stop = at + words[LIMIT - 1].end()
    return len(text[:stop].rstrip(" ,\"“”'’")) if stop > at else at


def abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation ("Aug. 25", "U.S.") or an initial,
    not a sentence."""
    word = re.search(r"[\w.]*$", text[max(0, dot - 12):dot]).group(0).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def subject_words(before: str) -> str:
    """The words of a commitment's subject: the clause before the commitment word, from its last
    boundary ("..., and Lee vowed" -> "Lee")."""
    cut = max((m.end() for m in re.finditer(r"[,;:]\s+(?:and\s+|but\s+)?|\bthat\s+", before)), default=0)
    return before[cut:]


def hedged(clause: str) -> bool:
    """A hedge ("could", "ready to"), or the meeting's own business ("today", "the press")."""
    return bool(HEDGES.search(clause) or ARRANGEMENTS.search(clause))


def acting(text: str, at: int, end: int) -> bool:
    """The action has an object or a complement: a verb alone ("had planned to sign and ...") or
    with function words only ("work on this") names nothing that can be checked."""
    if not re.match(r"[a-z][\w'’-]*\s+(?!and\b|or\b|but\b)[\w$“\"'‘]", text[at:at + 60]):
        return False
    rest = re.findall(r"[\w$%’'-]+", text[at:clause_end(text, at, end)])[1:]
    return any(w.lower() not in FUNCTION_WORDS for w in rest)


def framed(before: str) -> bool:
    """A condition earlier in the sentence ("if you open your market, we will"), or a hope or
    belief in the same clause ("I trust we shall"), governs what follows."""
    last = re.split(r"[,;:“”\"]", before)[-1]
    return bool(CONDITIONS.search(before) or BELIEFS.search(last))


def distinct(pledges: list[Pledge]) -> list[Pledge]:
    """One record per span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for p in pledges:
        if (p.start, p.end) not in seen:
            seen.add((p.start, p.end))
            out.append(p)
    return out


def object_of(span: str) -> str | None:
    """What the pledge is about, where it has a name later coverage can be searched for: a quoted
    capitalised term, or a proper name before a thing's noun ("the Orion system" -> "Orion")."""
    quoted = re.search(r"(?<!\w)[\"“‘'«]([A-Z][\w-]{2,})[\"”’'»](?!\w)", span)
    named = quoted or OBJECT_NAME.search(span)
    return named.group(1) if named else None


def later(deadline: str | None, when: str | None) -> bool:
    """A resolved date after the meeting's (compared at the deadline's precision), or any date
    on a page without one."""
    if deadline and when and deadline[:1].isdigit():
        return deadline > when[:len(deadline)]
    return bool(deadline)


def gone(text: str, match: re.Match[str]) -> bool:
    """A time the words place in the past: "last October", "in May last year", "two years ago"."""
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return bool(re.search(r"\b(?:last|previous|past)\s+$", text[max(0, start - 12):start])
                or re.match(r",?\s+(?:last year|ago)\b", text[match.end():match.end() + 12]))


def past(phrase_: str, when: str | None) -> bool:
    """A year before the meeting's is history ("relations since 1965"), not a deadline."""
    year = re.search(r"(?:19|20)\d{2}", phrase_)
    return bool(year and when and when[:4].isdigit() and int(year.group(0)) < int(when[:4]))


def resolve_deadline(phrase_: str, when: str | None) -> str | None:
    """An ISO date, month or year for a deadline as written, against the meeting's date:
    "by the end of the year" -> its 31 December, "in April" -> the next April, "by 2030" -> 2030."""
    low = phrase_.lower().strip()
    meeting = date.fromisoformat(when[:10]) if when and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when[:10]) else None
    explicit = re.search(r"(?:19|20)\d{2}", low)
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\b{m[:3]}", low)), None)
    if explicit and month is None:
        year = int(explicit.group(0))
        return f"{year}-12-31" if "end of" in low else str(year)
    if month is not None:
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?! ?(?:19|20)\d{2})", low[3:])
        year = int(explicit.group(0)) if explicit else None
        if year is None and meeting is None:  # no year can be known: ISO's "--MM-DD", "--MM"
            return f"--{month:02d}-{int(day.group(1)):02d}" if day else f"--{month:02d}"
        if year is None:
            year = meeting.year + (1 if (month, int(day.group(1)) if day else 31) < (meeting.month, meeting.day) else 0)
        return f"{year}-{month:02d}-{int(day.group(1)):02d}" if day else f"{year}-{month:02d}"
    if meeting is None:
        return None
    if "next year" in low:
        return str(meeting.year + 1) if "end" not in low else f"{meeting.year + 1}-12-31"
    if "end of the year" in low or "end of this year" in low or "this year" in low:
        return f"{meeting.year}-12-31"
    if low.startswith("this ") and low[5:] in WORDS["seasons"]:  # "this autumn": the meeting's year
        return str(meeting.year)
    if "next month" in low:
        nxt = date(meeting.year + meeting.month // 12, meeting.month % 12 + 1, 1)
        return nxt.isoformat()[:7]
    span = re.search(rf"({COUNT}) (days|weeks|months|years)", low)
    if span:
        n = int(span.group(1)) if span.group(1).isdigit() else NUMBERS[span.group(1)]
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[span.group(2)] * n
        return date.fromordinal(meeting.toordinal() + days).isoformat()
    return None
