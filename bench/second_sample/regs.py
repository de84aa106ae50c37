"""The regulations and decrees of the second sample (Perbup, Keputusan Bupati), composed from real texts.

Wording sources, per document (none from rules/ or samplegen/texts_*.py):
* Perbup 40/2021 tentang SPBE (umbrella): the articles of the real Perbup Batu Bara 81/2021 tentang SPBE
  dalam Penyelenggaraan Pemerintahan Daerah (BAB I-X: definitions, prinsip, tata kelola, manajemen, audit,
  penyelenggara), its Menimbang; the revocation clause after the real Rancangan Perbup Lamongan 2021
  Pasal 62; the frame (heading, Menimbang/Mengingat, Ditetapkan/Diundangkan, Berita Daerah) after
  ../shared/reference/spbe-framework.md §7.1.
* Perbup 45/2016 tentang Rencana Induk TIK: the real Perbup Pakpak Bharat 34/2019 (Pasal 2-4: maksud,
  tujuan, the chapters of the Rencana Induk; its lampiran's latar belakang and misi) and its Mengingat,
  which cite the pre-2018 instruments (KepmenKominfo 57/2003, PermenKominfo 41/2007, PP 82/2012).
* Perbup 7/2024 tentang Manajemen Keamanan Informasi SPBE: the penjelasan of indicators 8 and 22 in
  Pedoman MenPANRB 3/2024 (pp. 37, 89: the six processes, the purpose) and the real Perbup Batu Bara
  81/2021 Pasal 28 and 35 (kerahasiaan, keutuhan, ketersediaan, keaslian, kenirsangkalan).
* Keputusan Bupati (Peta Rencana SPBE, Peta Proses Bisnis, draft Tim Koordinasi): the SK form of
  spbe-framework.md §7.2 (real Kepwal Denpasar 188.45/1689/HK/2019), the Peta Rencana clauses of Perbup
  Batu Bara Pasal 9-10, the strategic areas of the Pakpak Bharat Rencana Induk BAB IV, the road-map
  contents the Pedoman lists for indicators 2 and 12, the Tim Koordinasi tasks of Perbup Batu Bara
  Pasal 47-49 and PermenPANRB 19/2018 for the Peta Proses Bisnis.
"""

from __future__ import annotations

from bench.second_sample import common as K
from samplegen.model import (
    LB,
    LEFT,
    SIGN,
    SP,
    TABLE,
    Blk,
    C,
    Doc,
    P,
    Signer,
    angka,
    ayat,
    bab,
    bagian,
    huruf,
    letters,
    pasal,
    perkada,
)

AUTHOR = "Bagian Hukum Setda Kabupaten Banjarnegara"
JDIH = f"jdih.{K.DOMAIN}"


def _numbered(items: list[str]) -> list[Blk]:
    return [angka(i + 1, t) for i, t in enumerate(items)]


def _closing() -> list[str]:
    return [
        "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya "
        "dalam Berita Daerah Kabupaten Banjarnegara.",
    ]


# --- Perbup 40/2021 tentang SPBE (umbrella, enacted; after Perbup Batu Bara 81/2021) ------------------

UMBRELLA_TENTANG = [
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK DALAM",
    "PENYELENGGARAAN PEMERINTAHAN DAERAH",
]
UMBRELLA_DEFS = [
    "Daerah adalah Kabupaten Banjarnegara.",
    "Pemerintah Daerah adalah Bupati sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin pelaksanaan "
    "urusan pemerintahan yang menjadi kewenangan daerah otonom.",
    "Bupati adalah Bupati Banjarnegara.",
    "Sekretaris Daerah adalah Sekretaris Daerah Kabupaten Banjarnegara.",
    "Organisasi Perangkat Daerah yang selanjutnya disingkat OPD adalah unsur pembantu Bupati dalam "
    "penyelenggaraan urusan pemerintahan yang menjadi kewenangan daerah.",
    "Dinas Komunikasi dan Informatika yang selanjutnya disebut Diskominfo adalah Dinas Komunikasi dan "
    "Informatika Kabupaten Banjarnegara.",
    "Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah penyelenggaraan "
    "pemerintahan yang memanfaatkan teknologi informasi dan komunikasi untuk memberikan layanan kepada "
    "pengguna SPBE.",
    "Tata Kelola SPBE adalah kerangka kerja yang memastikan terlaksananya pengaturan, pengarahan, dan "
    "pengendalian dalam penerapan SPBE secara terpadu.",
    "Manajemen SPBE adalah serangkaian proses untuk mencapai penerapan SPBE yang efektif, efisien, dan "
    "berkesinambungan, serta layanan SPBE yang berkualitas.",
    "Arsitektur SPBE Pemerintah Daerah yang selanjutnya disebut Arsitektur SPBE adalah kerangka dasar yang "
    "mendeskripsikan integrasi proses bisnis, data dan informasi, infrastruktur SPBE, aplikasi SPBE, dan "
    "keamanan SPBE untuk menghasilkan layanan SPBE yang terintegrasi yang diterapkan di Pemerintah Daerah.",
    "Peta Rencana SPBE Pemerintah Daerah yang selanjutnya disebut Peta Rencana SPBE adalah dokumen yang "
    "mendeskripsikan arah dan langkah penyiapan dan pelaksanaan SPBE yang terintegrasi yang diterapkan di "
    "Pemerintah Daerah.",
    "Proses Bisnis adalah sekumpulan kegiatan yang terstruktur dan saling terkait dalam pelaksanaan tugas dan "
    "fungsi Pemerintah Daerah.",
    "Infrastruktur SPBE adalah semua perangkat keras, perangkat lunak, dan fasilitas yang menjadi penunjang "
    "utama untuk menjalankan sistem, aplikasi, komunikasi data, pengolahan dan penyimpanan data, perangkat "
    "integrasi/penghubung, dan perangkat elektronik lainnya.",
    "Pusat Data adalah suatu fasilitas yang digunakan untuk menempatkan sistem elektronik dan komponen "
    "terkaitnya untuk keperluan penempatan, penyimpanan, dan pengolahan data.",
    "Audit Teknologi Informasi dan Komunikasi adalah proses yang sistematis untuk memperoleh dan mengevaluasi "
    "bukti secara obyektif terhadap aset teknologi informasi dan komunikasi dengan tujuan untuk menetapkan "
    "tingkat kesesuaian antara teknologi informasi dan komunikasi dengan kriteria dan/atau standar yang telah "
    "ditetapkan.",
    "Keamanan Informasi adalah proteksi informasi dan sistem informasi dari akses, penggunaan, penyebaran, "
    "pengubahan, gangguan, atau penghancuran oleh pihak yang tidak berwenang.",
]


