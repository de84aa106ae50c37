"""Texts of the non-regulation documents: plans, reports, minutes, letters, SOP, lists."""

from __future__ import annotations

from samplegen.model import (
    KOP,
    LB,
    LEFT,
    PB,
    SIGN,
    SP,
    TABLE,
    Blk,
    C,
    Doc,
    H,
    I,
    P,
    huruf,
)
from samplegen.texts_regs import SEKDA

ADDR_SETDA = "Jalan Merdeka Nomor 1 Sukamaju 40111 Telepon (0265) 7520001 Laman: sukamajukota.go.id"
ADDR_KOMINFO = "Jalan Merdeka Nomor 45 Sukamaju 40115 Telepon (0265) 7520145 Laman: diskominfo.sukamajukota.go.id"
ADDR_INSP = "Jalan Pahlawan Nomor 12 Sukamaju 40112 Telepon (0265) 7520412 Laman: inspektorat.sukamajukota.go.id"
ADDR_BKPSDM = "Jalan Siliwangi Nomor 8 Sukamaju 40113 Telepon (0265) 7520308 Laman: bkpsdm.sukamajukota.go.id"
ADDR_BAPPEDA = "Jalan Merdeka Nomor 3 Sukamaju 40111 Telepon (0265) 7520033 Laman: bappeda.sukamajukota.go.id"
ADDR_BPKAD = "Jalan Merdeka Nomor 5 Sukamaju 40111 Telepon (0265) 7520055 Laman: bpkad.sukamajukota.go.id"

KEPALA_KOMINFO = ["Ir. DEDI SUPRIADI, M.T.", "Pembina Utama Muda (IV/c)", "NIP. 19720817 199803 1 005"]
SEKDA_FULL = [f"Drs. {SEKDA}, M.Si.", "Pembina Utama Madya (IV/d)", "NIP. 19690314 199003 1 006"]


def kop(unit: str, address: str) -> Blk:
    return KOP("PEMERINTAH KOTA SUKAMAJU", unit, address=address)


# ---------------------------------------------------------------------------------------
# Peta Rencana SPBE 2024-2028
# ---------------------------------------------------------------------------------------

PR_ROWS = [
    ["No", "Area", "Program / Kegiatan", "2024", "2025", "2026", "2027", "2028", "Pelaksana"],
    ["1", "Tata Kelola SPBE", "Penyusunan dan penetapan Arsitektur SPBE", "v", "", "", "", "", "Diskominfo, Bappeda"],
    [
        "2",
        "Tata Kelola SPBE",
        "Reviu kebijakan internal SPBE dan Arsitektur SPBE",
        "",
        "v",
        "",
        "v",
        "",
        "Tim Koordinasi SPBE",
    ],
    [
        "3",
        "Tata Kelola SPBE",
        "Penyusunan Peraturan Wali Kota tentang Manajemen Data",
        "v",
        "v",
        "",
        "",
        "",
        "Diskominfo, Bagian Hukum",
    ],
    [
        "4",
        "Tata Kelola SPBE",
        "Penyusunan Peta Proses Bisnis Pemerintah Daerah",
        "",
        "v",
        "v",
        "",
        "",
        "Bagian Organisasi",
    ],
    ["5", "Manajemen SPBE", "Penerapan manajemen risiko SPBE", "", "v", "v", "v", "v", "Inspektorat, Diskominfo"],
    [
        "6",
        "Manajemen SPBE",
        "Inventarisasi dan pemutakhiran daftar aset TIK",
        "v",
        "v",
        "v",
        "v",
        "v",
        "Diskominfo, BPKAD",
    ],
    [
        "7",
        "Manajemen SPBE",
        "Peningkatan kompetensi sumber daya manusia SPBE",
        "v",
        "v",
        "v",
        "v",
        "v",
        "BKPSDM, Diskominfo",
    ],
    ["8", "Manajemen SPBE", "Penerapan sistem manajemen keamanan informasi", "", "", "v", "v", "v", "Diskominfo"],
    ["9", "Layanan SPBE", "Integrasi e-Planning dan e-Budgeting dengan SIPD", "v", "v", "", "", "", "Bappeda, BPKAD"],
    ["10", "Layanan SPBE", "Penerapan SRIKANDI di seluruh Perangkat Daerah", "", "v", "", "", "", "Bagian Umum"],
    [
        "11",
        "Layanan SPBE",
        "Pengembangan Portal Satu Data dan layanan data terbuka",
        "v",
        "v",
        "v",
        "",
        "",
        "Diskominfo",
    ],
    [
        "12",
        "Infrastruktur SPBE",
        "Perluasan Jaringan Intra ke seluruh Perangkat Daerah",
        "v",
        "v",
        "",
        "",
        "",
        "Diskominfo",
    ],
    ["13", "Infrastruktur SPBE", "Pemanfaatan Pusat Data Nasional", "", "", "v", "v", "", "Diskominfo"],
    ["14", "Infrastruktur SPBE", "Perluasan penggunaan Sistem Penghubung Layanan", "", "v", "v", "v", "", "Diskominfo"],
    ["15", "Aplikasi SPBE", "Konsolidasi aplikasi dan katalog aplikasi daerah", "v", "v", "v", "", "", "Diskominfo"],
    ["16", "Keamanan SPBE", "Penilaian kerentanan aplikasi dan penguatan CSIRT", "v", "v", "v", "v", "v", "Diskominfo"],
    ["17", "Audit TIK", "Audit infrastruktur SPBE dan audit aplikasi SPBE", "v", "", "v", "", "v", "Inspektorat"],
    ["18", "Audit TIK", "Audit keamanan SPBE", "", "v", "", "v", "", "Diskominfo, BSSN"],
]


