"""Russian words per second on one core: summitlog's whole analysis of a page against natasha's
own pipeline (segmenter, morphology, syntax and NER, the models summitlog reads Russian with)
run over the same clean texts in one process.

The pages are the Russian ones beside the checkout: ../shared/ru/pairs (the Russian halves),
../shared/dev2/ru and the FactRuEval texts in ../shared/external/factru/docs; each is read
`--repeat` times so that the figure is not the models' loading.

    .venv/bin/python bench/russian.py [--repeat 3] [--out bench/out/russian.json]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from summitlog.analysis.analyzer import Analyzer, analyze
from summitlog.pipeline import prepare
from summitlog.records import RawInput

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pages() -> list[Path]:
    found = sorted((SHARED / "ru" / "pairs").glob("*_ru_*.txt")) + sorted((SHARED / "dev2" / "ru").glob("*.txt"))
    return found + sorted((SHARED / "external" / "factru" / "docs").glob("*.txt"))


def natasha_pipeline(texts: list[str], one_thread: bool) -> float:
    """Seconds natasha takes to segment, tag, parse and name every text, as installed (OpenBLAS
    picks its threads) or on one BLAS thread, as summitlog runs it."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    from threadpoolctl import threadpool_limits

    embedding = NewsEmbedding()
    segmenter, morph = Segmenter(), NewsMorphTagger(embedding)
    syntax, ner = NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    started = time.perf_counter()
    with threadpool_limits(limits=1 if one_thread else None, user_api="blas"):
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
    return time.perf_counter() - started


def summitlog_analysis(docs, analyzer: Analyzer) -> float:
    started = time.perf_counter()
    for doc in docs:
        analyze(doc, analyzer)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "russian.json")
    args = parser.parse_args()
    paths = pages()
    if not paths:
        raise SystemExit(f"no Russian pages found under {SHARED}")
    docs = [prepare(RawInput(source=str(p), name=p.name, content=p.read_text("utf-8"), kind="text"), lang="ru")
            for p in paths] * args.repeat
    texts = [d.text for d in docs]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    analyzer = Analyzer()
    analyze(docs[0], analyzer)  # the Russian models load on the first Russian page: not timed
    ours = summitlog_analysis(docs, analyzer)
    installed = natasha_pipeline(texts, one_thread=False)
    single = natasha_pipeline(texts, one_thread=True)
    report = {"pages": len(paths), "repeat": args.repeat, "words": words,
              "summitlog_words_per_s": round(words / ours),
              "natasha_words_per_s": round(words / installed), "natasha_one_thread_words_per_s": round(words / single),
              "ratio": round(installed / ours, 2), "ratio_one_thread": round(single / ours, 2)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"{'Russian pages':32} {len(paths)} x {args.repeat}, {words:,} words")
    print(f"{'summitlog, 1 core':32} {report['summitlog_words_per_s']:,} words/s")
    print(f"{'natasha pipeline, as installed':32} {report['natasha_words_per_s']:,} words/s (ratio {report['ratio']})")
    print(f"{'natasha pipeline, 1 BLAS thread':32} {report['natasha_one_thread_words_per_s']:,} words/s "
          f"(ratio {report['ratio_one_thread']})")


if __name__ == "__main__":
    main()
