"""The web UI and JSON API: server-rendered pages over a read-only store.

Each route is a plain function over a library call (reader, exports, cite, series, the store) and
a template or JSON; the app holds only the database path, the registry, the public address and
the templates. Pages need no script (one small local file adds the copy buttons of "cite") and
no CDN. Every list is paged, keeps its filters in its links, and links to its own export.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from typing import Any
from urllib.parse import quote_plus, urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..actors.registry import Registry
from ..errors import NotFound, SummitlogError
from ..linking import series as series_
from ..storage.store import Store
from . import apidocs, charts, cite, exports, queries, reader
from .reader import Pager, Source

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


pages = APIRouter(include_in_schema=False)  # the API's schema lists the API, not the pages
api = APIRouter(prefix="/api", default_response_class=Worded)


def create_app(db: str, registry: Registry | None = None, base_url: str | None = None) -> FastAPI:
    """The application for one database, opened read-only per request; `base_url` is the public
    address citations and exports name (else the address each request came to)."""
    Store.open_readonly(db).close()  # fail now, with a clear message, if the database is unusable
    app = FastAPI(title="summitlog", description=apidocs.INTRO, version="1",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # /docs is ours: no CDN assets
    templates = Jinja2Templates(directory=str(files("summitlog.surfaces").joinpath("templates")))
    templates.env.filters.update(q=quote_plus, amount=charts.words, when=reader.when,
                                 time=time_element, fact=lambda value, name: reader.fact_text(name, value),
                                 marked=marked)
    templates.env.globals.update(cite=cite.of_row, here=here, fact_name=reader.fact_name)
    app.state.db, app.state.registry, app.state.templates = db, registry or Registry.load(), templates
    app.state.base_url = base_url.rstrip("/") if base_url else None
    app.mount("/static", StaticFiles(directory=str(files("summitlog.surfaces").joinpath("static"))), name="static")
    app.include_router(pages)
    app.include_router(api)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(SummitlogError, library_error)
    app.add_exception_handler(RequestValidationError, parameter_error)

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


def base_of(request: Request) -> str:
    """The public address of the record: --base-url where it was given, else this request's host."""
    return request.app.state.base_url or str(request.base_url).rstrip("/")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, name, {"status": status, "base": base_of(request), **context}, status_code=status)


def here(request: Request, path: str | None = None, **changes: Any) -> str:
    """This page's address with some parameters changed (None or "" drops one): a pager, a facet
    or an export link keeps every other filter the reader chose."""
    params = dict(request.query_params)
    params.update({k.rstrip("_"): v for k, v in changes.items()})
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return (path or request.url.path) + ("?" + urlencode(kept) if kept else "")


def time_element(value: str | None) -> Markup:
    """A date in words inside `<time datetime="YYYY-MM-DD">` where it has a year; a date without
    one is words alone, since no machine date can say "year not given"."""
    text = escape(reader.when(value))
    iso = reader.iso_day(value)
    return Markup(f'<time datetime="{iso}">{text}</time>') if iso else Markup(text)


def marked(text: str, q: str | None) -> Markup:
    """A text with the search's words in `<mark>`."""
    return Markup("").join(Markup("<mark>{}</mark>").format(part) if hit else escape(part)
                           for part, hit in reader.highlight(text, q))


