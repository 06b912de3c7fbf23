"""A sidecar of page metadata: a CSV or TSV list giving, per file, its URL, outlet, date and language.

Plain-text pages carry no URL or date of their own; a collection of them often comes with a list
that does (a spreadsheet exported as CSV, or the tab-separated SOURCES.tsv beside the development
pages). One row per file: a `file` column (or `name`, `filename`) and any of `url`, `outlet`
(`source`, `publisher`), `published` (`date`), `language` (`lang`) and `title`. A date in a
free-text column (a description) is not taken for the page's: it is as often the event's.

`summitlog ingest DIR --meta FILE` names the list; a folder holding a list under one of
`NAMES` is read with it unasked. What a page's own markup states wins over the list's URL and
title; the list's date, outlet and language win over what is guessed from the text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..analysis.dates import find_dates
from ..errors import InputError

NAMES = ("SOURCES.tsv", "sources.tsv", "SOURCES.csv", "sources.csv", "metadata.tsv", "metadata.csv")
COLUMNS = {
    "file": ("file", "name", "filename", "file_name", "path"),
    "url": ("url", "link", "href"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "published": ("published", "date", "published_at", "pubdate"),
    "lang": ("language", "lang"),
    "title": ("title", "headline"),
}


@dataclass(frozen=True)
class Meta:
    """What the list says of one file."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    title: str | None = None


def find(folder: Path) -> Path | None:
    """The metadata list a folder holds under one of the usual names, if any."""
    return next((folder / name for name in NAMES if (folder / name).is_file()), None)


def read(path: Path) -> dict[str, Meta]:
    """The list's rows by file name; InputError (one line) when it cannot be read as one."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"metadata list cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = {(h or "").strip().lower(): h for h in rows.fieldnames or []}
    column = {key: next((header[n] for n in names if n in header), None) for key, names in COLUMNS.items()}
    if column["file"] is None:
        raise InputError(str(path), "metadata list has no 'file' column (the first line names the columns)")
    found = {}
    for row in rows:
        name = (row.get(column["file"]) or "").strip()
        if not name:
            continue

        def value(key: str) -> str | None:
            cell = row.get(column[key]) if column[key] else None
            return cell.strip() or None if isinstance(cell, str) else None
        published = day(value("published"))
        lang = value("lang")
        found[Path(name).name] = Meta(url=value("url"), outlet=value("outlet"), published=published,
                                      lang=lang.lower()[:2] if lang else None, title=value("title"))
    return found


def day(text: str | None) -> str | None:
    """The ISO date a cell gives ("2025-10-30", "30 Oct 2025"), else None."""
    if not text:
        return None
    dated = [d.value for d in find_dates(text) if d.value[:1].isdigit() and not d.relative]
    return dated[0] if dated else None
