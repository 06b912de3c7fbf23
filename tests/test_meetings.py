"""The meeting a document reports: participants, date, place, duration, kind, references."""

from __future__ import annotations

import json

import pytest
from conftest import DEV, GOLD, SEEDS

from summitlog import pipeline
from summitlog.analysis.dates import find_dates
from summitlog.settings import Settings
from summitlog.surfaces import evaluate


@pytest.fixture
def meeting(analyze_text):
    def run(text, published=None, role="reported", **page):
        found = [m for m in analyze_text(text, published=published, **page).meetings if m.role == role]
        return found[0] if found else None
    return run


@pytest.mark.parametrize(
    "sentence, published, date",
    [
        ("Lukashenko met with Putin in the Kremlin on February 18, 2022.", None, "2022-02-18"),
        ("Lukashenko met with Putin in the Kremlin on September 26th.", None, "--09-26"),
        ("Lukashenko met with Putin in the Kremlin on 11 April.", None, "--04-11"),
        ("Lukashenko met with Putin in the Kremlin on 11 April.", "2024-04-12", "2024-04-11"),
        ("Erdogan held talks with Putin in Sochi on Friday.", "2022-08-05", "2022-08-05"),
        ("Erdogan held talks with Putin in Sochi on Wednesday.", "2024-09-05", "2024-09-04"),
        ("Erdogan held talks with Putin in Sochi yesterday.", "2024-09-05", "2024-09-04"),
        ("Early on August 1, Lukashenko set off on a working visit to meet Putin on Valaam.", None, "--08-01"),
        ("Erdogan spoke by phone with Putin on Monday, the Turkish presidency said.", "2024-03-05", "2024-03-04"),
        # a wire dateline gives the day without its year, the sentence gives it again with one
        ("SOCHI, May 3 (Coastwire) - Erdogan held talks with Putin in Sochi on May 3, 2017.", None, "2017-05-03"),
        # a wire dateline that names the region between slashes
        ("Leaders meet at the launch site\n\nBAIKONUR /Kyzylorda Region/, June 4. /Wire/. Erdogan held talks "
         "with Putin at the launch site after a long journey.", None, "--06-04"),
    ],
)
def test_dates(meeting, sentence, published, date):
    found = meeting(sentence, published)
    assert found.date == date
    assert found.participants in (("Alexander Lukashenko", "Vladimir Putin"), ("Recep Tayyip Erdogan", "Vladimir Putin"))


def test_a_date_at_the_foot_of_the_page_is_another_story(meeting):
    story = ("Erdogan held talks with Putin in Sochi, and the two presidents discussed grain exports.\n\n"
             "Putin said the talks had been useful for both sides and for their neighbours.\n\n")
    teasers = ("Lawmakers in the capital approved a new budget for schools on Tuesday after a long debate.\n\n"
               "The storm of October 4, 2011, changed the coastline of the region, a new study argues.\n")
    assert meeting(story + teasers).date is None
    inside = story.replace("Putin said", "On October 4, 2011, Putin said")
    assert meeting(inside + teasers).date == "2011-10-04"


def test_relative_date_without_a_publication_date_is_left_empty_with_a_reason(meeting):
    found = meeting("Erdogan held talks with Putin in Sochi on Friday.")
    assert found.date is None and found.date_reason == "the text gives no date for the meeting"


def test_weekday_is_never_given_a_year_it_does_not_have():
    assert find_dates("They met on Friday.", "--09-26") == []
    assert find_dates("They met on Friday.", None) == []
    (mention,) = find_dates("They met on Friday.", "2025-09-27")
    assert mention.value == "2025-09-26" and mention.relative


@pytest.mark.parametrize(
    "text, city, venue, country",
    [
        ("Lukashenko met with Putin in the Kremlin on 11 April.", "Moscow", "Kremlin", "RU"),
        ("Lukashenko and Putin met on Valaam on August 1.", None, "Valaam", "RU"),
        ("Putin received Lukashenko at Novo-Ogaryovo on Friday.", "Moscow", "Novo-Ogaryovo", "RU"),
        ("Xi met Lula in the Great Hall of the People in Beijing.", "Beijing", "Great Hall of the People", "CN"),
        ("Trump and Starmer met in Washington; a deal with Moscow was discussed.", "Washington", None, "US"),
        ("Kishida visited Kyiv on March 21, 2023 and met Zelensky.", "Kyiv", None, "UA"),
    ],
)
def test_places_from_the_gazetteer(meeting, text, city, venue, country):
    found = meeting(text)
    assert (found.city, found.venue, found.country) == (city, venue, country)


