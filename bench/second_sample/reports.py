"""Reports, letters, minutes and a manual of the second sample, composed from official and real texts.

Wording sources, per document (none from rules/ or samplegen/texts_*.py):
* Undangan rapat penyusunan Ranperbup Arsitektur SPBE: the level-1 evidence the Pedoman MenPANRB 3/2024
  lists for indicators 1-10 ("bukti undangan rapat penyusunan kebijakan internal", p. 16, 38) and the
  Nota Dinas invitation of the real Diskominfo Nganjuk minutes (spbe-framework.md §8); the domains of
  Perbup Batu Bara 81/2021 Pasal 8.
* Laporan hasil reviu 2022: the review the Pedoman asks for at level 4 ("notulensi/catatan/laporan hasil
  evaluasi/reviu ... permasalahan ... rekomendasi", pp. 39, 80) and its example justification for
  indicator 1 (pp. 203-204: "memasuki tahun kedua ... reviu ... nota dinas dan notulensi"); the articles
  reviewed are those of Perbup 40/2021 (regs.py).
* Laporan Jaringan Intra 2024: the penjelasan of indicator 17 in Pedoman 3/2024 p. 70 (jaringan tertutup,
  simpul jaringan, jaringan fisik yang dibangun sendiri), Perbup Batu Bara Pasal 21-23 (WAN hingga router
  OPD, fiber optik, penomoran IP, diagram LAN) and the Pakpak Bharat Rencana Induk (fiber optical linking
  every OPD but one kecamatan). "keamanan informasi" occurs once, in passing.
* Notulen rapat Tim Koordinasi 2025: the tasks of the Tim Koordinasi in Perbup Batu Bara Pasal 49 and the
  evidence the Pedoman lists for indicator 19 (p. 79: "dokumentasi pelaksanaan tugas/program kerja ...
  belum dilaksanakan seluruhnya"); the form of the real Nganjuk notulen.
* Laporan bimtek kompetensi SDM SPBE 2024: the six competence areas of indicator 25 (Pedoman p. 100) and the
  Pakpak Bharat Rencana Induk (Jabatan Fungsional Pranata Komputer, Daftar Unit Kompetensi Okupasi TIK).
* LHA audit aplikasi 2024: Perbup Batu Bara Pasal 42-44 (hal pokok teknis, aplikasi khusus, standar dan tata
  cara) and the level-3 evidence of indicator 30 (Pedoman p. 121: auditor TIK internal).
* Manual SiCantik: the level-3 service wording of Pedoman 3/2024 (p. 201: "transaksi basis data, validasi
  data, mekanisme persetujuan"; "buku manual"), applications.md (SiCantik for perizinan).
* Surat Edaran hari libur 2025 (no SPBE evidence): the SKB of the Menteri Agama, Menteri Ketenagakerjaan and
  MenPANRB on the 2025 holidays, as Pemda circulars quote it.
"""

from __future__ import annotations

from bench.second_sample import common as K
from samplegen.model import LEFT, SIGN, SP, TABLE, Blk, C, Doc, H, I, P, huruf, letters

Lines = tuple[list[str], set[int], dict[int, str]]


def _letter_head(unit: str, address: str, number: str, date: str, hal: str) -> list[Blk]:
    return [
        K.kop(unit, address),
        LEFT(f"Banjarnegara, {date}"),
        LEFT(f"Nomor    : {number}", "Sifat    : Penting", "Lampiran : -", f"Hal      : {hal}"),
        SP(),
    ]


