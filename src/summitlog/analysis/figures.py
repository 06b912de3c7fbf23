"""Numeric claims, normalised: money, percentages, counts, durations, years, weights and sizes.

A number becomes a figure when its unit can be named: a currency, "percent", a
time unit, a weight or size, a year that a claim is about, or a counted noun
("28 programmes"). Numbers that are parts of dates and clock times are not
figures. Alternatives ("30 percent, 35 or even over 38"; "nine or twelve
drones") give one figure per stated value, all with the unit given once.
Each language's words and patterns are data (`data/lang/LANG/figures.json`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..records import Figure, Quote
from ..resources import load_lang
from .dates import calendar
from .numbers import numbers
from .subjects import TIME_UNITS, ClearSubjects, UDSubjects
from .text import holding, sentence_spans

NEXT_WORD = re.compile(r"\s+([\w-]+)")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
CALENDAR_YEAR = re.compile(r"^\d{3,4}$")  # a year its language's year word names as one ("1704 году")
READERS = {"clearnlp": ClearSubjects, "ud": UDSubjects}  # by the parse's label set
PATTERNS = (  # the data's regular expressions, each an attribute of Words
    "hyphen_unit", "word_after", "of_after", "weight", "indian_scale", "japan", "china", "century", "anniversary",
    "population", "decade", "name_after_year", "named_thing", "not_counted_after", "party_determiners", "time",
    "alternative", "range", "out_of", "period_of", "period_year", "ordinal", "period", "topic_frame", "editors_note",
    "anaphor", "proper_plural", "gerund", "fused", "label_before",
)


class Words:
    """How one language states a figure: its units, currencies, number patterns and the words
    around a number that make it a count, a range or a year, compiled once."""

    def __init__(self, lang: str) -> None:
        data = load_lang(lang, "figures.json")
        self.numbers = numbers(lang)
        self.calendar = calendar(lang)
        for key in PATTERNS:
            setattr(self, key, re.compile(data[key]))
        self.currency_signs: dict[str, str] = data["currency_signs"]
        self.currency_words: dict[str, str] = data["currency_words"]
        self.currency_phrases: dict[str, str] = data["currency_phrases"]
        self.measures: dict[str, tuple[str, float]] = {k: tuple(v) for k, v in data["measures"].items()}
        self.hyphen_units: dict[str, list] = data["hyphen_units"]
        self.glued: dict[str, float] = data["glued"]
        self.hour_words, self.span_nouns = set(data["hour_words"]), set(data["span_nouns"])
        self.weight_currencies, self.year_words = set(data["weight_currencies"]), set(data["year_words"])
        self.closed_words, self.party_nouns = set(data["closed_words"]), set(data["party_nouns"])
        self.ordinals: dict[str, int] = data["ordinals"]
        self.multiples: dict[str, int] = data["multiples"]  # "twice"
        self.fused_numbers: dict[str, float] = data["fused_numbers"]  # "двух" of "двухчасовой"
        self.compound_nouns: bool = data["compound_nouns"]  # "power units": a noun before a noun names it
        self.qualifiers = sorted(data["qualifiers"], key=len, reverse=True)
        self.period_words: dict[str, int] = data["period_words"]  # "last" (year) -> -1
        self.frame_articles, self.anaphoric = set(data["frame_articles"]), set(data["anaphoric"])
        self.relations, self.others = set(data["relations"]), set(data["others"])
        self.phrase_start = set(data["phrase_start"])
        words = "|".join(sorted(self.numbers.words, key=len, reverse=True))
        scales = "|".join(sorted(self.numbers.scales, key=len, reverse=True))
        sign = data["sign"].replace("<SIGN_CHARS>", data["sign_chars"])

        def pattern(key: str) -> re.Pattern:
            filled = data[key].replace("<SIGN>", sign).replace("<SIGN_CHARS>", data["sign_chars"])
            return re.compile(filled.replace("<WORDS>", words).replace("<SCALES>", scales))

        self.number, self.compound = pattern("number"), pattern("compound")
        self.signed = re.compile(rf"^{sign}", re.IGNORECASE)
        self.currency_phrase = re.compile(
            r"\s*(" + "|".join(re.escape(p) for p in sorted(self.currency_phrases, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        ) if self.currency_phrases else re.compile(r"(?!)")
        self.twice = re.compile(r"\b(?:" + "|".join(self.multiples) + r")\b", re.IGNORECASE) if self.multiples \
            else re.compile(r"(?!)")
        subjects = data["subjects"]
        self.subjects = READERS[subjects["parse"]](subjects, self.currency_words, self.measures)

    def parse_number(self, text: str) -> float | None:
        """A number as a figure writes it, its currency sign aside: '$2,000' -> 2000; '£10m' -> 1e7
        (a glued "m" or "k" is a scale only after a sign: "100m" may be metres)."""
        text = text.strip()
        signed = self.signed.match(text) is not None
        return self.numbers.parse(self.signed.sub("", text), self.glued if signed else {})


@functools.cache
def words(lang: str = "en") -> Words:
    """The figure words of a language, read once per process."""
    return Words(lang)


def parse_number(text: str, lang: str = "en") -> float | None:
    """A number as a figure in `lang` writes it: '$2,000' -> 2000; '£10m' -> 1e7."""
    return words(lang).parse_number(text)


class FigureFinder:
    """Finds the figures of one document; `pos_at(offset)` is the part of speech of the word
    starting there (spaCy's), used to tell "28 programmes" from "28 of them"."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang  # the language whose words it reads
        self.words = words(lang)

    def find(
        self,
        text: str,
        quotes: Sequence[Quote] = (),
        pos_at: Callable[[int], str | None] = lambda _: None,
        year: int | None = None,
        reported: Callable[[int], str | None] = lambda _: None,
        parse: Callable[[list[tuple[int, int]]], dict] = lambda _spans: {},
        sentences: list[tuple[int, int]] | None = None,
    ) -> list[Figure]:
        """The figures of a text. A figure inside a quote is its speaker's (but not one in the
        editor's [brackets]); outside, the person its sentence reports as saying it (`reported`,
        from the quote finder), else the outlet's.
        `parse(spans)` gives the parsed tokens of each (start, end) (nlp.Clauses), which name what
        the figure measures; `sentences` are the page's, where the caller has them."""
        w = self.words
        quoted = [(q.start, q.end, q.speaker) for q in quotes]
        sentences = sentence_spans(text) if sentences is None else sentences

        def sentence(offset: int) -> tuple[int, int]:
            at = holding(sentences, offset)
            return sentences[at] if at is not None else (offset, offset)

        def speaker(offset: int) -> str | None:
            inside = next(((start, end, who) for start, end, who in quoted if start <= offset < end), None)
            if inside is None:
                return reported(offset)
            start, end, who = inside
            opened, closed = text.rfind("[", start, offset), text.rfind("]", start, offset)
            if opened > closed:
                return None  # "[growth was recorded in 2024]": the editor's
            opened, closed = text.rfind("(", start, offset), text.rfind(")", start, offset)
            ends = text.find(")", offset, end) if opened > closed else -1
            if ends > 0 and w.editors_note.search(text[opened + 1:ends]):
                return None  # "(grew in 2024 - Agency note)", "(Editor's note: ...)": the outlet's
            return who


        skip = [(m.start(), m.end()) for m in w.calendar.date.finditer(text)] + [(m.start(), m.end()) for m in w.time.finditer(text)]
        signs = w.currency_signs
        if len(w.japan.findall(text)) > len(w.china.findall(text)):
            signs = {**w.currency_signs, "¥": "JPY"}  # the sign is the yen's and the yuan's alike
        figures: list[Figure] = []
        pending: list[tuple[int, float]] = []  # bare numbers waiting for a unit: (start, value)
        previous: tuple[int, str, float] | None = None  # (end, unit, scale) of the last figure
        alike: dict[int, int] = {}  # an alternative value's start -> the start of the figure it is one of
        if prefetch := getattr(pos_at, "prefetch", None):
            # the words that units ask the part of speech of (after bare numbers), tagged together
            asked: list[int] = []
            for match in w.number.finditer(text):
                if (value := w.parse_number(match.group(0))) is not None:
                    self.unit(text, match, match.group(0), value, asked.append, signs)
            prefetch(asked)
        for match in w.number.finditer(text):
            raw = match.group(0)
            value = w.parse_number(raw)
            if value is None or any(s <= match.start() < e for s, e in skip):
                continue
            if previous and match.start() < previous[0]:
                continue  # already read as part of the figure before ("5 hours and 22 minutes")
            if previous and raw[:1].lower() == "a" and not text[previous[0]:match.start()].strip():
                continue  # "$15 an hour": the rate of the figure before, not a length of time
            found = self.unit(text, match, raw, value, pos_at, signs)
            if found is None:
                gap = text[previous[0]:match.start()] if previous else ""
                if previous and previous[1] != "year" and w.alternative.match(gap):
                    # "30 percent, 35 or even over 38": later values take the unit given once.
                    unit, scale = previous[1], previous[2]
                    alike[match.start()] = alike.get(figures[-1].start, figures[-1].start) if figures else -1
                    figures.append(self.figure(text, sentence, match.start(), match.end(), value * scale, unit, speaker, year))
                    previous = (match.end(), unit, scale)
                    continue
                if pending and not (w.alternative.match(text[pending[-1][2]:match.start()]) or w.out_of.match(text[pending[-1][2]:match.start()])):
                    pending = self.echo(text, sentence, pending, figures, speaker, year, alike)
                pending.append((match.start(), value, match.end()))
                continue
            unit, amount, end = found
            scale = amount / value if value else 1
            upper = False  # "four to five hours", "6–7 weeks": a range is its lower bound
            joined = pending and (w.alternative.match(text[pending[-1][2]:match.start()])
                                  or w.out_of.match(text[pending[-1][2]:match.start()])) and unit != "year"
            first = pending[0][0] if joined else match.start()
            if unit in TIME_UNITS and w.period_of.search(text, max(0, first - 12), first) and w.period_year.match(text, end):
                pending, previous = [], (end, unit, scale)
                continue  # "in the first nine months of the year": the period another figure is about
            if joined:
                for start, alt_value, alt_end in pending:
                    alike[start] = match.start()
                    figures.append(self.figure(text, sentence, start, end, alt_value * scale, unit, speaker, year))
                upper = bool(w.range.match(text[pending[-1][2]:match.start()]))
            elif pending:
                self.echo(text, sentence, pending, figures, speaker, year, alike)
            pending = []
            if not (unit == "count" and amount == 1) and not upper:
                figures.append(self.figure(text, sentence, match.start(), end, amount, unit, speaker, year))
            previous = (end, unit, scale)
        if pending:
            self.echo(text, sentence, pending, figures, speaker, year, alike)
        for match in w.ordinal.finditer(text):
            # "a second state visit", "their third meeting", "an unprecedented third term"
            figures.append(self.figure(text, sentence, match.start(), match.end(), w.ordinals[match.group(1).lower()],
                                       "count", speaker, year))
        for match in w.twice.finditer(text):
            figures.append(self.figure(text, sentence, match.start(), match.end(), w.multiples[match.group(0).lower()],
                                       "count", speaker, year))
        for match in w.fused.finditer(text):  # "двухчасовые переговоры": a number and a unit in one word
            unit, factor = w.hyphen_units[match.group(2).lower()]
            figures.append(self.figure(text, sentence, match.start(), match.end(),
                                       w.fused_numbers[match.group(1).lower()] * factor, unit, speaker, year))
        parsed = parse([(f.start, f.end) for f in figures])
        about = {(f.start, f.end): w.subjects.subject(parsed.get((f.start, f.end)), f.unit) for f in figures}
        said = {start: what for (start, _), what in about.items() if what}
        figures.sort(key=lambda f: f.start)
        out: list[Figure] = []
        for f in figures:
            # an alternative value ("30 percent, 35 or even 38", "five or six delegates") measures
            # what the figure it is an alternative of measures, where its own words do not say
            what = about[(f.start, f.end)] or said.get(alike.get(f.start, -1)) or (
                self.framed(text, f.start, quoted, sentence) if f.speaker else None)  # a speaker's matter
            if what in w.anaphoric and w.anaphor.search(text, *sentence(f.start)):
                # "trade reached $10 billion ... to increase this figure to $20 billion"
                what = next((g.about for g in reversed(out) if g.unit == f.unit and g.about
                             and f.start - g.end < 1000), None)
            out.append(replace(f, about=what))
        return out

    def echo(self, text, sentence, pending, figures, speaker_of, year, alike) -> list:
        """Bare numbers that repeat a value just given with a unit ("seven wars ... Maybe, indeed,
        seven, maybe six") are alternatives of that figure; others are dropped."""
        recent = [f for f in figures if 0 <= pending[0][0] - f.end < 200]
        for f in recent:
            if any(abs(value - f.value) < 1e-9 for _, value, _ in pending):
                for start, value, end in pending:
                    if abs(value - f.value) >= 1e-9:
                        alike[start] = alike.get(f.start, f.start)
                        figures.append(self.figure(text, sentence, start, end, value, f.unit, speaker_of, year))
                break
        return []

    def unit(self, text: str, match: re.Match, raw: str, value: float, pos_at,
             signs: dict[str, str]) -> tuple[str, float, int] | None:
        """(unit, normalised value, end of the figure's text) or None when no unit can be named."""
        w = self.words
        after = text[match.end():match.end() + 40]
        before = text[max(0, match.start() - 12):match.start()]
        sign = w.signed.match(raw)
        if sign:
            return signs[sign.group(0).lower()], value, match.end()
        code = re.search(r"\b([A-Z]{3})\s*$", before)
        if code and code.group(1).lower() in w.currency_words:
            return w.currency_words[code.group(1).lower()], value, match.end()
        word = w.word_after.match(after)
        following = word.group(2).lower() if word else ""
        if after.startswith("%"):
            return "percent", value, match.end() + 1
        century = w.century.match(after)
        if century:  # "two quarters of a century": 50 years
            return "years", value * 25, match.end() + century.end()
        phrase = w.currency_phrase.match(after)
        if phrase:
            return w.currency_phrases[phrase.group(1).lower()], value, match.end() + phrase.end()
        if following in w.weight_currencies and (w.of_after.match(after[word.end():]) or w.weight.search(
                text, max(0, match.start() - 60), match.start())):
            return None  # "weighs 236 pounds", "300 pounds of beef": a weight, not sterling
        if following in w.currency_words:
            return w.currency_words[following], value, match.end() + word.end()
        if w.indian_scale.search(raw) and pos_at(match.end() + len(after) - len(after.lstrip())) not in ("NOUN", "PROPN"):
            return "INR", value, match.end()  # "deals worth 5,000 crore", not "140 crore Indians"
        if word and word.group(1) and following in w.span_nouns:
            return None  # "5,000 last year": a number said last year, not a span of years
        dated = following in w.year_words and CALENDAR_YEAR.match(raw.strip())  # "в 1704 году": a year, not years
        if following in w.measures and not dated:
            unit, factor = w.measures[following]
            end = match.end() + word.end()
            amount = value * factor
            if following in w.hour_words:
                more = w.compound.match(text[end:end + 40])
                if more:
                    amount += 30 if more.group("half") else w.parse_number(more.group("m")) or 0
                    end += more.end()
            return unit, amount, end
        hyphen = w.hyphen_unit.match(after)
        if hyphen:
            unit, factor = w.hyphen_units[hyphen.group(1).lower()]  # "a two-day visit", "a 12-percent levy"
            return unit, value * factor, match.end() + hyphen.end()
        if w.anniversary.match(after):
            return "years", value, match.end() + w.anniversary.match(after).end()
        if w.population.search(text, max(0, match.start() - 40), match.start()):
            return "count", value, match.end()  # "a population of 1.4 billion": people, though unnamed
        if YEAR.match(raw.strip()) or dated:
            # "in 2024", "[2021]": a year the claim is about; not "June 2019" (a date) nor
            # a name ("the 2031 Games"), nor a decade ("the 1990s", "the 1980's"), nor the dates
            # that gloss a name ("the Winter War (1939-1940)").
            if re.search(rf"{w.calendar.month}\s*$", before) or w.decade.match(after) or (
                    before.endswith("(") and re.match(r"\s*[-–]\s*(?:19|20)\d{2}\s*\)", after)) or (
                    w.name_after_year.match(after) and not ((named := w.named_thing.match(text, match.end()))
                                                           and named.group(1) not in w.closed_words)):
                return None
            return "year", value, match.end()
        if value != int(value) or w.not_counted_after.match(after) or w.label_before.search(before):
            return None  # "5 of them"; "статья 112": a label, not a count
        at = match.end() + len(after) - len(after.lstrip())
        if at == match.end() and re.match(r"[^\W\d]|-", text[at:at + 1]):
            return None  # "5th", "one-on-one": part of a word, not a count
        for _ in range(3):  # "four new power units", "400 marching soldiers"
            word = re.match(r"[\w’'-]+", text[at:])
            if not word or word.group(0).lower() in w.closed_words:
                return None  # the tagger would say so too, at a cost
            if word.group(0).lower() in w.party_nouns and (value == 2 or w.party_determiners.search(
                    text[max(0, match.start() - 8):match.start()])):
                return None  # "the two leaders", "two large nations": the participants, not a claim
            if at + word.end() >= len(text.rstrip()):
                return None  # the last word of a page cut short ("the two m"): not a word to count
            pos = pos_at(at)
            if pos == "NOUN" and not (word.end() + at < len(text) and text[at + word.end()] == "-"):
                nxt = at + word.end()
                follow = re.match(r"\s+([\w-]+)", text[nxt:])
                if w.compound_nouns and follow and pos_at(nxt + follow.start(1)) == "NOUN":
                    at = nxt + follow.start(1)  # a compound noun: count the last word
                    word = re.match(r"[\w’'-]+", text[at:])
                return "count", value, at + word.end()
            if pos == "PROPN" and word.group(0)[:1].isupper() and w.proper_plural.search(word.group(0)) and not (
                    (then := NEXT_WORD.match(text, at + word.end())) and pos_at(then.start(1)) in ("NOUN", "PROPN")):
                return "count", value, at + word.end()  # "six Grenadiers marched", not "42 Rafale jets"
            if pos not in ("ADJ", "VERB", "PROPN"):  # "four new power units", "42 Rafale jets"
                return None
            at += word.end() + len(text[at + word.end():]) - len(text[at + word.end():].lstrip())
        return None

    def figure(self, text, sentence, start, end, value, unit, speaker_of: Callable[[int], str | None], year) -> Figure:
        speaker = speaker_of(start)
        sentence_start, sentence_end = sentence(start)
        head = text[sentence_start:start].lower()
        qualifier = next((q for q in self.words.qualifiers if head.rstrip().endswith(q)), None)
        return Figure(
            start=start, end=end, text=text[start:end], value=value, unit=unit, qualifier=qualifier,
            about=None, speaker=speaker,  # what it measures: from the parse, once all are found
            period=self.period(text[sentence_start:max(sentence_end, end)], start - sentence_start, year),
        )

    def framed(self, text: str, at: int, quoted: list[tuple[int, int, str | None]], sentence) -> str | None:
        """The matter a statement is introduced as speaking to ("Commenting on the deadlines, he
        said: '50, 60 days ...'", "Asked about the tariffs, she said ..."): what a figure its own
        words leave without a subject is about."""
        anchor = next((start for start, end, _ in quoted if start <= at < end), at)
        frames = list(self.words.topic_frame.finditer(text, sentence(max(anchor - 1, 0))[0], anchor))
        if not frames:
            return None
        words = frames[-1].group(1).split()
        while words and words[0].lower() in self.words.frame_articles:
            words = words[1:]
        return " ".join(words) or None

    def theirs(self, about: str | None, parties: Sequence[str], country: Callable[[str], str | None]) -> str | None:
        """A subject of what passes between two countries ("trade", "strategic partnership"), on a
        page about a meeting of those two countries' leaders, named as theirs: "growth of
        India–France trade". A subject that names a country (`country` gives its code) or another
        party is left as it is."""
        if not about or len(parties) != 2:
            return about
        w = self.words
        words = about.split(" ")
        lowered = [word.lower() for word in words]
        at = next((i for i, word in enumerate(lowered) if word in w.relations), None)
        if at is None or w.others & set(lowered) or any(word[:1].isupper() for word in words[1:at] + words[at + 1:]) or any(
                country(word) for word in re.findall(r"[^\W\d_]+", about) if word[:1].isupper()):
            return about  # "trade with China", "the Treaty on Cooperation": another's, or a name
        start = at
        while start > 0 and lowered[start - 1] not in w.phrase_start and not w.gerund.search(lowered[start - 1]):
            start -= 1  # "growth of [bilateral trade]", "anniversary of normalizing [diplomatic relations]"
        return " ".join([*words[:start], "–".join(parties), *lowered[start:start + 1], *words[start + 1:]])

    def period(self, sentence: str, at: int, year: int | None) -> str | None:
        """The time a figure (at `at` in its sentence) refers to: the year its sentence names
        nearest to it ("in 2013", "this year", resolved against the page's year), as a sentence may
        name several ("In 2012, 43 percent ..., and this year 58 percent")."""
        found = []
        for match in self.words.period.finditer(sentence):
            if match.group(1):
                found.append((match, match.group(1)))
            elif year:
                word = match.group(2).lower()  # "last", "прошлом": the first of the data's words it starts with
                shift = next((v for k, v in self.words.period_words.items() if word.startswith(k)), None)
                if shift is not None:
                    found.append((match, str(year + shift)))
        if not found:
            return None
        distance = lambda m: m.start() - at if m.start() >= at else at - m.end()  # noqa: E731
        return min(found, key=lambda f: distance(f[0]))[1]
