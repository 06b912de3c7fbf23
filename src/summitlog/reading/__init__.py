"""Reading: inputs (files, folders, JSON Lines, URLs, WARC, feeds) to cleaned Documents."""
