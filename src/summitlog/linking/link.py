"""Across documents: reports of one meeting grouped into an Event, incrementally.

A new report is compared only with the Events of the same pair of leaders. It
joins one when the facts agree: no two different cities, no two different
days, a call only with calls. Where a report gives no date, the wording of the
pages must also be close, and closer where one of them names no place. An Event's facts are consolidated per fact, with the
sources that agree and those that differ.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from ..analysis.pledgewords import resolve_deadline
from ..resources import PIVOT
from . import align, crosslang

ALIGN_WITH = 2  # sources of an Event a new source is aligned with (the closest in wording)
CANDIDATES = 20  # most recent Events of the pair in the window that a report is compared with
MEMBERS = 10  # most recent reports of an Event that a new report is compared with
FOLLOW = 5  # most recent pledges about a term that a later mention follows up
SIMILAR = 0.3  # cosine of word counts above which two undated reports of one place may be one meeting
SIMILAR_UNPLACED = 0.45  # ... and the higher bar when one of them names no place
ACROSS = 0.45  # share of words with a counterpart above which reports in two languages are one meeting
ACROSS_ANCHORED = 0.38  # ... the bar where they also share ANCHORS numbers or names beyond the leaders'
ANCHORS = 2
TWIN = 3.0  # the score of an Event holding the same page in another language (data/twins.json)
STOPWORDS = frozenset(
    """that this with from have were been their they said which will would there about also after
    into more than other some such when what while where these those them then only over under again
    being both each most very just could should because between during before against among across
    through without within upon your says told president prime minister leader leaders meeting talks
    visit country countries their there here other said according""".split()
)
WORD = re.compile(r"[a-z]{4,}")
ANY_WORD = re.compile(r"[^\W\d_]{4,}")


class LinkStore(Protocol):
    def meetings(self, **kwargs: Any) -> list[dict[str, Any]]: ...
    def event_candidates(self, meeting: dict[str, Any]) -> list[int]: ...
    def pledge_objects(self) -> list[str]: ...
    def new_event(self, pair: str, meeting_id: int) -> int: ...
    def join_event(self, event_id: int, meeting_id: int) -> None: ...
    def doc_text(self, doc_id: str) -> str: ...
    def pledges(self, **kwargs: Any) -> list[dict[str, Any]]: ...
    def docs_mentioning(self, term: str) -> list[str]: ...
    def add_pledge_mention(self, pledge_id: int, doc_id: str, start: int, end: int, text: str) -> None: ...
    def date_pledge(self, pledge_id: int, deadline: str) -> None: ...
    def quotes(self, **kwargs: Any) -> list[dict[str, Any]]: ...
    def add_alignment(self, event_id: int, alignments: list, discrepancies: list, extractor: str) -> None: ...


def signature(text: str, lang: str = PIVOT) -> Counter[str]:
    """The page's content words and their counts: what two reports of one meeting share (in
    another language than English, its words as written, in any alphabet)."""
    return Counter(w for w in (WORD if lang == PIVOT else ANY_WORD).findall(text.lower()) if w not in STOPWORDS)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    num = sum(a[w] * b[w] for w in a.keys() & b.keys())
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def day_gap(a: str, b: str) -> int | None:
    """Days between two dates; when either lacks a year, between their month-days (None if
    they cannot be compared, e.g. different years)."""
    if len(a) == 10 and len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    ma, mb = a[-5:], b[-5:]
    da, db = date(2000, int(ma[:2]), int(ma[3:])), date(2000, int(mb[:2]), int(mb[3:]))
    gap = abs((da - db).days)
    return min(gap, 366 - gap)


def agree(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    """Whether two reports can be of one meeting: False on a conflict, True when their dates
    agree, None when nothing but the wording can tell."""
    if (a["kind"] == "call") != (b["kind"] == "call"):
        return False
    if a["city"] and b["city"] and a["city"] != b["city"]:
        return False
    if a["date"] and b["date"]:
        gap = day_gap(a["date"], b["date"])
        return gap is not None and gap <= 1
    return None


def same_known_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["city"] and a["city"] == b["city"] or a["venue"] and a["venue"] == b["venue"])


@dataclass
class Linker:
    """Assigns each new reported meeting to an Event of the same pair, or a new one."""

    store: LinkStore
    registry: Any = None
    signatures: dict[str, Counter[str]] = field(default_factory=dict)
    glossed: dict[str, list] = field(default_factory=dict)
    anchored: dict[tuple[str, tuple[str, ...]], tuple[set[str], set[str]]] = field(default_factory=dict)
    known: set[str] | None = None

    def sig(self, doc_id: str, lang: str = PIVOT) -> Counter[str]:
        if doc_id not in self.signatures:
            self.signatures[doc_id] = signature(self.store.doc_text(doc_id), lang)
        return self.signatures[doc_id]

    def link_document(self, doc_id: str) -> list[int]:
        """Link the document's reported meeting(s) into Events, and its sentences to the pledges
        of other documents they follow up; the Event ids the meetings now belong to."""
        events = []
        for meeting in self.store.meetings(doc_id=doc_id, role="reported", unlinked=True):
            events.append(self.link(meeting))
        for event_id in set(events):
            self.align(event_id, doc_id)
            self.date_pledges(event_id)
        self.follow_pledges(doc_id)
        return events

    def date_pledges(self, event_id: int) -> None:
        """Deadlines a page could not date ("in April" on a page that gives no year) resolved
        against the meeting's date where another source of its Event gives it with a year."""
        members = self.store.meetings(event_id=event_id, role="reported", latest=MEMBERS)
        days = Counter(m["date"] for m in members if m["date"] and len(m["date"]) == 10)
        if not days:
            return
        day = days.most_common(1)[0][0]
        for member in members:
            if member["date"] and len(member["date"]) == 10:
                continue  # its own deadlines were resolved against its own date
            for pledge in self.store.pledges(doc_id=member["doc_id"], mentions=False):
                if pledge["deadline_text"] and not (pledge["deadline"] or "")[:4].isdigit():
                    found = resolve_deadline(pledge["deadline_text"], day, member.get("lang") or PIVOT)
                    if found and found != pledge["deadline"]:
                        self.store.date_pledge(pledge["id"], found)

    def align(self, event_id: int, doc_id: str) -> None:
        """Align a new source with the Event's other sources (at most ALIGN_WITH of them in its
        language and as many in others, the closest in wording), so that a large Event does not
        make each new report cost more."""
        langs = {m["doc_id"]: m.get("lang") or PIVOT
                 for m in self.store.meetings(event_id=event_id, role="reported", latest=MEMBERS)}
        lang = langs.get(doc_id) or self.store.meetings(doc_id=doc_id, role="reported")[0].get("lang") or PIVOT
        same = sorted(d for d in langs if d != doc_id and langs[d] == lang)
        if same:
            mine = self.sig(doc_id, lang)
            same = sorted(same, key=lambda d: -cosine(mine, self.sig(d, lang)))[:ALIGN_WITH]
            if self.known is None:
                self.known = align.known_words(self.registry) if self.registry else set(align.TITLE_WORDS)
            alignments, discrepancies = [], []
            for other in same:
                pair = sorted((doc_id, other))
                texts = {d: self.store.doc_text(d) for d in pair}
                quotes = [q for d in pair for q in self.store.quotes(doc_id=d, limit=100000)]
                found = align.align_event(texts, quotes, self.known, self.registry.actors if self.registry else None)
                alignments += found["alignments"]
                discrepancies += found["discrepancies"]
            self.store.add_alignment(event_id, alignments, discrepancies, align.EXTRACTOR)
        others = sorted(d for d in langs if langs[d] != lang)
        if others:
            text = self.store.doc_text(doc_id)
            mine = self.concepts(doc_id, lang)
            others = sorted(others, key=lambda d: -crosslang.overlap(mine, self.concepts(d, langs[d])))[:ALIGN_WITH]
            alignments, discrepancies = [], []
            for other in others:
                texts = {doc_id: text, other: self.store.doc_text(other)}
                quotes = [q for d in texts for q in self.store.quotes(doc_id=d, limit=100000)]
                found = crosslang.align_across(texts, {doc_id: lang, other: langs[other]}, quotes, self.aligner,
                                               self.conventions)
                alignments += found["alignments"]
                discrepancies += found["discrepancies"]
            self.store.add_alignment(event_id, alignments, discrepancies, crosslang.EXTRACTOR)

    @functools.cached_property
    def aligner(self) -> crosslang.Aligner:
        return crosslang.Aligner(self.bridge, crosslang.length_ratios())

    @functools.cached_property
    def conventions(self) -> dict[str, dict[str, Any]]:
        return crosslang.conventions()

    def link(self, meeting: dict[str, Any]) -> int:
        best, best_score = None, 0.0
        twin = crosslang.twin_key(meeting.get("url"))
        for event_id in self.store.event_candidates(meeting)[-CANDIDATES:]:
            members = self.store.meetings(event_id=event_id, role="reported", latest=MEMBERS)
            verdicts = [agree(meeting, other) for other in members]
            if twin and any(crosslang.twin_key(o["url"]) == twin and o.get("lang") != meeting.get("lang")
                            for o in members):
                best, best_score = event_id, TWIN  # one text in two languages, whatever each reading says
                break
            if any(v is False for v in verdicts):
                continue
            if any(v is True for v in verdicts):
                score = 2.0
            else:
                score = self.wording(meeting, members)
                if not score:
                    continue
            if score > best_score:
                best, best_score = event_id, score
        if best is None:
            return self.store.new_event(meeting["pair_key"], meeting["id"])
        self.store.join_event(best, meeting["id"])
        return best

    def wording(self, meeting: dict[str, Any], members: list[dict[str, Any]]) -> float:
        """With no date to go by, how close the report's wording is to the closest member's, if
        close enough to be one meeting: in one language, close wording and the same named place,
        or closer wording where one report names no place (no two places, by `agree`); across
        languages, the share of words with a counterpart (`crosslang`), a little less where the
        reports share numbers or names beyond the leaders'."""
        lang = meeting.get("lang") or PIVOT
        best = 0.0
        for other in members:
            if (other.get("lang") or PIVOT) == lang:
                closeness = cosine(self.sig(meeting["doc_id"], lang), self.sig(other["doc_id"], lang))
                bar = SIMILAR if same_known_place(meeting, other) else SIMILAR_UNPLACED
            else:
                closeness, shared = self.across(meeting["doc_id"], lang, other["doc_id"], other.get("lang") or PIVOT,
                                                tuple(meeting["participants"]))
                bar = ACROSS_ANCHORED if shared >= ANCHORS else ACROSS
            if closeness >= bar:
                best = max(best, closeness)
        return best

    @functools.cached_property
    def bridge(self) -> crosslang.Bridge:
        return crosslang.Bridge(self.registry)

    def across(self, doc_a: str, lang_a: str, doc_b: str, lang_b: str, leaders: tuple[str, ...]) -> tuple[float, int]:
        """Closeness of two reports in different languages, and how many anchors they share."""
        closeness = crosslang.overlap(self.concepts(doc_a, lang_a), self.concepts(doc_b, lang_b))
        return closeness, len(crosslang.shared(self.anchors(doc_a, leaders), self.anchors(doc_b, leaders)))

    def anchors(self, doc_id: str, leaders: tuple[str, ...]) -> tuple[set[str], set[str]]:
        """A document's names and numbers (`crosslang.Bridge.anchors`), read once per document and pair."""
        if (doc_id, leaders) not in self.anchored:
            self.anchored[doc_id, leaders] = self.bridge.anchors(self.store.doc_text(doc_id), leaders)
        return self.anchored[doc_id, leaders]

    def concepts(self, doc_id: str, lang: str) -> list[crosslang.Concept]:
        """A document's words as English stems (`crosslang.Bridge.concepts`), read once per document."""
        if doc_id not in self.glossed:
            self.glossed[doc_id] = self.bridge.concepts(self.store.doc_text(doc_id), lang)
        return self.glossed[doc_id]

    def follow_pledges(self, doc_id: str) -> None:
        """A page that names what an earlier pledge was about ("the Oreshnik ... is already en
        route") follows it up: each such sentence is recorded with the pledge. Both ways: this
        page's sentences for older pledges, and older pages about a later time for this page's."""
        text = self.store.doc_text(doc_id)
        mine = {p["object"] for p in self.store.pledges(doc_id=doc_id, mentions=False) if p["object"]}
        terms = [t for t in self.store.pledge_objects() if t[:1].isupper() and (t in mine or t in text)]
        for pledge in (p for t in terms for p in self.store.pledges(about=t, latest=FOLLOW, mentions=False)):
            term = pledge["object"]
            if pledge["doc_id"] == doc_id:
                others = [d for d in self.store.docs_mentioning(term, limit=FOLLOW * 4) if d != doc_id]
                pairs = [(d, pledge) for d in others if later(self.store, d, doc_id)]
            elif term in text and later(self.store, doc_id, pledge["doc_id"]):
                pairs = [(doc_id, pledge)]
            else:
                continue
            for mentioning, p in pairs:
                body = text if mentioning == doc_id else self.store.doc_text(mentioning)
                for start, end in sentences_naming(body, term):
                    self.store.add_pledge_mention(p["id"], mentioning, start, end, body[start:end].strip())


