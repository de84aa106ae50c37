-- Core inventory: runs, content extractions (by hash and extractor version), pages, files.
CREATE SEQUENCE run_id_seq START 1;

CREATE TABLE runs (
    run_id            INTEGER PRIMARY KEY DEFAULT nextval('run_id_seq'),
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,          -- running, completed, failed
    root              VARCHAR NOT NULL,
    region            VARCHAR,
    assessment_year   INTEGER,
    claims_path       VARCHAR,
    extractor_version VARCHAR NOT NULL,
    files_seen        INTEGER,
    files_new         INTEGER,
    files_changed     INTEGER,
    files_unchanged   INTEGER,
    files_removed     INTEGER,
    files_failed      INTEGER,
    files_unsupported INTEGER,
    files_extracted   INTEGER,
    ocr_pages         INTEGER,
    message           VARCHAR
);

-- What extraction learned from a given content; shared by byte-identical files.
-- name_class is the supported format the file name claims ('' for none): the same junk bytes are a
-- corrupt DOCX under a .docx name but an unsupported file under .dat, so it is part of the key.
CREATE TABLE extractions (
    sha256            VARCHAR NOT NULL,
    name_class        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    format            VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,          -- ok, failed, unsupported (content only)
    problems          JSON NOT NULL,             -- [{code, message, detail}]
    pages             INTEGER NOT NULL,
    ocr_pages         INTEGER NOT NULL,
    ocr_confidence    DOUBLE,
    seconds           DOUBLE NOT NULL,
    run_id            INTEGER NOT NULL,
    extracted_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (sha256, name_class, extractor_version)
);

CREATE TABLE pages (
    sha256            VARCHAR NOT NULL,
    name_class        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    page_no           INTEGER NOT NULL,
    method            VARCHAR NOT NULL,          -- text_layer, ocr, native, none
    chars             INTEGER NOT NULL,
    confidence        DOUBLE,
    rotation          INTEGER NOT NULL,
    note              VARCHAR,
    text              VARCHAR NOT NULL,
    PRIMARY KEY (sha256, name_class, extractor_version, page_no)
);

-- The folder as of the latest run: exactly one row per file.
CREATE TABLE files (
    path              VARCHAR PRIMARY KEY,       -- relative, with '/'
    opd               VARCHAR NOT NULL,
    extension         VARCHAR NOT NULL,
    size              BIGINT NOT NULL,
    mtime             DOUBLE NOT NULL,
    sha256            VARCHAR NOT NULL,          -- '' when the bytes could not be read
    name_class        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    format            VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,          -- ok, failed, unsupported
    error_code        VARCHAR,
    error             VARCHAR,
    problems          JSON NOT NULL,
    first_seen_run    INTEGER NOT NULL,
    changed_run       INTEGER NOT NULL,          -- run in which this content first appeared at this path
    last_seen_run     INTEGER NOT NULL
);
