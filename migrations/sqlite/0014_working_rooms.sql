-- Working rooms: one per accepted request, opened in the unit of work that
-- accepts it (again when a reopened request is accepted again), closed when
-- the request is resolved or declined (the room stays, read-only). The
-- Matrix room itself is in provisioned_rooms as ('working', '<number>').
-- `ready_at`: provisioning created the room and sent its invitations, so
-- the bot's first message can be read by everyone invited (encryption keys
-- go to the members the room has when a message is sent).
CREATE TABLE working_rooms (
    request_id BIGINT PRIMARY KEY REFERENCES requests (id),
    opened_at  BIGINT NOT NULL,       -- milliseconds since the Unix epoch
    closed_at  BIGINT,
    ready_at   BIGINT
);
