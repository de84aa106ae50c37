"""Texts of the regulations in the sample folder (formal Indonesian, Perkada/SK form).

The region is fictional (Kota Sukamaju, Provinsi Jawa Barat; a neighbouring
fictional Kabupaten Lembah Hijau). National legal bases cited are real
instruments; local ones are invented. Coverage of each article is deliberate:
see ``catalog.py`` for which indicator levels each text supports and why.
"""

from __future__ import annotations

from samplegen.model import (
    LEFT,
    SIGN,
    SP,
    TABLE,
    Blk,
    C,
    Doc,
    I,
    P,
    Signer,
    angka,
    ayat,
    bab,
    bagian,
    letters,
    paragraf,
    pasal,
    perkada,
)

CITY = "Kota Sukamaju"
HEAD = ["WALI KOTA SUKAMAJU", "PROVINSI JAWA BARAT"]
MAYOR_2019 = "ACHMAD SURYANA"
MAYOR = "HENDRA WIJAYAKUSUMA"  # 2019-2024 term
MAYOR_2025 = "RATNA KUSUMAWATI"  # inaugurated February 2025
SEKDA = "BAMBANG SUTRISNO"
SEKDA_2019 = "ENDANG KOSASIH"
JDIH = "jdih.sukamajukota.go.id"

SALINAN = [
    "Salinan sesuai dengan aslinya",
    "KEPALA BAGIAN HUKUM,",
    "",
    "ttd",
    "",
    "RINA MARLIANA, S.H., M.H.",
    "Pembina (IV/a)",
    "NIP. 19780512 200312 2 004",
]

# Legal bases (national ones real; LN/TLN numbers only where known).
UU_KOTA = (
    "Undang-Undang Nomor 17 Tahun 1999 tentang Pembentukan Kota Sukamaju (Lembaran Negara Republik Indonesia "
    "Tahun 1999 Nomor 55, Tambahan Lembaran Negara Republik Indonesia Nomor 3829);"
)
UU_ITE = (
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik (Lembaran Negara Republik "
    "Indonesia Tahun 2008 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 4843) sebagaimana telah "
    "diubah dengan Undang-Undang Nomor 19 Tahun 2016 tentang Perubahan atas Undang-Undang Nomor 11 Tahun 2008 "
    "tentang Informasi dan Transaksi Elektronik (Lembaran Negara Republik Indonesia Tahun 2016 Nomor 251, "
    "Tambahan Lembaran Negara Republik Indonesia Nomor 5952);"
)
UU_KIP = (
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik (Lembaran Negara Republik Indonesia "
    "Tahun 2008 Nomor 61, Tambahan Lembaran Negara Republik Indonesia Nomor 4846);"
)
UU_YANLIK = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2009 "
    "Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038);"
)
UU_PEMDA = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
    "kali, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang (Lembaran Negara Republik "
    "Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara Republik Indonesia Nomor 6856);"
)
UU_PEMDA_2019 = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
    "kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 "
    "Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan "
    "Lembaran Negara Republik Indonesia Nomor 5679);"
)
UU_PEMDA_2022 = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
    "kali, terakhir dengan Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja (Lembaran Negara Republik "
    "Indonesia Tahun 2020 Nomor 245, Tambahan Lembaran Negara Republik Indonesia Nomor 6573);"
)
PP_PSTE = (
    "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik "
    "(Lembaran Negara Republik Indonesia Tahun 2019 Nomor 185, Tambahan Lembaran Negara Republik Indonesia "
    "Nomor 6400);"
)
PERPRES_SPBE = (
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik (Lembaran Negara "
    "Republik Indonesia Tahun 2018 Nomor 182);"
)
PERPRES_SDI = (
    "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia (Lembaran Negara Republik Indonesia "
    "Tahun 2019 Nomor 112);"
)
PERPRES_ARSITEKTUR = (
    "Peraturan Presiden Nomor 132 Tahun 2022 tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik Nasional;"
)
PERMENDAGRI_80 = (
    "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara "
    "Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri "
    "Nomor 120 Tahun 2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang "
    "Pembentukan Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun 2018 Nomor 157);"
)
PERMENPAN_59 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 Tahun 2020 tentang "
    "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik (Berita Negara Republik Indonesia Tahun "
    "2020 Nomor 994);"
)
PERDA_PD = (
    "Peraturan Daerah Kota Sukamaju Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Kota "
    "Sukamaju (Lembaran Daerah Kota Sukamaju Tahun 2016 Nomor 7) sebagaimana telah diubah dengan Peraturan "
    "Daerah Kota Sukamaju Nomor 4 Tahun 2021 tentang Perubahan atas Peraturan Daerah Kota Sukamaju Nomor 7 "
    "Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Kota Sukamaju (Lembaran Daerah Kota Sukamaju "
    "Tahun 2021 Nomor 4);"
)
PERWALI_SPBE_REF = (
    "Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang Sistem Pemerintahan Berbasis Elektronik "
    "(Berita Daerah Kota Sukamaju Tahun 2023 Nomor 15);"
)

DEF_DAERAH = [
    "Daerah adalah Kota Sukamaju.",
    "Pemerintah Daerah adalah Wali Kota sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin "
    "pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.",
    "Wali Kota adalah Wali Kota Sukamaju.",
    "Sekretaris Daerah adalah Sekretaris Daerah Kota Sukamaju.",
    "Perangkat Daerah adalah unsur pembantu Wali Kota dan Dewan Perwakilan Rakyat Daerah dalam penyelenggaraan "
    "urusan pemerintahan yang menjadi kewenangan Daerah.",
    "Dinas Komunikasi dan Informatika yang selanjutnya disebut Diskominfo adalah Perangkat Daerah yang "
    "menyelenggarakan urusan pemerintahan bidang komunikasi dan informatika, bidang statistik, dan bidang "
    "persandian.",
]
DEF_SPBE = (
    "Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah penyelenggaraan "
    "pemerintahan yang memanfaatkan teknologi informasi dan komunikasi untuk memberikan layanan kepada "
    "Pengguna SPBE."
)
DEF_ARSITEKTUR = (
    "Arsitektur SPBE adalah kerangka dasar yang mendeskripsikan integrasi proses bisnis, data dan informasi, "
    "infrastruktur SPBE, aplikasi SPBE, dan keamanan SPBE untuk menghasilkan layanan SPBE yang terintegrasi."
)


def _numbered(defs: list[str]) -> list[Blk]:
    return [angka(i + 1, d) for i, d in enumerate(defs)]


def _closing(kind_short: str, berita: str) -> list[str]:
    return [
        f"{kind_short} ini mulai berlaku pada tanggal diundangkan.",
        f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {kind_short} ini dengan penempatannya "
        f"dalam {berita}.",
    ]


# ---------------------------------------------------------------------------------------
# Perwali 15/2023 tentang SPBE (umbrella policy, enacted)
# ---------------------------------------------------------------------------------------


