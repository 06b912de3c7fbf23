-- Statements: verbatim text, its span in the document's clean text, the speaker, how it was attributed.
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'turn')),
    cue TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
