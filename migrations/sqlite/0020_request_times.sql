-- Reports over many requests aggregate in SQL: each request carries when it
-- was first acknowledged and last resolved (kept up by every step), how
-- long each took, and the UTC months (YYYYMM) it was filed and resolved in,
-- so statistics read indexes instead of every transition.
ALTER TABLE requests ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE requests ADD COLUMN resolved_at BIGINT;
ALTER TABLE requests ADD COLUMN ack_wait_ms BIGINT;
ALTER TABLE requests ADD COLUMN resolve_wait_ms BIGINT;
ALTER TABLE requests ADD COLUMN filed_month BIGINT;
ALTER TABLE requests ADD COLUMN resolved_month BIGINT;

UPDATE requests SET
    acknowledged_at = (SELECT MIN(t.at) FROM request_transitions t
                       WHERE t.request_id = requests.id AND t.action = 'ack'),
    resolved_at = (SELECT MAX(t.at) FROM request_transitions t
                   WHERE t.request_id = requests.id AND t.to_state = 'resolved');
UPDATE requests SET
    ack_wait_ms = acknowledged_at - created_at,
    resolve_wait_ms = resolved_at - created_at,
    filed_month = CAST(strftime('%Y%m', created_at / 1000, 'unixepoch') AS BIGINT),
    resolved_month = CAST(strftime('%Y%m', resolved_at / 1000, 'unixepoch') AS BIGINT);

CREATE INDEX requests_counts ON requests (state, region, category);
CREATE INDEX requests_filed ON requests
    (filed_month, category, state, created_at, acknowledged_at, resolved_at);
CREATE INDEX requests_ack_wait ON requests (filed_month, ack_wait_ms)
    WHERE ack_wait_ms IS NOT NULL;
CREATE INDEX requests_resolve_wait ON requests (resolved_month, resolve_wait_ms)
    WHERE resolve_wait_ms IS NOT NULL;
CREATE INDEX requests_ack_wait_all ON requests (ack_wait_ms) WHERE ack_wait_ms IS NOT NULL;
CREATE INDEX requests_resolve_wait_all ON requests (resolve_wait_ms)
    WHERE resolve_wait_ms IS NOT NULL;
