"""The analysis stage: one cleaned Document in, everything found in it out.

Pure and per document (no database, no globals), so that `parallel.py` can run it in a process
pool or on a Dask cluster and `pipeline.py` store the results in input order.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.registry import Registry
from ..records import Document, Extraction
from . import nlp
from .figures import FigureFinder
from .meetings import MeetingFinder
from .pledges import PledgeFinder
from .quotes import QuoteFinder
from .topics import Topics


class Analyzer:
    """The loaded models and data that analyze() needs; built once per process."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or Registry.load()
        self.nlp = nlp.build(self.registry)
        self.tagger = nlp.build_tagger()
        self.parser = nlp.build_parser()
        self.quotes = QuoteFinder(self.registry)
        self.meetings = MeetingFinder(self.registry)
        self.figures = FigureFinder()
        self.pledges = PledgeFinder(self.registry)
        self.topics = Topics(self.registry)

    def clauses(self, text: str) -> nlp.Clauses:
        return nlp.Clauses(self.parser, text)

    def __call__(self, doc: Document) -> Extraction:
        return analyze(doc, self)


def analyze(doc: Document, analyzer: Analyzer) -> Extraction:
    """Everything found in one document. Pure: no database, no globals, picklable in and out."""
    found = nlp.entities(analyzer.nlp, doc.text)
    persons = [(start, end, text) for start, end, label, text in found if label == "PERSON"]
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    year = int(doc.published[:4]) if doc.published and doc.published[:1].isdigit() else None
    orgs = [(start, end) for start, end, label, _ in found if label == "ORG"]
    syntax = nlp.Syntax(analyzer.parser, doc.text)
    mentions = analyzer.quotes.mentions(doc.text, persons, orgs)
    quotes = analyzer.quotes.find(doc.text, paragraphs, persons, doc.raw, doc.site, year, doc.dateline, orgs, syntax,
                                  mentions)
    meetings = analyzer.meetings.find(
        doc.text, paragraphs, doc.published, doc.dateline, persons,
        quoted=[(q.start, q.end) for q in quotes if q.kind == "direct"],
        speakers=[q.speaker for q in quotes if q.speaker],
        turns=[(q.start, q.end, q.speaker) for q in quotes if q.speaker and q.kind == "turn"],
        site=doc.site,
        title=doc.title,
    )
    reported = next((m for m in meetings if m.role == "reported" and m.date and m.date[:1].isdigit()), None)
    year = int(reported.date[:4]) if reported else year
    said_by = analyzer.quotes.reported(doc.text, persons, orgs, syntax, mentions)
    figures = analyzer.figures.find(doc.text, quotes, nlp.PartsOfSpeech(analyzer.tagger, doc.text), year, said_by,
                                    analyzer.clauses(doc.text))
    participants = reported.participants if reported else next(
        (m.participants for m in meetings if m.role == "reported"), ())
    pledges = analyzer.pledges.find(doc.text, quotes, participants, reported.date if reported else None)
    own = {c for name in participants if (a := analyzer.registry.actors.get(name)) for c in a.countries()}
    quotes = [replace(q, topics=analyzer.topics.assign(q.text, own)) for q in quotes]
    paragraph_topics = tuple(analyzer.topics.assign(doc.text[p.start:p.end], own) for p in doc.paragraphs)
    return Extraction(document=doc, quotes=tuple(quotes), meetings=tuple(meetings), figures=tuple(figures),
                      pledges=tuple(pledges), paragraph_topics=paragraph_topics)