def _umbrella_opening() -> list[Blk]:
    b = bab("I", "KETENTUAN UMUM")
    b += pasal(1, "Dalam Peraturan Bupati ini yang dimaksud dengan:", *_numbered(UMBRELLA_DEFS))
    b += bab("II", "MAKSUD, TUJUAN DAN PRINSIP")
    b += pasal(
        2,
        ayat(
            1,
            "Peraturan Bupati ini dimaksudkan sebagai pedoman bagi OPD dalam pelaksanaan dan pengembangan SPBE di "
            "Daerah sehingga dapat berjalan dengan baik dan berkualitas sesuai ketentuan peraturan perundang-undangan.",
        ),
        ayat(2, "Peraturan Bupati ini bertujuan untuk:"),
        *letters(
            [
                "meningkatkan efisiensi, efektivitas dan akuntabilitas dalam penyelenggaraan pemerintahan;",
                "memudahkan masyarakat dalam mendapatkan pelayanan publik; dan",
                "mewujudkan ketertiban dan kepastian hukum dalam penyelenggaraan SPBE di lingkungan Pemerintah Daerah.",
            ]
        ),
    )
    b += pasal(
        3,
        "SPBE di lingkungan Pemerintah Daerah dilaksanakan berdasarkan prinsip efektivitas, keterpaduan, "
        "kesinambungan, efisiensi, akuntabilitas, interoperabilitas, dan keamanan.",
    )
    b += bab("III", "RUANG LINGKUP")
    b += pasal(
        4,
        "Ruang lingkup Peraturan Bupati ini adalah:",
        *letters(
            [
                "tata kelola SPBE;",
                "manajemen SPBE;",
                "audit Teknologi Informasi dan Komunikasi;",
                "penyelenggara SPBE; dan",
                "pendanaan.",
            ],
            level=0,
        ),
    )
    return b


def _umbrella_plans() -> list[Blk]:
    b = bab("IV", "TATA KELOLA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")
    b += bagian("Kesatu", "Umum")
    b += pasal(
        5,
        ayat(1, "Tata Kelola SPBE bertujuan untuk memastikan penerapan unsur-unsur SPBE secara terpadu."),
        ayat(2, "Unsur-unsur SPBE sebagaimana dimaksud pada ayat (1) meliputi:"),
        *letters(
            [
                "arsitektur SPBE;",
                "peta rencana SPBE;",
                "rencana dan anggaran SPBE;",
                "proses bisnis;",
                "data dan informasi;",
                "infrastruktur SPBE;",
                "aplikasi SPBE;",
                "keamanan SPBE; dan",
                "layanan SPBE.",
            ]
        ),
    )
    return b


def _umbrella_architecture() -> list[Blk]:
    b = bagian("Kedua", "Arsitektur Sistem Pemerintahan Berbasis Elektronik")
    b += pasal(
        6,
        ayat(
            1,
            "Arsitektur SPBE disusun dengan berpedoman pada Arsitektur SPBE Nasional dan Rencana Pembangunan Jangka "
            "Menengah Daerah.",
        ),
        ayat(2, "Arsitektur SPBE sebagaimana dimaksud pada ayat (1) disusun untuk jangka waktu 5 (lima) tahun."),
        ayat(
            3,
            "Arsitektur SPBE dilakukan reviu pada paruh waktu dan tahun terakhir pelaksanaan atau sewaktu-waktu "
            "sesuai dengan kebutuhan.",
        ),
        ayat(4, "Domain Arsitektur mendeskripsikan substansi arsitektur yang meliputi:"),
        *letters(
            [
                "domain Arsitektur Proses Bisnis;",
                "domain Arsitektur Data dan Informasi;",
                "domain Arsitektur Infrastruktur SPBE;",
                "domain Arsitektur Aplikasi SPBE;",
                "domain Arsitektur Keamanan SPBE; dan",
                "domain Arsitektur Layanan SPBE.",
            ]
        ),
        ayat(
            5,
            "Untuk menyelaraskan Arsitektur SPBE Pemerintah Daerah dengan Arsitektur SPBE Nasional, Bupati "
            "berkoordinasi dan dapat melakukan konsultasi dengan menteri yang menyelenggarakan urusan pemerintahan "
            "di bidang aparatur negara.",
        ),
    )
    return b


def _umbrella_roadmap() -> list[Blk]:
    b = bagian("Ketiga", "Peta Rencana Sistem Pemerintahan Berbasis Elektronik")
    b += pasal(
        7,
        ayat(
            1,
            "Peta Rencana SPBE disusun dengan berpedoman pada Rencana Induk SPBE Nasional, Arsitektur SPBE, Rencana "
            "Pembangunan Jangka Menengah Daerah, dan Rencana Strategis Pemerintah Daerah.",
        ),
        ayat(
            2,
            "Peta Rencana SPBE sebagaimana dimaksud pada ayat (1) disusun untuk jangka waktu 5 (lima) tahun dan "
            "ditetapkan dengan Keputusan Bupati.",
        ),
        ayat(
            3,
            "Peta Rencana SPBE dilakukan reviu pada paruh waktu dan tahun terakhir pelaksanaan atau sewaktu-waktu "
            "sesuai dengan kebutuhan.",
        ),
    )
    b += bagian("Keempat", "Rencana dan Anggaran Sistem Pemerintahan Berbasis Elektronik")
    b += pasal(
        8,
        ayat(
            1, "Rencana dan anggaran SPBE disusun oleh OPD sesuai dengan proses perencanaan dan penganggaran tahunan."
        ),
        ayat(2, "Rencana dan anggaran SPBE berpedoman pada Arsitektur SPBE dan Peta Rencana SPBE."),
        ayat(
            3,
            "Untuk keterpaduan rencana dan anggaran SPBE, penyusunan rencana dan anggaran SPBE dikoordinasikan oleh "
            "Perangkat Daerah yang bertanggung jawab di bidang perencanaan pembangunan daerah.",
        ),
    )
    b += bagian("Kelima", "Proses Bisnis")
    b += pasal(
        9,
        ayat(
            1,
            "Penyusunan Proses Bisnis bertujuan untuk memberikan pedoman dalam penggunaan data dan informasi serta "
            "penerapan Aplikasi SPBE, Keamanan SPBE, dan Layanan SPBE.",
        ),
        ayat(2, "Proses Bisnis disusun oleh OPD pemilik Layanan SPBE berdasarkan pada Arsitektur SPBE."),
    )
    return b


