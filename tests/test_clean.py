"""Cleaning real pages: chrome goes, body paragraphs stay verbatim with offsets into the raw page."""

from __future__ import annotations

import pytest
from conftest import DATA, DEV, SEEDS, dev, seed

from summitlog.analysis.dates import parse_date
from summitlog.reading.clean import clean, is_noise
from summitlog.reading.sources import read_inputs
from summitlog.records import RawInput
from summitlog.settings import Settings


def cleaned(path):
    (raw,) = list(read_inputs([str(path)], Settings()))
    return clean(raw)


def paragraphs(doc):
    """Paragraph texts with no-break spaces shown as spaces (the Kremlin pages use them)."""
    return [doc.text[p.start:p.end].replace("\xa0", " ") for p in doc.paragraphs]


@pytest.mark.parametrize(
    "prefix, gone, kept",
    [
        (
            "000",
            [],
            [
                "Minsk — Moscow: effective integration across all areas",
                "‘THE MAIN THING IN FOREIGN POLICY IS PEACE’",
                "Based on materials of sb.by and belta.by",
            ],
        ),
        (
            "001",
            ["Photo: BELTA", "- Share on Facebook", "- Share on VK", "- Share on Twitter"],
            ["10:52, 26 September"],
        ),
        ("002", ["3.69 BYN", "2.99 BYN", "3.42 BYN"], ["Vladimir Putin:"]),
        (
            "003",
            ["View settings", "Font size:", "Site colours:",
             "Official website of the President of Russia", "News   /", "* * *"],
            ["Russian-Belarusian talks", "President of Russia Vladimir Putin: Mr President,",
             "Vladimir Putin: Thank you."],
        ),
        ("004", ["• 6", "• 2"], ["Negotiations with Russian President Vladimir Putin"]),
    ],
)
def test_seed_noise_goes_and_body_stays(prefix, gone, kept):
    doc = cleaned(seed(prefix))
    paras = paragraphs(doc)
    for line in gone:
        assert line.strip() not in paras
    for line in kept:
        assert line in paras
    # Every line of the page that is not noise is a paragraph, unchanged.
    raw_lines = [line.strip() for line in doc.raw.splitlines() if line.strip()]
    assert len(raw_lines) - len(gone) == len(paras)
    assert doc.removed_lines == len(gone)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt")), ids=lambda p: p.name[:3])
def test_paragraph_offsets_map_back_to_the_raw_page(path):
    doc = cleaned(path)
    assert doc.paragraphs
    for p in doc.paragraphs:
        assert doc.raw[p.raw_start:p.raw_start + p.end - p.start] == doc.text[p.start:p.end]
    middle = doc.paragraphs[len(doc.paragraphs) // 2]
    assert doc.raw_offset(middle.start + 3) == middle.raw_start + 3


def test_long_body_paragraph_of_seed_000_is_intact():
    doc = cleaned(seed("000"))
    body = next(p for p in paragraphs(doc) if p.startswith("The meeting started a little after midday"))
    assert body.endswith("The meeting lasted 5 hours and 22 minutes in total.")


@pytest.mark.parametrize(
    "prefix, title, published, dateline",
    [
        ("000", "Minsk — Moscow: effective integration across all areas", None, None),
        ("001", "Putin: The situation in cooperation between Russia and Belarus is very good",
         "--09-26", "10:52, 26 September"),
        ("003", "Russian-Belarusian talks", "2022-02-18", "February 18, 2022, The Kremlin, Moscow"),
    ],
)
def test_seed_metadata(prefix, title, published, dateline):
    doc = cleaned(seed(prefix))
    shown = (doc.dateline or "").replace("\xa0", " ") or None
    assert (doc.title, doc.published, shown) == (title, published, dateline)


def test_dev_page_share_buttons_and_contacts_go():
    doc = cleaned(dev("014"))
    assert not {"Pinterest", "Telegram", "Linkedin", "WhatsApp"} & set(paragraphs(doc))
    assert doc.published == "2023-04-14"
    doc = cleaned(dev("037"))
    paras = paragraphs(doc)
    assert not any(p.startswith(("Address:", "Phone:", "Main / News")) for p in paras)
    assert paras[0] == "Lukashenko shares details of recent talks with Putin in Sochi"


def test_scraper_date_header_is_metadata_not_text():
    doc = cleaned(dev("010"))
    assert doc.published == "2025-02-27"
    assert doc.text.startswith("Donald Trump invited for unprecedented second state visit")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("February 18, 2022, The Kremlin, Moscow", "2022-02-18"),
        ("10:52, 26 September", "--09-26"),
        ("Posted: 19.09.2023 13:04:00", "2023-09-19"),
        ("2023-07-08 09:48:18 | Last Update : 2023-07-08 09:54:54", "2023-07-08"),
        ("on September 26th", "--09-26"),
        ("no date here", None),
        ("Updated 2023-02-29 10:00", None),
    ],
)
def test_parse_date_never_guesses_a_year(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "line, noise",
    [
        ("Share on Telegram", True),
        ("Home / World / Asia", True),
        ("USD 89.50", True),
        ("12 345", True),
        ("Read more", True),
        ("Vladimir Putin:", False),
        ("Russian-Belarusian talks", False),
        ("Follow the money, the minister said of the sanctions, and you will find the answer.", False),
        ("Share of trade in national currencies rose to 90 percent, Putin said.", False),
        ("Поделиться в Telegram", True),  # each language's chrome words apply to every page
        ("Размер шрифта: A A A", True),
        ("Версия для печати", True),
        ("Поделиться мнением о переговорах президенты смогут позже, сообщил пресс-секретарь.", False),
    ],
)
def test_noise_rules(line, noise):
    assert is_noise(line) is noise


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Leaders meet in Astana\n\n"
        "President Tokayev welcomed President Putin to the Akorda on Thursday and\n"
        "the two leaders held talks in the narrow format.\n\n"
        "The talks lasted three hours.\n"
    )
    doc = clean(RawInput(source="x", name="x", content=text, kind="text"))
    assert paragraphs(doc)[1] == (
        "President Tokayev welcomed President Putin to the Akorda on Thursday and\n"
        "the two leaders held talks in the narrow format."
    )
    assert len(doc.paragraphs) == 3


