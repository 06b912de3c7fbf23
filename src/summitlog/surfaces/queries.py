"""Turning what a user typed into query arguments: names to canonical speakers, dates checked."""

from __future__ import annotations

import re
from datetime import date

from ..actors.registry import Registry
from ..errors import SummitlogError
from ..resources import PIVOT, load_lang


def speaker_names(names: list[str], registry: Registry) -> list[str]:
    """Canonical names for what the user typed ("Lukashenka" -> "Alexander Lukashenko");
    a name the registry does not know is kept as typed, since the record keeps such names too."""
    return [registry.resolve(name) or " ".join(name.split()) for name in names if name.strip()]


def iso_date(value: str | None, option: str) -> str | None:
    """A day, a month or a year as given (YYYY-MM-DD, YYYY-MM, YYYY): the start of the span a
    reader means by "since 2024", which ISO dates compare after; else a one-line error naming
    the option."""
    if value is None:
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return text
        if re.fullmatch(r"\d{4}-\d\d", text):
            return date.fromisoformat(text + "-01").isoformat()[:7]
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise SummitlogError(f"{option} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def topic_names() -> list[str]:
    return list(load_lang(PIVOT, "topics.json")["topics"])


def topic(value: str | None) -> str | None:
    """A topic of the taxonomy, matched by its start ("security" -> "security and defence")."""
    if not value or not value.strip():
        return None
    names = topic_names()
    hits = [n for n in names if n.startswith(value.strip().lower())]
    if len(hits) != 1:
        raise SummitlogError(f"--topic {value!r} is not one topic; choose from: {', '.join(names)}")
    return hits[0]


PLEDGE_STATUSES = ("open", "due", "reported done", "reported dropped")


def pledge_status(pledge: dict, today: str | None = None) -> str:
    """Where a pledge stands: 'reported done' or 'reported dropped' when the latest later report
    that mentions it says so (the words of data/lang/en/pledges.json), else 'due' once its deadline has
    passed (a deadline without a year never passes), else 'open'."""
    words = load_lang("en", "pledges.json")
    for mention in reversed(pledge.get("mentions") or []):
        text = mention.get("text", "").lower()
        for status, key in (("reported dropped", "reported_dropped"), ("reported done", "reported_done")):
            if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words[key]):
                return status
    deadline = pledge.get("deadline")
    if deadline and deadline[:1].isdigit():
        last_day = deadline + "-12-31"[len(deadline) - 4:]  # "2025" -> "2025-12-31", "2025-04" -> "2025-04-31"
        if last_day < (today or date.today().isoformat()):
            return "due"
    return "open"