def peta_rencana_2024() -> Doc:
    b: list[Blk] = [
        SP(8),
        C("PETA RENCANA", bold=True, size=20),
        C("SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", bold=True, size=15),
        C("PEMERINTAH KOTA SUKAMAJU", bold=True, size=15),
        C("TAHUN 2024-2028", bold=True, size=15),
        SP(14),
        C("DINAS KOMUNIKASI DAN INFORMATIKA", bold=True),
        C("KOTA SUKAMAJU", bold=True),
        C("2024", bold=True),
        PB(),
        C("LEMBAR PENGESAHAN", bold=True),
        SP(),
        P(
            "Peta Rencana Sistem Pemerintahan Berbasis Elektronik Pemerintah Kota Sukamaju Tahun 2024-2028 disahkan "
            "berdasarkan Pasal 5 ayat (3) Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang Sistem "
            "Pemerintahan Berbasis Elektronik dan menjadi acuan bagi seluruh Perangkat Daerah dalam menyusun "
            "rencana kerja dan anggaran bidang SPBE."
        ),
        SP(),
        SIGN(
            "Ditetapkan di Sukamaju",
            "pada tanggal 20 Mei 2024",
            "SEKRETARIS DAERAH KOTA SUKAMAJU",
            "SELAKU KETUA TIM KOORDINASI SPBE,",
            "",
            "ttd",
            "",
            *SEKDA_FULL,
        ),
        PB(),
        C("BAB I", bold=True),
        C("PENDAHULUAN", bold=True),
        I("A.", "Latar Belakang"),
        P(
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik mewajibkan "
            "Pemerintah Daerah menyusun Peta Rencana SPBE yang berpedoman pada Arsitektur SPBE Pemerintah Daerah, "
            "Rencana Pembangunan Jangka Menengah Daerah, dan Peta Rencana SPBE Nasional. Hasil evaluasi SPBE Tahun "
            "2023 menempatkan Kota Sukamaju pada indeks 2,61 dengan predikat Baik; kelemahan utama terdapat pada "
            "domain Manajemen SPBE dan Audit TIK.",
            level=1,
        ),
        I("B.", "Tujuan"),
        P(
            "Peta Rencana SPBE bertujuan memberikan arah dan langkah strategis penerapan SPBE secara bertahap, "
            "terpadu, dan terukur selama periode 2024-2028.",
            level=1,
        ),
        I("C.", "Ruang Lingkup"),
        P(
            "Peta Rencana SPBE memuat program dan kegiatan pada area tata kelola SPBE, manajemen SPBE, layanan SPBE, "
            "infrastruktur SPBE, aplikasi SPBE, keamanan SPBE, dan Audit TIK.",
            level=1,
        ),
        SP(),
        C("BAB II", bold=True),
        C("PETA RENCANA SPBE TAHUN 2024-2028", bold=True),
        P(
            "Program dan kegiatan Peta Rencana SPBE beserta tahun pelaksanaan dan Perangkat Daerah pelaksana "
            "disajikan dalam tabel berikut (tanda v menunjukkan tahun pelaksanaan)."
        ),
        TABLE(PR_ROWS, [4, 13, 34, 9, 9, 9, 9, 9, 19], size=8),
        SP(),
        C("BAB III", bold=True),
        C("PENUTUP", bold=True),
        P(
            "Peta Rencana SPBE ini dilaksanakan oleh Perangkat Daerah sesuai dengan tugas dan fungsinya dan "
            "dijabarkan ke dalam rencana kerja dan anggaran setiap tahun. Pemantauan pelaksanaan dilakukan oleh Tim "
            "Koordinasi SPBE."
        ),
    ]
    return Doc(
        title="Peta Rencana SPBE Kota Sukamaju 2024-2028",
        blocks=b,
        author="Dinas Komunikasi dan Informatika Kota Sukamaju",
        page="A4",
    )


# ---------------------------------------------------------------------------------------
# Laporan Hasil Reviu Kebijakan Internal dan Arsitektur SPBE 2025 (current review)
# ---------------------------------------------------------------------------------------

