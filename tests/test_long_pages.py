"""A page longer than spaCy reads at once is analysed in pieces, with offsets into the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summitlog.analysis import nlp

HEAD = (
    "Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in Minsk on March 14, "
    "2019. \u201cWe have settled the main points,\u201d Putin said after the talks, which lasted three hours. "
)
FILLER = "The river runs past the old mill and the fields turn green in spring, while the market opens early. "
TAIL = "\u201cOur gas deal holds until 2030,\u201d Lukashenko said later."


def found(extraction, shift: int = 0):
    return (
        [(q.start - shift, q.end - shift, q.text, q.speaker) for q in extraction.quotes],
        [(m.participants, m.date, m.city, m.duration_minutes, m.kind) for m in extraction.meetings],
        [(f.start - shift, f.end - shift, f.value, f.unit, f.speaker) for f in extraction.figures],
    )


def test_a_page_of_one_two_megabyte_line_is_analysed_like_a_short_one(analyze_text):
    filler = FILLER * (2 * 1024 * 1024 // len(FILLER))
    page = HEAD + filler + TAIL
    assert "\n" not in page and len(page) > 2 * 1024 * 1024
    long = analyze_text(page)
    short_head, short_tail = analyze_text(HEAD + FILLER), analyze_text(FILLER + TAIL)
    quotes, meetings, figures = found(long)
    assert quotes[0] == found(short_head)[0][0] and meetings == found(short_head)[1]
    assert figures[0] == found(short_head)[2][0]
    shift = len(HEAD) + len(filler) - len(FILLER)  # the tail's offsets in the long page
    assert found(long, shift)[0][-1] == found(short_tail)[0][-1]
    assert long.document.text[long.quotes[-1].start:long.quotes[-1].end] == long.quotes[-1].text


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=600), st.integers(min_value=8, max_value=80))
def test_pieces_cover_the_text_in_order_and_keep_to_their_size(text, size):
    spans = nlp.pieces(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= size for s, e in spans[:-1]) and spans[-1][1] - spans[-1][0] <= size


def test_pieces_cut_at_paragraphs_then_sentences_then_spaces():
    text = "One two three. Four five six.\n\nSeven eight nine ten eleven."
    assert [text[a:b] for a, b in nlp.pieces(text, 40)][0] == "One two three. Four five six."
    prose = "The first sentence ends here. The second one runs on and on"
    assert [prose[a:b] for a, b in nlp.pieces(prose, 40)][0] == "The first sentence ends here."
    assert all(not text[b - 1:b + 1].isalpha() for _, b in nlp.pieces(text, 12)[:-1])
