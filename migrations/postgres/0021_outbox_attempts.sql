-- Which Matrix device last tried to send an outbox item, and when. The
-- homeserver deduplicates a retried send by its transaction ID only for the
-- same device: an instance taking the lead from another (a device of its
-- own) first looks in the room for an item the other may have sent just
-- before it died, instead of sending it a second time.
ALTER TABLE outbox ADD COLUMN attempted_by TEXT;
ALTER TABLE outbox ADD COLUMN attempted_at BIGINT;
