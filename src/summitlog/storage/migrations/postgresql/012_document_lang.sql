-- The PostgreSQL form of ../012_document_lang.sql.
-- The language a page is in (an ISO 639-1 code), detected from its clean text or given with --lang.
-- Pages stored before it keep NULL: they were read as English.
ALTER TABLE documents ADD COLUMN lang TEXT;
CREATE INDEX documents_lang ON documents(lang);
