"""WARC archives of crawled news: streamed, only pages about meetings of leaders kept."""

from __future__ import annotations

import io
import subprocess
import sys

from conftest import PAGE, dev
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from summitlog import pipeline
from summitlog.actors.registry import Registry
from summitlog.errors import InputError
from summitlog.reading.sources import read_inputs
from summitlog.reading.warc import about_meetings
from summitlog.settings import Settings

FOOTBALL = ("<html><body><article><h1>Late goal sinks the leaders</h1><p>The visitors scored in the "
            "ninetieth minute to beat the league leaders two goals to one on Saturday evening.</p>"
            "</article></body></html>")


def response(writer, url, body: bytes, status="200 OK", ctype="text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def archive(path, gzip=True):
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        response(writer, "https://news.example/xi-lula", PAGE.encode())
        response(writer, "https://sport.example/match", FOOTBALL.encode())
        response(writer, "https://news.example/gone", b"<html><body>Xi met Lula</body></html>", status="404 Not Found")
        response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), ctype="image/png")
        text = dev("012").read_text("utf-8").encode()
        writer.write_record(writer.create_warc_record(
            "https://agency.example/trump-starmer", "resource", payload=io.BytesIO(text),
            warc_content_type="text/plain; charset=utf-8"))
    return path


def test_only_pages_about_meetings_of_leaders_are_ingested(tmp_path, store, analyzer):
    path = archive(tmp_path / "crawl.warc.gz")
    results = list(pipeline.ingest([str(path)], store, Settings(), analyzer=analyzer))
    assert [(r.status, r.source.split("#")[0]) for r in results] == [("added", str(path))] * 2
    names = sorted(d["name"] for d in store.documents())
    assert names == ["https://agency.example/trump-starmer", "https://news.example/xi-lula"]
    xi = [m for m in store.meetings(role="reported") if "Xi Jinping" in m["participants"]]
    assert xi and xi[0]["city"] == "Beijing"


def test_the_cheap_test():
    keep = about_meetings(Registry.load())
    assert keep(PAGE) and not keep(FOOTBALL)
    assert not keep("<p>Xi Jinping's book was published on Monday.</p>")  # a leader, but no meeting
    assert not keep("<p>The two ministers met in Geneva.</p>")  # a meeting, but no leader


def test_a_damaged_archive_keeps_the_pages_before_the_damage(tmp_path):
    """Pages come out as they are read: those before the damage are ingested, then one error."""
    whole = archive(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    second = whole.index(b"\x1f\x8b\x08", 10)  # each record is its own gzip member
    cut.write_bytes(whole[:second] + b"garbage" * 40 + whole[second:])
    items = list(read_inputs([str(cut)], Settings(), keep=about_meetings(Registry.load())))
    assert [type(i).__name__ for i in items] == ["RawInput", "InputError"]
    assert items[0].url == "https://news.example/xi-lula"
    assert items[1].problem.startswith("is not a readable WARC archive") and items[1].problem.endswith("pages kept before the damage: 1")


def test_a_file_that_is_not_an_archive_is_a_one_line_error(tmp_path):
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(b"not gzip, not warc\n" * 10)
    db = tmp_path / "s.db"
    result = subprocess.run([sys.executable, "-m", "summitlog", "ingest", str(fake), "--db", str(db)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{fake}: is not a readable WARC archive" in lines[0], result.stderr


def test_an_archive_cut_inside_its_last_record_reports_that_page_not_stored(tmp_path):
    whole = archive(tmp_path / "whole.warc", gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:-400])  # the file ends inside the last record (the agency's text)
    items = list(read_inputs([str(cut)], Settings()))
    pages = [i for i in items if not isinstance(i, InputError)]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert [p.url for p in pages] == ["https://news.example/xi-lula", "https://sport.example/match"]
    assert "archive ends inside this record" in error.problem and "bytes missing" in error.problem
