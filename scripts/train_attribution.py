"""Train the attribution model (src/summitlog/data/attribution.json) on PolNeAR.

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python scripts/train_attribution.py [--polnear ../shared/external/polnear/brat]

PolNeAR (github.com/networkdynamics/PolNeAR) annotates every attribution in 2016 US election
news as source, cue and content spans. For each quote the quote finder meets in a training
article, the candidates are the mentions it would rank at run time; the one that overlaps the
annotated source is the positive. A logistic regression over the features of
`summitlog.analysis.attribution.features` learns which candidate is the source. The dev split gives
the figures printed at the end; the threshold is chosen on the training split.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import replace
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from summitlog.actors.registry import Registry
from summitlog.analysis import nlp
from summitlog.analysis.attribution import Logistic, SourceRanker, features
from summitlog.analysis.quotes import QuoteFinder
from summitlog.analysis.text import sentence_spans

WORD = re.compile(r"\w+")
PREFERENCE = {"name": 0, "descriptor": 1, "pronoun": 2}
OUT = Path(__file__).resolve().parent.parent / "src" / "summitlog" / "data" / "attribution.json"


def read_ann(path: Path) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(source spans, content spans) of every attribution relation of one brat file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = [tuple(map(int, o.split())) for o in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a)
            relations.append(args)
    out = []
    for args in relations:
        if "Source" in args and "Content" in args:
            out.append((spans.get(args["Source"], []), spans.get(args["Content"], [])))
    return out


class Recorder(QuoteFinder):
    """The quote finder, noting each quoted span's features and each quote's window and
    candidates as it meets them; it takes every quoted span for speech."""

    def __init__(self, registry: Registry) -> None:
        super().__init__(registry, SourceRanker({}, 0.0, 2.0), Logistic({}, 0.0, 0.0))
        self.seen: list = []
        self.spans: list = []

    def is_speech(self, ctx, p_start, para, span, whole, alone=False):
        asked = self.speech_question(ctx, p_start, para, span, whole)
        if isinstance(asked, dict):
            self.spans.append((p_start + span.start, p_start + span.end, asked))
            return True  # the statement model is being trained: every span it is asked about is ranked
        return asked

    def ranked(self, ctx, w):
        around, near = self.window(ctx, w)
        self.seen.append((around, near, list(ctx.quoted), ctx.last_speaker, ctx))
        return super().ranked(ctx, w)


def examples(folder: Path, finder: Recorder, ner, parser, spans: list) -> list[tuple[list[dict], int | None]]:
    """Per quote: the candidates' features and the index of the source (None: no candidate is).
    Per quoted span, into `spans`: its features and whether PolNeAR attributes it to a source."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text("utf-8")
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
        curated = [n for n in finder.registry.find_names(text) if finder.registry.actors[n[2]].curated]
        doc = nlp.read(ner, text, curated)  # as the analyzer reads a page
        persons = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
        orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
        relations = read_ann(ann)
        finder.seen, finder.spans = [], []
        finder.find(text, paragraphs, persons, orgs=orgs, syntax=nlp.Syntax(parser, text, sentence_spans(text)))
        for around, near, quoted, last, ctx in finder.seen:
            tokens = [(m.start() + around.start, m.end() + around.start) for m in WORD.finditer(text[around.start:around.end])]
            source = None
            for src, content in relations:
                covered = sum(1 for a, b in tokens if any(s <= a and b <= e for s, e in content))
                if tokens and covered * 2 >= len(tokens):
                    source = src
                    break
            if source is None:
                continue  # a quote PolNeAR does not attribute (a title, a scare quote)
            candidates = [replace(c, last_speaker=bool(m.actor) and m.actor == last)
                          for c, m in zip(finder.candidates(ctx, near), near)]
            overlapping = [i for i, c in enumerate(candidates) if any(s < c.end and c.start < e for s, e in source)]
            # "Network host Dana Reyes": the person, not the organisation before the name
            gold = min(overlapping, key=lambda i: (PREFERENCE.get(candidates[i].kind, 9), i), default=None)
            feats = [features(around, candidates, i, finder.cue, quoted) for i in range(len(candidates))]
            out.append((feats, gold))
        contents = [c for _, content in relations for c in content]
        for start, end, feats in finder.spans:
            tokens = [(m.start() + start, m.end() + start) for m in WORD.finditer(text[start:end])]
            inside = sum(1 for a, b in tokens if any(s <= a and b <= e for s, e in contents))
            spans.append((feats, int(bool(tokens) and inside * 2 >= len(tokens))))
    return out


