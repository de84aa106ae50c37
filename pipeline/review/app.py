"""The admin review page: flagged gaps of the latest completed run, and the admins' decisions.

Data helpers (pure or taking one DuckDB connection) come first; the web layer (FastAPI,
server-rendered Jinja2 with autoescape) is `create_app`. Every request opens one short
`storage.session` and closes it, so the nightly `spbe run` (another process) can write between
requests; a database still held after `wait_s` becomes a friendly 503 page. Everything the admin
sees is Bahasa Indonesia.

Safety: every state-changing POST carries a per-session CSRF token (also on 127.0.0.1: a page the
admin visits elsewhere must not post decisions here) and is refused, writing nothing, without it.
When `credentials` are given the whole site sits behind a login form; `serve` refuses to bind a
non-loopback address without them, and on loopback it checks the Host header (DNS rebinding).

Decision model: `decisions` is append-only (migration 004). The current decision of a gap
(path, code) is its latest row whose sha256 equals the file's current sha256; when the content
changes, the gap is undecided again. The full history stays visible as the audit trail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import mimetypes
import os
import secrets
import stat
import threading
import time
from collections.abc import Iterable, Mapping
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

from pipeline.outputs.export import latest_run
from pipeline.outputs.labels import FLAG_LABELS, flag_action, flag_label
from pipeline.store.codec import problems_from_json
from pipeline.store.connection import DatabaseBusy, session

DECISIONS = ("confirmed", "dismissed", "fixed")
DECISION_LABELS = {
    "confirmed": "Dikonfirmasi — OPD wajib memperbaiki",
    "dismissed": "Ditolak — bukan masalah (alarm palsu)",
    "fixed": "Sudah diperbaiki",
}
UNDECIDED_LABEL = "Belum ditinjau"

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
        return flag_label(self.code)

    @property
    def action(self) -> str:
        return flag_action(self.code)

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


# --- login and sessions -------------------------------------------------------------------------

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
MIN_PASSWORD = 8
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
ENV_USERNAME, ENV_PASSWORD_HASH = "SPBE_UI_USERNAME", "SPBE_UI_PASSWORD_HASH"
LOGIN_SETUP = (
    "Buat hash kata sandi dengan perintah «spbe ui-password», lalu tulis di spbe.toml:\n"
    "    [ui]\n    username = \"admin\"\n    password_hash = \"scrypt$...\"\n"
    f"atau setel variabel lingkungan {ENV_USERNAME} dan {ENV_PASSWORD_HASH}.")


class UiRefused(Exception):
    """The review page must not start as asked; the message (Bahasa Indonesia) says how to fix it."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash` (URL-safe base64): only this goes into spbe.toml, never the password."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def parse_password_hash(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    """(n, r, p, salt, digest); ValueError for anything `hash_password` would not have written.

    The cost parameters are bounded so a mistyped configuration cannot make each login eat gigabytes.
    """
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
        n, r, p = int(n), int(r), int(p)
        salt_b, digest_b = _unb64(salt), _unb64(digest)
    except (ValueError, AttributeError) as exc:
        raise ValueError("bukan hash kata sandi yang dikenal") from exc
    if scheme != "scrypt" or not (2 <= n <= 2 ** 20 and n & (n - 1) == 0) or not (1 <= r <= 32) \
            or not (1 <= p <= 16) or len(salt_b) < 8 or len(digest_b) < 16:
        raise ValueError("bukan hash kata sandi yang dikenal")
    return n, r, p, salt_b, digest_b


def verify_password(password: str, encoded: str) -> bool:
    try:
        n, r, p, salt, digest = parse_password_hash(encoded)
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(digest),
                               maxmem=256 * n * r * p + 2 ** 20)
    return hmac.compare_digest(candidate, digest)


@dataclass(frozen=True)
class Credentials:
    """The one admin account of the review page (username and scrypt hash, never the password)."""

    username: str
    password_hash: str = field(repr=False)

    def __post_init__(self):
        if not self.username.strip():
            raise ValueError("username kosong")
        parse_password_hash(self.password_hash)


