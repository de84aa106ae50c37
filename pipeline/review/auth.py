"""Who may use the review page: password hashes, the one admin account, sessions and CSRF tokens.

Pure helpers, the `Sessions` store and the two private files beside the database that let sessions
survive a restart of `spbe ui`: `<db>.ui-key` (the signing key, created once, mode 0600) and
`<db>.ui-sessions` (the logins, by hash of their session id, mode 0600). Nothing here touches the
database or the web framework. The login route and the request guard (app.py, routes.py) use them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import stat
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
KEY_SUFFIX, LOGINS_SUFFIX = ".ui-key", ".ui-sessions"  # beside the database; `spbe run` never reads them
KEY_BYTES = 32
KEY_WRITE_WAIT_S = 2.0  # a key file another `spbe ui` is creating this instant is read again until then


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


# --- the private files beside the database ---------------------------------------------------------


def key_path(db: Path) -> Path:
    return db.with_name(db.name + KEY_SUFFIX)


def logins_path(db: Path) -> Path:
    return db.with_name(db.name + LOGINS_SUFFIX)


def _check_private(path: Path, fd: int) -> None:
    """Refuse a secret file that is not a plain file or that the group or others may read or change."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise UiRefused(f"{path} bukan berkas biasa. Hapus, lalu jalankan «spbe ui» lagi (dibuat ulang).")
    if info.st_mode & 0o077:
        raise UiRefused(
            f"Berkas rahasia halaman tinjauan {path} dapat dibaca atau diubah pengguna lain "
            f"(mode {stat.S_IMODE(info.st_mode):04o}). Batasi dengan «chmod 600 {path}», lalu jalankan lagi."
        )


def _read_private(path: Path) -> bytes:
    """The bytes of a 0600 file (never through a symlink); UiRefused when others may read it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if path.is_symlink():
            raise UiRefused(f"{path} adalah tautan (symlink). Hapus, lalu jalankan «spbe ui» lagi.") from exc
        raise
    with os.fdopen(fd, "rb") as file:
        _check_private(path, file.fileno())
        return file.read()


def _create_private(path: Path, data: bytes) -> None:
    """Create `path` with `data`, mode 0600 from the first instant (O_EXCL: FileExistsError if it exists)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            os.fchmod(file.fileno(), 0o600)  # whatever the umask
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        path.unlink(missing_ok=True)  # a full disk leaves no half-written secret behind
        raise