def wants_page(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


async def http_error(request: Request, exc: StarletteHTTPException):
    if wants_page(request):
        return page(request, "error.html", status=exc.status_code, message=exc.detail)
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


async def parameter_error(request: Request, exc: RequestValidationError):
    """A parameter out of its range or shape, in one line naming it (a page, the API's one error
    shape) with status 422."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "request"
    message = f"{where}: {first.get('msg', 'not valid')}"
    if wants_page(request):
        return page(request, "error.html", status=422, message=message)
    return JSONResponse({"error": message}, status_code=422)


async def library_error(request: Request, exc: SummitlogError):
    status = 404 if isinstance(exc, NotFound) else 400
    if wants_page(request):
        return page(request, "error.html", status=status, message=str(exc))
    return JSONResponse({"error": str(exc)}, status_code=status)


def plain(value: Any) -> Any:
    """A record as JSON, sources with their labels."""
    return jsonable_encoder(value, custom_encoder={Source: Source.as_dict})


PageNumber = Query(1, alias="page", ge=1, description="Which page of the list, from 1.")


# -- pages ---------------------------------------------------------------------------------------


@pages.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, leader: str | None = None, year: str | None = None,
                  country: str | None = None, topic: str | None = None, page_: int = PageNumber,
                  s: Store = Depends(store), reg: Registry = Depends(registry)):
    events = reader.timeline(s, reg, [leader] if leader else [], year, country, topic)
    pager = Pager(page_, 50, len(events))
    return page(request, "timeline.html", events=pager.rows(events), pager=pager,
                chart=charts.timeline(events, reg.short_name), leader=leader or "", year=year or "",
                country=country or "", topic=topic or "", topics=queries.topic_names())


@pages.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, s: Store = Depends(store), reg: Registry = Depends(registry)):
    found = reader.event(s, event_id)
    return page(request, "event.html", event=found, heading=reader.heading(found, reg))


@pages.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = None, speaker: str | None = None, topic: str | None = None,
                year: str | None = None, outlet: str | None = None, page_: int = PageNumber,
                s: Store = Depends(store)):
    result = s.search_quotes(q, speaker, topic, year, outlet, page_, PER_PAGE)
    labels = reader.sources(s, [h["doc_id"] for h in result["hits"]])
    for hit in result["hits"]:
        hit["context"] = reader.context(s.doc_text(hit["doc_id"]), hit["start"], hit["end"])
        hit["source"] = labels[hit["doc_id"]]
    chosen = {k: v for k, v in (("speaker", speaker), ("topic", topic), ("year", year), ("outlet", outlet)) if v}
    return page(request, "search.html", result=result, q=q or "", chosen=chosen,
                pager=Pager(page_, PER_PAGE, result["total"]))


@pages.get("/people/{name}", response_class=HTMLResponse)
def person_page(request: Request, name: str, s: Store = Depends(store), reg: Registry = Depends(registry),
                meetings: int = Query(1, ge=1), statements: int = Query(1, ge=1), figures: int = Query(1, ge=1),
                pledges: int = Query(1, ge=1)):
    found = reader.person(s, reg, name, pages={"meetings": meetings, "statements": statements,
                                               "figures": figures, "pledges": pledges})
    return page(request, "person.html", p=found, roles=reader.roles_in_words(found["actor"], reg))


@pages.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, subject: str | None = None, unit: str | None = None, speaker: str | None = None,
                 page_: int = PageNumber, s: Store = Depends(store), reg: Registry = Depends(registry)):
    name = queries.speaker_names([speaker], reg)[0] if speaker and speaker.strip() else None
    rows = s.figures(subject=subject, unit=unit, speaker=name, limit=exports.MOST)
    pager = Pager(page_, 50, len(rows))
    found = series_.of(s, reg, subject, unit)
    shown = [charts.series(x.figures, title=f"{x.subject} ({x.unit})", unit=x.unit)
             for x in found[:charts.CHARTS] if len(x.figures) > 1]
    return page(request, "figures.html", rows=reader.labelled(s, pager.rows(rows)), pager=pager, charts=shown,
                subject=subject or "", unit=unit or "", speaker=speaker or "")


@pages.get("/pledges", response_class=HTMLResponse)
def pledges_page(request: Request, actor: str | None = None, status: str | None = None, page_: int = PageNumber,
                 s: Store = Depends(store), reg: Registry = Depends(registry)):
    if status and status not in queries.PLEDGE_STATUSES:
        raise SummitlogError(f"status {status!r} is not one of: {', '.join(queries.PLEDGE_STATUSES)}")
    name = queries.speaker_names([actor], reg)[0] if actor and actor.strip() else None
    every = reader.pledges(s, actor=name)
    counts = {x: sum(r["status"] == x for r in every) for x in queries.PLEDGE_STATUSES}
    rows = [r for r in every if not status or r["status"] == status]
    rows.sort(key=lambda r: queries.PLEDGE_STATUSES.index(r["status"]))
    pager = Pager(page_, PER_PAGE, len(rows))
    return page(request, "pledges.html", rows=pager.rows(rows), pager=pager, counts=counts, actor=actor or "",
                chosen_status=status or "", statuses=queries.PLEDGE_STATUSES)


@pages.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, hl: str | None = None, s: Store = Depends(store)):
    return page(request, "document.html", **reader.document(s, doc_id, hl))


@pages.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    return page(request, "docs.html", api=apidocs.read(request.app.openapi()))


# -- JSON API and exports ------------------------------------------------------------------------

Leader = Query(None, description="A leader by any spelling the registry knows ('Lukashenka'); an Event has them all.")
Year = Query(None, description="A year (YYYY): the meeting's, or a source's publication year.")
Country = Query(None, description="A country by name or ISO code: Events held there or with one of its leaders.")
Topic = Query(None, description="A topic of the taxonomy, or the start of one ('security').")
Speaker = Query(None, description="A speaker's canonical name, as the search facets list it.")
Outlet = Query(None, description="A site or agency, as the search facets list it.")
Words = Query(None, description="Words to find in what was said (full-text; a trailing * matches a prefix).")
Subject = Query(None, description="Words of what a figure measures ('trade').")
Unit = Query(None, description="A unit: USD, percent, count, minutes, days, years, year, kg…")


def export_format(pattern: str = FORMATS):
    return Query("json", pattern=pattern, description="json, or csv / jsonl for flat rows, one per record, each "
                                                      "with its URL, outlet, date and Event id.")


@api.get("/events")
def api_events(request: Request, leader: str | None = Leader, year: str | None = Year,
               country: str | None = Country, topic: str | None = Topic,
               format: str = export_format("^(json|csv|jsonl|plover)$"),
               s: Store = Depends(store), reg: Registry = Depends(registry)):
    """Events (meetings grouped across sources), newest first: each with its facts and number of
    sources; `plover` gives one PLOVER CONSULT record per Event."""
    events = reader.timeline(s, reg, [leader] if leader else [], year, country, topic)
    if format == "plover":
        return download(exports.write([exports.plover(v, reg) for v in events], "plover"), "jsonl")
    if format != "json":
        return download(exports.write(exports.events(events, base_of(request)), format), format)
    return [{"id": v["id"], "participants": v["participants"],
             **{k: e["value"] for k, e in v["facts"].items()}, "sources": len(v["sources"])} for v in events]


@api.get("/events/{event_id}")
def api_event(event_id: int, s: Store = Depends(store)):
    """One Event: facts with the sources that agree and differ, statements by speaker, figures,
    pledges, aligned statements and discrepancies."""
    return plain(reader.event(s, event_id))


@api.get("/statements")
def api_statements(request: Request, q: str | None = Words, speaker: str | None = Speaker,
                   topic: str | None = Topic, year: str | None = Year, outlet: str | None = Outlet,
                   page_: int = PageNumber, per_page: int = Query(PER_PAGE, ge=1, le=500, description="Hits a page."),
                   format: str = export_format(), s: Store = Depends(store), reg: Registry = Depends(registry)):
    """Statement search, newest first: `{hits, total, facets, facets_over}` for one page; csv
    and jsonl give every hit, not one page."""
    if format != "json":
        rows = exports.rows("statements", s, reg, base_of(request), q=q, speaker=speaker, topic=topic, year=year,
                            outlet=outlet)
        return download(exports.write(rows, format), format)
    return s.search_quotes(q, speaker, topic, year, outlet, page_, per_page)


@api.get("/series")
def api_series(subject: str = Query(..., min_length=1, description="Words of what the figures measure."),
               unit: str | None = Unit, format: str = export_format(), s: Store = Depends(store),
               reg: Registry = Depends(registry)):
    """Figures on one subject across Events, one series per subject and unit, in time order."""
    found = series_.of(s, reg, subject, unit)
    if format == "json":
        return [{"subject": x.subject, "unit": x.unit, "key": x.key, "figures": x.figures} for x in found]
    return download(exports.write([{"series": x.subject, **r} for x in found for r in x.figures], format), format)


@api.get("/people/{name}")
def api_person(name: str, s: Store = Depends(store), reg: Registry = Depends(registry)):
    """A leader: registry entry (offices, Wikidata id), Events, latest statements, pledges, figures."""
    found = reader.person(s, reg, name, per_page=500)
    found["actor"] = None if found["actor"] is None else {
        "name": found["actor"].name, "wikidata": found["actor"].wikidata,
        "roles": [r.__dict__ for r in found["actor"].roles]}
    return plain({k: v for k, v in found.items() if k != "pagers"})


@api.get("/figures")
def api_figures(request: Request, subject: str | None = Subject, unit: str | None = Unit,
                speaker: str | None = Query(None, description="Who asserted the figure (any spelling)."),
                format: str = export_format(), s: Store = Depends(store), reg: Registry = Depends(registry)):
    """Figures in time order (the meeting's date, else the page's), with who asserted them."""
    if format != "json":
        rows = exports.rows("figures", s, reg, base_of(request), subject=subject, unit=unit, speaker=speaker)
        return download(exports.write(rows, format), format)
    name = queries.speaker_names([speaker], reg)[0] if speaker else None
    return s.figures(subject=subject, unit=unit, speaker=name, limit=exports.MOST)


@api.get("/pledges")
def api_pledges(request: Request, actor: str | None = Query(None, description="Who pledged (any spelling)."),
                status: str | None = Query(None, description="open, due, reported done or reported dropped."),
                format: str = export_format(), s: Store = Depends(store), reg: Registry = Depends(registry)):
    """Pledges with actor, deadline, status and the later coverage that follows them up."""
    if format != "json":
        rows = exports.rows("pledges", s, reg, base_of(request), actor=actor, status=status)
        return download(exports.write(rows, format), format)
    name = queries.speaker_names([actor], reg)[0] if actor else None
    return [{k: v for k, v in row.items() if k != "source"} for row in reader.pledges(s, actor=name, status=status)]


@api.get("/documents/{doc_id}")
def api_document(doc_id: str, s: Store = Depends(store)):
    """One document: metadata, clean text, and the statements, meetings, figures and pledges in it."""
    doc = s.document(doc_id)
    return {"id": doc.id, "name": doc.name, "title": doc.title, "lead": doc.lead, "published": doc.published,
            "lang": doc.lang, "site": doc.site, "outlet": reader.sources(s, [doc.id])[doc.id].outlet, "url": doc.url,
            "text": doc.text, "quotes": s.quotes(doc_id=doc.id, limit=10000),
            "meetings": s.meetings(doc_id=doc.id), "figures": s.figures(doc_id=doc.id),
            "pledges": s.pledges(doc_id=doc.id)}


@api.get("/cite")
def api_cite(request: Request, doc: str = Query(..., min_length=1, description="A document id or unique prefix."),
             span: str = Query(..., min_length=3, description="START-END character offsets in the clean text."),
             kind: str = Query("quote", description="quote, figure, pledge or meeting."),
             format: str = Query("json", pattern="^(json|text|csl)$", description="json, text or csl."),
             s: Store = Depends(store)):
    """A span's citation: `{text, csl, link}`; `format=text` or `csl` gives one of them."""
    start, end = cite.span(span)
    found = cite.of(s, doc, start, end, kind)
    base = base_of(request)
    if format == "text":
        return Response(found.plain(base) + "\n", media_type="text/plain; charset=utf-8")
    if format == "csl":
        return [found.csl(base)]
    return {"text": found.plain(base), "csl": [found.csl(base)], "link": found.link}


def download(body: str, format: str) -> Response:
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return Response(body, media_type=media)