def resolve_credentials(section: Mapping, environ: Mapping[str, str] = os.environ) -> Credentials | None:
    """Credentials from the [ui] section, each key overridden by its environment variable; None if neither is set."""
    username = environ.get(ENV_USERNAME) or section.get("username") or ""
    password_hash = environ.get(ENV_PASSWORD_HASH) or section.get("password_hash") or ""
    if not username and not password_hash:
        return None
    if not username or not password_hash:
        raise UiRefused("Login halaman tinjauan belum lengkap: isi username DAN password_hash.\n" + LOGIN_SETUP)
    try:
        return Credentials(str(username), str(password_hash))
    except ValueError as exc:
        raise UiRefused("password_hash di konfigurasi tidak valid. Buat ulang dengan «spbe ui-password».") from exc


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Sessions:
    """Signed random session ids; logins live in this process only (a restart logs everyone out).

    Every visitor gets a session id (a cookie) even without a login: its HMAC is the CSRF token,
    so anonymous localhost use is protected without any server-side state.
    """

    def __init__(self, secret: bytes, ttl_s: float = 12 * 3600, max_failures: int = 5, lockout_s: float = 300):
        self._secret, self._ttl_s = secret, ttl_s
        self._max_failures, self._lockout_s = max_failures, lockout_s
        self._logins: dict[str, tuple[str, float]] = {}
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _mac(self, purpose: str, sid: str) -> str:
        return _b64(hmac.new(self._secret, f"{purpose}:{sid}".encode(), hashlib.sha256).digest())

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(32)

    def cookie(self, sid: str) -> str:
        return f"{sid}.{self._mac('sid', sid)}"

    def unsign(self, value: str | None) -> str | None:
        sid, _, mac = (value or "").partition(".")
        return sid if sid and hmac.compare_digest(mac.encode(), self._mac("sid", sid).encode()) else None

    def csrf(self, sid: str) -> str:
        return self._mac("csrf", sid)

    def csrf_ok(self, sid: str, token: str) -> bool:
        return hmac.compare_digest(token.encode(), self.csrf(sid).encode())

    def user(self, sid: str) -> str | None:
        with self._lock:
            found = self._logins.get(sid)
            if found and found[1] < time.monotonic():
                del self._logins[sid]
                return None
            return found[0] if found else None

    def login(self, username: str) -> str:
        """A new session id for the logged-in user (never the pre-login one: no session fixation)."""
        sid, now = self.new_id(), time.monotonic()
        with self._lock:
            self._logins = {k: v for k, v in self._logins.items() if v[1] >= now}
            self._logins[sid] = (username, now + self._ttl_s)
        return sid

    def logout(self, sid: str) -> None:
        with self._lock:
            self._logins.pop(sid, None)

    def locked_out(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self._failures.get(client, []) if t > now - self._lockout_s]
            self._failures[client] = recent
            return len(recent) >= self._max_failures

    def failed(self, client: str) -> None:
        with self._lock:
            self._failures.setdefault(client, []).append(time.monotonic())


def _local_target(value: str) -> str:
    """Where to go after login: a path on this site only (no open redirect)."""
    if not value.startswith("/") or value.startswith(("//", "/masuk")) or "\\" in value \
            or any(ord(c) < 32 for c in value):
        return "/"
    return value


# --- web --------------------------------------------------------------------------------------

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_WAIT_S = 10.0
WHO_COOKIE = "spbe_peninjau"
SESSION_COOKIE = "spbe_sesi"
CSRF_FIELD = "csrf_token"
MAX_FORM_BYTES = 64 * 1024
BUSY = "Basis data sedang diperbarui oleh pemeriksaan malam (spbe run). Halaman sedang diperbarui, muat ulang sebentar lagi."
FORBIDDEN = ("Permintaan ditolak dan TIDAK ada yang disimpan: formulir ini kedaluwarsa atau dikirim dari situs lain. "
             "Muat ulang halaman tinjauan, lalu ulangi.")
