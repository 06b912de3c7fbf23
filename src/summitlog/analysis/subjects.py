"""What a figure measures, read from the parse of the words around it.

Two readers, one for each label set a language's parser gives: `ClearSubjects` for spaCy's
English labels (pobj, dobj, prep) and `UDSubjects` for Universal Dependencies (obj, obl, nmod,
case), as natasha's Russian parser gives. The language data says which (`"parse"` in
`data/lang/LANG/figures.json`) and holds the words each reader looks for; the code names no
language.
"""

from __future__ import annotations

NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "appos", "compound", "conj", "dative", "oprd"}
NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "oprd"}  # a noun's, never a verb's
MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "quantmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "year"}


class ClearSubjects:
    """The subject of a figure from a parse with spaCy's English (ClearNLP) labels."""

    def __init__(self, words: dict, currency_words: dict, measures: dict) -> None:
        self.words = words  # the function words the reader looks for ("of", "since", "ago")
        self.currency_words, self.measures = currency_words, measures
        self.pronouns = set(words["pronouns"])
        self.approximate = set(words["approximate"])
        self.empty_nouns = set(words["empty_nouns"])  # "a total of", "worth of": a frame, no subject
        self.relatives = set(words["relatives"])
        self.auxiliaries = set(words["auxiliaries"])
        self.unit_words = set(words["unit_words"])
        self.changes: dict[str, str] = words["changes"]  # by lemma: "increase" -> "growth"
        # verbs of meeting, with what they count and what lasts: "met 40 times" (meetings),
        # "they met for four hours" (the length of the meeting)
        self.gatherings: dict[str, list[str]] = words["gatherings"]
        self.lasting = set(words["lasting"])
        self.irregular: dict[str, str] = words["irregular"]
        self.known_verbs = self.changes.keys() | self.gatherings.keys() | self.lasting | {words["spend"]}

    def subject(self, tokens, unit: str) -> str | None:
        """What the figure measures, from the parse of its sentence (`tokens`: the figure's span):
        the noun it counts or modifies ("four rounds of consultations", "a 15-percent duty"), else the
        subject of the verb it completes ("trade exceeds $50 billion", "the talks lasted four
        hours"), named as a change or a duration where the verb or unit says so ("growth of
        trade", "duration of the talks"). None where the sentence does not say."""
        w = self.words
        if tokens is None or not len(tokens):
            return None
        inside = {t.i for t in tokens}
        root = tokens.root
        noun = None
        at = tokens.start - 1
        while at > 0 and tokens.doc[at].text.lower() in self.approximate:
            at -= 1  # "in roughly 20 years"
        before = tokens.doc[at].text.lower() if at >= 0 else ""
        first = next((t for t in tokens.sent if t.text.lower() == w["first"] and t.head.i not in inside), None)
        if unit in TIME_UNITS and before == w["in"] and first is not None:
            phrase = self.noun_phrase(first.head, inside)  # "the first visit to China in seven years"
            return f"time since {phrase}" if phrase else None
        following = [t for t in tokens.doc[tokens.end:tokens.end + 3] if t.text not in "-–"]
        if unit == "years" and following and following[0].text.lower() == w["old"]:  # "a 43-year-old teacher"
            person = following[0].head if following[0].dep_ == "amod" else None
            phrase = self.noun_phrase(person, inside, frozenset({following[0].i})) if person is not None else None
            return f"age of {phrase}" if phrase else "age"
        since = following[0] if unit in TIME_UNITS and following and following[0].text.lower() == w["since"] else None
        since = next((c for c in since.children if c.dep_ == "pobj"), None) if since is not None else None
        if since is not None and (phrase := self.noun_phrase(since, inside)):
            return f"time since {phrase}"  # "80 years since the foundation of the industry"
        measured = next((c for c in root.children if c.dep_ == "prep" and c.text.lower() in w["measured_preps"]
                         and c.i not in inside), None)
        measured = next((c for c in measured.children if c.dep_ == "pobj"), None) if measured else None
        timed = unit in TIME_UNITS and unit != "year"
        if (root.dep_ in MODIFIER_DEPS or timed and root.dep_ == "poss") and root.head.i not in inside \
                and not self.is_unit(root.head.text):  # "20 percent, 25 or 30": not the unit of the figure before
            noun = root.head  # "four rounds", "a 15-percent duty", "a three-hour session", "an hour's flight"
        elif not self.is_unit(root.text) and not root.like_num:
            noun = root  # the noun inside the figure: "3,000 volunteers", "the 60th anniversary of ..."
        elif before == ":" and at > 0 and (named := tokens.doc[at - 1]).dep_ in NOMINAL_DEPS and named.text[:1].islower() \
                and not (named.like_num or self.is_unit(named.text)):
            noun = named  # "quite a growth: over 30 percent"; not "an example: 59 percent unemployment"
        elif measured is not None:
            noun = measured  # "12 million tonnes of wheat", "30% of the gas", "$80 billion in investment"
            if timed and noun.head.text.lower() == w["of"] and (phrase := self.noun_phrase(noun, inside)):
                return phrase if phrase.startswith("duration") else f"duration of {phrase}"  # "six hours of consultations"
        elif root.dep_ == "appos" and not root.head.like_num and (
                not self.is_unit(root.head.text) or unit == "year" and root.head.text.lower() == w["year"]):
            noun = root.head  # "the growth, 30 percent"; "the record year, 2017"
        elif root.dep_ == "pobj" and root.head.text.lower() in w["owner_preps"] and root.head.head.dep_ in NOMINAL_DEPS:
            noun = root.head.head  # "a tariff of 20 percent"
        elif unit == "year" and root.dep_ == "pobj" and root.head.text.lower() == w["in"] and root.head.head.dep_ in NOUN_ROLES:
            noun = root.head.head  # "the election in 2016": what happened that year
        elif timed and root.dep_ == "pobj" and root.head.text.lower() in w["span_preps"] \
                and root.head.head.dep_ in NOUN_ROLES and not root.head.head.like_num \
                and (phrase := self.noun_phrase(root.head.head, inside)):
            return f"duration of {phrase}"  # "a plan for the next 10 years", "ties over the coming 25 years"
        if noun is not None:
            phrase = self.noun_phrase(noun, inside)
            if phrase and noun.text.lower() in w["times"] and noun.head.dep_ not in NOMINAL_DEPS:
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "they met for the third time"
                held = self.gatherings.get(self.base_form(verb.text))  # "met 40 times": 40 meetings
                phrase = held[0] if held else self.occasions(verb, inside)  # "they chose the island three times"
            if phrase or noun.text.lower() not in self.empty_nouns:
                return phrase
            root = noun  # "spoke for a total of 2 hours": the frame stands where the figure would
            if noun.text.lower() == w["total"]:
                found = self.subject_of_verb(tokens, root, inside, unit, before)
                return f"total {found}" if found else None
        return self.subject_of_verb(tokens, root, inside, unit, before)


    def occasions(self, verb, inside: set[int]) -> str | None:
        """What "N times" counts where the verb is no meeting: the deed, as its subject and object
        name it ("times the presidents chose the island"); None where either is a pronoun."""
        if verb.text.lower() in self.auxiliaries:
            return None  # "the walk-outs were three times ...": a comparison, not a deed
        who = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside), None)
        what = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
        if who is None or who.text.lower() in self.pronouns or what is not None and what.text.lower() in self.pronouns:
            return None
        doer, done = self.noun_phrase(who, inside), self.noun_phrase(what, inside) if what is not None else None
        return " ".join(w for w in ("times", doer, verb.text, done) if w) if doer else None


    def subject_of_verb(self, tokens, root, inside: set[int], unit: str, before: str) -> str | None:
        """What a figure that completes a verb measures: the verb's subject or object, or the meeting
        the verb stands for."""
        w = self.words
        verb = root.head.head if root.dep_ == "pobj" else root.head
        while verb.dep_ in NOMINAL_DEPS | MODIFIER_DEPS | {"prep", "advmod"} and verb.head is not verb and not (
                verb.dep_ == "conj" and verb.head.dep_ not in NOMINAL_DEPS):  # "commenced ... and lasted": a verb
            verb = verb.head
        lemma = self.base_form(verb.text)  # the verb the figure completes, before looking for a subject
        # what a verb of change acts on is its object ("reduce the tariff by 10 percent"), else its subject
        what = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None) if lemma in self.changes else None
        while what is None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
                and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
            verb = verb.head  # "increased by 30%, reaching $10 billion": the subject of "increased"
        # "grew by 30 percent" is a change; "grew to $10 billion", "cut from 20%", "reaching $10 billion" a level
        level = root.dep_ == "pobj" and root.head.text.lower() in w["level_preps"]
        change = None if level else self.changes.get(lemma)
        who = what or next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside), None)
        if who is not None and who.text.lower() in self.relatives and verb.dep_ == "relcl" or who is None and verb.dep_ == "acl":
            who = verb.head  # "the meeting, which lasted 4.5 hours"; "the meeting commenced at 3 and lasted"
        phrase = self.noun_phrase(who, inside) if who is not None and who.text.lower() not in self.pronouns else None
        timed = unit in TIME_UNITS and unit != "year"
        after = tokens.doc[tokens.end].text.lower() if tokens.end < len(tokens.doc) else ""
        if timed and after == w["ago"]:
            return f"time since {phrase} {verb.text}" if phrase else "time since"
        if timed and after in w["anchors"]:
            point = self.anchored(tokens.doc[tokens.end], inside)  # "40 minutes into the talks"
            return f"time {after} {point}" if point else None
        if timed and (after in w["points"] or before == w["within"]):
            return None  # a point in time ("20 minutes later"), not a length
        if timed and lemma in self.gatherings:  # "they met for four hours": the length of the meeting
            return f"duration of {self.gatherings[lemma][1]}"
        if timed and lemma == w["spend"]:
            return f"time {phrase} spent" if phrase else "time spent"
        if not phrase and unit == "year":  # "in 2020 they wanted to merge A with B": the year of the deed
            deed = verb
            while (nxt := next((c for c in deed.children if c.dep_ == "xcomp"), None)) is not None:
                deed = nxt
            done = next((c for c in deed.children if c.dep_ == "dobj" and c.i not in inside), None)
            return f"{deed.text} {self.noun_phrase(done, inside)}" if done is not None and self.noun_phrase(done, inside) else None
        if not phrase:  # "It lasted 47 minutes", "it has grown by 14 percent": what, the sentence does not say
            return "duration" if timed and lemma in self.lasting else change
        if timed:  # "the treaty was extended for five years" is its extension
            return f"{change} of {phrase}" if change == "extension" else f"duration of {phrase}"
        if unit == "year":
            return f"{phrase} {verb.text}"  # "the consultations started" (in 2019)
        return f"{change} of {phrase}" if change else phrase


    def anchored(self, word, inside: set[int]) -> str | None:
        """What a point in time is counted from: the noun of "into the talks", "before the
        election", or the clause of "after the council condemned the launch"."""
        if word.dep_ == "prep":
            thing = next((c for c in word.children if c.dep_ == "pobj"), None)
            clause = next((c for c in word.children if c.dep_ == "pcomp"), None)
            if thing is None and clause is not None:  # "into what had been a calm exchange"
                thing = next((c for c in clause.children if c.dep_ in ("attr", "dobj")), None)
            return self.noun_phrase(thing, inside) if thing is not None else None
        if word.dep_ != "mark":
            return None
        clause, preps = word.head, 0
        drop = {word.i}
        for c in clause.children:
            preps += c.dep_ == "prep"
            if c.dep_ in ("conj", "cc", "mark", "ccomp", "npadvmod") or c.dep_ == "prep" and preps > 1 \
                    or any(t.i in inside for t in c.subtree):
                drop |= {t.i for t in c.subtree}  # the clause's core: "the council condemned the launch"
        for t in clause.subtree:
            if t.dep_ in ("punct", "advcl", "relcl", "acl", "appos") and t.i != clause.i:
                drop |= {x.i for x in t.subtree}
        words = [t for t in clause.subtree if t.i not in drop]
        return spelled(words) if 1 < len(words) <= 10 else None


    def base_form(self, verb: str) -> str:
        """The verb's dictionary form among the verbs the subjects know ("lasted", "meeting", "halved");
        the parser here has no lemmatizer, and these few verbs need none."""
        word = verb.lower()
        if word in self.irregular:
            return self.irregular[word]
        for cut in self.words["suffixes"]:
            stem = word[:len(word) - len(cut)] if cut and word.endswith(cut) else word if not cut else ""
            for form in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if form in self.known_verbs:
                    return form
        return word


    def is_unit(self, word: str) -> bool:
        word = word.lower()
        return word in self.unit_words or word in self.currency_words or word in self.measures


    def noun_phrase(self, noun, inside: set[int], leave: frozenset[int] = frozenset()) -> str | None:
        """A noun with its modifiers and an "of"/"between" phrase, without articles, the figure
        itself (and the phrase it stands in), the words at `leave` or clauses ("cargo between the two
        ports", "anniversary of the charter")."""
        w = self.words
        # the figure, and the other values of its noun ("five or six experts")
        drop = {t.i for t in noun.subtree if t.i != noun.i and (
            (t.like_num or t.dep_ in ("quantmod", "nummod")) and (t.i in inside or t.head.i in inside | {noun.i})
            or t.i in inside and self.is_unit(t.text) or t.dep_ == "case" and t.head.i in inside and self.is_unit(t.head.text))}  # "an hour['s] flight"
        for t in noun.subtree:
            if t.i in leave or t.dep_ == "prep" and any(c.i in inside for c in t.children):
                drop |= {x.i for x in t.subtree}  # "a plan [for the next 10 years]"
                continue
            if t.i == noun.i or t.dep_ in ("cc", "conj") and t.head.head.text.lower() == w["between"]:
                continue  # "trade between Russia and Belarus"
            if t.dep_ in ("relcl", "acl", "appos", "advcl", "cc", "conj", "punct", "det", "predet", "quantmod", "advmod",
                          "npadvmod") or (
                    t.dep_ == "prep" and t.text.lower() not in w["kept_preps"]) or (
                    t.text.lower() in self.approximate):
                drop |= {x.i for x in t.subtree}
        words = [t for t in noun.subtree if t.i not in drop and t.text.lower() not in self.pronouns][:8]
        while words and words[-1].dep_ == "prep":
            words.pop()  # "the end of [2025]": the preposition of a phrase that was all figure
        if len(words) == 1 and words[0].text.lower() in self.empty_nouns:
            return None  # "a total of", "worth of": no subject, only the figure's frame
        phrase = spelled(words)
        return phrase if any(ch.isalpha() for ch in phrase) else None  # "$" alone names nothing


