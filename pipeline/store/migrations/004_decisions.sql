-- The admin review's audit trail: one row per decision, append-only (never UPDATE or DELETE).
-- A gap is (path, code); its current decision is the latest row (highest id) whose sha256 equals the
-- file's current sha256, so a decision survives runs over unchanged bytes and lapses when they change.
CREATE SEQUENCE decision_id_seq START 1;

CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY DEFAULT nextval('decision_id_seq'),
    path        VARCHAR NOT NULL,                -- relative to the evidence folder, with '/'
    sha256      VARCHAR NOT NULL,                -- content the decision was made on ('' when unreadable)
    code        VARCHAR NOT NULL,                -- flag or ingestion problem code
    decision    VARCHAR NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'fixed')),
    note        VARCHAR NOT NULL DEFAULT '',
    who         VARCHAR NOT NULL,
    decided_at  TIMESTAMP NOT NULL,
    run_id      INTEGER,                         -- the run whose gap list the admin was reviewing
    CHECK (decision <> 'dismissed' OR length(trim(note)) > 0)
);
