"""The admin review page: flagged gaps of the latest completed run, and the admins' decisions.

This module puts the site together: `create_app` wires the request guard, the error pages and the
routes around one `Site`; `serve` runs it. Where the rest lives:

    data.py    gaps, decisions (the audit trail), filters: pure or one DuckDB connection
    auth.py    password hashes, the admin account, sessions and CSRF tokens, loopback
    files.py   evidence files served from the evidence root only (no traversal, no symlinks)
    previews.py  page previews: bounded renders of a PDF page or an image, cached by content
    pages.py   the Site (settings, database access, sessions) and page rendering
    routes.py  the route handlers

Every request opens one short `store.connection.session` and closes it, so the nightly `spbe run`
(another process) can write between requests; a database still held after `wait_s` becomes a
friendly 503 page. When `credentials` are given the whole site sits behind a login form; `serve`
refuses to bind a non-loopback address without them, and on loopback it checks the Host header
(DNS rebinding).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.review import routes
from pipeline.review.auth import (
    LOGIN_SETUP,
    LOOPBACK_NAMES,
    SESSION_COOKIE,
    Credentials,
    Sessions,
    UiRefused,
    is_loopback,
    key_path,
    load_or_create_key,
    logins_path,
    session_secret,
)
from pipeline.review.pages import PAGE_CSP, SECURITY_HEADERS, Site

DEFAULT_WAIT_S = 10.0
PUBLIC_PATHS = ("/masuk", "/keluar")
LOGIN_REQUIRED = "Sesi Anda berakhir atau Anda belum masuk. Masuk kembali, lalu ulangi. Tidak ada yang disimpan."
UNKNOWN_HOST = "Alamat host tidak dikenal. Buka halaman tinjauan melalui http://127.0.0.1 atau http://localhost."
UNEXPECTED = "Terjadi kesalahan tak terduga. Muat ulang halaman; bila berulang, hubungi pengelola sistem."


def create_app(
    db: Path,
    *,
    wait_s: float = DEFAULT_WAIT_S,
    credentials: Credentials | None = None,
    trusted_hosts: Iterable[str] | None = None,
    secret: bytes | None = None,
) -> FastAPI:
    """The review site. `credentials`: login required for everything; `trusted_hosts`: accepted Host names.

    Sessions are signed with the key kept beside the database (`<db>.ui-key`, made on first start) and
    logins are kept there too, so a restart logs nobody out; UiRefused when those files are not private.
    An explicit `secret` keeps sessions in this process only.
    """
    db = Path(db)
    if secret is None:
        key, store = load_or_create_key(key_path(db)), logins_path(db)
    else:
        key, store = secret, None
    sessions = Sessions(session_secret(key, credentials), store=store)
    trusted = frozenset(h.lower() for h in trusted_hosts) if trusted_hosts is not None else None
    site = Site(db, wait_s, sessions, credentials, trusted)
    app = FastAPI(
        title="Tinjauan eviden SPBE", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_closing(site)
    )
    app.state.site = site
    app.state.db, app.state.wait_s, app.state.sessions = site.db, wait_s, sessions
    app.middleware("http")(guard)
    app.exception_handler(StarletteHTTPException)(http_error)
    app.exception_handler(Exception)(unexpected)
    app.include_router(routes.router)
    return app


def _closing(site: Site):
    """At shutdown, queued preview renders are dropped and the preview threads end."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            site.previews.close()

    return lifespan


def _host_name(header: str | None) -> str:
    try:
        return (urlsplit("//" + (header or "")).hostname or "").lower()
    except ValueError:
        return ""


async def guard(request: Request, call_next):
    """Host check, session cookie, login wall and security headers around every request."""
    site: Site = request.app.state.site
    cookie_sid = site.sessions.unsign(request.cookies.get(SESSION_COOKIE))
    request.state.sid = cookie_sid or site.sessions.new_id()
    request.state.user = site.sessions.user(request.state.sid)
    path = request.url.path
    if site.trusted is not None and _host_name(request.headers.get("host")) not in site.trusted:
        response: Response = site.message(request, "Alamat tidak dikenal", UNKNOWN_HOST, 400)
    elif site.credentials is not None and request.state.user is None and path not in PUBLIC_PATHS:
        if request.method in ("GET", "HEAD"):
            target = path + ("?" + request.url.query if request.url.query else "")
            response = RedirectResponse("/masuk?" + urlencode({"lanjut": target}), status_code=303)
        else:
            response = site.message(request, "Perlu masuk", LOGIN_REQUIRED, 403, back="/masuk")
    else:
        response = await call_next(request)
    if request.state.sid != cookie_sid:  # new visitor, or the session id changed at login/logout
        response.set_cookie(
            SESSION_COOKIE,
            site.sessions.cookie(request.state.sid),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not path.startswith("/berkas/"):  # files carry their own policy (a PDF viewer needs its plugin)
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP.format(nonce=secrets.token_urlsafe(8)))
    return response


async def http_error(request: Request, exc: StarletteHTTPException):
    site: Site = request.app.state.site
    if exc.status_code == 404:
        return site.message(request, "Tidak ditemukan", "Halaman atau berkas tidak ditemukan.", 404)
    return site.message(request, "Permintaan tidak dapat diproses", "Permintaan tidak dapat diproses.", exc.status_code)


async def unexpected(request: Request, exc: Exception):
    """Never a stack trace to the admin."""
    return request.app.state.site.message(request, "Terjadi kesalahan", UNEXPECTED, 500)


def serve(db: Path, host: str = "127.0.0.1", port: int = 8080, credentials: Credentials | None = None) -> None:
    """Serve the review page; any address but loopback only behind the login (UiRefused otherwise)."""
    import uvicorn

    local = is_loopback(host)
    if not local and credentials is None:
        raise UiRefused(
            f"Halaman tinjauan tidak dijalankan: alamat {host} dapat dibuka dari komputer lain, "
            "jadi login wajib diaktifkan lebih dulu.\n"
            + LOGIN_SETUP
            + "\nAtau jalankan tanpa --host agar hanya terbuka di komputer ini (127.0.0.1)."
        )
    app = create_app(Path(db), credentials=credentials, trusted_hosts=LOOPBACK_NAMES if local else None)
    print(f"Halaman tinjauan: http://{host}:{port}/  (tekan Ctrl+C untuk berhenti)", flush=True)
    if not local:
        print(
            "Login aktif. Lalu lintas memakai HTTP biasa: buka hanya di jaringan kantor yang tepercaya, "
            "atau pasang di belakang proxy HTTPS.",
            flush=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")
