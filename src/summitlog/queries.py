"""Turning what a user typed into query arguments: names to canonical speakers, dates checked."""

from __future__ import annotations

from datetime import date

from .errors import SummitlogError
from .registry import Registry


def speaker_names(names: list[str], registry: Registry) -> list[str]:
    """Canonical names for what the user typed ("Lukashenka" -> "Alexander Lukashenko");
    a name the registry does not know is kept as typed, since the record keeps such names too."""
    return [registry.resolve(name) or " ".join(name.split()) for name in names if name.strip()]


def iso_date(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD date as given, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise SummitlogError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None
