"""Every file of the second sample with what an assessor concludes about it.

Labels are written from the framework (../shared/reference/spbe-framework.md §4, §5, §7 and the
Pedoman MenPANRB 3/2024 criteria per level), not from what the pipeline outputs. Per file:
`indicators` = indicator -> level the file alone supports (scored as the mapping); `topical` = the
indicators an assessor accepts the file as being about, whatever its flags (scored with
indicators + candidate_indicators); `flags` = what an admin must be told. A page of a regulation
(lampiran photo) is about its regulation's subject but supports no level alone, as in
bench/real.labels.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bench.second_sample import files as F
from bench.second_sample import regs, reports, screens
from bench.second_sample.common import REGION


@dataclass
class Spec:
    path: str
    build: F.Builder | None  # None: a byte copy of `copy_of` (written earlier)
    label: dict = field(default_factory=dict)
    copy_of: str | None = None


def lab(
    doc_type: str | None,
    fmt: str,
    indicators: dict[int, int],
    *,
    note: str,
    flags: tuple[str, ...] = (),
    topical: list[int] | None = None,
    number: str | None = None,
    year: int | None = None,
    region: str | None = REGION,
    signed: bool | None = None,
    pages: int = 1,
    ocr_pages: int = 0,
    scanned_pages: int = 0,
    **extra,
) -> dict:
    label: dict[str, Any] = {
        "status": "ok",
        "error": None,
        "format": fmt,
        "doc_type": doc_type,
        "number": number,
        "year": year,
        "region": region,
        "signed": signed,
        "flags": list(flags),
        "indicators": dict(sorted(indicators.items())),
    }
    if topical is not None:
        label["topical"] = sorted(topical)
    label |= {"pages": pages, "scanned_pages": scanned_pages, "ocr_pages": ocr_pages, **extra, "note": note}
    return label


UMBRELLA = "Bagian_Hukum/Indikator 1/Perbup_40_Tahun_2021_SPBE.pdf"
UMBRELLA_COPY = "Bagian_Hukum/Indikator 10/Perbup_40_Tahun_2021_SPBE.pdf"
PROBIS = "Bagian_Organisasi/14.Kepbup_Peta_Proses_Bisnis_2023.pdf"
REAL_OTHER_REGION = "perbup-pakpak-bharat-34-2019-rencana-induk-spbe.pdf"
UMBRELLA_LEVELS = {1: 3, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 2, 9: 3, 10: 3}
UMBRELLA_NOTE = (
    "Payung kebijakan SPBE (ditetapkan, ttd, Berita Daerah 2021/40). Pasal 6: keenam domain + berpedoman pada "
    "Arsitektur SPBE Nasional (ind. 1 L3); Pasal 7: Peta Rencana ditetapkan dengan Keputusan Bupati, muatannya "
    "tidak diatur (ind. 2 L2); Pasal 19: manajemen data tanpa interoperabilitas data = sebagian proses (ind. 3 L3, "
    "kriteria resmi tingkat 3); Pasal 14-15: siklus aplikasi + konsultasi Diskominfo (ind. 4 L3); Pasal 11-13: "
    "setiap OPD wajib memakai Pusat Data, Jaringan Intra, Sistem Penghubung Layanan (ind. 5, 6, 7 L3); Pasal 18: "
    "keamanan informasi hanya dirujuk ke pedoman, cakupan tidak diatur (ind. 8 L2); Pasal 20: ketiga audit (ind. 9 "
    "L3); Pasal 21: tugas tim untuk seluruh OPD (ind. 10 L3). Reviu terakhir 2022 (> 2 tahun): tidak ada L4. "
    "Mencabut Perbup 45/2016."
)


UMBRELLA_LABEL = lab("perbup", "pdf", UMBRELLA_LEVELS, number="40", year=2021, signed=True, pages=0, note=UMBRELLA_NOTE)
REGULATIONS = [
    Spec(UMBRELLA, F.text_pdf(regs.perbup_spbe_2021), UMBRELLA_LABEL),
    Spec(
        UMBRELLA_COPY,
        None,
        UMBRELLA_LABEL
        | {"note": "Salinan identik byte demi byte, diunggah untuk indikator 10: praktik yang wajar, bukan kesalahan."},
        copy_of=UMBRELLA,
    ),
    Spec(
        "Bagian_Hukum/Perbup_45_Tahun_2016_Rencana_Induk_TIK.pdf",
        F.text_pdf(regs.perbup_rencana_induk_2016),
        lab(
            "perbup",
            "pdf",
            {},
            flags=("superseded",),
            topical=[1, 2, 11, 12],
            number="45",
            year=2016,
            signed=True,
            pages=0,
            superseded_by=UMBRELLA,
            note="Rencana Induk TIK (Masterplan e-Government) 2016-2020: nama pra-Perpres 95/2018 untuk arsitektur "
            "dan peta rencana (topik 1, 2, 11, 12), tetapi dicabut oleh Perbup 40/2021 Pasal 23 dan masa "
            "berlakunya habis: tidak mendukung tingkat apa pun.",
        ),
    ),
    Spec(
        "Diskominfo/8.Perbup_7_Tahun_2024_Manajemen_Keamanan_Informasi.pdf",
        F.text_pdf(regs.perbup_mki_2024),
        lab(
            "perbup",
            "pdf",
            {8: 3},
            topical=[8],
            number="7",
            year=2024,
            signed=True,
            pages=0,
            note="Perbup satu pokok (manajemen keamanan informasi): keenam proses + seluruh Perangkat Daerah -> "
            "ind. 8 L3 (tanpa reviu bukan L4). Kebijakan, bukan bukti penerapan: bukan ind. 22; bukan 9 atau 10.",
        ),
    ),
    Spec(
        "Diskominfo/8.Lampiran_Perbup_7_2024.jpg",
        F.lampiran_photo,
        lab(
            "perbup",
            "jpeg",
            {},
            topical=[8],
            number="7",
            year=2024,
            signed=True,
            scanned_pages=1,
            ocr_pages=1,
            note="Foto halaman lampiran 'LAMPIRAN PERATURAN BUPATI BANJARNEGARA NOMOR 7 TAHUN 2024' (penanggung "
            "jawab keamanan informasi). Peraturannya ada di folder: bertopik ind. 8, tetapi satu halaman tidak "
            "mendukung tingkat sendiri. Bukan irrelevant.",
        ),
    ),
    Spec(
        "Diskominfo/Draft_Keputusan_Tim_Koordinasi_SPBE_2023.docx",
        F.draft_tim_docx,
        lab(
            "sk",
            "docx",
            {10: 1},
            flags=("draft",),
            topical=[10],
            number=None,
            year=2023,
            signed=False,
            note="Keputusan dengan nomor 'XXX' dan tanggal 'XX XXX 2023', tanpa ttd: konsep -> paling tinggi L1.",
        ),
    ),
    Spec(
        "Bappeda/12.Kepbup_Peta_Rencana_SPBE_2023-2027.pdf",
        F.text_pdf(regs.kepbup_peta_rencana_2023),
        lab(
            "sk",
            "pdf",
            {2: 3, 12: 3},
            topical=[2, 12],
            number="100.3.3.2/318 Tahun 2023",
            year=2023,
            signed=True,
            pages=0,
            note="Keputusan Bupati yang menetapkan Peta Rencana SPBE 2023-2027: muatan lengkap (tata kelola, "
            "manajemen, layanan, infrastruktur, aplikasi, keamanan, audit TIK) -> ind. 2 dan 12 L3. Belum direviu.",
        ),
    ),
]


def _scans_of_decrees() -> list[Spec]:
    probis = lab(
        "sk",
        "pdf",
        {14: 2},
        flags=("duplicate",),
        topical=[14],
        number="100.3.3.2/527 Tahun 2023",
        year=2023,
        signed=True,
        pages=3,
        scanned_pages=3,
        ocr_pages=3,
        note="Pindaian Keputusan Bupati tentang Peta Proses Bisnis (ttd basah dan cap), disusun sesuai PermenPANRB "
        "19/2018 -> ind. 14 L2. Ada pindaian ulang dokumen yang sama di folder yang sama.",
    )
    return [
        Spec(PROBIS, F.probis_scan, probis),
        Spec(
            "Bagian_Organisasi/14.Kepbup_Peta_Proses_Bisnis_2023_scan_ulang.pdf",
            F.probis_rescan,
            probis
            | {
                "duplicate_of": PROBIS,
                "note": "Pindaian ulang dokumen yang sama (beda mesin, derau, kemiringan): duplikat yang harus dirapikan.",
            },
        ),
    ]


LETTERS_AND_REPORTS = [
    Spec(
        "Bagian_Organisasi/Undangan_Rapat_Ranperbup_Arsitektur_SPBE.pdf",
        F.text_pdf(reports.undangan_arsitektur_2025),
        lab(
            "other",
            "pdf",
            {1: 1, 11: 1},
            topical=[1, 11],
            number="000.1.5/214/Org/2025",
            year=2025,
            signed=True,
            note="Undangan rapat penyusunan Rancangan Perbup tentang Arsitektur SPBE: bukti kegiatan penyusunan "
            "(L1 ind. 1 dan dokumen arsitektur 11, Pedoman). Bukan layanan perencanaan (32).",
        ),
    ),
    Spec(
        "Bagian_Organisasi/Laporan_Reviu_Kebijakan_SPBE_2022.pdf",
        F.text_pdf(reports.laporan_reviu_2022),
        lab(
            "laporan",
            "pdf",
            {},
            flags=("stale",),
            topical=[1, 2, 5, 6, 7, 10],
            year=2022,
            signed=True,
            note="Reviu November 2022 atas Perbup 40/2021 (permasalahan + rekomendasi): lebih dari 2 tahun sebelum "
            "2025 (Pedoman 3/2024), tidak menaikkan ke L4.",
        ),
    ),
    Spec(
        "Bagian_Organisasi/SE_Hari_Libur_Nasional_2025.pdf",
        F.text_pdf(reports.se_libur_2025),
        lab(
            "surat_edaran",
            "pdf",
            {},
            flags=("irrelevant",),
            number="800.1.4/015/2025",
            year=2025,
            signed=True,
            note="Surat edaran hari libur dan cuti bersama: bukan eviden SPBE (menyebut MenPANRB dan pelayanan hanya "
            "sambil lalu).",
        ),
    ),
    Spec(
        "Diskominfo/Laporan_Jaringan_Intra_2024.pdf",
        F.text_pdf(reports.laporan_jaringan_2024),
        lab(
            "laporan",
            "pdf",
            {17: 2},
            topical=[17],
            year=2025,
            signed=True,
            note="Operasional Jaringan Intra: 27 dari 31 PD terhubung -> ind. 17 L2. Menyebut 'keamanan informasi' "
            "sekali sambil lalu (bukan ind. 22) dan Pemerintah Provinsi Jawa Tengah (provinsinya sendiri).",
        ),
    ),
    Spec(
        "Diskominfo/19.Notulen_Rapat_Tim_Koordinasi_Feb_2025.pdf",
        F.notulen_scan,
        lab(
            "notulen",
            "pdf",
            {19: 2},
            topical=[19],
            year=2025,
            signed=True,
            scanned_pages=1,
            ocr_pages=1,
            note="Pindaian notulen: program kerja Tim Koordinasi baru sebagian terlaksana -> ind. 19 L2. Nama daerah "
            "terbaca 'Banjamegara' (rn->m): varian OCR nama sendiri, bukan daerah lain.",
        ),
    ),
    Spec(
        "Diskominfo/Register_Risiko_SPBE_2024.xlsx",
        F.register_risiko_xlsx,
        lab(
            "other",
            "xlsx",
            {21: 2},
            topical=[21],
            year=2024,
            pages=2,
            note="Register risiko SPBE Diskominfo sesuai program Peta Rencana, belum mengacu pedoman manajemen "
            "risiko SPBE -> ind. 21 L2.",
        ),
    ),
    Spec(
        "Bappeda/13.Rencana_Belanja_TIK_2024-2025.xlsx",
        F.belanja_tik_xlsx,
        lab(
            "anggaran",
            "xlsx",
            {13: 2},
            topical=[13],
            year=2025,
            pages=2,
            note="DPA dengan kolom konsultasi Diskominfo: sebagian belanja TIK belum dikonsultasikan -> ind. 13 L2.",
        ),
    ),
    Spec(
        "BKPSDM/Laporan_Bimtek_Kompetensi_SDM_SPBE_2024.pdf",
        F.text_pdf(reports.laporan_bimtek_2024),
        lab(
            "laporan",
            "pdf",
            {25: 2},
            topical=[25],
            year=2024,
            signed=True,
            note="Bimtek sesuai program Peta Rencana, baru 3 dari 6 bidang kompetensi -> ind. 25 L2.",
        ),
    ),
    Spec(
        "Inspektorat/30.LHA_Audit_Aplikasi_SPBE_2024.pdf",
        F.text_pdf(reports.lha_audit_aplikasi_2024),
        lab(
            "laporan",
            "pdf",
            {30: 3},
            topical=[30],
            number="700/014/LHA-TIK/2024",
            year=2024,
            signed=True,
            note="Audit aplikasi 2024 (< 2 tahun), seluruh hal pokok teknis, auditor internal, berdasarkan standar "
            "-> ind. 30 L3 (bukan auditor eksternal bersertifikat).",
        ),
    ),
    Spec(
        "DPMPTSP/Panduan_SiCantik_Cloud.pdf",
        F.text_pdf(reports.manual_sicantik),
        lab(
            "other",
            "pdf",
            {45: 3},
            topical=[45],
            year=2025,
            signed=True,
            note="Buku manual SiCantik: verifikasi, persetujuan, TTE, notifikasi, lacak status -> Transaksi (L3), "
            "layanan publik sektor 1 (perizinan).",
        ),
    ),
]


def _screen(path: str, draw, indicator: int, level: int, note: str) -> Spec:
    label = lab("screenshot", "png", {indicator: level}, topical=[indicator], year=2025, ocr_pages=1, note=note)
    return Spec(path, F.png(draw), label)


def _screenshots() -> list[Spec]:
    return [
        _screen(
            "Bagian_Hukum/44.Screenshot_JDIH.png",
            screens.jdih,
            44,
            2,
            "JDIH: cari dan unduh produk hukum -> Interaksi (L2).",
        ),
        _screen(
            "Bagian_Organisasi/37.Screenshot_SRIKANDI.png",
            screens.srikandi,
            37,
            3,
            "SRIKANDI: naskah masuk, disposisi, persetujuan TTE, notifikasi -> Transaksi (L3). Tab peramban "
            "'Portal Kabupaten Purbalingga' bukan penerbit: bukan other_region.",
        ),
        _screen(
            "Bappeda/32.Screenshot_SIPD_Renja.png",
            screens.sipd_perencanaan,
            32,
            3,
            "SIPD RI modul perencanaan: verifikasi dan validasi Renja -> Transaksi (L3).",
        ),
        _screen(
            "BPKAD/33.Screenshot_SIPD_RKA.png",
            screens.sipd_penganggaran,
            33,
            3,
            "SIPD RI modul penganggaran: RKA dan verifikasi TAPD -> Transaksi (L3).",
        ),
        _screen(
            "BKPSDM/36.Screenshot_SIMPEG.png",
            screens.simpeg,
            36,
            3,
            "SIMPEG: usulan kenaikan pangkat, validasi, persetujuan, notifikasi -> L3.",
        ),
        _screen(
            "BKPSDM/41.Screenshot_e-Kinerja.png",
            screens.ekinerja,
            41,
            3,
            "e-Kinerja BKN: penilaian SKP dengan persetujuan atasan -> L3.",
        ),
        _screen(
            "Diskominfo/42.Screenshot_SP4N-LAPOR.png",
            screens.lapor,
            42,
            3,
            "SP4N-LAPOR!: laporan, disposisi ke OPD, tindak lanjut -> L3.",
        ),
        _screen(
            "Diskominfo/43.Screenshot_Satu_Data.png",
            screens.satu_data,
            43,
            2,
            "Portal Satu Data: cari dan unduh dataset -> Interaksi (L2).",
        ),
    ]


def _unreadable() -> list[Spec]:
    def unread(fmt: str, pages: int, note: str) -> dict:
        return lab(
            "other",
            fmt,
            {},
            flags=("unreadable",),
            region=None,
            pages=pages,
            scanned_pages=pages,
            ocr_pages=pages,
            note=note,
        )

    return [
        Spec(
            "Inspektorat/scan_20240611_001.pdf",
            F.unreadable_scan,
            unread("pdf", 2, "Pindaian kosong dan derau: OCR tidak menghasilkan teks."),
        ),
        Spec(
            "BPKAD/IMG_20250204_081533.jpg",
            F.unreadable_photo,
            unread("jpeg", 1, "Foto gelap dan kabur: tidak terbaca."),
        ),
    ]


def _real_other_region(real: Path | None) -> list[Spec]:
    source = real / REAL_OTHER_REGION if real else None
    if source is None or not source.is_file():
        return []
    return [
        Spec(
            "Diskominfo/Referensi/Perbup_Pakpak_Bharat_34_2019_Rencana_Induk_SPBE.pdf",
            F.copy_of(source),
            lab(
                "perbup",
                "pdf",
                {},
                flags=("other_region",),
                topical=[1, 2, 11, 12],
                number="34",
                year=2019,
                region="Kabupaten Pakpak Bharat",
                signed=True,
                pages=42,
                note="Dokumen asli daerah lain (Perbup Pakpak Bharat 34/2019, ../shared/real/), disimpan sebagai referensi: "
                "tidak berlaku di Kabupaten Banjarnegara.",
            ),
        )
    ]


def specs(real: Path | None) -> list[Spec]:
    """The files in writing order (a copy after its original); `real` is ../shared/real (optional)."""
    written = REGULATIONS + _scans_of_decrees() + LETTERS_AND_REPORTS + _screenshots() + _unreadable()
    return [replace(s, label=dict(s.label)) for s in written] + _real_other_region(real)