@pytest.mark.parametrize(
    "text, participants, city, country",
    [
        ("Kenyan President William Ruto held talks with Prime Minister Anwar Ibrahim in Kuala Lumpur on "
         "Tuesday, the first visit by a Kenyan leader to Malaysia.", ("Anwar Ibrahim", "William Ruto"),
         "Kuala Lumpur", "MY"),
        ("Prime Minister Kyriakos Mitsotakis met President Ferdinand Marcos Jr. in Manila to discuss maritime "
         "security.", ("Ferdinand Marcos Jr.", "Kyriakos Mitsotakis"), "Manila", "PH"),
        ("Pope Leo XIV received Ukrainian President Volodymyr Zelensky at the Vatican on Tuesday. Earlier, "
         "Zelensky met Italian officials in Rome.", ("Pope Leo XIV", "Volodymyr Zelensky"), "Vatican City", "VA"),
        ("Bola Tinubu and Xi Jinping met in Beijing. Tinubu arrived in Beijing on Monday.",
         ("Bola Tinubu", "Xi Jinping"), "Beijing", "CN"),
    ],
)
def test_leaders_and_cities_beyond_the_bundled_pages(meeting, text, participants, city, country):
    found = meeting(text)
    assert (found.participants, found.city, found.country) == (participants, city, country)


def test_a_capital_from_geonames_and_a_city_name_inside_a_country_name(meeting):
    assert meeting("Ruto met Tinubu in Nairobi on 12 May.").city == "Nairobi"
    assert meeting("Ruto met Tinubu in El Salvador on 12 May.").city is None


def test_valaam_resolves_to_its_region(meeting):
    found = meeting("Lukashenko and Putin met on Valaam on August 1.")
    assert found.region == "Republic of Karelia" and found.place == "Valaam, Republic of Karelia"


@pytest.mark.parametrize(
    "text, minutes, approximate",
    [
        ("Putin and Lukashenko met in Moscow. The meeting lasted 5 hours and 22 minutes in total.", 322, False),
        ("Putin and Lukashenko met in Moscow and spoke for exactly an hour and a half.", 90, False),
        ("Putin and Lukashenko met in Moscow. The talks lasted for about four hours.", 240, True),
        ("Putin and Xi met in Moscow. The meeting lasted for 4.5 hours.", 270, False),
        ("Kishida and Yoon held a summit meeting for approximately 105 minutes in Seoul.", 105, True),
        ("Putin and Lukashenko met in Moscow. Talks will continue for two days.", None, False),
    ],
)
def test_durations(meeting, text, minutes, approximate):
    found = meeting(text)
    assert (found.duration_minutes, found.duration_approximate) == (minutes, approximate)


# A lead of six paragraphs, and what follows it.
SOCHI_TALKS = "Putin and Modi held talks in Sochi.\n\n" + "".join(
    f"Paragraph {n} of the report says something more about the day.\n\n" for n in range(2, 9))


@pytest.mark.parametrize(
    "text, kind, visit, formats",
    [
        ("Putin and Xi held talks by videoconference on Tuesday.", "call", None, ()),
        ("Putin and Xi had a telephone conversation.", "call", None, ()),
        ("An informal meeting between Putin and Xi began in the Kremlin.", "informal", None, ()),
        ("Modi arrived on a state visit and held talks with Biden one-on-one, then with delegations.",
         "talks", "state visit", ("one-on-one", "expanded")),
        ("Lukashenko and Putin held talks and then had a working lunch.", "talks", None, ("working meal",)),
        # the lead says talks; a speaker names the meeting informal further down
        (SOCHI_TALKS + "Modi: I thank President Putin for organising this informal meeting.", "informal", None, ()),
        # an informal gathering that names neither of the two is not their meeting
        (SOCHI_TALKS + "An informal meeting of ministers is planned for May.", "talks", None, ()),
    ],
)
def test_kind_visit_and_format(meeting, text, kind, visit, formats):
    found = meeting(text)
    assert (found.kind, found.visit, found.formats) == (kind, visit, formats)


