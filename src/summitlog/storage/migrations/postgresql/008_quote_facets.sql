-- The PostgreSQL form of ../008_quote_facets.sql: same column; PostgreSQL filters on the
-- columns themselves, so the full-text index stays as it is.
ALTER TABLE quotes ADD COLUMN facets TEXT NOT NULL DEFAULT '';
UPDATE quotes SET facets = trim(
    coalesce('s' || replace(speaker, ' ', ''), '')
    || coalesce((SELECT ' y' || substr(d.published, 1, 4) FROM documents d
                 WHERE d.id = quotes.doc_id AND d.published ~ '^[0-9]{4}'), '')
    || coalesce((SELECT ' o' || replace(d.site, ' ', '') FROM documents d WHERE d.id = quotes.doc_id), '')
    || coalesce((SELECT ' ' || string_agg('t' || replace(value, ' ', ''), ' ')
                 FROM jsonb_array_elements_text(quotes.topics::jsonb)), ''));
