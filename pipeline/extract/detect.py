"""Detect a file's real format from its bytes (magic numbers), never from its name.

`detect(path)` reads the first bytes (and, for ZIP and OLE2 containers, the
member / stream names) and returns a `Detection`. `expected_formats(extension)`
says which detected formats an extension promises; `extract` compares the two
to raise the `wrong_extension` flag.

Format names are the values stored in `Document.format`:

* supported: pdf, png, jpeg, tiff, bmp, webp, gif, docx, xlsx, text
* recognised but not supported: pptx, ooxml (other Office Open XML), odf,
  zip, rar, 7z, gzip, doc, xls, ppt, ole2, encrypted_ooxml (a password-protected
  DOCX/XLSX/PPTX, which is an OLE2 file holding an "EncryptedPackage" stream),
  mp4, mov, 3gp, m4a, heic, avif, avi, wav, mkv, webm, mp3, aac, ogg, flac,
  mpeg, flv, wmv, rtf, html, exe
* unknown: nothing recognised
"""

from __future__ import annotations

import mmap
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Detection",
    "SUPPORTED_FORMATS",
    "claimed_format",
    "detect",
    "detect_bytes",
    "expected_formats",
    "label",
    "short_name",
]

HEAD_BYTES = 8192  # enough for every signature below and for the text heuristic
TEXT_SAMPLE_BYTES = 65536

SUPPORTED_FORMATS = frozenset({"pdf", "png", "jpeg", "tiff", "bmp", "webp", "gif", "docx", "xlsx", "text"})


@dataclass(frozen=True)
class Detection:
    """What the bytes of a file are."""

    format: str  # canonical name, stored in Document.format
    label: str  # how an admin would call it, used in messages ("video MP4", "DOCX")
    detail: str = ""  # what was seen, for Problem.detail (e.g. the zip error)
    broken: bool = False  # the container was recognised but cannot be opened (corrupt zip)

    @property
    def supported(self) -> bool:
        return self.format in SUPPORTED_FORMATS and not self.broken


# Human labels (Bahasa Indonesia) per format, used in unsupported/corrupt messages.
LABELS = {
    "pdf": "PDF",
    "png": "gambar PNG",
    "jpeg": "gambar JPEG",
    "tiff": "gambar TIFF",
    "bmp": "gambar BMP",
    "webp": "gambar WebP",
    "gif": "gambar GIF",
    "docx": "DOCX",
    "xlsx": "XLSX",
    "text": "teks biasa",
    "pptx": "presentasi PowerPoint PPTX",
    "ooxml": "dokumen Office Open XML",
    "odf": "dokumen OpenDocument",
    "zip": "arsip ZIP",
    "rar": "arsip RAR",
    "7z": "arsip 7-Zip",
    "gzip": "arsip GZIP",
    "doc": "dokumen Word lama .doc",
    "xls": "lembar kerja Excel lama .xls",
    "ppt": "presentasi PowerPoint lama .ppt",
    "ole2": "dokumen Microsoft Office lama",
    "encrypted_ooxml": "dokumen Office berkata sandi",
    "mp4": "video MP4",
    "mov": "video QuickTime MOV",
    "3gp": "video 3GP",
    "m4a": "audio M4A",
    "heic": "foto HEIC",
    "avif": "gambar AVIF",
    "avi": "video AVI",
    "wav": "audio WAV",
    "mkv": "video MKV",
    "webm": "video WebM",
    "mp3": "audio MP3",
    "aac": "audio AAC",
    "ogg": "audio/video OGG",
    "flac": "audio FLAC",
    "mpeg": "video MPEG",
    "flv": "video FLV",
    "wmv": "video/audio WMV/WMA",
    "rtf": "dokumen RTF",
    "html": "halaman web HTML",
    "exe": "program (berkas EXE)",
    "unknown": "format tidak dikenal",
}

# Extension (lower case, no dot) -> formats the name promises.
_EXTENSIONS: dict[str, frozenset[str]] = {}


def _ext(formats: str, *extensions: str) -> None:
    for e in extensions:
        _EXTENSIONS[e] = frozenset(formats.split())


