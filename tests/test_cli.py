"""The command line as a user runs it: real processes, one-line errors, meaningful exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import GOLD, SEEDS, SHARED, seed


from summitlog.storage.store import Store

COMMANDS = ["ingest", "watch", "docs", "doc", "quotes", "meetings", "meeting", "diff", "series", "figures", "pledges",
            "topics", "serve", "extract", "eval", "export"]


def run(*args, env=None, cwd=None):
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("SUMMITLOG_DB", None) if env is None else None
    return subprocess.run(
        [sys.executable, "-m", "summitlog", *map(str, args)],
        capture_output=True, text=True, env=full_env, cwd=cwd, timeout=300,
    )


def assert_one_line_error(result, *expected):
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for text in expected:
        assert sum(text in line for line in lines) == 1, result.stderr


def test_ingest_docs_and_doc(tmp_path):
    db = tmp_path / "s.db"
    result = run("ingest", SEEDS, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "5" in result.stdout and str(db) in result.stdout
    with Store.open_readonly(db) as store:  # the summary counts what a reader will find
        summary = store.summary()
    assert (f"in store: {summary['events']} Events, {summary['quotes']} statements, {summary['figures']} figures, "
            f"{summary['pledges']} pledges") in result.stdout and summary["events"] > 0
    listing = run("docs", "--db", db)
    assert "Russian-Belarusian talks" in listing.stdout and "5 shown of 5 documents" in listing.stdout
    doc_id = listing.stdout.split("Russian-Belarusian talks")[0].splitlines()[-1].split()[0]
    shown = run("doc", doc_id, "--db", db)
    assert shown.returncode == 0
    assert "published: 2022-02-18" in shown.stdout and "View settings" not in shown.stdout
    assert "View settings" in run("doc", doc_id, "--db", db, "--raw").stdout


def test_quotes_command(tmp_path):
    db = tmp_path / "s.db"
    run("ingest", SEEDS, "--db", db)
    result = run("quotes", "--db", db, "--speaker", "Lukashenka", "--search", "Oreshnik")
    assert result.returncode == 0
    assert "Alexander Lukashenko" in result.stdout and "Oreshnik" in result.stdout
    assert "Vladimir Putin" not in result.stdout
    bad = run("quotes", "--db", db, "--since", "yesterday")
    assert bad.returncode == 2
    assert_one_line_error(bad, "error: --since 'yesterday' is not a date; use YYYY-MM-DD")


def test_meetings_and_meeting_commands(tmp_path):
    db = tmp_path / "s.db"
    run("ingest", SEEDS, "--db", db)
    listing = run("meetings", "--db", db, "--between", "Putin", "Lukashenka")
    assert listing.returncode == 0 and "4 events shown" in listing.stdout
    assert "0 events shown" in run("meetings", "--db", db, "--with", "Xi Jinping").stdout
    event_id = next(line.split()[0] for line in listing.stdout.splitlines() if "322" in line)
    shown = run("meeting", event_id, "--db", db)
    assert "duration: 5 hours 22 minutes" in shown.stdout and "001_7e908dfd055d1be9.txt" in shown.stdout
    assert "recalls an earlier meeting on 1 Aug (year not given)" in shown.stdout and "--08-01" not in shown.stdout
    assert "sb.by · Minsk" in shown.stdout.replace("\n", " ")  # a source by its outlet and title
    dated = run("meetings", "--db", db, "--year", "2022", "--country", "Belarus")
    assert "1 events shown" in dated.stdout and "18 Feb 2022" in dated.stdout
    assert "0 events shown" in run("meetings", "--db", db, "--country", "Japan").stdout
    missing = run("meeting", "999", "--db", db)
    assert missing.returncode == 2
    assert_one_line_error(missing, "error: no event with id 999")


def test_figures_pledges_and_topic_filters(tmp_path):
    db = tmp_path / "s.db"
    run("ingest", SEEDS, "--db", db)
    figures = run("figures", "--db", db, "--unit", "USD", "--subject", "trade")
    assert figures.returncode == 0 and "$50 billion" in figures.stdout and "Vladimir Putin" in figures.stdout
    pledges = run("pledges", "--db", db, "--actor", "Lukashenka")
    assert pledges.returncode == 0 and "Oreshnik" in pledges.stdout and "1 pledges shown" in pledges.stdout
    space = run("quotes", "--db", db, "--topic", "space")
    assert "cosmonaut" in space.stdout.replace("\n", " ") or "satellite" in space.stdout
    bad = run("quotes", "--db", db, "--topic", "weather")
    assert bad.returncode == 2
    assert_one_line_error(bad, "error: --topic 'weather' is not one topic; choose from: trade and economy")
    assert "integration projects" in run("topics").stdout


def test_diff_and_series(tmp_path):
    db = tmp_path / "s.db"
    run("ingest", SEEDS, "--db", db)
    listing = run("meetings", "--db", db)
    event_id = next(line.split()[0] for line in listing.stdout.splitlines() if "322" in line)
    diff = run("diff", event_id, "--db", db)
    assert "2025 vs 2015" in diff.stdout and "Global Atomic Forum vs World Atomic Week" in diff.stdout
    series = run("series", "trade", "--db", db)
    assert "$35 billion" in series.stdout and "$50 billion" in series.stdout
    assert "Belarus–Russia trade turnover (USD)" in series.stdout and "1 series, 4 figures" in series.stdout
    assert "percent" not in series.stdout  # trade growth is a series of its own


def test_a_day_without_a_year_is_dated_by_a_source_of_that_week_and_never_machine_written(tmp_path):
    (tmp_path / "undated.txt").write_text("Putin met Tokayev in Astana on 9 November. They talked for an hour.")
    (tmp_path / "wire_2023-11-10.txt").write_text("Putin and Tokayev held talks in Astana and signed a treaty.")
    (tmp_path / "alone.txt").write_text("Putin met Lukashenko in Minsk on 2 March for talks on gas prices.")
    db = tmp_path / "s.db"
    run("ingest", tmp_path / "undated.txt", tmp_path / "wire_2023-11-10.txt", tmp_path / "alone.txt", "--db", db)
    listing = run("meetings", "--db", db)
    assert "9 Nov 2023" in listing.stdout and "2 Mar (year not given)" in listing.stdout
    event_id = next(line.split()[0] for line in listing.stdout.splitlines() if "9 Nov 2023" in line)
    shown = run("meeting", event_id, "--db", db).stdout.replace("\n", " ")
    assert "date: 9 Nov 2023" in shown and "year from wire_2023-11-10.txt" in shown
    outputs = [listing.stdout, shown] + [run(command, event, "--db", db).stdout for command in ("meeting", "diff")
                                         for event in ("1", "2")]
    assert not any(re.search(r"--\d\d-\d\d", output) for output in outputs)


def test_db_from_environment(tmp_path):
    db = tmp_path / "env.db"
    result = run("ingest", seed("004"), env={"SUMMITLOG_DB": str(db)})
    assert result.returncode == 0 and db.exists()


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "s.db"
    result = run("ingest", empty, "/no/such/file.txt", binary, seed("001"), "--db", db)
    assert result.returncode == 1
    assert_one_line_error(result, f"{empty}: is empty", "/no/such/file.txt: no such file or folder",
                          f"{binary}: is a binary file, not text")
    assert "1 shown of 1 documents" in run("docs", "--db", db).stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["doc", "ffffffffffff"], "error: no document with id 'ffffffffffff'"),
        (["extract", "x.txt", "--format", "csv"], "error: --format 'csv' is not known; use gold-jsonl"),
        (["eval", "--gold", "/no/gold.jsonl", "--docs", "."], "error: /no/gold.jsonl: cannot be read"),
        (["docs", "--db", "postgresql://reader:secret@127.0.0.1:9/none"],
         "error: postgresql://reader:***@127.0.0.1:9/none: cannot connect to PostgreSQL"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(tmp_path, args, message):
    Store.open(tmp_path / "s.db").close()
    result = run(*args, "--db", tmp_path / "s.db") if args[0] == "doc" else run(*args)
    assert result.returncode == 2
    assert_one_line_error(result, message)
    assert "secret" not in result.stderr


def test_a_read_command_refuses_a_missing_database_and_creates_none(tmp_path):
    result = run("quotes", "--db", tmp_path / "none.db")
    assert result.returncode == 2
    assert_one_line_error(result, f"error: {tmp_path / 'none.db'}: no such database; run 'summitlog ingest' first")
    assert not (tmp_path / "none.db").exists()


def test_db_that_is_a_folder(tmp_path):
    result = run("docs", "--db", tmp_path)
    assert result.returncode == 2
    assert_one_line_error(result, f"error: {tmp_path}: is a folder; give a database file path")


def test_extract_prints_one_gold_row_per_document():
    result = run("extract", SEEDS, "--format", "gold-jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in rows] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(set(r) >= {"doc", "meetings", "quotes", "figures"} for r in rows)


def test_eval_matches_the_reference_scorer(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run("extract", SEEDS).stdout)
    ours = json.loads(run("eval", "--gold", GOLD / "seeds.jsonl", "--docs", SEEDS, "--json").stdout)
    scorer = SHARED / "tools" / "score.py"
    assert scorer.exists(), f"the reference scorer is expected at {scorer}"
    ref = subprocess.run(
        [sys.executable, scorer, pred, GOLD / "seeds.jsonl", SEEDS, "--json"],
        capture_output=True, text=True, check=True,
    )
    assert ours == json.loads(ref.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout and len(result.stdout.split("Usage:")[1].strip().splitlines()) > 2
