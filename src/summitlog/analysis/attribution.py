"""Who said it, and is it speech at all: two small logistic models instead of cascades of rules.

The source model scores each mention near a quote as its source; the statement model tells
attributed speech from scare quotes, titles and terms. Both are trained on PolNeAR's
attribution relations (source, cue and content spans in 840 US news articles) by
`scripts/train_attribution.py`, which writes `data/attribution.json`. Source features describe
where a mention stands relative to the quote (same sentence before or after, the sentence
before, the paragraph before), how far, what kind of mention it is, its grammatical role, and
the words around it (a cue verb, "according to", a possessive). The same functions compute the
features at training and at run time, so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..resources import load

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


NOT_SPACE = re.compile(r"\S")
NOT_TRAILING = re.compile(r"[^ .,;:!?\"”’»]")  # what may follow a quote that ends its paragraph


def last_visible(text: str, at: int) -> str:
    """The last character before `at` that is not a space ("" if none), read back from `at`."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[at - 1] if at else ""


def opens_sentence(text: str, at: int) -> bool:
    """Whether nothing but spaces and quotation marks stands between the last ". " or line break
    before `at` and `at`. Read back from `at` only as far as those spaces and marks go, so that
    a page of one line with no full stop costs no more than any other."""
    start = at
    while start > 0 and (text[start - 1].isspace() or text[start - 1] in QUOTE_MARKS):
        start -= 1
    if start == 0:
        return True
    lo = start - 1  # a ". " or a line break from here on ends the sentence before `at`
    return text.rfind(". ", lo, at) >= 0 or text.rfind("\n", lo, at) >= 0


