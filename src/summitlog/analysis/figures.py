"""Numeric claims, normalised: money, percentages, counts, durations, years, weights and sizes.

A number becomes a figure when its unit can be named: a currency, "percent", a
time unit, a weight or size, a year that a claim is about, or a counted noun
("28 programmes"). Numbers that are parts of dates and clock times are not
figures. Alternatives ("30 percent, 35 or even over 38"; "nine or twelve
drones") give one figure per stated value, all with the unit given once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..records import Figure, Quote
from . import numbers
from .dates import DATE, MONTH
from .text import holding, sentence_spans

PARTY_NOUNS = {
    "leaders", "countries", "sides", "presidents", "men", "women", "nations", "governments", "heads",
    "peoples", "states", "parties", "delegations", "capitals", "allies", "neighbours", "neighbors",
    "premiers", "ministers", "republics", "powers", "civilisations", "civilizations",
}
# Words that are never a counted noun nor a word before one ("two of", "three and", "five they").
CLOSED_WORDS = {
    "the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "into", "than", "that", "this", "these", "those", "which", "who", "whom", "whose", "it", "its",
    "they", "them", "their", "we", "us", "our", "he", "him", "his", "she", "her", "you", "your", "i", "me",
    "is", "are", "was", "were", "be", "been", "am", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "do", "does", "did", "has", "have", "had", "not", "if", "so", "another",
}
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}
CURRENCY_SIGNS = {
    "us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₽": "RUB", "₹": "INR", "rs": "INR",
    "rs.": "INR", "r$": "BRL", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "s$": "SGD", "nz$": "NZD", "₩": "KRW", "₺": "TRY", "₸": "KZT", "₴": "UAH",
}
SIGN_CHARS = "€£¥₽₹₩₺₸₴"
# A sign as written before the amount: "$", "US$", "A$", "R$", "Rs", "Rs." (one form per match).
SIGN = rf"(?:(?:US|AU|CA|HK|NZ|[ACRS])?\$|[{SIGN_CHARS}]|Rs\.?(?=\s?\d))"
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "yuan": "CNY",
    "cny": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "inr": "INR", "byn": "BYN",
    "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
    "won": "KRW", "krw": "KRW", "lira": "TRY", "liras": "TRY", "try": "TRY", "tenge": "KZT", "kzt": "KZT",
    "hryvnia": "UAH", "uah": "UAH", "real": "BRL", "reais": "BRL", "brl": "BRL",
    "rand": "ZAR", "zar": "ZAR", "riyal": "SAR", "riyals": "SAR", "sar": "SAR", "dirham": "AED",
    "dirhams": "AED", "aed": "AED", "ringgit": "MYR", "myr": "MYR", "rupiah": "IDR", "idr": "IDR",
    "naira": "NGN", "ngn": "NGN", "zloty": "PLN", "pln": "PLN", "forint": "HUF", "huf": "HUF",
    "aud": "AUD", "cad": "CAD", "chf": "CHF", "sgd": "SGD", "hkd": "HKD", "nzd": "NZD",
}
# Currencies named in two words: "US dollars", "Belarusian rubles", "Swiss francs".
CURRENCY_PHRASES = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "belarusian rubles": "BYN",
    "belarusian roubles": "BYN", "russian rubles": "RUB", "russian roubles": "RUB", "chinese yuan": "CNY",
    "japanese yen": "JPY", "indian rupees": "INR", "turkish lira": "TRY", "turkish liras": "TRY",
    "south korean won": "KRW", "korean won": "KRW", "swiss francs": "CHF", "brazilian reais": "BRL",
    "saudi riyals": "SAR", "uae dirhams": "AED", "south african rand": "ZAR", "mexican pesos": "MXN",
    "argentine pesos": "ARS", "philippine pesos": "PHP", "kenyan shillings": "KES",
}
CURRENCY_PHRASE = re.compile(
    r"\s*(" + "|".join(re.escape(p) for p in sorted(CURRENCY_PHRASES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
MEASURES = {
    "minute": ("minutes", 1), "minutes": ("minutes", 1), "hour": ("minutes", 60), "hours": ("minutes", 60),
    "day": ("days", 1), "days": ("days", 1), "week": ("days", 7), "weeks": ("days", 7),
    "month": ("days", 30), "months": ("days", 30), "year": ("years", 1), "years": ("years", 1),
    "kg": ("kg", 1), "kilogram": ("kg", 1), "kilograms": ("kg", 1), "kilogrammes": ("kg", 1),
    "tonne": ("tonnes", 1), "tonnes": ("tonnes", 1), "ton": ("tonnes", 1), "tons": ("tonnes", 1),
    "km": ("km", 1), "kilometre": ("km", 1), "kilometres": ("km", 1), "kilometer": ("km", 1),
    "kilometers": ("km", 1), "cm": ("cm", 1), "centimetre": ("cm", 1), "centimetres": ("cm", 1),
    "centimeter": ("cm", 1), "centimeters": ("cm", 1), "percent": ("percent", 1), "per cent": ("percent", 1),
    "%": ("percent", 1), "percentage points": ("percent", 1),
}
QUALIFIERS = (
    "more than", "less than", "fewer than", "over", "under", "about", "around", "approximately", "almost",
    "nearly", "roughly", "some", "up to", "at least", "close to", "exceeds", "exceeded", "exceed",
    "just over", "just under", "exactly",
)
WORDNUM = "|".join(sorted(numbers.WORDS, key=len, reverse=True))
SCALE = "|".join(sorted(numbers.SCALES, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?<![\w.,${SIGN_CHARS}/-])(?:{SIGN}\s?)?"  # not the 11 of "9/11" nor the 7 of "24/7"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:a|one)\s+and\s+a\s+half|(?:{WORDNUM})(?:[\s-](?:{WORDNUM}))?"
    rf"(?:[\s-]+and[\s-]+a[\s-]+half)?|a\s+(?=(?:hundred|thousand|million|billion)\b)|an?\s+(?=hour\b))"
    rf"(?:(?<=\d)[mk]\b)?(?:\s*(?:{SCALE})\b)*",  # "€1.5bn" is read by SCALE, "£10m" by GLUED
    re.IGNORECASE,
)
WEIGHT = re.compile(r"\b(?:weigh\w*|weight)\b", re.IGNORECASE)  # not "lost": sterling is lost too
# After a year, names that qualify a common noun: "a 1998 Franco-German joint statement", "the
# 2018 Trump-Kim summit" (the year of that thing), unlike a name ("the 2031 Games").
NAMED_THING = re.compile(r"\s+[A-Z][\w'’.]*(?:[\s-]+[A-Z][\w'’.]*){0,3}\s+([a-z]+)\b")
NEXT_WORD = re.compile(r"\s+([\w-]+)")
SIGNED = re.compile(rf"^{SIGN}", re.IGNORECASE)
GLUED = {"m": 1e6, "k": 1e3}
INDIAN_SCALE = re.compile(r"\b(?:crore|lakh)s?\b", re.IGNORECASE)
JAPAN = re.compile(r"\b(?:Japan|Japanese|yen|Tokyo)\b")
CHINA = re.compile(r"\b(?:China|Chinese|yuan|renminbi|Beijing)\b")
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d{2}$")
ALTERNATIVE = re.compile(
    r"^\s*(?:,|or|,\s*or|and|to|-|–|—|,\s*maybe|or even|maybe|,\s*then|then)\s*(?:even\s+)?"
    r"(?:over|more than|almost|about|maybe)?\s*$",
    re.IGNORECASE,
)
CENTURY = re.compile(r"\s+quarters?\s+of\s+a\s+century\b", re.IGNORECASE)
RANGE = re.compile(r"^\s*(?:to|-|–|—)\s*$")
PERIOD_OF = re.compile(r"\b(?:first|last|past|next)\s+$", re.IGNORECASE)
PERIOD_YEAR = re.compile(r"\s+of\s+(?:the\s+|this\s+|last\s+|the\s+current\s+)?(?:year|(?:19|20)\d\d)\b", re.IGNORECASE)
HYPHEN_UNIT = re.compile(r"^-(minute|hour|day|week|month|year|story|storey|member|percent)s?\b", re.IGNORECASE)
POPULATION = re.compile(r"\bpopulations?\s+of\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+|some\s+|around\s+|almost\s+)?$",
                        re.IGNORECASE)
ORDINAL = re.compile(
    r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[a-z-]+\s+)?"
    r"(?:visit|meeting|time|round|summit|trip|call|conversation|talks|state visit)\b",  # not a "second term"
    re.IGNORECASE,
)
TOPIC_FRAME = re.compile(
    r"\b(?:commenting\s+on|speaking\s+(?:about|of|on)|asked\s+about|referring\s+to|talking\s+about)"
    r"\s+([^,.:;!?\"“”]{3,80}?)\s*[,:]", re.IGNORECASE)
EDITORS_NOTE = re.compile(r"^\s*(?:editor[’']?s\s+)?note\b|\b(?:note|ed\.?)\s*$", re.IGNORECASE)
ANAPHORIC = {"figure", "number", "indicator"}
ANAPHOR = re.compile(r"\b(?:this|that|the same)\s+(?:figure|number|indicator)\b", re.IGNORECASE)
TWICE = re.compile(r"\btwice\b", re.IGNORECASE)
OUT_OF = re.compile(r"^\s+out\s+of\s+(?:more than\s+|over\s+|about\s+)?$", re.IGNORECASE)
COMPOUND = re.compile(rf"\s+(?:and\s+(?P<half>a\s+half)|(?:and\s+)?(?P<m>\d+|{WORDNUM})[\s-]+minutes?)\b", re.IGNORECASE)
ANNIVERSARY = re.compile(r"^(?:st|nd|rd|th)\s+anniversary\b", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """A number as a figure writes it, its currency sign aside: '$2,000' -> 2000; '£10m' -> 1e7
    (a glued "m" or "k" is a scale only after a sign: "100m" may be metres)."""
    text = text.strip()
    signed = SIGNED.match(text) is not None
    return numbers.parse(SIGNED.sub("", text), GLUED if signed else {})


class FigureFinder:
    """Finds the figures of one document; `pos_at(offset)` is the part of speech of the word
    starting there (spaCy's), used to tell "28 programmes" from "28 of them"."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang  # the language whose words it reads

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
            if ends > 0 and EDITORS_NOTE.search(text[opened + 1:ends]):
                return None  # "(grew in 2024 - Agency note)", "(Editor's note: ...)": the outlet's
            return who


        skip = [(m.start(), m.end()) for m in DATE.finditer(text)] + [(m.start(), m.end()) for m in TIME.finditer(text)]
        signs = CURRENCY_SIGNS
        if len(JAPAN.findall(text)) > len(CHINA.findall(text)):
            signs = {**CURRENCY_SIGNS, "¥": "JPY"}  # the sign is the yen's and the yuan's alike
        figures: list[Figure] = []
        pending: list[tuple[int, float]] = []  # bare numbers waiting for a unit: (start, value)
        previous: tuple[int, str, float] | None = None  # (end, unit, scale) of the last figure
        alike: dict[int, int] = {}  # an alternative value's start -> the start of the figure it is one of
        for match in NUMBER.finditer(text):
            raw = match.group(0)
            value = parse_number(raw)
            if value is None or any(s <= match.start() < e for s, e in skip):
                continue
            if previous and match.start() < previous[0]:
                continue  # already read as part of the figure before ("5 hours and 22 minutes")
            if previous and raw[:1].lower() == "a" and not text[previous[0]:match.start()].strip():
                continue  # "$15 an hour": the rate of the figure before, not a length of time
            found = self.unit(text, match, raw, value, pos_at, signs)
            if found is None:
                gap = text[previous[0]:match.start()] if previous else ""
                if previous and previous[1] != "year" and ALTERNATIVE.match(gap):
                    # "30 percent, 35 or even over 38": later values take the unit given once.
                    unit, scale = previous[1], previous[2]
                    alike[match.start()] = alike.get(figures[-1].start, figures[-1].start) if figures else -1
                    figures.append(self.figure(text, sentence, match.start(), match.end(), value * scale, unit, speaker, year))
                    previous = (match.end(), unit, scale)
                    continue
                if pending and not (ALTERNATIVE.match(text[pending[-1][2]:match.start()]) or OUT_OF.match(text[pending[-1][2]:match.start()])):
                    pending = self.echo(text, sentence, pending, figures, speaker, year, alike)
                pending.append((match.start(), value, match.end()))
                continue
            unit, amount, end = found
            scale = amount / value if value else 1
            upper = False  # "four to five hours", "6–7 weeks": a range is its lower bound
            joined = pending and (ALTERNATIVE.match(text[pending[-1][2]:match.start()])
                                  or OUT_OF.match(text[pending[-1][2]:match.start()])) and unit != "year"
            first = pending[0][0] if joined else match.start()
            if unit in TIME_UNITS and PERIOD_OF.search(text, max(0, first - 12), first) and PERIOD_YEAR.match(text, end):
                pending, previous = [], (end, unit, scale)
                continue  # "in the first nine months of the year": the period another figure is about
            if joined:
                for start, alt_value, alt_end in pending:
                    alike[start] = match.start()
                    figures.append(self.figure(text, sentence, start, end, alt_value * scale, unit, speaker, year))
                upper = bool(RANGE.match(text[pending[-1][2]:match.start()]))
            elif pending:
                self.echo(text, sentence, pending, figures, speaker, year, alike)
            pending = []
            if not (unit == "count" and amount == 1) and not upper:
                figures.append(self.figure(text, sentence, match.start(), end, amount, unit, speaker, year))
            previous = (end, unit, scale)
        if pending:
            self.echo(text, sentence, pending, figures, speaker, year, alike)
        for match in ORDINAL.finditer(text):
            # "a second state visit", "their third meeting", "an unprecedented third term"
            figures.append(self.figure(text, sentence, match.start(), match.end(), ORDINALS[match.group(1).lower()],
                                       "count", speaker, year))
        for match in TWICE.finditer(text):
            figures.append(self.figure(text, sentence, match.start(), match.end(), 2, "count", speaker, year))
        parsed = parse([(f.start, f.end) for f in figures])
        about = {(f.start, f.end): subject(parsed.get((f.start, f.end)), f.unit) for f in figures}
        said = {start: what for (start, _), what in about.items() if what}
        figures.sort(key=lambda f: f.start)
        out: list[Figure] = []
        for f in figures:
            # an alternative value ("30 percent, 35 or even 38", "five or six delegates") measures
            # what the figure it is an alternative of measures, where its own words do not say
            what = about[(f.start, f.end)] or said.get(alike.get(f.start, -1)) or (
                framed(text, f.start, quoted, sentence) if f.speaker else None)  # a speaker's matter
            if what in ANAPHORIC and ANAPHOR.search(text, *sentence(f.start)):
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
             signs: dict[str, str] = CURRENCY_SIGNS) -> tuple[str, float, int] | None:
        """(unit, normalised value, end of the figure's text) or None when no unit can be named."""
        after = text[match.end():match.end() + 40]
        before = text[max(0, match.start() - 12):match.start()]
        sign = SIGNED.match(raw)
        if sign:
            return signs[sign.group(0).lower()], value, match.end()
        code = re.search(r"\b([A-Z]{3})\s*$", before)
        if code and code.group(1).lower() in CURRENCY_WORDS:
            return CURRENCY_WORDS[code.group(1).lower()], value, match.end()
        word = re.match(r"\s*(?:(more|other|last|next|previous|coming|past|full)\s+)?([A-Za-z%]+(?:\s+(?:points|cent))?)", after)
        following = word.group(2).lower() if word else ""
        if after.startswith("%"):
            return "percent", value, match.end() + 1
        century = CENTURY.match(after)
        if century:  # "two quarters of a century": 50 years
            return "years", value * 25, match.end() + century.end()
        phrase = CURRENCY_PHRASE.match(after)
        if phrase:
            return CURRENCY_PHRASES[phrase.group(1).lower()], value, match.end() + phrase.end()
        if following in ("pound", "pounds") and (re.match(r"\s+of\b", after[word.end():]) or WEIGHT.search(
                text, max(0, match.start() - 60), match.start())):
            return None  # "weighs 236 pounds", "300 pounds of beef": a weight, not sterling
        if following in CURRENCY_WORDS:
            return CURRENCY_WORDS[following], value, match.end() + word.end()
        if INDIAN_SCALE.search(raw) and pos_at(match.end() + len(after) - len(after.lstrip())) not in ("NOUN", "PROPN"):
            return "INR", value, match.end()  # "deals worth 5,000 crore", not "140 crore Indians"
        if word and word.group(1) and following in ("year", "month", "week", "day"):
            return None  # "5,000 last year": a number said last year, not a span of years
        if following in MEASURES:
            unit, factor = MEASURES[following]
            end = match.end() + word.end()
            amount = value * factor
            if following in ("hour", "hours"):
                more = COMPOUND.match(text[end:end + 40])
                if more:
                    amount += 30 if more.group("half") else parse_number(more.group("m")) or 0
                    end += more.end()
            return unit, amount, end
        hyphen = HYPHEN_UNIT.match(after)
        if hyphen:
            noun = hyphen.group(1).lower()
            if noun in ("story", "storey", "member"):
                return "count", value, match.end() + hyphen.end()
            if noun == "percent":  # "a 12-percent levy"
                return "percent", value, match.end() + hyphen.end()
            unit, factor = MEASURES[noun + "s"]
            return unit, value * factor, match.end() + hyphen.end()
        if ANNIVERSARY.match(after):
            return "years", value, match.end() + ANNIVERSARY.match(after).end()
        if POPULATION.search(text, max(0, match.start() - 40), match.start()):
            return "count", value, match.end()  # "a population of 1.4 billion": people, though unnamed
        if YEAR.match(raw.strip()):
            # "in 2024", "[2021]": a year the claim is about; not "June 2019" (a date) nor
            # a name ("the 2031 Games"), nor a decade ("the 1990s", "the 1980's"), nor the dates
            # that gloss a name ("the Winter War (1939-1940)").
            if re.search(rf"{MONTH}\s*$", before) or re.match(r"[’']?s\b", after) or (
                    before.endswith("(") and re.match(r"\s*[-–]\s*(?:19|20)\d{2}\s*\)", after)) or (
                    re.match(r"\s+[A-Z]", after) and not ((named := NAMED_THING.match(text, match.end()))
                                                           and named.group(1) not in CLOSED_WORDS)):
                return None
            return "year", value, match.end()
        if value != int(value) or re.match(r"\s*(?:of|per)\b", after):
            return None
        at = match.end() + len(after) - len(after.lstrip())
        if at == match.end() and re.match(r"[^\W\d]|-", text[at:at + 1]):
            return None  # "5th", "one-on-one": part of a word, not a count
        for _ in range(3):  # "four new power units", "400 marching soldiers"
            word = re.match(r"[\w’'-]+", text[at:])
            if not word or word.group(0).lower() in CLOSED_WORDS:
                return None  # the tagger would say so too, at a cost
            if word.group(0).lower() in PARTY_NOUNS and (value == 2 or re.search(
                    r"\b(?:the|our|their|both|these|those)\s+$", text[max(0, match.start() - 8):match.start()],
                    re.IGNORECASE)):
                return None  # "the two leaders", "two large nations": the participants, not a claim
            if at + word.end() >= len(text.rstrip()):
                return None  # the last word of a page cut short ("the two m"): not a word to count
            pos = pos_at(at)
            if pos == "NOUN" and not (word.end() + at < len(text) and text[at + word.end()] == "-"):
                nxt = at + word.end()
                follow = re.match(r"\s+([\w-]+)", text[nxt:])
                if follow and pos_at(nxt + follow.start(1)) == "NOUN":
                    at = nxt + follow.start(1)  # a compound noun: count the last word
                    word = re.match(r"[\w’'-]+", text[at:])
                return "count", value, at + word.end()
            if pos == "PROPN" and word.group(0)[:1].isupper() and word.group(0).endswith("s") and not (
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
        qualifier = next((q for q in sorted(QUALIFIERS, key=len, reverse=True) if head.rstrip().endswith(q)), None)
        return Figure(
            start=start, end=end, text=text[start:end], value=value, unit=unit, qualifier=qualifier,
            about=None, speaker=speaker,  # what it measures: from the parse, once all are found
            period=period(text[sentence_start:max(sentence_end, end)], start - sentence_start, year),
        )


def framed(text: str, at: int, quoted: list[tuple[int, int, str | None]], sentence) -> str | None:
    """The matter a statement is introduced as speaking to ("Commenting on the deadlines, he
    said: '50, 60 days ...'", "Asked about the tariffs, she said ..."): what a figure its own
    words leave without a subject is about."""
    anchor = next((start for start, end, _ in quoted if start <= at < end), at)
    frames = list(TOPIC_FRAME.finditer(text, sentence(max(anchor - 1, 0))[0], anchor))
    if not frames:
        return None
    words = frames[-1].group(1).split()
    while words and words[0].lower() in ("the", "a", "an", "his", "her", "their", "its", "our"):
        words = words[1:]
    return " ".join(words) or None


def subject(tokens, unit: str) -> str | None:
    """What the figure measures, from the parse of its sentence (`tokens`: the figure's span):
    the noun it counts or modifies ("four rounds of consultations", "a 15-percent duty"), else the
    subject of the verb it completes ("trade exceeds $50 billion", "the talks lasted four
    hours"), named as a change or a duration where the verb or unit says so ("growth of
    trade", "duration of the talks"). None where the sentence does not say."""
    if tokens is None or not len(tokens):
        return None
    inside = {t.i for t in tokens}
    root = tokens.root
    noun = None
    at = tokens.start - 1
    while at > 0 and tokens.doc[at].text.lower() in APPROXIMATE:
        at -= 1  # "in roughly 20 years"
    before = tokens.doc[at].text.lower() if at >= 0 else ""
    first = next((t for t in tokens.sent if t.text.lower() == "first" and t.head.i not in inside), None)
    if unit in TIME_UNITS and before == "in" and first is not None:
        phrase = noun_phrase(first.head, inside)  # "the first visit to China in seven years"
        return f"time since {phrase}" if phrase else None
    following = [t for t in tokens.doc[tokens.end:tokens.end + 3] if t.text not in "-–"]
    if unit == "years" and following and following[0].text.lower() == "old":  # "a 43-year-old teacher"
        person = following[0].head if following[0].dep_ == "amod" else None
        phrase = noun_phrase(person, inside, frozenset({following[0].i})) if person is not None else None
        return f"age of {phrase}" if phrase else "age"
    since = following[0] if unit in TIME_UNITS and following and following[0].text.lower() == "since" else None
    since = next((c for c in since.children if c.dep_ == "pobj"), None) if since is not None else None
    if since is not None and (phrase := noun_phrase(since, inside)):
        return f"time since {phrase}"  # "80 years since the foundation of the industry"
    measured = next((c for c in root.children if c.dep_ == "prep" and c.text.lower() in ("of", "in")
                     and c.i not in inside), None)
    measured = next((c for c in measured.children if c.dep_ == "pobj"), None) if measured else None
    timed = unit in TIME_UNITS and unit != "year"
    if (root.dep_ in MODIFIER_DEPS or timed and root.dep_ == "poss") and root.head.i not in inside \
            and not is_unit(root.head.text):  # "20 percent, 25 or 30": not the unit of the figure before
        noun = root.head  # "four rounds", "a 15-percent duty", "a three-hour session", "an hour's flight"
    elif not is_unit(root.text) and not root.like_num:
        noun = root  # the noun inside the figure: "3,000 volunteers", "the 60th anniversary of ..."
    elif before == ":" and at > 0 and (named := tokens.doc[at - 1]).dep_ in NOMINAL_DEPS and named.text[:1].islower() \
            and not (named.like_num or is_unit(named.text)):
        noun = named  # "quite a growth: over 30 percent"; not "an example: 59 percent unemployment"
    elif measured is not None:
        noun = measured  # "12 million tonnes of wheat", "30% of the gas", "$80 billion in investment"
        if timed and noun.head.text.lower() == "of" and (phrase := noun_phrase(noun, inside)):
            return phrase if phrase.startswith("duration") else f"duration of {phrase}"  # "six hours of consultations"
    elif root.dep_ == "appos" and not root.head.like_num and (
            not is_unit(root.head.text) or unit == "year" and root.head.text.lower() == "year"):
        noun = root.head  # "the growth, 30 percent"; "the record year, 2017"
    elif root.dep_ == "pobj" and root.head.text.lower() in ("of", "on") and root.head.head.dep_ in NOMINAL_DEPS:
        noun = root.head.head  # "a tariff of 20 percent"
    elif unit == "year" and root.dep_ == "pobj" and root.head.text.lower() == "in" and root.head.head.dep_ in NOUN_ROLES:
        noun = root.head.head  # "the election in 2016": what happened that year
    elif timed and root.dep_ == "pobj" and root.head.text.lower() in ("for", "over") \
            and root.head.head.dep_ in NOUN_ROLES and not root.head.head.like_num \
            and (phrase := noun_phrase(root.head.head, inside)):
        return f"duration of {phrase}"  # "a plan for the next 10 years", "ties over the coming 25 years"
    if noun is not None:
        phrase = noun_phrase(noun, inside)
        if phrase and noun.text.lower() in ("times", "time") and noun.head.dep_ not in NOMINAL_DEPS:
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "they met for the third time"
            held = GATHERINGS.get(base_form(verb.text))  # "met 40 times": 40 meetings
            phrase = held[0] if held else occasions(verb, inside)  # "they chose the island three times"
        if phrase or noun.text.lower() not in EMPTY_NOUNS:
            return phrase
        root = noun  # "spoke for a total of 2 hours": the frame stands where the figure would
        if noun.text.lower() == "total":
            found = subject_of_verb(tokens, root, inside, unit, before)
            return f"total {found}" if found else None
    return subject_of_verb(tokens, root, inside, unit, before)


def occasions(verb, inside: set[int]) -> str | None:
    """What "N times" counts where the verb is no meeting: the deed, as its subject and object
    name it ("times the presidents chose the island"); None where either is a pronoun."""
    if verb.text.lower() in AUXILIARIES:
        return None  # "the walk-outs were three times ...": a comparison, not a deed
    who = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside), None)
    what = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
    if who is None or who.text.lower() in PRONOUNS or what is not None and what.text.lower() in PRONOUNS:
        return None
    doer, done = noun_phrase(who, inside), noun_phrase(what, inside) if what is not None else None
    return " ".join(w for w in ("times", doer, verb.text, done) if w) if doer else None


