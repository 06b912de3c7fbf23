"""Events: reports of one meeting grouped across documents, and nothing else grouped."""

from __future__ import annotations

import json

import pytest
from conftest import DEV, GOLD, SEEDS

from summitlog import pipeline
from summitlog.linking import link
from summitlog.settings import Settings
from summitlog.surfaces import evaluate


def ingest_texts(tmp_path, store, analyzer, texts):
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"p{i}.txt"
        path.write_text(text)
        paths.append(str(path))
    results = list(pipeline.ingest(paths, store, Settings(), analyzer=analyzer))
    return [store.meetings(doc_id=r.doc_id, role="reported")[0]["event_id"] for r in results]


def test_same_meeting_reported_twice_is_one_event(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Putin met Tokayev in Astana on November 9, 2023. The talks lasted about three hours.",
        "Kazakh President Tokayev received Putin in Astana on 9 November 2023 for talks in the Akorda.",
    ])
    assert events[0] == events[1]
    view = link.event_view(store, events[0])
    assert view["facts"]["date"]["value"] == "2023-11-09"
    assert len(view["facts"]["city"]["agree"]) == 2 and view["facts"]["city"]["differ"] == []


def test_same_pair_a_month_apart_is_two_events(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Putin met Lukashenko in Moscow on May 5, 2024 for talks.",
        "Putin met Lukashenko in Moscow on June 6, 2024 for talks.",
    ])
    assert events[0] != events[1]


def test_same_day_different_pairs_are_two_events(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Putin met Lukashenko in Moscow on May 5, 2024 for talks.",
        "Putin met Tokayev in Moscow on May 5, 2024 for talks.",
    ])
    assert events[0] != events[1]


def test_a_call_and_a_visit_are_two_events(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Putin and Xi held talks by videoconference on May 5, 2024.",
        "Putin and Xi held talks in Beijing on May 5, 2024.",
    ])
    assert events[0] != events[1]


def test_differing_facts_are_kept_with_their_sources(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Putin met Lukashenko in Moscow on May 5, 2024. The talks lasted about four hours.",
        "Putin and Lukashenko held talks in Moscow on May 5, 2024. The meeting lasted 5 hours.",
        "Lukashenko met Putin in Moscow on May 5, 2024; the talks lasted about four hours.",
    ])
    assert len(set(events)) == 1
    duration = link.event_view(store, events[0])["facts"]["duration_minutes"]
    assert duration["value"] == 240 and len(duration["agree"]) == 2
    assert [s["value"] for s in duration["differ"]] == [300]


def test_seeds_000_and_001_are_one_event_and_no_other_seeds_group(store, analyzer):
    list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    event_of = {m["doc_name"][:3]: m["event_id"] for m in store.meetings(role="reported")}
    assert event_of["000"] == event_of["001"]
    others = [event_of[k] for k in ("000", "002", "003", "004")]
    assert len(set(others)) == 4


def test_dev_events_match_the_gold_groups(analyzer):
    gold, _, _ = evaluate.load_gold(GOLD / "dev.jsonl", DEV)
    _, events = pipeline.evaluate_extract([str(DEV / n) for n in gold], Settings(), analyzer)
    metrics = evaluate.score_events(gold, events)
    assert metrics["event_pair_precision"] >= 0.95, json.dumps(metrics)
    assert metrics["event_pair_recall"] >= 0.95, json.dumps(metrics)


def test_a_missing_event_is_not_found(store):
    from summitlog.errors import NotFound

    with pytest.raises(NotFound, match="no event with id 7"):
        link.event_view(store, 7)
