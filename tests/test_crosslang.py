"""One meeting across languages: a Russian report and its English rendering in one Event, their
statements aligned in order, and a number the rendering changed flagged against the original."""

from __future__ import annotations

from summitlog import pipeline
from summitlog.actors.registry import Registry
from summitlog.linking import crosslang
from summitlog.linking.link import ACROSS
from summitlog.settings import Settings
from summitlog.surfaces import exports, reader

RUSSIAN = """Владимир Путин провёл переговоры с премьер-министром Венгрии Виктором Орбаном в Кремле.

В.Путин: Уважаемый господин Премьер-министр! Рад приветствовать Вас в Москве.
Товарооборот между нашими странами в прошлом году вырос на 18 процентов, и мы видим хорошие перспективы в энергетике.
Мы также обсудим строительство новых энергоблоков атомной станции и поставки газа.

В.Орбан: Спасибо, господин Президент. Мы очень ценим наше сотрудничество в области энергетики и торговли.
"""

ENGLISH = """Vladimir Putin held talks with Hungarian Prime Minister Viktor Orban in the Kremlin.

Vladimir Putin: Mr Prime Minister, I am glad to welcome you in Moscow.
Trade between our countries grew by {growth} percent last year, and we see good prospects in energy.
We will also discuss the construction of new power units of the nuclear plant and gas supplies.

Viktor Orban: Thank you, Mr President. We greatly value our cooperation in energy and trade.
"""

UNRELATED = """Vladimir Putin held talks with Hungarian Prime Minister Viktor Orban.

The leaders spoke about football, the weather in the mountains and a new museum of modern art in the capital.
"""


def ingest(tmp_path, store, analyzer, pages: dict[str, str]) -> dict[str, int]:
    paths = []
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    results = list(pipeline.ingest(paths, store, Settings(), analyzer=analyzer))
    return {r.source.rsplit("/", 1)[-1]: store.meetings(doc_id=r.doc_id, role="reported")[0]["event_id"] for r in results}


def test_a_russian_text_is_closer_to_its_rendering_than_to_other_english_words():
    bridge = crosslang.Bridge(Registry.load())
    rendering = bridge.similarity(RUSSIAN, "ru", ENGLISH.format(growth=18), "en")
    other = bridge.similarity(RUSSIAN, "ru", UNRELATED, "en")
    assert rendering > ACROSS > other


def test_numbers_and_names_beyond_the_leaders_are_shared_anchors():
    bridge = crosslang.Bridge(Registry.load())
    ru = "На встрече также присутствовали министр Сергей Лавров и помощник Юрий Ушаков; рост составил 25 процентов."
    en = "Also present were Minister Sergei Lavrov and aide Yury Ushakov; growth was 25 percent."
    shared = bridge.shared_anchors(ru, en, ["Vladimir Putin"])
    assert "25" in shared and "ushakov" in shared
    assert not {"ministr", "minister"} & shared  # a title is a dictionary word, not a name


def test_turns_of_a_transcript_align_in_order_with_a_line_left_out():
    bridge = crosslang.Bridge(Registry.load())
    aligner = crosslang.Aligner(bridge, crosslang.length_ratios())

    def turns(lines, lang, speaker):
        out, at = [], 0
        for line in lines:
            out.append(crosslang.Statement("d" + lang, at, at + len(line), line, speaker, None, lang))
            at += len(line) + 1
        return out

    russian = turns(["Рад приветствовать Вас в Москве.",
                     "Товарооборот между нашими странами вырос на 18 процентов.",
                     "Мы обсудим поставки газа и строительство атомной станции."], "ru", "Vladimir Putin")
    english = turns(["Trade between our countries grew by 18 percent.",
                     "We will discuss gas supplies and the construction of the nuclear plant."], "en", "Vladimir Putin")
    pairs = aligner.align(russian, english)
    assert [(a.text[:5], b.text[:5]) for a, b, _ in pairs] == [("Товар", "Trade"), ("Мы об", "We wi")]


def test_a_russian_report_and_its_english_rendering_are_one_event_with_a_changed_number_flagged(
        tmp_path, store, analyzer):
    events = ingest(tmp_path, store, analyzer, {"ru.txt": RUSSIAN, "en.txt": ENGLISH.format(growth=15)})
    assert events["ru.txt"] == events["en.txt"]
    view = reader.event(store, events["ru.txt"])
    across = [a for a in view["alignments"] if a["translation"]]
    assert len(across) >= 3
    assert {a["a_source"].lang for a in across} == {"ru"} and {a["b_source"].lang for a in across} == {"en"}
    numbers = [d for d in view["statement_discrepancies"] if d["kind"] == "number"]
    assert [d["what"] for d in numbers] == ["18 vs 15"]
    assert numbers[0]["translation"] and "18 процентов" in numbers[0]["a_text"] and "15 percent" in numbers[0]["b_text"]
    hits = store.search_quotes(speaker="Vladimir Putin", per_page=50)["hits"]
    english = [h for h in hits if h["lang"] == "en" and "gas supplies" in h["text"]]
    original = [h for h in hits if h["lang"] == "ru" and "поставки газа" in h["text"]]
    assert english and original and english[0]["translates"] == original[0]["id"]
    rows = {r["statement_id"]: r for r in exports.statements(store, hits)}  # what the CSV and JSON Lines carry
    assert rows[english[0]["id"]]["lang"] == "en" and rows[english[0]["id"]]["translates"] == original[0]["id"]
    assert rows[original[0]["id"]]["lang"] == "ru" and rows[original[0]["id"]]["translates"] == ""
    on_energy = store.search_quotes(topic="energy and nuclear", per_page=50)["hits"]
    assert {h["lang"] for h in on_energy} == {"ru", "en"}  # one taxonomy, each language's words for it


