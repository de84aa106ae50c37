"""The SPBE evidence library: pure stages, one room each (see docs/architecture.md).

Data flows one way: file -> extraction -> analysis -> judgement -> storage -> outputs.

    model, settings, rules   the shared vocabulary: records, extraction settings, rules/ as data
    extract/                 bytes of one file -> Document (format detection, formats, OCR, errors)
    privacy/                 personal data in extracted text: scan, redact, flag
    judge/                   text -> facts, indicator links, levels; a folder -> flags, levels, index
    ingest/                  a folder -> file records, a run plan, and each file read (extract, protect, analyse)
    store/                   DuckDB: connection, migrations, transactions, one module per table group
    outputs/                 stored results -> JSON export, readiness report, run summary, labels
    review/                  the admins' review page (web app over the store and outputs)

A room imports only the foundation and the rooms listed before it, never `flows/` or the
command line (`spbe/`), which stand on top (checked by tests/test_architecture.py).
"""
