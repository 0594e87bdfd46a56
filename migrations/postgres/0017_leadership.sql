-- Who leads when several `peerlink run` instances share this database: one
-- row, a lease renewed by the leader. An instance takes the lead when the
-- lease has expired (or is its own); `token` grows with every change of
-- leader (a fencing token). Times in milliseconds since the Unix epoch, by
-- the database's clock on PostgreSQL.
CREATE TABLE leadership (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,         -- the bot's user ID and device ID
    token      BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
