-- Items of watched RSS/Atom feeds: each link is fetched once (a failed one a few times).
CREATE TABLE feed_items (
    feed TEXT NOT NULL,
    link TEXT NOT NULL,
    status TEXT NOT NULL,            -- added | unchanged | failed
    attempts INTEGER NOT NULL DEFAULT 1,
    doc_id TEXT,
    problem TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (feed, link)
);
