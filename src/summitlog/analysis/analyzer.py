"""The analysis stage: one cleaned Document in, everything found in it out.

Pure and per document (no database, no globals), so that `parallel.py` can run it in a process
pool or on a Dask cluster and `pipeline.py` store the results in input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..actors.registry import Registry
from ..records import Document, Extraction, Meeting
from . import nlp
from .figures import FigureFinder
from .meetings import MeetingFinder
from .page import Page
from .pledges import PledgeFinder
from .quotes import QuoteFinder
from .russian import Russian
from .topics import Topics

# The reader of each language analyze() reads (its NLP behind the one Page). A page in any other
# language is stored without records, for no reader can tell who said what in it.
READERS = {"en": nlp.English, "ru": Russian}
LANGUAGES = frozenset(READERS)


def reads(lang: str | None) -> bool:
    """Whether analyze() reads a page in this language (None: not known, read as English)."""
    return lang is None or lang in LANGUAGES


def analysed(lang: str | None) -> str:
    """The language a page is analysed in: its own where a reader reads it, else English."""
    return lang if lang in READERS else "en"


def unread(lang: str | None) -> str | None:
    """The one line a user sees for a page no analyser reads, else None."""
    if reads(lang):
        return None
    return f"language {lang}: no analyser reads it, so no quotes, meetings, figures or pledges come from this page"


@dataclass
class Finders:
    """The extractors of one language."""

    quotes: QuoteFinder
    meetings: MeetingFinder
    figures: FigureFinder
    pledges: PledgeFinder
    topics: Topics


class Analyzer:
    """The loaded models and data that analyze() needs; built once per process."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or Registry.load()
        self.readers: dict[str, nlp.English | Russian] = {}
        self.languages: dict[str, Finders] = {}
        self.reader("en")  # English is read on most pages: its models load with the analyser
        self.finders("en")

    def reader(self, lang: str | None) -> nlp.English | Russian:
        """The reader of a language, made on its first page (None: not known, read as English)."""
        lang = analysed(lang)
        if lang not in self.readers:
            self.readers[lang] = READERS[lang](self.registry)
        return self.readers[lang]

    def finders(self, lang: str | None) -> Finders:
        """The extractors of a language, each reading that language's data; made on its first page."""
        lang = analysed(lang)
        if lang not in self.languages:
            self.languages[lang] = Finders(
                quotes=QuoteFinder(self.registry, lang=lang),
                meetings=MeetingFinder(self.registry, lang=lang),
                figures=FigureFinder(lang=lang),
                pledges=PledgeFinder(self.registry, lang=lang),
                topics=Topics(self.registry, lang=lang),
            )
        return self.languages[lang]

    def read(self, doc: Document) -> Page:
        """The page as every extractor reads it: split, tokenised and named once."""
        text = doc.text
        reader = self.reader(doc.lang)
        sentences, tokens, names = reader.read(text)
        persons = [(e.start_char, e.end_char, e.text) for e in tokens.ents if e.label_ == "PERSON"]
        orgs = [(e.start_char, e.end_char) for e in tokens.ents if e.label_ == "ORG"]
        finders = self.finders(doc.lang)
        places = [(e.start_char, e.end_char) for e in tokens.ents if e.label_ == "GPE"]
        mentions = finders.quotes.mentions(text, persons, orgs, names, places)
        syntax = nlp.Syntax(reader.parser, text, sentences)
        return Page(doc, sentences, tokens, names, persons, orgs, mentions, syntax,
                    nlp.PartsOfSpeech(reader.tagger, text), nlp.Clauses(syntax))

    def __call__(self, doc: Document) -> Extraction:
        return analyze(doc, self)


def analyze(doc: Document, analyzer: Analyzer) -> Extraction:
    """Everything found in one document. Pure: no database, no globals, picklable in and out.
    A page in a language no analyser reads comes back with the document only."""
    if not reads(doc.lang):
        return Extraction(document=doc)
    page = analyzer.read(doc)
    finders = analyzer.finders(doc.lang)
    text, persons, orgs, year = page.text, page.persons, page.orgs, page.year
    quotes = finders.quotes.find(text, page.paragraphs, persons, doc.raw, doc.site, year, doc.dateline, orgs,
                                  page.syntax, page.mentions)
    meetings = finders.meetings.find(
        text, page.paragraphs, doc.published, doc.dateline, persons,
        quoted=[(q.start, q.end) for q in quotes if q.kind == "direct"],
        speakers=[q.speaker for q in quotes if q.speaker],
        turns=[(q.start, q.end, q.speaker) for q in quotes if q.speaker and q.kind == "turn"],
        site=doc.site,
        title=doc.title,
        sentences=page.sentences,
        names=page.names,
    )
    reported = next((m for m in meetings if m.role == "reported" and m.date and m.date[:1].isdigit()), None)
    year = int(reported.date[:4]) if reported else year
    said_by = finders.quotes.reported(text, persons, orgs, page.syntax, page.mentions, page.sentences)
    # a figure is asserted by a person or by the outlet: one in an organisation's words is the outlet's
    people = [replace(q, speaker=None) if q.by_organisation else q for q in quotes]
    figures = finders.figures.find(text, people, page.tags, year, said_by, page.clauses, page.sentences)
    participants = reported.participants if reported else next(
        (m.participants for m in meetings if m.role == "reported"), ())
    parties = analyzer.registry.parties(participants, reported.date[:10] if reported else year)
    figures = [replace(f, about=finders.figures.theirs(f.about, parties, analyzer.registry.country)) for f in figures]
    dated = doc.published if doc.published and doc.published[:1].isdigit() else None
    when = reported.date if reported else dated or dated_by_office(meetings, participants, analyzer.registry)
    pledges = finders.pledges.find(page, quotes, participants, when)
    own = {c for name in participants if (a := analyzer.registry.actors.get(name)) for c in a.countries()}
    quotes = [replace(q, topics=finders.topics.assign(q.text, own)) for q in quotes]
    paragraph_topics = tuple(finders.topics.assign(text[p.start:p.end], own) for p in doc.paragraphs)
    return Extraction(document=doc, quotes=tuple(quotes), meetings=tuple(meetings), figures=tuple(figures),
                      pledges=tuple(pledges), paragraph_topics=paragraph_topics)


def dated_by_office(meetings: Sequence[Meeting], participants: Sequence[str], registry: Registry) -> str | None:
    """A page that states no year still has one where its leaders held office together in one year
    only: the year, with the meeting's month and day where the page gives them ("--08-23"). A
    deadline written without a year ("on Sept. 12") is read against it."""
    year = registry.year_together(participants)
    if year is None:
        return None
    day = next((m.date for m in meetings if m.role == "reported" and m.date and m.date.startswith("--")), None)
    return f"{year}{day[1:]}" if day else str(year)
