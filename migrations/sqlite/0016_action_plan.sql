-- The action plan's life in chat (the plan itself is a file): status
-- updates of activities, append-only with who and which event (the last
-- one is the current status), and links of requests and offers to activities.
CREATE TABLE plan_updates (
    id          INTEGER PRIMARY KEY,
    activity    TEXT NOT NULL,           -- the activity's ID in the plan file
    status      TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'delayed', 'done', 'cancelled')),
    note        TEXT,
    actor       TEXT NOT NULL,           -- full Matrix user ID
    event_id    TEXT NOT NULL UNIQUE,
    at          BIGINT NOT NULL          -- milliseconds since the Unix epoch
);

CREATE TABLE plan_links (
    id          INTEGER PRIMARY KEY,
    activity    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('request', 'offer')),
    target      BIGINT NOT NULL,         -- the request's or offer's number
    actor       TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    at          BIGINT NOT NULL,
    UNIQUE (activity, kind, target)
);
