"""Two reports in different languages compared without translating them.

A Russian report and an English one of the same meeting share few letters; what they share
are anchors no language changes (numbers, the names of people and places, read back into
Latin letters) and words a dictionary pairs ("товарооборот" -> trade, turnover). Each word of
a page becomes the set of English word stems it may stand for: an English word its own stem,
a number itself, a word of another language the stems of its dictionary renderings (from
`data/lang/<lang>/lexicon.tsv.gz`, made by scripts/lexicon.py from Debian's Mueller
dictionary) and, for a capitalised word, its Latin spelling and the English name of the
country or city it names. Two texts are as close as the share of their words that find a
counterpart in the other, as `align.similarity` measures one language. English is the pivot:
a third language needs its lexicon file and nothing else here.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from rapidfuzz import fuzz

from ..analysis.places import Gazetteer
from ..resources import PIVOT, load, load_lang
from .align import STOP, Sentence

EXTRACTOR = "crosslang.v1+mueller7-dict"  # what made a cross-language score: method and dictionary
LEXICONS = ("ru",)  # languages with a lexicon to the pivot (data/lang/<lang>/lexicon.tsv.gz)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")
CAPITALISED = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][,;] ))[^\W\d_](?:[^\W\d_]|-)+")  # not a sentence's first word
SAME_NAME = 85  # rapidfuzz ratio of two Latin spellings of one name ("Sergei", "Sergey")
STEM = 5  # letters of a word that stand for it across inflection (meet, meeting; trade, trading)
SHORT = 3  # words shorter than this carry no content ("a", "of"; "gas", "war" do: longer function words are in STOP)
Concept = frozenset[str]


def stem(word: str) -> str:
    return word.lower()[:STEM]


@functools.cache
def lexicon(lang: str) -> dict[str, tuple[str, ...]]:
    """A language's words (dictionary forms) to their English renderings; empty where none ships."""
    path = files("summitlog").joinpath("data", "lang", lang, "lexicon.tsv.gz")
    if not path.is_file():
        return {}
    table = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                word, _, english = line.rstrip("\n").partition("\t")
                table[word] = tuple(english.split())
    return table


class Bridge:
    """Words of any shipped language as English stems. `registry` lends the romaniser (dictionary
    forms and Latin spellings of Cyrillic words) and the country names."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.gazetteers: dict[str, Gazetteer] = {}

    def place(self, token: str, lang: str) -> str | None:
        """The English name of the city or venue a word of another language names ("Москве")."""
        if lang not in self.gazetteers:
            self.gazetteers[lang] = Gazetteer.load(lang, self.registry.romaniser)
        gazetteer = self.gazetteers[lang]
        entry = gazetteer.entry([token]) if gazetteer.romaniser is not None else None
        return entry[0] if entry else None

    def concepts(self, text: str, lang: str | None, compounds: bool = False) -> list[Concept]:
        """Each content word of the text as the English stems it may stand for; with `compounds`,
        a hyphenated word also as its parts' ("премьер-министр": prime, minister), which pairs a
        statement with its translation but makes any two pages about leaders look alike."""
        return [c for c in (self.concept(t, lang or PIVOT, compounds) for t in TOKEN.findall(text)) if c]

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Bridge per Linker, words repeat across pages
    def concept(self, token: str, lang: str, compounds: bool = False) -> Concept:
        if token[0].isdigit():
            return frozenset({token.replace(",", "")})
        if lang == PIVOT or token.isascii() or self.registry is None:
            word = token.lower()
            word = abbreviations(lang).get(word, word) if lang == PIVOT else word
            return frozenset({stem(word)}) if len(word) >= SHORT and word not in STOP else frozenset()
        romaniser = self.registry.romaniser
        lemma = romaniser.lemma(token)
        parts = [lemma, *(romaniser.lemma(p) for p in token.split("-") if len(p) >= SHORT)] if compounds else [lemma]
        stems = {stem(w) for part in parts for w in lexicon(lang).get(part, ()) if len(w) >= SHORT and w not in STOP}
        if token[:1].isupper():
            stems.add(stem(romaniser.latin(token)))
            code = self.registry.country(token)
            english = self.registry.countries[code]["name"] if code else self.place(token, lang)
            if english:
                stems.update(stem(w) for w in english.split())
        return frozenset(stems) if len(lemma) >= SHORT else frozenset()

    def similarity(self, a: str, lang_a: str | None, b: str, lang_b: str | None) -> float:
        """Share of the words of both texts that have a counterpart in the other."""
        return overlap(self.concepts(a, lang_a), self.concepts(b, lang_b))

    def shared_anchors(self, a: str, b: str, leaders: Iterable[str] = ()) -> set[str]:
        """Numbers of two digits or more and names, other than the leaders' and countries', that
        both texts give: "25" and "Vorontsova" in two reports of one talk."""
        return shared(self.anchors(a, leaders), self.anchors(b, leaders))

    def anchors(self, text: str, leaders: Iterable[str] = ()) -> tuple[set[str], set[str]]:
        """A text's names (as `names`) and numbers of two digits or more, in any language."""
        return self.names(text, leaders), numbers(text)

    def names(self, text: str, leaders: Iterable[str]) -> set[str]:
        """Capitalised words inside sentences, in lower-case Latin letters, less the leaders' names
        and countries: the people and places a report mentions."""
        known = [w.lower() for name in leaders for w in name.split()]
        found = set()
        for word in CAPITALISED.findall(text):
            if word.isupper() or not word[:1].isupper() or self.common(word) or self.registry is not None \
                    and self.registry.place(word):
                continue
            latin = (self.registry.romaniser.latin(word) if self.registry is not None and not word.isascii() else word).lower()
            if len(latin) >= SHORT and latin.isascii() and not any(fuzz.ratio(latin, k) >= SAME_NAME for k in known):
                found.add(latin)
        return found

    def common(self, word: str) -> bool:
        """A word a dictionary lists, capitalised as a title or at a heading ("Президент",
        "Minister"): no name to match across reports."""
        if word.isascii() or self.registry is None:
            return word.lower() in english_words()
        lemma = self.registry.romaniser.lemma(word)
        return any(lemma in lexicon(lang) for lang in LEXICONS)


