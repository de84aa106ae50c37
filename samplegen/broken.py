"""Files that cannot be read as evidence (each its own failure mode)."""

from __future__ import annotations

import struct
from pathlib import Path

from samplegen.model import Doc
from samplegen.pdfs import write_text_pdf


def truncated_pdf(doc: Doc, path: Path, keep: float = 0.5) -> None:
    """A PDF cut off part-way (an interrupted upload): header and first objects only,
    no cross-reference table, no trailer, no %%EOF."""
    write_text_pdf(doc, path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def encrypted_pdf(doc: Doc, path: Path, password: str) -> None:
    """A PDF that needs a user password to open (RC4-128, reportlab StandardEncryption)."""
    write_text_pdf(doc, path, encrypt_password=password)


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def zero_filled(path: Path, size: int = 12288) -> None:
    """A file whose content is all NUL bytes (a failed sync / disk error): no format at all."""
    path.write_bytes(b"\x00" * size)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def tiny_mp4(path: Path) -> None:
    """A minimal MP4-looking file: ftyp + free + a small mdat (not playable, right magic bytes)."""
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2avc1mp41")
    free = _box(b"free", b"")
    mdat = _box(b"mdat", bytes((i * 37 + 11) % 256 for i in range(2048)))
    path.write_bytes(ftyp + free + mdat)
