"""Numbers as pages write them, in digits or words: the one home of number words, which the
figures and the meetings' durations both read. Each language's words, scales and way of
writing digits are data (`data/lang/LANG/numbers.json`)."""

from __future__ import annotations

import functools
import re

from ..resources import load_lang


class Numbers:
    """How one language writes a number: its number words in every form, its scale words,
    the words that stand for one or add a half, and its digit grouping and decimal mark."""

    def __init__(self, lang: str) -> None:
        data = load_lang(lang, "numbers.json")
        self.words: dict[str, float] = data["words"]
        self.scales: dict[str, float] = data["scales"]
        self.articles: list[str] = data["articles"]
        self.one_and_a_half: list[list[str]] = data["one_and_a_half"]
        self.and_a_half: list[str] = data["and_a_half"]
        self.digits = data["digits"]  # a number in digits, as a regex
        self.group, self.decimal = data["group"], data["decimal"]
        self.joiner = data["joiner"]  # what stands between the words of one number ("twenty-five")
        self.compound = data["compound_words"]  # at most this many words make one number
        self.leading = re.compile(rf"(?:{self.digits})$")

    def word_value(self, word: str) -> float:
        """'a' -> 1, 'seven' -> 7, '4,5' -> 4.5 (a comma is a decimal point in a single number)."""
        word = word.lower()
        if word in self.articles:
            return 1
        return self.words[word] if word in self.words else float(word.replace(",", "."))

    def parse(self, text: str, glued: dict[str, float] | None = None) -> float | None:
        """'2,000' -> 2000; 'two and a half billion' -> 2.5e9; 'a hundred thousand' -> 1e5;
        '2,4 млн' -> 2.4e6; `glued` are scales written onto the digits ("10m"), where the
        caller reads them so."""
        bare = text.strip().lower().replace("-", " ")
        grouped = re.match(rf"(?:{self.digits})(?![\d{re.escape(self.decimal)}])", bare)
        if grouped and any(ch in grouped.group(0) for ch in self.group if ch.isspace()):
            # "110 000": the digits' groups are one word
            bare = re.sub(r"\s", "", grouped.group(0)) + bare[grouped.end():]
        words = re.sub(r"(?<=\d)(?=[^\W\d_])", " ", bare).split()  # "1.5bn" -> "1.5 bn"
        if not words:
            return None
        value: float | None = None
        i = 0
        halves = [len(form) for form in self.one_and_a_half if words[:len(form)] == form]
        if halves:
            value, i = 1.5, halves[0]
        elif self.leading.match(words[0]):
            digits = "".join(ch for ch in words[0] if ch not in self.group)
            value, i = float(digits.replace(self.decimal, ".")), 1
        elif words[0] in self.articles:
            value, i = 1.0, 1
        elif words[0] in self.words:
            value, i = float(self.words[words[0]]), 1
            while i < min(len(words), self.compound) and words[i] in self.words and added(value, self.words[words[i]]):
                value += self.words[words[i]]  # "twenty five", "двести пятьдесят три"
                i += 1
            if self.and_a_half and words[i:i + len(self.and_a_half)] == self.and_a_half:
                value += 0.5
                i += len(self.and_a_half)
        if value is None:
            return None
        for k, word in enumerate(words[i:]):
            if word in self.scales:
                value *= self.scales[word]
            elif k == 0 and glued and word in glued and re.search(r"\d" + word, bare):
                value *= glued[word]
            else:
                return None
        return value


def added(value: float, word: float) -> bool:
    """Whether a number word adds to the words before it: "twenty" + "five", "двести" + "пятьдесят"
    (a smaller number that fills the round number's zeros)."""
    return word < 10 <= value or value >= 100 and value % 100 == 0 and word < 100


@functools.cache
def numbers(lang: str = "en") -> Numbers:
    """The numbers of a language, read once per process."""
    return Numbers(lang)


ENGLISH = numbers("en")  # what the meetings' durations read, until they read their page's language
SMALL = [word for word, value in ENGLISH.words.items() if value <= 12]  # the words a count of hours uses


def word_value(word: str) -> float:
    """An English number word's value ('a' -> 1, 'seven' -> 7), for the meetings' durations."""
    return ENGLISH.word_value(word)