def _umbrella_infrastructure() -> list[Blk]:
    b = bagian("Keenam", "Data dan Informasi")
    b += pasal(
        10,
        ayat(1, "Setiap OPD menyediakan data dan informasi sesuai dengan ketentuan peraturan perundang-undangan."),
        ayat(
            2,
            "Data dan informasi sebagaimana dimaksud pada ayat (1) harus memenuhi standar keamanan, kerahasiaan, "
            "kekinian, akurasi serta keutuhan data dan informasi.",
        ),
    )
    b += pasal(
        11,
        ayat(
            1,
            "Penyimpanan data di lingkungan Pemerintah Daerah dilaksanakan secara terpusat dan terintegrasi di "
            "Pusat Data.",
        ),
        ayat(2, "Pusat Data Pemerintah Daerah dapat berupa:"),
        *letters(
            [
                "Pusat Data Nasional; atau",
                "Pusat Data yang dibangun sendiri oleh Pemerintah Daerah dalam hal Pusat Data Nasional belum "
                "ditetapkan atau belum sesuai kriteria kebutuhan Pemerintah Daerah.",
            ]
        ),
        ayat(3, "Setiap OPD di lingkungan Pemerintah Daerah wajib menempatkan data dan/atau servernya di Pusat Data."),
        ayat(4, "Pusat Data sebagaimana dimaksud pada ayat (2) huruf b dikelola oleh Diskominfo."),
    )
    return b


def _umbrella_network() -> list[Blk]:
    b = bagian("Ketujuh", "Infrastruktur Sistem Pemerintahan Berbasis Elektronik")
    b += pasal(
        12,
        ayat(1, "Infrastruktur SPBE Pemerintah Daerah terdiri atas:"),
        *letters(
            [
                "Jaringan Intra Pemerintah Daerah; dan",
                "Sistem Penghubung Layanan antar OPD dan dengan Instansi Pusat.",
            ]
        ),
        ayat(
            2,
            "Jaringan Intra Pemerintah Daerah merupakan jaringan interkoneksi tertutup yang menghubungkan antar OPD.",
        ),
        ayat(
            3,
            "Setiap OPD harus menggunakan Jaringan Intra Pemerintah Daerah untuk menjaga keamanan dalam melakukan "
            "pengiriman data dan informasi antar simpul jaringan.",
        ),
        ayat(
            4,
            "Diskominfo melaksanakan perencanaan, pembangunan, pemeliharaan, pengoperasian dan/atau pengembangan "
            "infrastruktur jaringan hingga router OPD, termasuk jaringan fiber optik Pemerintah Daerah.",
        ),
    )
    b += pasal(
        13,
        ayat(
            1,
            "Penggunaan Sistem Penghubung Layanan Pemerintah Daerah bertujuan untuk memudahkan dalam melakukan "
            "integrasi antar Layanan SPBE.",
        ),
        ayat(
            2,
            "Setiap OPD wajib menyediakan Sistem Penghubung Layanan untuk layanan SPBE yang membutuhkan integrasi "
            "dengan data dan/atau layanan SPBE yang dikelolanya.",
        ),
        ayat(3, "Sistem Penghubung Layanan sebagaimana dimaksud pada ayat (2) dibangun oleh Diskominfo."),
    )
    return b


def _umbrella_applications() -> list[Blk]:
    b = bagian("Kedelapan", "Aplikasi SPBE")
    b += pasal(
        14,
        ayat(1, "Aplikasi SPBE terdiri atas Aplikasi Umum dan Aplikasi Khusus."),
        ayat(
            2,
            "Aplikasi Khusus dapat dibangun dan dikembangkan oleh setiap OPD sesuai dengan tugas dan fungsinya yang "
            "dalam pelaksanaannya berkoordinasi dan berkonsultasi dengan Diskominfo.",
        ),
        ayat(
            3,
            "Keterpaduan perencanaan, pembangunan, pemeliharaan dan/atau pengembangan aplikasi dikoordinasikan "
            "oleh Diskominfo dan harus didasarkan pada Arsitektur SPBE.",
        ),
    )
    b += pasal(
        15,
        ayat(
            1,
            "OPD yang melakukan pembangunan dan/atau pengembangan aplikasi wajib melakukan pengujian aplikasi "
            "sebelum diimplementasikan ke infrastruktur layanan yang sebenarnya.",
        ),
        ayat(2, "Berdasarkan hasil pengujian aplikasi, aplikasi harus dilengkapi:"),
        *letters(
            [
                "dokumen kebutuhan perangkat lunak;",
                "dokumen perancangan aplikasi;",
                "dokumen manual penggunaan aplikasi; dan",
                "kode sumber dengan penjelasan fungsi masing-masing prosedur.",
            ]
        ),
        ayat(3, "Aplikasi beserta kelengkapannya wajib diserahkan kepada Diskominfo untuk disimpan di repositori."),
    )
    b += bagian("Kesembilan", "Keamanan SPBE")
    b += pasal(
        16,
        "Keamanan SPBE mencakup penjaminan kerahasiaan, keutuhan, ketersediaan, keaslian, dan kenirsangkalan "
        "(nonrepudiation) sumber daya terkait data dan informasi, Infrastruktur SPBE, dan Aplikasi SPBE.",
    )
    return b


def _umbrella_management() -> list[Blk]:
    b = bab("V", "MANAJEMEN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")
    b += pasal(
        17,
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
                "manajemen Layanan SPBE.",
            ]
        ),
        ayat(2, "OPD melaksanakan Manajemen SPBE sebagaimana dimaksud pada ayat (1)."),
    )
    b += pasal(
        18,
        ayat(
            1,
            "Manajemen keamanan informasi dilaksanakan berdasarkan pedoman manajemen keamanan informasi SPBE "
            "yang ditetapkan Pemerintah.",
        ),
        ayat(
            2,
            "Dalam pelaksanaan manajemen keamanan informasi, OPD berkoordinasi dan dapat melakukan konsultasi "
            "dengan Diskominfo.",
        ),
    )
    b += pasal(
        19,
        ayat(
            1,
            "Manajemen data bertujuan untuk menjamin terwujudnya data yang akurat, mutakhir, terintegrasi, dan "
            "dapat diakses sebagai dasar perencanaan, pelaksanaan, evaluasi, dan pengendalian pembangunan.",
        ),
        ayat(
            2,
            "Manajemen data dilakukan melalui serangkaian proses pengelolaan arsitektur data, data induk, data "
            "referensi, basis data, dan kualitas data.",
        ),
    )
    return b