def accuracy(model, vec, data, threshold):
    """Share of quotes whose pick is right: the source's mention, or no pick when none is."""
    right = 0
    for feats, gold in data:
        pick = None
        if feats:
            probs = model.predict_proba(vec.transform(feats))[:, 1]
            best = int(probs.argmax())
            pick = best if probs[best] >= threshold else None
        right += pick == gold
    return right / len(data)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", type=Path, default=Path("../shared/external/polnear/brat"))
    args = ap.parse_args()
    registry = Registry.load()
    finder = Recorder(registry)
    ner = nlp.build()
    parser = nlp.build_parser()
    train_spans: list = []
    dev_spans: list = []
    train = examples(args.polnear / "train", finder, ner, parser, train_spans)
    dev = examples(args.polnear / "dev", finder, ner, parser, dev_spans)
    rows = [f for feats, _ in train for f in feats]
    labels = [int(i == gold) for feats, gold in train for i in range(len(feats))]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    thresholds = [t / 20 for t in range(1, 16)]
    fits = []
    for c in (0.1, 0.3, 1.0, 3.0):  # regularisation chosen on the dev split, the threshold on train
        model = LogisticRegression(C=c, max_iter=3000).fit(x, labels)
        threshold = max(thresholds, key=lambda t: accuracy(model, vec, train, t))
        fits.append((accuracy(model, vec, dev, threshold), c, model, threshold))
        print(f"C={c}: source picked right on dev {fits[-1][0]:.3f}")
    _, chosen, model, threshold = max(fits, key=lambda f: f[0])
    print(f"quotes: train {len(train)}, dev {len(dev)}; candidates {len(rows)}; C {chosen}, threshold {threshold}")
    print(f"source picked right: train {accuracy(model, vec, train, threshold):.3f}, "
          f"dev {accuracy(model, vec, dev, threshold):.3f}")
    statement, cut = train_statements(train_spans, dev_spans)
    OUT.write_text(json.dumps({
        "trained_on": "PolNeAR train split (840 articles), scripts/train_attribution.py",
        "source": section("source.v1", model, vec, threshold),
        "statement": section("statement.v1", *statement, cut),
    }, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT}")


def section(name, model, vec, threshold) -> dict:
    weights = {k: round(float(w), 4) for k, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-4}
    return {"name": name, "bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
            "weights": dict(sorted(weights.items()))}


def train_statements(train, dev, c=0.5):
    """Speech or not, per quoted span; the threshold that gives the best F1 on the training split."""
    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in train])
    y = [label for _, label in train]
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)

    def f1(data, t):
        probs = model.predict_proba(vec.transform([f for f, _ in data]))[:, 1]
        tp = sum(1 for p, (_, label) in zip(probs, data) if p >= t and label)
        fp = sum(1 for p, (_, label) in zip(probs, data) if p >= t and not label)
        fn = sum(1 for p, (_, label) in zip(probs, data) if p < t and label)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    cut = max((t / 20 for t in range(2, 19)), key=lambda t: f1(train, t))
    print(f"quoted spans: train {len(train)} ({sum(y)} speech), dev {len(dev)}; threshold {cut}; "
          f"speech F1 train {f1(train, cut):.3f}, dev {f1(dev, cut):.3f}")
    return (model, vec), cut


if __name__ == "__main__":
    main()
