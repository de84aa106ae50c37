-- Per-document analysis (facts, indicator links, level traces, duplicate sketch), computed once per
-- content, file name (facts read it) and rules version, and reused by every later run's judgement.
CREATE TABLE analyses (
    sha256            VARCHAR NOT NULL,
    name_class        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    file_name         VARCHAR NOT NULL,
    analysis_version  VARCHAR NOT NULL,
    data              JSON NOT NULL,
    run_id            INTEGER NOT NULL,
    PRIMARY KEY (sha256, name_class, extractor_version, file_name, analysis_version)
);
