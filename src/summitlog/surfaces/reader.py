"""The record as a reader meets it: dates in words, sources by outlet and title, Events as the
timeline and the event page show them, and a document with its spans marked.

The web pages, the CLI and Python users make the same calls; none of them assembles an Event or
filters the timeline on its own.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..actors.registry import Registry
from ..errors import NotFound, SummitlogError
from ..linking import link
from ..storage.store import Store
from . import queries

MONTH_DAY = re.compile(r"--\d\d-\d\d")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(value: str | None) -> str:
    """An ISO date (or "--MM-DD", "YYYY-MM", "YYYY") as a reader writes it: "26 Sep 2025",
    "26 Sep (year not given)"; anything else as given, and "" for none."""
    if not value:
        return ""
    text = str(value)
    try:
        if text.startswith("--") and len(text) == 4:  # a month, year not given (a pledge's "in April")
            return f"{MONTHS[int(text[2:4]) - 1]} (year not given)"
        if text.startswith("--") and len(text) == 7:
            return f"{int(text[5:7])} {MONTHS[int(text[2:4]) - 1]} (year not given)"
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            return f"{int(text[8:10])} {MONTHS[int(text[5:7]) - 1]} {text[:4]}"
        if len(text) == 7 and text[4] == "-":
            return f"{MONTHS[int(text[5:7]) - 1]} {text[:4]}"
    except (ValueError, IndexError):
        return text
    return text


def has_year(value: str | None) -> bool:
    return bool(value) and str(value)[:4].isdigit()


def iso_day(value: str | None) -> str | None:
    """The machine-readable form of a date with a year ("2025-09-26", "2025-09", "2025") for a
    page's `<time datetime>`; None for a date without a year or anything else."""
    text = str(value or "")
    return text[:10] if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", text[:10]) else None


@dataclass(frozen=True)
class Pager:
    """One page of a list: which rows it holds and how many there are in all."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def first(self) -> int:
        """The 1-based number of the page's first row (0 when there are none)."""
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.per_page, self.total)

    def rows(self, items: list[Any]) -> list[Any]:
        return items[self.offset:self.offset + self.per_page]


def query_words(q: str | None) -> list[str]:
    """The words of a search as a reader typed them, without the search syntax (quotes, `*`,
    AND/OR/NOT/NEAR), longest first."""
    words = re.findall(r"\w+", q or "")
    return sorted({w for w in words if w not in {"AND", "OR", "NOT", "NEAR"}}, key=lambda w: (-len(w), w))


