"""Runs the stages in order: read -> clean -> analyse (analysis.py) -> store -> link."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import httpx

from .actors.registry import Registry
from .analysis.analyzer import LANGUAGES, Analyzer, analyze, unread
from .errors import GoldError, InputError
from .linking.link import Linker
from .parallel import Pool, analyze_in_worker, in_order
from .reading import language, warc
from .reading.clean import chrome_candidates, clean
from .reading.sources import read_inputs
from .records import Document, Extraction, IngestResult, RawInput
from .settings import Settings
from .storage.store import Store
from .surfaces import evaluate, mentionscore, pledgescore
from .surfaces.goldjson import to_gold

log = logging.getLogger(__name__)


Boilerplate = Callable[[str | None], frozenset[str]]


def no_boilerplate(site: str | None) -> frozenset[str]:
    return frozenset()


def prepare(raw: RawInput, boilerplate: Boilerplate = no_boilerplate, lang: str | None = None) -> Document:
    """Clean one raw page and tell its language (`lang` when given); raise InputError when
    nothing readable is left."""
    site = urlparse(raw.url).hostname if raw.url else None
    try:
        doc = clean(raw, boilerplate(site))
    except (ValueError, TypeError) as exc:  # trafilatura/lxml reject some malformed markup
        raise InputError(raw.source, f"could not be parsed as {raw.kind} ({exc})") from None
    if not doc.text.strip():
        what = "no main text found in the HTML" if raw.kind == "html" else "no text left after cleaning"
        raise InputError(raw.source, what)
    return replace(doc, lang=lang or raw.lang or language.detect(doc.text, LANGUAGES))


def extract(
    targets: Iterable[str],
    settings: Settings,
    client: httpx.Client | None = None,
    boilerplate: Boilerplate = no_boilerplate,
    analyzer: Analyzer | None = None,
) -> Iterator[Extraction | InputError]:
    """Analyse inputs without a database: one Extraction (or the reason it failed) per page.

    `boilerplate(site)` gives lines known to be that outlet's chrome (the store knows them).
    """
    analyzer = analyzer or Analyzer(Registry.load(settings.registry))
    for item in read_inputs(targets, settings, client, warc.about_meetings(analyzer.registry)):
        if isinstance(item, InputError):
            log.warning("%s", item)
            yield item
            continue
        try:
            yield analyze(prepare(item, boilerplate, settings.lang), analyzer)
        except InputError as exc:
            log.warning("%s", exc)
            yield exc


def ingest(
    targets: Iterable[str],
    store: Store,
    settings: Settings,
    client: httpx.Client | None = None,
    analyzer: Analyzer | None = None,
    pool: Pool | None = None,
) -> Iterator[IngestResult]:
    """Read, analyse and store every page; one IngestResult per input, failures included.

    With a `pool` of workers (or a Dask cluster) the analysis runs there; everything
    else runs here in input order, so the record is the one a single process makes.
    """
    pool = pool or Pool()
    if pool.remote:
        job = functools.partial(analyze_in_worker, registry=settings.registry)
        registry = analyzer.registry if analyzer else Registry.load(settings.registry)
    else:
        analyzer = analyzer or Analyzer(Registry.load(settings.registry))
        job, registry = functools.partial(analyze, analyzer=analyzer), analyzer.registry
    linker = Linker(store, registry)
    docs = new_documents(read_inputs(targets, settings, client, warc.about_meetings(registry)), store, settings.lang)
    for item in in_order(pool, job, docs, ready=lambda x: isinstance(x, Document)):
        if isinstance(item, InputError):
            log.warning("%s", item)
            yield IngestResult(item.source, "failed", problem=item.problem)
        elif isinstance(item, IngestResult):
            if item.doc_id and store.meetings(doc_id=item.doc_id, role="reported", unlinked=True):
                linker.link_document(item.doc_id)  # stored, then interrupted before its meetings were linked
            yield item
        else:
            yield save(item, store, linker)


def new_documents(items: Iterable[RawInput | InputError], store: Store,
                  lang: str | None = None) -> Iterator[Document | InputError | IngestResult]:
    """Clean each page, in order, with what the store knows of its outlet; a page already
    stored comes back as 'unchanged' without being analysed again (a re-run after a crash
    costs only the missing pages). The page's repeated lines are counted for its outlet
    here, not when it is saved, so that pages in flight see the same boilerplate that one
    process would."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            doc = prepare(item, store.boilerplate, lang)
        except InputError as exc:
            yield exc
            continue
        if store.has(doc.id):
            yield IngestResult(doc.source, "unchanged", doc.id, doc.title)
            continue
        if doc.site and doc.kind == "text":
            store.count_site_lines(doc.site, chrome_candidates(doc.raw))
        yield doc


def save(extraction: Extraction, store: Store, linker: Linker) -> IngestResult:
    """Store one extraction and link its meetings into Events; a page no analyser reads is
    stored with a note that says so."""
    doc = extraction.document
    added = store.save(extraction)
    if added:
        linker.link_document(doc.id)
    return IngestResult(doc.source, "added" if added else "unchanged", doc.id, doc.title,
                        note=unread(doc.lang) if added else None)


