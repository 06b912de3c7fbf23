"""Meetings on Russian pages: their words, kinds, places, offices and lengths read from the
language's data (passages written for these tests)."""

from __future__ import annotations

import pytest

from summitlog.analysis.analyzer import analyze
from summitlog.analysis.meetings import MeetingFinder
from summitlog.analysis.offices import OfficeFinder
from summitlog.analysis.places import Gazetteer, elsewhere
from summitlog.pipeline import prepare
from summitlog.records import RawInput


@pytest.fixture
def meeting(analyzer):
    def run(text: str, published: str | None = None):
        raw = RawInput(source="t", name="t.txt", content=text, kind="text", published=published)
        found = [m for m in analyze(prepare(raw, lang="ru"), analyzer).meetings if m.role == "reported"]
        return found[0] if found else None
    return run


@pytest.fixture(scope="module")
def gazetteer(analyzer):
    return Gazetteer.load("ru", analyzer.registry.romaniser)


@pytest.mark.parametrize(
    "text, name, city",
    [
        ("Гости прибыли в Ташкент.", "Tashkent", "Tashkent"),
        ("Переговоры прошли в Ташкенте.", "Tashkent", "Tashkent"),
        ("Делегация вернулась из Душанбе.", "Dushanbe", "Dushanbe"),
        ("Встреча состоялась в Кремле.", "Kremlin", "Moscow"),  # the venue's Russian name is data
        ("Лидеры побеседовали в Ново-Огарёве.", "Novo-Ogaryovo", "Moscow"),  # by its Latin spelling
        ("Их принимали в резиденции Бочаров Ручей.", "Bocharov Ruchey", "Sochi"),  # two words, by their sound
        ("Форум открылся в Санкт-Петербурге.", "Saint Petersburg", "Saint Petersburg"),
        ("Беседа прошла в Константиновском дворце.", "Konstantinovsky Palace", "Saint Petersburg"),  # adjective and noun
    ],
)
def test_places_in_any_case_are_the_gazetteers(gazetteer, text, name, city):
    found = gazetteer.find(text)
    assert [(p.name, p.city) for p in found] == [(name, city)]
    assert text[found[0].start:found[0].end][0].isupper()


def test_words_that_are_no_place_are_not_taken_for_one(gazetteer):
    assert gazetteer.find("Стороны обсудили торговлю, энергетику и туризм.") == []
    assert gazetteer.find("Владимир Путин и Александр Лукашенко") == []
    # a country's name is the country's, not its capital's
    assert gazetteer.find("Делегация Бразилии прибыла.") == []
    # a word of a person's name is no place, though a city shares it
    text = "Министр Ли Кан выступил."
    assert [p.name for p in gazetteer.find(text)] == ["Cannes"]
    start = text.index("Ли Кан")
    assert gazetteer.find(text, [(start, start + len("Ли Кан"), "Ли Кан")]) == []


def test_a_place_the_leaders_travel_on_to_is_another_events(gazetteer):
    text = "После переговоров президент отправился в Астану на форум."
    place = next(p for p in gazetteer.find(text) if p.name == "Astana")
    assert elsewhere(text, place.start, place.end, None, [], "ru")


@pytest.mark.parametrize(
    "text, when, holder, written",
    [
        ("Путин провел переговоры с президентом Узбекистана.", "2012-05-01", "Islam Karimov", False),
        ("Путин провел переговоры с президентом Узбекистана.", "2019-05-01", "Shavkat Mirziyoyev", False),
        ("Он позвонил премьер-министру Венгрии Виктору Орбану.", "2019-05-01", "Viktor Orbán", True),
        ("Визит Президента Федеративной Республики Германия начался.", "2011-05-01", "Christian Wulff", False),
    ],
)
def test_offices_in_any_case_resolve_to_their_holder(analyzer, text, when, holder, written):
    found = OfficeFinder(analyzer.registry, "ru").find(text, when)
    assert [(o.name, o.written) for o in found] == [(holder, written)]


def test_a_former_holder_is_not_the_office(analyzer):
    assert OfficeFinder(analyzer.registry, "ru").find("Он встретился с бывшим президентом Узбекистана.", "2019-05-01") == []


def test_a_leader_addressed_by_given_name_and_patronymic(analyzer):
    finder = MeetingFinder(analyzer.registry, lang="ru")
    assert finder.addressed("Дмитрий Анатольевич", "2010") == "Dmitry Medvedev"
    assert finder.addressed("Дмитрий Петров", "2010") is None  # a surname, not a patronymic


def test_talks_in_a_city_named_in_the_locative(meeting):
    found = meeting("Путин провел переговоры с Лукашенко в Минске\n\n"
                    "Президент России Владимир Путин провел переговоры с президентом Белоруссии "
                    "Александром Лукашенко в Минске. Стороны обсудили торговлю.\n")
    assert found.participants == ("Alexander Lukashenko", "Vladimir Putin")
    assert (found.kind, found.city, found.country) == ("talks", "Minsk", "BY")


def test_a_reception_in_the_kremlin_is_in_moscow(meeting):
    found = meeting("Путин принял Моди\n\nВладимир Путин принял в Кремле премьер-министра Индии Нарендру Моди. "
                    "Лидеры обсудили поставки энергоносителей.\n")
    assert found.participants == ("Narendra Modi", "Vladimir Putin")
    assert (found.city, found.venue) == ("Moscow", "Kremlin")