def _umbrella_audit() -> list[Blk]:
    b = bab("VI", "AUDIT TEKNOLOGI INFORMASI DAN KOMUNIKASI")
    b += pasal(
        20,
        ayat(1, "Audit Teknologi Informasi dan Komunikasi terdiri atas:"),
        *letters(["audit Infrastruktur SPBE;", "audit Aplikasi SPBE; dan", "audit Keamanan SPBE."]),
        ayat(
            2,
            "Audit Teknologi Informasi dan Komunikasi meliputi pemeriksaan hal pokok teknis pada penerapan tata "
            "kelola dan manajemen teknologi informasi dan komunikasi, fungsionalitas, kinerja yang dihasilkan, dan "
            "aspek teknologi informasi dan komunikasi lainnya.",
        ),
        ayat(
            3,
            "Audit Infrastruktur SPBE, audit Aplikasi SPBE, dan audit Keamanan SPBE dilaksanakan paling sedikit 1 "
            "(satu) kali dalam 2 (dua) tahun.",
        ),
    )
    return b


def _umbrella_team_and_end() -> list[Blk]:
    b = bab("VII", "PENYELENGGARA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")
    b += pasal(
        21,
        ayat(
            1,
            "Untuk meningkatkan keterpaduan pelaksanaan Tata Kelola SPBE, Manajemen SPBE, dan Audit Teknologi "
            "Informasi dan Komunikasi, serta pemantauan dan evaluasi SPBE Pemerintah Daerah, Bupati membentuk Tim "
            "Koordinasi SPBE Pemerintah Daerah yang diketuai oleh Sekretaris Daerah.",
        ),
        ayat(2, "Tim Koordinasi SPBE Pemerintah Daerah mempunyai tugas:"),
        *letters(
            [
                "memfasilitasi perencanaan dan implementasi inisiatif program dan kegiatan SPBE di seluruh OPD;",
                "memfasilitasi penerapan tata kelola dan manajemen SPBE;",
                "memfasilitasi proses koordinasi, kerja sama, atau integrasi penerapan SPBE dengan pihak-pihak "
                "eksternal dalam dan luar daerah;",
                "melakukan perbaikan dan pengembangan atas hasil rekomendasi pemantauan dan evaluasi penerapan SPBE; dan",
                "mengatur pemantauan, penilaian, dan evaluasi kebijakan SPBE secara berkala.",
            ]
        ),
        ayat(3, "Tim Koordinasi SPBE Pemerintah Daerah ditetapkan dengan Keputusan Bupati."),
    )
    b += bab("VIII", "PENDANAAN")
    b += pasal(
        22,
        "Pendanaan pelaksanaan SPBE di lingkungan Pemerintah Daerah bersumber dari Anggaran Pendapatan dan Belanja "
        "Daerah dan/atau sumber pendanaan lainnya yang sah sesuai dengan ketentuan peraturan perundang-undangan.",
    )
    b += bab("IX", "KETENTUAN PENUTUP")
    b += pasal(
        23,
        "Pada saat Peraturan Bupati ini mulai berlaku, Peraturan Bupati Banjarnegara Nomor 45 Tahun 2016 tentang "
        "Rencana Induk Teknologi Informasi dan Komunikasi Pemerintah Kabupaten Banjarnegara Tahun 2016-2020 "
        "(Berita Daerah Kabupaten Banjarnegara Tahun 2016 Nomor 45), dicabut dan dinyatakan tidak berlaku.",
    )
    b += pasal(24, *_closing())
    return b


def perbup_spbe_2021() -> Doc:
    body = _umbrella_opening() + _umbrella_plans() + _umbrella_architecture() + _umbrella_roadmap()
    body += _umbrella_infrastructure() + _umbrella_network() + _umbrella_applications()
    body += _umbrella_management() + _umbrella_audit() + _umbrella_team_and_end()
    blocks = perkada(
        head=K.HEAD,
        kind="PERATURAN BUPATI BANJARNEGARA",
        number="40",
        year="2021",
        tentang=UMBRELLA_TENTANG,
        menimbang=[
            "bahwa untuk melaksanakan ketentuan Pasal 61 ayat (3) Peraturan Presiden Nomor 95 Tahun 2018 tentang "
            "Sistem Pemerintahan Berbasis Elektronik perlu membuat kebijakan internal dalam penyelenggaraan Sistem "
            "Pemerintahan Berbasis Elektronik;",
            "bahwa Peraturan Bupati Banjarnegara Nomor 45 Tahun 2016 tentang Rencana Induk Teknologi Informasi dan "
            "Komunikasi sudah tidak sesuai dengan ketentuan peraturan perundang-undangan sehingga perlu diganti;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
            "Peraturan Bupati tentang Sistem Pemerintahan Berbasis Elektronik dalam Penyelenggaraan Pemerintahan "
            "Daerah;",
        ],
        mengingat=[
            K.UU_KABUPATEN,
            K.UU_ITE,
            K.UU_KIP,
            K.UU_PELAYANAN,
            K.UU_PEMDA_2020,
            K.PP_PSTE,
            K.PERPRES_SPBE,
            K.PERMENDAGRI_PRODUK_HUKUM,
            K.PERMENPANRB_MONEV,
            K.PERDA_PERANGKAT_DAERAH,
        ],
        menetapkan="PERATURAN BUPATI TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK DALAM PENYELENGGARAAN "
        "PEMERINTAHAN DAERAH.",
        body=body,
        signer=K.bupati("30 Agustus 2021"),
        sekda=K.sekda("30 Agustus 2021"),
        berita=K.BERITA,
        berita_number="40",
    )
    return Doc(
        title="Perbup 40 Tahun 2021 SPBE",
        blocks=blocks,
        author=AUTHOR,
        subject="Peraturan Bupati Banjarnegara Nomor 40 Tahun 2021",
        footer=JDIH,
    )


# --- Perbup 45/2016 tentang Rencana Induk TIK (pre-2018 vocabulary; after Perbup Pakpak Bharat 34/2019) --

MASTERPLAN_TENTANG = [
    "RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI",
    "PEMERINTAH KABUPATEN BANJARNEGARA TAHUN 2016-2020",
]


