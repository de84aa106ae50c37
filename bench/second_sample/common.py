"""Who and where: the government of the second sample, its officials, offices and the legal bases its
documents cite.

The region is real (Kabupaten Banjarnegara, Provinsi Jawa Tengah, Kemendagri code 33.04 in
rules/regions.csv); every person named here is invented. The legal bases are quoted as the Mengingat
of the real Perbup Batu Bara 81/2021, Perbup Pakpak Bharat 34/2019 and the Rancangan Perbup Lamongan
2021 (../shared/real/) cite them; UU 13/1950 is the law that formed the kabupaten of Jawa Tengah.
"""

from __future__ import annotations

from samplegen.model import KOP, Blk, Signer

REGION = "Kabupaten Banjarnegara"
PROVINCE = "Jawa Tengah"
ASSESSMENT_YEAR = 2025
CAPITAL = "Banjarnegara"
HEAD = ["BUPATI BANJARNEGARA", "PROVINSI JAWA TENGAH"]
BERITA = "Berita Daerah Kabupaten Banjarnegara"
DOMAIN = "banjarnegarakab.go.id"

BUPATI_2016 = "SUHARTO WIRYODIPURO"  # invented
BUPATI = "HERU PRASETYO WIBOWO"  # invented, in office 2021-2025
SEKDA = "GUNAWAN SETIADI"  # invented
SEKDA_2016 = "SRI LESTARI HANDAYANI"  # invented
KEPALA_DISKOMINFO = ["AGUS BUDIMAN, S.Kom., M.T.", "Pembina Tingkat I (IV/b)", "NIP. 19750312 200003 1 004"]
INSPEKTUR = ["Drs. BAMBANG SURYADI, M.M.", "Pembina Utama Muda (IV/c)", "NIP. 19690810 199303 1 007"]
KEPALA_BKPSDM = ["RINI ASTUTI, S.H., M.Si.", "Pembina Tingkat I (IV/b)", "NIP. 19760415 199803 2 003"]
KEPALA_DPMPTSP = ["WAHYU NUGROHO, S.STP., M.M.", "Pembina (IV/a)", "NIP. 19820707 200112 1 002"]
SEKDA_FULL = [f"Drs. {SEKDA}, M.Si.", "Pembina Utama Madya (IV/d)", "NIP. 19680921 198903 1 005"]

ADDR_SETDA = f"Jalan Ahmad Yani Nomor 16 Banjarnegara 53411 Telepon (0286) 591218 Laman: {DOMAIN}"
ADDR_KOMINFO = f"Jalan Selamanik Nomor 6 Banjarnegara 53415 Telepon (0286) 594090 Laman: dinkominfo.{DOMAIN}"
ADDR_INSP = f"Jalan Dipayuda Nomor 2 Banjarnegara 53412 Telepon (0286) 591044 Laman: inspektorat.{DOMAIN}"
ADDR_BKPSDM = f"Jalan Pemuda Nomor 3 Banjarnegara 53413 Telepon (0286) 591320 Laman: bkpsdm.{DOMAIN}"
ADDR_DPMPTSP = f"Jalan Ahmad Yani Nomor 20 Banjarnegara 53411 Telepon (0286) 597025 Laman: dpmptsp.{DOMAIN}"


def kop(unit: str, address: str) -> Blk:
    """Letterhead of an office of the kabupaten (names the province, as real letterheads do)."""
    return KOP("PEMERINTAH KABUPATEN BANJARNEGARA", unit, address=address)


def bupati(date: str) -> Signer:
    return Signer("BUPATI BANJARNEGARA", BUPATI, CAPITAL, date)


def sekda(date: str) -> Signer:
    return Signer("SEKRETARIS DAERAH KABUPATEN BANJARNEGARA", SEKDA, CAPITAL, date)


# --- legal bases (Mengingat), worded as the real Perkada of ../shared/real/ cite them -------------

UU_KABUPATEN = (
    "Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan "
    "Propinsi Jawa Tengah (Berita Negara Republik Indonesia Tahun 1950 Nomor 42);"
)
UU_ITE = (
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik (Lembaran Negara Republik "
    "Indonesia Tahun 2008 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 4843) sebagaimana telah "
    "diubah dengan Undang-Undang Nomor 19 Tahun 2016 (Lembaran Negara Republik Indonesia Tahun 2016 Nomor 251, "
    "Tambahan Lembaran Negara Republik Indonesia Nomor 5952);"
)
UU_ITE_2008 = (
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik (Lembaran Negara Republik "
    "Indonesia Tahun 2008 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 4843);"
)
UU_KIP = (
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik (Lembaran Negara Republik "
    "Indonesia Tahun 2008 Nomor 61, Tambahan Lembaran Negara Republik Indonesia Nomor 4846);"
)
UU_PELAYANAN = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2009 "
    "Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038);"
)
UU_PEMDA_2015 = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
    "kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua Atas Undang-Undang Nomor 23 "
    "Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan "
    "Lembaran Negara Republik Indonesia Nomor 5679);"
)
UU_PEMDA_2020 = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
    "kali terakhir dengan Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja (Lembaran Negara Republik "
    "Indonesia Tahun 2020 Nomor 245, Tambahan Lembaran Negara Republik Indonesia Nomor 6573);"
)
PP_PSTE_2012 = (
    "Peraturan Pemerintah Nomor 82 Tahun 2012 tentang Penyelenggaraan Sistem dan Transaksi Elektronik "
    "(Lembaran Negara Republik Indonesia Tahun 2012 Nomor 189, Tambahan Lembaran Negara Republik Indonesia "
    "Nomor 5348);"
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
PERMENDAGRI_PRODUK_HUKUM = (
    "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara "
    "Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri "
    "Nomor 120 Tahun 2018 tentang Perubahan Atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang "
    "Pembentukan Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun 2018 Nomor 157);"
)
PERMENPANRB_MONEV = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 Tahun 2020 tentang "
    "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik;"
)
PERMENPANRB_PROBIS = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2018 tentang "
    "Penyusunan Peta Proses Bisnis Instansi Pemerintah;"
)
PERMENKOMINFO_TATA_KELOLA = (
    "Peraturan Menteri Komunikasi dan Informatika Nomor 41/PER/MEN.KOMINFO/11/2007 tentang Panduan Umum Tata "
    "Kelola Teknologi Informasi dan Komunikasi Nasional;"
)
KEPMENKOMINFO_RENCANA_INDUK = (
    "Keputusan Menteri Komunikasi dan Informatika Nomor 57/KEP/M.KOMINFO/12/2003 tentang Panduan Penyusunan "
    "Rencana Induk Pengembangan e-Government Lembaga;"
)
INPRES_EGOV = "Instruksi Presiden Nomor 3 Tahun 2003 tentang Kebijakan dan Strategi Nasional Pengembangan e-Government;"
PERDA_PERANGKAT_DAERAH = (
    "Peraturan Daerah Kabupaten Banjarnegara Nomor 10 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
    "Daerah Kabupaten Banjarnegara (Lembaran Daerah Kabupaten Banjarnegara Tahun 2016 Nomor 10);"
)
PERBUP_SPBE_REF = (
    "Peraturan Bupati Banjarnegara Nomor 40 Tahun 2021 tentang Sistem Pemerintahan Berbasis Elektronik dalam "
    "Penyelenggaraan Pemerintahan Daerah (Berita Daerah Kabupaten Banjarnegara Tahun 2021 Nomor 40);"
)
