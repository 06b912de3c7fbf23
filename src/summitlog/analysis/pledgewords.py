"""The words and patterns of pledges in one language, from `data/lang/LANG/pledges.json`.

The pledge finder (pledges.py) reads every language the same way: a commitment word and its
action, a named subject with a future marker, a planned visit, a deadline. What differs is
data: the words, and the few patterns of how a language joins them ("agreed to reopen",
"договорились начать"). This module compiles them once per language, with the helpers that read
a clause with them (where it ends, whether it is hedged, by when it is due).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date

from ..resources import load_lang
from .dates import calendar
from .text import ABBREVIATIONS

LIMIT = 16  # words of a span at most: the action and its object, not the sentence's rest


def alternation(words: Sequence[str]) -> str:
    """Words as one alternation, longest first; no words match nothing."""
    if not words:
        return "(?!)"
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def words(items: Sequence[str]) -> str:
    """An alternation of words and contractions: a word starts at a word boundary, "'ll" anywhere."""
    if not items:
        return "(?!)"
    return "|".join((r"\b" if w[:1].isalpha() else "") + re.escape(w) for w in sorted(items, key=len, reverse=True))


def phrase(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{alternation(words)})(?![\w'’])", re.IGNORECASE)


def none_of(items: Sequence[str]) -> str:
    """A lookahead that refuses these words next."""
    return rf"(?!(?:{alternation(items)})\b)"


def filled(template: str, **parts: str) -> str:
    """A pattern of the data with its <part>s filled in."""
    for name, value in parts.items():
        template = template.replace(f"<{name}>", value)
    return template


class Grammar:
    """One language's pledge words and the patterns made of them."""

    def __init__(self, lang: str) -> None:
        w = load_lang(lang, "pledges.json")
        self.words = w
        self.calendar = calendar(lang)
        upper, lower = w["upper"], w["lower"]
        self.upper, self.lower = upper, lower
        self.boundary = re.compile(
            rf"\s*[;:()\[\]—–]|\s+-\s|,\s+(?:{alternation(w['clause_after_comma'])})\b"
            rf"|\s+(?:{alternation(w['clause_words'])})\b|[.!?](?=\s|$)", re.IGNORECASE)
        self.participle = re.compile(rf"\s*{w['participle']}\b")  # "..., announcing plans": the sentence's subject acts
        self.in_return = re.compile(rf"(?<![\w'’])(?:{alternation(w['in_return'])})\s+", re.IGNORECASE)
        self.gerund = re.compile(rf"(?<![\w'’-]){w['participle']}\b")
        adverb = rf"(?:\s+(?:{alternation(w['adverbs'] + w['weekdays'])}|{w['weekday_phrase']}))*"
        to_act = filled(w["to_act"], not_after_to=none_of(w["not_after_to"]))  # "to" and a verb, not "to the"
        nouns = alternation(w["commit_nouns"])
        name = rf"{upper}[\w.’'-]*"
        self.commit = re.compile(
            rf"(?<![\w'’])(?:(?:{alternation(w['copulas'])}) )?(?:{alternation(w['commit_verbs'])})"
            rf"(?:{adverb}|\s+(?:{alternation(w['with'])})\s+(?:{name}\s+){{0,3}}{name}){to_act}", re.IGNORECASE)
        self.object = re.compile(rf"(?<![\w'’])(?:{alternation(w['object_verbs'])}){adverb}\s+(?={lower}+(?:\s|$))"
                                 rf"{none_of(w['not_objects'])}", re.IGNORECASE)
        link = filled(w["noun_link"], not_after_to=none_of(w["not_after_to"]))
        self.commit_noun = re.compile(  # "reached a deal on", "reaffirmed their commitment to", "an agreement to cut"
            rf"(?<![\w'’])(?:(?:{alternation(w['noun_verbs'])}) (?:[\w$’'-]+ ){{0,4}}?(?:{nouns})"
            rf"(?:{link}|{to_act})"
            rf"|(?:{alternation(w['determiners'])}) (?:[\w$’'-]+ ){{0,3}}?"
            rf"{''.join(f'(?<!{q} )' for q in w['quantities'])}(?:{nouns}){to_act})")
        self.target = re.compile(rf"(?<![\w'’])(?:{alternation(w['commit_phrases'])})\b|{w['money_target']}",
                                 re.IGNORECASE)
        self.future = re.compile(rf"(?:,?\s+(?:{alternation(w['adverbs'])}))?\s*"
                                 rf"(?:{words(w['future'] + w['reported_future'])})(?![\w])", re.IGNORECASE)
        self.verb = re.compile(w["verb"])
        self.visit = re.compile(rf"(?:\b(?P<who>{upper}[\w-]+){w['possessive_mark']}|\b(?:{alternation(w['possessives'])}))"
                                rf"\s+(?:(?:{lower}|-)+\s+){{0,2}}?(?:{alternation(w['visit_nouns'])})\b")
        owner = rf"{upper}[\w.-]*"
        self.owned = re.compile(rf"(?<![\w'’-])(?P<owner>{owner}(?:\s+{owner})*?){w['possessive_mark']}\s+"
                                rf"(?:{lower}[\w-]*\s+){{0,2}}?(?:{alternation(w['agent_nouns'])})\b")
        self.reported = phrase(w["reported_future"])
        self.impersonal = phrase(w["impersonal"])
        self.oblique = re.compile(rf"(?:{alternation(w['oblique_endings'])})$")
        self.ahead = phrase(w["ahead"])
        speech = load_lang(lang, "cues.json")["verbs"]  # "I will note that ...": a speech act, no pledge
        self.empty = w["empty_verbs"]
        self.not_action = re.compile(rf"\s*(?:(?:{alternation(w['adverbs'])}|{w['manner']}) )?"
                                     rf"(?:{alternation(w['not_actions'] + self.empty + speech)})\b", re.IGNORECASE)
        self.function_words = set(w["function_words"])
        article = alternation(w["article"])
        self.article = article
        self.object_name = re.compile(rf"(?<=\s)(?:(?:{article}) )?({upper}{lower}+(?:[-\s]{upper}{lower}+)*)\s+"
                                      rf"(?:{alternation(w['object_nouns'])})\b")
        self.quoted_name = re.compile(rf"(?<!\w)[\"“‘'«]({upper}[\w-]{{2,}})[\"”’'»](?!\w)")
        self.empty_verb = re.compile(rf"(?:{alternation(self.empty)})\b")
        self.negation = re.compile(rf"(?:{words(w['negations'])})(?![\w])", re.IGNORECASE)
        self.beliefs = phrase(w["beliefs"])
        self.conditions = phrase(w["conditions"])
        self.arrangements = phrase(w["arrangements"])
        self.hedges = phrase(w["hedges"])
        self.reporting = phrase(w["reporting"])
        self.groups = phrase(w["groups"])
        self.vague = phrase(w["vague"])
        self.numbers: dict[str, int] = w["number_words"]
        count = rf"(?:\d+|{alternation(list(self.numbers))})"
        self.roles: dict[str, str] = w["pronouns"]  # "I" -> "speaker", "we" -> "speaker's country", ...
        self.pronoun = re.compile(rf"(?<![\w'’])(?:{alternation(list(self.roles))})(?![\w'’])")
        self.subject = re.compile(
            rf"(?<![\w'’])(?:{alternation([p for p, r in self.roles.items() if r != 'listener'])})$")
        self.they = set(w["third_persons"])
        self.not_subject = none_of(list(self.roles) + w["third_persons"])  # a clause of its own after a comma
        self.month = rf"(?-i:{'|'.join(f'(?:{m})' for m in self.calendar.month_words)})\b\.?"  # "May", not "may"
        units = alternation(list(w["units"]))
        self.deadline = re.compile("|".join(
            filled(d, month=self.month, count=count, units=units, seasons=alternation(w["seasons"]))
            for d in w["deadlines"]), re.IGNORECASE)
        self.span = re.compile(rf"({count}) ({units})")
        joined = rf"(?:{alternation(w['and'] + w['or'])})"
        self.list_tail = re.compile(rf"(?:,\s*{self.not_subject}[^,]{{1,40}}?)+,?\s+{joined}\s+{self.not_subject}")
        self.action = re.compile(rf"{lower}[\w'’-]*\s+(?!(?:{alternation(w['and'] + w['or'] + w['but'])})\b)[\w$“\"'‘]")
        self.opener = re.compile(rf"[,;:]\s+(?:(?:{alternation(w['and'] + w['but'])})\s+)?"
                                 rf"|\b(?:{alternation(w['that'])})\s+")
        self.gone_before = re.compile(rf"\b(?:{alternation(w['gone_before'])})\s+$")
        self.gone_after = re.compile(rf",?\s+(?:{alternation(w['gone_after'])})\b")
        self.day = re.compile(rf"\b(\d{{1,2}}){self.calendar.ordinal}\b(?! ?(?:19|20)\d{{2}})")
        and_ = alternation(w["and"])
        self.joint = re.compile(rf"(?:,|,? (?:{and_})|,? &)\s*$")
        then = rf"(?:,\s*(?:(?:{and_})\s+)?|\s+(?:{and_})\s+)"  # ", ", ", and " or " and " before a next action
        self.coordinated = re.compile(rf"{then}(?={w['coordinated_verb']})")
        self.next_gerund = re.compile(rf"{then}(?={w['participle']}\b)")
        self.chained = re.compile(rf"\s*(?:,|,?\s*(?:{and_})|&)\s+(?:(?:{article})\s+)?(?:{name}\s+){{0,4}}")
        # a clause ends at a mark, but not at the comma before "that" (Russian writes "надеемся, что")
        self.clause_mark = re.compile(rf"[;:“”\"]|,(?!\s*(?:{alternation(w['that'])})\b)")
        self.titled = re.compile(rf"\s+(?:{name}\s+){{0,4}}$")

    def declined(self, written: str) -> bool:
        """A name in a case other than the subject's, by its last word's ending ("России", "Индией")."""
        return bool(self.oblique.search(written))

    # -- a clause and its words -----------------------------------------------------------------

    def clause_end(self, text: str, at: int, end: int) -> int:
        """Where the clause that starts an action ends: at a boundary word or mark, unless what
        follows a comma is a short list ("energy, health, and transport"), and within LIMIT words."""
        stop = end
        for m in self.boundary.finditer(text, at, end):
            if m.group(0) == "." and abbreviated(text, m.start()):
                continue
            stop = m.start()
            break
        comma = text.find(",", at, stop)
        if comma != -1 and not self.list_tail.match(text[comma:stop]):
            stop = comma
        found = list(re.finditer(r"\S+", text[at:stop]))
        if len(found) > LIMIT:
            stop = at + found[LIMIT - 1].end()
        return len(text[:stop].rstrip(" ,\"“”'’«»")) if stop > at else at

    def subject_words(self, before: str) -> str:
        """The words of a commitment's subject: the clause before the commitment word, from its last
        boundary ("..., and Lee vowed" -> "Lee")."""
        cut = max((m.end() for m in self.opener.finditer(before)), default=0)
        return before[cut:]

    def hedged(self, clause: str) -> bool:
        """A hedge ("could", "ready to"), or the meeting's own business ("today", "the press")."""
        return bool(self.hedges.search(clause) or self.arrangements.search(clause))

    def acting(self, text: str, at: int, end: int) -> bool:
        """The action has an object or a complement: a verb alone ("had planned to sign and ...") or
        with function words only ("work on this") names nothing that can be checked."""
        if not self.action.match(text[at:at + 60]):
            return False
        rest = re.findall(r"[\w$%’'-]+", text[at:self.clause_end(text, at, end)])[1:]
        return any(w.lower() not in self.function_words for w in rest)

    def framed(self, before: str) -> bool:
        """A condition earlier in the sentence ("if you open your market, we will"), or a hope or
        belief in the same clause ("I trust we shall", "I hope, that we will"), governs what follows."""
        last = self.clause_mark.split(before)[-1]
        return bool(self.conditions.search(before) or self.beliefs.search(last))

    def object_of(self, span: str) -> str | None:
        """What the pledge is about, where it has a name later coverage can be searched for: a quoted
        capitalised term, or a proper name before a thing's noun ("the Orion system" -> "Orion")."""
        named = self.quoted_name.search(span) or self.object_name.search(span)
        return named.group(1) if named else None

    # -- by when --------------------------------------------------------------------------------

    def gone(self, text: str, match: re.Match[str]) -> bool:
        """A time the words place in the past: "last October", "in May last year", "two years ago"."""
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        return bool(self.gone_before.search(text[max(0, start - 12):start])
                    or self.gone_after.match(text[match.end():match.end() + 12]))

    def resolve_deadline(self, phrase_: str, when: str | None) -> str | None:
        """An ISO date, month or year for a deadline as written, against the meeting's date, or its
        year where only that is known: "by the end of the year" -> its 31 December, "in April" ->
        the next April, "by 2030" -> 2030."""
        w = self.words
        low = phrase_.lower().strip()
        meeting = date.fromisoformat(when[:10]) if when and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when[:10]) else None
        known = meeting.year if meeting else int(when) if when and re.fullmatch(r"\d{4}", when) else None
        explicit = re.search(r"(?:19|20)\d{2}", low)
        month = next((i + 1 for i, m in enumerate(self.calendar.month_words) if re.search(rf"\b(?:{m})", low, re.I)),
                     None)
        end_of = any(e in low for e in w["end_of"])
        if explicit and month is None:
            year = int(explicit.group(0))
            return f"{year}-12-31" if end_of else str(year)
        if month is not None:
            day = self.day.search(low)  # a day's digits never open the phrase's first words
            year = int(explicit.group(0)) if explicit else None
            if year is None and known is None:  # no year can be known: ISO's "--MM-DD", "--MM"
                return f"--{month:02d}-{int(day.group(1)):02d}" if day else f"--{month:02d}"
            if year is None and meeting is None:  # the meeting's year only: its month and day unknown
                year = known
            if year is None:
                year = meeting.year + (1 if (month, int(day.group(1)) if day else 31) < (meeting.month, meeting.day)
                                       else 0)
            return f"{year}-{month:02d}-{int(day.group(1)):02d}" if day else f"{year}-{month:02d}"
        if known is None:
            return None
        if any(n in low for n in w["next_year"]):
            return str(known + 1) if not end_of else f"{known + 1}-12-31"
        if any(t in low for t in w["this_year"]):
            return f"{known}-12-31"
        if low.startswith(w["this"]) and low[len(w["this"]):] in w["seasons"]:  # "this autumn": the meeting's year
            return str(known)
        if meeting is None:  # a month or days from the meeting need its day
            return None
        if any(n in low for n in w["next_month"]):
            nxt = date(meeting.year + meeting.month // 12, meeting.month % 12 + 1, 1)
            return nxt.isoformat()[:7]
        span = self.span.search(low)
        if span:
            n = int(span.group(1)) if span.group(1).isdigit() else self.numbers[span.group(1)]
            return date.fromordinal(meeting.toordinal() + w["units"][span.group(2)] * n).isoformat()
        return None


@functools.cache
def grammar(lang: str = "en") -> Grammar:
    """The pledge grammar of a language, compiled once per process."""
    return Grammar(lang)


def abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation ("Aug. 25", "U.S.") or an initial,
    not a sentence."""
    word = re.search(r"[\w.]*$", text[max(0, dot - 12):dot]).group(0).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def later(deadline: str | None, when: str | None) -> bool:
    """A resolved date after the meeting's (compared at the deadline's precision), or any date
    on a page without one."""
    if deadline and when and deadline[:1].isdigit():
        return deadline > when[:len(deadline)]
    return bool(deadline)


def past(phrase_: str, when: str | None) -> bool:
    """A year before the meeting's is history ("relations since 1965"), not a deadline."""
    year = re.search(r"(?:19|20)\d{2}", phrase_)
    return bool(year and when and when[:4].isdigit() and int(year.group(0)) < int(when[:4]))


def resolve_deadline(phrase_: str, when: str | None, lang: str = "en") -> str | None:
    """A deadline as written in a language, resolved against the meeting's date."""
    return grammar(lang).resolve_deadline(phrase_, when)