class Words:
    """The words (less quotation marks) of text[lo:hi], to count those of any stretch of it that
    starts or ends between two words without reading the stretch again. WORD has no look-behind
    nor look-ahead, so the words of a stretch are those of the whole that lie in it, unless a
    word of the whole is cut by the stretch's edge (`cut`)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.counts = [0]  # words before each word
        for match in WORD.finditer(text, lo, hi):
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.counts.append(self.counts[-1] + (match.group(0) not in QUOTE_MARKS))

    def cut(self, at: int) -> bool:
        """Whether a word of the whole runs across `at`."""
        k = bisect.bisect_left(self.starts, at) - 1
        return k >= 0 and self.ends[k] > at

    def since(self, at: int) -> int:
        """The words of the whole that start at `at` or later."""
        return self.counts[-1] - self.counts[bisect.bisect_left(self.starts, at)]

    def until(self, at: int) -> int:
        """The words of the whole that end at `at` or before."""
        return self.counts[bisect.bisect_right(self.ends, at)]


@dataclass(frozen=True)
class Scene:
    """What every candidate's features need of all the others: their regions, which of them is
    the subject of a speech verb, and their starts (and the quoted spans' bounds) in order, so
    that each candidate's counts are bisections, not a pass over every other candidate. Computed
    once per quote."""

    regions: tuple[str, ...]
    speaks: tuple[bool, ...]
    by_start: list[tuple[int, int, int]]  # (start, end, index) of every candidate, by start
    starts: list[int]  # the starts of by_start
    longest: int  # characters of the longest candidate
    region_starts: dict[str, list[int]]  # the starts of the candidates of each region, in order
    speaker_starts: list[tuple[int, int]]  # (start, index) of the subjects of speech verbs, in order
    name_starts: list[tuple[int, int]]  # (start, index) of the names, in order
    speaker_near: bool  # a subject of a speech verb stands in the quote's own sentence
    quoted_starts: list[int]  # the quoted spans' starts, in order
    later_end: list[float]  # the least end of the quoted spans from each of them on
    quoted_ends: list[tuple[int, int]]  # (end, start) of the quoted spans, in order
    before: Words  # the words from the first candidate before the quote to its opening mark
    after: Words  # the words from the quote's closing mark to the last candidate after it


def scene(a: Around, candidates: Sequence[Candidate], cue: re.Pattern[str],
          quoted: Sequence[tuple[int, int]] = ()) -> Scene:
    regions = tuple(region(a, o) for o in candidates)
    speaks = tuple(o.dep.startswith("nsubj") and bool(cue.fullmatch(o.governor)) for o in candidates)
    by_start = sorted((o.start, o.end, k) for k, o in enumerate(candidates))
    region_starts: dict[str, list[int]] = {}
    for start, _, k in by_start:
        region_starts.setdefault(regions[k], []).append(start)
    spans = sorted(quoted)
    later_end = [math.inf] * (len(spans) + 1)
    for k in range(len(spans) - 1, -1, -1):
        later_end[k] = min(spans[k][1], later_end[k + 1])
    return Scene(
        regions, speaks, by_start, [s for s, _, _ in by_start],
        max((o.end - o.start for o in candidates), default=0), region_starts,
        [(s, k) for s, _, k in by_start if speaks[k]],
        [(s, k) for s, _, k in by_start if candidates[k].kind == "name"],
        any(speaks[k] and regions[k] in ("head", "tail") for k in range(len(candidates))),
        [s for s, _ in spans], later_end, sorted((e, s) for s, e in spans),
        Words(a.text, min((o.end for o in candidates if o.start < a.start), default=0), a.start - 1),
        Words(a.text, a.end + 1, max((o.start for o in candidates if o.start >= a.start), default=0)),
    )


def gap_words(a: Around, c: Candidate, gap: str, shared: Scene) -> int:
    """The words (less quotation marks) between a candidate and the quote: counted from the
    scene's words, or read from the gap where a word runs across the candidate's edge."""
    if not gap:
        return 0
    if c.start < a.start:
        if not shared.before.cut(c.end):
            return shared.before.since(c.end)
    elif not shared.after.cut(c.start):
        return shared.after.until(c.start)
    return sum(1 for w in words(gap) if w not in QUOTE_MARKS)


def within(pairs: list[tuple[int, int]], lo: float, hi: float) -> list[tuple[int, int]]:
    """The (start, index) pairs whose start is in [lo, hi)."""
    return pairs[bisect.bisect_left(pairs, (lo, -1)):bisect.bisect_left(pairs, (hi, -1))]


def features(a: Around, candidates: Sequence[Candidate], i: int, cue: re.Pattern[str],
             quoted: Sequence[tuple[int, int]] = (), shared: Scene | None = None) -> dict[str, float]:
    """The features of candidates[i] as the source of the quote `a` (`shared`: scene(a,
    candidates, cue, quoted))."""
    shared = shared or scene(a, candidates, cue, quoted)
    regions, speaks = shared.regions, shared.speaks
    c = candidates[i]
    text = a.text
    where = regions[i]
    before_quote = c.start < a.start
    gap = text[c.end:a.start - 1] if before_quote else text[a.end + 1:c.start]
    distance = gap_words(a, c, gap, shared)
    same_side = shared.region_starts[where]
    if before_quote:
        rank = len(same_side) - bisect.bisect_right(same_side, c.start)
    else:
        rank = bisect.bisect_left(same_side, c.start)
    lo, hi = (c.end, a.start - 1) if before_quote else (a.end + 1, c.start)
    # the candidates that start in [lo, hi], less those of them that end past hi (only one that
    # starts within the longest candidate's length of hi can)
    starts = shared.starts
    last = bisect.bisect_right(starts, hi)
    between = max(0, last - bisect.bisect_left(starts, lo)) - sum(
        1 for s, e, _ in shared.by_start[bisect.bisect_left(starts, max(lo, hi - shared.longest)):last] if e > hi)
    crosses_quote = shared.later_end[bisect.bisect_left(shared.quoted_starts, lo)] <= hi
    span = (c.end, a.start) if before_quote else (a.end, c.start)
    closer_speaker = any(k != i for _, k in within(shared.speaker_starts, *span))
    # "Network host Dana Reyes", "Senate Majority Leader Tom Harlan": an organisation
    # (or title) that a name follows closely is part of that person's description.
    name_follows = any(k != i and not re.search(r"[,.;:()\"“”]", text[c.end:s])
                       for s, k in within(shared.name_starts, c.end, c.end + 31))
    # The quote's own sentence has a speaker of a speech verb: one outside it is less likely.
    own_sentence = where in ("head", "tail")
    sentence_speaker = not own_sentence and shared.speaker_near
    # "“A,” Biden said. “B,” Hichilema said.": a mention right after another quote attributes
    # that one; in the same sentence as this quote ("“A,” he said, “B.”") it may attribute both.
    ends = shared.quoted_ends
    tail_of_other = any((s, e) != (a.start, a.end) and not re.search(r"[.!?]\s", text[e + 1:c.start])
                        for e, s in ends[bisect.bisect_left(ends, (c.start - 25, -math.inf)):
                                         bisect.bisect_right(ends, (c.start, math.inf))])
    prev_words = words(text[max(0, c.start - 40):c.start])
    next_words = words(text[c.end:c.end + 60])
    prev = prev_words[-1].lower() if prev_words else "^"
    prev2 = " ".join(w.lower() for w in prev_words[-2:])
    nxt = next_words[0].lower() if next_words else "$"
    after3 = " ".join(next_words[:4])
    before3 = " ".join(prev_words[-3:])
    initial = opens_sentence(text, c.start)
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
        "name_follows": float(name_follows),
        "sentence_speaker": float(sentence_speaker),
        f"region={where}|sentence_speaker": float(sentence_speaker),
        f"region={where}|tail_of_other": float(tail_of_other),
        f"kind={c.kind}|name_follows": float(name_follows),
        "last_speaker": float(c.last_speaker),
        f"region={where}|last_speaker": float(c.last_speaker),
        "gap_colon": float(before_quote and gap.rstrip().endswith(":")),
        "gap_comma": float(before_quote and gap.rstrip().endswith(",")),
        "quote_opens_para": float(not NOT_SPACE.search(text, a.para_start, max(a.para_start, a.start - 1))),
        "quote_ends_para": float(not NOT_TRAILING.search(text, a.end + 1, a.para_end)),
    }
    return {k: v for k, v in f.items() if v}


SPEECH_WORDS = {"i", "we", "you", "my", "our", "your", "me", "us"}
LEADS = {
    "a", "an", "the", "as", "his", "her", "its", "their", "our", "my", "called", "dubbed", "so-called",
    "was", "is", "be", "were", "are", "of", "and", "for", "to", "in", "on", "with", "that", "said",
    "says", "told", "saying", "asked", "replied", "added", "it", "him", "them", "what", "this",
}


SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}


def is_title_case(content: str) -> bool:
    """"Songs of the Northern Coast", "A Plan for Tomorrow.": a title or a name, not speech."""
    tokens = [w for w in content.rstrip(" .!?").split() if w.strip("’'\".,")]
    if not tokens or content.isupper() or re.search(r"[,;]", content):
        return False
    return all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in tokens)


MARKS = {"“": "double", '"': "double", "„": "double", "‘": "single", "'": "single", "’": "single",
         "«": "guillemet", "‚": "single"}


def size_bucket(n: int) -> str:
    return str(n) if n < 4 else "4-5" if n < 6 else "6-8" if n < 9 else "9+"


def word_class(word: str) -> str:
    """The word itself where it is one of LEADS, else what kind of word it is."""
    if word in LEADS:
        return word
    return "cap" if word[:1].isupper() else "other" if word[:1].isalnum() else "punct"


def statement_features(para: str, start: int, end: int, closed: bool, cue: re.Pattern[str],
                       someone_near: bool) -> dict[str, float]:
    """Features of the quoted span para[start:end] as attributed speech rather than a term, a
    title or scare quotes; `someone_near` says a person is named in its sentence outside quotes."""
    content = para[start:end].strip()
    tokens = [w for w in words(content) if w[0].isalnum()]
    n = len(tokens)
    head_text = para[max(0, start - 80):max(0, start - 1)]
    before = words(head_text)
    lead = before[-1].lower() if before else "^"
    after_at = end + 1 if closed else end
    after = para[after_at:after_at + 60]
    nxt = after.lstrip()[:1]
    sentence_head = head_text[max(head_text.rfind(". "), -1) + 1:]
    last_mark = last_visible(para, max(0, start - 1))
    f = {
        f"words={size_bucket(n)}": 1.0,
        "log_words": math.log1p(n),
        f"lead={word_class(lead)}": 1.0,
        "title_case": float(is_title_case(content) and n <= 8),
        "digit": float(any(ch.isdigit() for ch in content)),
        "next_cap": float(nxt.isupper()),
        "upper": float(content.isupper()),
        "ends_sentence": float(content[-1:] in ".!?…"),
        "ends_comma": float(content[-1:] == ","),
        "speech_word": float(any(w.lower() in SPEECH_WORDS for w in tokens)),
        "head_colon_comma": float(last_mark in (":", ",")),
        "opens_para": float(not last_mark),
        "cue_before": float(bool(cue.search(" ".join(before[-4:])))),
        "cue_in_sentence": float(bool(cue.search(sentence_head)) or bool(cue.search(after[:40]))),
        "cue_after": float(bool(cue.search(" ".join(words(after)[:4])))),
        "next_lower": float(nxt.isalpha() and nxt.islower()),
        "next_punct": float(nxt in ".,;:!?" or not nxt),
        "someone_near": float(someone_near),
        f"someone_near|words={min(n, 3)}": float(someone_near),
        "unclosed": float(not closed),
        f"mark={MARKS.get(para[start - 1], 'other') if start else 'other'}": 1.0,
    }
    return {k: v for k, v in f.items() if v}


@dataclass(frozen=True)
class Logistic:
    """A logistic model over named features, read from a shipped JSON file."""

    weights: dict[str, float]
    bias: float
    threshold: float
    name: str = "untrained"

    @classmethod
    def load(cls, file: str, section: str):
        data = load(file)[section]
        return cls(data["weights"], data["bias"], data["threshold"], data["name"])

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, feats: dict[str, float]) -> bool:
        return self.probability(feats) >= self.threshold


@dataclass(frozen=True)
class SourceRanker(Logistic):
    """Scores each candidate as the source of a quote; the best above `threshold` wins."""

    @classmethod
    def load(cls, file: str = "attribution.json", section: str = "source") -> "SourceRanker":
        return super().load(file, section)

    def ranked(self, a: Around, candidates: Sequence[Candidate], cue: re.Pattern[str],
               quoted: Sequence[tuple[int, int]] = ()) -> list[tuple[int, float]]:
        """(index, probability) of the candidates likely enough to be the source, likeliest first."""
        shared = scene(a, candidates, cue, quoted)
        scored = [(i, self.probability(features(a, candidates, i, cue, quoted, shared)))
                  for i in range(len(candidates))]
        return sorted((x for x in scored if x[1] >= self.threshold), key=lambda x: -x[1])
