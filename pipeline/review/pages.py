"""The running site's shared parts: its settings, database access, sessions, and how a page is rendered.

One `Site` per app (kept on `app.state.site`); the guard and every route handler read it from there.
Pages are server-rendered Jinja2 with autoescape, and each carries a Content-Security-Policy whose
style nonce is new for every response (no inline script anywhere; images only from this site: the
page previews). Everything the admin sees is
Bahasa Indonesia. Names and messages pass the `tampil` filter: a NIK or NIP in a file name is shown as
"[NIK]"/"[NIP]", while links, forms and data attributes keep the real path (the file's identity).
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline.outputs.labels import FLAG_LABELS
from pipeline.privacy.personal_data import redact_name, shipped_rules
from pipeline.review.auth import CSRF_FIELD, Credentials, Sessions
from pipeline.review.data import DECISION_LABELS, UNDECIDED_LABEL
from pipeline.review.previews import Previewer, cache_dir
from pipeline.store.connection import session

TEMPLATES = Path(__file__).parent / "templates"
BUSY = "Basis data sedang diperbarui oleh pemeriksaan malam (spbe run). Halaman sedang diperbarui, muat ulang sebentar lagi."
BUSY_DECISION = (
    "Keputusan Anda BELUM disimpan karena basis data sedang diperbarui oleh pemeriksaan malam. "
    "Tunggu sebentar lalu tekan «Kirim ulang keputusan»."
)
# Every response; HTML pages add a Content-Security-Policy with a per-response style nonce (no inline script)
# and images from this origin only (the previews of /pratinjau/).
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
PAGE_CSP = (
    "default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)


def _fmt_time(value) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


def _number(value: int) -> str:
    """12345 -> "12.345" (the Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def _shown(value: str | None) -> str | None:
    """A name or text as the page shows it: NIK and NIP in file names replaced."""
    return redact_name(value, shipped_rules()) if value else value


def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["waktu"] = _fmt_time
    env.filters["tampil"] = _shown
    env.filters["angka"] = _number
    env.globals.update(
        DECISION_LABELS=DECISION_LABELS, FLAG_LABELS=FLAG_LABELS, UNDECIDED_LABEL=UNDECIDED_LABEL, CSRF_FIELD=CSRF_FIELD
    )
    return env


@dataclass
class Site:
    """One review site. `credentials`: login required for everything; `trusted`: accepted Host names (None = any)."""

    db: Path
    wait_s: float
    sessions: Sessions
    credentials: Credentials | None = None
    trusted: frozenset[str] | None = None
    env: Environment = field(default_factory=templates)
    previews: Previewer = field(init=False)  # page previews, cached in <db>.previews/
    preview_timeout_s: float = 20.0  # a render still running after this gives a placeholder (and is cached later)
    # One DuckDB session at a time in this process: DuckDB refuses a read-only and a read-write
    # connection to the same file side by side in one process.
    db_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.previews = Previewer(cache_dir(self.db))

    def with_db(self, work, *, read_only: bool):
        """`work(con)` in one short session, so the nightly `spbe run` (another process) can write between requests."""
        with self.db_lock, session(self.db, read_only=read_only, wait_s=self.wait_s) as con:
            return work(con)

    def page(
        self, request: Request, name: str, status: int = 200, headers: dict | None = None, **context
    ) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        sid = getattr(request.state, "sid", None)
        html = self.env.get_template(name).render(
            csp_nonce=nonce,
            csrf_token=self.sessions.csrf(sid) if sid else "",
            user=getattr(request.state, "user", None),
            **context,
        )
        return HTMLResponse(
            html,
            status_code=status,
            headers={**SECURITY_HEADERS, "Content-Security-Policy": PAGE_CSP.format(nonce=nonce), **(headers or {})},
        )

    def message(self, request: Request, title: str, text: str, status: int, **context) -> HTMLResponse:
        context.setdefault("resubmit", None)
        context.setdefault("back", "/")
        return self.page(request, "message.html.j2", status, title=title, text=text, **context)

    def busy(self, request: Request, resubmit: dict | None = None) -> HTMLResponse:
        """503 while the nightly run holds the database; a refused decision can be sent again from the page."""
        text = BUSY if resubmit is None else BUSY_DECISION
        return self.message(request, "Sedang diperbarui", text, 503, resubmit=resubmit, headers={"Retry-After": "10"})