def sentences_naming(text: str, term: str) -> list[tuple[int, int]]:
    found = []
    for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
        start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        end = text.find(".", match.end())
        found.append((start, len(text) if end < 0 else end + 1))
    return list(dict.fromkeys(found))


def later(store: Any, doc_id: str, than: str) -> bool:
    """Whether a document is about a time no earlier than another (unknown dates do not forbid)."""
    def when(d: str) -> str | None:
        rows = store.meetings(doc_id=d, role="reported")
        value = rows[0]["date"] if rows and rows[0]["date"] else (rows[0]["published"] if rows else None)
        return value if value and len(value) == 10 else None

    a, b = when(doc_id), when(than)
    return a is None or b is None or a >= b


# -- consolidated facts -------------------------------------------------------------------

FACTS = ("date", "city", "place", "duration_minutes", "kind")
WEEK = 7  # days within which a dated source gives its year to a month-day
GENERIC_KIND = "talks"  # the kind of a meeting in person that a report names nothing more of


def consolidate(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Per fact, the value most sources agree with (the most precise of them), with the sources
    that agree and those that give a value that cannot also be true; sources silent on a fact
    are not counted. A date without a year takes it from a source dated within a week."""
    facts = {fact: consolidate_fact(fact, members) for fact in FACTS}
    day = facts["date"]
    day["year_from"] = None  # the source dated within a week that gives the year, where no source states it
    if day["value"] and not day["value"][:4].isdigit() and (found := year_for(day["value"], members)):
        day["value"], giver, value = found
        day["year_from"] = source(giver, value)
    participants = sorted({p for m in members for p in m["participants"]})
    return {"participants": participants, "facts": facts, "sources": [source(m, None) for m in members]}


def consolidate_fact(fact: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One fact: the value that agrees with most sources' values, made as precise as the
    sources that agree with it allow ("Tashkent" and "Kuksaroy, Tashkent" give the second),
    unless the more precise values disagree among themselves (two venues of one city)."""
    given = [(m[fact], m) for m in members if m[fact] not in (None, "")]
    if fact == "date":  # a date the text states for the meeting, over a page's own date
        given = [(v, m) for v, m in given if m.get("date_basis") == "text"] or given
    if not given:
        return {"value": None, "agree": [], "differ": []}

    def support(g: tuple[Any, dict[str, Any]]) -> tuple[int, tuple]:
        return sum(compatible(fact, g, other) for other in given), precision(fact, g)

    best = max(given, key=support)
    finer = [g for g in given if compatible(fact, g, best) and precision(fact, g) > precision(fact, best)]
    if finer:
        best = max(finer, key=support)
    return {
        "value": best[0],
        "agree": [source(m, v) for v, m in given if compatible(fact, (v, m), best)],
        "differ": [source(m, v) for v, m in given if not compatible(fact, (v, m), best)],
    }


def compatible(fact: str, a: tuple[Any, dict[str, Any]], b: tuple[Any, dict[str, Any]]) -> bool:
    """Whether two sources' values of a fact can both be true: the same day (a year given by
    one only is no conflict), a place within the other ("Kuksaroy, Tashkent" and "Tashkent"),
    a duration within the rounding of an approximate one ("nearly two hours", "an hour and 40
    minutes"), the generic kind with a more specific one in person ("talks", "informal")."""
    (x, mx), (y, my) = a, b
    if fact == "date":
        return x[-5:] == y[-5:] and (not x[:4].isdigit() or not y[:4].isdigit() or x[:4] == y[:4])
    if fact == "place":
        px, py = place_parts(x), place_parts(y)
        return px <= py or py <= px
    if fact == "duration_minutes":
        lx, hx = duration_range(x, mx.get("duration_approximate"))
        ly, hy = duration_range(y, my.get("duration_approximate"))
        return lx <= hy and ly <= hx
    if fact == "kind":
        return x == y or GENERIC_KIND in (x, y) and "call" not in (x, y)
    return str(x).lower() == str(y).lower()


def precision(fact: str, given: tuple[Any, dict[str, Any]]) -> tuple:
    value, meeting = given
    if fact == "date":
        return (value[:4].isdigit(),)
    if fact == "place":
        return len(place_parts(value)), len(value)
    if fact == "duration_minutes":
        return (not meeting.get("duration_approximate"),)
    if fact == "kind":
        return (value != GENERIC_KIND,)
    return (len(str(value)),)


def place_parts(value: str) -> set[str]:
    return {part.strip().lower() for part in value.split(",") if part.strip()}


def duration_range(minutes: int, approximate: Any) -> tuple[float, float]:
    """The minutes a duration can mean: exactly it, or for an approximate one, half the unit
    it is rounded to either side ("about three hours": 150 to 210)."""
    if not approximate:
        return minutes, minutes
    unit = next((u for u in (60, 30, 15, 10, 5) if minutes % u == 0), 1)
    return minutes - unit / 2, minutes + unit / 2


def year_for(month_day: str, members: list[dict[str, Any]]) -> tuple[str, dict[str, Any], str] | None:
    """The date with its year for a month-day ("--05-27"): from the source whose own date (of
    the meeting, else of the page) is closest to that day in some year, within a week; with
    that source and the date it gives."""
    month, day = int(month_day[2:4]), int(month_day[5:7])
    found = []
    for m in members:
        for value in (m.get("date"), m.get("published")):
            if not value or len(value) < 10 or not value[:4].isdigit():
                continue
            dated = date.fromisoformat(value[:10])
            for year in (dated.year - 1, dated.year, dated.year + 1):
                try:
                    candidate = date(year, month, day)
                except ValueError:  # 29 February of another year
                    continue
                gap = abs((candidate - dated).days)
                if gap <= WEEK:
                    found.append((gap, m.get("date_basis") != "text", candidate.isoformat(), m, value))
    if not found:
        return None
    _, _, value, giver, given = min(found, key=lambda f: f[:3])
    return value, giver, given


def source(meeting: dict[str, Any], value: Any) -> dict[str, Any]:
    return {
        "doc_id": meeting["doc_id"], "doc": meeting.get("doc_name"), "site": meeting.get("site"),
        "published": meeting.get("published"),
        "meeting_id": meeting["id"], "value": value, "start": meeting["start"], "end": meeting["end"],
    }


def event_view(store: Any, event_id: int) -> dict[str, Any]:
    """An Event with its consolidated facts, its sources and the other meetings they recall."""
    members = store.meetings(event_id=event_id, role="reported")
    if not members:
        from ..errors import NotFound

        raise NotFound(f"no event with id {event_id}; 'summitlog meetings' lists them")
    view = {"id": event_id, **consolidate(members), "members": members}
    view["alignments"] = store.spans_of("alignments", event_id)
    view["statement_discrepancies"] = store.spans_of("discrepancies", event_id)
    view["references"] = [r for m in members for r in store.meetings(doc_id=m["doc_id"], role="reference")]
    return view
