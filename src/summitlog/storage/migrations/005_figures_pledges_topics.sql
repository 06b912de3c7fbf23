-- Figures (numeric claims), pledges and their later mentions, topics of statements and paragraphs.
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    about TEXT,
    speaker TEXT,
    period TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX figures_doc ON figures(doc_id);
CREATE INDEX figures_unit ON figures(unit);

CREATE TABLE pledges (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    actors TEXT NOT NULL,            -- JSON list
    deadline_text TEXT,
    deadline TEXT,
    object TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX pledges_doc ON pledges(doc_id);

CREATE TABLE pledge_mentions (
    pledge_id INTEGER NOT NULL REFERENCES pledges(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (pledge_id, doc_id, start)
);

ALTER TABLE quotes ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
ALTER TABLE paragraphs ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
