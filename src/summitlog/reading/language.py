"""The language of a page, told from its clean text.

py3langid (a maintained fork of langid.py) ships its model inside its wheel, so nothing is
fetched at run time; it loads in under a second and names over a hundred languages, Ukrainian and
Belarusian apart from Russian even in one short sentence. It scores character n-grams over
the whole text it is given, so a page that quotes another language is the language of most
of its words. On a line or two it is often unsure, and English lines heavy with names come out
as Nigerian Pidgin or Javanese: a page is only taken to be in a language no analyser reads when
the model is confident of it.
"""

from __future__ import annotations

import functools
import re

from ..errors import SummitlogError
from ..resources import languages, load_lang

PREFIX = 5_000  # characters read: enough to tell a language, and a huge page costs no more
CONFIDENT = 0.8  # probability above which a short page's language no analyser reads is believed
CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1, or 639-3 for a language without a two-letter code
WORD = re.compile(r"[^\W\d_]+")
PLAIN = 40  # words a page needs for its commonest words to tell its language


@functools.cache
def identifier():
    """The model, loaded once per process and only when a page is first read."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, read: frozenset[str] = frozenset()) -> str:
    """The language most of the text's first PREFIX characters are in, as py3langid codes it
    (ISO 639-1 where the language has a two-letter code); where the model is not CONFIDENT of
    a language outside `read` (the languages an analyser reads), the likeliest of `read`. A
    page plainly in one of `read` by its commonest words (`plainly`) is not given to the model,
    which takes half a second to load."""
    if (found := plainly(text[:PREFIX], read)) is not None:
        return found
    ranked = identifier().rank(text[:PREFIX])
    best, probability = ranked[0]
    if best in read or probability >= CONFIDENT or not read:
        return best
    return next(lang for lang, _ in ranked if lang in read)


def code(value: str) -> str:
    """A language code a user gave (--lang), lower-cased; an error that says what is expected."""
    lowered = value.strip().lower()
    if not CODE.fullmatch(lowered):
        raise SummitlogError(f"--lang {value!r}: give a language code such as en, ru or uk (ISO 639-1)")
    return lowered


@functools.cache
def common_words() -> dict[str, tuple[frozenset[str], float]]:
    """Each language's commonest words and the share of a page's words they reach in it
    (data/lang/<lang>/language.json), for the languages that give them."""
    found = {}
    for lang in languages():
        try:
            data = load_lang(lang, "language.json")
        except FileNotFoundError:
            continue
        found[lang] = (frozenset(data["common_words"]), float(data["share"]))
    return found


def plainly(text: str, read: frozenset[str]) -> str | None:
    """The one language of `read` whose commonest words make up its share of the text's words
    (of PLAIN words or more), else None."""
    words = WORD.findall(text.lower())
    if len(words) < PLAIN:
        return None
    hits = [lang for lang, (common, share) in common_words().items() if lang in read
            and sum(w in common for w in words) >= share * len(words)]
    return hits[0] if len(hits) == 1 else None
