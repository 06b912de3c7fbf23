"""Analysis in a process pool and on a Dask cluster gives the record one process gives;
workers that die and writers that overlap lose nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import psutil
from conftest import DEV, SEEDS, postgres_schema
from distributed import LocalCluster

from summitlog import pipeline
from summitlog.parallel import Pool
from summitlog.settings import Settings
from summitlog.storage.store import Store, migrations

INPUTS = [str(SEEDS), *sorted(str(p) for p in DEV.glob("0[0-2]*.txt"))]
RECORD = {
    "documents": "id, source, title, published, dateline, text",
    "quotes": "doc_id, start, end, text, speaker, kind, cue, topics",
    "meetings": "doc_id, role, participants, date, place, city, duration_minutes, event_id",
    "figures": "doc_id, start, end, value, unit, about, speaker",
    "pledges": "doc_id, start, end, actors, deadline, object",
    "alignments": "event_id, a_doc, a_start, b_doc, b_start, score",
    "discrepancies": "event_id, kind, what, a_doc, b_doc",
    "site_lines": "site, line, docs",
}


def record(store: Store) -> dict[str, list[tuple]]:
    return {table: [tuple(r) for r in store.conn.execute(f"SELECT {cols} FROM {table} ORDER BY {cols}")]
            for table, cols in RECORD.items()}


def ingest_with(pool: Pool, analyzer=None) -> dict[str, list[tuple]]:
    with Store.open(":memory:") as store, pool:
        results = list(pipeline.ingest(INPUTS, store, Settings(), analyzer=analyzer, pool=pool))
        assert [r.status for r in results] == ["added"] * len(results)
        return record(store)


def test_process_pool_gives_the_single_process_record(analyzer):
    single = ingest_with(Pool(), analyzer)
    assert len(single["documents"]) > 30 and len(single["quotes"]) > 150 and single["alignments"]
    assert ingest_with(Pool(workers=2)) == single


def test_dask_cluster_gives_the_single_process_record(analyzer):
    single = ingest_with(Pool(), analyzer)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.scheduler_info["workers"]) == 2
        assert ingest_with(Pool(scheduler=cluster.scheduler_address)) == single


def many_pages(folder, copies: int) -> int:
    """Every bundled page several times over, each copy a new document."""
    folder.mkdir()
    pages = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    for i in range(copies):
        for page in pages:
            (folder / f"{i}_{page.name}").write_text(page.read_text("utf-8") + f"\n\nCopy {i}.\n", "utf-8")
    return copies * len(pages)


def ingest_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "summitlog", "ingest", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"})


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_a_worker_dying_mid_batch_loses_no_document(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "w.db"
    n = many_pages(corpus, 4)
    proc = ingest_cli(str(corpus), "--db", str(db), "--workers", "2")
    deadline = time.time() + 120
    while time.time() < deadline and stored(db) < 10:
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "the pool has no worker processes"
    os.kill(workers[0].pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, out + err
    assert "worker process died while analysing it; run the ingest again" in err
    assert "Traceback" not in err
    lost = err.count("worker process died")
    assert stored(db) == n - lost < n
    rerun = ingest_cli(str(corpus), "--db", str(db), "--workers", "2")
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert stored(db) == n
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_ingests_into_one_new_file_at_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "both.db"
    n = many_pages(corpus, 2)
    first = ingest_cli(str(corpus), "--db", str(db))
    second = ingest_cli(str(corpus), "--db", str(db))
    outcomes = [p.communicate(timeout=300) + (p.returncode,) for p in (first, second)]
    for out, err, code in outcomes:
        assert code == 0 and "Traceback" not in err, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0]
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT count(DISTINCT doc_id) FROM paragraphs").fetchone()[0] == n
        quotes_per_copy = conn.execute("SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id "
                                       "WHERE d.name LIKE '0_%' ").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 2 * quotes_per_copy


def test_two_ingests_into_one_postgresql_database_at_once(tmp_path):
    corpus = tmp_path / "corpus"
    n = many_pages(corpus, 1)
    with postgres_schema() as url:
        first, second = ingest_cli(str(corpus), "--db", url), ingest_cli(str(corpus), "--db", url)
        for proc in (first, second):
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0 and "Traceback" not in err, err
        with Store.open(url) as store:
            assert store.count() == n
            assert store.conn.execute("SELECT count(DISTINCT doc_id) FROM paragraphs").fetchone()[0] == n
            assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == migrations()[-1][0]


def test_bad_worker_counts_and_schedulers_are_one_line_errors(tmp_path):
    for args, message in ((["--workers", "0"], "Invalid value for '--workers'"),
                          (["--scheduler", "no-port"], "error: --scheduler no-port: cannot connect")):
        proc = ingest_cli(str(SEEDS), "--db", str(tmp_path / "x.db"), *args)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2 and message in err and "Traceback" not in err, err
    assert not (tmp_path / "x.db").exists() or stored(tmp_path / "x.db") == 0