def subject_of_verb(tokens, root, inside: set[int], unit: str, before: str) -> str | None:
    """What a figure that completes a verb measures: the verb's subject or object, or the meeting
    the verb stands for."""
    verb = root.head.head if root.dep_ == "pobj" else root.head
    while verb.dep_ in NOMINAL_DEPS | MODIFIER_DEPS | {"prep", "advmod"} and verb.head is not verb and not (
            verb.dep_ == "conj" and verb.head.dep_ not in NOMINAL_DEPS):  # "commenced ... and lasted": a verb
        verb = verb.head
    lemma = base_form(verb.text)  # the verb the figure completes, before looking for a subject
    # what a verb of change acts on is its object ("reduce the tariff by 10 percent"), else its subject
    what = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None) if lemma in CHANGES else None
    while what is None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        verb = verb.head  # "increased by 30%, reaching $10 billion": the subject of "increased"
    # "grew by 30 percent" is a change; "grew to $10 billion", "cut from 20%", "reaching $10 billion" a level
    level = root.dep_ == "pobj" and root.head.text.lower() in ("to", "from")
    change = None if level else CHANGES.get(lemma)
    who = what or next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside), None)
    if who is not None and who.text.lower() in RELATIVES and verb.dep_ == "relcl" or who is None and verb.dep_ == "acl":
        who = verb.head  # "the meeting, which lasted 4.5 hours"; "the meeting commenced at 3 and lasted"
    phrase = noun_phrase(who, inside) if who is not None and who.text.lower() not in PRONOUNS else None
    timed = unit in TIME_UNITS and unit != "year"
    after = tokens.doc[tokens.end].text.lower() if tokens.end < len(tokens.doc) else ""
    if timed and after == "ago":
        return f"time since {phrase} {verb.text}" if phrase else "time since"
    if timed and after in ("after", "into", "before"):
        point = anchored(tokens.doc[tokens.end], inside)  # "40 minutes into the talks"
        return f"time {after} {point}" if point else None
    if timed and (after in ("later", "earlier") or before == "within"):
        return None  # a point in time ("20 minutes later"), not a length
    if timed and lemma in GATHERINGS:  # "they met for four hours": the length of the meeting
        return f"duration of {GATHERINGS[lemma][1]}"
    if timed and lemma == "spend":
        return f"time {phrase} spent" if phrase else "time spent"
    if not phrase and unit == "year":  # "in 2020 they wanted to merge A with B": the year of the deed
        deed = verb
        while (nxt := next((c for c in deed.children if c.dep_ == "xcomp"), None)) is not None:
            deed = nxt
        done = next((c for c in deed.children if c.dep_ == "dobj" and c.i not in inside), None)
        return f"{deed.text} {noun_phrase(done, inside)}" if done is not None and noun_phrase(done, inside) else None
    if not phrase:  # "It lasted 47 minutes", "it has grown by 14 percent": what, the sentence does not say
        return "duration" if timed and lemma in LASTING else change
    if timed:  # "the treaty was extended for five years" is its extension
        return f"{change} of {phrase}" if change == "extension" else f"duration of {phrase}"
    if unit == "year":
        return f"{phrase} {verb.text}"  # "the consultations started" (in 2019)
    return f"{change} of {phrase}" if change else phrase


