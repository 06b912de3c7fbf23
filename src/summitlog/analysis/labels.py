"""Transcript labels: the speaker a paragraph opens with ("President of Russia Vladimir Putin:",
"V.Putin:", "PRESIDENT SMITH:", "Prime Minister Rao.", "[Remarks by X]").

A page of labels is a transcript: its turns run from one label to the next (quotes.py reads them).
The words a label may hold (offices, joining words, name particles, titles, headings, the captions
that are never a label) are the language's data (data/lang/LANG/labels.json).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..actors.registry import Registry
from ..resources import load_lang
from .mentions import Mention
from .quotemarks import PAIRS
from .text import CAPITAL, SMALL, alternation

WORD = re.compile(r"\w+")
Label = tuple[str, int, str]  # (speaker, where the body starts, cue)
# "President of Russia Vladimir Putin:", "PRESIDENT SMITH:", "Prime Minister Rao." opening a paragraph.
# A stage direction may stand between the name and the colon ("President X (retranslated):",
# "King Y (speaking in French):") or right after it, glued or not ("PRESIDENT X:(As
# interpreted.)Thank you."); neither is part of the label nor of the turn.
LABEL = re.compile(r"^(?P<label>[^\s:\"“«‘'(][^:\"“«‘]{1,120}?)\s*(?:\([^()\n]{1,60}\)\s*)?:"
                   rf"(?:\s+|$|(?=[(“\"«]|{CAPITAL}))(?:\([^)]{{1,40}}\)\s*)?")
# A transcript's label with initials ("V.Putin:", "А.Б.Иванов:"): a speaker, never a headline.
INITIALS = re.compile(rf"(?:{CAPITAL}\.\s?)+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?")


class Labels:
    """Finds the speaker labels of a page. Holds only read-only data."""

    def __init__(self, registry: Registry, lang: str = "en") -> None:
        self.registry = registry
        labels = load_lang(lang, "labels.json")
        self.joining = frozenset(labels["joining_words"])
        self.particles = frozenset(labels["name_particles"])
        self.titles = rf"(?:{alternation(labels['titles'])})"
        # "Prime Minister Rao." opening a paragraph
        self.dot_label = re.compile(rf"^(?P<label>{self.titles}(?:\s+{CAPITAL}[\w’'-]+){{1,3}})\.\s+(?=[“\"]|{CAPITAL})")
        heading = labels["headings"]  # "[Remarks by X]": a heading that names the speaker of what follows
        by = f"(?:{alternation(heading['by'])}) " if heading["by"] else ""  # Russian names the speaker in the genitive
        self.heading_label = re.compile(
            rf"^\[?(?:(?:{alternation(heading['openers'])}) )?(?:{alternation(heading['kinds'])})"
            rf" {by}(?P<label>[^\]]+?)\]?$", re.IGNORECASE)
        self.captions = frozenset(labels["captions"])  # "X. Photo: Agency" names a picture, not a speaker

    def of_page(self, text: str, paragraphs: Sequence[tuple[int, int]], mentions: list[Mention]) -> list[Label | None]:
        """The label of each paragraph, or None."""
        labels = [self.label(text[a:b], mentions, a) for a, b in paragraphs]
        # A page of labels is a transcript, and there a label the NER missed is a label too; an
        # office before a name ("Emir of X Sheikh Y Z:") marks a label as surely as a known name.
        offices = sum(1 for x, (a, b) in zip(labels, paragraphs)
                      if not x and re.match(self.titles, text[a:b]) and self.unnamed_label(text[a:b], True))
        transcript = sum(1 for x in labels if x) + offices >= 2
        labels = [x or self.unnamed_label(text[a:b], transcript) for x, (a, b) in zip(labels, paragraphs)]
        if labels and labels[0] and is_headline(text[slice(*paragraphs[0])], labels[0][1]) and sum(map(bool, labels)) < 2:
            labels[0] = None  # "Putin: The situation is very good" as a page title, not a turn
        return labels

    def label(self, para: str, mentions: list[Mention], offset: int) -> Label | None:
        """(speaker, where the body starts, cue) when the paragraph opens with a speaker label."""
        heading = self.heading_label.match(para)
        if heading:
            named = self.people_in(mentions, offset + heading.start("label"), offset + heading.end("label"))
            if len(named) == 1:
                return named[0], len(para), "heading"
        for pattern in (LABEL, self.dot_label):
            match = pattern.match(para)
            if not match:
                continue
            label = match.group("label")
            if self.captions & set(WORD.findall(label)) or not (
                    self.label_words(label.split()) or self.titled(label, mentions, offset)):
                continue
            # "Background:", "Reuters:", the "Emir" of "Emir of X Sheikh Y:": one word the NER took
            # for a name is no speaker; "HARTLEY:" in capitals is a label.
            named = [n for n in self.people_in(mentions, offset, offset + len(label))
                     if " " in n or n in self.registry.actors or label.isupper()]
            if any(ch.isdigit() for ch in label):
                continue  # a dateline ("LISBON, March 20 (Agency):"), not a speaker
            if not named and INITIALS.fullmatch(label):  # "V.Putin:", which the NER may not see as a name
                named = [self.registry.resolve(label) or label]
            if named:
                return named[0], match.end(), "label"
        return None

    def titled(self, label: str, mentions: list[Mention], offset: int) -> bool:
        """Whether a label of an office in words of any case ends with a person's full name:
        "President of the X entity of Y Anton Rassendyll", "Envoy to the Z District Anton
        Rassendyll". The name the NER found at its end, not the words before it, makes it a label."""
        end = offset + len(label.rstrip())
        return len(label.split()) <= 16 and bool(re.match(self.titles, label)) and any(
            m.kind == "name" and m.end == end and m.start > offset and " " in label[m.start - offset:m.end - offset]
            for m in mentions)

    def unnamed_label(self, para: str, transcript: bool) -> Label | None:
        """(speaker, body start, cue) for "President of Ruritania Anton Rassendyll: ..." on a page
        of labels, or "PRIME MINISTER X:" in capitals on any page: the capitalised words after the title
        and country are the name."""
        match = LABEL.match(para)
        if not match or not transcript and not (match.group("label").isupper() and " " in match.group("label")):
            return None
        words = re.sub(r"\([^)]*\)", " ", match.group("label")).split()
        if len(words) < 2 or not self.label_words(words) or not all(w[:1].isupper() or self.lower_ok(w) for w in words):
            return None
        if "of" in words:
            cut = len(words) - words[::-1].index("of")
            before, words = words[:cut - 1], words[cut:]
            # "of the Republic of X", "of BASF": the country or an organisation's acronym before the name
            while len(words) > 2 and (words[0] == "the" or self.registry.country(words[0]) or words[0].isupper()):
                words = words[1:]
            if self.registry.place(" ".join(words)):
                words = before  # "King X II of Y", "Crown Prince X of Y": the name stands before the place
        name = " ".join(words)
        while title := re.match(self.titles + r"\s+", name):
            name = name[title.end():]
        if len(name.split()) < (1 if name.isupper() else 2) or re.search(r"\b(?:of|the|and)\b", name):
            return None  # a one-word name only in capitals ("PRIME MINISTER X")
        name = name.title() if name.isupper() else name
        return self.registry.resolve(name) or self.by_surname(name) or name, match.end(), "label"

    def label_words(self, words: list[str]) -> bool:
        """Whether words can be a speaker label: an office and a name ("Crown Prince and Defence
        Minister of X Mohammed bin Salman", "President of Y Abdel Fattah el-Sisi"), so no more than
        sixteen words and no lower-case word but an office's joining words and a name's particles."""
        return len(words) <= 16 and all(not w[:1].islower() or self.lower_ok(w) for w in words)

    def lower_ok(self, word: str) -> bool:
        """A lower-case word a label may hold: 'of', 'bin', or a particle glued to a name ('el-Sisi')."""
        head = word.split("-", 1)
        return word in self.joining or word in self.particles or (
            len(head) == 2 and head[0] in self.particles and head[1][:1].isupper())

    def by_surname(self, name: str) -> str | None:
        """The one registry person whose surname a label gives ("ABE:"), if only one has it."""
        if " " in name:
            return None
        found = [a for a in self.registry.actors if a.split()[-1] == name]
        return found[0] if len(found) == 1 else None

    def people_in(self, mentions: list[Mention], start: int, end: int) -> list[str]:
        """The distinct people named between two offsets, in order."""
        found = [m.actor for m in mentions if start <= m.start and m.end <= end and m.kind == "name" and m.actor]
        return list(dict.fromkeys(found))


def is_headline(para: str, body_at: int) -> bool:
    """A 'Surname: words' line that titles a page rather than opening a transcript turn."""
    body = para[body_at:].strip()
    return bool(body) and body[0] not in PAIRS and len(para[:body_at].split()) == 1 and not INITIALS.match(para.lstrip())