def perwali_spbe_2023() -> Doc:
    body: list[Blk] = []
    body += bab("I", "KETENTUAN UMUM")
    body += pasal(
        1,
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        *_numbered(
            DEF_DAERAH
            + [
                "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah yang selanjutnya disebut "
                "Bappeda adalah Perangkat Daerah yang melaksanakan fungsi penunjang perencanaan.",
                DEF_SPBE,
                "Pengguna SPBE adalah Perangkat Daerah, pegawai Aparatur Sipil Negara, perorangan, masyarakat, "
                "pelaku usaha, dan pihak lain yang memanfaatkan Layanan SPBE.",
                DEF_ARSITEKTUR,
                "Peta Rencana SPBE adalah dokumen perencanaan yang memuat langkah-langkah strategis penerapan "
                "SPBE Pemerintah Daerah untuk jangka waktu 5 (lima) tahun.",
                "Aplikasi SPBE adalah satu atau sekumpulan program komputer dan prosedur yang dirancang untuk "
                "melakukan tugas atau fungsi Layanan SPBE.",
                "Pusat Data adalah fasilitas yang digunakan untuk penempatan sistem elektronik dan komponen "
                "terkait lainnya untuk keperluan penempatan, penyimpanan dan pengolahan data, serta pemulihan "
                "data.",
                "Jaringan Intra Pemerintah Daerah adalah jaringan interkoneksi tertutup yang menghubungkan antar "
                "jaringan intra Perangkat Daerah.",
                "Sistem Penghubung Layanan adalah perangkat integrasi atau penghubung untuk melakukan pertukaran "
                "Layanan SPBE.",
                "Audit Teknologi Informasi dan Komunikasi yang selanjutnya disebut Audit TIK adalah proses yang "
                "sistematis untuk memperoleh dan mengevaluasi bukti secara objektif terhadap aset teknologi "
                "informasi dan komunikasi dengan tujuan untuk menetapkan tingkat kesesuaian antara teknologi "
                "informasi dan komunikasi dengan kriteria dan/atau standar yang telah ditetapkan.",
                "Tim Koordinasi SPBE Pemerintah Daerah yang selanjutnya disebut Tim Koordinasi SPBE adalah tim "
                "yang dibentuk oleh Wali Kota untuk mengoordinasikan penerapan SPBE di lingkungan Pemerintah "
                "Daerah.",
            ]
        ),
    )
    body += bab("II", "MAKSUD, TUJUAN, DAN RUANG LINGKUP")
    body += pasal(
        2,
        ayat(
            1, "Peraturan Wali Kota ini dimaksudkan sebagai pedoman bagi Perangkat Daerah dalam penyelenggaraan SPBE."
        ),
        ayat(
            2,
            "Peraturan Wali Kota ini bertujuan untuk mewujudkan tata kelola pemerintahan yang bersih, efektif, "
            "transparan, dan akuntabel serta pelayanan publik yang berkualitas dan terpercaya.",
        ),
    )
    body += pasal(
        3,
        "Ruang lingkup Peraturan Wali Kota ini meliputi:",
        *letters(
            [
                "tata kelola SPBE;",
                "manajemen SPBE;",
                "layanan SPBE;",
                "Audit TIK;",
                "Tim Koordinasi SPBE;",
                "pemantauan dan evaluasi SPBE; dan",
                "pendanaan.",
            ],
            level=0,
        ),
    )
    body += bab("III", "TATA KELOLA SPBE")
    body += bagian("Kesatu", "Arsitektur SPBE")
    body += pasal(
        4,
        ayat(1, "Wali Kota menetapkan Arsitektur SPBE Pemerintah Daerah untuk jangka waktu 5 (lima) tahun."),
        ayat(2, "Arsitektur SPBE Pemerintah Daerah sebagaimana dimaksud pada ayat (1) memuat:"),
        *letters(
            [
                "referensi arsitektur;",
                "domain arsitektur proses bisnis;",
                "domain arsitektur data dan informasi; dan",
                "domain arsitektur aplikasi SPBE.",
            ]
        ),
        ayat(3, "Arsitektur SPBE Pemerintah Daerah disusun oleh Diskominfo berkoordinasi dengan Bappeda."),
    )
    body += bagian("Kedua", "Peta Rencana SPBE")
    body += pasal(
        5,
        ayat(
            1,
            "Peta Rencana SPBE Pemerintah Daerah disusun untuk jangka waktu 5 (lima) tahun dengan berpedoman pada "
            "Arsitektur SPBE Pemerintah Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Peta Rencana SPBE "
            "Nasional.",
        ),
        ayat(2, "Peta Rencana SPBE Pemerintah Daerah sebagaimana dimaksud pada ayat (1) memuat:"),
        *letters(
            [
                "tata kelola SPBE;",
                "manajemen SPBE;",
                "layanan SPBE;",
                "infrastruktur SPBE;",
                "aplikasi SPBE;",
                "keamanan SPBE; dan",
                "Audit TIK.",
            ]
        ),
        ayat(
            3, "Peta Rencana SPBE Pemerintah Daerah disahkan oleh Sekretaris Daerah selaku Ketua Tim Koordinasi SPBE."
        ),
    )
    body += bagian("Ketiga", "Rencana dan Anggaran SPBE")
    body += pasal(
        6,
        ayat(
            1,
            "Perangkat Daerah yang merencanakan belanja teknologi informasi dan komunikasi wajib "
            "berkonsultasi dengan Diskominfo sebelum menyampaikan rencana kerja dan anggaran.",
        ),
        ayat(
            2,
            "Bappeda dan Badan Pengelolaan Keuangan dan Aset Daerah memastikan keterpaduan rencana dan anggaran "
            "SPBE dengan Peta Rencana SPBE Pemerintah Daerah.",
        ),
    )
    body += bagian("Keempat", "Data dan Informasi")
    body += pasal(
        7,
        ayat(1, "Data dan informasi mencakup semua jenis data dan informasi yang dimiliki oleh Pemerintah Daerah."),
        ayat(
            2,
            "Penggunaan data dan informasi dilakukan dengan mengutamakan bagi pakai data dan informasi antar "
            "Perangkat Daerah.",
        ),
        ayat(3, "Ketentuan lebih lanjut mengenai manajemen data diatur dengan Peraturan Wali Kota."),
    )
    body += bagian("Kelima", "Aplikasi SPBE")
    body += pasal(
        8,
        ayat(1, "Aplikasi SPBE terdiri atas aplikasi umum dan aplikasi khusus."),
        ayat(2, "Perangkat Daerah mengutamakan penggunaan aplikasi umum yang ditetapkan oleh Pemerintah."),
        ayat(
            3,
            "Pembangunan dan pengembangan aplikasi khusus dilaksanakan melalui tahapan siklus pembangunan "
            "aplikasi yang meliputi:",
        ),
        *letters(
            [
                "analisis kebutuhan;",
                "perencanaan dan perancangan;",
                "konstruksi;",
                "pengujian;",
                "implementasi; dan",
                "pemeliharaan.",
            ]
        ),
        ayat(
            4,
            "Perangkat Daerah yang akan membangun atau mengembangkan aplikasi khusus wajib berkonsultasi dan "
            "memperoleh pertimbangan teknis dari Diskominfo.",
        ),
        ayat(5, "Kode sumber dan dokumentasi aplikasi khusus diserahkan kepada Diskominfo."),
    )
    body += bagian("Keenam", "Infrastruktur SPBE")
    body += paragraf(1, "Pusat Data")
    body += pasal(
        9,
        ayat(1, "Pemerintah Daerah menyelenggarakan Pusat Data Pemerintah Daerah yang dikelola oleh Diskominfo."),
        ayat(
            2,
            "Seluruh Perangkat Daerah wajib menggunakan layanan Pusat Data Pemerintah Daerah untuk penempatan "
            "server, aplikasi, dan data.",
        ),
        ayat(
            3,
            "Pusat Data Pemerintah Daerah terhubung dengan Pusat Data Nasional dan memanfaatkan layanannya sesuai "
            "dengan ketentuan peraturan perundang-undangan.",
        ),
    )
    body += paragraf(2, "Jaringan Intra Pemerintah Daerah")
    body += pasal(
        10,
        ayat(1, "Jaringan Intra Pemerintah Daerah diselenggarakan oleh Diskominfo."),
        ayat(
            2,
            "Seluruh Perangkat Daerah wajib menggunakan Jaringan Intra Pemerintah Daerah dalam pertukaran data "
            "dan informasi antar Perangkat Daerah.",
        ),
        ayat(
            3,
            "Jaringan Intra Pemerintah Daerah terhubung dengan Jaringan Intra Pemerintah yang diselenggarakan oleh "
            "kementerian yang menyelenggarakan urusan pemerintahan di bidang komunikasi dan informatika.",
        ),
    )
    body += paragraf(3, "Sistem Penghubung Layanan")
    body += pasal(
        11,
        ayat(1, "Diskominfo menyediakan Sistem Penghubung Layanan Pemerintah Daerah."),
        ayat(
            2,
            "Sistem Penghubung Layanan sebagaimana dimaksud pada ayat (1) digunakan oleh Perangkat Daerah yang "
            "menyelenggarakan layanan perizinan, layanan administrasi kependudukan, serta layanan perencanaan dan "
            "penganggaran.",
        ),
        ayat(3, "Penggunaan Sistem Penghubung Layanan oleh Perangkat Daerah lainnya dilaksanakan secara bertahap."),
    )
    body += bagian("Ketujuh", "Keamanan SPBE")
    body += pasal(
        12,
        ayat(
            1,
            "Keamanan SPBE mencakup penjaminan kerahasiaan, keutuhan, ketersediaan, keaslian, dan kenirsangkalan "
            "sumber daya terkait data dan informasi, infrastruktur SPBE, dan aplikasi SPBE.",
        ),
        ayat(2, "Kepala Diskominfo bertanggung jawab atas pelaksanaan manajemen keamanan informasi SPBE."),
        ayat(3, "Diskominfo menyusun rencana keamanan informasi SPBE setiap tahun."),
    )
    body += bagian("Kedelapan", "Layanan SPBE")
    body += pasal(
        13,
        ayat(
            1,
            "Layanan SPBE terdiri atas layanan administrasi pemerintahan berbasis elektronik dan layanan publik berbasis elektronik.",
        ),
        ayat(
            2,
            "Layanan administrasi pemerintahan berbasis elektronik meliputi layanan perencanaan, penganggaran, "
            "keuangan, pengadaan barang dan jasa, kepegawaian, kearsipan dinamis, pengelolaan barang milik daerah, "
            "pengawasan internal, akuntabilitas kinerja, dan kinerja pegawai.",
        ),
        ayat(
            3,
            "Layanan publik berbasis elektronik meliputi layanan pengaduan pelayanan publik, data terbuka, jaringan "
            "dokumentasi dan informasi hukum, dan layanan publik sektoral.",
        ),
    )
    body += bab("IV", "MANAJEMEN SPBE")
    body += pasal(
        14,
        ayat(1, "Manajemen SPBE meliputi:"),
        *letters(
            [
                "manajemen risiko;",
                "manajemen keamanan informasi;",
                "manajemen data;",
                "manajemen aset teknologi informasi dan komunikasi;",
                "manajemen sumber daya manusia;",
                "manajemen pengetahuan;",
                "manajemen perubahan; dan",
                "manajemen layanan SPBE.",
            ]
        ),
        ayat(2, "Manajemen SPBE dilaksanakan berdasarkan pedoman manajemen SPBE yang ditetapkan oleh Pemerintah."),
    )
    body += bab("V", "AUDIT TEKNOLOGI INFORMASI DAN KOMUNIKASI")
    body += pasal(
        15,
        ayat(1, "Audit TIK terdiri atas:"),
        *letters(["audit infrastruktur SPBE; dan", "audit aplikasi SPBE."]),
        ayat(2, "Audit TIK dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun."),
        ayat(
            3,
            "Audit TIK dilaksanakan oleh Inspektorat Daerah dan/atau lembaga pelaksana Audit TIK yang terakreditasi "
            "sesuai dengan ketentuan peraturan perundang-undangan.",
        ),
    )
    body += bab("VI", "TIM KOORDINASI SPBE")
    body += pasal(
        16,
        ayat(1, "Dalam rangka meningkatkan keterpaduan pelaksanaan SPBE, Wali Kota membentuk Tim Koordinasi SPBE."),
        ayat(2, "Susunan keanggotaan Tim Koordinasi SPBE terdiri atas:"),
        *letters(
            [
                "ketua: Sekretaris Daerah;",
                "sekretaris: Kepala Diskominfo; dan",
                "anggota: kepala Perangkat Daerah.",
            ]
        ),
        ayat(3, "Tim Koordinasi SPBE mempunyai tugas:"),
        *letters(
            [
                "mengoordinasikan penerapan SPBE di seluruh Perangkat Daerah;",
                "menyusun kebijakan, Arsitektur SPBE, dan Peta Rencana SPBE Pemerintah Daerah;",
                "memantau dan mengevaluasi penerapan SPBE di seluruh Perangkat Daerah;",
                "melakukan koordinasi dan kerja sama dengan kementerian/lembaga, Pemerintah Daerah Provinsi Jawa "
                "Barat, dan pemerintah daerah lain dalam rangka keterpaduan penerapan SPBE; dan",
                "melakukan reviu kebijakan internal SPBE secara berkala.",
            ]
        ),
        ayat(4, "Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota."),
    )
    body += bab("VII", "PEMANTAUAN DAN EVALUASI")
    body += pasal(
        17,
        ayat(1, "Pemantauan dan evaluasi SPBE dilaksanakan setiap tahun oleh Tim Koordinasi SPBE."),
        ayat(
            2,
            "Pemantauan dan evaluasi sebagaimana dimaksud pada ayat (1) berpedoman pada ketentuan peraturan "
            "perundang-undangan mengenai pemantauan dan evaluasi SPBE.",
        ),
    )
    body += bab("VIII", "PENDANAAN")
    body += pasal(
        18,
        "Pendanaan penyelenggaraan SPBE bersumber dari Anggaran Pendapatan dan Belanja Daerah dan/atau sumber lain "
        "yang sah dan tidak mengikat sesuai dengan ketentuan peraturan perundang-undangan.",
    )
    body += bab("IX", "KETENTUAN PENUTUP")
    body += pasal(
        19,
        "Pada saat Peraturan Wali Kota ini mulai berlaku, Peraturan Wali Kota Sukamaju Nomor 22 Tahun 2019 tentang "
        "Penyelenggaraan E-Government di Lingkungan Pemerintah Kota Sukamaju (Berita Daerah Kota Sukamaju Tahun "
        "2019 Nomor 22) dicabut dan dinyatakan tidak berlaku.",
    )
    body += pasal(20, *_closing("Peraturan Wali Kota", "Berita Daerah Kota Sukamaju"))
    blocks = perkada(
        head=HEAD,
        kind="PERATURAN WALI KOTA SUKAMAJU",
        number="15",
        year="2023",
        tentang=["SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"],
        menimbang=[
            "bahwa untuk mewujudkan tata kelola pemerintahan yang bersih, efektif, transparan, dan akuntabel serta "
            "pelayanan publik yang berkualitas dan terpercaya, diperlukan sistem pemerintahan berbasis elektronik;",
            "bahwa Peraturan Wali Kota Sukamaju Nomor 22 Tahun 2019 tentang Penyelenggaraan E-Government di "
            "Lingkungan Pemerintah Kota Sukamaju sudah tidak sesuai dengan Peraturan Presiden Nomor 95 Tahun 2018 "
            "tentang Sistem Pemerintahan Berbasis Elektronik sehingga perlu diganti;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
            "Peraturan Wali Kota tentang Sistem Pemerintahan Berbasis Elektronik;",
        ],
        mengingat=[
            UU_KOTA,
            UU_ITE,
            UU_KIP,
            UU_YANLIK,
            UU_PEMDA,
            PP_PSTE,
            PERPRES_SPBE,
            PERPRES_SDI,
            PERMENDAGRI_80,
            PERMENPAN_59,
            PERDA_PD,
        ],
        menetapkan="PERATURAN WALI KOTA TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.",
        body=body,
        signer=Signer("WALI KOTA SUKAMAJU", MAYOR, date="12 Juni 2023"),
        sekda=Signer("SEKRETARIS DAERAH KOTA SUKAMAJU", SEKDA, date="12 Juni 2023"),
        berita="Berita Daerah Kota Sukamaju",
        berita_number="15",
        salinan=SALINAN,
    )
    return Doc(
        title="Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 tentang Sistem Pemerintahan Berbasis Elektronik",
        blocks=blocks,
        author="Bagian Hukum Sekretariat Daerah Kota Sukamaju",
        footer=JDIH,
    )


