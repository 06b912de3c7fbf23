"""Across sources: aligned statements, discrepancies (and no paraphrase flagged), series."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, DEV, SEEDS

from summitlog import pipeline
from summitlog.actors.registry import Registry
from summitlog.linking import align, link, series
from summitlog.settings import Settings
from summitlog.surfaces import evaluate


@pytest.fixture(scope="module")
def linked(tmp_path_factory, analyzer):
    """The seeds and the development pages in one store, linked into Events."""
    from summitlog.storage.store import Store

    store = Store.open(tmp_path_factory.mktemp("align") / "a.db")
    list(pipeline.ingest([str(SEEDS), str(DEV)], store, Settings(), analyzer=analyzer))
    yield store
    store.close()


def all_events(store):
    return sorted({m["event_id"] for m in store.meetings(role="reported")})


def test_alignment_precision_and_recall_on_the_annotated_pairs(analyzer):
    """The aligner on each annotated group of reports of one meeting (grouping is tested apart)."""
    gold = [json.loads(line) for line in (DATA / "alignments.jsonl").read_text().splitlines()]
    names = sorted({g["a_doc"] for g in gold} | {g["b_doc"] for g in gold})
    paths = [str((SEEDS if (SEEDS / n).exists() else DEV) / n) for n in names]
    found = {e.document.name: e for e in pipeline.extract(paths, Settings(), analyzer=analyzer)}
    known = align.known_words(analyzer.registry)
    pred = []
    for a, b in sorted({tuple(sorted((g["a_doc"], g["b_doc"]))) for g in gold}):
        texts = {n: found[n].document.text for n in (a, b)}
        quotes = [{"id": i, "doc_id": n, "start": q.start, "end": q.end, "speaker": q.speaker}
                  for n in (a, b) for i, q in enumerate(found[n].quotes)]
        for x in align.align_event(texts, quotes, known)["alignments"]:
            pred.append({"a_doc": x["a"]["doc_id"], "a": x["a"]["text"], "b_doc": x["b"]["doc_id"], "b": x["b"]["text"]})
    metrics = evaluate.score_alignments(pred, gold)
    assert metrics["alignment_precision"] >= 0.90, metrics
    assert metrics["alignment_recall"] >= 0.90, metrics


def test_the_year_and_the_forum_name_of_000_and_001_are_flagged(linked):
    event = next(m["event_id"] for m in linked.meetings(role="reported") if m["doc_name"].startswith("001"))
    found = {(d["kind"], d["what"]) for d in linked.spans_of("discrepancies", event)}
    assert ("number", "2025 vs 2015") in found or ("number", "2015 vs 2025") in found
    assert any(kind == "name" and "World Atomic Week" in what and "Global Atomic Forum" in what for kind, what in found)


def test_no_paraphrase_is_flagged_anywhere_else(linked):
    flagged = [d for e in all_events(linked) for d in linked.spans_of("discrepancies", e)]
    assert {d["a_name"][:3] for d in flagged} | {d["b_name"][:3] for d in flagged} <= {"000", "001"}
    assert len(flagged) == 2


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("In general, active work is underway in almost all areas,", "In general, we are actively working in virtually all areas,", True),
        ("Our latest talks were dedicated to defense and security,", "Our last talks were devoted to defence and security,", True),
        ("Trade exceeds $50 billion.", "We will build a small church here.", False),
    ],
)
def test_similarity(a, b, same):
    assert (align.similarity(a, b) >= align.THRESHOLD) is same


def test_numbers_differences_ignore_ordinals_and_dates():
    assert align.number_differences("marks 80 years", "the 80th anniversary") == ([], [])
    assert align.number_differences("met on 19 September", "took place on September 15th") == ([], [])
    assert align.number_differences("continues in 2015", "continues in 2025") == (["2015"], ["2025"])


def test_a_statement_given_to_two_speakers_is_flagged():
    texts = {"a": '"We will deliver the system by the end of the year," Putin said.',
             "b": '"We will deliver the system by the end of the year," Lukashenko said.'}
    quotes = [{"id": 1, "doc_id": "a", "start": 1, "end": 50, "speaker": "Vladimir Putin"},
              {"id": 2, "doc_id": "b", "start": 1, "end": 50, "speaker": "Alexander Lukashenko"}]
    found = align.align_event(texts, quotes, set())
    assert [d["kind"] for d in found["discrepancies"]] == ["speaker"]


def test_a_speaker_the_registry_does_not_know_is_not_compared():
    """A byline or a place taken for a speaker is the extraction's error, not the sources'."""
    texts = {"a": '"We will deliver the system by the end of the year," Putin said.',
             "b": 'By Ann Writer\n\n"We will deliver the system by the end of the year," the president said.'}
    quotes = [{"id": 1, "doc_id": "a", "start": 1, "end": 50, "speaker": "Vladimir Putin"},
              {"id": 2, "doc_id": "b", "start": 16, "end": 65, "speaker": "Ann Writer"}]
    people = Registry.load().actors
    assert [d["kind"] for d in align.align_event(texts, quotes, set())["discrepancies"]] == ["speaker"]
    assert align.align_event(texts, quotes, set(), people)["discrepancies"] == []
    quotes[1]["speaker"] = "Alexander Lukashenko"
    assert [d["kind"] for d in align.align_event(texts, quotes, set(), people)["discrepancies"]] == ["speaker"]


def test_headlines_are_not_compared_as_names():
    texts = {"a": "Tempers Flare in the Harbour Hall as Adler and Brandt Clash\n\nThe two leaders met at noon.",
             "b": "Adler And Vogel Attack Brandt In Remarkable Harbour Hall Exchange\n\nThe two leaders met at noon."}
    assert align.align_event(texts, [], set())["discrepancies"] == []
    named = {"a": "The leaders opened the Global Water Forum on Monday.",
             "b": "The leaders opened the World Water Week on Monday."}
    assert [d["kind"] for d in align.align_event(named, [], set())["discrepancies"]] == ["name"]


def test_series_of_trade_figures_across_events(linked):
    found = series.group(linked.figures(limit=100000), Registry.load(), "trade", "USD")
    belarus = [s for s in found if "BY" in s.key and "RU" in s.key and "trade" in s.key]
    assert len(belarus) == 1 and belarus[0].unit == "USD"  # "trade", "trade turnover", "worth of trade"
    assert all(s.unit == "USD" for s in found) and len({s.key for s in found}) == len(found)
    rows = belarus[0].figures
    ours = [r for r in rows if r["doc_name"][:3] in ("000", "001", "002", "003")]
    assert [(r["value"], r["qualifier"]) for r in ours][:2] == [(35e9, "almost"), (50e9, None)]
    event_of = {r["doc_name"][:3]: r["event_id"] for r in ours}
    assert event_of["000"] == event_of["001"] != event_of["002"] != event_of["003"]
    assert link.event_view(linked, event_of["000"])["facts"]["city"]["value"] == "Moscow"
