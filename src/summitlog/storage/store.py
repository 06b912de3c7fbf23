"""The record on disk: SQLite by default (WAL, foreign keys, FTS5), or PostgreSQL with the
same schema (postgres.py); versioned migrations on open.

One transaction per document: a document is stored whole or not at all, so a
kill in the middle of an ingest leaves every stored document complete. Writers
take turns (SQLite's write lock, a PostgreSQL advisory lock), so several ingests
may share one database.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from ..records import Document, Extraction, Paragraph, Pledge
from . import postgres

log = logging.getLogger(__name__)

FACET_WINDOW = 1000  # search facets count the newest this many hits
# The day a statement was made, as search orders them: the latest dated meeting its page reports
# (a date with a year), else the page's own date.
QUOTE_DAY = ("coalesce((SELECT max(r.date) FROM meetings r WHERE r.doc_id = q.doc_id AND r.role = 'reported' "
             "AND substr(r.date, 1, 1) BETWEEN '0' AND '9'), d.published, '')")
PLEDGES_EXTRACTOR = Pledge.__dataclass_fields__["extractor"].default  # the pledges a store shows

DOC_COLUMNS = (
    "id", "source", "name", "kind", "url", "site", "title", "published", "dateline",
    "raw", "text", "removed_lines", "lead", "outlet", "lang",
)


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped for a database kind, in order."""
    folder = files("summitlog.storage").joinpath("migrations")
    if dialect == "postgresql":
        folder = folder.joinpath("postgresql")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text("utf-8")))
    return sorted(found)