def spelled(words) -> str:
    """Tokens as written: "country's", "small-group meeting", with one space where words were left out."""
    out = ""
    for a, b in zip(words, [*words[1:], None]):
        out += a.text
        if b is not None:
            gap = a.doc[a.i + 1:b.i]
            glued = not a.whitespace_ and all(g.text in "-–" and not g.whitespace_ for g in gap)
            out += "".join(g.text for g in gap) if glued else " "
    return out


class UDSubjects:
    """The subject of a figure from a Universal Dependencies parse: the noun the figure counts
    or the noun phrase governing it ("рост экспорта" of "рост экспорта составил 40
    процентов"), or, where the figure completes a verb, the verb's subject; a relative pronoun
    stands for the noun its clause hangs on."""

    KEPT = {"amod", "nmod", "flat", "flat:name", "flat:foreign", "compound", "conj", "cc", "case", "fixed", "nummod:gov"}

    def __init__(self, words: dict, currency_words: dict, measures: dict) -> None:
        self.pronouns = set(words["pronouns"])
        self.relatives = set(words["relatives"])
        self.frame_words = set(words["unit_words"]) | currency_words.keys() | measures.keys()

    def subject(self, tokens, unit: str) -> str | None:
        """What the figure at `tokens` measures, in the page's words; None where the parse does
        not say. (`unit` is the ClearNLP reader's concern: this one names no change or duration.)"""
        if tokens is None or not len(tokens):
            return None
        inside = {t.i for t in tokens}
        counted = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and not self.framing(t)]
        if counted:  # "40 тысяч человек", "2,1 миллиона туристов из Чили": what is counted
            return self.noun_phrase(counted[-1], inside - {t.i for t in tokens if not self.framing(t)})
        after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
        if after is not None and after.pos_ == "NOUN" and "Gen" in after.morph.get("Case"):
            return self.noun_phrase(after, inside)  # "60-летия установления отношений": of what
        word = tokens.root
        # past the figure's own words: its number, scale and unit ("40 процентов", "12 миллиардов долларов")
        while (word.i in inside or self.framing(word)) and word.head.i != word.i:
            word = word.head
        if word.pos_ in ("VERB", "AUX") or word.i in inside:
            return self.doer(word, inside)
        if word.text.lower() in self.relatives and word.head.dep_.startswith("acl"):
            word = word.head.head  # "переговоры, которые продолжались ...": the talks
        return self.noun_phrase(word, inside)

    def framing(self, word) -> bool:
        return word.like_num or word.text.lower() in self.frame_words

    def doer(self, verb, inside: set[int]) -> str | None:
        """The subject of the verb a figure completes; for a relative clause's verb, the noun
        the clause hangs on."""
        who = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i not in inside), None)
        if who is None or who.text.lower() in self.relatives:
            if verb.dep_.startswith("acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return self.noun_phrase(verb.head, inside)
            return None
        return self.noun_phrase(who, inside)

    def noun_phrase(self, noun, inside: set[int]) -> str | None:
        """A noun with the words that name it (adjectives, genitives, names, "и" between
        two), without the figure, clauses, punctuation or a preposition before it."""
        if noun.text.lower() in self.pronouns or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        drop = set(inside)
        for t in noun.subtree:
            if t.i != noun.i and (t.dep_ not in self.KEPT or t.i in inside or self.framing(t)):
                drop |= {x.i for x in t.subtree}
        words = [t for t in noun.subtree if t.i not in drop]
        while words and words[0].dep_ == "case":
            words = words[1:]  # "в [мире]"
        words = words[:8]
        while words and words[-1].dep_ in ("case", "cc"):
            words.pop()
        return spelled(words) if words else None
