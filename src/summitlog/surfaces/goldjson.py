"""The gold-jsonl shape of ../shared/gold/FORMAT.md: one line per document, offsets into the raw file."""

from __future__ import annotations

from typing import Any

from ..records import Document, Extraction, Figure, Meeting, Pledge, Quote


def to_gold(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction as a gold-format row (doc = the file's name)."""
    doc = extraction.document
    return {
        "doc": doc.name,
        "outlet": doc.site,
        "lang": doc.lang,
        "published": doc.published if doc.published and not doc.published.startswith("--") else None,
        "meetings": [meeting_row(m) for m in extraction.meetings if m.role == "reported"],
        "quotes": [quote_row(doc, q) for q in extraction.quotes],
        "figures": [figure_row(doc, f) for f in extraction.figures],
        "pledges": [pledge_row(doc, p) for p in extraction.pledges],
    }


def quote_row(doc: Document, quote: Quote) -> dict[str, Any]:
    """A quote with offsets into the raw file where the paragraph is verbatim, else the clean text."""
    start, end = doc.raw_offset(quote.start), doc.raw_offset(quote.end)
    if start is None or end is None:
        start, end = quote.start, quote.end
    return {"text": quote.text, "speaker": quote.speaker, "type": quote.kind, "start": start, "end": end}


def meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "participants": list(meeting.participants),
        "date": meeting.date,
        "year_stated": bool(meeting.date) and not meeting.date.startswith("--"),
        "place": meeting.place,
        "city": meeting.city,
        "duration_minutes": meeting.duration_minutes,
        "kind": meeting.kind,
    }


def figure_row(doc: Document, figure: Figure) -> dict[str, Any]:
    start, end = doc.raw_offset(figure.start), doc.raw_offset(figure.end)
    return {
        "text": figure.text, "value": figure.value, "unit": figure.unit, "about": figure.about,
        "speaker": figure.speaker, "start": start if start is not None else figure.start,
        "end": end if end is not None else figure.end,
    }


def pledge_row(doc: Document, pledge: Pledge) -> dict[str, Any]:
    """A pledge as ../shared/gold/PLEDGES.md has it: one actor ("A and B" when both act)."""
    start, end = doc.raw_offset(pledge.start), doc.raw_offset(pledge.end)
    return {
        "text": pledge.text, "actor": joined(pledge.actors), "deadline": pledge.deadline,
        "deadline_text": pledge.deadline_text, "speaker": pledge.speaker,
        "start": start if start is not None else pledge.start, "end": end if end is not None else pledge.end,
    }


def joined(names: tuple[str, ...]) -> str | None:
    """'A', 'A and B', 'A, B and C'."""
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
