"""Figures: each phrasing of a numeric claim, normalised to the units of the gold format."""

from __future__ import annotations

import json

import pytest
from conftest import DEV, GOLD, SEEDS

from summitlog import pipeline
from summitlog.analysis.figures import parse_number
from summitlog.settings import Settings
from summitlog.surfaces import evaluate


@pytest.fixture
def figures(analyze_text):
    return lambda text: analyze_text(text).figures


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Trade exceeds $50 billion this year.", 5e10, "USD"),
        ("Trade reached US$35 billion last year.", 3.5e10, "USD"),
        ("The loan of RUB 100 billion was approved.", 1e11, "RUB"),
        ("Investments reached 4.5 billion dollars.", 4.5e9, "USD"),
        ("Trade turnover has already reached 50 billion USD.", 5e10, "USD"),
        ("India will soon be a 5 trillion dollar economy.", 5e12, "USD"),
        ("About 40% of the electricity comes from the plant.", 40, "percent"),
        ("Trade grew by 31 percent in the first months.", 31, "percent"),
        ("Our colleagues prepared 28 good programmes.", 28, "count"),
        ("We selected them from more than 3,000 volunteers.", 3000, "count"),
        ("A drone with 59 kg of explosives landed there.", 59, "kg"),
        ("Close to 12 million tons of wheat passed through.", 1.2e7, "tonnes"),
        ("A satellite with a resolution of 25 centimeters is planned.", 25, "cm"),
        ("The meeting lasted 5 hours and 22 minutes in total.", 322, "minutes"),
        ("They spoke for exactly an hour and a half.", 90, "minutes"),
        ("It marks 80 years since the foundation of the industry.", 80, "years"),
        ("It marks the 80th anniversary of the industry.", 80, "years"),
        ("Growth was recorded in 2024 and it continues.", 2024, "year"),
        ("He came for a two-day visit.", 2, "days"),
        ("It hit a 10-story building.", 10, "count"),
        ("This was their third meeting since January.", 3, "count"),
        ("The Prime Minister and I have met twice before.", 2, "count"),
        ("Over a hundred thousand pilgrims visit the churches annually.", 1e5, "count"),
        ("The EU pledged €1.5bn to the programme.", 1.5e9, "EUR"),
        ("Starmer announced £10m for the fund.", 1e7, "GBP"),
        ("Bilateral trade reached Rs 5,000 crore last year.", 5e10, "INR"),
        ("Lula announced investment of R$ 50 billion.", 5e10, "BRL"),
        ("The submarine deal is worth A$368 billion.", 3.68e11, "AUD"),
        ("Exports reached 500 million Belarusian rubles.", 5e8, "BYN"),
        ("Trade reached 85 billion US dollars in 2023.", 8.5e10, "USD"),
        ("Japan will provide ¥500 billion in loans to the Philippines.", 5e11, "JPY"),
        ("China will provide ¥500 billion in loans to the region.", 5e11, "CNY"),
        ("Indonesia will buy 42 Rafale jets.", 42, "count"),
        ("They imposed a 12-percent levy on steel.", 12, "percent"),
        ("The region, with a population of more than 3.2 million, votes first.", 3.2e6, "count"),
        ("Six Grenadiers marched to the gate.", 6, "count"),
        ("Both upheld the 1998 Franco-German joint statement.", 1998, "year"),
    ],
)
def test_each_phrasing(figures, text, value, unit):
    assert (value, unit) in {(f.value, f.unit) for f in figures(text)}


def test_crore_of_people_is_no_money_and_a_year_is_no_span(figures):
    assert {(f.value, f.unit) for f in figures("We have 140 crore citizens and 5,000 crore in funds.")} == {
        (1.4e9, "count"), (5e10, "INR")}
    assert "years" not in {f.unit for f in figures("Exports reached 5,000 last year.")}


def test_a_rate_is_one_figure_and_sterling_is_money(figures):
    assert [(f.value, f.unit) for f in figures("Workers earn $15 an hour.")] == [(15, "USD")]
    assert [(f.value, f.unit) for f in figures("They sold the painting for 300 pounds.")] == [(300, "GBP")]


def test_a_range_is_its_lower_bound_and_a_quarter_century_is_years(figures):
    assert [(f.value, f.unit) for f in figures("They expected to talk for four to five hours.")] == [(240, "minutes")]
    assert [(f.value, f.unit) for f in figures("It took 6–7 months.")] == [(180, "days")]
    assert [(f.value, f.unit) for f in figures("Their alliance is two quarters of a century old.")] == [(50, "years")]


def test_alternatives_are_one_figure_each(figures):
    found = figures("We have quite a growth: over 30 percent, 35 or even over 38.")
    assert [(f.value, f.unit) for f in found] == [(30, "percent"), (35, "percent"), (38, "percent")]
    found = figures("When nine or twelve drones flew towards them, we informed them.")
    assert [(f.value, f.unit) for f in found] == [(9, "count"), (12, "count")]
    found = figures("Deadlines changed: 50, 60, 10 days — that is not how politics is done.")
    assert [(f.value, f.unit) for f in found] == [(50, "days"), (60, "days"), (10, "days")]


