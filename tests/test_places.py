"""Whose place a city named in a text is: the meeting's, or another event's."""

from __future__ import annotations

import pytest

from summitlog.analysis.dates import find_dates
from summitlog.analysis.places import elsewhere, spoken_here


def place_in(text: str, city: str) -> tuple[int, int]:
    start = text.index(city)
    return start, start + len(city)


@pytest.mark.parametrize(
    "text, city, day, other",
    [
        ("The two leaders held talks in Lusaka on Monday.", "Lusaka", "2024-05-06", False),
        ("They reviewed the work of the commission in Lusaka.", "Lusaka", "2024-05-06", True),
        ("They met on the sidelines of the energy forum in Lusaka.", "Lusaka", "2024-05-06", False),
        ("They recalled the summit, which was held in Lusaka on March 2.", "Lusaka", "2024-05-06", True),
        ("The leaders, who met in Lusaka on May 6, signed a treaty.", "Lusaka", "2024-05-06", False),
        ("Both hailed the Lusaka process.", "Lusaka", "2024-05-06", True),
        # a month just after the place: another month is another event; without the meeting's
        # day it may be the meeting's own
        ("He welcomed his guest in Lusaka in March.", "Lusaka", "2024-05-06", True),
        ("He welcomed his guest in Lusaka in May.", "Lusaka", "2024-05-06", False),
        ("He welcomed his guest in Lusaka in May.", "Lusaka", None, False),
        ("He welcomed his guest in Lusaka last May.", "Lusaka", None, True),
        ("They agreed to meet again in Lusaka in 2019.", "Lusaka", "2024-05-06", True),
        # a weekday read against the page's date: the day before the talks is another event's
        ("The president arrived in Lusaka on Monday.", "Lusaka", "2024-05-07", True),
        ("The presidents held talks in Lusaka on Tuesday.", "Lusaka", "2024-05-07", False),
    ],
)
def test_another_events_place(text, city, day, other):
    start, end = place_in(text, city)
    assert elsewhere(text, start, end, day, find_dates(text, day)) is other


@pytest.mark.parametrize(
    "text, here",
    [
        ("Mr President, let me welcome you warmly to Lusaka.", True),
        ("I am glad to be in Lusaka again.", True),
        ("Thank you for coming to Lusaka.", True),
        ("Our engineers are building a bridge in Lusaka.", False),
        # a time of now opening the sentence: the speaker is there; an earlier time is a trip
        ("We welcome our guests. This week, in Lusaka the jacarandas are in bloom.", True),
        ("I was in Ndola earlier this week, in Lusaka on Monday.", False),
    ],
)
def test_a_speaker_names_where_they_speak(text, here):
    assert spoken_here(text, text.index("Lusaka")) is here
