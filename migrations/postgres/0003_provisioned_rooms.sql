-- The rooms provisioning created, by kind ('space', 'plenary', 'regional',
-- 'committee') and key (the region id for regional rooms, '' otherwise).
CREATE TABLE provisioned_rooms (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    room_id    TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,  -- milliseconds since the Unix epoch
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, key)
);
