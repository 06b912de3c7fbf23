"""The command line: each command parses its flags, calls one library function and renders the result."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..actors.registry import Registry
from ..errors import InputError, SummitlogError
from ..linking import series as series_
from ..reading import language
from ..records import FeedPoll
from ..settings import Settings
from ..storage.postgres import redact
from ..storage.store import Store
from . import charts, queries, reader

app = typer.Typer(
    help="summitlog: a source-linked record of meetings between heads of state.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar="SUMMITLOG_DB", help=Settings.help()["db"], show_default="summitlog.db"),
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log each step to stderr.")]
RegistryOption = Annotated[
    Optional[str], typer.Option("--registry", envvar="SUMMITLOG_REGISTRY", help=Settings.help()["registry"])
]


WorkersOption = Annotated[int, typer.Option("--workers", min=1, max=1024, help=Settings.help()["workers"])]
SchedulerOption = Annotated[
    Optional[str], typer.Option("--scheduler", envvar="SUMMITLOG_SCHEDULER", help=Settings.help()["scheduler"])
]
LangOption = Annotated[Optional[str], typer.Option("--lang", help=Settings.help()["lang"])]
MetaOption = Annotated[Optional[Path], typer.Option("--meta", help=Settings.help()["meta"])]
BaseUrlOption = Annotated[Optional[str], typer.Option("--base-url", envvar="SUMMITLOG_BASE_URL", help=Settings.help()["base_url"])]


def _base_url(value: str | None) -> str | None:
    """A public address as given, checked: http(s), a host, no query; a one-line error otherwise."""
    if value is None:
        return None
    from urllib.parse import urlsplit
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SummitlogError(f"--base-url {value!r} is not an http(s) address such as https://example.org/summitlog")
    return value.strip().rstrip("/")


def _settings(db: str | None, verbose: bool = False, registry: str | None = None, lang: str | None = None,
              **more) -> Settings:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    return Settings.from_env(db=db, registry=registry, lang=language.code(lang) if lang else None, **more)


def _meta(path: Path | None) -> str | None:
    """A metadata list given with --meta, checked before any page is read (one line if unreadable)."""
    if path is not None:
        from ..reading import sidecar
        sidecar.read(path)
    return str(path) if path is not None else None


def _clip(text: str, most: int) -> str:
    """A text cut at a word to at most `most` characters, with an ellipsis that says it was cut."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[most // 2:] else cut).rstrip(" ,;:") + "…"


def _outlet(row: dict) -> str:
    """Where a row was published, as a reader knows it: the outlet, else the page's file name."""
    return reader.outlet(row) or Path(row.get("name") or row.get("doc_name") or "").name


def _table(*columns: str, numbers: tuple[str, ...] = (), wide: str = "") -> Table:
    """A table that reads at 80 columns: text wraps at words (the `wide` column, the statement or
    the title, takes the most room), a number or date never wraps."""
    table = Table(show_edge=False, pad_edge=False, expand=True)
    for col in columns:
        if col in DATES:  # narrow, "26 Sep (year not given)" wraps at its spaces; "26 Sep 2025" fits one line
            table.add_column(col, max_width=13 if out.width < 120 else None, min_width=13)
        elif col in numbers:
            table.add_column(col, no_wrap=True, justify="right")
        elif col in LABELS:
            table.add_column(col, no_wrap=True)
        else:
            table.add_column(col, overflow="fold", ratio=2 if col == wide else 1)
    return table


DATES = ("date", "when", "published", "deadline")
LABELS = ("kind", "status", "lang")  # one word each, never cut


