"""Typed extraction failures with messages that tell the admin what to do.

Format modules raise these; `pipeline.extract.extractor.extract` turns them into a
`Document` with a `Problem`, so a bad file never stops a run. Messages are in
Bahasa Indonesia because admins read them; `detail` keeps the technical cause.

A failure of the machine (OCR engine or its language data missing, a full or
read-only disk) is told apart from a failure of the document here too: see
"faults of the machine" at the end (`MACHINE_CODES`, `engine_fault`,
`scratch_fault`, `run_fault`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from dataclasses import replace

from pipeline.model import Document, Problem, Status


class ExtractionFailure(Exception):
    """Base: the file cannot be read as evidence."""

    code = "corrupt"
    status = Status.FAILED

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail

    def problem(self) -> Problem:
        return Problem(code=self.code, message=self.message, detail=self.detail)


class CorruptFile(ExtractionFailure):
    code = "corrupt"


class EncryptedFile(ExtractionFailure):
    code = "encrypted"


class EmptyFile(ExtractionFailure):
    code = "empty"


class TooLarge(ExtractionFailure):
    code = "too_large"


class ExtractionTimeout(ExtractionFailure):
    code = "timeout"


class UnsupportedFormat(ExtractionFailure):
    code = "unsupported"
    status = Status.UNSUPPORTED


def corrupt(kind: str, detail: str = "") -> CorruptFile:
    return CorruptFile(
        f"Berkas {kind} rusak atau tidak lengkap sehingga tidak dapat dibaca. "
        "Buka berkas aslinya, simpan ulang atau pindai ulang, lalu unggah kembali.",
        detail,
    )


def encrypted(kind: str, detail: str = "") -> EncryptedFile:
    return EncryptedFile(
        f"Berkas {kind} dilindungi kata sandi sehingga isinya tidak dapat diperiksa oleh asesor. "
        "Unggah versi tanpa kata sandi.",
        detail,
    )


def empty() -> EmptyFile:
    return EmptyFile("Berkas kosong (0 bita). Unggah ulang berkas yang benar.")


def too_large(size: int, limit: int) -> TooLarge:
    return TooLarge(
        f"Berkas terlalu besar ({size / 1e6:.0f} MB; batas {limit / 1e6:.0f} MB). "
        "Perkecil ukuran berkas (mis. pindai ulang pada 200-300 dpi) atau pecah per dokumen.",
        f"size={size} limit={limit}",
    )


def unsupported(description: str, detail: str = "") -> UnsupportedFormat:
    return UnsupportedFormat(
        f"Jenis berkas tidak didukung sebagai eviden ({description}). "
        "Unggah sebagai PDF, DOCX, XLSX atau gambar (PNG/JPEG).",
        detail,
    )


def wrong_extension(extension: str, actual: str) -> Problem:
    shown = f".{extension}" if extension else "(tanpa ekstensi)"
    return Problem(
        code="wrong_extension",
        message=(
            f"Ekstensi berkas {shown} tidak sesuai dengan isinya ({actual.upper()}). "
            f"Ganti nama berkas dengan ekstensi yang benar atau simpan ulang dalam format {shown}."
        ),
        detail=f"extension={extension!r} detected={actual!r}",
    )


# --- helpers added by the extraction layer ------------------------------------------


def _pages(numbers: list[int] | tuple[int, ...]) -> str:
    shown = ", ".join(str(n) for n in numbers[:20])
    return shown + (f" dan {len(numbers) - 20} lainnya" if len(numbers) > 20 else "")


def vanished(detail: str = "") -> Problem:
    return Problem(
        code="vanished",
        message=(
            "Berkas tidak ditemukan saat akan dibaca (dipindahkan, diganti nama atau dihapus selama pemeriksaan). "
            "Periksa folder eviden, lalu jalankan pemeriksaan ulang."
        ),
        detail=detail,
    )


def permission_denied(detail: str = "") -> Problem:
    return Problem(
        code="permission_denied",
        message=(
            "Berkas tidak dapat dibuka karena hak akses ditolak. "
            "Minta pengelola server memperbaiki izin berkas, lalu jalankan pemeriksaan ulang."
        ),
        detail=detail,
    )


def image_too_large(width: int, height: int, limit: int, detail: str = "") -> TooLarge:
    """`width`/`height` 0 when unknown (Pillow refused the image before telling its size).

    Pillow's refusal names the pixel count ("Image size (N pixels) ..."); it is shown then.
    """
    declared = re.search(r"\((\d+) pixels\)", detail)
    if width and height:
        size = f"{width} x {height} piksel; "
    elif declared:
        size = f"{int(declared.group(1)) / 1e6:,.0f} juta piksel; ".replace(",", ".")
    else:
        size = ""
    return TooLarge(
        f"Gambar terlalu besar ({size}batas {limit / 1e6:.0f} juta piksel). "
        "Perkecil resolusi gambar (mis. pindai ulang pada 200-300 dpi), lalu unggah kembali.",
        detail or f"pixels={width * height} limit={limit}",
    )


def too_many_pages(count: int, limit: int) -> Problem:
    return Problem(
        code="too_large",
        message=(
            f"Dokumen terlalu panjang ({count} halaman; batas {limit} halaman), hanya {limit} halaman pertama yang dibaca. "
            "Pecah berkas per dokumen, lalu unggah kembali."
        ),
        detail=f"pages={count} limit={limit}",
    )


def damaged_pages(kind: str, pages: list[int], detail: str = "") -> Problem:
    return Problem(
        code="corrupt",
        message=(
            f"Sebagian isi berkas {kind} rusak: halaman {_pages(pages)} tidak dapat dibaca. "
            "Buka berkas aslinya, simpan ulang atau pindai ulang, lalu unggah kembali."
        ),
        detail=detail,
    )


def ocr_timeout(pages: list[int], limit_s: float) -> Problem:
    return Problem(
        code="timeout",
        message=(
            f"Pembacaan teks (OCR) halaman {_pages(pages)} melebihi batas waktu {limit_s:.0f} detik, "
            "sehingga halaman tersebut tidak terbaca. Pindai ulang dengan resolusi 200-300 dpi atau unggah versi PDF berteks."
        ),
        detail=f"ocr_page_timeout_s={limit_s}",
    )


def ocr_failed(pages: list[int], detail: str = "") -> Problem:
    """Pages OCR could not read: the page's fault, or (`ocr_engine_failed`) the machine's when the
    failure's detail is tagged so (`machine_detail`; `ocr_problems` lists the first pages' errors)."""
    reason = machine_reason(detail)
    if reason:
        return ocr_engine_failed(pages, reason, detail)
    return Problem(
        code="ocr_failed",
        message=(
            f"Pembacaan teks (OCR) halaman {_pages(pages)} gagal, sehingga halaman tersebut tidak terbaca. "
            "Pindai ulang halaman tersebut dengan jelas, lalu unggah kembali."
        ),
        detail=detail,
    )


# --- hostile files (issue 6) ------------------------------------------------------------


def io_error(detail: str = "") -> Problem:
    """The operating system failed to read the file (I/O error, symlink loop, not a regular file)."""
    return Problem(
        code="io_error",
        message=(
            "Berkas tidak dapat dibaca dari folder (galat baca disk, tautan berulang, atau bukan berkas biasa). "
            "Salin ulang berkas aslinya ke folder eviden, lalu jalankan pemeriksaan ulang."
        ),
        detail=detail,
    )


def zip_bomb(kind: str, detail: str) -> TooLarge:
    """A DOCX/XLSX whose parts would unpack to far more than a document needs (a "zip bomb")."""
    return TooLarge(
        f"Berkas {kind} tidak dibaca karena isinya jika dibuka jauh lebih besar dari wajar "
        "(kemungkinan berkas rusak atau sengaja dibuat berbahaya). "
        "Buka berkas aslinya, simpan ulang (Save As) sebagai berkas baru, lalu unggah kembali.",
        detail,
    )


def pages_too_large(pages: list[int], detail: str = "") -> Problem:
    """PDF pages whose size (MediaBox) is too big to render for OCR even at low resolution."""
    return Problem(
        code="too_large",
        message=(
            f"Halaman {_pages(pages)} berukuran terlalu besar untuk dibaca dengan OCR, sehingga tidak terbaca. "
            "Simpan ulang halaman tersebut dengan ukuran kertas biasa (mis. A4 atau A3), lalu unggah kembali."
        ),
        detail=detail,
    )


def file_timeout(read: int, total: int, limit_s: float) -> Problem:
    """The file used up its whole time budget; the pages read until then are kept."""
    return Problem(
        code="timeout",
        message=(
            f"Pembacaan berkas melebihi batas waktu {limit_s:g} detik per berkas, sehingga hanya {read} dari {total} "
            "halaman yang terbaca. Pecah berkas per dokumen atau pindai ulang pada 200-300 dpi, lalu unggah kembali."
        ),
        detail=f"file_timeout_s={limit_s} pages_read={read} pages={total}",
    )


def reader_crashed(detail: str = "") -> Problem:
    """The process reading the file died (a library crash on a malformed file, or out of memory);
    the run went on without it."""
    return Problem(
        code="crashed",
        message=(
            "Pembaca berkas berhenti mendadak saat membaca berkas ini (kemungkinan berkas rusak atau terlalu berat), "
            "sehingga isinya tidak terbaca. Buka berkas aslinya, simpan ulang atau pindai ulang, lalu unggah kembali."
        ),
        detail=detail,
    )


# --- faults of the machine, not of the document (issue 13) ------------------------------------
#
# A page that Tesseract could not read because the server is broken (engine removed, language data
# missing, scratch disk full or read-only, out of processes) says nothing about the document. Such a
# page gets `ocr_engine_failed`, never `ocr_failed`: the admin is not told to ask the OPD for a re-scan,
# the content is never stored as read (pipeline/store/contents.py refuses it), and the next run reads
# it again. Where the OCR layer (ocr.py) catches the failure it knows the context, so it classifies
# the exception (`engine_fault`, `scratch_fault`) and tags the page's error text with the reason
# (`machine_detail`); the tag travels through `ocr_problems` to `ocr_failed` below, which turns the
# problem into `ocr_engine_failed`. `run_fault` classifies what stops a whole run (a full disk under
# the database).

#: Problem codes that blame the machine. Mirrored in pipeline/store/contents.py (the store may not
#: import extraction); tests/test_environment_faults.py checks that the two agree.
MACHINE_CODES = frozenset({"ocr_engine_failed"})

#: Why the machine failed -> how the admin reads it.
MACHINE_REASONS = {
    "engine_missing": "program Tesseract tidak ditemukan atau tidak dapat dijalankan",
    "language_missing": "data bahasa Tesseract (ind, eng, osd) tidak lengkap",
    "disk_full": "ruang disk server penuh",
    "scratch_unwritable": "folder kerja sementara tidak dapat ditulis",
    "out_of_resources": "memori atau batas proses server habis",
}

_MARK = re.compile(r"\[machine:([a-z_]+)\]")
_LANGUAGE = re.compile(
    r"Failed loading language|couldn't load any languages|Error opening data file|Could not initialize tesseract",
    re.IGNORECASE,
)
_NO_SPACE = re.compile(r"No space left on device|Disk quota exceeded|Errno 28\b|Errno 122\b", re.IGNORECASE)
_READ_ONLY = re.compile(r"Read-only file system|Errno 30\b", re.IGNORECASE)
# What OCR failures of older versions said when the machine, not the page, was at fault (stored
# `ocr_failed` problems: the next run reads those contents again).
_LEGACY = re.compile(
    r"tesseract cannot be run|tesseract is not installed|cannot write the page image|tesseract: \(12[67], |"
    + "|".join(p.pattern for p in (_LANGUAGE, _NO_SPACE, _READ_ONLY)),
    re.IGNORECASE,
)
_DISK_ERRNOS = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EROFS: "scratch_unwritable"}
_RESOURCE_ERRNOS = {errno.ENOMEM, errno.EAGAIN, errno.EMFILE, errno.ENFILE}
#: Below this much free space in the temporary folder, a Tesseract failure is taken as the disk's:
#: its output for a page is a few KB.
OUTPUT_MIN_FREE = 1 * 2**20


def machine_detail(reason: str, text: str) -> str:
    """A failure's technical text tagged with the machine fault behind it (see `machine_reason`)."""
    return f"[machine:{reason}] {text}"


