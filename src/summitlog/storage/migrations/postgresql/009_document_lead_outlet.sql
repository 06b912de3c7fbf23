-- What a reader needs to know a source by: the page's lead (standfirst) and the outlet it credits.
-- Pages stored before it keep NULL, and a reader sees their site or title instead.
ALTER TABLE documents ADD COLUMN lead TEXT;
ALTER TABLE documents ADD COLUMN outlet TEXT;
