"""Russian figures: units in their cases, scales and the decimal comma, number words, dates and
clock times that are no figures, read through the real analyzer on passages written here."""

from __future__ import annotations

import pytest

from summitlog.analysis.analyzer import analyze
from summitlog.analysis.figures import parse_number
from summitlog.analysis.numbers import numbers
from summitlog.pipeline import prepare
from summitlog.records import RawInput


def russian_figures(analyzer, text: str):
    doc = prepare(RawInput(source="t", name="t.txt", content=text, kind="text"), lang="ru")
    return list(analyze(doc, analyzer).figures)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Объем торговли за год вырос на 18 процентов.", 18, "percent"),
        ("Доля экспорта достигла 40%.", 40, "percent"),
        ("Инфляция составила 7,5 процента.", 7.5, "percent"),
        ("Товарооборот превысил 12 миллиардов долларов.", 1.2e10, "USD"),
        ("Кредит на 3,2 млрд рублей уже одобрен.", 3.2e9, "RUB"),
        ("Фонд получит 400 млн евро.", 4e8, "EUR"),
        ("Проект стоит 2 млрд долларов США.", 2e9, "USD"),
        ("В мероприятии участвовали 75 тысяч человек.", 7.5e4, "count"),
        ("На выставку приехали 2 500 гостей.", 2500, "count"),
        ("Компания доставила 1,4 млн пассажиров.", 1.4e6, "count"),
        ("Стороны подписали двенадцать документов.", 12, "count"),
        ("Беседа длилась три часа.", 180, "minutes"),
        ("Переговоры шли более пяти часов.", 300, "minutes"),
        ("Разговор продолжался полтора часа.", 90, "minutes"),
        ("Они общались два с половиной часа.", 150, "minutes"),
        ("Трехчасовые переговоры закончились вечером.", 180, "minutes"),
        ("Президент прибыл с двухдневным визитом.", 2, "days"),
        ("Соглашение заключено на 10 лет.", 10, "years"),
        ("Скоро отметят 45-летие основания города.", 45, "years"),
        ("Рост был зафиксирован в 2019 году.", 2019, "year"),
        ("Это их пятая встреча за последние годы.", 5, "count"),
        ("Министр дважды приезжал в столицу.", 2, "count"),
        ("Урожай составил 300 тысяч тонн.", 3e5, "tonnes"),
    ],
)
def test_a_russian_figure_is_read_with_its_unit(analyzer, text, value, unit):
    found = [(f.value, f.unit) for f in russian_figures(analyzer, text)]
    assert any(abs(v - value) <= 1e-6 * max(1, value) and u == unit for v, u in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Встреча состоялась 14 марта в Москве.",
        "Делегация прилетела 3 октября 2022 года.",
        "Переговоры начались в 11:30 по местному времени.",
        "Церемония назначена на 18 часов.",
        "Лидеры двух стран обменялись мнениями.",
        "Суд применил статью 205 кодекса.",
        "Документ подписан 05.06.2021 в Кремле.",
    ],
)
def test_dates_times_parties_and_labels_are_no_russian_figures(analyzer, text):
    assert russian_figures(analyzer, text) == []


def test_a_range_is_its_lower_bound_and_a_ratio_with_a_fraction_no_count(analyzer):
    found = [(f.value, f.unit) for f in russian_figures(analyzer, "Ждали четыре-пять минут, цены выросли в 1,5 раза.")]
    assert found == [(4, "minutes")]


def test_a_year_word_after_a_year_names_a_calendar_year_not_a_span(analyzer):
    found = [(f.value, f.unit) for f in russian_figures(analyzer, "Крепость построили в 1710 году, за 3 года.")]
    assert found == [(1710, "year"), (3, "years")]


def test_a_russian_figure_is_about_what_it_counts_or_the_subject_of_its_verb(analyzer):
    found = {f.text: f.about for f in russian_figures(
        analyzer, "Объем инвестиций составил 5 млрд долларов. На форум приехали 800 предпринимателей из Азии.")}
    assert "Объем инвестиций" in found["5 млрд долларов"]
    assert "предпринимателей" in found["800 предпринимателей"]


@pytest.mark.parametrize(
    "text, lang, value",
    [("2,4 млн", "ru", 2.4e6), ("110 000", "ru", 1.1e5), ("двести пятьдесят три", "ru", 253),
     ("6,3 миллиона", "ru", 6.3e6), ("1,800", "en", 1800), ("twenty-five", "en", 25)],
)
def test_numbers_are_parsed_as_each_language_writes_them(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)
    assert numbers(lang).parse(text) == pytest.approx(value)