# ---------------------------------------------------------------------------------------
# Perwali 8/2024 tentang Arsitektur SPBE (enacted, all domains)
# ---------------------------------------------------------------------------------------

ARSITEKTUR_TENTANG = [
    "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "PEMERINTAH KOTA SUKAMAJU TAHUN 2024-2028",
]


def perwali_arsitektur_2024() -> Doc:
    body: list[Blk] = []
    body += bab("I", "KETENTUAN UMUM")
    body += pasal(
        1,
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        *_numbered(
            DEF_DAERAH[:4]
            + [
                DEF_DAERAH[5],
                DEF_SPBE,
                DEF_ARSITEKTUR,
                "Arsitektur SPBE Nasional adalah Arsitektur SPBE yang diterapkan secara nasional sebagaimana "
                "ditetapkan dalam Peraturan Presiden Nomor 132 Tahun 2022.",
                "Referensi Arsitektur adalah pendeskripsian komponen dasar arsitektur baku yang digunakan sebagai "
                "acuan untuk penyusunan setiap domain arsitektur.",
                "Domain Arsitektur adalah pendeskripsian substansi arsitektur yang memuat domain arsitektur proses "
                "bisnis, data dan informasi, infrastruktur SPBE, aplikasi SPBE, keamanan SPBE, dan layanan SPBE.",
            ]
        ),
    )
    body += bab("II", "ARSITEKTUR SPBE PEMERINTAH DAERAH")
    body += pasal(
        2,
        ayat(
            1,
            "Arsitektur SPBE Pemerintah Daerah Tahun 2024-2028 digunakan sebagai pedoman dalam pembangunan, "
            "pengembangan, dan penerapan SPBE di seluruh Perangkat Daerah.",
        ),
        ayat(2, "Arsitektur SPBE Pemerintah Daerah sebagaimana dimaksud pada ayat (1) memuat:"),
        *letters(["Referensi Arsitektur; dan", "Domain Arsitektur."]),
    )
    body += pasal(
        3,
        ayat(1, "Domain Arsitektur sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b terdiri atas:"),
        *letters(
            [
                "domain arsitektur Proses Bisnis;",
                "domain arsitektur Data dan Informasi;",
                "domain arsitektur Infrastruktur SPBE;",
                "domain arsitektur Aplikasi SPBE;",
                "domain arsitektur Keamanan SPBE; dan",
                "domain arsitektur Layanan SPBE.",
            ]
        ),
        ayat(
            2,
            "Uraian Referensi Arsitektur dan Domain Arsitektur sebagaimana dimaksud pada ayat (1) tercantum dalam "
            "Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Wali Kota ini.",
        ),
    )
    body += pasal(
        4,
        ayat(
            1,
            "Arsitektur SPBE Pemerintah Daerah disusun dengan berpedoman pada Arsitektur SPBE Nasional dan "
            "memperhatikan Arsitektur SPBE Pemerintah Daerah Provinsi Jawa Barat.",
        ),
        ayat(
            2,
            "Arsitektur SPBE Pemerintah Daerah diterapkan untuk mewujudkan keterpaduan SPBE antar Perangkat Daerah "
            "serta keterpaduan dengan SPBE Pemerintah Pusat, Pemerintah Daerah Provinsi Jawa Barat, dan "
            "pemerintah daerah lain melalui integrasi layanan, bagi pakai data, dan penggunaan infrastruktur SPBE "
            "nasional.",
        ),
    )
    body += bab("III", "REVIU DAN PEMUTAKHIRAN")
    body += pasal(
        5,
        ayat(
            1,
            "Tim Koordinasi SPBE melakukan reviu Arsitektur SPBE Pemerintah Daerah pada paruh waktu dan tahun "
            "terakhir pelaksanaan, atau sewaktu-waktu sesuai dengan kebutuhan.",
        ),
        ayat(
            2,
            "Reviu sebagaimana dimaksud pada ayat (1) dilakukan berdasarkan perubahan Arsitektur SPBE Nasional, "
            "hasil pemantauan dan evaluasi SPBE, perubahan kebijakan strategis Daerah, dan/atau perkembangan "
            "teknologi.",
        ),
        ayat(3, "Hasil reviu digunakan sebagai dasar pemutakhiran Arsitektur SPBE Pemerintah Daerah."),
    )
    body += bab("IV", "KETENTUAN PENUTUP")
    body += pasal(6, *_closing("Peraturan Wali Kota", "Berita Daerah Kota Sukamaju"))
    blocks = perkada(
        head=HEAD,
        kind="PERATURAN WALI KOTA SUKAMAJU",
        number="8",
        year="2024",
        tentang=ARSITEKTUR_TENTANG,
        menimbang=[
            "bahwa untuk melaksanakan ketentuan Pasal 4 ayat (1) Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 "
            "tentang Sistem Pemerintahan Berbasis Elektronik, perlu menetapkan Arsitektur Sistem Pemerintahan "
            "Berbasis Elektronik Pemerintah Daerah;",
            "bahwa Arsitektur Sistem Pemerintahan Berbasis Elektronik Pemerintah Daerah perlu diselaraskan dengan "
            "Arsitektur Sistem Pemerintahan Berbasis Elektronik Nasional sebagaimana ditetapkan dalam Peraturan "
            "Presiden Nomor 132 Tahun 2022;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
            "Peraturan Wali Kota tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik Pemerintah Kota "
            "Sukamaju Tahun 2024-2028;",
        ],
        mengingat=[UU_KOTA, UU_PEMDA, PERPRES_SPBE, PERPRES_SDI, PERPRES_ARSITEKTUR, PERMENDAGRI_80, PERWALI_SPBE_REF],
        menetapkan="PERATURAN WALI KOTA TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK PEMERINTAH KOTA SUKAMAJU TAHUN 2024-2028.",
        body=body,
        signer=Signer("WALI KOTA SUKAMAJU", MAYOR, date="4 Maret 2024"),
        sekda=Signer("SEKRETARIS DAERAH KOTA SUKAMAJU", SEKDA, date="4 Maret 2024"),
        berita="Berita Daerah Kota Sukamaju",
        berita_number="8",
        salinan=SALINAN,
    )
    return Doc(
        title="Peraturan Wali Kota Sukamaju Nomor 8 Tahun 2024 tentang Arsitektur SPBE Pemerintah Kota Sukamaju Tahun 2024-2028",
        blocks=blocks,
        author="Bagian Hukum Sekretariat Daerah Kota Sukamaju",
        footer=JDIH,
    )