def _masterplan_body() -> list[Blk]:
    b = bab("I", "KETENTUAN UMUM")
    b += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        *_numbered(
            [
                "Daerah adalah Kabupaten Banjarnegara.",
                "Bupati adalah Bupati Banjarnegara.",
                "Satuan Kerja Perangkat Daerah yang selanjutnya disingkat SKPD adalah satuan kerja perangkat daerah "
                "pada Pemerintah Kabupaten Banjarnegara.",
                "Teknologi Informasi dan Komunikasi yang selanjutnya disingkat TIK adalah segala kegiatan yang terkait "
                "dengan pemrosesan, manipulasi, pengelolaan, dan pemindahan informasi antar media.",
                "Electronic Government yang selanjutnya disebut e-Government adalah pemanfaatan TIK dalam proses "
                "pemerintahan untuk meningkatkan efisiensi, efektivitas, transparansi, dan akuntabilitas "
                "penyelenggaraan pemerintahan.",
                "Sistem Elektronik adalah serangkaian perangkat dan prosedur elektronik yang berfungsi mempersiapkan, "
                "mengumpulkan, mengolah, menganalisis, menyimpan, menampilkan, mengumumkan, mengirimkan, dan/atau "
                "menyebarkan informasi elektronik.",
                "Rencana Induk TIK adalah dokumen perencanaan pengembangan e-Government di lingkungan Pemerintah "
                "Kabupaten Banjarnegara untuk jangka waktu 5 (lima) tahun.",
            ]
        ),
    )
    b += bab("II", "MAKSUD DAN TUJUAN")
    b += pasal(
        2,
        "Rencana Induk TIK dimaksudkan untuk menyelenggarakan pengelolaan teknologi informasi dan komunikasi di "
        "lingkungan Pemerintah Kabupaten Banjarnegara.",
    )
    b += pasal(
        3,
        "Rencana Induk TIK bertujuan untuk membuat pedoman bagi SKPD dalam penyusunan rencana kerja pembangunan "
        "daerah bidang teknologi informasi dan komunikasi di masing-masing SKPD.",
    )
    b += bab("III", "RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI")
    b += pasal(
        4,
        ayat(
            1,
            "Rencana Induk TIK sebagaimana dimaksud tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan "
            "dari Peraturan Bupati ini, terdiri dari:",
        ),
        *letters(
            [
                "BAB I : PENDAHULUAN;",
                "BAB II : VISI, MISI, TUJUAN DAN SASARAN;",
                "BAB III : ARAH KEBIJAKAN DAN STRATEGI;",
                "BAB IV : PETA RENCANA STRATEGIS; dan",
                "BAB V : PENUTUP.",
            ]
        ),
        ayat(2, "Rencana Induk TIK berlaku untuk jangka waktu 2016 sampai dengan 2020."),
    )
    b += bab("IV", "PENUTUP")
    b += pasal(5, *_closing())
    return b


def _masterplan_lampiran() -> list[Blk]:
    return [
        Blk("pagebreak"),
        LEFT(
            "LAMPIRAN",
            "PERATURAN BUPATI BANJARNEGARA",
            "NOMOR 45 TAHUN 2016",
            "TENTANG RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI",
            "PEMERINTAH KABUPATEN BANJARNEGARA TAHUN 2016-2020",
        ),
        SP(),
        C("RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI", bold=True),
        C("(MASTERPLAN E-GOVERNMENT) KABUPATEN BANJARNEGARA", bold=True),
        C("TAHUN 2016-2020", bold=True),
        SP(),
        C("BAB I", bold=True),
        C("PENDAHULUAN", bold=True),
        P("1.1 Latar Belakang"),
        P(
            "Peranan teknologi informasi dalam menunjang sistem operasional dan manajerial pada instansi pemerintah "
            "dewasa ini dirasakan semakin penting. Kemajuan teknologi ini telah menempatkan informasi sebagai salah "
            "satu sumber daya yang sangat penting dan perlu untuk dikelola secara baik dan benar."
        ),
        P(
            "Revolusi teknologi informasi dan komunikasi memberikan peluang bagi pemerintah untuk melakukan inovasi "
            "melalui penerapan e-government, yaitu penyelenggaraan pemerintahan yang memanfaatkan TIK untuk "
            "memberikan layanan kepada instansi pemerintah, aparatur, pelaku bisnis, dan masyarakat."
        ),
        P("1.2 Misi"),
        *letters(
            [
                "Memperkuat tata kelola TIK.",
                "Mengembangkan infrastruktur TIK terpadu untuk meningkatkan kinerja pemerintah kabupaten.",
                "Mengembangkan sistem informasi terintegrasi yang sejalan dengan visi pembangunan kabupaten.",
            ]
        ),
        P("1.3 Peta Rencana Strategis"),
        TABLE(
            [
                ["No", "Inisiatif", "2016", "2017", "2018", "2019", "2020"],
                ["1", "Penyusunan regulasi dan SOP tata kelola TIK", "v", "v", "", "", ""],
                ["2", "Pembangunan jaringan fiber optik antar SKPD", "v", "v", "v", "", ""],
                ["3", "Pembangunan Data Center kabupaten", "", "v", "v", "", ""],
                ["4", "Pengembangan sistem informasi terintegrasi", "", "v", "v", "v", "v"],
                ["5", "Peningkatan kapasitas SDM pengelola TIK", "v", "v", "v", "v", "v"],
            ],
            [5, 45, 8, 8, 8, 8, 8],
        ),
        SIGN("BUPATI BANJARNEGARA,", "", "ttd", "", K.BUPATI_2016),
    ]


def perbup_rencana_induk_2016() -> Doc:
    blocks = perkada(
        head=K.HEAD,
        kind="PERATURAN BUPATI BANJARNEGARA",
        number="45",
        year="2016",
        tentang=MASTERPLAN_TENTANG,
        menimbang=[
            "bahwa untuk meningkatkan penyelenggaraan pemerintahan, pembangunan dan pelayanan publik serta "
            "pengelolaan informasi yang efektif, efisien, transparan dan akuntabel sesuai dengan prinsip-prinsip "
            "good governance perlu didukung dengan penerapan Teknologi Informasi dan Komunikasi;",
            "bahwa dalam rangka mewujudkan Teknologi Informasi dan Komunikasi yang baik dan terarah di lingkungan "
            "Pemerintah Kabupaten Banjarnegara, perlu disusun dokumen Rencana Induk Teknologi Informasi dan "
            "Komunikasi;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
            "Peraturan Bupati tentang Rencana Induk Teknologi Informasi dan Komunikasi Pemerintah Kabupaten "
            "Banjarnegara Tahun 2016-2020;",
        ],
        mengingat=[
            K.UU_KABUPATEN,
            K.UU_ITE_2008,
            K.UU_KIP,
            K.UU_PEMDA_2015,
            K.PP_PSTE_2012,
            K.INPRES_EGOV,
            K.PERMENKOMINFO_TATA_KELOLA,
            K.KEPMENKOMINFO_RENCANA_INDUK,
        ],
        menetapkan="PERATURAN BUPATI TENTANG RENCANA INDUK TEKNOLOGI INFORMASI DAN KOMUNIKASI PEMERINTAH "
        "KABUPATEN BANJARNEGARA TAHUN 2016-2020.",
        body=_masterplan_body(),
        signer=Signer("BUPATI BANJARNEGARA", K.BUPATI_2016, K.CAPITAL, "21 November 2016"),
        sekda=Signer("SEKRETARIS DAERAH KABUPATEN BANJARNEGARA", K.SEKDA_2016, K.CAPITAL, "21 November 2016"),
        berita=K.BERITA,
        berita_number="45",
    )
    return Doc(
        title="Perbup 45 Tahun 2016 Rencana Induk TIK",
        blocks=blocks + _masterplan_lampiran(),
        author="Bagian Hukum Setda",
        subject="Masterplan e-Government",
        footer=JDIH,
    )


