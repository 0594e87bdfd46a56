-- `!save` looks a message up before saving it again.
CREATE INDEX practices_source ON practices (source_room, source_event);