class Store:
    """A summitlog database: SQLite, or PostgreSQL with the same schema. Use Store.open()."""

    def __init__(self, conn, path: str = ":memory:", dialect: str = "sqlite", migrate: bool = True) -> None:
        self.conn = conn
        self.path = path
        self.dialect = dialect
        if dialect == "sqlite":
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
        if migrate:
            self.migrate()

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open (creating if needed) the store at path, a SQLite file or a postgresql:// URL,
        and bring its schema up to date."""
        path = str(path)
        if postgres.is_url(path):
            return cls(postgres.Connection(path), postgres.redact(path), "postgresql")
        if path != ":memory:":
            target = Path(path)
            if target.is_dir():
                raise StoreError(f"{path}: is a folder; give a database file path")
            if not target.parent.exists():
                raise StoreError(f"{path}: folder {target.parent} does not exist")
        try:
            # the busy timeout from the first statement: switching a new file to WAL waits for
            # another process's migration as long as any later write does
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            return cls(conn, path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable SQLite database ({exc})") from None

    @classmethod
    def open_readonly(cls, path: str | Path) -> "Store":
        """Open an existing store for reading only (the web server): nothing can be written."""
        path = str(path)
        if postgres.is_url(path):
            store = cls(postgres.Connection(path, readonly=True), postgres.redact(path), "postgresql", migrate=False)
            if store.version < migrations("postgresql")[-1][0]:
                raise StoreError(f"{store.path}: the database is older than this summitlog; "
                                 "run 'summitlog ingest' to upgrade it")
            return store
        if Path(path).is_dir():
            raise StoreError(f"{path}: is a folder; give a database file path")
        if not Path(path).is_file():
            raise StoreError(f"{path}: no such database; run 'summitlog ingest' first")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
            store = cls(conn, path, "sqlite", migrate=False)
            if store.version < migrations()[-1][0]:
                raise StoreError(f"{path}: the database is older than this summitlog; run 'summitlog ingest' to upgrade it")
            return store
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable SQLite database ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        if self.dialect == "postgresql":
            if self.conn.execute("SELECT to_regclass('schema_version') IS NULL").fetchone()[0]:
                return 0
            return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction. The
        version is read again under the write lock, so two processes opening a new file at
        once apply each migration once."""
        pg = self.dialect == "postgresql"
        for version, name, sql in migrations(self.dialect):
            if version <= self.version:
                continue
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                if pg:
                    self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                if version > self.version:
                    if pg:
                        self.conn.executescript(sql)
                        self.conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
                    else:
                        for statement in statements(sql):
                            self.conn.execute(statement)
                        self.conn.execute(f"PRAGMA user_version = {version}")
                    log.info("applied migration %s", name)
                self.conn.execute("COMMIT")
            except (sqlite3.DatabaseError, *postgres.errors()) as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {name} failed ({exc})") from None

    # -- writing -----------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def boilerplate(self, site: str | None, min_docs: int = 2) -> frozenset[str]:
        """Lines seen on at least min_docs earlier pages of this site: its menus and buttons."""
        if not site:
            return frozenset()
        rows = self.conn.execute(
            "SELECT line FROM site_lines WHERE site = ? AND docs >= ?", (site, min_docs)
        )
        return frozenset(r[0] for r in rows)

    def count_site_lines(self, site: str, lines: Iterable[str]) -> None:
        """Count a page's chrome candidates for its site, for the site's later pages."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO site_lines (site, line) VALUES (?, ?) "
                "ON CONFLICT (site, line) DO UPDATE SET docs = site_lines.docs + 1",
                [(site, line) for line in sorted(set(lines))],
            )

    def save(self, extraction: Extraction) -> bool:
        """Store one document and what was extracted from it; False when it was already stored."""
        doc = extraction.document
        if self.has(doc.id):
            return False
        row = {k: getattr(doc, k) for k in DOC_COLUMNS}
        row["ingested_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        cols = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has(doc.id):  # another writer stored it while we waited for the lock
                self.conn.execute("ROLLBACK")
                return False
            self.conn.execute(f"INSERT INTO documents ({cols}) VALUES ({marks})", row)
            self.conn.executemany(
                "INSERT INTO paragraphs (doc_id, idx, start, \"end\", raw_start, topics) VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, i, p.start, p.end, p.raw_start,
                  json.dumps(list(extraction.paragraph_topics[i]) if i < len(extraction.paragraph_topics) else []))
                 for i, p in enumerate(doc.paragraphs)],
            )
            self.conn.executemany(
                "INSERT INTO quotes (doc_id, start, \"end\", text, speaker, kind, cue, topics, extractor, facets) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, q.start, q.end, q.text, q.speaker, q.kind, q.cue, json.dumps(list(q.topics)), q.extractor,
                  facet_tokens(q.speaker, doc.published, doc.site or doc.outlet, q.topics)) for q in extraction.quotes],
            )
            self.conn.executemany(
                "INSERT INTO figures (doc_id, start, \"end\", text, value, unit, qualifier, about, speaker, period, "
                "extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, f.start, f.end, f.text, f.value, f.unit, f.qualifier, f.about, f.speaker, f.period,
                  f.extractor) for f in extraction.figures],
            )
            self.conn.executemany(
                "INSERT INTO pledges (doc_id, start, \"end\", text, actors, deadline_text, deadline, object, speaker, "
                "extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, p.start, p.end, p.text, json.dumps(list(p.actors)), p.deadline_text, p.deadline,
                  p.object, p.speaker, p.extractor) for p in extraction.pledges],
            )
            self.conn.executemany(
                "INSERT INTO meetings (doc_id, role, participants, pair_key, date, date_reason, date_basis, "
                "place, venue, city, region, country, duration_minutes, duration_approximate, kind, visit, "
                "formats, start, \"end\", extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, m.role, json.dumps(list(m.participants)), pair_key(m.participants), m.date,
                  m.date_reason, m.date_basis, m.place, m.venue, m.city, m.region, m.country,
                  m.duration_minutes, int(m.duration_approximate), m.kind, m.visit, json.dumps(list(m.formats)),
                  m.start, m.end, m.extractor) for m in extraction.meetings],
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return True

    # -- reading -----------------------------------------------------------------

    def fts(self, table: str, search: str) -> tuple[str, str, str, str]:
        """Full-text search over 'quotes' (as q) or 'documents' (as d): the FROM source, a
        ' WHERE ...' condition (or ''), an ORDER BY for the best match first, and the one
        argument, which comes before any other (SQLite takes it in WHERE, PostgreSQL in FROM).
        SQLite matches words as written (FTS5); PostgreSQL does the same with its 'simple' configuration."""
        alias = table[0]
        if self.dialect == "postgresql":
            vector = ("to_tsvector('simple', q.text)" if table == "quotes"
                      else "to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text)")
            return (f"plainto_tsquery('simple', ?) AS fq JOIN {table} {alias} ON {vector} @@ fq", "",
                    f"ts_rank({vector}, fq) DESC", search)
        key = "id" if table == "quotes" else "rowid"
        term = f"text : ({fts_query(search)})" if table == "quotes" else fts_query(search)
        return (f"{table}_fts f JOIN {table} {alias} ON {alias}.{key} = f.rowid", f" WHERE {table}_fts MATCH ?",
                "rank", term)

    def count(self, table: str = "documents") -> int:
        if table not in {"documents", "paragraphs", "quotes", "meetings", "events", "figures", "pledges",
                         "pledge_mentions", "alignments", "discrepancies"}:
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def documents(self, limit: int = 100, offset: int = 0, search: str | None = None,
                  lang: str | None = None) -> list[dict[str, Any]]:
        """Document summaries, newest published first (then newest ingested); `search` is an FTS5
        query over title and text (best match first), `lang` a language code the pages must be in."""
        fields = ("d.id, d.name, d.title, d.published, d.site, d.outlet, d.lang, length(d.text) AS chars, "
                  "d.ingested_at")
        source, order, conditions, args = "documents d", "coalesce(d.published, '') DESC, d.rowid DESC", [], []
        if search:
            source, match, order, term = self.fts("documents", search)
            conditions += [match.removeprefix(" WHERE ")] if match else []
            args.append(term)
        if lang:
            conditions.append("d.lang = ?")
            args.append(lang)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = f"SELECT {fields} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return [dict(r) for r in self.conn.execute(sql, (*args, limit, offset))]

    def resolve_id(self, doc_id: str) -> str:
        """The full id of a document given its id or a unique prefix of it."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2", (doc_id.lower(),)
        ).fetchall()
        if not rows or not doc_id:
            raise NotFound(f"no document with id {doc_id!r}; 'summitlog docs' lists them")
        if len(rows) > 1:
            raise NotFound(f"id prefix {doc_id!r} matches several documents; give more characters")
        return rows[0]["id"]

    def document(self, doc_id: str) -> Document:
        """The stored Document, by id or unique id prefix."""
        full = self.resolve_id(doc_id)
        row = dict(self.conn.execute("SELECT * FROM documents WHERE id = ?", (full,)).fetchone())
        paras = tuple(
            Paragraph(r["start"], r["end"], r["raw_start"])
            for r in self.conn.execute(
                "SELECT start, \"end\", raw_start FROM paragraphs WHERE doc_id = ? ORDER BY idx", (full,)
            )
        )
        return Document(paragraphs=paras, **{k: row[k] for k in DOC_COLUMNS})

    def summary(self) -> dict[str, int]:
        counts = {name: self.count(name) for name in ("documents", "quotes", "meetings", "events", "figures")}
        shown = "SELECT count(*) FROM pledges WHERE extractor = ?"  # as pledges() lists them
        return {**counts, "pledges": self.conn.execute(shown, (PLEDGES_EXTRACTOR,)).fetchone()[0]}

    def quotes(
        self,
        speakers: Iterable[str] = (),
        search: str | None = None,
        since: str | None = None,
        doc_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
        topic: str | None = None,
    ) -> list[dict[str, Any]]:
        """Statements with their document; `speakers` are canonical names (any of them matches),
        `search` an FTS5 query over the text, `since` an ISO date the page was published on or after."""
        where, args = [], []
        speakers = list(speakers)
        if speakers:
            where.append(f"q.speaker IN ({', '.join('?' for _ in speakers)})")
            args += speakers
        if since:
            where.append("d.published >= ?")
            args.append(since)
        if doc_id:
            where.append("q.doc_id = ?")
            args.append(doc_id)
        if topic:
            where.append("EXISTS (SELECT 1 FROM json_each(q.topics) WHERE value = ?)")
            args.append(topic)
        source = "quotes q JOIN documents d ON d.id = q.doc_id"
        order = "d.published DESC NULLS LAST, q.doc_id, q.start"
        if search:
            source, match, order, term = self.fts("quotes", search)
            source += " JOIN documents d ON d.id = q.doc_id"
            where = [match[7:], *where] if match else where
            args.insert(0, term)
        sql = (
            "SELECT q.id, q.doc_id, q.start, q.\"end\", q.text, q.speaker, q.kind, q.cue, q.topics, q.extractor, "
            f"d.name, d.title, d.published, d.site, d.outlet FROM {source}"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + f" ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return [dict(r) for r in self.conn.execute(sql, (*args, limit, offset))]


    # -- meetings and events ---------------------------------------------------------

    def search_quotes(self, search: str | None = None, speaker: str | None = None, topic: str | None = None,
                      year: str | None = None, outlet: str | None = None, page: int = 1,
                      per_page: int = 20) -> dict[str, Any]:
        """Statement search, newest first by the day of the meeting the page reports (else the
        page's date; `day` of each hit): a page of hits, the exact total, and counts per
        speaker, topic, year and outlet over the newest FACET_WINDOW hits (all of them when
        fewer). At a million statements a common word matches a hundred thousand; counting
        facets over all of them would cost a second a search."""
        ids, args = self.matching_quotes(search, speaker, topic, year, outlet)
        total = self.conn.execute(f"SELECT count(*) FROM ({ids}) m", args).fetchone()[0]
        fields = "q.speaker, q.topics, d.published, coalesce(d.site, d.outlet) AS site"  # the outlet a page credits

        def latest(limit: int, offset: int, columns: str) -> list[dict[str, Any]]:
            sql = (f"SELECT {columns}, {QUOTE_DAY} AS day FROM ({ids}) m JOIN quotes q ON q.id = m.id "
                   "JOIN documents d ON d.id = q.doc_id ORDER BY day DESC, q.id DESC LIMIT ? OFFSET ?")
            return [dict(r) for r in self.conn.execute(sql, (*args, limit, offset))]

        rows = latest(per_page, (max(page, 1) - 1) * per_page,
                      "q.*, d.name AS doc_name, d.title, d.published, d.site, d.lang")
        for row in rows:
            row["topics"] = json.loads(row["topics"])
            row["translates"] = self.original_of(row)
            del row["facets"]
        window = latest(FACET_WINDOW, 0, fields)
        counts = {name: Counter() for name in ("speaker", "year", "outlet", "topic")}
        for r in window:
            counts["speaker"][r["speaker"]] += 1
            counts["year"][r["published"][:4] if r["published"] and r["published"][:1].isdigit() else None] += 1
            counts["outlet"][r["site"]] += 1
            counts["topic"].update(json.loads(r["topics"]))
        facets = {name: sorted(((v, n) for v, n in c.items() if v), key=lambda x: (-x[1], x[0]))
                  for name, c in counts.items()}
        facets["year"] = sorted(facets["year"], reverse=True)
        facets = {k: v if k == "topic" else v[:20] for k, v in facets.items()}
        return {"hits": rows, "total": total, "facets": facets, "facets_over": len(window)}

    def original_of(self, quote: dict[str, Any]) -> int | None:
        """The id of the statement in another language that this one renders, where an alignment
        across languages (original first) pairs them."""
        row = self.conn.execute(
            "SELECT q.id FROM alignments a JOIN quotes q ON q.doc_id = a.a_doc AND q.start = a.a_start "
            "WHERE a.extractor LIKE 'crosslang%' AND a.b_doc = ? AND a.b_start <= ? AND ? < a.b_end "
            "ORDER BY a.score DESC LIMIT 1", (quote["doc_id"], quote["start"], quote["start"])).fetchone()
        return row[0] if row else None

    def matching_quotes(self, search: str | None, speaker: str | None, topic: str | None, year: str | None,
                        outlet: str | None) -> tuple[str, list[Any]]:
        """SQL selecting the ids (as `id`) of the statements that match, and its arguments.
        SQLite answers from the full-text index alone (filters are tokens of its facets
        column); PostgreSQL filters on the columns."""
        if self.dialect == "sqlite":
            parts = [f"text : ({fts_query(search)})"] if search else []
            tokens = [t for t in (facet_tokens(speaker, None, None, ()) if speaker else "",
                                  f"y{year}" if year else "", facet_tokens(None, None, outlet, ()) if outlet else "",
                                  facet_tokens(None, None, None, (topic,)) if topic else "") if t]
            if tokens:
                parts.append("facets : (" + " ".join(f'"{t.replace(chr(34), chr(34) * 2)}"' for t in tokens) + ")")
            if not parts:
                return "SELECT id FROM quotes", []
            return "SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?", [" AND ".join(parts)]
        where, args = conditions(
            ("q.speaker = ?", speaker), ("substr(d.published, 1, 4) = ?", year), ("coalesce(d.site, d.outlet) = ?", outlet),
            ("EXISTS (SELECT 1 FROM json_each(q.topics) WHERE value = ?)", topic),
        )
        source = "quotes q JOIN documents d ON d.id = q.doc_id"
        if search:
            source, _, _, term = self.fts("quotes", search)
            source += " JOIN documents d ON d.id = q.doc_id"
            args.insert(0, term)
        return f"SELECT q.id AS id FROM {source}{where}", args

    def doc_text(self, doc_id: str) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return row[0]

    def meetings(self, doc_id: str | None = None, event_id: int | None = None, role: str | None = None,
                 pair: str | None = None, unlinked: bool = False, latest: int | None = None) -> list[dict[str, Any]]:
        """Meeting rows (with their document's name, site and publication date); `latest` keeps
        only that many of the most recent, so that a large Event costs no more to compare with."""
        where, args = conditions(
            ("m.doc_id = ?", doc_id), ("m.event_id = ?", event_id), ("m.role = ?", role), ("m.pair_key = ?", pair),
            ("m.event_id IS NULL AND 1 = ?", 1 if unlinked else None),
        )
        sql = (
            "SELECT m.*, d.name AS doc_name, d.site, d.published, d.title, d.url, d.outlet, d.lang FROM meetings m "
            "JOIN documents d ON d.id = m.doc_id" + where
            + (f" ORDER BY m.id DESC LIMIT {int(latest)}" if latest else " ORDER BY m.id")
        )
        rows = []
        for r in self.conn.execute(sql, args):
            row = dict(r)
            row["participants"] = json.loads(row["participants"])
            row["formats"] = json.loads(row["formats"])
            rows.append(row)
        return rows[::-1] if latest else rows

    def event_candidates(self, meeting: dict[str, Any]) -> list[int]:
        """Events of the same leader pair that could hold this meeting: a member within a day of
        its date (or undated), or, for an undated meeting, a member at the same named place. The
        window keeps linking near-linear however often a pair meets."""
        if meeting["date"]:
            md = meeting["date"][-5:]
            days = sorted({shift_month_day(md, d) for d in (-1, 0, 1)})
            marks = ", ".join("?" for _ in days)
            sql = (f"SELECT DISTINCT event_id FROM meetings WHERE pair_key = ? AND role = 'reported' "
                   f"AND event_id IS NOT NULL AND (date IS NULL OR substr(date, length(date) - 4) IN ({marks})) ORDER BY event_id")
            args: tuple = (meeting["pair_key"], *days)
        else:  # the same named place, or a report in another language (compared by its anchors)
            sql = ("SELECT DISTINCT m.event_id FROM meetings m JOIN documents d ON d.id = m.doc_id "
                   "WHERE m.pair_key = ? AND m.role = 'reported' AND m.event_id IS NOT NULL "
                   "AND ((m.city IS NOT NULL AND m.city = ?) OR (m.venue IS NOT NULL AND m.venue = ?) "
                   "OR COALESCE(d.lang, 'en') <> ?) ORDER BY m.event_id")
            args = (meeting["pair_key"], meeting["city"], meeting["venue"], meeting.get("lang") or "en")
        return [r[0] for r in self.conn.execute(sql, args)]

    def pledge_objects(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT object FROM pledges WHERE object IS NOT NULL")]

    def new_event(self, pair: str, meeting_id: int) -> int:
        """A new Event holding one meeting."""
        with self.transaction():
            event_id = self.conn.execute(
                "INSERT INTO events (pair_key, created_at) VALUES (?, ?) RETURNING id",
                (pair, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            ).fetchone()[0]
            self.conn.execute("UPDATE meetings SET event_id = ? WHERE id = ?", (event_id, meeting_id))
        return int(event_id)

    def join_event(self, event_id: int, meeting_id: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE meetings SET event_id = ? WHERE id = ?", (event_id, meeting_id))

    def event_members(self, names: Iterable[str] = (), topic: str | None = None, year: str | None = None,
                      people: Iterable[str] | None = None, country: str | None = None,
                      limit: int = 1000) -> list[dict[str, Any]]:
        """The reported meetings of the Events that match, newest Event first, in one query (the
        timeline's). An Event matches when one of its meetings has every one of `names`, is about
        `topic`, and is dated or published in `year`; with `country`, a meeting held there or with
        one of `people` (that country's leaders) among its participants."""
        names = list(names)
        clauses = ["EXISTS (SELECT 1 FROM json_each(m.participants) WHERE value = ?)" for _ in names]
        args: list[Any] = list(names)
        if topic:
            clauses.append("EXISTS (SELECT 1 FROM quotes q, json_each(q.topics) t WHERE q.doc_id = m.doc_id AND t.value = ?)")
            args.append(topic)
        if year:
            clauses.append("(substr(m.date, 1, 4) = ? OR substr(d.published, 1, 4) = ?)")
            args += [year, year]
        if country:
            people = sorted(set(people or ()))
            marks = ", ".join("?" for _ in people)
            clauses.append("(m.country = ?" + (f" OR EXISTS (SELECT 1 FROM json_each(m.participants) WHERE value IN ({marks}))"
                                               if people else "") + ")")
            args += [country, *people]
        where = "".join(f" AND {c}" for c in clauses)
        sql = (
            "WITH chosen AS (SELECT m.event_id, max(coalesce(m.date, d.published, '')) AS day FROM meetings m "
            "JOIN documents d ON d.id = m.doc_id WHERE m.event_id IS NOT NULL AND m.role = 'reported'" + where
            + " GROUP BY m.event_id ORDER BY day DESC, m.event_id LIMIT ?) "
            "SELECT m.*, d.name AS doc_name, d.site, d.published, d.title, d.url, d.outlet FROM chosen c "
            "JOIN meetings m ON m.event_id = c.event_id AND m.role = 'reported' JOIN documents d ON d.id = m.doc_id "
            "ORDER BY c.day DESC, c.event_id, m.id"
        )
        rows = []
        for r in self.conn.execute(sql, (*args, limit)):
            row = dict(r)
            row["participants"] = json.loads(row["participants"])
            row["formats"] = json.loads(row["formats"])
            rows.append(row)
        return rows

    def events_of(self, doc_ids: Iterable[str]) -> dict[str, list[int]]:
        """The Events each document reports a meeting of, by document id (a document reporting
        none is left out)."""
        ids = sorted(set(doc_ids))
        found: dict[str, list[int]] = {}
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT DISTINCT doc_id, event_id FROM meetings WHERE role = 'reported' AND event_id IS NOT NULL "
                   f"AND doc_id IN ({marks}) ORDER BY doc_id, event_id")
            for r in self.conn.execute(sql, chunk):
                found.setdefault(r["doc_id"], []).append(r["event_id"])
        return found

    def heads(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """What a reader knows a document by (name, outlet, site, title, lead, dates, URL), by id."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        sql = (f"SELECT id, name, source, site, outlet, title, lead, published, dateline, url, lang FROM documents "
               f"WHERE id IN ({marks})")
        return {r["id"]: dict(r) for r in self.conn.execute(sql, ids)}

    def figures(self, subject: str | None = None, unit: str | None = None, speaker: str | None = None,
                limit: int = 1000, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Figures in time order (the meeting's date, else the page's), with their document."""
        where, args = conditions(
            ("f.doc_id = ?", doc_id),
            ("(coalesce(f.about, '') || ' ' || f.text) LIKE ?", f"%{subject}%" if subject else None),
            ("lower(f.unit) = lower(?)", unit),
            ("f.speaker = ?", speaker),
        )
        sql = (
            "SELECT * FROM (SELECT f.*, d.name AS doc_name, d.site, d.outlet, d.published, m.date AS meeting_date, "
            "m.event_id, m.pair_key FROM figures f JOIN documents d ON d.id = f.doc_id "
            "LEFT JOIN meetings m ON m.id = (SELECT r.id FROM meetings r WHERE r.doc_id = f.doc_id "
            "AND r.role = 'reported' ORDER BY r.id LIMIT 1)" + where
            + ") x ORDER BY coalesce(x.meeting_date, x.published, ''), x.doc_id, x.start LIMIT ?"
        )
        return [dict(r) for r in self.conn.execute(sql, (*args, limit))]

    def pledges(self, actor: str | None = None, doc_id: str | None = None,
                about: str | None = None, latest: int | None = None,
                mentions: bool = True) -> list[dict[str, Any]]:
        """Pledges of the current extractor (an older one's are kept, not shown: it took hopes and
        predictions for pledges) with their document and the later mentions that follow them up."""
        where, args = conditions(
            ("p.extractor = ?", PLEDGES_EXTRACTOR),
            ("p.object = ?", about),
            ("EXISTS (SELECT 1 FROM json_each(p.actors) WHERE value = ?)", actor),
            ("p.doc_id = ?", doc_id),
        )
        sql = (
            "SELECT p.*, d.name AS doc_name, d.published FROM pledges p JOIN documents d ON d.id = p.doc_id"
            + where
            + (f" ORDER BY p.id DESC LIMIT {int(latest)}" if latest else " ORDER BY p.id")
        )
        rows = []
        for r in self.conn.execute(sql, args):
            row = dict(r)
            row["actors"] = json.loads(row["actors"])
            row["mentions"] = [] if not mentions else [dict(m) for m in self.conn.execute(
                "SELECT pm.*, d.name AS doc_name FROM pledge_mentions pm JOIN documents d ON d.id = pm.doc_id "
                "WHERE pm.pledge_id = ? ORDER BY pm.doc_id, pm.start", (row["id"],))]
            rows.append(row)
        return rows[::-1] if latest else rows

    def docs_mentioning(self, term: str, limit: int = 1000) -> list[str]:
        """Ids of the latest documents whose text has the term (full-text search, then an exact check)."""
        source, match, _, query = self.fts("documents", term)
        rows = self.conn.execute(f"SELECT d.id, d.text FROM {source}{match} ORDER BY d.rowid DESC LIMIT ?", (query, limit))
        return [r[0] for r in rows if term in r[1]]

    def feed_links_to_fetch(self, feed: str, links: list[str], attempts: int = 3) -> list[str]:
        """The links of a feed not fetched yet, or failed fewer than `attempts` times."""
        done = {r[0] for r in self.conn.execute(
            "SELECT link FROM feed_items WHERE feed = ? AND (status != 'failed' OR attempts >= ?)", (feed, attempts))}
        return [link for link in links if link not in done]

    def note_feed_item(self, feed: str, link: str, status: str, doc_id: str | None, problem: str | None) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            self.conn.execute(
                "INSERT INTO feed_items (feed, link, status, doc_id, problem, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed, link) DO UPDATE SET status = excluded.status, "
                "attempts = feed_items.attempts + 1, doc_id = excluded.doc_id, problem = excluded.problem, "
                "last_seen = excluded.last_seen", (feed, link, status, doc_id, problem, now, now))

    def date_pledge(self, pledge_id: int, deadline: str) -> None:
        """A pledge's deadline resolved once the year is known (from its Event's other sources)."""
        with self.transaction():
            self.conn.execute("UPDATE pledges SET deadline = ? WHERE id = ?", (deadline, pledge_id))

    def add_pledge_mention(self, pledge_id: int, doc_id: str, start: int, end: int, text: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO pledge_mentions (pledge_id, doc_id, start, \"end\", text) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING", (pledge_id, doc_id, start, end, text),
            )

    def add_alignment(self, event_id: int, alignments: list[dict], discrepancies: list[dict], extractor: str) -> None:
        """Alignments and discrepancies found when a source joins an Event (against its members)."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO alignments (event_id, a_doc, a_start, a_end, b_doc, b_start, b_end, score, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(event_id, x["a"]["doc_id"], x["a"]["start"], x["a"]["end"], x["b"]["doc_id"], x["b"]["start"],
                  x["b"]["end"], x["score"], extractor) for x in alignments],
            )
            self.conn.executemany(
                "INSERT INTO discrepancies (event_id, kind, what, a_doc, a_start, a_end, b_doc, b_start, b_end, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(event_id, d["kind"], d["what"], d["a"]["doc_id"], d["a"]["start"], d["a"]["end"], d["b"]["doc_id"],
                  d["b"]["start"], d["b"]["end"], extractor) for d in discrepancies],
            )

    def spans_of(self, table: str, event_id: int) -> list[dict[str, Any]]:
        """Alignments or discrepancies of an Event, with both sides' text and document names."""
        if table not in ("alignments", "discrepancies"):
            raise ValueError(f"unknown table {table!r}")
        sql = (
            f"SELECT x.*, da.name AS a_name, substr(da.text, x.a_start + 1, x.a_end - x.a_start) AS a_text, "
            f"db.name AS b_name, substr(db.text, x.b_start + 1, x.b_end - x.b_start) AS b_text FROM {table} x "
            "JOIN documents da ON da.id = x.a_doc JOIN documents db ON db.id = x.b_doc WHERE x.event_id = ? "
            "ORDER BY x.a_doc, x.a_start"
        )
        return [dict(r) for r in self.conn.execute(sql, (event_id,))]

    @contextmanager
    def transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")


def statements(script: str) -> Iterator[str]:
    """The statements of a SQL script (a trigger's body stays whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if any(line.strip() and not line.strip().startswith("--") for line in buffer.splitlines()):
        yield buffer


def conditions(*pairs: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause from (condition, value) pairs, keeping those whose value is given; the
    condition has one ? for the value."""
    given = [(clause, value) for clause, value in pairs if value not in (None, "")]
    where = " WHERE " + " AND ".join(c for c, _ in given) if given else ""
    return where, [v for _, v in given]


def shift_month_day(md: str, days: int) -> str:
    """'09-26' moved by a number of days (in a leap year, so 02-29 exists)."""
    from datetime import date, timedelta

    moved = date(2024, int(md[:2]), int(md[3:])) + timedelta(days=days)
    return moved.strftime("%m-%d")


def pair_key(participants: Iterable[str]) -> str:
    """The participants as one sorted key: Events are looked up per leader pair."""
    return " | ".join(sorted(participants))


def facet_tokens(speaker: str | None, published: str | None, site: str | None, topics: Iterable[str]) -> str:
    """A statement's filters as words of the full-text index (migration 008 makes the same)."""
    tokens = [f"s{speaker.replace(' ', '')}" if speaker else "",
              f"y{published[:4]}" if published and published[:4].isdigit() else "",
              f"o{site.replace(' ', '')}" if site else "", *(f"t{t.replace(' ', '')}" for t in topics)]
    return " ".join(t for t in tokens if t)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query of quoted terms, so punctuation never raises a syntax error."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'