# --- Perbup 7/2024 tentang Manajemen Keamanan Informasi SPBE (one subject, enacted) ---------------------

MKI_TENTANG = [
    "MANAJEMEN KEAMANAN INFORMASI SISTEM PEMERINTAHAN",
    "BERBASIS ELEKTRONIK DI LINGKUNGAN PEMERINTAH",
    "KABUPATEN BANJARNEGARA",
]
MKI_NUMBER, MKI_YEAR = "7", "2024"
LAMPIRAN_HEAD = [
    "LAMPIRAN",
    "PERATURAN BUPATI BANJARNEGARA",
    f"NOMOR {MKI_NUMBER} TAHUN {MKI_YEAR}",
    "TENTANG MANAJEMEN KEAMANAN INFORMASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK DI LINGKUNGAN PEMERINTAH "
    "KABUPATEN BANJARNEGARA",
]
LAMPIRAN_ROWS = [
    ["No", "Peran", "Dijabat oleh", "Tanggung Jawab"],
    ["1", "Penanggung Jawab", "Sekretaris Daerah", "Menetapkan ruang lingkup dan sasaran keamanan informasi"],
    ["2", "Koordinator", "Kepala Diskominfo", "Menyusun rencana, mengoordinasikan pengoperasian dan evaluasi kinerja"],
    ["3", "Pelaksana", "Kepala Perangkat Daerah", "Melaksanakan pengendalian di Perangkat Daerah masing-masing"],
    ["4", "Tim Tanggap Insiden", "Bidang Persandian Diskominfo", "Menangani insiden dan melaporkan perbaikan"],
]


def _mki_body() -> list[Blk]:
    b = bab("I", "KETENTUAN UMUM")
    b += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        *_numbered(
            [
                "Daerah adalah Kabupaten Banjarnegara.",
                "Bupati adalah Bupati Banjarnegara.",
                "Perangkat Daerah adalah unsur pembantu Bupati dalam penyelenggaraan urusan pemerintahan yang menjadi "
                "kewenangan Daerah.",
                "Keamanan Informasi adalah proteksi informasi dan sistem informasi dari akses, penggunaan, "
                "penyebaran, pengubahan, gangguan, atau penghancuran oleh pihak yang tidak berwenang.",
                "Manajemen Keamanan Informasi adalah serangkaian proses untuk menjamin keberlangsungan SPBE dengan "
                "meminimalkan dampak risiko keamanan informasi.",
            ]
        ),
    )
    b += bab("II", "RUANG LINGKUP")
    b += pasal(
        2,
        ayat(1, "Peraturan Bupati ini berlaku bagi seluruh Perangkat Daerah di lingkungan Pemerintah Daerah."),
        ayat(
            2,
            "Manajemen Keamanan Informasi dilakukan melalui serangkaian proses yang meliputi:",
        ),
        *letters(
            [
                "penetapan ruang lingkup;",
                "penetapan penanggung jawab;",
                "perencanaan;",
                "dukungan pengoperasian;",
                "evaluasi kinerja; dan",
                "perbaikan berkelanjutan.",
            ]
        ),
    )
    return b


def _mki_execution() -> list[Blk]:
    b = bab("III", "PELAKSANAAN")
    b += pasal(
        3,
        ayat(
            1,
            "Penetapan ruang lingkup mencakup data dan informasi, Infrastruktur SPBE, dan Aplikasi SPBE yang "
            "dikelola setiap Perangkat Daerah.",
        ),
        ayat(
            2,
            "Penanggung jawab keamanan informasi ditetapkan sebagaimana tercantum dalam Lampiran yang merupakan "
            "bagian tidak terpisahkan dari Peraturan Bupati ini.",
        ),
        ayat(
            3,
            "Perencanaan memuat sasaran, program kerja, dan kebutuhan sumber daya keamanan informasi yang disusun "
            "setiap tahun berdasarkan penilaian risiko.",
        ),
        ayat(
            4,
            "Dukungan pengoperasian meliputi penjaminan kerahasiaan, keutuhan, ketersediaan, keaslian, dan "
            "kenirsangkalan sumber daya terkait data dan informasi, Infrastruktur SPBE, dan Aplikasi SPBE.",
        ),
        ayat(
            5,
            "Evaluasi kinerja dilakukan paling sedikit 1 (satu) kali dalam setahun oleh Dinas Komunikasi dan Informatika.",
        ),
        ayat(6, "Hasil evaluasi kinerja ditindaklanjuti dengan perbaikan berkelanjutan oleh setiap Perangkat Daerah."),
    )
    b += bab("IV", "KETENTUAN PENUTUP")
    b += pasal(4, *_closing())
    return b


def perbup_mki_2024() -> Doc:
    blocks = perkada(
        head=K.HEAD,
        kind="PERATURAN BUPATI BANJARNEGARA",
        number=MKI_NUMBER,
        year=MKI_YEAR,
        tentang=MKI_TENTANG,
        menimbang=[
            "bahwa untuk menjamin keberlangsungan Sistem Pemerintahan Berbasis Elektronik dengan meminimalkan "
            "dampak risiko keamanan informasi, perlu mengatur manajemen keamanan informasi di lingkungan "
            "Pemerintah Kabupaten Banjarnegara;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati "
            "tentang Manajemen Keamanan Informasi Sistem Pemerintahan Berbasis Elektronik di Lingkungan "
            "Pemerintah Kabupaten Banjarnegara;",
        ],
        mengingat=[K.UU_KABUPATEN, K.UU_ITE, K.UU_PEMDA_2020, K.PP_PSTE, K.PERPRES_SPBE, K.PERBUP_SPBE_REF],
        menetapkan="PERATURAN BUPATI TENTANG MANAJEMEN KEAMANAN INFORMASI SISTEM PEMERINTAHAN BERBASIS "
        "ELEKTRONIK DI LINGKUNGAN PEMERINTAH KABUPATEN BANJARNEGARA.",
        body=_mki_body() + _mki_execution(),
        signer=K.bupati("12 Maret 2024"),
        sekda=K.sekda("12 Maret 2024"),
        berita=K.BERITA,
        berita_number="7",
    )
    lampiran = [Blk("pagebreak"), LEFT(*LAMPIRAN_HEAD), SP(), TABLE(LAMPIRAN_ROWS, [5, 20, 25, 50])]
    lampiran.append(SIGN("BUPATI BANJARNEGARA,", "", "ttd", "", K.BUPATI))
    return Doc(
        title="Perbup 7 Tahun 2024 Manajemen Keamanan Informasi SPBE",
        blocks=blocks + lampiran,
        author=AUTHOR,
        footer=JDIH,
    )


