"""Across the sources of one Event: the same statement aligned, and where the sources disagree.

Alignment is lexical and measured (see tests/data/alignments.jsonl): sentences of
two sources' statements are compared by their content words, matched loosely
(stems, spelling variants such as defence/defense); each sentence is paired
with its best counterpart above a threshold, both ways, so a statement one
source splits in two aligns with both halves. A discrepancy is a number or
year that differs within an aligned pair ("continues in 2015" vs "2025"), a
differently named thing in aligned reports of the meeting ("World Atomic
Week" vs "Global Atomic Forum"), or one statement given to two speakers.
Paraphrase alone is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..analysis.dates import DATE
from ..analysis.text import sentence_spans

EXTRACTOR = "align.v1"
THRESHOLD = 0.3  # share of content words matched on both sides; chosen on the annotated pairs
NARRATIVE_THRESHOLD = 0.4  # reports of the meeting, for differently named things
NARRATIVE_NUMBERS = 0.6  # reports close enough that a different number is a disagreement
STOP = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been being it its
    this that these those we our us you your i me my he his him she her they their them there here
    not no so very also just then than which who whom what when where while will would should can
    could may might must shall do does did done have has had having all any some such only own same
    other into over about after before again further once more most much many well even still yet
    of course certainly""".split()
)
WORD = re.compile(r"[\w’'-]+")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\w.])")
NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){1,3}\b")
SENTENCE_END = re.compile(r"[.!?…][\"'’”»)\]]*$")


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    quote_id: int | None


@lru_cache(maxsize=65536)
def content(text: str) -> tuple[str, ...]:
    return tuple(w for w in (t.lower().strip("’'-") for t in WORD.findall(text)) if w and w not in STOP)


def stem(word: str) -> str:
    return word[:5] if len(word) >= 5 else word


@lru_cache(maxsize=262144)
def same_word(a: str, b: str) -> bool:
    """Words that are the same up to inflection or spelling (defence/defense, honour/honor)."""
    if a == b or a[:5] == b[:5] and min(len(a), len(b)) >= 5:
        return True
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 80


def matched(words: tuple[str, ...], others: tuple[str, ...]) -> int:
    """How many of words have a counterpart among others: by stem first, loosely for the rest."""
    exact, stems, by_letter = index(others)
    count = 0
    for w in words:
        if w in exact or len(w) >= 5 and stem(w) in stems or any(same_word(w, o) for o in by_letter.get(w[0], ())):
            count += 1
    return count


