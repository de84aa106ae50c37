"""Screenshots of the applications the kabupaten uses, drawn with samplegen.screens.

Wording sources: application names, hosts and menus as real evidence shows them
(../shared/reference/applications.md: SRIKANDI, SIPD RI, SIMPEG, e-Kinerja BKN, SP4N-LAPOR!, JDIH, Satu
Data), and the features the Pedoman MenPANRB 3/2024 reads per service level (pp. 143-183: pencarian,
unggah/unduh; alur kerja, validasi, persetujuan, notifikasi). Each screenshot carries browser chrome on
top: the address bar, and tabs that are not the issuer (a mail tab, another government's portal); two name
the kabupaten "Pemkab Banjarnegara", as its own staff write it.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from bench.second_sample.common import DOMAIN
from samplegen.render import font
from samplegen.screens import BLUE, GREEN, GREY, ORANGE, RED, Screen, draw_screen

Tab = str


def with_tabs(img: Image.Image, tabs: list[Tab]) -> Image.Image:
    """Draw more browser tabs right of the first one (chrome lines above the application)."""
    d = ImageDraw.Draw(img)
    x = 308
    for title in tabs:
        d.rounded_rectangle((x, 10, x + 250, 38), radius=8, fill=(232, 234, 238))
        d.text((x + 12, 24), title[:30], font=font(13, family="Sans"), fill=(60, 60, 60), anchor="lm")
        d.text((x + 236, 24), "×", font=font(14, family="Sans"), fill=(90, 90, 90), anchor="mm")
        x += 258
    return img


def shot(screen: Screen, tabs: list[Tab]) -> Image.Image:
    return with_tabs(draw_screen(screen), tabs)


def srikandi() -> Image.Image:
    s = Screen(
        url="https://srikandi.arsip.go.id/naskah-masuk",
        app="SRIKANDI",
        unit="Sistem Informasi Kearsipan Dinamis Terintegrasi - Pemerintah Kabupaten Banjarnegara",
        menu=["Beranda", "Registrasi Naskah", "Naskah Masuk", "Naskah Keluar", "Disposisi", "Tanda Tangan", "Arsip"],
        active=2,
        heading="Naskah Masuk",
        user="setda.umum",
        color=(0, 92, 151),
        tab_title="SRIKANDI - Naskah Masuk",
        content=[
            ("search", "Cari perihal, nomor naskah, atau pengirim...", ["Cari", "Unduh Daftar"]),
            (
                "table",
                ["Nomor Naskah", "Tanggal", "Perihal", "Pengirim", "Status", "Aksi"],
                [
                    [
                        "000.1.5/214/Org/2025",
                        "14-04-2025",
                        "Undangan rapat",
                        "Bagian Organisasi",
                        ("badge", "Didisposisi", BLUE),
                        ("btns", ["Lihat"]),
                    ],
                    [
                        "800.1.4/015/2025",
                        "06-01-2025",
                        "Hari libur nasional",
                        "Bagian Umum",
                        ("badge", "Selesai", GREEN),
                        ("btns", ["Lihat"]),
                    ],
                    [
                        "500.11/088/2025",
                        "21-04-2025",
                        "Laporan kegiatan",
                        "Dinas Pertanian",
                        ("badge", "Menunggu TTE", ORANGE),
                        ("btns", ["Setujui", "Tolak"]),
                    ],
                ],
                [18, 12, 22, 18, 14, 16],
            ),
            (
                "alert",
                "Naskah ditandatangani dengan tanda tangan elektronik (BSrE); notifikasi dikirim ke penerima.",
                "info",
            ),
        ],
    )
    return shot(s, ["Kotak Masuk (3) - Gmail", "Portal Kabupaten Purbalingga"])


def sipd_perencanaan() -> Image.Image:
    s = Screen(
        url="https://sipd.kemendagri.go.id/perencanaan/renja",
        app="SIPD RI - Perencanaan",
        unit="Provinsi Jawa Tengah - Kabupaten Banjarnegara",
        menu=["Dashboard", "RPJMD", "Renstra", "RKPD", "Renja Perangkat Daerah", "Verifikasi", "Laporan"],
        active=4,
        heading="Rancangan Renja Perangkat Daerah Tahun 2026",
        user="bappeda.verifikator",
        color=(20, 70, 140),
        tab_title="SIPD RI",
        content=[
            ("search", "Cari Perangkat Daerah atau program...", ["Cari", "Unduh Excel"]),
            (
                "table",
                ["Perangkat Daerah", "Program", "Pagu Indikatif", "Status", "Aksi"],
                [
                    ["Dinas Kesehatan", "12", "48.120.000.000", ("badge", "Terverifikasi", GREEN), ("btns", ["Lihat"])],
                    [
                        "Dinas Komunikasi dan Informatika",
                        "4",
                        "6.310.000.000",
                        ("badge", "Verifikasi", ORANGE),
                        ("btns", ["Validasi", "Kembalikan"]),
                    ],
                    ["Dinas Pendidikan", "9", "61.950.000.000", ("badge", "Dikembalikan", RED), ("btns", ["Catatan"])],
                ],
                [28, 10, 18, 18, 26],
            ),
            ("text", "Riwayat validasi dan catatan verifikator tersimpan per sub kegiatan."),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def sipd_penganggaran() -> Image.Image:
    s = Screen(
        url="https://sipd.kemendagri.go.id/penganggaran/rka-skpd",
        app="SIPD RI - Penganggaran",
        unit="Provinsi Jawa Tengah - Kabupaten Banjarnegara",
        menu=["Dashboard", "KUA-PPAS", "RKA SKPD", "Verifikasi TAPD", "DPA", "Pergeseran", "Laporan"],
        active=2,
        heading="Rencana Kerja dan Anggaran SKPD Tahun Anggaran 2025",
        user="tapd.bpkad",
        color=(0, 105, 92),
        tab_title="SIPD RI",
        content=[
            ("cards", [("Total Pagu", "Rp 2,31 T"), ("RKA Final", "29 / 31"), ("Belum Final", "2")]),
            (
                "table",
                ["SKPD", "Pagu RKA", "Status TAPD", "Aksi"],
                [
                    [
                        "Badan Pengelolaan Keuangan dan Aset Daerah",
                        "24.500.000.000",
                        ("badge", "Disetujui", GREEN),
                        ("btns", ["Cetak RKA"]),
                    ],
                    [
                        "Dinas Komunikasi dan Informatika",
                        "6.310.000.000",
                        ("badge", "Verifikasi", ORANGE),
                        ("btns", ["Setujui", "Tolak"]),
                    ],
                ],
                [40, 20, 20, 20],
            ),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def simpeg() -> Image.Image:
    s = Screen(
        url=f"https://simpeg.{DOMAIN}/usulan/kenaikan-pangkat",
        app="SIMPEG Kabupaten Banjarnegara",
        unit="Sistem Informasi Manajemen Pegawai - BKPSDM",
        menu=["Beranda", "Data Pegawai", "Usulan Kenaikan Pangkat", "Cuti", "Mutasi", "Laporan"],
        active=2,
        heading="Usulan Kenaikan Pangkat Periode April 2025",
        user="verifikator.bkpsdm",
        color=(121, 85, 72),
        content=[
            ("search", "Cari NIP atau nama pegawai...", ["Cari", "Unduh Rekap"]),
            (
                "table",
                ["No", "Nama", "Unit Kerja", "Berkas", "Status", "Aksi"],
                [
                    [
                        "1",
                        "Sri Wahyuni, S.Kep.",
                        "Dinas Kesehatan",
                        "Lengkap",
                        ("badge", "Disetujui", GREEN),
                        ("btns", ["Lihat"]),
                    ],
                    [
                        "2",
                        "Andi Saputra, S.Kom.",
                        "Diskominfo",
                        "Kurang SKP",
                        ("badge", "Dikembalikan", RED),
                        ("btns", ["Catatan"]),
                    ],
                    [
                        "3",
                        "Nur Hidayah, S.E.",
                        "Bappeda",
                        "Lengkap",
                        ("badge", "Verifikasi", ORANGE),
                        ("btns", ["Validasi", "Tolak"]),
                    ],
                ],
                [6, 24, 20, 14, 16, 20],
            ),
            ("alert", "Pegawai menerima notifikasi setiap perubahan status usulan.", "info"),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def ekinerja() -> Image.Image:
    s = Screen(
        url="https://kinerja.bkn.go.id/skp/penilaian",
        app="e-Kinerja BKN",
        unit="Pemerintah Kabupaten Banjarnegara",
        menu=["Beranda", "SKP", "Rencana Aksi", "Bukti Dukung", "Penilaian", "Evaluasi"],
        active=4,
        heading="Penilaian Kinerja Bawahan - Triwulan I 2025",
        user="atasan.langsung",
        color=(13, 71, 161),
        content=[
            (
                "table",
                ["Pegawai", "Rencana Hasil Kerja", "Realisasi", "Predikat", "Aksi"],
                [
                    ["Pegawai A", "6", "6", ("badge", "Baik", GREEN), ("btns", ["Lihat"])],
                    ["Pegawai B", "5", "4", ("badge", "Butuh Perbaikan", ORANGE), ("btns", ["Nilai", "Kembalikan"])],
                    ["Pegawai C", "7", "-", ("badge", "Belum Dinilai", GREY), ("btns", ["Nilai"])],
                ],
                [24, 22, 14, 20, 20],
            ),
            (
                "text",
                "Bukti dukung diunggah pegawai; atasan menyetujui penilaian sebelum dokumen evaluasi diterbitkan.",
            ),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def lapor() -> Image.Image:
    s = Screen(
        url="https://www.lapor.go.id/instansi/pemerintah-kabupaten-banjarnegara",
        app="SP4N-LAPOR!",
        unit="Admin Instansi - Pemkab Banjarnegara",
        menu=["Dasbor", "Laporan Masuk", "Disposisi", "Tindak Lanjut", "Selesai", "Statistik"],
        active=1,
        heading="Laporan Masuk",
        user="admin.diskominfo",
        color=(183, 28, 28),
        tab_title="SP4N-LAPOR!",
        content=[
            ("search", "Cari nomor tracking atau kategori...", ["Cari", "Filter"]),
            (
                "table",
                ["Tracking", "Tanggal", "Kategori", "Disposisi ke", "Status", "Aksi"],
                [
                    [
                        "5021877",
                        "10-04-2025",
                        "Jalan rusak",
                        "Dinas PUPR",
                        ("badge", "Diproses", BLUE),
                        ("btns", ["Detail"]),
                    ],
                    [
                        "5021902",
                        "11-04-2025",
                        "Layanan KTP-el",
                        "Disdukcapil",
                        ("badge", "Tindak Lanjut", ORANGE),
                        ("btns", ["Detail"]),
                    ],
                    [
                        "5021955",
                        "12-04-2025",
                        "Penerangan jalan",
                        "Dinas Perhubungan",
                        ("badge", "Verifikasi", GREY),
                        ("btns", ["Disposisi"]),
                    ],
                ],
                [14, 14, 18, 20, 16, 18],
            ),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def jdih() -> Image.Image:
    s = Screen(
        url=f"https://jdih.{DOMAIN}/produk-hukum?jenis=perbup",
        app="JDIH Kabupaten Banjarnegara",
        unit="Jaringan Dokumentasi dan Informasi Hukum - Bagian Hukum Setda",
        menu=["Beranda", "Produk Hukum", "Monografi", "Artikel", "Statistik", "Kontak"],
        active=1,
        heading="Produk Hukum: Peraturan Bupati",
        sidebar=False,
        color=(27, 94, 32),
        content=[
            ("search", "Cari judul, nomor, atau tahun...", ["Cari"]),
            (
                "table",
                ["Nomor/Tahun", "Judul", "Status", "Unduh"],
                [
                    ["7/2024", "Manajemen Keamanan Informasi SPBE", "Berlaku", ("btns", ["PDF"])],
                    ["40/2021", "SPBE dalam Penyelenggaraan Pemerintahan Daerah", "Berlaku", ("btns", ["PDF"])],
                    ["45/2016", "Rencana Induk TIK 2016-2020", "Dicabut", ("btns", ["PDF"])],
                ],
                [14, 50, 14, 22],
            ),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])


def satu_data() -> Image.Image:
    s = Screen(
        url=f"https://satudata.{DOMAIN}/dataset",
        app="Satu Data Banjarnegara",
        unit="Portal Data Terbuka Pemkab Banjarnegara",
        menu=["Beranda", "Dataset", "Organisasi", "Grup", "Tentang"],
        active=1,
        heading="Dataset",
        sidebar=False,
        color=(69, 39, 160),
        content=[
            ("search", "Cari dataset...", ["Cari", "Filter Organisasi"]),
            (
                "table",
                ["Dataset", "Organisasi", "Format", "Unduh"],
                [
                    ["Jumlah penduduk per kecamatan 2024", "Disdukcapil", "CSV, XLSX", ("btns", ["CSV", "XLSX"])],
                    ["Produksi salak per desa 2024", "Dinas Pertanian", "CSV", ("btns", ["CSV"])],
                    ["Daftar sekolah dasar", "Dinas Pendidikan", "CSV, JSON", ("btns", ["CSV", "JSON"])],
                ],
                [40, 22, 16, 22],
            ),
        ],
    )
    return shot(s, ["Kotak Masuk - Gmail"])