def _note(source: str, note: str | None) -> None:
    """One line on stderr for a page that was read but not analysed."""
    if note:
        err.print(f"note {source}: {note}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, .jsonl files, WARC archives (.warc, .warc.gz) or http(s) URLs.")],
    db: DbOption = None,
    registry: RegistryOption = None,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    lang: LangOption = None,
    meta: MetaOption = None,
    verbose: Verbose = False,
) -> None:
    """Read pages, extract the record from them and store it. Exit 1 if any input failed."""
    from .. import pipeline  # the NLP loads only for the commands that analyse pages
    from ..parallel import Pool
    from ..reading.sources import count_inputs
    import httpx
    settings = _settings(db, verbose, registry, lang, workers=workers, scheduler=scheduler, meta=_meta(meta))
    results = []
    with Store.open(settings.db) as store, httpx.Client() as client, Pool(settings.workers, settings.scheduler) as pool:
        progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("", total=count_inputs(inputs))
            for result in pipeline.ingest(inputs, store, settings, client, pool=pool):
                results.append(result)
                progress.update(task, advance=1, description=Path(result.source).name[:40])
                if result.status == "failed":
                    err.print(f"[red]error[/red] {result.source}: {result.problem}", highlight=False, soft_wrap=True)
                _note(result.source, result.note)
        summary = store.summary()
    table = Table(title="ingest", show_edge=False)
    for col in ("added", "unchanged", "failed", "documents in store"):
        table.add_column(col, justify="right")
    counts = {s: sum(r.status == s for r in results) for s in ("added", "unchanged", "failed")}
    table.add_row(*(str(counts[s]) for s in counts), str(summary["documents"]))
    out.print(table)
    out.print(f"in store: {summary['events']:,} Events, {summary['quotes']:,} statements, {summary['figures']:,} figures, "
              f"{summary['pledges']:,} pledges", highlight=False)
    out.print(f"database: {redact(settings.db)}", highlight=False)
    raise typer.Exit(1 if counts["failed"] else 0)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED...", help="RSS or Atom feed URLs.")],
    db: DbOption = None,
    interval: Annotated[float, typer.Option(min=0.0, help="Seconds between polls.")] = 300.0,
    rounds: Annotated[Optional[int], typer.Option(min=1, max=1_000_000_000, help="Stop after this many polls (default: never).")] = None,
    registry: RegistryOption = None,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    verbose: Verbose = False,
) -> None:
    """Poll feeds and ingest each new item's page; a feed that fails is reported and polled again."""
    from .. import pipeline
    from ..analysis.analyzer import Analyzer
    from ..parallel import Pool
    from ..reading import feeds as feeds_
    import httpx
    settings = _settings(db, verbose, registry, workers=workers, scheduler=scheduler)
    for feed in feeds:
        if not feed.startswith(("http://", "https://")):
            raise SummitlogError(f"{feed}: a feed is an http(s) URL")
    with Store.open(settings.db) as store, httpx.Client() as client, Pool(settings.workers, settings.scheduler) as pool:
        analyzer = None if pool.remote else Analyzer(Registry.load(settings.registry))

        def ingest_links(links: list[str]):
            return pipeline.ingest(links, store, settings, client, analyzer=analyzer, pool=pool)

        out.print(f"summitlog: watching {len(feeds)} feeds into {redact(settings.db)} "
                  f"every {interval:g} s (Ctrl+C to stop)", highlight=False)
        try:
            for item in feeds_.watch(feeds, store, settings, client, ingest_links, interval, rounds):
                if isinstance(item, FeedPoll):
                    if item.problem:
                        err.print(f"[red]error[/red] {item.feed}: {item.problem}", highlight=False, soft_wrap=True)
                    else:
                        out.print(f"{item.feed}: {item.items} items, {item.new} new", highlight=False)
                elif item.status == "failed":
                    err.print(f"[red]error[/red] {item.source}: {item.problem}", highlight=False, soft_wrap=True)
                else:
                    out.print(f"  {item.status} {item.source} {item.title or ''}", highlight=False, soft_wrap=True)
                    _note(item.source, item.note)
        except KeyboardInterrupt:
            out.print("stopped", highlight=False)


