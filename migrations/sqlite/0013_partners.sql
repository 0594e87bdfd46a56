-- Partners: organisations that are not states (OHCHR, UN agencies, donors,
-- national human-rights institutions, civil society, academia), with their
-- delegates. A person holds one seat, of a state or of a partner (checked
-- by the application: the two delegate tables together). The roster's
-- history (roster_changes) names a partner by its ID in `state_code`.
CREATE TABLE partners (
    id         TEXT PRIMARY KEY,          -- slug: ohchr, undp, cndh-ma
    kind       TEXT NOT NULL CHECK (kind IN ('un_body', 'un_agency', 'state_donor', 'nhri',
                                             'civil_society', 'academia')),
    names      TEXT NOT NULL,             -- JSON object: language code -> name
    regions    TEXT NOT NULL,             -- JSON array of region IDs (regional rooms)
    created_at BIGINT NOT NULL,           -- milliseconds since the Unix epoch
    updated_at BIGINT NOT NULL
);

CREATE TABLE partner_delegates (
    user_id    TEXT PRIMARY KEY,          -- full Matrix user ID, server part included
    partner_id TEXT NOT NULL REFERENCES partners (id),
    language   TEXT,
    created_at BIGINT NOT NULL
);

CREATE INDEX partner_delegates_partner ON partner_delegates (partner_id);