IRREGULAR = {"met": "meet", "spent": "spend", "spoke": "speak", "spoken": "speak", "grew": "grow", "grown": "grow",
             "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "ran": "run", "took": "take",
             "taken": "take", "went": "go", "gone": "go", "shrank": "shrink", "shrunk": "shrink"}


def anchored(word, inside: set[int]) -> str | None:
    """What a point in time is counted from: the noun of "into the talks", "before the
    election", or the clause of "after the council condemned the launch"."""
    if word.dep_ == "prep":
        thing = next((c for c in word.children if c.dep_ == "pobj"), None)
        clause = next((c for c in word.children if c.dep_ == "pcomp"), None)
        if thing is None and clause is not None:  # "into what had been a calm exchange"
            thing = next((c for c in clause.children if c.dep_ in ("attr", "dobj")), None)
        return noun_phrase(thing, inside) if thing is not None else None
    if word.dep_ != "mark":
        return None
    clause, preps = word.head, 0
    drop = {word.i}
    for c in clause.children:
        preps += c.dep_ == "prep"
        if c.dep_ in ("conj", "cc", "mark", "ccomp", "npadvmod") or c.dep_ == "prep" and preps > 1 \
                or any(t.i in inside for t in c.subtree):
            drop |= {t.i for t in c.subtree}  # the clause's core: "the council condemned the launch"
    for t in clause.subtree:
        if t.dep_ in ("punct", "advcl", "relcl", "acl", "appos") and t.i != clause.i:
            drop |= {x.i for x in t.subtree}
    words = [t for t in clause.subtree if t.i not in drop]
    return spelled(words) if 1 < len(words) <= 10 else None


