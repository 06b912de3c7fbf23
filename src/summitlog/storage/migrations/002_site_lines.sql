-- Short non-sentence lines seen on each outlet's pages: a line on several pages of one site is chrome.
CREATE TABLE site_lines (
    site TEXT NOT NULL,
    line TEXT NOT NULL,
    docs INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (site, line)
) WITHOUT ROWID;