def test_qualifier_subject_speaker_and_period(figures):
    text = '"Our trade turnover exceeds $50 billion in 2024," Putin said.'
    (figure,) = [f for f in figures(text) if f.unit == "USD"]
    assert figure.qualifier == "exceeds" and figure.about == "trade turnover"
    assert figure.speaker == "Vladimir Putin" and figure.period == "2024"


def test_period_is_the_year_named_nearest(analyze_text):
    text = "In 2011, 43 percent of the funds came from abroad, and this year 58 percent did.\n"
    found = analyze_text(text, published="2015-05-02").figures
    assert [(f.value, f.period) for f in found if f.unit == "percent"] == [(43, "2011"), (58, "2015")]
    text = "Exports grew 6% last year and more than 16% so far in 2015, the minister said.\n"
    found = analyze_text(text, published="2015-05-02").figures
    assert [(f.value, f.period) for f in found if f.unit == "percent"] == [(6, "2014"), (16, "2015")]


@pytest.mark.parametrize(
    "text",
    [
        "3.69 BYN\n2.99 BYN\n\nLeaders met in Minsk.",
        "The talks began at 10:52 on 26 September 2025.",
        "The two leaders shook hands in the Kremlin.",
        "He attended the 2023 BRICS Summit in Johannesburg.",
        "One last thing: the talks went well.",
        "Trump began his second term in January.",
        "It was unthinkable in the early 2020s, and in the 1980's too.",
        "Two great powers must find a way to live together.",
        "In the first three months of the year, the plan was drawn up.",
        "Both sides want a path for the two m",
        "He weighs 236 pounds, the doctor said.",
        "Both teams met at the 2019 Asia Games on Sunday.",
        "They recalled the end of the Winter War (1939-1940) together.",
        "The 9/11 attacks changed the 24/7 news.",
    ],
)
def test_not_figures(figures, text):
    assert figures(text) == ()


@pytest.mark.parametrize("words, value", [("2,000", 2000), ("one and a half billion", 1.5e9),
                                          ("a hundred thousand", 1e5), ("twenty five", 25), ("4.5", 4.5)])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("gold_name, docs", [("seeds.jsonl", SEEDS), ("dev.jsonl", DEV)])
def test_gold_sets_figure_f1(analyzer, gold_name, docs):
    gold, texts, persons = evaluate.load_gold(GOLD / gold_name, docs)
    pred, _, _ = pipeline.evaluate_extract([str(docs / name) for name in gold], Settings(), analyzer)
    metrics = evaluate.score(pred, gold, texts, persons).metrics
    assert metrics["figure_f1"] >= 0.95, json.dumps(metrics)
    floors = {"seeds.jsonl": (0.90, 0.88), "dev.jsonl": (0.90, 0.87)}[gold_name]
    assert metrics["figure_speaker_accuracy"] >= floors[0], json.dumps(metrics)
    assert metrics["figure_about_overlap"] >= floors[1], json.dumps(metrics)


@pytest.mark.parametrize(
    "text, value, speaker",
    [
        ("Putin noted that turnover between the two economies had increased by 17 percent.", 17, "Vladimir Putin"),
        ("Trade grew by 12 percent over the year, Putin said.", 12, "Vladimir Putin"),
        ("According to Xi Jinping, trade reached $240 billion.", 2.4e11, "Xi Jinping"),
        ("Putin, on a two-day visit to Minsk, said the talks had gone well.", 2, None),
        ("The leaders were greeted by two officials at the airport, Putin said later.", 2, "Vladimir Putin"),
        ("Trade reached $240 billion last year.", 2.4e11, None),
        ("\u201cTrade keeps growing [it grew by 12 percent in 2023] and will grow,\u201d Putin said.", 12, None),
        ("\u201cTrade grew by 12 percent,\u201d Putin said.", 12, "Vladimir Putin"),
        ("Chancellor Scholz stated that both sides marked 30 years of ties.", 30, "Olaf Scholz"),
        ("Lukashenko said he was glad, while Putin noted that trade rose 7 percent.", 7, "Vladimir Putin"),
        ("Trade keeps growing, Putin said, adding that it rose 9 percent.", 9, "Vladimir Putin"),
        ("Xi Jinping pointed out that the region matters. More than 300 years ago, the port opened.", 300,
         "Xi Jinping"),
        ("Xi met Putin in Moscow.\nThe region grew fast. More than 300 years ago, the port opened.", 300, None),
        ("According to Xi Jinping, the region matters. The talks lasted 40 minutes.", 40, None),
        # "he" goes on with whoever spoke just before, not with the name nearest to it
        ("Erdogan said in an interview with the writer Orhan Pamuk in Ankara.\nThis is his first two-day "
         "visit in years, he said.", 2, "Recep Tayyip Erdogan"),
        # what the words before "he said the following:" say is not what he said
        ("In the twenty minutes of remarks released by Erdogan's office, he said the following:", 20, None),
        # an editor's note inside a quote is the outlet's, the rest of the quote its speaker's
        ('"Exports rose (by 8 percent in 2023 - Agency note), and 5 new plants will open," Putin said.', 8, None),
        ('"Exports rose (by 8 percent in 2023 - Agency note), and 5 new plants will open," Putin said.', 5,
         "Vladimir Putin"),
    ],
)
def test_a_figure_outside_quotes_is_said_by_whom_the_sentence_reports(figures, text, value, speaker):
    (figure,) = [f for f in figures(text) if f.value == value]
    assert figure.speaker == speaker


