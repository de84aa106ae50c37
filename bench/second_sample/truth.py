"""What the folder as a whole supports per indicator, and what the kabupaten claims in its self-assessment.

`INDICATOR_LEVELS`: the level an assessor gives each of the 47 indicators from the folder's valid
evidence (0 = no valid evidence, as in sample_docs.labels.yaml), reasoned from the level criteria of
PermenPANRB 59/2020 and Pedoman MenPANRB 3/2024 (spbe-framework.md §4-§5). `CLAIMS`: the self-assessment
an internal assessor team would file, written in the Pedoman's FAKTA/ANALISIS form (Pedoman 3/2024 Bab
III B.1-B.4, pp. 195-201), over-claiming where Pemda commonly do (a stale review, a national application).
"""

from __future__ import annotations

NONE = "Tidak ada eviden yang sah di folder."

INDICATOR_LEVELS: dict[int, tuple[int, str]] = {
    1: (3, "Perbup 40/2021 Pasal 6: keenam domain + Arsitektur SPBE Nasional; reviu 2022 kedaluwarsa."),
    2: (3, "Keputusan Bupati Peta Rencana SPBE 2023-2027 memuat seluruh muatan; belum direviu."),
    3: (3, "Perbup 40/2021 Pasal 19: sebagian proses manajemen data (tanpa interoperabilitas data)."),
    4: (3, "Perbup 40/2021 Pasal 14-15: siklus pembangunan aplikasi + konsultasi Diskominfo."),
    5: (3, "Perbup 40/2021 Pasal 11: setiap OPD wajib memakai Pusat Data; tanpa reviu yang berlaku."),
    6: (3, "Perbup 40/2021 Pasal 12: setiap OPD menggunakan Jaringan Intra; tanpa reviu yang berlaku."),
    7: (3, "Perbup 40/2021 Pasal 13: setiap OPD menyediakan Sistem Penghubung Layanan; tanpa reviu."),
    8: (3, "Perbup 7/2024: cakupan lengkap untuk seluruh Perangkat Daerah; belum direviu."),
    9: (3, "Perbup 40/2021 Pasal 20: audit infrastruktur, aplikasi, dan keamanan."),
    10: (3, "Perbup 40/2021 Pasal 21: tugas Tim Koordinasi untuk seluruh OPD; Keputusan tim masih konsep."),
    11: (1, "Hanya undangan rapat penyusunan Rancangan Perbup Arsitektur SPBE."),
    12: (3, "Peta Rencana SPBE 2023-2027 lengkap dan ditetapkan; belum direviu."),
    13: (2, "Sebagian belanja TIK dikonsultasikan dengan Diskominfo."),
    14: (2, "Peta Proses Bisnis ditetapkan sesuai PermenPANRB 19/2018."),
    15: (0, NONE),
    16: (0, NONE),
    17: (2, "Jaringan Intra menjangkau 27 dari 31 Perangkat Daerah."),
    18: (0, NONE),
    19: (2, "Notulen: program kerja Tim Koordinasi baru sebagian terlaksana."),
    20: (0, NONE),
    21: (2, "Register risiko sesuai program Peta Rencana, belum mengacu pedoman."),
    22: (0, "Hanya kebijakan (Perbup 7/2024) dan sebutan sambil lalu di laporan jaringan; tidak ada bukti penerapan."),
    23: (0, NONE),
    24: (0, NONE),
    25: (2, "Bimtek sesuai Peta Rencana, baru 3 dari 6 bidang kompetensi."),
    26: (0, NONE),
    27: (0, NONE),
    28: (0, NONE),
    29: (0, NONE),
    30: (3, "Audit aplikasi 2024 oleh auditor internal berdasarkan standar."),
    31: (0, NONE),
    32: (3, "SIPD RI perencanaan: verifikasi dan validasi (Transaksi)."),
    33: (3, "SIPD RI penganggaran: verifikasi TAPD (Transaksi)."),
    34: (0, NONE),
    35: (0, NONE),
    36: (3, "SIMPEG: alur usulan dengan validasi dan persetujuan (Transaksi)."),
    37: (3, "SRIKANDI: disposisi dan persetujuan TTE (Transaksi)."),
    38: (0, NONE),
    39: (0, NONE),
    40: (0, NONE),
    41: (3, "e-Kinerja: penilaian dengan persetujuan atasan (Transaksi)."),
    42: (3, "SP4N-LAPOR!: disposisi dan tindak lanjut (Transaksi)."),
    43: (2, "Satu Data: cari dan unduh dataset (Interaksi)."),
    44: (2, "JDIH: cari dan unduh produk hukum (Interaksi)."),
    45: (3, "SiCantik Cloud: verifikasi, persetujuan, TTE, notifikasi (Transaksi)."),
    46: (0, NONE),
    47: (0, NONE),
}

