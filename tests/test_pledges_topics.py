"""Pledges with actors and deadlines, their follow-ups, and topics against the annotated set."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, SEEDS

from summitlog import pipeline
from summitlog.actors.registry import Registry
from summitlog.analysis.pledges import resolve_deadline
from summitlog.analysis.topics import Topics
from summitlog.settings import Settings


@pytest.fixture
def pledges(analyze_text):
    return lambda text: analyze_text(text).pledges


@pytest.mark.parametrize(
    "text, actor, deadline_text",
    [
        ('"We will build a small church here," Lukashenko said.', "Alexander Lukashenko", None),
        ('"We want to send a new satellite, maybe in two years," Lukashenko said.', "Alexander Lukashenko",
         "maybe in two years"),
        ("Putin said the positions were chosen. The issue should be resolved by the end of 2025.",
         "Vladimir Putin", "by the end of 2025"),
        ("The presidents of Belarus and Russia Lukashenko and Putin confirmed plans to deliver the Oreshnik "
         "system by the end of the year.", "Alexander Lukashenko", "by the end of the year"),
    ],
)
def test_pledge_phrasings(pledges, text, actor, deadline_text):
    (pledge,) = pledges(text)
    assert actor in pledge.actors and pledge.deadline_text == deadline_text


def test_schedules_and_discussions_are_not_pledges(pledges):
    assert pledges("The leaders will hold talks behind closed doors.") == ()
    assert pledges('"We will discuss all of this today," Putin said.') == ()


@pytest.mark.parametrize(
    "phrase, when, resolved",
    [("by the end of 2025", None, "2025-12-31"), ("by the end of the year", "2025-08-01", "2025-12-31"),
     ("sometime next year", "2025-08-01", "2026"), ("maybe in two years", "2024-04-11", "2026-04-11"),
     ("by the end of the year", None, None)],
)
def test_deadlines_resolve_against_the_meeting_date(phrase, when, resolved):
    assert resolve_deadline(phrase, when) == resolved


def test_a_later_page_follows_up_a_pledge(store, analyzer):
    list(pipeline.ingest([str(SEEDS)], store, Settings(), analyzer=analyzer))
    oreshnik = [p for p in store.pledges() if p["object"] == "Oreshnik"]
    assert oreshnik and oreshnik[0]["doc_name"].startswith("002")
    assert any("Oreshnik system had arrived" in m["text"] for m in oreshnik[0]["mentions"])
    assert {m["doc_name"][:3] for m in oreshnik[0]["mentions"]} == {"000"}


def test_topic_accuracy_on_the_annotated_statements():
    topics = Topics(Registry.load())
    rows = [json.loads(line) for line in (DATA / "topics_seeds.jsonl").read_text().splitlines()]
    assert len(rows) >= 60
    tp = fp = fn = 0
    for row in rows:
        got, want = set(topics.assign(row["text"], {"RU", "BY"})), set(row["topics"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.75


@pytest.mark.parametrize(
    "text, topic",
    [
        ("Our trade turnover exceeds $50 billion.", "trade and economy"),
        ("Rosatom will build a new nuclear power plant.", "energy and nuclear"),
        ("Our military exercises are in the active phase.", "security and defence"),
        ("There are negotiations about the exchange of prisoners.", "war and peace talks"),
        ("Sanctions are opportunities.", "sanctions"),
        ("We adopted the Migration Policy Concept for the border.", "borders and migration"),
        ("We selected a cosmonaut for the flight to the ISS.", "space"),
        ("We will build a small Orthodox church on Valaam.", "culture and religion"),
        ("We made progress in building the Union State.", "integration projects"),
        ("Trump has great respect for Lukashenko.", "relations with third countries and blocs"),
    ],
)
def test_each_topic(text, topic):
    assert topic in Topics(Registry.load()).assign(text, {"RU", "BY"})