_ext("pdf", "pdf")
_ext("png", "png")
_ext("jpeg", "jpg", "jpeg", "jpe", "jfif")
_ext("tiff", "tif", "tiff")
_ext("bmp", "bmp", "dib")
_ext("webp", "webp")
_ext("gif", "gif")
# An OOXML file is a ZIP: a ZIP (or a package without the main part) under an
# OOXML name is a damaged document of that kind, not a wrongly named archive.
_ext("docx encrypted_ooxml zip ooxml", "docx", "docm", "dotx")
_ext("xlsx encrypted_ooxml zip ooxml", "xlsx", "xlsm", "xltx")
_ext("pptx encrypted_ooxml zip ooxml", "pptx", "pptm", "ppsx")
_ext("odf", "odt", "ods", "odp")
_ext("text", "txt", "text", "csv", "tsv", "md", "log", "json", "xml", "yaml", "yml", "ini")
_ext("html", "html", "htm", "xhtml", "mht")
_ext("doc rtf", "doc")
_ext("xls", "xls")
_ext("ppt", "ppt", "pps")
_ext("rtf", "rtf")
_ext("zip", "zip")
_ext("rar", "rar")
_ext("7z", "7z")
_ext("gzip", "gz", "tgz")
_ext("mp4 mov 3gp", "mp4", "m4v")
_ext("mov mp4", "mov", "qt")
_ext("3gp mp4", "3gp", "3g2")
_ext("m4a mp4", "m4a")
_ext("heic", "heic", "heif")
_ext("avif", "avif")
_ext("avi", "avi")
_ext("wav", "wav")
_ext("mkv", "mkv")
_ext("webm", "webm")
_ext("mp3", "mp3")
_ext("aac", "aac")
_ext("ogg", "ogg", "oga", "ogv", "opus")
_ext("flac", "flac")
_ext("mpeg", "mpg", "mpeg")
_ext("flv", "flv")
_ext("wmv", "wmv", "wma", "asf")
_ext("exe", "exe", "dll", "msi")

# Extensions of the supported formats, for "the name claims a supported format".
_CLAIMS = {
    "pdf": "pdf",
    "docx": "docx",
    "docm": "docx",
    "dotx": "docx",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "xltx": "xlsx",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "tif": "tiff",
    "tiff": "tiff",
    "bmp": "bmp",
    "dib": "bmp",
    "webp": "webp",
    "gif": "gif",
}


def expected_formats(extension: str) -> frozenset[str]:
    """Formats a file name with this extension (lower case, no dot) may hold; empty when unknown."""
    return _EXTENSIONS.get(extension.lower().lstrip("."), frozenset())


def claimed_format(extension: str) -> str | None:
    """The supported format an extension claims (``"docx"`` for ``.docx``), else None."""
    return _CLAIMS.get(extension.lower().lstrip("."))


def label(fmt: str) -> str:
    """Admin-facing name of a format (Bahasa Indonesia)."""
    return LABELS.get(fmt, fmt.upper())


_SHORT_NAMES = {
    "text": "txt",
    "encrypted_ooxml": "Office terenkripsi",
    "ooxml": "Office Open XML",
    "ole2": "Office lama",
}


def short_name(fmt: str) -> str:
    """How a format is named in the wrong_extension message ("JPEG", "TXT"), which upper-cases it."""
    return _SHORT_NAMES.get(fmt, fmt)


def detect(path: Path) -> Detection:
    """Detect the format of the file at ``path`` from its content."""
    with open(path, "rb") as fh:
        head = fh.read(TEXT_SAMPLE_BYTES)
    found = detect_bytes(head)
    if found.format == "zip":
        return _inspect_zip(path)
    if found.format == "ole2":
        return _inspect_ole2(path)
    return found


def detect_bytes(head: bytes) -> Detection:
    """Detect a format from the first bytes of a file (containers are not opened here).

    ZIP and OLE2 are reported as "zip" / "ole2"; `detect` looks inside them.
    """
    fmt = _sniff(head)
    return Detection(fmt, label(fmt))


def _sniff(head: bytes) -> str:
    if not head:
        return "unknown"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": "webp", b"AVI ": "avi", b"WAVE": "wav"}.get(head[8:12], "unknown")
    if _is_bmp(head):
        return "bmp"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return _iso_media(head)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm" if b"webm" in head[:64] else "mkv"
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return "aac"  # ADTS frame sync (layer bits 00)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"  # MPEG audio frame sync with a layer set
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith((b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return "mpeg"
    if head.startswith(b"FLV\x01"):
        return "flv"
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):
        return "wmv"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"MZ"):
        return "exe"
    if b"%PDF" in head[:1024]:
        # After the binary signatures: a ZIP or OLE2 file may store a PDF near its start.
        return "pdf"
    return _sniff_text(head)


