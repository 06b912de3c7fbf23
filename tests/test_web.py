"""The web UI in a real browser (Playwright driving Debian's Chromium) and the JSON API."""

from __future__ import annotations

import io
import json
import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from test_crosslang import ENGLISH, RUSSIAN
from conftest import SEEDS, SHARED
from test_reader import WIRE, YEARLESS

from summitlog import pipeline
from summitlog.settings import Settings
from summitlog.storage.store import Store
from summitlog.surfaces import reader
from summitlog.surfaces.web import create_app

SHOTS = Path(__file__).resolve().parent / "screenshots"
KREMLIN = SHARED / "external" / "kremlin"
CHROMIUM = "/usr/bin/chromium"
HOSTILE = (
    '<script>alert("x")</script>\n\n'
    '"<img src=x onerror=alert(1)> We will <b onmouseover=alert(2)>build</b> it," Putin said '
    'at talks with Lukashenko in Moscow on May 5, 2024. <script>document.title="pwned"</script>'
)
# Leaders whose names do not end in the name people use for them.
SUMMIT = ("Chinese President Xi Jinping and King Abdullah II of Jordan held talks in Beijing on 3 April 2022, "
          "discussing water projects and regional security.\n")

# A transcript in the official layout, with a stage direction between a label and its colon.
TRANSCRIPT = (
    "Talks with President of Turkey Recep Tayyip Erdogan\n\n"
    "Vladimir Putin held talks in the Kremlin with President of Turkey Recep Tayyip Erdogan on March 5, 2020.\n\n"
    "President of Russia Vladimir Putin: Mr President, welcome to Moscow.\n\n"
    "President of the Republic of Turkey Recep Tayyip Erdogan (retranslated): Thank you, Mr Putin.\n\n"
    "My gratitude to Mr Putin for the kind invitation to this meeting.\n\n"
    "Vladimir Putin: Thank you."
)