def undangan_arsitektur_2025() -> Doc:
    b = _letter_head(
        "SEKRETARIAT DAERAH",
        K.ADDR_SETDA,
        "000.1.5/214/Org/2025",
        "14 April 2025",
        "Undangan Rapat Pembahasan Rancangan Peraturan Bupati tentang Arsitektur SPBE",
    )
    b += [
        LEFT("Yth. Kepala Perangkat Daerah (daftar terlampir)", "di -", "BANJARNEGARA"),
        SP(),
        P(
            "Dalam rangka penyusunan kebijakan internal Arsitektur Sistem Pemerintahan Berbasis Elektronik (SPBE) "
            "Pemerintah Kabupaten Banjarnegara yang mengatur domain Arsitektur Proses Bisnis, Data dan Informasi, "
            "Infrastruktur SPBE, Aplikasi SPBE, Keamanan SPBE, dan Layanan SPBE, dengan ini kami mengundang "
            "Saudara untuk hadir pada rapat pembahasan Rancangan Peraturan Bupati tentang Arsitektur SPBE, yang "
            "akan dilaksanakan pada:"
        ),
        LEFT(
            "hari/tanggal : Selasa, 22 April 2025",
            "pukul        : 09.00 WIB s.d. selesai",
            "tempat       : Ruang Rapat Sekretariat Daerah Lantai 2",
            "acara        : Pembahasan draf Rancangan Peraturan Bupati tentang Arsitektur SPBE",
        ),
        SP(),
        P(
            "Mengingat pentingnya acara dimaksud, dimohon kehadiran Saudara tepat waktu dengan membawa bahan "
            "masukan dari Perangkat Daerah masing-masing. Demikian untuk menjadi perhatian."
        ),
        SP(),
        SIGN("a.n. SEKRETARIS DAERAH", "ASISTEN ADMINISTRASI UMUM,", "", "ttd", "", "Ir. SUSILO HARYANTO, M.Si."),
        SP(),
        LEFT(
            "Tembusan:",
            "1. Bupati Banjarnegara (sebagai laporan);",
            "2. Sekretaris Daerah Kabupaten Banjarnegara.",
        ),
    ]
    return Doc(title="Undangan Rapat Ranperbup Arsitektur SPBE", blocks=b, author="Bagian Organisasi", page="A4")


REVIU_ROWS = [
    ["No", "Ketentuan yang direviu", "Permasalahan", "Rekomendasi"],
    [
        "1",
        "Pasal 6 Arsitektur SPBE",
        "Arsitektur SPBE Pemerintah Daerah belum disusun sebagai dokumen tersendiri.",
        "Menyusun dokumen Arsitektur SPBE yang selaras dengan Arsitektur SPBE Nasional.",
    ],
    [
        "2",
        "Pasal 7 Peta Rencana SPBE",
        "Peta Rencana SPBE belum ditetapkan dengan Keputusan Bupati.",
        "Menetapkan Peta Rencana SPBE Tahun 2023-2027 paling lambat awal tahun 2023.",
    ],
    [
        "3",
        "Pasal 11 dan Pasal 12 Pusat Data dan Jaringan Intra",
        "Baru sebagian OPD menempatkan server di Pusat Data dan terhubung ke Jaringan Intra.",
        "Menyusun target penempatan server dan perluasan jaringan per tahun.",
    ],
    [
        "4",
        "Pasal 13 Sistem Penghubung Layanan",
        "Belum ada daftar layanan yang terhubung melalui Sistem Penghubung Layanan.",
        "Menginventarisasi kebutuhan integrasi layanan antar OPD.",
    ],
    [
        "5",
        "Pasal 21 Tim Koordinasi SPBE",
        "Keputusan Bupati tentang Tim Koordinasi SPBE belum ditetapkan.",
        "Menetapkan Keputusan Bupati tentang Tim Koordinasi SPBE.",
    ],
]


