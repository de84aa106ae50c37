"""Many rows in one statement: the write path every table group shares."""

from __future__ import annotations

import duckdb


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list], *, replace: bool = False) -> None:
    """Insert many rows with one statement: each column travels as one typed list and is unnested
    (~100x faster than executemany, which DuckDB runs row by row)."""
    if not rows:
        return
    types = [t for _, t, *_ in con.execute(f"DESCRIBE {table}").fetchall()]
    columns = list(zip(*rows))
    selects = ", ".join(f"unnest(?::{'VARCHAR' if t == 'JSON' else t}[])" for t in types)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    con.execute(f"{verb} INTO {table} SELECT {selects}", [list(c) for c in columns])
