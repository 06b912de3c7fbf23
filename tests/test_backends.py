"""The same pages stored in SQLite and in PostgreSQL answer every query of the API alike."""

from __future__ import annotations

import pytest
from conftest import DEV, SEEDS, postgres_schema
from fastapi.testclient import TestClient

from summitlog import pipeline
from summitlog.settings import Settings
from summitlog.storage.store import Store
from summitlog.surfaces.web import create_app

INPUTS = [str(SEEDS), *sorted(str(p) for p in DEV.glob("0[0-1]*.txt"))]


@pytest.fixture(scope="module")
def clients(tmp_path_factory, analyzer):
    sqlite = str(tmp_path_factory.mktemp("both") / "s.db")
    with postgres_schema() as pg:
        for db in (sqlite, pg):
            with Store.open(db) as store:
                results = list(pipeline.ingest(INPUTS, store, Settings(), analyzer=analyzer))
                assert {r.status for r in results} == {"added"}
        yield TestClient(create_app(sqlite)), TestClient(create_app(pg))


def both(clients, url):
    answers = []
    for client in clients:
        response = client.get(url)
        assert response.status_code == 200, (url, response.text)
        answers.append(response.json())
    return answers


@pytest.mark.parametrize("url", [
    "/api/events", "/api/events?leader=Vladimir%20Putin", "/api/events?year=2024", "/api/events?topic=trade",
    "/api/statements?per_page=500", "/api/statements?speaker=Alexander%20Lukashenko&per_page=50",
    "/api/statements?topic=security&page=2", "/api/series?subject=trade", "/api/figures?unit=USD",
    "/api/pledges", "/api/people/Vladimir%20Putin",
])
def test_listings_are_the_same(clients, url):
    sqlite, pg = both(clients, url)
    assert sqlite == pg and sqlite


def test_every_event_and_document_is_the_same(clients):
    events, _ = both(clients, "/api/events")
    assert len(events) > 10
    for event in events:
        sqlite, pg = both(clients, f"/api/events/{event['id']}")
        assert sqlite == pg
        for source in sqlite["sources"]:
            assert both(clients, f"/api/documents/{source['doc_id']}")[0] == both(
                clients, f"/api/documents/{source['doc_id']}")[1]


@pytest.mark.parametrize("words", ["nuclear power plant", "trade", "Union State", "‘quoted’ (and) ; punctuation\"", "a"])
def test_full_text_search_finds_the_same_statements(clients, words):
    """Both match words as written (case aside); ranking differs, so hits are compared as sets."""
    sqlite, pg = both(clients, f"/api/statements?per_page=500&q={words}")
    assert {h["id"] for h in sqlite["hits"]} == {h["id"] for h in pg["hits"]}
    assert sqlite["total"] == pg["total"] and sqlite["facets"] == pg["facets"]
    if words[0].isalpha():
        assert sqlite["total"] > 0


def test_both_have_the_same_tables_and_columns(tmp_path):
    def columns(store, tables_sql, columns_sql):
        return {t: {c[0] for c in store.conn.execute(columns_sql, (t,))} for (t,) in store.conn.execute(tables_sql)}

    with Store.open(tmp_path / "s.db") as store:
        sqlite = columns(store, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'",
                         "SELECT name FROM pragma_table_info(?)")
    with postgres_schema() as url, Store.open(url) as store:
        pg = columns(store, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
                     "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                     "AND table_name = ?")
    pg.pop("schema_version")  # SQLite keeps the version in PRAGMA user_version
    pg["documents"].remove("rowid")  # SQLite's implicit rowid, made explicit
    assert len(sqlite) >= 12 and pg == sqlite
