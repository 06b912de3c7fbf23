"""How linking time grows with the corpus: 1x, 10x and 100x the bundled pages.

The bundled pages and the shared development pages (../shared/dev, dev2) are analysed once; each further copy is the
same extraction under a new document id with its meeting dates moved by a
week per copy, as if the same leaders met again. Storing and linking (Events,
alignments, discrepancies, pledge follow-ups) are timed per copy count.

    .venv/bin/python bench/linking.py [--out bench/out/linking.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from summitlog import pipeline
from summitlog.link import Linker
from summitlog.settings import Settings
from summitlog.store import Store

ROOT = Path(__file__).resolve().parent.parent


def shifted(value: str | None, weeks: int) -> str | None:
    if not value:
        return value
    if value.startswith("--"):
        moved = date(2024, int(value[2:4]), int(value[5:7])) + timedelta(weeks=weeks)
        return moved.strftime("--%m-%d")
    return (date.fromisoformat(value) + timedelta(weeks=weeks)).isoformat()


def variant(extraction, copy: int):
    doc = extraction.document
    new_id = hashlib.sha256(f"{doc.id}:{copy}".encode()).hexdigest()[:16]
    meetings = tuple(replace(m, date=shifted(m.date, copy)) for m in extraction.meetings)
    return replace(extraction, document=replace(doc, id=new_id, name=f"{copy}-{doc.name}"), meetings=meetings)


def run(extractions, copies: int) -> dict:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        linker = Linker(store, None)
        save_time = link_time = 0.0
        for copy in range(copies):
            for extraction in extractions:
                item = variant(extraction, copy) if copy else extraction
                t0 = time.perf_counter()
                store.save(item)
                t1 = time.perf_counter()
                linker.link_document(item.document.id)
                link_time += time.perf_counter() - t1
                save_time += t1 - t0
        docs = copies * len(extractions)
        return {"copies": copies, "documents": docs, "events": store.count("events"),
                "store_seconds": round(save_time, 3), "link_seconds": round(link_time, 3),
                "link_ms_per_document": round(1000 * link_time / docs, 3)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "linking.json"))
    ap.add_argument("--copies", default="1,10,100")
    args = ap.parse_args(argv)
    shared = ROOT.parent / "shared"  # the development pages, beside the checkout (never copied in)
    paths = [str(ROOT / "examples" / "seeds"), *(str(shared / s) for s in ("dev", "dev2") if (shared / s).is_dir())]
    extractions = [e for e in pipeline.extract(paths, Settings()) if not isinstance(e, Exception)]
    rows = [run(extractions, int(c)) for c in args.copies.split(",")]
    base = rows[0]["link_ms_per_document"] or 1e-9
    print(f"{'copies':>7} {'documents':>10} {'events':>7} {'link s':>8} {'ms/doc':>8} {'vs 1x':>6}")
    for r in rows:
        r["per_document_vs_1x"] = round(r["link_ms_per_document"] / base, 2)
        print(f"{r['copies']:>7} {r['documents']:>10} {r['events']:>7} {r['link_seconds']:>8} "
              f"{r['link_ms_per_document']:>8} {r['per_document_vs_1x']:>6}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
