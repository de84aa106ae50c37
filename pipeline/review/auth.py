"""Who may use the review page: password hashes, the one admin account, sessions and CSRF tokens.

Pure helpers and one in-memory `Sessions` store; nothing here touches the database or the web
framework. The login route and the request guard (app.py, routes.py) use them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 8
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
ENV_USERNAME, ENV_PASSWORD_HASH = "SPBE_UI_USERNAME", "SPBE_UI_PASSWORD_HASH"
LOGIN_SETUP = (
    "Buat hash kata sandi dengan perintah «spbe ui-password», lalu tulis di spbe.toml:\n"
    '    [ui]\n    username = "admin"\n    password_hash = "scrypt$..."\n'
    f"atau setel variabel lingkungan {ENV_USERNAME} dan {ENV_PASSWORD_HASH}."
)
SESSION_COOKIE = "spbe_sesi"
CSRF_FIELD = "csrf_token"


class UiRefused(Exception):
    """The review page must not start as asked; the message (Bahasa Indonesia) says how to fix it."""


# --- passwords ----------------------------------------------------------------------------------


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
        scheme, n_text, r_text, p_text, salt, digest = encoded.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt_b, digest_b = _unb64(salt), _unb64(digest)
    except (ValueError, AttributeError) as exc:
        raise ValueError("bukan hash kata sandi yang dikenal") from exc
    if (
        scheme != "scrypt"
        or not (2 <= n <= 2**20 and n & (n - 1) == 0)
        or not (1 <= r <= 32)
        or not (1 <= p <= 16)
        or len(salt_b) < 8
        or len(digest_b) < 16
    ):
        raise ValueError("bukan hash kata sandi yang dikenal")
    return n, r, p, salt_b, digest_b


def verify_password(password: str, encoded: str) -> bool:
    try:
        n, r, p, salt, digest = parse_password_hash(encoded)
    except ValueError:
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(digest), maxmem=256 * n * r * p + 2**20
    )
    return hmac.compare_digest(candidate, digest)


# --- the admin account and where the page may listen --------------------------------------------


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


def local_target(value: str) -> str:
    """Where to go after login: a path on this site only (no open redirect)."""
    if (
        not value.startswith("/")
        or value.startswith(("//", "/masuk"))
        or "\\" in value
        or any(ord(c) < 32 for c in value)
    ):
        return "/"
    return value


# --- sessions -----------------------------------------------------------------------------------


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
