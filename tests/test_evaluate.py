"""The evaluator gives the reference scorer's figures on imperfect predictions."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DEV, GOLD, SEEDS, SHARED

from summitlog.errors import GoldError
from summitlog.surfaces import evaluate, pledgescore


def degrade(rows):
    """Drop every third quote, give every fourth the wrong speaker, shift figures, drop dates."""
    out = {}
    for k, (name, row) in enumerate(rows.items()):
        row = json.loads(json.dumps(row))
        row["quotes"] = [q for i, q in enumerate(row["quotes"]) if i % 3]
        for i, q in enumerate(row["quotes"]):
            if i % 4 == 0:
                q["speaker"] = "Someone Else"
        for f in row["figures"][::2]:
            f["value"] = f["value"] * 1.1
        for m in row["meetings"]:
            if k % 2:
                m["date"] = None
        out[name] = row
    return out


@pytest.mark.parametrize("gold_name, docs", [("seeds.jsonl", SEEDS), ("dev.jsonl", DEV)])
def test_same_figures_as_the_reference_scorer(tmp_path, gold_name, docs):
    gold, texts, persons = evaluate.load_gold(GOLD / gold_name, docs)
    pred = degrade(gold)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(r) for r in pred.values()))
    ours = evaluate.score(pred, gold, texts, persons).metrics
    ref = subprocess.run(
        [sys.executable, SHARED / "tools" / "score.py", pred_file, GOLD / gold_name, docs, "--json"],
        capture_output=True, text=True, check=True,
    )
    assert ours == json.loads(ref.stdout)
    assert 0.3 < ours["quote_recall"] < 1.0 and ours["speaker_accuracy"] < 1.0


def test_perfect_prediction_scores_one():
    gold, texts, persons = evaluate.load_gold(GOLD / "seeds.jsonl", SEEDS)
    metrics = evaluate.score(gold, gold, texts, persons).metrics
    assert metrics["quote_f1"] == metrics["speaker_accuracy"] == metrics["figure_f1"] == 1.0
    assert metrics["meeting_participants"] == metrics["meeting_city"] == 1.0


def test_persons_resolve_aliases_and_variants():
    persons = evaluate.Persons({"Alexander Lukashenko": ["Lukashenka"], "Xi Jinping": ["Xi"]})
    assert persons.resolve("Aleksandr LUKASHENKO") == "Alexander Lukashenko"
    assert persons.resolve("A. Lukashenko") == "Alexander Lukashenko"
    assert persons.resolve("Lukashenka") == "Alexander Lukashenko"
    assert persons.resolve("Olaf Scholz") == "Olaf Scholz"
    assert persons.resolve(None) is None


def test_gold_naming_a_missing_document(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc": "nope.txt", "quotes": []}\n')
    (tmp_path / "persons.json").write_text("{}")
    with pytest.raises(GoldError, match="has no document 'nope.txt'"):
        evaluate.load_gold(gold, tmp_path)


def test_pledge_figures_match_the_reference_scorer(tmp_path):
    """Half the gold pledges kept (some cut to their last words, some with another actor or
    deadline), and a few spans that are no pledge: the reference scorer's figures, exactly."""
    docs = SHARED / "dev2"
    gold, actors = pledgescore.load_pledge_gold(GOLD / "dev2_pledges.jsonl", GOLD / "persons.json")
    texts = {name: (docs / name).read_text("utf-8") for name in gold}
    pred = {}
    for k, (name, pledges) in enumerate(gold.items()):
        kept = [dict(p) for i, p in enumerate(pledges) if (i + k) % 2]
        for i, p in enumerate(kept):
            if i % 3 == 1:
                p["text"] = " ".join(p["text"].split()[-2:])
            if i % 3 == 2:
                p["actor"], p["deadline"] = "both sides", "2031"
        pred[name] = kept + ([{"start": 0, "end": 40, "actor": "Someone"}] if k % 5 == 0 else [])
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps({"doc": n, "pledges": p}) for n, p in pred.items()))
    ours = pledgescore.score_pledges(pred, gold, texts, actors)
    ref = json.loads(subprocess.run(
        [sys.executable, SHARED / "tools" / "score_pledges.py", pred_file, GOLD / "dev2_pledges.jsonl", docs,
         "--json", "--persons", GOLD / "persons.json"], capture_output=True, text=True, check=True).stdout)
    assert 0 < ours["pledge_recall"] < 1 and ours["pledge_precision"] < 1 and ours["pledge_actor_accuracy"] < 1
    assert [round(ours[k], 4) for k in ("pledge_precision", "pledge_recall", "pledge_f1", "pledge_actor_accuracy")] \
        == [ref[k] for k in ("pledge_precision", "pledge_recall", "pledge_f1", "actor_accuracy")]
