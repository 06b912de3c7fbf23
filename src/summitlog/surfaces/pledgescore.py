"""Scoring predicted pledges against a pledge gold set (../shared/gold/PLEDGES.md).

Mirrors the reference scorer (tools/score_pledges.py) so that `summitlog eval --pledges` prints
the same figures: a gold pledge is found when one prediction covers half its words, a prediction
is right when half its words fall inside gold pledges; then actor and deadline accuracy over the
pledges found. Tests check the two agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import GoldError
from .evaluate import load_rows

WORD = re.compile(r"\w+", re.UNICODE)

BOTH = {"both sides", "both", "both leaders", "the two sides", "two sides", "the two leaders", "two leaders",
        "both countries", "the two countries", "two countries", "both parties", "the two governments",
        "both governments", "the leaders", "leaders"}
CAPITALS = {  # the reference scorer's country aliases
    "united states": {"us", "u s", "usa", "u s a", "america", "united states of america", "washington"},
    "china": {"beijing", "prc", "people s republic of china"},
    "russia": {"moscow", "russian federation", "kremlin"},
    "india": {"new delhi", "delhi"}, "japan": {"tokyo"}, "south korea": {"seoul", "republic of korea", "korea"},
    "north korea": {"pyongyang", "dprk"}, "belarus": {"minsk"}, "turkey": {"turkiye", "türkiye", "ankara"},
    "ukraine": {"kyiv", "kiev"}, "serbia": {"belgrade"}, "azerbaijan": {"baku"},
    "saudi arabia": {"riyadh", "kingdom", "kingdom of saudi arabia"}, "germany": {"berlin"}, "france": {"paris"},
}
PARTICLES = {"bin", "da", "de", "del", "van", "von", "al", "el", "jr", "sr", "the", "mr", "mrs", "ms",
             "president", "prime", "minister", "pm", "dr"}


def norm(text: str | None) -> str:
    text = re.sub(r"[^\w\s]", " ", (text or "").lower().replace("’", "'"))
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def country(name: str) -> str:
    n = norm(name)
    return next((c for c, aliases in CAPITALS.items() if n == c or n in aliases), n)


def significant(name: str) -> list[str]:
    return [t for t in norm(name).split() if t not in PARTICLES and len(t) > 1]


class Actors:
    """Whether a predicted actor names the gold's: the same person (by alias or surname), the same
    country (by a capital), or two parties for 'both sides'."""

    def __init__(self, persons: dict[str, list[str]]) -> None:
        self.alias: dict[str, str] = {}
        for canonical, names in persons.items():
            self.alias[norm(canonical)] = norm(canonical)
            for name in names:
                self.alias.setdefault(norm(name), norm(canonical))

    def same(self, pred: str | None, gold: str | None) -> bool:
        if pred is None or gold is None:
            return pred is None and gold is None
        p, g = norm(pred), norm(gold)
        if not p:
            return False
        if p == g:
            return True
        if g in BOTH:
            return p in BOTH or " and " in f" {p} " or "," in pred
        if country(pred) == country(gold):
            return True
        canonical = self.alias.get(g)
        if canonical is None:
            return False
        if self.alias.get(p) == canonical:
            return True
        mine = significant(pred)
        theirs = significant(gold)
        if not mine:
            return False
        if theirs and mine[-1] == theirs[-1]:
            return True
        every = theirs + [t for a, c in self.alias.items() if c == canonical for t in significant(a)]
        return len(mine) == 1 and mine[0] in every


def spans(items: list[dict[str, Any]], text: str) -> list[tuple[int, int] | None]:
    """Each item's (start, end): its offsets, else the next occurrence of its text."""
    after: dict[str, int] = {}
    out: list[tuple[int, int] | None] = []
    for item in items:
        if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            out.append((item["start"], item["end"]) if item["end"] > item["start"] else None)
            continue
        needle = item.get("text") or ""
        at = text.find(needle, after.get(needle, 0)) if needle else -1
        if at < 0 and needle:
            at = text.find(needle)
        if at < 0:
            out.append(None)
            continue
        after[needle] = at + 1
        out.append((at, at + len(needle)))
    return out


def words_in(span: tuple[int, int] | None, words: list[tuple[int, int]]) -> set[int]:
    if span is None:
        return set()
    return {i for i, (a, b) in enumerate(words) if a < span[1] and b > span[0]}


def same_deadline(pred: str | None, gold: str | None) -> bool:
    """The prediction has the gold's ISO prefix at the gold's precision."""
    if gold is None:
        return True
    return pred is not None and len(str(pred)) >= len(gold) and str(pred).startswith(gold)


def score_pledges(pred: dict[str, list[dict]], gold: dict[str, list[dict]], docs: dict[str, str],
                  actors: Actors) -> dict[str, Any]:
    """Pledge precision, recall, F1, actor and deadline accuracy, as the reference scorer counts them."""
    gold_n = found = pred_n = right = actor_n = actor_ok = due_n = due_ok = 0
    for name, wanted in gold.items():
        text = docs[name]
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        got = pred.get(name, [])
        g_sets = [words_in(s, words) for s in spans(wanted, text)]
        p_sets = [words_in(s, words) for s in spans(got, text)]
        union = set().union(*g_sets)
        for g, g_words in zip(wanted, g_sets):
            gold_n += 1
            cover = [(len(g_words & p) / len(g_words), j) for j, p in enumerate(p_sets)] if g_words else []
            best = max((c for c in cover if c[0] > 0), key=lambda c: (c[0], -c[1]), default=None)
            if best is None or best[0] < 0.5:
                continue
            found += 1
            match = got[best[1]]
            actor_n += 1
            actor_ok += actors.same(match.get("actor"), g.get("actor"))
            if g.get("deadline") is not None:
                due_n += 1
                due_ok += same_deadline(match.get("deadline"), g["deadline"])
        for p_words in p_sets:
            pred_n += 1
            right += bool(p_words) and len(p_words & union) / len(p_words) >= 0.5
    precision = right / pred_n if pred_n else (0.0 if gold_n else 1.0)
    recall = found / gold_n if gold_n else 1.0
    return {
        "pledge_precision": precision, "pledge_recall": recall,
        "pledge_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "pledge_actor_accuracy": actor_ok / actor_n if actor_n else None,
        "pledge_deadline_accuracy": due_ok / due_n if due_n else None,
        "gold_pledges": gold_n, "predicted_pledges": pred_n,
    }


def load_pledge_gold(path: str | Path, persons_file: str | Path) -> tuple[dict[str, list[dict]], Actors]:
    """The pledge gold by document name, and the actor matcher of the persons table."""
    try:
        table = json.loads(Path(persons_file).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{persons_file}: cannot be read as a persons table ({exc})") from None
    return {name: row.get("pledges") or [] for name, row in load_rows(path).items()}, Actors(table)
