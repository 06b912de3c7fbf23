"""Exports of the record as a spreadsheet or a program reads them: flat rows (no list or object in
a cell), each with the page's URL, its outlet, its date and the Event it belongs to, written as
CSV or JSON Lines; Events also as PLOVER-style CONSULT records.

The web pages link to these for exactly what they list, and `summitlog export` writes the same
rows, so a row downloaded from either is the same row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..actors.registry import Registry
from ..errors import SummitlogError
from ..storage.store import Store
from . import queries, reader

KINDS = ("events", "statements", "figures", "pledges")
FORMATS = ("csv", "jsonl")
MOST = 100_000  # statements in one export: a search's every hit, short of a whole archive at once


def write(rows: list[dict[str, Any]], format: str) -> str:
    """Rows as CSV (a header of every column any row has) or JSON Lines; a date without a year in
    words, as everywhere a reader sees one."""
    if format not in FORMATS and format != "plover":
        raise SummitlogError(f"--format {format!r} is not one of: {', '.join(FORMATS)}")
    rows = reader.worded(rows)
    if format != "csv":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(dict.fromkeys(k for r in rows for k in r)))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def where(source: reader.Source, start: int, end: int, kind: str, base: str) -> dict[str, Any]:
    """The columns that say where a row comes from: the page (URL, outlet, title, date) and the
    span's address in the record."""
    return {"url": source.url or "", "outlet": source.outlet or "", "title": source.title or source.name,
            "published": source.published or "", "lang": source.lang or "", "doc_id": source.doc_id,
            "start": start, "end": end, "record": base + source.link(start, end, kind)}


def events(views: list[dict[str, Any]], base: str = "") -> list[dict[str, Any]]:
    """One row per Event, as the timeline lists them: its facts, its leaders joined by "; " and
    one per column, and its sources' outlets and URLs."""
    most = max((len(v["participants"]) for v in views), default=0)
    rows = []
    for v in views:
        facts = {name: entry["value"] for name, entry in v["facts"].items() if name != "participants"}
        labels = [s["source"] for s in v["sources"] if s.get("source")]
        rows.append({
            "event_id": v["id"], "date": v["date"]["value"] or "", "participants": joined(v["participants"]),
            **{f"participant_{i + 1}": (v["participants"][i] if i < len(v["participants"]) else "") for i in range(most)},
            **{name: value if value is not None else "" for name, value in facts.items()},
            "sources": len(v["sources"]), "outlet": joined(dict.fromkeys(s.outlet for s in labels)),
            "urls": " ".join(s.url for s in labels if s.url), "url": f"{base}/events/{v['id']}",
        })
    return rows


def plover(view: dict[str, Any], registry: Registry) -> dict[str, Any]:
    """An Event as a PLOVER CONSULT record: mode phone, visit (host is the place's country) or
    third-party, with a citation per source (URL and character offsets)."""
    facts = view["facts"]
    country = next((m.get("country") for m in view["members"] if m.get("country")), None)
    people = view["participants"]
    host = next((p for p in people if p in registry.actors and country in registry.actors[p].countries()), None)
    if facts["kind"]["value"] == "call":
        mode = "phone"
    elif host:
        mode = "visit"
    else:
        mode = "third-party"
    actor = next((p for p in people if p != host), people[0]) if people else None
    return {
        "event_type": "CONSULT", "mode": mode, "actor": actor,
        "recipient": host or next((p for p in people if p != actor), None),
        "actor_wikidata": getattr(registry.actors.get(actor or ""), "wikidata", None),
        "date": facts["date"]["value"], "location": {"place": facts["place"]["value"], "city": facts["city"]["value"],
                                                     "country": country},
        "citation": [{"url": m.get("url"), "doc": m.get("doc_name"), "doc_id": m["doc_id"], "start": m["start"],
                      "end": m["end"]} for m in view["members"]],
        "summitlog_event": view["id"],
    }


def statements(store: Store, hits: list[dict[str, Any]], base: str = "") -> list[dict[str, Any]]:
    """One row per statement: who said it, the words, its day, topics, the statement it renders
    in another language, and where it stands."""
    labels = reader.sources(store, [h["doc_id"] for h in hits])
    owners = store.events_of(labels)
    return [{
        "statement_id": h["id"], "date": h.get("day") or h.get("published") or "", "speaker": h["speaker"] or "",
        "text": h["text"], "kind": h["kind"],
        "topics": joined(h["topics"] if isinstance(h["topics"], list) else json.loads(h["topics"] or "[]")),
        "event_id": joined(owners.get(h["doc_id"], [])),
        "translates": h.get("translates") or "",  # the id of the statement in another language this one renders
        **where(labels[h["doc_id"]], h["start"], h["end"], "quote", base),
    } for h in hits]


def figures(rows: list[dict[str, Any]], base: str = "") -> list[dict[str, Any]]:
    """One row per figure (rows as reader.labelled gives them: each with its Source)."""
    return [{
        "figure_id": f["id"], "date": f.get("meeting_date") or f.get("published") or "", "value": f["value"],
        "unit": f["unit"], "qualifier": f.get("qualifier") or "", "about": f.get("about") or "",
        "speaker": f.get("speaker") or "", "text": f["text"], "event_id": f.get("event_id") or "",
        **where(f["source"], f["start"], f["end"], "figure", base),
    } for f in rows]


def pledges(store: Store, rows: list[dict[str, Any]], base: str = "") -> list[dict[str, Any]]:
    """One row per pledge (rows as reader.pledges gives them), with its status and follow-ups."""
    owners = store.events_of(r["doc_id"] for r in rows)
    return [{
        "pledge_id": p["id"], "date": p.get("published") or "", "actors": joined(p["actors"]), "text": p["text"],
        "deadline": p.get("deadline") or "", "deadline_text": p.get("deadline_text") or "", "status": p["status"],
        "speaker": p.get("speaker") or "", "follow_ups": len(p.get("mentions") or []),
        "event_id": joined(owners.get(p["doc_id"], [])),
        **where(p["source"], p["start"], p["end"], "pledge", base),
    } for p in rows]


def rows(kind: str, store: Store, registry: Registry, base: str = "", **filters: Any) -> list[dict[str, Any]]:
    """Every row of one kind that matches the filters a list page takes (events: leader, year,
    country, topic; statements: q, speaker, topic, year, outlet; figures: subject, unit, speaker;
    pledges: actor, status), as `summitlog export` and the pages' export links give them."""
    given = {k: v for k, v in filters.items() if v not in (None, "")}
    if kind == "events":
        leaders = [given.pop("leader")] if "leader" in given else []
        return events(reader.timeline(store, registry, leaders, **given), base)
    if kind == "statements":
        speaker = queries.speaker_names([given.pop("speaker")], registry)[0] if "speaker" in given else None
        found = store.search_quotes(given.get("q"), speaker, queries.topic(given.get("topic")), given.get("year"),
                                    given.get("outlet"), 1, MOST)
        return statements(store, found["hits"], base)
    if kind == "figures":
        speaker = queries.speaker_names([given["speaker"]], registry)[0] if "speaker" in given else None
        found = store.figures(subject=given.get("subject"), unit=given.get("unit"), speaker=speaker, limit=MOST)
        return figures(reader.labelled(store, found), base)
    if kind == "pledges":
        actor = queries.speaker_names([given["actor"]], registry)[0] if "actor" in given else None
        return pledges(store, reader.pledges(store, actor=actor, status=given.get("status")), base)
    raise SummitlogError(f"export {kind!r} is not one of: {', '.join(KINDS)}")