def laporan_reviu_2022() -> Doc:
    b: list[Blk] = [
        K.kop("SEKRETARIAT DAERAH", K.ADDR_SETDA),
        C("LAPORAN HASIL REVIU KEBIJAKAN INTERNAL", bold=True),
        C("SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN BANJARNEGARA", bold=True),
        C("TAHUN 2022", bold=True),
        SP(),
        H("I. PENDAHULUAN"),
        P(
            "Pasal 6 ayat (3) dan Pasal 7 ayat (3) Peraturan Bupati Banjarnegara Nomor 40 Tahun 2021 tentang Sistem "
            "Pemerintahan Berbasis Elektronik dalam Penyelenggaraan Pemerintahan Daerah mengamanatkan reviu "
            "sewaktu-waktu sesuai dengan kebutuhan. Memasuki tahun kedua pelaksanaan, reviu dilakukan melalui "
            "telaah dokumen, nota dinas, dan rapat pada 3 sampai dengan 28 Oktober 2022."
        ),
        H("II. HASIL REVIU"),
        TABLE(REVIU_ROWS, [5, 25, 35, 35], size=8.5),
        H("III. KESIMPULAN"),
        P(
            "Kebijakan internal SPBE telah ditetapkan dan mengatur unsur tata kelola, manajemen, dan audit teknologi "
            "informasi dan komunikasi. Permasalahan dan rekomendasi di atas disampaikan kepada Bupati sebagai bahan "
            "penyempurnaan kebijakan."
        ),
        SP(),
        SIGN("Banjarnegara, 14 November 2022", "SEKRETARIS DAERAH,", "", "ttd", "", *K.SEKDA_FULL),
    ]
    return Doc(title="Laporan Hasil Reviu Kebijakan SPBE 2022", blocks=b, author="Bagian Organisasi", page="A4")


JARINGAN_ROWS = [
    ["No", "Kelompok Perangkat Daerah", "Jumlah", "Terhubung", "Media"],
    ["1", "Sekretariat Daerah, Sekretariat DPRD, Inspektorat", "3", "3", "Fiber optik"],
    ["2", "Dinas", "17", "16", "Fiber optik"],
    ["3", "Badan", "6", "6", "Fiber optik"],
    ["4", "Kecamatan (sampel kantor kecamatan kota)", "5", "2", "Radio link"],
    ["", "Jumlah", "31", "27", ""],
]


def laporan_jaringan_2024() -> Doc:
    b: list[Blk] = [
        K.kop("DINAS KOMUNIKASI DAN INFORMATIKA", K.ADDR_KOMINFO),
        C("LAPORAN PENGELOLAAN JARINGAN INTRA PEMERINTAH DAERAH", bold=True),
        C("KABUPATEN BANJARNEGARA TAHUN 2024", bold=True),
        SP(),
        H("A. Latar Belakang"),
        P(
            "Jaringan Intra adalah jaringan tertutup yang menghubungkan antar simpul jaringan dalam suatu organisasi. "
            "Penggunaannya bertujuan untuk menjaga keamanan dalam melakukan pengiriman data dan informasi antar "
            "simpul jaringan. Pemerintah Kabupaten Banjarnegara menyelenggarakan jaringan fisik yang dibangun "
            "sendiri berupa jaringan fiber optik dan radio link."
        ),
        H("B. Kegiatan Tahun 2024"),
        *letters(
            [
                "pemeliharaan dan pengoperasian infrastruktur WAN hingga router Perangkat Daerah;",
                "penomoran IP dan pemutakhiran diagram LAN yang diserahkan Perangkat Daerah;",
                "penarikan kabel fiber optik ke Dinas Pertanian, Perikanan dan Ketahanan Pangan;",
                "pembaruan firmware firewall inti untuk menjaga keamanan informasi yang melintas jaringan; dan",
                "uji koneksi dengan jaringan Pemerintah Provinsi Jawa Tengah.",
            ],
            level=0,
        ),
        H("C. Cakupan"),
        TABLE(JARINGAN_ROWS, [5, 45, 12, 12, 18], size=9),
        P(
            "Sampai dengan Desember 2024, 27 dari 31 Perangkat Daerah telah terhubung ke Jaringan Intra. Dinas "
            "Perhubungan dan tiga kantor kecamatan belum terhubung karena jalur fiber optik belum tersedia; "
            "perluasan dijadwalkan pada Tahun 2025."
        ),
        H("D. Ketersediaan Layanan"),
        P("Rata-rata ketersediaan (uptime) jaringan tahun 2024 sebesar 98,7 persen dengan 14 kali gangguan."),
        SP(),
        SIGN(
            "Banjarnegara, 20 Januari 2025",
            "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,",
            "",
            "ttd",
            "",
            *K.KEPALA_DISKOMINFO,
        ),
    ]
    return Doc(title="Laporan Jaringan Intra 2024", blocks=b, author="Bidang Infrastruktur", page="A4")