@functools.cache
def abbreviations(lang: str) -> dict[str, str]:
    """Words a language writes short, to their full form ("mr": "mister"), as its translation
    data gives them: a dictionary renders a word of another language by the full form."""
    return dict(load_lang(lang, "translation.json").get("abbreviations", {}))


@functools.cache
def english_words() -> frozenset[str]:
    """Every English word the shipped lexicons render another language's words by."""
    return frozenset(w for lang in LEXICONS for words in lexicon(lang).values() for w in words)


def shared(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> set[str]:
    """The anchors (`Bridge.anchors`) two texts share: names spelled alike, the same numbers."""
    names = {x for x in a[0] if any(fuzz.ratio(x, y) >= SAME_NAME for y in b[0])}
    return names | (a[1] & b[1])


def numbers(text: str) -> set[str]:
    return {t.replace(",", "") for t in TOKEN.findall(text) if t[0].isdigit() and len(t) >= 2}


def overlap(a: list[Concept], b: list[Concept]) -> float:
    if not a or not b:
        return 0.0
    return (covered(a, b) + covered(b, a)) / (len(a) + len(b))


def covered(words: Iterable[Concept], others: list[Concept]) -> int:
    """How many of words share a stem with some word of the others."""
    pool = frozenset().union(*others)
    return sum(1 for w in words if w & pool)


TAKE = 0.25  # a pair of statements aligned only where its score exceeds this (chosen on the annotated twins)
TAKE_IN_ORDER = 0.15  # ... the lower bar between turns of two transcripts, which order already constrains
MERGE = 0.1  # what reading paragraphs as one costs: a translation keeps its original's paragraphs
SHARED_WORDS = 0.3  # share of two statements' words with a counterpart below which they are not one (measured on the twins)
SHORTER = 0.25  # a rendering a quarter of its original's length, or four times it, is of other words
MOVES = ((1, 1), (2, 1), (1, 2), (3, 1), (1, 3))  # paragraphs of one side read against those of the other
BAND = 4000  # characters from the diagonal a turn is compared within (two excerpts' length)
SEEN = 4096  # statements whose words an Aligner keeps read
SKIP = 0.0  # score of a statement left without a counterpart (cut from one excerpt, left out of a rendering)
LONG = 3  # words a statement needs for its alignment to be counted or compared
CLOSE = 0.5  # score of an aligned pair close enough that a number or negation one side lacks is a departure
COVERED = 0.5  # share of a left-out turn's words its neighbour's rendering must hold for the turn to join it
NEAR = 2  # turns from a left-out turn to the aligned one whose rendering it may join
OMITTED = 6  # words of a turn whose missing rendering is worth a flag (a greeting left out is not)


@dataclass(frozen=True)
class Statement(Sentence):
    """A statement of one report, in its language."""

    lang: str = PIVOT


def statements(text: str, quotes: list[dict[str, Any]], lang: str) -> list[Statement]:
    return [Statement(q["doc_id"], q["start"], q["end"], text[q["start"]:q["end"]], q["speaker"], q["id"], lang)
            for q in sorted(quotes, key=lambda q: q["start"])]


def joined(parts: tuple[Statement, ...]) -> Statement:
    """Consecutive statements of one speaker read as one (a paragraph one rendering splits in two)."""
    first, last = parts[0], parts[-1]
    return Statement(first.doc_id, first.start, last.end, " ".join(p.text for p in parts), first.speaker,
                     first.quote_id, first.lang)


class Aligner:
    """Statements of two reports in different languages paired: in the order they were said
    where both reports give turns of a transcript (one text and its translation pair paragraph
    by paragraph, now and then one paragraph for two), else each with its closest counterpart."""

    def __init__(self, bridge: Bridge, length_ratios: dict[str, float]) -> None:
        self.bridge, self.length_ratios = bridge, length_ratios
        self.seen: dict[tuple[str, int, int], list[Concept]] = {}

    def score(self, a: Statement, b: Statement) -> float:
        """How likely two statements are one in two languages: the words with a counterpart, and
        lengths in the ratio of the languages' (a translation is about as long as its original)."""
        return self.scored([a], [b])

    def scored(self, left: list[Statement], right: list[Statement]) -> float:
        """`score` of consecutive statements of each side read as one."""
        speakers = {s.speaker for s in left} | {s.speaker for s in right}
        if None not in speakers and len(speakers) > 1:
            return 0.0
        lengths = self.lengths(left, right)
        if lengths < SHORTER:
            return 0.0
        words = overlap([c for s in left for c in self.concepts(s)], [c for s in right for c in self.concepts(s)])
        if words < SHARED_WORDS:
            return 0.0  # lengths alike and a few common words ("our", "cooperation") make no translation
        return 0.6 * words + 0.4 * lengths

    def lengths(self, left: list[Statement], right: list[Statement]) -> float:
        """The shorter side's length over the longer's, in the languages' ratio (1: alike)."""
        ratio = self.length_ratios.get(left[0].lang, 1.0) / self.length_ratios.get(right[0].lang, 1.0)
        mine, theirs = sum(len(s.text) for s in left), sum(len(s.text) for s in right) * ratio
        return min(mine, theirs) / max(mine, theirs, 1)

    def concepts(self, s: Statement) -> list[Concept]:
        key = (s.doc_id, s.start, s.end)
        if key not in self.seen:
            if len(self.seen) > SEEN:
                self.seen.clear()
            self.seen[key] = self.bridge.concepts(s.text, s.lang, compounds=True)
        return self.seen[key]

    def covers(self, a: Statement, b: Statement) -> float:
        """Share of a's words that have a counterpart in b."""
        words = self.concepts(a)
        return covered(words, self.concepts(b)) / len(words) if words else 0.0

    def in_order(self, left: list[Statement], right: list[Statement]) -> list[tuple[Statement, Statement, float]]:
        """The best monotone pairing of two sequences of turns (one to one, up to three to one,
        or a turn left out), by dynamic programming over the pair scores less TAKE_IN_ORDER (and
        MERGE for more than two). Both reports start where the meeting does, so a turn is
        compared only with those about as far into the other (within BAND characters, in the
        languages' ratio): the work grows with the turns, not with their square."""
        n, m = len(left), len(right)
        ratio = self.length_ratios.get(left[0].lang, 1.0) / self.length_ratios.get(right[0].lang, 1.0)
        at_left = [0.0] + list(itertools.accumulate(len(s.text) / ratio for s in left))
        at_right = [0.0] + list(itertools.accumulate(len(s.text) for s in right))
        band = BAND
        best = {(0, 0): 0.0}
        back: dict[tuple[int, int], tuple[int, int, float]] = {}
        low = 0
        for i in range(n + 1):
            while low < m and at_right[low] < at_left[i] - band:
                low += 1
            for j in range(low, m + 1):
                if at_right[j] > at_left[i] + band:
                    break
                if i == 0 and j == 0:
                    continue
                options = [(best[i - di, j - dj] + SKIP, (di, dj, 0.0)) for di, dj in ((1, 0), (0, 1))
                           if (i - di, j - dj) in best]
                for di, dj in MOVES:
                    if (i - di, j - dj) in best:
                        s = self.scored(left[i - di:i], right[j - dj:j])
                        if s > TAKE_IN_ORDER and same_speaker(left[i - di:i]) and same_speaker(right[j - dj:j]):
                            cost = TAKE_IN_ORDER + (MERGE if di + dj > 2 else 0.0)
                            options.append((best[i - di, j - dj] + s - cost, (di, dj, s)))
                if options:
                    best[i, j], back[i, j] = max(options, key=lambda o: o[0])
        end = max((cell for cell in best if cell[0] == n or cell[1] == m), key=lambda c: best[c])
        pairs = []
        i, j = end
        while (i, j) != (0, 0):
            di, dj, s = back[i, j]
            if di and dj:
                pairs.append((joined(tuple(left[i - di:i])), joined(tuple(right[j - dj:j])), s))
            i, j = i - di, j - dj
        return attach(pairs[::-1], left, self.covers)

    def closest(self, left: list[Statement], right: list[Statement]) -> list[tuple[Statement, Statement, float]]:
        """Each statement of the left with its best counterpart on the right, where one is good enough."""
        pairs = []
        for a in left:
            scored = [(self.score(a, b), b) for b in right]
            s, b = max(scored, key=lambda x: x[0], default=(0.0, None))
            if b is not None and s > TAKE:
                pairs.append((a, b, s))
        return pairs

    @staticmethod
    def ordered(left: list[Statement], right: list[Statement]) -> bool:
        """Whether both sides are turns of a transcript (each with its speaker), to be read in order."""
        return len(left) > 1 and len(right) > 1 and all(s.speaker for s in left + right)

    def align(self, left: list[Statement], right: list[Statement]) -> list[tuple[Statement, Statement, float]]:
        return self.in_order(left, right) if self.ordered(left, right) else self.closest(left, right)


def attach(pairs: list[tuple[Statement, Statement, float]], left: list[Statement],
           covers: Any) -> list[tuple[Statement, Statement, float]]:
    """A turn left out near an aligned one, whose words the same rendering holds too ("Dear
    ladies and gentlemen!" where a translation runs the greetings into one line), aligned
    with that rendering: the nearest aligned turn of the same speaker on either side, at most
    NEAR turns away with none aligned between (two greeting lines run into the first sentence).
    `covers(a, b)` is the share of a's words that b renders."""
    by_start = {a.start: b for a, b, _ in pairs}
    taken = [(a.start, a.end) for a, _, _ in pairs]

    def aligned(s: Statement) -> bool:
        return any(start <= s.start < end for start, end in taken)

    extra = []
    for i, a in enumerate(left):
        if aligned(a):
            continue
        for step in (-1, 1):
            rendering = None
            for k in range(i + step, i + step * (NEAR + 1), step):
                if not 0 <= k < len(left) or left[k].speaker != a.speaker:
                    break
                if aligned(left[k]):
                    rendering = by_start.get(left[k].start)
                    break
            share = covers(a, rendering) if rendering else 0.0
            if share >= COVERED:
                extra.append((a, rendering, share))
                break
    return sorted(pairs + extra, key=lambda p: p[0].start)


def same_speaker(parts: list[Statement]) -> bool:
    return len({p.speaker for p in parts}) == 1


def figures(statement: Statement, decimal: str) -> list[str]:
    """The numbers of a statement as digits with a full stop for decimals, whatever its language
    writes ("6,3" on a Russian page is 6.3; "1,500" on an English one is 1500)."""
    found = []
    for token in TOKEN.findall(statement.text):
        if token[0].isdigit():
            found.append(token.replace(decimal, ".") if decimal != "." else token.replace(",", ""))
    return found


def align_across(texts: dict[str, str], langs: dict[str, str], quotes: list[dict[str, Any]],
                 aligner: Aligner, conventions: dict[str, dict[str, Any]]) -> dict[str, list]:
    """Alignments of two reports in different languages, original first, and where a rendering
    departs from its original: a number ("25" against "15"), a negation one side has and the
    other not, a turn of a transcript left out between two rendered ones. `texts` and `langs`
    map the two doc ids to clean text and language; `conventions` gives each language's
    decimal mark and negation words (`conventions()`)."""
    originals, renderings = sorted(texts, key=lambda d: (langs[d] == PIVOT, d))
    left, right = ([s for s in statements(texts[d], [q for q in quotes if q["doc_id"] == d], langs[d])
                    if len(s.text.split()) >= LONG] for d in (originals, renderings))
    alignments, discrepancies = [], []
    pairs = aligner.align(left, right)
    for a, b, score in pairs:
        alignments.append({"a": side(a), "b": side(b), "score": round(score, 3)})
        if score < CLOSE or aligner.lengths([a], [b]) < SHORTER:
            continue  # a greeting beside the sentence its rendering runs it into is no match for numbers
        mine, theirs = (figures(x, conventions.get(x.lang, {}).get("decimal", ".")) for x in (a, b))
        only_a = [n for n in mine if n not in theirs]
        only_b = [n for n in theirs if n not in mine]
        if only_a and only_b:
            discrepancies.append(flag("number", f"{', '.join(only_a)} vs {', '.join(only_b)}", a, b))
        negated = [negations(x, conventions.get(x.lang, {})) for x in (a, b)]
        if bool(negated[0]) != bool(negated[1]):
            said = " ".join(negated[0] or negated[1])
            discrepancies.append(flag("negation", f"“{said}” in the {'original' if negated[0] else 'rendering'} only",
                                      a, b))
    if aligner.ordered(left, right):
        for a, b in omitted(left, pairs):
            discrepancies.append(flag("omitted", "a turn of the original has no rendering", a, b))
    return {"alignments": alignments, "discrepancies": discrepancies}


def flag(kind: str, what: str, a: Statement, b: Statement) -> dict[str, Any]:
    return {"kind": kind, "what": what, "a": side(a), "b": side(b)}


def negations(statement: Statement, language: dict[str, Any]) -> list[str]:
    """The negations of a statement ("не", "not", "n't", a word of the dictionary negated by a
    prefix: "неудивительно"), in its order; idioms that negate nothing ("тем не менее") aside."""
    text = statement.text.lower()
    for idiom in language.get("idioms", ()):
        text = re.sub(rf"(?<!\w){re.escape(idiom)}(?!\w)", " ", text)
    wanted, prefix = frozenset(language.get("negations", ())), language.get("negation_prefix", "")
    known = lexicon(statement.lang)
    return [w for w in re.findall(r"[^\W\d_]+(?:'t)?", text)
            if w in wanted or "n't" in wanted and w.endswith("n't")
            or prefix and w.startswith(prefix) and len(w) > len(prefix) + 3 and w not in known
            and w[len(prefix):] in known]


def omitted(left: list[Statement], pairs: list[tuple[Statement, Statement, float]]) -> list[tuple[Statement, Statement]]:
    """Turns of the original with OMITTED words or more and no rendering, between two that have
    one (a turn before the first or after the last is where one excerpt is cut, not a gap), each
    with the rendering that follows the gap."""
    spans = [(a.start, a.end, b) for a, b, _ in pairs]
    found = []
    for s in left:
        if len(s.text.split()) < OMITTED or any(start <= s.start < end for start, end, _ in spans):
            continue
        before = [b for start, _, b in spans if start < s.start]
        after = [b for start, _, b in spans if start > s.start]
        if before and after:
            found.append((s, after[0]))
    return found


def side(s: Statement) -> dict[str, Any]:
    return {"doc_id": s.doc_id, "start": s.start, "end": s.end, "text": s.text, "speaker": s.speaker,
            "quote_id": s.quote_id}


def length_ratios() -> dict[str, float]:
    """Characters of each language per English character of the same text (data/lang/<lang>/translation.json)."""
    return {lang: float(load_lang(lang, "translation.json")["length_ratio"]) for lang in LEXICONS}


def conventions() -> dict[str, dict[str, Any]]:
    """Each language's decimal mark (its numbers data) and negations (its translation data)."""
    return {lang: {"decimal": load_lang(lang, "numbers.json")["decimal"], **load_lang(lang, "translation.json")}
            for lang in (PIVOT, *LEXICONS)}


@functools.cache
def twin_sites() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((site["site"], re.compile(site["pattern"])) for site in load("twins.json")["sites"])


def twin_key(url: str | None) -> str | None:
    """The id a page shares with its versions in other languages on a site that publishes one
    text in several (data/twins.json): "kremlin.ru 58003" for kremlin.ru's and en.kremlin.ru's."""
    for site, pattern in twin_sites() if url else ():
        found = pattern.match(url)
        if found:
            return f"{site} {found.group(1)}"
    return None