def _is_bmp(head: bytes) -> bool:
    # "BM" alone is too weak (a text file may start with it): also check the DIB header size.
    dib_header_sizes = (12, 16, 40, 52, 56, 64, 108, 124)
    return len(head) >= 18 and head.startswith(b"BM") and int.from_bytes(head[14:18], "little") in dib_header_sizes


def _iso_media(head: bytes) -> str:
    """ISO base media ("ftyp" box): MP4/MOV/3GP video, M4A audio, HEIC/AVIF photos."""
    brand = head[8:12]
    box_len = int.from_bytes(head[0:4], "big")
    compatible = head[16 : max(16, min(box_len, 64))]
    brands = {brand} | {compatible[i : i + 4] for i in range(0, len(compatible) - 3, 4)}
    if brands & {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"} and brand != b"avif":
        return "heic"
    if brand in (b"avif", b"avis"):
        return "avif"
    if brand == b"qt  ":
        return "mov"
    if brand.startswith(b"3g"):
        return "3gp"
    if brand in (b"M4A ", b"M4B "):
        return "m4a"
    return "mp4"


_HTML = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)


def _sniff_text(head: bytes) -> str:
    sample = head[:TEXT_SAMPLE_BYTES]
    if sample.startswith(b"{\\rtf"):
        return "rtf"
    text = _decode_sample(sample)
    if text is None:
        return "unknown"
    body = text.lstrip("\ufeff").encode("utf-8", "replace")
    if _HTML.match(body) or re.search(rb"<html[\s>]", body[:1024], re.IGNORECASE):
        return "html"
    return "text"


def _decode_sample(sample: bytes) -> str | None:
    """The sample as text when it looks like text (no NUL bytes, >= 95 % printable), else None."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = sample[: len(sample) // 2 * 2].decode("utf-16")
        except UnicodeDecodeError:
            return None
    else:
        if b"\x00" in sample:
            return None
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError as e:
            # A multi-byte character cut at the end of the sample is still UTF-8.
            if e.start >= len(sample) - 3 and e.reason == "unexpected end of data":
                text = sample[: e.start].decode("utf-8")
            else:
                text = sample.decode("latin-1")
    if not text:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    return text if printable / len(text) >= 0.95 else None


_OOXML_PARTS = (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx"))


def _inspect_zip(path: Path) -> Detection:
    """Tell DOCX / XLSX / PPTX / OpenDocument / plain ZIP apart by member names."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError) as e:
        return Detection("zip", label("zip"), f"zip cannot be opened: {e}", broken=True)
    if "[Content_Types].xml" in names:
        for prefix, fmt in _OOXML_PARTS:
            if any(n.startswith(prefix) for n in names):
                return Detection(fmt, label(fmt), f"{len(names)} zip members")
        return Detection("ooxml", label("ooxml"), "Office Open XML package without word/, xl/ or ppt/ part")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return Detection("odf", label("odf"), mimetype.decode("ascii", "replace"))
    return Detection("zip", label("zip"), f"{len(names)} zip members")


# OLE2 directory entries store stream names in UTF-16LE; look for the names that matter.
_OLE2_STREAMS = (
    ("EncryptedPackage", "encrypted_ooxml"),
    ("WordDocument", "doc"),
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("PowerPoint Document", "ppt"),
)


def _inspect_ole2(path: Path) -> Detection:
    """Legacy Office (.doc/.xls/.ppt) or an encrypted OOXML file.

    A full OLE2 directory parser is not needed: directory entries hold the stream
    names as UTF-16LE, so a search for the few names that matter is enough (a
    document whose *content* contains "EncryptedPackage" in UTF-16 would fool it,
    which is vanishingly rare).
    """
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        for stream, fmt in _OLE2_STREAMS:
            if mm.find(stream.encode("utf-16-le") + b"\x00\x00") != -1:
                return Detection(fmt, label(fmt), f"OLE2 stream {stream!r}")
    return Detection("ole2", label("ole2"), "OLE2 compound file")