REVIU_ROWS = [
    ["No", "Kebijakan / Pasal", "Permasalahan", "Rekomendasi"],
    [
        "1",
        "Perwali 15/2023 Pasal 4 ayat (2) (Arsitektur SPBE)",
        "Hanya menyebut empat domain; tidak selaras dengan Perwali 8/2024 yang mengatur enam domain arsitektur.",
        "Menyelaraskan Pasal 4 dengan Perwali 8/2024 pada perubahan Perwali SPBE.",
    ],
    [
        "2",
        "Perwali 15/2023 Pasal 5 (Peta Rencana SPBE)",
        "Muatan sudah lengkap dan berpedoman pada Peta Rencana SPBE Nasional; target tahunan belum dikaitkan dengan indikator kinerja.",
        "Menambahkan indikator kinerja tahunan pada pemutakhiran Peta Rencana SPBE Tahun 2026.",
    ],
    [
        "3",
        "Perwali 15/2023 Pasal 7 (Data dan Informasi)",
        "Manajemen data didelegasikan ke Perwali tersendiri yang masih berupa rancangan.",
        "Mempercepat penetapan Perwali Manajemen Data paling lambat Triwulan IV 2025.",
    ],
    [
        "4",
        "Perwali 15/2023 Pasal 9 (Pusat Data)",
        "Belum mengatur mekanisme migrasi ke Pusat Data Nasional dan rencana pemulihan bencana.",
        "Menambahkan ketentuan migrasi, pencadangan, dan rencana pemulihan bencana.",
    ],
    [
        "5",
        "Perwali 15/2023 Pasal 10 (Jaringan Intra)",
        "Belum mengatur standar keamanan jaringan dan tingkat layanan (SLA) antar Perangkat Daerah.",
        "Menyusun standar teknis Jaringan Intra dan SLA sebagai aturan turunan.",
    ],
    [
        "6",
        "Perwali 15/2023 Pasal 11 (Sistem Penghubung Layanan)",
        "Baru diwajibkan bagi tiga jenis layanan; belum diatur keterhubungan dengan SPLP nasional.",
        "Memperluas kewajiban ke seluruh Perangkat Daerah dan mengatur integrasi dengan SPLP.",
    ],
    [
        "7",
        "Perwali 15/2023 Pasal 12 (Keamanan SPBE)",
        "Hanya mengatur penanggung jawab dan perencanaan; belum mengatur ruang lingkup, dukungan pengoperasian, evaluasi kinerja, dan perbaikan berkelanjutan.",
        "Menyusun Perwali Manajemen Keamanan Informasi SPBE sesuai Peraturan BSSN Nomor 4 Tahun 2021.",
    ],
    [
        "8",
        "Perwali 15/2023 Pasal 15 (Audit TIK)",
        "Belum mencakup audit keamanan SPBE.",
        "Menambahkan audit keamanan SPBE pada perubahan Perwali SPBE.",
    ],
    [
        "9",
        "Perwali 15/2023 Pasal 16 dan Keputusan Wali Kota Nomor 188.45/123/HK/2024 (Tim Koordinasi SPBE)",
        "Susunan keanggotaan belum menyesuaikan perubahan nomenklatur Perangkat Daerah Tahun 2025; koordinasi dengan Pemerintah Provinsi belum terjadwal.",
        "Memutakhirkan Keputusan Wali Kota tentang Tim Koordinasi SPBE dan menyusun jadwal koordinasi semesteran.",
    ],
    [
        "10",
        "Perwali 8/2024 dan Lampiran (Arsitektur SPBE)",
        "Enam domain telah sesuai Arsitektur SPBE Nasional; domain Aplikasi belum memuat aplikasi baru (SRIKANDI, SiCantik Cloud versi terbaru) dan domain Layanan belum memuat layanan kesehatan daring.",
        "Pemutakhiran Arsitektur SPBE pada reviu paruh waktu Tahun 2026.",
    ],
]


def laporan_reviu_2025() -> Doc:
    b: list[Blk] = [
        kop("SEKRETARIAT DAERAH", ADDR_SETDA),
        C("LAPORAN HASIL REVIU", bold=True, size=13),
        C("KEBIJAKAN INTERNAL DAN ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", bold=True),
        C("PEMERINTAH KOTA SUKAMAJU TAHUN 2025", bold=True),
        SP(),
        H("BAB I PENDAHULUAN"),
        I("A.", "Dasar"),
        huruf(
            "1",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE;",
        ),
        huruf("2", "Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang SPBE, Pasal 16 ayat (3) huruf e;"),
        huruf(
            "3",
            "Peraturan Wali Kota Sukamaju Nomor 8 Tahun 2024 tentang Arsitektur SPBE Pemerintah Kota Sukamaju Tahun 2024-2028, Pasal 5;",
        ),
        huruf(
            "4",
            "Keputusan Wali Kota Sukamaju Nomor 188.45/123/HK/2024 tentang Pembentukan Tim Koordinasi SPBE Kota Sukamaju.",
        ),
        I("B.", "Tujuan"),
        P(
            "Reviu bertujuan menilai kesesuaian kebijakan internal SPBE dan Arsitektur SPBE dengan ketentuan "
            "peraturan perundang-undangan, kebutuhan Daerah, dan kriteria evaluasi SPBE, serta merumuskan "
            "rekomendasi perbaikan.",
            level=1,
        ),
        I("C.", "Ruang Lingkup dan Waktu"),
        P(
            "Objek reviu adalah Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023, Peraturan Wali Kota Sukamaju "
            "Nomor 8 Tahun 2024 beserta Lampirannya, dan Keputusan Wali Kota tentang Tim Koordinasi SPBE. Reviu "
            "dilaksanakan pada 12 Mei sampai dengan 13 Juni 2025 melalui telaah dokumen dan diskusi kelompok "
            "terpumpun pada 22 Mei 2025 yang dihadiri Perangkat Daerah anggota Tim Koordinasi SPBE.",
            level=1,
        ),
        SP(),
        H("BAB II HASIL REVIU"),
        P("Hasil reviu atas setiap kebijakan disajikan dalam tabel berikut."),
        TABLE(REVIU_ROWS, [5, 28, 45, 40], size=8),
        H("BAB III KESIMPULAN"),
        P(
            "Kebijakan internal SPBE Kota Sukamaju telah ditetapkan dan sebagian besar muatannya telah sesuai. "
            "Ketentuan mengenai Arsitektur SPBE, Peta Rencana SPBE, Pusat Data, Jaringan Intra, dan Tim Koordinasi "
            "SPBE telah mengatur keterpaduan dengan Pemerintah Pusat dan perlu dimutakhirkan sesuai rekomendasi. "
            "Ketentuan mengenai Sistem Penghubung Layanan, keamanan informasi, manajemen data, dan Audit TIK belum "
            "lengkap sehingga diperlukan perubahan Peraturan Wali Kota tentang SPBE yang direncanakan pada Tahun 2026."
        ),
        SP(),
        SIGN(
            "Sukamaju, 20 Juni 2025",
            "SEKRETARIS DAERAH KOTA SUKAMAJU",
            "SELAKU KETUA TIM KOORDINASI SPBE,",
            "",
            "ttd",
            "",
            *SEKDA_FULL,
        ),
    ]
    return Doc(
        title="Laporan Hasil Reviu Kebijakan Internal dan Arsitektur SPBE 2025",
        blocks=b,
        author="Bagian Organisasi Setda Kota Sukamaju",
        page="A4",
        page_numbers=True,
        font_size=10.5,
    )


