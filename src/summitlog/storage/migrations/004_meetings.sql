-- Meetings as each document reports them, and Events: the same meeting grouped across documents.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    pair_key TEXT NOT NULL,          -- participants, sorted, joined by ' | '
    created_at TEXT NOT NULL
);
CREATE INDEX events_pair ON events(pair_key);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id),
    role TEXT NOT NULL CHECK (role IN ('reported', 'reference')),
    participants TEXT NOT NULL,      -- JSON list of canonical names
    pair_key TEXT NOT NULL,
    date TEXT,                       -- ISO, or --MM-DD when the year is unknown
    date_reason TEXT,
    date_basis TEXT,
    place TEXT,
    venue TEXT,
    city TEXT,
    region TEXT,
    country TEXT,
    duration_minutes INTEGER,
    duration_approximate INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    visit TEXT,
    formats TEXT NOT NULL DEFAULT '[]',
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX meetings_doc ON meetings(doc_id);
CREATE INDEX meetings_pair ON meetings(pair_key, date);
CREATE INDEX meetings_event ON meetings(event_id);