def lampiran_mki_lines() -> tuple[list[str], set[int], dict[int, str]]:
    """The lampiran page of Perbup 7/2024 as typed lines (photographed by an admin)."""
    lines = [*LAMPIRAN_HEAD, "", "PENANGGUNG JAWAB KEAMANAN INFORMASI", ""]
    for row in LAMPIRAN_ROWS[1:]:
        lines.append(f"{row[0]}.   {row[1]} ({row[2]}): {row[3]}.")
    lines += ["", "BUPATI BANJARNEGARA,", "", "ttd", "", K.BUPATI]
    n = len(lines)
    align = {i: "sign" for i in range(n - 5, n)}
    align[len(LAMPIRAN_HEAD) + 1] = "center"
    bold = {len(LAMPIRAN_HEAD) + 1, n - 5, n - 1}
    return lines, bold, align


# --- Keputusan Bupati (SK form, spbe-framework.md §7.2) ---------------------------------------------------


def keputusan(
    *,
    number: str,
    tentang: list[str],
    menimbang: list[str],
    mengingat: list[str],
    dictums: list[tuple[str, str, list[str]]],
    date: str,
    signed: bool = True,
) -> list[Blk]:
    """Blocks of a Keputusan Bupati: heading, Menimbang, Mengingat, MEMUTUSKAN, dictums, signature only."""
    out: list[Blk] = [C(h, bold=True) for h in K.HEAD] + [SP(), C("KEPUTUSAN BUPATI BANJARNEGARA", bold=True)]
    out += [C(f"NOMOR {number}", bold=True), SP(), C("TENTANG", bold=True), *[C(t, bold=True) for t in tentang]]
    out += [SP(), C("DENGAN RAHMAT TUHAN YANG MAHA ESA", bold=True), SP(), C("BUPATI BANJARNEGARA,", bold=True)]
    out += [LB("Menimbang" if i == 0 else "", f"{chr(97 + i)}.", t) for i, t in enumerate(menimbang)]
    out += [SP()] + [LB("Mengingat" if i == 0 else "", f"{i + 1}.", t) for i, t in enumerate(mengingat)]
    out += [SP(), C("MEMUTUSKAN:", bold=True), SP()]
    out.append(LB("Menetapkan", "", "KEPUTUSAN BUPATI TENTANG " + " ".join(tentang) + "."))
    for label, text, items in dictums:
        out.append(LB(label, "", text))
        out += [huruf(chr(97 + i), t, level=2) for i, t in enumerate(items)]
    out += [SP(), SIGN(f"Ditetapkan di {K.CAPITAL}", f"pada tanggal {date}", "", "BUPATI BANJARNEGARA,", "")]
    out.append(SIGN("ttd" if signed else "", "", K.BUPATI))
    return out


PETA_RENCANA_ROWS = [
    ["No", "Area", "Program", "2023", "2024", "2025", "2026", "2027", "Pelaksana"],
    [
        "1",
        "Tata Kelola SPBE",
        "Penyusunan Arsitektur SPBE dan Proses Bisnis",
        "v",
        "v",
        "",
        "",
        "",
        "Diskominfo, Setda",
    ],
    ["2", "Manajemen SPBE", "Penerapan manajemen risiko SPBE", "", "v", "v", "v", "v", "Diskominfo, Inspektorat"],
    ["3", "Manajemen SPBE", "Penerapan manajemen keamanan informasi", "", "v", "v", "v", "v", "Diskominfo"],
    ["4", "Manajemen SPBE", "Peningkatan kompetensi SDM SPBE", "v", "v", "v", "v", "v", "BKPSDM, Diskominfo"],
    ["5", "Layanan SPBE", "Integrasi layanan administrasi pemerintahan", "", "v", "v", "v", "", "Diskominfo, OPD"],
    ["6", "Infrastruktur SPBE", "Perluasan Jaringan Intra ke seluruh OPD", "v", "v", "v", "", "", "Diskominfo"],
    ["7", "Aplikasi SPBE", "Penggunaan aplikasi umum berbagi pakai", "v", "v", "v", "v", "v", "Diskominfo, OPD"],
    ["8", "Keamanan SPBE", "Penerapan sertifikat elektronik", "v", "v", "", "", "", "Diskominfo"],
    ["9", "Audit TIK", "Audit infrastruktur, aplikasi, dan keamanan SPBE", "", "v", "", "v", "", "Inspektorat"],
]