# ---------------------------------------------------------------------------------------
# Lampiran Perwali 8/2024: Dokumen Arsitektur SPBE (excerpt, all domains)
# ---------------------------------------------------------------------------------------


def lampiran_arsitektur_2024() -> Doc:
    b: list[Blk] = [
        LEFT(
            "LAMPIRAN",
            "PERATURAN WALI KOTA SUKAMAJU",
            "NOMOR 8 TAHUN 2024",
            "TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS",
            "ELEKTRONIK PEMERINTAH KOTA SUKAMAJU TAHUN 2024-2028",
        ),
        SP(),
        C("ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", bold=True),
        C("PEMERINTAH KOTA SUKAMAJU TAHUN 2024-2028", bold=True),
        SP(),
        C("BAB I", bold=True),
        C("PENDAHULUAN", bold=True),
        I("A.", "Latar Belakang"),
        P(
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik mengamanatkan "
            "setiap Pemerintah Daerah menyusun Arsitektur SPBE sebagai kerangka dasar yang mendeskripsikan "
            "integrasi proses bisnis, data dan informasi, infrastruktur SPBE, aplikasi SPBE, dan keamanan SPBE "
            "untuk menghasilkan layanan SPBE yang terintegrasi. Arsitektur SPBE Pemerintah Kota Sukamaju Tahun "
            "2024-2028 disusun dengan berpedoman pada Arsitektur SPBE Nasional sebagaimana ditetapkan dalam "
            "Peraturan Presiden Nomor 132 Tahun 2022 dan selaras dengan Rencana Pembangunan Jangka Menengah Daerah.",
            level=1,
        ),
        I("B.", "Maksud dan Tujuan"),
        P(
            "Arsitektur SPBE dimaksudkan sebagai pedoman bagi Perangkat Daerah dalam merencanakan, membangun, dan "
            "mengembangkan SPBE secara terpadu, serta bertujuan menghindari duplikasi aplikasi, infrastruktur, dan "
            "data antar Perangkat Daerah.",
            level=1,
        ),
        I("C.", "Sistematika"),
        P(
            "Dokumen ini terdiri atas Bab I Pendahuluan, Bab II Referensi Arsitektur, Bab III Domain Arsitektur "
            "(Proses Bisnis, Data dan Informasi, Layanan SPBE, Aplikasi SPBE, Infrastruktur SPBE, dan Keamanan "
            "SPBE), dan Bab IV Penutup. Kutipan ini memuat ringkasan setiap bab.",
            level=1,
        ),
        SP(),
        C("BAB II", bold=True),
        C("REFERENSI ARSITEKTUR", bold=True),
        P(
            "Referensi Arsitektur Pemerintah Kota Sukamaju mengacu pada Referensi Arsitektur SPBE Nasional dengan "
            "kode sebagai berikut:"
        ),
        TABLE(
            [
                ["No", "Referensi Arsitektur", "Kode", "Uraian Singkat"],
                [
                    "1",
                    "Referensi Arsitektur Proses Bisnis",
                    "RAB",
                    "Klasifikasi sektor dan urusan pemerintahan; 11 sektor, 32 urusan yang diampu Daerah",
                ],
                [
                    "2",
                    "Referensi Arsitektur Data dan Informasi",
                    "RAD",
                    "Klasifikasi data pokok dan data tematik; 214 kelompok data",
                ],
                ["3", "Referensi Arsitektur Layanan", "RAL", "Layanan administrasi pemerintahan dan layanan publik"],
                [
                    "4",
                    "Referensi Arsitektur Aplikasi",
                    "RAA",
                    "Aplikasi umum, aplikasi khusus, dan aplikasi berbagi pakai",
                ],
                [
                    "5",
                    "Referensi Arsitektur Infrastruktur",
                    "RAI",
                    "Pusat data, jaringan intra, sistem penghubung layanan",
                ],
                ["6", "Referensi Arsitektur Keamanan", "RAK", "Kendali keamanan pada setiap domain"],
            ],
            [6, 38, 10, 60],
        ),
        C("BAB III", bold=True),
        C("DOMAIN ARSITEKTUR", bold=True),
        I("A.", "Domain Arsitektur Proses Bisnis"),
        P(
            "Proses bisnis Pemerintah Kota Sukamaju dipetakan berdasarkan urusan pemerintahan dan fungsi penunjang. "
            "Contoh proses bisnis lintas Perangkat Daerah yang menjadi prioritas integrasi:",
            level=1,
        ),
        TABLE(
            [
                ["Kode", "Proses Bisnis", "Perangkat Daerah Pengampu", "Keterkaitan"],
                ["PB.01", "Perencanaan pembangunan daerah", "Bappeda", "Penganggaran, pengendalian"],
                ["PB.02", "Penganggaran dan penatausahaan keuangan", "BPKAD", "Perencanaan, pengadaan"],
                ["PB.03", "Pelayanan perizinan berusaha dan nonberusaha", "DPMPTSP", "Administrasi kependudukan"],
                ["PB.04", "Manajemen aparatur sipil negara", "BKPSDM", "Kinerja pegawai, keuangan"],
                ["PB.05", "Pengawasan internal", "Inspektorat", "Seluruh proses bisnis"],
            ],
            [10, 40, 25, 30],
        ),
        I("B.", "Domain Arsitektur Data dan Informasi"),
        P(
            "Data dan informasi dikelola dengan prinsip Satu Data Indonesia: standar data, metadata baku, "
            "interoperabilitas, dan kode referensi. Walidata Daerah adalah Diskominfo; produsen data adalah "
            "seluruh Perangkat Daerah.",
            level=1,
        ),
        TABLE(
            [
                ["Kode", "Kelompok Data", "Produsen Data", "Bagi Pakai"],
                ["DI.01", "Data kependudukan agregat", "Disdukcapil", "Seluruh Perangkat Daerah"],
                ["DI.02", "Data anggaran dan realisasi", "BPKAD", "Bappeda, Inspektorat"],
                ["DI.03", "Data kepegawaian", "BKPSDM", "BPKAD, Inspektorat"],
                ["DI.04", "Data perizinan", "DPMPTSP", "Portal Satu Data"],
            ],
            [10, 40, 25, 30],
        ),
        I("C.", "Domain Arsitektur Layanan SPBE"),
        P(
            "Layanan SPBE terdiri atas layanan administrasi pemerintahan (perencanaan, penganggaran, keuangan, "
            "pengadaan, kepegawaian, kearsipan, barang milik daerah, pengawasan, akuntabilitas kinerja, kinerja "
            "pegawai) dan layanan publik (pengaduan, data terbuka, JDIH, perizinan, kesehatan, kependudukan).",
            level=1,
        ),
        I("D.", "Domain Arsitektur Aplikasi SPBE"),
        TABLE(
            [
                ["Kode", "Aplikasi", "Jenis", "Pengelola", "Integrasi"],
                ["AP.01", "e-Planning", "Khusus", "Bappeda", "e-Budgeting, SIPD"],
                ["AP.02", "e-Budgeting", "Khusus", "BPKAD", "e-Planning, SIPD"],
                ["AP.03", "SIPD", "Umum", "BPKAD", "Kementerian Dalam Negeri"],
                ["AP.04", "SRIKANDI", "Umum", "Bagian Umum", "ANRI"],
                ["AP.05", "SiCantik Cloud", "Umum", "DPMPTSP", "OSS"],
                ["AP.06", "Lapor Sukamaju", "Khusus", "Diskominfo", "SP4N-LAPOR!"],
                ["AP.07", "Portal Satu Data", "Khusus", "Diskominfo", "Portal Satu Data Indonesia"],
            ],
            [10, 25, 12, 22, 30],
        ),
        I("E.", "Domain Arsitektur Infrastruktur SPBE"),
        P(
            "Infrastruktur SPBE meliputi Pusat Data Pemerintah Daerah (ruang server Diskominfo, tier II), Jaringan "
            "Intra Pemerintah Daerah berbasis serat optik yang menghubungkan Perangkat Daerah, dan Sistem "
            "Penghubung Layanan berbasis API gateway yang terhubung dengan Sistem Penghubung Layanan Pemerintah.",
            level=1,
        ),
        I("F.", "Domain Arsitektur Keamanan SPBE"),
        P(
            "Keamanan SPBE diterapkan pada setiap domain melalui kendali akses, enkripsi, sertifikat elektronik, "
            "pencadangan data, pemantauan insiden oleh tim tanggap insiden siber (CSIRT) Kota Sukamaju, dan "
            "penilaian kerentanan aplikasi secara berkala.",
            level=1,
        ),
        SP(),
        C("BAB IV", bold=True),
        C("PENUTUP", bold=True),
        P(
            "Arsitektur SPBE ini menjadi acuan bagi seluruh Perangkat Daerah dan ditinjau ulang sesuai dengan "
            "ketentuan Pasal 5 Peraturan Wali Kota ini."
        ),
        SP(),
        SIGN("WALI KOTA SUKAMAJU,", "", "ttd", "", MAYOR),
    ]
    return Doc(
        title="Lampiran Peraturan Wali Kota Sukamaju Nomor 8 Tahun 2024 - Dokumen Arsitektur SPBE (kutipan)",
        blocks=b,
        author="Dinas Komunikasi dan Informatika Kota Sukamaju",
        footer=JDIH,
    )