# ---------------------------------------------------------------------------------------
# Laporan Hasil Audit TIK 2024 (internal, per guideline; infrastructure + application)
# ---------------------------------------------------------------------------------------

AUDIT_ROWS = [
    ["No", "Objek", "Temuan", "Rekomendasi", "Tanggapan Auditi"],
    [
        "1",
        "Pusat Data Pemerintah Daerah",
        "Seluruh 34 Perangkat Daerah telah menempatkan server atau aplikasinya di Pusat Data sesuai SOP Layanan Pusat Data; uji pemulihan cadangan data belum dilakukan.",
        "Melaksanakan uji pemulihan cadangan data paling sedikit dua kali setahun.",
        "Disetujui; dijadwalkan Triwulan I 2025.",
    ],
    [
        "2",
        "Pusat Data Pemerintah Daerah",
        "Pencatatan akses fisik ruang server masih manual dan tidak lengkap.",
        "Menerapkan kartu akses dan log elektronik.",
        "Disetujui.",
    ],
    [
        "3",
        "Jaringan Intra Pemerintah Daerah",
        "Jaringan Intra baru menjangkau 28 dari 34 Perangkat Daerah; enam Perangkat Daerah masih menggunakan internet publik.",
        "Memperluas Jaringan Intra ke seluruh Perangkat Daerah pada Tahun 2025.",
        "Disetujui; masuk DPA 2025.",
    ],
    [
        "4",
        "Aplikasi e-Planning",
        "Dokumen pengujian dan manual pengguna versi terakhir belum tersedia.",
        "Melengkapi dokumentasi siklus pembangunan aplikasi.",
        "Disetujui.",
    ],
    [
        "5",
        "Aplikasi e-Budgeting",
        "Integrasi dengan e-Planning melalui API berjalan; hak akses pengguna yang sudah mutasi belum dinonaktifkan.",
        "Melakukan peninjauan hak akses setiap triwulan.",
        "Disetujui.",
    ],
    [
        "6",
        "Aplikasi SIMPEG",
        "Kode sumber belum diserahkan kepada Diskominfo sebagaimana diwajibkan Pasal 8 ayat (5) Perwali 15/2023.",
        "Menyerahkan kode sumber dan dokumentasi.",
        "Dalam proses.",
    ],
]


def laporan_audit_tik_2024() -> Doc:
    b: list[Blk] = [
        kop("INSPEKTORAT", ADDR_INSP),
        C("LAPORAN HASIL AUDIT TEKNOLOGI INFORMASI DAN KOMUNIKASI", bold=True),
        C("(AUDIT INFRASTRUKTUR SPBE DAN AUDIT APLIKASI SPBE)", bold=True),
        C("PEMERINTAH KOTA SUKAMAJU TAHUN 2024", bold=True),
        C("Nomor: 700.1.2.2/LHA-05/Insp/2024"),
        SP(),
        H("BAB I PENDAHULUAN"),
        I("A.", "Dasar Audit"),
        huruf("1", "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;"),
        huruf("2", "Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang SPBE, Pasal 15;"),
        huruf("3", "Program Kerja Pengawasan Tahunan Inspektorat Kota Sukamaju Tahun 2024;"),
        huruf("4", "Surat Tugas Inspektur Kota Sukamaju Nomor 800.1.11.1/215/Insp/2024 tanggal 2 September 2024."),
        I("B.", "Tujuan dan Ruang Lingkup"),
        P(
            "Audit bertujuan menilai kesesuaian pengelolaan infrastruktur SPBE dan aplikasi SPBE dengan kebijakan "
            "dan standar yang berlaku. Ruang lingkup meliputi Pusat Data Pemerintah Daerah, Jaringan Intra "
            "Pemerintah Daerah, serta aplikasi e-Planning, e-Budgeting, dan SIMPEG. Audit keamanan SPBE tidak "
            "termasuk dalam ruang lingkup audit ini.",
            level=1,
        ),
        I("C.", "Pedoman dan Pelaksana"),
        P(
            "Audit dilaksanakan berdasarkan Pedoman Audit TIK Internal Pemerintah Kota Sukamaju yang ditetapkan "
            "dengan Keputusan Inspektur Nomor 700/12/Insp/2023, oleh tim auditor internal Inspektorat yang telah "
            "mengikuti pelatihan audit TIK. Pelaksanaan audit pada 9 September sampai dengan 25 Oktober 2024.",
            level=1,
        ),
        SP(),
        H("BAB II HASIL AUDIT"),
        TABLE(AUDIT_ROWS, [4, 18, 40, 28, 18], size=8),
        H("BAB III SIMPULAN"),
        P(
            "Pengelolaan Pusat Data dan aplikasi yang diaudit secara umum telah sesuai dengan pedoman, dengan "
            "catatan perbaikan pada pengujian pemulihan data, pengendalian akses, perluasan Jaringan Intra, dan "
            "kelengkapan dokumentasi aplikasi. Tindak lanjut rekomendasi dipantau oleh Inspektorat."
        ),
        SP(),
        SIGN(
            "Sukamaju, 18 November 2024",
            "INSPEKTUR KOTA SUKAMAJU,",
            "",
            "ttd",
            "",
            "HERU PRASETYO, S.E., M.Ak.",
            "Pembina Utama Muda (IV/c)",
            "NIP. 19740603 199903 1 004",
        ),
    ]
    return Doc(
        title="Laporan Hasil Audit TIK 2024", blocks=b, author="Inspektorat Kota Sukamaju", page="A4", font_size=10.5
    )


