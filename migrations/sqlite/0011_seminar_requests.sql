-- Requests discussed at a seminar: the `#n` references in its minutes. A
-- request's `!status` names the seminars; a seminar names its requests.
CREATE TABLE seminar_requests (
    seminar_id BIGINT NOT NULL REFERENCES seminars (id),
    request_id BIGINT NOT NULL REFERENCES requests (id),
    PRIMARY KEY (seminar_id, request_id)
);

CREATE INDEX seminar_requests_request ON seminar_requests (request_id);
