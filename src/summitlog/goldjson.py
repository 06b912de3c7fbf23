"""The gold-jsonl shape of ../shared/gold/FORMAT.md: one line per document, offsets into the raw file."""

from __future__ import annotations

from typing import Any

from .records import Extraction


def to_gold(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction as a gold-format row (doc = the file's name)."""
    doc = extraction.document
    return {
        "doc": doc.name,
        "outlet": doc.site,
        "published": doc.published if doc.published and not doc.published.startswith("--") else None,
        "meetings": [],
        "quotes": [],
        "figures": [],
    }
