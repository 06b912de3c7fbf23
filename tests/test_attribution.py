"""Who said what on pages no rule was written for: the attribution model, speakers for anyone,
transcript labels of any layout, and floors on every shared set (scored by the shared scorers)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SHARED

from summitlog.actors.registry import Registry
from summitlog.analysis.attribution import Around, Candidate, SourceRanker, features
from summitlog.analysis.quotes import QuoteFinder
from summitlog.pipeline import extract
from summitlog.settings import Settings
from summitlog.surfaces import evaluate
from summitlog.surfaces.goldjson import to_gold

POLNEAR = SHARED / "external" / "polnear"
KREMLIN = SHARED / "external" / "kremlin"


@pytest.fixture
def quotes(analyze_text):
    return lambda text: [(q.text, q.speaker, q.kind) for q in analyze_text(text).quotes]


def test_the_shipped_model_reads_the_features_computed_at_run_time():
    ranker = SourceRanker.load()
    text = "Markets fell. “We will not raise taxes,” Jane Holloway, the finance minister, said on Monday."
    start = text.index("We")
    end = text.index(",”") + 1
    around = Around(text, start, end, 0, len(text), text.index("“"), len(text), None, None)
    names = [Candidate(text.index("Jane"), text.index("Jane") + 13, "name", dep="nsubj", governor="said")]
    feats = features(around, names, 0, speech_cue(), [])
    assert set(feats) <= set(ranker.weights) | {"log_distance"}
    assert ranker.probability(feats) > ranker.threshold


def speech_cue():
    return QuoteFinder(Registry.load(), SourceRanker({}, 0.0, 1.0)).cue


def test_a_speaker_outside_the_registry_by_full_name(quotes):
    text = (
        "Trade talks resumed on Monday.\n\n"
        "“The tariffs will hurt farmers first,” said Maria Keller, a senior fellow at a research group.\n\n"
        "Keller said the two sides were far apart. “Nobody expects a deal this year,” he added."
    )
    found = quotes(text)
    assert [(q[0], q[1]) for q in found] == [
        ("The tariffs will hurt farmers first,", "Maria Keller"),
        ("Nobody expects a deal this year,", "Maria Keller"),
    ]


def test_the_subject_speaks_not_the_one_addressed(quotes):
    text = "Addressing Lukashenko, Putin said, “Our trade has grown by a third and will grow further.”"
    assert quotes(text)[0][1] == "Vladimir Putin"


def test_an_institution_speaks_as_itself_and_they_is_no_one(analyze_text):
    text = (
        "“The agreement will be signed next month,” the Ministry of Foreign Affairs said in a statement.\n\n"
        "“We are ready for talks at any level,” they said."
    )
    found = analyze_text(text).quotes
    assert [(q.speaker, q.by_organisation) for q in found] == [("Ministry of Foreign Affairs", True), (None, False)]


def test_a_transcript_quoted_whole_names_its_speaker_by_a_label_in_capitals(quotes):
    text = (
        "The interview ran as follows.\n\n"
        "“HARTLEY: Will the president attend the summit in person?\n\n"
        "“GRANGER: He will, and he will meet the prime minister there.”"
    )
    assert [q[1] for q in quotes(text)] == ["Hartley", "Granger"]


def test_labels_of_any_layout_open_turns(quotes):
    text = (
        "President of Russia Vladimir Putin: Mr President, welcome to Moscow.\n\n"
        "President of Finland Anton Rassendyll: Thank you for the invitation.\n\n"
        "Vladimir Putin: Let us begin with energy.\n\n"
        "PRIME MINISTER KISHIDA:(As interpreted.)Let me add a word on security."
    )
    found = quotes(text)
    assert [q[1] for q in found] == ["Vladimir Putin", "Anton Rassendyll", "Vladimir Putin", "Fumio Kishida"]
    assert found[-1][0] == "Let me add a word on security."


def test_a_part_of_one_name_is_not_another_name(quotes):
    text = (
        "Vladimir Putin opened the talks.\n\n"
        "President of Finland Vladimir Petrov: We are glad to be here.\n\n"
        "Vladimir Putin: Welcome."
    )
    assert quotes(text)[0][1] == "Vladimir Petrov"


def test_no_turn_spans_the_chrome_of_a_saved_transcript_page(analyzer):
    page = SHARED / "dev2" / "035_hamburg-trump-abe-whitehouse-remarks.txt"
    chrome = ("Search form", "Office of the Press Secretary", "The White House", "P.M. CET", "Hamburg Messe")
    (item,) = extract([str(page)], Settings(), analyzer=analyzer)
    assert item.quotes
    for q in item.quotes:
        assert not any(c in q.text for c in chrome), q.text


# -- floors on every shared set ------------------------------------------------------------


def shared_score(*args) -> dict:
    done = subprocess.run([sys.executable, *map(str, args), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_dev2_floors(analyzer, tmp_path):
    docs = SHARED / "dev2"
    gold, texts, persons = evaluate.load_gold(SHARED / "gold" / "dev2.jsonl", docs, SHARED / "gold" / "persons.json")
    pred = {}
    for item in extract([str(docs / name) for name in gold], Settings(), analyzer=analyzer):
        row = to_gold(item)
        pred[row["doc"]] = row
    metrics = evaluate.score(pred, gold, texts, persons).metrics
    assert metrics["quote_f1"] >= 0.95, json.dumps(metrics)
    assert metrics["speaker_accuracy"] >= 0.955, json.dumps(metrics)
    assert metrics["meeting_participants"] >= 0.95 and metrics["meeting_kind"] >= 0.80, json.dumps(metrics)
    assert metrics["meeting_date"] >= 0.90 and metrics["meeting_city_strict"] >= 0.9, json.dumps(metrics)
    assert metrics["meeting_duration_strict"] >= 0.95, json.dumps(metrics)
    assert metrics["figure_f1"] >= 0.96 and metrics["figure_speaker_accuracy"] >= 0.92, json.dumps(metrics)
    assert metrics["figure_about_overlap"] >= 0.88, json.dumps(metrics)


def test_polnear_dev_floors(polnear_predictions):
    docs = POLNEAR / "docs" / "dev"
    metrics = shared_score(SHARED / "tools" / "score_external.py", polnear_predictions, POLNEAR / "quotes_dev.jsonl", docs)
    assert metrics["quote_f1"] >= 0.93, metrics
    assert metrics["speaker_accuracy"] >= 0.95, metrics
    meetings = shared_score(SHARED / "tools" / "score_external.py", polnear_predictions,
                            POLNEAR / "meetings_dev.jsonl", docs, "--meetings")
    assert meetings["meeting_precision"] >= 1.0 and meetings["meeting_recall"] >= 1.0, meetings


def test_kremlin_floors(kremlin_predictions):
    metrics = shared_score(SHARED / "tools" / "score_kremlin.py", kremlin_predictions, KREMLIN / "meetings.jsonl")
    assert metrics["participants"] >= 0.97 and metrics["kind_call_or_not"] >= 0.99, metrics
    assert metrics["date"] >= 0.98, metrics
    # Turns are scored against those read from the pages' markup, where a "(retranslated)" label
    # starts a turn; the site's metadata files the turns after one under the previous speaker.
    # About half of what is left are labels the markup itself does not mark (a label outside its
    # bold, a link inside it): there the markup's turns go on under the previous speaker.
    markup = shared_score(SHARED / "tools" / "score_kremlin.py", kremlin_predictions, KREMLIN / "meetings.jsonl",
                          "--turns", KREMLIN / "turns.jsonl")
    assert markup["turn_speaker"] >= 0.935, markup


def test_partial_quotes_are_statements_and_labels_and_titles_are_not(quotes):
    text = (
        "Putin greeted the guest as his \u201cdear friend\u201d and called the talks "
        "\u201cvery useful and very frank.\u201d\n\n"
        "Critics called the plan \u201creckless\u201d. The newspaper ran the story under the headline "
        "\u201cSongs of the Northern Coast.\u201d"
    )
    found = quotes(text)
    assert [(q[0], q[1]) for q in found] == [
        ("dear friend", "Vladimir Putin"),
        ("very useful and very frank.", "Vladimir Putin"),
    ]


def russian_metrics(gold_name: str, docs, tmp_path, analyzer) -> dict:
    """The shared scorer's figures on a Russian gold set, every page read as the pipeline reads it."""
    gold = SHARED / "gold" / gold_name
    names = [json.loads(line)["doc"] for line in gold.read_text("utf-8").splitlines() if line.strip()]
    predictions = tmp_path / "pred.jsonl"
    with predictions.open("w", encoding="utf-8") as out:
        for item in extract([str(docs / name) for name in names], Settings(), analyzer=analyzer):
            out.write(json.dumps(to_gold(item), ensure_ascii=False) + "\n")
    return shared_score(SHARED / "tools" / "score.py", predictions, gold, docs, "--persons",
                        SHARED / "gold" / "persons.json")


