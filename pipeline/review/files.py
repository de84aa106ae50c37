"""Serving evidence files (/berkas/...): only regular files under the evidence root, never through a symlink.

Which files exist is the store's answer (`data.file_lookup`); this module only checks the path on
disk and builds the response, so no file the inventory knows can lead outside the root.
"""

from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from fastapi.responses import Response

# Detected formats a browser may show inline; anything else is a download.
INLINE_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "text": "text/plain; charset=utf-8",
}
# Whatever a file holds, it never runs script in this origin (a PDF keeps the page policy: its viewer needs it).
FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


class FileRefused(Exception):
    """A file request that is not served."""


def safe_file(root: Path, relative: str) -> Path:
    """The file `relative` under the evidence root; refuses escapes, symlinks and non-files."""
    rel = PurePosixPath(relative)
    if (
        not relative
        or rel.is_absolute()
        or "\\" in relative
        or "\0" in relative
        or any(part in ("..", ".", "") for part in relative.split("/"))
    ):
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


def file_response(root: Path, relative: str, fmt: str) -> Response:
    """The file's bytes with a type and disposition a browser cannot turn against this site; FileRefused if unsafe."""
    try:
        target = safe_file(root, relative)
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise FileRefused(relative) from exc
    with os.fdopen(fd, "rb") as handle:
        data = handle.read()
    name = PurePosixPath(relative).name
    disposition = "inline" if fmt in INLINE_TYPES else "attachment"
    media = INLINE_TYPES.get(fmt) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if disposition == "attachment" and media.startswith(("text/", "image/svg")):
        media = "application/octet-stream"
    headers = {"Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(name)}"}
    if fmt != "pdf":
        headers["Content-Security-Policy"] = FILE_CSP
    return Response(data, media_type=media, headers=headers)