def kremlin_page() -> dict:
    """The site's own metadata of the first saved Kremlin transcript that has a lead and turns."""
    for line in (KREMLIN / "meetings.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["meta"].get("lead") and row["quotes"]:
            return row
    raise AssertionError("no Kremlin page with a lead and transcript turns")


@pytest.fixture(scope="module")
def server(tmp_path_factory, analyzer):
    """A real uvicorn server on loopback over a store of the seeds, two reports of one meeting (one
    gives the year, one does not), a saved Kremlin HTML page and a hostile page."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    (folder / "hostile.txt").write_text(HOSTILE)
    (folder / "wire.txt").write_text(WIRE)
    (folder / "yearless.txt").write_text(YEARLESS)
    (folder / "transcript.txt").write_text(TRANSCRIPT)
    (folder / "summit.txt").write_text(SUMMIT)
    (folder / "original_ru.txt").write_text(RUSSIAN)
    (folder / "rendering_en.txt").write_text(ENGLISH.format(growth=15))
    pages = [str(SEEDS), *(str(folder / n) for n in ("hostile.txt", "wire.txt", "yearless.txt", "transcript.txt",
                                                     "summit.txt", "original_ru.txt", "rendering_en.txt")),
             str(KREMLIN / "pages" / kremlin_page()["doc"])]
    with Store.open(db) as store:
        list(pipeline.ingest(pages, store, Settings(), analyzer=analyzer))
    with running(create_app(str(db))) as base:
        yield base, db


@contextmanager
def running(app):
    """A real uvicorn server of `app` on a free loopback port, for as long as the block runs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    """A page in a phone's viewport (390 pixels wide)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context.new_page()
    context.close()


def event_of(db, prefix: str) -> int:
    """The Event of the stored page whose file name starts with `prefix`."""
    with Store.open_readonly(db) as store:
        return next(m["event_id"] for m in store.meetings(role="reported") if m["doc_name"].startswith(prefix))


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_timeline_search_hit_and_highlighted_span(server, page):
    base, _ = server
    page.goto(base + "/")
    assert page.locator("#events tr").count() >= 5
    shot(page, "timeline")
    page.fill("input[name=leader]", "Lukashenka")
    page.click("button[type=submit]")
    assert "Lukashenko" in page.locator("#events").inner_text()
    page.goto(base + "/search")
    page.fill("input[name=q]", "nuclear energy")
    page.click("button[type=submit]")
    hits = page.locator("#hits .hit")
    assert hits.count() >= 2
    shot(page, "search")
    assert {m.lower() for m in page.locator("#hits mark").all_inner_texts()} <= {"nuclear", "energy"}
    hits.first.locator(".said a").click()
    page.wait_for_load_state()
    focus = page.locator(".doc-text .focus")
    assert focus.count() >= 1 and "nuclear energy" in " ".join(focus.all_inner_texts())
    shot(page, "document")


def test_event_shows_the_000_001_discrepancy(server, page):
    base, db = server
    page.goto(f"{base}/events/{event_of(db, '001')}")
    sources = page.locator("#sources").inner_text()
    assert "000_78430c26d81b3b6d.txt" in sources and "001_7e908dfd055d1be9.txt" in sources
    facts = page.locator("#facts").inner_text()
    assert "Moscow" in facts and "5 hours 22 minutes" in facts
    disagreements = page.locator("#statement-discrepancies").inner_text()
    assert "2015" in disagreements and "2025" in disagreements
    assert "World Atomic Week" in disagreements and "Global Atomic Forum" in disagreements
    assert page.locator("#alignments tr").count() >= 8
    shot(page, "event")


def test_a_turn_after_a_parenthesised_label_is_the_visitors_on_the_event_page(server, page):
    base, db = server
    page.goto(f"{base}/events/{event_of(db, 'transcript')}")
    heading_of = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('blockquote.statement')]
        .map(q => { let h = q.previousElementSibling; while (h && h.tagName !== 'H3') h = h.previousElementSibling;
                    return [q.firstChild.textContent.trim(), h ? h.innerText : null]; }))""")
    assert heading_of["My gratitude to Mr Putin for the kind invitation to this meeting."] == "Recep Tayyip Erdogan"
    assert heading_of["Thank you, Mr Putin."] == "Recep Tayyip Erdogan"
    assert heading_of["Mr President, welcome to Moscow."] == "Vladimir Putin"
    shot(page, "event-transcript")


def test_an_original_stands_beside_its_rendering_and_a_changed_number_names_both(server, page):
    base, db = server
    page.goto(f"{base}/events/{event_of(db, 'original_ru')}")
    card = page.locator("#statement-discrepancies .card.translation").first
    assert "number: 18 vs 15" in card.inner_text()
    assert card.locator("blockquote[lang=ru]").inner_text().count("18 процентов") == 1
    assert "15 percent" in card.locator("blockquote[lang=en]").inner_text()
    rows = page.locator("#alignments tr.translation")
    assert rows.count() >= 3
    first = rows.first.inner_text()
    assert "RU · original" in first and "EN · rendering" in first
    rows.first.locator("td").nth(1).locator("summary").click()
    assert "Rendering of: “" in rows.first.locator("td").nth(1).locator("textarea.cite-plain").input_value()
    shot(page, "event-translation")


def test_other_pages_render(server, page):
    base, _ = server
    for path, name in (("/figures?unit=USD", "figures"), ("/pledges", "pledges"),
                       ("/people/Alexander%20Lukashenko", "person")):
        page.goto(base + path)
        assert page.locator("h1").count() == 1
        shot(page, name)
    page.goto(base + "/figures?unit=USD")
    assert page.locator("figure.series svg circle").count() >= 3


def test_figures_page_charts_one_unit_each(server, page):
    base, _ = server
    page.goto(base + "/figures")
    charts = page.locator("figure.series")
    assert charts.count() >= 2
    units = set()
    for i in range(charts.count()):
        one = charts.nth(i)
        unit = one.get_attribute("data-unit")
        points = {one.locator("circle").nth(j).get_attribute("data-unit") for j in range(one.locator("circle").count())}
        assert points == {unit}, (one.locator("figcaption").inner_text(), points)
        assert one.locator("text.unit").text_content() == unit and f"({unit})" in one.locator("figcaption").inner_text()
        units.add(unit)
    assert len(units) >= 2  # minutes and dollars: each on its own axis
    shot(page, "figures-series")


