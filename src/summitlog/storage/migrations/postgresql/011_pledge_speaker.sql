-- The PostgreSQL form of ../011_pledge_speaker.sql.
-- A pledge's speaker (who states it) is kept apart from its actors (who must act): pledges.v2.
ALTER TABLE pledges ADD COLUMN speaker TEXT;
