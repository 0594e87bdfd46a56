-- API tokens made with `peerlink token new`: only the SHA-256 of each token
-- is kept. They take effect at once (the API reads this table), and
-- `peerlink token revoke` ends one at once. Tokens written in the
-- configuration file (`[[http.tokens]]`) still work beside these.
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    scope      TEXT NOT NULL,        -- reports | roster
    sha256     TEXT NOT NULL UNIQUE, -- lowercase hex of the token's SHA-256
    created_at BIGINT NOT NULL,      -- milliseconds since the Unix epoch
    created_by TEXT NOT NULL,
    revoked_at BIGINT
);

CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
