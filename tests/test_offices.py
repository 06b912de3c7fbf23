"""Office-holders by day from the tenure table, and offices named in text resolved for a date."""

from __future__ import annotations

import pytest

from summitlog.actors.registry import Registry
from summitlog.analysis.offices import OfficeFinder
from summitlog.errors import SummitlogError

TABLE_HEAD = "country_iso3,country,office,name,aliases,start,end,wikidata,source\n"


@pytest.fixture(scope="module")
def registry():
    return Registry.load()


@pytest.fixture(scope="module")
def offices(registry):
    return OfficeFinder(registry)


@pytest.mark.parametrize(
    "country, office, when, holder",
    [
        ("UZ", "state", "2010-06-10", "Islam Karimov"),
        ("UZ", "state", "2019-06-17", "Shavkat Mirziyoyev"),
        ("CA", "government", "2010-05-01", "Stephen Harper"),
        ("JP", "government", "2017-04-27", "Shinzo Abe"),
        ("RU", "state", "2010-01-01", "Dmitry Medvedev"),
        ("RU", "state", "2013-01-01", "Vladimir Putin"),
        ("GB", "state", "2010-01-01", "Elizabeth II"),
    ],
)
def test_the_holder_of_an_office_on_a_day(registry, country, office, when, holder):
    assert registry.holder(country, office, when) == [holder]


def test_the_curated_registry_takes_the_tables_days(registry):
    putin = registry.actors["Vladimir Putin"]
    assert not any(r.held_in("2010-06-01") and r.title == "president" for r in putin.roles)
    assert any(r.held_in("2010-06-01") and r.title == "prime minister" for r in putin.roles)


@pytest.mark.parametrize(
    "text, when, found",
    [
        ("Talks with the President of Uzbekistan took place in Samarkand.", "2010-06-10", ["Islam Karimov"]),
        ("Talks with the President of Uzbekistan took place in Samarkand.", "2019-06-10", ["Shavkat Mirziyoyev"]),
        ("The Canadian prime minister arrived late.", "2010-03-02", ["Stephen Harper"]),
        ("A call with Prime Minister of Italy Giuseppe Conte followed.", "2020-05-08", ["Giuseppe Conte"]),
        ("The Vice President of China and the former President of Ukraine toured the plant.", "2019-06-10", []),
        ("He met the President of the Russian Academy of Sciences.", "2019-06-10", []),
    ],
)
def test_offices_in_text_resolve_for_the_date(offices, text, when, found):
    assert [o.name for o in offices.find(text, when)] == found


def test_a_name_after_the_office_picks_among_its_holders_and_keeps_the_pages_spelling(offices):
    (office,) = offices.find("A call with President of Kyrgyzstan Almazbek Atambayev followed.", "2016-03-02")
    assert office.name == "Almazbek Atambayev" and office.written


def test_an_undated_page_resolves_an_office_only_to_someone_it_names(offices):
    text = "In Seoul, Lee met the Japanese prime minister."
    assert offices.find(text, None) == []
    (office,) = offices.find(text, None, frozenset({"Shigeru Ishiba"}))
    assert office.name == "Shigeru Ishiba"


def test_a_users_tenure_table_replaces_the_shipped_one(tmp_path):
    table = tmp_path / "leaders.csv"
    table.write_text(TABLE_HEAD + "UZB,Uzbekistan,head_of_state,Karel Novak,,2001-01-01,2030-01-01,Q1,mine\n")
    registry = Registry.load(table)
    assert registry.holder("UZ", "state", "2010-06-10") == ["Karel Novak"]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("UZB,Uzbekistan,head_of_state,Karel Novak,,2016-13-01,,Q1,x", "'2016-13-01' is not a date"),
        ("UZB,Uzbekistan,head_of_state,Karel Novak,,2016-01-01,2010-01-01,Q1,x", "ends (2010-01-01) before it starts"),
        ("UZB,Uzbekistan,monarch,Karel Novak,,2016-01-01,,Q1,x", "neither head_of_state nor head_of_government"),
        ("UZB,Uzbekistan,head_of_state,Karel Novak,,,,Q1,x", "needs a start date"),
    ],
)
def test_a_malformed_tenure_row_is_one_line_naming_file_and_line(tmp_path, row, problem):
    table = tmp_path / "leaders.csv"
    table.write_text(TABLE_HEAD + row + "\n")
    with pytest.raises(SummitlogError) as caught:
        Registry.load(table)
    message = str(caught.value)
    assert message.startswith(f"{table}:2: ") and problem in message and "\n" not in message


def test_overlapping_spells_of_one_person_become_one_tenure(tmp_path):
    table = tmp_path / "leaders.csv"
    table.write_text(TABLE_HEAD
                     + "UZB,Uzbekistan,head_of_state,Karel Novak,,2001-01-01,2008-01-01,Q1,x\n"
                     + "UZB,Uzbekistan,head_of_state,Karel Novak,,2007-06-01,2012-01-01,Q1,x\n")
    roles = Registry.load(table).actors["Karel Novak"].roles
    assert [(r.start, r.end) for r in roles] == [("2001-01-01", "2012-01-01")]


def test_a_file_that_is_not_a_tenure_table(tmp_path):
    table = tmp_path / "other.csv"
    table.write_text("a,b\n1,2\n")
    with pytest.raises(SummitlogError, match="not a tenure table"):
        Registry.load(table)
