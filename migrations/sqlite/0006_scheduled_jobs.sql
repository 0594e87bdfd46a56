-- Work that must happen later, exactly once: a row first, written in the
-- unit of work that decided it, and marked done in the unit of work that
-- records its effects (the outbox), so a crash or a restart neither loses
-- nor doubles it. Kinds: `command` (a command the rate limit deferred).
CREATE TABLE scheduled_jobs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    job_key    TEXT NOT NULL UNIQUE, -- one job per key (e.g. the event ID)
    due_at     BIGINT NOT NULL,      -- milliseconds since the Unix epoch (UTC)
    payload    TEXT NOT NULL,        -- what the job needs, as JSON
    created_at BIGINT NOT NULL,
    done_at    BIGINT
);

CREATE INDEX scheduled_jobs_due ON scheduled_jobs (due_at) WHERE done_at IS NULL;
