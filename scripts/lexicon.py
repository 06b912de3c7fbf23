"""Writes src/summitlog/data/lang/ru/lexicon.tsv.gz: Russian words and the English words a
dictionary gives for them, so that a Russian report and an English one can be compared word
by word without a translation model ("товарооборот" -> trade turnover).

Source: Debian's package `mueller7-dict` (V. K. Mueller's English-Russian dictionary, 7th
edition, in dictd format; GPL-2+, about 46,000 headwords). FreeDict's `dict-freedict-eng-rus`
was the first choice but holds 1,693 headwords. The package is fetched with apt (no
installation needed) unless its dictionary file is given:

    .venv/bin/python scripts/lexicon.py [/usr/share/dictd/mueller7.dict.dz]

Only one-word renderings are kept: a sense's list of Russian equivalents split at commas and
semicolons, without its labels ("_воен."), glosses in brackets and the English examples with
their translations. Each line of the output is a Russian word, a tab, and its English words.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "summitlog" / "data" / "lang" / "ru" / "lexicon.tsv.gz"
PACKAGE = "mueller7-dict"
HEADWORD = re.compile(r"[A-Za-z][a-z]+")
RUSSIAN = re.compile(r"[а-яё]+(?:-[а-яё]+)?")
LABEL = re.compile(r"_[^\s.]+\.?")
BRACKETS = re.compile(r"\([^()]*\)|\[[^\]]*\]")
NUMBERING = re.compile(r"(?:^|\s)(?:\d+[.)]|[а-я]\))(?=\s)")
LATIN = re.compile(r"[A-Za-z]")


def dictionary_file(given: str | None) -> Path:
    if given:
        return Path(given)
    installed = Path("/usr/share/dictd/mueller7.dict.dz")
    if installed.exists():
        return installed
    work = Path(tempfile.mkdtemp())
    subprocess.run(["apt-get", "download", PACKAGE], cwd=work, check=True, capture_output=True)
    deb = next(work.glob(f"{PACKAGE}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "x")], check=True)
    return work / "x" / "usr" / "share" / "dictd" / "mueller7.dict.dz"


def entries(text: str):
    """(headword, body) for each entry: a headword starts a line; its body is indented, and a
    wrapped line of the body may start at the margin in Cyrillic."""
    head, body = None, []
    for line in text.splitlines():
        if line[:1].isascii() and line[:1].isalpha():
            if head:
                yield head, " ".join(body)
            head, body = line.strip(), []
        elif head:
            body.append(line.strip())
    if head:
        yield head, " ".join(body)


def renderings(body: str) -> list[str]:
    """The one-word Russian equivalents of an entry, in its order."""
    body = BRACKETS.sub(" ", BRACKETS.sub(" ", body))
    body = NUMBERING.sub(" ; ", LABEL.sub(" ", body))
    words = []
    for chunk in re.split(r"[;,:]", body):
        chunk = chunk.strip(" .!?")
        if not chunk or LATIN.search(chunk):
            continue
        if RUSSIAN.fullmatch(chunk.lower()):
            words.append(chunk.lower())
    return words


def main() -> None:
    source = dictionary_file(sys.argv[1] if len(sys.argv) > 1 else None)
    text = gzip.open(source, "rt", encoding="utf-8", errors="replace").read()
    english: dict[str, list[str]] = defaultdict(list)
    for head, body in entries(text):
        if not HEADWORD.fullmatch(head):
            continue
        for word in renderings(body):
            if head.lower() not in english[word]:
                english[word].append(head.lower())
    lines = [f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(english.items())]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# from Debian's {PACKAGE} (Mueller's English-Russian dictionary, GPL-2+), by scripts/lexicon.py\n")
        out.writelines(lines)
    print(f"{OUT}: {len(lines)} Russian words")


if __name__ == "__main__":
    main()