@app.command()
def docs(
    db: DbOption = None,
    search: Annotated[Optional[str], typer.Option(help="Full-text search over titles and text.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="Rows to show.")] = 50,
    lang: Annotated[Optional[str], typer.Option(help="Only pages in this language (an ISO 639-1 code).")] = None,
) -> None:
    """List the stored documents."""
    settings = _settings(db)
    with Store.open_readonly(settings.db) as store:
        rows = store.documents(limit=limit, search=search, lang=language.code(lang) if lang else None)
        total = store.count()
    table = _table("id", "published", "outlet", "lang", "chars", "title / name",
                   numbers=("id", "chars"), wide="title / name")
    for r in rows:
        table.add_row(r["id"][:10], reader.when(r["published"]), _outlet(r), r["lang"] or "", f"{r['chars']:,}",
                      _clip(r["title"] or r["name"], 120))
    out.print(table)
    out.print(f"{len(rows)} shown of {total} documents", highlight=False)


@app.command()
def doc(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Document id or a unique prefix of it.")],
    db: DbOption = None,
    raw: Annotated[bool, typer.Option(help="Print the raw input instead of the clean text.")] = False,
) -> None:
    """Show one document: its metadata and clean text."""
    settings = _settings(db)
    with Store.open_readonly(settings.db) as store:
        d = store.document(doc_id)
    for key in ("id", "name", "source", "url", "site", "title", "published", "dateline", "lang"):
        value = reader.worded(getattr(d, key))
        if value:
            out.print(f"[bold]{key}:[/bold] {value}", highlight=False)
    out.print(f"[bold]paragraphs:[/bold] {len(d.paragraphs)}   [bold]lines removed as noise:[/bold] "
              f"{d.removed_lines}\n", highlight=False)
    out.print(d.raw if raw else d.text, markup=False, highlight=False)


@app.command()
def quotes(
    speaker: Annotated[Optional[list[str]], typer.Option(help="Speaker's name or alias; repeat for several.")] = None,
    search: Annotated[Optional[str], typer.Option(help="Full-text search over the statements.")] = None,
    since: Annotated[Optional[str], typer.Option(
        help="Only pages published on or after this day, month or year (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    topic: Annotated[Optional[str], typer.Option(help="Only statements on this topic (see 'summitlog topics').")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="Rows to show.")] = 50,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Statements, newest first: who said what, where."""
    settings = _settings(db, registry=registry)
    names = queries.speaker_names(speaker or [], Registry.load(settings.registry))
    with Store.open_readonly(settings.db) as store:
        rows = store.quotes(speakers=names, search=search, since=queries.iso_date(since, "--since"), limit=limit,
                            topic=queries.topic(topic))
    table = _table("published", "speaker", "statement", "outlet", wide="statement")
    for r in rows:
        table.add_row(reader.when(r["published"]), r["speaker"] or "?", _clip(r["text"], 300), _outlet(r))
    out.print(table)
    out.print(f"{len(rows)} statements shown", highlight=False)


@app.command()
def meetings(
    with_: Annotated[Optional[list[str]], typer.Option("--with", help="Only Events with this leader; repeatable.")] = None,
    between: Annotated[Optional[tuple[str, str]], typer.Option(help="Only Events between these two leaders.")] = None,
    year: Annotated[Optional[str], typer.Option(help="Only Events dated, or reported, in this year.")] = None,
    country: Annotated[Optional[str], typer.Option(help="Only Events held in, or with a leader of, this country.")] = None,
    topic: Annotated[Optional[str], typer.Option(help="Only Events whose statements touch on this topic.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="Rows to show.")] = 50,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Events (meetings grouped across sources), newest first."""
    settings = _settings(db, registry=registry)
    with Store.open_readonly(settings.db) as store:
        views = reader.timeline(store, Registry.load(settings.registry), [*(with_ or []), *(between or ())],
                                year=year, country=country, topic=topic, limit=limit)
    table = _table("event", "date", "participants", "place", "minutes", "kind", "sources",
                   numbers=("event", "minutes", "sources"), wide="participants")
    for v in views:
        f = v["facts"]
        year_from = f"year from {v['date']['year_from'].label}" if v["date"]["year_from"] else ""
        place = f["place"]["value"] or f["city"]["value"] or ""
        table.add_row(str(v["id"]), v["date"]["text"], " – ".join(v["participants"]),
                      "; ".join(p for p in (place, _clip(year_from, 60)) if p), str(f["duration_minutes"]["value"] or ""),
                      f["kind"]["value"] or "", str(len(v["sources"])))
    out.print(table)
    out.print(f"{len(views)} events shown", highlight=False)


@app.command()
def meeting(
    event_id: Annotated[int, typer.Argument(metavar="ID", help="Event id, as 'summitlog meetings' shows it.")],
    db: DbOption = None,
) -> None:
    """One Event: consolidated facts, which sources agree and which differ."""
    settings = _settings(db)
    with Store.open_readonly(settings.db) as store:
        view = reader.event(store, event_id)
    out.print(f"[bold]Event {view['id']}[/bold]: {' – '.join(view['participants'])}", highlight=False)
    for fact, entry in view["facts"].items():
        value = view["date"]["text"] if fact == "date" else reader.fact_text(fact, entry["value"])
        agree = escape("; ".join([s["source"].label for s in entry["agree"]]
                                 + [f"year from {s['source'].label}" for s in [entry.get("year_from")] if s]))
        out.print(f"  [bold]{reader.fact_name(fact)}[/bold]: {escape(str(value))}  [dim](agree: {agree or '-'})[/dim]", highlight=False)
        for s in entry["differ"]:
            out.print(f"      [yellow]differs[/yellow]: {escape(reader.fact_text(fact, s['value']))}  in {escape(s['source'].label)}",
                      highlight=False)
    out.print("[bold]sources[/bold]:", highlight=False)
    for s in view["sources"]:
        out.print(f"  {s['doc_id'][:10]}  {escape(s['source'].label)}  [dim]{escape(s['source'].url or s['source'].name)}[/dim]",
                  highlight=False)
    for r in view["references"]:
        out.print(f"[bold]recalls[/bold] an earlier meeting on {reader.when(r['date'])} {escape(r['place'] or '')} "
                  f"(in {escape(r['title'] or r['doc_name'])})", highlight=False)


@app.command()
def diff(
    event_id: Annotated[int, typer.Argument(metavar="EVENT", help="Event id, as 'summitlog meetings' shows it.")],
    db: DbOption = None,
    aligned: Annotated[bool, typer.Option("--aligned", help="Also list the aligned statements.")] = False,
) -> None:
    """Where the sources of one Event disagree: facts, numbers, names, speakers."""
    settings = _settings(db)
    with Store.open_readonly(settings.db) as store:
        view = reader.event(store, event_id)
    out.print(f"[bold]Event {view['id']}[/bold]: {' – '.join(view['participants'])}, "
              f"{len(view['sources'])} sources, {len(view['alignments'])} aligned statements", highlight=False)
    found = 0
    for fact, entry in view["facts"].items():
        for d in entry["differ"]:
            found += 1
            out.print(f"[yellow]{fact}[/yellow]: {escape(reader.fact_text(fact, entry['value']))} vs "
                      f"{escape(reader.fact_text(fact, d['value']))} (in {escape(d['source'].label)})", highlight=False)
    for d in view["statement_discrepancies"]:
        found += 1
        out.print(f"[yellow]{d['kind']}[/yellow]: {escape(d['what'])}", highlight=False)
        for side, role in (("a", "original"), ("b", "rendering")):
            mark = f"[{d[side + '_source'].lang}, {role}] " if d["translation"] else ""
            out.print(f"    {mark}{d[side + '_source'].label}:{d[side + '_start']}  {d[side + '_text']}",
                      markup=False, highlight=False)
    if not found:
        out.print("no disagreements found", highlight=False)
    if aligned:
        for a in view["alignments"]:
            langs = f" [dim]({a['a_source'].lang} original, {a['b_source'].lang} rendering)[/dim]" if a["translation"] else ""
            out.print(f"~ {escape(a['a_text'])}\n  {escape(a['b_text'])}  [dim]({a['score']:.2f})[/dim]{langs}",
                      highlight=False)


@app.command()
def series(
    subject: Annotated[str, typer.Argument(help="Words of what the figures measure, e.g. 'trade'.")],
    unit: Annotated[Optional[str], typer.Option(help="Only this unit (USD, percent, minutes...).")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Figures about one subject across Events: one series per subject and unit, in time order, with their sources."""
    settings = _settings(db, registry=registry)
    with Store.open_readonly(settings.db) as store:
        found = series_.of(store, Registry.load(settings.registry), subject, unit)
    for one in found:
        table = _table("when", "value", "qualifier", "said by", "event", "outlet", numbers=("value", "event"))
        table.title, table.title_justify = f"{one.subject} ({one.unit})", "left"
        for r in one.figures:
            table.add_row(reader.when(r["meeting_date"] or r["published"]), charts.words(r["value"], r["unit"]),
                          r["qualifier"] or "", r["speaker"] or "(outlet)", str(r["event_id"] or ""), _outlet(r))
        out.print(table)
    out.print(f"{len(found)} series, {sum(len(s.figures) for s in found)} figures on {subject!r}", highlight=False)


@app.command()
def figures(
    subject: Annotated[Optional[str], typer.Option(help="Words of what the figure measures, e.g. 'trade'.")] = None,
    unit: Annotated[Optional[str], typer.Option(help="USD, percent, count, minutes, days, years, year, kg...")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="Rows to show.")] = 100,
    db: DbOption = None,
) -> None:
    """Figures in time order, with who asserted them and where."""
    settings = _settings(db)
    with Store.open_readonly(settings.db) as store:
        rows = store.figures(subject=subject, unit=unit, limit=limit)
    table = _table("when", "value", "about", "said by", "outlet", numbers=("value",))
    for r in rows:
        value = " ".join(p for p in (r["qualifier"], charts.words(r["value"], r["unit"])) if p)
        table.add_row(reader.when(r["meeting_date"] or r["published"]), value, r["about"] or "",
                      r["speaker"] or "(outlet)", _outlet(r))
    out.print(table)
    out.print(f"{len(rows)} figures shown", highlight=False)


@app.command()
def pledges(
    actor: Annotated[Optional[str], typer.Option(help="Only pledges by this person (name or alias).")] = None,
    open_: Annotated[bool, typer.Option("--open", help="Only open pledges: not due, not reported done or dropped "
                                        "(the pledges page's 'Open').")] = False,
    status: Annotated[Optional[str], typer.Option(
        help="Only pledges of this status: open, due, reported done, reported dropped.")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Pledges with their actor, deadline, status and the later coverage that follows them up."""
    settings = _settings(db, registry=registry)
    name = queries.speaker_names([actor], Registry.load(settings.registry))[0] if actor else None
    with Store.open_readonly(settings.db) as store:
        rows = reader.pledges(store, actor=name, status="open" if open_ else status)
    table = _table("actor", "pledge", "deadline", "status", "follow-ups", "outlet", numbers=("follow-ups",),
                   wide="pledge")
    for r in rows:
        table.add_row(", ".join(r["actors"]), _clip(r["text"], 160), reader.when(r["deadline"]) or r["deadline_text"] or "",
                      r["status"], str(len(r["mentions"])), " · ".join(p for p in (r["source"].outlet or r["source"].name,
                                                                                   reader.when(r["source"].published)) if p))
    out.print(table)
    out.print(f"{len(rows)} pledges shown", highlight=False)


@app.command()
def export(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="events, statements, figures or pledges.")],
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
    search: Annotated[Optional[str], typer.Option(help="statements: words to find in what was said.")] = None,
    speaker: Annotated[Optional[str], typer.Option(help="statements, figures: who said it (any spelling).")] = None,
    leader: Annotated[Optional[str], typer.Option(help="events: a leader (any spelling).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="pledges: who pledged (any spelling).")] = None,
    year: Annotated[Optional[str], typer.Option(help="events, statements: only this year.")] = None,
    topic: Annotated[Optional[str], typer.Option(help="events, statements: only this topic.")] = None,
    base_url: BaseUrlOption = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Write every Event, statement, figure or pledge that matches as flat rows (CSV or JSON Lines)
    to stdout, each with its URL, outlet, date and Event id: the rows of the web pages' export links."""
    from . import exports
    if kind not in exports.KINDS:
        raise SummitlogError(f"export {kind!r} is not one of: {', '.join(exports.KINDS)}")
    if format not in exports.FORMATS:
        raise SummitlogError(f"--format {format!r} is not one of: {', '.join(exports.FORMATS)}")
    settings = _settings(db, registry=registry, base_url=_base_url(base_url))
    given = {"events": {"leader": leader, "year": year, "topic": topic},
             "statements": {"q": search, "speaker": speaker, "year": year, "topic": topic},
             "figures": {"speaker": speaker}, "pledges": {"actor": actor}}[kind]
    with Store.open_readonly(settings.db) as store:
        rows = exports.rows(kind, store, Registry.load(settings.registry), settings.base_url or "", **given)
    sys.stdout.write(exports.write(rows, format))


@app.command()
def topics() -> None:
    """The topic taxonomy used for statements and paragraphs."""
    for name in queries.topic_names():
        out.print(name, highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless you mean to share it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    base_url: BaseUrlOption = None,
) -> None:
    """Serve the record as a web UI and JSON API (read-only) at http://HOST:PORT; the API is documented at /docs."""
    import uvicorn

    from .web import create_app

    settings = _settings(db, base_url=_base_url(base_url))
    application = create_app(settings.db, base_url=settings.base_url)
    public = f" (cited as {settings.base_url})" if settings.base_url else ""
    out.print(f"summitlog: serving {redact(settings.db)} at http://{host}:{port}{public} (Ctrl+C to stop)",
              highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files or URLs.")],
    format: Annotated[str, typer.Option("--format", help="Output shape: gold-jsonl.")] = "gold-jsonl",
    registry: RegistryOption = None,
    lang: LangOption = None,
    meta: MetaOption = None,
    verbose: Verbose = False,
) -> None:
    """Analyse pages without a database and print one JSON line per document."""
    from .. import pipeline
    from ..analysis.analyzer import unread
    from .goldjson import to_gold
    import httpx
    if format != "gold-jsonl":
        raise SummitlogError(f"--format {format!r} is not known; use gold-jsonl")
    settings = _settings(None, verbose, registry, lang, meta=_meta(meta))
    failed = 0
    with httpx.Client() as client:
        for item in pipeline.extract(inputs, settings, client):
            if isinstance(item, InputError):
                failed += 1
                err.print(f"error {item}", markup=False, highlight=False, soft_wrap=True)
            else:
                _note(item.document.source, unread(item.document.lang))
                sys.stdout.write(json.dumps(to_gold(item), ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Option(help="Gold set in the shape of gold/FORMAT.md.")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder of the documents the gold set names.")],
    persons: Annotated[Optional[Path], typer.Option(help="Names table; default persons.json beside --gold.")] = None,
    show: Annotated[int, typer.Option(min=0, max=1_000_000, help="Print up to N misses of each kind.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    pledges: Annotated[Optional[Path], typer.Option(
        help="Pledge gold of the same documents (gold/PLEDGES.md); its metrics are printed too.")] = None,
) -> None:
    """Extract the gold set's documents and print the metrics FORMAT.md defines."""
    from .. import pipeline
    settings = _settings(None)
    report = pipeline.evaluate_gold(gold, docs, settings, persons, pledges=pledges)
    if as_json:
        out.print_json(data=report.metrics)
        return
    for key, value in report.metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        out.print(f"{key:28} {shown}", highlight=False)
    for title, rows in (("missed quotes", report.misses), ("wrong speakers", report.wrong_speakers),
                        ("spurious quotes", report.spurious), ("missed figures", report.missed_figures)):
        for row in rows[:show]:
            out.print(f"{title}: {row}", markup=False, highlight=False)


def main() -> None:
    """Entry point: library errors become one line on stderr and exit code 2, never a traceback."""
    try:
        app()
    except SummitlogError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