# ---------------------------------------------------------------------------------------
# RANCANGAN Perwali Manajemen Data (draft)
# ---------------------------------------------------------------------------------------


def rancangan_manajemen_data_2025() -> Doc:
    body: list[Blk] = []
    body += bab("I", "KETENTUAN UMUM")
    body += pasal(
        1,
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        *_numbered(
            DEF_DAERAH[:3]
            + [
                DEF_DAERAH[4],
                DEF_DAERAH[5],
                "Manajemen Data adalah proses pengelolaan data yang meliputi arsitektur data, data induk, data "
                "referensi, basis data, kualitas data, dan interoperabilitas data.",
                "Walidata adalah unit pada Pemerintah Daerah yang melaksanakan kegiatan pengumpulan, pemeriksaan, "
                "dan pengelolaan data yang disampaikan oleh Produsen Data, serta menyebarluaskan data.",
                "Produsen Data adalah Perangkat Daerah yang menghasilkan data.",
                "Forum Satu Data Kota Sukamaju adalah wadah komunikasi dan koordinasi Perangkat Daerah untuk "
                "penyelenggaraan Satu Data di Daerah.",
            ]
        ),
    )
    body += bab("II", "RUANG LINGKUP MANAJEMEN DATA")
    body += pasal(
        2,
        "Manajemen Data di lingkungan Pemerintah Daerah meliputi:",
        *letters(
            [
                "arsitektur data;",
                "data induk;",
                "data referensi;",
                "basis data;",
                "kualitas data; dan",
                "interoperabilitas data.",
            ],
            level=0,
        ),
    )
    body += pasal(
        3,
        ayat(
            1,
            "Arsitektur data disusun oleh Walidata dengan berpedoman pada domain arsitektur data dan informasi dalam Arsitektur SPBE Pemerintah Daerah.",
        ),
        ayat(2, "Data induk dan data referensi ditetapkan oleh Walidata berdasarkan usulan Produsen Data."),
        ayat(3, "Basis data dikelola pada Pusat Data Pemerintah Daerah."),
        ayat(4, "Kualitas data dijamin melalui pemeriksaan kesesuaian standar data, metadata, dan kode referensi."),
        ayat(5, "Interoperabilitas data dilaksanakan melalui Sistem Penghubung Layanan."),
    )
    body += bab("III", "PENYELENGGARA")
    body += pasal(
        4,
        ayat(1, "Diskominfo bertindak sebagai Walidata Daerah."),
        ayat(2, "Setiap Perangkat Daerah bertindak sebagai Produsen Data."),
        ayat(
            3,
            "Koordinasi penyelenggaraan Manajemen Data dilaksanakan melalui Forum Satu Data Kota Sukamaju yang diketuai oleh Kepala Bappeda.",
        ),
    )
    body += bab("IV", "KETENTUAN PENUTUP")
    body += pasal(5, *_closing("Peraturan Wali Kota", "Berita Daerah Kota Sukamaju"))
    blocks = perkada(
        head=HEAD,
        kind="PERATURAN WALI KOTA SUKAMAJU",
        number=None,
        year="2025",
        tentang=["MANAJEMEN DATA DI LINGKUNGAN PEMERINTAH KOTA SUKAMAJU"],
        menimbang=[
            "bahwa untuk melaksanakan ketentuan Pasal 7 ayat (3) Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 "
            "tentang Sistem Pemerintahan Berbasis Elektronik, perlu mengatur manajemen data;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali "
            "Kota tentang Manajemen Data di Lingkungan Pemerintah Kota Sukamaju;",
        ],
        mengingat=[UU_KOTA, UU_PEMDA, PERPRES_SPBE, PERPRES_SDI, PERMENDAGRI_80, PERWALI_SPBE_REF],
        menetapkan="PERATURAN WALI KOTA TENTANG MANAJEMEN DATA DI LINGKUNGAN PEMERINTAH KOTA SUKAMAJU.",
        body=body,
        signer=Signer("WALI KOTA SUKAMAJU", MAYOR_2025),
        sekda=Signer("SEKRETARIS DAERAH KOTA SUKAMAJU", SEKDA),
        berita="Berita Daerah Kota Sukamaju",
        berita_number=None,
        draft=True,
    )
    blocks += [
        SP(),
        LEFT("Paraf Koordinasi:"),
        TABLE(
            [
                ["No", "Jabatan", "Paraf", "Tanggal"],
                ["1", "Kepala Bagian Hukum", "", ""],
                ["2", "Kepala Dinas Komunikasi dan Informatika", "", ""],
                ["3", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "", ""],
                ["4", "Sekretaris Daerah", "", ""],
            ],
            [6, 50, 20, 20],
        ),
    ]
    return Doc(
        title="Rancangan Peraturan Wali Kota Sukamaju tentang Manajemen Data",
        blocks=blocks,
        author="Diskominfo Kota Sukamaju",
    )


