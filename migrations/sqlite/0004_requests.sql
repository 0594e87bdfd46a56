-- Cooperation requests. `id` is the short number people quote (#12).
CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    state            TEXT NOT NULL,
    requesting_state TEXT NOT NULL,        -- ISO 3166-1 alpha-2
    region           TEXT,
    category         TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL,
    language         TEXT NOT NULL,
    requester        TEXT NOT NULL,        -- full Matrix user ID
    source_room      TEXT NOT NULL,
    source_event     TEXT NOT NULL UNIQUE, -- the message that filed it
    card_room        TEXT,
    card_event       TEXT UNIQUE,          -- its card in the committee room
    assignee         TEXT,
    created_at       BIGINT NOT NULL,      -- milliseconds since the Unix epoch
    updated_at       BIGINT NOT NULL
);

CREATE INDEX requests_state ON requests (state, created_at);

-- Every step of every request, append-only: who, as which state, when, why,
-- and the Matrix event that caused it.
CREATE TABLE request_transitions (
    id          INTEGER PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES requests (id),
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    actor_state TEXT,
    action      TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    reason      TEXT,
    event_id    TEXT
);

CREATE INDEX request_transitions_request ON request_transitions (request_id, id);

-- The outcomes register: what was delivered, by whom, and what was learned.
CREATE TABLE outcomes (
    request_id   BIGINT PRIMARY KEY REFERENCES requests (id),
    result       TEXT NOT NULL CHECK (result IN ('delivered', 'partly_delivered', 'not_delivered')),
    summary      TEXT NOT NULL,
    lessons      TEXT,
    delivered_by TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL
);
