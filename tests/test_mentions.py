"""The people a text mentions (mentions.py), seen through the speakers of passages written for each case."""

from __future__ import annotations

import pytest


@pytest.fixture
def quotes(analyze_text):
    return lambda text: [(q.text, q.speaker, q.kind) for q in analyze_text(text).quotes]


@pytest.mark.parametrize("text, speaker", [
    # the NER takes a surname, or a whole name, for an organisation
    ("Voters lined up for hours. Carly Fiorina, a former executive, visited the polling station.\n\n"
     "“Nobody should wait this long to vote,” Fiorina said.", "Carly Fiorina"),
    ("Sean Hannity said on his show that the race was far from over. "
     "Hannity added: “Nobody should count him out yet.”", "Sean Hannity"),
    ("Guy Cecil, the group's chief strategist, spoke to donors. “We are going to win this state,” Cecil told them.",
     "Guy Cecil"),
    # a heading the NER ran into the name does not make the surname ambiguous
    ("Chris Dale Visits Ohio Plant\n\nChris Dale toured the factory on Monday with local officials.\n\n"
     "“This is a great day for the workers here,” Dale said.", "Chris Dale"),
    # two people of one family: the family name, not nobody
    ("Anna Ebeling and her husband Tom Ebeling opened the bakery in 1998.\n\n"
     "“We never thought it would last this long,” Ebeling said.", "Ebeling"),
])
def test_a_person_the_ner_took_for_an_organisation_or_shares_a_surname_speaks(quotes, text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


def test_a_word_in_a_speakers_place_after_a_quote_is_a_name_unless_the_text_writes_it_in_lower_case(quotes):
    named = ("The two men spoke at a dinner on Monday.\n\n"
             "“Compare that record to anyone else’s,” Gorvath urged. “Nobody comes close.”")
    assert [q[1] for q in quotes(named)] == ["Gorvath", "Gorvath"]
    common = "The officials met on Monday.\n\n“Yes, the deal is done,” Officials said. “It was hard.”"
    assert [q[1] for q in quotes(common)] == [None, None]
