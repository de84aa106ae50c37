"""Screenshots of the city's web applications (PNG), drawn with Pillow.

Each screenshot shows a browser window with the application's URL, a header,
a side menu and a content area whose visible features (search, upload,
download, approval workflow, integration status) are what an assessor reads
to judge the service capability level (Informasi / Interaksi / Transaksi /
Kolaborasi).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from samplegen.render import font

W, H = 1366, 768


@dataclass
class Screen:
    url: str
    app: str  # header title
    unit: str  # small text under the title
    menu: list[str]
    active: int
    heading: str
    user: str = "admin"
    color: tuple[int, int, int] = (31, 78, 121)
    content: list[tuple] = field(default_factory=list)
    sidebar: bool = True
    tab_title: str = ""


def _sans(px: int, bold: bool = False):
    return font(px, bold=bold, family="Sans")


def draw_screen(s: Screen) -> Image.Image:
    img = Image.new("RGB", (W, H), (244, 246, 249))
    d = ImageDraw.Draw(img)
    # browser chrome
    d.rectangle((0, 0, W, 78), fill=(222, 225, 230))
    d.rounded_rectangle((12, 8, 300, 38), radius=8, fill=(244, 246, 249))
    d.text((24, 23), (s.tab_title or s.app)[:34], font=_sans(13), fill=(40, 40, 40), anchor="lm")
    d.text((286, 23), "×", font=_sans(14), fill=(90, 90, 90), anchor="mm")
    d.rounded_rectangle((110, 44, W - 120, 72), radius=14, fill=(255, 255, 255))
    for i, sym in enumerate(("<", ">", "C")):
        d.text((22 + i * 28, 58), sym, font=_sans(16, True), fill=(110, 110, 110), anchor="mm")
    d.rectangle((126, 53, 134, 63), outline=(90, 90, 90), width=2)
    d.text((146, 58), s.url, font=_sans(14), fill=(30, 30, 30), anchor="lm")
    # app header
    top = 78
    d.rectangle((0, top, W, top + 56), fill=s.color)
    d.ellipse((16, top + 10, 52, top + 46), fill=(255, 255, 255))
    d.text((34, top + 28), "SK", font=_sans(13, True), fill=s.color, anchor="mm")
    d.text((64, top + 18), s.app, font=_sans(19, True), fill=(255, 255, 255), anchor="lm")
    d.text((64, top + 40), s.unit, font=_sans(12), fill=(220, 230, 240), anchor="lm")
    d.text((W - 24, top + 28), f"{s.user}  ▾", font=_sans(14), fill=(255, 255, 255), anchor="rm")
    y0 = top + 56
    x0 = 24
    if s.sidebar:
        d.rectangle((0, y0, 230, H), fill=(37, 45, 58))
        for i, item in enumerate(s.menu):
            yy = y0 + 18 + i * 38
            if i == s.active:
                d.rectangle((0, yy - 6, 230, yy + 28), fill=(58, 70, 90))
                d.rectangle((0, yy - 6, 4, yy + 28), fill=(255, 193, 7))
            d.text((22, yy + 11), item, font=_sans(14, i == s.active), fill=(235, 238, 242), anchor="lm")
        x0 = 254
    else:
        d.rectangle((0, y0, W, y0 + 44), fill=(255, 255, 255))
        for i, item in enumerate(s.menu):
            d.text(
                (40 + i * 150, y0 + 22),
                item,
                font=_sans(14, i == s.active),
                fill=s.color if i == s.active else (60, 60, 60),
                anchor="lm",
            )
        y0 += 44
    d.text((x0, y0 + 30), s.heading, font=_sans(21, True), fill=(33, 37, 41), anchor="lm")
    y = y0 + 58
    for el in s.content:
        y = _element(d, el, x0, y, W - 24, s.color)
    return img


def _button(d: ImageDraw.ImageDraw, x: int, y: int, label: str, color) -> int:
    f = _sans(13, True)
    w = int(f.getlength(label)) + 24
    d.rounded_rectangle((x, y, x + w, y + 28), radius=5, fill=color)
    d.text((x + w / 2, y + 14), label, font=f, fill=(255, 255, 255), anchor="mm")
    return x + w + 8


def _element(d: ImageDraw.ImageDraw, el: tuple, x0: int, y: int, x1: int, color) -> int:
    kind = el[0]
    if kind == "text":
        d.text((x0, y + 10), el[1], font=_sans(14), fill=(70, 70, 70), anchor="lm")
        return y + 28
    if kind == "alert":
        fill, edge = {
            "info": ((225, 240, 255), (60, 130, 200)),
            "ok": ((223, 245, 228), (40, 150, 80)),
            "warn": ((255, 244, 214), (210, 150, 20)),
        }[el[2]]
        d.rectangle((x0, y, x1, y + 36), fill=fill)
        d.rectangle((x0, y, x0 + 4, y + 36), fill=edge)
        d.text((x0 + 16, y + 18), el[1], font=_sans(14), fill=(40, 40, 40), anchor="lm")
        return y + 48
    if kind == "search":
        d.rectangle((x0, y, x0 + 520, y + 34), fill=(255, 255, 255), outline=(190, 195, 200))
        d.text((x0 + 12, y + 17), el[1], font=_sans(14), fill=(150, 150, 150), anchor="lm")
        x = x0 + 532
        for lab in el[2]:
            x = _button(d, x, y + 3, lab, color)
        return y + 48
    if kind == "buttons":
        x = x0
        for lab in el[1]:
            x = _button(d, x, y, lab, color)
        return y + 42
    if kind == "cards":
        n = len(el[1])
        cw = (x1 - x0 - (n - 1) * 14) // n
        for i, (title, value) in enumerate(el[1]):
            cx = x0 + i * (cw + 14)
            d.rectangle((cx, y, cx + cw, y + 70), fill=(255, 255, 255), outline=(220, 224, 228))
            d.text((cx + 14, y + 20), title, font=_sans(13), fill=(100, 100, 100), anchor="lm")
            d.text((cx + 14, y + 48), value, font=_sans(20, True), fill=(33, 37, 41), anchor="lm")
        return y + 84
    if kind == "table":
        header, rows, widths = el[1], el[2], el[3]
        total = sum(widths)
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + round((x1 - x0) * w / total))
        rh = 34
        d.rectangle((x0, y, x1, y + rh), fill=(233, 236, 239))
        for i, h in enumerate(header):
            d.text((xs[i] + 10, y + rh / 2), h, font=_sans(13, True), fill=(33, 37, 41), anchor="lm")
        for r, row in enumerate(rows):
            yy = y + rh * (r + 1)
            d.rectangle(
                (x0, yy, x1, yy + rh), fill=(255, 255, 255) if r % 2 == 0 else (249, 250, 251), outline=(230, 232, 235)
            )
            for i, v in enumerate(row):
                if isinstance(v, tuple):  # ("badge", text, rgb) or ("btns", [labels])
                    if v[0] == "badge":
                        f = _sans(12, True)
                        bw = int(f.getlength(v[1])) + 16
                        d.rounded_rectangle((xs[i] + 8, yy + 7, xs[i] + 8 + bw, yy + 27), radius=9, fill=v[2])
                        d.text((xs[i] + 8 + bw / 2, yy + 17), v[1], font=f, fill=(255, 255, 255), anchor="mm")
                    else:
                        bx = xs[i] + 8
                        for lab in v[1]:
                            f = _sans(12)
                            bw = int(f.getlength(lab)) + 14
                            d.rounded_rectangle((bx, yy + 6, bx + bw, yy + 28), radius=4, outline=color, width=1)
                            d.text((bx + bw / 2, yy + 17), lab, font=f, fill=color, anchor="mm")
                            bx += bw + 6
                else:
                    d.text((xs[i] + 10, yy + rh / 2), str(v), font=_sans(13), fill=(50, 50, 50), anchor="lm")
        return y + rh * (len(rows) + 1) + 14
    raise ValueError(kind)


GREEN, ORANGE, BLUE, GREY, RED = (40, 150, 80), (215, 130, 20), (50, 120, 200), (120, 120, 120), (200, 60, 60)


def eplanning() -> Screen:
    return Screen(
        url="https://eplanning.sukamajukota.go.id/renja/verifikasi?tahun=2026",
        app="e-Planning Kota Sukamaju",
        unit="Sistem Informasi Perencanaan Pembangunan Daerah - Bappeda",
        menu=[
            "Dashboard",
            "RPJMD",
            "Renstra PD",
            "Usulan Musrenbang",
            "Pokok Pikiran DPRD",
            "Rancangan Renja PD",
            "Verifikasi Renja",
            "Laporan",
            "Pengaturan",
        ],
        active=6,
        heading="Verifikasi Rancangan Renja Perangkat Daerah Tahun 2026",
        user="verifikator.bappeda",
        content=[
            (
                "alert",
                "3 rancangan Renja menunggu persetujuan Anda. Notifikasi dikirim ke operator Perangkat Daerah setiap perubahan status.",
                "info",
            ),
            ("search", "Cari Perangkat Daerah atau sub kegiatan...", ["Cari", "Unduh Rekap (XLSX)"]),
            (
                "table",
                ["No", "Perangkat Daerah", "Sub Kegiatan", "Pagu Indikatif (Rp)", "Konsultasi TIK", "Status", "Aksi"],
                [
                    [
                        "1",
                        "Dinas Komunikasi dan Informatika",
                        "24",
                        "7.150.000.000",
                        "Ya",
                        ("badge", "Disetujui", GREEN),
                        ("btns", ["Lihat"]),
                    ],
                    [
                        "2",
                        "Badan Pengelolaan Keuangan",
                        "31",
                        "9.420.500.000",
                        "Ya",
                        ("badge", "Menunggu", ORANGE),
                        ("btns", ["Verifikasi", "Setujui", "Kembalikan"]),
                    ],
                    [
                        "3",
                        "Dinas Kesehatan",
                        "58",
                        "41.002.000.000",
                        "Tidak",
                        ("badge", "Perlu Revisi", RED),
                        ("btns", ["Lihat", "Catatan"]),
                    ],
                    [
                        "4",
                        "BKPSDM",
                        "17",
                        "3.870.000.000",
                        "Ya",
                        ("badge", "Menunggu", ORANGE),
                        ("btns", ["Verifikasi", "Setujui", "Kembalikan"]),
                    ],
                    [
                        "5",
                        "DPMPTSP",
                        "12",
                        "2.645.000.000",
                        "Ya",
                        ("badge", "Menunggu", ORANGE),
                        ("btns", ["Verifikasi", "Setujui", "Kembalikan"]),
                    ],
                    [
                        "6",
                        "Dinas Pendidikan",
                        "66",
                        "52.310.000.000",
                        "Tidak",
                        ("badge", "Draf", GREY),
                        ("btns", ["Lihat"]),
                    ],
                ],
                [4, 22, 9, 14, 10, 12, 24],
            ),
            (
                "text",
                "Alur: Operator PD -> Verifikator Bappeda -> Persetujuan Kepala Bappeda -> Penetapan Renja. Riwayat persetujuan tersimpan.",
            ),
        ],
    )


def ebudgeting() -> Screen:
    return Screen(
        url="https://ebudgeting.sukamajukota.go.id/rka/skpd?ta=2026",
        app="e-Budgeting Kota Sukamaju",
        unit="Sistem Informasi Penganggaran Daerah - BPKAD",
        menu=[
            "Dashboard",
            "Tarik Data Renja",
            "RKA Perangkat Daerah",
            "Verifikasi TAPD",
            "DPA",
            "Pergeseran Anggaran",
            "Sinkronisasi SIPD RI",
            "Laporan",
        ],
        active=2,
        heading="Rencana Kerja dan Anggaran Perangkat Daerah - TA 2026",
        user="tapd.bpkad",
        color=(0, 105, 92),
        content=[
            (
                "alert",
                "Sub kegiatan dan pagu ditarik otomatis dari e-Planning (Renja 2026) melalui API Sistem Penghubung Layanan.",
                "ok",
            ),
            (
                "alert",
                "Sinkronisasi SIPD Kementerian Dalam Negeri terakhir: 14-08-2025 10:12 WIB - Berhasil (1.284 rincian belanja).",
                "ok",
            ),
            (
                "cards",
                [
                    ("Total Pagu RKA", "Rp 1,92 T"),
                    ("RKA Terverifikasi", "28 / 34 PD"),
                    ("Belanja TIK", "Rp 21,4 M"),
                    ("Selisih dengan Renja", "Rp 0"),
                ],
            ),
            (
                "table",
                ["No", "Perangkat Daerah", "Pagu Renja (Rp)", "Pagu RKA (Rp)", "Status TAPD", "Aksi"],
                [
                    [
                        "1",
                        "Dinas Komunikasi dan Informatika",
                        "7.150.000.000",
                        "7.150.000.000",
                        ("badge", "Terverifikasi", GREEN),
                        ("btns", ["Rincian", "Cetak RKA"]),
                    ],
                    [
                        "2",
                        "Bappeda",
                        "4.210.000.000",
                        "4.210.000.000",
                        ("badge", "Terverifikasi", GREEN),
                        ("btns", ["Rincian", "Cetak RKA"]),
                    ],
                    [
                        "3",
                        "BKPSDM",
                        "3.870.000.000",
                        "3.870.000.000",
                        ("badge", "Verifikasi", ORANGE),
                        ("btns", ["Verifikasi", "Tolak"]),
                    ],
                    [
                        "4",
                        "DPMPTSP",
                        "2.645.000.000",
                        "2.645.000.000",
                        ("badge", "Verifikasi", ORANGE),
                        ("btns", ["Verifikasi", "Tolak"]),
                    ],
                ],
                [4, 26, 16, 16, 14, 24],
            ),
            ("buttons", ["Tarik Ulang dari e-Planning", "Kirim ke SIPD RI", "Ekspor DPA"]),
        ],
    )


def pengaduan() -> Screen:
    return Screen(
        url="https://lapor.sukamajukota.go.id/admin/pengaduan",
        app="LAPOR SUKAMAJU",
        unit="Layanan Pengaduan Pelayanan Publik Pemerintah Kota Sukamaju",
        menu=["Beranda", "Pengaduan Masuk", "Disposisi", "Tindak Lanjut", "Statistik", "Pengguna"],
        active=1,
        heading="Daftar Pengaduan Masuk",
        user="admin.pengaduan",
        color=(183, 28, 28),
        content=[
            ("search", "Cari nomor tiket, kategori, atau nama pelapor...", ["Cari", "Filter Status"]),
            (
                "table",
                ["No. Tiket", "Tanggal", "Kategori", "Perangkat Daerah Tujuan", "Status", "Sisa SLA", "Aksi"],
                [
                    [
                        "LPR-2025-08172",
                        "12-08-2025",
                        "Jalan rusak",
                        "Dinas PUPR",
                        ("badge", "Diteruskan ke PD", BLUE),
                        "3 hari",
                        ("btns", ["Detail"]),
                    ],
                    [
                        "LPR-2025-08169",
                        "12-08-2025",
                        "Layanan KTP-el",
                        "Disdukcapil",
                        ("badge", "Ditindaklanjuti", ORANGE),
                        "1 hari",
                        ("btns", ["Detail", "Tanggapi"]),
                    ],
                    [
                        "LPR-2025-08151",
                        "11-08-2025",
                        "Perizinan",
                        "DPMPTSP",
                        ("badge", "Selesai", GREEN),
                        "-",
                        ("btns", ["Detail"]),
                    ],
                    [
                        "LPR-2025-08148",
                        "11-08-2025",
                        "Sampah",
                        "Dinas Lingkungan Hidup",
                        ("badge", "Diverifikasi", GREY),
                        "4 hari",
                        ("btns", ["Disposisi", "Tolak"]),
                    ],
                    [
                        "LPR-2025-08133",
                        "10-08-2025",
                        "Kesehatan",
                        "Dinas Kesehatan",
                        ("badge", "Selesai", GREEN),
                        "-",
                        ("btns", ["Detail"]),
                    ],
                ],
                [12, 9, 11, 18, 14, 8, 16],
            ),
            (
                "text",
                "Alur: Diterima -> Diverifikasi -> Disposisi ke Perangkat Daerah -> Ditindaklanjuti -> Selesai (notifikasi SMS/WhatsApp ke pelapor).",
            ),
            ("buttons", ["Disposisi Massal", "Unduh Laporan Bulanan"]),
        ],
    )


def satu_data() -> Screen:
    return Screen(
        url="https://data.sukamajukota.go.id/dataset",
        app="Satu Data Sukamaju",
        unit="Portal Data Terbuka Pemerintah Kota Sukamaju",
        menu=["Beranda", "Dataset", "Organisasi", "Topik", "Infografis", "Tentang"],
        active=1,
        heading="Dataset (412 dataset dari 34 Perangkat Daerah)",
        user="Masuk",
        color=(13, 71, 161),
        sidebar=False,
        tab_title="Dataset - Satu Data Sukamaju",
        content=[
            ("search", "Cari dataset, misalnya: jumlah penduduk, APBD, sekolah...", ["Cari", "Filter"]),
            ("text", "Filter: Organisasi  |  Topik  |  Format (CSV, XLSX, JSON)  |  Tahun"),
            (
                "table",
                ["Dataset", "Organisasi", "Format", "Diperbarui", "Unduh"],
                [
                    [
                        "Jumlah Penduduk Menurut Kecamatan 2024",
                        "Disdukcapil",
                        "CSV, XLSX",
                        "03-02-2025",
                        ("btns", ["CSV", "XLSX", "Metadata"]),
                    ],
                    ["Realisasi APBD Kota Sukamaju 2024", "BPKAD", "CSV", "28-02-2025", ("btns", ["CSV", "Metadata"])],
                    [
                        "Daftar Sekolah Dasar Negeri",
                        "Dinas Pendidikan",
                        "XLSX",
                        "15-01-2025",
                        ("btns", ["XLSX", "Metadata"]),
                    ],
                    [
                        "Izin Usaha Terbit per Bulan 2024",
                        "DPMPTSP",
                        "CSV, JSON",
                        "10-01-2025",
                        ("btns", ["CSV", "JSON", "Metadata"]),
                    ],
                    ["Jumlah ASN Menurut Golongan", "BKPSDM", "CSV", "20-12-2024", ("btns", ["CSV", "Metadata"])],
                ],
                [34, 16, 12, 12, 26],
            ),
            ("text", "Data dapat diunduh bebas dengan lisensi Creative Commons Attribution 4.0."),
        ],
    )


def jdih() -> Screen:
    return Screen(
        url="https://jdih.sukamajukota.go.id/produk-hukum?jenis=perwal",
        app="JDIH Kota Sukamaju",
        unit="Jaringan Dokumentasi dan Informasi Hukum - Bagian Hukum Setda",
        menu=["Beranda", "Produk Hukum", "Monografi", "Artikel", "Statistik", "Tentang JDIH"],
        active=1,
        heading="Produk Hukum: Peraturan Wali Kota",
        user="Masuk",
        color=(121, 85, 72),
        sidebar=False,
        tab_title="Produk Hukum - JDIH Kota Sukamaju",
        content=[
            ("search", "Kata kunci, nomor, atau tahun peraturan...", ["Cari"]),
            ("text", "Jenis: Peraturan Daerah | Peraturan Wali Kota | Keputusan Wali Kota | Instruksi Wali Kota"),
            (
                "table",
                ["Nomor / Tahun", "Judul", "Status", "Unduh"],
                [
                    [
                        "8 / 2024",
                        "Arsitektur SPBE Pemerintah Kota Sukamaju Tahun 2024-2028",
                        ("badge", "Berlaku", GREEN),
                        ("btns", ["PDF", "Abstrak"]),
                    ],
                    [
                        "15 / 2023",
                        "Sistem Pemerintahan Berbasis Elektronik",
                        ("badge", "Berlaku", GREEN),
                        ("btns", ["PDF", "Abstrak"]),
                    ],
                    ["11 / 2023", "Standar Pelayanan pada DPMPTSP", ("badge", "Berlaku", GREEN), ("btns", ["PDF"])],
                    [
                        "22 / 2019",
                        "Penyelenggaraan E-Government di Lingkungan Pemerintah Kota Sukamaju",
                        ("badge", "Dicabut", RED),
                        ("btns", ["PDF"]),
                    ],
                ],
                [12, 54, 12, 22],
            ),
            ("text", "Menampilkan 4 dari 187 Peraturan Wali Kota."),
        ],
    )


def sicantik() -> Screen:
    return Screen(
        url="https://sicantik.go.id/sukamaju/backoffice/permohonan",
        app="SiCantik Cloud - Kota Sukamaju",
        unit="Sistem Informasi Perizinan - DPMPTSP Kota Sukamaju",
        menu=[
            "Dashboard",
            "Permohonan Baru",
            "Verifikasi Berkas",
            "Tinjauan Lapangan",
            "Penerbitan Izin",
            "Tanda Tangan Elektronik",
            "Arsip Izin",
            "Laporan",
        ],
        active=4,
        heading="Penerbitan Izin - Daftar Permohonan",
        user="back.office",
        color=(2, 119, 189),
        content=[
            (
                "alert",
                "Izin ditandatangani secara elektronik (sertifikat BSrE) dan dikirim otomatis ke pemohon melalui surel.",
                "info",
            ),
            (
                "table",
                ["No. Registrasi", "Pemohon", "Jenis Izin", "Tahap", "Status", "Aksi"],
                [
                    [
                        "REG-2025-03321",
                        "CV Maju Bersama",
                        "Izin Reklame",
                        "Penerbitan Izin",
                        ("badge", "Siap TTE", ORANGE),
                        ("btns", ["Proses TTE"]),
                    ],
                    [
                        "REG-2025-03318",
                        "dr. Anisa Putri",
                        "Surat Izin Praktik Dokter",
                        "Verifikasi Berkas",
                        ("badge", "Diproses", BLUE),
                        ("btns", ["Verifikasi"]),
                    ],
                    [
                        "REG-2025-03307",
                        "PT Sinar Terang",
                        "Persetujuan Bangunan Gedung",
                        "Tinjauan Lapangan",
                        ("badge", "Dijadwalkan", GREY),
                        ("btns", ["Jadwal"]),
                    ],
                    [
                        "REG-2025-03299",
                        "Rudi Hartono",
                        "Izin Usaha Mikro",
                        "Selesai",
                        ("badge", "Terbit", GREEN),
                        ("btns", ["Unduh Izin"]),
                    ],
                ],
                [14, 18, 22, 16, 12, 18],
            ),
            (
                "text",
                "Tahapan: Pendaftaran -> Verifikasi Berkas -> Tinjauan Lapangan -> Penerbitan Izin (TTE) -> Selesai.",
            ),
        ],
    )
