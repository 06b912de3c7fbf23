"""Russian quotes and speakers: transcript labels, «…» with a dash or a colon, official statements.

Every passage here is written for the test; the finder reads data/lang/ru like the English one."""

from __future__ import annotations

import pytest

from summitlog.analysis.analyzer import analyze
from summitlog.pipeline import prepare
from summitlog.records import RawInput
from summitlog.resources import load_lang


@pytest.fixture
def quotes(analyzer):
    def run(text: str):
        doc = prepare(RawInput(source="t", name="t.txt", content=text, kind="text"), lang="ru")
        return [(q.text, q.speaker, q.kind) for q in analyze(doc, analyzer).quotes]
    return run


TRANSCRIPT = """В.Путин: Добрый день, уважаемые коллеги!

Рад снова видеть вас в Москве. Нам предстоит обсудить много тем.

Прежде всего это торговля и энергетика.

И.Каримов: Спасибо за приглашение.

Мы готовы работать над всеми вопросами вместе.
"""


def test_labels_with_initials_open_turns_that_run_to_the_next_label(quotes):
    found = quotes(TRANSCRIPT)
    assert [speaker for _, speaker, _ in found] == ["Vladimir Putin"] * 3 + ["Islam Karimov"] * 2
    assert found[0][0] == "Добрый день, уважаемые коллеги!"  # the label is not part of the turn
    assert {kind for *_, kind in found} == {"turn"}


def test_a_label_with_initials_on_the_first_line_is_no_headline(quotes):
    found = quotes("Д.Медведев: Уважаемые дамы и господа!\n\nМы провели хорошие переговоры.\n")
    assert [speaker for _, speaker, _ in found] == ["Dmitry Medvedev", "Dmitry Medvedev"]


def test_a_page_cut_after_a_word_and_a_paragraph_printed_again_are_no_speech(quotes):
    text = ("В.Путин: Уважаемые коллеги!\n\nНаши отношения развиваются очень хорошо во всех областях.\n\n"
            "Наши отношения развиваются очень хорошо во\n\nВ на")
    assert [q for q, _, _ in quotes(text)] == [
        "Уважаемые коллеги!", "Наши отношения развиваются очень хорошо во всех областях."]


@pytest.mark.parametrize("text", [
    "«Мы довольны тем, как развиваются наши отношения», — сказал Владимир Путин журналистам.",
    "Владимир Путин заявил: «Мы довольны тем, как развиваются наши отношения».",
    "Владимир Путин прибыл в Ташкент. «Мы довольны тем, как развиваются наши отношения», — отметил он.",
])
def test_a_speech_verb_after_a_dash_or_before_a_colon_names_the_speaker(quotes, text):
    found = quotes(text)
    assert [(q, who) for q, who, _ in found] == [
        ("Мы довольны тем, как развиваются наши отношения", "Vladimir Putin")]


def test_a_pronoun_speaker_agrees_in_gender_with_the_person_it_stands_for(quotes):
    text = ("Ангела Меркель встретилась с Владимиром Путиным в Сочи. "
            "«Мы обсудили газовые поставки и положение на Украине», — сказала она после встречи.")
    assert [(q, who) for q, who, _ in quotes(text)] == [
        ("Мы обсудили газовые поставки и положение на Украине", "Angela Merkel")]


def test_a_descriptor_of_a_leader_resolves_by_its_country(quotes):
    text = ("Владимир Путин провел переговоры с Исламом Каримовым в Ташкенте.\n\n"
            "Президент Узбекистана подчеркнул, что «все наши планы будут выполнены в срок».")
    assert [(q, who) for q, who, _ in quotes(text)] == [
        ("все наши планы будут выполнены в срок", "Islam Karimov")]


def test_words_of_an_official_statement_have_no_speaker(quotes):
    text = ("Владимир Путин провел телефонный разговор с Джоко Видодо. "
            "«Стороны обсудили сотрудничество в области энергетики и транспорта», — говорится в сообщении.")
    assert [(q, who) for q, who, _ in quotes(text)] == [
        ("Стороны обсудили сотрудничество в области энергетики и транспорта", None)]


def test_a_photo_caption_under_a_name_is_no_speaker_label(quotes):
    text = ("Владимир Путин. Фото: агентство\n\n"
            "Президент провел совещание с членами правительства по вопросам экономики.\n\n"
            "Обсуждались вопросы бюджета на следующий год.\n")
    assert quotes(text) == []


def test_a_cyrillic_place_is_a_place(analyzer):
    assert analyzer.registry.place("Бочаров Ручей")
    assert not analyzer.registry.place("Владимир Путин")


def test_each_language_has_the_data_files_of_the_other(analyzer):
    for name in ("cues.json", "labels.json", "outlets.json", "mentions.json"):
        assert set(load_lang("en", name)) == set(load_lang("ru", name)), name


def test_a_person_the_registry_lacks_is_named_in_the_nominative_in_latin_letters(quotes):
    text = "По словам Бориса Громова, «наша партия будет участвовать в выборах в следующем году»."
    assert [who for _, who, _ in quotes(text)] == ["Boris Gromov"]


def test_an_organisation_in_the_genitive_names_whose_words_they_are_not_who_speaks(quotes):
    text = "Представители Газпрома заявили: «Поставки газа в Европу будут продолжены в полном объеме»."
    assert [who for _, who, _ in quotes(text)] == [None]


def test_a_label_with_a_title_and_a_full_name_opens_a_turn(quotes):
    text = ("Президент России Владимир Путин: Добрый день! Рад приветствовать вас.\n\n"
            "Президент Узбекистана Ислам Каримов: Спасибо за приглашение.\n\nСогласен с Вами.\n")
    assert [who for _, who, _ in quotes(text)] == ["Vladimir Putin", "Islam Karimov", "Islam Karimov"]


def test_low_quotes_and_a_head_of_state_after_the_dash(quotes):
    text = ("Реджеп Тайип Эрдоган встретился с Владимиром Путиным в Анкаре. Путин заявил: „Мы будем строить "
            "станцию вместе“. „Проект очень важен для обеих стран“, — добавил глава государства.")
    assert [(q, who) for q, who, _ in quotes(text)] == [("Мы будем строить станцию вместе", "Vladimir Putin"),
                                                       ("Проект очень важен для обеих стран", "Vladimir Putin")]


def test_a_leader_named_by_a_demonym_in_any_case(quotes):
    text = ("Реджеп Тайип Эрдоган прибыл в Москву на переговоры с Владимиром Путиным.\n\n"
            "«Мы рассчитываем на новые контракты», — сказал турецкий президент.\n\n"
            "По словам российского лидера, «товарооборот между странами вырос на треть».")
    assert [who for _, who, _ in quotes(text)] == ["Recep Tayyip Erdogan", "Vladimir Putin"]
