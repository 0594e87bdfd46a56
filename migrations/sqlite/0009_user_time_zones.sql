-- The time zone each person chose (`!timezone`), by full Matrix user ID:
-- times shown to them are on its clock. An IANA name (Europe/Lisbon).
CREATE TABLE user_time_zones (
    user_id    TEXT PRIMARY KEY,
    zone       TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
