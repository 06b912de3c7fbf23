"""The record as a reader meets it, through the library: dates in words, sources by outlet, the
timeline's Events and their filters, citations."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitlog import pipeline
from summitlog.actors.registry import Registry
from summitlog.errors import SummitlogError
from summitlog.reading import credits
from summitlog.settings import Settings
from summitlog.storage.store import Store
from summitlog.surfaces import cite, reader

# Two reports of one invented meeting: an agency's, which gives the year, and one that does not.
WIRE = (
    "Presidents confer in Minsk\n\n"
    "MINSK, March 14 (Northwire) - Russian President Vladimir Putin and Belarusian President Alexander "
    "Lukashenko held talks in Minsk on March 14, 2019, discussing gas prices and a joint air defence system.\n\n"
    "\u201cWe have settled the main points,\u201d Putin told reporters after the talks, which lasted three hours.\n"
)
YEARLESS = (
    "Lukashenko hosts Putin in Minsk\n\n"
    "Alexander Lukashenko met with Vladimir Putin in Minsk on 14 March. The two presidents talked for three "
    "hours about energy and defence.\n\n"
    "\u201cOur countries stand side by side,\u201d Lukashenko said as the meeting began.\n\n"
    "Source: Eastwire\n"
)


def fill(store, folder, analyzer):
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE)
    (folder / "yearless.txt").write_text(YEARLESS)
    list(pipeline.ingest([str(folder)], store, Settings(), analyzer=analyzer))
    return store


@pytest.fixture
def minsk(tmp_path, store, analyzer):
    """The two reports in a store of each kind (SQLite, PostgreSQL)."""
    return fill(store, tmp_path / "minsk", analyzer)


@pytest.mark.parametrize("value, text", [
    ("2025-09-26", "26 Sep 2025"), ("--09-26", "26 Sep (year not given)"), ("2025-09", "Sep 2025"),
    ("2025", "2025"), (None, ""), ("", ""), ("soon", "soon"), ("--13-40", "--13-40"),
])
def test_dates_in_words(value, text):
    assert reader.when(value) == text


def test_a_record_for_readers_has_no_machine_written_day():
    row = {"date": "--09-26", "published": "2025-09-27", "facts": [{"value": "--01-02"}, {"value": "Minsk"}], "n": 3}
    assert reader.worded(row) == {"date": "26 Sep (year not given)", "published": "2025-09-27",
                                  "facts": [{"value": "2 Jan (year not given)"}, {"value": "Minsk"}], "n": 3}
    assert reader.fact_text("date", "--05-27") == "27 May (year not given)"
    assert reader.fact_text("place", "Kremlin, Moscow") == "Kremlin, Moscow" and reader.fact_text("city", None) == "—"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_iso_date_reads_with_its_day_month_and_year(day):
    words = reader.when(day.isoformat())
    assert words.split() == [str(day.day), day.strftime("%b"), str(day.year)]
    assert reader.when(day.isoformat()[4:].replace("-", "--", 1)) == f"{day.day} {day.strftime('%b')} (year not given)"


@pytest.mark.parametrize("paragraphs, outlet", [
    (["Leaders meet", "OSLO, June 2 (Fjordpost) - The prime ministers met on Monday."], "Fjordpost"),
    (["VILNIUS, May 9. /BALTWIRE/. The presidents signed a treaty."], "BALTWIRE"),
    (["ROME (Agenzia Nova) - The talks opened with a handshake."], "Agenzia Nova"),
    (["LIMA, April 3 (Andes Press): The leaders agreed on a port deal."], "Andes Press"),
    (["The talks ended late.", "Source: Riverside Agency"], "Riverside Agency"),
    (["The talks ended late, the ministry said. (Source: Harbour News)"], "Harbour News"),
    (["The visit went well.", "Based on materials of first.example and second.example"], "first.example"),
    # not an outlet: a photographer's credit, a place in brackets, a lawmaker's party and state
    (["Photo: Harbour News", "The visit went well."], None),
    (["(SAN JOSE) — The two leaders met on Wednesday."], None),
    (["Sen. Ann Roe (D-Ore.): I have never heard that figure before."], None),
])
def test_the_outlet_a_page_credits(paragraphs, outlet):
    assert credits.outlet(paragraphs) == outlet


def test_the_event_date_names_the_source_that_gave_its_year(minsk):
    events = reader.timeline(minsk, Registry.load())
    assert len(events) == 1
    event = events[0]
    assert event["date"]["text"] == "14 Mar 2019"
    assert event["date"]["year_from"].outlet == "Northwire"
    own = {s["source"].outlet: s["date"] for s in event["sources"]}
    assert own["Northwire"] == "14 Mar 2019"
    assert own["Eastwire"].startswith("14 Mar (year not given)") and "14 Mar 2019, from Northwire" in own["Eastwire"]


def test_sources_are_labelled_by_outlet_title_and_date(minsk):
    labels = {s["source"].label for s in reader.timeline(minsk, Registry.load())[0]["sources"]}
    assert labels == {"Northwire · Presidents confer in Minsk", "Eastwire · Lukashenko hosts Putin in Minsk"}
    unnamed = reader.Source("d1", "page_017.txt", None, None, "--05-02", None)
    assert unnamed.label == "page_017.txt · 2 May (year not given)"


@pytest.mark.parametrize("filters, found", [
    ({}, 1), ({"year": "2019"}, 1), ({"year": "2020"}, 0), ({"country": "Belarus"}, 1), ({"country": "BY"}, 1),
    ({"country": "Japan"}, 0), ({"leaders": ["Lukashenka"]}, 1), ({"leaders": ["Putin", "Lukashenko"]}, 1),
    ({"leaders": ["Xi Jinping"]}, 0),
])
def test_timeline_filters(minsk, filters, found):
    assert len(reader.timeline(minsk, Registry.load(), **filters)) == found


def test_the_timeline_is_one_query(tmp_path, analyzer):
    """Counted by SQLite's trace callback; the same SQL runs on PostgreSQL in the tests above."""
    with Store.open(str(tmp_path / "count.db")) as store:
        fill(store, tmp_path / "minsk", analyzer)
        seen: list[str] = []
        store.conn.set_trace_callback(seen.append)
        events = reader.timeline(store, Registry.load(), year="2019", country="Belarus")
        store.conn.set_trace_callback(None)
    assert len(events) == 1 and len([s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 1


def test_a_citation_has_the_words_speaker_outlet_date_and_span(minsk):
    quote = next(q for q in minsk.quotes(limit=100) if q["speaker"] == "Vladimir Putin")
    found = cite.of(minsk, quote["doc_id"], quote["start"], quote["end"], "quote")
    text = found.plain("http://record.example")
    assert text.startswith(f"“{quote['text']}” — Vladimir Putin. Northwire, “Presidents confer in Minsk”")
    assert f"characters {quote['start']}–{quote['end']}" in text
    assert text.endswith(f"Record: http://record.example/documents/{quote['doc_id']}?hl={quote['start']}-"
                         f"{quote['end']}#quote-{quote['start']}-{quote['end']}")
    item = found.csl("http://record.example")
    assert item["container-title"] == "Northwire" and item["title"] == "Presidents confer in Minsk"
    assert item["custom"]["speaker"] == "Vladimir Putin" and item["custom"]["text"] == quote["text"]
    assert json.loads(json.dumps([item]))[0]["id"] == f"summitlog-{quote['doc_id']}-{quote['start']}-{quote['end']}"


@pytest.mark.parametrize("span, message", [("40-10", "is not within document"), ("0-999999", "is not within"),
                                           ("ten-20", "is not START-END")])
def test_a_bad_span_is_one_line_naming_it(minsk, span, message):
    doc_id = minsk.documents()[0]["id"]
    with pytest.raises(SummitlogError, match=message) as error:
        cite.of(minsk, doc_id, *cite.span(span))
    assert "\n" not in str(error.value) and span.split("-")[0] in str(error.value)


def test_a_dated_page_cites_its_issue_date():
    source = reader.Source("d2", "p.html", "Harbour News", "Leaders meet", "2021-06-16", "https://news.example/a")
    item = cite.Citation(source, 5, 20, "the words cited", None, "meeting").csl()
    assert item["issued"] == {"date-parts": [[2021, 6, 16]]} and item["URL"] == "https://news.example/a"
    assert cite.Citation(source, 5, 20, "the words cited", None, "meeting").plain().startswith(
        "“the words cited”. Harbour News, “Leaders meet”, 16 Jun 2021. https://news.example/a, characters 5–20.")


def test_a_credited_outlet_is_a_search_facet_and_filter(minsk):
    found = minsk.search_quotes(None, None, None, None, None, 1, 20)
    assert {value for value, _ in found["facets"]["outlet"]} == {"Northwire", "Eastwire"}
    only = minsk.search_quotes(None, None, None, None, "Eastwire", 1, 20)
    assert only["total"] == 1 and only["hits"][0]["speaker"] == "Alexander Lukashenko"
