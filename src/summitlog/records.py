"""Typed records passed between stages. Plain dicts appear only at the database boundary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawInput:
    """One page as read from a source, before cleaning."""

    source: str  # path, URL, or "path#line" for JSON Lines
    name: str  # file name (or URL) a user recognises; the gold sets key documents by it
    content: str  # decoded text: the page's plain text or its HTML
    kind: str  # "text" or "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    encoding: str = "utf-8"
    outlet: str | None = None  # as a metadata list names it (reading/sidecar.py)
    lang: str | None = None  # as a metadata list gives it


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text; raw_start maps it back into the raw text when it is verbatim."""

    start: int
    end: int
    raw_start: int | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned page: the clean text is what every span points into."""

    id: str
    source: str
    name: str
    kind: str
    raw: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    published: str | None = None  # ISO date, or "--MM-DD" when the page gives no year
    dateline: str | None = None
    site: str | None = None
    url: str | None = None
    removed_lines: int = 0
    lead: str | None = None  # the page's standfirst, as its HTML marks it (meta description)
    outlet: str | None = None  # the agency or site the page credits (credits.py), for pages without a site
    lang: str | None = None  # ISO 639-1 code (reading/language.py); None where not known: read as English

    def raw_offset(self, offset: int) -> int | None:
        """Map an offset in the clean text to the raw text, where the paragraph is verbatim."""
        for p in self.paragraphs:
            if p.start <= offset <= p.end:
                return None if p.raw_start is None else p.raw_start + offset - p.start
        return None


@dataclass(frozen=True)
class Quote:
    """A statement: verbatim text (without quotation marks), its span in the clean text, its speaker."""

    start: int
    end: int
    text: str
    speaker: str | None  # canonical actor name, or the full name the text gives
    kind: str  # "direct" (in quotation marks) or "turn" (a transcript turn)
    cue: str | None = None  # the cue verb or "label", "continuation", "discourse"...
    topics: tuple[str, ...] = ()
    by_organisation: bool = False  # the speaker is an organisation ("Verizon said"), not a person
    extractor: str = "quotes.v2"  # v2: sources and statements by the attribution models


@dataclass(frozen=True)
class Meeting:
    """One document's account of a meeting (role "reported"), or of an earlier one it recalls
    (role "reference"). `date` is ISO, or "--MM-DD" when the text gives no year."""

    participants: tuple[str, ...]
    date: str | None
    date_reason: str | None  # why the date is empty, or where it was taken from
    date_basis: str | None  # "text" (stated for the meeting), "dateline", "published", or None
    place: str | None
    venue: str | None
    city: str | None
    region: str | None
    country: str | None
    duration_minutes: int | None
    duration_approximate: bool
    kind: str  # talks | visit | informal | call | summit
    visit: str | None  # "state visit", "official visit", "working visit"
    formats: tuple[str, ...]  # one-on-one, expanded, working meal
    role: str  # reported | reference
    start: int  # the sentence that says so
    end: int
    extractor: str = "meetings.v2"  # v2: only meetings the text reports


@dataclass(frozen=True)
class Figure:
    """A numeric claim: value normalised to its unit (USD, percent, count, minutes, years...)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None  # about, almost, over, exceeds...
    about: str | None  # what it measures ("trade turnover")
    speaker: str | None  # who asserts it: the quote's speaker, else None for the outlet
    period: str | None  # the year it refers to, where the text says
    extractor: str = "figures.v1"


@dataclass(frozen=True)
class Pledge:
    """A statement of future action: who pledged what, by when."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    deadline_text: str | None  # as written: "by the end of the year"
    deadline: str | None  # resolved: an ISO date or a year, where the meeting date allows
    object: str | None  # what it is about: "Oreshnik", "build a small church"
    speaker: str | None = None  # who states it: the quote's speaker, else None for the outlet
    extractor: str = "pledges.v2"  # v2: commitments of a named party, shortest span, speaker apart


@dataclass(frozen=True)
class Extraction:
    """Everything analyze() found in one document."""

    document: Document
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    meetings: tuple[Meeting, ...] = field(default_factory=tuple)
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    pledges: tuple[Pledge, ...] = field(default_factory=tuple)
    paragraph_topics: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input during an ingest."""

    source: str
    status: str  # "added", "unchanged" or "failed"
    doc_id: str | None = None
    title: str | None = None
    problem: str | None = None
    note: str | None = None  # what a user should know of a stored page (no analyser reads its language)


@dataclass(frozen=True)
class FeedPoll:
    """One poll of one feed: how many items it lists, how many were new, or why it failed."""

    feed: str
    items: int = 0
    new: int = 0
    problem: str | None = None