def evaluate_extract(paths: list[str], settings: Settings, analyzer: Analyzer | None = None,
                     also: list[str] = ()) -> tuple[dict, dict, dict]:
    """Gold-format rows by document name (pledge deadlines as the linked record holds them), each
    document's Event id after linking them all in a scratch in-memory store, and the spans of
    each document aligned with another's (by the two names): what `summitlog eval` scores. `also` are documents linked but not scored (the
    twins a gold set names)."""
    rows, events, names = {}, {}, {}
    analyzer = analyzer or Analyzer(Registry.load(settings.registry))
    scored = len(paths)
    with Store.open(":memory:") as store:
        linker = Linker(store, analyzer.registry)
        for i, item in enumerate(extract([*paths, *also], settings, analyzer=analyzer)):
            if isinstance(item, InputError):
                continue
            row = to_gold(item)
            names[item.document.id] = row["doc"]
            if i < scored:
                rows[row["doc"]] = row
            save(item, store, linker)
            reported = store.meetings(doc_id=item.document.id, role="reported")
            events[row["doc"]] = reported[0]["event_id"] if reported else None
        for doc_id, name in names.items():  # deadlines as the record holds them once linked (a year from the Event)
            stored = {(p["text"], p["deadline_text"]): p["deadline"] for p in store.pledges(doc_id=doc_id, mentions=False)}
            for pledge in rows.get(name, {}).get("pledges", []):
                pledge["deadline"] = stored.get((pledge["text"], pledge["deadline_text"]), pledge["deadline"])
        aligned: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for event_id in {e for e in events.values() if e is not None}:
            for a in store.spans_of("alignments", event_id):
                for side, other in (("a", "b"), ("b", "a")):
                    key = (names[a[f"{side}_doc"]], names[a[f"{other}_doc"]])
                    aligned.setdefault(key, []).append((a[f"{side}_start"], a[f"{side}_end"]))
    return rows, events, aligned


def evaluate_mentions(gold: str | Path, docs: str | Path, settings: Settings,
                      analyzer: Analyzer | None = None) -> evaluate.Report:
    """Read a mention gold set's documents (FactRuEval's shape) and score the people each page
    names and their nominative names (`mentionscore`)."""
    rows = evaluate.load_rows(gold)
    analyzer = analyzer or Analyzer(Registry.load(settings.registry))
    found, raw, clean_text = {}, {}, {}
    for item in read_inputs([str(Path(docs) / name) for name in rows], settings):
        if isinstance(item, InputError):
            raise GoldError(f"{gold}: {item}")
        doc = prepare(item, lang=settings.lang)
        page = analyzer.read(doc)
        reader = analyzer.reader(doc.lang)
        name = Path(item.source).name
        raw[name], clean_text[name] = item.content, doc.text
        found[name] = [(s, e, reader.normal(page.doc.char_span(s, e, alignment_mode="expand")))
                       for s, e, _ in page.persons]
    missing = sorted(set(rows) - set(found))
    if missing:
        raise GoldError(f"{gold}: names {missing[0]!r}, which is not in {docs}")
    return evaluate.Report(mentionscore.score_mentions(found, rows, raw, clean_text))


def evaluate_gold(gold: str | Path, docs: str | Path, settings: Settings, persons: str | Path | None = None,
                  analyzer: Analyzer | None = None, pledges: str | Path | None = None) -> evaluate.Report:
    """Extract a gold set's documents and score them as ../shared/tools/score.py does, with
    the Event grouping pairs, and the pledges as tools/score_pledges.py does where a pledge
    gold set is given: what `summitlog eval` prints. A gold set of person mentions
    (FactRuEval's shape) is scored by `evaluate_mentions`."""
    if mentionscore.is_mention_gold(gold):
        return evaluate_mentions(gold, docs, settings, analyzer)
    gold_rows, texts, table = evaluate.load_gold(gold, docs, persons)
    pledge_gold, actors = pledgescore.load_pledge_gold(pledges, persons or Path(gold).with_name("persons.json")) \
        if pledges else ({}, None)
    missing = sorted(set(pledge_gold) - set(gold_rows))
    if missing:
        raise GoldError(f"{pledges}: names {missing[0]!r}, which {gold} does not; give the same set's two files")
    twins = sorted({t for row in gold_rows.values() for t in evaluate.twins(row)
                    if t not in gold_rows and (Path(docs) / t).is_file()})
    pred, events, aligned = evaluate_extract([str(Path(docs) / name) for name in gold_rows], settings, analyzer,
                                             also=[str(Path(docs) / name) for name in twins])
    report = evaluate.score(pred, gold_rows, texts, table)
    report.metrics.update(evaluate.score_events(gold_rows, events))
    report.metrics.update(evaluate.score_twins(gold_rows, texts, events, aligned))
    if actors is not None:
        found = {name: row.get("pledges", []) for name, row in pred.items()}
        report.metrics.update(pledgescore.score_pledges(found, pledge_gold, texts, actors))
    return report
