-- What the network's members can provide (technical cooperation offered):
-- a category, a title and a description, by a state (later: a partner),
-- open until its author or the coordinator closes it. `id` is the number
-- people quote.
CREATE TABLE offers (
    id           INTEGER PRIMARY KEY,
    category     TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    offered_by   TEXT NOT NULL,          -- ISO 3166-1 alpha-2 (a partner's ID later)
    author       TEXT NOT NULL,          -- full Matrix user ID
    source_event TEXT NOT NULL UNIQUE,   -- the command that published it
    closed_by    TEXT,
    closed_at    BIGINT,
    created_at   BIGINT NOT NULL
);

CREATE INDEX offers_open ON offers (category, created_at) WHERE closed_at IS NULL;
