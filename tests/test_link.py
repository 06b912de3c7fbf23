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


@pytest.mark.parametrize("texts, fact, value, differ", [
    (["Putin met Lukashenko in Moscow on May 5, 2024. The talks lasted about four hours.",
      "Putin and Lukashenko held talks in Moscow on May 5, 2024. The meeting lasted 5 hours.",
      "Lukashenko met Putin in Moscow on May 5, 2024; the talks lasted about four hours."],
     "duration_minutes", 240, 300),
    # two venues of one city cannot both be the place; the city alone agrees with either
    (["Putin met Lukashenko in the Kremlin in Moscow on May 5, 2024 for talks.",
      "Putin and Lukashenko held talks at Novo-Ogaryovo near Moscow on May 5, 2024.",
      "Putin and Lukashenko held talks in Moscow on May 5, 2024."],
     "place", "Novo-Ogaryovo, Moscow, Moscow Oblast", "Kremlin, Moscow"),
])
def test_differing_facts_are_kept_with_their_sources(tmp_path, store, analyzer, texts, fact, value, differ):
    events = ingest_texts(tmp_path, store, analyzer, texts)
    assert len(set(events)) == 1
    found = link.event_view(store, events[0])["facts"][fact]
    assert found["value"] == value and len(found["agree"]) == 2
    assert [s["value"] for s in found["differ"]] == [differ]


def test_seeds_000_and_001_are_one_event_and_no_other_seeds_group(store, analyzer):
    list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    event_of = {m["doc_name"][:3]: m["event_id"] for m in store.meetings(role="reported")}
    assert event_of["000"] == event_of["001"]
    others = [event_of[k] for k in ("000", "002", "003", "004")]
    assert len(set(others)) == 4


def test_dev_events_match_the_gold_groups(analyzer):
    gold, _, _ = evaluate.load_gold(GOLD / "dev.jsonl", DEV)
    _, events, _ = pipeline.evaluate_extract([str(DEV / n) for n in gold], Settings(), analyzer)
    metrics = evaluate.score_events(gold, events)
    assert metrics["event_pair_precision"] >= 0.95, json.dumps(metrics)
    assert metrics["event_pair_recall"] >= 0.95, json.dumps(metrics)


def test_a_missing_event_is_not_found(store):
    from summitlog.errors import NotFound

    with pytest.raises(NotFound, match="no event with id 7"):
        link.event_view(store, 7)


def ingest_named(tmp_path, store, analyzer, pages: dict[str, str]) -> list[int]:
    """Pages stored under the file names given (a name can carry the page's date)."""
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
    results = list(pipeline.ingest([str(tmp_path / n) for n in pages], store, Settings(), analyzer=analyzer))
    return [store.meetings(doc_id=r.doc_id, role="reported")[0]["event_id"] for r in results]


def test_a_day_without_a_year_takes_it_from_a_source_dated_within_a_week(tmp_path, store, analyzer):
    events = ingest_named(tmp_path, store, analyzer, {
        "undated.txt": "Putin met Tokayev in Astana on 9 November. The two presidents talked for three hours.",
        "wire_2023-11-10.txt": "Putin and Tokayev held talks in Astana and signed a treaty, officials said.",
    })
    assert events[0] == events[1]
    date = link.event_view(store, events[0])["facts"]["date"]
    assert date["value"] == "2023-11-09"
    assert date["year_from"]["doc"] == "wire_2023-11-10.txt" and date["year_from"]["value"] == "2023-11-10"
    assert [s["doc"] for s in date["agree"]] == ["undated.txt"] and date["differ"] == []


def test_no_source_within_a_week_leaves_the_year_unsaid(tmp_path, store, analyzer):
    events = ingest_named(tmp_path, store, analyzer, {
        "undated.txt": "Putin met Tokayev in Astana on 9 November. The two presidents talked for three hours.",
        "later_2023-12-20.txt": "Putin and Tokayev held talks in Astana on Tuesday, officials said.",
    })
    date = link.event_view(store, events[0])["facts"]["date"]
    assert date["value"] == "--11-09" and date["year_from"] is None


@pytest.mark.parametrize("texts, fact, value", [
    # more detail is agreement: the venue within the city
    (["Putin met Lukashenko in the Kremlin in Moscow on May 5, 2024 for talks.",
      "Putin and Lukashenko held talks in Moscow on May 5, 2024."], "place", "Kremlin, Moscow"),
    # "nearly two hours" covers "an hour and 40 minutes"
    (["Putin met Lukashenko in Moscow on May 5, 2024. The talks lasted nearly two hours.",
      "Putin and Lukashenko held talks in Moscow on May 5, 2024 that lasted an hour and 40 minutes."],
     "duration_minutes", 100),
    # an informal meeting is talks too
    (["Putin and Lukashenko held an informal meeting in Moscow on May 5, 2024.",
      "Putin and Lukashenko held talks in Moscow on May 5, 2024."], "kind", "informal"),
])
def test_values_that_can_both_be_true_agree(tmp_path, store, analyzer, texts, fact, value):
    events = ingest_texts(tmp_path, store, analyzer, texts)
    assert len(set(events)) == 1
    found = link.event_view(store, events[0])["facts"][fact]
    assert found["value"] == value and len(found["agree"]) == 2 and found["differ"] == []


def test_a_deadline_a_page_cannot_date_takes_the_year_of_its_events_other_source(tmp_path, store, analyzer):
    events = ingest_texts(tmp_path, store, analyzer, [
        "Donald Trump and Xi Jinping held talks in Busan, the two leaders said.\n\n"
        "Trump agreed to visit China in April, and Xi agreed to travel to the United States later.",
        "Chinese President Xi Jinping and U.S. President Donald Trump held talks in Busan on October 30, 2025.\n\n"
        "The two leaders agreed to extend the trade truce by one year.",
    ])
    assert events[0] == events[1]
    dated = {p["deadline_text"]: p["deadline"] for p in store.pledges() if p["deadline_text"]}
    assert dated == {"in April": "2026-04"}  # the April after the meeting, once the meeting's year is known
