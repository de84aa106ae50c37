"""The review page's routes, one small handler each; the shared parts come from `app.state.site`.

    GET  /masuk            login form            POST /masuk     log in (lockout after failures)
    POST /keluar           log out               GET  /         the gaps of the latest run, filtered, paged
    POST /keputusan        store one decision    GET  /berkas/…  one evidence file
    GET  /pratinjau/…?hlm=N&ukuran=kecil|besar   a page of an evidence file as an image (previews.py)

Every state-changing POST carries this session's CSRF token (also on 127.0.0.1: a page the admin
visits elsewhere must not post decisions here) and is refused, writing nothing, without it.
"""

from __future__ import annotations

import asyncio
import hmac
import re
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from pipeline.outputs.labels import flag_label
from pipeline.review.auth import CSRF_FIELD, local_target, verify_password
from pipeline.review.data import (
    DECISIONS,
    DecisionRefused,
    Entry,
    Filters,
    Preview,
    entries,
    file_lookup,
    filter_gaps,
    gap_key,
    hidden_dismissed,
    load_previews,
    load_review,
    paginate,
    preview_source,
    record_decision,
    validate_decision,
)
from pipeline.review.files import FILE_CSP, FileRefused, file_response, safe_file
from pipeline.review.pages import Site
from pipeline.review.previews import SIZES, PreviewFailed, PreviewJob, placeholder
from pipeline.store.connection import DatabaseBusy

WHO_COOKIE = "spbe_peninjau"
MAX_FORM_BYTES = 64 * 1024
FORBIDDEN = (
    "Permintaan ditolak dan TIDAK ada yang disimpan: formulir ini kedaluwarsa atau dikirim dari situs lain. "
    "Muat ulang halaman tinjauan, lalu ulangi."
)
BAD_LOGIN = "Nama pengguna atau kata sandi salah."
LOCKED_OUT = "Terlalu banyak percobaan masuk yang gagal. Tunggu lima menit, lalu coba lagi."
NO_RESULTS = "Belum ada hasil pemeriksaan. Jalankan «spbe run» terlebih dahulu."
NO_FINISHED_RUN = "Belum ada pemeriksaan yang selesai. Tunggu pemeriksaan malam selesai, lalu muat ulang halaman."
WRITE_FAILED = (
    "Keputusan Anda BELUM disimpan karena terjadi kesalahan saat menulis ke basis data. Coba kirim ulang; "
    "bila berulang, hubungi pengelola sistem."
)
FILE_REFUSED = "Berkas tidak ada di folder eviden atau alamatnya tidak sah."
PREVIEW_BUSY = "Basis data sedang diperbarui oleh pemeriksaan malam. Muat ulang halaman sebentar lagi."
PREVIEW_SLOW = "Pratinjau masih dibuat (halaman ini berat). Muat ulang halaman sebentar lagi."
PREVIEW_ERROR = "Terjadi kesalahan saat membuat pratinjau. Buka berkasnya untuk memeriksa."
MAX_PAGE_NUMBER = 100_000
ANCHOR = re.compile(r"g[0-9a-f]{12}(-i[0-9]{1,5})?")

router = APIRouter()


def _site(request: Request) -> Site:
    return request.app.state.site


