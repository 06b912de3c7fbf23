"""Russian pages: natasha behind the one Page, and Cyrillic names read into the registry's.

Every passage here is written for the test."""

from __future__ import annotations

import json

import pytest

from summitlog.analysis.analyzer import analyze
from summitlog.pipeline import prepare
from summitlog.records import RawInput


@pytest.mark.parametrize("written, name", [
    ("Владимиром Путиным", "Vladimir Putin"),  # instrumental case
    ("Путину", "Vladimir Putin"),  # a surname alone, dative
    ("В.Путин", "Vladimir Putin"),  # an initial glued to the surname
    ("И.Каримов", "Islam Karimov"),  # an initial, a leader known only from the tenure table
    ("Виктором Орбаном", "Viktor Orbán"),  # a surname the dictionary does not know, declined
    ("Джоко Видодо", "Joko Widodo"),  # transliterated sound against a spelling of its own
    ("Нарендрой Моди", "Narendra Modi"),  # a name Russian does not decline
    ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),  # hyphenated given name
    ("Си Цзиньпином", "Xi Jinping"),  # a Chinese name in the Palladius system, declined
    ("Ли Кэцяну", "Li Keqiang"),
    ("Цзян Цзэминь", "Jiang Zemin"),
])
def test_cyrillic_names_resolve_to_the_registrys(analyzer, written, name):
    assert analyzer.registry.resolve(written) == name


@pytest.mark.parametrize("written", ["Бочаров Ручей", "Сергеем Ивановым-Петровским", "Москвой"])
def test_a_cyrillic_name_the_registry_lacks_stays_unknown(analyzer, written):
    assert analyzer.registry.resolve(written) is None


def test_romanised_names_keep_their_gender_and_initials(analyzer):
    romaniser = analyzer.registry.romaniser
    assert romaniser.latin("Анной Смирновой") == "Anna Smirnova"
    assert romaniser.latin("В.Путин") == "V. Putin"
    assert romaniser.latin("Hans Müller") == "Hans Müller"  # Latin letters are kept as written


RUSSIAN_PAGE = """Путин и Каримов провели переговоры

Президент России Владимир Путин провел переговоры с президентом Узбекистана Исламом Каримовым. \
Встреча прошла в доверительной атмосфере.

Стороны обсудили торговлю и энергетику, а также ситуацию в регионе. Каримов поблагодарил \
Путина за приглашение.
"""


def russian_document(text: str):
    return prepare(RawInput(source="t", name="t.txt", content=text, kind="text"), lang="ru")


def test_a_russian_page_is_read_by_natasha_as_a_spacy_page(analyzer):
    doc = russian_document(RUSSIAN_PAGE)
    page = analyzer.read(doc)
    assert page.doc.text == doc.text
    assert {doc.text[a:b] for a, b, _ in page.persons} >= {"Владимир Путин", "Исламом Каримовым"}
    assert {name for _, _, name in page.names} == {"Vladimir Putin", "Islam Karimov"}
    assert all(a < b for a, b in page.sentences) and len(page.sentences) >= 4
    # the parser gives a Universal Dependencies tree: the president is the subject of the talks
    dep, governor = page.syntax(*next(span[:2] for span in page.persons if span[2] == "Владимир Путин"))
    assert dep == "nsubj" and governor == "провел"


def test_a_russian_meeting_names_its_participants_in_english(analyzer):
    found = analyze(russian_document(RUSSIAN_PAGE), analyzer)
    reported = [m for m in found.meetings if m.role == "reported"]
    assert reported and reported[0].participants == ("Islam Karimov", "Vladimir Putin")


def test_a_parse_with_a_loop_is_made_a_tree():
    from summitlog.analysis.russian import acyclic

    looped = [1, 2, 0, 3, 3]  # 0 -> 1 -> 2 -> 0, and 3 its own root
    heads = acyclic(looped)
    assert sum(a != b for a, b in zip(heads, looped)) == 1  # one link of the loop is cut

    def root(i):
        for _ in heads:
            i = heads[i]
        return i
    assert all(heads[root(i)] == root(i) for i in range(len(heads)))
    assert acyclic([0, 0, 1]) == [0, 0, 1]  # a tree is kept as it is


def test_dates_are_read_in_the_pages_language():
    from summitlog.analysis.dates import calendar, find_dates

    found = find_dates("Лидеры встретились 14 марта 2019 года, а вчера говорили по телефону.", "2019-03-20", "ru")
    assert [(d.text, d.value) for d in found] == [("14 марта 2019", "2019-03-14"), ("вчера", "2019-03-19")]
    assert calendar("ru").month_number("октябре") == 10 and calendar("en").month_number("Oct.") == 10
    assert find_dates("Лидеры встретились 14 марта 2019 года.", "2019-03-20") == []  # English reads no Russian month


MENTIONS_PAGE = "Вчера Анна Смирнова  встретилась с Петром Волковым.\nВолкову она подарила книгу.\n"


def test_person_mentions_and_their_nominatives_are_scored(tmp_path, analyzer):
    from summitlog.pipeline import evaluate_gold
    from summitlog.settings import Settings

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(MENTIONS_PAGE, "utf-8")

    def mention(text, name):
        start = MENTIONS_PAGE.index(text)
        return {"text": text, "start": start, "end": start + len(text), "coref": name}
    row = {"doc": "a.txt", "persons": [mention("Анна Смирнова", "Анна Смирнова"),
                                        mention("Петром Волковым", "Петр Волков"),
                                        mention("Волкову", "Петр Волков")]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    metrics = evaluate_gold(gold, tmp_path / "docs", Settings(lang="ru"), analyzer=analyzer).metrics
    assert metrics["gold_persons"] == 3 and metrics["person_recall"] >= 2 / 3
    assert metrics["person_nominative_accuracy"] == 1.0  # "Петром Волковым" -> "Петр Волков"


def test_the_palladius_table_is_the_scripts_output():
    import importlib.util
    from pathlib import Path

    from summitlog.resources import load_lang

    script = Path(__file__).resolve().parent.parent / "scripts" / "palladius.py"
    spec = importlib.util.spec_from_file_location("palladius", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.table() == load_lang("ru", "palladius.json")["syllables"]
    assert module.table()["цзинь"] == "jin" and module.table()["сы"] == "si" and module.table()["си"] == "xi"