def base_form(verb: str) -> str:
    """The verb's dictionary form among the verbs the subjects know ("lasted", "meeting", "halved");
    the parser here has no lemmatizer, and these few verbs need none."""
    word = verb.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    for cut in ("", "s", "es", "d", "ed", "ing"):
        stem = word[:len(word) - len(cut)] if cut and word.endswith(cut) else word if not cut else ""
        for form in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
            if form in KNOWN_VERBS:
                return form
    return word


def is_unit(word: str) -> bool:
    word = word.lower()
    return word in UNIT_WORDS or word in CURRENCY_WORDS or word in MEASURES


def noun_phrase(noun, inside: set[int], leave: frozenset[int] = frozenset()) -> str | None:
    """A noun with its modifiers and an "of"/"between" phrase, without articles, the figure
    itself (and the phrase it stands in), the words at `leave` or clauses ("cargo between the two
    ports", "anniversary of the charter")."""
    # the figure, and the other values of its noun ("five or six experts")
    drop = {t.i for t in noun.subtree if t.i != noun.i and (
        (t.like_num or t.dep_ in ("quantmod", "nummod")) and (t.i in inside or t.head.i in inside | {noun.i})
        or t.i in inside and is_unit(t.text) or t.dep_ == "case" and t.head.i in inside and is_unit(t.head.text))}  # "an hour['s] flight"
    for t in noun.subtree:
        if t.i in leave or t.dep_ == "prep" and any(c.i in inside for c in t.children):
            drop |= {x.i for x in t.subtree}  # "a plan [for the next 10 years]"
            continue
        if t.i == noun.i or t.dep_ in ("cc", "conj") and t.head.head.text.lower() == "between":
            continue  # "trade between Russia and Belarus"
        if t.dep_ in ("relcl", "acl", "appos", "advcl", "cc", "conj", "punct", "det", "predet", "quantmod", "advmod",
                      "npadvmod") or (
                t.dep_ == "prep" and t.text.lower() not in ("of", "between", "on", "with", "for")) or (
                t.text.lower() in APPROXIMATE):
            drop |= {x.i for x in t.subtree}
    words = [t for t in noun.subtree if t.i not in drop and t.text.lower() not in PRONOUNS][:8]
    while words and words[-1].dep_ == "prep":
        words.pop()  # "the end of [2025]": the preposition of a phrase that was all figure
    if len(words) == 1 and words[0].text.lower() in EMPTY_NOUNS:
        return None  # "a total of", "worth of": no subject, only the figure's frame
    phrase = spelled(words)
    return phrase if any(ch.isalpha() for ch in phrase) else None  # "$" alone names nothing