def test_a_telephone_conversation_is_a_call_without_a_city(meeting):
    found = meeting("Путин и Эрдоган обсудили ситуацию в регионе\n\n"
                    "Состоялся телефонный разговор Владимира Путина с президентом Турции Реджепом Тайипом Эрдоганом. "
                    "Ранее лидеры встречались в Сочи.\n")
    assert found.participants == ("Recep Tayyip Erdogan", "Vladimir Putin")
    assert (found.kind, found.city) == ("call", None)


def test_an_informal_meeting(meeting):
    found = meeting("Неформальная встреча Путина и Лукашенко\n\nВладимир Путин и Александр Лукашенко провели "
                    "неформальную встречу на Валааме. Лидеры осмотрели монастырь.\n")
    assert found.kind == "informal"
    assert found.city is None and found.region == "Republic of Karelia"


@pytest.mark.parametrize(
    "sentence, minutes, approximate",
    [
        ("Переговоры продолжались четыре часа.", 240, False),
        ("Переговоры длились около полутора часов.", 90, True),
        ("Встреча продолжалась 40 минут.", 40, False),
        ("Переговоры продолжались два с половиной часа.", 150, False),
    ],
)
def test_durations_in_russian(meeting, sentence, minutes, approximate):
    found = meeting("Путин и Алиев провели переговоры\n\nВладимир Путин провел переговоры с президентом "
                    f"Азербайджана Ильхамом Алиевым. {sentence}\n")
    assert (found.duration_minutes, found.duration_approximate) == (minutes, approximate)


def test_a_ride_before_the_talks_is_not_their_length(meeting):
    found = meeting("Путин и Алиев провели переговоры\n\nВладимир Путин провел переговоры с президентом "
                    "Азербайджана Ильхамом Алиевым. До начала переговоров лидеры около 30 минут ехали в автомобиле.\n")
    assert found.duration_minutes is None


def test_a_leader_named_by_title_only(meeting):
    found = meeting("Путин провел переговоры с президентом Узбекистана\n\nПрезидент России Владимир Путин провел "
                    "переговоры с президентом Узбекистана. Стороны обсудили торговлю.\n", published="2013-04-15")
    assert found.participants == ("Islam Karimov", "Vladimir Putin")


def test_today_is_the_pages_day(meeting):
    found = meeting("Путин встретился с Орбаном\n\nВладимир Путин сегодня встретился с премьер-министром Венгрии "
                    "Виктором Орбаном.\n", published="2016-02-17")
    assert found.date == "2016-02-17"


def test_the_day_of_a_journey_is_not_the_talks(meeting):
    found = meeting("Переговоры Алиева и Токаева начались в Астане\n\n"
                    "Переговоры Ильхама Алиева и Касым-Жомарта Токаева начались в Астане.\n\n"
                    "Ильхам Алиев вечером 14 марта прибыл в казахстанскую столицу.\n")
    assert (found.kind, found.city, found.date) == ("talks", "Astana", None)
    dated = meeting("Переговоры Алиева и Токаева прошли в Астане 15 марта\n\n"
                            "Переговоры Ильхама Алиева и Касым-Жомарта Токаева прошли в Астане 15 марта.\n\n"
                            "Ильхам Алиев вечером 14 марта прибыл в казахстанскую столицу.\n")
    assert dated.date == "--03-15"


def test_a_planned_meeting_is_no_meeting(meeting):
    assert meeting("Путин и Орбан встретятся\n\nВладимир Путин и Виктор Орбан проведут переговоры в следующем "
                   "месяце, предстоящая встреча готовится.\n") is None


@pytest.mark.parametrize(
    "text",
    [
        # two leaders named side by side, no meeting of theirs
        "Президент Дмитрий Медведев и премьер-министр Владимир Путин выразили соболезнования семье писателя.\n\n"
        "Писатель скончался в больнице после долгой болезни.",
        # "приняли" of a law or an appeal is no reception
        "Депутаты областного собрания по предложению Дмитрия Медведева приняли обращение к премьеру Владимиру Путину "
        "о переходе на летнее время.\n\nОбращение направлено в правительство.",
        # a discussion in a debate is no meeting of the two
        "Премьер-министр Сильвио Берлускони и его соперник Романо Проди заменили обсуждение программ "
        "взаимными упрёками.\n\nДо выборов осталась неделя.",
        # on the eve of someone else's visit
        "Премьер-министр Японии Наото Кан накануне визита министра иностранных дел в Москву заявил, что будет "
        "добиваться своего от Дмитрия Медведева.\n\nЗаявление прозвучало на митинге.",
    ],
)
def test_leaders_named_together_without_a_meeting_of_theirs_report_none(meeting, text):
    assert meeting(text) is None


def test_a_leader_received_by_another_is_a_meeting(meeting):
    found = meeting("Владимир Путин принял в Кремле президента Узбекистана Шавката Мирзиёева.\n\n"
                    "Стороны обсудили торговлю и энергетику.")
    assert found is not None and set(found.participants) == {"Vladimir Putin", "Shavkat Mirziyoyev"}