def _replace_private(path: Path, data: bytes) -> None:
    """Replace `path` atomically: readers see the old content or the new one, never a part."""
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        _create_private(tmp, data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _parse_key(data: bytes) -> bytes | None:
    try:
        key = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def load_or_create_key(path: Path) -> bytes:
    """The review page's signing key kept in `path` (made on first start): sessions survive a restart.

    UiRefused, in Bahasa Indonesia, when the file may be read by others, is damaged, or cannot be written.
    """
    try:
        _create_private(path, secrets.token_bytes(KEY_BYTES).hex().encode() + b"\n")
    except FileExistsError:
        pass
    except OSError as exc:
        raise UiRefused(
            f"Kunci sesi halaman tinjauan tidak dapat dibuat di {path} ({exc.strerror}). "
            "Pastikan folder basis data ada dan dapat ditulis oleh pengguna yang menjalankan «spbe ui»."
        ) from exc
    deadline = time.monotonic() + KEY_WRITE_WAIT_S
    while True:
        try:
            key = _parse_key(_read_private(path))
        except OSError as exc:
            raise UiRefused(
                f"Kunci sesi halaman tinjauan {path} tidak dapat dibaca ({exc.strerror}). Jalankan «spbe ui» "
                "sebagai pengguna pemilik berkas itu, atau hapus berkasnya (semua admin perlu masuk kembali)."
            ) from exc
        if key is not None:
            return key
        if time.monotonic() > deadline:
            raise UiRefused(
                f"Berkas kunci sesi {path} rusak. Hapus berkas itu lalu jalankan «spbe ui» lagi; "
                "kunci baru dibuat dan semua admin perlu masuk kembali."
            )
        time.sleep(0.05)  # another `spbe ui` created it this instant and is still writing it


def session_secret(key: bytes, credentials: Credentials | None) -> bytes:
    """The key sessions are signed with: bound to the account, so a new password ends every session."""
    if credentials is None:
        return key
    account = f"{credentials.username}\0{credentials.password_hash}".encode()
    return hmac.new(key, b"spbe-ui-session\0" + account, hashlib.sha256).digest()


# --- sessions -----------------------------------------------------------------------------------


class Sessions:
    """Signed random session ids, and the logins among them.

    Every visitor gets a session id (a cookie) even without a login: its HMAC is the CSRF token,
    so anonymous localhost use is protected without any server-side state. Logins live in memory
    and, when `store` is given, in that 0600 file (by hash of the session id, with a wall-clock end),
    read again whenever it changes: a restarted or second `spbe ui` on the same database knows them.
    """

    def __init__(
        self,
        secret: bytes,
        ttl_s: float = 12 * 3600,
        max_failures: int = 5,
        lockout_s: float = 300,
        store: Path | None = None,
    ):
        self._secret, self._ttl_s = secret, ttl_s
        self._max_failures, self._lockout_s = max_failures, lockout_s
        self._logins: dict[str, tuple[str, float]] = {}  # sha256(session id) -> (user, time.time() it ends)
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._store = store
        self._seen: tuple | None = None  # (inode, mtime, size) of the logins file last read
        if store is not None:
            self._refresh(strict=True)

    def _mac(self, purpose: str, sid: str) -> str:
        return _b64(hmac.new(self._secret, f"{purpose}:{sid}".encode(), hashlib.sha256).digest())

    @staticmethod
    def _key(sid: str) -> str:
        return hashlib.sha256(sid.encode()).hexdigest()

    def _refresh(self, *, strict: bool = False) -> None:
        """Read the logins file again if it changed. At start (strict) a file others may read is refused;
        later an unreadable or damaged file means no logins (everyone logs in again), never a crash."""
        if self._store is None:
            return
        try:
            info = self._store.stat()
        except FileNotFoundError:
            self._logins, self._seen = {}, None
            return
        seen = (info.st_ino, info.st_mtime_ns, info.st_size)
        if seen == self._seen:
            return
        try:
            data = json.loads(_read_private(self._store))
            logins = {k: (str(v[0]), float(v[1])) for k, v in data.items()}
        except UiRefused:
            if strict:
                raise
            logins = {}
        except (OSError, ValueError, TypeError, IndexError, AttributeError):
            logins = {}
        self._logins, self._seen = logins, seen

    def _save(self) -> None:
        if self._store is None:
            return
        now = time.time()
        self._logins = {k: v for k, v in self._logins.items() if v[1] >= now}
        try:
            _replace_private(self._store, json.dumps({k: list(v) for k, v in self._logins.items()}).encode())
            info = self._store.stat()
        except OSError:
            return  # a full disk: the login holds in this process, only a restart would forget it
        self._seen = (info.st_ino, info.st_mtime_ns, info.st_size)

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
            self._refresh()
            found = self._logins.get(self._key(sid))
            return found[0] if found and found[1] >= time.time() else None

    def login(self, username: str) -> str:
        """A new session id for the logged-in user (never the pre-login one: no session fixation)."""
        sid = self.new_id()
        with self._lock:
            self._refresh()
            self._logins[self._key(sid)] = (username, time.time() + self._ttl_s)
            self._save()
        return sid

    def logout(self, sid: str) -> None:
        with self._lock:
            self._refresh()
            if self._logins.pop(self._key(sid), None) is not None:
                self._save()

    def locked_out(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self._failures.get(client, []) if t > now - self._lockout_s]
            self._failures[client] = recent
            return len(recent) >= self._max_failures

    def failed(self, client: str) -> None:
        with self._lock:
            self._failures.setdefault(client, []).append(time.monotonic())
