"""Numbers as pages write them, in digits or words: the one home of number words, which the
figures and the meetings' durations both read."""

from __future__ import annotations

import re

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
}
SMALL = [word for word, value in WORDS.items() if value <= 12]  # the words a count of hours uses


def word_value(word: str) -> float:
    """'a' -> 1, 'seven' -> 7, '4,5' -> 4.5 (a comma is a decimal point in a single number)."""
    word = word.lower()
    if word in ("a", "an"):
        return 1
    return WORDS[word] if word in WORDS else float(word.replace(",", "."))


def parse(text: str, glued: dict[str, float] | None = None) -> float | None:
    """'2,000' -> 2000; 'one and a half billion' -> 1.5e9; 'a hundred thousand' -> 1e5;
    `glued` are scales written onto the digits ("10m"), where the caller reads them so."""
    bare = text.strip().lower().replace("-", " ")
    words = re.sub(r"(?<=\d)(?=[a-z])", " ", bare).split()  # "1.5bn" -> "1.5 bn"
    if not words:
        return None
    value: float | None = None
    i = 0
    if words[:4] in (["one", "and", "a", "half"], ["a", "and", "a", "half"]):
        value, i = 1.5, 4
    elif re.fullmatch(r"[\d,]+(?:\.\d+)?", words[0]):
        value, i = float(words[0].replace(",", "")), 1
    elif words[0] in ("a", "an"):
        value, i = 1.0, 1
    elif words[0] in WORDS:
        value, i = float(WORDS[words[0]]), 1
        if i < len(words) and words[i] in WORDS and WORDS[words[i]] < 10 <= value:
            value += WORDS[words[i]]
            i += 1
        if words[i:i + 3] == ["and", "a", "half"]:
            value += 0.5
            i += 3
    if value is None:
        return None
    for k, word in enumerate(words[i:]):
        if word in SCALES:
            value *= SCALES[word]
        elif k == 0 and glued and word in glued and re.search(r"\d" + word, bare):
            value *= glued[word]
        else:
            return None
    return value
