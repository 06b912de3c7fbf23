"""The people a text mentions (mentions.py), seen through the speakers of passages written for each case."""

from __future__ import annotations

import pytest

from summitlog.actors.registry import Registry
from summitlog.analysis.mentions import Mentions


@pytest.fixture(scope="module")
def mentions():
    return Mentions(Registry.load())


@pytest.fixture
def quotes(analyze_text):
    return lambda text: [(q.text, q.speaker, q.kind) for q in analyze_text(text).quotes]


def spans(text, *names):
    """(start, end, name) of the first occurrence of each name: what the NER would hand over."""
    return [(text.index(n), text.index(n) + len(n), n) for n in names]


def named(found, text):
    return [(text[m.start:m.end], m.actor) for m in found if m.kind == "name"]


def test_a_person_the_ner_took_for_an_organisation_is_a_person(mentions):
    text = ("Voters lined up. Marla Quennell, a former executive, visited the station. "
            "Later Quennell spoke. Morgan Stanley issued a note.")
    orgs = [(s, e) for s, e, _ in spans(text, "Marla Quennell", "Morgan Stanley")]
    found = mentions.find(text, [], orgs)
    assert named(found, text) == [("Marla Quennell", "Marla Quennell"), ("Quennell", "Marla Quennell")]
    assert [text[m.start:m.end] for m in found if m.kind == "org"] == ["Morgan Stanley"]


def test_a_surname_two_people_share_is_the_family_name_and_a_heading_run_into_a_name_is_no_second_person(mentions):
    text = "Anna Halvorsen and Tom Halvorsen opened a bakery. Halvorsen said so."
    found = mentions.find(text, spans(text, "Anna Halvorsen", "Tom Halvorsen"))
    assert named(found, text)[-1] == ("Halvorsen", "Halvorsen")
    text = "Chris Dale Visits Ohio Plant\n\nChris Dale toured the factory. Dale said so."
    persons = [(0, 28, "Chris Dale Visits Ohio Plant"), *spans(text, "Chris Dale toured")]
    persons[1] = (persons[1][0], persons[1][0] + 10, "Chris Dale")
    found = mentions.find(text, persons)
    assert named(found, text)[-1] == ("Dale", "Chris Dale")


def test_a_quote_of_a_person_the_ner_took_for_an_organisation_is_theirs(quotes):
    text = ("Guy Ashcombe, the group's chief strategist, spoke to donors. "
            "“We are going to win this state,” Ashcombe told them.")
    assert [q[1] for q in quotes(text)] == ["Guy Ashcombe"]


def test_a_word_in_a_speakers_place_after_a_quote_is_a_name_unless_the_text_writes_it_in_lower_case(quotes):
    named = ("The two men spoke at a dinner on Monday.\n\n"
             "“Compare that record to anyone else’s,” Gorvath urged. “Nobody comes close.”")
    assert [q[1] for q in quotes(named)] == ["Gorvath", "Gorvath"]
    common = "The officials met on Monday.\n\n“Yes, the deal is done,” Officials said. “It was hard.”"
    assert [q[1] for q in quotes(common)] == [None, None]
