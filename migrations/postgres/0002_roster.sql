-- The roster: states (a seat belongs to a state) and their delegates.
CREATE TABLE states (
    code       TEXT PRIMARY KEY,          -- ISO 3166-1 alpha-2
    status     TEXT NOT NULL CHECK (status IN ('founding_member', 'member', 'observer')),
    mechanism  TEXT,
    created_at BIGINT NOT NULL,           -- milliseconds since the Unix epoch
    updated_at BIGINT NOT NULL
);

CREATE TABLE delegates (
    user_id    TEXT PRIMARY KEY,          -- full Matrix user ID, server part included
    state_code TEXT NOT NULL REFERENCES states (code),
    language   TEXT,
    created_at BIGINT NOT NULL
);

CREATE INDEX delegates_state ON delegates (state_code);

-- Every roster change, append-only: who, when, what.
CREATE TABLE roster_changes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    state_code TEXT NOT NULL,
    user_id    TEXT,
    detail     TEXT NOT NULL
);
