"""Speed and scale of summitlog on one machine, in one run; prints a table and writes JSON.

1. Builds a corpus (bench/corpus.py: the bundled pages recombined, recast, redated).
2. Words per second of the full pipeline (read, clean, analyse on N worker processes,
   store, link) against plain spaCy en_core_web_sm `nlp.pipe` over the same texts in
   one process, and the peak memory of all the pipeline's processes together.
3. How ingest and linking time grow from 1x to 10x the corpus.
4. Statement search latency (p50/p95, with its total and facets, as the web page asks)
   on a generated store of one million statements.
5. The real corpora beside the checkout (PolNeAR's articles, the Kremlin HTML pages, the
   development pages) at equal cores: 1 worker against spaCy in one process, 2 workers against
   nlp.pipe(n_process=2) (`--real-only` runs just this).
6. The scorer's figures on the gold sets, to show the speed cost no accuracy.

    .venv/bin/python bench/scale.py [--docs 2000] [--workers 2] [--scale 10] [--statements 1000000]
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from summitlog import pipeline  # noqa: E402
from summitlog.actors.registry import Registry  # noqa: E402
from summitlog.analysis import analyzer, nlp  # noqa: E402
from summitlog.errors import InputError  # noqa: E402
from summitlog.linking.link import Linker  # noqa: E402
from summitlog.parallel import Pool, analyze_in_worker, in_order  # noqa: E402
from summitlog.reading.sources import read_inputs  # noqa: E402
from summitlog.records import Document, Extraction  # noqa: E402
from summitlog.settings import Settings  # noqa: E402
from summitlog.storage.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


class PeakMemory:
    """Peak resident memory of this process and all its children together, sampled."""

    def __init__(self, every: float = 0.05) -> None:
        self.every, self.peak, self.running = every, 0, False

    def sample(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def __enter__(self) -> "PeakMemory":
        self.running = True
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()
        return self

    def loop(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.sample())
            time.sleep(self.every)

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join()


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text("utf-8").split()) for p in paths)


def spacy_baseline(paths: list[Path]) -> dict[str, float]:
    """spacy_pipe() in a process of its own (spawned), so that the full model it loads is
    never in the memory that the pipeline's later runs fork from and are measured by."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as one:
        return one.submit(spacy_pipe, paths).result()


def spacy_pipe(paths: list[Path]) -> dict[str, float]:
    """Seconds for plain en_core_web_sm (every component) over the texts in one process,
    with nlp.pipe's default batch and with batches of 32 (faster here): the ratio is taken
    against the faster, so a slow baseline never flatters the pipeline."""
    model = nlp.load_model(exclude=())
    texts = [p.read_text("utf-8") for p in paths]
    seconds = {}
    for name, batch in (("default_batch", None), ("batch_32", 32)):
        start = time.perf_counter()
        for _ in model.pipe(texts, batch_size=batch):
            pass
        seconds[name] = time.perf_counter() - start
    return seconds


