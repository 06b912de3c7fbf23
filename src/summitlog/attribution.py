"""Which mention near a quote is its source: a small logistic model instead of a cascade of rules.

The model is trained on PolNeAR's attribution relations (source, cue and content spans in 840
US news articles) by `scripts/train_attribution.py`, which writes `data/attribution.json`.
Features describe where a mention stands relative to the quote (same sentence before or after,
the sentence before, the paragraph before), how far, what kind of mention it is, and the words
around it (a cue verb, "according to", a possessive, a preposition). The same function computes
them at training and at run time, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .resources import load

WORD = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
# Words before a mention that tell its role in the clause; any other word is "other".
FUNCTION_WORDS = {
    "to", "with", "about", "of", "by", "and", "for", "on", "at", "from", "in", "told", "said",
    "says", "asked", "than", "as", "like", "against", "that", "when", "while", "where", "but",
    "added", "wrote", "according", "under", "whom", "who", "the", "a", "an", "quoted", "cited",
}
QUOTE_MARKS = "\"“”«»„‘’'"


@dataclass(frozen=True)
class Around:
    """A quote and the stretch of text its source is looked for in."""

    text: str
    start: int  # first character of the quote's content
    end: int  # end of its content
    para_start: int
    para_end: int
    sentence_start: int  # of the sentence the opening mark stands in
    sentence_end: int  # of the sentence the closing mark stands in
    prev_para: tuple[int, int] | None
    next_para: tuple[int, int] | None


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str  # name | descriptor | pronoun | object | plural | org
    last_speaker: bool = False  # names whoever spoke the quote before
    dep: str = ""  # dependency label of the mention's head word ("nsubj", "pobj" ...)
    governor: str = ""  # the word it depends on ("said")


def region(a: Around, c: Candidate) -> str:
    if a.para_start <= c.start < a.start:
        return "head" if c.start >= a.sentence_start else "before"
    if a.end <= c.start < a.para_end:
        return "tail" if c.start < a.sentence_end else "after"
    if a.prev_para and a.prev_para[0] <= c.start < a.prev_para[1]:
        return "prev_para"
    return "next_para"


def words(text: str) -> list[str]:
    return WORD.findall(text)


def features(a: Around, candidates: Sequence[Candidate], i: int, cue: re.Pattern[str],
             quoted: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """The features of candidates[i] as the source of the quote `a`."""
    c = candidates[i]
    text = a.text
    where = region(a, c)
    before_quote = c.start < a.start
    gap = text[c.end:a.start - 1] if before_quote else text[a.end + 1:c.start]
    gap_words = [w for w in words(gap) if w not in QUOTE_MARKS]
    distance = len(gap_words)
    same_side = [k for k, o in enumerate(candidates) if region(a, o) == where]
    if before_quote:
        rank = sum(1 for k in same_side if candidates[k].start > c.start)
    else:
        rank = sum(1 for k in same_side if candidates[k].start < c.start)
    lo, hi = (c.end, a.start - 1) if before_quote else (a.end + 1, c.start)
    between = sum(1 for o in candidates if lo <= o.start and o.end <= hi)
    crosses_quote = any(lo <= s and e <= hi for s, e in quoted)
    speaks = [o.dep.startswith("nsubj") and bool(cue.fullmatch(o.governor)) for o in candidates]
    closer_speaker = any(
        speaks[k] and k != i and (c.end <= o.start < a.start if before_quote else a.end <= o.start < c.start)
        for k, o in enumerate(candidates)
    )
    prev_words = words(text[max(0, c.start - 40):c.start])
    next_words = words(text[c.end:c.end + 60])
    prev = prev_words[-1].lower() if prev_words else "^"
    prev2 = " ".join(w.lower() for w in prev_words[-2:])
    nxt = next_words[0].lower() if next_words else "$"
    after3 = " ".join(next_words[:4])
    before3 = " ".join(prev_words[-3:])
    sentence_from = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    initial = not [w for w in words(text[sentence_from:c.start]) if w not in QUOTE_MARKS]
    cue_after = bool(cue.search(after3))
    cue_before = bool(cue.search(before3))
    cue_between = bool(cue.search(gap))
    f: dict[str, float] = {
        f"kind={c.kind}": 1.0,
        f"region={where}": 1.0,
        f"region={where}|kind={c.kind}": 1.0,
        f"region={where}|rank={min(rank, 2)}": 1.0,
        "log_distance": math.log1p(distance),
        f"region={where}|log_distance": math.log1p(distance),
        "between": min(between, 3) / 3,
        "crosses_quote": float(crosses_quote),
        f"prev={prev if prev in FUNCTION_WORDS else 'other'}": 1.0,
        "prev_according": float(prev2 == "according to"),
        "possessive": float(nxt in ("'s", "’s") or text[c.end:c.end + 2] in ("'s", "’s")),
        "next_comma": float(nxt == ","),
        "next_paren": float(nxt == "("),
        "initial": float(initial),
        "cue_after": float(cue_after),
        "cue_before": float(cue_before),
        "cue_between": float(cue_between),
        f"region={where}|cue_after": float(cue_after),
        f"region={where}|cue_before": float(cue_before),
        f"region={where}|cue_between": float(cue_between),
        f"dep={c.dep or 'none'}": 1.0,
        f"dep={c.dep or 'none'}|governor_cue={bool(cue.fullmatch(c.governor))}": 1.0,
        f"region={where}|dep={c.dep or 'none'}": 1.0,
        "speaks": float(speaks[i]),
        f"region={where}|speaks": float(speaks[i]),
        "closer_speaker": float(closer_speaker),
        "last_speaker": float(c.last_speaker),
        f"region={where}|last_speaker": float(c.last_speaker),
        "gap_colon": float(before_quote and gap.rstrip().endswith(":")),
        "gap_comma": float(before_quote and gap.rstrip().endswith(",")),
        "quote_opens_para": float(not text[a.para_start:a.start - 1].strip()),
        "quote_ends_para": float(not text[a.end + 1:a.para_end].strip(" .,;:!?\"”’»")),
    }
    return {k: v for k, v in f.items() if v}


@dataclass(frozen=True)
class SourceRanker:
    """A logistic model scoring each candidate as the source; the best above `threshold` wins."""

    weights: dict[str, float]
    bias: float
    threshold: float
    name: str = "attribution.v1"

    @classmethod
    def load(cls, file: str = "attribution.json") -> "SourceRanker":
        data = load(file)
        return cls(data["weights"], data["bias"], data["threshold"], data.get("name", "attribution.v1"))

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def ranked(self, a: Around, candidates: Sequence[Candidate], cue: re.Pattern[str],
               quoted: Sequence[tuple[int, int]] = ()) -> list[tuple[int, float]]:
        """(index, probability) of the candidates likely enough to be the source, likeliest first."""
        scored = [(i, self.probability(features(a, candidates, i, cue, quoted))) for i in range(len(candidates))]
        return sorted((x for x in scored if x[1] >= self.threshold), key=lambda x: -x[1])
