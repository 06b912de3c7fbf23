"""Russian pledges: the same finder as English, reading the words of data/lang/ru/pledges.json,
run through the real analyzer on passages written here (a meeting in Moscow on a known date)."""

from __future__ import annotations

import pytest

from summitlog.analysis.analyzer import analyze
from summitlog.analysis.pledges import resolve_deadline
from summitlog.pipeline import prepare
from summitlog.records import RawInput

MEETING = "Президент России Владимир Путин провёл переговоры с премьер-министром Индии Нарендрой Моди в Москве. "


def russian_pledges(analyzer, text: str):
    raw = RawInput(source="t", name="t.txt", content=MEETING + text, kind="text", published="2026-06-10")
    return list(analyze(prepare(raw, lang="ru"), analyzer).pledges)


def test_an_agreement_with_its_deadline_resolved_against_the_meeting(analyzer):
    pledges = russian_pledges(analyzer, "Стороны договорились до конца года запустить совместную рабочую группу по энергетике.")
    assert len(pledges) == 1, pledges
    pledge = pledges[0]
    assert pledge.text.startswith("договорились") and pledge.text.endswith("по энергетике")
    assert pledge.actors == ("Narendra Modi", "Vladimir Putin")  # both sides act
    assert (pledge.deadline_text, pledge.deadline) == ("до конца года", "2026-12-31")


@pytest.mark.parametrize(
    "text, actors, deadline",
    [
        ("Россия и Индия намерены довести товарооборот до ста миллиардов долларов к 2030 году.", ("India", "Russia"), "2030"),
        ("Россия будет поставлять Индии зерно в следующем году.", ("Russia",), "2027"),
        ("Индийская сторона будет закупать российские самолёты.", ("India",), None),
        ("Моди планирует посетить Россию в сентябре.", ("Narendra Modi",), "2026-09"),
        ("Казахстан и Киргизия намерены построить новую железную дорогу к 2030 году.", ("Kazakhstan", "Kyrgyzstan"),
         "2030"),  # countries in the nominative, from the language's list
        ("«Условлено, в частности, расширить обмен студентами», — говорится в сообщении.",
         ("Narendra Modi", "Vladimir Putin"), None),  # impersonal: the meeting's parties agreed
    ],
)
def test_a_commitment_names_the_party_that_must_act(analyzer, text, actors, deadline):
    pledges = russian_pledges(analyzer, text)
    assert [(p.actors, p.deadline) for p in pledges] == [(actors, deadline)]


@pytest.mark.parametrize(
    "text",
    [
        "«Мы надеемся, что Россия будет поставлять Индии больше удобрений», — сказал Моди.",  # a hope
        "Путин сказал, что Россия будет готова поставлять Индии удобрения.",  # a willingness
        "Россия готова построить в Индии ещё один завод.",
        "В 2015 году Россия построила в Индии атомную электростанцию.",  # a past act
        "Стороны не намерены повышать пошлины на сталь.",  # negated
        "Если Индия откроет рынок, Россия будет поставлять больше зерна.",  # a condition
        "Судьба проекта Индии будет решаться в Москве.",  # a country in the genitive is no subject
        "Стороны намерены обменяться мнениями о ситуации в регионе.",  # the meeting's own talk
    ],
)
def test_no_pledge(analyzer, text):
    assert russian_pledges(analyzer, text) == []


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("до конца 2030 года", "2030-12-31"),
        ("до 2030 года", "2030"),
        ("в следующем году", "2027"),
        ("в апреле", "2027-04"),
        ("к 15 апреля", "2027-04-15"),
        ("в течение двух лет", "2028-06-09"),
    ],
)
def test_a_russian_deadline_resolves_against_the_meeting_date(phrase, value):
    assert resolve_deadline(phrase, "2026-06-10", lang="ru") == value


def test_each_action_of_an_agreement_is_a_record(analyzer):
    pledges = russian_pledges(analyzer, "Стороны договорились построить новый мост через реку и открыть два консульства.")
    assert [p.text for p in pledges] == ["договорились построить новый мост через реку", "открыть два консульства"]
    assert {p.actors for p in pledges} == {("Narendra Modi", "Vladimir Putin")}
