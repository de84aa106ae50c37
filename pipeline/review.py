"""The admin review page: flagged gaps of the latest completed run, and the admins' decisions.

Data helpers (pure or taking one DuckDB connection) come first; the web layer (FastAPI,
server-rendered Jinja2 with autoescape) is `create_app`. Every request opens one short
`storage.session` and closes it, so the nightly `spbe run` (another process) can write between
requests; a database still held after `wait_s` becomes a friendly 503 page. Everything the admin
sees is Bahasa Indonesia.

Decision model: `decisions` is append-only (migration 004). The current decision of a gap
(path, code) is its latest row whose sha256 equals the file's current sha256; when the content
changes, the gap is undecided again. The full history stays visible as the audit trail.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import duckdb
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.export import latest_run
from pipeline.storage import DatabaseBusy, problems_from_json, session

DECISIONS = ("confirmed", "dismissed", "fixed")
DECISION_LABELS = {
    "confirmed": "Dikonfirmasi — OPD wajib memperbaiki",
    "dismissed": "Ditolak — bukan masalah (alarm palsu)",
    "fixed": "Sudah diperbaiki",
}
UNDECIDED_LABEL = "Belum ditinjau"

# Short Indonesian names of flags and ingestion problems (the stored message explains the case).
FLAG_LABELS = {
    "draft": "Masih rancangan",
    "other_region": "Milik daerah lain",
    "stale": "Kedaluwarsa",
    "superseded": "Sudah dicabut/diganti",
    "unreadable": "Tidak terbaca",
    "duplicate": "Berkas ganda",
    "irrelevant": "Tidak relevan",
    "personal_data": "Memuat data pribadi",
    "corrupt": "Berkas rusak",
    "encrypted": "Berkas terkunci kata sandi",
    "empty": "Berkas kosong",
    "wrong_extension": "Ekstensi tidak sesuai isi",
    "unsupported": "Format tidak didukung",
    "too_large": "Berkas terlalu besar",
    "timeout": "Pembacaan melebihi batas waktu",
    "ocr_failed": "OCR gagal",
    "vanished": "Berkas hilang saat dibaca",
    "permission_denied": "Tidak ada izin membaca",
    "io_error": "Gangguan baca berkas",
}
# What the admin asks the OPD to do, per code.
FLAG_ACTIONS = {
    "draft": "Minta OPD mengunggah versi yang telah ditetapkan: bernomor, bertanggal dan ditandatangani.",
    "other_region": "Minta OPD mengganti dengan dokumen milik daerah sendiri, atau memperbaiki nama daerah lalu menetapkan ulang.",
    "stale": "Minta OPD mengunggah bukti kegiatan dua tahun terakhir.",
    "superseded": "Minta OPD memakai dokumen pengganti sebagai eviden dan menarik dokumen lama dari folder.",
    "unreadable": "Minta OPD memindai ulang pada 300 dpi atau mengunggah PDF asli yang memiliki lapisan teks.",
    "duplicate": "Minta OPD menyisakan satu salinan terbaik dan menghapus salinan lainnya.",
    "irrelevant": "Periksa apakah berkas salah unggah; jika memang eviden, minta OPD melengkapi judul dan isi yang menyebut pokok indikatornya.",
    "personal_data": "Minta OPD menyamarkan data pribadi (NIK, alamat, nomor telepon) lalu mengunggah ulang.",
    "corrupt": "Minta OPD mengunggah ulang berkas dari sumber aslinya.",
    "encrypted": "Minta OPD mengunggah berkas tanpa kata sandi.",
    "empty": "Minta OPD mengunggah ulang berkas yang berisi.",
    "wrong_extension": "Minta OPD menyimpan ulang berkas dengan ekstensi yang sesuai isinya.",
    "unsupported": "Minta OPD mengonversi berkas ke PDF, gambar, DOCX atau XLSX.",
    "too_large": "Minta OPD memperkecil berkas (pisahkan atau kompres) lalu unggah ulang.",
    "timeout": "Minta OPD mengunggah versi yang lebih ringan (PDF dengan lapisan teks, resolusi 300 dpi).",
    "ocr_failed": "Minta OPD memindai ulang halaman yang gagal dibaca.",
    "vanished": "Periksa folder eviden; jalankan ulang pemeriksaan setelah berkas stabil.",
    "permission_denied": "Minta pengelola server memberi izin baca pada berkas ini.",
    "io_error": "Periksa media penyimpanan folder eviden, lalu jalankan ulang pemeriksaan.",
}
DEFAULT_ACTION = "Tinjau berkas dan tentukan perbaikan yang perlu dilakukan OPD."

NOTE_REQUIRED = ("Keputusan BELUM disimpan: untuk menolak temuan (alarm palsu) catatan wajib diisi — "
                 "jelaskan mengapa temuan ini bukan masalah.")
WHO_REQUIRED = "Keputusan BELUM disimpan: isi nama Anda agar jejak audit mencatat siapa yang memutuskan."
BAD_DECISION = "Keputusan BELUM disimpan: pilih salah satu keputusan (dikonfirmasi, ditolak, atau sudah diperbaiki)."
NOT_A_GAP = ("Keputusan BELUM disimpan: temuan ini tidak ada lagi pada hasil pemeriksaan terakhir "
             "(mungkin baru saja diperbarui). Muat ulang halaman lalu tinjau kembali.")
CHANGED = ("Keputusan BELUM disimpan: isi berkas telah berubah sejak halaman dimuat. "
           "Muat ulang halaman dan tinjau versi terbaru berkas ini.")
MAX_TEXT = 2000  # note and name length limit


class DecisionRefused(ValueError):
    """A decision that is not stored, with the reason for the admin (Bahasa Indonesia)."""


class FileRefused(Exception):
    """A file request that is not served."""


@dataclass(frozen=True)
class Decision:
    id: int
    path: str
    sha256: str
    code: str
    decision: str
    note: str
    who: str
    decided_at: datetime
    run_id: int | None

    @property
    def label(self) -> str:
        return DECISION_LABELS.get(self.decision, self.decision)


@dataclass
class Gap:
    path: str
    opd: str
    code: str
    message: str
    source: str  # "judgement" (doc_flags) or "ingestion" (file problems)
    sha256: str
    title: str | None = None
    indicators: tuple[int, ...] = ()
    snippet: str | None = None
    page: int | None = None
    snippet_indicator: int | None = None
    history: list[Decision] = field(default_factory=list)  # oldest first
    decision: Decision | None = None  # current decision (same sha256), None = undecided

    @property
    def key(self) -> str:
        return "g" + hashlib.sha1(f"{self.path}\0{self.code}".encode()).hexdigest()[:12]

    @property
    def label(self) -> str:
        return FLAG_LABELS.get(self.code, self.code)

    @property
    def action(self) -> str:
        return FLAG_ACTIONS.get(self.code, DEFAULT_ACTION)

    @property
    def state(self) -> str:
        return self.decision.decision if self.decision else "undecided"


@dataclass
class Review:
    run: dict | None
    gaps: list[Gap]
    indicator_names: dict[int, str]


# --- data ---------------------------------------------------------------------------------

def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0] > 0


def current_decision(history: Iterable[Decision], sha256: str) -> Decision | None:
    """The latest decision made on this content; None when the content was never decided."""
    same = [d for d in history if d.sha256 == sha256]
    return max(same, key=lambda d: d.id) if same else None


def load_decisions(con: duckdb.DuckDBPyConnection, path: str | None = None, code: str | None = None) -> list[Decision]:
    if not _has_table(con, "decisions"):  # a read-only session on a database not yet migrated to 004
        return []
    where, params = [], []
    if path is not None:
        where.append("path = ?")
        params.append(path)
    if code is not None:
        where.append("code = ?")
        params.append(code)
    sql = "SELECT id, path, sha256, code, decision, note, who, decided_at, run_id FROM decisions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [Decision(*row) for row in con.execute(sql + " ORDER BY id", params).fetchall()]


def _opd_of(path: str) -> str:
    parts = PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else ""


def load_review(con: duckdb.DuckDBPyConnection) -> Review:
    """Every gap of the latest completed run with its decision history and current decision."""
    run = latest_run(con)
    if run is None:
        return Review(None, [], {})
    run_id = run["run_id"]
    files = {path: (opd, sha or "", status, problems)
             for path, opd, sha, status, problems in con.execute(
                 "SELECT path, opd, sha256, status, problems FROM files").fetchall()}
    gaps: dict[tuple[str, str], Gap] = {}
    for path, (opd, sha, status, problems) in files.items():
        if status == "ok":
            continue
        for problem in problems_from_json(problems):
            gaps.setdefault((path, problem.code), Gap(path, opd, problem.code, problem.message, "ingestion", sha))
    for path, code, message in con.execute(
            "SELECT path, code, message FROM doc_flags WHERE run_id = ? ORDER BY path, code", [run_id]).fetchall():
        opd, sha = files.get(path, (_opd_of(path), "", None, None))[:2]
        gaps.setdefault((path, code), Gap(path, opd, code, message, "judgement", sha))

    titles = dict(con.execute("SELECT path, title FROM doc_facts WHERE run_id = ?", [run_id]).fetchall())
    matches: dict[str, list[tuple]] = {}
    for path, indicator, level, score, page, snippet in con.execute(
            """SELECT path, indicator, level, score, page, snippet FROM doc_matches WHERE run_id = ?
               ORDER BY path, (level IS NOT NULL) DESC, score DESC, indicator""", [run_id]).fetchall():
        matches.setdefault(path, []).append((indicator, level, score, page, snippet))
    history: dict[tuple[str, str], list[Decision]] = {}
    for d in load_decisions(con):
        history.setdefault((d.path, d.code), []).append(d)

    for gap in gaps.values():
        gap.title = titles.get(gap.path)
        found = matches.get(gap.path, [])
        gap.indicators = tuple(sorted({m[0] for m in found}))
        if found:
            gap.snippet_indicator, _, _, gap.page, gap.snippet = found[0]
        gap.history = history.get((gap.path, gap.code), [])
        gap.decision = current_decision(gap.history, gap.sha256)
    names = dict(con.execute("SELECT indicator, name FROM indicator_results WHERE run_id = ?", [run_id]).fetchall())
    ordered = sorted(gaps.values(), key=lambda g: (g.opd, g.path, g.code))
    return Review(run, ordered, names)


@dataclass(frozen=True)
class Filters:
    opd: str = ""
    indicator: int | None = None
    flag: str = ""
    show_dismissed: bool = False

    @classmethod
    def parse(cls, params) -> Filters:
        raw = (params.get("indikator") or "").strip()
        return cls(opd=params.get("opd") or "", indicator=int(raw) if raw.isdigit() else None,
                   flag=params.get("flag") or "", show_dismissed=(params.get("tampilkan_ditolak") or "") == "1")

    def query(self) -> dict[str, str]:
        items = {"opd": self.opd, "indikator": str(self.indicator) if self.indicator is not None else "",
                 "flag": self.flag, "tampilkan_ditolak": "1" if self.show_dismissed else ""}
        return {k: v for k, v in items.items() if v}


def filter_gaps(gaps: Iterable[Gap], filters: Filters) -> list[Gap]:
    return [g for g in gaps
            if (not filters.opd or g.opd == filters.opd)
            and (filters.indicator is None or filters.indicator in g.indicators)
            and (not filters.flag or g.code == filters.flag)
            and (filters.show_dismissed or g.state != "dismissed")]


def validate_decision(decision: str, note: str, who: str) -> str:
    """Raise DecisionRefused unless the decision may be stored; return the cleaned note."""
    if decision not in DECISIONS:
        raise DecisionRefused(BAD_DECISION)
    if not who.strip():
        raise DecisionRefused(WHO_REQUIRED)
    if decision == "dismissed" and not note.strip():
        raise DecisionRefused(NOTE_REQUIRED)
    if len(note) > MAX_TEXT or len(who) > 200:
        raise DecisionRefused("Keputusan BELUM disimpan: catatan atau nama terlalu panjang.")
    return note.strip()


def record_decision(con: duckdb.DuckDBPyConnection, *, path: str, code: str, sha256: str, decision: str,
                    note: str, who: str, now: datetime | None = None) -> Decision:
    """Append one decision for a gap of the latest completed run, made on content `sha256`."""
    note = validate_decision(decision, note, who)
    review = load_review(con)
    gap = next((g for g in review.gaps if g.path == path and g.code == code), None)
    if gap is None:
        raise DecisionRefused(NOT_A_GAP)
    if gap.sha256 != sha256:
        raise DecisionRefused(CHANGED)
    row = con.execute(
        """INSERT INTO decisions (path, sha256, code, decision, note, who, decided_at, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, path, sha256, code, decision, note, who, decided_at, run_id""",
        [path, sha256, code, decision, note, who.strip(), now or datetime.now(), review.run["run_id"]],
    ).fetchone()
    return Decision(*row)


def safe_file(root: Path, relative: str) -> Path:
    """The file `relative` under the evidence root; refuses escapes, symlinks and non-files."""
    rel = PurePosixPath(relative)
    if not relative or rel.is_absolute() or "\\" in relative or "\0" in relative \
            or any(part in ("..", ".", "") for part in relative.split("/")):
        raise FileRefused(relative)
    base = Path(os.path.realpath(root))
    current = base
    for part in rel.parts:  # lstat every component: no symlink anywhere below the root
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except OSError as exc:
            raise FileRefused(relative) from exc
        if stat.S_ISLNK(mode):
            raise FileRefused(relative)
    if not stat.S_ISREG(mode) or not Path(os.path.realpath(current)).is_relative_to(base):
        raise FileRefused(relative)
    return current


INLINE_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif",
                "webp": "image/webp", "bmp": "image/bmp", "tiff": "image/tiff", "text": "text/plain; charset=utf-8"}


def file_lookup(con: duckdb.DuckDBPyConnection, relative: str) -> tuple[Path, str] | None:
    """(evidence root, detected format) when `relative` is in the current inventory."""
    run = latest_run(con)
    row = con.execute("SELECT format FROM files WHERE path = ?", [relative]).fetchone()
    if run is None or row is None:
        return None
    return Path(run["root"]), row[0]


# --- web --------------------------------------------------------------------------------------

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_WAIT_S = 10.0
WHO_COOKIE = "spbe_peninjau"
BUSY = "Basis data sedang diperbarui oleh pemeriksaan malam (spbe run). Halaman sedang diperbarui, muat ulang sebentar lagi."
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _fmt_time(value) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


def create_app(db: Path, *, wait_s: float = DEFAULT_WAIT_S) -> FastAPI:
    db = Path(db)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["waktu"] = _fmt_time
    env.globals.update(DECISION_LABELS=DECISION_LABELS, FLAG_LABELS=FLAG_LABELS, UNDECIDED_LABEL=UNDECIDED_LABEL)
    # One DuckDB session at a time in this process: DuckDB refuses a read-only and a read-write
    # connection to the same file side by side in one process.
    db_lock = threading.Lock()

    def with_db(work, *, read_only: bool):
        with db_lock, session(db, read_only=read_only, wait_s=wait_s) as con:
            return work(con)

    def page(name: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
        html = env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})

    def message(title: str, text: str, status: int, **context) -> HTMLResponse:
        context.setdefault("resubmit", None)
        context.setdefault("back", "/")
        return page("message.html.j2", status, title=title, text=text, **context)

    def busy(resubmit: dict | None = None) -> HTMLResponse:
        text = BUSY if resubmit is None else (
            "Keputusan Anda BELUM disimpan karena basis data sedang diperbarui oleh pemeriksaan malam. "
            "Tunggu sebentar lalu tekan «Kirim ulang keputusan».")
        return message("Sedang diperbarui", text, 503, resubmit=resubmit, headers={"Retry-After": "10"})

    app = FastAPI(title="Tinjauan eviden SPBE", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db = db
    app.state.wait_s = wait_s

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return message("Tidak ditemukan", "Halaman atau berkas tidak ditemukan.", 404)
        return message("Permintaan tidak dapat diproses", "Permintaan tidak dapat diproses.", exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # never a stack trace to the admin
        return message("Terjadi kesalahan", "Terjadi kesalahan tak terduga. Muat ulang halaman; bila berulang, "
                       "hubungi pengelola sistem.", 500)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request):
        if not db.exists():
            return message("Belum ada hasil", "Belum ada hasil pemeriksaan. Jalankan «spbe run» terlebih dahulu.", 404)
        filters = Filters.parse(request.query_params)
        try:
            review = with_db(load_review, read_only=True)
        except DatabaseBusy:
            return busy()
        if review.run is None:
            return message("Belum ada hasil", "Belum ada pemeriksaan yang selesai. Tunggu pemeriksaan malam selesai, "
                           "lalu muat ulang halaman.", 200)
        shown = filter_gaps(review.gaps, filters)
        opds = sorted({g.opd for g in review.gaps})
        flags = sorted({g.code for g in review.gaps}, key=lambda c: FLAG_LABELS.get(c, c))
        indicators = sorted({i for g in review.gaps for i in g.indicators})
        hidden = sum(1 for g in filter_gaps(review.gaps, Filters(filters.opd, filters.indicator, filters.flag, True))
                     if g.state == "dismissed") if not filters.show_dismissed else 0
        saved = request.query_params.get("disimpan") == "1"
        return page("review.html.j2", run=review.run, gaps=shown, total=len(review.gaps), hidden=hidden,
                    opds=opds, flags=flags, indicators=indicators, names=review.indicator_names,
                    filters=filters, query=filters.query(), saved=saved,
                    who=unquote(request.cookies.get(WHO_COOKIE, "")), file_url=lambda p: "/berkas/" + quote(p),
                    decisions=DECISIONS)

    @app.post("/keputusan")
    async def decide(request: Request):
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return message("Ditolak", "Permintaan dari situs lain ditolak.", 403)
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace"),
                                             keep_blank_values=True).items()}
        filters = Filters.parse(form)
        fields = {k: form.get(k, "") for k in ("path", "code", "sha256", "decision", "note", "who")}
        resubmit = {**fields, **filters.query()}
        back = "/?" + urlencode(filters.query())
        try:
            validate_decision(fields["decision"], fields["note"], fields["who"])
            stored = await run_in_threadpool(
                with_db, lambda con: record_decision(con, **fields), read_only=False)
        except DecisionRefused as refused:
            return message("Keputusan belum disimpan", str(refused), 400, resubmit=resubmit, back=back)
        except DatabaseBusy:
            return busy(resubmit)
        except Exception:  # noqa: BLE001 - any write failure must be told to the admin, never swallowed
            return message("Keputusan belum disimpan", "Keputusan Anda BELUM disimpan karena terjadi kesalahan saat "
                           "menulis ke basis data. Coba kirim ulang; bila berulang, hubungi pengelola sistem.", 500,
                           resubmit=resubmit, back=back)
        gap_key = Gap(stored.path, "", stored.code, "", "", "").key
        target = "/?" + urlencode({**filters.query(), "disimpan": "1"}) + "#" + gap_key
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(WHO_COOKIE, quote(stored.who), max_age=180 * 24 * 3600, httponly=True, samesite="strict")
        return response

    @app.get("/berkas/{relative:path}")
    def open_file(relative: str):
        refused = message("Berkas tidak dapat dibuka", "Berkas tidak ada di folder eviden atau alamatnya tidak sah.", 404)
        if not db.exists():
            return refused
        try:
            found = with_db(lambda con: file_lookup(con, relative), read_only=True)
        except DatabaseBusy:
            return busy()
        if found is None:
            return refused
        root, fmt = found
        try:
            target = safe_file(root, relative)
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except (FileRefused, OSError):
            return refused
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
        name = PurePosixPath(relative).name
        disposition = "inline" if fmt in INLINE_TYPES else "attachment"
        media = INLINE_TYPES.get(fmt) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if disposition == "attachment" and media.startswith(("text/", "image/svg")):
            media = "application/octet-stream"
        headers = {"Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(name)}",
                   "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
        if fmt != "pdf":  # whatever a file holds, it never runs script in this origin
            headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        return Response(data, media_type=media, headers=headers)

    return app


def serve(db: Path, host: str = "127.0.0.1", port: int = 8080) -> None:
    import uvicorn

    print(f"Halaman tinjauan: http://{host}:{port}/  (tekan Ctrl+C untuk berhenti)", flush=True)
    uvicorn.run(create_app(Path(db)), host=host, port=port, log_level="warning")