def machine_reason(detail: str) -> str:
    """The machine fault a failure's text names ("" when none: the document's own failure)."""
    found = _MARK.search(detail)
    if found:
        return found.group(1)
    if _LEGACY.search(detail):
        return _legacy_reason(detail)
    return ""


def _legacy_reason(detail: str) -> str:
    if _LANGUAGE.search(detail):
        return "language_missing"
    if _NO_SPACE.search(detail):
        return "disk_full"
    if _READ_ONLY.search(detail):
        return "scratch_unwritable"
    return "engine_missing"


def engine_fault(exc: BaseException) -> str:
    """Why a Tesseract call failed when the machine is at fault; "" when the page is (a Tesseract
    error on this image, a timeout)."""
    import pytesseract  # the OCR layer's own library; imported here only when a call failed

    if isinstance(exc, pytesseract.TesseractNotFoundError):  # an OSError without errno: check it first
        return "engine_missing"
    if isinstance(exc, pytesseract.TesseractError):
        message = str(exc.message)
        if exc.status in (126, 127):  # the shell's "cannot execute" / "not found"
            return "engine_missing"
        if _LANGUAGE.search(message):
            return "language_missing"
        if _NO_SPACE.search(message):
            return "disk_full"
        return _output_folder_fault()  # "Error during processing." is all it says when it cannot write
    if isinstance(exc, OSError):
        return _os_fault(exc, default="engine_missing")
    return ""


