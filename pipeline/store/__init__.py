"""DuckDB storage: connection and locking, numbered migrations (`migrations/NNN_*.sql`), one
transaction helper, and the reads and writes of each group of tables.

    connection.py   short sessions, the run lock, DatabaseBusy / RunInProgress
    transaction.py  the one transaction helper: every write goes through it
    schema.py       numbered migrations
    codec.py        JSON columns <-> records
    bulk.py         many rows in one statement (insert_rows)
    runs.py         the `runs` table: start_run, finish_run
    contents.py     extractions, pages, analyses: known contents, batches, backlogs, redaction in place
    files.py        the `files` table: the folder as last recorded, with each file's stat (change detection)
    judgement.py    a run's judgement: load_analyzed (its input), save_judgement (its tables), judgement_key and
                    reuse_judgement (an unchanged night copies the last judgement), Outline (for the summary)
    batch.py        BatchWriter: the run's write loop, in batches of one transaction each

Every table function takes a connection (`con`) first; the caller opens a short `session` around it.
Each write function is a transaction of its own, so it is never called inside `transaction(con)`.

May import: pipeline.model, pipeline.rules, pipeline.privacy, pipeline.judge (the records it stores).
"""
