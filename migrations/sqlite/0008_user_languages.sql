-- The language each person chose with `!language` (full Matrix user ID,
-- server part included). It wins over the roster's language for delegates
-- and over the configured default for everyone else.
CREATE TABLE user_languages (
    user_id    TEXT PRIMARY KEY,
    language   TEXT NOT NULL,     -- a catalog code: ar, zh-Hans, en, fr, ru, es, pt
    updated_at BIGINT NOT NULL    -- milliseconds since the Unix epoch
);