def spelled(words) -> str:
    """Tokens as written: "country's", "small-group meeting", with one space where words were left out."""
    out = ""
    for a, b in zip(words, [*words[1:], None]):
        out += a.text
        if b is not None:
            gap = a.doc[a.i + 1:b.i]
            glued = not a.whitespace_ and all(g.text in "-–" and not g.whitespace_ for g in gap)
            out += "".join(g.text for g in gap) if glued else " "
    return out


EMPTY_NOUNS = {"total", "end", "worth", "sum", "amount", "number", "level", "part", "mark", "order",
               "tune", "range", "beginning", "start", "middle", "half", "rest", "most", "lot", "lots", "dozens", "tens"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "appos", "compound", "conj", "dative", "oprd"}
NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "oprd"}  # a noun's, never a verb's
MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "quantmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
RELATIVES = {"which", "that", "who"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did"}
APPROXIMATE = {"some", "about", "around", "over", "more", "than", "nearly", "almost", "roughly", "approximately",
               "another", "only", "just", "close", "to", "least", "at", "up"}
PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us", "i", "my", "you", "your", "he", "his",
            "she", "her", "this", "that", "these", "those", "which", "who", "what", "itself", "themselves",
            "ourselves", "himself", "herself", "myself", "yourself", "him", "me"}
TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "year"}
UNIT_WORDS = {"%", "percent", "per", "cent", "billion", "million", "trillion", "thousand", "dollars", "dollar", "euros",
              "euro", "roubles", "rouble", "rubles", "ruble", "yuan", "tons", "tonnes", "hours", "hour", "minutes",
              "minute", "days", "day", "years", "year"}
CHANGES = {  # by lemma
    "increase": "growth", "grow": "growth", "rise": "growth", "up": "growth", "expand": "growth", "double": "growth",
    "fall": "decline", "decline": "decline", "drop": "decline", "decrease": "decline", "shrink": "decline",
    "cut": "reduction", "reduce": "reduction", "lower": "reduction", "halve": "reduction", "raise": "rise", "lift": "rise",
    "extend": "extension", "prolong": "extension",
}
# Verbs of meeting, with what they count and what lasts: "met 40 times" (meetings), "they met
# for four hours" (the length of the meeting).
GATHERINGS = {"meet": ("meetings", "the meeting"), "talk": ("talks", "the talks"), "negotiate": ("talks", "the talks"),
              "confer": ("talks", "the talks"), "speak": ("conversations", "the conversation"),
              "communicate": ("conversations", "the conversation"), "call": ("calls", "the call"),
              "visit": ("visits", "the visit")}
