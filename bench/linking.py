"""How linking time grows with the corpus: 1x, 10x and 100x the bundled pages.

The bundled pages and the shared development pages (../shared/dev, dev2) are analysed once;
each further copy is the same extraction under a new document id, reporting meetings of other
leaders (see `variant`). Storing and linking (Events,
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
from pathlib import Path

from summitlog import pipeline
from summitlog.linking.link import Linker
from summitlog.settings import Settings
from summitlog.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent


def variant(extraction, copy: int):
    """The page again under a new document id, as the report of a meeting of other leaders: each
    copy then groups into Events exactly as the first did, so that what is measured is how the
    cost of linking one page grows with the store around it. (Reports of one pair are compared
    only within a window of that pair's Events, and a page is aligned with at most
    link.ALIGN_WITH sources, so a pair that meets more often costs no more per page either.)"""
    doc = extraction.document
    new_id = hashlib.sha256(f"{doc.id}:{copy}".encode()).hexdigest()[:16]
    meetings = tuple(replace(m, participants=tuple(f"{p} ({copy})" for p in m.participants))
                     for m in extraction.meetings)
    return replace(extraction, document=replace(doc, id=new_id, name=f"{copy}-{doc.name}"), meetings=meetings)


def run(extractions, copies: int) -> dict:
    """Store and link every copy; linking timed in its three parts, as Linker.link_document runs
    them: finding each meeting's Event, aligning the page with the Event's other sources (at most
    link.ALIGN_WITH of them), following up pledges."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        linker = Linker(store, None)
        save_time, parts = 0.0, {"match": 0.0, "align": 0.0, "follow": 0.0}
        aligned = 0
        for copy in range(copies):
            for extraction in extractions:
                item = variant(extraction, copy) if copy else extraction
                doc_id = item.document.id
                t0 = time.perf_counter()
                store.save(item)
                t1 = time.perf_counter()
                events = [linker.link(m) for m in store.meetings(doc_id=doc_id, role="reported", unlinked=True)]
                t2 = time.perf_counter()
                for event_id in set(events):
                    linker.align(event_id, doc_id)
                t3 = time.perf_counter()
                linker.follow_pledges(doc_id)
                t4 = time.perf_counter()
                save_time += t1 - t0
                parts["match"] += t2 - t1
                parts["align"] += t3 - t2
                parts["follow"] += t4 - t3
                aligned += any(len(store.meetings(event_id=e, role="reported", latest=2)) > 1 for e in set(events))
        docs = copies * len(extractions)
        link_time = sum(parts.values())
        return {"copies": copies, "documents": docs, "events": store.count("events"),
                "store_seconds": round(save_time, 3), "link_seconds": round(link_time, 3),
                "link_ms_per_document": round(1000 * link_time / docs, 3),
                **{f"{k}_ms_per_document": round(1000 * v / docs, 3) for k, v in parts.items()},
                "documents_joining_an_event": round(aligned / docs, 3)}


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
    print(f"{'copies':>7} {'documents':>10} {'events':>7} {'link s':>8} {'ms/doc':>8} {'vs 1x':>6} "
          f"{'match':>7} {'align':>7} {'follow':>7} {'joining':>8}")
    for r in rows:
        r["per_document_vs_1x"] = round(r["link_ms_per_document"] / base, 2)
        print(f"{r['copies']:>7} {r['documents']:>10} {r['events']:>7} {r['link_seconds']:>8} "
              f"{r['link_ms_per_document']:>8} {r['per_document_vs_1x']:>6} {r['match_ms_per_document']:>7} "
              f"{r['align_ms_per_document']:>7} {r['follow_ms_per_document']:>7} {r['documents_joining_an_event']:>8}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