# ---------------------------------------------------------------------------------------
# Laporan Audit Keamanan SPBE 2021 (stale; scanned, 2 pages) - lines for render_page
# ---------------------------------------------------------------------------------------


def audit_keamanan_2021_pages() -> list[tuple[list[str], set[int], dict[int, str]]]:
    p1 = [
        "PT CAKRA AUDIT NUSANTARA",
        "Lembaga Auditor Teknologi Informasi dan Komunikasi",
        "",
        "LAPORAN HASIL AUDIT KEAMANAN",
        "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
        "PEMERINTAH KOTA SUKAMAJU",
        "PERIODE AGUSTUS - OKTOBER 2021",
        "",
        "1.   Pendahuluan",
        "Audit keamanan SPBE dilaksanakan berdasarkan Perjanjian Kerja Sama antara Dinas Komunikasi dan "
        "Informatika Kota Sukamaju dan PT Cakra Audit Nusantara Nomor 027/PKS/Diskominfo/VII/2021, oleh auditor "
        "yang memiliki sertifikasi keamanan informasi.",
        "2.   Ruang Lingkup",
        "Audit mencakup aplikasi layanan publik, Pusat Data, dan Jaringan Intra Pemerintah Kota Sukamaju pada "
        "periode Agustus sampai dengan Oktober 2021.",
        "3.   Ringkasan Hasil",
        "a.   ditemukan 7 kerentanan tingkat tinggi pada aplikasi layanan publik;",
        "b.   kebijakan kata sandi belum diterapkan secara konsisten;",
        "c.   belum tersedia prosedur penanganan insiden keamanan informasi;",
        "d.   pencadangan data belum diuji secara berkala.",
    ]
    p2 = [
        "4.   Rekomendasi",
        "a.   menutup seluruh kerentanan tingkat tinggi paling lambat 3 bulan;",
        "b.   menetapkan kebijakan kata sandi dan autentikasi dua faktor;",
        "c.   menyusun prosedur penanganan insiden dan membentuk tim tanggap insiden;",
        "d.   melaksanakan uji pemulihan data setiap semester.",
        "",
        "5.   Penutup",
        "Laporan ini disusun berdasarkan kondisi pada saat audit dilaksanakan pada Tahun 2021.",
        "",
        "Jakarta, 29 Oktober 2021",
        "PT CAKRA AUDIT NUSANTARA",
        "Ketua Tim Auditor,",
        "",
        "",
        "",
        "ANDRIAN WIBISONO, CISA, CISM",
    ]
    a1 = {0: "center", 1: "center", 3: "center", 4: "center", 5: "center", 6: "center"}
    a1.update({i: "justify" for i in (9, 11)})
    a2 = {i: "sign" for i in range(9, 16)}
    a2[7] = "justify"
    return [(p1, {0, 3, 4, 5, 6, 8, 10, 12}, a1), (p2, {0, 6}, a2)]


# ---------------------------------------------------------------------------------------
# Notulen Rapat Koordinasi Tim SPBE, 14 Maret 2025
# ---------------------------------------------------------------------------------------