async def _read_form(request: Request) -> dict[str, str] | None:
    """The urlencoded form (first value per key); None when too large to be one of our forms."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return None
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}


async def _own_form(request: Request) -> dict[str, str] | HTMLResponse:
    """The form POSTed from our own page in this session, or the 403 page."""
    site, form = _site(request), await _read_form(request)
    origin = request.headers.get("origin")
    cross_site = origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host")
    if cross_site or form is None or not site.sessions.csrf_ok(request.state.sid, form.get(CSRF_FIELD, "")):
        return site.message(request, "Permintaan ditolak", FORBIDDEN, 403)
    return form


@router.get("/masuk", response_class=HTMLResponse)
def login_form(request: Request):
    site = _site(request)
    target = local_target(request.query_params.get("lanjut", "/"))
    if site.credentials is None or request.state.user is not None:
        return RedirectResponse(target, status_code=303)
    return site.page(request, "login.html.j2", lanjut=target, error=None, username="")


@router.post("/masuk")
async def login(request: Request):
    site, form = _site(request), await _own_form(request)
    if isinstance(form, HTMLResponse):
        return form
    target = local_target(form.get("lanjut", "/"))
    credentials = site.credentials
    if credentials is None:
        return RedirectResponse(target, status_code=303)
    username, password = form.get("username", ""), form.get("password", "")
    client = request.client.host if request.client else ""
    if site.sessions.locked_out(client):
        return site.page(request, "login.html.j2", 429, lanjut=target, error=LOCKED_OUT, username=username)
    # Both checks always run: the time taken does not tell whether the username exists.
    right_user = hmac.compare_digest(username.encode(), credentials.username.encode())
    right_password = await run_in_threadpool(verify_password, password, credentials.password_hash)
    if not (right_user and right_password):
        site.sessions.failed(client)
        return site.page(request, "login.html.j2", 401, lanjut=target, error=BAD_LOGIN, username=username)
    request.state.sid = site.sessions.login(credentials.username)
    return RedirectResponse(target, status_code=303)


@router.post("/keluar")
async def logout(request: Request):
    site, form = _site(request), await _own_form(request)
    if isinstance(form, HTMLResponse):
        return form
    site.sessions.logout(request.state.sid)
    request.state.sid = site.sessions.new_id()
    return RedirectResponse("/masuk" if site.credentials is not None else "/", status_code=303)


def _page_of_gaps(con, filters: Filters):
    """The review, this page's cards in their groups, and the previews of their gaps: one short session."""
    review = load_review(con)
    cards = entries(filter_gaps(review.gaps, filters), filters)
    listing = paginate(cards, filters, review)
    previews = load_previews(con, [e.gap for g in listing.groups for e in g.entries]) if listing.shown else {}
    return review, listing, previews


def _preview_url(entry: Entry, preview: Preview, size: str) -> str:
    """The thumbnail (or enlarged) image of a card; `v` names the content, so a browser may keep it."""
    query = {"hlm": str(preview.page), "ukuran": size, "v": entry.gap.sha256[:16]}
    if preview.highlight:
        query["sorot"] = "1"
    return "/pratinjau/" + quote(entry.gap.path) + "?" + urlencode(query)


@router.get("/", response_class=HTMLResponse)
def index(request: Request):
    site = _site(request)
    if not site.db.exists():
        return site.message(request, "Belum ada hasil", NO_RESULTS, 404)
    filters = Filters.parse(request.query_params)
    try:
        review, listing, previews = site.with_db(lambda con: _page_of_gaps(con, filters), read_only=True)
    except DatabaseBusy:
        return site.busy(request)
    if review.run is None:
        return site.message(request, "Belum ada hasil", NO_FINISHED_RUN, 200)
    gaps = review.gaps
    view = filters.view()
    return site.page(
        request,
        "review.html.j2",
        run=review.run,
        listing=listing,
        previews=previews,
        total=len(gaps),
        hidden=hidden_dismissed(gaps, filters),
        opds=sorted({g.opd for g in gaps}),
        flags=sorted({g.code for g in gaps}, key=flag_label),
        indicators=sorted({i for g in gaps for i in g.indicators}),
        names=review.indicator_names,
        filters=filters,
        query={**view, **({"halaman": str(listing.page)} if listing.page > 1 else {})},
        page_url=lambda n: "/?" + urlencode({**view, **({"halaman": str(n)} if n > 1 else {})}),
        grouped_url="/?" + urlencode({k: v for k, v in view.items() if k != "group"} | {"group": "indikator"}),
        flat_url="/?" + urlencode({k: v for k, v in view.items() if k != "group"}),
        saved=request.query_params.get("disimpan") == "1",
        who=unquote(request.cookies.get(WHO_COOKIE, "")),
        file_url=lambda p: "/berkas/" + quote(p),
        preview_url=_preview_url,
        decisions=DECISIONS,
    )