def test_an_earlier_meeting_is_a_reference_not_the_meeting(meeting):
    text = (
        "Lukashenko met with Putin in the Kremlin on September 26th.\n\n"
        "Earlier — during their meeting at Valaam Island on August 1st — the presidents confirmed plans."
    )
    assert meeting(text).date == "--09-26"
    ref = meeting(text, role="reference")
    assert ref.date == "--08-01" and ref.venue == "Valaam"


def test_no_meeting_no_invented_participants(meeting):
    assert meeting("Oil prices rose on Monday as traders weighed the outlook for demand.") is None
    assert meeting("Putin spoke about the economy at a forum in Moscow on Friday.") is None


def test_counterpart_named_only_by_country_in_a_transcript(meeting):
    text = (
        "President of Russia Vladimir Putin: Mr President, friends,\n\n"
        "Welcome to Russia and Sochi. This is our first meeting since the elections in Turkiye.\n\n"
        "Relations between Russia and Turkiye are growing."
    )
    assert meeting(text).participants == ("Recep Tayyip Erdogan", "Vladimir Putin")


@pytest.mark.parametrize("gold_name, docs", [("seeds.jsonl", SEEDS), ("dev.jsonl", DEV)])
def test_gold_sets_meeting_fields(analyzer, gold_name, docs):
    gold, texts, persons = evaluate.load_gold(GOLD / gold_name, docs)
    pred, _, _ = pipeline.evaluate_extract([str(docs / name) for name in gold], Settings(), analyzer)
    metrics = evaluate.score(pred, gold, texts, persons).metrics
    for field in ("participants", "date", "city", "duration_minutes", "city_strict", "duration_strict"):
        assert metrics[f"meeting_{field}"] >= 0.95, json.dumps(metrics)
    assert metrics["meeting_kind"] >= 0.9, json.dumps(metrics)


def test_the_day_of_a_journey_is_not_the_talks(meeting):
    text = ("Ruto and Tinubu begin talks in Abuja\n\n"
            "Kenyan President William Ruto and Nigerian President Bola Tinubu began talks in Abuja.\n\n"
            "Ruto arrived in the Nigerian capital on the evening of March 14.\n")
    assert meeting(text).date is None
    assert meeting(text.replace("began talks in Abuja.", "held talks in Abuja on March 15.")).date == "--03-15"


def test_leaders_named_in_passing_are_no_meeting(meeting):
    text = (
        "Senate Republicans blocked the spending bill on Tuesday.\n\n"
        "The vote followed weeks of talks between the two parties.\n\n"
        "Negotiators will meet again next week to discuss the budget.\n\n"
        "Obama has warned for months that the bill would fail. Putin, asked about the vote, declined to comment."
    )
    assert meeting(text, published="2016-09-20") is None


@pytest.mark.parametrize("sentence", [
    "Chancellor Angela Merkel will meet French President Emmanuel Macron in Paris later this month, officials said.",
    "Chancellor Angela Merkel did not meet French President Emmanuel Macron during the trip, officials said.",
    "Chancellor Angela Merkel has invited French President Emmanuel Macron to visit Berlin, officials said.",
    "Chancellor Angela Merkel would meet French President Emmanuel Macron only if the talks made progress, officials said.",
    "Ahead of her talks with French President Emmanuel Macron, Chancellor Angela Merkel spoke of trade, officials said.",
])
def test_a_meeting_that_did_not_take_place_is_no_meeting(meeting, sentence):
    text = f"Lawmakers urged a tougher response to the hacking.\n\nThe senator spoke at length.\n\n{sentence}"
    assert meeting(text, published="2019-05-08") is None
    held = sentence.replace("will meet", "met").replace("did not meet", "met")
    assert held == sentence or meeting(f"Lawmakers urged a tougher response.\n\n{held}", published="2019-05-08")


def test_a_third_person_who_met_a_leader_is_not_replaced_by_the_leader_in_office(meeting):
    text = ("Businessman Harold Quimby, a candidate for the presidency, met with French President Emmanuel Macron "
            "in Paris on Wednesday.\n\n"
            "Chancellor Angela Merkel has said little about the race. Quimby said the talks were useful.")
    found = meeting(text, published="2019-05-08")
    assert found is None or "Angela Merkel" not in found.participants