def kepbup_peta_rencana_2023() -> Doc:
    blocks = keputusan(
        number="100.3.3.2/318 TAHUN 2023",
        tentang=["PETA RENCANA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "KABUPATEN BANJARNEGARA TAHUN 2023-2027"],
        menimbang=[
            "bahwa berdasarkan ketentuan Pasal 7 ayat (2) Peraturan Bupati Banjarnegara Nomor 40 Tahun 2021 tentang "
            "Sistem Pemerintahan Berbasis Elektronik dalam Penyelenggaraan Pemerintahan Daerah, Peta Rencana SPBE "
            "disusun untuk jangka waktu 5 (lima) tahun dan ditetapkan dengan Keputusan Bupati;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati "
            "tentang Peta Rencana Sistem Pemerintahan Berbasis Elektronik Kabupaten Banjarnegara Tahun 2023-2027;",
        ],
        mengingat=[K.UU_KABUPATEN, K.UU_PEMDA_2020, K.PERPRES_SPBE, K.PERMENPANRB_MONEV, K.PERBUP_SPBE_REF],
        dictums=[
            (
                "KESATU",
                "Menetapkan Peta Rencana Sistem Pemerintahan Berbasis Elektronik Kabupaten Banjarnegara Tahun "
                "2023-2027 sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                "Keputusan ini, yang memuat:",
                [
                    "tata kelola SPBE;",
                    "manajemen SPBE;",
                    "layanan SPBE;",
                    "infrastruktur SPBE;",
                    "aplikasi SPBE;",
                    "keamanan SPBE; dan",
                    "audit teknologi informasi dan komunikasi.",
                ],
            ),
            (
                "KEDUA",
                "Peta Rencana sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman bagi Perangkat Daerah dalam "
                "menyusun rencana dan anggaran SPBE serta selaras dengan Peta Rencana SPBE Nasional.",
                [],
            ),
            (
                "KETIGA",
                "Peta Rencana dilakukan reviu pada paruh waktu dan tahun terakhir pelaksanaan atau sewaktu-waktu "
                "sesuai dengan kebutuhan.",
                [],
            ),
            ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan.", []),
        ],
        date="6 Februari 2023",
    )
    lampiran = [
        Blk("pagebreak"),
        LEFT(
            "LAMPIRAN KEPUTUSAN BUPATI BANJARNEGARA",
            "NOMOR 100.3.3.2/318 TAHUN 2023",
            "TENTANG PETA RENCANA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN BANJARNEGARA TAHUN 2023-2027",
        ),
        SP(),
        P(
            "Peta rencana strategis SPBE berisi berbagai inisiatif yang digunakan sebagai pedoman untuk melakukan "
            "pembangunan, pengembangan, dan penerapan SPBE, diuraikan dalam tahapan dan rencana strategis berikut."
        ),
        TABLE(PETA_RENCANA_ROWS, [4, 14, 30, 6, 6, 6, 6, 6, 16], size=8),
        SIGN("BUPATI BANJARNEGARA,", "", "ttd", "", K.BUPATI),
    ]
    return Doc(title="Kepbup Peta Rencana SPBE 2023-2027", blocks=blocks + lampiran, author="Bappeda", page="A4")


PROBIS_ROWS = [
    ["No", "Proses Bisnis Level 0", "Proses Bisnis Level 1", "Pemilik Proses"],
    ["1", "Perencanaan Pembangunan Daerah", "Penyusunan RPJMD, RKPD dan Renja Perangkat Daerah", "Bappeda"],
    ["2", "Pengelolaan Keuangan Daerah", "Penganggaran, penatausahaan, dan pelaporan keuangan", "BPKAD"],
    ["3", "Manajemen Aparatur", "Pengadaan, pengembangan, dan penilaian kinerja pegawai", "BKPSDM"],
    ["4", "Pelayanan Perizinan", "Pendaftaran, verifikasi, dan penerbitan izin", "DPMPTSP"],
    ["5", "Pengawasan Internal", "Audit, reviu, evaluasi, dan pemantauan tindak lanjut", "Inspektorat"],
]


def kepbup_probis_2023() -> Doc:
    """Keputusan Bupati on the Peta Proses Bisnis (scanned in the folder, twice)."""
    blocks = keputusan(
        number="100.3.3.2/527 TAHUN 2023",
        tentang=["PETA PROSES BISNIS PEMERINTAH KABUPATEN BANJARNEGARA"],
        menimbang=[
            "bahwa untuk memberikan pedoman dalam penggunaan data dan informasi serta penerapan Aplikasi SPBE, "
            "Keamanan SPBE, dan Layanan SPBE, perlu menyusun Peta Proses Bisnis yang selaras dengan Arsitektur SPBE;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati "
            "tentang Peta Proses Bisnis Pemerintah Kabupaten Banjarnegara;",
        ],
        mengingat=[K.UU_KABUPATEN, K.UU_PEMDA_2020, K.PERPRES_SPBE, K.PERMENPANRB_PROBIS, K.PERBUP_SPBE_REF],
        dictums=[
            (
                "KESATU",
                "Menetapkan Peta Proses Bisnis Pemerintah Kabupaten Banjarnegara yang disusun sesuai dengan "
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2018, "
                "sebagaimana tercantum dalam Lampiran Keputusan ini.",
                [],
            ),
            ("KEDUA", "Peta Proses Bisnis menjadi acuan penyusunan proses bisnis Perangkat Daerah.", []),
            ("KETIGA", "Keputusan ini mulai berlaku pada tanggal ditetapkan.", []),
        ],
        date="18 Juli 2023",
    )
    rows = [" | ".join(r) for r in PROBIS_ROWS]
    lampiran = [
        Blk("pagebreak"),
        LEFT("LAMPIRAN KEPUTUSAN BUPATI BANJARNEGARA", "NOMOR 100.3.3.2/527 TAHUN 2023"),
        C("PETA PROSES BISNIS LEVEL 0 DAN LEVEL 1", bold=True),
        *[P(r) for r in rows],
    ]
    return Doc(title="Kepbup Peta Proses Bisnis", blocks=blocks + lampiran, author="Bagian Organisasi", page="A4")


# --- draft Keputusan on the Tim Koordinasi SPBE (DOCX, placeholder number and date) ------------------------

DRAFT_TIM_LINES = [
    ("BUPATI BANJARNEGARA", "center", True),
    ("PROVINSI JAWA TENGAH", "center", True),
    ("", None, False),
    ("KEPUTUSAN BUPATI BANJARNEGARA", "center", True),
    ("NOMOR : XXX TAHUN 2023", "center", True),
    ("TENTANG", "center", True),
    ("TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "center", True),
    ("KABUPATEN BANJARNEGARA", "center", True),
    ("", None, False),
    ("BUPATI BANJARNEGARA,", "center", True),
    (
        "Menimbang : a. bahwa untuk melaksanakan ketentuan Pasal 21 ayat (3) Peraturan Bupati Banjarnegara Nomor 40 "
        "Tahun 2021 tentang Sistem Pemerintahan Berbasis Elektronik dalam Penyelenggaraan Pemerintahan Daerah, perlu "
        "membentuk Tim Koordinasi SPBE Pemerintah Daerah;",
        "justify",
        False,
    ),
    (
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Bupati "
        "tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kabupaten Banjarnegara;",
        "justify",
        False,
    ),
    ("Mengingat : 1. " + K.PERPRES_SPBE, "justify", False),
    ("2. " + K.PERBUP_SPBE_REF, "justify", False),
    ("MEMUTUSKAN:", "center", True),
    (
        "KESATU : Membentuk Tim Koordinasi SPBE Kabupaten Banjarnegara dengan susunan keanggotaan: Ketua Sekretaris "
        "Daerah; Wakil Ketua Kepala Dinas Komunikasi dan Informatika; Anggota pejabat pimpinan tinggi pratama di "
        "Kabupaten Banjarnegara.",
        "justify",
        False,
    ),
    (
        "KEDUA : Tim Koordinasi SPBE mempunyai tugas memberikan arahan kebijakan dan penerapan SPBE di Pemerintah "
        "Daerah, memfasilitasi penerapan tata kelola dan manajemen SPBE, serta mengatur pemantauan dan evaluasi "
        "kebijakan SPBE secara berkala.",
        "justify",
        False,
    ),
    ("KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.", "justify", False),
    ("", None, False),
    ("Ditetapkan di Banjarnegara", "sign", False),
    ("pada tanggal XX XXX 2023", "sign", False),
    ("BUPATI BANJARNEGARA,", "sign", True),
    ("", None, False),
    ("", None, False),
    (K.BUPATI, "sign", True),
]
