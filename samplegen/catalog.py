"""The sample evidence folder: every file, how it is built, and what a careful assessor concludes.

Labels describe content, not file names. ``indicators`` maps an indicator
number to the level that the file ALONE supports under PermenPANRB 59/2020 and
Pedoman MenPANRB 3/2024 (see /work/shared/reference/spbe-framework.md §4-§5);
``complements`` lists indicators where the file only raises a level together
with other files (a review report needs the reviewed policy).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from samplegen import broken, office, scans, screens
from samplegen import texts_regs as R
from samplegen import texts_reports as T
from samplegen.model import Blk
from samplegen.pdfs import write_image_pdf, write_text_pdf
from samplegen.render import EXIF_ORIENTATION, degrade, photograph, render_page

REGION = "Kota Sukamaju"
OTHER_REGION = "Kabupaten Lembah Hijau"
ASSESSMENT_YEAR = 2025
SCAN_DPI = 200

Builder = Callable[[Path, Path], None]  # (target file, output root)


@dataclass
class Spec:
    path: str
    build: Builder
    label: dict = field(default_factory=dict)


# --- builders -------------------------------------------------------------------------


def _text_pdf(doc_fn) -> Builder:
    return lambda p, root: write_text_pdf(doc_fn(), p)


def _perwali_2019_pages(seed: int) -> list[Image.Image]:
    lines = scans.doc_to_lines(R.perwali_egov_2019())
    stamps = [["WALI KOTA SUKAMAJU", "PEMERINTAH", "KOTA SUKAMAJU"], ["SEKRETARIAT DAERAH", "KOTA", "SUKAMAJU"]]
    return scans.typed_pages(lines, dpi=SCAN_DPI, font_size_pt=11.5, seed=seed, signatures={"ttd": stamps})


def build_perwali_2019_scan(p: Path, root: Path) -> None:
    pages = scans.scan(_perwali_2019_pages(19), seed=19, noise=0.035, blur=0.7, max_rotate=1.8)
    write_image_pdf(pages, p, quality=45, title="", producer_note="EPSON Scan")


def build_perwali_2019_rescan_tiff(p: Path, root: Path) -> None:
    """The same printed pages scanned again on another day: black-and-white, CCITT G4 TIFF."""
    pages = scans.scan(_perwali_2019_pages(19), seed=2019, noise=0.03, blur=0.9, max_rotate=2.5)
    bw = [pg.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE) for pg in pages]
    bw[0].save(p, format="TIFF", save_all=True, append_images=bw[1:], compression="group4", dpi=(SCAN_DPI, SCAN_DPI))


def build_daftar_hadir(p: Path, root: Path) -> None:
    title = [
        "DAFTAR HADIR",
        "RAPAT KOORDINASI TIM KOORDINASI SPBE KOTA SUKAMAJU",
        "",
        "Hari/Tanggal : Jumat, 14 Maret 2025",
        "Waktu : 09.00 WIB - selesai",
        "Tempat : Ruang Rapat Sekretariat Daerah Kota Sukamaju",
    ]
    page = scans.daftar_hadir_page(T.DAFTAR_HADIR, dpi=SCAN_DPI, seed=314, title=title)
    page = degrade(page, noise=0.06, blur=0.9, rotate_deg=-2.2, seed=314)
    write_image_pdf([page], p, quality=45, producer_note="Canon iR-ADV C3525")


def build_audit_2021_scan(p: Path, root: Path) -> None:
    pages = []
    for i, (lines, bold, align) in enumerate(T.audit_keamanan_2021_pages()):
        lines = ["[[ttd]]" if (ln == "" and i == 1 and j == 13) else ln for j, ln in enumerate(lines)]
        pages += scans.typed_pages(
            (lines, bold, align),
            dpi=SCAN_DPI,
            font_size_pt=11.5,
            seed=2021 + i,
            signatures={"[[ttd]]": [["PT CAKRA AUDIT NUSANTARA", "JAKARTA"]]},
        )
    pages = scans.scan(pages, seed=2021, noise=0.045, blur=0.8, max_rotate=1.2)
    write_image_pdf(pages, p, quality=45, producer_note="HP Scan")


def build_kompetensi_mixed(p: Path, root: Path) -> None:
    lines, bold, align = T.kompetensi_signature_lines()
    lines = ["[[ttd]]" if j == 8 else ln for j, ln in enumerate(lines)]
    sig = scans.typed_pages(
        (lines, bold, align),
        dpi=SCAN_DPI,
        font_size_pt=11,
        seed=25,
        signatures={"[[ttd]]": [["PEMERINTAH KOTA SUKAMAJU", "BKPSDM"]]},
    )[0]
    sig = degrade(sig, noise=0.03, blur=0.6, rotate_deg=0.8, seed=25)
    doc = T.laporan_kompetensi_2024()
    doc.blocks.append(Blk("scanpage", "ttd"))
    write_text_pdf(doc, p, scans={"ttd": sig})


def build_unreadable(p: Path, root: Path) -> None:
    lines = ["REKAPITULASI CAPAIAN KINERJA PEGAWAI", "APLIKASI e-KINERJA TAHUN 2024", ""] + [
        f"{i}.   Unit kerja {i}: capaian {60 + (i * 7) % 35} persen, {3 + i % 4} pegawai belum mengisi."
        for i in range(1, 25)
    ]
    page = render_page(lines, dpi=40, font_size_pt=10, seed=1, bold_lines={0, 1}, align={0: "center", 1: "center"})
    page = degrade(page, noise=0.33, blur=1.1, rotate_deg=2.7, seed=1, speckles=1.0, uneven=70)
    write_image_pdf([page], p, quality=30, producer_note="Scanner")


def build_photo_se(p: Path, root: Path) -> None:
    lines = R.surat_edaran_srikandi_2025()
    align = {0: "center", 2: "sign", 6: "center", 7: "center", 8: "center", 9: "center", 10: "center"}
    align.update({i: "justify" for i in (13, 15, 16, 17, 18)})
    align.update({i: "sign" for i in range(22, 27)})
    page = render_page(lines, dpi=150, font_size_pt=12, seed=87, bold_lines={0, 6, 7, 8, 9, 10, 22, 26}, align=align)
    photo = photograph(page, rotate=90, seed=87)
    exif = Image.Exif()
    exif[0x010F] = "samsung"
    exif[0x0110] = "SM-A325F"
    exif[0x0112] = EXIF_ORIENTATION[90]
    exif[0x0132] = "2025:03:12 09:32:14"
    photo.save(p, "JPEG", quality=80, exif=exif.tobytes())


def _screenshot(fn) -> Builder:
    return lambda p, root: screens.draw_screen(fn()).save(p, "PNG", optimize=True)


def build_jpeg_named_pdf(p: Path, root: Path) -> None:
    buf = io.BytesIO()
    screens.draw_screen(screens.sicantik()).save(buf, "JPEG", quality=82)
    p.write_bytes(buf.getvalue())


def _copy_of(rel: str) -> Builder:
    def build(p: Path, root: Path) -> None:
        shutil.copyfile(root / rel, p)

    return build


# --- the folder ------------------------------------------------------------------------

UMBRELLA = "Diskominfo/1.a.Perwali_15_Tahun_2023_SPBE.pdf"
PERWALI_2019 = "Bagian_Hukum/Perwali_22_Tahun_2019_E-Government.pdf"
UMBRELLA_LEVELS = {1: 2, 2: 3, 3: 2, 4: 3, 5: 3, 6: 3, 7: 2, 8: 2, 9: 2, 10: 3}
UMBRELLA_NOTE = (
    "Payung kebijakan SPBE (ditetapkan, ttd, Berita Daerah 2023/15). Pasal 4: arsitektur hanya 4 domain (ind. 1 L2); "
    "Pasal 5: muatan Peta Rencana lengkap + acuan Peta Rencana Nasional (ind. 2 L3); Pasal 7: manajemen data hanya "
    "disebut dan didelegasikan (ind. 3 L2); Pasal 8: siklus aplikasi + konsultasi Diskominfo (ind. 4 L3); Pasal 9-10: "
    "seluruh PD + keterhubungan nasional (ind. 5, 6 L3); Pasal 11: SPL hanya sebagian PD (ind. 7 L2); Pasal 12: keamanan "
    "hanya penanggung jawab dan perencanaan (ind. 8 L2); Pasal 15: audit infrastruktur dan aplikasi saja (ind. 9 L2); "
    "Pasal 16: tugas tim untuk seluruh PD + koordinasi K/L (ind. 10 L3). Mencabut Perwali 22/2019."
)


def specs() -> list[Spec]:
    ok = {"status": "ok", "error": None}
    return [
        Spec(
            UMBRELLA,
            _text_pdf(R.perwali_spbe_2023),
            {
                **ok,
                "format": "pdf",
                "doc_type": "perwali",
                "number": "15",
                "year": 2023,
                "region": REGION,
                "signed": True,
                "flags": ["duplicate"],
                "indicators": UMBRELLA_LEVELS,
                "pages": 9,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [
                    "PERATURAN WALI KOTA SUKAMAJU",
                    "NOMOR 15 TAHUN 2023",
                    "dicabut dan dinyatakan tidak berlaku",
                ],
                "note": UMBRELLA_NOTE,
            },
        ),
        Spec(
            "Diskominfo/1.b.Perwali_8_Tahun_2024_Arsitektur_SPBE.pdf",
            _text_pdf(R.perwali_arsitektur_2024),
            {
                **ok,
                "format": "pdf",
                "doc_type": "perwali",
                "number": "8",
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {1: 3},
                "pages": 4,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [
                    "NOMOR 8 TAHUN 2024",
                    "domain arsitektur Keamanan SPBE",
                    "domain arsitektur Layanan SPBE",
                ],
                "note": "Ditetapkan; mengatur referensi arsitektur dan keenam domain (L3) serta keterpaduan dengan Arsitektur SPBE "
                "Nasional (Pasal 4) dan reviu (Pasal 5); L4 hanya bersama laporan reviu 2025.",
            },
        ),
        Spec(
            "Diskominfo/11.Lampiran_Perwali_8_2024_Dokumen_Arsitektur_SPBE.pdf",
            _text_pdf(R.lampiran_arsitektur_2024),
            {
                **ok,
                "format": "pdf",
                "doc_type": "arsitektur",
                "number": "8",
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {11: 3},
                "pages": 3,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["REFERENSI ARSITEKTUR", "Domain Arsitektur Keamanan SPBE"],
                "note": "Dokumen Arsitektur (lampiran Perwali 8/2024, kutipan) memuat referensi dan keenam domain, mengacu "
                "Arsitektur SPBE Nasional: L3 sendiri; L4 bersama laporan reviu 2025.",
            },
        ),
        Spec(
            "Diskominfo/3.Peta_Rencana_SPBE_2024-2028.pdf",
            _text_pdf(T.peta_rencana_2024),
            {
                **ok,
                "format": "pdf",
                "doc_type": "peta_rencana",
                "number": None,
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {12: 3},
                "complements": [24, 25],
                "pages": 4,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["PETA RENCANA", "TAHUN 2024-2028", "Audit keamanan SPBE"],
                "note": "Nomor berkas '3.' salah (isi = Peta Rencana, indikator 12). Dokumen lengkap (tata kelola, manajemen, "
                "layanan, infrastruktur, aplikasi, keamanan, audit TIK), disahkan Sekda: L3. Tidak ada reviu -> bukan L4. "
                "Program aset TIK dan kompetensi SDM menjadi dasar L2 ind. 24 dan 25 bersama bukti pelaksanaannya.",
            },
        ),
        Spec(
            "Diskominfo/3.R-Perwali_Manajemen_Data.pdf",
            _text_pdf(R.rancangan_manajemen_data_2025),
            {
                **ok,
                "format": "pdf",
                "doc_type": "perwali",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": False,
                "flags": ["draft"],
                "indicators": {3: 1},
                "pages": 4,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [
                    "RANCANGAN",
                    "MANAJEMEN DATA DI LINGKUNGAN PEMERINTAH KOTA SUKAMAJU",
                    "Paraf Koordinasi",
                ],
                "note": "Rancangan: nomor, tanggal dan Berita Daerah kosong, tanpa ttd, kolom paraf koordinasi. Muatan lengkap "
                "tetapi belum ditetapkan -> paling tinggi L1.",
            },
        ),
        Spec(
            "Diskominfo/10.SK_Tim_Koordinasi_SPBE_2024.docx",
            lambda p, r: office.write_sk_tim_koordinasi(p),
            {
                **ok,
                "format": "docx",
                "doc_type": "sk",
                "number": R.SK_NUMBER,
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {10: 3},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [
                    "KEPUTUSAN WALI KOTA SUKAMAJU",
                    "188.45/123/HK/2024",
                    "Kepala Dinas Komunikasi dan Informatika",
                ],
                "note": "SK ditetapkan (nomor, tanggal, ttd); tugas tim mencakup seluruh PD dan koordinasi dengan K/L: L3 "
                "(L4 bersama Perwali 15/2023 dan reviu 2025). Lampiran berupa tabel susunan keanggotaan.",
            },
        ),
        Spec(
            "Diskominfo/8.Perbup_Keamanan_Informasi_SPBE.pdf",
            _text_pdf(R.perbup_lembah_hijau_2022),
            {
                **ok,
                "format": "pdf",
                "doc_type": "perbup",
                "number": "31",
                "year": 2022,
                "region": OTHER_REGION,
                "signed": True,
                "flags": ["other_region"],
                "indicators": {},
                "pages": 3,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["PERATURAN BUPATI LEMBAH HIJAU", "NOMOR 31 TAHUN 2022"],
                "note": "Peraturan daerah lain (Kabupaten Lembah Hijau), lengkap untuk ind. 8 tetapi tidak berlaku di Kota "
                "Sukamaju: tidak dapat menjadi bukti.",
            },
        ),
        Spec(
            "Diskominfo/SOP_Layanan_Pusat_Data.docx",
            lambda p, r: office.write_sop_pusat_data(p),
            {
                **ok,
                "format": "docx",
                "doc_type": "sop",
                "number": "800/045/Diskominfo/2024",
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {16: 2},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["STANDAR OPERASIONAL PROSEDUR", "Pusat Data Pemerintah Kota Sukamaju"],
                "note": "SOP layanan pusat data untuk seluruh PD; sendiri membuktikan layanan terencana dan terdokumentasi (L2); "
                "bersama audit TIK 2024 (seluruh 34 PD memakai Pusat Data) -> L3.",
            },
        ),
        Spec(
            "Diskominfo/24.Daftar_Aset_TIK_2025.xlsx",
            lambda p, r: office.write_daftar_aset(p),
            {
                **ok,
                "format": "xlsx",
                "doc_type": "other",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {24: 1},
                "pages": 3,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["DAFTAR ASET TEKNOLOGI INFORMASI DAN KOMUNIKASI", "Usulan Penghapusan"],
                "note": "Inventaris aset TIK (perangkat keras, lisensi, rekap). Sendiri hanya kegiatan pencatatan (L1); dengan "
                "program aset TIK di Peta Rencana -> L2. Tidak ada pedoman manajemen aset -> bukan L3.",
            },
        ),
        Spec(
            "Diskominfo/Notulen Rapat Koordinasi Tim SPBE (Revisi) – Séksi Aplikasi.pdf",
            _text_pdf(T.notulen_2025),
            {
                **ok,
                "format": "pdf",
                "doc_type": "notulen",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {19: 2, 13: 2},
                "pages": 2,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["NOTULEN RAPAT", "Jumat, 14 Maret 2025"],
                "note": "Nama berkas non-ASCII dengan tanda kurung. Rapat Tim Koordinasi: kegiatan tim terencana tetapi baru "
                "sebagian (ind. 19 L2); baru 21 dari 34 PD berkonsultasi rencana belanja TIK (ind. 13 L2).",
            },
        ),
        Spec(
            "Diskominfo/Daftar Hadir Rapat Tim Koordinasi SPBE 14-03-2025.pdf",
            build_daftar_hadir,
            {
                **ok,
                "format": "pdf",
                "doc_type": "daftar_hadir",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {19: 1},
                "pages": 1,
                "scanned_pages": 1,
                "ocr_pages": 1,
                "key_phrases": ["DAFTAR HADIR"],
                "note": "Pindaian berisik (gambar saja, miring 2,2 derajat) daftar hadir rapat 14 Maret 2025 dengan tanda tangan.",
            },
        ),
        Spec(
            "Diskominfo/43.Screenshot_Portal_Satu_Data.png",
            _screenshot(screens.satu_data),
            {
                **ok,
                "format": "png",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {43: 2},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["Satu Data Sukamaju", "Data dapat diunduh bebas"],
                "note": "Portal data terbuka: pencarian, filter dan unduh CSV/XLSX/JSON -> Interaksi (L2).",
            },
        ),
        Spec(
            "Diskominfo/42.Screenshot_Lapor_Sukamaju.png",
            _screenshot(screens.pengaduan),
            {
                **ok,
                "format": "png",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {42: 3},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["LAPOR SUKAMAJU", "Daftar Pengaduan Masuk"],
                "note": "Alur tiket (verifikasi, disposisi, tindak lanjut, SLA, notifikasi) -> Transaksi (L3); integrasi dengan "
                "SP4N-LAPOR! tidak terlihat -> bukan L4.",
            },
        ),
        Spec(
            "Diskominfo/Video_Sosialisasi_SPBE.mp4",
            lambda p, r: broken.tiny_mp4(p),
            {
                "status": "unsupported",
                "error": "unsupported",
                "format": "mp4",
                "doc_type": None,
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["unsupported"],
                "indicators": {},
                "pages": 0,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [],
                "note": "Video (kotak ftyp MP4, 2 KB): bukan format eviden yang didukung.",
            },
        ),
        Spec(
            "Diskominfo/Undangan_Fun_Run_HUT_Kota_Sukamaju_ke-78.pdf",
            _text_pdf(T.undangan_fun_run_2025),
            {
                **ok,
                "format": "pdf",
                "doc_type": "other",
                "number": "005/214/Kesra/2025",
                "year": 2025,
                "region": REGION,
                "signed": True,
                "flags": ["irrelevant"],
                "indicators": {},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["Fun Run", "Hari Jadi Kota Sukamaju ke-78"],
                "note": "Undangan acara olahraga: tidak membuktikan indikator SPBE apa pun.",
            },
        ),
        Spec(
            "Diskominfo/Arsip_2021/31.Laporan_Audit_Keamanan_SPBE_2021.pdf",
            build_audit_2021_scan,
            {
                **ok,
                "format": "pdf",
                "doc_type": "laporan",
                "number": None,
                "year": 2021,
                "region": REGION,
                "signed": True,
                "flags": ["stale"],
                "indicators": {},
                "pages": 2,
                "scanned_pages": 2,
                "ocr_pages": 2,
                "key_phrases": ["LAPORAN HASIL AUDIT KEAMANAN", "2021"],
                "note": "Pindaian. Audit keamanan SPBE oleh auditor eksternal bersertifikat, periode Agustus-Oktober 2021: lebih "
                "dari 2 tahun sebelum 2025 sehingga tidak dihitung (seandainya baru akan mendukung ind. 31 L4).",
            },
        ),
        Spec(
            PERWALI_2019,
            build_perwali_2019_scan,
            {
                **ok,
                "format": "pdf",
                "doc_type": "perwali",
                "number": "22",
                "year": 2019,
                "region": REGION,
                "signed": True,
                "flags": ["superseded", "duplicate"],
                "indicators": {},
                "superseded_by": UMBRELLA,
                "pages": 3,
                "scanned_pages": 3,
                "ocr_pages": 3,
                "key_phrases": ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 22 TAHUN 2019"],
                "note": "Pindaian asli bertanda tangan basah dan cap (tanpa tulisan ttd). Dicabut oleh Perwali 15/2023 Pasal 19.",
            },
        ),
        Spec(
            "Bagian_Hukum/Scan_Perwali_22_2019_ulang.tif",
            build_perwali_2019_rescan_tiff,
            {
                **ok,
                "format": "tiff",
                "doc_type": "perwali",
                "number": "22",
                "year": 2019,
                "region": REGION,
                "signed": True,
                "flags": ["superseded", "duplicate"],
                "indicators": {},
                "duplicate_of": PERWALI_2019,
                "superseded_by": UMBRELLA,
                "pages": 3,
                "scanned_pages": 3,
                "ocr_pages": 3,
                "key_phrases": ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 22 TAHUN 2019"],
                "note": "Pindai ulang (TIFF hitam-putih CCITT G4, 3 halaman) dokumen yang sama: hampir duplikat, beda byte.",
            },
        ),
        Spec(
            "Bagian_Hukum/44.Screenshot_JDIH.png",
            _screenshot(screens.jdih),
            {
                **ok,
                "format": "png",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {44: 2},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["JDIH Kota Sukamaju", "Produk Hukum"],
                "note": "Pencarian dan unduh PDF produk hukum -> Interaksi (L2); tidak tampak integrasi JDIHN.",
            },
        ),
        Spec(
            "Bagian_Organisasi/1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf",
            _text_pdf(T.laporan_reviu_2025),
            {
                **ok,
                "format": "pdf",
                "doc_type": "laporan",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {19: 2},
                "complements": [1, 2, 5, 6, 10, 11],
                "pages": 2,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["LAPORAN HASIL REVIU", "Permasalahan", "Rekomendasi"],
                "note": "Reviu Juni 2025 (< 2 tahun) oleh Tim Koordinasi atas Perwali 15/2023, Perwali 8/2024 dan SK Tim: "
                "permasalahan + rekomendasi. Menaikkan ke L4 indikator yang kebijakannya sudah L3 dan mengatur "
                "keterpaduan (1, 2, 5, 6, 10, 11). Belum ada kebijakan baru hasil reviu -> tidak ada L5.",
            },
        ),
        Spec(
            "Bagian_Organisasi/14.Peta_Proses_Bisnis_Final.pdf",
            lambda p, r: broken.empty_file(p),
            {
                "status": "failed",
                "error": "empty",
                "format": None,
                "doc_type": None,
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["empty"],
                "indicators": {},
                "pages": 0,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [],
                "note": "Berkas 0 bita.",
            },
        ),
        Spec(
            "Bagian_Organisasi/IMG_20250312_093214.jpg",
            build_photo_se,
            {
                **ok,
                "format": "jpeg",
                "doc_type": "surat_edaran",
                "number": "000.5.2/87/Org/2025",
                "year": 2025,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {37: 1},
                "pages": 1,
                "scanned_pages": 1,
                "ocr_pages": 1,
                "rotation": 90,
                "exif_orientation": 6,
                "key_phrases": ["SURAT EDARAN", "SRIKANDI"],
                "note": "Foto ponsel halaman cetak, tersimpan miring 90 derajat (EXIF Orientation 6). Surat edaran kewajiban "
                "SRIKANDI: hanya informasi tentang layanan, fitur tidak dibuktikan -> ind. 37 L1.",
            },
        ),
        Spec(
            "Bappeda/32.Screenshot_e-Planning.png",
            _screenshot(screens.eplanning),
            {
                **ok,
                "format": "png",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {32: 3},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["e-Planning Kota Sukamaju", "Rancangan Renja Perangkat Daerah Tahun 2026"],
                "note": "Alur verifikasi/persetujuan Renja, status, notifikasi -> Transaksi (L3).",
            },
        ),
        Spec(
            "Bappeda/14.Rekap_RKA_DPA_SPBE_2023-2025.xlsx",
            lambda p, r: office.write_rekap_anggaran(p),
            {
                **ok,
                "format": "xlsx",
                "doc_type": "anggaran",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {13: 2},
                "pages": 4,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["REKAPITULASI SUB KEGIATAN SPBE", "Konsultasi dengan Diskominfo"],
                "note": "Nomor berkas '14.' salah (isi = keterpaduan rencana dan anggaran, ind. 13). DPA 2023-2025 dengan "
                "kolom konsultasi: sebagian sub kegiatan tidak dikonsultasikan -> L2.",
            },
        ),
        Spec(
            "Bappeda/Renja_Bappeda_2025_final.pdf",
            lambda p, r: broken.truncated_pdf(T.renja_bappeda_2025(), p),
            {
                "status": "failed",
                "error": "corrupt",
                "format": "pdf",
                "doc_type": None,
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["corrupt"],
                "indicators": {},
                "pages": 0,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [],
                "note": "PDF terpotong di tengah (tanpa xref/trailer/%%EOF); pdfium dan pdfminer gagal membuka.",
            },
        ),
        Spec(
            "BPKAD/33.Screenshot_e-Budgeting.png",
            _screenshot(screens.ebudgeting),
            {
                **ok,
                "format": "png",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": [],
                "indicators": {33: 4},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["e-Budgeting Kota Sukamaju", "Sinkronisasi SIPD"],
                "note": "Verifikasi TAPD (transaksi) + tarik data otomatis dari e-Planning via API dan sinkronisasi SIPD "
                "Kemendagri -> Kolaborasi (L4).",
            },
        ),
        Spec(
            "BPKAD/Laporan_Realisasi_Anggaran_TIK_2024.pdf",
            lambda p, r: broken.encrypted_pdf(T.lra_tik_2024(), p, "bpkad2024"),
            {
                "status": "failed",
                "error": "encrypted",
                "format": "pdf",
                "doc_type": None,
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["encrypted"],
                "indicators": {},
                "pages": 0,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [],
                "note": "PDF berkata sandi pengguna (RC4-128, sandi 'bpkad2024' hanya untuk uji).",
            },
        ),
        Spec(
            "BKPSDM/25.Laporan_Pengembangan_Kompetensi_SDM_SPBE_2024.pdf",
            build_kompetensi_mixed,
            {
                **ok,
                "format": "pdf",
                "doc_type": "laporan",
                "number": None,
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {25: 2},
                "pages": 2,
                "scanned_pages": 1,
                "ocr_pages": 1,
                "key_phrases": ["LAPORAN PELAKSANAAN PENGEMBANGAN KOMPETENSI", "Permasalahan"],
                "note": "PDF campuran: halaman teks + halaman tanda tangan hasil pindai (gambar saja). Program dari Peta Rencana, "
                "sebagian bidang dan PD, tanpa pedoman -> L2.",
            },
        ),
        Spec(
            "BKPSDM/SOP_Layanan_Kepegawaian.docx",
            lambda p, r: broken.zero_filled(p),
            {
                "status": "failed",
                "error": "corrupt",
                "format": None,
                "doc_type": None,
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["corrupt"],
                "indicators": {},
                "pages": 0,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [],
                "note": "Berekstensi .docx tetapi bukan zip: 12 KB bita nol (sinkronisasi gagal).",
            },
        ),
        Spec(
            "BKPSDM/scan0001.pdf",
            build_unreadable,
            {
                **ok,
                "format": "pdf",
                "doc_type": "other",
                "number": None,
                "year": None,
                "region": None,
                "signed": None,
                "flags": ["unreadable"],
                "indicators": {},
                "pages": 1,
                "scanned_pages": 1,
                "ocr_pages": 1,
                "key_phrases": [],
                "note": "Pindaian sangat kecil (40 dpi) dan sangat berisik; teks tidak terbaca (rekap e-kinerja).",
            },
        ),
        Spec(
            "Inspektorat/2024/Laporan/LHA_Audit_TIK_2024.pdf",
            _text_pdf(T.laporan_audit_tik_2024),
            {
                **ok,
                "format": "pdf",
                "doc_type": "laporan",
                "number": "700.1.2.2/LHA-05/Insp/2024",
                "year": 2024,
                "region": REGION,
                "signed": True,
                "flags": [],
                "indicators": {29: 3, 30: 3, 16: 2, 17: 2},
                "pages": 2,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": [
                    "LAPORAN HASIL AUDIT TEKNOLOGI INFORMASI DAN KOMUNIKASI",
                    "(AUDIT INFRASTRUKTUR SPBE DAN AUDIT APLIKASI SPBE)",
                ],
                "note": "Dua tingkat folder. Audit 2024 (< 2 tahun) infrastruktur dan aplikasi oleh auditor internal berdasarkan "
                "pedoman -> ind. 29, 30 L3 (bukan auditor eksternal bersertifikat -> bukan L4). Pusat Data dipakai 34 PD "
                "(ind. 16 L2 sendiri), Jaringan Intra 28/34 PD (ind. 17 L2). Tidak mencakup audit keamanan (ind. 31).",
            },
        ),
        Spec(
            "Inspektorat/Dasar_Hukum/Perwali 15 Tahun 2023 tentang SPBE.pdf",
            _copy_of(UMBRELLA),
            {
                **ok,
                "format": "pdf",
                "doc_type": "perwali",
                "number": "15",
                "year": 2023,
                "region": REGION,
                "signed": True,
                "flags": ["duplicate"],
                "indicators": UMBRELLA_LEVELS,
                "duplicate_of": UMBRELLA,
                "pages": 9,
                "scanned_pages": 0,
                "ocr_pages": 0,
                "key_phrases": ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 15 TAHUN 2023"],
                "note": "Salinan identik byte demi byte dari Diskominfo/1.a.Perwali_15_Tahun_2023_SPBE.pdf.",
            },
        ),
        Spec(
            "DPMPTSP/45.Screenshot_SiCantik.pdf",
            build_jpeg_named_pdf,
            {
                "status": "failed",
                "error": "wrong_extension",
                "format": "jpeg",
                "doc_type": "screenshot",
                "number": None,
                "year": 2025,
                "region": REGION,
                "signed": None,
                "flags": ["wrong_extension"],
                "indicators": {},
                "pages": 1,
                "scanned_pages": 0,
                "ocr_pages": 1,
                "key_phrases": ["SiCantik", "Penerbitan Izin"],
                "note": "Berkas JPEG bernama .pdf: status gagal (wrong_extension) agar admin mengganti nama, tetapi isinya tetap "
                "terbaca (OCR). Isi: layanan perizinan dengan verifikasi, tinjauan, penerbitan izin ber-TTE -> "
                "Transaksi (L3) untuk layanan publik sektor 1.",
            },
        ),
    ]


# --- whole-folder assessment --------------------------------------------------------------

INDICATOR_LEVELS: dict[int, tuple[int, str]] = {
    1: (4, "Perwali 8/2024 mengatur seluruh domain + keterpaduan dengan Arsitektur SPBE Nasional, direviu Juni 2025."),
    2: (
        4,
        "Perwali 15/2023 Pasal 5 memuat seluruh isi Peta Rencana dan acuan Peta Rencana Nasional, direviu Juni 2025.",
    ),
    3: (2, "Perwali 15/2023 hanya menyebut manajemen data; Perwali Manajemen Data masih rancangan (L1)."),
    4: (3, "Perwali 15/2023 Pasal 8: siklus pembangunan aplikasi + konsultasi Diskominfo; tanpa pengendalian terpadu."),
    5: (4, "Perwali 15/2023 Pasal 9: seluruh PD + keterhubungan Pusat Data Nasional, direviu Juni 2025."),
    6: (4, "Perwali 15/2023 Pasal 10: seluruh PD + keterhubungan Jaringan Intra Pemerintah, direviu Juni 2025."),
    7: (2, "Perwali 15/2023 Pasal 11: Sistem Penghubung Layanan hanya untuk sebagian PD."),
    8: (2, "Perwali 15/2023 Pasal 12 hanya penanggung jawab dan perencanaan; Perbup Lembah Hijau tidak berlaku."),
    9: (2, "Perwali 15/2023 Pasal 15 hanya audit infrastruktur dan aplikasi, tanpa audit keamanan."),
    10: (4, "Perwali 15/2023 Pasal 16 + SK 188.45/123/HK/2024: seluruh PD + koordinasi K/L, direviu Juni 2025."),
    11: (4, "Dokumen Arsitektur (lampiran Perwali 8/2024) lengkap, mengacu Arsitektur Nasional, direviu Juni 2025."),
    12: (3, "Peta Rencana 2024-2028 lengkap dan disahkan; belum direviu."),
    13: (2, "Rekap DPA dan notulen: baru sebagian PD berkonsultasi dengan Diskominfo."),
    14: (0, "Satu-satunya berkas peta proses bisnis kosong (0 bita)."),
    15: (0, "Tidak ada bukti pelaksanaan pembangunan aplikasi (hanya kebijakan)."),
    16: (3, "SOP Layanan Pusat Data + audit 2024: seluruh 34 PD memakai Pusat Data."),
    17: (2, "Audit 2024: Jaringan Intra baru 28 dari 34 PD."),
    18: (0, "Tidak ada bukti penggunaan Sistem Penghubung Layanan selain kebijakan dan tangkapan layar e-Budgeting."),
    19: (2, "Notulen, daftar hadir dan laporan reviu: kegiatan tim terencana, baru sebagian terlaksana."),
    20: (0, "Tidak ada bukti forum kolaborasi."),
    21: (0, "Tidak ada bukti manajemen risiko SPBE."),
    22: (0, "Tidak ada bukti penerapan manajemen keamanan informasi; audit keamanan 2021 kedaluwarsa."),
    23: (0, "Hanya rancangan Perwali Manajemen Data; tidak ada bukti penerapan."),
    24: (2, "Daftar Aset TIK 2025 + program aset TIK dalam Peta Rencana; tanpa pedoman."),
    25: (2, "Laporan pengembangan kompetensi 2024 sesuai Peta Rencana; tanpa pedoman, sebagian PD."),
    26: (0, "Tidak ada bukti manajemen pengetahuan."),
    27: (0, "Tidak ada bukti manajemen perubahan."),
    28: (0, "Tidak ada bukti manajemen layanan SPBE."),
    29: (3, "Audit infrastruktur 2024 oleh auditor internal berdasarkan pedoman."),
    30: (3, "Audit aplikasi 2024 oleh auditor internal berdasarkan pedoman."),
    31: (0, "Audit keamanan hanya 2021 (> 2 tahun, kedaluwarsa)."),
    32: (3, "e-Planning: alur verifikasi dan persetujuan (Transaksi)."),
    33: (4, "e-Budgeting terintegrasi e-Planning dan SIPD (Kolaborasi)."),
    34: (0, "Tidak ada bukti layanan keuangan."),
    35: (0, "Tidak ada bukti layanan pengadaan."),
    36: (0, "Tidak ada bukti layanan kepegawaian (SOP kepegawaian rusak)."),
    37: (1, "Surat Edaran SRIKANDI: informasi layanan saja."),
    38: (0, "Tidak ada bukti layanan BMD."),
    39: (0, "Tidak ada bukti layanan pengawasan internal."),
    40: (0, "Tidak ada bukti layanan akuntabilitas kinerja."),
    41: (0, "Pindaian rekap e-kinerja tidak terbaca."),
    42: (3, "Lapor Sukamaju: alur tiket, disposisi, SLA, notifikasi (Transaksi)."),
    43: (2, "Portal Satu Data: pencarian dan unduh dataset (Interaksi)."),
    44: (2, "JDIH: pencarian dan unduh produk hukum (Interaksi)."),
    45: (
        0,
        "SiCantik menunjukkan Transaksi, tetapi satu-satunya bukti adalah JPEG bernama .pdf: berkas bermasalah tidak dihitung sampai diganti nama.",
    ),
    46: (0, "Tidak ada bukti layanan publik sektor 2."),
    47: (0, "Tidak ada bukti layanan publik sektor 3."),
}


# --- the self-assessment (claims) ---------------------------------------------------------


def _f(rel: str) -> str:
    return rel.rsplit("/", 1)[-1]


CLAIMS: list[tuple[int, int, str, list[str]]] = [
    (
        1,
        4,
        "Kebijakan Arsitektur SPBE ditetapkan dengan Peraturan Wali Kota Nomor 8 Tahun 2024 Pasal 3 dan Pasal 4 yang mengatur seluruh domain dan keterpaduan dengan Arsitektur SPBE Nasional, serta telah direviu Tahun 2025. Kriteria tingkat 4 terpenuhi.",
        ["1.b.Perwali_8_Tahun_2024_Arsitektur_SPBE.pdf", "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf"],
    ),
    (
        2,
        4,
        "Peraturan Wali Kota Nomor 15 Tahun 2023 Pasal 5 mengatur muatan Peta Rencana SPBE dan acuan Peta Rencana SPBE Nasional; telah direviu Tahun 2025.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf", "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf"],
    ),
    (
        3,
        4,
        "Manajemen data diatur dalam Peraturan Wali Kota tentang Manajemen Data yang mengatur arsitektur data, data induk, data referensi, basis data, kualitas data, dan interoperabilitas data.",
        ["3.R-Perwali_Manajemen_Data.pdf", "1.a.Perwali_15_Tahun_2023_SPBE.pdf"],
    ),
    (
        4,
        3,
        "Peraturan Wali Kota Nomor 15 Tahun 2023 Pasal 8 mengatur siklus pembangunan aplikasi dan kewajiban konsultasi dengan Diskominfo.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf"],
    ),
    (
        5,
        4,
        "Pasal 9 Perwali 15/2023 mewajibkan seluruh Perangkat Daerah menggunakan Pusat Data dan terhubung dengan Pusat Data Nasional; telah direviu.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf", "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf"],
    ),
    (
        6,
        4,
        "Pasal 10 Perwali 15/2023 mengatur Jaringan Intra untuk seluruh Perangkat Daerah dan keterhubungan dengan Jaringan Intra Pemerintah; telah direviu.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf", "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf"],
    ),
    (
        7,
        2,
        "Pasal 11 Perwali 15/2023 mengatur penggunaan Sistem Penghubung Layanan oleh sebagian Perangkat Daerah.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf"],
    ),
    (
        8,
        4,
        "Manajemen keamanan informasi diatur lengkap mulai penetapan ruang lingkup sampai perbaikan berkelanjutan untuk seluruh Perangkat Daerah.",
        ["8.Perbup_Keamanan_Informasi_SPBE.pdf"],
    ),
    (
        9,
        2,
        "Pasal 15 Perwali 15/2023 mengatur audit infrastruktur dan audit aplikasi SPBE.",
        ["1.a.Perwali_15_Tahun_2023_SPBE.pdf"],
    ),
    (
        10,
        4,
        "Tim Koordinasi SPBE ditetapkan dengan Keputusan Wali Kota Nomor 188.45/123/HK/2024, tugasnya mencakup seluruh Perangkat Daerah dan koordinasi dengan kementerian/lembaga; telah direviu.",
        [
            "10.SK_Tim_Koordinasi_SPBE_2024.docx",
            "1.a.Perwali_15_Tahun_2023_SPBE.pdf",
            "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf",
        ],
    ),
    (
        11,
        4,
        "Dokumen Arsitektur SPBE 2024-2028 memuat referensi dan seluruh domain arsitektur sesuai Arsitektur SPBE Nasional dan telah direviu Tahun 2025.",
        ["11.Lampiran_Perwali_8_2024_Dokumen_Arsitektur_SPBE.pdf", "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf"],
    ),
    (
        12,
        4,
        "Peta Rencana SPBE 2024-2028 telah diterapkan secara konsisten dalam DPA tiga tahun terakhir.",
        ["3.Peta_Rencana_SPBE_2024-2028.pdf", "14.Rekap_RKA_DPA_SPBE_2023-2025.xlsx"],
    ),
    (
        13,
        2,
        "Sebagian rencana belanja TIK Perangkat Daerah telah dikonsultasikan dengan Diskominfo (rekap DPA 2023-2025, notulen rapat Maret 2025).",
        ["14.Rekap_RKA_DPA_SPBE_2023-2025.xlsx", "Notulen Rapat Koordinasi Tim SPBE (Revisi) – Séksi Aplikasi.pdf"],
    ),
    (
        14,
        2,
        "Peta Proses Bisnis Pemerintah Kota Sukamaju telah ditetapkan dengan Keputusan Wali Kota sesuai pedoman yang berlaku.",
        ["14.SK_Peta_Proses_Bisnis_2024.pdf"],
    ),
    (15, 1, "Pembangunan aplikasi masih dilaksanakan masing-masing Perangkat Daerah.", []),
    (
        16,
        3,
        "Pusat Data digunakan seluruh Perangkat Daerah berdasarkan SOP Layanan Pusat Data.",
        ["SOP_Layanan_Pusat_Data.docx", "LHA_Audit_TIK_2024.pdf"],
    ),
    (17, 2, "Jaringan Intra menjangkau 28 dari 34 Perangkat Daerah.", ["LHA_Audit_TIK_2024.pdf"]),
    (18, 1, "Sistem Penghubung Layanan baru digunakan pada sebagian layanan.", []),
    (
        19,
        4,
        "Tim Koordinasi SPBE melaksanakan seluruh tugasnya, mengomunikasikan hasilnya ke seluruh Perangkat Daerah, dan melakukan reviu.",
        [
            "Notulen Rapat Koordinasi Tim SPBE (Revisi) – Séksi Aplikasi.pdf",
            "Daftar Hadir Rapat Tim Koordinasi SPBE 14-03-2025.pdf",
            "1.c.Laporan_Reviu_Kebijakan_SPBE_2025.pdf",
        ],
    ),
    (20, 1, "Kolaborasi penerapan SPBE masih bersifat sementara.", []),
    (
        21,
        2,
        "Manajemen risiko SPBE dilaksanakan sesuai pedoman manajemen risiko SPBE.",
        ["21.Pedoman_Manajemen_Risiko_SPBE.pdf"],
    ),
    (22, 1, "Penerapan manajemen keamanan informasi belum terencana.", []),
    (23, 1, "Manajemen data masih dalam tahap penyusunan kebijakan.", []),
    (
        24,
        2,
        "Manajemen aset TIK dilaksanakan melalui inventarisasi aset sesuai program Peta Rencana SPBE.",
        ["24.Daftar_Aset_TIK_2025.xlsx", "3.Peta_Rencana_SPBE_2024-2028.pdf"],
    ),
    (
        25,
        2,
        "Pengembangan kompetensi SDM SPBE Tahun 2024 sesuai program Peta Rencana SPBE.",
        ["25.Laporan_Pengembangan_Kompetensi_SDM_SPBE_2024.pdf"],
    ),
    (26, 1, "", []),
    (27, 1, "", []),
    (28, 1, "", []),
    (
        29,
        3,
        "Audit infrastruktur SPBE Tahun 2024 oleh Inspektorat berdasarkan Pedoman Audit TIK Internal.",
        ["LHA_Audit_TIK_2024.pdf"],
    ),
    (
        30,
        3,
        "Audit aplikasi SPBE Tahun 2024 oleh Inspektorat berdasarkan Pedoman Audit TIK Internal.",
        ["LHA_Audit_TIK_2024.pdf"],
    ),
    (
        31,
        4,
        "Audit keamanan SPBE dilaksanakan oleh auditor eksternal bersertifikat.",
        ["31.Laporan_Audit_Keamanan_SPBE_2021.pdf"],
    ),
    (
        32,
        3,
        "Layanan perencanaan melalui aplikasi e-Planning dengan alur verifikasi dan persetujuan Renja.",
        ["32.Screenshot_e-Planning.png"],
    ),
    (
        33,
        3,
        "Layanan penganggaran melalui aplikasi e-Budgeting dengan verifikasi TAPD.",
        ["33.Screenshot_e-Budgeting.png"],
    ),
    (34, 1, "", []),
    (35, 1, "", []),
    (36, 2, "Layanan kepegawaian melalui aplikasi SIMPEG sesuai SOP.", ["SOP_Layanan_Kepegawaian.docx"]),
    (
        37,
        3,
        "Naskah dinas dibuat, ditandatangani secara elektronik, dan dikirim melalui SRIKANDI.",
        ["IMG_20250312_093214.jpg"],
    ),
    (38, 1, "", []),
    (39, 1, "", []),
    (40, 1, "", []),
    (41, 2, "Penilaian kinerja pegawai melalui aplikasi e-Kinerja.", ["scan0001.pdf"]),
    (
        42,
        3,
        "Layanan pengaduan Lapor Sukamaju dengan alur disposisi dan notifikasi.",
        ["42.Screenshot_Lapor_Sukamaju.png"],
    ),
    (43, 2, "Portal Satu Data menyediakan pencarian dan unduh dataset.", ["43.Screenshot_Portal_Satu_Data.png"]),
    (44, 4, "JDIH Kota Sukamaju terintegrasi dengan JDIHN.", ["44.Screenshot_JDIH.png"]),
    (
        45,
        3,
        "Layanan perizinan melalui SiCantik Cloud dengan penerbitan izin bertanda tangan elektronik.",
        ["45.Screenshot_SiCantik.pdf"],
    ),
    (46, 1, "", []),
    (47, 1, "", []),
]
