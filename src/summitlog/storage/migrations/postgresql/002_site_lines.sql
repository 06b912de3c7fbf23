-- The PostgreSQL form of ../002_site_lines.sql: same tables and columns; full-text search is a GIN index.
-- Short non-sentence lines seen on each outlet's pages: a line on several pages of one site is chrome.
CREATE TABLE site_lines (
    site TEXT NOT NULL,
    line TEXT NOT NULL,
    docs INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (site, line)
);
