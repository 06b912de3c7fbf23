"""A page longer than spaCy reads at once is analysed in pieces, with offsets into the whole text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summitlog.analysis import nlp, text
from summitlog.analysis.attribution import QUOTE_MARKS, Around, Candidate, gap_words, scene, words
from summitlog.analysis.mentions import Taken
from summitlog.analysis.quotemarks import scan

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


def test_a_sentence_without_end_is_read_in_pieces_of_bounded_size_that_cut_no_word():
    line = "Putin said \u201cwe will talk\u201d and " * 400  # no full stop in 12,000 characters
    spans = text.sentence_spans(line)
    assert len(spans) > 1 and all(e - s <= text.LONGEST for s, e in spans)
    assert " ".join(line[s:e] for s, e in spans).split() == line.split()
    assert all(line[s - 1:s].isspace() for s, _ in spans[1:])


def test_sentences_of_ordinary_length_are_not_cut():
    prose = "Xi met Lula in Beijing on Friday. The talks lasted three hours, officials said."
    assert [prose[s:e] for s, e in text.sentence_spans(prose)] == [
        "Xi met Lula in Beijing on Friday.", "The talks lasted three hours, officials said."]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=30), st.integers(-5, 100))
def test_spans_given_at_once_hold_an_offset_as_a_comparison_with_every_one_would(spans, offset):
    held = Taken((s, s + n) for s, n in spans)  # a page's quotes, in any order, nested or not
    assert held.holds(offset) == any(s <= offset < s + n for s, n in spans)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=30),
       st.integers(0, 70), st.integers(0, 12))
def test_taken_spans_answer_as_a_comparison_with_every_one_would(spans, start, size):
    taken = Taken()
    for s, n in spans:
        taken.add(s, s + n)
    end = start + size
    assert taken.overlaps(start, end) == any(s < end and start < s + n for s, n in spans)
    assert taken.holds(start) == any(s <= start < s + n for s, n in spans)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab '\u2019\u201c\u201d\".\n,"), max_size=80), st.data())
def test_the_words_between_a_candidate_and_a_quote_are_those_of_the_gap(line, data):
    if len(line) < 4:
        return
    start = data.draw(st.integers(2, len(line) - 1))
    end = data.draw(st.integers(start, len(line)))
    a = Around(line, start, end, 0, len(line), 0, len(line), None, None)
    candidates = [Candidate(s, min(len(line), s + n), "name") for s, n in data.draw(
        st.lists(st.tuples(st.integers(0, len(line) - 1), st.integers(1, 6)), min_size=1, max_size=6))]
    shared = scene(a, candidates, re.compile(r"\bsaid\b"))
    for c in candidates:
        gap = line[c.end:a.start - 1] if c.start < a.start else line[a.end + 1:c.start]
        assert gap_words(a, c, gap, shared) == sum(1 for w in words(gap) if w not in QUOTE_MARKS)


def test_a_long_line_of_unclosed_marks_keeps_its_closed_quotes():
    line = "It\u2019s the ‘best’ deal, he said. " * 2000
    spans = scan(line)
    assert len(spans) == 2000 and all(line[s.start:s.end] == "best" for s in spans)