UMBRELLA_FILE = "Perbup_40_Tahun_2021_SPBE.pdf"
CLAIMS: list[tuple[int, int, str, list[str]]] = [
    (
        1,
        4,
        "Kebijakan terkait Arsitektur SPBE tercantum dan telah ditetapkan pada Perbup No. 40 Tahun 2021 Pasal 6 "
        "yang memuat domain arsitektur dan keselarasan dengan Arsitektur SPBE Nasional (FAKTA). Kebijakan telah "
        "dilakukan reviu sesuai data dukung Laporan_Reviu_Kebijakan_SPBE_2022.pdf (ANALISIS).",
        [UMBRELLA_FILE, "Laporan_Reviu_Kebijakan_SPBE_2022.pdf"],
    ),
    (
        2,
        3,
        "Peta Rencana SPBE ditetapkan dengan Keputusan Bupati dan memuat seluruh muatan (FAKTA).",
        ["12.Kepbup_Peta_Rencana_SPBE_2023-2027.pdf"],
    ),
    (3, 3, "Perbup No. 40 Tahun 2021 Pasal 19 mengatur sebagian proses manajemen data (ANALISIS).", [UMBRELLA_FILE]),
    (
        4,
        3,
        "Perbup No. 40 Tahun 2021 Pasal 14 dan 15 mengatur pembangunan aplikasi dan konsultasi Diskominfo.",
        [UMBRELLA_FILE],
    ),
    (
        5,
        4,
        "Perbup No. 40 Tahun 2021 Pasal 11 mengatur Pusat Data termasuk Pusat Data Nasional (FAKTA).",
        [UMBRELLA_FILE],
    ),
    (6, 3, "Perbup No. 40 Tahun 2021 Pasal 12 mewajibkan seluruh OPD menggunakan Jaringan Intra.", [UMBRELLA_FILE]),
    (7, 3, "Perbup No. 40 Tahun 2021 Pasal 13 mewajibkan Sistem Penghubung Layanan.", [UMBRELLA_FILE]),
    (
        8,
        3,
        "Perbup No. 7 Tahun 2024 mengatur seluruh cakupan manajemen keamanan informasi (FAKTA).",
        ["8.Perbup_7_Tahun_2024_Manajemen_Keamanan_Informasi.pdf"],
    ),
    (
        9,
        3,
        "Perbup No. 40 Tahun 2021 Pasal 20 mengatur audit infrastruktur, aplikasi, dan keamanan SPBE.",
        [UMBRELLA_FILE],
    ),
    (
        10,
        4,
        "Perbup No. 40 Tahun 2021 Pasal 21 dan Keputusan Tim Koordinasi SPBE (FAKTA).",
        [UMBRELLA_FILE, "Draft_Keputusan_Tim_Koordinasi_SPBE_2023.docx"],
    ),
    (12, 3, "Peta Rencana SPBE 2023-2027 telah ditetapkan (FAKTA).", ["12.Kepbup_Peta_Rencana_SPBE_2023-2027.pdf"]),
    (
        13,
        3,
        "Seluruh rencana belanja TIK telah dikonsultasikan dengan Diskominfo (ANALISIS).",
        ["13.Rencana_Belanja_TIK_2024-2025.xlsx"],
    ),
    (
        14,
        2,
        "Peta Proses Bisnis ditetapkan dengan Keputusan Bupati (FAKTA).",
        ["14.Kepbup_Peta_Proses_Bisnis_2023.pdf"],
    ),
    (17, 3, "Jaringan Intra telah digunakan Perangkat Daerah (FAKTA).", ["Laporan_Jaringan_Intra_2024.pdf"]),
    (
        19,
        3,
        "Tim Koordinasi SPBE telah melaksanakan program kerja (FAKTA).",
        ["19.Notulen_Rapat_Tim_Koordinasi_Feb_2025.pdf"],
    ),
    (21, 2, "Register risiko SPBE disusun sesuai program Peta Rencana (FAKTA).", ["Register_Risiko_SPBE_2024.xlsx"]),
    (22, 2, "Pengamanan informasi dilakukan pada jaringan (FAKTA).", ["Laporan_Jaringan_Intra_2024.pdf"]),
    (25, 2, "Bimtek kompetensi SDM SPBE 2024 (FAKTA).", ["Laporan_Bimtek_Kompetensi_SDM_SPBE_2024.pdf"]),
    (30, 3, "Audit aplikasi oleh Inspektorat tahun 2024 (FAKTA).", ["30.LHA_Audit_Aplikasi_SPBE_2024.pdf"]),
    (
        32,
        4,
        "Layanan perencanaan diterapkan oleh Bappeda dengan aplikasi SIPD RI yang terintegrasi nasional, dibuktikan "
        "dengan tangkapan layar 32.Screenshot_SIPD_Renja.png (FAKTA), sehingga menggambarkan kapabilitas kolaborasi "
        "(ANALISIS).",
        ["32.Screenshot_SIPD_Renja.png"],
    ),
    (33, 4, "Layanan penganggaran dengan SIPD RI terintegrasi nasional (ANALISIS).", ["33.Screenshot_SIPD_RKA.png"]),
    (36, 3, "Layanan kepegawaian dengan SIMPEG: validasi dan persetujuan (ANALISIS).", ["36.Screenshot_SIMPEG.png"]),
    (37, 3, "Layanan kearsipan dinamis dengan SRIKANDI: TTE dan disposisi (ANALISIS).", ["37.Screenshot_SRIKANDI.png"]),
    (41, 3, "Layanan kinerja pegawai dengan e-Kinerja BKN (ANALISIS).", ["41.Screenshot_e-Kinerja.png"]),
    (
        42,
        4,
        "Layanan pengaduan dengan SP4N-LAPOR! yang terhubung nasional (ANALISIS).",
        ["42.Screenshot_SP4N-LAPOR.png"],
    ),
    (43, 2, "Portal Satu Data: pencarian dan unduh dataset (ANALISIS).", ["43.Screenshot_Satu_Data.png"]),
    (44, 3, "JDIH dengan pencarian dan unduh produk hukum (ANALISIS).", ["44.Screenshot_JDIH.png"]),
    (
        45,
        3,
        "Layanan perizinan dengan SiCantik Cloud, dibuktikan dengan buku manual (FAKTA).",
        ["Panduan_SiCantik_Cloud.pdf"],
    ),
]
