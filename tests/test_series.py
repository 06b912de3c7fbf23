"""Series keys: one subject however the sources spell it, and no two subjects as one."""

from __future__ import annotations

import pytest

from summitlog.actors.registry import Registry
from summitlog.linking import series


@pytest.fixture(scope="module")
def registry():
    return Registry.load()


def test_one_subject_however_spelled(registry):
    pair = "Alexander Lukashenko | Vladimir Putin"
    same = {series.key(about, registry, pair) for about in (
        "trade between Russia and Belarus", "Russian-Belarusian trade turnover", "trade", "Russia-Belarus trade volume")}
    assert same == {("trade", "BY", "RU")}


def test_different_subjects_stay_apart(registry):
    pair = "Vladimir Putin | Xi Jinping"
    assert series.key("trade", registry, pair) != series.key("trade", registry, "Alexander Lukashenko | Vladimir Putin")
    assert series.key("growth of trade", registry, pair) != series.key("trade", registry, pair)
    assert series.key(None, registry, pair) == () and series.key("the", registry, pair) == ()


def test_groups_are_one_unit_in_time_order(registry):
    rows = [
        {"about": "trade", "unit": "USD", "value": 5e10, "meeting_date": "2025-09-26", "doc_id": "a", "start": 1},
        {"about": "trade turnover", "unit": "USD", "value": 3.5e10, "meeting_date": "2022-02-18", "doc_id": "b",
         "start": 1},
        {"about": "trade", "unit": "percent", "value": 30, "meeting_date": "2022-02-18", "doc_id": "b", "start": 9},
        {"about": "consultations started", "unit": "year", "value": 2019, "published": "2020-01-01", "doc_id": "c",
         "start": 1},
    ]
    found = series.group(rows, registry, "trade")
    assert [(s.unit, [r["value"] for r in s.figures]) for s in found] == [("USD", [3.5e10, 5e10]), ("percent", [30])]
    assert series.group(rows, registry, "consultations") == []  # calendar years are no series


@pytest.mark.parametrize("russian, english", [
    ("рост товарооборота России и Венгрии", "growth of Russia–Hungary trade turnover"),
    ("объём торговли между Россией и Китаем", "trade volume between Russia and China"),
    ("туристов из Индии", "Indian tourists"),
])
def test_a_russian_subject_keys_the_series_its_english_report_keys(registry, russian, english):
    assert series.key(russian, registry) == series.key(english, registry)
