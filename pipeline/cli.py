"""The `spbe` command line (a public contract: add options, never break them).

    spbe run DIR [--db DB] [--claims FILE] [--region NAME] [--year YYYY]
    spbe export --db DB --json FILE

Defaults come from `spbe.toml` in the current folder (section [spbe]: db,
region, year) or, failing that, built-in values. Messages are in Bahasa
Indonesia; exit codes: 0 run completed (even if files failed), 2 could not run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from datetime import date
from pathlib import Path

EXIT_OK = 0
EXIT_CANNOT_RUN = 2
DEFAULT_DB = "spbe.duckdb"
CONFIG_FILE = "spbe.toml"


class CannotRun(Exception):
    """A condition that stops the whole command, with a message for the user."""


def _prefect_defaults() -> None:
    """Local, quiet, offline-friendly Prefect unless the user configured otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")


def load_config(path: Path = Path(CONFIG_FILE)) -> dict:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CannotRun(f"Berkas konfigurasi {path} tidak valid: {exc}") from exc
    section = data.get("spbe", {})
    unknown = set(section) - {"db", "region", "year"}
    if unknown:
        raise CannotRun(f"Kunci tidak dikenal di {path} [spbe]: {', '.join(sorted(unknown))}")
    return section


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spbe", description="Pemeriksaan kesiapan eviden SPBE.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="Baca semua berkas di folder eviden dan simpan hasilnya di DuckDB.")
    run.add_argument("folder", type=Path, help="folder eviden (sub-folder tingkat pertama = OPD)")
    run.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    run.add_argument("--claims", type=Path, help="penilaian mandiri (CSV/XLSX: indikator,level,penjelasan,eviden)")
    run.add_argument("--region", help='pemerintah daerah pemilik eviden, mis. "Kota Ternate"')
    run.add_argument("--year", type=int, help="tahun penilaian (bawaan: tahun berjalan)")
    run.add_argument("--workers", type=int, help="jumlah berkas yang dibaca bersamaan (bawaan: jumlah inti CPU)")
    run.add_argument("--quiet", action="store_true", help="tanpa baris kemajuan per berkas")

    export = sub.add_parser("export", help="Tulis hasil run terakhir sebagai JSON (kontrak spbe-evidence/1).")
    export.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    export.add_argument("--json", type=Path, required=True, help="berkas JSON tujuan ('-' untuk stdout)")
    return parser


def _cmd_run(args: argparse.Namespace, config: dict) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        raise CannotRun(f"Folder eviden tidak ditemukan: {folder}")
    if args.claims is not None and not args.claims.is_file():
        raise CannotRun(f"Berkas penilaian mandiri tidak ditemukan: {args.claims}")
    db = args.db or Path(config.get("db", DEFAULT_DB))
    region = args.region or config.get("region")
    year = args.year or config.get("year") or date.today().year

    from pipeline.claims import ClaimsError, read_claims
    from pipeline.rules import RulesError, framework_for_year
    from pipeline.storage import DatabaseBusy, connect

    try:  # refuse bad input before any work
        framework_for_year(year)
        if args.claims is not None:
            read_claims(args.claims)
    except (ClaimsError, RulesError) as exc:
        raise CannotRun(str(exc)) from exc

    try:  # fail fast, before Prefect starts, if another process holds the database
        connect(db).close()
    except DatabaseBusy as exc:
        raise CannotRun(
            f"Basis data {db} sedang dipakai proses lain (mis. run lain yang belum selesai). "
            "Tunggu sampai proses itu selesai, lalu jalankan lagi."
        ) from exc

    _prefect_defaults()
    from flows.ingest import run_ingest
    from pipeline.summary import format_summary

    try:
        summary = run_ingest(folder, db, region=region, year=year, claims=args.claims, workers=args.workers,
                             progress=not args.quiet)
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Jalankan lagi setelah proses itu selesai.") from exc
    print(format_summary(summary))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, config: dict) -> int:
    from pipeline.export import build_export, write_json
    from pipeline.storage import DatabaseBusy, connect

    db = args.db or Path(config.get("db", DEFAULT_DB))
    if not db.is_file():
        raise CannotRun(f"Basis data tidak ditemukan: {db}. Jalankan 'spbe run FOLDER --db {db}' dahulu.")
    try:
        con = connect(db)
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Coba lagi setelah proses itu selesai.") from exc
    try:
        payload = build_export(con)
    finally:
        con.close()
    write_json(payload, args.json)
    if str(args.json) != "-":
        print(f"{len(payload['documents'])} dokumen diekspor ke {args.json}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config()
        handler = {"run": _cmd_run, "export": _cmd_export}[args.command]
        return handler(args, config)
    except CannotRun as exc:
        print(f"spbe: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("spbe: dihentikan.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