# ---------------------------------------------------------------------------------------
# Perbup Lembah Hijau 31/2022 (another region) on Manajemen Keamanan Informasi
# ---------------------------------------------------------------------------------------


def perbup_lembah_hijau_2022() -> Doc:
    body: list[Blk] = []
    body += bab("I", "KETENTUAN UMUM")
    body += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        *_numbered(
            [
                "Daerah adalah Kabupaten Lembah Hijau.",
                "Bupati adalah Bupati Lembah Hijau.",
                "Perangkat Daerah adalah unsur pembantu Bupati dan Dewan Perwakilan Rakyat Daerah dalam "
                "penyelenggaraan urusan pemerintahan yang menjadi kewenangan Daerah.",
                "Dinas Komunikasi, Informatika, Statistik dan Persandian yang selanjutnya disebut Diskominfo "
                "adalah Perangkat Daerah yang menyelenggarakan urusan pemerintahan bidang komunikasi dan "
                "informatika, statistik, dan persandian.",
                DEF_SPBE,
                "Manajemen Keamanan Informasi adalah serangkaian proses untuk mencapai penerapan keamanan SPBE yang "
                "efektif, efisien, dan berkesinambungan.",
            ]
        ),
    )
    body += bab("II", "RUANG LINGKUP")
    body += pasal(
        2,
        "Manajemen Keamanan Informasi SPBE di lingkungan Pemerintah Kabupaten Lembah Hijau meliputi:",
        *letters(
            [
                "penetapan ruang lingkup;",
                "penetapan penanggung jawab;",
                "perencanaan;",
                "dukungan pengoperasian;",
                "evaluasi kinerja; dan",
                "perbaikan berkelanjutan.",
            ],
            level=0,
        ),
    )
    body += pasal(
        3,
        ayat(
            1,
            "Ruang lingkup Manajemen Keamanan Informasi mencakup data dan informasi, infrastruktur SPBE, dan aplikasi SPBE pada seluruh Perangkat Daerah.",
        ),
        ayat(2, "Bupati menetapkan Kepala Diskominfo sebagai penanggung jawab keamanan SPBE."),
        ayat(3, "Perencanaan keamanan disusun setiap tahun berdasarkan hasil penilaian risiko keamanan informasi."),
        ayat(
            4, "Dukungan pengoperasian meliputi sumber daya manusia, anggaran, sarana, dan prosedur operasional baku."
        ),
        ayat(5, "Evaluasi kinerja dilaksanakan melalui pemantauan, pengukuran, dan audit internal keamanan informasi."),
        ayat(6, "Perbaikan berkelanjutan dilakukan berdasarkan hasil evaluasi kinerja."),
    )
    body += bab("III", "KOORDINASI")
    body += pasal(
        4,
        "Diskominfo berkoordinasi dengan Badan Siber dan Sandi Negara dan Pemerintah Daerah Provinsi Jawa Barat "
        "dalam penanganan insiden keamanan informasi.",
    )
    body += bab("IV", "KETENTUAN PENUTUP")
    body += pasal(5, *_closing("Peraturan Bupati", "Berita Daerah Kabupaten Lembah Hijau"))
    blocks = perkada(
        head=["BUPATI LEMBAH HIJAU", "PROVINSI JAWA BARAT"],
        kind="PERATURAN BUPATI LEMBAH HIJAU",
        number="31",
        year="2022",
        tentang=["MANAJEMEN KEAMANAN INFORMASI", "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"],
        menimbang=[
            "bahwa untuk menjamin keamanan informasi dalam penyelenggaraan Sistem Pemerintahan Berbasis "
            "Elektronik di lingkungan Pemerintah Kabupaten Lembah Hijau, diperlukan manajemen keamanan informasi;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati "
            "tentang Manajemen Keamanan Informasi Sistem Pemerintahan Berbasis Elektronik;",
        ],
        mengingat=[
            "Undang-Undang Nomor 29 Tahun 2003 tentang Pembentukan Kabupaten Lembah Hijau di Provinsi Jawa Barat "
            "(Lembaran Negara Republik Indonesia Tahun 2003 Nomor 77);",
            UU_ITE,
            UU_PEMDA_2022,
            PP_PSTE,
            PERPRES_SPBE,
            "Peraturan Badan Siber dan Sandi Negara Nomor 4 Tahun 2021 tentang Pedoman Manajemen Keamanan Informasi "
            "Sistem Pemerintahan Berbasis Elektronik dan Standar Teknis dan Prosedur Keamanan Sistem Pemerintahan "
            "Berbasis Elektronik;",
        ],
        menetapkan="PERATURAN BUPATI TENTANG MANAJEMEN KEAMANAN INFORMASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.",
        body=body,
        signer=Signer("BUPATI LEMBAH HIJAU", "ARIEF RAHMAN HAKIM", place="Cibening", date="19 September 2022"),
        sekda=Signer(
            "SEKRETARIS DAERAH KABUPATEN LEMBAH HIJAU", "YAYAT SUDRAJAT", place="Cibening", date="19 September 2022"
        ),
        berita="Berita Daerah Kabupaten Lembah Hijau",
        berita_number="31",
    )
    return Doc(
        title="Peraturan Bupati Lembah Hijau Nomor 31 Tahun 2022",
        blocks=blocks,
        author="Bagian Hukum Setda Kabupaten Lembah Hijau",
        footer="jdih.lembahhijaukab.go.id",
    )