def notulen_2025() -> Doc:
    b: list[Blk] = [
        kop("DINAS KOMUNIKASI DAN INFORMATIKA", ADDR_KOMINFO),
        C("NOTULEN RAPAT KOORDINASI TIM KOORDINASI SPBE KOTA SUKAMAJU", bold=True),
        C("(REVISI)", bold=True),
        SP(),
        LB("Hari/Tanggal", "", "Jumat, 14 Maret 2025"),
        LB("Waktu", "", "09.00 - 12.00 WIB"),
        LB("Tempat", "", "Ruang Rapat Sekretariat Daerah Kota Sukamaju"),
        LB("Pimpinan Rapat", "", "Sekretaris Daerah selaku Ketua Tim Koordinasi SPBE"),
        LB("Peserta", "", "Anggota Tim Koordinasi SPBE (daftar hadir terlampir)"),
        LB(
            "Agenda",
            "",
            "1. Persiapan pemantauan dan evaluasi SPBE Tahun 2025; 2. Rencana reviu kebijakan internal "
            "SPBE; 3. Konsultasi rencana belanja TIK Perangkat Daerah Tahun 2026.",
        ),
        SP(),
        H("Hasil Pembahasan"),
        I(
            "1.",
            "Ketua Tim menyampaikan bahwa penilaian mandiri SPBE Tahun 2025 dimulai pada bulan April 2025. "
            "Setiap Perangkat Daerah menyiapkan bukti dukung sesuai indikator yang diampu dan mengunggahnya ke folder "
            "bersama yang dikelola Diskominfo.",
        ),
        I(
            "2.",
            "Sekretaris Tim (Kepala Diskominfo) menjelaskan bahwa Peraturan Wali Kota Nomor 15 Tahun 2023 dan "
            "Peraturan Wali Kota Nomor 8 Tahun 2024 perlu direviu pada Tahun 2025 karena reviu merupakan syarat "
            "tingkat kematangan 4 pada domain kebijakan internal. Reviu dijadwalkan Mei-Juni 2025 dan dikoordinasikan "
            "oleh Bagian Organisasi.",
        ),
        I(
            "3.",
            "Bappeda menyampaikan bahwa dari 34 Perangkat Daerah, baru 21 Perangkat Daerah yang "
            "mengonsultasikan rencana belanja TIK kepada Diskominfo sebelum penyusunan Renja 2026. Rapat sepakat "
            "konsultasi menjadi syarat verifikasi Renja melalui aplikasi e-Planning.",
        ),
        I(
            "4.",
            "Bagian Hukum menyampaikan Rancangan Peraturan Wali Kota tentang Manajemen Data masih dalam tahap "
            "harmonisasi dan belum dapat ditetapkan.",
        ),
        SP(),
        H("Tindak Lanjut"),
        TABLE(
            [
                ["No", "Tindak Lanjut", "Penanggung Jawab", "Tenggat"],
                [
                    "1",
                    "Menyiapkan folder bukti dukung dan daftar indikator per Perangkat Daerah",
                    "Diskominfo",
                    "31 Maret 2025",
                ],
                ["2", "Menyusun kerangka acuan reviu kebijakan internal SPBE", "Bagian Organisasi", "30 April 2025"],
                [
                    "3",
                    "Menambahkan syarat konsultasi TIK pada verifikasi Renja di e-Planning",
                    "Bappeda, Diskominfo",
                    "30 April 2025",
                ],
                ["4", "Menyelesaikan harmonisasi Rancangan Perwali Manajemen Data", "Bagian Hukum", "30 Juni 2025"],
            ],
            [5, 50, 22, 18],
        ),
        SP(),
        SIGN(
            "Sukamaju, 17 Maret 2025", "Notulis,", "", "ttd", "", "SITI NURHALIZA, S.Kom.", "NIP. 19930705 201902 2 003"
        ),
        SP(),
        LEFT(
            "Mengetahui,", "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "KOTA SUKAMAJU,", "", "ttd", "", *KEPALA_KOMINFO
        ),
    ]
    return Doc(
        title="Notulen Rapat Koordinasi Tim SPBE (Revisi)",
        blocks=b,
        author="Seksi Aplikasi Diskominfo",
        page="A4",
        page_numbers=False,
        font_size=10.5,
    )


DAFTAR_HADIR = [
    ("Drs. Bambang Sutrisno, M.Si.", "Sekretaris Daerah"),
    ("Ir. Dedi Supriadi, M.T.", "Kepala Diskominfo"),
    ("Dr. Yuli Handayani, S.E., M.M.", "Kepala Bappeda"),
    ("Agus Salim, S.E., Ak.", "Kepala BPKAD"),
    ("Heru Prasetyo, S.E., M.Ak.", "Inspektur"),
    ("Dra. Nani Suryani", "Kepala BKPSDM"),
    ("Rina Marliana, S.H., M.H.", "Kabag Hukum"),
    ("Taufik Hidayat, S.STP., M.Si.", "Kabag Organisasi"),
    ("Wawan Setiawan, S.T.", "Kabid Aptika Diskominfo"),
    ("Lina Marlina, S.Kom.", "Kabid Infrastruktur TIK"),
    ("Asep Saepudin, S.Sos.", "Sekretaris DPMPTSP"),
    ("Dewi Kartika, S.Kom.", "Pranata Komputer Bappeda"),
    ("Siti Nurhaliza, S.Kom.", "Pranata Komputer Diskominfo"),
]


# ---------------------------------------------------------------------------------------
# Laporan Pengembangan Kompetensi SDM SPBE 2024 (mixed PDF: text + scanned signature page)
# ---------------------------------------------------------------------------------------


def laporan_kompetensi_2024() -> Doc:
    b: list[Blk] = [
        kop("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", ADDR_BKPSDM),
        C("LAPORAN PELAKSANAAN PENGEMBANGAN KOMPETENSI", bold=True),
        C("SUMBER DAYA MANUSIA BIDANG SPBE TAHUN 2024", bold=True),
        SP(),
        H("I. Pendahuluan"),
        P(
            "Pengembangan kompetensi sumber daya manusia bidang SPBE merupakan program Peta Rencana SPBE Pemerintah "
            "Kota Sukamaju Tahun 2024-2028 (program Peningkatan kompetensi sumber daya manusia SPBE). Pada Tahun "
            "2024 kegiatan dilaksanakan oleh BKPSDM bekerja sama dengan Diskominfo berdasarkan usulan kebutuhan "
            "Perangkat Daerah. Pedoman manajemen kompetensi SDM SPBE Daerah belum ditetapkan."
        ),
        H("II. Pelaksanaan Kegiatan"),
        TABLE(
            [
                ["No", "Kegiatan", "Bidang Kompetensi", "Penyelenggara", "Waktu", "Peserta"],
                ["1", "Pelatihan pengembangan aplikasi berbasis web", "Aplikasi SPBE", "Diskominfo", "Mei 2024", "20"],
                ["2", "Pelatihan dasar keamanan informasi", "Keamanan SPBE", "BSSN", "Juli 2024", "12"],
                [
                    "3",
                    "Bimbingan teknis Satu Data dan statistik sektoral",
                    "Data dan informasi",
                    "BPS Kota Sukamaju",
                    "Agustus 2024",
                    "15",
                ],
                [
                    "4",
                    "Workshop penyusunan peta proses bisnis",
                    "Proses bisnis pemerintahan",
                    "Bagian Organisasi",
                    "Oktober 2024",
                    "25",
                ],
            ],
            [5, 38, 22, 20, 15, 10],
        ),
        H("III. Permasalahan"),
        I("1.", "Kegiatan belum mencakup kompetensi arsitektur SPBE dan infrastruktur SPBE."),
        I("2.", "Belum tersedia standar kompetensi dan pedoman pengembangan kompetensi SDM SPBE."),
        I("3.", "Peserta baru berasal dari 16 dari 34 Perangkat Daerah."),
        H("IV. Rencana Tindak Lanjut"),
        P(
            "BKPSDM bersama Diskominfo akan menyusun pedoman pengembangan kompetensi SDM SPBE pada Tahun 2025 dan "
            "memperluas peserta ke seluruh Perangkat Daerah."
        ),
    ]
    return Doc(
        title="Laporan Pengembangan Kompetensi SDM SPBE 2024",
        blocks=b,
        author="BKPSDM Kota Sukamaju",
        page="A4",
        font_size=10.5,
    )