def test_russian_pairs_floors(tmp_path, analyzer):
    metrics = russian_metrics("ru_pairs.jsonl", SHARED / "ru" / "pairs", tmp_path, analyzer)
    assert metrics["quote_f1"] >= 0.95 and metrics["speaker_accuracy"] >= 0.95, metrics
    assert metrics["meeting_participants"] >= 0.9 and metrics["meeting_kind"] >= 0.9, metrics
    assert metrics["meeting_date"] >= 0.9 and metrics["meeting_city_strict"] >= 0.9, metrics
    assert metrics["figure_f1"] >= 0.9 and metrics["figure_speaker_accuracy"] >= 0.9, metrics


def test_dev2_russian_floors(tmp_path, analyzer):
    metrics = russian_metrics("dev2_ru.jsonl", SHARED / "dev2" / "ru", tmp_path, analyzer)
    assert metrics["meeting_participants"] >= 0.95 and metrics["meeting_city_strict"] >= 0.95, metrics
    assert metrics["meeting_date"] >= 0.6 and metrics["meeting_kind"] >= 0.8, metrics


def test_factru_person_floors(analyzer):
    from summitlog.pipeline import evaluate_gold

    factru = SHARED / "external" / "factru"
    metrics = evaluate_gold(factru / "gold.jsonl", factru / "docs", Settings(), analyzer=analyzer).metrics
    assert metrics["person_f1"] >= 0.91 and metrics["person_nominative_accuracy"] >= 0.9, metrics


def test_russian_pages_and_their_english_twins_floors(analyzer):
    """Each Russian page in one Event with its English twin, and the turns of the official
    translations aligned, as `summitlog eval` measures them (the twins linked in one store)."""
    from summitlog.pipeline import evaluate_gold

    metrics = evaluate_gold(SHARED / "gold" / "ru_pairs.jsonl", SHARED / "ru" / "pairs", Settings(),
                            analyzer=analyzer).metrics
    assert metrics["twins"] == 11 and metrics["twins_in_one_event"] >= 0.7, metrics
    assert metrics["translation_turns_aligned"] >= 0.8, metrics
