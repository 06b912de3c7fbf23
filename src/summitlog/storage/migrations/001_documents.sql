-- Documents: raw input and clean text are both kept, so spans stay valid forever.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,             -- hash of the normalised content
    source TEXT NOT NULL,            -- path, URL or path:line it was read from
    name TEXT NOT NULL,              -- file name or URL a user recognises
    kind TEXT NOT NULL CHECK (kind IN ('text', 'html')),
    url TEXT,
    site TEXT,
    title TEXT,
    published TEXT,                  -- ISO date, or --MM-DD when the page gives no year
    dateline TEXT,
    raw TEXT NOT NULL,
    text TEXT NOT NULL,
    removed_lines INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);

CREATE TABLE paragraphs (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    raw_start INTEGER,
    PRIMARY KEY (doc_id, idx)
);

CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
