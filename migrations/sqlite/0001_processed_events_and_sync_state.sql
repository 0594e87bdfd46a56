-- Events the bot has acted on, keyed by Matrix event ID: an event delivered
-- twice (replayed sync, restart after a crash) is handled once.
CREATE TABLE processed_events (
    event_id     TEXT PRIMARY KEY,
    room_id      TEXT NOT NULL,
    sender       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    outcome      TEXT,
    processed_at BIGINT NOT NULL -- milliseconds since the Unix epoch
);

CREATE INDEX processed_events_room ON processed_events (room_id, processed_at);

-- Where the bot's /sync stands, saved after the events of a response were handled.
CREATE TABLE sync_state (
    account    TEXT PRIMARY KEY,
    next_batch TEXT NOT NULL,
    updated_at BIGINT NOT NULL -- milliseconds since the Unix epoch
);