def test_dates_without_a_year_say_so_and_name_the_source_of_a_year(server, page):
    base, _ = server
    page.goto(base + "/")
    rows = page.locator("#events").inner_text()
    assert "26 Sep (year not given)" in rows and "--09-26" not in rows
    minsk = page.locator("#events tr", has_text="14 Mar 2019")
    assert "year from Northwire" in minsk.inner_text()
    minsk.locator("a").first.click()
    page.wait_for_load_state()
    assert "14 Mar 2019" in page.locator("#fact-date").inner_text()
    assert "year from Northwire" in page.locator("#fact-date").inner_text()
    yearless = page.locator("#sources .card", has_text="Eastwire").inner_text()
    assert "14 Mar (year not given)" in yearless and "14 Mar 2019, from Northwire" in yearless
    shot(page, "event-year-from")


def test_sources_are_shown_by_outlet_title_and_date(server, page):
    base, db = server
    page.goto(f"{base}/events/{event_of(db, '001')}")
    labels = page.locator("#sources a.source").all_inner_texts()
    assert any(label.startswith("sb.by · ") for label in labels)  # the site a closing credit names
    assert not any(label.endswith(".txt") for label in labels)  # titles, not file names
    assert page.locator("#sources", has_text="file 000_78430c26d81b3b6d.txt").count() == 1  # one click away
    for row in page.locator("#alignments tr").all()[1:]:
        left, right = (cell.locator(".side").inner_text() for cell in row.locator("td").all())
        assert left != right  # each side names its own source
    page.goto(f"{base}/search?q=settled")
    assert "Northwire · Presidents confer in Minsk" in page.locator("#hits").inner_text()


def test_timeline_is_an_svg_per_leader_pair(server, page):
    base, _ = server
    page.goto(base + "/")
    svg = page.locator("svg#timeline")
    pairs = svg.locator("g.pair")
    names = [pairs.nth(i).get_attribute("data-pair") for i in range(pairs.count())]
    assert len(names) == len(set(names)) >= 2 and "Alexander Lukashenko – Vladimir Putin" in names
    marks = svg.locator("g.pair[data-pair='Alexander Lukashenko – Vladimir Putin'] circle.event")
    assert marks.count() == page.locator("#events tr", has_text="Lukashenko – Vladimir Putin").count()
    kinds = {marks.nth(i).get_attribute("data-kind") for i in range(marks.count())}
    assert {"talks", "informal"} <= kinds
    undated = svg.locator("circle.event[data-dated=no]")
    assert undated.count() >= 3 and svg.locator("text.band-label").text_content() == "year not given"
    assert "2 sources" in svg.locator("circle.event[data-sources='2']").first.locator("title").text_content()
    assert svg.locator("text.tick-label").count() >= 2
    for pair, label in (("Alexander Lukashenko – Vladimir Putin", "Lukashenko – Putin"),
                        ("King Abdullah II – Xi Jinping", "Abdullah II – Xi")):  # the names people use
        shown = svg.locator(f"g.pair[data-pair='{pair}'] text.pair-label").text_content()
        assert shown == pair + label
    shot(page, "timeline")
    page.fill("input[name=year]", "2019")
    page.click("button[type=submit]")
    assert page.locator("svg#timeline circle.event").count() == 1
    page.locator("svg#timeline circle.event").click()
    page.wait_for_load_state()
    assert page.url.split("/")[-2] == "events"


