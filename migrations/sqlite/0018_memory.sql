-- The network's memory.
--
-- Tags: what a request (and so its outcome) or a practice is about: SDG
-- goals and targets, themes of config/themes.toml, references to UN
-- recommendations (kept verbatim).
CREATE TABLE memory_tags (
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('request', 'practice')),
    subject_id   BIGINT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('sdg', 'theme', 'ref')),
    value        TEXT NOT NULL,
    added_by     TEXT NOT NULL,          -- full Matrix user ID
    added_at     BIGINT NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, kind, value)
);

CREATE INDEX memory_tags_value ON memory_tags (kind, value);

-- Good practices shared by delegates and partners (`!practice`, or `!save`
-- in reply to a message, which keeps a link to that message). `id` is the
-- number people quote.
CREATE TABLE practices (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    language     TEXT NOT NULL,
    seat         TEXT NOT NULL,          -- the sharer's state code or partner ID
    author       TEXT NOT NULL,          -- who shared it (or wrote the saved message)
    shared_by    TEXT NOT NULL,          -- who ran the command
    source_room  TEXT NOT NULL,          -- the message it comes from
    source_event TEXT NOT NULL,
    command_event TEXT NOT NULL UNIQUE,  -- the command that stored it
    withdrawn_by TEXT,
    withdrawn_at BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- What search reads: one row per searchable text (a request, an outcome,
-- a practice, a guidance section), written in the unit of work that
-- changes its source. `request_id` is set on a request's own text: only
-- those the request involves (and the committee) find it.
CREATE TABLE search_documents (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('request', 'outcome', 'practice', 'guidance')),
    source     TEXT NOT NULL,            -- request or practice number, or document/section/language
    request_id BIGINT,
    language   TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    seat       TEXT,                     -- the state or partner it comes from
    region     TEXT,
    category   TEXT,
    themes     TEXT NOT NULL DEFAULT ' ',  -- ' justice women '
    sdgs       TEXT NOT NULL DEFAULT ' ',  -- ' 16 16.3 5 5.2 '
    link       TEXT,                     -- matrix.to link to the source message
    updated_at BIGINT NOT NULL,
    UNIQUE (kind, source)
);

-- SQLite's full-text engine over it, case- and accent-insensitive, kept in
-- step by triggers (so in the same transaction as every write).
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_index (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_index (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
