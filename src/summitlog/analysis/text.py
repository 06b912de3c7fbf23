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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a full stop after a known abbreviation or an initial
    ("Joseph R. Biden") does not end one, nor does a decimal point ("4.5 hours")."""
    spans, start = [], 0
    for match in BOUNDARY.finditer(text):
        before = re.split(r"[^\w.]+", text[start:match.start()])
        last = before[-1].lower().rstrip(".") if before else ""
        if text[match.start()] == "." and (last.strip("(\"“") in ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]
