"""One reading per page: the extractors share its sentences, tokens and names, and never split,
tokenise or look up names in the whole text again."""

from __future__ import annotations

from collections import Counter

from summitlog.analysis import analyzer as analyzer_module
from summitlog.analysis import figures, meetings, nlp, pledges, quotes, text
from summitlog.reading.clean import clean
from summitlog.records import RawInput

PAGE = """Putin and Lukashenko meet in Minsk

MINSK, 14 March 2019 - Russian President Vladimir Putin met Belarusian President Alexander \
Lukashenko in Minsk on Thursday for talks that lasted four hours.

"Our trade turnover exceeded $35 billion last year, and it will grow further," Putin said.

Lukashenko said the two countries would sign a new energy agreement by the end of 2019. "We \
agreed on gas prices," he added.

The two leaders also discussed security. Putin noted that 12 joint projects were under way.
"""


def test_every_extractor_reads_the_shared_page(analyzer, monkeypatch):
    doc = clean(RawInput(source="t", name="t", content=PAGE, kind="text", published="2019-03-14"))
    calls: Counter[str] = Counter()

    def counted(name, function, whole_text_only=False):
        def wrapper(*args, **kwargs):
            if not whole_text_only or args[0] == doc.text:
                calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    for module in (analyzer_module, figures, meetings, nlp, pledges, quotes):
        if hasattr(module, "sentence_spans"):
            monkeypatch.setattr(module, "sentence_spans", counted("split", text.sentence_spans))
    registry = analyzer.registry
    monkeypatch.setattr(registry, "find_names", counted("names", registry.find_names, whole_text_only=True))
    english = analyzer.reader("en")
    tokenizer = english.nlp.tokenizer
    monkeypatch.setattr(english.nlp, "tokenizer", counted("tokenise", tokenizer))
    parsed: list[str] = []
    parser_pipe = english.parser.pipe

    def pipe(texts, **kwargs):
        texts = list(texts)
        parsed.extend(texts)
        return parser_pipe(texts, **kwargs)
    monkeypatch.setattr(english.parser, "pipe", pipe)

    found = analyzer_module.analyze(doc, analyzer)

    assert calls == Counter(split=1, names=1, tokenise=1)
    assert {q.speaker for q in found.quotes} == {"Vladimir Putin", "Alexander Lukashenko"}
    assert [m.participants for m in found.meetings if m.role == "reported"] == [
        ("Alexander Lukashenko", "Vladimir Putin")]
    assert any(f.unit == "USD" and f.speaker == "Vladimir Putin" for f in found.figures)
    # the sentences attribution asks about are parsed together, each once
    assert parsed and len(parsed) == len(set(parsed))


def test_a_long_page_is_one_doc_with_the_texts_offsets(analyzer):
    paragraph = "Vladimir Putin met Alexander Lukashenko in Minsk, and the two spoke at length. "
    page = (paragraph * 20 + "\n\n") * 80  # over 100,000 characters: read in pieces
    doc = clean(RawInput(source="t", name="t", content=page, kind="text"))
    read = analyzer.read(doc)
    assert len(nlp.pieces(doc.text)) > 1
    assert read.doc.text == doc.text
    people = [doc.text[a:b] for a, b, _ in read.persons]
    assert people.count("Vladimir Putin") == page.count("Vladimir Putin")
    assert read.names[-1][2] == "Alexander Lukashenko" and read.sentences[-1][1] <= len(doc.text)
