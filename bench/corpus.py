"""A large corpus made from the bundled pages: their paragraphs recombined, with other
leaders' names, other dates and other figures, so that no page repeats another.

    .venv/bin/python bench/corpus.py OUT_FOLDER [--docs 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from summitlog.actors.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "seeds", ROOT / "tests" / "data" / "dev"]
MONTHS = ("January February March April May June July August September October November December").split()
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
DAY_MONTH = re.compile(rf"\b([1-9]|[12]\d|3[01])(\s+)({'|'.join(MONTHS)})\b")
MONTH_DAY = re.compile(rf"\b({'|'.join(MONTHS)})(\s+)([1-9]|[12]\d|3[01])\b")
NUMBER = re.compile(r"(?<![\w.,-])(\d{2,3})(?![\d,.-]\d|-)")


def pages() -> list[list[str]]:
    """Each bundled page as its paragraphs."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text("utf-8")) if p.strip()]
            if len(paragraphs) >= 3:
                found.append(paragraphs)
    return found


def vary(text: str, rng: random.Random, cast: dict[str, str], registry: Registry, shift: int) -> str:
    """The text with its leaders recast, its years shifted and its days and figures redrawn."""
    out, last = [], 0
    for start, end, name in registry.find_names(text):
        other = cast.get(name)
        if other:
            written = text[start:end]
            out += [text[last:start], other if len(written.split()) > 1 else other.split()[-1]]
            last = end
    text = "".join(out) + text[last:]
    text = YEAR.sub(lambda m: str(min(2026, int(m.group(1)) + shift)), text)
    text = DAY_MONTH.sub(lambda m: f"{rng.randint(1, 28)}{m.group(2)}{m.group(3)}", text)
    text = MONTH_DAY.sub(lambda m: f"{m.group(1)}{m.group(2)}{rng.randint(1, 28)}", text)
    return NUMBER.sub(lambda m: str(max(10, int(int(m.group(1)) * rng.uniform(0.5, 1.5)))), text)


def build(folder: Path, docs: int, seed: int = 1) -> list[Path]:
    """Write `docs` pages into folder; each is one bundled page's paragraphs (a few swapped
    for another page's) with its own cast of leaders, dates and figures."""
    rng = random.Random(seed)
    registry = Registry.load()
    people = sorted(registry.actors)
    source = pages()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(docs):
        base = source[i % len(source)]
        other = source[rng.randrange(len(source))]
        paragraphs = list(base)
        for _ in range(rng.randint(0, 3)):
            paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(other[1:]))
        cast = dict(zip(people, rng.sample(people, len(people))))
        shift = rng.randint(-6, 2)
        text = "\n\n".join(vary(p, rng, cast, registry, shift) for p in paragraphs)
        path = folder / f"{i:06d}.txt"
        path.write_text(text + "\n", "utf-8")
        written.append(path)
    return written


def recast(paths: list[Path], folder: Path, copies: int, seed: int = 3) -> list[Path]:
    """`copies` versions of each real page, whole (for growth on real text): the first as it
    is, each other with its own cast of leaders, dates and figures, so that no copy is stored
    as a page already seen and copies do not all join one Event."""
    rng = random.Random(seed)
    registry = Registry.load()
    people = sorted(registry.actors)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(copies):
        for i, path in enumerate(paths):
            text = path.read_text("utf-8")
            if copy:
                cast = dict(zip(people, rng.sample(people, len(people))))
                text = vary(text, rng, cast, registry, rng.randint(-6, 2))
            out = folder / f"{copy:03d}_{i:05d}{path.suffix}"
            out.write_text(text, "utf-8")
            written.append(out)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = build(args.out, args.docs, args.seed)
    print(f"{len(paths)} pages in {args.out}")


if __name__ == "__main__":
    main()
