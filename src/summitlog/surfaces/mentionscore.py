"""Scoring person mentions against a gold set of them (FactRuEval's shape: `persons` with `text`,
`start`, `end` into the file as stored, and `coref`, the person's name in the nominative).

Two figures: how well people are recognised (a mention is found when a predicted PERSON span has
its exact offsets), and how well a found mention is put in the nominative ("Александром
Налбандовым" -> "Александр Налбандов"), which is what lets an inflected name reach the registry.
The page is cleaned before it is read, so the gold's offsets are carried into the clean text
through the two texts' alignment.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from .evaluate import load_rows


def is_mention_gold(path) -> bool:
    """Whether a gold file lists person mentions (a `persons` list on its first row)."""
    rows = load_rows(path)
    first = next(iter(rows.values()), {})
    return isinstance(first.get("persons"), list) and "figures" not in first


def carried(raw: str, clean: str) -> Callable[[int], int | None]:
    """The offset in `clean` of each offset in `raw`, where that character survived cleaning."""
    table: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size + 1):
            table[a + i] = b + i
    return table.get


def same_name(ours: str | None, coref: str | None) -> bool:
    """Whether a mention's nominative is the gold's name: the gold names the person in full
    wherever the page does, so a surname alone ("Путину" -> "Путин") is right when the full
    name ("Владимир Путин") holds each of its words."""
    mine = words(ours)
    return bool(mine) and set(mine) <= set(words(coref))


def words(name: str | None) -> list[str]:
    return (name or "").lower().replace("ё", "е").replace(".", " ").split()


def score_mentions(found: dict[str, list[tuple[int, int, str]]], gold: dict[str, dict[str, Any]],
                   raw: dict[str, str], clean: dict[str, str]) -> dict[str, Any]:
    """`found`: each document's (start, end, nominative) of the people it names, into its clean
    text. Precision and recall of exact spans, and the share of found mentions whose nominative
    is the gold's `coref`."""
    right = named = named_right = predicted = wanted = 0
    for doc, row in gold.items():
        to_clean = carried(raw[doc], clean[doc])
        spans = {(s, e): name for s, e, name in found.get(doc, [])}
        predicted += len(spans)
        for person in row.get("persons", []):
            wanted += 1
            start, end = to_clean(person["start"]), to_clean(person["end"])
            if (start, end) not in spans:
                continue
            right += 1
            if person.get("coref"):
                named += 1
                named_right += same_name(spans[(start, end)], person["coref"])
    precision = right / predicted if predicted else 0.0
    recall = right / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"person_precision": precision, "person_recall": recall, "person_f1": f1,
            "person_nominative_accuracy": named_right / named if named else 0.0,
            "gold_persons": wanted, "predicted_persons": predicted}
