"""DuckDB storage: connection and locking, numbered migrations (`migrations/NNN_*.sql`), one
transaction helper, and the reads and writes of each group of tables.

May import: pipeline.model, pipeline.rules, pipeline.judge (the records it stores).
"""