def notulen_lines() -> Lines:
    """Typed minutes of the Tim Koordinasi meeting; the own-region name carries an OCR misreading.

    Tesseract reads clean renders of "Banjarnegara" correctly, so the rn->m damage seen on real scans
    ("Temate" for "Ternate") is printed as it is read: "Banjamegara". The letterhead-free page names the
    region only in that damaged form.
    """
    name = "Banjamegara"  # rn -> m, as OCR reads worn print
    lines = [
        "NOTULEN RAPAT",
        "TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
        f"Dinas Komunikasi dan Informatika Kabupaten {name}",
        "",
        "Hari/tanggal : Kamis, 13 Februari 2025",
        f"Tempat : Ruang Rapat Sekretariat Daerah Kabupaten {name}",
        "Pimpinan rapat : Sekretaris Daerah selaku Ketua Tim Koordinasi SPBE",
        "Peserta : 24 orang (daftar hadir terlampir)",
        "",
        "Pembahasan:",
        "1.   Ketua menyampaikan bahwa program kerja Tim Koordinasi tahun 2024 baru sebagian terlaksana: "
        "fasilitasi penerapan tata kelola dan manajemen SPBE sudah berjalan, pemantauan dan evaluasi kebijakan "
        "secara berkala belum dilakukan.",
        "2.   Kepala Dinas Komunikasi dan Informatika melaporkan 27 dari 31 Perangkat Daerah telah terhubung "
        "ke Jaringan Intra dan menyampaikan jadwal audit aplikasi oleh Inspektorat.",
        "3.   Kepala Bappeda meminta rencana belanja TIK tahun 2026 dikonsultasikan ke Diskominfo sebelum "
        "penyusunan Renja.",
        "",
        "Kesimpulan:",
        "1.   Reviu kebijakan SPBE dilaksanakan paling lambat Juni 2025.",
        "2.   Setiap Perangkat Daerah menunjuk satu petugas penghubung SPBE.",
        "",
        f"{name}, 13 Februari 2025",
        "Notulis,",
        "",
        "ttd",
        "",
        "DWI RAHMAWATI, S.Kom.",
    ]
    n = len(lines)
    align = {0: "center", 1: "center", 2: "center"} | {i: "sign" for i in range(n - 6, n)}
    return lines, {0, 1}, align


KOMPETENSI_ROWS = [
    ["No", "Bidang Kompetensi", "Materi", "Peserta", "Perangkat Daerah"],
    ["1", "Keamanan SPBE", "Pengamanan aplikasi web dan sertifikat elektronik", "32", "18"],
    ["2", "Aplikasi SPBE", "Siklus pengembangan aplikasi dan dokumentasi teknis", "28", "15"],
    ["3", "Data dan Informasi", "Pengelolaan data dan metadata statistik sektoral", "35", "21"],
]


