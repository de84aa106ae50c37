"""The review page's guards: CSRF on every POST, the login wall off localhost, security headers, and the CLI.

The site is the one of tests/test_review.py (real evidence files, a real DuckDB, the real FastAPI app);
the CLI tests start the real `spbe` command in a subprocess from a folder holding a generated spbe.toml.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from pipeline.review.app import create_app
from pipeline.review.auth import (
    LOOPBACK_NAMES,
    Credentials,
    UiRefused,
    hash_password,
    resolve_credentials,
    verify_password,
)
from tests.browser import free_port
from tests.test_review import (
    CORRUPT,
    DRAFT,
    Site,
    csrf_token,
    decide,
    gap_keys,
    site,  # noqa: F401  (the same nightly-run fixture)
)

ROOT = Path(__file__).resolve().parents[1]
USER, PASSWORD = "admin.kominfo", "Rahasia-Sukamaju-2025"
EVIL = "http://evil.example"


@pytest.fixture
def client(site) -> TestClient:
    """Loopback, no credentials: the default `spbe ui`."""
    return TestClient(create_app(site.db, wait_s=0.5))


@pytest.fixture(scope="module")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def guarded(site, password_hash) -> TestClient:
    """Credentials configured: every page behind the login."""
    return TestClient(create_app(site.db, wait_s=0.5, credentials=Credentials(USER, password_hash)))


def form_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client: TestClient, password: str = PASSWORD, *, lanjut: str = "/", token: str | None = None):
    token = token if token is not None else form_token(client.get("/masuk").text)
    return client.post(
        "/masuk",
        data={"username": USER, "password": password, "lanjut": lanjut, "csrf_token": token},
        follow_redirects=False,
    )


def decision_form(site: Site, client: TestClient, **extra) -> dict:
    import hashlib

    sha = hashlib.sha256((site.root / DRAFT).read_bytes()).hexdigest()
    return {"path": DRAFT, "code": "draft", "sha256": sha, "decision": "confirmed", "who": "Rina", **extra}


# --- CSRF (also on localhost) ------------------------------------------------------------------


def test_every_decision_form_carries_the_session_csrf_token(client):
    page = client.get("/").text
    tokens = set(re.findall(r'name="csrf_token" value="([^"]*)"', page))
    assert page.count('action="/keputusan"') == 5 and page.count('name="csrf_token"') == 5
    assert tokens == {csrf_token(client)}


def test_a_decision_without_a_csrf_token_is_refused_and_nothing_is_written(client, site):
    client.get("/")
    response = client.post("/keputusan", data=decision_form(site, client))
    assert response.status_code == 403 and "TIDAK ada yang disimpan" in response.text
    assert site.decisions() == []


def test_a_csrf_token_of_another_session_is_refused(client, site):
    other = TestClient(client.app)
    response = client.post("/keputusan", data=decision_form(site, client, csrf_token=csrf_token(other)))
    assert response.status_code == 403 and site.decisions() == []


def test_a_decision_posted_from_another_site_is_refused_even_with_a_token(client, site):
    response = client.post(
        "/keputusan", data=decision_form(site, client, csrf_token=csrf_token(client)), headers={"Origin": EVIL}
    )
    assert response.status_code == 403 and site.decisions() == []


def test_a_token_signed_with_a_replaced_key_is_refused(client, site):
    """A new key (its file deleted) draws a new secret: old pages must be reloaded, a replayed token writes nothing.

    A plain restart keeps the key and so the sessions: tests/test_ui_key.py."""
    old = csrf_token(client)
    (site.db.parent / (site.db.name + ".ui-key")).unlink()
    restarted = TestClient(create_app(site.db, wait_s=0.5), cookies=dict(client.cookies))
    response = restarted.post("/keputusan", data=decision_form(site, restarted, csrf_token=old))
    assert response.status_code == 403 and site.decisions() == []


def test_on_loopback_a_foreign_host_name_is_refused(site):
    """DNS rebinding: evil.example resolving to 127.0.0.1 must not reach the page."""
    app = create_app(site.db, wait_s=0.5, trusted_hosts=LOOPBACK_NAMES)
    assert TestClient(app, base_url="http://evil.example:8080").get("/").status_code == 400
    assert TestClient(app, base_url="http://127.0.0.1:8080").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8080").get("/").status_code == 200


# --- headers and cookies ------------------------------------------------------------------------


def test_pages_forbid_framing_referrers_and_any_script(client):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp  # no script allowed at all
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'<style nonce="{nonce}">' in page.text and "<script" not in page.text
    assert page.headers["x-frame-options"] == "DENY" and page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-content-type-options"] == "nosniff"


def test_redirects_and_error_pages_carry_the_headers_too(client, site):
    for response in (decide(client, CORRUPT, "corrupt", "confirmed"), client.get("/tidak-ada")):
        assert response.status_code in (303, 404)
        assert (
            response.headers["x-frame-options"] == "DENY"
            and "frame-ancestors 'none'" in response.headers["content-security-policy"]
        )


def test_the_session_cookie_is_httponly_and_samesite_strict(client):
    cookie = next(c for c in client.get("/").headers.get_list("set-cookie") if c.startswith("spbe_sesi="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie


# --- login --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/?flag=draft", f"/berkas/{DRAFT}", f"/pratinjau/{DRAFT}?hlm=1&ukuran=besar"])
def test_with_credentials_every_page_sends_an_anonymous_visitor_to_the_login(guarded, url):
    response = guarded.get(url, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/masuk?lanjut=")
    assert "Rancangan" not in response.text


def test_the_login_form_is_in_indonesian(guarded):
    page = guarded.get("/masuk")
    assert page.status_code == 200
    assert "Nama pengguna" in page.text and "Kata sandi" in page.text and 'type="password"' in page.text


def test_with_credentials_a_decision_without_login_is_refused_and_nothing_is_written(guarded, site):
    response = guarded.post("/keputusan", data=decision_form(site, guarded, csrf_token=csrf_token(guarded)))
    assert response.status_code == 403 and "Masuk kembali" in response.text
    assert site.decisions() == []


def test_a_wrong_password_does_not_open_the_page(guarded):
    response = login(guarded, "salah-sekali")
    assert response.status_code == 401 and "Nama pengguna atau kata sandi salah" in response.text
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_a_login_without_the_form_token_is_refused(guarded):
    """Login CSRF: another site must not log the admin into a session it chose."""
    guarded.get("/masuk")
    assert login(guarded, token="").status_code == 403
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_after_login_the_admin_sees_the_gaps_and_decides(guarded, site):
    response = login(guarded, lanjut="/?flag=draft")
    assert response.status_code == 303 and response.headers["location"] == "/?flag=draft"
    page = guarded.get("/?flag=draft")
    assert gap_keys(page.text) == {(DRAFT, "draft")} and USER in page.text and "Keluar" in page.text
    saved = guarded.post(
        "/keputusan", data=decision_form(site, guarded, csrf_token=form_token(page.text)), follow_redirects=False
    )
    assert saved.status_code == 303 and [r[3] for r in site.decisions()] == ["confirmed"]


def test_login_gives_a_new_session_id(guarded):
    """No session fixation: the id known before login is not the logged-in one."""
    guarded.get("/masuk")
    before = guarded.cookies["spbe_sesi"]
    login(guarded)
    assert guarded.cookies["spbe_sesi"] != before


@pytest.mark.parametrize(
    "lanjut", ["//evil.example/", "http://evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_after_login_the_redirect_stays_on_this_site(guarded, lanjut):
    response = login(guarded, lanjut=lanjut)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_logout_ends_the_session_even_for_a_copied_cookie(guarded):
    login(guarded)
    copied = guarded.cookies["spbe_sesi"]
    page = guarded.get("/")
    response = guarded.post("/keluar", data={"csrf_token": form_token(page.text)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/masuk"
    replay = TestClient(guarded.app, cookies={"spbe_sesi": copied})
    assert replay.get("/", follow_redirects=False).status_code == 303


def test_logout_without_the_token_is_refused(guarded):
    login(guarded)
    assert guarded.post("/keluar", data={}).status_code == 403
    assert guarded.get("/", follow_redirects=False).status_code == 200  # still logged in


def test_repeated_wrong_passwords_lock_the_login_for_a_while(guarded):
    for _ in range(5):
        assert login(guarded, "tebakan-salah").status_code == 401
    response = login(guarded)  # even the right password, during the lockout
    assert response.status_code == 429 and "Terlalu banyak percobaan" in response.text
    assert guarded.get("/", follow_redirects=False).status_code == 303


# --- password hashes and configuration --------------------------------------------------------


def test_a_password_hash_is_salted_scrypt_and_verifies_only_the_right_password(password_hash):
    scheme, n, r, p, _salt, _digest = password_hash.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1") and PASSWORD not in password_hash
    assert verify_password(PASSWORD, password_hash) and not verify_password(PASSWORD + "x", password_hash)
    assert hash_password(PASSWORD) != password_hash  # a fresh random salt each time


@pytest.mark.parametrize(
    "broken",
    [
        "",
        "plain-text",
        "scrypt$16384$8$1$c2FsdA$",
        "pbkdf2$1$1$1$AAAAAAAAAAA$AAAA",
        "scrypt$3$8$1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "scrypt$2147483648$8$1$x$y",
    ],
)
def test_a_malformed_hash_never_verifies(broken):
    assert not verify_password("", broken) and not verify_password(PASSWORD, broken)


def test_environment_variables_override_the_config_file(password_hash):
    other = hash_password("kata-sandi-lain")
    found = resolve_credentials(
        {"username": "dari-berkas", "password_hash": password_hash},
        {"SPBE_UI_USERNAME": USER, "SPBE_UI_PASSWORD_HASH": other},
    )
    assert found == Credentials(USER, other)
    assert resolve_credentials({}, {}) is None


@pytest.mark.parametrize(
    "section", [{"username": USER}, {"password_hash": "scrypt$x"}, {"username": USER, "password_hash": "rahasia"}]
)
def test_half_or_plain_text_credentials_are_refused(section):
    with pytest.raises(UiRefused):
        resolve_credentials(section, {})


# --- the command line ---------------------------------------------------------------------------


def spbe(args: list[str], cwd: Path, *, stdin: str = "", env: dict | None = None, timeout: float = 60):
    """The real `spbe` command; a clean environment (no SPBE_UI_* from the caller)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SPBE_UI_")}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "spbe.cli", *args],
        cwd=cwd,
        input=stdin,
        text=True,
        check=False,
        capture_output=True,
        env={**clean, **(env or {})},
        timeout=timeout,
    )


