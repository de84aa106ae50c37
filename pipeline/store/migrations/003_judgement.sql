-- The judgement of each run: document facts, flags, indicator links, indicator results, index.
-- Kept per run (run_id) so reports can show the trend; exports read the latest completed run.
CREATE TABLE doc_facts (
    run_id        INTEGER NOT NULL,
    path          VARCHAR NOT NULL,
    doc_type      VARCHAR NOT NULL,
    title         VARCHAR,
    number        VARCHAR,
    year          INTEGER,
    enacted       DATE,
    region        VARCHAR,
    signed        BOOLEAN,
    counts        BOOLEAN NOT NULL,             -- valid evidence for levels
    details       JSON NOT NULL,                -- draft markers, regions named, periods, revokes, amends, key
    PRIMARY KEY (run_id, path)
);

CREATE TABLE doc_flags (
    run_id        INTEGER NOT NULL,
    path          VARCHAR NOT NULL,
    code          VARCHAR NOT NULL,
    message       VARCHAR NOT NULL,
    PRIMARY KEY (run_id, path, code)
);

CREATE TABLE doc_matches (
    run_id        INTEGER NOT NULL,
    path          VARCHAR NOT NULL,
    indicator     INTEGER NOT NULL,
    level         INTEGER,                      -- level this document supports; NULL when it does not count
    score         DOUBLE NOT NULL,
    weight        DOUBLE NOT NULL,
    rule          VARCHAR NOT NULL,
    phrase        VARCHAR NOT NULL,
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    found_in      VARCHAR NOT NULL,             -- title, heading, body
    reason        VARCHAR,
    PRIMARY KEY (run_id, path, indicator)
);

CREATE TABLE indicator_results (
    run_id         INTEGER NOT NULL,
    framework      VARCHAR NOT NULL,
    indicator      INTEGER NOT NULL,
    name           VARCHAR NOT NULL,
    claimed_level  INTEGER,
    evidence_level INTEGER NOT NULL,
    status         VARCHAR,
    flags          JSON NOT NULL,
    evidence       JSON NOT NULL,
    reason         VARCHAR NOT NULL,
    next_step      VARCHAR NOT NULL,
    PRIMARY KEY (run_id, indicator)
);

CREATE TABLE index_results (
    run_id     INTEGER NOT NULL,
    basis      VARCHAR NOT NULL,                -- claimed, evidence
    scope      VARCHAR NOT NULL,                -- total, aspect, domain
    id         VARCHAR NOT NULL,                -- 'SPBE', 'A1', 'D1', ...
    value      DOUBLE NOT NULL,
    predicate  VARCHAR,
    PRIMARY KEY (run_id, basis, scope, id)
);