def spacy_on_texts(texts: list[str], processes: int) -> float:
    """Seconds for plain en_core_web_sm (every component) over the texts, with `processes`
    processes (nlp.pipe's n_process), in a process of its own as spacy_baseline."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as one:
        return one.submit(spacy_texts, texts, processes).result()


def spacy_texts(texts: list[str], processes: int) -> float:
    model = nlp.load_model(exclude=())
    start = time.perf_counter()
    for _ in model.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def real_corpora() -> dict[str, list[Path]]:
    """The real pages at hand, beside the checkout: never copied into the repository."""
    found = {
        "polnear (924 news articles)": sorted((SHARED / "external" / "polnear" / "docs").rglob("*.txt")),
        "kremlin (309 HTML pages)": sorted((SHARED / "external" / "kremlin" / "pages").glob("*.html")),
        "development pages (seeds, dev, dev2)": sorted(
            p for folder in (ROOT / "examples" / "seeds", SHARED / "dev", SHARED / "dev2") for p in folder.glob("*.txt")),
    }
    return {name: paths for name, paths in found.items() if paths}


def clean_texts(folder: Path) -> list[str]:
    """The clean text of every readable page in a folder, as the pipeline analyses it."""
    texts = []
    for raw in read_inputs([str(folder)], Settings()):
        try:
            texts.append(pipeline.prepare(raw).text if not isinstance(raw, InputError) else "")
        except InputError:
            continue
    return [t for t in texts if t]


def on_real_text(tmp: Path) -> dict:
    """Each real corpus at equal cores: the full pipeline on 1 worker against spaCy in one
    process, on 2 workers against nlp.pipe(n_process=2); words are those of the clean text,
    which both sides read."""
    out = {}
    for name, paths in real_corpora().items():
        folder = tmp / f"real-{len(out)}"
        folder.mkdir()
        for i, path in enumerate(paths):  # links, so that every page is read from its own file
            (folder / f"{i:05d}_{path.name}").symlink_to(path)
        texts = clean_texts(folder)
        words = sum(len(t.split()) for t in texts)
        row = {"pages": len(paths), "words": words}
        for cores in (1, 2):
            run = ingest(folder, tmp / f"real-{len(out)}-{cores}.db", cores)
            base = spacy_on_texts(texts, cores)
            row[f"{cores}_core"] = {"pipeline_words_per_second": words / run["seconds"],
                                    "spacy_words_per_second": words / base, "ratio": base / run["seconds"],
                                    "peak_memory_mb": run["peak_memory_mb"]}
        out[name] = row
        print(name, json.dumps(row, indent=1), flush=True)
    out["growth on real text"] = real_growth(tmp, real_corpora()["development pages (seeds, dev, dev2)"])
    return out


def real_growth(tmp: Path, paths: list[Path], copies: int = 10) -> dict:
    """Ingest time per page, and storing and linking per page, at 1x and 10x the development
    pages (bench/corpus.recast: each copy with its own leaders, dates and figures), 1 worker."""
    rows = {}
    for scale in (1, copies):
        folder = tmp / f"real-growth-{scale}"
        written = corpus.recast(paths, folder, scale)
        run = ingest(folder, tmp / f"real-growth-{scale}.db", 1)
        rows[f"{scale}x"] = {"pages": len(written), "ms_per_page": 1000 * run["seconds"] / len(written),
                             "store_and_link_ms_per_page": 1000 * run["store_and_link_seconds"] / len(written),
                             "peak_memory_mb": run["peak_memory_mb"], "events": run["events"]}
    rows["per_page_vs_1x"] = rows[f"{copies}x"]["ms_per_page"] / rows["1x"]["ms_per_page"]
    print("growth on real text", json.dumps(rows, indent=1), flush=True)
    return rows


def ingest(folder: Path, db: Path, workers: int) -> dict:
    """The ingest pipeline step by step (as pipeline.ingest runs it), timing storing and
    linking apart from the rest."""
    settings = Settings(db=str(db))
    start = time.perf_counter()
    saving = 0.0
    counts = {"added": 0, "unchanged": 0, "failed": 0}
    with Store.open(db) as store, Pool(workers) as pool, PeakMemory() as memory:
        linker = Linker(store, Registry.load())
        if workers > 1:
            job = functools.partial(analyze_in_worker, registry=None)
        else:
            job = functools.partial(analyzer.analyze, analyzer=analyzer.Analyzer())
        docs = pipeline.new_documents(read_inputs([str(folder)], settings), store)
        for item in in_order(pool, job, docs, ready=lambda x: isinstance(x, Document)):
            if isinstance(item, Extraction):
                t0 = time.perf_counter()
                result = pipeline.save(item, store, linker)
                saving += time.perf_counter() - t0
                counts[result.status] += 1
            else:
                counts["failed" if isinstance(item, InputError) else "unchanged"] += 1
        summary = store.summary()
    return {"seconds": time.perf_counter() - start, "store_and_link_seconds": saving,
            "peak_memory_mb": memory.peak / 2**20, "counts": counts, **summary}


def million_statements(db: Path, statements: int, sample_db: Path, seed: int = 7) -> None:
    """A store of generated statements: real statement texts from the sample store with
    words swapped between them, over documents spread across years, outlets and speakers."""
    rng = random.Random(seed)
    with Store.open(sample_db) as sample:
        texts = [r[0] for r in sample.conn.execute("SELECT text FROM quotes")]
        topics = [r[0] for r in sample.conn.execute("SELECT DISTINCT topics FROM quotes")]
    vocabulary = sorted({w for t in texts for w in t.split()})
    speakers = sorted(Registry.load().actors)
    sites = [f"outlet{i}.example" for i in range(40)]
    per_doc = 20
    with Store.open(db) as store:
        conn = store.conn
        conn.execute("BEGIN")
        for d in range(statements // per_doc):
            doc_id = f"{d:016x}"
            year = rng.randint(2000, 2026)
            conn.execute(
                "INSERT INTO documents (id, source, name, kind, site, title, published, raw, text, ingested_at) "
                "VALUES (?, ?, ?, 'text', ?, ?, ?, '', '', '2026-01-01')",
                (doc_id, f"gen/{d}", f"gen{d}.txt", rng.choice(sites), f"Generated report {d}",
                 f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
            rows = []
            for k in range(per_doc):
                words = rng.choice(texts).split()
                for _ in range(max(1, len(words) // 8)):
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
                rows.append((doc_id, k * 100, k * 100 + 99, " ".join(words), rng.choice(speakers), "direct",
                             "said", rng.choice(topics), "bench"))
            conn.executemany(
                'INSERT INTO quotes (doc_id, start, "end", text, speaker, kind, cue, topics, extractor) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            if d % 2000 == 1999:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


def search_latency(db: Path, queries: int = 300, seed: int = 11) -> dict:
    """Milliseconds per statement search (hits, total and facets), over a mix of queries a
    reader of the search page makes."""
    rng = random.Random(seed)
    with Store.open(db) as store:
        words = [r[0] for r in store.conn.execute("SELECT text FROM quotes WHERE id % 997 = 0")]
        words = [w.strip(".,;:“”\"'") for t in words for w in t.split() if len(w) > 4]
        speakers = sorted(Registry.load().actors)
        asks = []
        for i in range(queries):
            kind = i % 5
            if kind == 0:
                asks.append({"search": rng.choice(words)})
            elif kind == 1:
                asks.append({"search": f"{rng.choice(words)} {rng.choice(words)}"})
            elif kind == 2:
                asks.append({"search": rng.choice(words), "speaker": rng.choice(speakers)})
            elif kind == 3:
                asks.append({"speaker": rng.choice(speakers), "page": rng.randint(1, 5)})
            else:
                asks.append({"search": rng.choice(words), "year": str(rng.randint(2000, 2026))})
        times = []
        for ask in asks:
            start = time.perf_counter()
            store.search_quotes(**ask)
            times.append((time.perf_counter() - start) * 1000)
        statements = store.count("quotes")
    times.sort()
    return {"statements": statements, "queries": len(times), "p50_ms": statistics.median(times),
            "p95_ms": times[int(len(times) * 0.95) - 1], "max_ms": times[-1]}


def gold_figures() -> dict:
    found = {}
    for name in ("seeds", "dev"):
        gold = SHARED / "gold" / f"{name}.jsonl"
        docs = SHARED / name
        if gold.exists():
            found[name] = pipeline.evaluate_gold(gold, docs, Settings()).metrics
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale.json")
    parser.add_argument("--real-only", action="store_true",
                        help="Only the real corpora at equal cores (written to bench/out/real.json).")
    args = parser.parse_args()
    if args.real_only:
        with tempfile.TemporaryDirectory() as tmp:
            found = on_real_text(Path(tmp))
        (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
        (ROOT / "bench" / "out" / "real.json").write_text(json.dumps(found, indent=1))
        print_real(found)
        return
    report: dict = {"machine": {"cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)},
                    "workers": args.workers}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = corpus.build(tmp / "x1", args.docs)
        words = words_in(small)
        print(f"corpus: {len(small)} pages, {words} words", flush=True)
        # Twice, each into a new store: a shared two-core machine gives the same run times
        # that differ by a quarter; the faster of each side is compared.
        runs = [ingest(tmp / "x1", tmp / f"x1-{i}.db", args.workers) for i in range(2)]
        pipe = min(runs, key=lambda r: r["seconds"])
        baseline = spacy_baseline(small)
        base = min(baseline.values())
        report["throughput"] = {
            "docs": len(small), "words": words,
            "pipeline_seconds": [r["seconds"] for r in runs], "pipeline_words_per_second": words / pipe["seconds"],
            "spacy_pipe_seconds": baseline, "spacy_pipe_words_per_second": words / base,
            "ratio": base / pipe["seconds"], "peak_memory_mb": max(r["peak_memory_mb"] for r in runs),
            "stored": {k: pipe[k] for k in ("documents", "quotes", "meetings", "events", "figures")},
        }
        print(json.dumps(report["throughput"], indent=1), flush=True)
        growth = {"1x": pipe}
        if args.scale > 1:
            corpus.build(tmp / f"x{args.scale}", args.docs * args.scale, seed=2)
            growth[f"{args.scale}x"] = ingest(tmp / f"x{args.scale}", tmp / f"x{args.scale}.db", args.workers)
        report["growth"] = {k: {"docs": v["documents"], "inputs": v["counts"], "seconds": v["seconds"],
                                "ms_per_doc": 1000 * v["seconds"] / v["documents"],
                                "store_and_link_ms_per_doc": 1000 * v["store_and_link_seconds"] / v["documents"],
                                "peak_memory_mb": v["peak_memory_mb"]} for k, v in growth.items()}
        print(json.dumps(report["growth"], indent=1), flush=True)
        million_statements(tmp / "search.db", args.statements, tmp / "x1-0.db")
        report["search"] = search_latency(tmp / "search.db")
        print(json.dumps(report["search"], indent=1), flush=True)
        report["real"] = on_real_text(tmp)
    report["gold"] = gold_figures()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))
    print_table(report)


def print_table(report: dict) -> None:
    t, s = report["throughput"], report["search"]
    rows = [
        ("pipeline words/s", f"{t['pipeline_words_per_second']:.0f}  ({report['workers']} workers)"),
        ("spaCy nlp.pipe words/s", f"{t['spacy_pipe_words_per_second']:.0f}  (1 process)"),
        ("ratio (>= 2.0)", f"{t['ratio']:.2f}"),
        ("peak memory (<= 1536 MB)", f"{t['peak_memory_mb']:.0f} MB"),
        *((f"ingest {k}", f"{v['docs']} docs ({', '.join(f'{n} {s}' for s, n in v['inputs'].items() if n)}), "
           f"{v['ms_per_doc']:.1f} ms/doc, store+link {v['store_and_link_ms_per_doc']:.1f} ms/doc, "
           f"peak {v['peak_memory_mb']:.0f} MB") for k, v in report["growth"].items()),
        (f"search over {s['statements']} statements", f"p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms (<= 50)"),
        *((f"gold {k}", ", ".join(f"{m} {v:.3f}" for m, v in figures.items() if isinstance(v, float)))
          for k, figures in report["gold"].items()),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print_real(report.get("real", {}))


def print_real(found: dict) -> None:
    """One line per real corpus and core count: pipeline and spaCy words/s, their ratio, memory."""
    for name, row in found.items():
        if name == "growth on real text":
            print(f"{name}: {row['1x']['ms_per_page']:.0f} ms/page at 1x, {row['10x']['ms_per_page']:.0f} at 10x "
                  f"({row['per_page_vs_1x']:.2f}x); storing and linking {row['1x']['store_and_link_ms_per_page']:.1f} "
                  f"and {row['10x']['store_and_link_ms_per_page']:.1f} ms/page; peak {row['10x']['peak_memory_mb']:.0f} MB")
            continue
        for cores in (1, 2):
            r = row[f"{cores}_core"]
            print(f"{name}, {cores} core{'s' if cores > 1 else ''}: pipeline {r['pipeline_words_per_second']:.0f} "
                  f"words/s, spaCy {r['spacy_words_per_second']:.0f}, ratio {r['ratio']:.2f}, "
                  f"peak {r['peak_memory_mb']:.0f} MB")


if __name__ == "__main__":
    main()
