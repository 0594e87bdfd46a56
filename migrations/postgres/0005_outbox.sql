-- What the bot has decided to send (or do) and not yet done: written in the
-- same transaction as the handling of the event that caused it, delivered
-- by the sender task in `id` order, each with a stable transaction ID so a
-- send retried after a crash is deduplicated by the homeserver. Messages are
-- retried in place (order matters); an invitation to a server that is down
-- is deferred (`not_before`) so it holds nothing else up.
CREATE TABLE outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      TEXT NOT NULL,      -- the event whose handling decided it
    seq           BIGINT NOT NULL,    -- its position among that event's items
    kind          TEXT NOT NULL,      -- reply | card | relay | notice | invite | reconcile
    item          TEXT NOT NULL,      -- the item, as JSON
    txn_id        TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts      BIGINT NOT NULL DEFAULT 0,
    last_error    TEXT,
    not_before    BIGINT,             -- a deferred item waits until then
    sent_event_id TEXT,
    created_at    BIGINT NOT NULL,    -- milliseconds since the Unix epoch
    done_at       BIGINT,
    UNIQUE (event_id, seq)
);

CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
