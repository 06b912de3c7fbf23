"""The outlet a page credits, for pages that come without a URL or site name.

Agency copy names its agency in the wire dateline ("OSLO, March 3 (Agency) -", "OSLO, March 3.
/AGENCY/."), and rewritten or syndicated copy in a closing credit line ("Source: Agency",
"Based on materials of site.example"). A reader wants that name, not the file name. Photo credits
are not the outlet (one outlet prints another agency's photos) and are not read.
"""

from __future__ import annotations

import re

NAME = r"[A-Za-z][\w&.'’-]*(?:\s*[/,]?\s*[A-Za-z][\w&.'’-]*){0,4}"
# A wire dateline: a capitalised place, maybe a date, then the agency in brackets or slashes, then
# the dash or full stop that opens the story.
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A wire dateline: a capitalised place, maybe a date, then the agency in brackets or slashes, then
# the dash that opens the story (a colon only after a date: "Rep. X (R-S.C.):" is a speaker).
WIRE = re.compile(
    rf"^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){{0,3}}[,.]?(?P<date>\s+{MONTH}\s+\d{{1,2}}[,.]?)?\s*"
    rf"(?:\((?P<paren>{NAME})\)\s*(?:[-–—]|(?(date):|(?!)))|/(?P<slash>{NAME})/\s*[.-–—])"
)
# A credit line, or a credit closing a paragraph: "Source: Agency", "(Source: Agency)",
# "Source: Agency - Outlet", "Source: ABC (the Agency of ...)".
CREDIT = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s)|\()(?:[Ss]ources?\s*:|[Bb]ased on materials (?:of|from)\s*:?)\s*(?P<name>{NAME})"
    rf"\s*(?:$|\)\s*$|\.$|\s[-–—]\s|\()"
)
HEAD, TAIL = 8, 6  # wire datelines open a story; credit lines close it


def outlet(paragraphs: list[str]) -> str | None:
    """The agency or site a page credits, or None."""
    for text in paragraphs[:HEAD]:
        match = WIRE.match(text.strip())
        if match:
            return tidy(match.group("paren") or match.group("slash"))
    for text in [*paragraphs[:HEAD], *paragraphs[-TAIL:]]:
        match = CREDIT.search(text.strip())
        if match:
            return tidy(match.group("name"))
    return None


def tidy(name: str) -> str | None:
    """The first of several names ("A and B", "A / B" stay whole: the reader sees both)."""
    name = re.split(r"\s+and\s+", name.strip(" .,"), maxsplit=1)[0]
    return name or None
