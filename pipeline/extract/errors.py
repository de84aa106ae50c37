"""Typed extraction failures with messages that tell the admin what to do.

Format modules raise these; `pipeline.extract.extractor.extract` turns them into a
`Document` with a `Problem`, so a bad file never stops a run. Messages are in
Bahasa Indonesia because admins read them; `detail` keeps the technical cause.
"""

from __future__ import annotations

import re

from pipeline.model import Problem, Status


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