# ---------------------------------------------------------------------------------------
# Perwali 22/2019 tentang Penyelenggaraan E-Government (revoked by Perwali 15/2023), scanned
# ---------------------------------------------------------------------------------------


def perwali_egov_2019() -> Doc:
    body: list[Blk] = []
    body += bab("I", "KETENTUAN UMUM")
    body += pasal(
        1,
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        *_numbered(
            [
                "Daerah adalah Kota Sukamaju.",
                "Wali Kota adalah Wali Kota Sukamaju.",
                "Perangkat Daerah adalah unsur pembantu Wali Kota dalam penyelenggaraan urusan pemerintahan.",
                "E-Government adalah pemanfaatan teknologi informasi dan komunikasi dalam proses pemerintahan.",
            ]
        ),
    )
    body += bab("II", "PENYELENGGARAAN")
    body += pasal(
        2,
        ayat(1, "Penyelenggaraan E-Government dikoordinasikan oleh Dinas Komunikasi dan Informatika."),
        ayat(2, "Setiap Perangkat Daerah dapat membangun aplikasi sesuai kebutuhan tugas dan fungsinya."),
        ayat(
            3,
            "Aplikasi sebagaimana dimaksud pada ayat (2) ditempatkan pada ruang server Dinas Komunikasi dan Informatika.",
        ),
    )
    body += pasal(
        3,
        "Pendanaan penyelenggaraan E-Government dibebankan pada Anggaran Pendapatan dan Belanja Daerah.",
    )
    body += bab("III", "KETENTUAN PENUTUP")
    body += pasal(4, *_closing("Peraturan Wali Kota", "Berita Daerah Kota Sukamaju"))
    return Doc(
        title="Perwali 22 2019",
        blocks=perkada(
            head=HEAD,
            kind="PERATURAN WALI KOTA SUKAMAJU",
            number="22",
            year="2019",
            tentang=["PENYELENGGARAAN E-GOVERNMENT", "DI LINGKUNGAN PEMERINTAH KOTA SUKAMAJU"],
            menimbang=[
                "bahwa untuk meningkatkan efisiensi penyelenggaraan pemerintahan diperlukan pemanfaatan teknologi "
                "informasi dan komunikasi;",
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali "
                "Kota tentang Penyelenggaraan E-Government di Lingkungan Pemerintah Kota Sukamaju;",
            ],
            mengingat=[UU_KOTA, UU_ITE, UU_PEMDA_2019, PERPRES_SPBE],
            menetapkan="PERATURAN WALI KOTA TENTANG PENYELENGGARAAN E-GOVERNMENT DI LINGKUNGAN PEMERINTAH KOTA SUKAMAJU.",
            body=body,
            signer=Signer("WALI KOTA SUKAMAJU", MAYOR_2019, date="2 September 2019"),
            sekda=Signer("SEKRETARIS DAERAH KOTA SUKAMAJU", SEKDA_2019, date="2 September 2019"),
            berita="Berita Daerah Kota Sukamaju",
            berita_number="22",
        ),
    )


