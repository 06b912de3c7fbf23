"""A page's language: told from its text (or forced), stored, listed and filtered; a page in a
language no analyser reads yields no record. Every passage here is written for the test."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_cli import assert_one_line_error, run

from summitlog import pipeline
from summitlog.analysis.analyzer import LANGUAGES, analyze
from summitlog.errors import SummitlogError
from summitlog.reading import language
from summitlog.settings import Settings

PASSAGES = {
    "ru": "Президент встретился с коллегой в столице, и стороны договорились расширить сотрудничество.",
    "uk": "Президент зустрівся з колегою у столиці, і сторони домовилися розширити співпрацю.",
    "be": "Прэзідэнт сустрэўся з калегам у сталіцы, і бакі дамовіліся пашырыць супрацоўніцтва.",
    "en": "The president met his counterpart in the capital, and the two sides agreed to expand cooperation.",
}

UKRAINIAN_PAGE = (
    "Президент провів переговори з прем'єр-міністром у столиці\n\n"
    "Лідери двох країн зустрілися в середу та обговорили торгівлю, енергетику і безпеку на кордоні.\n\n"
    "«Ми домовилися розширити співпрацю в галузі транспорту і будувати нові мости між нашими містами», "
    "— сказав президент після зустрічі.\n\n"
    "Переговори тривали близько трьох годин. Сторони підписали декілька угод про співробітництво.\n"
)

ENGLISH_PAGE_QUOTING_RUSSIAN = (
    "Leaders discuss trade in the capital\n\n"
    "The two presidents met on Wednesday and discussed trade, energy and border security.\n\n"
    "\"We agreed to expand cooperation in transport,\" Vladimir Putin told reporters after the meeting.\n\n"
    "A local newspaper printed another remark in the original: «Мы договорились строить новые мосты между "
    "нашими городами». Officials said further agreements would follow.\n"
)


def page(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def extract_one(analyzer, path: str, lang: str | None = None):
    (item,) = pipeline.extract([path], Settings(lang=lang), analyzer=analyzer)
    return item


@pytest.mark.parametrize("lang", sorted(PASSAGES))
def test_each_short_passage_is_told_apart(lang):
    assert language.detect(PASSAGES[lang], LANGUAGES) == lang


@pytest.mark.parametrize("line", [
    "Modi hosted Putin in New Delhi on Friday.",
    "Putin met Tokayev in Astana on 9 November. They talked for an hour.",
    "Xi Jinping received Lula in Beijing.",
])
def test_a_short_english_line_full_of_names_is_english(line):
    assert language.identifier().classify(line)[0] != "en"  # what the model alone would say
    assert language.detect(line, LANGUAGES) == "en"


def test_a_language_no_analyser_reads_is_told_when_the_model_is_sure():
    german = "Der Präsident traf sich am Montag mit seinem Amtskollegen in der Hauptstadt."
    assert language.detect(german, LANGUAGES) == "de"


def test_a_page_plainly_english_by_its_commonest_words_is_told_without_the_model_and_others_are_not():
    english = " ".join([PASSAGES["en"], ENGLISH_PAGE_QUOTING_RUSSIAN, "Putin met Tokayev in Astana."])
    assert language.plainly(english, LANGUAGES) == "en" == language.identifier().classify(english)[0]
    french = ("Le président a rencontré son homologue dans la capitale, et les deux parties sont convenues "
              "d'élargir la coopération dans le domaine des transports et de construire de nouveaux ponts entre "
              "leurs villes. Les dirigeants ont aussi évoqué le commerce, l'énergie et la sécurité à la frontière, "
              "a indiqué un communiqué publié mercredi soir par la présidence.")
    assert language.plainly(french, LANGUAGES) is None and language.detect(french, LANGUAGES) == "fr"
    assert language.plainly(UKRAINIAN_PAGE, LANGUAGES) is None
    assert language.plainly(PASSAGES["en"], LANGUAGES) is None  # too few words to go by


def test_detection_reads_a_bounded_prefix():
    long_tail = PASSAGES["en"] + " " + " ".join([PASSAGES["uk"]] * 200)
    assert len(long_tail) > 3 * language.PREFIX
    assert language.detect(long_tail, LANGUAGES) == "uk"
    assert language.detect(" ".join([PASSAGES["en"]] * 60) + " " + " ".join([PASSAGES["uk"]] * 200),
                           LANGUAGES) == "en"


def test_a_ukrainian_page_is_stored_as_itself_without_records(tmp_path, analyzer):
    path = page(tmp_path, "uk.txt", UKRAINIAN_PAGE)
    item = extract_one(analyzer, path)
    assert item.document.lang == "uk"
    assert (item.quotes, item.meetings, item.figures, item.pledges) == ((), (), (), ())
    # the English pipeline would have taken the quoted sentence: the skip is what keeps it out
    assert extract_one(analyzer, path, lang="en").quotes


def test_lang_forces_the_language(tmp_path, analyzer):
    path = page(tmp_path, "en.txt", ENGLISH_PAGE_QUOTING_RUSSIAN)
    forced = extract_one(analyzer, path, lang="be")
    assert forced.document.lang == "be" and forced.quotes == ()


def test_an_english_page_quoting_russian_stays_english_and_keeps_its_quotes(tmp_path, analyzer):
    item = extract_one(analyzer, page(tmp_path, "en.txt", ENGLISH_PAGE_QUOTING_RUSSIAN))
    assert item.document.lang == "en"
    assert any(q.text.startswith("We agreed") and q.speaker == "Vladimir Putin" for q in item.quotes)
    assert any(q.text.startswith("Мы договорились") for q in item.quotes)


def test_bad_language_code_is_refused():
    with pytest.raises(SummitlogError, match="--lang 'russian': give a language code"):
        language.code("russian")
    assert language.code(" RU ") == "ru"


def test_language_is_stored_listed_and_filtered(tmp_path, store, analyzer):
    paths = [page(tmp_path, "uk.txt", UKRAINIAN_PAGE), page(tmp_path, "en.txt", ENGLISH_PAGE_QUOTING_RUSSIAN)]
    uk, en = pipeline.ingest(paths, store, Settings(), analyzer=analyzer)
    assert uk.status == en.status == "added"
    assert "language uk: no analyser reads it" in uk.note and en.note is None
    assert store.document(uk.doc_id).lang == "uk" and store.document(en.doc_id).lang == "en"
    assert store.count("quotes") == 2  # the English page's only
    assert [r["id"] for r in store.documents(lang="uk")] == [uk.doc_id]
    assert {r["lang"] for r in store.documents()} == {"uk", "en"}
    assert [r["id"] for r in store.documents(search="співпрацю")] == [uk.doc_id]  # searchable
    assert store.documents(search="співпрацю", lang="en") == []
    assert [r["id"] for r in store.documents(search="мосты", lang="en")] == [en.doc_id]


def test_a_document_without_a_language_is_read_as_before(tmp_path, analyzer):
    item = extract_one(analyzer, page(tmp_path, "en.txt", ENGLISH_PAGE_QUOTING_RUSSIAN))
    assert analyze(replace(item.document, lang=None), analyzer).quotes == item.quotes != ()


def test_cli_forces_lists_and_filters_by_language(tmp_path):
    db, path = tmp_path / "s.db", page(tmp_path, "en.txt", ENGLISH_PAGE_QUOTING_RUSSIAN)
    forced = run("ingest", path, "--db", db, "--lang", "UK")
    assert forced.returncode == 0, forced.stderr
    assert_one_line_error(forced, "language uk: no analyser reads it")
    listing = run("docs", "--db", db, "--lang", "uk")
    assert "Leaders discuss trade" in listing.stdout and "1 shown of 1" in listing.stdout
    assert "0 shown of 1" in run("docs", "--db", db, "--lang", "en").stdout
    bad = run("extract", path, "--lang", "Ukrainian!")
    assert bad.returncode == 2
    assert_one_line_error(bad, "error: --lang 'Ukrainian!': give a language code")


def test_reader_shows_the_language(tmp_path, analyzer):
    from fastapi.testclient import TestClient

    from summitlog.storage.store import Store
    from summitlog.surfaces.web import create_app

    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        (uk,) = pipeline.ingest([page(tmp_path, "uk.txt", UKRAINIAN_PAGE)], store, Settings(), analyzer=analyzer)
    client = TestClient(create_app(db))
    shown = client.get(f"/documents/{uk.doc_id}")
    assert shown.status_code == 200
    assert 'language <span class="lang">uk</span>' in shown.text and 'id="text" lang="uk"' in shown.text
    assert client.get(f"/api/documents/{uk.doc_id}").json()["lang"] == "uk"
