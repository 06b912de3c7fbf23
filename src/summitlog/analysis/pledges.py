"""Pledges: statements of future action with an actor and, where given, a deadline.

A sentence is a pledge when it speaks of the future ("will", "plan to",
"should be resolved") and either names a concrete action (build, deliver,
send...) or gives a deadline ("by the end of the year", "maybe in two
years"). Inside a quote the speaker is the actor; outside, the person the
sentence names first ("the presidents" are both participants).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..actors.registry import Registry
from ..records import Pledge, Quote
from .text import sentence_spans

FUTURE = re.compile(
    r"\b(?:will|shall|(?:we|I|they|you|he|she|it)['’]ll|(?:is|are|am) going to|plans? to|planned to|"
    r"intends? to|pledged? to|promised? to|vowed? to|agreed to|committed to|confirmed plans to|"
    r"should (?:be )?(?:resolved|completed|finished|done|built|delivered|signed|mainly complete|complete)|"
    r"(?:is|are) (?:due|set|expected|scheduled) to|eager to|wants? to|want to)\b",
    re.IGNORECASE,
)
ACTION = re.compile(
    r"\b(?:build|construct|deliver|deploy|send|sign|supply|complete|launch|open|establish|create|"
    r"provide|invest|increase|raise|reach|double|pass|resolve|hold|visit|return|join|train|"
    r"finish|finance|allocate|set up|start|begin|ratify|implement|restore|extend|host|organi[sz]e|"
    r"develop|expand|grant|lift|cancel|withdraw|station|ship|release|exchange)\w*\b",
    re.IGNORECASE,
)
DEADLINE = re.compile(
    r"\b(?:by|before|until|in|within|at) (?:the )?end of (?:the |this |next )?(?:year|month|week|summer|autumn|"
    r"winter|spring|decade|(?:19|20)\d{2})"
    r"|\b(?:by|before|in|until) (?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) )?(?:19|20)\d{2}\b"
    r"|\b(?:sometime |some time )?(?:next|this) (?:year|month|week|autumn|spring|summer|winter)\b"
    r"|\b(?:maybe |perhaps |probably )?(?:in|within) (?:the next )?(?:\d+|two|three|four|five|six|ten|a few|"
    r"several) (?:days|weeks|months|years)\b"
    r"|\bin the (?:near|coming) (?:future|months|years|weeks)\b|\bsoon\b",
    re.IGNORECASE,
)
COMMIT = re.compile(
    r"\b(?:pledged?|promised?|vowed?|agreed|committed|confirmed plans|intends?|plans? to|planned to|"
    r"undertook|undertakes|guaranteed?|assured)\b",
    re.IGNORECASE,
)
GROUP = re.compile(r"\b(?:the (?:two )?(?:presidents|leaders|heads of state|sides|parties)|both (?:sides|leaders|presidents))\b",
                   re.IGNORECASE)
NOT_NAMES = {"It", "This", "That", "The", "There", "They", "We", "He", "She", "You", "Our", "These", "Those", "And", "But"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "a few": 3, "several": 3}


class PledgeFinder:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def find(self, text: str, quotes: Sequence[Quote] = (), participants: Sequence[str] = (),
             when: str | None = None, sentences: list[tuple[int, int]] | None = None,
             names: list[tuple[int, int, str]] | None = None) -> list[Pledge]:
        """Pledges of a document; `when` is the meeting's ISO date, for resolving deadlines;
        `sentences` and the registry's `names` are the page's, where the caller has them."""
        found = []
        names = self.registry.find_names(text) if names is None else names
        for start, end in sentence_spans(text) if sentences is None else sentences:
            sentence = text[start:end]
            future = FUTURE.search(sentence)
            if not future:
                continue
            deadline = DEADLINE.search(sentence)
            if not deadline and not ACTION.search(sentence, future.end()):
                continue
            if re.match(r"\s*(?:discuss|talk|think|see|consider)\b", sentence[future.end():]):
                if not deadline:
                    continue
            quote = next((q for q in quotes if q.start <= start < q.end or start <= q.start < end), None)
            firm = deadline and re.match(r"(?:by|before|until)\b", deadline.group(0), re.IGNORECASE)
            if quote is None and not COMMIT.search(sentence) and not firm:
                continue  # the outlet's "the leaders will hold talks" is a schedule, not a pledge
            if deadline and past(deadline.group(0), when):
                continue
            actors = self.actors(text, start, end, quote, names, participants)
            if not actors:
                continue
            found.append(Pledge(
                start=start, end=end, text=sentence.strip(), actors=tuple(actors),
                deadline_text=deadline.group(0) if deadline else None,
                deadline=resolve_deadline(deadline.group(0), when) if deadline else None,
                object=object_of(sentence, future.end()) or self.previous_object(text, start),
                speaker=quote.speaker if quote else None,
            ))
        return found

    def previous_object(self, text: str, start: int) -> str | None:
        """'The issue should be resolved by ...': the thing the sentence before names."""
        before = text[max(0, start - 300):start]
        quoted = [q for q in re.findall(r"(?<!\w)[\"“‘'«]([A-Z][\w-]{2,})[\"”’'»](?!\w)", before)
                  if q not in NOT_NAMES]
        return quoted[-1] if quoted else None

    def actors(self, text, start, end, quote, names, participants) -> list[str]:
        if quote and quote.speaker and quote.start <= start < quote.end:
            return [quote.speaker]
        if GROUP.search(text[start:end]) and participants:
            return sorted(participants)
        inside = [n for s, e, n in names if start <= s < end and not (quote and quote.start <= s < quote.end)]
        if inside:
            return inside[:1]
        if quote and quote.speaker:
            return [quote.speaker]
        # "The issue should be resolved by the end of 2025." - the person of the sentence before.
        before = [n for s, e, n in names if max(0, start - 300) <= s < start]
        return before[:1]


def object_of(sentence: str, after: int) -> str | None:
    """What the pledge is about: a quoted term, else a proper name, else the words after the action."""
    quoted = re.search(r"(?<!\w)[\"“‘'«]([A-Z][\w-]{2,})[\"”’'»](?!\w)", sentence)
    if quoted and quoted.group(1) not in NOT_NAMES:
        return quoted.group(1)
    named = re.search(r"(?<=\s)((?:the )?[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*)\s+(?:system|missile|plant|project|"
                      r"programme|program|satellite|pipeline|agreement|treaty|church|station)", sentence)
    if named and named.group(1).split()[-1] not in NOT_NAMES:
        return named.group(0).strip()
    action = ACTION.search(sentence, after)
    if action:
        words = re.findall(r"[A-Za-z][\w-]*", sentence[action.end():])[:4]
        stop = {"the", "a", "an", "to", "in", "of", "by", "it", "this", "that"}
        words = [w for w in words if w.lower() not in stop][:2]
        return " ".join([action.group(0).lower(), *words]) if words else action.group(0).lower()
    return None


def past(phrase: str, when: str | None) -> bool:
    """A year before the meeting's is history ("relations since 1965"), not a deadline."""
    explicit = re.search(r"(?:19|20)\d{2}", phrase)
    return bool(explicit and when and when[:4].isdigit() and int(explicit.group(0)) < int(when[:4]))


def resolve_deadline(phrase: str, when: str | None) -> str | None:
    """The deadline as an ISO date or year where the meeting's date allows; None otherwise."""
    low = phrase.lower()
    year = int(when[:4]) if when and when[:4].isdigit() else None
    explicit = re.search(r"(?:19|20)\d{2}", low)
    if explicit:
        y = int(explicit.group(0))
        return f"{y}-12-31" if "end of" in low or not re.search(r"[a-z]+ (?:19|20)\d{2}", low) else str(y)
    if year is None:
        return None
    if "next year" in low:
        return str(year + 1)
    if "end of the year" in low or "end of this year" in low or "this year" in low:
        return f"{year}-12-31"
    if "end of next year" in low:
        return f"{year + 1}-12-31"
    span = re.search(r"(\d+|two|three|four|five|six|ten|a few|several) (days|weeks|months|years)", low)
    if span and when and len(when) == 10:
        n = int(span.group(1)) if span.group(1).isdigit() else NUMBERS[span.group(1)]
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[span.group(2)] * n
        return date.fromordinal(date.fromisoformat(when).toordinal() + days).isoformat()
    return None