def test_ui_on_all_addresses_without_credentials_refuses_to_start(site, tmp_path):
    result = spbe(
        ["ui", "--db", str(site.db), "--host", "0.0.0.0", "--port", str(free_port())], tmp_path, timeout=30
    )  # a server that started anyway would hit the timeout
    assert result.returncode == 2
    assert "login wajib" in result.stderr and "spbe ui-password" in result.stderr
    assert "SPBE_UI_PASSWORD_HASH" in result.stderr and "[ui]" in result.stderr


def test_ui_refuses_an_unknown_key_in_the_ui_section(site, tmp_path):
    (tmp_path / "spbe.toml").write_text('[ui]\nusername = "admin"\npassword = "rahasia"\n', encoding="utf-8")
    result = spbe(["ui", "--db", str(site.db)], tmp_path, timeout=30)
    assert result.returncode == 2 and "[ui]" in result.stderr and result.stderr.strip().endswith("): password")


def test_ui_password_prints_a_hash_line_that_verifies(tmp_path):
    result = spbe(["ui-password", "--username", USER], tmp_path, stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout
    import tomllib

    ui = tomllib.loads(result.stdout)
    assert ui["username"] == USER and verify_password(PASSWORD, ui["password_hash"])


def test_ui_password_refuses_a_short_password(tmp_path):
    result = spbe(["ui-password"], tmp_path, stdin="pendek\n")
    assert result.returncode == 2 and "minimal 8 karakter" in result.stderr and result.stdout == ""


def test_ui_on_all_addresses_with_configured_credentials_serves_behind_the_login(site, tmp_path, password_hash):
    (tmp_path / "spbe.toml").write_text(
        f'[ui]\nusername = "{USER}"\npassword_hash = "{password_hash}"\n', encoding="utf-8"
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "spbe.cli", "ui", "--db", str(site.db), "--host", "0.0.0.0", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                first = httpx.get(base + "/", follow_redirects=False, timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "spbe ui did not start"
                time.sleep(0.2)
        assert first.status_code == 303 and first.headers["location"].startswith("/masuk")
        with httpx.Client(base_url=base) as browser:
            token = form_token(browser.get("/masuk").text)
            browser.post("/masuk", data={"username": USER, "password": PASSWORD, "csrf_token": token})
            assert gap_keys(browser.get("/").text)  # logged in with the hash from spbe.toml
    finally:
        server.terminate()
        server.communicate(timeout=10)
