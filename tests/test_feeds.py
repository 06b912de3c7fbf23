"""`summitlog watch`: feeds served on loopback, polled twice; failing feeds are survived."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from conftest import PAGE, dev, serve

from summitlog import pipeline
from summitlog.reading import feeds
from summitlog.records import FeedPoll, IngestResult
from summitlog.settings import Settings

TRUMP_STARMER = dev("012").read_text("utf-8")


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Agency</title><link>/</link>'
            f"<description>news</description>{items}</channel></rss>").encode()


def atom(*links: str) -> bytes:
    entries = "".join(f'<entry><title>E{i}</title><id>urn:{i}</id><updated>2025-02-27T00:00:00Z</updated>'
                      f'<link href="{link}"/></entry>' for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Office</title>'
            f"<id>urn:feed</id><updated>2025-02-27T00:00:00Z</updated>{entries}</feed>").encode()


@pytest.fixture
def site():
    """A loopback site whose routes a test may change between polls."""
    routes = {
        "/rss.xml": (200, "application/rss+xml", rss("/xi-lula", "/gone")),
        "/atom.xml": (200, "application/atom+xml", atom("/trump-starmer")),
        "/down.xml": (503, "text/plain", b"maintenance"),
        "/not-a-feed.xml": (200, "text/html", b"<html><body><p>Hello</p></body></html>"),
        "/xi-lula": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/trump-starmer": (200, "text/plain; charset=utf-8", TRUMP_STARMER.encode()),
        "/gone": (404, "text/html", b"<html><body>Not found</body></html>"),
    }

    with serve(routes) as base:
        yield base, routes


def test_two_polls_ingest_each_new_item_once_and_survive_failing_feeds(site, store, analyzer):
    base, routes = site
    urls = [f"{base}/rss.xml", f"{base}/down.xml", f"{base}/atom.xml", f"{base}/not-a-feed.xml",
            "http://127.0.0.1:9/unreachable.xml"]
    settings = Settings(fetch_timeout=5)

    def between_polls(seconds: float) -> None:
        routes["/rss.xml"] = (200, "application/rss+xml", rss("/xi-lula", "/gone", "/xi-lula-again"))
        routes["/xi-lula-again"] = (200, "text/html", PAGE.replace("Friday", "Saturday").encode())
        routes["/down.xml"] = (200, "application/atom+xml", atom("/trump-starmer"))

    with httpx.Client() as client:
        def ingest(links):
            return pipeline.ingest(links, store, settings, client, analyzer=analyzer)

        seen = list(feeds.watch(urls, store, settings, client, ingest, interval=60, rounds=2, sleep=between_polls))
    polls = [x for x in seen if isinstance(x, FeedPoll)]
    assert len(polls) == 10
    first, second = polls[:5], polls[5:]
    assert [(p.items, p.new) for p in first if not p.problem] == [(2, 2), (1, 1)]
    assert [p.problem.split(" (")[0] for p in first if p.problem] == [
        "HTTP 503 Service Unavailable", "is not an RSS or Atom feed", "could not be fetched"]
    assert [(p.feed.rsplit("/", 1)[1], p.items, p.new) for p in second if not p.problem] == [
        ("rss.xml", 3, 2), ("down.xml", 1, 1), ("atom.xml", 1, 0)]  # /gone is tried again; the rest once
    results = [x for x in seen if isinstance(x, IngestResult)]
    assert [(r.source.rsplit("/", 1)[1], r.status) for r in results] == [
        ("xi-lula", "added"), ("gone", "failed"), ("trump-starmer", "added"),
        ("gone", "failed"), ("xi-lula-again", "added"), ("trump-starmer", "unchanged")]
    assert store.count() == 3
    assert {d["name"].rsplit("/", 1)[1] for d in store.documents()} == {"xi-lula", "xi-lula-again", "trump-starmer"}


def test_watch_command_reports_each_failing_feed_on_one_line(site, tmp_path):
    base, _ = site
    result = subprocess.run(
        [sys.executable, "-m", "summitlog", "watch", f"{base}/atom.xml", f"{base}/down.xml", "--rounds", "1",
         "--db", str(tmp_path / "w.db")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        f"error {base}/down.xml: HTTP 503 Service Unavailable"]
    assert f"{base}/atom.xml: 1 items, 1 new" in result.stdout
    assert "added" in result.stdout


def test_a_feed_that_is_not_a_url_is_refused(tmp_path):
    result = subprocess.run([sys.executable, "-m", "summitlog", "watch", "feeds.txt", "--db", str(tmp_path / "w.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.strip() == "error: feeds.txt: a feed is an http(s) URL"
