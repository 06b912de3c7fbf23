"""Who said what: direct quotes and transcript turns, with speakers resolved to actors.

Works on a document's clean text, paragraph by paragraph, carrying discourse
(the last speaker, the people mentioned so far) across paragraphs. The people a
text mentions are found by mentions.py, its quoted spans by quotemarks.py; here
descriptors ("the Russian leader") are resolved by country and role, pronouns by
the most recent person, and each quote gets its speaker (a person, an
organisation, or none).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..actors.registry import Registry
from ..records import Quote
from ..resources import load_lang
from .attribution import Around, Candidate, Logistic, SourceRanker, is_title_case, statement_features
from .labels import Labels
from .mentions import Mention, Mentions
from .quotemarks import PAIRS, Span, scan
from .text import CAPITAL, SMALL, alternation, holding, sentence_spans

WORD = re.compile(r"\w+")
NEXT_WORD = re.compile(r"[^\W\d_]+")
SENTENCE_BREAK = re.compile(rf"(?<=[.!?…])[\"”’»)\]]*(?:\s+|(?={CAPITAL}{SMALL}))")
SIGNATURE = re.compile(rf"[ \t]*[―—–]{{1,2}}[ \t]*(?={CAPITAL})")  # "“...” — Ann Lee"
CAPS = rf"{CAPITAL}(?:{CAPITAL}|[.'’-])+"
INNER_LABEL = re.compile(rf"^(?P<label>{CAPS}(?: {CAPS}){{0,2}}):\s")  # a label in capitals
BULLET = re.compile(r"^[•·*▪‣◦–-]\s")
ROLE_WORDS = {
    "leader": {"leader", "president", "prime minister", "chancellor", "premier"},
    "president": {"president", "head of state"},
    "head of state": {"president", "head of state", "king", "leader"},
    "head of the state": {"president", "head of state", "king", "leader"},
    "prime minister": {"prime minister", "head of government", "premier"},
    "premier": {"premier", "prime minister", "head of government"},
    "head of government": {"prime minister", "premier", "chancellor", "head of government"},
    "chancellor": {"chancellor"},
    "chairman": {"president", "chairman", "general secretary"},
    "monarch": {"king"},
}


@dataclass
class Context:
    """What the reader knows at a point of the document: who spoke last, who was mentioned."""

    text: str
    mentions: list[Mention]
    cast: list[str]
    outlet: str | None
    last_speaker: str | None = None
    next_para: tuple[int, str] = (0, "")
    prev_para: tuple[int, str, bool] = (0, "", False)  # start, text, whether it had quotes
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quoted ranges, in text order
    par_speaker: str | None = None  # speaker of the previous quote in this paragraph
    par_quote_end: int = 0  # where that quote ended
    syntax: Callable[[int, int], tuple[str, str]] | None = None  # (dependency, governor) of a span
    organisations: set[str] = field(default_factory=set)  # the speakers that are organisations

    para_start: int = 0
    starts: list[int] = field(init=False)  # of the mentions, which are in text order

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]

    def in_quote(self, offset: int) -> bool:
        return holding(self.quoted, offset) is not None

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in text order, found by bisection."""
        return self.mentions[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


class Asked:
    """The parse as a first reading stands in for it: it records the spans asked about and
    knows no role. Which mentions attribution asks about does not depend on the answers (a
    quote's candidates are the mentions around it), so one reading without the parse tells
    which sentences to parse together, and none of the rest is parsed."""

    def __init__(self) -> None:
        self.spans: set[tuple[int, int]] = set()  # each mention once: a page of one line has thousands of quotes

    def __call__(self, start: int, end: int) -> tuple[str, str]:
        self.spans.add((start, end))
        return "", ""


@dataclass(frozen=True)
class Where:
    """A quote in its paragraph: the text before it (head) and after it (tail) in its sentence."""

    p_start: int
    para: str
    span: "Span"
    head_from: int
    tail_to: int
    head: str
    tail: str
    content: str
    standalone: bool



SPOKE_BEFORE = 400  # characters back that a pronoun's speaker of the sentence before may stand
REACH = 2000  # characters either side of a quote its source may stand at, past any real paragraph


class QuoteFinder:
    """Finds quotes and turns in a document's clean text. Holds only read-only data."""

    def __init__(self, registry: Registry, ranker: SourceRanker | None = None,
                 statements: Logistic | None = None, lang: str = "en") -> None:
        self.registry = registry
        self.lang = lang  # the language whose words it reads
        self.ranker = ranker or SourceRanker.load()
        self.statements = statements or Logistic.load("attribution.json", "statement")
        cues = load_lang(lang, "cues.json")
        verbs = sorted(set(cues["verbs"]), key=len, reverse=True)
        phrases = sorted(cues["phrases"], key=len, reverse=True)
        self.cue = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases + verbs)) + r")\b", re.IGNORECASE)
        self.relaying = frozenset(cues["relaying"])
        # cues that introduce a quote but do not report what someone said: a sentence where someone
        # welcomed, thanked or concluded states the outlet's facts ("greeted by two officials")
        self.not_reporting = frozenset(cues["not_reporting"])
        self.say = f"(?i:{alternation(cues['said'])})"  # "Putin said." closing a quote as a sentence of its own
        self.according = frozenset(cues["according"])  # the speaker follows: "according to Xi"
        # words of an official statement, which has no speaker: "the statement reads"
        impersonal = alternation(cues["impersonal"]) or "(?!)"
        self.impersonal_after = re.compile(rf"^\W*(?:{impersonal})(?!\w)", re.IGNORECASE)
        self.impersonal_before = re.compile(rf"(?<!\w)(?:{impersonal})(?!\w)[^.!?]{{0,80}}[:,]\s*$", re.IGNORECASE)
        self.people = Mentions(registry, lang)
        outlets = load_lang(lang, "outlets.json")
        self.agencies = outlets["agencies"]
        self.agency_pattern = re.compile(
            r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(self.agencies, key=len, reverse=True))) + r")(?![\w])"
        )
        self.tlds = outlets["tlds"]
        self.currencies = outlets["currencies"]
        self.labels = Labels(registry, lang)

    # -- the document --------------------------------------------------------------

    def find(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        persons: Sequence[tuple[int, int, str]] = (),
        raw: str = "",
        site: str | None = None,
        year: int | None = None,
        skip: str | None = None,
        orgs: Sequence[tuple[int, int]] = (),
        syntax: Callable[[int, int], tuple[str, str]] | None = None,
        mentions: list[Mention] | None = None,
    ) -> list[Quote]:
        """Quotes and turns of a document. `persons` are (start, end, text) of NER PERSON entities,
        `orgs` the spans of ORG entities (institutions speak, but no person is their speaker);
        `skip` is a paragraph that is never speech (the page's dateline); `syntax` gives the
        grammatical role of a span (nlp.Syntax), which the attribution model reads; `mentions`
        are self.mentions(text, persons, orgs), when the caller has them already."""
        mentions = self.mentions(text, persons, orgs) if mentions is None else mentions
        scanned = [scan(text[a:b]) for a, b in paragraphs]
        labels = self.labels.of_page(text, paragraphs, mentions)
        outlet = self.outlet_country(text, raw, site)
        if prefetch := getattr(syntax, "prefetch", None):  # the sentences attribution reads, parsed together
            asked = Asked()
            self.read(text, paragraphs, skip, mentions, scanned, labels, outlet, asked)
            prefetch(asked.spans)
        return self.read(text, paragraphs, skip, mentions, scanned, labels, outlet, syntax)

    def read(self, text: str, paragraphs: Sequence[tuple[int, int]], skip: str | None, mentions: list[Mention],
             scanned: list[list[Span]], labels: list, outlet: str | None,
             syntax: Callable[[int, int], tuple[str, str]] | None) -> list[Quote]:
        """The quotes and turns of the paragraphs, in order: `scanned` are each paragraph's quoted
        spans, `labels` each one's speaker label, `outlet` the outlet's country (see `find`)."""
        cast = [m.actor for m in mentions if m.kind == "name" and m.actor]
        ctx = Context(text, mentions, cast, outlet, syntax=syntax)
        quotes: list[Quote] = []
        turn: tuple[str, str] | None = None  # (speaker, cue) of the transcript turn in progress
        alone: tuple[str, str] | None = None  # a label on a line of its own, waiting for its body
        alone_quoted = False  # the label alone was followed by quoted paragraphs, not a turn
        previous: tuple[int, str, bool] = (0, "", False)
        ctx.quoted = [(a + sp.start, a + sp.end) for (a, _), spans in zip(paragraphs, scanned) for sp in spans]
        for index, (p_start, p_end) in enumerate(paragraphs):
            para = text[p_start:p_end]
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else (p_end, p_end)
            spans = scanned[index]
            ctx.next_para = (nxt[0], text[nxt[0]:nxt[1]])
            ctx.prev_para, previous = previous, (p_start, para, bool(spans))
            ctx.par_speaker, ctx.para_start = None, p_start
            label = labels[index]
            if label:
                speaker, body_at, cue = label
                body_start = body_at + len(para[body_at:]) - len(para[body_at:].lstrip())
                alone, turn = None, None
                if body_start >= len(para):
                    alone = (speaker, cue)
                elif para[body_start] in PAIRS:
                    quotes.extend(self.direct(ctx, p_start, para, spans, forced=(speaker, cue)))
                else:
                    turn = (speaker, cue)
                    quotes.append(self.turn_quote(text, p_start + body_start, p_end, speaker, cue))
                    ctx.last_speaker = speaker
                continue
            opens_with_quote = para[:1] in PAIRS or BULLET.match(para) is not None
            if alone and not opens_with_quote:
                turn = None if alone_quoted else alone
                alone = None
            alone_quoted = bool(alone) and opens_with_quote
            if turn:
                if not is_stage_direction(para) and para.strip() != skip and not repeated(text, p_start, p_end, quotes):
                    quotes.append(self.turn_quote(text, p_start, p_end, *turn))
                continue
            default = alone if alone and opens_with_quote else None
            quotes.extend(self.direct(ctx, p_start, para, spans, default=default))
        return quotes

    def reported(self, text: str, persons: Sequence[tuple[int, int, str]] = (), orgs: Sequence[tuple[int, int]] = (),
                 syntax: Callable[[int, int], tuple[str, str]] | None = None,
                 mentions: list[Mention] | None = None,
                 sentences: list[tuple[int, int]] | None = None) -> Callable[[int], str | None]:
        """Who a sentence outside quotes reports as saying what stands at an offset ("Putin
        noted that trade grew by 30 percent", "trade grew, the Russian leader said", "according
        to Xi"): a function of the offset, giving that speaker or None (the outlet's own words,
        or words of the sentence that are not what was said: "Putin, on a two-day visit, said").
        The mentions, the cue lexicon and the resolution are the quotes' own."""
        mentions = self.mentions(text, persons, orgs) if mentions is None else mentions
        cast = [m.actor for m in mentions if m.kind == "name" and m.actor]
        ctx = Context(text, mentions, cast, None, syntax=syntax)
        sentences = sentence_spans(text) if sentences is None else sentences
        starts = [a for a, _ in sentences]
        people = [m.start for m in mentions if m.kind != "org"]  # sorted, as mentions are
        found: dict[int, list[tuple[int, int, str | None]]] = {}
        prefetch = getattr(syntax, "prefetch", None)
        ahead: set[int] = set()  # the paragraphs (by their first sentence) whose parses are asked for

        def paragraph(at: int) -> range:
            first, last = text.rfind("\n", 0, sentences[at][0]) + 1, text.find("\n", sentences[at][0])
            return range(bisect.bisect_left(starts, first), bisect.bisect_left(starts, len(text) if last < 0 else last))

        def reports_of(at: int) -> list[tuple[int, int, str | None]]:
            if at not in found:
                near = paragraph(at)
                if prefetch and near.start not in ahead:
                    # a first reading of the paragraph tells which of its sentences to parse together
                    ahead.add(near.start)
                    first = Context(text, mentions, cast, None, syntax=Asked())
                    for i in near:
                        self.reports(first, *sentences[i])
                    prefetch(first.syntax.spans)
                found[at] = self.reports(ctx, *sentences[at])
            return found[at]

        def speaker(offset: int) -> str | None:
            at = holding(sentences, offset)
            if at is None:
                return None
            for content_start, content_end, who in reports_of(at):
                if content_start <= offset < content_end:
                    return who
            named = bisect.bisect_left(people, sentences[at][0]) < bisect.bisect_left(people, sentences[at][1])
            if reports_of(at) or named:
                return None
            return carried(at)

        def carried(at: int) -> str | None:
            """A readout's paragraph goes on in its speaker's words: "Xi pointed out that ... .
            More than 100 years ago, ...", and "... . ... , Xi said." closes what came before it.
            The sentences carried name nobody (a sentence about someone is the outlet's)."""
            near = paragraph(at)
            opening = [(a, b, who) for a, b, who in reports_of(near[0])  # a speech verb, not "according to"
                       if b == sentences[near[0]][1] and a > sentences[near[0]][0]]
            closing = [i for i in near if i > at and any(a == sentences[i][0] for a, _, _ in reports_of(i))]
            if closing and not any(reports_of(i) for i in near if at < i < closing[0]):
                said = {who for a, _, who in reports_of(closing[0]) if a == sentences[closing[0]][0]}
            elif near[0] < at and opening and not any(reports_of(i) for i in near if near[0] < i < at):
                said = {who for *_, who in opening}
            else:
                return None
            return said.pop() if len(said) == 1 else None
        return speaker

    def reports(self, ctx: Context, start: int, end: int) -> list[tuple[int, int, str | None]]:
        """The reported speech of a sentence: (content start, content end, speaker)
        for each speech verb with a speaker: the subject of the verb, the person after
        "according to" or after an inverted "said". The content is what follows the verb, or,
        where the speaker and verb come last ("..., Putin said"), what precedes them."""
        text, out = ctx.text, []
        inside = [m for m in ctx.between(start, end) if m.kind in ("name", "descriptor", "pronoun", "org")]
        for cue in self.cue.finditer(text, start, end):
            word = cue.group(0).lower()
            if ctx.in_quote(cue.start()) or word in self.not_reporting or (
                    cue.group(0)[:1].isupper() and text[start:cue.start()].strip()):
                continue  # a capital inside a sentence is a name: "the Gulf States"
            after = [m for m in inside if cue.end() <= m.start <= cue.end() + 3]
            before = [m for m in inside if m.end <= cue.start() and not re.search(r"[.;:!?\"“”]", text[m.end:cue.start()])]
            if word in self.according:
                chosen = next((m for m in inside if cue.end() <= m.start <= cue.end() + 6), None)
                span = (start, end)
            else:
                roles = {m.start: ctx.syntax(m.start, m.end) if ctx.syntax else ("", "") for m in before + after}
                own = [m for m in before + after if roles[m.start] == ("nsubj", word)]
                # a verb without a subject of its own shares the sentence's ("X said ... and recalled")
                subjects = [m for m in before if roles[m.start][0] in ("nsubj", "nsubjpass", "")]
                subjects = [m for m in subjects if self.cue.fullmatch(roles[m.start][1])] or subjects
                chosen = own[-1] if own else after[0] if after else (
                    subjects[-1] if subjects and (roles[subjects[-1].start][0] or cue.start() - subjects[-1].end <= 40)
                    else None)
                if chosen is None:
                    continue
                # "..., Putin said." ends the sentence; "..., he said the following:" opens what follows
                last = len(text[cue.end():end].split()) <= 3 and not text[cue.end():end].rstrip().endswith(":")
                if chosen.start > cue.start():  # "..., said Putin"
                    span = (start, cue.start())
                elif re.search(r"\S\s*,\s*$", text[start:chosen.start]) and (last or text[cue.end():].startswith(",")):
                    # "Trade grew 30 percent, Putin said." / "Trade grew, Putin said, adding that ..."
                    span = (start, chosen.start) if last else (start, end)
                else:  # "Putin noted that trade grew": not "Putin, on a two-day visit, said"
                    span = (cue.end(), end)
            if chosen is not None:
                # "..., he said": he is someone named before the words he says
                named_by = span[0] if span[1] <= chosen.start else chosen.start
                out.append((*span, self.speaker_of(chosen, ctx, start, named_by), chosen.start))
        # "Trump said he expected success, while Xi noted that ...": what one speaker says ends
        # where the next speaker of the sentence is named
        return [(a, min([w for _, _, other, w in out if a < w < b and other != who], default=b), who)
                for a, b, who, _ in out]

    def speaker_of(self, mention: Mention, ctx: Context, sentence_start: int, before: int | None = None) -> str | None:
        if mention.kind == "pronoun":  # "he noted": the last person of that gender named before
            before = mention.start if before is None else before

            def named(m: Mention) -> bool:
                return m.kind == "name" and bool(m.actor) and m.end <= before and self.gender(m.actor) in (
                    mention.gender, None)
            # ... the last who spoke, if one did shortly before: "X said in an interview with Y.
            # ..., he said" goes on with X, not with the name closest to "he"
            speakers = [m for m in ctx.between(before - SPOKE_BEFORE, before + 1) if named(m) and ctx.syntax
                        and (role := ctx.syntax(m.start, m.end))[0] == "nsubj" and self.cue.fullmatch(role[1])]
            at = bisect.bisect_right(ctx.starts, before)
            last = next((ctx.mentions[k] for k in range(at - 1, -1, -1) if named(ctx.mentions[k])), None)
            return speakers[-1].actor if speakers else last.actor if last else None
        ctx.para_start = sentence_start
        return self.resolve(mention, ctx)

    def turn_quote(self, text: str, start: int, end: int, speaker: str, cue: str) -> Quote:
        while end > start and text[end - 1].isspace():
            end -= 1
        return Quote(start=start, end=end, text=text[start:end], speaker=speaker, kind="turn", cue=cue)

    # -- direct quotes -------------------------------------------------------------

    def direct(self, ctx: "Context", p_start: int, para: str, spans: list[Span], forced=None,
               default=None) -> list[Quote]:
        """Direct quotes of one paragraph (`spans`: its quoted spans, `scan(para)`); `forced` is a
        label's speaker, `default` a label above."""
        out: list[Quote] = []
        previous_end = 0
        for i, span in enumerate(spans):
            content_end = span.end
            while content_end > span.start and para[content_end - 1].isspace():
                content_end -= 1
            content = para[span.start:content_end]
            head_from = max(previous_end, sentence_start(para, span.start - 1))
            head = para[head_from:span.start - 1]
            tail_to = span.end + 1 if span.closed else span.end
            next_open = spans[i + 1].start - 1 if i + 1 < len(spans) else len(para)
            tail = para[tail_to:min(sentence_end(para, tail_to), next_open)]
            previous_end = tail_to
            standalone = not head.strip() and not tail.strip(" .,;:!?")
            sentence = para[sentence_start(para, span.start - 1):span.start - 1]
            cue = self.cue.search(tail)
            utterance = not sentence.strip() and cue is not None and cue.start() < 40
            if not forced and not self.is_speech(ctx, p_start, para, span, standalone or utterance, standalone):
                continue
            where = Where(p_start, para, span, head_from, tail_to, head, tail, content, standalone)
            inner = INNER_LABEL.match(content)
            if inner and not forced:  # a transcript quoted whole: "HARTLEY: Will you ..."
                label = inner.group("label")
                speaker, cue = self.registry.resolve(label.title()) or label.title(), "label"
            else:
                speaker, cue = forced or self.attribute(ctx, where, default)
            if speaker:
                ctx.last_speaker = ctx.par_speaker = speaker
                ctx.par_quote_end = p_start + tail_to
            out.append(Quote(start=p_start + span.start, end=p_start + content_end, text=content,
                             speaker=speaker, kind="direct", cue=cue, by_organisation=speaker in ctx.organisations))
        return out

    def window(self, ctx: Context, w: Where) -> tuple[Around, list[Mention]]:
        """The quote with its sentence and paragraph bounds, and the mentions that may be its
        source: from the paragraph before to the first sentence of the paragraph after."""
        close = w.span.end + 1 if w.span.closed else w.span.end
        prev_at, prev_text, _ = ctx.prev_para
        next_at, next_text = ctx.next_para
        prev = (prev_at, prev_at + len(prev_text)) if prev_text and prev_at < w.p_start else None
        nxt = (next_at, next_at + len(next_text)) if next_text and next_at > w.p_start else None
        around = Around(
            ctx.text, w.p_start + w.span.start, w.p_start + w.span.end, w.p_start, w.p_start + len(w.para),
            w.p_start + sentence_start(w.para, w.span.start - 1), w.p_start + sentence_end(w.para, close),
            prev, nxt,
        )
        lo = prev[0] if prev else w.p_start
        hi = next_at + sentence_end(next_text, 0) if nxt else w.p_start + len(w.para)
        # A paragraph without end (a page of one long line) is read no farther than REACH.
        lo, hi = max(lo, around.start - REACH), min(hi, around.end + REACH)
        return around, self.mentions_in(ctx, lo, hi, everyone=True)

    def ranked(self, ctx: Context, w: Where) -> tuple[bool, str | None, str | None]:
        """(found, speaker, cue) from the attribution model: the likeliest mention near the quote
        that resolves (an organisation or "they" resolves to no person)."""
        around, near = self.window(ctx, w)
        # a state speaks the words of the sentence that says so ("South Korea accused the North of
        # '...'"); no later quote is its, as a person's may be ("he added")
        near = [m for m in near if not (m.kind == "org" and m.country)
                or around.sentence_start <= m.start < around.sentence_end]
        if isinstance(ctx.syntax, Asked):  # a first reading: only which mentions are asked about counts
            ctx.syntax.spans.update((m.start, m.end) for m in near)
            return False, None, None
        candidates = self.candidates(ctx, near)
        lo = min([around.start, *(m.start for m in near)]) - 30
        hi = max([around.end, *(m.end for m in near)]) + 30
        # the features look no farther; the quoted spans are in text order, so their ends are too
        quoted = ctx.quoted[bisect.bisect_left(ctx.quoted, lo, key=lambda q: q[1]):
                            bisect.bisect_right(ctx.quoted, hi, key=lambda q: q[0])]
        for index, _ in self.ranker.ranked(around, candidates, self.cue, quoted):
            mention = near[index]
            if mention.kind == "org":
                mention = self.described(ctx.text, mention, near)
            who = self.resolve(mention, ctx)
            if mention.kind == "org" and (who := org_name(ctx.text, mention)):
                # "Moscow insisted": a place is never a speaker; nor is an organisation that names
                # whose words they are ("the statement of the Front", "the Kremlin press service")
                if self.registry.place(who) or ctx.syntax and ctx.syntax(mention.start, mention.end)[0] == "nmod":
                    return True, None, self.cue_near(ctx.text, mention)
                ctx.organisations.add(who)
            if who or mention.kind == "plural":
                return True, who, self.cue_near(ctx.text, mention)
        return False, None, None

    def described(self, text: str, org: Mention, near: list[Mention]) -> Mention:
        """The person an organisation describes ("Navy spokesman Capt. Ralph Dunmore",
        "network host Dana Reyes"): a name that follows it in the same phrase; else the
        organisation itself."""
        for m in near:
            gap = text[org.end:m.start]
            if m.kind == "name" and 0 <= m.start - org.end <= 40 and (
                    gap.strip().lower() in self.relaying  # "the agency quoted the minister as saying"
                    or len(gap.split()) <= 4 and not re.search(r"[,;:()\"“”\n]", gap) and not self.cue.search(gap)):
                return m
        return org

    def candidates(self, ctx: Context, near: list[Mention]) -> list[Candidate]:
        """The mentions as the attribution model sees them."""
        out = []
        for m in near:
            dep, governor = ctx.syntax(m.start, m.end) if ctx.syntax else ("", "")
            out.append(Candidate(m.start, m.end, m.kind, bool(m.actor) and m.actor == ctx.last_speaker, dep, governor))
        return out

    def cue_near(self, text: str, mention: Mention) -> str:
        """The speech verb closest to a mention in its sentence (read no farther than REACH
        either side), else "ranked"."""
        floor, ceiling = max(0, mention.start - REACH), min(len(text), mention.end + REACH)
        lo = text.rfind(".", floor, mention.start) + 1 or floor
        hi = text.find(".", mention.end, ceiling)
        hits = list(self.cue.finditer(text, lo, hi if hi >= 0 else ceiling))
        if not hits:
            return "ranked"
        return min(hits, key=lambda h: min(abs(h.start() - mention.end), abs(mention.start - h.end()))).group(0).lower()

    def is_speech(self, ctx: Context, p_start: int, para: str, span: Span, whole: bool, alone: bool = False) -> bool:
        """Whether a quoted span is someone's words rather than a term, a title or scare quotes.
        A quoted line `alone` in its paragraph, in title case ("A Plan for the Coast."), is a
        title; the rule stands outside the statement model, trained on what `speech_question` asks."""
        if alone and is_title_case(para[span.start:span.end]):
            return False
        asked = self.speech_question(ctx, p_start, para, span, whole)
        return asked if isinstance(asked, bool) else self.statements.accepts(asked)

    def speech_question(self, ctx: Context, p_start: int, para: str, span: Span, whole: bool) -> bool | dict:
        """What the statement model is asked about a quoted span (its features), or the answer
        where none is needed: one word is never a statement ("terrorist", ‘friendly’), a sentence
        that stands as an utterance of its own always is."""
        size = len(para[span.start:span.end].split())
        if size < 2 or whole and size >= 4:
            return size >= 2
        lo = p_start + sentence_start(para, span.start - 1)
        hi = p_start + sentence_end(para, span.end)
        near = any(m.kind in ("name", "pronoun", "descriptor") for m in self.mentions_in(ctx, lo, hi))
        return statement_features(para, span.start, span.end, span.closed, self.cue, near)

    def attribute(self, ctx: Context, w: Where, default=None) -> tuple[str | None, str | None]:
        """The speaker of one quote: the attribution model's pick among the mentions near it,
        else a label above, a headline's next paragraph, the last speaker. A quote signed
        with a dash and a name ("“...” — Ann Lee") is that person's."""
        if self.impersonal_after.match(w.tail) or self.impersonal_before.search(w.head):
            return None, "statement"  # "..., the statement reads": an official text's words have no speaker
        dash = SIGNATURE.match(w.para, w.tail_to)
        signed = self.mention_in(ctx, w.p_start + dash.end(), len(ctx.text)) if dash else None
        if signed and signed.start == w.p_start + dash.end() and (who := self.resolve(signed, ctx)):
            return who, "signed"
        found, who, cue = self.ranked(ctx, w)
        if found or isinstance(ctx.syntax, Asked):  # a first reading asks only what the ranking asks
            return who, cue
        return self.attribute_by_rules(ctx, w, default)

    def attribute_by_rules(self, ctx: Context, w: Where, default=None) -> tuple[str | None, str | None]:
        """The speaker of one quote: from its tail, its head, a label above, then discourse."""
        tail_abs = w.p_start + w.tail_to
        new_sentence = w.content.rstrip()[-1:] in ".!?…" and w.tail.strip()[:1].isupper()
        cue = self.cue.search(w.tail)
        if w.tail.strip() and cue and cue.start() < 60 and not new_sentence:
            first = self.mention_in(ctx, tail_abs, tail_abs + len(w.tail))
            if first and (who := self.resolve(first, ctx)):
                return who, cue.group(0).lower()
        head_abs = w.p_start + w.head_from
        cues = list(self.cue.finditer(w.head))
        if w.head.strip() and (cues or w.head.rstrip().endswith((":", ","))):
            sentence_abs = w.p_start + sentence_start(w.para, w.head_from)
            first = self.subject_of(ctx, min(sentence_abs, head_abs), head_abs + len(w.head))
            if first and (who := self.resolve(first, ctx)):
                return who, cues[-1].group(0).lower() if cues else "colon"
        if w.tail.strip() and cue and cue.start() < 60 and new_sentence:
            # A new sentence attributes the quote only as "Putin said." / "said Putin.", and
            # only when the quote's own sentence did not ("Macron said: '...' Lula said the ...").
            m = re.match(rf"\s*(?P<who>[^.!?]{{1,60}}?)\s+(?:{self.say})\b", w.tail)
            first = self.mention_in(ctx, tail_abs, tail_abs + m.end("who")) if m else None
            if first and (who := self.resolve(first, ctx)):
                return who, cue.group(0).lower()
        if default:
            return default
        if w.standalone and (w.content.isupper() or len(WORD.findall(w.content)) <= 8):
            at, nxt = ctx.next_para
            first = self.mention_in(ctx, at, at + len(nxt))
            if first and (who := self.resolve(first, ctx)):
                return who, "headline"
        if w.span.start <= 1:
            # The paragraph opens with the quote: it goes on from the last speaker, unless the
            # paragraph before introduced someone new ("Shi Zhiqin ... said a meeting was ...").
            at, prev, had_quotes = ctx.prev_para
            if prev and not had_quotes and self.cue.search(prev):
                first = self.subject_of(ctx, at, at + len(prev))
                if first and (who := self.resolve(first, ctx)):
                    return who, "introduced"
            if ctx.last_speaker:
                return ctx.last_speaker, "continuation"
        # The subject of the sentence before the quote, or of the quote's own sentence.
        before = sentence_start(w.para, w.head_from - 1) if w.head_from else 0
        first = self.mention_in(ctx, w.p_start + before, w.p_start + w.span.start - 1)
        if first and (who := self.resolve(first, ctx)):
            return who, "discourse"
        if ctx.last_speaker:
            return ctx.last_speaker, "discourse"
        # Nothing before: the quote opens the story and what follows says who spoke.
        end = sentence_end(w.para, sentence_end(w.para, w.tail_to))
        at, nxt = ctx.next_para
        first = self.mention_in(ctx, tail_abs, w.p_start + end) or self.mention_in(ctx, at, at + len(nxt))
        if first and (who := self.resolve(first, ctx)):
            return who, "cataphora"
        return None, None

    def subject_of(self, ctx: Context, start: int, end: int) -> Mention | None:
        """Who speaks in a stretch of text: the subject of its last speech verb that has one.

        The subject is the first person named in the verb's clause (after the last comma
        before it), else the first in its sentence, else the first named after the verb
        ("said Putin"). Without a speech verb, the first person named.
        """
        text = ctx.text[start:end]
        for cue in reversed(list(self.cue.finditer(text))):
            sentence = sentence_start(text, cue.start())
            clause = self.clause_start(text, sentence, cue.start())
            for lo, hi in ((clause, cue.start()), (sentence, cue.start()), (cue.end(), sentence_end(text, cue.end()))):
                found = [m for m in self.mentions_in(ctx, start + lo, start + hi) if m.kind != "object"]
                if found:
                    return found[0]
        found = [m for m in self.mentions_in(ctx, start, end) if m.kind != "object"]
        return found[0] if found else None

    def clause_start(self, text: str, sentence: int, at: int) -> int:
        """Start of the clause that ends at `at`; a clause that opens with a verb has no subject
        of its own ("X, in turn, called Y ... and said"), so it reaches back to the one before."""
        clause = at
        while clause > sentence:
            comma = max(text.rfind(c, sentence, clause) for c in ",;:(—")
            clause = max(sentence, comma + 1)
            first = text[clause:at].split()[:1]
            if not first or not self.cue.fullmatch(first[0]) and first[0] not in ("and", "in", "but"):
                return clause
            if comma < sentence:
                return sentence
            clause = comma
        return sentence

    def mentions_in(self, ctx: Context, start: int, end: int, everyone: bool = False) -> list[Mention]:
        """Mentions of people between two offsets, outside quoted text (with `everyone`, also
        organisations and "they")."""
        return [m for m in ctx.between(start, end + 1) if m.end <= end and not ctx.in_quote(m.start)
                and (everyone or m.kind not in ("org", "plural"))]

    def mention_in(self, ctx: Context, start: int, end: int) -> Mention | None:
        found = self.mentions_in(ctx, start, end)
        return found[0] if found else None

    # -- mentions and their resolution --------------------------------------------

    def mentions(self, text: str, persons: Sequence[tuple[int, int, str]], orgs: Sequence[tuple[int, int]] = (),
                 names: Sequence[tuple[int, int, str]] | None = None,
                 places: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Every mention that may be a source (mentions.Mentions.find); of the `places` the NER
        found, the countries a speech verb follows ("Japan branded", "Russia has insisted"), which
        speak through their governments: no person near them is the source of their words."""
        states = [(start, end) for start, end in places if self.registry.country(text[start:end])
                  and self.speaks(text, end)]
        return self.people.find(text, persons, orgs, names, states)

    def speaks(self, text: str, at: int) -> bool:
        """Whether a speech verb follows a name ending at `at` at once ("Russia insisted"; in
        "for Mexico to respond" or "Russia, Putin said" the name is not the one who speaks)."""
        word = NEXT_WORD.match(text, at + 1) if text[at:at + 1] == " " else None
        return bool(word and self.cue.match(text, word.start()))

    def resolve(self, mention: Mention, ctx: Context) -> str | None:
        """The actor a mention refers to, given what came before it."""
        if mention.kind == "name":
            return mention.actor
        if mention.kind in ("pronoun", "object"):
            return self.resolve_pronoun(mention, ctx)
        if mention.kind in ("org", "plural"):
            return None
        return self.resolve_descriptor(mention, ctx)

    def resolve_pronoun(self, mention: Mention, ctx: Context) -> str | None:
        """'he added': whoever was last the subject since the previous quote in this paragraph,
        else that quote's speaker, else the subject of the paragraph before, else the last speaker."""
        para_start = ctx.para_start
        since = ctx.par_quote_end if ctx.par_speaker else para_start
        for lo in (since, ctx.prev_para[0] if not ctx.par_speaker and ctx.prev_para[1] else None):
            if lo is None:
                continue
            hi = mention.start if lo == since else ctx.prev_para[0] + len(ctx.prev_para[1])
            candidates = [m for m in self.mentions_in(ctx, lo, hi) if m.kind in ("name", "descriptor")]
            if candidates:
                last = candidates[-1]
                local = ctx.text[lo:hi]
                begin = lo + sentence_start(local, last.start - lo)
                ordered = [c for c in candidates if c.start >= begin]
                if ctx.syntax:  # the subject of that sentence first, where the parser says which it is
                    ordered.sort(key=lambda c: not ctx.syntax(c.start, c.end)[0].startswith("nsubj"))
                # then, latest first, the people named before it: "she" after a sentence about a man
                ordered += [c for c in reversed(candidates) if c.start < begin]
                for candidate in ordered:
                    if (who := self.resolve(candidate, ctx)):
                        if self.gender(who) in (mention.gender, None):
                            return who
            if lo == since and ctx.par_speaker:
                return ctx.par_speaker
        return ctx.last_speaker

    def resolve_descriptor(self, mention: Mention, ctx: Context) -> str | None:
        """'the Russian leader': a person of that country in the text; 'the Head of State': the
        outlet's own leader where known, else the last speaker or person who holds such a role."""
        words = ROLE_WORDS.get(mention.role or "", {"president", "prime minister", "leader"})
        country = mention.country
        if mention.role in ("counterpart", "side") and not country:
            return None
        if country is None and ctx.outlet and any(self.holds(a, ctx.outlet, words) for a in ctx.cast):
            country = ctx.outlet
        earlier = [m.actor for m in reversed(ctx.mentions)
                   if m.kind == "name" and m.actor and m.start < mention.start]
        if country is None:
            if ctx.last_speaker and self.holds(ctx.last_speaker, None, words):
                return ctx.last_speaker
            return next((a for a in earlier if self.holds(a, None, words)), None)
        ordered = list(dict.fromkeys(earlier + ctx.cast))
        if mention.role in ("counterpart", "side"):
            words = None
        for actor in ordered:
            if self.holds(actor, country, words):
                return actor
        return next((a for a in ordered if self.holds(a, country, None)), None)

    def holds(self, actor: str, country: str | None, words: set[str] | None) -> bool:
        known = self.registry.actors.get(actor)
        if known is None:
            return False
        for role in known.roles:
            if country and role.country != country:
                continue
            if words and role.title not in words and not words & set(self.registry.role_words.get(role.title, [])):
                continue
            return True
        return False

    def gender(self, actor: str) -> str | None:
        """'m', 'f', or None where neither the registry nor the given name says."""
        return self.registry.gender(actor)

    def outlet_country(self, text: str, raw: str, site: str | None) -> str | None:
        """The country of the outlet, for 'the Head of State': its domain, agency, or price ticker."""
        if site:
            tld = site.rsplit(".", 1)[-1].lower()
            if tld in self.tlds:
                return self.tlds[tld]
        counts: dict[str, int] = {}
        for match in self.agency_pattern.finditer(text):
            code = self.agencies[match.group(0)]
            counts[code] = counts.get(code, 0) + 1
        for line in raw.splitlines()[:40]:
            parts = line.split()
            if len(parts) == 2 and parts[1] in self.currencies and re.fullmatch(r"[\d.,]+", parts[0]):
                code = self.currencies[parts[1]]
                counts[code] = counts.get(code, 0) + 1
        return max(counts, key=counts.get) if counts else None


def org_name(text: str, mention: Mention) -> str | None:
    """The name of an organisation that speaks ("the State Department" -> "State Department")."""
    name = re.sub(r"^[Tt]he\s+|['’]s?$", "", text[mention.start:mention.end]).strip()
    return " ".join(name.split()) or None


def sentence_start(para: str, i: int) -> int:
    """Offset where the sentence containing position i starts, looked for no farther back than
    REACH (a paragraph of one long line has no sentence end: its scans stay bounded)."""
    start = max(0, i - REACH)
    for match in SENTENCE_BREAK.finditer(para, start, max(i, 0) + 1):
        if match.end() <= i:
            start = match.end()
    return start


def sentence_end(para: str, i: int) -> int:
    """Offset where the sentence containing position i ends, looked for no farther than REACH."""
    match = SENTENCE_BREAK.search(para, i, i + REACH)
    return match.end() if match else min(len(para), max(i, 0) + REACH)


def repeated(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    """Whether a paragraph of a turn is the page's own noise, not more speech: the opening of an
    earlier paragraph printed again, or a page cut off after a word or two ("In th")."""
    para = text[start:end].strip()
    if end >= len(text.rstrip()) and len(para.split()) < 3 and para[-1:] not in ".!?…»\"":
        return True
    return len(para) >= 40 and any(q.text.startswith(para) for q in quotes if q.kind == "turn")


def is_stage_direction(para: str) -> bool:
    stripped = para.strip()
    return stripped.startswith("[") and stripped.endswith("]") or stripped.startswith("(") and stripped.endswith(")")