def highlight(text: str, q: str | None) -> list[tuple[str, bool]]:
    """A text cut into pieces, each marked True where it is a word of the search (matched at a
    word's start and in any case, as the full-text index matches it)."""
    words = query_words(q)
    if not words or not text:
        return [(text, False)] if text else []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    out, at = [], 0
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append((text[at:m.start()], False))
        out.append((m.group(), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


@dataclass(frozen=True)
class Source:
    """A document as a reader knows it: the outlet, the title and the date, and where it is."""

    doc_id: str
    name: str  # the file or URL it was read from
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    lead: str | None = None
    lang: str | None = None

    @property
    def label(self) -> str:
        """"Outlet · Title · 26 Sep 2025", leaving out what the page does not give (the file
        name only when it gives neither outlet nor title)."""
        parts = [self.outlet, self.title] if self.outlet or self.title else [self.name]
        return " · ".join(p for p in (*parts, when(self.published)) if p)

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "label": self.label}

    @property
    def href(self) -> str:
        return f"/documents/{self.doc_id}"

    def link(self, start: int, end: int, kind: str = "") -> str:
        """The stable address of a span: the document id is a hash of the page, so it survives
        rebuilding the store."""
        return f"{self.href}?hl={start}-{end}" + (f"#{kind}-{start}-{end}" if kind else "")


def source(head: dict[str, Any]) -> Source:
    return Source(doc_id=head["id"], name=head["name"], outlet=outlet(head), title=head.get("title"),
                  published=head.get("published"), url=head.get("url"), lead=head.get("lead"),
                  lang=head.get("lang"))


def outlet(head: dict[str, Any]) -> str | None:
    """The publisher's site name, else the agency the page credits."""
    site = head.get("site")
    if site:
        return site[4:] if site.startswith("www.") else site
    return head.get("outlet")


def sources(store: Store, doc_ids) -> dict[str, Source]:
    return {doc_id: source(head) for doc_id, head in store.heads(doc_ids).items()}


def labelled(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows that carry a doc_id, each with its document's Source."""
    labels = sources(store, [r["doc_id"] for r in rows])
    return [{**r, "source": labels[r["doc_id"]]} for r in rows]


def pledges(store: Store, actor: str | None = None, status: str | None = None,
            today: str | None = None) -> list[dict[str, Any]]:
    """Pledges with their source and status, as the pledges page and `summitlog pledges` list
    them (one function, so that both count the same); `status` keeps those of one status."""
    if status is not None and status not in queries.PLEDGE_STATUSES:
        raise SummitlogError(f"status {status!r} is not one of: {', '.join(queries.PLEDGE_STATUSES)}")
    rows = [{**row, "status": queries.pledge_status(row, today)} for row in labelled(store, store.pledges(actor=actor))]
    return [row for row in rows if status is None or row["status"] == status]


# -- Events ------------------------------------------------------------------------------------


def timeline(store: Store, registry: Registry, leaders: Iterable[str] = (), year: str | None = None,
             country: str | None = None, topic: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Events newest first, as the timeline lists them, from one query; filtered by leaders
    (any spelling; an Event has them all), a year (the meeting's or a source's), a country (held
    there, or with one of its leaders) and a topic."""
    names = queries.speaker_names([name for name in leaders if name], registry)
    code = (registry.country(country) or country.strip().upper()) if country and country.strip() else None
    people = [n for n, a in registry.actors.items() if code in a.countries()] if code else None
    year = year.strip() if year and year.strip() else None
    rows = store.event_members(names, topic=queries.topic(topic), year=year, country=code, people=people,
                               limit=limit)
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["event_id"]].append(row)
    labels = {r["doc_id"]: source({**r, "id": r["doc_id"], "name": r["doc_name"]}) for r in rows}
    return [view(event_id, members, labels) for event_id, members in grouped.items()]


def view(event_id: int, members: list[dict[str, Any]], labels: dict[str, Source]) -> dict[str, Any]:
    """An Event's consolidated facts, with each source's label and the note that says where a
    date's year comes from."""
    found = {"id": event_id, **link.consolidate(members), "members": members}
    for entry in found["facts"].values():
        for s in (*entry["agree"], *entry["differ"], *filter(None, [entry.get("year_from")])):
            s["source"] = labels.get(s["doc_id"])
    found["date"] = event_date(found["facts"]["date"])
    found["sources"] = [{**s, "source": labels.get(s["doc_id"]), "date": date_of(m, found["date"])}
                        for s, m in zip(found["sources"], members)]
    return found


def event_date(fact: dict[str, Any]) -> dict[str, Any]:
    """The Event's date in words, and the source that gave its year when others give none:
    a source that states it, else one dated within a week of the day (see link.year_for)."""
    value = fact["value"]
    giver = fact["year_from"]["source"] if fact.get("year_from") else next(
        (s["source"] for s in fact["agree"] if has_year(s["value"]) and s.get("source")), None)
    yearless = bool(fact.get("year_from")) or any(not has_year(s["value"]) for s in fact["agree"])
    return {"value": value, "text": when(value) or "date not given", "year_source": giver,
            "year_from": giver if yearless else None}


def date_of(member: dict[str, Any], event: dict[str, Any]) -> str:
    """A source's own date of the meeting (`event`: the Event's, from event_date), and the
    Event's year where that source gives none."""
    value = member.get("date")
    if not value:
        return ""
    text = when(value)
    if not has_year(value) and event["year_source"] and str(event["value"])[-5:] == str(value)[-5:]:
        text += f"; the Event's date is {event['text']}, from {event['year_source'].label}"
    return text


FACT_NAMES = {"duration_minutes": "duration"}  # a fact's name as a reader says it, where the stored one is not


def fact_name(fact: str) -> str:
    return FACT_NAMES.get(fact, fact.replace("_", " "))


def fact_text(fact: str, value: Any) -> str:
    """A fact's value as a reader writes it: a date in words, a duration in hours and minutes,
    "—" for none."""
    if value is None or value == "":
        return "—"
    if fact == "date":
        return when(value)
    if fact == "duration_minutes" and str(value).isdigit():
        return duration(int(value))
    return str(value)


def duration(minutes: int) -> str:
    """"5 hours 22 minutes", "40 minutes", "1 hour"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    parts += [f"{rest} minute{'s' if rest != 1 else ''}"] if rest or not hours else []
    return " ".join(parts)


def heading(view: dict[str, Any], registry: Registry) -> list[str]:
    """What an Event's heading says under the leaders' names: its date, its place (the venue or
    city, with the country's name) and its kind, leaving out what no source gives."""
    facts = view["facts"]
    code = next((m.get("country") for m in view["members"] if m.get("country")), None)
    country = registry.countries.get(code, {}).get("name") if code else None
    where = ", ".join(dict.fromkeys(p for p in (facts["place"]["value"], facts["city"]["value"], country) if p))
    kind = facts["kind"]["value"]
    return [part for part in (view["date"]["text"], where, kind and ("phone call" if kind == "call" else kind)) if part]


def roles_in_words(actor: Any, registry: Registry) -> list[str]:
    """A person's offices as a reader writes them: "President of Belarus, since 20 Jul 1994"."""
    if actor is None:
        return []
    out = []
    for role in actor.roles:
        country = registry.countries.get(role.country, {}).get("name", role.country)
        office = f"{role.title[:1].upper()}{role.title[1:]} of {country}"
        if role.start and role.end:
            office += f", {when(role.start)} – {when(role.end)}"
        elif role.start:
            office += f", since {when(role.start)}"
        out.append(office)
    return out


def worded(value: Any) -> Any:
    """A record for a reader: every date without a year ("--05-27", the stored form) in words,
    "27 May (year not given)", through lists and dicts; the rest as it is."""
    if isinstance(value, str):
        return when(value) if MONTH_DAY.fullmatch(value) else value
    if isinstance(value, dict):
        return {k: worded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [worded(v) for v in value]
    return value


def event(store: Store, event_id: int) -> dict[str, Any]:
    """One Event with everything its sources say: statements by speaker, figures, pledges, the
    statements aligned across sources and where they disagree."""
    members = store.meetings(event_id=event_id, role="reported")
    if not members:
        raise NotFound(f"no event with id {event_id}; 'summitlog meetings' lists them")
    docs = list(dict.fromkeys(m["doc_id"] for m in members))
    alignments, disagreements = store.spans_of("alignments", event_id), store.spans_of("discrepancies", event_id)
    labels = sources(store, [*docs, *(x[k] for x in (*alignments, *disagreements) for k in ("a_doc", "b_doc"))])
    found = view(event_id, members, labels)
    texts = {d: store.doc_text(d) for d in docs}
    for entry in found["facts"].values():  # a fact is cited by the words that report it
        for s in (*entry["agree"], *entry["differ"]):
            s["text"] = texts[s["doc_id"]][s["start"]:s["end"]]
    found["references"] = [r for d in docs for r in store.meetings(doc_id=d, role="reference")]
    found["alignments"] = [{**a, "a_source": labels[a["a_doc"]], "b_source": labels[a["b_doc"]],
                            "translation": across(a)} for a in alignments]
    found["statement_discrepancies"] = [{**d, "a_source": labels[d["a_doc"]], "b_source": labels[d["b_doc"]],
                                         "translation": across(d)} for d in disagreements]
    statements: dict[str, list[dict[str, Any]]] = {}
    for doc_id in docs:
        for row in store.quotes(doc_id=doc_id, limit=10000):
            row["topics"] = json.loads(row["topics"])
            row["source"] = labels[doc_id]
            statements.setdefault(row["speaker"] or "unattributed", []).append(row)
    found["statements"] = statements
    found["figures"] = [{**f, "source": labels[d]} for d in docs for f in store.figures(doc_id=d)]
    found["pledges"] = [{**p, "source": labels[d]} for d in docs for p in store.pledges(doc_id=d)]
    found["discrepancies"] = [
        {"fact": fact, "value": entry["value"], "agree": entry["agree"], "differ": entry["differ"]}
        for fact, entry in found["facts"].items() if entry["differ"]
    ]
    return found


def across(row: dict[str, Any]) -> bool:
    """Whether an alignment or discrepancy pairs an original (its side a) with a rendering in
    another language (side b), as the cross-language aligner stores them."""
    from ..linking.crosslang import EXTRACTOR  # loaded by the linker anyway; a reader of English only never needs it

    return row["extractor"].split(".")[0] == EXTRACTOR.split(".")[0]


def person(store: Store, registry: Registry, name: str, pages: dict[str, int] | None = None,
           per_page: int = 20) -> dict[str, Any]:
    """A leader's Events, statements (newest first), pledges and figures, each list one page of
    `per_page` (`pages` says which page of each: meetings, statements, figures, pledges), with a
    Pager per list that counts them all."""
    pages = pages or {}
    canonical = queries.speaker_names([name], registry)[0]
    rows = store.event_members([canonical])
    said = store.search_quotes(speaker=canonical, page=pages.get("statements", 1), per_page=per_page)
    if not rows and not said["total"]:
        raise NotFound(f"no one called {name!r} is in the record")
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["event_id"]].append(row)
    every_figure, every_pledge = store.figures(speaker=canonical, limit=100_000), store.pledges(actor=canonical)
    pagers = {"meetings": Pager(pages.get("meetings", 1), per_page, len(grouped)),
              "statements": Pager(pages.get("statements", 1), per_page, said["total"]),
              "figures": Pager(pages.get("figures", 1), per_page, len(every_figure)),
              "pledges": Pager(pages.get("pledges", 1), per_page, len(every_pledge))}
    events = pagers["meetings"].rows(list(grouped.items()))
    figures, pledges_ = pagers["figures"].rows(every_figure), pagers["pledges"].rows(every_pledge)
    labels = sources(store, [*(r["doc_id"] for _, members in events for r in members),
                             *(q["doc_id"] for q in said["hits"]), *(f["doc_id"] for f in figures),
                             *(p["doc_id"] for p in pledges_)])
    return {
        "name": canonical, "actor": registry.actors.get(canonical), "pagers": pagers,
        "events": [view(i, members, labels) for i, members in events],
        "statements": [{**q, "source": labels[q["doc_id"]]} for q in said["hits"]],
        "pledges": [{**p, "source": labels[p["doc_id"]]} for p in pledges_],
        "figures": [{**f, "source": labels[f["doc_id"]]} for f in figures],
    }


# -- one document ------------------------------------------------------------------------------


def document(store: Store, doc_id: str, hl: str | None = None) -> dict[str, Any]:
    """A document with its statements, figures and pledges marked, and the span a link points to."""
    doc = store.document(doc_id)
    focus = parse_span(hl, len(doc.text))
    items = (
        [("quote", q["start"], q["end"], q["speaker"] or "?") for q in store.quotes(doc_id=doc.id, limit=10000)]
        + [("figure", f["start"], f["end"], f["unit"]) for f in store.figures(doc_id=doc.id)]
        + [("pledge", p["start"], p["end"], ", ".join(p["actors"])) for p in store.pledges(doc_id=doc.id)]
        + [("meeting", m["start"], m["end"], " – ".join(m["participants"]))
           for m in store.meetings(doc_id=doc.id, role="reported")]
    )
    if focus:
        items.append(("focus", focus[0], focus[1], "the span you followed"))
    parts = segments(doc.text, items)
    for part in parts:
        part["focus"] = "focus" in part["kinds"]
        part["kinds"] = [k for k in part["kinds"] if k != "focus"] or (["focus"] if part["focus"] else [])
    head = sources(store, [doc.id])[doc.id]
    reported = store.meetings(doc_id=doc.id, role="reported")
    events = {m["event_id"]: {"id": m["event_id"], "participants": m["participants"], "date": m["date"]}
              for m in reported if m["event_id"] is not None}
    return {"doc": doc, "source": head, "segments": parts,
            "events": list(events.values())}


def parse_span(value: str | None, length: int) -> tuple[int, int] | None:
    """'120-180' as offsets within the text; anything else is ignored rather than an error."""
    if not value:
        return None
    try:
        start, end = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= length else None


def context(text: str, start: int, end: int, width: int = 160) -> dict[str, str]:
    return {"before": text[max(0, start - width):start], "hit": text[start:end], "after": text[end:end + width]}


def segments(text: str, items: list[tuple[str, int, int, str]]) -> list[dict[str, Any]]:
    """The text cut at every item boundary, each piece with the items covering it (for highlighting)."""
    cuts = sorted({0, len(text), *(i[1] for i in items), *(i[2] for i in items)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [i for i in items if i[1] <= a and b <= i[2]]
        out.append({"text": text[a:b], "start": a, "end": b, "kinds": sorted({i[0] for i in covering}),
                    "labels": [f"{i[0]}: {i[3]}" for i in covering],
                    "anchors": [f"{i[0]}-{i[1]}-{i[2]}" for i in covering if i[1] == a]})
    return out