def laporan_bimtek_2024() -> Doc:
    b: list[Blk] = [
        K.kop("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", K.ADDR_BKPSDM),
        C("LAPORAN PELAKSANAAN BIMBINGAN TEKNIS", bold=True),
        C("PENINGKATAN KOMPETENSI SUMBER DAYA MANUSIA SPBE TAHUN 2024", bold=True),
        SP(),
        H("1. Dasar"),
        P(
            "Keputusan Bupati Banjarnegara Nomor 100.3.3.2/318 Tahun 2023 tentang Peta Rencana SPBE Kabupaten "
            "Banjarnegara Tahun 2023-2027, program Peningkatan kompetensi SDM SPBE."
        ),
        H("2. Pelaksanaan"),
        P(
            "Bimbingan teknis dilaksanakan pada Juni sampai dengan September 2024 bagi pejabat fungsional Pranata "
            "Komputer dan pengelola TIK Perangkat Daerah, mengacu pada Daftar Unit Kompetensi Okupasi TIK."
        ),
        TABLE(KOMPETENSI_ROWS, [5, 22, 43, 12, 18], size=9),
        H("3. Permasalahan"),
        P(
            "Kompetensi bidang Proses Bisnis Pemerintahan, Arsitektur SPBE, dan Infrastruktur SPBE belum "
            "dilatihkan pada tahun 2024 karena keterbatasan anggaran; pelatihan direncanakan pada tahun 2025."
        ),
        SP(),
        SIGN(
            "Banjarnegara, 15 Oktober 2024",
            "KEPALA BADAN KEPEGAWAIAN DAN",
            "PENGEMBANGAN SDM,",
            "",
            "ttd",
            "",
            *K.KEPALA_BKPSDM,
        ),
    ]
    return Doc(title="Laporan Bimtek Kompetensi SDM SPBE 2024", blocks=b, author="BKPSDM", page="A4")


AUDIT_ROWS = [
    ["No", "Hal Pokok Teknis", "Temuan", "Rekomendasi"],
    [
        "1",
        "Tata kelola dan manajemen TIK",
        "Dokumen kebutuhan perangkat lunak tidak dimutakhirkan.",
        "Memutakhirkan dokumen.",
    ],
    ["2", "Fungsionalitas", "Validasi isian NIP belum lengkap pada modul cuti.", "Menambah validasi."],
    ["3", "Kinerja", "Waktu muat laporan rekap lebih dari 10 detik.", "Optimalisasi kueri basis data."],
    ["4", "Aspek lainnya", "Kode sumber belum diserahkan ke repositori Diskominfo.", "Menyerahkan kode sumber."],
]


def lha_audit_aplikasi_2024() -> Doc:
    b: list[Blk] = [
        K.kop("INSPEKTORAT DAERAH", K.ADDR_INSP),
        C("LAPORAN HASIL AUDIT APLIKASI SPBE", bold=True),
        C("NOMOR 700/014/LHA-TIK/2024", bold=True),
        SP(),
        H("BAB I INFORMASI UMUM"),
        I("A.", "Dasar Audit"),
        P(
            "Peraturan Bupati Banjarnegara Nomor 40 Tahun 2021 Pasal 20 dan Program Kerja Pengawasan Tahunan "
            "Inspektorat Tahun 2024.",
            level=1,
        ),
        I("B.", "Objek dan Standar"),
        P(
            "Audit dilakukan terhadap aplikasi khusus Sistem Informasi Manajemen Kepegawaian dan aplikasi "
            "layanan perizinan, berdasarkan standar dan tata cara pelaksanaan audit Aplikasi SPBE, oleh auditor "
            "TIK internal Inspektorat, pada 5 Agustus sampai dengan 20 September 2024.",
            level=1,
        ),
        H("BAB II HASIL AUDIT"),
        P(
            "Pemeriksaan mencakup seluruh hal pokok teknis: penerapan tata kelola dan manajemen teknologi informasi "
            "dan komunikasi, fungsionalitas, kinerja yang dihasilkan, dan aspek teknologi informasi dan komunikasi "
            "lainnya."
        ),
        TABLE(AUDIT_ROWS, [5, 25, 40, 30], size=9),
        H("BAB III SIMPULAN"),
        P("Kedua aplikasi layak dioperasikan dengan perbaikan sesuai rekomendasi dalam 60 hari."),
        SP(),
        SIGN("Banjarnegara, 30 September 2024", "INSPEKTUR,", "", "ttd", "", *K.INSPEKTUR),
    ]
    return Doc(title="LHA Audit Aplikasi SPBE 2024", blocks=b, author="Inspektorat", page="A4")


