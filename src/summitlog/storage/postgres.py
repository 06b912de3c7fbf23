"""PostgreSQL under the store: a connection that takes the store's SQL as SQLite reads it.

The store writes its queries once; the few SQLite idioms they use are rewritten
here (placeholders, json_each, the write lock). Full-text search differs in
kind, so the store asks `Store.fts()` for that part.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:
    import psycopg

WRITE_LOCK = 7417  # the advisory lock that makes writers take turns, as SQLite's BEGIN IMMEDIATE does


class Row(tuple):
    """A row read by position or by column name, like sqlite3.Row."""

    names: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...], values) -> "Row":
        row = super().__new__(cls, values)
        row.names = names
        return row

    def keys(self) -> list[str]:
        return list(self.names)

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)


def row_factory(cursor):
    names = tuple(c.name for c in cursor.description or ())
    return lambda values: Row(names, values)


@functools.lru_cache(maxsize=512)
def translate(sql: str, params: bool = True) -> str:
    """SQLite-flavoured SQL as PostgreSQL reads it (with psycopg's placeholders when `params`)."""
    sql = re.sub(r"json_each\(([\w.]+)\)", r"jsonb_array_elements_text(\1::jsonb)", sql)
    if not params:
        return sql
    sql = sql.replace("%", "%%")
    sql = re.sub(r"(?<![:\w]):([a-z_]+)\b", r"%(\1)s", sql)
    return sql.replace("?", "%s")


def driver():
    """psycopg, imported when a PostgreSQL database is opened: a SQLite user (every read command
    of the CLI) does not wait half a second for it."""
    import psycopg

    return psycopg


def errors() -> tuple[type[Exception], ...]:
    """The driver's error class once it is loaded; none before, since nothing could raise it."""
    import sys

    loaded = sys.modules.get("psycopg")
    return (loaded.Error,) if loaded else ()


class Connection:
    """The slice of sqlite3.Connection that the store uses, over psycopg."""

    def __init__(self, url: str, readonly: bool = False) -> None:
        psycopg = driver()
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=row_factory, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL ({first_line(exc)})") from None
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, args: Any = ()) -> psycopg.Cursor:
        if sql == "BEGIN IMMEDIATE":
            self.conn.execute("BEGIN")
            return self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        if not args:
            return self.conn.execute(translate(sql, params=False))
        return self.conn.execute(translate(sql), args)

    def executemany(self, sql: str, rows) -> psycopg.Cursor:
        cursor = self.conn.cursor()
        rows = list(rows)
        if rows:
            cursor.executemany(translate(sql), rows)
        return cursor

    def executescript(self, script: str) -> None:
        self.conn.execute(script)

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != driver().pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.conn.close()


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
