-- International seminars (in the plenary) and regional peer-learning
-- sessions (in a regional room). `id` is the number people quote; the
-- start is an instant (UTC milliseconds) with the zone it was given in;
-- `sequence` grows at each change (the calendar feed's SEQUENCE), and
-- `feed_key` is the unguessable part of the event's own calendar link.
CREATE TABLE seminars (
    id                 INTEGER PRIMARY KEY,
    room_kind          TEXT NOT NULL,         -- plenary | regional
    room_key           TEXT NOT NULL,         -- the region, for a regional room
    title              TEXT NOT NULL,
    starts_at          BIGINT NOT NULL,
    duration_minutes   BIGINT NOT NULL,
    zone               TEXT NOT NULL,         -- IANA name, as given
    place              TEXT,
    link               TEXT,
    created_by         TEXT NOT NULL,         -- full Matrix user ID
    source_event       TEXT NOT NULL UNIQUE,  -- the command that scheduled it
    announcement_event TEXT UNIQUE,           -- the bot's announcement
    feed_key           TEXT NOT NULL UNIQUE,
    sequence           BIGINT NOT NULL DEFAULT 0,
    cancelled          BOOLEAN NOT NULL DEFAULT FALSE,
    minutes            TEXT,
    minutes_by         TEXT,
    minutes_at         BIGINT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);

CREATE INDEX seminars_start ON seminars (starts_at);

-- One answer per state and seminar; any of its delegates may change it.
CREATE TABLE seminar_rsvps (
    seminar_id BIGINT NOT NULL REFERENCES seminars (id),
    state      TEXT NOT NULL,                 -- ISO 3166-1 alpha-2
    answer     TEXT NOT NULL CHECK (answer IN ('attend', 'decline')),
    user_id    TEXT NOT NULL,                 -- who answered last
    event_id   TEXT NOT NULL,                 -- their command or reaction
    at         BIGINT NOT NULL,
    PRIMARY KEY (seminar_id, state)
);