def _output_folder_fault() -> str:
    """Whether the folder Tesseract writes its output to (pytesseract: the temporary folder) is full or
    read-only now: Tesseract then fails with a bare "Error during processing."."""
    folder = tempfile.gettempdir()
    try:
        if shutil.disk_usage(folder).free < OUTPUT_MIN_FREE:
            return "disk_full"
    except OSError:
        return "scratch_unwritable"
    return "" if os.access(folder, os.W_OK) else "scratch_unwritable"


def scratch_fault(exc: BaseException) -> str:
    """Why writing a page image to the scratch folder failed: always the machine's fault for an OS error."""
    if isinstance(exc, OSError):
        return _os_fault(exc, default="scratch_unwritable")
    return ""


def _os_fault(exc: OSError, default: str) -> str:
    if exc.errno in _DISK_ERRNOS:
        return _DISK_ERRNOS[exc.errno]
    if exc.errno in _RESOURCE_ERRNOS:
        return "out_of_resources"
    return default


def run_fault(exc: BaseException) -> str:
    """The machine fault that stopped a whole run ("" when it was something else): a full or read-only
    disk under the database or the scratch folder, seen in the exception or anything it was raised
    from (DuckDB reports a full disk as text: 'Could not write file ...: No space left on device')."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_ERRNOS:
            return _DISK_ERRNOS[current.errno]
        if _NO_SPACE.search(str(current)):
            return "disk_full"
        if _READ_ONLY.search(str(current)):
            return "scratch_unwritable"
        current = current.__cause__ or current.__context__
    return ""


def ocr_engine_failed(pages: list[int] | tuple[int, ...], reason: str, detail: str = "") -> Problem:
    """Pages not read because the machine failed: nothing for the OPD to do, read again next run."""
    why = MACHINE_REASONS.get(reason, "gangguan pada server")
    return Problem(
        code="ocr_engine_failed",
        message=(
            f"Halaman {_pages(pages)} belum terbaca karena gangguan pada server pemeriksa ({why}), bukan karena "
            "berkasnya. OPD tidak perlu mengunggah ulang: pengelola server memperbaikinya, lalu berkas ini dibaca "
            "ulang otomatis pada pemeriksaan berikutnya."
        ),
        detail=detail,
    )


def is_machine_problem(problem: Problem) -> bool:
    """The problem blames the machine: `ocr_engine_failed`, or an `ocr_failed` stored by an older
    version whose detail shows the engine, its language data or the disk failed."""
    return problem.code in MACHINE_CODES or (problem.code == "ocr_failed" and bool(machine_reason(problem.detail)))


def machine_first(document: Document) -> Document:
    """The document with its machine problems first, so the error shown is why it was not read."""
    machine = tuple(p for p in document.problems if p.code in MACHINE_CODES)
    if not machine or document.problems[: len(machine)] == machine:
        return document
    rest = tuple(p for p in document.problems if p.code not in MACHINE_CODES)
    return replace(document, problems=(*machine, *rest))