@lru_cache(maxsize=65536)
def index(words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    by_letter: dict[str, list[str]] = {}
    for w in words:
        by_letter.setdefault(w[0], []).append(w)
    return frozenset(words), frozenset(stem(w) for w in words), {k: tuple(v) for k, v in by_letter.items()}


def similarity(a: str, b: str) -> float:
    """Share of content words of both sentences that have a counterpart in the other."""
    wa, wb = content(a), content(b)
    if not wa or not wb:
        return 0.0
    return (matched(wa, wb) + matched(wb, wa)) / (len(wa) + len(wb))


def statement_sentences(text: str, quote: dict[str, Any]) -> list[Sentence]:
    body = text[quote["start"]:quote["end"]]
    return [Sentence(quote["doc_id"], quote["start"] + s, quote["start"] + e, body[s:e].strip(),
                     quote["speaker"], quote["id"]) for s, e in sentence_spans(body)]


def pair_up(left: list[Sentence], right: list[Sentence], threshold: float) -> list[tuple[Sentence, Sentence, float]]:
    """Each sentence with its best counterpart above the threshold, both ways."""
    scores = {}
    for a in left:
        for b in right:
            if a.speaker and b.speaker and a.speaker != b.speaker:
                continue
            scores[(a, b)] = similarity(a.text, b.text)
    chosen = {}
    for side, others in ((left, right), (right, left)):
        for s in side:
            best = max(((scores.get((s, o)) if side is left else scores.get((o, s)), o) for o in others),
                       key=lambda x: x[0] or 0, default=(0, None))
            if best[1] is not None and (best[0] or 0) >= threshold:
                key = (s, best[1]) if side is left else (best[1], s)
                chosen[key] = best[0]
    return [(a, b, score) for (a, b), score in chosen.items()]


def numbers(text: str) -> list[str]:
    """Numbers of a sentence, ordinals as cardinals; days of dates are left to the meeting facts."""
    text = DATE.sub(" ", text)
    return [re.sub(r"(?:st|nd|rd|th)$", "", n).replace(",", "") for n in NUMBER.findall(text)]


def number_differences(a: str, b: str) -> tuple[list[str], list[str]]:
    na, nb = numbers(a), numbers(b)
    only_a = [n for n in na if n not in nb]
    only_b = [n for n in nb if n not in na]
    return only_a, only_b


def names(text: str, known: set[str]) -> set[str]:
    return {n for n in NAME.findall(text) if n not in known and not any(part in known for part in n.split())}


def align_event(texts: dict[str, str], quotes: list[dict[str, Any]], known_names: set[str],
                people: Collection[str] | None = None) -> dict[str, list]:
    """Alignments and discrepancies among the documents of one Event.

    `texts` maps doc id to clean text, `quotes` are the stored statements of those documents,
    `known_names` are words never to flag as differing names (people, countries, places),
    `people` the persons a statement can be given to differently (the registry's actors; any
    speaker where None).
    """
    by_doc: dict[str, list[Sentence]] = {d: [] for d in texts}
    for q in quotes:
        by_doc.setdefault(q["doc_id"], []).extend(statement_sentences(texts[q["doc_id"]], q))
    docs = sorted(texts)
    alignments, discrepancies = [], []
    for i, da in enumerate(docs):
        for db in docs[i + 1:]:
            for a, b, score in pair_up(by_doc[da], by_doc[db], THRESHOLD):
                alignments.append({"a": a.__dict__, "b": b.__dict__, "score": round(score, 3)})
                only_a, only_b = number_differences(a.text, b.text)
                if only_a and only_b:
                    discrepancies.append(flag("number", a, b, f"{', '.join(only_a)} vs {', '.join(only_b)}"))
            for a, b in cross_speakers(by_doc[da], by_doc[db], people):
                discrepancies.append(flag("speaker", a, b, f"{a.speaker} vs {b.speaker}"))
            narrative = [narrative_sentences(texts[d], [q for q in quotes if q["doc_id"] == d], d) for d in (da, db)]
            for a, b, score in pair_up(narrative[0], narrative[1], NARRATIVE_THRESHOLD):
                na, nb = names(a.text, known_names), names(b.text, known_names)
                if na and nb and not na & nb and related(na, nb) and not variants(na, nb):
                    discrepancies.append(flag("name", a, b, f"{', '.join(sorted(na))} vs {', '.join(sorted(nb))}"))
                only_a, only_b = number_differences(a.text, b.text)
                if only_a and only_b and score >= NARRATIVE_NUMBERS:
                    discrepancies.append(flag("number", a, b, f"{', '.join(only_a)} vs {', '.join(only_b)}"))
    return {"alignments": alignments, "discrepancies": discrepancies}


def cross_speakers(left: list[Sentence], right: list[Sentence],
                   people: Collection[str] | None = None) -> list[tuple[Sentence, Sentence]]:
    """The same words given to different speakers (a near-verbatim statement, two names), both
    of them persons of the record: a name the extraction took for a speaker that is no one the
    registry knows (a byline, a place) would make our own error look like the sources'."""
    found = []
    for a in left:
        for b in right:
            if a.speaker and b.speaker and a.speaker != b.speaker and len(content(a.text)) >= 4 \
                    and (people is None or a.speaker in people and b.speaker in people) \
                    and similarity(a.text, b.text) >= 0.8:
                found.append((a, b))
    return found


def narrative_sentences(text: str, quotes: list[dict[str, Any]], doc_id: str) -> list[Sentence]:
    """The page's own sentences about the meeting: outside its statements, and closed by a full
    stop or the like, which a headline, a label or a line cut short is not ("Tempers Flare in
    the Oval Office" is no name of a thing to compare)."""
    spans = [(q["start"], q["end"]) for q in quotes]
    out = []
    for s, e in sentence_spans(text):
        if not any(qs <= s < qe for qs, qe in spans) and SENTENCE_END.search(text[s:e].strip()):
            out.append(Sentence(doc_id, s, e, text[s:e].strip(), None, None))
    return out


def related(a: set[str], b: set[str]) -> bool:
    """Two names for one thing share a word ("World Atomic Week", "Global Atomic Forum")."""
    words_a = {w for n in a for w in n.split() if len(w) > 3}
    words_b = {w for n in b for w in n.split() if len(w) > 3}
    return bool(words_a & words_b)


def variants(a: set[str], b: set[str]) -> bool:
    """Spellings of one name ("Kondratyev", "Kondratiev") are not a disagreement."""
    return any(fuzz.partial_ratio(x, y) >= 85 for x in a for y in b)


def flag(kind: str, a: Sentence, b: Sentence, what: str) -> dict[str, Any]:
    return {"kind": kind, "what": what, "a": a.__dict__, "b": b.__dict__}


TITLE_WORDS = {"President", "Prime", "Minister", "Governor", "Chancellor", "King", "Queen", "Premier", "Chairman",
               "Secretary", "Head", "State", "Mr", "Mrs", "Ms", "Sir", "Dr", "His", "Her", "Excellency", "The"}


def known_words(registry: Any) -> set[str]:
    """Words that make a capitalised phrase a person, title or country rather than a thing
    whose differing names would be worth flagging."""
    words = set(TITLE_WORDS)
    for actor in registry.actors.values():
        for alias in (actor.name, *actor.aliases):
            words.update(alias.split())
    for code, country in registry.countries.items():
        for name in (country["name"], *country.get("demonyms", []), *country.get("aliases", [])):
            words.update(name.split())
    return words
