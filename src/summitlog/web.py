"""The web UI and JSON API: server-rendered pages over a read-only store.

Every route opens the store read-only, calls one query and renders it: a page
(Jinja2, autoescaped, no CDN, no JavaScript needed) or JSON. Lists export as CSV
and JSON Lines; Events also as PLOVER-style CONSULT records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any
from urllib.parse import quote_plus

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import link, queries
from . import series as series_
from .errors import NotFound, SummitlogError
from .registry import Registry
from .store import Store

PER_PAGE = 20


def create_app(db: str, registry: Registry | None = None) -> FastAPI:
    """The application for one database, opened read-only per request."""
    Store.open_readonly(db).close()  # fail now, with a clear message, if the database is unusable
    registry = registry or Registry.load()
    app = FastAPI(title="summitlog", description="Meetings between heads of state: a source-linked record.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # no CDN assets
    templates = Jinja2Templates(directory=str(files("summitlog").joinpath("templates")))
    templates.env.filters["q"] = quote_plus
    templates.env.filters["number"] = number
    app.mount("/static", StaticFiles(directory=str(files("summitlog").joinpath("static"))), name="static")

    def store() -> Iterator[Store]:
        s = Store.open_readonly(db)
        try:
            yield s
        finally:
            s.close()

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"status": status, **context}, status_code=status)

    def wants_page(request: Request) -> bool:
        return not request.url.path.startswith("/api/")

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException):
        if wants_page(request):
            return page(request, "error.html", status=exc.status_code, message=exc.detail)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(SummitlogError)
    async def library_error(request: Request, exc: SummitlogError):
        status = 404 if isinstance(exc, NotFound) else 400
        if wants_page(request):
            return page(request, "error.html", status=status, message=str(exc))
        return JSONResponse({"error": str(exc)}, status_code=status)

    # -- data, shared by pages and API ---------------------------------------------------

    def timeline(s: Store, leader: str | None, year: str | None, country: str | None, topic: str | None):
        names = queries.speaker_names([leader], registry) if leader else []
        views = [link.event_view(s, i) for i in s.event_ids(names, topic=queries.topic(topic))]
        if year:
            views = [v for v in views if (v["facts"]["date"]["value"] or "").startswith(year)
                     or any((src.get("published") or "").startswith(year) for src in v["sources"])]
        if country:
            code = registry.country(country) or country.upper()
            views = [v for v in views if code in {m.get("country") for m in v["members"]}
                     or any(code in registry.actors[p].countries() for p in v["participants"] if p in registry.actors)]
        return views

    def event_detail(s: Store, event_id: int) -> dict[str, Any]:
        view = link.event_view(s, event_id)
        docs = [src["doc_id"] for src in view["sources"]]
        statements: dict[str, list[dict]] = {}
        for doc_id in docs:
            for row in s.quotes(doc_id=doc_id, limit=10000):
                row["topics"] = json.loads(row["topics"])
                statements.setdefault(row["speaker"] or "unattributed", []).append(row)
        view["statements"] = statements
        view["figures"] = [f for d in docs for f in s.figures(doc_id=d)]
        view["pledges"] = [p for d in docs for p in s.pledges(doc_id=d)]
        view["discrepancies"] = [
            {"fact": fact, "value": entry["value"], "agree": entry["agree"], "differ": entry["differ"]}
            for fact, entry in view["facts"].items() if entry["differ"]
        ]
        return view

    def person(s: Store, name: str) -> dict[str, Any]:
        canonical = queries.speaker_names([name], registry)[0]
        events = [link.event_view(s, i) for i in s.event_ids([canonical])]
        statements = s.quotes(speakers=[canonical], limit=500)
        if not events and not statements:
            raise NotFound(f"no one called {name!r} is in the record")
        actor = registry.actors.get(canonical)
        return {
            "name": canonical, "actor": actor, "events": events, "statements": statements,
            "pledges": s.pledges(actor=canonical), "figures": s.figures(speaker=canonical),
        }

    def document(s: Store, doc_id: str, hl: str | None = None) -> dict[str, Any]:
        doc = s.document(doc_id)
        focus = parse_span(hl, len(doc.text))
        items = (
            [("quote", q["start"], q["end"], q["speaker"] or "?") for q in s.quotes(doc_id=doc.id, limit=10000)]
            + [("figure", f["start"], f["end"], f["unit"]) for f in s.figures(doc_id=doc.id)]
            + [("pledge", p["start"], p["end"], ", ".join(p["actors"])) for p in s.pledges(doc_id=doc.id)]
        )
        if focus:
            items.append(("focus", focus[0], focus[1], "the span you followed"))
        parts = segments(doc.text, items)
        for part in parts:
            part["focus"] = "focus" in part["kinds"]
            part["kinds"] = [k for k in part["kinds"] if k != "focus"] or (["focus"] if part["focus"] else [])
        return {"doc": doc, "segments": parts}

    # -- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def timeline_page(request: Request, leader: str | None = None, year: str | None = None,
                      country: str | None = None, topic: str | None = None, s: Store = Depends(store)):
        events = timeline(s, leader, year, country, topic)
        return page(request, "timeline.html", events=events, leader=leader or "", year=year or "",
                    country=country or "", topic=topic or "", topics=queries.topic_names())

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(request: Request, event_id: int, s: Store = Depends(store)):
        return page(request, "event.html", event=event_detail(s, event_id))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str | None = None, speaker: str | None = None, topic: str | None = None,
                    year: str | None = None, outlet: str | None = None, page_: int = Query(1, alias="page", ge=1),
                    s: Store = Depends(store)):
        result = s.search_quotes(q, speaker, topic, year, outlet, page_, PER_PAGE)
        for hit in result["hits"]:
            hit["context"] = context(s.doc_text(hit["doc_id"]), hit["start"], hit["end"])
        pages = max(1, -(-result["total"] // PER_PAGE))
        return page(request, "search.html", result=result, q=q or "", speaker=speaker, topic=topic, year=year,
                    outlet=outlet, page=page_, pages=pages)

    @app.get("/people/{name}", response_class=HTMLResponse)
    def person_page(request: Request, name: str, s: Store = Depends(store)):
        return page(request, "person.html", p=person(s, name))

    @app.get("/figures", response_class=HTMLResponse)
    def figures_page(request: Request, subject: str | None = None, unit: str | None = None,
                     s: Store = Depends(store)):
        rows = s.figures(subject=subject, unit=unit)
        found = series_.of(s, registry, subject, unit)
        charts = [chart(x.figures, title=f"{x.subject} ({x.unit})", unit=x.unit) for x in found[:CHARTS]
                  if len(x.figures) > 1]
        return page(request, "figures.html", rows=rows, charts=charts, subject=subject or "", unit=unit or "")

    @app.get("/pledges", response_class=HTMLResponse)
    def pledges_page(request: Request, s: Store = Depends(store)):
        rows = s.pledges()
        for row in rows:
            row["status"] = queries.pledge_status(row)
        groups = {status: [r for r in rows if r["status"] == status] for status in ("open", "followed up", "past deadline")}
        return page(request, "pledges.html", groups=groups)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str, hl: str | None = None, s: Store = Depends(store)):
        return page(request, "document.html", **document(s, doc_id, hl))

    # -- JSON API and exports --------------------------------------------------------------

    @app.get("/api/events")
    def api_events(leader: str | None = None, year: str | None = None, country: str | None = None,
                   topic: str | None = None, format: str = Query("json", pattern="^(json|csv|jsonl|plover)$"),
                   s: Store = Depends(store)):
        events = timeline(s, leader, year, country, topic)
        if format == "plover":
            return lines([plover(v, registry) for v in events])
        rows = [{"id": v["id"], "participants": v["participants"],
                 **{k: e["value"] for k, e in v["facts"].items()}, "sources": len(v["sources"])} for v in events]
        return export(rows, format)

    @app.get("/api/events/{event_id}")
    def api_event(event_id: int, s: Store = Depends(store)):
        return event_detail(s, event_id)

    @app.get("/api/statements")
    def api_statements(q: str | None = None, speaker: str | None = None, topic: str | None = None,
                       year: str | None = None, outlet: str | None = None, page_: int = Query(1, alias="page", ge=1),
                       per_page: int = Query(PER_PAGE, ge=1, le=500),
                       format: str = Query("json", pattern="^(json|csv|jsonl)$"), s: Store = Depends(store)):
        result = s.search_quotes(q, speaker, topic, year, outlet, page_, per_page)
        return result if format == "json" else export(result["hits"], format)

    @app.get("/api/series")
    def api_series(subject: str = Query(..., min_length=1), unit: str | None = None,
                   format: str = Query("json", pattern="^(json|csv|jsonl)$"), s: Store = Depends(store)):
        found = series_.of(s, registry, subject, unit)
        if format == "json":
            return [{"subject": x.subject, "unit": x.unit, "key": x.key, "figures": x.figures} for x in found]
        return export([{"series": x.subject, **r} for x in found for r in x.figures], format)

    @app.get("/api/people/{name}")
    def api_person(name: str, s: Store = Depends(store)):
        found = person(s, name)
        found["actor"] = None if found["actor"] is None else {
            "name": found["actor"].name, "wikidata": found["actor"].wikidata,
            "roles": [r.__dict__ for r in found["actor"].roles]}
        return found

    @app.get("/api/figures")
    def api_figures(subject: str | None = None, unit: str | None = None,
                    format: str = Query("json", pattern="^(json|csv|jsonl)$"), s: Store = Depends(store)):
        return export(s.figures(subject=subject, unit=unit), format)

    @app.get("/api/pledges")
    def api_pledges(actor: str | None = None, format: str = Query("json", pattern="^(json|csv|jsonl)$"),
                    s: Store = Depends(store)):
        name = queries.speaker_names([actor], registry)[0] if actor else None
        rows = s.pledges(actor=name)
        for row in rows:
            row["status"] = queries.pledge_status(row)
        return export(rows, format)

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str, s: Store = Depends(store)):
        doc = s.document(doc_id)
        return {"id": doc.id, "name": doc.name, "title": doc.title, "published": doc.published, "site": doc.site,
                "url": doc.url, "text": doc.text, "quotes": s.quotes(doc_id=doc.id, limit=10000),
                "meetings": s.meetings(doc_id=doc.id), "figures": s.figures(doc_id=doc.id),
                "pledges": s.pledges(doc_id=doc.id)}

    return app


# -- helpers -------------------------------------------------------------------------------


def number(value: float, unit: str | None = None) -> str:
    if unit == "year":
        return str(int(value))
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}"


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


CHARTS = 12  # the largest series get a chart each; the table lists every figure


def chart(rows: list[dict[str, Any]], title: str = "", unit: str = "", width: int = 720,
          height: int = 260) -> dict[str, Any]:
    """An SVG chart of one series (one subject, one unit) over time: a point per figure, x by
    date order, y by value, the unit on the axis."""
    dated = [r for r in rows if r.get("meeting_date") or r.get("published")]
    if not dated:
        return {"points": [], "width": width, "height": height, "title": title, "unit": unit}
    values = [r["value"] for r in dated]
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = (width - 80) / max(1, len(dated) - 1)
    points = []
    for i, r in enumerate(dated):
        points.append({
            "x": 60 + i * step, "y": height - 30 - (r["value"] - low) / span * (height - 60),
            "label": f"{number(r['value'])} {r['unit']} ({r['meeting_date'] or r['published']})",
            "unit": r["unit"],
            "href": f"/documents/{r['doc_id']}?hl={r['start']}-{r['end']}#figure-{r['start']}-{r['end']}",
        })
    return {"points": points, "width": width, "height": height, "low": number(low), "high": number(high),
            "title": title, "unit": unit}


def export(rows: list[dict[str, Any]], format: str) -> Any:
    if format == "json":
        return rows
    if format == "jsonl":
        return lines(rows)
    buffer = io.StringIO()
    fields = list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    for r in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()})
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")


def lines(rows: list[dict[str, Any]]) -> Response:
    body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    return Response(body, media_type="application/x-ndjson")


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