LOGIN_REQUIRED = "Sesi Anda berakhir atau Anda belum masuk. Masuk kembali, lalu ulangi. Tidak ada yang disimpan."
BAD_LOGIN = "Nama pengguna atau kata sandi salah."
LOCKED_OUT = "Terlalu banyak percobaan masuk yang gagal. Tunggu lima menit, lalu coba lagi."
UNKNOWN_HOST = "Alamat host tidak dikenal. Buka halaman tinjauan melalui http://127.0.0.1 atau http://localhost."
# Every response; HTML pages add a Content-Security-Policy with a per-response style nonce (no inline script).
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
PAGE_CSP = ("default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; "
            "base-uri 'none'")
PUBLIC_PATHS = ("/masuk", "/keluar")


def _fmt_time(value) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


def _host_name(header: str | None) -> str:
    try:
        return (urlsplit("//" + (header or "")).hostname or "").lower()
    except ValueError:
        return ""


async def _read_form(request: Request) -> dict[str, str] | None:
    """The urlencoded form (first value per key); None when too large to be one of our forms."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return None
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}


def create_app(db: Path, *, wait_s: float = DEFAULT_WAIT_S, credentials: Credentials | None = None,
               trusted_hosts: Iterable[str] | None = None, secret: bytes | None = None) -> FastAPI:
    """The review site. `credentials`: login required for everything; `trusted_hosts`: accepted Host names."""
    db = Path(db)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["waktu"] = _fmt_time
    env.globals.update(DECISION_LABELS=DECISION_LABELS, FLAG_LABELS=FLAG_LABELS, UNDECIDED_LABEL=UNDECIDED_LABEL,
                       CSRF_FIELD=CSRF_FIELD)
    sessions = Sessions(secret or secrets.token_bytes(32))
    trusted = frozenset(h.lower() for h in trusted_hosts) if trusted_hosts is not None else None
    # One DuckDB session at a time in this process: DuckDB refuses a read-only and a read-write
    # connection to the same file side by side in one process.
    db_lock = threading.Lock()

    def with_db(work, *, read_only: bool):
        with db_lock, session(db, read_only=read_only, wait_s=wait_s) as con:
            return work(con)

    def page(request: Request, name: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        sid = getattr(request.state, "sid", None)
        html = env.get_template(name).render(csp_nonce=nonce, csrf_token=sessions.csrf(sid) if sid else "",
                                             user=getattr(request.state, "user", None), **context)
        return HTMLResponse(html, status_code=status, headers={
            **SECURITY_HEADERS, "Content-Security-Policy": PAGE_CSP.format(nonce=nonce), **(headers or {})})

    def message(request: Request, title: str, text: str, status: int, **context) -> HTMLResponse:
        context.setdefault("resubmit", None)
        context.setdefault("back", "/")
        return page(request, "message.html.j2", status, title=title, text=text, **context)

    def busy(request: Request, resubmit: dict | None = None) -> HTMLResponse:
        text = BUSY if resubmit is None else (
            "Keputusan Anda BELUM disimpan karena basis data sedang diperbarui oleh pemeriksaan malam. "
            "Tunggu sebentar lalu tekan «Kirim ulang keputusan».")
        return message(request, "Sedang diperbarui", text, 503, resubmit=resubmit, headers={"Retry-After": "10"})

    def forged(request: Request, form: dict[str, str] | None) -> HTMLResponse | None:
        """A 403 page unless this POST comes from our own form in this session."""
        origin = request.headers.get("origin")
        cross_site = origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host")
        if cross_site or form is None or not sessions.csrf_ok(request.state.sid, form.get(CSRF_FIELD, "")):
            return message(request, "Permintaan ditolak", FORBIDDEN, 403)
        return None

    app = FastAPI(title="Tinjauan eviden SPBE", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db = db
    app.state.wait_s = wait_s
    app.state.sessions = sessions

    @app.middleware("http")
    async def guard(request: Request, call_next):
        """Host check, session cookie, login wall and security headers around every request."""
        cookie_sid = sessions.unsign(request.cookies.get(SESSION_COOKIE))
        request.state.sid = cookie_sid or sessions.new_id()
        request.state.user = sessions.user(request.state.sid)
        path = request.url.path
        if trusted is not None and _host_name(request.headers.get("host")) not in trusted:
            response = message(request, "Alamat tidak dikenal", UNKNOWN_HOST, 400)
        elif credentials is not None and request.state.user is None and path not in PUBLIC_PATHS:
            if request.method in ("GET", "HEAD"):
                target = path + ("?" + request.url.query if request.url.query else "")
                response = RedirectResponse("/masuk?" + urlencode({"lanjut": target}), status_code=303)
            else:
                response = message(request, "Perlu masuk", LOGIN_REQUIRED, 403, back="/masuk")
        else:
            response = await call_next(request)
        if request.state.sid != cookie_sid:  # new visitor, or the session id changed at login/logout
            response.set_cookie(SESSION_COOKIE, sessions.cookie(request.state.sid), httponly=True, samesite="strict",
                                secure=request.url.scheme == "https", path="/")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not path.startswith("/berkas/"):  # files carry their own policy (a PDF viewer needs its plugin)
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP.format(nonce=secrets.token_urlsafe(8)))
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return message(request, "Tidak ditemukan", "Halaman atau berkas tidak ditemukan.", 404)
        return message(request, "Permintaan tidak dapat diproses", "Permintaan tidak dapat diproses.", exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # never a stack trace to the admin
        return message(request, "Terjadi kesalahan", "Terjadi kesalahan tak terduga. Muat ulang halaman; bila "
                       "berulang, hubungi pengelola sistem.", 500)

    @app.get("/masuk", response_class=HTMLResponse)
    def login_form(request: Request):
        target = _local_target(request.query_params.get("lanjut", "/"))
        if credentials is None or request.state.user is not None:
            return RedirectResponse(target, status_code=303)
        return page(request, "login.html.j2", lanjut=target, error=None, username="")

    @app.post("/masuk")
    async def login(request: Request):
        form = await _read_form(request)
        if refused := forged(request, form):
            return refused
        target = _local_target(form.get("lanjut", "/"))
        if credentials is None:
            return RedirectResponse(target, status_code=303)
        username, password = form.get("username", ""), form.get("password", "")
        client = request.client.host if request.client else ""
        if sessions.locked_out(client):
            return page(request, "login.html.j2", 429, lanjut=target, error=LOCKED_OUT, username=username)
        # Both checks always run: the time taken does not tell whether the username exists.
        right_user = hmac.compare_digest(username.encode(), credentials.username.encode())
        right_password = await run_in_threadpool(verify_password, password, credentials.password_hash)
        if not (right_user and right_password):
            sessions.failed(client)
            return page(request, "login.html.j2", 401, lanjut=target, error=BAD_LOGIN, username=username)
        request.state.sid = sessions.login(credentials.username)
        return RedirectResponse(target, status_code=303)

    @app.post("/keluar")
    async def logout(request: Request):
        form = await _read_form(request)
        if refused := forged(request, form):
            return refused
        sessions.logout(request.state.sid)
        request.state.sid = sessions.new_id()
        return RedirectResponse("/masuk" if credentials is not None else "/", status_code=303)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request):
        if not db.exists():
            return message(request, "Belum ada hasil",
                           "Belum ada hasil pemeriksaan. Jalankan «spbe run» terlebih dahulu.", 404)
        filters = Filters.parse(request.query_params)
        try:
            review = with_db(load_review, read_only=True)
        except DatabaseBusy:
            return busy(request)
        if review.run is None:
            return message(request, "Belum ada hasil", "Belum ada pemeriksaan yang selesai. Tunggu pemeriksaan malam "
                           "selesai, lalu muat ulang halaman.", 200)
        shown = filter_gaps(review.gaps, filters)
        opds = sorted({g.opd for g in review.gaps})
        flags = sorted({g.code for g in review.gaps}, key=flag_label)
        indicators = sorted({i for g in review.gaps for i in g.indicators})
        hidden = sum(1 for g in filter_gaps(review.gaps, Filters(filters.opd, filters.indicator, filters.flag, True))
                     if g.state == "dismissed") if not filters.show_dismissed else 0
        saved = request.query_params.get("disimpan") == "1"
        return page(request, "review.html.j2", run=review.run, gaps=shown, total=len(review.gaps), hidden=hidden,
                    opds=opds, flags=flags, indicators=indicators, names=review.indicator_names,
                    filters=filters, query=filters.query(), saved=saved,
                    who=unquote(request.cookies.get(WHO_COOKIE, "")), file_url=lambda p: "/berkas/" + quote(p),
                    decisions=DECISIONS)

    @app.post("/keputusan")
    async def decide(request: Request):
        form = await _read_form(request)
        if refused := forged(request, form):
            return refused
        filters = Filters.parse(form)
        fields = {k: form.get(k, "") for k in ("path", "code", "sha256", "decision", "note", "who")}
        resubmit = {**fields, **filters.query()}
        back = "/?" + urlencode(filters.query())
        try:
            validate_decision(fields["decision"], fields["note"], fields["who"])
            stored = await run_in_threadpool(
                with_db, lambda con: record_decision(con, **fields), read_only=False)
        except DecisionRefused as refused:
            return message(request, "Keputusan belum disimpan", str(refused), 400, resubmit=resubmit, back=back)
        except DatabaseBusy:
            return busy(request, resubmit)
        except Exception:  # noqa: BLE001 - any write failure must be told to the admin, never swallowed
            return message(request, "Keputusan belum disimpan", "Keputusan Anda BELUM disimpan karena terjadi "
                           "kesalahan saat menulis ke basis data. Coba kirim ulang; bila berulang, hubungi pengelola "
                           "sistem.", 500, resubmit=resubmit, back=back)
        gap_key = Gap(stored.path, "", stored.code, "", "", "").key
        target = "/?" + urlencode({**filters.query(), "disimpan": "1"}) + "#" + gap_key
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(WHO_COOKIE, quote(stored.who), max_age=180 * 24 * 3600, httponly=True, samesite="strict")
        return response

    @app.get("/berkas/{relative:path}")
    def open_file(request: Request, relative: str):
        refused = message(request, "Berkas tidak dapat dibuka",
                          "Berkas tidak ada di folder eviden atau alamatnya tidak sah.", 404)
        if not db.exists():
            return refused
        try:
            found = with_db(lambda con: file_lookup(con, relative), read_only=True)
        except DatabaseBusy:
            return busy(request)
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
        headers = {"Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(name)}"}
        if fmt != "pdf":  # whatever a file holds, it never runs script in this origin
            headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        return Response(data, media_type=media, headers=headers)

    return app


def serve(db: Path, host: str = "127.0.0.1", port: int = 8080, credentials: Credentials | None = None) -> None:
    """Serve the review page; any address but loopback only behind the login (UiRefused otherwise)."""
    import uvicorn

    local = is_loopback(host)
    if not local and credentials is None:
        raise UiRefused(f"Halaman tinjauan tidak dijalankan: alamat {host} dapat dibuka dari komputer lain, "
                        "jadi login wajib diaktifkan lebih dulu.\n" + LOGIN_SETUP +
                        "\nAtau jalankan tanpa --host agar hanya terbuka di komputer ini (127.0.0.1).")
    app = create_app(Path(db), credentials=credentials, trusted_hosts=LOOPBACK_NAMES if local else None)
    print(f"Halaman tinjauan: http://{host}:{port}/  (tekan Ctrl+C untuk berhenti)", flush=True)
    if not local:
        print("Login aktif. Lalu lintas memakai HTTP biasa: buka hanya di jaringan kantor yang tepercaya, "
              "atau pasang di belakang proxy HTTPS.", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