def manual_sicantik() -> Doc:
    steps = [
        "Registrasi akun: pemohon mengisi formulir pendaftaran dengan NIK dan alamat surat elektronik, lalu "
        "mengaktifkan akun melalui tautan verifikasi.",
        "Pengajuan permohonan: pemohon memilih jenis izin, mengisi data, dan mengunggah dokumen persyaratan.",
        "Verifikasi berkas: petugas back office memeriksa kelengkapan; permohonan yang belum lengkap dikembalikan "
        "dengan catatan.",
        "Tinjauan teknis dan persetujuan: tim teknis memberi rekomendasi; Kepala Dinas menyetujui atau menolak.",
        "Penerbitan izin: dokumen izin ditandatangani dengan tanda tangan elektronik dan dapat diunduh pemohon.",
        "Notifikasi dan pelacakan: setiap perubahan status dikirim melalui surat elektronik; pemohon melacak "
        "status permohonan pada menu Lacak Permohonan.",
    ]
    b: list[Blk] = [
        K.kop("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", K.ADDR_DPMPTSP),
        C("BUKU PANDUAN PENGGUNAAN APLIKASI SiCANTIK CLOUD", bold=True),
        C("PELAYANAN PERIZINAN BERBASIS ELEKTRONIK", bold=True),
        SP(),
        H("1. Pendahuluan"),
        P(
            "SiCantik Cloud adalah aplikasi pelayanan perizinan yang disediakan Kementerian Komunikasi dan "
            "Informatika dan digunakan DPMPTSP Kabupaten Banjarnegara sejak 2022 pada alamat "
            f"sicantik.{K.DOMAIN}. Panduan ini menjelaskan alur permohonan dari pemohon sampai izin terbit."
        ),
        H("2. Alur Permohonan"),
        *[huruf(str(i + 1), s, level=0) for i, s in enumerate(steps)],
        H("3. Layanan yang Tersedia"),
        P("Izin praktik tenaga kesehatan, izin reklame, izin usaha jasa konstruksi, dan 22 jenis izin lainnya."),
        SP(),
        SIGN("Banjarnegara, 3 Januari 2025", "KEPALA DINAS,", "", "ttd", "", *K.KEPALA_DPMPTSP),
    ]
    return Doc(title="Manual SiCantik Cloud", blocks=b, author="DPMPTSP", page="A4")


def se_libur_2025() -> Doc:
    b: list[Blk] = [
        C("BUPATI BANJARNEGARA", bold=True),
        SP(),
        LEFT("Yth. Kepala Perangkat Daerah", "di Lingkungan Pemerintah Kabupaten Banjarnegara"),
        SP(),
        C("SURAT EDARAN", bold=True),
        C("NOMOR 800.1.4/015/2025", bold=True),
        C("TENTANG", bold=True),
        C("HARI LIBUR NASIONAL DAN CUTI BERSAMA TAHUN 2025", bold=True),
        SP(),
        P(
            "Berdasarkan Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur "
            "Negara dan Reformasi Birokrasi Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang "
            "Hari Libur Nasional dan Cuti Bersama Tahun 2025, dengan ini disampaikan hal-hal sebagai berikut:"
        ),
        *letters(
            [
                "cuti bersama tahun 2025 bagi Pegawai Aparatur Sipil Negara mengurangi hak cuti tahunan;",
                "Perangkat Daerah yang memberikan pelayanan langsung kepada masyarakat mengatur jadwal piket pegawai "
                "agar pelayanan tetap berjalan; dan",
                "kepala Perangkat Daerah memantau kehadiran pegawai pada hari kerja sebelum dan sesudah libur.",
            ],
            level=0,
        ),
        P("Demikian untuk dilaksanakan."),
        SP(),
        SIGN("Banjarnegara, 6 Januari 2025", "BUPATI BANJARNEGARA,", "", "ttd", "", K.BUPATI),
    ]
    return Doc(title="SE Hari Libur 2025", blocks=b, author="Bagian Umum", page="A4")
