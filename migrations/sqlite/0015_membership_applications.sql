-- Membership applications decided by the Executive Committee in a poll: an
-- observer state applying to become a member, or a state new to the network
-- proposed by the coordinator. `outcome`: open, approved or rejected.
CREATE TABLE membership_applications (
    id           INTEGER PRIMARY KEY,
    state_code   TEXT NOT NULL,          -- ISO 3166-1 alpha-2
    status       TEXT NOT NULL CHECK (status IN ('member', 'observer')),
    motivation   TEXT NOT NULL,
    applicant    TEXT NOT NULL,          -- full Matrix user ID
    source_room  TEXT NOT NULL,
    source_event TEXT NOT NULL UNIQUE,   -- the command that opened it
    poll_event   TEXT UNIQUE,            -- the poll in the committee room, once posted
    outcome      TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'approved', 'rejected')),
    deadline     BIGINT NOT NULL,        -- milliseconds since the Unix epoch
    created_at   BIGINT NOT NULL,
    decided_at   BIGINT
);

-- One open application per state at a time.
CREATE UNIQUE INDEX membership_applications_open ON membership_applications (state_code)
    WHERE outcome = 'open';

-- Every vote, append-only, with the Matrix event that cast it (a poll
-- response or a !vote command); the last vote of a committee state counts.
CREATE TABLE membership_votes (
    id             INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES membership_applications (id),
    state_code     TEXT NOT NULL,
    voter          TEXT NOT NULL,        -- full Matrix user ID
    vote           TEXT NOT NULL CHECK (vote IN ('yes', 'no', 'abstain')),
    event_id       TEXT NOT NULL UNIQUE,
    at             BIGINT NOT NULL
);

CREATE INDEX membership_votes_application ON membership_votes (application_id, id);