# ---------------------------------------------------------------------------------------
# SK Tim Koordinasi SPBE 2024 (DOCX)
# ---------------------------------------------------------------------------------------

SK_NUMBER = "188.45/123/HK/2024"
SK_TENTANG = "PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KOTA SUKAMAJU"

SK_MENIMBANG = [
    "bahwa untuk melaksanakan ketentuan Pasal 16 ayat (4) Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023 "
    "tentang Sistem Pemerintahan Berbasis Elektronik, perlu membentuk Tim Koordinasi Sistem Pemerintahan "
    "Berbasis Elektronik;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Wali Kota "
    "tentang Pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Sukamaju;",
]
SK_MENGINGAT = [UU_KOTA, UU_PEMDA, PERPRES_SPBE, PERMENPAN_59, PERDA_PD, PERWALI_SPBE_REF]
SK_DIKTUM = [
    (
        "KESATU",
        "Membentuk Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Sukamaju yang selanjutnya "
        "disebut Tim Koordinasi SPBE, dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan "
        "bagian tidak terpisahkan dari Keputusan ini.",
    ),
    ("KEDUA", "Tim Koordinasi SPBE sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:"),
    (
        "KETIGA",
        "Dalam melaksanakan tugasnya, Tim Koordinasi SPBE bertanggung jawab kepada Wali Kota melalui "
        "Sekretaris Daerah dan melaporkan pelaksanaan tugasnya paling sedikit 1 (satu) kali dalam 6 (enam) bulan.",
    ),
    (
        "KEEMPAT",
        "Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini dibebankan pada Anggaran "
        "Pendapatan dan Belanja Daerah Kota Sukamaju.",
    ),
    ("KELIMA", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
]
SK_TUGAS = [
    "mengoordinasikan dan mengarahkan penerapan SPBE di seluruh Perangkat Daerah;",
    "menyusun dan mereviu kebijakan internal SPBE, Arsitektur SPBE, dan Peta Rencana SPBE;",
    "memastikan keterpaduan rencana dan anggaran SPBE seluruh Perangkat Daerah;",
    "melaksanakan pemantauan dan evaluasi SPBE di seluruh Perangkat Daerah;",
    "melakukan koordinasi dan konsultasi dengan kementerian/lembaga, Pemerintah Daerah Provinsi Jawa Barat, dan "
    "pemerintah daerah lain dalam rangka keterpaduan SPBE; dan",
    "menyampaikan laporan pelaksanaan tugas kepada Wali Kota.",
]
SK_ANGGOTA = [
    ["No", "Kedudukan dalam Tim", "Jabatan"],
    ["1", "Pengarah", "Wali Kota Sukamaju"],
    ["2", "Ketua", "Sekretaris Daerah Kota Sukamaju"],
    ["3", "Wakil Ketua", "Asisten Administrasi Umum Sekretariat Daerah"],
    ["4", "Sekretaris", "Kepala Dinas Komunikasi dan Informatika"],
    ["5", "Anggota", "Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah"],
    ["6", "Anggota", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah"],
    ["7", "Anggota", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    ["8", "Anggota", "Inspektur Kota Sukamaju"],
    ["9", "Anggota", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"],
    ["10", "Anggota", "Kepala Dinas Kependudukan dan Pencatatan Sipil"],
    ["11", "Anggota", "Kepala Bagian Organisasi Sekretariat Daerah"],
    ["12", "Anggota", "Kepala Bagian Hukum Sekretariat Daerah"],
    ["13", "Sekretariat", "Kepala Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika"],
    ["14", "Sekretariat", "Kepala Bidang Infrastruktur TIK dan Persandian, Dinas Komunikasi dan Informatika"],
]
SK_TEMBUSAN = [
    "Gubernur Jawa Barat di Bandung;",
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta;",
    "Ketua Dewan Perwakilan Rakyat Daerah Kota Sukamaju;",
    "Inspektur Kota Sukamaju;",
    "Yang bersangkutan untuk diketahui dan dilaksanakan.",
]
SK_DATE = "15 Januari 2024"


# ---------------------------------------------------------------------------------------
# Surat Edaran Wali Kota 2025 on SRIKANDI (photographed)
# ---------------------------------------------------------------------------------------


def surat_edaran_srikandi_2025() -> list[str]:
    """Lines of the SE page as typed (for render_page)."""
    return [
        "WALI KOTA SUKAMAJU",
        "",
        "Sukamaju, 10 Maret 2025",
        "Yth. Kepala Perangkat Daerah",
        "di Lingkungan Pemerintah Kota Sukamaju",
        "",
        "SURAT EDARAN",
        "NOMOR 000.5.2/87/Org/2025",
        "TENTANG",
        "PENGGUNAAN APLIKASI SRIKANDI SEBAGAI APLIKASI UMUM",
        "BIDANG KEARSIPAN DINAMIS",
        "",
        "1.   Latar Belakang",
        "Dalam rangka penerapan Sistem Pemerintahan Berbasis Elektronik dan tata kelola arsip dinamis yang "
        "terpadu, Pemerintah Kota Sukamaju menggunakan Sistem Informasi Kearsipan Dinamis Terintegrasi "
        "(SRIKANDI) sebagai aplikasi umum bidang kearsipan dinamis.",
        "2.   Isi Edaran",
        "a.   seluruh Perangkat Daerah wajib membuat, menandatangani secara elektronik, mengirim, dan menerima "
        "naskah dinas melalui aplikasi SRIKANDI mulai 1 April 2025;",
        "b.   tanda tangan elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar "
        "Sertifikasi Elektronik;",
        "c.   arsip dinamis yang tercipta diberkaskan dan dikelola melalui menu pemberkasan SRIKANDI;",
        "d.   Dinas Komunikasi dan Informatika memfasilitasi akun dan pendampingan teknis.",
        "",
        "Demikian Surat Edaran ini untuk dilaksanakan.",
        "",
        "WALI KOTA SUKAMAJU,",
        "",
        "ttd",
        "",
        MAYOR_2025,
    ]
