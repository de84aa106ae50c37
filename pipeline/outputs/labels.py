"""The one table of what people read for a code: flag and problem labels, the admin's next step,
and the labels of document and claim statuses. The report and the review page both read it."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_ACTION = "Tinjau berkas dan tentukan perbaikan yang perlu dilakukan OPD."


@dataclass(frozen=True)
class FlagText:
    """A flag or problem code as an admin sees it: a short label and what to ask the OPD to do."""

    label: str
    action: str = DEFAULT_ACTION


FLAGS: dict[str, FlagText] = {
    # judgement (pipeline.judge.flags, pipeline.privacy)
    "draft": FlagText(
        "Masih rancangan", "Minta OPD mengunggah versi yang telah ditetapkan: bernomor, bertanggal dan ditandatangani."
    ),
    "other_region": FlagText(
        "Milik daerah lain",
        "Minta OPD mengganti dengan dokumen milik daerah sendiri, atau memperbaiki nama daerah lalu menetapkan ulang.",
    ),
    "stale": FlagText("Kedaluwarsa", "Minta OPD mengunggah bukti kegiatan dua tahun terakhir."),
    "superseded": FlagText(
        "Sudah dicabut/diganti",
        "Minta OPD memakai dokumen pengganti sebagai eviden dan menarik dokumen lama dari folder.",
    ),
    "unreadable": FlagText(
        "Tidak terbaca", "Minta OPD memindai ulang pada 300 dpi atau mengunggah PDF asli yang memiliki lapisan teks."
    ),
    "duplicate": FlagText(
        "Berkas ganda",
        "Salinan yang sama untuk indikator lain boleh tetap ada. Untuk pindaian ulang, versi lama atau unggahan "
        "ganda di folder yang sama, minta OPD menyisakan satu versi terbaru yang paling jelas.",
    ),
    "irrelevant": FlagText(
        "Tidak relevan",
        "Periksa apakah berkas salah unggah; jika memang eviden, minta OPD "
        "melengkapi judul dan isi yang menyebut pokok indikatornya.",
    ),
    "personal_data": FlagText(
        "Memuat data pribadi", "Minta OPD menyamarkan data pribadi (NIK, alamat, nomor telepon) lalu mengunggah ulang."
    ),
    "official_result": FlagText(
        "Hasil evaluasi resmi, bukan eviden",
        "Pindahkan laporan hasil evaluasi KemenPANRB ke luar folder eviden; muat dengan 'spbe lhe' untuk "
        "membandingkan tingkat resmi dengan tingkat yang didukung eviden.",
    ),
    # indicators (claims)
    "cited_file_missing": FlagText(
        "Berkas yang dikutip tidak ada", "Unggah berkas yang dikutip, atau perbaiki namanya di penilaian mandiri."
    ),
    # extraction (pipeline.extract.errors, pipeline.ingest)
    "corrupt": FlagText("Berkas rusak", "Minta OPD mengunggah ulang berkas dari sumber aslinya."),
    "encrypted": FlagText("Terkunci kata sandi", "Minta OPD mengunggah berkas tanpa kata sandi."),
    "empty": FlagText("Berkas kosong", "Minta OPD mengunggah ulang berkas yang berisi."),
    "wrong_extension": FlagText(
        "Ekstensi tidak sesuai isi", "Minta OPD menyimpan ulang berkas dengan ekstensi yang sesuai isinya."
    ),
    "unsupported": FlagText("Format tidak didukung", "Minta OPD mengonversi berkas ke PDF, gambar, DOCX atau XLSX."),
    "too_large": FlagText(
        "Berkas terlalu besar", "Minta OPD memperkecil berkas (pisahkan atau kompres) lalu unggah ulang."
    ),
    "timeout": FlagText(
        "Waktu baca habis", "Minta OPD mengunggah versi yang lebih ringan (PDF dengan lapisan teks, resolusi 300 dpi)."
    ),
    "ocr_failed": FlagText("OCR gagal", "Minta OPD memindai ulang halaman yang gagal dibaca."),
    "ocr_engine_failed": FlagText(
        "Belum terbaca karena gangguan server",
        "Bukan kesalahan OPD: minta pengelola server memperbaiki Tesseract (paket tesseract-ocr, tesseract-ocr-ind, "
        "tesseract-ocr-eng, tesseract-ocr-osd) atau ruang disknya; berkas dibaca ulang otomatis pada pemeriksaan "
        "berikutnya.",
    ),
    "vanished": FlagText(
        "Berkas hilang saat dibaca", "Periksa folder eviden; jalankan ulang pemeriksaan setelah berkas stabil."
    ),
    "permission_denied": FlagText("Akses ditolak", "Minta pengelola server memberi izin baca pada berkas ini."),
    "io_error": FlagText(
        "Gangguan baca berkas", "Periksa media penyimpanan folder eviden, lalu jalankan ulang pemeriksaan."
    ),
    "crashed": FlagText(
        "Pembaca berkas terhenti",
        "Minta OPD menyimpan ulang atau memindai ulang berkas dari sumber aslinya, lalu unggah ulang.",
    ),
}
FLAG_LABELS: dict[str, str] = {code: text.label for code, text in FLAGS.items()}


def flag_label(code: str) -> str:
    """The label of a code; an unknown code (a newer database) is shown as it is rather than hidden."""
    text = FLAGS.get(code)
    return text.label if text else code


def flag_action(code: str) -> str:
    text = FLAGS.get(code)
    return text.action if text else DEFAULT_ACTION


DOC_STATUS_LABELS = {"ok": "Terbaca", "failed": "Gagal dibaca", "unsupported": "Format tidak didukung"}

CLAIM_STATUS_LABELS = {
    "sesuai": "Sesuai",
    "overclaim": "Klaim melebihi eviden",
    "underclaim": "Klaim di bawah eviden",
    "tanpa_eviden": "Tanpa eviden",
    None: "Tanpa klaim",
}
CLAIM_STATUS_MARKS = {"sesuai": "✓", "overclaim": "▲", "underclaim": "▼", "tanpa_eviden": "✕", None: "–"}
