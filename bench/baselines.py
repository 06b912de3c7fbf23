"""summitlog against the tools a user would pick instead, on the same pages, in one run.

Each run is a whole process of its own (model load included), timed and its peak memory
sampled, over the clean texts of a folder (PolNeAR's dev articles by default):

- `summitlog extract` (the whole record);
- en_core_web_sm with only tok2vec and ner (`nlp.pipe`): the least any record needs;
- textacy's `direct_quotations` on the full en_core_web_sm, where a Python with textacy is
  given (`--textacy-python`; textacy is a `bench` extra, never a run-time dependency).

The model is loaded as summitlog loads it (`nlp.load_model`), so each baseline reads the
same installed pipeline.

Words per second are those of the clean texts; ratios are summitlog's words/s over each
baseline's. Median of `--runs` runs.

    .venv/bin/python bench/baselines.py [FOLDER] [--runs 3] [--textacy-python PATH] [--out bench/out/baselines.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from summitlog import pipeline
from summitlog.errors import InputError
from summitlog.reading.sources import read_inputs
from summitlog.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "external" / "polnear" / "docs" / "dev"

NER_ONLY = """
import json, sys
from summitlog.analysis.nlp import load_model
texts = json.load(open(sys.argv[1]))
nlp = load_model(exclude=("tagger", "parser", "attribute_ruler", "lemmatizer", "senter"))
for _ in nlp.pipe(texts):
    pass
"""

TEXTACY = """
import json, sys
from textacy.extract.triples import direct_quotations
from summitlog.analysis.nlp import load_model
texts = json.load(open(sys.argv[1]))
nlp = load_model(exclude=())
found, gave_up = 0, 0
for doc in nlp.pipe(texts):
    try:
        found += len(list(direct_quotations(doc)))
    except Exception:  # an unclosed quotation mark: textacy refuses the page
        gave_up += 1
print(json.dumps({"quotes": found, "pages_given_up": gave_up}))
"""


def clean_texts(folder: Path) -> list[str]:
    """The clean text of every readable page in a folder, as summitlog analyses it."""
    texts = []
    for raw in read_inputs([str(folder)], Settings()):
        if isinstance(raw, InputError):
            continue
        try:
            texts.append(pipeline.prepare(raw).text)
        except InputError:
            continue
    return [t for t in texts if t.strip()]


def timed(command: list[str]) -> dict:
    """Seconds and peak resident memory (MB, the process and its children) of one command."""
    with tempfile.TemporaryFile("w+") as output:  # a pipe would fill and stop the process
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL, text=True)
        watched, peak = psutil.Process(proc.pid), 0
        while proc.poll() is None:
            try:
                peak = max(peak, sum(p.memory_info().rss for p in [watched, *watched.children(recursive=True)]))
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        output.seek(0)
        out = output.read()
    if proc.returncode:
        raise SystemExit(f"{command[:3]} failed with exit code {proc.returncode}")
    return {"seconds": seconds, "peak_memory_mb": peak / 2**20, "stdout": out}


def median_run(command: list[str], runs: int) -> dict:
    found = [timed(command) for _ in range(runs)]
    middle = sorted(found, key=lambda r: r["seconds"])[len(found) // 2]
    return {"seconds": statistics.median(r["seconds"] for r in found),
            "peak_memory_mb": max(r["peak_memory_mb"] for r in found), "stdout": middle["stdout"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=POLNEAR_DEV)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--textacy-python", help="A Python that has textacy and can import summitlog.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "baselines.json")
    args = parser.parse_args()
    texts = clean_texts(args.folder)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(texts))
        commands = {
            "summitlog": [sys.executable, "-m", "summitlog", "extract", str(args.folder), "--format", "gold-jsonl"],
            "ner_only": [sys.executable, "-c", NER_ONLY, str(corpus)],
        }
        if args.textacy_python:
            commands["textacy"] = [args.textacy_python, "-c", TEXTACY, str(corpus)]
        rows = {}
        for name, command in commands.items():
            run = median_run(command, args.runs)
            rows[name] = {"seconds": run["seconds"], "words_per_second": words / run["seconds"],
                          "peak_memory_mb": run["peak_memory_mb"]}
            if name == "textacy":
                rows[name].update(json.loads(run["stdout"]))
            print(name, json.dumps(rows[name]), flush=True)
    result = {"folder": str(args.folder), "pages": len(texts), "words": words, "runs": args.runs, "runs_by": rows,
              "ratios": {f"summitlog_vs_{name}": rows["summitlog"]["words_per_second"] / row["words_per_second"]
                         for name, row in rows.items() if name != "summitlog"}}
    print(json.dumps(result["ratios"], indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