def test_reports_in_two_languages_of_the_pair_a_week_apart_stay_two_events(tmp_path, store, analyzer):
    events = ingest(tmp_path, store, analyzer, {
        "ru.txt": "Москва, 3 марта 2025 года. " + RUSSIAN,
        "en.txt": "March 10, 2025. " + ENGLISH.format(growth=18),
    })
    assert events["ru.txt"] != events["en.txt"]


def test_an_unrelated_english_report_of_the_pair_does_not_join_an_undated_russian_one(tmp_path, store, analyzer):
    events = ingest(tmp_path, store, analyzer, {"ru.txt": RUSSIAN, "en.txt": UNRELATED})
    assert events["ru.txt"] != events["en.txt"]


def test_a_site_s_two_language_versions_of_one_id_are_one_event_whatever_their_words(tmp_path, store, analyzer):
    (tmp_path / "SOURCES.tsv").write_text(
        "file\turl\n"
        "ru.txt\thttp://kremlin.ru/events/president/news/12345\n"
        "en.txt\thttp://en.kremlin.ru/events/president/news/12345/print\n")
    (tmp_path / "ru.txt").write_text(RUSSIAN)
    (tmp_path / "en.txt").write_text(UNRELATED)
    results = list(pipeline.ingest([str(tmp_path)], store, Settings(), analyzer=analyzer))
    events = {store.meetings(doc_id=r.doc_id, role="reported")[0]["event_id"] for r in results if r.doc_id}
    assert len(results) == 2 and len(events) == 1
    assert crosslang.twin_key("http://special.kremlin.ru/catalog/persons/1/events/12345") == "kremlin.ru 12345"
    assert crosslang.twin_key("https://example.org/events/12345") is None


def across(original: list[str], rendering: list[str], found: str = "discrepancies") -> list[dict]:
    """align_across over two invented transcripts of one speaker, a paragraph a turn: what it
    found of one kind (discrepancies, or alignments)."""
    texts, quotes = {}, []
    for doc, lang, lines in (("ru", "ru", original), ("en", "en", rendering)):
        texts[doc] = "\n".join(lines)
        at = 0
        for i, line in enumerate(lines):
            quotes.append({"doc_id": doc, "start": at, "end": at + len(line), "speaker": "Vladimir Putin",
                           "id": len(quotes) + 1})
            at += len(line) + 1
    aligner = crosslang.Aligner(crosslang.Bridge(Registry.load()), crosslang.length_ratios())
    return crosslang.align_across(texts, {"ru": "ru", "en": "en"}, quotes, aligner, crosslang.conventions())[found]


def test_a_negation_the_rendering_drops_is_flagged_but_an_idiom_or_a_negated_word_is_not():
    found = across(["Мы не согласны с этим решением правительства."], ["We agree with this decision of the government."])
    assert [(d["kind"], d["what"]) for d in found] == [("negation", "“не” in the original only")]
    assert across(["Это неудивительно, тем не менее мы рады решению правительства."],
                  ["This is not surprising, nevertheless we welcome the decision of the government."]) == []


def test_a_turn_of_the_original_left_out_between_two_rendered_ones_is_flagged():
    found = across(
        ["Товарооборот между нашими странами вырос на 18 процентов.",
         "Отдельно хотел бы сказать о строительстве новых школ и больниц в регионах страны.",
         "Мы обсудим поставки газа и строительство атомной станции."],
        ["Trade between our countries grew by 18 percent.",
         "We will discuss gas supplies and the construction of the nuclear plant."])
    assert [(d["kind"], d["a"]["text"][:9]) for d in found] == [("omitted", "Отдельно ")]


def test_a_greeting_the_rendering_runs_into_a_later_turn_is_aligned_with_it_and_not_compared_for_numbers():
    original = ["Уважаемый господин Президент!",
                "Коллеги, друзья, очень рад вас видеть.",
                "Господин Президент, мы давно не виделись, а товарооборот между нашими странами вырос на 12 процентов.",
                "Мы обсудим поставки газа и строительство атомной станции."]
    rendering = ["Mr President, we have not seen each other for a long time, and trade between our countries grew by "
                 "12 percent.",
                 "We will discuss gas supplies and the construction of the nuclear plant."]
    aligned = {a["a"]["text"][:9]: a["b"]["text"][:12] for a in across(original, rendering, "alignments")}
    assert aligned == {"Уважаемый": "Mr President", "Господин ": "Mr President", "Мы обсуди": "We will disc"}
    found = across(original, rendering)
    assert [(d["kind"], d["a"]["text"][:7]) for d in found] == [("omitted", "Коллеги")]
