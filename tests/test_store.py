"""The store: migrations, idempotent saves, one transaction per document, survival of a kill."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import DEV, SEEDS, seed

from summitlog import pipeline
from summitlog.errors import NotFound, StoreError
from summitlog.settings import Settings
from summitlog.storage.store import Store, fts_query, migrations


def test_new_store_has_every_migration_and_pragmas(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        assert store.version == migrations()[-1][0]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(tmp_path, analyzer):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    with Store.open(path) as store:
        assert store.count() == 5


def test_ingest_is_idempotent(store, analyzer):
    first = list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    before = store.conn.execute("SELECT id, text, ingested_at FROM documents ORDER BY id").fetchall()
    again = list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    after = store.conn.execute("SELECT id, text, ingested_at FROM documents ORDER BY id").fetchall()
    assert [r.status for r in first] == ["added"] * 5
    assert [r.status for r in again] == ["unchanged"] * 5
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


def test_same_page_under_another_name_is_the_same_document(tmp_path, store, analyzer):
    copy = tmp_path / "copy.txt"
    copy.write_text(seed("003").read_text("utf-8").replace("\n", "\r\n") + "\n\n")
    results = list(pipeline.ingest([str(seed("003")), str(copy)], store, Settings(), analyzer=analyzer))
    assert [r.status for r in results] == ["added", "unchanged"]


def test_stored_document_round_trips(store, analyzer):
    (result,) = pipeline.ingest([str(seed("001"))], store, Settings(), analyzer=analyzer)
    doc = store.document(result.doc_id[:6])
    assert doc.raw == seed("001").read_text("utf-8")
    assert doc.published == "--09-26" and len(doc.paragraphs) > 5
    assert all(doc.raw[p.raw_start:p.raw_start + p.end - p.start] == doc.text[p.start:p.end]
               for p in doc.paragraphs)


def test_unknown_and_ambiguous_ids(store, analyzer):
    list(pipeline.ingest([str(SEEDS), str(DEV)], store, Settings(), analyzer=analyzer))
    with pytest.raises(NotFound, match="no document with id 'zzz'"):
        store.document("zzz")
    with pytest.raises(NotFound, match="no document with id ''"):
        store.document("")
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    with pytest.raises(NotFound, match="matches several documents"):
        store.document(shared)


def test_full_text_search_takes_any_user_text(store, analyzer):
    list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    assert [r["name"] for r in store.documents(search="Valaam")] == [seed("002").name, seed("000").name]
    assert store.documents(search='Oreshnik" OR (') == store.documents(search="Oreshnik OR (")
    assert fts_query('a "b') == '"a" """b"'


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store.open(path)
    assert path.read_text().startswith("these are my notes")


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_outlet_chrome_learned_from_earlier_pages(tmp_path, store, analyzer):
    body = "President {0} met his counterpart in the capital on Monday for talks on trade and energy."
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"url": f"https://outlet.example/{i}", "text": f"Most popular this week\n\n{body.format(name)}"}
        for i, name in enumerate(["Putin", "Xi", "Erdogan", "Modi"])
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows))
    list(pipeline.ingest([str(feed)], store, Settings(), analyzer=analyzer))
    texts = [r[0] for r in store.conn.execute("SELECT text FROM documents ORDER BY rowid")]
    assert [t.startswith("Most popular") for t in texts] == [True, True, False, False]


WRITER = """
import sys
from summitlog import pipeline
from summitlog.settings import Settings
from summitlog.storage.store import Store
with Store.open(sys.argv[1]) as store:
    for _ in pipeline.ingest([sys.argv[2]], store, Settings()):
        pass
"""


def make_corpus(folder, n):
    """n distinct pages made from the seed paragraphs, so that each is a new document."""
    paragraphs = [p for s in sorted(SEEDS.glob("*.txt")) for p in s.read_text("utf-8").split("\n") if len(p) > 80]
    folder.mkdir()
    for i in range(n):
        chosen = [paragraphs[(i * 7 + k) % len(paragraphs)] for k in range(6)]
        (folder / f"page{i:05d}.txt").write_text(f"Report number {i}\n\n" + "\n\n".join(chosen))


def test_kill_during_ingest_leaves_a_consistent_store(tmp_path, analyzer):
    corpus, db = tmp_path / "corpus", tmp_path / "k.db"
    n = 300
    make_corpus(corpus, n)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(corpus)])
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and stored < 20:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = store.count()
        assert 20 <= kept < n, "the ingest was not interrupted"
        for doc_id, text in store.conn.execute("SELECT id, text FROM documents"):
            paras = store.conn.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            assert paras == len(text.split("\n\n"))
        results = list(pipeline.ingest([str(corpus)], store, Settings(), analyzer=analyzer))
        assert sum(r.status == "unchanged" for r in results) == kept
        assert store.count() == n


def test_quotes_are_stored_and_queried(store, analyzer):
    list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    assert store.count("quotes") == 119
    luka = store.quotes(speakers=["Alexander Lukashenko"], limit=500)
    assert len(luka) > 60 and {r["speaker"] for r in luka} == {"Alexander Lukashenko"}
    hits = store.quotes(search="Oreshnik")
    assert hits and all("Oreshnik" in r["text"] for r in hits)
    since = store.quotes(since="2022-01-01", limit=500)
    assert {r["published"] for r in since} == {"2022-02-18"}
    row = store.quotes(search="Rosatom", speakers=["Alexander Lukashenko"])[0]
    doc = store.document(row["doc_id"])
    assert doc.text[row["start"]:row["end"]] == row["text"] and row["extractor"] == "quotes.v2"


def test_a_page_stored_but_not_linked_before_a_crash_is_linked_on_the_next_run(store, analyzer):
    from summitlog.analysis.analyzer import analyze
    from summitlog.pipeline import prepare
    from summitlog.reading.sources import read_inputs

    (raw,) = read_inputs([str(seed("001"))], Settings())
    store.save(analyze(prepare(raw), analyzer))  # saved; the process died before linking it
    assert store.meetings(role="reported", unlinked=True)
    results = list(pipeline.ingest([str(seed("001"))], store, Settings(), analyzer=analyzer))
    assert [r.status for r in results] == ["unchanged"]
    assert not store.meetings(role="reported", unlinked=True)
    assert all(m["event_id"] for m in store.meetings(role="reported"))
