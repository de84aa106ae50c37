"""The `spbe` command line (a public contract: add options, never break them).

    spbe run DIR [--db DB] [--claims FILE] [--region NAME] [--year YYYY] [--dask-address tcp://HOST:PORT] [--verify]
    spbe export --db DB --json FILE
    spbe report --db DB --out FILE [--format html|xlsx]
    spbe lhe FILE [--db DB]
    spbe ui --db DB [--host 127.0.0.1] [--port 8080]
    spbe ui-password [--username NAME]
    spbe schedule DIR --cron "0 2 * * *" [run options]

Defaults come from `spbe.toml` in the current folder (section [spbe]: db,
region, year) or, failing that, built-in values. Messages are in Bahasa
Indonesia; exit codes: 0 run completed (even if files failed), 2 could not run (also: the
machine cannot OCR or write, found before any work), 3 the machine failed during the run (files not
read because of it are read again by the next run; a full disk stops the run).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tomllib
from datetime import date
from pathlib import Path

EXIT_OK = 0
EXIT_CANNOT_RUN = 2
EXIT_MACHINE_FAULT = 3
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
    ui = data.get("ui", {})  # login of the review page: [ui] username, password_hash
    unknown = set(ui) - {"username", "password_hash"} if isinstance(ui, dict) else {"[ui]"}
    if unknown or not all(isinstance(v, str) for v in ui.values()):
        raise CannotRun(
            f"Bagian [ui] di {path} tidak valid (hanya username dan password_hash, berupa teks): "
            f"{', '.join(sorted(unknown)) or 'nilai bukan teks'}"
        )
    return {**section, "ui": ui} if ui else section


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spbe", description="Pemeriksaan kesiapan eviden SPBE.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="Baca semua berkas di folder eviden dan simpan hasilnya di DuckDB.",
        epilog=(
            "Sebelum membaca, spbe run memeriksa mesin OCR Tesseract (versi 4 atau lebih baru, bahasa ind, eng "
            "dan osd; TESSDATA_PREFIX dihormati) serta ruang tulis folder basis data dan TMPDIR, juga untuk "
            "folder tanpa pindaian. Kode keluar: 0 run selesai (berkas boleh gagal karena isinya); 2 tidak "
            "dapat berjalan, mis. Tesseract atau data bahasanya tidak ada atau disk penuh (tidak ada berkas "
            "yang ditandai gagal); 3 gangguan server selama run: berkas yang belum terbaca karenanya dibaca "
            "ulang pada run berikutnya, dan disk penuh menghentikan run tanpa merusak hasil tersimpan."
        ),
    )
    run.add_argument("folder", type=Path, help="folder eviden (sub-folder tingkat pertama = OPD)")
    run.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    run.add_argument("--claims", type=Path, help="penilaian mandiri (CSV/XLSX: indikator,level,penjelasan,eviden)")
    run.add_argument("--region", help='pemerintah daerah pemilik eviden, mis. "Kota Ternate"')
    run.add_argument("--year", type=int, help="tahun penilaian (bawaan: tahun berjalan)")
    run.add_argument("--workers", type=int, help="jumlah berkas yang dibaca bersamaan (bawaan: jumlah inti CPU)")
    run.add_argument("--quiet", action="store_true", help="tanpa baris kemajuan per berkas")
    run.add_argument(
        "--file-timeout",
        type=float,
        metavar="DETIK",
        help="batas waktu membaca satu berkas, termasuk OCR (bawaan: 900 detik)",
    )
    run.add_argument(
        "--wait",
        action="store_true",
        help="jika run lain sedang memakai basis data yang sama, tunggu sampai selesai (bawaan: berhenti)",
    )
    run.add_argument(
        "--verify",
        action="store_true",
        help="baca ulang dan hitung sidik (SHA-256) semua berkas, juga yang ukuran dan waktunya tidak berubah "
        "(bawaan: hanya berkas yang berubah, dan semua berkas sekali seminggu)",
    )
    run.add_argument(
        "--dask-address",
        metavar="tcp://HOST:PORT",
        help="baca berkas di klaster Dask yang sudah berjalan (penulisan ke DuckDB tetap di sini)",
    )

    export = sub.add_parser("export", help="Tulis hasil run terakhir sebagai JSON (kontrak spbe-evidence/1).")
    export.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    export.add_argument("--json", type=Path, required=True, help="berkas JSON tujuan ('-' untuk stdout)")
    report = sub.add_parser("report", help="Laporan kesiapan (HTML mandiri atau XLSX) dari run terakhir.")
    report.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    report.add_argument("--out", type=Path, required=True, help="berkas tujuan (.html atau .xlsx)")
    report.add_argument("--format", choices=("html", "xlsx"), help="bawaan: dari ekstensi --out, selain itu html")
    lhe = sub.add_parser(
        "lhe",
        help="Muat Laporan Hasil Evaluasi (LHE) SPBE dari KemenPANRB: tahun, pemerintah, indeks dan tingkat "
        "resmi tiap indikator.",
        epilog="Hanya PDF LHE asli (berlapis teks). Jika tabelnya tidak terbaca (hasil pindai, tata letak lain, "
        "bukan LHE), tidak ada yang disimpan dan kode keluar 2. LHE pemerintah dan tahun yang sama "
        "menggantikan yang dimuat sebelumnya.",
    )
    lhe.add_argument("file", type=Path, metavar="FILE", help="berkas PDF LHE SPBE")
    lhe.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB}; dibuat jika belum ada)")

    package = sub.add_parser(
        "package",
        help="Siapkan paket unggah: per indikator, salinan berkas eviden sah (<indikator>.<huruf>.<nama>) "
        "dan lembar indeks dengan draf penjelasan.",
    )
    package.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    package.add_argument(
        "--out", type=Path, required=True, help="folder tujuan baru (atau berkas .zip), di luar folder eviden"
    )
    ui = sub.add_parser("ui", help="Halaman tinjauan celah eviden untuk admin (server web lokal).")
    ui.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    ui.add_argument(
        "--host",
        default="127.0.0.1",
        help="alamat (bawaan: 127.0.0.1, hanya komputer ini; alamat lain mewajibkan login [ui])",
    )
    ui.add_argument("--port", type=int, default=8080)
    ui_password = sub.add_parser(
        "ui-password", help="Buat hash kata sandi login halaman tinjauan untuk spbe.toml [ui]."
    )
    ui_password.add_argument("--username", help="cetak juga baris username untuk spbe.toml")

    schedule = sub.add_parser("schedule", help="Jalankan pemeriksaan terjadwal (cron) dengan penjadwal Prefect.")
    schedule.add_argument("folder", type=Path, help="folder eviden")
    schedule.add_argument("--cron", required=True, help='jadwal cron, mis. "0 2 * * *" (setiap pukul 02.00)')
    schedule.add_argument("--db", type=Path, help=f"berkas DuckDB (bawaan: {DEFAULT_DB})")
    schedule.add_argument("--claims", type=Path)
    schedule.add_argument("--region")
    schedule.add_argument("--year", type=int)
    schedule.add_argument("--timezone", default="Asia/Jakarta", help="zona waktu jadwal (bawaan: Asia/Jakarta)")
    return parser


def _db(args: argparse.Namespace, config: dict) -> Path:
    return args.db or Path(config.get("db", DEFAULT_DB))


def _existing_db(args: argparse.Namespace, config: dict) -> Path:
    db = _db(args, config)
    if not db.is_file():
        raise CannotRun(f"Basis data tidak ditemukan: {db}. Jalankan 'spbe run FOLDER --db {db}' dahulu.")
    return db


def _cmd_report(args: argparse.Namespace, config: dict) -> int:
    from pipeline.outputs.report import write_report
    from pipeline.store.connection import DatabaseBusy

    db = _existing_db(args, config)
    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "html")
    try:
        write_report(db, args.out, fmt)
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Coba lagi sebentar lagi.") from exc
    print(f"Laporan ditulis ke {args.out}", file=sys.stderr)
    return EXIT_OK


def _cmd_ui(args: argparse.Namespace, config: dict) -> int:
    from pipeline.review.app import serve
    from pipeline.review.auth import UiRefused, resolve_credentials

    db = _existing_db(args, config)
    try:
        serve(db, host=args.host, port=args.port, credentials=resolve_credentials(config.get("ui", {})))
    except UiRefused as exc:
        raise CannotRun(str(exc)) from exc
    return EXIT_OK


def _cmd_ui_password(args: argparse.Namespace, config: dict) -> int:
    """Read a password (twice on a terminal, one line from a pipe) and print the lines for spbe.toml [ui]."""
    import getpass
    import json

    from pipeline.review.auth import MIN_PASSWORD, hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi: ") != password:
            raise CannotRun("Kedua kata sandi tidak sama. Tidak ada yang dicetak.")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise CannotRun(f"Kata sandi terlalu pendek: minimal {MIN_PASSWORD} karakter.")
    if args.username:
        print(f"username = {json.dumps(args.username, ensure_ascii=False)}")
    print(f'password_hash = "{hash_password(password)}"')
    print(
        "Salin baris di atas ke spbe.toml di bawah bagian [ui], atau setel SPBE_UI_PASSWORD_HASH "
        "(dalam tanda kutip tunggal).",
        file=sys.stderr,
    )
    return EXIT_OK


def _cmd_schedule(args: argparse.Namespace, config: dict) -> int:
    if not args.folder.is_dir():
        raise CannotRun(f"Folder eviden tidak ditemukan: {args.folder}")
    _prefect_defaults()
    from flows.schedule import serve_schedule

    serve_schedule(
        args.folder.resolve(),
        _db(args, config).resolve(),
        cron=args.cron,
        timezone=args.timezone,
        region=args.region or config.get("region"),
        year=args.year or config.get("year"),
        claims=args.claims.resolve() if args.claims else None,
    )
    return EXIT_OK


def _cmd_run(args: argparse.Namespace, config: dict) -> int:
    """Refuse bad input before any work; start Prefect's local server first, so that its start-up
    (~3 s, mostly imports) overlaps the checks, the worker processes' start and our own imports; then run
    the flow (waiting for another run with --wait)."""
    from flows.local_api import LocalApi

    _end_on_signals()
    folder, db = _run_inputs(args, config)
    region = args.region or config.get("region")
    year = args.year or config.get("year") or date.today().year
    settings = _settings(args)
    _prefect_defaults()
    with LocalApi.start() as api:  # stopped however the command ends, a refusal below included
        _check_rules(year)
        _check_machine(db, settings)
        nightly = _check_database(db, wait=args.wait, folder=folder)
        if args.dask_address:
            _check_dask(args.dask_address)
        if not nightly:  # a first run reads every file; a nightly one starts the workers only if a file changed
            _start_workers(args, year)
        return _report_run(args, api, folder, db, region=region, year=year, settings=settings)


def _report_run(args: argparse.Namespace, api, folder: Path, db: Path, *, region, year: int, settings) -> int:
    """Run the flow, print its summary, and choose the exit code (3 when the machine stopped or failed it)."""
    try:
        summary = _run_flow(args, api, folder, db, region=region, year=year, settings=settings)
    except Exception as exc:  # a full disk stops the run: say so, it is not a bug (exit 3)
        stopped = _machine_stop(exc)
        if stopped is None:
            raise
        print(f"spbe: {stopped}", file=sys.stderr)
        return EXIT_MACHINE_FAULT
    from pipeline.outputs.summary import format_summary

    print(format_summary(summary))
    if summary.machine_faults:
        print(_machine_faults_note(summary))
        print(f"spbe: {len(summary.machine_faults)} berkas belum terbaca karena gangguan server.", file=sys.stderr)
        return EXIT_MACHINE_FAULT
    return EXIT_OK


def _check_machine(db: Path, settings) -> None:
    """Refuse, before any work, a machine that cannot OCR or write (exit 2), also for a folder that needs
    no OCR (pipeline/extract/engine.py says why): no file may be blamed for the machine."""
    from pipeline.extract.engine import engine_problem
    from pipeline.extract.scratch import run_space_problem

    problem = engine_problem(settings.ocr_languages) or run_space_problem(db)
    if problem:
        raise CannotRun(problem)


def _machine_stop(exc: Exception) -> str | None:
    """The message for a run the machine stopped (full or read-only disk), None for anything else;
    the engine found missing by the flow itself is a `CannotRun`."""
    from pipeline.extract.engine import EngineUnavailable
    from pipeline.extract.errors import MACHINE_REASONS, run_fault

    if isinstance(exc, EngineUnavailable):
        raise CannotRun(exc.message) from exc
    reason = run_fault(exc)
    if not reason:
        return None
    return (
        f"Pemeriksaan berhenti karena gangguan pada server: {MACHINE_REASONS[reason]} ({str(exc)[:200]}). "
        "Hasil yang sudah tersimpan tetap utuh dan tidak ada berkas yang ditandai gagal karenanya. "
        "Kosongkan ruang disk (atau perbaiki hak tulisnya), lalu jalankan ulang: run berikutnya hanya membaca "
        "yang belum tersimpan."
    )


def _machine_faults_note(summary) -> str:
    """The closing lines of a run in which the machine failed to read some files."""
    from pipeline.extract.engine import INSTALL_COMMAND

    paths = summary.machine_faults
    why = next((message for path, _, message in summary.failures if path == paths[0]), "")
    from pipeline.privacy.personal_data import redact_name, shipped_rules

    listed = [redact_name(path, shipped_rules()) for path in paths[:5]]
    shown = ", ".join(listed) + (f" dan {len(paths) - 5} lainnya" if len(paths) > 5 else "")
    return (
        f"  {len(paths)} berkas belum terbaca karena gangguan pada server, bukan karena berkasnya: {shown}.\n"
        f"    {why}\n"
        f"    Perbaiki server (Tesseract: {INSTALL_COMMAND}; ruang disk), lalu jalankan ulang: berkas itu dibaca "
        "ulang otomatis. Kode keluar 3."
    )


def _run_inputs(args: argparse.Namespace, config: dict) -> tuple[Path, Path]:
    if not args.folder.is_dir():
        raise CannotRun(f"Folder eviden tidak ditemukan: {args.folder}")
    if args.claims is not None and not args.claims.is_file():
        raise CannotRun(f"Berkas penilaian mandiri tidak ditemukan: {args.claims}")
    return args.folder, _db(args, config)


def _settings(args: argparse.Namespace):
    from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings

    try:
        return ExtractSettings(file_timeout_s=args.file_timeout) if args.file_timeout else DEFAULT_SETTINGS
    except ValueError as exc:
        raise CannotRun(f"--file-timeout harus lebih dari 0 detik: {args.file_timeout}") from exc


def _check_rules(year: int) -> None:
    from pipeline.rules import RulesError, framework_for_year

    try:
        framework_for_year(year)
    except RulesError as exc:
        raise CannotRun(str(exc)) from exc


def _busy(db: Path, exc: Exception) -> CannotRun:
    from pipeline.store.connection import RunInProgress

    if isinstance(exc, RunInProgress):
        return CannotRun(
            f"Run lain sedang berjalan pada basis data {db}. Tunggu sampai selesai, atau jalankan "
            "dengan --wait agar menunggu otomatis."
        )
    return CannotRun(
        f"Basis data {db} sedang dipakai proses lain. Tunggu sampai proses itu selesai, lalu jalankan lagi."
    )


def _check_database(db: Path, *, wait: bool, folder: Path | None = None) -> bool:
    """Fail fast, before Prefect starts, if another run or process holds the database. Returns whether a
    run over `folder` completed in it before (then most files are known and workers start on demand)."""
    from pipeline.store.connection import DatabaseBusy, RunInProgress, run_lock, session
    from pipeline.store.runs import has_completed

    if wait:
        print(f"Menunggu run lain pada {db} selesai (--wait)…", file=sys.stderr, flush=True)
    try:
        with run_lock(db, wait=wait), session(db, wait_s=10) as con:
            return folder is not None and has_completed(con, str(folder.resolve()))
    except (DatabaseBusy, RunInProgress) as exc:
        raise _busy(db, exc) from exc


def _end_on_signals() -> None:
    """SIGTERM and SIGHUP end the run the way Ctrl-C does (every cleanup runs, exit 128 + signal), and
    on any of the three the worker processes are killed at once (flows/lifetime.py)."""
    from flows import lifetime, processes

    lifetime.stop_on_signals(processes.stop)


def _start_workers(args: argparse.Namespace, year: int) -> None:
    """Worker processes import the pipeline while Prefect starts."""
    from flows import processes

    workers = args.workers or processes.cores()
    if not args.dask_address and workers > 1:
        from pipeline.ingest.read import warm

        processes.start(workers, warm, year)


def _run_flow(args: argparse.Namespace, api, folder: Path, db: Path, *, region: str | None, year: int, settings):
    """The ingest flow, once `api` (Prefect's local server, started by the caller) answers."""
    from flows.ingest import run_ingest  # Prefect's import, while the server is still starting
    from pipeline.judge.claims import ClaimsError
    from pipeline.store.connection import DatabaseBusy, RunInProgress, run_lock

    early = api.wait()
    while True:
        try:
            with _prefect_settings(api, early):
                return run_ingest(
                    folder,
                    db,
                    region=region,
                    year=year,
                    claims=args.claims,
                    workers=args.workers,
                    progress=not args.quiet,
                    dask_address=args.dask_address,
                    verify=args.verify,
                    settings=settings,
                )
        except ClaimsError as exc:  # the flow reads the claims file first, before any work
            raise CannotRun(str(exc)) from exc
        except (DatabaseBusy, RunInProgress) as exc:
            if not args.wait:
                raise _busy(db, exc) from exc
            with run_lock(db, wait=True):  # another run slipped in between: wait for it too
                pass


def _check_dask(address: str) -> None:
    """Refuse early, with a clear message, what would otherwise fail after Prefect started."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or not port:
        raise CannotRun(f"Alamat Dask tidak valid: {address} (contoh: tcp://10.0.0.5:8786)")
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        raise CannotRun(
            f"Penjadwal Dask di {address} tidak dapat dihubungi ({exc}). Periksa alamat dan "
            "pastikan 'dask scheduler' berjalan."
        ) from exc
    local_api = not os.environ.get("PREFECT_API_URL")
    if local_api and host not in ("127.0.0.1", "localhost", "::1"):
        raise CannotRun(
            "Pekerja Dask di mesin lain harus dapat menjangkau server Prefect: setel PREFECT_API_URL "
            "ke server Prefect bersama (mis. http://HOST:4200/api) sebelum 'spbe run --dask-address'."
        )


def _prefect_settings(api, early: bool):
    """Prefect's settings for this run's flow. When the early local server did not come up, Prefect starts its
    own as usual. Either server ends with this process, so the flow sends no heartbeats: they let a lasting
    server notice a run that crashed, and stopping their thread cost up to 1 s at the end of every run. A
    configured API (a shared server) keeps them."""
    if api.url is None:
        return contextlib.nullcontext()
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(
        updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}, restore_defaults=None if early else {PREFECT_API_URL}
    )


def _cmd_export(args: argparse.Namespace, config: dict) -> int:
    from pipeline.outputs.export import build_export, write_json
    from pipeline.store.connection import DatabaseBusy, session

    db = _existing_db(args, config)
    try:
        with session(db) as con:
            payload = build_export(con)
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Coba lagi setelah proses itu selesai.") from exc
    write_json(payload, args.json)
    if str(args.json) != "-":
        print(f"{len(payload['documents'])} dokumen diekspor ke {args.json}", file=sys.stderr)
    return EXIT_OK


def _cmd_lhe(args: argparse.Namespace, config: dict) -> int:
    """Read an LHE and store its official result; one that cannot be read changes nothing (exit 2)."""
    from pipeline.official.lhe import LheError
    from pipeline.official.read import file_sha256, read_lhe
    from pipeline.outputs.export import latest_run
    from pipeline.store.connection import DatabaseBusy, session
    from pipeline.store.official import check_report, save_official

    if not args.file.is_file():
        raise CannotRun(f"Berkas LHE tidak ditemukan: {args.file}")
    db = _db(args, config)
    try:
        report = read_lhe(args.file)
        check_report(report)
        sha256 = file_sha256(args.file)
    except LheError as exc:
        raise CannotRun(f"LHE {args.file.name} tidak dapat dibaca: {exc} Tidak ada yang disimpan.") from exc
    except OSError as exc:
        raise CannotRun(f"Berkas {args.file} tidak dapat dibuka ({exc}). Tidak ada yang disimpan.") from exc
    try:
        with session(db) as con:
            saved = save_official(con, report, source_name=args.file.name, source_sha256=sha256)
            last_region = (latest_run(con) or {}).get("region")
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Coba lagi setelah proses itu selesai.") from exc
    print(_lhe_message(report, saved.replaced, db, last_region))
    return EXIT_OK


def _lhe_message(report, replaced: tuple[str, ...], db: Path, last_region: str | None) -> str:
    from pipeline.official.lhe import government_key

    pages = sorted({lv.page for lv in report.levels})
    shown = f"{pages[0]}–{pages[-1]}" if len(pages) > 1 else str(pages[0])
    index = f"{report.index:.2f}".replace(".", ",")
    lines = [
        f"LHE {report.kind_label} SPBE {report.year} {report.government}: Indeks SPBE {index} ({report.predicate}), "
        f"tingkat resmi {len(report.levels)} indikator (hlm. {shown}) disimpan di {db}."
    ]
    if replaced:
        lines.append(f"Menggantikan hasil {report.year} yang dimuat sebelumnya ({', '.join(replaced)}).")
    for year, levels in report.earlier:
        lines.append(
            f"Laporan ini juga memuat tingkat {len(levels)} indikator tahun {year} (hanya dibaca untuk "
            f"perbandingan; muat LHE {year} untuk menyimpannya)."
        )
    if last_region and government_key(last_region) != government_key(report.government):
        lines.append(
            f"Perhatian: run terakhir di basis data ini untuk {last_region}, bukan {report.government}. "
            "Ekspor dan laporan menampilkan hasil resmi ini dengan peringatan; periksa --region atau berkas LHE-nya."
        )
    return "\n".join(lines)


def _cmd_package(args: argparse.Namespace, config: dict) -> int:
    from pipeline.outputs.package import PackageError, package_from_db
    from pipeline.store.connection import DatabaseBusy, session

    db = _existing_db(args, config)
    try:
        with session(db) as con:
            copied, left_out = package_from_db(con, args.out)
    except DatabaseBusy as exc:
        raise CannotRun(f"Basis data {db} sedang dipakai proses lain. Coba lagi setelah proses itu selesai.") from exc
    except PackageError as exc:
        raise CannotRun(str(exc)) from exc
    print(
        f"Paket unggah ditulis ke {args.out}: {copied} berkas disalin, {left_out} berkas tidak disertakan "
        "(lihat lembar 'Tidak disertakan' di indeks-unggah.xlsx). Folder eviden tidak diubah.",
        file=sys.stderr,
    )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config()
        handler = {
            "run": _cmd_run,
            "export": _cmd_export,
            "package": _cmd_package,
            "report": _cmd_report,
            "lhe": _cmd_lhe,
            "ui": _cmd_ui,
            "schedule": _cmd_schedule,
            "ui-password": _cmd_ui_password,
        }[args.command]
        return handler(args, config)
    except CannotRun as exc:
        print(f"spbe: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP during `spbe run` (flows.lifetime.Terminated)
        print("spbe: dihentikan.", file=sys.stderr)
        return 128 + getattr(exc, "signum", 2)


if __name__ == "__main__":
    sys.exit(main())
