"""One page as every extractor reads it: its text split, tokenised and named once.

The sentences, the spaCy Doc of tokens and entities, the registry's names and the mentions of
people are computed here, once per page, and handed to the extractors, which never split or
tokenise the text again. The costlier annotations (dependencies, parts of speech) are made on
demand, over these same sentences, for the few parts of the page that can hold a statement or
a figure, each part once.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Document
from . import nlp
from .mentions import Mention


@dataclass
class Page:
    """The shared reading of one Document (offsets are into its clean text)."""

    document: Document
    sentences: list[tuple[int, int]]
    doc: Doc  # tokens and entities of the whole text
    names: list[tuple[int, int, str]]  # (start, end, canonical name) of every registry name
    persons: list[tuple[int, int, str]]  # (start, end, text) of the PERSON entities
    orgs: list[tuple[int, int]]  # (start, end) of the ORG entities
    mentions: list[Mention]  # every mention that may be a source of words
    syntax: nlp.Syntax  # dependencies of a span's sentence, parsed once
    tags: nlp.PartsOfSpeech  # the part of speech at an offset
    clauses: nlp.Clauses  # parses of the words around spans

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.document.paragraphs]

    @property
    def year(self) -> int | None:
        """The year of publication, where the page gives it."""
        published = self.document.published
        return int(published[:4]) if published and published[:1].isdigit() else None