def test_a_meeting_sentence_naming_both_reports_it(meeting):
    text = (
        "Lawmakers urged a tougher response to the hacking.\n\n"
        "The senator spoke at length about cyber security.\n\n"
        "Chancellor Angela Merkel said after her meeting with French President Emmanuel Macron that the talks had been useful."
    )
    found = meeting(text, published="2019-05-08")
    assert found and found.participants == ("Angela Merkel", "Emmanuel Macron")


def test_offices_are_those_of_the_year_a_page_name_carries(analyzer, tmp_path):
    page = tmp_path / "news_2016-09-12_refugees.txt"
    page.write_text(
        "The president will ask Congress to admit more refugees.\n\n"
        "President Obama met the Prime Minister of Canada at the White House on Monday to discuss the plan.\n"
    )
    (item,) = pipeline.extract([str(page)], Settings(), analyzer=analyzer)
    assert item.document.published == "2016-09-12"
    (reported,) = [m for m in item.meetings if m.role == "reported"]
    assert reported.participants == ("Barack Obama", "Justin Trudeau")  # the office's holder in 2016


def test_a_transcript_of_the_two_speaking_reports_their_meeting(meeting):
    text = (
        "President Putin: Mr President, welcome to Moscow.\n\n"
        "President Erdogan: Thank you, it is a pleasure to be here again.\n\n"
        "President Putin: Let us start with trade."
    )
    found = meeting(text, published="2024-09-05")
    assert found and found.participants == ("Recep Tayyip Erdogan", "Vladimir Putin")


def test_a_dated_readout_is_of_its_day_not_of_a_meeting_it_recalls(meeting):
    text = (
        "Phone call between the presidents of Russia and Kazakhstan\n\n"
        "Vladimir Putin spoke by telephone with Kassym-Jomart Tokayev, the President of Kazakhstan.\n\n"
        "Reviewing the energy forum held in Geneva on May 3\u20134, the presidents welcomed its results."
    )
    found = meeting(text, published="2023-05-05")
    assert found.date == "2023-05-05" and found.kind == "call"


# -- the page's date, places, lengths and kinds ------------------------------------------------


def test_a_dated_page_is_of_its_day_and_a_later_sentences_date_is_another_events(meeting):
    text = (
        "Telephone conversation with the President of Uzbekistan\n\n"
        "Vladimir Putin had a telephone conversation with President of Uzbekistan Islam Karimov.\n\n"
        "The presidents discussed the results of the trade fair held in Samarkand on June 8, which both had welcomed."
    )
    found = meeting(text, published="2010-06-12")
    assert found.participants == ("Islam Karimov", "Vladimir Putin")
    assert (found.date, found.kind) == ("2010-06-12", "call")


def test_a_dated_report_of_a_meeting_a_few_days_earlier(meeting):
    text = ("Erdogan and Putin held talks in Sochi on September 4, 2024.\n\n"
            "The two leaders discussed grain exports and gas.")
    assert meeting(text, published="2024-09-06").date == "2024-09-04"


def html_page(analyzer, html):
    """The cleaned document of an HTML page written for a test, and the meeting it reports."""
    from summitlog.analysis.analyzer import analyze
    from summitlog.reading.clean import clean
    from summitlog.records import RawInput

    doc = clean(RawInput(source="t", name="t.html", content=html, kind="html"))
    found = [m for m in analyze(doc, analyzer).meetings if m.role == "reported"]
    return doc, found[0] if found else None


def test_a_date_line_on_a_page_beats_a_date_the_markup_gives_a_photo(analyzer):
    html = (
        "<html><head><title>Talks with President of Kazakhstan</title></head><body><article>"
        "<h1>Talks with President of Kazakhstan</h1>"
        '<time class="read__published" datetime="2019-03-26" itemprop="datePublished">March 26, 2019</time>'
        "<p>Vladimir Putin held talks with President of Kazakhstan Kassym-Jomart Tokayev in the Kremlin. "
        "The talks covered trade, energy and the work of the joint commission on transport corridors.</p>"
        '<div itemscope itemtype="http://schema.org/ImageObject"><meta itemprop="datePublished" content="2019-03-27"/>'
        '<img src="photo.jpg" alt=""/></div>'
        "<p>The presidents also spoke about cooperation in education and about the next meeting of the council.</p>"
        "</article></body></html>"
    )
    doc, found = html_page(analyzer, html)
    assert doc.published == "2019-03-26" and found.date == "2019-03-26"


