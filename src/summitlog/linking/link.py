"""Across documents: reports of one meeting grouped into an Event, incrementally.

A new report is compared only with the Events of the same pair of leaders. It
joins one when the facts agree: no two different cities, no two different
days, a call only with calls. Where a report gives no date, the wording of the
pages must also be close, and closer where one of them names no place. An Event's facts are consolidated per fact, with the
sources that agree and those that differ.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from . import align

ALIGN_WITH = 2  # sources of an Event a new source is aligned with (the closest in wording)
CANDIDATES = 20  # most recent Events of the pair in the window that a report is compared with
MEMBERS = 10  # most recent reports of an Event that a new report is compared with
FOLLOW = 5  # most recent pledges about a term that a later mention follows up
SIMILAR = 0.3  # cosine of word counts above which two undated reports of one place may be one meeting
SIMILAR_UNPLACED = 0.45  # ... and the higher bar when one of them names no place
STOPWORDS = frozenset(
    """that this with from have were been their they said which will would there about also after
    into more than other some such when what while where these those them then only over under again
    being both each most very just could should because between during before against among across
    through without within upon your says told president prime minister leader leaders meeting talks
    visit country countries their there here other said according""".split()
)
WORD = re.compile(r"[a-z]{4,}")


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
    def quotes(self, **kwargs: Any) -> list[dict[str, Any]]: ...
    def add_alignment(self, event_id: int, alignments: list, discrepancies: list, extractor: str) -> None: ...


def signature(text: str) -> Counter[str]:
    """The page's content words and their counts: what two reports of one meeting share."""
    return Counter(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


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
    known: set[str] | None = None

    def sig(self, doc_id: str) -> Counter[str]:
        if doc_id not in self.signatures:
            self.signatures[doc_id] = signature(self.store.doc_text(doc_id))
        return self.signatures[doc_id]

    def link_document(self, doc_id: str) -> list[int]:
        """Link the document's reported meeting(s) into Events, and its sentences to the pledges
        of other documents they follow up; the Event ids the meetings now belong to."""
        events = []
        for meeting in self.store.meetings(doc_id=doc_id, role="reported", unlinked=True):
            events.append(self.link(meeting))
        for event_id in set(events):
            self.align(event_id, doc_id)
        self.follow_pledges(doc_id)
        return events

    def align(self, event_id: int, doc_id: str) -> None:
        """Align a new source with the Event's other sources (at most ALIGN_WITH of them, the
        closest in wording), so that a large Event does not make each new report cost more."""
        others = sorted({m["doc_id"] for m in self.store.meetings(event_id=event_id, role="reported", latest=MEMBERS)}
                        - {doc_id})
        if not others:
            return
        mine = self.sig(doc_id)
        others = sorted(others, key=lambda d: -cosine(mine, self.sig(d)))[:ALIGN_WITH]
        if self.known is None:
            self.known = align.known_words(self.registry) if self.registry else set(align.TITLE_WORDS)
        alignments, discrepancies = [], []
        for other in others:
            pair = sorted((doc_id, other))
            texts = {d: self.store.doc_text(d) for d in pair}
            quotes = [q for d in pair for q in self.store.quotes(doc_id=d, limit=100000)]
            found = align.align_event(texts, quotes, self.known)
            alignments += found["alignments"]
            discrepancies += found["discrepancies"]
        self.store.add_alignment(event_id, alignments, discrepancies, align.EXTRACTOR)

    def link(self, meeting: dict[str, Any]) -> int:
        best, best_score = None, 0.0
        for event_id in self.store.event_candidates(meeting)[-CANDIDATES:]:
            members = self.store.meetings(event_id=event_id, role="reported", latest=MEMBERS)
            verdicts = [agree(meeting, other) for other in members]
            if any(v is False for v in verdicts):
                continue
            if any(v is True for v in verdicts):
                score = 2.0
            else:
                # No date to go by: close wording, and the same named place, or closer wording
                # where one report names no place (no two places, by `agree`).
                mine = self.sig(meeting["doc_id"])
                scores = [(cosine(mine, self.sig(o["doc_id"])), same_known_place(meeting, o)) for o in members]
                score = max((c for c, placed in scores if c >= (SIMILAR if placed else SIMILAR_UNPLACED)), default=0.0)
                if not score:
                    continue
            if score > best_score:
                best, best_score = event_id, score
        if best is None:
            return self.store.new_event(meeting["pair_key"], meeting["id"])
        self.store.join_event(best, meeting["id"])
        return best

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


def consolidate(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Per fact, the value most sources give (the most precise on a tie), with the sources that
    agree and those that give another value; sources silent on a fact are not counted."""
    facts = {}
    for fact in FACTS:
        given = [(m[fact], m) for m in members if m[fact] not in (None, "")]
        if fact == "date":
            given = [(v, m) for v, m in given if m.get("date_basis") == "text"] or given
        counts = Counter(value_key(fact, v) for v, _ in given)
        if not counts:
            facts[fact] = {"value": None, "agree": [], "differ": []}
            continue
        top = max(counts, key=lambda k: (counts[k], len(str(k))))
        value = max((v for v, _ in given if value_key(fact, v) == top), key=lambda v: len(str(v)))
        facts[fact] = {
            "value": value,
            "agree": [source(m, v) for v, m in given if value_key(fact, v) == top],
            "differ": [source(m, v) for v, m in given if value_key(fact, v) != top],
        }
    participants = sorted({p for m in members for p in m["participants"]})
    return {"participants": participants, "facts": facts, "sources": [source(m, None) for m in members]}


def value_key(fact: str, value: Any) -> Any:
    """Values that say the same thing compare equal: '--09-26' agrees with '2025-09-26'."""
    if fact == "date":
        return str(value)[-5:]
    if fact in ("city", "place", "kind"):
        return str(value).lower()
    return value


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