def kompetensi_signature_lines() -> tuple[list[str], set[int], dict[int, str]]:
    lines = [
        "V.   Penutup",
        "Demikian laporan ini disusun sebagai bahan pemantauan pelaksanaan Peta Rencana SPBE dan bukti dukung "
        "evaluasi SPBE Tahun 2025.",
        "",
        "Sukamaju, 20 Desember 2024",
        "KEPALA BADAN KEPEGAWAIAN DAN",
        "PENGEMBANGAN SUMBER DAYA MANUSIA",
        "KOTA SUKAMAJU,",
        "",
        "",
        "",
        "Dra. NANI SURYANI",
        "Pembina Utama Muda (IV/c)",
        "NIP. 19700211 199203 2 002",
    ]
    align = {1: "justify"}
    align.update({i: "sign" for i in range(3, 13)})
    return lines, {0, 10}, align


# ---------------------------------------------------------------------------------------
# Irrelevant: undangan fun run
# ---------------------------------------------------------------------------------------


def undangan_fun_run_2025() -> Doc:
    b: list[Blk] = [
        kop("SEKRETARIAT DAERAH", ADDR_SETDA),
        SIGN("Sukamaju, 14 April 2025"),
        LB("Nomor", "", "005/214/Kesra/2025"),
        LB("Sifat", "", "Biasa"),
        LB("Lampiran", "", "1 (satu) lembar"),
        LB("Hal", "", "Undangan Fun Run dan Jalan Sehat Hari Jadi Kota Sukamaju ke-78"),
        SP(),
        LEFT("Yth. Kepala Perangkat Daerah", "di Lingkungan Pemerintah Kota Sukamaju", "di Tempat"),
        SP(),
        P(
            "Dalam rangka memeriahkan Hari Jadi Kota Sukamaju ke-78, Pemerintah Kota Sukamaju menyelenggarakan Fun "
            "Run 5K dan Jalan Sehat bersama masyarakat. Sehubungan dengan hal tersebut, kami mengundang Saudara "
            "beserta seluruh pegawai di lingkungan Perangkat Daerah yang Saudara pimpin untuk hadir pada:"
        ),
        LB("Hari/Tanggal", "", "Minggu, 27 April 2025"),
        LB("Waktu", "", "Pukul 06.00 WIB s.d. selesai"),
        LB("Tempat", "", "Alun-Alun Kota Sukamaju (start dan finis)"),
        LB("Pakaian", "", "Kaos Hari Jadi ke-78 dan sepatu olahraga"),
        SP(),
        P(
            "Pendaftaran peserta disampaikan melalui sekretariat panitia di Bagian Kesejahteraan Rakyat paling lambat "
            "23 April 2025. Tersedia hadiah utama dan doorprize bagi peserta. Demikian undangan ini, atas perhatian "
            "dan kehadirannya kami ucapkan terima kasih."
        ),
        SP(),
        SIGN(
            "a.n. SEKRETARIS DAERAH KOTA SUKAMAJU",
            "ASISTEN ADMINISTRASI UMUM,",
            "",
            "ttd",
            "",
            "Drs. EDI JUNAEDI, M.Si.",
            "Pembina Utama Muda (IV/c)",
            "NIP. 19710909 199303 1 007",
        ),
    ]
    return Doc(
        title="Undangan Fun Run HUT Kota Sukamaju ke-78",
        blocks=b,
        author="Bagian Kesra Setda",
        page="A4",
        page_numbers=False,
        font_size=10.5,
    )


# ---------------------------------------------------------------------------------------
# Broken-file payloads: Renja Bappeda 2025 (truncated), LRA TIK 2024 (encrypted)
# ---------------------------------------------------------------------------------------


