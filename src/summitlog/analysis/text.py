"""Sentence boundaries that survive the abbreviations of news copy (Mr., p.m., U.S., St.)."""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gen", "lt", "col", "sen", "rep", "gov",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "vs", "no", "nos", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "d.c", "inc", "co", "corp",
}
BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[A-Z0-9]|\s*\n|\s*$)|\n\s*\n")


def holding(spans: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the span that holds an offset, among sorted, non-overlapping (start, end)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at if at >= 0 and offset < spans[at][1] else None


LONGEST = 2000  # characters of the longest sentence; a longer one is read in pieces of this size


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a full stop after a known abbreviation or an initial
    ("Joseph R. Biden") does not end one, nor does a decimal point ("4.5 hours"). A sentence
    longer than LONGEST (a page of one line with no full stop) is cut at spaces into pieces of
    at most that size, so that the parser and every reader of a sentence do bounded work."""
    spans, start = [], 0
    for match in BOUNDARY.finditer(text):
        last = last_word(text, start, match.start()).lower().rstrip(".")
        if text[match.start()] == "." and (last.strip("(\"“") in ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]
    return [piece for span in spans for piece in cut(text, *span)]


def last_word(text: str, start: int, end: int) -> str:
    """The run of word characters and full stops that ends at `end` (not before `start`): the
    word a full stop follows, found without reading the sentence before it."""
    at = end
    while at > start and (text[at - 1].isalnum() or text[at - 1] in "_."):
        at -= 1
    return text[at:end]


def cut(text: str, start: int, end: int, size: int = LONGEST) -> list[tuple[int, int]]:
    """The span [start, end) in pieces of at most `size` characters, each cut at a space where
    one falls in its second half (so no word is cut), each piece starting at a word."""
    pieces = []
    while end - start > size:
        space = max(text.rfind(" ", start + size // 2, start + size), text.rfind("\n", start + size // 2, start + size))
        at = space if space >= 0 else start + size
        pieces.append((start, at))
        start = at
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def letters(test: str) -> str:
    """A regex class of the letters of the Latin, Greek and Cyrillic scripts that pass a test
    ("isupper"), so that a pattern for a capital reads every language these scripts write."""
    return "[" + "".join(re.escape(ch) for ch in map(chr, range(0x41, 0x530)) if getattr(ch, test)()) + "]"


CAPITAL, SMALL = letters("isupper"), letters("islower")


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words or phrases, the longest first (so "Prime Minister"
    is tried before "Minister")."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
