-- Statement search with its filters in the full-text index: each statement's speaker, year,
-- outlet and topics as tokens ("sVladimirPutin y2023 okremlin.ru ttrade"), so that a search
-- with filters is one index lookup and its total one count, at any size.
ALTER TABLE quotes ADD COLUMN facets TEXT NOT NULL DEFAULT '';
UPDATE quotes SET facets = trim(
    coalesce('s' || replace(speaker, ' ', ''), '')
    || coalesce((SELECT ' y' || substr(d.published, 1, 4) FROM documents d
                 WHERE d.id = quotes.doc_id AND d.published GLOB '[0-9][0-9][0-9][0-9]*'), '')
    || coalesce((SELECT ' o' || replace(d.site, ' ', '') FROM documents d WHERE d.id = quotes.doc_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, ' ', ''), ' ') FROM json_each(quotes.topics)), ''));

DROP TRIGGER quotes_ai;
DROP TRIGGER quotes_ad;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, facets, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, facets) VALUES (new.id, new.text, new.facets);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, facets) VALUES ('delete', old.id, old.text, old.facets);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