def renja_bappeda_2025() -> Doc:
    rows = [["No", "Program / Kegiatan / Sub Kegiatan", "Indikator", "Target", "Pagu (Rp)"]]
    items = [
        ("Perencanaan pembangunan daerah bidang infrastruktur", "Dokumen perencanaan", "4 dokumen", "412.500.000"),
        ("Koordinasi penyusunan RKPD", "Dokumen RKPD", "1 dokumen", "685.000.000"),
        ("Pengelolaan aplikasi e-Planning", "Aplikasi yang dikelola", "1 aplikasi", "350.000.000"),
        ("Pengendalian dan evaluasi pelaksanaan RPJMD", "Laporan evaluasi", "4 laporan", "298.750.000"),
        ("Penelitian dan pengembangan daerah", "Rekomendasi kebijakan", "6 rekomendasi", "540.000.000"),
        ("Koordinasi Forum Satu Data Kota Sukamaju", "Rapat forum", "4 kali", "120.000.000"),
    ]
    for i, (a, bb, c, d) in enumerate(items * 3, 1):
        rows.append([str(i), a, bb, c, d])
    b: list[Blk] = [
        kop("BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH", ADDR_BAPPEDA),
        C("RENCANA KERJA (RENJA) TAHUN 2025", bold=True),
        C("BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH KOTA SUKAMAJU", bold=True),
        SP(),
        H("BAB I PENDAHULUAN"),
        P(
            "Rencana Kerja Bappeda Tahun 2025 disusun berdasarkan Rencana Strategis Bappeda dan Rencana Kerja "
            "Pemerintah Daerah Tahun 2025, memuat program, kegiatan, dan sub kegiatan beserta indikator kinerja "
            "dan pagu indikatif."
        ),
        H("BAB II RENCANA PROGRAM DAN KEGIATAN"),
        TABLE(rows, [5, 45, 22, 12, 16], size=8),
        H("BAB III PENUTUP"),
        P("Renja ini menjadi pedoman penyusunan Rencana Kerja dan Anggaran Bappeda Tahun 2025."),
    ]
    return Doc(title="Renja Bappeda 2025", blocks=b, author="Bappeda Kota Sukamaju", page="A4", font_size=10.5)


def lra_tik_2024() -> Doc:
    b: list[Blk] = [
        kop("BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", ADDR_BPKAD),
        C("LAPORAN REALISASI ANGGARAN BELANJA TEKNOLOGI INFORMASI DAN KOMUNIKASI", bold=True),
        C("TAHUN ANGGARAN 2024", bold=True),
        SP(),
        TABLE(
            [
                ["No", "Perangkat Daerah", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
                ["1", "Dinas Komunikasi dan Informatika", "6.850.000.000", "6.412.300.000", "93,61"],
                ["2", "Bappeda", "350.000.000", "341.200.000", "97,49"],
                ["3", "BPKAD", "1.200.000.000", "1.104.000.000", "92,00"],
                ["4", "BKPSDM", "420.000.000", "389.500.000", "92,74"],
                ["5", "DPMPTSP", "275.000.000", "268.900.000", "97,78"],
            ],
            [5, 40, 20, 20, 8],
        ),
    ]
    return Doc(title="LRA Belanja TIK 2024", blocks=b, author="BPKAD Kota Sukamaju", page="A4", page_numbers=False)


# ---------------------------------------------------------------------------------------
# SOP Layanan Pusat Data (DOCX content)
# ---------------------------------------------------------------------------------------

SOP_IDENTITAS = [
    ("Nomor SOP", "800/045/Diskominfo/2024"),
    ("Tanggal Pembuatan", "5 Februari 2024"),
    ("Tanggal Revisi", "-"),
    ("Tanggal Efektif", "1 Maret 2024"),
    ("Disahkan oleh", "Kepala Dinas Komunikasi dan Informatika Kota Sukamaju (ttd)"),
    ("Nama SOP", "Layanan Penempatan Server dan Aplikasi pada Pusat Data Pemerintah Kota Sukamaju"),
]
SOP_META = [
    (
        "Dasar Hukum",
        "1. Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE; 2. Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang SPBE, Pasal 9.",
    ),
    (
        "Ruang Lingkup",
        "SOP ini berlaku bagi seluruh Perangkat Daerah yang menempatkan server, aplikasi, dan data pada Pusat Data Pemerintah Kota Sukamaju.",
    ),
    ("Kualifikasi Pelaksana", "Memahami administrasi server, virtualisasi, dan jaringan komputer."),
    (
        "Peralatan/Perlengkapan",
        "Formulir permohonan daring, aplikasi tiket layanan, ruang server, perangkat virtualisasi.",
    ),
    (
        "Peringatan",
        "Apabila SOP ini tidak dilaksanakan, penempatan aplikasi tidak terdokumentasi dan berisiko terhadap keamanan data.",
    ),
    ("Pencatatan dan Pendataan", "Tiket layanan, berita acara penempatan, daftar server dan aplikasi."),
]
SOP_LANGKAH = [
    ["No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output"],
    [
        "1",
        "Mengajukan permohonan penempatan server/aplikasi melalui formulir daring",
        "Perangkat Daerah pemohon",
        "Formulir, spesifikasi teknis",
        "15 menit",
        "Tiket permohonan",
    ],
    [
        "2",
        "Memverifikasi kelengkapan dan kelayakan teknis permohonan",
        "Admin Layanan Pusat Data",
        "Tiket permohonan",
        "1 hari",
        "Hasil verifikasi",
    ],
    [
        "3",
        "Menyetujui atau menolak permohonan",
        "Kepala Bidang Infrastruktur TIK",
        "Hasil verifikasi",
        "1 hari",
        "Persetujuan",
    ],
    [
        "4",
        "Menyiapkan mesin virtual/rak, alamat IP, dan akses jaringan",
        "Tim Teknis Pusat Data",
        "Persetujuan",
        "2 hari",
        "Sumber daya siap",
    ],
    [
        "5",
        "Melakukan pemindaian kerentanan sebelum aplikasi dipublikasikan",
        "Tim Keamanan Informasi",
        "Sumber daya siap",
        "1 hari",
        "Laporan pemindaian",
    ],
    [
        "6",
        "Menandatangani berita acara penempatan dan menutup tiket",
        "Admin Layanan dan Perangkat Daerah pemohon",
        "Laporan pemindaian",
        "30 menit",
        "Berita acara",
    ],
]
