"""Review-page sessions survive a restart of `spbe ui`: the signing key and the logins live beside the database.

`<db>.ui-key` (made on first start) and `<db>.ui-sessions` are private files, mode 0600; a key file the group
or others may read is refused with a message in Bahasa Indonesia. A restart is a second app on the same
database (the real FastAPI app, the real DuckDB of tests/test_review.py); the CLI test runs the real `spbe ui`.
"""

from __future__ import annotations

import os
import stat

import pytest
from fastapi.testclient import TestClient

from pipeline.review.app import create_app
from pipeline.review.auth import Credentials, UiRefused, hash_password
from tests.test_review import (
    DRAFT,
    csrf_token,
    decide,
    site,  # noqa: F401  (the same nightly-run fixture)
)
from tests.test_review_auth import PASSWORD, USER, login, spbe


@pytest.fixture(scope="module")
def credentials() -> Credentials:
    return Credentials(USER, hash_password(PASSWORD))


def key_file(site):
    return site.db.with_name(site.db.name + ".ui-key")


def logins_file(site):
    return site.db.with_name(site.db.name + ".ui-sessions")


def restarted(site, client: TestClient, credentials: Credentials | None = None) -> TestClient:
    """A new `spbe ui` process on the same database, and the browser that still holds its cookies."""
    return TestClient(create_app(site.db, wait_s=0.5, credentials=credentials), cookies=dict(client.cookies))


def test_the_first_start_writes_a_key_beside_the_database_readable_by_its_owner_only(site):
    assert not key_file(site).exists()
    create_app(site.db, wait_s=0.5)
    assert stat.S_IMODE(key_file(site).stat().st_mode) == 0o600


def test_the_key_file_is_private_whatever_the_umask(site):
    old = os.umask(0)
    try:
        create_app(site.db, wait_s=0.5)
    finally:
        os.umask(old)
    assert stat.S_IMODE(key_file(site).stat().st_mode) == 0o600


def test_a_restart_keeps_the_key(site):
    create_app(site.db, wait_s=0.5)
    first = key_file(site).read_bytes()
    create_app(site.db, wait_s=0.5)
    assert key_file(site).read_bytes() == first


def test_a_login_made_before_a_restart_is_still_logged_in_after_it(site, credentials):
    before = TestClient(create_app(site.db, wait_s=0.5, credentials=credentials))
    assert login(before).status_code == 303
    after = restarted(site, before, credentials)
    page = after.get("/", follow_redirects=False)
    assert page.status_code == 200 and "Keluar" in page.text
    assert stat.S_IMODE(logins_file(site).stat().st_mode) == 0o600


def test_a_form_loaded_before_a_restart_is_accepted_after_it(site):
    before = TestClient(create_app(site.db, wait_s=0.5))
    token = csrf_token(before)
    after = restarted(site, before)
    assert csrf_token(after) == token
    assert decide(after, DRAFT, "draft", "confirmed").status_code == 303
    assert [row[1:4] for row in site.decisions()] == [(DRAFT, "draft", "confirmed")]


def test_a_logout_ends_the_session_also_for_the_restarted_page(site, credentials):
    before = TestClient(create_app(site.db, wait_s=0.5, credentials=credentials))
    login(before)
    copied = dict(before.cookies)
    token = csrf_token(before)
    assert before.post("/keluar", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    after = TestClient(create_app(site.db, wait_s=0.5, credentials=credentials), cookies=copied)
    assert after.get("/", follow_redirects=False).headers["location"].startswith("/masuk")


def test_a_new_password_ends_every_session(site, credentials):
    before = TestClient(create_app(site.db, wait_s=0.5, credentials=credentials))
    login(before)
    changed = Credentials(USER, hash_password("Sandi-Baru-Sukamaju-2026"))
    after = restarted(site, before, changed)
    assert after.get("/", follow_redirects=False).headers["location"].startswith("/masuk")


def test_a_second_page_on_the_same_database_sees_a_login_made_on_the_first(site, credentials):
    """Two processes at once (a restart while the old one still answers): the logins file is read again."""
    first = TestClient(create_app(site.db, wait_s=0.5, credentials=credentials))
    second_app = create_app(site.db, wait_s=0.5, credentials=credentials)  # started before the login
    login(first)
    second = TestClient(second_app, cookies=dict(first.cookies))
    assert second.get("/", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660])
def test_a_key_file_others_may_read_is_refused(site, mode):
    create_app(site.db, wait_s=0.5)
    key_file(site).chmod(mode)
    with pytest.raises(UiRefused) as refused:
        create_app(site.db, wait_s=0.5)
    message = str(refused.value)
    assert "dapat dibaca atau diubah pengguna lain" in message and f"chmod 600 {key_file(site)}" in message


def test_a_logins_file_others_may_read_is_refused(site, credentials):
    login(TestClient(create_app(site.db, wait_s=0.5, credentials=credentials)))
    logins_file(site).chmod(0o644)
    with pytest.raises(UiRefused, match=f"chmod 600 {logins_file(site)}"):
        create_app(site.db, wait_s=0.5, credentials=credentials)


def test_a_damaged_key_file_is_refused_with_what_to_do(site):
    key_file(site).write_bytes(b"")
    key_file(site).chmod(0o600)
    with pytest.raises(UiRefused, match="rusak. Hapus berkas itu"):
        create_app(site.db, wait_s=0.5)


def test_a_key_file_that_is_a_symlink_is_refused(site, tmp_path):
    elsewhere = tmp_path / "kunci-lain"
    elsewhere.write_text("00" * 32)
    elsewhere.chmod(0o600)
    key_file(site).symlink_to(elsewhere)
    with pytest.raises(UiRefused, match="symlink"):
        create_app(site.db, wait_s=0.5)


def test_spbe_ui_refuses_to_start_with_a_readable_key_file(site, tmp_path):
    create_app(site.db, wait_s=0.5)
    key_file(site).chmod(0o644)
    result = spbe(["ui", "--db", str(site.db)], tmp_path, timeout=30)  # a server that started would time out
    assert result.returncode == 2
    assert "dapat dibaca atau diubah pengguna lain (mode 0644)" in result.stderr and "chmod 600" in result.stderr
