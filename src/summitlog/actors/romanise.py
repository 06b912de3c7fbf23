"""Names written in Cyrillic, read back in the Latin spelling the registry keeps.

A Russian page names a leader in any of six cases ("Путиным", "Путину") and by initials
("В.Путин"); the registry holds English names. Morphology (pymorphy3) puts each word of a
person's name in the nominative singular, keeping its gender ("Смирновой" -> "Смирнова"),
and a transliteration package (iuliia, with the scheme English Wikipedia follows) gives its
Latin letters: "Путиным" -> "Putin", "Мирзиёева" -> "Mirziyoev". No list of Russian forms is
typed by hand. Both packages load on the first Cyrillic name, so an English corpus pays nothing.

English spells many foreign names as their own language does ("Widodo", "Wulff", "Nguesso")
where Russian transliterates their sound ("Вульф" -> "Vulf"); `sound` folds the spellings
that differ only so into one key, from a table kept with the language's data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..resources import load_lang

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
INITIAL = re.compile(r"(?<![\w.])([^\W\d_])\.\s*(?=[^\W\d_])")


def foreign(name: str) -> bool:
    """Whether a name is written in Cyrillic, and so needs reading back into Latin letters."""
    return bool(CYRILLIC.search(name))


class Romaniser:
    """Cyrillic names in Latin letters, in the nominative: loaded once per process, on first use."""

    def __init__(self, lang: str = "ru") -> None:
        self.data = load_lang(lang, "names.json")
        self.tags = frozenset(self.data["name_tags"])
        self.keep = frozenset(self.data["keep_tags"])
        self.sounds = [(re.compile(a), b) for a, b in self.data["sounds"]]

    @functools.cached_property
    def morph(self):
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="ru")

    @functools.cached_property
    def scheme(self):
        import iuliia

        return iuliia.schemas.get(self.data["scheme"])

    def latin(self, name: str, declined: bool = False) -> str:
        """'Владимиром Путиным' -> 'Vladimir Putin'; 'В.Путин' -> 'V. Putin'. Words that are not
        Cyrillic are kept as written. A word that may be a name in the nominative is kept as
        it is, unless `declined` ("Путина": Putin's, or a Mrs Putina)."""
        name = INITIAL.sub(r"\1. ", " ".join(name.split()))
        return " ".join("-".join(self.word(part, declined) for part in word.split("-")) for word in name.split())

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Romaniser per process, names repeat on every page
    def word(self, word: str, declined: bool = False) -> str:
        if not foreign(word):
            return word
        stripped = word.strip(".")
        nominative = self.nominative(stripped, declined) if len(stripped) > 1 else stripped
        latin = self.scheme.translate(nominative)
        return (latin[:1].upper() + latin[1:]) + word[len(word.rstrip(".")):]

    def normal(self, words: Sequence[tuple[str, dict[str, str], str]]) -> str:
        """A name's words (each with the morphological features a tagger read in its sentence,
        Universal Dependencies' "Case", "Gender", and the space after it) in the nominative:
        "Анной Смирновой" -> "Анна Смирнова", where the features settle what the
        word alone cannot."""
        return "".join("-".join(self.nominative(part, features=features) if foreign(part) and len(part) > 1
                                else part for part in word.split("-")) + space for word, features, space in words)

    def nominative(self, word: str, declined: bool = False, features: dict[str, str] | None = None) -> str:
        """The word in the nominative singular where morphology reads it as a name in another case;
        else as written. A word the dictionary does not know ("Орбаном") is read as a declined
        animate noun; a foreign name Russian does not decline ("Моди") keeps its letters. With
        the word's features from its sentence, a parse that agrees with them is taken."""
        parses = self.morph.parse(word)
        named = [p for p in parses if self.tags & p.tag.grammemes]
        if not named and not self.morph.word_is_known(word):  # a case ending taken off, never one put on
            named = [p for p in parses if {"NOUN", "anim"} <= p.tag.grammemes and len(p.normal_form) < len(word)]
        wanted = {self.data["features"][key].get(value) for key, value in (features or {}).items()
                  if key in self.data["features"]} - {None}
        if self.data["case"] in wanted:
            return word
        if wanted:  # the parses that agree with the sentence, else those in its case ("Обамой": a man's name in -a)
            cases = wanted & set(self.data["features"]["Case"].values())
            named = [p for p in named if wanted <= p.tag.grammemes] or [p for p in named if cases <= p.tag.grammemes]
        if declined:
            named = [p for p in named if self.data["case"] not in p.tag.grammemes]
        if not named or any(self.data["case"] in p.tag.grammemes or self.keep & p.tag.grammemes for p in named):
            return word
        best = max(named, key=lambda p: (self.data["number"] in p.tag.grammemes, p.score))
        form = best.inflect({self.data["case"], self.data["number"]}) or best.inflect({self.data["case"]})
        if form is None or len(form.word) > len(word):  # a name's other cases are never shorter than its nominative
            return word
        return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Romaniser per process
    def lemma(self, word: str) -> str:
        """A word's dictionary form ("товарооборота" -> "товарооборот"), lower-cased."""
        return self.morph.parse(word.lower())[0].normal_form

    @functools.cached_property
    def syllables(self) -> dict[str, str]:
        return load_lang("ru", "palladius.json")["syllables"]

    def chinese(self, name: str) -> str | None:
        """A Chinese name written in the Palladius system, in pinyin ("Си Цзиньпин" -> "Xi
        Jinping"), when every word of it is made of that system's syllables; else None."""
        words = []
        for word in name.split():
            pinyin = self.syllabled(word)
            if pinyin is None:
                return None
            words.append(pinyin[:1].upper() + pinyin[1:])
        return " ".join(words) or None

    def syllabled(self, word: str) -> str | None:
        """The pinyin of one word of a Chinese name, in the nominative or declined as Russian
        declines a foreign noun ("Кэцяну", "Цзиньпином"): the nominative morphology gives is
        tried first, then the word as written, then the word without a case ending."""
        nominative = self.nominative(word, declined=True)
        forms = [nominative] if nominative != word else []
        forms.append(word)
        forms += [word[:-len(e)] for e in self.data["noun_endings"] if word.lower().endswith(e) and len(word) > len(e) + 1]
        return next((p for f in forms if (p := self.pinyin(f.lower())) is not None), None)

    def pinyin(self, word: str) -> str | None:
        """The pinyin of a word that is a run of Palladius syllables, the longest first, else None."""
        if not word:
            return ""
        for size in range(min(5, len(word)), 0, -1):
            if word[:size] in self.syllables and (rest := self.pinyin(word[size:])) is not None:
                return self.syllables[word[:size]] + rest
        return None

    def nominatives(self, word: str) -> list[str]:
        """The nominatives a word may be the form of, as written first ("Ташкенте" -> ["Ташкенте",
        "Ташкент"]; "Константиновском" -> [..., "Константиновский"]): for a place's name, which no
        name tag marks, so `nominative` keeps it. An adjective keeps its gender ("Красной" -> "Красная")."""
        forms = [word]
        for parse in self.morph.parse(word):
            if "NOUN" in parse.tag.grammemes:
                form = parse.normal_form
            elif "ADJF" in parse.tag.grammemes and (inflected := parse.inflect({"nomn"})) is not None:
                form = inflected.word
            else:
                continue
            if form not in (f.lower() for f in forms):
                forms.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
        return forms

    def patronymic(self, word: str) -> bool:
        """Whether a word reads as a patronymic ("Анатольевич"): a name and patronymic together
        address a person by their given name ("Дмитрий Анатольевич")."""
        return any("Patr" in p.tag.grammemes for p in self.morph.parse(word))

    def sound(self, latin: str) -> str:
        """A key that two Latin spellings of one name share when they differ only as a language's
        spelling and a transliteration of its sound do ("Wulff", "Vulf" -> "vulf")."""
        key = latin.lower()
        for pattern, replacement in self.sounds:
            key = pattern.sub(replacement, key)
        return key