@router.post("/keputusan")
async def decide(request: Request):
    site, form = _site(request), await _own_form(request)
    if isinstance(form, HTMLResponse):
        return form
    filters = Filters.parse(form)
    fields = {k: form.get(k, "") for k in ("path", "code", "sha256", "decision", "note", "who")}
    resubmit = {**fields, **filters.query(), "jangkar": form.get("jangkar", "")}
    back = "/?" + urlencode(filters.query())
    try:
        validate_decision(fields["decision"], fields["note"], fields["who"])
        stored = await run_in_threadpool(
            site.with_db,
            lambda con: record_decision(
                con,
                path=fields["path"],
                code=fields["code"],
                sha256=fields["sha256"],
                decision=fields["decision"],
                note=fields["note"],
                who=fields["who"],
            ),
            read_only=False,
        )
    except DecisionRefused as refused:
        return site.message(request, "Keputusan belum disimpan", str(refused), 400, resubmit=resubmit, back=back)
    except DatabaseBusy:
        return site.busy(request, resubmit)
    except Exception:  # noqa: BLE001 - any write failure must be told to the admin, never swallowed
        return site.message(request, "Keputusan belum disimpan", WRITE_FAILED, 500, resubmit=resubmit, back=back)
    anchor = form.get("jangkar", "")
    anchor = anchor if ANCHOR.fullmatch(anchor) else gap_key(stored.path, stored.code)
    target = "/?" + urlencode({**filters.query(), "disimpan": "1"}) + "#" + anchor
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(WHO_COOKIE, quote(stored.who), max_age=180 * 24 * 3600, httponly=True, samesite="strict")
    return response


@router.get("/berkas/{relative:path}")
def open_file(request: Request, relative: str):
    site = _site(request)
    refused = site.message(request, "Berkas tidak dapat dibuka", FILE_REFUSED, 404)
    if not site.db.exists():
        return refused
    try:
        found = site.with_db(lambda con: file_lookup(con, relative), read_only=True)
    except DatabaseBusy:
        return site.busy(request)
    if found is None:
        return refused
    root, fmt = found
    try:
        return file_response(root, relative, fmt)
    except FileRefused:
        return refused


def _image(data: bytes, media: str, cache: str) -> Response:
    """A preview image: its own strict policy (it is also opened on its own, enlarged), kept by the browser or not."""
    headers = {"Content-Security-Policy": FILE_CSP, "Cache-Control": cache, "Content-Disposition": "inline"}
    return Response(data, media_type=media, headers=headers)


def _placeholder(text: str, size: str) -> Response:
    response = _image(placeholder(text, size), "image/png", "no-store")
    response.headers["X-Pratinjau"] = "tidak-tersedia"
    return response


async def _render(site: Site, job: PreviewJob) -> bytes:
    """The render, off the event loop, awaited at most `preview_timeout_s` (TimeoutError). Shielded: a render
    that takes longer goes on and fills the cache for the next request."""
    running = asyncio.wrap_future(site.previews.submit(job))
    return await asyncio.wait_for(asyncio.shield(running), site.preview_timeout_s)


@router.get("/pratinjau/{relative:path}")
async def preview(request: Request, relative: str):
    """One page of an evidence file as an image: from the cache, or rendered off the event loop within a time limit."""
    site, params = _site(request), request.query_params
    size, page = params.get("ukuran", "kecil"), params.get("hlm", "1")
    if size not in SIZES or not page.isdigit() or not 1 <= int(page) <= MAX_PAGE_NUMBER or not site.db.exists():
        return site.message(request, "Pratinjau tidak dapat dibuat", FILE_REFUSED, 404)
    number = int(page)
    try:
        source = await run_in_threadpool(
            site.with_db, lambda con: preview_source(con, relative, number), read_only=True
        )
    except DatabaseBusy:
        return _placeholder(PREVIEW_BUSY, size)
    try:
        path = safe_file(source.root, relative) if source is not None else None
    except FileRefused:
        path = None
    if source is None or path is None:
        return site.message(request, "Pratinjau tidak dapat dibuat", FILE_REFUSED, 404)
    if source.refusal:  # not an image or PDF, or a file extraction could not read: not opened in the server
        return _placeholder(source.refusal, size)
    boxed = params.get("sorot") == "1" and source.method == "text_layer"
    job = PreviewJob(path, source.fmt, source.sha256, number, size, source.snippet if boxed else None)
    data = site.previews.cached(job)
    if data is None:
        try:
            data = await _render(site, job)
        except TimeoutError:
            return _placeholder(PREVIEW_SLOW, size)
        except PreviewFailed as failed:
            return _placeholder(str(failed), size)
        except Exception:  # noqa: BLE001 - a broken file must give a placeholder, never an error page
            return _placeholder(PREVIEW_ERROR, size)
    fresh = params.get("v") == source.sha256[:16]
    return _image(data, "image/jpeg", "private, max-age=86400" if fresh else "no-store")