def test_cite_copies_words_speaker_outlet_date_and_span(server, browser):
    base, _ = server
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    page.goto(base + "/search?q=settled")
    hit = page.locator("#hits .hit").first
    hit.locator("details.cite summary").click()
    hit.locator("button.copy[data-target=plain]").click()
    page.wait_for_function("document.querySelector('.cite-box .copied').textContent === 'copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == hit.locator("textarea.cite-plain").input_value()
    assert copied.startswith("“We have settled the main points,” — Vladimir Putin. Northwire, “Presidents confer in Minsk”")
    assert "wire.txt, characters " in copied and "?hl=" in copied and "#quote-" in copied
    shot(page, "cite")
    hit.locator("button.copy[data-target=csl]").click()
    page.wait_for_timeout(200)
    item = json.loads(page.evaluate("navigator.clipboard.readText()"))[0]
    assert item["container-title"] == "Northwire" and item["custom"]["speaker"] == "Vladimir Putin"
    assert item["custom"]["text"].startswith("We have settled the main points")
    link = hit.locator("a.cite-link").get_attribute("href")
    page.goto(base + link)
    assert "We have settled the main points" in page.locator(".doc-text .focus").inner_text()
    context.close()


def test_kremlin_page_keeps_title_lead_and_date(server, page):
    base, db = server
    meta = kremlin_page()
    with Store.open_readonly(db) as store:
        doc_id = next(r["id"] for r in store.documents() if r["name"] == meta["doc"])
    page.goto(f"{base}/documents/{doc_id}")
    assert page.locator("#doc-title").inner_text() == meta["meta"]["title"]
    assert " ".join(page.locator("#doc-lead").inner_text().split()) == " ".join(meta["meta"]["lead"].split())
    day = meta["meta"]["date"]
    assert page.locator("#doc-meta .published").inner_text() == reader.when(day)
    assert meta["meta"]["url"] in page.locator("#doc-meta").inner_text()
    assert page.locator(".doc-text .quote").count() >= len(meta["quotes"]) // 2
    assert page.locator(".doc-text .meeting").count() >= 1
    shot(page, "kremlin-document")


def test_phone_layout(server, phone):
    base, _ = server
    phone.goto(base + "/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400
    shot(phone, "timeline-phone")


def test_hostile_page_is_escaped_everywhere(server, page):
    base, db = server
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with Store.open_readonly(db) as store:
        doc_id = next(r["id"] for r in store.documents() if r["name"] == "hostile.txt")
    for path in (f"/documents/{doc_id}", "/search?q=build", "/"):
        page.goto(base + path)
        assert page.title() != "pwned"
        scripts = page.locator("script")  # only the app's own file, none from the page
        assert [scripts.nth(i).get_attribute("src") for i in range(scripts.count())] == ["/static/cite.js"]
        assert page.locator("img").count() == 0
    page.goto(f"{base}/documents/{doc_id}")
    assert "<script>" in page.locator("#text").inner_text()
    assert dialogs == []


@pytest.mark.parametrize(
    "path, status",
    [("/events/999999", 404), ("/documents/doesnotexist", 404), ("/people/Nobody%20Known", 404),
     ("/no/such/page", 404), ("/search?page=0", 422)],
)
def test_bad_ids_are_404_pages_not_tracebacks(server, path, status):
    base, _ = server
    response = httpx.get(base + path)
    assert response.status_code == status
    assert "Traceback" not in response.text


def test_api_endpoints(server):
    base, _ = server
    events = httpx.get(base + "/api/events").json()
    assert any(e["duration_minutes"] == 322 for e in events)
    event = httpx.get(f"{base}/api/events/{events[0]['id']}").json()
    assert {"facts", "sources", "statements", "figures", "pledges", "discrepancies"} <= set(event)
    statements = httpx.get(base + "/api/statements", params={"q": "Oreshnik", "per_page": 5}).json()
    assert statements["total"] >= 1 and len(statements["hits"]) <= 5 and "facets" in statements
    person = httpx.get(base + "/api/people/Lukashenka").json()
    assert person["name"] == "Alexander Lukashenko" and person["actor"]["wikidata"] == "Q42177"
    assert httpx.get(base + "/api/figures", params={"unit": "USD"}).json()
    assert any(p["object"] == "Oreshnik" for p in httpx.get(base + "/api/pledges").json())
    doc_id = events[0]["id"]
    assert httpx.get(f"{base}/api/documents/zz").status_code == 404
    series = httpx.get(base + "/api/series", params={"subject": "trade"}).json()
    trade = next(x for x in series if x["unit"] == "USD")
    assert [r["value"] for r in trade["figures"]][:1] == [35e9] and trade["subject"] == "Belarus–Russia trade turnover"
    assert all(len({r["unit"] for r in x["figures"]}) == 1 for x in series)
    assert httpx.get(base + "/api/series").status_code == 422
    schema = httpx.get(base + "/api/openapi.json").json()
    assert "/api/statements" in schema["paths"] and doc_id


def test_api_cite_and_labelled_sources(server):
    base, db = server
    with Store.open_readonly(db) as store:
        quote = next(q for q in store.quotes(limit=1000) if q["text"].startswith("We have settled"))
    event = event_of(db, "wire.txt")
    span = f"{quote['start']}-{quote['end']}"
    found = httpx.get(base + "/api/cite", params={"doc": quote["doc_id"], "span": span}).json()
    assert found["text"].startswith("“We have settled the main points,” — Vladimir Putin. Northwire")
    assert found["csl"][0]["custom"]["start"] == quote["start"] and found["link"].endswith(f"#quote-{span}")
    text = httpx.get(base + "/api/cite", params={"doc": quote["doc_id"], "span": span, "format": "text"}).text
    assert text == found["text"] + "\n"
    for params, message in (({"span": "9-2"}, "is not within document"), ({"span": "a-b"}, "is not START-END"),
                            ({"span": span, "kind": "rumour"}, "is not one of")):
        response = httpx.get(base + "/api/cite", params={"doc": quote["doc_id"], **params})
        assert response.status_code == 400 and message in response.json()["error"]
    sources = httpx.get(f"{base}/api/events/{event}").json()["sources"]
    assert {s["source"]["label"] for s in sources} >= {"Northwire · Presidents confer in Minsk"}
    assert httpx.get(base + "/api/events", params={"year": "2019", "country": "Belarus"}).json()[0]["id"] == event


def test_exports_csv_jsonl_and_plover(server):
    base, _ = server
    csv_text = httpx.get(base + "/api/statements", params={"format": "csv", "per_page": 500}).text
    assert csv_text.splitlines()[0].startswith("statement_id,date,speaker,text")
    lines = httpx.get(base + "/api/figures", params={"format": "jsonl"}).text.splitlines()
    assert all(json.loads(line)["unit"] for line in lines)
    plover = [json.loads(line) for line in httpx.get(base + "/api/events", params={"format": "plover"}).text.splitlines()]
    record = next(r for r in plover if r["date"] == "26 Sep (year not given)")
    assert record["event_type"] == "CONSULT" and record["mode"] == "visit"
    assert record["recipient"] == "Vladimir Putin" and record["actor"] == "Alexander Lukashenko"
    assert record["location"]["city"] == "Moscow" and all("start" in c for c in record["citation"])


def test_no_date_is_machine_written_anywhere_in_the_api(server):
    base, _ = server
    events = httpx.get(base + "/api/events").json()
    assert any(e["date"] == "26 Sep (year not given)" for e in events)
    bodies = [httpx.get(base + "/api/events", params={"format": f}).text for f in ("json", "csv", "jsonl", "plover")]
    bodies += [httpx.get(f"{base}/api/events/{e['id']}").text for e in events]
    bodies += [httpx.get(f"{base}/events/{e['id']}").text for e in events] + [httpx.get(base + "/").text]
    assert not [b for b in bodies if re.search(r"--\d\d-\d\d", b)]


@pytest.mark.parametrize("params", [{"format": "xml"}, {"per_page": 0}, {"page": "x"}])
def test_bad_api_parameters(server, params):
    base, _ = server
    response = httpx.get(base + "/api/statements", params=params)
    assert response.status_code == 422 and "Traceback" not in response.text
    assert response.json()["error"].startswith(f"{next(iter(params))}: ")  # one line naming the parameter


def test_server_is_read_only(server):
    base, db = server
    before = Path(db).stat().st_mtime
    assert httpx.post(base + "/api/statements").status_code == 405
    assert Path(db).stat().st_mtime == before


def test_missing_database_is_a_clear_error(tmp_path):
    from summitlog.errors import StoreError

    with pytest.raises(StoreError, match="no such database; run 'summitlog ingest' first"):
        create_app(str(tmp_path / "none.db"))


@pytest.mark.parametrize("url, what", [
    ("/search?q=trade%00talks", "control character"),
    ("/api/statements?speaker=%01Putin", "control character"),
    ("/api/events?page=99999999999999999999", "beyond any record"),
    ("/events/123456789012345678901234", "beyond any record"),
    ("/api/documents/abc%00def", "control character"),
    ("/search?q=" + "talks+" * 300, "longer than"),
])
def test_a_parameter_no_record_can_answer_is_a_400_in_one_line(tmp_path, url, what):
    from fastapi.testclient import TestClient

    db = tmp_path / "empty.db"
    Store.open(db).close()
    with TestClient(create_app(str(db))) as client:
        response = client.get(url)
    assert response.status_code == 400
    body = response.json()["error"] if url.startswith("/api/") else response.text
    assert what in body and len(response.content) < 20_000  # the long query is not echoed back


# -- lists: search, paging, facets, exports, citations at a public address -----------------------

PUBLIC = "https://record.example.org/summitlog"
PROJECTS = ("the gas pipeline", "the new rail bridge", "the grain corridor", "the joint university", "the power line")


def astana(year: int, part: int, turns: int = 6) -> str:
    """An invented transcript of a yearly meeting: each turn a statement with a figure and a pledge."""
    lines = [f"Vladimir Putin held talks with President of Kazakhstan Kassym-Jomart Tokayev in Astana on 9 November "
             f"{year}. The talks lasted two hours and forty minutes."]
    for i in range(turns):
        project = PROJECTS[(part + i) % len(PROJECTS)]
        speaker = "Vladimir Putin" if i % 2 == 0 else "Kassym-Jomart Tokayev"
        lines.append(f"{speaker}: Colleagues, in {year} we looked again at {project}, turn {part}-{i}. Trade between "
                     f"our countries reached ${20 + i + year - 2018} billion, and we will finish {project} by the end "
                     f"of {year + 2}.")
    return "\n\n".join(lines)


@pytest.fixture(scope="module")
def lists(tmp_path_factory, analyzer):
    """A server, citing itself at PUBLIC, over six years of yearly talks (four reports in 2023:
    24 statements, more than a page) and one telephone call."""
    folder = tmp_path_factory.mktemp("lists")
    rows = [{"url": f"https://steppe-news.example/{year}/talks-{part}", "title": f"Talks in Astana, part {part + 1}",
             "published": f"{year}-11-{10 + part}", "text": astana(year, part)}
            for year in range(2019, 2025) for part in range(4 if year == 2023 else 1)]
    rows.append({"url": "https://steppe-news.example/2022/call", "title": "A telephone conversation",
                 "published": "2022-03-04", "text": "Vladimir Putin had a telephone conversation with President of "
                 "Kazakhstan Kassym-Jomart Tokayev on 3 March 2022. The presidents discussed the grain corridor."})
    (folder / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = folder / "lists.db"
    with Store.open(db) as store:
        list(pipeline.ingest([str(folder / "pages.jsonl")], store, Settings(), analyzer=analyzer))
    with running(create_app(str(db), base_url=PUBLIC + "/")) as base:
        yield base, db


def days(page) -> list[str]:
    return [t.get_attribute("datetime") for t in page.locator("#hits .hit .day time").all()]


def test_search_is_newest_first_with_machine_dates(lists, page):
    base, _ = lists
    page.goto(base + "/search")
    found = days(page)
    assert len(found) == 20 and found == sorted(found, reverse=True) and found[0] == "2024-11-09"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in found)
    assert page.locator("#hits .source time").first.get_attribute("datetime") == "2024-11-10"


def test_the_pager_keeps_every_filter(lists, page):
    base, _ = lists
    page.goto(base + "/search?year=2023")
    assert "1–20 of 24" in page.locator(".pager .count").inner_text()
    assert page.locator("head link[rel=next]").get_attribute("href") == "/search?year=2023&page=2"
    page.locator(".pager a[rel=next]").click()
    page.wait_for_load_state()
    assert "year=2023" in page.url and "page=2" in page.url
    assert "21–24 of 24" in page.locator(".pager .count").inner_text()
    assert set(days(page)) == {"2023-11-09"}
    assert page.locator(".pager a[rel=prev]").get_attribute("href") == "/search?year=2023&page=1"


def test_facets_combine_and_each_can_be_removed(lists, page):
    base, _ = lists
    page.goto(base + "/search?q=bridge")
    page.locator("#facets [data-facet=speaker] a", has_text="Kassym-Jomart Tokayev").click()
    page.wait_for_load_state()
    page.locator("#facets [data-facet=year] a", has_text="2023").click()
    page.wait_for_load_state()
    assert "speaker=Kassym-Jomart+Tokayev" in page.url and "year=2023" in page.url and "q=bridge" in page.url
    speakers = set(page.locator("#hits .hit a.speaker").all_inner_texts())
    assert speakers == {"Kassym-Jomart Tokayev"} and set(days(page)) == {"2023-11-09"}
    marks = {m.lower() for m in page.locator("#hits mark").all_inner_texts()}
    assert marks == {"bridge"}
    page.locator("#chosen a.remove[data-facet=speaker]").click()
    page.wait_for_load_state()
    assert "speaker" not in page.url and "year=2023" in page.url and "q=bridge" in page.url
    assert len(set(page.locator("#hits .hit a.speaker").all_inner_texts())) == 2


@pytest.mark.parametrize("path, api, rows", [
    ("/", "/api/events", 7), ("/search?year=2023", "/api/statements", 24), ("/figures?unit=USD", "/api/figures", None),
    ("/pledges?actor=Russia", "/api/pledges", None),
])
def test_every_list_links_to_a_flat_csv_of_what_it_shows(lists, page, path, api, rows):
    import csv

    base, _ = lists
    page.goto(base + path)
    link = page.locator("a.export-csv")
    href = link.get_attribute("href")
    assert href.startswith(api + "?") and "format=csv" in href and page.locator("a.export-jsonl").count() == 1
    shown = int(re.search(r"of (\d+)", page.locator(".pager .count").first.inner_text()).group(1))
    table = list(csv.DictReader(io.StringIO(httpx.get(base + href).text)))
    assert len(table) == shown == (rows or shown)
    assert {"url", "outlet", "date", "event_id"} <= set(table[0])
    assert all(r["outlet"] == "steppe-news.example" and r["url"].startswith("https://steppe-news.example/")
               for r in table) or api == "/api/events"
    assert not [v for r in table for v in r.values() if v and v[0] in "[{"]  # no list or object in a cell
    if api == "/api/events":
        assert "Kassym-Jomart Tokayev" in {r["participant_1"] for r in table}
        assert page.locator("a.export-plover").count() == 1
    else:
        assert all(r["record"].startswith(PUBLIC + "/documents/") for r in table)


def test_citations_name_the_public_address_and_stay_on_screen(lists, browser):
    base, db = lists
    for width in (1366, 390):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(base + "/figures")
        cell = page.locator("#figures details.cite").first
        cell.locator("summary").click()
        box = cell.locator(".cite-box").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert f"Record: {PUBLIC}/documents/" in cell.locator(".cite-plain").input_value()
        context.close()
    with Store.open_readonly(db) as store:
        quote = store.quotes(limit=1)[0]
    text = httpx.get(base + "/api/cite", params={"doc": quote["doc_id"], "span": f"{quote['start']}-{quote['end']}",
                                                  "format": "text"}).text
    assert f"Record: {PUBLIC}/documents/{quote['doc_id']}" in text


def test_person_page_is_paged_with_counts_offices_in_words_and_calls_marked(lists, page):
    base, _ = lists
    response = httpx.get(base + "/people/Putin")
    assert response.status_code == 200 and len(response.content) < 400_000
    page.goto(base + "/people/Putin")
    assert "President of Russia" in page.locator("#roles").inner_text()
    assert page.locator("#statements").inner_text() == "Statements (27, newest first)"
    assert page.locator("blockquote").count() == 20
    page.locator("nav[aria-label='pages of statements'] a[rel=next]").click()
    page.wait_for_load_state()
    assert "statements=2" in page.url and page.locator("blockquote").count() == 7
    row = page.locator("#person-meetings tr", has_text="3 Mar 2022")
    assert row.locator(".tag.call").inner_text() == "call"


def test_figures_have_a_time_axis_from_zero_and_numbers_in_words(lists, page):
    base, _ = lists
    page.goto(base + "/figures?unit=USD")
    chart = page.locator("figure.series").first
    ticks = [t.text_content() for t in chart.locator("text.time-tick").all()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks)
    points = sorted((float(p.get_attribute("cx")), p.get_attribute("data-day")) for p in chart.locator("circle").all())
    assert [d for _, d in points] == sorted(d for _, d in points)
    first, last = min(points)[0], max(points)[0]
    gap_2019 = [x for x, d in points if d.startswith("2020")][0] - [x for x, d in points if d.startswith("2019")][0]
    assert gap_2019 == pytest.approx((last - first) / 5, rel=0.05)  # a year is a year's width, however many points
    assert chart.locator("text.low").text_content() == "$0"
    assert re.search(r"\$\d+ billion", page.locator("#figures").inner_text())
    assert page.locator("#figures tr").count() == 51 and "next" in page.locator(".pager").first.inner_text()


def test_event_heading_facts_in_words_and_documents_link_their_events(lists, page):
    base, _ = lists
    page.goto(base + "/")
    page.locator("#events a", has_text="Tokayev").first.click()
    page.wait_for_load_state()
    heading = page.locator("#heading")
    assert heading.locator("time").get_attribute("datetime") == "2024-11-09"
    assert "Astana, Kazakhstan" in heading.inner_text() and "talks" in heading.inner_text()
    assert page.locator("#fact-duration_minutes td").first.inner_text() == "duration"
    assert "hours" in page.locator("#fact-duration_minutes .value").inner_text()
    event_url = page.url
    page.locator("#sources a.source").first.click()
    page.wait_for_load_state()
    page.locator("#doc-events a").first.click()
    page.wait_for_load_state()
    assert page.url == event_url


def test_timeline_reads_on_a_phone(lists, phone):
    base, _ = lists
    phone.goto(base + "/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    cells = phone.locator("#events tr").nth(1).locator("td")
    visible = [c.inner_text() for c in cells.all() if c.is_visible()]
    assert visible[0] == "9 Nov 2024" and "Tokayev" in visible[1] and visible[2] == "talks"
    shot(phone, "timeline-390")


def test_api_docs_are_served_by_the_package_and_describe_each_parameter(lists, page):
    base, _ = lists
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base + "/")
    page.locator("nav a", has_text="API").click()
    page.wait_for_load_state()
    assert page.url == base + "/docs"
    assert requested and all(url.startswith(base) for url in requested)
    section = page.locator("#get-api-statements")
    assert "newest first" in section.locator(".description").inner_text()
    described = {r.locator("code").inner_text(): r.locator(".param-description").inner_text()
                 for r in section.locator("tr").all()[1:]}
    assert set(described) >= {"q", "speaker", "year", "page", "format"} and all(described.values())
    paths = httpx.get(base + "/api/openapi.json").json()["paths"]
    assert all(p.startswith("/api/") for p in paths)