LASTING = {"last", "conclude", "continue", "run", "stretch", "take", "end", "go"}
KNOWN_VERBS = CHANGES.keys() | GATHERINGS.keys() | LASTING | {"spend"}


LEAD_WORDS = {
    "exceeds", "exceeded", "exceed", "reached", "reach", "reaches", "amounted", "amounts", "totalled",
    "totaled", "was", "is", "were", "are", "grew", "rose", "increased", "fell", "by", "to", "of", "at",
    "with", "for", "has", "have", "had", "already", "almost", "nearly", "about", "over", "more", "than",
    "around", "approximately", "some", "just", "up", "and", "the", "a", "an", "stood", "stands", "worth",
    "quite", "growth", "even", "or", "been", "be", "will", "pass", "passed", "less", "least",
}


PERIOD = re.compile(r"\b(?:in|for|by)\s+((?:19|20)\d{2})\b|\b(last|this|next) year\b", re.IGNORECASE)


# Nouns of what passes between two countries: trade said at a meeting of two leaders is
# their countries' trade, unless the words name another.
RELATIONS = {"trade", "turnover", "partnership", "ties", "relations", "cooperation", "commerce", "investment",
             "investments"}
# Words a noun phrase inside a subject starts after: "growth of [trade]", "total [trade]".
PHRASE_START = {"of", "since", "in", "for", "on", "to", "by", "from", "at", "total", "growth", "decline",
                "reduction", "rise", "extension", "duration", "age", "time", "times"}
