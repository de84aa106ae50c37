-- Official results: what KemenPANRB's Laporan Hasil Evaluasi (LHE) SPBE states (`spbe lhe FILE`), one row per
-- government and year; loading an LHE of the same government and year again replaces its rows
-- (pipeline/store/official.py), so there is never more than one result per (government_key, year).
CREATE SEQUENCE official_result_id_seq START 1;

CREATE TABLE official_results (
    result_id       INTEGER PRIMARY KEY DEFAULT nextval('official_result_id_seq'),
    government      VARCHAR NOT NULL,                -- as the official list writes it: "Kota Bandar Lampung"
    government_key  VARCHAR NOT NULL,                -- folded for comparison with a run's --region
    government_code VARCHAR,                         -- Kemendagri code ("18.71"), NULL for a ministry
    year            INTEGER NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('evaluasi', 'pemantauan')),
    framework       VARCHAR NOT NULL,                -- the framework the levels were checked against
    index_value     DOUBLE NOT NULL,                 -- the Indeks SPBE as printed
    predicate       VARCHAR NOT NULL,
    index_page      INTEGER NOT NULL,
    source_name     VARCHAR NOT NULL,                -- file name of the LHE read
    source_sha256   VARCHAR NOT NULL,
    read_at         TIMESTAMP NOT NULL
);

CREATE TABLE official_levels (
    result_id       INTEGER NOT NULL,
    indicator       INTEGER NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    page            INTEGER NOT NULL,                -- page of the LHE that states it
    PRIMARY KEY (result_id, indicator)
);
