"""DuckDB storage: migrations bring any earlier database to the current schema without losing data, and
a write is all of its transaction or none of it."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.model import ContentKey, Document, FileRecord, FileRow, Method, Page, Problem, Status
from pipeline.store.connection import session
from pipeline.store.contents import known_contents, save_extractions
from pipeline.store.files import current_files, save_files
from pipeline.store.runs import start_run
from pipeline.store.schema import migrate, migrations, schema_version
from pipeline.store.transaction import transaction


def test_migrations_are_numbered_without_gaps():
    versions = [m.version for m in migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_new_database_gets_every_migration(tmp_path):
    con = duckdb.connect(str(tmp_path / "new.duckdb"))
    assert migrate(con) == migrations()[-1].version
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"runs", "extractions", "pages", "files", "documents", "schema_migrations"} <= tables


def test_migrating_twice_changes_nothing(tmp_path):
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    migrate(con)
    assert migrate(con) == schema_version(con)
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(migrations())


def _document() -> Document:
    return Document(
        format="pdf",
        status=Status.OK,
        pages=(
            Page(1, Method.TEXT_LAYER, "PERATURAN WALI KOTA"),
            Page(2, Method.OCR, "Ditetapkan di", confidence=88.5, rotation=90),
        ),
    )


def test_database_from_every_earlier_version_keeps_its_data(tmp_path):
    for old in range(1, migrations()[-1].version):
        path = tmp_path / f"v{old}.duckdb"
        con = duckdb.connect(str(path))
        migrate(con, target=old)
        # written as that version wrote it: only the columns of the first schema, named
        run_id = con.execute("""INSERT INTO runs (started_at, status, root, region, extractor_version)
                                VALUES (now(), 'completed', '/x', 'Kota A', 'v') RETURNING run_id""").fetchone()[0]
        con.execute(
            """INSERT INTO extractions (sha256, name_class, extractor_version, format, status, problems,
                                                pages, ocr_pages, seconds, run_id, extracted_at)
                       VALUES ('abc', 'pdf', 'v', 'pdf', 'ok', '[]', 2, 1, 0.1, ?, now())""",
            [run_id],
        )
        for page in _document().pages:
            con.execute(
                """INSERT INTO pages (sha256, name_class, extractor_version, page_no, method, chars, rotation,
                                              text) VALUES ('abc', 'pdf', 'v', ?, ?, ?, ?, ?)""",
                [page.number, page.method.value, page.chars, page.rotation, page.text],
            )
        con.close()

        with session(path) as con:  # a writer's session migrates
            assert schema_version(con) == migrations()[-1].version
            assert con.execute("SELECT count(*) FROM pages WHERE sha256 = 'abc'").fetchone()[0] == 2
            assert con.execute("SELECT region FROM runs").fetchone()[0] == "Kota A"


def test_extraction_round_trips_pages_and_problems(tmp_path):
    with session(tmp_path / "db.duckdb") as con:
        run_id = start_run(con, root="/x", region=None, year=None, claims=None, version="v")
        doc = Document(
            format="pdf",
            status=Status.FAILED,
            pages=_document().pages,
            problems=(Problem("corrupt", "Berkas PDF rusak", "EOF missing"),),
        )
        save_extractions(con, [(ContentKey("abc", "pdf"), doc)], "v", run_id)
        save_extractions(con, [(ContentKey("abc", "pdf"), doc)], "v", run_id)  # idempotent: replaces, never duplicates
        known = known_contents(con, "v")
        assert known[ContentKey("abc", "pdf")].status is Status.FAILED
        assert known[ContentKey("abc", "pdf")].problems[0].code == "corrupt"
        rows = con.execute("SELECT page_no, method, chars, confidence, rotation FROM pages ORDER BY page_no").fetchall()
        assert rows == [(1, "text_layer", 19, None, 0), (2, "ocr", 13, 88.5, 90)]
        assert known_contents(con, "other-version") == {}


def test_inventory_keeps_one_row_per_path_and_drops_vanished_files(tmp_path):
    def row(path: str, run: int) -> FileRow:
        record = FileRecord(path=path, opd=path.split("/")[0], size=1, mtime=0.0, sha256="abc", extension="pdf")
        return FileRow(record, "pdf", "v", "pdf", Status.OK, (), run, run)

    with session(tmp_path / "db.duckdb") as con:
        first = start_run(con, root="/x", region=None, year=None, claims=None, version="v")
        assert save_files(con, [row("A/a.pdf", first), row("B/b.pdf", first)], first) == 0
        second = start_run(con, root="/x", region=None, year=None, claims=None, version="v")
        assert save_files(con, [row("A/a.pdf", second)], second) == 1
        assert list(current_files(con)) == ["A/a.pdf"]


def test_a_transaction_that_fails_leaves_nothing_of_itself(tmp_path):
    with session(tmp_path / "db.duckdb") as con:
        with pytest.raises(duckdb.ConstraintException):
            with transaction(con):
                start_run(con, root="/x", region=None, year=None, claims=None, version="v")
                con.execute("INSERT INTO schema_migrations VALUES (1, 'again', now())")  # a duplicate key
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_a_transaction_interrupted_by_any_exception_is_rolled_back(tmp_path):
    with session(tmp_path / "db.duckdb") as con:
        with pytest.raises(KeyboardInterrupt):
            with transaction(con):
                start_run(con, root="/x", region=None, year=None, claims=None, version="v")
                raise KeyboardInterrupt
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_a_transaction_that_ends_well_is_committed(tmp_path):
    with session(tmp_path / "db.duckdb") as con:
        with transaction(con):
            start_run(con, root="/x", region=None, year=None, claims=None, version="v")
    with session(tmp_path / "db.duckdb", read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