OTHERS = {"with", "between", "among", "within", "against", "foreign", "external", "world", "global", "domestic",
          "international"}  # "foreign trade balance": one country's with all others


def theirs(about: str | None, parties: Sequence[str], country: Callable[[str], str | None]) -> str | None:
    """A subject of what passes between two countries ("trade", "strategic partnership"), on a
    page about a meeting of those two countries' leaders, named as theirs: "growth of
    India–France trade". A subject that names a country (`country` gives its code) or another
    party is left as it is."""
    if not about or len(parties) != 2:
        return about
    words = about.split(" ")
    lowered = [w.lower() for w in words]
    at = next((i for i, w in enumerate(lowered) if w in RELATIONS), None)
    if at is None or OTHERS & set(lowered) or any(w[:1].isupper() for w in words[1:at] + words[at + 1:]) or any(
            country(w) for w in re.findall(r"[^\W\d_]+", about) if w[:1].isupper()):
        return about  # "trade with China", "the Treaty on Cooperation": another's, or a name
    start = at
    while start > 0 and lowered[start - 1] not in PHRASE_START and not lowered[start - 1].endswith("ing"):
        start -= 1  # "growth of [bilateral trade]", "anniversary of normalizing [diplomatic relations]"
    return " ".join([*words[:start], "–".join(parties), *lowered[start:start + 1], *words[start + 1:]])


def period(sentence: str, at: int, year: int | None) -> str | None:
    """The time a figure (at `at` in its sentence) refers to: the year its sentence names
    nearest to it ("in 2013", "this year", resolved against the page's year), as a sentence may
    name several ("In 2012, 43 percent ..., and this year 58 percent")."""
    found = []
    for match in PERIOD.finditer(sentence):
        if match.group(1):
            found.append((match, match.group(1)))
        elif year:
            found.append((match, str(year + {"last": -1, "this": 0, "next": 1}[match.group(2).lower()])))
    if not found:
        return None
    distance = lambda m: m.start() - at if m.start() >= at else at - m.end()  # noqa: E731
    return min(found, key=lambda f: distance(f[0]))[1]
