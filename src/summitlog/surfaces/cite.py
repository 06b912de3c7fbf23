"""Citing a span of the record: the verbatim words, who said them, the outlet, the date and where
they are (the page's URL and the character span), as plain text and as CSL-JSON, the format that
reference managers import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..resources import PIVOT
from ..errors import SummitlogError
from ..storage.store import Store
from .reader import Source, has_year, sources, when

KINDS = ("quote", "figure", "pledge", "meeting")


@dataclass(frozen=True)
class Citation:
    source: Source
    start: int
    end: int
    words: str
    speaker: str | None
    kind: str
    original: Citation | None = None  # the words in the language they were said, where this renders them

    @property
    def link(self) -> str:
        """The span's address in the record, relative to the server."""
        return self.source.link(self.start, self.end, self.kind)

    def plain(self, base: str = "") -> str:
        """“words” — Speaker. Outlet, “Title”, 26 Sep 2025. URL, characters 120–180. Record: link"""
        s = self.source
        said = f"“{self.words}”" + (f" — {self.speaker}" if self.speaker else "")
        where = ", ".join(p for p in (s.outlet, f"“{s.title}”" if s.title else None, when(s.published)) if p)
        place = s.url or s.name
        language = f" [{s.lang}]" if s.lang and s.lang != PIVOT else ""  # the record's own language goes unsaid
        cited = (f"{said}{language}. {where or s.name}. {place}, characters {self.start}–{self.end}. "
                 f"Record: {base}{self.link}")
        return cited + (f" Rendering of: {self.original.plain(base)}" if self.original else "")

    def csl(self, base: str = "") -> dict[str, Any]:
        """One CSL-JSON item: the page is the work cited; the words, speaker and span are its note."""
        s = self.source
        item: dict[str, Any] = {
            "id": f"summitlog-{s.doc_id}-{self.start}-{self.end}",
            "type": "article-newspaper" if s.outlet else "webpage",
            "title": s.title or s.name,
            "URL": s.url or f"{base}{self.link}",
            "note": f"“{self.words}”" + (f" — {self.speaker}" if self.speaker else "")
                    + f" (characters {self.start}–{self.end})",
            "custom": {"text": self.words, "speaker": self.speaker, "start": self.start, "end": self.end,
                       "kind": self.kind, "record": f"{base}{self.link}", "file": s.name},
        }
        if s.outlet:
            item["container-title"] = s.outlet
        if s.lang:
            item["language"] = s.lang
        if self.original:
            item["custom"]["original"] = self.original.csl(base)
        if s.published:
            parts = [int(p) for p in s.published.split("-") if p.isdigit()]
            item["issued"] = {"date-parts": [parts]} if has_year(s.published) else {"literal": when(s.published)}
        return item


def of(store: Store, doc_id: str, start: int, end: int, kind: str = "quote") -> Citation:
    """The citation of a span of a stored document; the speaker is the stored statement's or
    figure's at exactly that span. A span outside the text is a one-line error."""
    if kind not in KINDS:
        raise SummitlogError(f"cite kind {kind!r} is not one of: {', '.join(KINDS)}")
    doc = store.document(doc_id)
    if not 0 <= start < end <= len(doc.text):
        raise SummitlogError(f"span {start}-{end} is not within document {doc.id} ({len(doc.text)} characters)")
    speaker = None
    if kind in ("quote", "figure"):
        rows = store.quotes(doc_id=doc.id, limit=10000) if kind == "quote" else store.figures(doc_id=doc.id)
        speaker = next((r["speaker"] for r in rows if r["start"] == start and r["end"] == end), None)
    return Citation(sources(store, [doc.id])[doc.id], start, end, doc.text[start:end], speaker, kind)


def of_row(row: dict[str, Any], kind: str) -> Citation:
    """The citation of a listed statement, figure, pledge or fact source, from what the row holds
    (its Source, span and words): pages cite every row without a query each."""
    speaker = row.get("speaker") or ", ".join(row.get("actors") or ()) or None
    original = of_row(row["original"], kind) if row.get("original") else None
    return Citation(row["source"], row["start"], row["end"], row["text"], speaker, kind, original)


def span(value: str) -> tuple[int, int]:
    """'120-180' as two offsets, or a one-line error naming the value."""
    try:
        start, end = (int(x) for x in value.split("-", 1))
    except ValueError:
        raise SummitlogError(f"span {value!r} is not START-END (two character offsets)") from None
    return start, end