def test_lines_repeated_on_an_outlets_pages_go_only_when_known():
    text = "Most popular this week\n\nPutin and Xi met in Moscow on Monday for informal talks.\n"
    raw = RawInput(source="x", name="x", content=text, kind="text", url="https://news.example/a")
    assert "Most popular this week" in clean(raw).text
    assert "Most popular this week" not in clean(raw, frozenset({"most popular this week"})).text


def test_html_page_main_text_title_date_and_site():
    (raw,) = list(read_inputs([str(DATA / "html" / "agency-article.html")], Settings()))
    doc = clean(raw)
    assert doc.kind == "html"
    assert doc.title == "Putin and Tokayev hold talks in Astana"
    assert doc.published == "2023-11-09"
    assert doc.site == "Agency News"
    assert doc.url == "https://agency.example/world/putin-tokayev-talks"
    assert "held talks in the Akorda presidential palace on Thursday" in doc.text
    for chrome in ("Share on Facebook", "Football results", "All rights reserved", "USD 89.50"):
        assert chrome not in doc.text


def test_html_scripts_never_reach_the_text():
    (raw,) = list(read_inputs([str(DATA / "html" / "script-heavy.html")], Settings()))
    doc = clean(raw)
    assert "alert" not in doc.text and "injected" not in doc.text and "cookies" not in doc.text
    assert "grain corridor" in doc.text


def test_a_day_that_does_not_exist_is_no_date(analyze_text):
    """A typo'd ISO date ("2022-02-29") leaves the meeting undated instead of failing the page."""
    result = analyze_text("Xi and Lula meet\n\nUpdated 2022-02-29\n\nChinese President Xi Jinping met Brazilian "
                          "President Luiz Inacio Lula da Silva in Beijing on Friday for talks.")
    assert result.document.dateline == "Updated 2022-02-29"
    assert [m.date for m in result.meetings if m.role == "reported"] == [None]


@pytest.mark.parametrize("given, kept", [("2023-02-30", None), ("yesterday", None), ("2023-09-26T10:00:00Z", "2023-09-26"),
                                         ("--09-26", "--09-26"), ("--02-30", None)])
def test_a_publication_date_is_kept_only_when_the_day_exists(given, kept):
    from summitlog.reading.clean import clean
    from summitlog.records import RawInput

    page = RawInput(source="t", name="t", content="Leaders met in Astana for talks.", kind="text", published=given)
    assert clean(page).published == kept
    meta = RawInput(source="t", name="t", content=f"date {given[:10]} Leaders met in Astana for talks.", kind="text")
    assert clean(meta).published == (kept if given[:1].isdigit() else None)


def test_an_html_page_keeps_its_title_and_lead_when_the_extraction_drops_them():
    html = (
        "<html><head><title>Telephone conversation with the President of Ruritania</title>"
        '<meta name="description" content="Vladimir Putin had a telephone conversation with the President of '
        'Ruritania Anton Rassendyll.">'
        "</head><body><article>"
        "<p>The leaders went through trade and energy supplies in detail, "
        "and agreed to keep in touch at every level in the coming months.</p>"
        "<p>The leaders also exchanged views on the situation in the region and on the preparations "
        "for the next meeting of the intergovernmental commission.</p></article></body></html>"
    )
    doc = clean(RawInput(source="t.html", name="t.html", content=html, kind="html"))
    assert doc.text.startswith("Telephone conversation with the President of Ruritania")
    assert "Vladimir Putin had a telephone conversation" in doc.text
    assert doc.text.count("Telephone conversation with the President of Ruritania") == 1


def test_html_nested_past_the_parsers_depth_is_still_read():
    deep = ("<html><body>" + "<div>" * 300 + "<p>The two presidents met in the capital on Monday and "
            "discussed energy and trade.</p><p>Their talks lasted three hours.</p>" + "</div>" * 300 + "</body></html>")
    doc = clean(RawInput(source="deep.html", name="deep.html", content=deep, kind="html"))
    assert doc.text.split("\n\n") == ["The two presidents met in the capital on Monday and discussed energy and trade.",
                                      "Their talks lasted three hours."]
    menu = "<html><body>" + "<div>" * 300 + "<ul><li>Home</li><li>World</li></ul>" + "</div>" * 300 + "</body></html>"
    assert not clean(RawInput(source="m.html", name="m.html", content=menu, kind="html")).text.strip()


def test_a_page_that_opens_with_a_transcript_turn_has_no_title():
    text = ("А.Иванов: Уважаемые коллеги!\n\nРад вас видеть.\n\nНачнём с вопросов торговли и энергетики, "
            "которые мы обсуждали в прошлый раз.")
    assert clean(RawInput(source="x", name="x", content=text, kind="text")).title is None
    headed = clean(RawInput(source="x", name="x", content="Talks in the capital\n\n" + text, kind="text"))
    assert headed.title == "Talks in the capital"