@pytest.mark.parametrize(
    "text, value, about",
    [
        ("Putin noted that turnover between the two economies had increased by 17 percent.", 17,
         "growth of turnover between two economies"),
        ("Our trade exceeds $50 billion.", 5e10, "trade"),
        ("The meeting lasted three hours.", 180, "duration of meeting"),
        ("It lasted 47 minutes.", 47, "duration"),
        ("Close to 12 million tons of wheat left the ports.", 1.2e7, "wheat"),
        ("The consultations started in 2019.", 2019, "consultations started"),
        ("Celebrating the 60th anniversary of the charter is the theme of the year.", 60,
         "anniversary of charter"),
        ("The row started more than 40 minutes into the talks.", 40, "time into talks"),
        ("He arrived three days after the council condemned the launch, which angered Seoul.", 3,
         "time after the council condemned the launch"),
        ("It came six weeks before the election.", 42, "time before election"),
        ("Twenty minutes later, the guests left.", 20, None),
        ("The two sides expected to meet for four hours.", 240, "duration of the meeting"),
        ("The plenary meeting commenced at noon and lasted for approximately 65 minutes.", 65,
         "duration of plenary meeting"),
        ("I am going to reduce that by 10 percent.", 10, "reduction"),
        ("Tariffs on steel were cut to 15% this week.", 15, "Tariffs on steel"),
        ("Last year we had quite a growth: over 30 percent.", 30, "growth"),
        ("He and Putin have met more than 40 times.", 40, "meetings"),
        ("The two leaders communicated for a total of 2 hours and 10 minutes.", 130,
         "total duration of the conversation"),
        ("Trade between Russia and Belarus exceeds $50 billion.", 5e10, "Trade between Russia and Belarus"),
        ("We sent five or six experts.", 6, "experts"),
        ("The issue should be resolved by the end of 2025.", 2025, "issue resolved"),
        ("The summit ended after some three hours of talks.", 180, "duration of talks"),
        ("The two presidents met for the fourth time this year.", 4, "meetings"),
        ("The port is only a two hours' drive from the capital.", 120, "drive"),
        ("In 2017 they decided to build a bridge across the strait.", 2017, "build bridge"),
        ("In 2004 it repeated itself.", 2004, None),
        ("The agreement has been extended for another ten years.", 10, "extension of agreement"),
        ("The 61-year-old minister arrived in Rome.", 61, "age of minister"),
        ("It marks 40 years since the signing of the charter.", 40, "time since signing of charter"),
        ("Exports grew by 20 percent, 25 or even 30.", 25, "growth of Exports"),
        ("Three times, the delegations picked the island.", 3, "times delegations picked island"),
        ("It happened three times.", 3, None),
        ("They hope to deepen their ties over the coming 20 years.", 20, "duration of ties"),
        ("Trade peaked in the record year, 2019.", 2019, "record year"),
        ("They adopted a plan for the next 10 years.", 10, "duration of plan"),
        ("The election in 2016 changed everything.", 2016, "election"),
        ("Trade between the two countries reached $10 billion. They plan to raise this figure to $20 billion.",
         2e10, "Trade between two countries"),
    ],
)
def test_what_a_figure_measures_comes_from_its_sentences_syntax(figures, text, value, about):
    (figure,) = [f for f in figures(text) if f.value == value]
    assert figure.about == about


def test_a_figure_its_words_leave_open_is_about_the_matter_its_statement_answers(figures):
    text = 'Commenting on the new deadlines, Lukashenko said: "30, 40 days — that is not serious."'
    assert [(f.value, f.about) for f in figures(text)] == [(30, "new deadlines"), (40, "new deadlines")]
    # the outlet's own figure takes no matter from a frame
    assert [f.about for f in figures("Asked about the plan, 42 percent agreed.")] == [None]


def test_what_passes_between_two_countries_is_named_as_theirs(analyze_text):
    text = ("Vladimir Putin met Alexander Lukashenko in Minsk on 3 May 2024.\n\n"
            "Trade grew by 10 percent last year, Putin said. Trade with China reached $240 billion, he added. "
            "Our foreign trade balance was 130 billion dollars.\n")
    found = {f.value: f.about for f in analyze_text(text, published="2024-05-03").figures}
    assert found[10] == "growth of Belarus–Russia trade"  # the participants in their (sorted) order
    assert found[2.4e11] == "Trade with China" and found[1.3e11] == "foreign trade balance"
