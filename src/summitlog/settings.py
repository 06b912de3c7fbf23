"""One settings object: every default lives here with its help text; the CLI maps flags onto it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("summitlog.db", "Database: a SQLite file path, or a postgresql:// URL (env SUMMITLOG_DB).")
    max_bytes: int = _setting(20 * 1024 * 1024, "Largest input accepted, in bytes.")
    fetch_timeout: float = _setting(20.0, "Seconds before a URL fetch gives up.")
    user_agent: str = _setting(
        "summitlog/0.1 (+research; contact: see README)", "User-Agent sent when fetching URLs."
    )
    workers: int = _setting(1, "Processes that analyse pages on this machine.")
    scheduler: str | None = _setting(
        None, "A Dask scheduler (tcp://HOST:PORT) whose workers analyse the pages instead."
    )
    registry: str | None = _setting(
        None, "A JSON file of extra actors that extends the shipped registry, or a CSV tenure table "
        "(the columns of leaders.csv) that replaces the shipped office-holders."
    )
    lang: str | None = _setting(
        None, "The language of every page read (an ISO 639-1 code such as ru), instead of detecting it."
    )
    base_url: str | None = _setting(
        None, "The record's public address (https://example.org/summitlog) that citations and exports "
        "name, instead of the address a request came to (env SUMMITLOG_BASE_URL)."
    )
    meta: str | None = _setting(
        None, "A CSV or TSV list of page metadata (file, url, outlet, published, language); a folder's "
        "SOURCES.tsv or sources.csv is read without it."
    )

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Defaults, then the environment, then explicit overrides (None means 'not given')."""
        base = cls()
        if os.environ.get("SUMMITLOG_DB"):
            base = replace(base, db=os.environ["SUMMITLOG_DB"])
        if os.environ.get("SUMMITLOG_BASE_URL"):
            base = replace(base, base_url=os.environ["SUMMITLOG_BASE_URL"])
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}
