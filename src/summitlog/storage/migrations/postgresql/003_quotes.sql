-- The PostgreSQL form of ../003_quotes.sql: same tables and columns; full-text search is a GIN index.
-- Statements: verbatim text, its span in the document's clean text, the speaker, how it was attributed.
CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'turn')),
    cue TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE INDEX quotes_fts ON quotes USING gin (to_tsvector('simple', text));
