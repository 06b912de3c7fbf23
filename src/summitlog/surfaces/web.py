"""The web UI and JSON API: server-rendered pages over a read-only store.

Each route is a plain function over a library call (reader, cite, series, the store) and a
template or JSON; the app holds only the database path, the registry and the templates. Pages
need no script (one small local file adds the copy buttons of "cite") and no CDN. Lists export
as CSV and JSON Lines; Events also as PLOVER-style CONSULT records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..actors.registry import Registry
from ..errors import NotFound, SummitlogError
from ..linking import series as series_
from ..storage.store import Store
from . import charts, cite, queries, reader
from .reader import Source

PER_PAGE = 20
FORMATS = "^(json|csv|jsonl)$"
# Only the app's own files may run or style a page: a script a hostile page smuggled into the
# text is inert even if escaping ever failed.
POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'"



class Worded(JSONResponse):
    """The API's JSON: a date without a year reads as a person would write it (reader.worded),
    as on the pages; a full date stays ISO."""

    def render(self, content: Any) -> bytes:
        return super().render(reader.worded(content))


pages = APIRouter()
api = APIRouter(prefix="/api", default_response_class=Worded)


def create_app(db: str, registry: Registry | None = None) -> FastAPI:
    """The application for one database, opened read-only per request."""
    Store.open_readonly(db).close()  # fail now, with a clear message, if the database is unusable
    app = FastAPI(title="summitlog", description="Meetings between heads of state: a source-linked record.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # no CDN assets
    templates = Jinja2Templates(directory=str(files("summitlog.surfaces").joinpath("templates")))
    templates.env.filters.update(q=quote_plus, number=charts.number, when=reader.when,
                                 fact=lambda value, name: reader.fact_text(name, value))
    templates.env.globals.update(cite=cite.of_row)
    app.state.db, app.state.registry, app.state.templates = db, registry or Registry.load(), templates
    app.mount("/static", StaticFiles(directory=str(files("summitlog.surfaces").joinpath("static"))), name="static")
    app.include_router(pages)
    app.include_router(api)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(SummitlogError, library_error)

    @app.middleware("http")
    async def policy(request: Request, call_next):
        wrong = unfit(request)
        if wrong:
            if wants_page(request):
                response = page(request, "error.html", status=400, message=wrong)
            else:
                response = JSONResponse({"error": wrong}, status_code=400)
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = POLICY
        return response

    return app


LONGEST = 1000  # characters of a parameter: a search is a few words, an id 16 characters
LARGEST = 10 ** 15  # an integer parameter (a page, a limit, an id) beyond any record's count


def unfit(request: Request) -> str | None:
    """Why a request's path or parameters cannot be answered (a control character, a value
    beyond any record, a parameter longer than any search), in one line; else None."""
    segments = [("path", part) for part in request.scope.get("path", "").split("/")]
    for name, value in [*segments, *request.query_params.multi_items()]:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            return f"{name}: a control character is not allowed"
        if len(value) > LONGEST:
            return f"{name}: longer than {LONGEST} characters"
        if value.strip().lstrip("+-").isdigit() and abs(int(value)) > LARGEST:
            return f"{name}: {value.strip()[:20]}… is beyond any record's number"
    return None


def store(request: Request) -> Iterator[Store]:
    s = Store.open_readonly(request.app.state.db)
    try:
        yield s
    finally:
        s.close()


def registry(request: Request) -> Registry:
    return request.app.state.registry


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    return request.app.state.templates.TemplateResponse(request, name, {"status": status, "base": base, **context},
                                                         status_code=status)


def wants_page(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


async def http_error(request: Request, exc: StarletteHTTPException):
    if wants_page(request):
        return page(request, "error.html", status=exc.status_code, message=exc.detail)
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


async def library_error(request: Request, exc: SummitlogError):
    status = 404 if isinstance(exc, NotFound) else 400
    if wants_page(request):
        return page(request, "error.html", status=status, message=str(exc))
    return JSONResponse({"error": str(exc)}, status_code=status)


def plain(value: Any) -> Any:
    """A record as JSON, sources with their labels."""
    return jsonable_encoder(value, custom_encoder={Source: Source.as_dict})


# -- pages ---------------------------------------------------------------------------------------


@pages.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, leader: str | None = None, year: str | None = None,
                  country: str | None = None, topic: str | None = None, s: Store = Depends(store),
                  reg: Registry = Depends(registry)):
    events = reader.timeline(s, reg, [leader] if leader else [], year, country, topic)
    return page(request, "timeline.html", events=events, chart=charts.timeline(events, reg.short_name), leader=leader or "",
                year=year or "", country=country or "", topic=topic or "", topics=queries.topic_names())


@pages.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, s: Store = Depends(store)):
    return page(request, "event.html", event=reader.event(s, event_id))


@pages.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = None, speaker: str | None = None, topic: str | None = None,
                year: str | None = None, outlet: str | None = None, page_: int = Query(1, alias="page", ge=1),
                s: Store = Depends(store)):
    result = s.search_quotes(q, speaker, topic, year, outlet, page_, PER_PAGE)
    labels = reader.sources(s, [h["doc_id"] for h in result["hits"]])
    for hit in result["hits"]:
        hit["context"] = reader.context(s.doc_text(hit["doc_id"]), hit["start"], hit["end"])
        hit["source"] = labels[hit["doc_id"]]
    pages_ = max(1, -(-result["total"] // PER_PAGE))
    return page(request, "search.html", result=result, q=q or "", speaker=speaker, topic=topic, year=year,
                outlet=outlet, page=page_, pages=pages_)


@pages.get("/people/{name}", response_class=HTMLResponse)
def person_page(request: Request, name: str, s: Store = Depends(store), reg: Registry = Depends(registry)):
    return page(request, "person.html", p=reader.person(s, reg, name))


@pages.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, subject: str | None = None, unit: str | None = None,
                 s: Store = Depends(store), reg: Registry = Depends(registry)):
    rows = reader.labelled(s, s.figures(subject=subject, unit=unit))
    found = series_.of(s, reg, subject, unit)
    shown = [charts.series(x.figures, title=f"{x.subject} ({x.unit})", unit=x.unit) for x in found[:charts.CHARTS]
             if len(x.figures) > 1]
    return page(request, "figures.html", rows=rows, charts=shown, subject=subject or "", unit=unit or "")


@pages.get("/pledges", response_class=HTMLResponse)
def pledges_page(request: Request, s: Store = Depends(store)):
    rows = reader.pledges(s)
    groups = {status: [r for r in rows if r["status"] == status] for status in queries.PLEDGE_STATUSES}
    return page(request, "pledges.html", groups=groups)


@pages.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, hl: str | None = None, s: Store = Depends(store)):
    return page(request, "document.html", **reader.document(s, doc_id, hl))


# -- JSON API and exports ------------------------------------------------------------------------


@api.get("/events")
def api_events(leader: str | None = None, year: str | None = None, country: str | None = None,
               topic: str | None = None, format: str = Query("json", pattern="^(json|csv|jsonl|plover)$"),
               s: Store = Depends(store), reg: Registry = Depends(registry)):
    events = reader.timeline(s, reg, [leader] if leader else [], year, country, topic)
    if format == "plover":
        return lines([plover(v, reg) for v in events])
    rows = [{"id": v["id"], "participants": v["participants"],
             **{k: e["value"] for k, e in v["facts"].items()}, "sources": len(v["sources"])} for v in events]
    return export(rows, format)


@api.get("/events/{event_id}")
def api_event(event_id: int, s: Store = Depends(store)):
    return plain(reader.event(s, event_id))


@api.get("/statements")
def api_statements(q: str | None = None, speaker: str | None = None, topic: str | None = None,
                   year: str | None = None, outlet: str | None = None, page_: int = Query(1, alias="page", ge=1),
                   per_page: int = Query(PER_PAGE, ge=1, le=500),
                   format: str = Query("json", pattern=FORMATS), s: Store = Depends(store)):
    result = s.search_quotes(q, speaker, topic, year, outlet, page_, per_page)
    return result if format == "json" else export(result["hits"], format)


@api.get("/series")
def api_series(subject: str = Query(..., min_length=1), unit: str | None = None,
               format: str = Query("json", pattern=FORMATS), s: Store = Depends(store),
               reg: Registry = Depends(registry)):
    found = series_.of(s, reg, subject, unit)
    if format == "json":
        return [{"subject": x.subject, "unit": x.unit, "key": x.key, "figures": x.figures} for x in found]
    return export([{"series": x.subject, **r} for x in found for r in x.figures], format)


@api.get("/people/{name}")
def api_person(name: str, s: Store = Depends(store), reg: Registry = Depends(registry)):
    found = reader.person(s, reg, name)
    found["actor"] = None if found["actor"] is None else {
        "name": found["actor"].name, "wikidata": found["actor"].wikidata,
        "roles": [r.__dict__ for r in found["actor"].roles]}
    return plain(found)


@api.get("/figures")
def api_figures(subject: str | None = None, unit: str | None = None,
                format: str = Query("json", pattern=FORMATS), s: Store = Depends(store)):
    return export(s.figures(subject=subject, unit=unit), format)


@api.get("/pledges")
def api_pledges(actor: str | None = None, format: str = Query("json", pattern=FORMATS),
                s: Store = Depends(store), reg: Registry = Depends(registry)):
    name = queries.speaker_names([actor], reg)[0] if actor else None
    rows = [{k: v for k, v in row.items() if k != "source"} for row in reader.pledges(s, actor=name)]
    return export(rows, format)


@api.get("/documents/{doc_id}")
def api_document(doc_id: str, s: Store = Depends(store)):
    doc = s.document(doc_id)
    return {"id": doc.id, "name": doc.name, "title": doc.title, "lead": doc.lead, "published": doc.published,
            "lang": doc.lang, "site": doc.site, "outlet": reader.sources(s, [doc.id])[doc.id].outlet, "url": doc.url,
            "text": doc.text, "quotes": s.quotes(doc_id=doc.id, limit=10000),
            "meetings": s.meetings(doc_id=doc.id), "figures": s.figures(doc_id=doc.id),
            "pledges": s.pledges(doc_id=doc.id)}


@api.get("/cite")
def api_cite(request: Request, doc: str = Query(..., min_length=1), span: str = Query(..., min_length=3),
             kind: str = "quote", format: str = Query("json", pattern="^(json|text|csl)$"),
             s: Store = Depends(store)):
    """A span's citation: plain text and CSL-JSON (`format=text` or `csl` gives one of them)."""
    start, end = cite.span(span)
    found = cite.of(s, doc, start, end, kind)
    base = str(request.base_url).rstrip("/")
    if format == "text":
        return Response(found.plain(base) + "\n", media_type="text/plain; charset=utf-8")
    if format == "csl":
        return [found.csl(base)]
    return {"text": found.plain(base), "csl": [found.csl(base)], "link": found.link}


# -- helpers -------------------------------------------------------------------------------------


def export(rows: list[dict[str, Any]], format: str) -> Any:
    if format == "json":
        return rows
    rows = reader.worded(rows)
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
    body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in reader.worded(rows))
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
