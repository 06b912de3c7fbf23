-- Following up pledges looks them up by what they are about, for every new page: an index, so
-- that the lookup does not read every pledge of the store.
CREATE INDEX pledges_object ON pledges(object);