@pytest.mark.parametrize(
    "text, city",
    [
        ("MOSCOW (Wire) — Putin and Trump met in Geneva on Friday for talks on arms control.", "Geneva"),
        ("Putin and Xi held talks on the sidelines of the Shanghai Cooperation Organisation summit in Astana.",
         "Astana"),
        ("Putin and Kim Jong Un met at the cosmodrome at 7 a.m. Moscow time. Kim came by train from Vladivostok.",
         None),
        ("Lukashenko and Putin met in Minsk.\n\nWhite House officials said they were watching.", "Minsk"),
        ("Putin and Trump held talks on Friday. They talked for longer than at their 2017 summit in Vienna.", None),
        # "of" names a place only after a place's noun: not an ally, a university or a mayor of a city
        ("Ruto held talks with Tinubu on Monday. Kenya has long been a close ally of Washington.", None),
        ("Ruto held talks with Tinubu on Monday, a professor at the University of Nairobi said.", None),
        ("Ruto held talks with Tinubu on Monday in the northern port city of Mombasa.", "Mombasa"),
        ("Ruto held talks with Tinubu on Monday in the heart of Nairobi.", "Nairobi"),
    ],
)
def test_a_dateline_clock_or_longer_name_is_not_the_venue(meeting, text, city):
    assert meeting(text).city == city


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("Biden and Putin met in Geneva. The first session lasted 93 minutes.", None),
        ("Biden and Putin met in Geneva. The meeting lasted three hours and 21 minutes.", 201),
        ("Biden and Putin met in Geneva. They were expected to talk for four to five hours.", None),
        ("Trump and Xi held a 1 hour 40 minute bilateral meeting in Busan.", 100),
        ("Ishiba and Lee Jae-myung met in Tokyo for a roughly two-hour summit.", 120),
        ("Trump and Kim Jong Un started their summit with a personal meeting. It lasted 47 minutes. Then the delegations "
         "joined them for expanded talks.", None),
        ("Trump and Zelensky met at the White House. The row started more than 40 minutes into the talks.", None),
    ],
)
def test_a_sessions_length_a_plan_or_a_point_in_time_is_not_the_meetings(meeting, text, minutes):
    assert meeting(text).duration_minutes == minutes


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Biden and Putin concluded their first summit in Geneva.", "summit"),
        ("Ishiba and Lee Jae-myung held a Japan-Korea summit in Tokyo.", "summit"),
        ("Modi and Xi met on the sidelines of the BRICS summit in Kazan.", "talks"),
        ("Erdogan and Putin met in Astana ahead of the summit of the organisation.", "talks"),
        ("Erdogan spoke by phone with Putin about grain.", "call"),
    ],
)
def test_a_summit_is_the_pairs_own_meeting_not_a_gathering_they_attend(meeting, text, kind):
    assert meeting(text).kind == kind


def test_a_day_without_a_year_takes_the_year_its_weekday_fell_while_both_held_office(meeting):
    text = ("Trump said on Thursday (October 30) he had agreed with Xi Jinping to cut tariffs.\n\n"
            "Trump's talks with Xi in Busan were their first in years.")
    assert meeting(text).date == "2025-10-30"


def test_a_page_on_a_leaders_own_site_is_hosted_by_the_holder_of_that_office(analyzer):
    html = (
        '<html><head><title>Telephone talks with Hugo Chavez</title>'
        '<meta property="og:site_name" content="President of Russia"/>'
        '<meta property="article:published_time" content="2010-10-08"/></head><body><article>'
        "<h1>Telephone talks with Hugo Chavez</h1>"
        "<p>The two presidents discussed trade, the energy projects of both countries and the "
        "preparations for the visit to Moscow planned for the middle of the month.</p>"
        "<p>They agreed to keep in contact and to instruct their governments to prepare documents.</p>"
        "</article></body></html>"
    )
    _, found = html_page(analyzer, html)
    assert found.participants == ("Dmitry Medvedev", "Hugo Chávez")
    assert (found.date, found.kind) == ("2010-10-08", "call")


