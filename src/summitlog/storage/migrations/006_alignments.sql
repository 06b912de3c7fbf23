-- Within an Event: the same statement aligned across sources, and where the sources disagree.
CREATE TABLE alignments (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    a_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    a_start INTEGER NOT NULL,
    a_end INTEGER NOT NULL,
    b_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    b_start INTEGER NOT NULL,
    b_end INTEGER NOT NULL,
    score REAL NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX alignments_event ON alignments(event_id);

CREATE TABLE discrepancies (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,              -- number | name | speaker
    what TEXT NOT NULL,              -- "2015 vs 2025"
    a_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    a_start INTEGER NOT NULL,
    a_end INTEGER NOT NULL,
    b_doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    b_start INTEGER NOT NULL,
    b_end INTEGER NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX discrepancies_event ON discrepancies(event_id);
