"""The reading commands as a user runs them at 80 columns, and `summitlog export`; the README's
Python example as written."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS
from test_cli import assert_one_line_error, run

from summitlog.storage.store import Store
from summitlog.surfaces import charts

# An invented report whose statement runs past what a table shows of one.
LONG = ("Putin and Tokayev meet in Astana\n\n"
        "Vladimir Putin met Kassym-Jomart Tokayev in Astana on 9 November 2023.\n\n"
        "\u201cWe have agreed on the route of the new pipeline, on the schedule of the works, on the share of each side "
        "in the financing, on the training of engineers at both universities, on the customs rules for the equipment, "
        "on the tariffs for transit across the steppe and on the joint commission that will watch over every one of "
        "these steps until the last section is welded and tested,\u201d Putin said after the talks.\n")


def ingested(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "astana_2023-11-10.txt").write_text(LONG)
    assert run("ingest", SEEDS, tmp_path / "pages", "--db", db).returncode == 0
    return db


def test_tables_read_at_80_columns_with_outlets_dates_and_whole_numbers(tmp_path):
    db = ingested(tmp_path)
    narrow = {"COLUMNS": "80"}
    outputs = {command: run(command, "--db", db, "--limit", "500", env=narrow).stdout
               for command in ("quotes", "meetings", "figures", "docs")}
    outputs["pledges"] = run("pledges", "--db", db, env=narrow).stdout
    outputs["series"] = run("series", "trade", "--db", db, env=narrow).stdout
    for command, text in outputs.items():
        assert max(len(line) for line in text.splitlines()) <= 80, command
        assert not re.search(r"\b[0-9a-f]{10}:\d+\b", text), command  # no raw document ids
    with Store.open_readonly(db) as store:
        values = [charts.words(f["value"], f["unit"]) for f in store.figures()]
    lines = outputs["figures"].splitlines()
    assert all(any(value in line for line in lines) for value in values)  # each number on one line
    assert "pipeline" in outputs["quotes"] and "welded" not in outputs["quotes"]  # cut, and it says so
    assert re.search(r"\w…", outputs["quotes"])
    assert "sb.by" in outputs["quotes"] and "18 Feb 2022" in outputs["quotes"]


def test_since_takes_a_day_a_month_or_a_year(tmp_path):
    db = ingested(tmp_path)
    for since in ("2023", "2023-11", "2023-11-10"):
        shown = run("quotes", "--db", db, "--since", since)
        assert shown.returncode == 0 and "1 statements shown" in shown.stdout, since
    assert "0 statements shown" in run("quotes", "--db", db, "--since", "2024").stdout
    bad = run("quotes", "--db", db, "--since", "2023-13")
    assert bad.returncode == 2
    assert_one_line_error(bad, "error: --since '2023-13' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def test_docs_lists_the_newest_page_first(tmp_path):
    db = ingested(tmp_path)
    rows = run("docs", "--db", db).stdout
    assert rows.index("10 Nov 2023") < rows.index("18 Feb 2022")


def test_export_writes_flat_rows_of_each_kind(tmp_path):
    db = ingested(tmp_path)
    with Store.open_readonly(db) as store:
        summary = store.summary()
    statements = run("export", "statements", "--db", db, "--base-url", "https://record.example.org")
    rows = list(csv.DictReader(io.StringIO(statements.stdout)))
    assert statements.returncode == 0 and len(rows) == summary["quotes"]
    assert {"statement_id", "speaker", "text", "date", "url", "outlet", "event_id", "record"} <= set(rows[0])
    assert all(r["record"].startswith("https://record.example.org/documents/") for r in rows)
    assert any(r["outlet"] == "sb.by" and r["event_id"] for r in rows)
    events = [json.loads(line) for line in run("export", "events", "--format", "jsonl", "--db", db).stdout.splitlines()]
    assert len(events) == summary["events"]
    assert all(isinstance(v, (str, int, float)) for e in events for v in e.values())
    assert any(e["participant_1"] == "Alexander Lukashenko" and e["participant_2"] == "Vladimir Putin" for e in events)
    figures = run("export", "figures", "--format", "jsonl", "--db", db, "--speaker", "Putin").stdout.splitlines()
    assert figures and all(json.loads(line)["speaker"] == "Vladimir Putin" for line in figures)
    assert "Oreshnik" in run("export", "pledges", "--db", db).stdout
    for args, message in ((["export", "rumours"], "error: export 'rumours' is not one of: events, statements"),
                          (["export", "events", "--format", "xml"], "error: --format 'xml' is not one of: csv, jsonl"),
                          (["export", "events", "--base-url", "record.example.org"], "is not an http(s) address")):
        bad = run(*args, "--db", db)
        assert bad.returncode == 2
        assert_one_line_error(bad, message)


def test_serve_refuses_a_base_url_that_is_no_address(tmp_path):
    db = ingested(tmp_path)
    bad = run("serve", "--db", db, "--base-url", "ftp://record.example.org")
    assert bad.returncode == 2
    assert_one_line_error(bad, "error: --base-url 'ftp://record.example.org' is not an http(s) address")


def test_the_readme_python_example_runs_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text()
    example = re.search(r"From Python.*?```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    result = subprocess.run([sys.executable, "-c", example], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Alexander Lukashenko" in result.stdout and "Record: https://example.org/documents/" in result.stdout
    assert "statement_id,date,speaker,text" in result.stdout