def test_a_titled_person_in_the_pages_title_is_the_counterpart(meeting):
    text = (
        "Talks with Prime Minister of Saxony Karel Moravec\n\n"
        "Vladimir Putin met with Karel Moravec in the Kremlin.\n\n"
        "They discussed trade between Russia and Saxony, and Moravec recalled the talks Angela Merkel "
        "had held in Sochi. Putin said the German car makers were welcome."
    )
    found = meeting(text, published="2016-02-03", title="Talks with Prime Minister of Saxony Karel Moravec")
    assert found.participants == ("Karel Moravec", "Vladimir Putin")


# -- a place is the meeting's only where the text gives it to this meeting --------------------

def test_a_call_has_no_place_though_its_readout_names_cities(meeting):
    found = meeting(
        "Telephone conversation with President of Kenya William Ruto\n\n"
        "Vladimir Putin had a telephone conversation with President of Kenya William Ruto. The leaders went "
        "over the results of the investment conference held in Nairobi and preparations for Mr Ruto's "
        "upcoming visit to Kazan. They also discussed the talks in Addis Ababa.",
        published="2024-03-04")
    assert found.kind == "call" and (found.city, found.place, found.venue) == (None, None, None)


def test_a_video_call_has_no_place(meeting):
    found = meeting("Ruto and Tinubu held a videoconference on Monday, a week after they met in Abuja.",
                    published="2024-03-05")
    assert found.kind == "call" and found.city is None


@pytest.mark.parametrize(
    "text, city",
    [
        # the only cities are other events': a congress held there, a forum there next year, a memory
        ("Ruto held talks with Tinubu on Monday. They discussed the decisions of the regional congress, which "
         "was held in Mombasa on February 2, and the trade forum in Lagos next year. Ruto recalled his "
         "visit to Abuja.", None),
        # the meeting's own place wins over another event's named more often
        ("Ruto held talks with Tinubu in Nairobi on Monday. They prepared the upcoming summit in Lagos and the "
         "talks in Lagos next year.", "Nairobi"),
        # met on the sidelines of a gathering: the gathering's place is the meeting's
        ("Ruto met Tinubu on the sidelines of the investment forum in Addis Ababa. They recalled their "
         "previous talks in Abuja.", "Addis Ababa"),
        # a place in a process's name is no place
        ("Ruto held talks with Tinubu on Monday as part of the Nairobi process for the Great Lakes.", None),
    ],
)
def test_a_place_the_text_gives_to_another_event_is_not_the_meetings(meeting, text, city):
    assert meeting(text, published="2024-03-04").city == city


def test_a_speaker_names_where_they_speak_only_with_welcome_or_here(meeting):
    page = ("Meeting with President of Nigeria Bola Tinubu\n\n"
            "William Ruto held a meeting with President of Nigeria Bola Tinubu.\n\n"
            "President of Kenya William Ruto: Mr President, friends, I remember the warm reception in Abuja. "
            "Our ministers have met in Lagos and in Abuja many times.\n\n"
            "President of Nigeria Bola Tinubu: Thank you. Lagos and Abuja send their greetings.")
    assert meeting(page, published="2024-03-04").city is None
    welcomed = page.replace("Mr President, friends,", "Mr President, friends, let me welcome you to Mombasa.")
    assert meeting(welcomed, published="2024-03-04").city == "Mombasa"


def test_the_page_heading_gives_the_meeting_its_place(meeting):
    # "will take place" elsewhere puts a place at another time; the heading is the page's own
    heading = "Talks between Ruto and Tinubu will take place in Mombasa"
    found = meeting(f"{heading}\n\nOn 5 March, William Ruto will hold talks with Bola Tinubu, who will be on "
                    "a working visit.", published="2024-03-04", title=heading)
    assert found.city == "Mombasa"


def test_a_leaders_title_is_not_a_place(meeting):
    found = meeting("Putin received Crown Prince of Abu Dhabi Mohammed bin Zayed at the Kremlin. Talks with the "
                    "Crown Prince of Abu Dhabi covered energy. The Crown Prince of Abu Dhabi thanked Putin for the "
                    "talks.", published="2024-03-04")
    assert found.city == "Moscow"
