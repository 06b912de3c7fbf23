"""Watching RSS and Atom feeds of official sites and agencies.

Each poll reads every feed, and ingests the linked pages it has not fetched
before (a failed page is tried again on the next polls, a few times). A feed
that fails (unreachable, an HTTP error, not a feed) is reported and polled
again next time; the others go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urljoin

import feedparser
import httpx

from ..errors import InputError
from ..records import FeedPoll, IngestResult
from ..settings import Settings
from ..storage.store import Store
from .sources import MIB

log = logging.getLogger(__name__)


def read_feed(feed: str, client: httpx.Client, settings: Settings) -> list[str]:
    """The item links of one feed, absolute, in the feed's order; InputError when it fails."""
    try:
        response = client.get(feed, timeout=settings.fetch_timeout, follow_redirects=True,
                              headers={"User-Agent": settings.user_agent})
    except httpx.TimeoutException:
        raise InputError(feed, f"timed out after {settings.fetch_timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(feed, f"could not be fetched ({type(exc).__name__}: {exc})") from None
    if response.status_code >= 400:
        raise InputError(feed, f"HTTP {response.status_code} {response.reason_phrase}")
    if len(response.content) > settings.max_bytes:
        raise InputError(feed, f"is over the {settings.max_bytes / MIB:g} MiB limit")
    parsed = feedparser.parse(response.content)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(feed, "is not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    links = []
    for entry in parsed.entries:
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        if link:
            links.append(urljoin(feed, link))
    return list(dict.fromkeys(links))


def poll(feeds: Iterable[str], store: Store, settings: Settings, client: httpx.Client,
         ingest: Callable[[list[str]], Iterator[IngestResult]]) -> Iterator[FeedPoll | IngestResult]:
    """One pass over the feeds: each new item's IngestResult, then the feed's FeedPoll.
    `ingest(links)` is pipeline.ingest bound to its store, pool and models."""
    for feed in feeds:
        try:
            links = read_feed(feed, client, settings)
        except InputError as exc:
            log.warning("%s", exc)
            yield FeedPoll(feed, problem=exc.problem)
            continue
        new = store.feed_links_to_fetch(feed, links)
        for link, result in zip(new, ingest(new)):
            store.note_feed_item(feed, link, result.status, result.doc_id, result.problem)
            yield result
        yield FeedPoll(feed, items=len(links), new=len(new))


def watch(feeds: list[str], store: Store, settings: Settings, client: httpx.Client,
          ingest: Callable[[list[str]], Iterator[IngestResult]], interval: float, rounds: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[FeedPoll | IngestResult]:
    """poll() every `interval` seconds, `rounds` times (for ever when None)."""
    done = 0
    while rounds is None or done < rounds:
        yield from poll(feeds, store, settings, client, ingest)
        done += 1
        if rounds is None or done < rounds:
            sleep(interval)
