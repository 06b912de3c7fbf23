"""Reading Russian: natasha's sentences, tokens, morphology, syntax and entities, as spaCy Docs.

The extractors read one `Page` whatever the language, and the Page holds spaCy objects: so a
Russian page is read by natasha (razdel for sentences and tokens, slovnet for morphology,
dependencies and named entities, over navec's embeddings; all weights ship in the wheels) and
each reading is handed over as the spaCy Doc an English page would give, as spacy-stanza does
for Stanza: tokens with their offsets, Universal Dependencies parts of speech and relations,
morphological features, and PERSON, ORG and GPE entities. Everything here loads only when the
first Russian page arrives, so an English corpus pays nothing.
"""

from __future__ import annotations

import functools
import re

import spacy
from spacy.tokens import Doc
from threadpoolctl import ThreadpoolController
from spacy.util import filter_spans

from ..actors.registry import Registry

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}  # natasha's entity types, as spaCy's English names them


class Natasha:
    """The loaded natasha models, shared by the entity reader and the parser."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)
        self.vocab = spacy.blank("ru").vocab  # Russian lexical attributes: like_num reads "двух"
        self.threads = ThreadpoolController()

    def one_thread(self):
        """The models' matrices are small: OpenBLAS's threads cost them thirty times what they
        save (a sentence parses in 4 ms on one thread, in 140 ms on two), so natasha runs on one."""
        return self.threads.limit(limits=1, user_api="blas")

    def read(self, text: str) -> object:
        """natasha's Doc of a text: tokens and sentences, entities, and the morphology of the
        sentences that name a person (their names are put in the nominative from it)."""
        from natasha import Doc as NatashaDoc
        from natasha.doc import inject_morph, sent_words

        doc = NatashaDoc(text)
        doc.segment(self.segmenter)
        with self.one_thread():
            doc.tag_ner(self.ner)
            named = [s for s in doc.sents if any(span.type == "PER" for span in s.spans)]
            for sentence, markup in zip(named, self.morph.map([sent_words(s) for s in named])):
                inject_morph(sentence.tokens, markup.tokens)
        return doc

    def parse(self, texts: list[str]) -> list[object]:
        """natasha's Docs of many texts with morphology and dependencies, every sentence of them
        tagged and parsed in one batch (the models' matrix products are what costs)."""
        from natasha import Doc as NatashaDoc
        from natasha.doc import inject_morph, inject_syntax, offset_syntax, sent_words

        docs = []
        for text in texts:
            doc = NatashaDoc(text)
            doc.segment(self.segmenter)
            docs.append(doc)
        sentences = [(number, sentence) for doc in docs for number, sentence in enumerate(doc.sents, 1)]
        chunk = [sent_words(sentence) for _, sentence in sentences]
        with self.one_thread():
            for (number, sentence), tags, tree in zip(sentences, self.morph.map(chunk), self.syntax.map(chunk)):
                inject_morph(sentence.tokens, tags.tokens)
                inject_syntax(sentence.tokens, tree.tokens)
                offset_syntax(number, sentence.tokens)
        return docs

    def to_spacy(self, text: str, read: object, syntax: bool) -> Doc:
        """The spaCy Doc of natasha's reading: the same characters, natasha's tokens (the gaps
        between them become whitespace tokens, as spaCy makes them), its parts of speech,
        features and, if parsed, its dependency tree; its entities where no parse was made."""
        rows: list[list] = []  # word, space after it, part of speech, features, head id, relation, opens a sentence
        index: dict[str, int] = {}
        at = 0
        for sentence in read.sents:
            first = True
            for token in sentence.tokens:
                gap = text[at:token.start]
                if gap == " " and rows:
                    rows[-1][1] = True
                elif gap:
                    rows.append([gap, False, "SPACE", "", None, "dep", False])
                index[token.id] = len(rows)
                features = "|".join(f"{k}={v}" for k, v in sorted((token.feats or {}).items()))
                rows.append([token.text, False, token.pos or "X", features, token.head_id, (token.rel or "dep").lower(),
                             first])
                first = False
                at = token.stop
        if at < len(text):
            rows.append([text[at:], False, "SPACE", "", None, "dep", False])
        words, spaces, pos, morphs, heads, deps, sent_starts = (list(column) for column in zip(*rows)) if rows \
            else ([] for _ in range(7))
        if not syntax:
            doc = Doc(self.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs,
                      sent_starts=[True if s else None for s in sent_starts])
            spans = [doc.char_span(s.start, s.stop, label=LABELS[s.type]) for s in read.spans if s.type in LABELS]
            doc.set_ents(filter_spans([s for s in spans if s is not None]))
            return doc
        resolved = []
        for i, head in enumerate(heads):
            if head is None:  # whitespace hangs on the word before it, or the first word after it
                resolved.append(i - 1 if i > 0 else next((j for j, h in enumerate(heads) if h is not None), i))
            else:
                target = index.get(head)
                resolved.append(target if target is not None else i)
        resolved = acyclic(resolved)
        return Doc(self.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, heads=resolved,
                   deps=[d if resolved[i] != i else "ROOT" for i, d in enumerate(deps)])


def lines(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences cut at every line break as well: razdel joins a headline, a transcript's
    label line or a list item to the sentence after it, where there is no full stop between."""
    cut = []
    for start, end in sentences:
        for match in re.finditer(r"[^\n]+", text[start:end]):
            piece = match.group(0)
            if piece.strip():
                left = start + match.start() + len(piece) - len(piece.lstrip())
                cut.append((left, start + match.start() + len(piece.rstrip())))
    return cut


def acyclic(heads: list[int]) -> list[int]:
    """The heads with every cycle broken (the parser's choices are made word by word, and a
    few make a loop, which spaCy cannot walk): a word whose chain of heads comes back to it
    becomes a root."""
    heads = list(heads)
    for start in range(len(heads)):
        seen, at = set(), start
        while heads[at] != at and at not in seen:
            seen.add(at)
            at = heads[at]
        if heads[at] != at:  # came back to a word already on the chain: a loop
            heads[at] = at
    return heads


class Parser:
    """natasha's dependency parser behind the two calls `nlp.Syntax` makes of spaCy's: a Doc of
    one text, and Docs of many texts."""

    def __init__(self, models: Natasha) -> None:
        self.models = models

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts, batch_size: int = 64):
        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            batch = texts[start:start + batch_size]
            for text, read in zip(batch, self.models.parse(batch)):
                yield self.models.to_spacy(text, read, syntax=True)


class Russian:
    """The reader of Russian pages: sentences, the entity Doc, the registry's people, a parser
    and a tagger, as `nlp.English` gives them for English."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    @functools.cached_property
    def models(self) -> Natasha:
        return Natasha()

    @functools.cached_property
    def parser(self) -> Parser:
        return Parser(self.models)

    @property
    def tagger(self) -> Parser:
        return self.parser

    def read(self, text: str) -> tuple[list[tuple[int, int]], Doc, list[tuple[int, int, str]]]:
        """(sentences, the Doc of tokens and entities, the registry's people named) of a text.
        A person natasha finds is the registry's where their name, read in the nominative and
        in Latin letters, is one the registry knows (`Registry.resolve`)."""
        read = self.models.read(text)
        sentences = lines(text, [(s.start, s.stop) for s in read.sents])
        doc = self.models.to_spacy(text, read, syntax=False)
        names = []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and (name := self.registry.resolve(self.normal(ent))):
                names.append((ent.start_char, ent.end_char, name))
        return sentences, doc, names

    def normal(self, span) -> str:
        """The name an entity's words make in the nominative, read with their features
        ("Анной Смирновой" -> "Анна Смирнова")."""
        words = [(t.text, t.morph.to_dict(), " " if t.whitespace_ or t.is_space else "") for t in span if t.text.strip()]
        return self.registry.romaniser.normal(words).strip()
